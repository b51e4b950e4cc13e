/**
 * Change between two years A → B per area, whether it stands out from the
 * area's own year-to-year noise, whether areas that started worse caught up
 * (β-convergence), and which areas drive the change of the gap (Theil).
 * Kinds and numbers only: the sentences live in src/i18n/trend-sentences.ts.
 */
import type { Direction, MissingReason } from '../data/types';
import type { AlignedSeries } from '../data/series';
import type { GapReason, GapStatistics } from './gap';
import { median } from './trend';

/** Differences between consecutive observations an area needs for its own noise estimate. */
export const MIN_DIFFERENCES = 2;

/**
 * How many standard deviations of a two-year difference (σ·√2) a clear change must exceed when σ
 * is estimated from k successive differences, for k = 2…30: the 95th percentile of |y_B − y_A| /
 * (σ̂·√2) for the first and last of k + 1 independent normal years (two runs of 400,000 and
 * 1,600,000 simulated series per k; the larger estimate, rounded up to the next 0.05 so that Monte
 * Carlo error cannot push the false-call rate above 5 %). The first → last pair needs the largest
 * multiplier, so other pairs stay below 5 %. With few differences σ̂ is itself uncertain and the
 * multiplier grows like a Student t quantile.
 */
export const CLEAR_MULTIPLIERS: readonly number[] = [
  10.5, 3.65, 2.75, 2.45, 2.3, 2.25, 2.2, 2.15, 2.15, 2.1, 2.1, 2.1, 2.1, 2.1, 2.05, 2.05, 2.05, 2.05, 2.05, 2.05, 2.05, 2.05, 2.05, 2.05, 2.05, 2.05, 2.05,
  2.05, 2.05,
];

/** The multiplier for an own noise estimate from k differences (k ≥ MIN_DIFFERENCES); 2 + 1.5/k beyond the table. */
export function clearMultiplier(k: number): number {
  if (k < MIN_DIFFERENCES) return Infinity;
  return CLEAR_MULTIPLIERS[k - MIN_DIFFERENCES] ?? 2 + 1.5 / k;
}

/** Multiplier for areas that borrow the level's median noise (well estimated, but not their own). */
export const BORROWED_MULTIPLIER = 2;

/** Why an area's change is not clear: no value in A or B (with the file's reason when known), or within the noise. */
export type ChangeReason = MissingReason | 'missing-year' | 'below-noise' | 'too-few-years';

/** Options of {@link areaChanges}. */
export interface ChangeOptions {
  /** Subtract the reference's change (the nation's, the city's) from each area's change. */
  relative: boolean;
  /** Population per area, for the weighted mean change when no published reference exists. */
  weights?: ArrayLike<number> | null;
  /** Display decimals of the indicator: a clear change must exceed half a unit of the last one. */
  decimals?: number;
}

/** Each area's change A → B and whether it is clear. */
export interface AreaChanges {
  /** B − A (minus the reference change in relative mode); NaN when either year is missing. */
  delta: Float64Array;
  /** 1 = clear change, 0 = not clear (missing, or within the threshold). */
  clear: Uint8Array;
  /** The |Δ| a clear change must exceed, per area. */
  threshold: Float64Array;
  /** Per-year noise σ per area (own or the level's median); NaN when no area has enough years. */
  noise: Float64Array;
  /** The reference's change A → B (subtracted in relative mode); null when it cannot be computed. */
  referenceChange: number | null;
  /** Where the reference change comes from. */
  referenceSource: 'published' | 'weighted-mean' | 'mean' | null;
  /** Why an area's change is not clear; null for clear changes. */
  reasons: (ChangeReason | null)[];
}

