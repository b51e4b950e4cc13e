import { describe, expect, it } from 'vitest';
import type { AlignedSeries } from '../../src/state/selectors';
import { convergenceSentence } from '../../src/i18n/trend-sentences';
import { areaChanges, areaNoise, clearMultiplier, convergence, gapDrivers, type ConvergenceResult } from '../../src/stats/change';
import { gapStatistics } from '../../src/stats/gap';

const N = NaN;

/** Areas as columns: one array per area over the years 2010–2014. */
function series(areas: number[][], reference: number[] | null = null, reasons?: AlignedSeries['reasons']): AlignedSeries {
  const years = [2010, 2011, 2012, 2013, 2014];
  return {
    years,
    byYear: years.map((_, y) => Float64Array.from(areas, (a) => a[y]!)),
    reasons: reasons ?? areas.map(() => null),
    unmatched: [],
    reference: reference ? Float64Array.from(reference) : null,
  };
}

// Area 0: diffs [2, −1, 2, 1], mean 1, squares 1 + 4 + 1 + 0 = 6, SD² 6/3 = 2 → σ = √(2/2) = 1;
//   4 differences → multiplier 2.75, threshold 2.75·1·√2 = 3.889.
// Area 1: two differences (0 and 1) → SD² 0.5, σ = 0.5, multiplier 10.5, threshold 7.425.
// Area 2: steady +1 a year → σ 0.  Area 3: suppressed throughout → the median own σ of [1, 0.5, 0, 0] = 0.25,
//   multiplier 2.  Area 4: +1 a year, missing in 2014 → σ 0.
const areas = [
  [10, 12, 11, 13, 14],
  [20, 20, N, 20, 21],
  [5, 6, 7, 8, 9],
  [N, N, N, N, N],
  [3, 4, 5, 6, N],
];
const reasons: AlignedSeries['reasons'] = [null, null, null, 'suppressed', null];

describe('areaNoise(series)', () => {
  it('is the SD of the successive differences / √2, the level median for areas with < 2 differences', () => {
    const noise = areaNoise(series(areas, null, reasons));
    expect(Array.from(noise)).toEqual([1, 0.5, 0, 0.25, 0]);
  });
  it('is NaN everywhere when no area has two differences', () => {
    const noise = areaNoise(series([[1, 2, N, N, N]]));
    expect(Number.isNaN(noise[0]!)).toBe(true);
  });
});

describe('clearMultiplier(k)', () => {
  it.each([
    [1, Infinity],
    [2, 10.5],
    [3, 3.65],
    [4, 2.75],
    [30, 2.05],
    // Beyond the table: 2 + 1.5/k.
    [50, 2.03],
  ])('k = %d → %d', (k, m) => expect(clearMultiplier(k)).toBeCloseTo(m, 12));
});

