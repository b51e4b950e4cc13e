import { describe, expect, it } from 'vitest';
import type { AlignedSeries } from '../../src/state/selectors';
import { gapSeries, gapStatistics, measureSeries, type GapStatistics } from '../../src/stats/gap';
import { GAP_MEASURES, gapMeasure } from '../../src/stats/measures';

const dispersion = ['cv', 'gini', 'theil'] as const;

describe('gapStatistics(values) unweighted, by hand', () => {
  // [1,2,3,4]: mean 2.5; deviations ±1.5, ±0.5 → variance (2.25+0.25+0.25+2.25)/4 = 1.25.
  const stats = gapStatistics([1, 2, 3, 4]);
  it('range is max − min with the indices of the extremes', () => {
    expect(stats.range).toEqual({ value: 3, reason: null, minIndex: 0, maxIndex: 3 });
  });
  it('mean is the simple mean and is the reference when nothing is published', () => {
    expect(stats.mean).toBe(2.5);
    expect(stats.reference).toBe(2.5);
    expect(stats.referenceSource).toBe('mean');
    expect(stats.weighted).toBe(false);
  });
  it('cv = population SD / mean = sqrt(1.25) / 2.5 = 0.447214', () => {
    expect(stats.cv.value).toBeCloseTo(0.447214, 6);
  });
  it('gini = Σ|xi − xj| / (2 n² μ) = 20 / (2·16·2.5) = 0.25', () => {
    // Ordered pairs: 2·(1+2+3+1+2+1) = 20.
    expect(stats.gini.value).toBeCloseTo(0.25, 12);
  });
  it('theil T = (1/n) Σ (x/μ) ln(x/μ) = 0.106440', () => {
    // 0.4·ln0.4 = −0.366516, 0.8·ln0.8 = −0.178515, 1.2·ln1.2 = 0.218786, 1.6·ln1.6 = 0.752006;
    // sum 0.425761 / 4 = 0.106440.
    expect(stats.theil.value).toBeCloseTo(0.10644, 5);
  });
  it('theil contributions are each area’s term and add up to T', () => {
    const c = Array.from(stats.theil.contributions!);
    expect(c[0]).toBeCloseTo(-0.366516 / 4, 6);
    expect(c[3]).toBeCloseTo(0.752006 / 4, 6);
    expect(c.reduce((s, v) => s + v, 0)).toBeCloseTo(stats.theil.value!, 12);
  });
  it('fifths need five areas', () => {
    expect(stats.fifthGap.reason).toBe('too-few-areas');
    expect(stats.ratio.reason).toBe('too-few-areas');
  });
  it('P90/P10 with 4 areas → too-few-areas', () => {
    expect(stats.p90p10).toEqual({ value: null, reason: 'too-few-areas', p10: null, p90: null });
  });
});

describe('gapStatistics(values, weights) weighted, by hand', () => {
  // values [10,20], weights [1,3]: W = 4, μ = (10 + 60)/4 = 17.5.
  const stats = gapStatistics([10, 20], [1, 3]);
  it('mean is population-weighted', () => {
    expect(stats.mean).toBe(17.5);
    expect(stats.referenceSource).toBe('weighted-mean');
    expect(stats.weighted).toBe(true);
  });
  it('cv: variance (1·7.5² + 3·2.5²)/4 = 18.75 → sqrt(18.75)/17.5 = 0.247436', () => {
    expect(stats.cv.value).toBeCloseTo(0.247436, 6);
  });
  it('gini = Σ wi wj |xi − xj| / (2 W² μ) = 2·1·3·10 / (2·16·17.5) = 0.107143', () => {
    expect(stats.gini.value).toBeCloseTo(60 / 560, 12);
  });
  it('theil T = (1·(10/17.5)ln(10/17.5) + 3·(20/17.5)ln(20/17.5)) / 4 = 0.034510', () => {
    // 0.571429·(−0.559616) = −0.319780; 3·1.142857·0.133531 = 0.457822; (0.138042)/4.
    expect(stats.theil.value).toBeCloseTo(0.03451, 5);
  });
});

