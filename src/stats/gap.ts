/**
 * Gap statistics for one indicator in one year: how far apart the areas are.
 *
 * Sign convention: every measure grows with the gap and is ≥ 0 (ratios ≥ 1).
 * Differences are "high end minus low end" of the value scale; the indicator's
 * direction only says which end is the best-off one (reported as `bestEnd`).
 */
import type { Direction, IndicatorMeta, UnitKind } from '../data/types';
import type { AlignedSeries } from '../data/series';
import { gapMeasure, RATIO_UNITS, type GapMeasureId } from './measures';
import {
  createWorkspace,
  quantileSortedN,
  sampleMean,
  sortedSample,
  tailMean,
  weightedQuantileSorted,
  type SampleWorkspace,
  type SortedSample,
} from './weighted';

/** Why a measure has no value. */
export type GapReason = 'no-data' | 'too-few-areas' | 'not-meaningful-for-unit' | 'non-positive-values' | 'negative-values';

/** A measure's value, or null with the reason. */
export type Measured = { value: number; reason: null } | { value: null; reason: GapReason };

/** Range plus which areas (indices into the input) hold the extremes (-1 when none). */
export type RangeResult = Measured & { minIndex: number; maxIndex: number };

/** Gap between the top and bottom fifth, with both fifth means. */
export type FifthGapResult = Measured & {
  /** Mean of the lowest fifth (of the population when weighted, else of the areas). */
  low: number | null;
  /** Mean of the highest fifth. */
  high: number | null;
  /** Which fifth is best off: 'low' when higher is worse, 'high' when higher is better, null when neutral. */
  bestEnd: 'low' | 'high' | null;
};

/** P90/P10 with both percentiles. */
export type PercentileRatioResult = Measured & { p10: number | null; p90: number | null };

/** Theil T with each area's additive contribution (NaN for areas not used). */
export type TheilResult = Measured & { contributions: Float64Array | null };

/** All gap statistics of one year. */
export interface GapStatistics {
  /** Areas used. */
  n: number;
  /** Areas without a value (NaN), excluded. */
  missing: number;
  /** Areas with a value but missing, zero or negative population, excluded (weighted only). */
  missingWeight: number;
  /** Areas left out of the measures by rule (e.g. unclassified areas), counted in `missing` too. */
  excluded: number;
  /** Whether population weights were applied. */
  weighted: boolean;
  range: RangeResult;
  fifthGap: FifthGapResult;
  ratio: Measured;
  p90p10: PercentileRatioResult;
  cv: Measured;
  gini: Measured;
  theil: TheilResult;
  /** Mean of the areas used (population-weighted when weighted). */
  mean: number | null;
  /** The published reference (e.g. the national value) where given, else `mean`. */
  reference: number | null;
  referenceSource: 'published' | 'weighted-mean' | 'mean';
}

/** Options of {@link gapStatistics}. */
export interface GapOptions {
  /** Unit of the values; decides whether ratios are meaningful. Omitted → ratios allowed. */
  unit?: UnitKind;
  /** Direction of the indicator; decides which fifth is best off. */
  direction?: Direction;
  /** Published reference value for the year (NaN or null when absent). */
  published?: number | null;
  /** Reusable buffers (see {@link gapSeries}). */
  workspace?: SampleWorkspace;
}

const ok = (value: number): { value: number; reason: null } => ({ value, reason: null });
const no = (reason: GapReason): { value: null; reason: GapReason } => ({ value: null, reason });

/**
 * Gap statistics of one year. NaN values are missing (excluded and counted,
 * never read as 0). With `weights` (population per area) every measure is
 * population-weighted and areas without a positive population are excluded
 * from all measures and counted in `missingWeight`, so `n` is one set of areas.
 * O(n log n): one sort shared by all measures.
 */
export function gapStatistics(values: ArrayLike<number>, weights?: ArrayLike<number> | null, options: GapOptions = {}): GapStatistics {
  const sample = sortedSample(values, weights, options.workspace);
  const weighted = weights !== null && weights !== undefined;
  const { n } = sample;
  const mean = n > 0 ? sampleMean(sample) : NaN;
  const published = options.published;
  const hasPublished = published !== null && published !== undefined && Number.isFinite(published);
  const meanSource = weighted ? 'weighted-mean' : 'mean';
  const fifths = fifthMeasures(sample, options);
  return {
    n,
    missing: sample.missing,
    missingWeight: sample.missingWeight,
    excluded: 0,
    weighted,
    range: rangeOf(sample),
    fifthGap: fifths.gap,
    ratio: fifths.ratio,
    p90p10: percentileRatio(sample, weighted, options.unit),
    ...spread(sample, mean),
    mean: n > 0 ? mean : null,
    reference: hasPublished ? published : n > 0 ? mean : null,
    referenceSource: hasPublished ? 'published' : meanSource,
  };
}

/**
 * Gap statistics for every year of a series; `weights[yearIndex]` is that year's population (or
 * null). Areas in `exclude` (feature indices) are left out as if they had no value, and counted.
 */