describe('areaChanges(series, from, to, options)', () => {
  const s = series(areas, null, reasons);
  const cases: { title: string; from: number; to: number; delta: number[]; clear: number[]; reasons: unknown[] }[] = [
    {
      title: '2010 → 2014: raw changes, missing years with their reason',
      from: 2010,
      to: 2014,
      delta: [4, 1, 4, N, N],
      // Area 0: 4 > 3.889; area 1: 1 < 7.425 (two differences say little about its noise).
      clear: [1, 0, 1, 0, 0],
      reasons: [null, 'below-noise', null, 'suppressed', 'missing-year'],
    },
    {
      title: '2011 → 2012: −1 is within area 0’s threshold of 3.889',
      from: 2011,
      to: 2012,
      delta: [-1, N, 1, N, 1],
      clear: [0, 0, 1, 0, 1],
      reasons: ['below-noise', 'missing-year', null, 'suppressed', null],
    },
    {
      title: 'a year outside the series gives no change',
      from: 2009,
      to: 2014,
      delta: [N, N, N, N, N],
      clear: [0, 0, 0, 0, 0],
      reasons: ['missing-year', 'missing-year', 'missing-year', 'suppressed', 'missing-year'],
    },
  ];
  for (const c of cases) {
    it(c.title, () => {
      const result = areaChanges(s, c.from, c.to, { relative: false });
      expect(Array.from(result.delta)).toEqual(c.delta);
      expect(Array.from(result.clear)).toEqual(c.clear);
      expect(result.reasons).toEqual(c.reasons);
    });
  }

  it('threshold is m(k)·σ·√2 (borrowed σ: 2·σ·√2), at least half a unit of the last displayed decimal', () => {
    const plain = areaChanges(s, 2010, 2014, { relative: false });
    expect(plain.threshold[0]).toBeCloseTo(2.75 * Math.SQRT2, 12);
    expect(plain.threshold[1]).toBeCloseTo(10.5 * 0.5 * Math.SQRT2, 12);
    expect(plain.threshold[2]).toBe(0);
    expect(plain.threshold[3]).toBeCloseTo(2 * 0.25 * Math.SQRT2, 12);
    const oneDecimal = areaChanges(s, 2010, 2014, { relative: false, decimals: 1 });
    expect(oneDecimal.threshold[2]).toBeCloseTo(0.05, 12);
    expect(oneDecimal.threshold[0]).toBeCloseTo(2.75 * Math.SQRT2, 12);
  });

  it('with only two observations in the whole series no change is clear: too few years', () => {
    const two = series([
      [1, 5, N, N, N],
      [2, 2, N, N, N],
    ]);
    const result = areaChanges(two, 2010, 2011, { relative: false });
    expect(Array.from(result.clear)).toEqual([0, 0]);
    expect(result.reasons).toEqual(['too-few-years', 'too-few-years']);
  });

  it('a change equal to the precision floor is not clear', () => {
    const flat = series([[1, 1, 1, 1, 1.5]]);
    const result = areaChanges(flat, 2013, 2014, { relative: false, decimals: 0 });
    expect(result.delta[0]).toBe(0.5);
    expect(result.clear[0]).toBe(0);
    expect(result.reasons[0]).toBe('below-noise');
  });

  it('relative mode subtracts the published reference change (103 − 100 = 3)', () => {
    const withReference = series(areas, [100, N, N, N, 103], reasons);
    const result = areaChanges(withReference, 2010, 2014, { relative: true, decimals: 0 });
    expect(result.referenceChange).toBe(3);
    expect(result.referenceSource).toBe('published');
    expect(Array.from(result.delta)).toEqual([1, -2, 1, N, N]);
    // Area 0: |1| < 3.889 and area 1: |−2| < 7.425 → not clear; area 2: |1| > 0.5 → clear.
    expect(Array.from(result.clear)).toEqual([0, 0, 1, 0, 0]);
  });

  it('without a published reference: the weighted mean change, else the plain mean', () => {
    const weights = [1, 2, 1, 5, 5];
    const weighted = areaChanges(s, 2010, 2014, { relative: true, weights });
    // (1·4 + 2·1 + 1·4) / 4 = 2.5; areas 3 and 4 have no change.
    expect(weighted.referenceChange).toBe(2.5);
    expect(weighted.referenceSource).toBe('weighted-mean');
    expect(Array.from(weighted.delta)).toEqual([1.5, -1.5, 1.5, N, N]);
    const plain = areaChanges(s, 2010, 2014, { relative: true });
    expect(plain.referenceChange).toBe(3);
    expect(plain.referenceSource).toBe('mean');
  });

  it('a reference missing in one of the years falls back to the mean', () => {
    const partial = series(areas, [100, N, N, N, N], reasons);
    expect(areaChanges(partial, 2010, 2014, { relative: true }).referenceSource).toBe('mean');
  });

  it('reports the reference change but leaves Δ absolute when not relative', () => {
    const result = areaChanges(series(areas, [100, N, N, N, 103], reasons), 2010, 2014, { relative: false });
    expect(result.referenceChange).toBe(3);
    expect(result.delta[0]).toBe(4);
  });

  it('no area with both years: no reference change, all NaN', () => {
    const result = areaChanges(s, 2009, 2014, { relative: true });
    expect(result.referenceChange).toBeNull();
    expect(result.referenceSource).toBeNull();
    expect(Array.from(result.delta).every(Number.isNaN)).toBe(true);
  });

  it('handles an empty level', () => {
    const result = areaChanges(series([]), 2010, 2014, { relative: false });
    expect(result.delta.length).toBe(0);
    expect(result.reasons).toEqual([]);
  });
});

