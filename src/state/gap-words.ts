/**
 * What the gap views need worded: the level's nouns, the summary sentence and the catching-up
 * sentence. The core states the facts and this interface; src/i18n/trend-sentences.ts words
 * them, handed in with the statistics (shell/analysis.ts), so the core holds no UI strings.
 */
import type { Direction, Lang, Localized, UnitKind } from '../data/types';
import type { ConvergenceResult } from '../stats/change';
import type { GapMeasureId } from '../stats/measures';
import type { TrendVerdictKind } from '../stats/trend';

/** Plural nouns for the areas of a level; Swedish needs both forms. */
export interface LevelNoun {
  /** Indefinite plural: "kommuner", "primärområden". */
  sv: string;
  /** Definite plural: "kommunerna", "primärområdena". */
  svDefinite: string;
  /** Plural: "municipalities". */
  en: string;
}

/** The facts of a gap summary sentence. */
export interface GapSummaryInput {
  indicator: { name: Localized; unit: UnitKind; decimals: number; direction: Direction };
  levelNoun: LevelNoun;
  measure: GapMeasureId;
  /** Whether the fifths are fifths of people (else of the areas). */
  weighted?: boolean;
  /** Who the fifths are fifths of, as a definite noun phrase ("barnen 0–19 år"); default the population. */
  weightGroup?: Localized;
  from: number;
  to: number;
  gapFrom: number | null;
  gapTo: number | null;
  verdict: TrendVerdictKind;
  /** Years the verdict used; with 2 or more but an insufficient verdict, it is "too few years to tell". */
  points?: number;
  lang: Lang;
}

/** The words of one level's gap views. */
export interface GapWords {
  /** The level's plural nouns. */
  noun: LevelNoun;
  /** The one-sentence summary of a gap's development over A–B. */
  summary(input: GapSummaryInput): string;
  /** The catching-up sentence of a convergence fit. */
  convergence(result: ConvergenceResult, indicatorShort: string, from: number, to: number, levelNounPlural: string, lang: Lang): string;
}
