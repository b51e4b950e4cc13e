/** The import dialog's first choices for a table: which measure, which division and how to match. Pure. */
import type { LevelId } from '../data/types';
import type { TableView } from './import-protocol';
import type { ImportChoices } from './types';

/** A measure's key in the dialog's state (a table of one unnamed measure has the key ''). */
export const measureKey = (id: string | null): string => id ?? '';

/** The choices of a dataset matched again: its measure is fixed. */
export interface KeptChoices {
  choices: ImportChoices;
  matchByName: boolean;
}

/** What the preview starts with. */
export interface PreviewChoices {
  /** Keys of the chosen measures. */
  measures: string[];
  /** Choices per measure key. */
  choices: Partial<Record<string, ImportChoices>>;
  /** The chosen map levels. */
  levels: LevelId[];
  matchByName: Partial<Record<LevelId, boolean>>;
  /** How values carried to other levels combine: counts add up, everything else is a rate. */
  aggregation: 'rate' | 'count';
}

/**
 * The first measure (or the kept one) with its suggested choices; the level shown when it fits the
 * file (half its areas get values: an all-Sweden table dropped on Borås's map stays there), else the best match;
 * matching by name where names rather than codes found the level.
 */
export function previewChoices(view: TableView, current: LevelId, kept: KeptChoices | null): PreviewChoices {
  const keptKey = kept ? measureKey(kept.choices.measure) : null;
  const measures = [keptKey ?? measureKey(view.measures[0]?.id ?? null)];
  const choices = Object.fromEntries(view.measures.map((m) => [measureKey(m.id), kept && measureKey(m.id) === keptKey ? kept.choices : m.defaults]));
  const levels = view.divisions.filter((d) => d.level !== null && d.rows > 0);
  const best = levels[0];
  const shown = levels.find((d) => d.level === current);
  const fits = shown !== undefined && shown.areas * 2 >= shown.total;
  const matchByName = Object.fromEntries(levels.map((d) => [d.level, d.level === current && kept ? kept.matchByName : d.byName * 2 > d.rows]));
  return {
    measures,
    choices,
    levels: fits ? [current] : best?.level ? [best.level] : [],
    matchByName,
    aggregation: choices[measures[0] ?? '']?.unit === 'persons' ? 'count' : 'rate',
  };
}
