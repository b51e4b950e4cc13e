import { describe, expect, it } from 'vitest';
import {
  exactDistribution,
  exactPValue,
  kendallS,
  mannKendall,
  normalUpperTail,
  permutationDistribution,
  senInterval,
  varianceInflation,
  varianceS,
} from '../../src/stats/mann-kendall';

describe('kendallS(y)', () => {
  it.each([
    [[1, 2, 3, 4], 6],
    [[4, 3, 2, 1], -6],
    // Pairs: 1<3 1<2 1<4 1<5 3>2 3<4 3<5 2<4 2<5 4<5 → 9 up, 1 down.
    [[1, 3, 2, 4, 5], 8],
    // A tie contributes 0: (1,1) 0, (1,2) +1, (1,2) +1.
    [[1, 1, 2], 2],
    [[5], 0],
    [[], 0],
  ])('kendallS(%j) = %d', (y, s) => expect(kendallS(y)).toBe(s));
});

describe('exactDistribution(n): P(S = N − 2k) from the Mahonian numbers', () => {
  it('n = 3: inversions 1, 2, 2, 1 of 6 orderings', () => {
    expect(Array.from(exactDistribution(3), (p) => p * 6)).toEqual([1, 2, 2, 1].map((x) => expect.closeTo(x, 12)));
  });
  it('n = 4: 1, 3, 5, 6, 5, 3, 1 of 24', () => {
    expect(Array.from(exactDistribution(4), (p) => p * 24)).toEqual([1, 3, 5, 6, 5, 3, 1].map((x) => expect.closeTo(x, 12)));
  });
  it('n = 5: 1, 4, 9, 15, 20, 22, 20, 15, 9, 4, 1 of 120', () => {
    expect(Array.from(exactDistribution(5), (p) => p * 120)).toEqual([1, 4, 9, 15, 20, 22, 20, 15, 9, 4, 1].map((x) => expect.closeTo(x, 10)));
  });
});

describe('exactPValue(s, n): two-sided P(|S| ≥ |s|)', () => {
  it.each([
    // n = 3: the most extreme S = ±3 has 2 of 6 orderings → p = 1/3: never below 0.05.
    [3, 3, 2 / 6],
    // n = 4: S = 6 → 2/24; S = 4 → 2·(1+3)/24; S = 2 → 2·(1+3+5)/24.
    [6, 4, 2 / 24],
    [4, 4, 8 / 24],
    [-2, 4, 18 / 24],
    // n = 5: S = 10 → 2/120 = 0.0167 (the first length that can reach 5 %); S = 8 → 2·5/120.
    [10, 5, 2 / 120],
    [8, 5, 10 / 120],
    [6, 5, 28 / 120],
    [0, 5, 1],
  ])('S = %d, n = %d → p = %f', (s, n, p) => expect(exactPValue(s, n)).toBeCloseTo(p, 12));
});

describe('permutationDistribution(values) with ties', () => {
  it('{1, 1, 2}: S = 2, 0, −2 each in 2 of the 6 orderings', () => {
    const dist = permutationDistribution([1, 1, 2]);
    expect([...dist.keys()]).toEqual([-2, 0, 2]);
    for (const p of dist.values()) expect(p).toBeCloseTo(1 / 3, 12);
  });
});

