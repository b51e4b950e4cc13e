import { describe, expect, it } from 'vitest';
import {
  gapSegments,
  yearAtPixel,
  segmentPath,
  seriesChartModel,
  spreadLabels,
  valueExtent,
  yearTicks,
  type SeriesChartInput,
} from '../../src/charts/series-chart';

const identity = (v: number) => v;

/** Plot 100 px wide (x 0–100) and 100 px high (y 0–100), so positions are easy to compute by hand. */
function input(overrides: Partial<SeriesChartInput> = {}): SeriesChartInput {
  return {
    years: [2010, 2011, 2012, 2013, 2014],
    series: [10, 12, NaN, 14, 16],
    median: [11, 11, 11, 11, 11],
    reference: null,
    year: 2013,
    width: 100,
    height: 100,
    margin: { top: 0, right: 0, bottom: 0, left: 0 },
    ...overrides,
  };
}

describe('gapSegments(years, values, x, y)', () => {
  it('splits a series with one NaN gap into two segments', () => {
    const segments = gapSegments([1, 2, 3, 4], [5, 6, NaN, 8], identity, identity);
    expect(segments).toEqual([
      [
        { year: 1, value: 5, x: 1, y: 5 },
        { year: 2, value: 6, x: 2, y: 6 },
      ],
      [{ year: 4, value: 8, x: 4, y: 8 }],
    ]);
  });

  it('ignores leading and trailing NaN and runs of them', () => {
    const segments = gapSegments([1, 2, 3, 4, 5, 6], [NaN, 1, NaN, NaN, 2, NaN], identity, identity);
    expect(segments.map((s) => s.map((p) => p.year))).toEqual([[2], [5]]);
  });

  it('returns no segments when all values are missing or there are no years', () => {
    expect(gapSegments([1, 2], [NaN, NaN], identity, identity)).toEqual([]);
    expect(gapSegments([], [], identity, identity)).toEqual([]);
  });

  it('treats values shorter than years as missing', () => {
    expect(gapSegments([1, 2, 3], [4], identity, identity)).toHaveLength(1);
  });
});

describe('segmentPath(segment)', () => {
  it('moves to the first point and draws lines to the rest', () => {
    const path = segmentPath([
      { year: 1, value: 0, x: 0, y: 10 },
      { year: 2, value: 0, x: 12.345, y: 5 },
    ]);
    expect(path).toBe('M0,10L12.3,5');
  });
});

describe('yearTicks(years, maxTicks)', () => {
  const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
  const cases: { title: string; years: number[]; max: number; expected: number[] }[] = [
    { title: 'all years when they fit', years: [2018, 2019, 2020], max: 5, expected: [2018, 2019, 2020] },
    // 12 years, at most 5 ticks: step ceil(11/4) = 3 → 2011, 2014, 2017, 2020, then the last year.
    { title: 'first, last and every third year for 2011–2022', years: range(2011, 2022), max: 5, expected: [2011, 2014, 2017, 2020, 2022] },
    // 10 years, at most 4: step ceil(9/3) = 3 → 2013, 2016, 2019; 2022 is the last.
    { title: 'first and last always included', years: range(2013, 2022), max: 4, expected: [2013, 2016, 2019, 2022] },
    // 8 years, at most 3: step ceil(7/2) = 4 → 2015, 2019; 2019 is not within 2 of 2022's index.
    { title: 'drops an inner tick that would crowd the last', years: range(2015, 2022), max: 3, expected: [2015, 2019, 2022] },
    { title: 'at least first and last', years: range(2000, 2010), max: 1, expected: [2000, 2010] },
    { title: 'empty', years: [], max: 5, expected: [] },
  ];
  for (const { title, years, max, expected } of cases) {
    it(title, () => expect(yearTicks(years, max)).toEqual(expected));
  }
});

describe('valueExtent(...series)', () => {
  it('covers all defined values of all series', () => {
    expect(valueExtent([3, NaN, 5], [1, 2], null)).toEqual([1, 5]);
  });
  it('is null when nothing is defined', () => {
    expect(valueExtent([NaN], [], undefined)).toBeNull();
  });
});

describe('spreadLabels(ys, gap, top, bottom)', () => {
  it('leaves labels that are far enough apart alone', () => {
    expect(spreadLabels([10, 50], 15, 0, 100)).toEqual([10, 50]);
  });
  it('pushes a close label down, keeping the input order of the result', () => {
    expect(spreadLabels([40, 30], 15, 0, 100)).toEqual([45, 30]);
  });
  it('pushes the stack back up when it runs off the bottom', () => {
    expect(spreadLabels([98, 99, 100], 15, 0, 100)).toEqual([70, 85, 100]);
  });
});

