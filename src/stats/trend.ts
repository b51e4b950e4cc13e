/**
 * Is a gap widening or narrowing? A robust trend (Theil–Sen) judged against the
 * series' own year-to-year noise and a relevance floor.
 */
import type { IndicatorMeta, Localized } from '../data/types';

/** The verdict on a gap's development over a period. */
export type TrendVerdictKind = 'widening' | 'narrowing' | 'no-clear-change' | 'insufficient-data';

/** How many times the noise the fitted change must exceed. */
export const NOISE_FACTOR = 2;
/** The fitted change must also exceed this share of the gap's mean level. */
export const RELEVANCE_SHARE = 0.05;
/** MAD × this estimates the standard deviation for normal noise. */
const MAD_TO_SD = 1.4826;

/** The rule, for the UI next to the verdict. */
export const TREND_RULE: Localized = {
  sv: 'Skillnaden räknas som ökande eller minskande när den anpassade förändringen under perioden (Theil–Sen-linje) är större än både två gånger den normala variationen från år till år och 5 procent av skillnadens genomsnittliga nivå. Annars: ingen tydlig förändring. Med bara två år jämförs förändringen enbart med 5-procentsgränsen.',
  en: 'The gap counts as widening or narrowing when the fitted change over the period (Theil–Sen line) exceeds both twice the normal year-to-year variation and 5 per cent of the gap’s mean level. Otherwise: no clear change. With only two years the change is compared with the 5 per cent floor alone.',
};

/** The verdict with the figures behind it. */
export interface TrendVerdict {
  verdict: TrendVerdictKind;
  /** How the verdict was reached: a fitted line, or just two observed years. */
  basis: 'fit' | 'two-points' | 'none';
  /** Change per year (Theil–Sen: median of pairwise slopes); NaN when insufficient. */
  slope: number;
  /** Fitted change between the first and last year with values in the period. */
  change: number;
  /** Typical scatter of one year's gap around the trend (robust SD); 0 with two points. */
  noise: number;
  /** Relevance floor: RELEVANCE_SHARE × mean level of the gap in the period. */
  floor: number;
  /** Mean level of the gap over the years used. */
  level: number;
  /** Years with a value in the period. */
  points: number;
  /** First and last year with a value in the period (NaN when none). */
  firstYear: number;
  lastYear: number;
}

/**
 * Verdict on a gap series between `from` and `to` (inclusive).
 *
 * Rule: with ≥ 3 years, widening when the fitted change exceeds both
 * NOISE_FACTOR × noise and the relevance floor (RELEVANCE_SHARE × mean level),
 * narrowing when it is below the negatives of both, else no clear change.
 * Noise is 1.4826 × the median absolute residual around the Theil–Sen line
 * (≥ 4 years), or, with 3 years, the same scale from year-to-year differences
 * (divided by √2 because a difference carries two years' noise). With exactly
 * 2 years the raw change is compared with the floor alone (basis 'two-points');
 * with fewer the verdict is 'insufficient-data'. The fitted change runs over
 * the years that have values, so a line is never extrapolated past the data.
 */
export function trendVerdict(
  years: readonly number[],
  gap: readonly (number | null)[],
  from: number,
  to: number,
): TrendVerdict {
  const t: number[] = [];
  const y: number[] = [];
  years.forEach((year, i) => {
    const value = gap[i];
    if (year >= from && year <= to && value !== null && value !== undefined && Number.isFinite(value)) {
      t.push(year);
      y.push(value);
    }
  });
  const points = t.length;
  const firstYear = points ? Math.min(...t) : NaN;
  const lastYear = points ? Math.max(...t) : NaN;
  const level = points ? y.reduce((s, v) => s + v, 0) / points : NaN;
  const floor = RELEVANCE_SHARE * Math.abs(level);
  const base = { points, firstYear, lastYear, level, floor };
  if (points < 2 || firstYear === lastYear) {
    return { ...base, verdict: 'insufficient-data', basis: 'none', slope: NaN, change: NaN, noise: NaN };
  }
  const slope = theilSenSlope(t, y);
  const change = slope * (lastYear - firstYear);
  const noise = points === 2 ? 0 : points < 4 ? differenceNoise(t, y) : residualNoise(t, y, slope);
  const threshold = Math.max(NOISE_FACTOR * noise, floor);
  const verdict: TrendVerdictKind = change > threshold ? 'widening' : change < -threshold ? 'narrowing' : 'no-clear-change';
  return { ...base, verdict, basis: points === 2 ? 'two-points' : 'fit', slope, change, noise };
}

/** Median of the slopes between all pairs of points with different years. */
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
  const n = values.length;
  if (n === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = n >> 1;
  return n % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function residualNoise(t: readonly number[], y: readonly number[], slope: number): number {
  // Intercept as the median of y − slope·t, so the residuals are centred at 0.
  const intercept = median(y.map((v, i) => v - slope * t[i]!));
  return MAD_TO_SD * median(y.map((v, i) => Math.abs(v - intercept - slope * t[i]!)));
}

function differenceNoise(t: readonly number[], y: readonly number[]): number {
  // Per-year differences, sorted by year, so a steady trend has zero noise.
  const order = t.map((_, i) => i).sort((a, b) => t[a]! - t[b]!);
  const steps: number[] = [];
  for (let k = 1; k < order.length; k++) {
    const a = order[k - 1]!;
    const b = order[k]!;
    steps.push((y[b]! - y[a]!) / (t[b]! - t[a]!));
  }
  const centre = median(steps);
  return (MAD_TO_SD * median(steps.map((d) => Math.abs(d - centre)))) / Math.SQRT2;
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
export function seriesBreaks(
  years: readonly number[],
  meta: Pick<IndicatorMeta, 'sparseYears'>,
  breakYear: number | null = null,
): SeriesBreaks {
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