describe('convergence(levelA, delta, direction, weights?)', () => {
  const x = [1, 2, 3, 4, 5, 6];
  const cases: { title: string; y: number[]; slope: number; intercept: number; kind: ConvergenceResult['kind'] }[] = [
    { title: 'Δ = 10 − 0.5·level: converging', y: x.map((v) => 10 - 0.5 * v), slope: -0.5, intercept: 10, kind: 'converging' },
    { title: 'Δ = 0.5·level: diverging', y: x.map((v) => 0.5 * v), slope: 0.5, intercept: 0, kind: 'diverging' },
    { title: 'a certain but tiny slope (0.05 < 0.1): no clear relation', y: x.map((v) => 0.05 * v), slope: 0.05, intercept: 0, kind: 'no-clear-relation' },
    // Pairwise slopes: six zeros, −2 ×4, −2/3 ×2, −2/5, 2/3, 2 ×2 → median (8th of 15) = 0.
    { title: 'alternating Δ: median slope 0, no clear relation', y: [1, -1, 1, -1, 1, -1], slope: 0, intercept: 0, kind: 'no-clear-relation' },
  ];
  for (const c of cases) {
    it(c.title, () => {
      const result = convergence(x, c.y, 'higher-worse');
      expect(result.slope).toBeCloseTo(c.slope, 12);
      expect(result.intercept).toBeCloseTo(c.intercept, 12);
      expect(result.kind).toBe(c.kind);
      expect(result.n).toBe(6);
      expect(result.method).toBe('theil-sen');
    });
  }

  it('Sen’s 95 % interval: with 6 points C = 1.96·√(6·5·17/18) = 10.43, so ranks 2 and 13 of 15', () => {
    // Slopes of y = level² on 1..6: sums of neighbours, 3 … 11; sorted 3,4,5,5,6,6,7,7,7,8,8,9,9,10,11.
    const result = convergence(
      x,
      x.map((v) => v * v),
      'higher-better',
    );
    expect(result.slope).toBe(7);
    expect(result.low).toBe(4);
    expect(result.high).toBe(10);
    expect(result.kind).toBe('diverging');
  });

  it('skips areas missing either value and areas without a positive weight', () => {
    const result = convergence([1, 2, N, 4, 5, 6, 7, 8], [9, 8, 1, N, 5, 5, 3, 2], 'higher-worse', [1, 1, 1, 1, 1, 0, 1, 1]);
    // Used: levels 1, 2, 5, 7, 8 → Δ = 10 − level.
    expect(result.n).toBe(5);
    expect(result.slope).toBe(-1);
    // 5 points: C = 1.96·√(5·4·15/18) = 8.0 of 10 slopes → the lower rank falls off the end, so the
    // interval is unbounded and even a perfect line is no clear relation.
    expect(result.low).toBe(-Infinity);
    expect(result.kind).toBe('no-clear-relation');
  });

  it('fewer than 5 areas: insufficient data', () => {
    expect(convergence([1, 2, 3, 4], [4, 3, 2, 1], 'higher-worse').kind).toBe('insufficient-data');
  });

  it('all areas at the same level: no slope, insufficient data', () => {
    const result = convergence([2, 2, 2, 2, 2], [1, 2, 3, 4, 5], 'higher-worse');
    expect(Number.isNaN(result.slope)).toBe(true);
    expect(result.kind).toBe('insufficient-data');
  });

  it('above 2,000 areas fits OLS: Δ = 3 − 0.2·level exactly', () => {
    const levels = Array.from({ length: 2001 }, (_, i) => i);
    const result = convergence(
      levels,
      levels.map((v) => 3 - 0.2 * v),
      'higher-better',
    );
    expect(result.method).toBe('ols');
    expect(result.slope).toBeCloseTo(-0.2, 12);
    expect(result.intercept).toBeCloseTo(3, 9);
    expect(result.kind).toBe('converging');
  });
});

