/**
 * Weighted sample helpers shared by the gap measures: one sort per year, then
 * every measure reads the same ascending arrays.
 */

/** The areas of one year that enter the gap measures, sorted by value (ascending). */
export interface SortedSample {
  /** Values, ascending; only the first `n` entries are meaningful. */
  values: Float64Array;
  /** Weight of each sorted value (1 when unweighted). */
  weights: Float64Array;
  /** Index of each sorted value in the caller's array. */
  index: Int32Array;
  /** Number of areas used. */
  n: number;
  /** Length of the caller's array (used + excluded). */
  length: number;
  /** Sum of the weights of the areas used. */
  totalWeight: number;
  /** Areas without a value (NaN or ±Infinity). */
  missing: number;
  /** Areas with a value but a missing, zero or negative weight. */
  missingWeight: number;
}

/** Reusable buffers, so a loop over years allocates nothing per year. */
export interface SampleWorkspace {
  values: Float64Array;
  weights: Float64Array;
  index: Int32Array;
}

/** Buffers for samples of up to `size` areas. */
export function createWorkspace(size: number): SampleWorkspace {
  return {
    values: new Float64Array(size),
    weights: new Float64Array(size),
    index: new Int32Array(size),
  };
}

/**
 * Keeps the areas with a finite value (and, when weights are given, a positive
 * finite weight), counts the others, and sorts the kept ones by value.
 * Missing values are never read as 0: a suppressed figure is not a zero.
 */
export function sortedSample(
  values: ArrayLike<number>,
  weights: ArrayLike<number> | null | undefined,
  workspace: SampleWorkspace = createWorkspace(values.length),
): SortedSample {
  const length = values.length;
  const ws = workspace.values.length >= length ? workspace : createWorkspace(length);
  const keys = ws.values;
  const index = ws.index;
  let n = 0;
  let missing = 0;
  let missingWeight = 0;
  for (let i = 0; i < length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) {
      missing++;
      continue;
    }
    if (weights) {
      const w = weights[i];
      if (w === undefined || !Number.isFinite(w) || w <= 0) {
        missingWeight++;
        continue;
      }
    }
    keys[n] = v;
    index[n] = i;
    n++;
  }
  sortPairs(keys, index, 0, n - 1);
  let totalWeight = 0;
  for (let k = 0; k < n; k++) {
    const w = weights ? weights[index[k]!]! : 1;
    ws.weights[k] = w;
    totalWeight += w;
  }
  return { values: ws.values, weights: ws.weights, index: ws.index, n, length, totalWeight, missing, missingWeight };
}

/** Weighted mean of a sample (NaN when empty). */
export function sampleMean(sample: SortedSample): number {
  const { values, weights, n, totalWeight } = sample;
  if (n === 0) return NaN;
  let sum = 0;
  for (let k = 0; k < n; k++) sum += weights[k]! * values[k]!;
  return sum / totalWeight;
}

/** Type-7 quantile (R's default, as d3 and the legend use) of the first `n` ascending values. */
export function quantileSortedN(sorted: ArrayLike<number>, n: number, p: number): number {
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  const b = sorted[Math.min(lo + 1, n - 1)]!;
  return a + (b - a) * (h - lo);
}

/**
 * Weighted quantile of the population: the value of the area where the
 * cumulative population first reaches the share `p` — the area the person at
 * that percentile lives in. When the cut falls exactly on a boundary between
 * two areas, their values are averaged (as for an even-sized median). Depends
 * only on weight shares, so multiplying all populations by a constant leaves
 * it unchanged. Not interpolated: a big area covering the cut owns it.
 */
export function weightedQuantileSorted(sample: SortedSample, p: number): number {
  const { values, weights, n, totalWeight } = sample;
  if (n === 0) return NaN;
  const target = p * totalWeight;
  // Tolerance so that e.g. 10 equal areas put P10 exactly on the first boundary despite rounding.
  const epsilon = totalWeight * 1e-12;
  let cumulative = 0;
  for (let k = 0; k < n; k++) {
    cumulative += weights[k]!;
    if (cumulative >= target - epsilon) {
      const onBoundary = Math.abs(cumulative - target) <= epsilon && k + 1 < n;
      return onBoundary ? (values[k]! + values[k + 1]!) / 2 : values[k]!;
    }
  }
  return values[n - 1]!;
}

/**
 * Mean of the lowest (`end = 'low'`) or highest share `share` of the total
 * weight; the area straddling the cut counts with the fraction of its weight
 * that falls inside.
 */
export function tailMean(sample: SortedSample, share: number, end: 'low' | 'high'): number {
  const { values, weights, n, totalWeight } = sample;
  if (n === 0) return NaN;
  const budget = share * totalWeight;
  let taken = 0;
  let sum = 0;
  for (let step = 0; step < n && taken < budget; step++) {
    const k = end === 'low' ? step : n - 1 - step;
    const w = Math.min(weights[k]!, budget - taken);
    sum += w * values[k]!;
    taken += w;
  }
  return sum / taken;
}

/**
 * Sorts keys[lo..hi] ascending and moves index along (not stable; ties are
 * equal values, so no measure can tell). Hand-written on typed arrays because
 * Array#sort with a comparator over an index array took ~1.2 ms per year of
 * 6,000 areas, this ~0.4 ms (bench/gap-stats.ts).
 */
export function sortPairs(keys: Float64Array, index: Int32Array, lo: number, hi: number): void {
  while (hi - lo > 16) {
    // Median of three as pivot, so already sorted input stays O(n log n).
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < keys[lo]!) swap(keys, index, mid, lo);
    if (keys[hi]! < keys[lo]!) swap(keys, index, hi, lo);
    if (keys[hi]! < keys[mid]!) swap(keys, index, hi, mid);
    const pivot = keys[mid]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (keys[i]! < pivot) i++;
      while (keys[j]! > pivot) j--;
      if (i <= j) swap(keys, index, i++, j--);
    }
    // Recurse into the smaller half, loop on the larger: stack depth stays O(log n).
    if (j - lo < hi - i) {
      sortPairs(keys, index, lo, j);
      lo = i;
    } else {
      sortPairs(keys, index, i, hi);
      hi = j;
    }
  }
  for (let i = lo + 1; i <= hi; i++) {
    const key = keys[i]!;
    const id = index[i]!;
    let j = i - 1;
    while (j >= lo && keys[j]! > key) {
      keys[j + 1] = keys[j]!;
      index[j + 1] = index[j]!;
      j--;
    }
    keys[j + 1] = key;
    index[j + 1] = id;
  }
}

function swap(keys: Float64Array, index: Int32Array, a: number, b: number): void {
  const k = keys[a]!;
  keys[a] = keys[b]!;
  keys[b] = k;
  const i = index[a]!;
  index[a] = index[b]!;
  index[b] = i;
}
