/**
 * The Mann–Kendall test for a monotonic trend, with Sen's confidence interval of the slope.
 *
 * The test uses only the order of the values in time, so uneven spacing (election years) does
 * not change it. p-values are exact (the permutation distribution of S: every ordering of the
 * observed values equally likely) for untied series up to 50 values and tied ones up to 8, else
 * from the normal approximation with tie and continuity corrections. A variance factor (Yue &
 * Wang 2004) shows how the p-value would change if the deviations were autocorrelated.
 */

/** Up to this many untied points the p-value is exact (the distribution takes O(n⁴/8) steps, once per n). */
export const EXACT_MAX_POINTS = 50;
/** With tied values the exact distribution is enumerated over all n! orderings: at most 8! = 40,320. */
const TIES_EXACT_MAX_POINTS = 8;

/** S = Σ_{i<j} sign(y_j − y_i) over the points in time order (t ascending, distinct). */
export function kendallS(y: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    for (let j = i + 1; j < y.length; j++) s += Math.sign(y[j]! - y[i]!);
  }
  return s;
}

/**
 * The exact null distribution of S for n untied values: P(S = N − 2k) for k = 0…N inversions,
 * N = n(n−1)/2. Built by the recursion of the Mahonian numbers, in probabilities (each new value
 * lands in any of n positions with probability 1/n and adds 0…n−1 inversions).
 */
export function exactDistribution(n: number): Float64Array {
  const known = distributions.get(n);
  if (known) return known;
  let p = Float64Array.of(1);
  for (let m = 2; m <= n; m++) {
    const next = new Float64Array(p.length + m - 1);
    for (let k = 0; k < p.length; k++) {
      const share = p[k]! / m;
      for (let j = 0; j < m; j++) next[k + j]! += share;
    }
    p = next;
  }
  distributions.set(n, p);
  return p;
}

/** Exact distributions already built, by n (the same few lengths recur on every redraw). */
const distributions = new Map<number, Float64Array>();

/** Two-sided exact p-value P(|S| ≥ |s|) for n untied values. */
export function exactPValue(s: number, n: number): number {
  if (n < 2) return 1;
  const dist = exactDistribution(n);
  const pairs = (n * (n - 1)) / 2;
  let tail = 0;
  // S = N − 2k: the upper tail S ≥ |s| is k ≤ (N − |s|)/2; S is symmetric, so double it.
  for (let k = 0; pairs - 2 * k >= Math.abs(s); k++) tail += dist[k]!;
  return s === 0 ? 1 : Math.min(1, 2 * tail);
}

/**
 * The permutation distribution of S over all n! orderings of `values` (ties allowed), as a
 * map S → probability. Enumerated with Heap's algorithm; only for n ≤ 8.
 */
export function permutationDistribution(values: readonly number[]): Map<number, number> {
  const n = values.length;
  if (n > TIES_EXACT_MAX_POINTS) throw new Error(`permutation distribution: n = ${n} > ${TIES_EXACT_MAX_POINTS}`);
  const a = [...values];
  const counts = new Map<number, number>();
  let total = 0;
  const visit = () => {
    const s = kendallS(a);
    counts.set(s, (counts.get(s) ?? 0) + 1);
    total++;
  };
  const c = new Array<number>(n).fill(0);
  visit();
  let i = 1;
  while (i < n) {
    if (c[i]! < i) {
      const j = i % 2 === 0 ? 0 : c[i]!;
      [a[j], a[i]] = [a[i]!, a[j]!];
      visit();
      c[i]!++;
      i = 1;
    } else {
      c[i] = 0;
      i++;
    }
  }
  const out = new Map<number, number>();
  for (const [s, k] of [...counts].sort(([x], [y]) => x - y)) out.set(s, k / total);
  return out;
}

/** Var(S) under no trend, corrected for tied groups: [n(n−1)(2n+5) − Σ t(t−1)(2t+5)] / 18. */
export function varianceS(y: readonly number[]): number {
  const n = y.length;
  const groups = new Map<number, number>();
  for (const v of y) groups.set(v, (groups.get(v) ?? 0) + 1);
  let ties = 0;
  for (const t of groups.values()) ties += t * (t - 1) * (2 * t + 5);
  return (n * (n - 1) * (2 * n + 5) - ties) / 18;
}