describe('gapStatistics fifths', () => {
  it('5 areas, higher-worse: one area per fifth; low fifth is best off', () => {
    const s = gapStatistics([5, 1, 4, 2, 3], null, { unit: 'percent', direction: 'higher-worse' });
    expect(s.fifthGap).toEqual({ value: 4, reason: null, low: 1, high: 5, bestEnd: 'low' });
    expect(s.ratio.value).toBe(5);
  });
  it('higher-better: same positive gap and ratio ≥ 1, the high fifth is best off', () => {
    const s = gapStatistics([5, 1, 4, 2, 3], null, { unit: 'sek', direction: 'higher-better' });
    expect(s.fifthGap.value).toBe(4);
    expect(s.fifthGap.bestEnd).toBe('high');
    expect(s.ratio.value).toBe(5);
  });
  it('7 areas: a fifth is 1.4 areas, the straddling area counts 0.4', () => {
    // low (1 + 0.4·2)/1.4 = 1.285714; high (7 + 0.4·6)/1.4 = 6.714286.
    const s = gapStatistics([1, 2, 3, 4, 5, 6, 7]);
    expect(s.fifthGap.low).toBeCloseTo(1.8 / 1.4, 12);
    expect(s.fifthGap.high).toBeCloseTo(9.4 / 1.4, 12);
    expect(s.fifthGap.value).toBeCloseTo(7.6 / 1.4, 12);
  });
  it('weighted: fifths of the population, the straddling area weighted by its part', () => {
    // W = 100; low 20 = 5 of "1" + 15 of "2" → 35/20 = 1.75; high 20 = 5 of "5" + 15 of "4" → 85/20 = 4.25.
    const s = gapStatistics([1, 2, 3, 4, 5], [5, 30, 30, 30, 5]);
    expect(s.fifthGap.low).toBeCloseTo(1.75, 12);
    expect(s.fifthGap.high).toBeCloseTo(4.25, 12);
    expect(s.fifthGap.value).toBeCloseTo(2.5, 12);
    expect(s.ratio.value).toBeCloseTo(4.25 / 1.75, 12);
  });
  it('ratio needs positive values', () => {
    expect(gapStatistics([0, 1, 2, 3, 4], null, { unit: 'percent' }).ratio.reason).toBe('non-positive-values');
  });
});

describe('gapStatistics P90/P10', () => {
  const tenAreas = [7, 3, 10, 1, 5, 9, 2, 8, 4, 6];
  it('unweighted uses type-7 quantiles: P10 = 1.9, P90 = 9.1', () => {
    // h = 9·0.1 = 0.9 → 1 + 0.9·1; h = 9·0.9 = 8.1 → 9 + 0.1·1.
    const s = gapStatistics(tenAreas, null, { unit: 'percent' });
    expect(s.p90p10.p10).toBeCloseTo(1.9, 12);
    expect(s.p90p10.p90).toBeCloseTo(9.1, 12);
    expect(s.p90p10.value).toBeCloseTo(9.1 / 1.9, 12);
  });
  it('weighted takes the area where the cumulative population reaches the share', () => {
    // Equal weights: 10 % of the population ends exactly between "1" and "2" → 1.5; 90 % between "9" and "10" → 9.5.
    const s = gapStatistics(tenAreas, new Array(10).fill(1000), { unit: 'percent' });
    expect(s.p90p10.p10).toBeCloseTo(1.5, 12);
    expect(s.p90p10.p90).toBeCloseTo(9.5, 12);
  });
  it('weighted: a big area pulls the percentile onto its value', () => {
    // Two copies of weights [1,1,96,1,1]: "3" covers 2–98 % of the population, so P10 = P90 = 3.
    const values = [1, 2, 3, 4, 5, 1, 2, 3, 4, 5];
    const weights = [1, 1, 96, 1, 1, 1, 1, 96, 1, 1];
    expect(gapStatistics(values, weights, { unit: 'percent' }).p90p10.value).toBe(1);
  });
  it('weighted, cut inside an area: the area straddling 10 % gives P10', () => {
    // W = 100, cumulative 5, 15, …: 10 % (= 10) is first reached by the second area (value 2); 90 % among the 3s.
    const s = gapStatistics([1, 2, 3, 3, 3, 3, 3, 3, 3, 3], [5, 10, 10, 10, 10, 10, 10, 10, 10, 15], { unit: 'percent' });
    expect(s.p90p10).toMatchObject({ p10: 2, p90: 3, value: 1.5 });
  });
  it('needs a positive P10', () => {
    expect(gapStatistics([0, 0, 0, 1, 2, 3, 4, 5, 6, 7], null, { unit: 'percent' }).p90p10.reason).toBe('non-positive-values');
  });
});

