import { describe, expect, it } from 'vitest';
import { gapChartModel, niceTicks, unavailableReason, type GapChartInput } from '../../src/charts/gap-chart';
import { formatGapChange, formatGapTick, formatGapValue, gapAxisUnit, gapDecimals } from '../../src/format/gap-value';
import { gapStatistics } from '../../src/stats/gap';

/**
 * Plot 100 × 100 px with no margins; values 0–16 with baseline 0 give the nice domain
 * [0, 20], so x(2010 + k) = 25k and y(v) = 100 − 5v.
 */
function input(overrides: Partial<GapChartInput> = {}): GapChartInput {
  return {
    years: [2010, 2011, 2012, 2013, 2014],
    values: [10, 12, null, 14, 16],
    sparseYears: false,
    breakYear: null,
    from: 2011,
    to: 2013,
    year: 2013,
    baseline: 0,
    width: 100,
    height: 100,
    margin: { top: 0, right: 0, bottom: 0, left: 0 },
    ...overrides,
  };
}

/** Rounds px positions so that hand-computed values compare exactly (scales carry float noise). */
const tidy = <T extends { x: number; y: number } | null>(p: T): T => p && { ...p, x: Math.round(p.x * 1e6) / 1e6, y: Math.round(p.y * 1e6) / 1e6 };

const years = (runs: { year: number }[][]) => runs.map((run) => run.map((p) => p.year));