describe('convergenceSentence(result, indicatorShort, from, to, levelNounPlural, lang)', () => {
  const base: ConvergenceResult = {
    slope: -0.32,
    intercept: 0,
    low: -0.4,
    high: -0.2,
    n: 290,
    method: 'theil-sen',
    kind: 'converging',
    direction: 'higher-worse',
  };
  const cases: { title: string; result: ConvergenceResult; lang: 'sv' | 'en'; noun: string; expected: string }[] = [
    {
      title: 'converging, sv',
      result: base,
      lang: 'sv',
      noun: 'kommuner',
      expected: 'Kommuner som låg sämre till 2011 utvecklades bättre än övriga fram till 2022: skillnaderna minskade (lutning −0,32).',
    },
    {
      title: 'converging, en',
      result: base,
      lang: 'en',
      noun: 'municipalities',
      expected: 'Municipalities that were worse off in 2011 developed better than the rest up to 2022: the gaps narrowed (slope -0.32).',
    },
    {
      title: 'diverging, sv',
      result: { ...base, slope: 0.32, kind: 'diverging' },
      lang: 'sv',
      noun: 'primärområden',
      expected: 'Primärområden som låg sämre till 2011 utvecklades sämre än övriga fram till 2022: skillnaderna ökade (lutning 0,32).',
    },
    {
      title: 'diverging, neutral indicator, en',
      result: { ...base, slope: 0.32, kind: 'diverging', direction: 'neutral' },
      lang: 'en',
      noun: 'DeSO',
      expected: 'DeSO with high and low values in 2011 moved further apart up to 2022: the gaps widened (slope 0.32).',
    },
    {
      title: 'no clear relation, sv',
      result: { ...base, slope: -0.05, kind: 'no-clear-relation' },
      lang: 'sv',
      noun: 'kommuner',
      expected: 'Inget tydligt samband mellan utgångsläget 2011 och förändringen fram till 2022 (lutning −0,05).',
    },
    {
      title: 'insufficient data, en',
      result: { ...base, slope: NaN, kind: 'insufficient-data' },
      lang: 'en',
      noun: 'municipalities',
      expected: 'Too few areas with values in both 2011 and 2022 to tell whether the gaps narrowed.',
    },
  ];
  for (const c of cases) {
    it(c.title, () => expect(convergenceSentence(c.result, 'Barnfattigdom', 2011, 2022, c.noun, c.lang)).toBe(c.expected));
  }
});

describe('gapDrivers(statsA, statsB)', () => {
  // A = [1,1,2]: μ 4/3, r 0.75, 0.75, 1.5 → contributions −0.071921, −0.071921, 0.202733.
  // B = [1,2,2]: μ 5/3, r 0.6, 1.2, 1.2 → −0.102165, 0.072929, 0.072929.
  it('sorts by |change of contribution|; the changes sum to the change of T', () => {
    const a = gapStatistics([1, 1, 2]);
    const b = gapStatistics([1, 2, 2]);
    const { drivers, reason } = gapDrivers(a, b);
    expect(reason).toBeNull();
    expect(drivers.map((d) => d.index)).toEqual([1, 2, 0]);
    expect(drivers[0]!.change).toBeCloseTo(0.14485, 5);
    expect(drivers[1]!.change).toBeCloseTo(-0.129804, 5);
    expect(drivers[2]!.change).toBeCloseTo(-0.030244, 5);
    expect(drivers[0]!.contributionA).toBeCloseTo(-0.071921, 5);
    expect(drivers[0]!.contributionB).toBeCloseTo(0.072929, 5);
    const sum = drivers.reduce((s, d) => s + d.change, 0);
    expect(sum).toBeCloseTo(b.theil.value! - a.theil.value!, 12);
  });

  it('keeps the top N', () => {
    const { drivers } = gapDrivers(gapStatistics([1, 1, 2]), gapStatistics([1, 2, 2]), 2);
    expect(drivers.map((d) => d.index)).toEqual([1, 2]);
  });

  it('leaves out areas used in only one year', () => {
    const { drivers } = gapDrivers(gapStatistics([1, N, 2]), gapStatistics([1, 2, 2]));
    expect(drivers.map((d) => d.index).sort()).toEqual([0, 2]);
  });

  it('no Theil index in a year (a zero value): empty with the reason', () => {
    expect(gapDrivers(gapStatistics([0, 1, 2]), gapStatistics([1, 2, 2]))).toEqual({ drivers: [], reason: 'non-positive-values' });
  });

  it('no area in both years: empty, no data', () => {
    expect(gapDrivers(gapStatistics([1, 2, N, N]), gapStatistics([N, N, 1, 2]))).toEqual({ drivers: [], reason: 'no-data' });
  });
});
