/**
 * Caption placeholders filled from the loaded data, so a story stays correct when the data
 * is refreshed: every number in a caption is computed, none typed.
 *
 *   {gap:<measure>:<year>}                 the gap in a year ("16 procentenheter")
 *   {gap:<measure>:<from>:<to>:change}     the gap's observed change A → B ("+3 procentenheter")
 *   {value:<areaCode>:<year>}              an area's value ("12 %")
 *   {verdict:<measure>:<from>:<to>}        the trend verdict's verb ("minskade" / "narrowed")
 *   {summary}                              the gap panel's sentence for the scene's measure and period
 *   {name:<areaCode>}                      an area's name
 *
 * Pure: no DOM, so it runs in Node tests and in the speaker window alike.
 */
import type { IndicatorMeta, LevelId, Localized } from '../data/types';
import { formatGapChange, formatGapValue } from '../format/gap-value';
import { formatValue, type Lang } from '../format/number';
import type { GapStatistics } from '../stats/gap';
import { measureSeries } from '../stats/gap';
import { GAP_MEASURES, type GapMeasureId } from '../stats/measures';
import { trendVerdict, type TrendVerdictKind } from '../stats/trend';
import { gapWords } from '../i18n/level-nouns';
import { gapOverview } from '../state/gap-view';
import type { AlignedSeries } from '../data/series';

/** The loaded data of one scene (its level × indicator), as the app shell and the tests have it. */
export interface PlaceholderContext {
  indicator: IndicatorMeta;
  level: LevelId;
  series: AlignedSeries;
  /** Gap statistics per year of `series` (population-weighted where the app weights them). */
  stats: readonly GapStatistics[];
  /** Area codes in feature order (the series' columns). */
  codes: readonly string[];
  /** Area names in the same order. */
  names: readonly string[];
  /** The scene's measure and period, for `{summary}`; default: range over all years. */
  measure?: GapMeasureId;
  from?: number | null;
  to?: number | null;
}

/** One placeholder as written, parsed. */
export type Placeholder =
  | { kind: 'gap'; measure: GapMeasureId; year: number }
  | { kind: 'gap-change'; measure: GapMeasureId; from: number; to: number }
  | { kind: 'value'; code: string; year: number }
  | { kind: 'verdict'; measure: GapMeasureId; from: number; to: number }
  | { kind: 'summary' }
  | { kind: 'name'; code: string };

// `{word}` or `{word:args}`; anything else with braces is ordinary text.
const PLACEHOLDER = /\{([A-Za-z]+)(?::([^{}\s]*))?\}/g;
const YEAR = /^\d{4}$/;
const AREA_CODE = /^[0-9A-Za-z_-]{1,24}$/;
const MEASURES = new Set<string>(GAP_MEASURES.map((m) => m.id));

/** Parses the inside of one placeholder ("gap:range:2011"); null when it is not one we know. */
export function parsePlaceholder(kind: string, args: string | undefined): Placeholder | null {
  const parts = args === undefined ? [] : args.split(':');
  const isMeasure = (s: string | undefined): s is GapMeasureId => s !== undefined && MEASURES.has(s);
  const isYear = (s: string | undefined): s is string => s !== undefined && YEAR.test(s);
  const isCode = (s: string | undefined): s is string => s !== undefined && AREA_CODE.test(s);
  const [a, b, c, d] = parts;
  switch (kind) {
    case 'gap':
      if (parts.length === 2 && isMeasure(a) && isYear(b)) return { kind: 'gap', measure: a, year: Number(b) };
      if (parts.length === 4 && isMeasure(a) && isYear(b) && isYear(c) && d === 'change') {
        return { kind: 'gap-change', measure: a, from: Number(b), to: Number(c) };
      }
      return null;
    case 'value':
      return parts.length === 2 && isCode(a) && isYear(b) ? { kind: 'value', code: a, year: Number(b) } : null;
    case 'verdict':
      return parts.length === 3 && isMeasure(a) && isYear(b) && isYear(c) ? { kind: 'verdict', measure: a, from: Number(b), to: Number(c) } : null;
    case 'summary':
      return args === undefined ? { kind: 'summary' } : null;
    case 'name':
      return parts.length === 1 && isCode(a) ? { kind: 'name', code: a } : null;
    default:
      return null;
  }
}

