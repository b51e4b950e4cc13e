/**
 * Pure derivations for the gap views: which period, the gap series of the chosen
 * measure, its trend verdict and summary, and the change / catching-up / drivers data.
 */
import type { IndicatorMeta, Lang, Localized } from '../data/types';
import { areaChanges, convergence, gapDrivers, type AreaChanges, type ConvergenceResult, type GapDriver } from '../stats/change';
import type { GapWords } from './gap-words';
import { measureSeries, type GapStatistics } from '../stats/gap';
import type { GapMeasureId } from '../stats/measures';
import { trendVerdict, type TrendVerdict } from '../stats/trend';
import type { AlignedSeries } from '../data/series';
import { nearestYear } from './timeline';

/** The period A–B: the requested years snapped to the series, defaulting to first and last. */
export function resolvePeriod(years: readonly number[], from: number | null, to: number | null): { from: number; to: number } {
  const first = years[0] ?? 0;
  const last = years[years.length - 1] ?? first;
  let a = from === null ? first : (nearestYear(years, from) ?? first);
  let b = to === null ? last : (nearestYear(years, to) ?? last);
  if (a >= b) {
    a = first;
    b = last;
  }
  return { from: a, to: b };
}

/** What the gap panel shows for one measure and period. */
export interface GapOverview {
  from: number;
  to: number;
  values: (number | null)[];
  verdict: TrendVerdict;
  summary: string;
}

/** The gap series of a measure, its verdict over A–B and the plain-language summary. */
export function gapOverview(
  series: AlignedSeries,
  stats: readonly GapStatistics[],
  indicator: IndicatorMeta,
  /** The level's words (i18n/level-nouns.ts's gapWords). */
  words: GapWords,
  options: { measure: GapMeasureId; from: number | null; to: number | null; lang: Lang; weighted: boolean; weightGroup?: Localized },
): GapOverview {
  const { from, to } = resolvePeriod(series.years, options.from, options.to);
  const values = measureSeries(stats, options.measure);
  const verdict = trendVerdict(series.years, values, from, to, { periodYears: indicator.periodYears });
  const at = (year: number) => values[series.years.indexOf(year)] ?? null;
  const summary = words.summary({
    indicator: { name: indicator.short, unit: indicator.unit, decimals: indicator.decimals, direction: indicator.direction },
    levelNoun: words.noun,
    measure: options.measure,
    weighted: options.weighted,
    ...(options.weightGroup ? { weightGroup: options.weightGroup } : {}),
    from,
    to,
    gapFrom: at(from),
    gapTo: at(to),
    verdict: verdict.verdict,
    points: verdict.points,
    lang: options.lang,
  });
  return { from, to, values, verdict, summary };
}

/** What the change map, the scatter and the drivers list show for A–B. */
export interface ChangeOverview {
  from: number;
  to: number;
  changes: AreaChanges;
  levelA: Float64Array;
  convergence: ConvergenceResult;
  sentence: string;
  drivers: GapDriver[];
  driversReason: string | null;
}

/** Each area's change A → B, the catching-up fit and the areas that drive the gap's change. */
export function changeOverview(
  series: AlignedSeries,
  stats: readonly GapStatistics[],
  weights: readonly (Float64Array | null)[] | null,
  indicator: IndicatorMeta,
  /** The level's words (i18n/level-nouns.ts's gapWords). */
  words: GapWords,
  options: { from: number | null; to: number | null; relative: boolean; lang: Lang },
): ChangeOverview {
  const { from, to } = resolvePeriod(series.years, options.from, options.to);
  const yearA = series.years.indexOf(from);
  const yearB = series.years.indexOf(to);
  const weightsB = weights?.[yearB] ?? null;
  const changes = areaChanges(series, from, to, { relative: options.relative, weights: weightsB, decimals: indicator.decimals });
  const levelA = series.byYear[yearA] ?? new Float64Array(series.reasons.length).fill(NaN);
  // The fit uses the absolute change: relative mode only shifts Δ by a constant.
  const absolute = options.relative ? areaChanges(series, from, to, { relative: false, decimals: indicator.decimals }).delta : changes.delta;
  const fit = convergence(levelA, absolute, indicator.direction);
  const noun = words.noun[options.lang === 'sv' ? 'sv' : 'en'];
  const sentence = words.convergence(fit, indicator.short[options.lang], from, to, noun, options.lang);
  const a = stats[yearA];
  const b = stats[yearB];
  const driven = a && b ? gapDrivers(a, b) : { drivers: [], reason: 'no-data' as const };
  return { from, to, changes, levelA, convergence: fit, sentence, drivers: driven.drivers, driversReason: driven.reason };
}

/** A gap series over years, with where a discontinued series hands over to its successor. */
export interface LinkedGapSeries {
  years: number[];
  stats: GapStatistics[];
  /** First year of the other series' part: the chart never joins a line across it. */
  breakYear: number | null;
}

/**
 * Extends an indicator's gap series with its predecessor's earlier years or its successor's
 * later years (e.g. Kolada N00914 → N02243), so the gap chart shows the whole run with the
 * hand-over marked as a break. Overlapping years keep the current indicator's values.
 */
export function linkGapSeries(
  current: { years: readonly number[]; stats: readonly GapStatistics[] },
  other: { years: readonly number[]; stats: readonly GapStatistics[] } | null,
  relation: 'successor' | 'predecessor',
): LinkedGapSeries {
  if (!other || current.years.length === 0) return { years: [...current.years], stats: [...current.stats], breakYear: null };
  const first = current.years[0]!;
  const last = current.years[current.years.length - 1]!;
  const picked = other.years.map((year, i) => ({ year, stats: other.stats[i]! })).filter(({ year }) => (relation === 'successor' ? year > last : year < first));
  if (picked.length === 0) return { years: [...current.years], stats: [...current.stats], breakYear: null };
  if (relation === 'successor') {
    return {
      years: [...current.years, ...picked.map((p) => p.year)],
      stats: [...current.stats, ...picked.map((p) => p.stats)],
      breakYear: picked[0]!.year,
    };
  }
  return {
    years: [...picked.map((p) => p.year), ...current.years],
    stats: [...picked.map((p) => p.stats), ...current.stats],
    breakYear: first,
  };
}