/**
 * Change of every area from year `from` to `to`.
 *
 * Noise rule: an area's noise σ per observation is the standard deviation of its successive
 * differences (consecutive observations of the series, both present, over all years), centred
 * on their mean so a steady trend is not counted as noise, divided by √2 because a difference
 * carries two observations' noise. A change A → B is clear when |Δ| > m(k) × σ × √2, where m(k)
 * is calibrated so that pure noise gives at most 5 % clear changes ({@link CLEAR_MULTIPLIERS}),
 * and > half a unit of the last displayed decimal. Areas with fewer than 2 differences borrow
 * the median σ of the areas that have their own (multiplier 2); when no area has one (a series
 * of two observations) no change is clear ('too-few-years'). Missing values in A or B → not clear.
 *
 * Relative mode: Δ is the area's change minus the reference change, taken from
 * series.reference at A and B when both are published, else the
 * population-weighted mean change of the areas with both years, else their
 * plain mean. The reference's own noise is neglected (a nation or a city
 * averages far more people than any of its areas).
 */
export function areaChanges(series: AlignedSeries, from: number, to: number, options: ChangeOptions): AreaChanges {
  const count = series.reasons.length;
  const rowA = rowOf(series, from, count);
  const rowB = rowOf(series, to, count);
  const raw = new Float64Array(count);
  for (let i = 0; i < count; i++) raw[i] = rowB[i]! - rowA[i]!;
  const { value: referenceChange, source: referenceSource } = referenceChangeOf(series, from, to, raw, options.weights);
  const shift = options.relative && referenceChange !== null ? referenceChange : 0;
  const delta = options.relative && referenceChange === null ? raw.fill(NaN) : raw.map((d) => d - shift);

  const { noise, differences } = areaNoiseWithCounts(series);
  const floor = options.decimals === undefined ? 0 : 0.5 * 10 ** -options.decimals;
  const threshold = new Float64Array(count);
  const clear = new Uint8Array(count);
  const reasons: (ChangeReason | null)[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const sigma = noise[i]!;
    const k = differences[i]!;
    const multiplier = k >= MIN_DIFFERENCES ? clearMultiplier(k) : BORROWED_MULTIPLIER;
    const t = Number.isFinite(sigma) ? Math.max(multiplier * sigma * Math.SQRT2, floor) : Infinity;
    threshold[i] = t;
    const d = delta[i]!;
    if (!Number.isFinite(d)) {
      reasons[i] = series.reasons[i] ?? 'missing-year';
    } else if (!Number.isFinite(t)) {
      reasons[i] = 'too-few-years';
    } else if (Math.abs(d) > t) {
      clear[i] = 1;
      reasons[i] = null;
    } else {
      reasons[i] = 'below-noise';
    }
  }
  return { delta, clear, threshold, noise, referenceChange, referenceSource, reasons };
}

function rowOf(series: AlignedSeries, year: number, count: number): Float64Array {
  const row = series.byYear[series.years.indexOf(year)];
  return row ?? new Float64Array(count).fill(NaN);
}

function referenceChangeOf(
  series: AlignedSeries,
  from: number,
  to: number,
  raw: Float64Array,
  weights: ArrayLike<number> | null | undefined,
): { value: number | null; source: AreaChanges['referenceSource'] } {
  const a = series.reference?.[series.years.indexOf(from)];
  const b = series.reference?.[series.years.indexOf(to)];
  if (series.years.includes(from) && series.years.includes(to) && a !== undefined && b !== undefined && Number.isFinite(a) && Number.isFinite(b)) {
    return { value: b - a, source: 'published' };
  }
  if (weights) {
    let sum = 0;
    let total = 0;
    for (let i = 0; i < raw.length; i++) {
      const w = weights[i];
      if (Number.isFinite(raw[i]!) && w !== undefined && Number.isFinite(w) && w > 0) {
        sum += w * raw[i]!;
        total += w;
      }
    }
    if (total > 0) return { value: sum / total, source: 'weighted-mean' };
  }
  let sum = 0;
  let n = 0;
  for (const d of raw) {
    if (Number.isFinite(d)) {
      sum += d;
      n++;
    }
  }
  return n > 0 ? { value: sum / n, source: 'mean' } : { value: null, source: null };
}

/** Noise σ per observation of each area (see {@link areaChanges}); areas without enough differences get the median of the others. */
export function areaNoise(series: AlignedSeries): Float64Array {
  return areaNoiseWithCounts(series).noise;
}

