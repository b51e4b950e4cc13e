/**
 * Benchmark of the gap engine: all gap statistics for every year of one
 * SYNTHETIC indicator (6,000 areas × 25 years, seeded random values and
 * populations). Budget: ≤ 50 ms median per indicator. Run: npx tsx bench/gap-stats.ts
 */
import { performance } from 'node:perf_hooks';
import type { AlignedSeries } from '../src/state/selectors';
import { gapSeries } from '../src/stats/gap';

const AREAS = 6000;
const YEARS = 25;
const RUNS = 30;
const WARMUP = 5;
const BUDGET_MS = 50;

/** mulberry32: small seeded PRNG, so every run measures the same data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function syntheticIndicator(random: () => number): { series: AlignedSeries; weights: Float64Array[] } {
  const base = Float64Array.from({ length: AREAS }, () => 2 + 40 * random() ** 2);
  const byYear: Float64Array[] = [];
  const weights: Float64Array[] = [];
  for (let y = 0; y < YEARS; y++) {
    // ~3 % suppressed (NaN) and ~1 % without population, as in real DeSO data.
    byYear.push(Float64Array.from(base, (v) => (random() < 0.03 ? NaN : v * (0.9 + 0.2 * random()))));
    weights.push(Float64Array.from(base, () => (random() < 0.01 ? 0 : 700 + Math.floor(2300 * random()))));
  }
  const series: AlignedSeries = {
    years: Array.from({ length: YEARS }, (_, y) => 2000 + y),
    byYear,
    reasons: new Array<null>(AREAS).fill(null),
    unmatched: [],
    reference: null,
  };
  return { series, weights };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

const { series, weights } = syntheticIndicator(prng(20240601));
const meta = { unit: 'percent', direction: 'higher-worse' } as const;
let checksum = 0;
for (let i = 0; i < WARMUP; i++) checksum += gapSeries(series, weights, meta)[0]!.gini.value ?? 0;
const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const start = performance.now();
  const stats = gapSeries(series, weights, meta);
  times.push(performance.now() - start);
  checksum += stats[YEARS - 1]!.theil.value ?? 0;
}
times.sort((a, b) => a - b);
const median = percentile(times, 0.5);
console.log(`gap-stats bench — SYNTHETIC indicator: ${AREAS} areas × ${YEARS} years, population-weighted, ${RUNS} runs`);
console.log(`gapSeries (all measures, all years): median ${median.toFixed(1)} ms, p95 ${percentile(times, 0.95).toFixed(1)} ms`);
console.log(`budget ≤ ${BUDGET_MS} ms median: ${median <= BUDGET_MS ? 'met' : 'NOT MET'} (checksum ${checksum.toFixed(3)})`);
