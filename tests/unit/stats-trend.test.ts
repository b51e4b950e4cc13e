import { describe, expect, it } from 'vitest';
import { normalUpperTail } from '../../src/stats/mann-kendall';
import { median, seriesBreaks, theilSenSlope, trendVerdict } from '../../src/stats/trend';

const years = Array.from({ length: 11 }, (_, i) => 2010 + i); // 2010…2020
// Fixed pseudo-noise in [−0.5, 0.5], no trend of its own.
const noise = [0.3, -0.5, 0.1, 0.4, -0.2, -0.4, 0.5, 0, -0.3, 0.2, -0.1];

describe('trendVerdict(years, gap, from, to)', () => {
  it('a steady rise of 0.5 a year over 11 years is widening: slope 0.5, change 5, interval [5, 5]', () => {
    const gap = years.map((y) => 10 + 0.5 * (y - 2010));
    const v = trendVerdict(years, gap, 2010, 2020);
    // S = 55 of 55 pairs: exact p = 2/11!.
    expect(v).toMatchObject({ verdict: 'widening', method: 'exact', s: 55, slope: 0.5, change: 5, points: 11, level: 12.5, floor: 0.625 });
    expect(v.pValue).toBeCloseTo(2 / 39916800, 15);
    // Every pairwise slope is 0.5, so Sen's interval is a point.
    expect([v.changeLow, v.changeHigh]).toEqual([5, 5]);
  });

  it('a steady fall is narrowing', () => {
    const gap = years.map((y) => 40 - (y - 2010));
    const result = trendVerdict(years, gap, 2010, 2020);
    expect(result.verdict).toBe('narrowing');
    expect(result.change).toBe(-10);
  });

  it('pure noise around a constant is no clear change, with an interval that spans zero', () => {
    const gap = noise.map((e) => 10 + e);
    const result = trendVerdict(years, gap, 2010, 2020);
    expect(result.verdict).toBe('no-clear-change');
    expect(result.pValue).toBeGreaterThan(0.05);
    expect(result.changeLow).toBeLessThan(0);
    expect(result.changeHigh).toBeGreaterThan(0);
  });

  it('a rise drowned in noise four times as large is no clear change', () => {
    const gap = years.map((y, i) => 2 + 0.1 * (y - 2010) + 4 * noise[i]!);
    expect(trendVerdict(years, gap, 2010, 2020).verdict).toBe('no-clear-change');
  });

  it('the same rise with small noise is widening', () => {
    const gap = years.map((y, i) => 2 + 0.1 * (y - 2010) + 0.1 * noise[i]!);
    expect(trendVerdict(years, gap, 2010, 2020).verdict).toBe('widening');
  });

  it('a steady change below 5 % of the level is no clear change, though the test is significant', () => {
    // 100 → 104 over 10 years: change 4 < 5 % of level 102 = 5.1.
    const gap = years.map((y) => 100 + 0.4 * (y - 2010));
    const v = trendVerdict(years, gap, 2010, 2020);
    expect(v.pValue).toBeLessThan(0.05);
    expect(v.verdict).toBe('no-clear-change');
  });

  it('skips nulls and years outside the period; the change spans the years with values', () => {
    const gap = years.map((y) => (y % 3 === 0 ? null : 10 + 0.5 * (y - 2010)));
    gap[gap.length - 1] = null;
    // Nulls at 2010, 2013, 2016, 2019, 2020; 2010 is also outside the period.
    const result = trendVerdict(years, gap, 2011, 2020);
    expect(result.points).toBe(6); // 2011, 2012, 2014, 2015, 2017, 2018
    expect(result.years).toEqual([2011, 2012, 2014, 2015, 2017, 2018]);
    // 6 rising points: S = 15, exact p = 2/720; change over 2011–2018 (7 years), not extrapolated to 2020.
    expect(result).toMatchObject({ firstYear: 2011, lastYear: 2018, slope: 0.5, change: 3.5, verdict: 'widening', method: 'exact' });
    expect(result.pValue).toBeCloseTo(2 / 720, 12);
  });

  it('a single outlier year does not flip the verdict (Sen and Mann–Kendall are rank-based)', () => {
    const rise = years.map((y) => 10 + 0.5 * (y - 2010));
    rise[8] = -20;
    expect(trendVerdict(years, rise, 2010, 2020)).toMatchObject({ verdict: 'widening', slope: 0.5 });
    const flat = years.map(() => 10);
    flat[10] = 30;
    expect(trendVerdict(years, flat, 2010, 2020)).toMatchObject({ verdict: 'no-clear-change', slope: 0 });
  });

  describe('too few years to tell', () => {
    it('3 years can never be significant (min p = 2/6): insufficient-data, with an unbounded interval', () => {
      const v = trendVerdict([2020, 2021, 2022], [10, 11, 12], 2020, 2022);
      expect(v).toMatchObject({ verdict: 'insufficient-data', method: 'exact', s: 3, change: 2, points: 3 });
      expect(v.minPValue).toBeCloseTo(1 / 3, 12);
      expect([v.changeLow, v.changeHigh]).toEqual([-Infinity, Infinity]);
    });
    it('4 years either (min p = 2/24 = 0.083)', () => {
      const v = trendVerdict([2019, 2020, 2021, 2022], [10, 12, 14, 16], 2019, 2022);
      expect(v.verdict).toBe('insufficient-data');
      expect(v.minPValue).toBeCloseTo(1 / 12, 12);
    });
    it('5 steadily rising years are enough: p = 2/120, interval = min to max pairwise slope × span', () => {
      // Slopes: 1→3 2, 1→2 0.5, 1→4 1, 1→5 1, 3→2 −1, 3→4 0.5, 3→5 0.67, 2→4 2, 2→5 1.5, 4→5 1 (per year).
      const v = trendVerdict([2018, 2019, 2020, 2021, 2022], [1, 3, 2, 4, 5], 2018, 2022);
      // S = 8 → p = 10/120 = 0.083: no clear change, though 4 of 5 steps rise.
      expect(v).toMatchObject({ verdict: 'no-clear-change', s: 8 });
      expect(v.pValue).toBeCloseTo(10 / 120, 12);
      // Critical S = 10: the interval runs from the 1st to the 10th sorted slope, −1 to 2 per year, × 4 years.
      expect([v.changeLow, v.changeHigh]).toEqual([-4, 8]);
      expect(v.confidence).toBeCloseTo(118 / 120, 12);
      const steady = trendVerdict([2018, 2019, 2020, 2021, 2022], [1, 2, 3, 4, 5], 2018, 2022);
      expect(steady.verdict).toBe('widening');
      expect(steady.pValue).toBeCloseTo(2 / 120, 12);
    });
    it('2 years: the observed change, too few years to tell', () => {
      expect(trendVerdict([2011, 2022], [40, 35], 2011, 2022)).toMatchObject({ verdict: 'insufficient-data', change: -5, points: 2 });
    });
    it.each([
      ['no years', [], []],
      ['one year with a value', [2020, 2021], [5, null]],
      ['values only outside the period', [2000, 2001, 2002], [1, 2, 3]],
      ['NaN is not a value', [2020, 2021], [NaN, 3]],
    ] as const)('%s → insufficient-data without a change', (_, ys, gap) => {
      const v = trendVerdict(ys, gap, 2010, 2022);
      expect(v).toMatchObject({ verdict: 'insufficient-data', method: 'none' });
      expect(v.change).toBeNaN();
    });
  });

  describe('units: election years four years apart', () => {
    it('three elections bumping 10 → 12 → 11 are too few years (the old rule divided the steps by 4 and called it widening)', () => {
      // Slopes per year: (12−10)/4 = 0.5, (11−10)/8 = 0.125, (11−12)/4 = −0.25 → Sen 0.125, × 8 years = 1.
      const v = trendVerdict([2014, 2018, 2022], [10, 12, 11], 2014, 2022);
      expect(v).toMatchObject({ verdict: 'insufficient-data', slope: 0.125, change: 1, s: 1 });
    });
    it('the same values yearly or every fourth year give the same p-value and the same change over the span', () => {
      const yearly = trendVerdict([2020, 2021, 2022], [10, 12, 11], 2020, 2022);
      const elections = trendVerdict([2014, 2018, 2022], [10, 12, 11], 2014, 2022);
      expect(elections.pValue).toBe(yearly.pValue);
      expect(elections.change).toBeCloseTo(yearly.change, 12);
      expect(elections.slope * 4).toBeCloseTo(yearly.slope, 12);
    });
    it('five elections rising 2 points each: 0.5 a year, change 8 over 2006–2022, p = 2/120', () => {
      const v = trendVerdict([2006, 2010, 2014, 2018, 2022], [10, 12, 14, 16, 18], 2006, 2022);
      expect(v).toMatchObject({ verdict: 'widening', slope: 0.5, change: 8, changeLow: 8, changeHigh: 8 });
      expect(v.pValue).toBeCloseTo(2 / 120, 12);
    });
  });

  describe('values that are means over several years (periodYears)', () => {
    it('life expectancy over T−4…T is judged on 2002, 2007, 2012, 2017, 2022 only', () => {
      const ys = Array.from({ length: 23 }, (_, i) => 2000 + i);
      const gap = ys.map((y) => 5 - 0.05 * (y - 2000));
      const v = trendVerdict(ys, gap, 2000, 2022, { periodYears: 5 });
      expect(v.years).toEqual([2002, 2007, 2012, 2017, 2022]);
      expect(v).toMatchObject({ verdict: 'narrowing', points: 5, periodYears: 5, method: 'exact' });
      expect(v.change).toBeCloseTo(-1, 12);
      expect(v.pValue).toBeCloseTo(2 / 120, 12);
    });
  });

  describe('correlated deviations', () => {
    it('gives the p-value the same series would have if neighbouring years were correlated (ρ = 0.3)', () => {
      // 12 rising years: exact p = 2/12!; with ρ = 0.3 the normal test's variance is inflated by
      // 1 + 2 Σ (1 − k/12) 0.3^k, so z = 65/√(Var(S)·factor).
      const ys = Array.from({ length: 12 }, (_, i) => 2011 + i);
      const v = trendVerdict(
        ys,
        ys.map((y) => y - 2000),
        2011,
        2022,
      );
      expect(v.pValue).toBeCloseTo(2 / 479001600, 15);
      let factor = 1;
      for (let k = 1; k < 12; k++) factor += 2 * (1 - k / 12) * 0.3 ** k;
      expect(v.pValueIfCorrelated).toBeCloseTo(2 * normalUpperTail(65 / Math.sqrt(((12 * 11 * 29) / 18) * factor)), 12);
      expect(v.pValueIfCorrelated).toBeGreaterThan(v.pValue);
    });
  });
});