describe('gapStatistics textbook properties', () => {
  const values = [12.5, 3.1, 8.8, 20.4, 5.6, 9.9, 14.2, 2.7, 17.3, 6.4, 11.0, 4.9];
  const weights = [1200, 300, 4500, 800, 2500, 600, 3100, 150, 900, 2000, 700, 1800];

  it('all areas equal → 0 for range, fifth gap, CV, Gini and Theil; 1 for ratios', () => {
    const s = gapStatistics(new Array(12).fill(7), weights, { unit: 'percent' });
    for (const id of ['range', 'fifthGap', 'cv', 'gini', 'theil'] as const) expect(s[id].value).toBeCloseTo(0, 12);
    expect(s.ratio.value).toBeCloseTo(1, 12);
    expect(s.p90p10.value).toBeCloseTo(1, 12);
  });

  it.each([
    ['unweighted', null],
    ['weighted', weights],
  ] as const)('scale invariance (%s): ×7 leaves CV, Gini, Theil, ratio, P90/P10 unchanged', (_, w) => {
    const a = gapStatistics(values, w, { unit: 'sek' });
    const b = gapStatistics(
      values.map((v) => v * 7),
      w,
      { unit: 'sek' },
    );
    for (const id of [...dispersion, 'ratio', 'p90p10'] as const) expect(b[id].value).toBeCloseTo(a[id].value!, 12);
    expect(b.range.value).toBeCloseTo(a.range.value! * 7, 10);
  });

  it('replicating the population (weights ×3) changes no measure', () => {
    const a = gapStatistics(values, weights, { unit: 'sek' });
    const b = gapStatistics(
      values,
      weights.map((w) => w * 3),
      { unit: 'sek' },
    );
    for (const id of [...dispersion, 'ratio', 'p90p10', 'fifthGap', 'range'] as const) {
      expect(b[id].value).toBeCloseTo(a[id].value!, 12);
    }
  });

  it('duplicating every area leaves CV, Gini, Theil and the fifths unchanged', () => {
    const a = gapStatistics(values, weights);
    const b = gapStatistics([...values, ...values], [...weights, ...weights]);
    for (const id of [...dispersion, 'fifthGap'] as const) expect(b[id].value).toBeCloseTo(a[id].value!, 12);
    const u = gapStatistics(values);
    const v = gapStatistics([...values, ...values]);
    for (const id of dispersion) expect(v[id].value).toBeCloseTo(u[id].value!, 12);
  });

  it('one area → too-few-areas for every measure', () => {
    const s = gapStatistics([5], [100]);
    expect(s.n).toBe(1);
    for (const m of GAP_MEASURES) expect(s[m.id].reason).toBe('too-few-areas');
  });

  it('no values → no-data, mean and reference null', () => {
    const s = gapStatistics([NaN, NaN]);
    expect(s.missing).toBe(2);
    for (const m of GAP_MEASURES) expect(s[m.id].reason).toBe('no-data');
    expect(s.mean).toBeNull();
    expect(s.reference).toBeNull();
  });

  it('NaN values are excluded and counted, never treated as 0', () => {
    const s = gapStatistics([1, NaN, 3]);
    expect(s.n).toBe(2);
    expect(s.missing).toBe(1);
    expect(s.mean).toBe(2); // as 0 it would be 4/3
    expect(s.range.value).toBe(2); // as 0 it would be 3
    expect(s.range.maxIndex).toBe(2);
  });

  it('zero, negative and missing population → area excluded and counted', () => {
    const s = gapStatistics([1, 2, 3, 100, 50, 70], [1, 1, 1, 0, -5, NaN]);
    expect(s.n).toBe(3);
    expect(s.missingWeight).toBe(3);
    expect(s.missing).toBe(0);
    expect(s.range.value).toBe(2);
    expect(s.mean).toBe(2);
  });

  it('life expectancy (years): no ratio or P90/P10, but differences and indices', () => {
    const s = gapStatistics([80.1, 81.2, 82.5, 83.0, 84.4, 79.9, 81.8, 82.2, 83.7, 80.6], null, { unit: 'years', direction: 'higher-better' });
    expect(s.ratio).toEqual({ value: null, reason: 'not-meaningful-for-unit' });
    expect(s.p90p10.reason).toBe('not-meaningful-for-unit');
    expect(s.range.value).toBeCloseTo(4.5, 12);
    expect(s.cv.value).not.toBeNull();
  });

  it('Gini accepts zeros: [0,0,0,4] → 24 / (2·16·1) = 0.75; Theil and CV need positive values', () => {
    const s = gapStatistics([0, 0, 0, 4]);
    expect(s.gini.value).toBeCloseTo(0.75, 12);
    expect(s.theil.reason).toBe('non-positive-values');
    expect(gapStatistics([-1, 2]).gini.reason).toBe('negative-values');
    expect(gapStatistics([-1, 1]).cv.reason).toBe('non-positive-values');
    expect(gapStatistics([0, 0]).gini.reason).toBe('non-positive-values');
  });

  it('a published reference wins over the mean; NaN means not published', () => {
    expect(gapStatistics([1, 3], null, { published: 2.4 })).toMatchObject({ reference: 2.4, referenceSource: 'published', mean: 2 });
    expect(gapStatistics([1, 3], [1, 1], { published: NaN })).toMatchObject({ reference: 2, referenceSource: 'weighted-mean' });
  });
});