function areaNoiseWithCounts(series: AlignedSeries): { noise: Float64Array; differences: Int32Array } {
  const count = series.reasons.length;
  const noise = new Float64Array(count).fill(NaN);
  const differences = new Int32Array(count);
  const own: number[] = [];
  const diffs: number[] = [];
  for (let i = 0; i < count; i++) {
    diffs.length = 0;
    for (let y = 1; y < series.byYear.length; y++) {
      const d = series.byYear[y]![i]! - series.byYear[y - 1]![i]!;
      if (Number.isFinite(d)) diffs.push(d);
    }
    differences[i] = diffs.length;
    if (diffs.length < MIN_DIFFERENCES) continue;
    const mean = diffs.reduce((s, d) => s + d, 0) / diffs.length;
    const squares = diffs.reduce((s, d) => s + (d - mean) ** 2, 0);
    const sigma = Math.sqrt(squares / (diffs.length - 1) / 2);
    noise[i] = sigma;
    own.push(sigma);
  }
  const fallback = median(own);
  for (let i = 0; i < count; i++) if (Number.isNaN(noise[i]!)) noise[i] = fallback;
  return { noise, differences };
}

/** Verdict of the catching-up scatter. */
export type ConvergenceKind = 'converging' | 'diverging' | 'no-clear-relation' | 'insufficient-data';

/** Below this |slope| a relation is too weak to state (the slope is unit-free: Δ per unit of level). */
export const MIN_CONVERGENCE_SLOPE = 0.1;
/** Fewest areas for a verdict. */
export const MIN_CONVERGENCE_AREAS = 5;
/** Above this many areas the fit is OLS instead of Theil–Sen (which is O(n²)). */
export const THEIL_SEN_MAX_AREAS = 2000;

/** The fitted line of change on starting level, and what it says. */
export interface ConvergenceResult {
  /** Change per unit of starting level; negative = areas that started higher changed less. */
  slope: number;
  intercept: number;
  /** 95 % confidence interval of the slope. */
  low: number;
  high: number;
  /** Areas with both values. */
  n: number;
  method: 'theil-sen' | 'ols';
  kind: ConvergenceKind;
  direction: Direction;
}

/**
 * β-convergence: the line of Δ (A → B) on the level in A, one point per area
 * with both values (and, when `weights` are given, a positive population; the
 * fit itself counts each area once, as the scatter draws one dot per area).
 *
 * A negative slope means areas with higher starting values changed less: for a
 * higher-worse indicator the worse-off areas improved more, for a higher-better
 * one the lower (worse-off) areas gained more — converging in both cases.
 *
 * Fit: Theil–Sen (median pairwise slope, intercept = median of Δ − slope·level)
 * with Sen's 95 % interval from Kendall's S (ties ignored); above 2,000 areas
 * OLS with a normal-theory 95 % interval. Rule: converging/diverging when the
 * interval excludes 0 and |slope| ≥ 0.1, else no clear relation; fewer than 5
 * areas → insufficient data. Caveat: noise in the level of A also enters Δ with
 * the opposite sign (regression to the mean), which biases the slope towards
 * convergence for small, noisy areas.
 */
export function convergence(levelA: ArrayLike<number>, delta: ArrayLike<number>, direction: Direction, weights?: ArrayLike<number> | null): ConvergenceResult {
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < levelA.length; i++) {
    const a = levelA[i]!;
    const d = delta[i]!;
    const w = weights ? weights[i] : 1;
    if (Number.isFinite(a) && Number.isFinite(d) && w !== undefined && Number.isFinite(w) && w > 0) {
      x.push(a);
      y.push(d);
    }
  }
  const n = x.length;
  const method = n > THEIL_SEN_MAX_AREAS ? 'ols' : 'theil-sen';
  const fit = method === 'ols' ? olsFit(x, y) : theilSenFit(x, y);
  let kind: ConvergenceKind;
  if (n < MIN_CONVERGENCE_AREAS || !Number.isFinite(fit.slope)) kind = 'insufficient-data';
  else if (fit.high < 0 && fit.slope <= -MIN_CONVERGENCE_SLOPE) kind = 'converging';
  else if (fit.low > 0 && fit.slope >= MIN_CONVERGENCE_SLOPE) kind = 'diverging';
  else kind = 'no-clear-relation';
  return { ...fit, n, method, kind, direction };
}

