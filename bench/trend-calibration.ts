/**
 * Calibration of the trend rule (src/stats/trend.ts) and the change map's "clear change" rule
 * (src/stats/change.ts) by simulation on SYNTHETIC series with a known truth:
 *   - false calls on pure noise (level 10, SD 1): independent years, and AR(1) deviations (ρ = 0.3);
 *   - power against known linear trends;
 *   - coverage of the interval of the A→B change;
 *   - the change map's per-area false calls on pure noise.
 * Seeded, so every run prints the same table. Run: npx tsx bench/trend-calibration.ts [--reps N]
 */
import { parseArgs } from 'node:util';
import type { AlignedSeries } from '../src/state/selectors';
import { areaChanges } from '../src/stats/change';
import { trendVerdict, TREND_ALPHA } from '../src/stats/trend';
import { mulberry32 } from './synthetic';

const { values: args } = parseArgs({ options: { reps: { type: 'string', default: '10000' } } });
const REPS = Number(args.reps);
const LENGTHS = [3, 4, 5, 6, 8, 10, 12, 15, 20, 25] as const;
const LEVEL = 10;
const SD = 1;
const RHO = 0.3;

/** Standard normal deviates by Box–Muller. */
function gaussian(random: () => number): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    const u = 1 - random();
    const v = random();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
}

/** n deviations with SD `sd`: independent, or AR(1) with lag-1 correlation rho (stationary start). */
function noise(normal: () => number, n: number, rho: number, sd: number): number[] {
  const out: number[] = [];
  let previous = normal() * sd;
  out.push(previous);
  const innovation = sd * Math.sqrt(1 - rho * rho);
  for (let i = 1; i < n; i++) {
    previous = rho * previous + innovation * normal();
    out.push(previous);
  }
  return out;
}

interface Outcome {
  called: number;
  covered: number;
  tooFew: number;
}

/** Runs the trend rule on REPS series of length n with the given slope per year and noise. */
function simulate(n: number, slope: number, rho: number, seed: number, step = 1): Outcome {
  const normal = gaussian(mulberry32(seed));
  const years = Array.from({ length: n }, (_, i) => 2000 + step * i);
  const truth = slope * (years[n - 1]! - years[0]!);
  let called = 0;
  let covered = 0;
  let tooFew = 0;
  for (let r = 0; r < REPS; r++) {
    const e = noise(normal, n, rho, SD);
    const gap = years.map((y, i) => LEVEL + slope * (y - years[0]!) + e[i]!);
    const v = trendVerdict(years, gap, years[0]!, years[n - 1]!);
    if (v.verdict === 'widening' || v.verdict === 'narrowing') called++;
    if (v.verdict === 'insufficient-data') tooFew++;
    if (v.changeLow <= truth && truth <= v.changeHigh) covered++;
  }
  return { called: called / REPS, covered: covered / REPS, tooFew: tooFew / REPS };
}

/** Per-area false calls of the change map (first → last year) on pure noise, over 10 × REPS areas (cheap: one pass). */
function changeMapFalseCalls(n: number, rho: number, seed: number): number {
  const normal = gaussian(mulberry32(seed));
  const areas = 10 * REPS;
  const years = Array.from({ length: n }, (_, i) => 2000 + i);
  const byYear = years.map(() => new Float64Array(areas));
  for (let a = 0; a < areas; a++) {
    const e = noise(normal, n, rho, SD);
    for (let y = 0; y < n; y++) byYear[y]![a] = LEVEL + e[y]!;
  }
  const series: AlignedSeries = { years, byYear, reasons: new Array<null>(areas).fill(null), unmatched: [], reference: null };
  const result = areaChanges(series, years[0]!, years[n - 1]!, { relative: false });
  let clear = 0;
  for (const c of result.clear) clear += c;
  return clear / areas;
}

const pct = (x: number) => `${(100 * x).toFixed(1).padStart(5)} %`;
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;

console.log(`Trend rule calibration — SYNTHETIC series, ${REPS} per cell, level ${LEVEL}, SD ${SD}, α = ${TREND_ALPHA}`);
console.log('A call = verdict widening or narrowing; "too few" = verdict "too few years to tell".\n');

console.log('False calls on pure noise (no trend)');
console.log(row(['years', 'independent', 'too few', `AR(1) ρ=${RHO}`, 'every 4th year (elections)']));
console.log(row(['---', '---', '---', '---', '---']));
LENGTHS.forEach((n, i) => {
  const iid = simulate(n, 0, 0, 1000 + i);
  const ar = simulate(n, 0, RHO, 2000 + i);
  const election = simulate(n, 0, 0, 3000 + i, 4);
  console.log(row([n, pct(iid.called), pct(iid.tooFew), pct(ar.called), pct(election.called)]));
});

const SLOPES = [0.1, 0.25, 0.5] as const;
console.log('\nPower: share of series with a known linear trend called in the right direction or either (independent noise)');
console.log(row(['years', ...SLOPES.map((s) => `slope ${s} SD/yr`), 'interval coverage (slope 0.25)']));
console.log(row(['---', ...SLOPES.map(() => '---'), '---']));
LENGTHS.forEach((n, i) => {
  const cells = SLOPES.map((s, k) => pct(simulate(n, s, 0, 4000 + 100 * k + i).called));
  const coverage = simulate(n, 0.25, 0, 5000 + i);
  console.log(row([n, ...cells, coverage.covered > 0 ? pct(coverage.covered) : 'unbounded']));
});

console.log(`\nChange map: share of areas with a "clear change" first → last year on pure noise (per area; ${10 * REPS} areas per cell)`);
console.log(row(['years', 'independent', `AR(1) ρ=${RHO}`]));
console.log(row(['---', '---', '---']));
LENGTHS.forEach((n, i) => {
  console.log(row([n, pct(changeMapFalseCalls(n, 0, 6000 + i)), pct(changeMapFalseCalls(n, RHO, 7000 + i))]));
});
