import { describe, expect, it } from 'vitest';
import { median, seriesBreaks, theilSenSlope, TREND_RULE, trendVerdict } from '../../src/stats/trend';

const years = Array.from({ length: 11 }, (_, i) => 2010 + i); // 2010…2020
// Fixed pseudo-noise in [−0.5, 0.5], no trend of its own (its Theil–Sen slope is small).
const noise = [0.3, -0.5, 0.1, 0.4, -0.2, -0.4, 0.5, 0, -0.3, 0.2, -0.1];

describe('trendVerdict(years, gap, from, to)', () => {
  it('a steady rise of 0.5 a year is widening: slope 0.5, change 5, noise 0', () => {
    const gap = years.map((y) => 10 + 0.5 * (y - 2010));
    expect(trendVerdict(years, gap, 2010, 2020)).toMatchObject({
      verdict: 'widening',
      basis: 'fit',
      slope: 0.5,
      change: 5,
      noise: 0,
      points: 11,
      level: 12.5,
      floor: 0.625,
    });
  });

  it('a steady fall is narrowing', () => {
    const gap = years.map((y) => 40 - (y - 2010));
    const result = trendVerdict(years, gap, 2010, 2020);
    expect(result.verdict).toBe('narrowing');
    expect(result.change).toBe(-10);
  });

  it('pure noise around a constant is no clear change', () => {
    const gap = noise.map((e) => 10 + e);
    const result = trendVerdict(years, gap, 2010, 2020);
    expect(result.verdict).toBe('no-clear-change');
    expect(result.noise).toBeGreaterThan(0);
  });

  it('a rise smaller than the noise is no clear change, though it clears the 5 % floor', () => {
    // 0.1 a year (change ≈ 1 over 10 years) on a level ≈ 2.5, noise ×4 (± 2).
    const gap = years.map((y, i) => 2 + 0.1 * (y - 2010) + 4 * noise[i]!);
    const result = trendVerdict(years, gap, 2010, 2020);
    expect(Math.abs(result.change)).toBeGreaterThan(result.floor);
    expect(Math.abs(result.change)).toBeLessThan(2 * result.noise);
    expect(result.verdict).toBe('no-clear-change');
  });

  it('the same rise with small noise is widening', () => {
    const gap = years.map((y, i) => 2 + 0.1 * (y - 2010) + 0.1 * noise[i]!);
    expect(trendVerdict(years, gap, 2010, 2020).verdict).toBe('widening');
  });

  it('a change below 5 % of the level is no clear change even without noise', () => {
    // 100 → 104 over 10 years: change 4 < 5 % of level 102 = 5.1.
    const gap = years.map((y) => 100 + 0.4 * (y - 2010));
    expect(trendVerdict(years, gap, 2010, 2020).verdict).toBe('no-clear-change');
  });

  it('skips nulls and years outside the period; the change spans the years with values', () => {
    const gap = years.map((y) => (y % 3 === 0 ? null : 10 + 0.5 * (y - 2010)));
    gap[gap.length - 1] = null;
    // Nulls at 2010, 2013, 2016, 2019, 2020; 2010 is also outside the period.
    const result = trendVerdict(years, gap, 2011, 2020);
    expect(result.points).toBe(6); // 2011, 2012, 2014, 2015, 2017, 2018
    // Change over 2011–2018 (7 years), not extrapolated to 2020.
    expect(result).toMatchObject({ firstYear: 2011, lastYear: 2018, slope: 0.5, change: 3.5, verdict: 'widening' });
  });

  it('a single outlier year does not flip the verdict (Theil–Sen is robust)', () => {
    // Rise: 45 of 55 pairwise slopes are 0.5, so the median stays 0.5.
    const rise = years.map((y) => 10 + 0.5 * (y - 2010));
    rise[8] = -20;
    expect(trendVerdict(years, rise, 2010, 2020)).toMatchObject({ verdict: 'widening', slope: 0.5 });
    // Flat with one spike at the end: least squares would see a rise, Theil–Sen sees none.
    const flat = years.map(() => 10);
    flat[10] = 30;
    expect(trendVerdict(years, flat, 2010, 2020)).toMatchObject({ verdict: 'no-clear-change', slope: 0 });
  });

  it('three points: noise from year-to-year differences', () => {
    // Steps 2 and −1: median 0.5, deviations 1.5 → noise 1.4826·1.5/√2 = 1.5725.
    // Theil–Sen slope median(2, 0.5, −1) = 0.5, change 1 < 2·1.5725 → no clear change.
    const bumpy = trendVerdict([2020, 2021, 2022], [10, 12, 11], 2020, 2022);
    expect(bumpy.noise).toBeCloseTo((1.4826 * 1.5) / Math.SQRT2, 10);
    expect(bumpy).toMatchObject({ verdict: 'no-clear-change', slope: 0.5, change: 1 });
    expect(trendVerdict([2020, 2021, 2022], [10, 11, 12], 2020, 2022)).toMatchObject({ verdict: 'widening', noise: 0 });
  });

  it('two points: the raw change against the 5 % floor only', () => {
    // 40 → 35: change −5, floor 5 % of 37.5 = 1.875.
    expect(trendVerdict([2011, 2022], [40, 35], 2011, 2022)).toMatchObject({
      verdict: 'narrowing',
      basis: 'two-points',
      change: -5,
      floor: 1.875,
    });
    // 40 → 39: change −1 < floor 1.975.
    expect(trendVerdict([2011, 2022], [40, 39], 2011, 2022).verdict).toBe('no-clear-change');
  });

  it.each([
    ['no years', [], []],
    ['one year with a value', [2020, 2021], [5, null]],
    ['values only outside the period', [2000, 2001, 2002], [1, 2, 3]],
    ['NaN is not a value', [2020, 2021], [NaN, 3]],
  ] as const)('%s → insufficient-data', (_, ys, gap) => {
    expect(trendVerdict(ys, gap, 2010, 2022)).toMatchObject({ verdict: 'insufficient-data', basis: 'none' });
  });

  it('TREND_RULE states the rule in both languages', () => {
    expect(TREND_RULE.sv).toContain('5 procent');
    expect(TREND_RULE.en).toContain('5 per cent');
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