describe('seriesChartModel(input)', () => {
  it('draws a series with a NaN gap as two segments', () => {
    const model = seriesChartModel(input());
    expect(model.series.segments.map((s) => s.map((p) => p.year))).toEqual([
      [2010, 2011],
      [2013, 2014],
    ]);
    expect(model.series.paths).toHaveLength(2);
    expect(model.median.segments).toHaveLength(1);
  });

  it('has a y domain covering both the series and the median', () => {
    const model = seriesChartModel(input({ series: [10, 12, NaN, 14, 16], median: [8, 8, 8, 8, 18] }));
    const [lo, hi] = model.yDomain;
    expect(lo).toBeLessThanOrEqual(8);
    expect(hi).toBeGreaterThanOrEqual(18);
  });

  it('includes the reference in the y domain', () => {
    const model = seriesChartModel(input({ reference: [30, NaN, NaN, NaN, 2] }));
    expect(model.yDomain).toEqual([0, 30]);
  });

  it('rounds the y domain to nice numbers and ticks at nice steps', () => {
    // Data 10–16; nice(4) gives 10–16 with step 2 (d3 picks steps of 1, 2 or 5 × 10^k).
    const model = seriesChartModel(input());
    expect(model.yDomain).toEqual([10, 16]);
    expect(model.yTicks.map((t) => t.value)).toEqual([10, 12, 14, 16]);
    // 100 px high, y inverted: 10 at the bottom (100), 16 at the top (0), 12 at 100 − 2/6 × 100.
    expect(model.yTicks[0]!.position).toBe(100);
    expect(model.yTicks[3]!.position).toBe(0);
    expect(model.yTicks[1]!.position).toBeCloseTo(66.667, 2);
  });

  it('makes a band around a flat series so it is not drawn on the edge', () => {
    const model = seriesChartModel(input({ series: [5, 5, 5, 5, 5], median: [5, 5, 5, 5, 5] }));
    const [lo, hi] = model.yDomain;
    expect(lo).toBeLessThan(5);
    expect(hi).toBeGreaterThan(5);
  });

  it('places years linearly, so a missing survey year leaves a wider gap', () => {
    const model = seriesChartModel(input({ years: [2010, 2014, 2018, 2022], series: [1, 2, 3, 4], median: [1, 2, 3, 4], year: 2018 }));
    const expected = [0, 100 / 3, 200 / 3, 100];
    model.columns.forEach((c, i) => expect(c.position).toBeCloseTo(expected[i]!, 9));
  });

  it('marks the current year at its x and on the series point', () => {
    const model = seriesChartModel(input({ year: 2013 }));
    expect(model.current?.x).toBe(75);
    expect(model.current?.point?.value).toBe(14);
  });

  it('marks the current year without a point when the area has no value then', () => {
    const model = seriesChartModel(input({ year: 2012 }));
    expect(model.current?.x).toBe(50);
    expect(model.current?.point).toBeNull();
  });

  it('has no marker for a year outside the series', () => {
    expect(seriesChartModel(input({ year: 1999 })).current).toBeNull();
  });

  it('centres a single year', () => {
    const model = seriesChartModel(input({ years: [2020], series: [3], median: [4], year: 2020 }));
    expect(model.series.segments[0]![0]!.x).toBe(50);
  });

  it('falls back to a 0–1 domain when nothing is defined', () => {
    const model = seriesChartModel(input({ series: [NaN, NaN, NaN, NaN, NaN], median: [NaN, NaN, NaN, NaN, NaN] }));
    expect(model.yDomain).toEqual([0, 1]);
    expect(model.series.last).toBeNull();
    expect(model.labelY.series).toBeNull();
  });

  it('places end labels at the last defined points, nudged apart', () => {
    // Series ends at 16 → y 0; median ends at 11 → y 83.3; far apart, so unchanged.
    const model = seriesChartModel(input());
    expect(model.labelY.series).toBe(0);
    expect(model.labelY.median).toBeCloseTo(83.333, 2);
    expect(model.labelY.reference).toBeNull();
  });
});

describe('yearAtPixel(model, px)', () => {
  it('picks the year whose column is closest to the pointer', () => {
    const model = seriesChartModel(input());
    expect(yearAtPixel(model, 0)).toBe(2010);
    expect(yearAtPixel(model, 60)).toBe(2012);
    expect(yearAtPixel(model, 90)).toBe(2014);
  });
  it('is null without years', () => {
    const model = seriesChartModel(input({ years: [], series: [], median: [] }));
    expect(yearAtPixel(model, 10)).toBeNull();
  });
});