describe('gapChartModel(input)', () => {
  it('has one point per year with a value, placed by hand-computed scales', () => {
    const model = gapChartModel(input());
    expect(model.points.map(tidy)).toEqual([
      { year: 2010, value: 10, x: 0, y: 50 },
      { year: 2011, value: 12, x: 25, y: 40 },
      { year: 2013, value: 14, x: 75, y: 30 },
      { year: 2014, value: 16, x: 100, y: 20 },
    ]);
  });

  it('draws the fitted trend from its first to its last year, with the change interval as a bar at the last', () => {
    // Fit 10 → 16 over 2010–2014; change interval [2, 8] → bar from 10 + 2 = 12 to 10 + 8 = 18 (y = 40 and 10).
    const model = gapChartModel(input({ trend: { fromYear: 2010, toYear: 2014, fromValue: 10, toValue: 16, changeLow: 2, changeHigh: 8 } }));
    const r = (v: number) => Math.round(v * 1e6) / 1e6;
    const t = model.trend!;
    expect([t.x0, t.y0, t.x1, t.y1].map(r)).toEqual([0, 50, 100, 20]);
    expect([t.interval!.x, t.interval!.yLow, t.interval!.yHigh].map(r)).toEqual([100, 40, 10]);
  });

  it('widens the y domain to hold the interval, and draws no bar when the interval is unbounded', () => {
    const wide = gapChartModel(input({ trend: { fromYear: 2010, toYear: 2014, fromValue: 10, toValue: 16, changeLow: -12, changeHigh: 20 } }));
    // Interval ends −2 and 30: the domain now reaches below 0 and above 30.
    expect(wide.yDomain[0]).toBeLessThanOrEqual(-2);
    expect(wide.yDomain[1]).toBeGreaterThanOrEqual(30);
    const open = gapChartModel(input({ trend: { fromYear: 2011, toYear: 2013, fromValue: 12, toValue: 14, changeLow: -Infinity, changeHigh: Infinity } }));
    expect(open.yDomain).toEqual([0, 20]);
    expect(open.trend).toMatchObject({ x0: 25, x1: 75, interval: null });
  });

  it('has no trend without one', () => {
    expect(gapChartModel(input()).trend).toBeNull();
  });

  it('treats NaN like null', () => {
    expect(gapChartModel(input({ values: [10, NaN, NaN, 14, 16] })).points.map((p) => p.year)).toEqual([2010, 2013, 2014]);
  });

  it('splits lines at a missing year and leaves the gap open for yearly indicators', () => {
    const model = gapChartModel(input());
    expect(years(model.segments)).toEqual([
      [2010, 2011],
      [2013, 2014],
    ]);
    expect(model.paths).toEqual(['M0,50L25,40', 'M75,30L100,20']);
    expect(model.joins).toEqual([]);
  });

  it('joins runs with a dashed connector for sparse-year indicators', () => {
    const model = gapChartModel(input({ sparseYears: true }));
    expect(model.joins.map((j) => [j.from.year, j.to.year])).toEqual([[2011, 2013]]);
    expect(model.joins[0]!.path).toBe('M25,40L75,30');
  });

  it('joins every election year of a sparse indicator and draws no solid line', () => {
    const model = gapChartModel(input({ years: [2010, 2014, 2018, 2022], values: [4, 5, 6, 7], sparseYears: true, from: 2010, to: 2022, year: 2022 }));
    expect(years(model.segments)).toEqual([[2010], [2014], [2018], [2022]]);
    expect(model.joins.map((j) => [j.from.year, j.to.year])).toEqual([
      [2010, 2014],
      [2014, 2018],
      [2018, 2022],
    ]);
  });

  it('starts a new run at the break year and never joins across it, even when sparse', () => {
    const model = gapChartModel(input({ values: [10, 12, 13, 14, 16], breakYear: 2012, sparseYears: true }));
    expect(years(model.segments)).toEqual([
      [2010, 2011],
      [2012, 2013, 2014],
    ]);
    expect(model.joins).toEqual([]);
  });

  it('shades the band from A to B', () => {
    expect(gapChartModel(input()).band).toEqual({ from: 2011, to: 2013, x0: 25, x1: 75 });
    expect(gapChartModel(input({ from: 2010, to: 2014 })).band).toEqual({ from: 2010, to: 2014, x0: 0, x1: 100 });
  });

  it('has no band when the period lies outside the years, or is a single year', () => {
    expect(gapChartModel(input({ from: 2013, to: 2013 })).band).toBeNull();
    expect(gapChartModel(input({ from: 2005, to: 2013 })).band).toBeNull();
  });

  it('marks the current year, with its point when it has a value', () => {
    const { current } = gapChartModel(input());
    expect({ ...current, point: tidy(current!.point) }).toEqual({ year: 2013, x: 75, point: { year: 2013, value: 14, x: 75, y: 30 } });
    expect(gapChartModel(input({ year: 2012 })).current).toEqual({ year: 2012, x: 50, point: null });
    expect(gapChartModel(input({ year: 2030 })).current).toBeNull();
  });

  it('has no points, runs or joins for an unavailable measure', () => {
    const model = gapChartModel(input({ values: [null, null, null, null, null], sparseYears: true }));
    expect(model.points.map(tidy)).toEqual([]);
    expect(model.segments).toEqual([]);
    expect(model.joins).toEqual([]);
    expect(model.current).toEqual({ year: 2013, x: 75, point: null });
  });

  it('stretches the y domain to the baseline and gives 3–5 nice ticks', () => {
    const model = gapChartModel(input());
    expect(model.yDomain).toEqual([0, 20]);
    expect(model.yTicks.map((t) => t.value)).toEqual([0, 5, 10, 15, 20]);
    expect(model.yTicks.map((t) => t.position)).toEqual([100, 75, 50, 25, 0]);
  });

  it('puts a single year in the middle', () => {
    const model = gapChartModel(input({ years: [2020], values: [3], from: 2020, to: 2020, year: 2020 }));
    expect(model.points.map((p) => p.x)).toEqual([50]);
  });

  it('lists every year as a column for clicks', () => {
    expect(gapChartModel(input()).columns.map((c) => [c.value, c.position])).toEqual([
      [2010, 0],
      [2011, 25],
      [2012, 50],
      [2013, 75],
      [2014, 100],
    ]);
  });
});

describe('niceTicks(domain)', () => {
  it.each([
    { domain: [0, 16], expected: { domain: [0, 20], ticks: [0, 5, 10, 15, 20] } },
    // Four ticks would need a 0.2 step (7 ticks); three gives a 0.5 step.
    { domain: [1, 2.1], expected: { domain: [1, 2.5], ticks: [1, 1.5, 2, 2.5] } },
    { domain: [0, 1], expected: { domain: [0, 1], ticks: [0, 0.5, 1] } },
  ] as { domain: [number, number]; expected: { domain: [number, number]; ticks: number[] } }[])('niceTicks($domain)', ({ domain, expected }) => {
    expect(niceTicks(domain)).toEqual(expected);
  });
});

