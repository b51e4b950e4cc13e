/** One plain-language sentence on how a gap developed, in Swedish or English. */
import type { Direction, Localized, UnitKind } from '../data/types';
import { formatNumber, type Lang } from '../format/number';
import { gapMeasure, type GapMeasureId } from './measures';
import type { TrendVerdictKind } from './trend';

/** Plural nouns for the areas of a level; Swedish needs both forms. */
export interface LevelNoun {
  /** Indefinite plural: "kommuner", "primärområden". */
  sv: string;
  /** Definite plural: "kommunerna", "primärområdena". */
  svDefinite: string;
  /** Plural: "municipalities". */
  en: string;
}

/** Input of {@link gapSummary}. */
export interface GapSummaryInput {
  indicator: { name: Localized; unit: UnitKind; decimals: number; direction: Direction };
  levelNoun: LevelNoun;
  measure: GapMeasureId;
  /** Whether the fifths are fifths of the population (else of the areas). */
  weighted?: boolean;
  from: number;
  to: number;
  gapFrom: number | null;
  gapTo: number | null;
  verdict: TrendVerdictKind;
  lang: Lang;
}

const nb = '\u00a0';

/** Unit words for a difference of two values; a difference of shares is in percentage points. */
const differenceUnit: Record<UnitKind, Localized> = {
  percent: { sv: 'procentenheter', en: 'percentage points' },
  years: { sv: 'år', en: 'years' },
  sek: { sv: 'kr', en: 'SEK' },
  ksek: { sv: 'tkr', en: 'kSEK' },
  days: { sv: 'dagar', en: 'days' },
  persons: { sv: 'personer', en: 'people' },
};

// Gini and Theil across areas are usually small (0.01–0.2), so they need three decimals to show change.
const indexDecimals: Partial<Record<GapMeasureId, number>> = { cv: 2, gini: 3, theil: 3 };
const RATIO_DECIMALS = 2;

/**
 * A sentence like "Mellan 2011 och 2022 minskade skillnaden i … mellan de
 * kommuner där den är högst och lägst, från 40 till 35 procentenheter."
 * The verb comes from the trend verdict, not the sign of gapTo − gapFrom, so
 * the text never calls noise a change.
 */
export function gapSummary(input: GapSummaryInput): string {
  const { lang, from, to, gapFrom, gapTo, verdict } = input;
  const phrase = between(input);
  const subject = `${lang === 'sv' ? 'skillnaden i' : 'the gap in'} ${lowerFirst(input.indicator.name[lang])} ${phrase}`;
  // A trailing ", mätt med …" aside needs its closing comma before the next word.
  const subjectAside = phrase.includes(',') ? `${subject},` : subject;
  if (verdict === 'insufficient-data' || gapFrom === null || gapTo === null) {
    return lang === 'sv'
      ? `Det finns för få år med uppgifter för att säga hur ${subjectAside} utvecklades mellan ${from} och ${to}.`
      : `There are too few years with data to say how ${subjectAside} developed between ${from} and ${to}.`;
  }
  const values = fromTo(input, gapFrom, gapTo);
  if (verdict === 'no-clear-change') {
    return lang === 'sv'
      ? `Mellan ${from} och ${to} förändrades ${subjectAside} inte tydligt (${values}).`
      : `Between ${from} and ${to} ${subjectAside} did not change clearly (${values}).`;
  }
  const verb = verdict === 'widening' ? { sv: 'ökade', en: 'widened' } : { sv: 'minskade', en: 'narrowed' };
  return lang === 'sv'
    ? `Mellan ${from} och ${to} ${verb.sv} ${subject}, ${values}.`
    : `Between ${from} and ${to} ${subjectAside} ${verb.en}, ${values}.`;
}

/** The phrase naming who is compared and how. */
function between({ measure, levelNoun, weighted, indicator, lang }: GapSummaryInput): string {
  const sv = lang === 'sv';
  const fifths = (): string => {
    if (!weighted) {
      return sv
        ? `mellan den femtedel av ${levelNoun.svDefinite} där den är högst och den femtedel där den är lägst`
        : `between the fifth of ${levelNoun.en} where it is highest and the fifth where it is lowest`;
    }
    if (indicator.direction === 'neutral') {
      return sv
        ? `mellan den femtedel av befolkningen som bor där den är högst och den femtedel som bor där den är lägst`
        : `between the fifth of the population living where it is highest and the fifth living where it is lowest`;
    }
    return sv
      ? `mellan den femtedel av befolkningen som bor i de mest och minst utsatta ${levelNoun.svDefinite}`
      : `between the fifth of the population living in the most and least disadvantaged ${levelNoun.en}`;
  };
  const across = sv ? `mellan ${levelNoun.svDefinite}` : `between ${levelNoun.en}`;
  switch (measure) {
    case 'range':
      return sv ? `mellan de ${levelNoun.sv} där den är högst och lägst` : `between the ${levelNoun.en} where it is highest and lowest`;
    case 'fifthGap':
      return fifths();
    case 'ratio':
      return `${fifths()}, ${sv ? 'mätt som kvot' : 'measured as a ratio'}`;
    case 'p90p10':
      return sv
        ? `${across}, mätt som kvoten mellan 90:e och 10:e percentilen`
        : `${across}, measured as the ratio of the 90th to the 10th percentile`;
    case 'cv':
      return sv ? `${across}, mätt med variationskoefficienten` : `${across}, measured by the coefficient of variation`;
    case 'gini':
      return sv ? `${across}, mätt med Gini-koefficienten` : `${across}, measured by the Gini coefficient`;
    case 'theil':
      return sv ? `${across}, mätt med Theil-index` : `${across}, measured by the Theil index`;
  }
}

/** "från 40 till 35 procentenheter" / "from 2.10 to 1.80 times" / "från 0,120 till 0,150". */
function fromTo({ measure, indicator, lang }: GapSummaryInput, a: number, b: number): string {
  const kind = gapMeasure(measure).kind;
  const decimals = kind === 'difference' ? indicator.decimals : kind === 'ratio' ? RATIO_DECIMALS : (indexDecimals[measure] ?? 3);
  const unit =
    kind === 'difference' ? differenceUnit[indicator.unit][lang] : kind === 'ratio' ? (lang === 'sv' ? 'gånger' : 'times') : '';
  const [x, y] = [formatNumber(a, lang, decimals), formatNumber(b, lang, decimals)];
  const range = lang === 'sv' ? `från ${x} till ${y}` : `from ${x} to ${y}`;
  return unit ? `${range}${nb}${unit}` : range;
}

/** Lower-cases the first letter of a name for mid-sentence use, leaving acronyms ("DeSO", "SCB") alone. */
function lowerFirst(name: string): string {
  const firstWord = name.split(/[\s-]/)[0] ?? '';
  return /\p{Lu}/u.test(firstWord.slice(1)) ? name : name.charAt(0).toLowerCase() + name.slice(1);
}