export function gapSeries(
  series: AlignedSeries,
  weights: readonly (Float64Array | null)[] | null,
  meta: Pick<IndicatorMeta, 'unit' | 'direction'>,
  options: { exclude?: ReadonlySet<number> | null } = {},
): GapStatistics[] {
  const size = series.byYear.reduce((max, row) => Math.max(max, row.length), 0);
  const workspace = createWorkspace(size);
  const exclude = options.exclude && options.exclude.size > 0 ? options.exclude : null;
  return series.byYear.map((row, y) => {
    let values: Float64Array = row;
    let excluded = 0;
    if (exclude) {
      values = Float64Array.from(row);
      for (const i of exclude) {
        if (i < values.length && Number.isFinite(values[i]!)) excluded++;
        values[i] = NaN;
      }
    }
    const stats = gapStatistics(values, weights?.[y] ?? null, {
      unit: meta.unit,
      direction: meta.direction,
      published: series.reference?.[y] ?? null,
      workspace,
    });
    return excluded > 0 ? { ...stats, excluded } : stats;
  });
}

/** One measure picked out of a year's statistics. */
export function measureOf(stats: GapStatistics, id: GapMeasureId): Measured {
  return stats[id];
}

/** One measure's value per year (null where not computed), ready for the trend verdict. */
export function measureSeries(stats: readonly GapStatistics[], id: GapMeasureId): (number | null)[] {
  return stats.map((s) => s[id].value);
}

function enough(sample: SortedSample, id: GapMeasureId): GapReason | null {
  if (sample.n === 0) return 'no-data';
  return sample.n < gapMeasure(id).minAreas ? 'too-few-areas' : null;
}

function ratioAllowed(unit: UnitKind | undefined): boolean {
  return unit === undefined || RATIO_UNITS.has(unit);
}

function rangeOf(sample: SortedSample): RangeResult {
  const reason = enough(sample, 'range');
  if (reason) return { ...no(reason), minIndex: -1, maxIndex: -1 };
  const { values, index, n } = sample;
  return { ...ok(values[n - 1]! - values[0]!), minIndex: index[0]!, maxIndex: index[n - 1]! };
}

function fifthMeasures(sample: SortedSample, options: GapOptions): { gap: FifthGapResult; ratio: Measured } {
  const bestEnd = options.direction === 'higher-worse' ? 'low' : options.direction === 'higher-better' ? 'high' : null;
  const reason = enough(sample, 'fifthGap');
  if (reason) return { gap: { ...no(reason), low: null, high: null, bestEnd }, ratio: no(reason) };
  const low = tailMean(sample, 0.2, 'low');
  const high = tailMean(sample, 0.2, 'high');
  // The ratio reads "x times": high over low, which is worst/best when higher
  // is worse and best/worst when higher is better, so it is ≥ 1 either way.
  const ratio: Measured = !ratioAllowed(options.unit) ? no('not-meaningful-for-unit') : sample.values[0]! <= 0 ? no('non-positive-values') : ok(high / low);
  return { gap: { ...ok(high - low), low, high, bestEnd }, ratio };
}

function percentileRatio(sample: SortedSample, weighted: boolean, unit: UnitKind | undefined): PercentileRatioResult {
  const empty = { p10: null, p90: null };
  if (!ratioAllowed(unit)) return { ...no('not-meaningful-for-unit'), ...empty };
  const reason = enough(sample, 'p90p10');
  if (reason) return { ...no(reason), ...empty };
  const quantile = (p: number): number => (weighted ? weightedQuantileSorted(sample, p) : quantileSortedN(sample.values, sample.n, p));
  const p10 = quantile(0.1);
  const p90 = quantile(0.9);
  if (p10 <= 0) return { ...no('non-positive-values'), p10, p90 };
  return { ...ok(p90 / p10), p10, p90 };
}

/** CV, Gini and Theil in one pass over the sorted sample. */
function spread(sample: SortedSample, mean: number): { cv: Measured; gini: Measured; theil: TheilResult } {
  const reason = enough(sample, 'cv');
  if (reason) return { cv: no(reason), gini: no(reason), theil: { ...no(reason), contributions: null } };
  const { values, weights, n, totalWeight: W } = sample;
  const min = values[0]!;
  let squares = 0;
  // Σi Σj wi wj |xi − xj| = 2 Σk wk xk (weight below k − weight above k) on
  // ascending values: the O(n log n) form of the weighted Gini.
  let pairSum = 0;
  let below = 0;
  for (let k = 0; k < n; k++) {
    const x = values[k]!;
    const w = weights[k]!;
    const d = x - mean;
    squares += w * d * d;
    pairSum += w * x * (below - (W - below - w));
    below += w;
  }
  // Population SD (divide by W, not W − 1): the areas are the whole population, not a sample of it.
  const cv = mean > 0 ? ok(Math.sqrt(squares / W) / mean) : no('non-positive-values');
  const gini = min < 0 ? no('negative-values') : mean > 0 ? ok(pairSum / (W * W * mean)) : no('non-positive-values');
  return { cv, gini, theil: theilT(sample, mean, min) };
}

function theilT(sample: SortedSample, mean: number, min: number): TheilResult {
  // ln(0) is undefined: Theil needs every value positive.
  if (min <= 0) return { ...no('non-positive-values'), contributions: null };
  const { values, weights, index, n, totalWeight: W } = sample;
  const contributions = new Float64Array(sample.length).fill(NaN);
  let total = 0;
  for (let k = 0; k < n; k++) {
    const r = values[k]! / mean;
    const c = (weights[k]! * r * Math.log(r)) / W;
    contributions[index[k]!] = c;
    total += c;
  }
  return { ...ok(total), contributions };
}
