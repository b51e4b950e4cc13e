/**
 * Is a gap widening or narrowing? The Mann–Kendall test on the gap series over A–B, with
 * Sen's slope and its confidence interval for the size of the change. Returns kinds and
 * numbers only: the wording lives in src/i18n/trend-sentences.ts.
 */
import type { IndicatorMeta } from '../data/types';
import { mannKendall, senInterval, varianceInflation, type MannKendallResult } from './mann-kendall';

/** The verdict on a gap's development over a period. */
export type TrendVerdictKind = 'widening' | 'narrowing' | 'no-clear-change' | 'insufficient-data';

/** Significance level of the trend test (two-sided): at most 5 % false calls on pure noise. */
export const TREND_ALPHA = 0.05;
/** A called change must also be at least this share of the gap's mean level. */
export const RELEVANCE_SHARE = 0.05;
/**
 * The lag-1 correlation of year-to-year deviations the sensitivity p-value assumes. The verdict itself
 * assumes independent deviations: estimating the correlation from a short series cannot tell it from a
 * curved or stepped trend (it called 40 of 138 clear real trends "no clear change", p < 0.001).
 */
export const SENSITIVITY_RHO = 0.3;

/** The verdict with the figures behind it. */
export interface TrendVerdict {
  /**
   * widening / narrowing: the test finds a trend (p < TREND_ALPHA) and the change is at least the
   * relevance floor; no-clear-change: it does not, or the change is smaller than the floor;
   * insufficient-data: too few years to tell (no ordering of so few values could be significant).
   */
  verdict: TrendVerdictKind;
  /** How the p-value was found ('none' with fewer than two points). */
  method: MannKendallResult['method'] | 'none';
  /** Kendall's S over the years used. */
  s: number;
  /** Two-sided p-value of the Mann–Kendall test (1 when not computable). */
  pValue: number;
  /** The smallest p-value so few years could give at all; above TREND_ALPHA means "too few years to tell". */
  minPValue: number;
  /** Change per year (Sen: median of the pairwise slopes); NaN with fewer than two points. */
  slope: number;
  /** Sen's intercept: the fitted line is intercept + slope · year. */
  intercept: number;
  /** Fitted change between the first and last year used: slope × span. */
  change: number;
  /** Confidence interval of the change (Sen's slope interval × span); ±Infinity when too few years. */
  changeLow: number;
  changeHigh: number;
  /** Actual confidence level of that interval (≥ 0.95 when exact; 0 when unbounded). */
  confidence: number;
  /** The p-value if neighbouring years' deviations were correlated (ρ = SENSITIVITY_RHO; normal approximation). */
  pValueIfCorrelated: number;
  /** Relevance floor: RELEVANCE_SHARE × the mean level of the gap. */
  floor: number;
  /** Mean level of the gap over the years used. */
  level: number;
  /** Years used (with a value, in the period, one per non-overlapping period), ascending. */
  years: number[];
  /** Number of years used. */
  points: number;
  /** First and last year used (NaN when none). */
  firstYear: number;
  lastYear: number;
  /** Years each value covers (5 for a 5-year mean); the years used are this far apart. */
  periodYears: number;
}

/** Options of {@link trendVerdict}. */
export interface TrendOptions {
  /**
   * Years each value summarises (e.g. 5 for life expectancy over T−4…T). Overlapping periods
   * share data, so only every `periodYears`-th year counting back from the last is used.
   */
  periodYears?: number;
}

/**
 * Verdict on a gap series between `from` and `to` (inclusive).
 *
 * Rule: the Mann–Kendall test on the years with a value (exact permutation p-value for untied
 * series up to 50 years and tied ones up to 8, else the normal approximation with tie
 * correction), assuming independent deviations from the trend. Widening or narrowing when
 * p < 0.05 and |Sen's change| ≥ 5 % of the gap's mean level; otherwise no clear change. When
 * no ordering of so few values could reach p < 0.05 (e.g. 3 or 4 years), the verdict is
 * insufficient-data ("too few years to tell"), as it is with fewer than 2 years. The change and
 * its interval are Sen's slope and its confidence interval times the span between the first
 * and last year used, in the gap's own units per year, so irregular spacing (election years)
 * is measured in years.
 */