/** Standard normal upper tail 1 − Φ(z), via the complementary error function (Numerical Recipes' erfcc: relative error < 1.2e-7). */
export function normalUpperTail(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const poly =
    -1.26551223 +
    t *
      (1.00002368 +
        t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const erfc = t * Math.exp(-x * x + poly);
  return z >= 0 ? erfc / 2 : 1 - erfc / 2;
}

/** Upper α/2 quantile of the standard normal for α = 0.05. */
const Z_975 = 1.959964;

/** Yue & Wang's variance inflation n/n* = 1 + 2 Σ_{k=1}^{n−1} (1 − k/n) ρ^k for AR(1) deviations. */
export function varianceInflation(n: number, rho: number): number {
  let sum = 0;
  let power = 1;
  for (let k = 1; k < n; k++) {
    power *= rho;
    sum += (1 - k / n) * power;
  }
  return 1 + 2 * sum;
}

/** The outcome of the Mann–Kendall test on one series. */
export interface MannKendallResult {
  /** Kendall's S (positive: values tend to rise with time). */
  s: number;
  /** Two-sided p-value. */
  pValue: number;
  /** The smallest two-sided p-value the series' length (and ties) could give at all. */
  minPValue: number;
  /** Smallest |S| that is significant at α (two-sided); Infinity when no S is. */
  critical: number;
  /** 1 − P(|S| ≥ critical): the actual confidence level of Sen's interval (≥ 1 − α when exact). */
  confidence: number;
  method: 'exact' | 'exact-ties' | 'normal';
  /** The factor Var(S) was multiplied by for autocorrelation (1 = none). */
  varianceFactor: number;
}

/**
 * Mann–Kendall test of `y` (in time order) at level `alpha`. Exact when untied and n ≤ 50 (the
 * Mahonian distribution) or tied and n ≤ 8 (all orderings enumerated); otherwise, or when a
 * `varianceFactor` other than 1 is given, the normal approximation z = (|S| − 1)/√(Var(S)·factor)
 * with Var(S) tie-corrected.
 */
export function mannKendall(y: readonly number[], alpha = 0.05, varianceFactor = 1): MannKendallResult {
  const n = y.length;
  const s = kendallS(y);
  if (n < 2) return { s: 0, pValue: 1, minPValue: 1, critical: Infinity, confidence: 0, method: 'exact', varianceFactor: 1 };
  const tied = new Set(y).size < n;
  const exact = varianceFactor === 1;
  if (exact && n <= EXACT_MAX_POINTS && !tied) {
    const dist = exactDistribution(n);
    const pairs = (n * (n - 1)) / 2;
    // Upper tail P(S ≥ N − 2k), accumulated from k = 0; the two-sided p is twice it.
    let tail = 0;
    let critical = Infinity;
    let confidence = 0;
    for (let k = 0; pairs - 2 * k > 0; k++) {
      tail += dist[k]!;
      if (2 * tail <= alpha) {
        critical = pairs - 2 * k;
        confidence = 1 - 2 * tail;
      }
    }
    return { s, pValue: exactPValue(s, n), minPValue: Math.min(1, 2 * dist[0]!), critical, confidence, method: 'exact', varianceFactor: 1 };
  }
  if (exact && tied && n <= TIES_EXACT_MAX_POINTS) {
    const dist = permutationDistribution(y);
    const twoSided = (c: number) => {
      let p = 0;
      for (const [value, prob] of dist) if (Math.abs(value) >= c) p += prob;
      return Math.min(1, p);
    };
    const values = [...dist.keys()].filter((v) => v > 0).sort((a, b) => a - b);
    const max = values[values.length - 1] ?? 0;
    let critical = Infinity;
    for (const v of values) {
      if (twoSided(v) <= alpha) {
        critical = v;
        break;
      }
    }
    return {
      s,
      pValue: s === 0 ? 1 : twoSided(Math.abs(s)),
      minPValue: max > 0 ? twoSided(max) : 1,
      critical,
      confidence: Number.isFinite(critical) ? 1 - twoSided(critical) : 0,
      method: 'exact-ties',
      varianceFactor: 1,
    };
  }
  const factor = Math.max(1, varianceFactor);
  const sd = Math.sqrt(varianceS(y) * factor);
  const pairs = (n * (n - 1)) / 2;
  const p = (c: number) => (sd > 0 ? Math.min(1, 2 * normalUpperTail((c - 1) / sd)) : 1);
  // Reject when (|S| − 1)/sd ≥ z: the smallest such |S| (as a real bound) is z·sd + 1.
  const bound = Z_975 * sd + 1;
  return {
    s,
    pValue: s === 0 ? 1 : p(Math.abs(s)),
    minPValue: p(pairs),
    critical: bound <= pairs ? bound : Infinity,
    confidence: 1 - alpha,
    method: 'normal',
    varianceFactor: factor,
  };
}

/**
 * Sen's interval of the slope that goes with the test: the slopes β for which the series
 * y − β·t would not be called a trend (|S(β)| < critical). With N pairwise slopes sorted
 * ascending, it runs from the ⌊(N − c)/2⌋+1-th to the ⌈(N + c)/2⌉-th (1-based); unbounded
 * (±Infinity) when no S is significant.
 */
export function senInterval(sortedSlopes: readonly number[], critical: number): { low: number; high: number } {
  const m = sortedSlopes.length;
  if (!Number.isFinite(critical) || m === 0) return { low: -Infinity, high: Infinity };
  const lower = Math.floor((m - critical) / 2) + 1;
  const upper = Math.ceil((m + critical) / 2);
  return {
    low: lower >= 1 && lower <= m ? sortedSlopes[lower - 1]! : -Infinity,
    high: upper >= 1 && upper <= m ? sortedSlopes[upper - 1]! : Infinity,
  };
}