describe('varianceS(y)', () => {
  it('n = 10 untied: 10·9·25/18 = 125', () => expect(varianceS([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBe(125));
  it('five tied pairs take off 5·2·1·9/18 = 5', () => expect(varianceS([1, 1, 2, 2, 3, 3, 4, 4, 5, 5])).toBe(120));
});

describe('normalUpperTail(z)', () => {
  it.each([
    [0, 0.5],
    [1.959964, 0.025],
    [-1.959964, 0.975],
    [3, 0.0013499],
  ])('1 − Φ(%f) = %f', (z, p) => expect(normalUpperTail(z)).toBeCloseTo(p, 6));
});

describe('mannKendall(y, alpha, varianceFactor)', () => {
  it('3 rising years: exact, p = 1/3, and no S could be significant (critical Infinity)', () => {
    expect(mannKendall([10, 11, 12])).toMatchObject({ s: 3, method: 'exact', minPValue: 1 / 3, critical: Infinity });
  });

  it('4 rising years: p = 2/24 = 0.083 > 0.05, too few years to tell', () => {
    const r = mannKendall([1, 2, 3, 4]);
    expect(r.pValue).toBeCloseTo(1 / 12, 12);
    expect(r.minPValue).toBeCloseTo(1 / 12, 12);
    expect(r.critical).toBe(Infinity);
  });

  it('5 rising years: p = 2/120, critical S = 10, exact confidence 1 − 2/120', () => {
    const r = mannKendall([1, 2, 3, 4, 5]);
    expect(r.pValue).toBeCloseTo(1 / 60, 12);
    expect(r.critical).toBe(10);
    expect(r.confidence).toBeCloseTo(118 / 120, 12);
  });

  it('ties with n ≤ 8 enumerate every ordering: {1, 1, 2} rising gives p = 2/3', () => {
    expect(mannKendall([1, 1, 2])).toMatchObject({ s: 2, method: 'exact-ties', pValue: expect.closeTo(2 / 3, 12) });
  });

  it('10 rising years: exact p = 2/10! (untied series are exact up to 50 values)', () => {
    const r = mannKendall([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(r.method).toBe('exact');
    expect(r.pValue).toBeCloseTo(2 / 3628800, 15);
  });

  it('tied values beyond 8: normal approximation with continuity correction, z = (S − 1)/√Var(S)', () => {
    // 1,1,2,2,…,5,5: S = 45 pairs − 5 tied pairs = 40; Var(S) = 120 (five tied pairs); z = 39/√120.
    const r = mannKendall([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(r.method).toBe('normal');
    expect(r.s).toBe(40);
    expect(r.pValue).toBeCloseTo(2 * normalUpperTail(39 / Math.sqrt(120)), 12);
    // Reject when |S| ≥ 1.959964·√120 + 1.
    expect(r.critical).toBeCloseTo(1.959964 * Math.sqrt(120) + 1, 6);
  });

  it('a variance factor switches to the normal test and widens it: factor 4 halves z', () => {
    const r = mannKendall([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.05, 4);
    expect(r.method).toBe('normal');
    expect(r.pValue).toBeCloseTo(2 * normalUpperTail(44 / Math.sqrt(500)), 10);
    expect(r.varianceFactor).toBe(4);
  });
});

describe('senInterval(sortedSlopes, critical)', () => {
  it('n = 5, critical 10 of N = 10 slopes: from the 1st to the 10th slope', () => {
    const slopes = [-3, -1, 0, 1, 2, 3, 4, 5, 6, 7];
    expect(senInterval(slopes, 10)).toEqual({ low: -3, high: 7 });
  });
  it('N = 45, critical 22.913: ranks ⌊11.04⌋ + 1 = 12 and ⌈33.96⌉ = 34', () => {
    const slopes = Array.from({ length: 45 }, (_, i) => i + 1);
    expect(senInterval(slopes, 1.959964 * Math.sqrt(125) + 1)).toEqual({ low: 12, high: 34 });
  });
  it('is unbounded when no S is significant', () => {
    expect(senInterval([1, 2, 3], Infinity)).toEqual({ low: -Infinity, high: Infinity });
  });
});

describe('varianceInflation(n, rho)', () => {
  it('n = 3, ρ = 0.5: 1 + 2·((2/3)·0.5 + (1/3)·0.25) = 11/6', () => {
    expect(varianceInflation(3, 0.5)).toBeCloseTo(11 / 6, 12);
  });
  it('is 1 without correlation', () => expect(varianceInflation(20, 0)).toBe(1));
});
