import { describe, expect, it } from 'vitest';
import type { LevelGeometry } from '../../src/data/load';
import type { IndicatorValues, LevelMeta } from '../../src/data/types';
import { gapWords } from '../../src/i18n/level-nouns';
import { narrowingValues, shareIndicator } from './gap-fixtures';
import { areaFacts, tableRows } from '../../src/state/area-facts';
import { joinIndicator } from '../../src/state/selectors';
import * as statistics from '../../src/state/view-analysis';
import type { ViewData } from '../../src/state/view-data';
import { createViewModel, type Analysis } from '../../src/state/view-model';
import { DEFAULT_VIEW, type ViewState } from '../../src/state/view-state';

const indicator = shareIndicator;

// The first three years of the gap-view tests' narrowing range (40 → 20 → 10), as 2020–2022, but E has no value in 2022.
const values: IndicatorValues = { ...narrowingValues, years: [2020, 2021, 2022], values: [...narrowingValues.values.slice(0, 2), [25, 27.5, 30, 32.5, null]] };

function viewData(source: IndicatorValues = values): ViewData {
  const codes = ['A', 'B', 'C', 'D', 'E'];
  const geometry = {
    meta: { id: 'kommun' } as LevelMeta,
    codes,
    indexByCode: new Map(codes.map((c, i) => [c, i])),
    areas: {
      type: 'FeatureCollection',
      features: codes.map((code) => ({ type: 'Feature', properties: { code, name: `Område ${code}`, parents: {} }, geometry: null })),
    },
    outlines: null,
  } as unknown as LevelGeometry;
  const series = joinIndicator(codes, source);
  return statistics.analyseViewData({
    geometry,
    indicator,
    series,
    weights: null,
    weight: null,
    gapExcluded: null,
    stats: null,
    linked: null,
    population: null,
    partner: null,
  });
}

const view: ViewState = { ...DEFAULT_VIEW, indicator: 'x', year: 2021 };

/** The statistics and their words, as the app loads them after the first map. */
const analysis: Analysis = { ...statistics, gapWords };