interface Fit {
  slope: number;
  intercept: number;
  low: number;
  high: number;
}

const Z95 = 1.959964;

function theilSenFit(x: readonly number[], y: readonly number[]): Fit {
  const n = x.length;
  const slopes = new Float64Array((n * (n - 1)) / 2);
  let m = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const dx = x[j]! - x[i]!;
      if (dx !== 0) slopes[m++] = (y[j]! - y[i]!) / dx;
    }
  }
  const sorted = slopes.subarray(0, m).sort();
  if (m === 0) return { slope: NaN, intercept: NaN, low: NaN, high: NaN };
  const mid = m >> 1;
  const slope = m % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const intercept = median(x.map((xi, i) => y[i]! - slope * xi));
  // Sen (1968): the interval runs between the slopes ranked (m ∓ C)/2, C = z·√Var(S).
  const c = Z95 * Math.sqrt((n * (n - 1) * (2 * n + 5)) / 18);
  // Ranks are 1-based in Sen's paper: lower (m − C)/2, upper (m + C)/2 + 1; rounded outwards.
  const lower = Math.floor((m - c) / 2) - 1;
  const upper = Math.ceil((m + c) / 2);
  const low = lower >= 0 ? sorted[lower]! : -Infinity;
  const high = upper < m ? sorted[upper]! : Infinity;
  return { slope, intercept, low, high };
}

function olsFit(x: readonly number[], y: readonly number[]): Fit {
  const n = x.length;
  if (n < 2) return { slope: NaN, intercept: NaN, low: NaN, high: NaN };
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (x[i]! - mx) ** 2;
    sxy += (x[i]! - mx) * (y[i]! - my);
  }
  if (sxx === 0) return { slope: NaN, intercept: NaN, low: NaN, high: NaN };
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  let sse = 0;
  for (let i = 0; i < n; i++) sse += (y[i]! - intercept - slope * x[i]!) ** 2;
  const se = n > 2 ? Math.sqrt(sse / (n - 2) / sxx) : Infinity;
  return { slope, intercept, low: slope - Z95 * se, high: slope + Z95 * se };
}

/** One area's share in the change of the Theil index between A and B. */
export interface GapDriver {
  /** Index of the area in the level's feature order. */
  index: number;
  contributionA: number;
  contributionB: number;
  /** contributionB − contributionA: positive = the area widened the gap. */
  change: number;
}

/**
 * The areas whose Theil contribution changed most between A and B, largest
 * |change| first (ties: lower index first). The contributions sum to the index,
 * so the changes sum to its change. Areas used in only one of the years are
 * left out. When either year has no Theil index (a non-positive value), the
 * list is empty with that reason.
 */
export function gapDrivers(statsA: GapStatistics, statsB: GapStatistics, top = 8): { drivers: GapDriver[]; reason: GapReason | null } {
  const a = statsA.theil.contributions;
  const b = statsB.theil.contributions;
  if (!a || !b) return { drivers: [], reason: statsA.theil.reason ?? statsB.theil.reason ?? 'no-data' };
  const drivers: GapDriver[] = [];
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index++) {
    const contributionA = a[index]!;
    const contributionB = b[index]!;
    if (Number.isFinite(contributionA) && Number.isFinite(contributionB)) {
      drivers.push({ index, contributionA, contributionB, change: contributionB - contributionA });
    }
  }
  if (drivers.length === 0) return { drivers, reason: 'no-data' };
  drivers.sort((p, q) => Math.abs(q.change) - Math.abs(p.change) || p.index - q.index);
  return { drivers: drivers.slice(0, top), reason: null };
}