export function trendVerdict(years: readonly number[], gap: readonly (number | null)[], from: number, to: number, options: TrendOptions = {}): TrendVerdict {
  const periodYears = Math.max(1, Math.round(options.periodYears ?? 1));
  const points = usedPoints(years, gap, from, to, periodYears);
  const t = points.map((p) => p.year);
  const y = points.map((p) => p.value);
  const n = t.length;
  const firstYear = n ? t[0]! : NaN;
  const lastYear = n ? t[n - 1]! : NaN;
  const level = n ? y.reduce((s, v) => s + v, 0) / n : NaN;
  const floor = RELEVANCE_SHARE * Math.abs(level);
  const base = { years: t, points: n, firstYear, lastYear, level, floor, periodYears };
  if (n < 2) {
    return {
      ...base,
      verdict: 'insufficient-data',
      method: 'none',
      s: 0,
      pValue: 1,
      minPValue: 1,
      slope: NaN,
      intercept: NaN,
      change: NaN,
      changeLow: -Infinity,
      changeHigh: Infinity,
      confidence: 0,
      pValueIfCorrelated: 1,
    };
  }
  const slopes = pairwiseSlopes(t, y);
  const slope = medianSorted(slopes);
  const intercept = median(y.map((v, i) => v - slope * t[i]!));
  const test = mannKendall(y, TREND_ALPHA);
  const span = lastYear - firstYear;
  const interval = senInterval(slopes, test.critical);
  const change = slope * span;
  let verdict: TrendVerdictKind;
  if (test.minPValue > TREND_ALPHA) verdict = 'insufficient-data';
  else if (test.pValue >= TREND_ALPHA || Math.abs(change) < floor) verdict = 'no-clear-change';
  else verdict = test.s > 0 ? 'widening' : 'narrowing';
  return {
    ...base,
    verdict,
    method: test.method,
    s: test.s,
    pValue: test.pValue,
    minPValue: test.minPValue,
    slope,
    intercept,
    change,
    changeLow: interval.low * span,
    changeHigh: interval.high * span,
    confidence: Number.isFinite(interval.low) && Number.isFinite(interval.high) ? test.confidence : 0,
    pValueIfCorrelated: mannKendall(y, TREND_ALPHA, varianceInflation(n, SENSITIVITY_RHO)).pValue,
  };
}

/** The points the verdict uses: a value, inside [from, to], and on the period grid counted back from the last. */
function usedPoints(
  years: readonly number[],
  gap: readonly (number | null)[],
  from: number,
  to: number,
  periodYears: number,
): { year: number; value: number }[] {
  const all: { year: number; value: number }[] = [];
  years.forEach((year, i) => {
    const value = gap[i];
    if (year >= from && year <= to && value !== null && value !== undefined && Number.isFinite(value)) all.push({ year, value });
  });
  all.sort((a, b) => a.year - b.year);
  const unique = all.filter((p, i) => i === 0 || p.year !== all[i - 1]!.year);
  if (periodYears === 1 || unique.length === 0) return unique;
  const last = unique[unique.length - 1]!.year;
  return unique.filter((p) => (last - p.year) % periodYears === 0);
}

/** Slopes between all pairs of points (years distinct), ascending. */
function pairwiseSlopes(t: readonly number[], y: readonly number[]): number[] {
  const slopes: number[] = [];
  for (let i = 0; i < t.length; i++) {
    for (let j = i + 1; j < t.length; j++) slopes.push((y[j]! - y[i]!) / (t[j]! - t[i]!));
  }
  return slopes.sort((a, b) => a - b);
}

/** Median of the slopes between all pairs of points with different years (Theil–Sen). */
export function theilSenSlope(t: readonly number[], y: readonly number[]): number {
  const slopes: number[] = [];
  for (let i = 0; i < t.length; i++) {
    for (let j = i + 1; j < t.length; j++) {
      const dt = t[j]! - t[i]!;
      if (dt !== 0) slopes.push((y[j]! - y[i]!) / dt);
    }
  }
  return median(slopes);
}

/** Median of an array (NaN when empty); does not modify the input. */
export function median(values: readonly number[]): number {
  return medianSorted([...values].sort((a, b) => a - b));
}

function medianSorted(sorted: readonly number[]): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const mid = n >> 1;
  return n % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs of years to draw as connected lines, and dashed joins between runs. */
export interface SeriesBreaks {
  /** Consecutive available years, each run drawn as one line. */
  segments: number[][];
  /** Gaps to bridge with a dashed connector (only for sparse-year indicators). */
  joins: { from: number; to: number }[];
  /** Year where a predecessor series hands over to its successor, if any. */
  breakYear: number | null;
}

/**
 * Splits the years that have values into runs of consecutive years. For
 * indicators measured only in some years (elections) the gap between runs is
 * expected, so runs are joined with dashed connectors; for others a missing
 * year is a real break and stays open. `breakYear` (a predecessor/successor
 * hand-over the caller concatenated) always starts a new run and is never joined.
 */
export function seriesBreaks(years: readonly number[], meta: Pick<IndicatorMeta, 'sparseYears'>, breakYear: number | null = null): SeriesBreaks {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const segments: number[][] = [];
  const joins: { from: number; to: number }[] = [];
  let current: number[] = [];
  for (const year of sorted) {
    const previous = current[current.length - 1];
    const split = previous !== undefined && (year !== previous + 1 || year === breakYear);
    if (split) {
      segments.push(current);
      if (meta.sparseYears && year !== breakYear) joins.push({ from: previous, to: year });
      current = [];
    }
    current.push(year);
  }
  if (current.length) segments.push(current);
  return { segments, joins, breakYear };
}