describe('unavailableReason(stats, id)', () => {
  const five = [1, 2, 3, 4, 5];
  it('is null when some year has a value', () => {
    expect(unavailableReason([gapStatistics([NaN, NaN]), gapStatistics([1, 3])], 'range')).toBeNull();
  });
  it('reports a unit where ratios mean nothing', () => {
    expect(unavailableReason([gapStatistics(five, null, { unit: 'years' })], 'ratio')).toBe('not-meaningful-for-unit');
  });
  it('prefers a real reason over years without data', () => {
    const stats = [gapStatistics([NaN]), gapStatistics([NaN]), gapStatistics(five, null, { unit: 'percent' })];
    expect(unavailableReason(stats, 'p90p10')).toBe('too-few-areas');
  });
  it('says no-data when no year has data, and for no years at all', () => {
    expect(unavailableReason([gapStatistics([NaN, NaN])], 'range')).toBe('no-data');
    expect(unavailableReason([], 'range')).toBe('no-data');
  });
  it('reports non-positive values', () => {
    expect(unavailableReason([gapStatistics([0, 1, 2, 3, 4], null, { unit: 'percent' })], 'ratio')).toBe('non-positive-values');
  });
});

describe('formatGapValue(value, measure, unit, lang, decimals)', () => {
  it.each([
    { args: [12.34, 'range', 'percent', 'sv', 1], expected: '12,3\u00a0procentenheter' },
    { args: [12.34, 'fifthGap', 'percent', 'en', 1], expected: '12.3\u00a0percentage points' },
    { args: [4.12, 'range', 'years', 'en', 1], expected: '4.1\u00a0years' },
    { args: [1.856, 'ratio', 'percent', 'sv', 1], expected: '1,86×' },
    { args: [2.5, 'p90p10', 'sek', 'en', 0], expected: '2.50×' },
    { args: [0.1234, 'gini', 'percent', 'sv', 1], expected: '0,123' },
    { args: [0.1234, 'cv', 'percent', 'en', 1], expected: '0.12' },
    { args: [null, 'range', 'percent', 'sv', 1], expected: '–' },
  ] as { args: Parameters<typeof formatGapValue>; expected: string }[])('formatGapValue($args) = $expected', ({ args, expected }) => {
    expect(formatGapValue(...args)).toBe(expected);
  });
});

describe('formatGapChange(delta, measure, unit, lang, decimals)', () => {
  it.each([
    { args: [-4.8, 'range', 'percent', 'sv', 1], expected: '\u22124,8\u00a0procentenheter' },
    { args: [0.123, 'ratio', 'percent', 'en', 1], expected: '+0.12' },
    { args: [-0.0042, 'theil', 'percent', 'en', 1], expected: '-0.004' },
  ] as { args: Parameters<typeof formatGapChange>; expected: string }[])('formatGapChange($args) = $expected', ({ args, expected }) => {
    expect(formatGapChange(...args)).toBe(expected);
  });
});

describe('formatGapTick(value, measure, lang, step)', () => {
  it.each([
    { args: [15, 'range', 'sv', 5], expected: '15' },
    { args: [2.5, 'range', 'sv', 0.5], expected: '2,5' },
    { args: [1.5, 'ratio', 'sv', 0.5], expected: '1,50×' },
    { args: [0.05, 'gini', 'en', 0.05], expected: '0.05' },
    { args: [0.025, 'gini', 'en', 0.025], expected: '0.025' },
  ] as { args: Parameters<typeof formatGapTick>; expected: string }[])('formatGapTick($args) = $expected', ({ args, expected }) => {
    expect(formatGapTick(...args)).toBe(expected);
  });
});

describe('gapDecimals(measure, indicatorDecimals) and gapAxisUnit(measure, unit, lang)', () => {
  it('uses the indicator decimals for differences and fixed ones otherwise', () => {
    expect([gapDecimals('range', 1), gapDecimals('ratio', 1), gapDecimals('cv', 0), gapDecimals('gini', 0)]).toEqual([1, 2, 2, 3]);
  });
  it('names the unit of the axis', () => {
    expect([gapAxisUnit('range', 'percent', 'sv'), gapAxisUnit('ratio', 'percent', 'en'), gapAxisUnit('theil', 'sek', 'sv')]).toEqual([
      'procentenheter',
      'times',
      '',
    ]);
  });
});