describe('gapSeries(series, weights, meta)', () => {
  const series: AlignedSeries = {
    years: [2020, 2021],
    byYear: [Float64Array.from([10, 20, NaN]), Float64Array.from([10, 30, 20])],
    reasons: [null, null, null],
    unmatched: [],
    reference: Float64Array.from([15, NaN]),
  };
  const stats: GapStatistics[] = gapSeries(series, [Float64Array.from([1, 3, 5]), null], { unit: 'percent', direction: 'higher-worse' });

  it('computes one result per year with that year’s weights and reference', () => {
    expect(stats).toHaveLength(2);
    expect(stats[0]).toMatchObject({ n: 2, missing: 1, weighted: true, mean: 17.5, reference: 15, referenceSource: 'published' });
    expect(stats[1]).toMatchObject({ n: 3, missing: 0, weighted: false, mean: 20, reference: 20, referenceSource: 'mean' });
  });
  it('does not let the shared workspace leak between years', () => {
    expect(stats[0]!.gini.value).toBeCloseTo(60 / 560, 12);
    expect(stats[0]!.theil.contributions).toHaveLength(3);
    expect(stats[0]!.theil.contributions![2]).toBeNaN();
  });
  it('measureSeries picks one measure per year, null where not computed', () => {
    expect(measureSeries(stats, 'range')).toEqual([10, 20]);
    expect(measureSeries(stats, 'p90p10')).toEqual([null, null]);
  });
  it('leaves excluded areas out as if they had no value, and counts them', () => {
    // Area 1 (20, then 30) left out: 2020 has only area 0 (n 1: too few for a range), 2021 areas 0 and 2 → range 20 − 10.
    const excluded = gapSeries(series, null, { unit: 'percent', direction: 'higher-worse' }, { exclude: new Set([1]) });
    expect(excluded[0]).toMatchObject({ n: 1, missing: 2, excluded: 1 });
    expect(excluded[1]).toMatchObject({ n: 2, missing: 1, excluded: 1, mean: 15 });
    expect(measureSeries(excluded, 'range')).toEqual([null, 10]);
    // The series itself is untouched.
    expect(series.byYear[1]![1]).toBe(30);
  });
});

describe('GAP_MEASURES', () => {
  it('lists every measure once, named in both languages', () => {
    expect(GAP_MEASURES.map((m) => m.id)).toEqual(['range', 'fifthGap', 'ratio', 'p90p10', 'cv', 'gini', 'theil']);
    for (const m of GAP_MEASURES) expect(m.name.sv && m.name.en && m.explain.sv && m.explain.en).toBeTruthy();
  });
  it('gapMeasure(id) throws on an unknown id', () => {
    expect(gapMeasure('gini').minAreas).toBe(2);
    expect(() => gapMeasure('nope' as never)).toThrow('invalid gap measure');
  });
});