describe('createViewModel()({ view, data, analysis })', () => {
  it('without data colours nothing and names the view’s year', () => {
    const vm = createViewModel()({ view, data: null, analysis });
    expect(vm).toMatchObject({ gap: null, change: null, changeScale: null, levelScale: null, titleYears: '2021' });
    expect(vm.colors.key).toBe('kommun|none');
    expect(vm.colors.colors.length).toBe(0);
  });

  it('without the statistics draws the level map but has no gap overview', () => {
    const vm = createViewModel()({ view, data: viewData(), analysis: null });
    expect(vm.gap).toBeNull();
    expect(vm.colors.key).toBe('kommun|x|quantile|5|all|all|2021');
    expect(vm.colors.colors.length).toBe(5 * 4);
    expect(vm.levelScale).toBe(vm.colors.scale);
  });

  it('gives the gap over the whole period and the level colours of the year', () => {
    const vm = createViewModel()({ view, data: viewData(), analysis });
    expect(vm.gap).toMatchObject({ from: 2020, to: 2022, values: [40, 20, 7.5] }); // 2022 without E: 32.5 − 25
    expect(vm.change).toBeNull();
    expect(vm.titleYears).toBe('2021');
  });

  it('reuses what a year change does not touch: the gap and the scale (the legend stays put)', () => {
    const derive = createViewModel();
    const data = viewData();
    const a = derive({ view, data, analysis });
    const b = derive({ view: { ...view, year: 2022 }, data, analysis });
    expect(b.gap).toBe(a.gap);
    expect(b.levelScale).toBe(a.levelScale);
    expect(b.colors).not.toBe(a.colors);
    expect(b.colors.key).toBe('kommun|x|quantile|5|all|all|2022');
    // The same inputs again: the very same colours, so the map does not recolour.
    expect(derive({ view: { ...view, year: 2022 }, data, analysis }).colors).toBe(b.colors);
  });

  it.each<[string, Partial<ViewState>]>([
    ['the measure', { measure: 'ratio' }],
    ['the period', { from: 2021 }],
    ['the language', { lang: 'en' }],
  ])('recomputes the gap when %s changes', (_title, patch) => {
    const derive = createViewModel();
    const data = viewData();
    const a = derive({ view, data, analysis });
    expect(derive({ view: { ...view, ...patch }, data, analysis }).gap).not.toBe(a.gap);
  });

  it('in the change view colours each area’s change A → B, and keeps the level legend’s scale', () => {
    const derive = createViewModel();
    const data = viewData();
    const level = derive({ view, data, analysis });
    const change = derive({ view: { ...view, mode: 'change' }, data, analysis });
    expect(change.change).toMatchObject({ from: 2020, to: 2022 });
    expect(change.changeScale).not.toBeNull();
    expect(change.colors.key).toBe('change|kommun|x|null|null|false|sv');
    expect(change.colors.scale).toBeNull();
    expect(change.levelScale).toBe(level.levelScale);
    expect(change.titleYears).toBe('2020–2022');
  });

  it('offers the colours of the other years, nearest first, the same as showing those years', () => {
    const derive = createViewModel();
    const data = viewData();
    const upcoming = derive({ view, data, analysis }).upcoming();
    expect(upcoming.map((c) => c.key)).toEqual(['kommun|x|quantile|5|all|all|2022', 'kommun|x|quantile|5|all|all|2020']);
    for (const [i, year] of [2022, 2020].entries())
      expect([...upcoming[i]!.colors]).toEqual([...createViewModel()({ view: { ...view, year }, data, analysis }).colors.colors]);
  });

  it('offers nothing in the change view', () => {
    expect(createViewModel()({ view: { ...view, mode: 'change' }, data: viewData(), analysis }).upcoming()).toEqual([]);
  });

  it('computes the upcoming colours only when asked, once per shown colouring', () => {
    const derive = createViewModel();
    const data = viewData();
    const a = derive({ view, data, analysis });
    const b = derive({ view, data, analysis: { ...analysis } });
    expect(b.upcoming).toBe(a.upcoming);
    expect(a.upcoming()).toBe(a.upcoming());
    expect(derive({ view: { ...view, year: 2022 }, data, analysis }).upcoming).not.toBe(a.upcoming);
  });

  it('falls back to the level colours in a change view while its half of the statistics is missing (the embed loads it later)', () => {
    const gapOnly: Analysis = { gapOverview: statistics.gapOverview, gapWords };
    const vm = createViewModel()({ view: { ...view, mode: 'change' }, data: viewData(), analysis: gapOnly });
    expect(vm.change).toBeNull();
    expect(vm.colors.key).toBe('kommun|x|quantile|5|all|all|2021');
    expect(vm.titleYears).toBe('2021');
  });

  it('with a single year gives that year’s gap and no verdict (the panel says the change cannot be shown)', () => {
    const one = { ...values, years: [2022], values: [values.values[2]!] };
    const gap = createViewModel()({ view: { ...view, year: 2022 }, data: viewData(one), analysis }).gap;
    // 2022 without E: A–D are 25, 27.5, 30, 32.5 → range 7.5.
    expect(gap?.values).toEqual([7.5]);
    expect(gap?.verdict.verdict).toBe('insufficient-data');
  });
});

describe('areaFacts(data, year, index)', () => {
  const data = viewData();
  it.each([
    // higher-worse: the lowest value ranks first
    [
      'the lowest value in 2021 ranks first, up 10 since 2020',
      2021,
      0,
      { known: true, value: 20, rank: 1, count: 5, change: { from: 2020, delta: 10 }, reason: null },
    ],
    ['the highest ranks last', 2021, 4, { known: true, value: 40, rank: 5, count: 5, change: { from: 2020, delta: -10 }, reason: null }],
    ['a missing value has no rank, and the series’ reason', 2022, 4, { known: true, value: NaN, rank: 0, count: 4, change: null, reason: 'not-reported' }],
    ['the first year has no change', 2020, 2, { known: true, value: 30, rank: 3, count: 5, change: null, reason: null }],
  ])('%s', (_title, year, index, expected) => {
    expect(areaFacts(data, year, index)).toEqual(expected);
  });

  it('knows nothing without a series', () => {
    expect(areaFacts({ ...data, series: null }, 2021, 0)).toEqual({ known: false, value: NaN, rank: 0, count: 0, change: null, reason: null });
  });
});

describe('tableRows(data, year)', () => {
  it('lists every area with value, rank and change since its first year', () => {
    const rows = tableRows(viewData(), 2022);
    expect(rows.map((r) => [r.code, r.value, r.rank, r.change, r.reason])).toEqual([
      ['A', 25, 1, 15, null],
      ['B', 27.5, 2, 7.5, null],
      ['C', 30, 3, 0, null],
      ['D', 32.5, 4, -7.5, null],
      ['E', NaN, 0, NaN, 'not-reported'],
    ]);
  });

  it('lists every area as missing without a series', () => {
    const rows = tableRows({ ...viewData(), series: null }, 2022);
    expect(rows.every((r) => Number.isNaN(r.value) && r.reason === 'not-reported')).toBe(true);
    expect(rows.length).toBe(5);
  });
});