/** Every placeholder in a text, with whether it parses. */
export function findPlaceholders(text: string): { raw: string; placeholder: Placeholder | null }[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => ({ raw: m[0], placeholder: parsePlaceholder(m[1]!, m[2]) }));
}

/** The placeholders in a text that are not known (wrong kind, measure, year or argument count). */
export function unknownPlaceholders(text: string): string[] {
  return findPlaceholders(text)
    .filter((p) => p.placeholder === null)
    .map((p) => p.raw);
}

/** The verdict as a verb for a caption ("Skillnaden {verdict:…}"). */
export const VERDICT_WORDS: Record<TrendVerdictKind, Localized> = {
  widening: { sv: 'ökade', en: 'widened' },
  narrowing: { sv: 'minskade', en: 'narrowed' },
  'no-clear-change': { sv: 'förändrades inte tydligt', en: 'did not change clearly' },
  'insufficient-data': { sv: 'kan inte bedömas (för få år)', en: 'cannot be judged (too few years)' },
};

const UNKNOWN: Localized = { sv: 'okänd platshållare', en: 'unknown placeholder' };
const NOT_IN_DATA: Localized = { sv: 'saknas i data', en: 'not in the data' };

/**
 * Replaces every placeholder in `text` with its value from `context`. Unknown placeholders
 * stay visible as "[okänd platshållare: {…}]", and ones the data cannot answer (a year or area
 * the level lacks) as "[saknas i data: {…}]", so a mistake shows on screen instead of vanishing.
 */
export function fillPlaceholders(text: string, context: PlaceholderContext, lang: Lang): string {
  return text.replace(PLACEHOLDER, (raw, kind: string, args: string | undefined) => {
    const placeholder = parsePlaceholder(kind, args);
    if (!placeholder) return `[${UNKNOWN[lang]}: ${raw}]`;
    return resolve(placeholder, context, lang) ?? `[${NOT_IN_DATA[lang]}: ${raw}]`;
  });
}

/** The text of one placeholder, or null when the data has no answer. */
function resolve(p: Placeholder, context: PlaceholderContext, lang: Lang): string | null {
  const { indicator, series, stats, codes } = context;
  const yearIndex = (year: number): number => series.years.indexOf(year);
  const gapAt = (measure: GapMeasureId, year: number): number | null => stats[yearIndex(year)]?.[measure].value ?? null;
  switch (p.kind) {
    case 'gap': {
      const value = gapAt(p.measure, p.year);
      return value === null ? null : formatGapValue(value, p.measure, indicator.unit, lang, indicator.decimals);
    }
    case 'gap-change': {
      const a = gapAt(p.measure, p.from);
      const b = gapAt(p.measure, p.to);
      if (a === null || b === null) return null;
      // The observed change, so it matches the "from X to Y" a reader can check on the chart.
      return formatGapChange(b - a, p.measure, indicator.unit, lang, indicator.decimals);
    }
    case 'value': {
      const column = codes.indexOf(p.code);
      const value = series.byYear[yearIndex(p.year)]?.[column];
      if (column < 0 || value === undefined) return null;
      return formatValue(Number.isNaN(value) ? null : value, indicator.unit, lang, indicator.decimals);
    }
    case 'verdict': {
      if (yearIndex(p.from) < 0 || yearIndex(p.to) < 0 || p.from >= p.to) return null;
      const { verdict } = trendVerdict(series.years, measureSeries(stats, p.measure), p.from, p.to);
      return VERDICT_WORDS[verdict][lang];
    }
    case 'summary': {
      if (series.years.length === 0) return null;
      const overview = gapOverview(series, stats, indicator, gapWords(context.level), {
        measure: context.measure ?? 'range',
        from: context.from ?? null,
        to: context.to ?? null,
        lang,
        weighted: stats.some((s) => s.weighted),
      });
      return overview.summary;
    }
    case 'name': {
      const column = codes.indexOf(p.code);
      return column < 0 ? null : (context.names[column] ?? null);
    }
  }
}