describe('theilSenSlope(t, y) and median(values)', () => {
  it('takes the median pairwise slope and ignores pairs in the same year', () => {
    // Slopes: (0,0)-(1,1) 1, (0,0)-(2,4) 2, (1,1)-(2,4) 3 → median 2; the duplicate year adds nothing.
    expect(theilSenSlope([0, 1, 2, 2], [0, 1, 4, 4])).toBe(2);
  });
  it.each([
    [[], NaN],
    [[3], 3],
    [[4, 1, 3], 3],
    [[4, 1, 3, 2], 2.5],
  ])('median(%j) = %d', (values, expected) => expect(median(values)).toBe(expected));
});

describe('seriesBreaks(years, meta, breakYear)', () => {
  it('splits a yearly series at a missing year and leaves the gap open', () => {
    expect(seriesBreaks([2012, 2010, 2011, 2014, 2015, 2011], {})).toEqual({
      segments: [
        [2010, 2011, 2012],
        [2014, 2015],
      ],
      joins: [],
      breakYear: null,
    });
  });
  it('joins election years of a sparse-year indicator with dashed connectors', () => {
    expect(seriesBreaks([2010, 2014, 2018, 2022], { sparseYears: true })).toEqual({
      segments: [[2010], [2014], [2018], [2022]],
      joins: [
        { from: 2010, to: 2014 },
        { from: 2014, to: 2018 },
        { from: 2018, to: 2022 },
      ],
      breakYear: null,
    });
  });
  it('starts a new run at a predecessor/successor break year and never joins across it', () => {
    expect(seriesBreaks([2010, 2011, 2012, 2013, 2014], { sparseYears: true }, 2013)).toEqual({
      segments: [
        [2010, 2011, 2012],
        [2013, 2014],
      ],
      joins: [],
      breakYear: 2013,
    });
  });
  it('has no segments without years', () => {
    expect(seriesBreaks([], {}).segments).toEqual([]);
  });
});
