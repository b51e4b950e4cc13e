import { describe, expect, it } from 'vitest';
import type { IndicatorValues } from '../../src/data/types';
import { gapSeries, type GapStatistics } from '../../src/stats/gap';
import { changeOverview, gapOverview, linkGapSeries, resolvePeriod } from '../../src/state/gap-view';
import { joinIndicator } from '../../src/state/selectors';
import { gapWords } from '../../src/i18n/level-nouns';
import { narrowingValues, shareIndicator } from './gap-fixtures';

describe('resolvePeriod(years, from, to)', () => {
  const years = [2011, 2012, 2014, 2022];
  it.each([
    [null, null, 2011, 2022],
    [2012, null, 2012, 2022],
    [2013, 2021, 2014, 2022], // snapped to the nearest years (ties go later)
    [2022, 2011, 2011, 2022], // reversed → the whole series
  ])('from %s to %s → %d–%d', (from, to, a, b) => {
    expect(resolvePeriod(years, from, to)).toEqual({ from: a, to: b });
  });
});

const indicator = shareIndicator;
// Five areas whose spread halves every year: a steadily narrowing range 40 → 20 → 10 → 5 → 2.5.
const values = narrowingValues;

describe('gapOverview(series, stats, indicator, level, options)', () => {
  const series = joinIndicator(['A', 'B', 'C', 'D', 'E'], values);
  const stats = gapSeries(series, null, indicator);
  it('gives the measure per year, a narrowing verdict and a sentence naming both years', () => {
    const overview = gapOverview(series, stats, indicator, gapWords('kommun'), { measure: 'range', from: null, to: null, lang: 'sv', weighted: false });
    expect(overview.values).toEqual([40, 20, 10, 5, 2.5]);
    expect(overview.verdict.verdict).toBe('narrowing');
    expect(overview.summary).toContain('2018');
    expect(overview.summary).toContain('2022');
    expect(overview.summary).toContain('minskade');
  });

  it('judges only the first three years as too few to tell, and names the fifth of the weighted group', () => {
    const overview = gapOverview(series, stats, indicator, gapWords('kommun'), {
      measure: 'fifthGap',
      from: 2018,
      to: 2020,
      lang: 'sv',
      weighted: true,
      weightGroup: { sv: 'barnen', en: 'children' },
    });
    expect(overview.verdict).toMatchObject({ verdict: 'insufficient-data', points: 3 });
    expect(overview.summary).toContain('Med 3 mätår mellan 2018 och 2020 går det inte att avgöra');
    expect(overview.summary).toContain('den femtedel av barnen som bor');
  });
});

describe('changeOverview(series, stats, weights, indicator, level, options)', () => {
  // Ten areas 10, 15, …, 55 pulled towards their mean 32.5: by half in 2021, by three quarters in 2022,
  // so Δ(2020→2022) = −0.75 × (level − 32.5): slope −0.75, a textbook convergence.
  const codes = 'ABCDEFGHIJ'.split('');
  const start = codes.map((_, i) => 10 + 5 * i);
  const ten: IndicatorValues = {
    indicator: 'x',
    level: 'kommun',
    years: [2020, 2021, 2022],
    codes,
    values: [start, start.map((v) => 32.5 + (v - 32.5) * 0.5), start.map((v) => 32.5 + (v - 32.5) * 0.25)],
    missing: {},
  };
  const series = joinIndicator(codes, ten);
  const stats = gapSeries(series, null, indicator);
  it('measures each area’s change and finds that the worse-off areas improved faster', () => {
    const overview = changeOverview(series, stats, null, indicator, gapWords('kommun'), { from: 2020, to: 2022, relative: false, lang: 'en' });
    expect(overview.changes.delta[0]).toBeCloseTo(16.875, 10);
    expect(overview.changes.delta[9]).toBeCloseTo(-16.875, 10);
    expect(overview.convergence.slope).toBeCloseTo(-0.75, 10);
    expect(overview.convergence.kind).toBe('converging');
    expect(overview.drivers.length).toBeGreaterThan(0);
  });
});

describe('linkGapSeries(current, other, relation)', () => {
  const stats = (n: number) => Array.from({ length: n }, (_, i) => ({ tag: i }) as unknown as GapStatistics);
  it('appends a successor’s later years and breaks at the first of them (N00914 → N02243)', () => {
    const linked = linkGapSeries({ years: [2019, 2020, 2021], stats: stats(3) }, { years: [2020, 2021, 2022], stats: stats(3) }, 'successor');
    expect(linked.years).toEqual([2019, 2020, 2021, 2022]);
    expect(linked.breakYear).toBe(2022);
    expect(linked.stats[3]).toEqual({ tag: 2 });
  });
  it('prepends a predecessor’s earlier years and breaks where the current series starts', () => {
    const linked = linkGapSeries({ years: [2020, 2021, 2022], stats: stats(3) }, { years: [2018, 2019, 2020, 2021], stats: stats(4) }, 'predecessor');
    expect(linked.years).toEqual([2018, 2019, 2020, 2021, 2022]);
    expect(linked.breakYear).toBe(2020);
  });
  it('leaves the series alone without another one or without new years', () => {
    expect(linkGapSeries({ years: [2020], stats: stats(1) }, null, 'successor')).toEqual({ years: [2020], stats: stats(1), breakYear: null });
    expect(linkGapSeries({ years: [2020, 2021], stats: stats(2) }, { years: [2021], stats: stats(1) }, 'successor').breakYear).toBeNull();
  });
});
