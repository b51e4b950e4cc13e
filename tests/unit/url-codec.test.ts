import { describe, expect, it } from 'vitest';
import type { LevelId } from '../../src/data/types';
import { decodeViewState, encodeViewState, type UrlContext } from '../../src/state/url-codec';
import { DEFAULT_VIEW, type ViewState } from '../../src/state/view-state';

const context: UrlContext = {
  levels: ['kommun', 'gbg-deso'],
  indicatorYears(indicator: string, level: LevelId) {
    const table: Record<string, Partial<Record<LevelId, number[]>>> = {
      'kolada-n66077': { kommun: [2011, 2012, 2013, 2022] },
      'kolada-n05401': { kommun: [2010, 2014, 2018, 2022] },
      'scb-deso-low-econ': { 'gbg-deso': [2022] },
    };
    const entry = table[indicator];
    if (!entry) return undefined;
    return entry[level] ?? [];
  },
};

describe('encodeViewState(state) / decodeViewState(search, context)', () => {
  it('round-trips a full view', () => {
    const view: ViewState = {
      level: 'kommun',
      indicator: 'kolada-n05401',
      year: 2014,
      area: '1480',
      highlight: ['1480', '1280', '1490'],
      classification: 'jenks',
      classes: 7,
      domain: 'year',
      lang: 'en',
      view: 'table',
      mode: 'change',
      from: 2010,
      to: 2018,
      measure: 'gini',
      relative: true,
    };
    const { state, problems } = decodeViewState(encodeViewState(view), context);
    expect(problems).toEqual([]);
    expect(state).toEqual(view);
  });

  it('always writes level, indicator and year, and leaves other defaults out', () => {
    expect(encodeViewState(DEFAULT_VIEW)).toBe('level=kommun&indicator=kolada-n66077&year=2022');
  });

  it('accepts a leading question mark', () => {
    expect(decodeViewState('?year=2012', context).state.year).toBe(2012);
  });

  it.each([
    ['unknown level', 'level=mars', 'level', 'invalid'],
    ['unknown indicator', 'indicator=nope', 'indicator', 'invalid'],
    ['non-numeric year', 'year=soon', 'year', 'invalid'],
    ['bad classification', 'class=magic', 'class', 'invalid'],
    ['class count out of range', 'k=12', 'k', 'invalid'],
    ['bad language', 'lang=de', 'lang', 'invalid'],
    ['area with markup', 'area=%3Cscript%3E', 'area', 'invalid'],
    ['highlight with markup only', 'hl=%3Cscript%3E', 'hl', 'invalid'],
    ['unknown parameter', 'zoom=3', 'zoom', 'unknown'],
    ['bad mode', 'mode=3d', 'mode', 'invalid'],
    ['bad measure', 'measure=vibes', 'measure', 'invalid'],
    ['non-numeric period start', 'from=early', 'from', 'invalid'],
    ['period that ends before it starts', 'from=2013&to=2012', 'from', 'invalid'],
  ])('%s falls back to the default and is reported', (_title, search, param, kind) => {
    const { state, problems } = decodeViewState(search, context);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ param, kind });
    expect(state.level).toBe(DEFAULT_VIEW.level);
    expect(state.indicator).toBe(DEFAULT_VIEW.indicator);
    expect(state.area).toBeNull();
  });

  it('snaps a year the indicator lacks to the nearest year and says so', () => {
    const { state, problems } = decodeViewState('indicator=kolada-n05401&year=2016', context);
    expect(state.year).toBe(2018); // 2014 and 2018 are equally near; ties go later
    expect(problems).toEqual([{ param: 'year', value: '2016', kind: 'adjusted', used: '2018' }]);
  });

  it('keeps the year when the indicator has no data at the level', () => {
    const { state, problems } = decodeViewState('level=gbg-deso&indicator=kolada-n66077&year=2015', context);
    expect(state).toMatchObject({ level: 'gbg-deso', indicator: 'kolada-n66077', year: 2015 });
    expect(problems).toEqual([]);
  });

  it("a level without an indicator shows the level's first indicator when the default has no data there", () => {
    const withFirst: UrlContext = { ...context, firstIndicatorAt: (level) => (level === 'gbg-deso' ? 'scb-deso-low-econ' : 'kolada-n66077') };
    expect(decodeViewState('level=gbg-deso', withFirst)).toEqual({
      state: expect.objectContaining({ level: 'gbg-deso', indicator: 'scb-deso-low-econ', year: 2022 }) as ViewState,
      problems: [],
    });
    // A named indicator is kept (the app offers the ones that exist), and the default stays where it has data.
    expect(decodeViewState('level=gbg-deso&indicator=kolada-n66077', withFirst).state.indicator).toBe('kolada-n66077');
    expect(decodeViewState('level=kommun', withFirst).state.indicator).toBe(DEFAULT_VIEW.indicator);
    // Without the hook, the default indicator stays.
    expect(decodeViewState('level=gbg-deso', context).state.indicator).toBe(DEFAULT_VIEW.indicator);
  });

  it("snaps period ends to the indicator's years", () => {
    const { state, problems } = decodeViewState('indicator=kolada-n05401&from=2011&to=2021', context);
    expect(state).toMatchObject({ from: 2010, to: 2022 });
    expect(problems.map((p) => p.kind)).toEqual(['adjusted', 'adjusted']);
  });

  it('writes highlighted areas as a comma-separated hl list after area', () => {
    const search = encodeViewState({ ...DEFAULT_VIEW, area: '1480', highlight: ['1280', '1490'] });
    expect(search).toBe('level=kommun&indicator=kolada-n66077&year=2022&area=1480&hl=1280,1490');
    expect(decodeViewState(search, context).state.highlight).toEqual(['1280', '1490']);
  });

  it('keeps the valid highlight codes, drops malformed ones and repeats, and reports the dropped', () => {
    const { state, problems } = decodeViewState('hl=1480,%3Cb%3E,1280,,1480, 1490 ,a%20b', context);
    expect(state.highlight).toEqual(['1480', '1280', '1490']);
    expect(problems).toEqual([{ param: 'hl', value: '<b>,a b', kind: 'invalid' }]);
  });

  it('keeps at most 20 highlighted areas and reports the rest', () => {
    const codes = Array.from({ length: 23 }, (_, i) => String(1000 + i));
    const { state, problems } = decodeViewState(`hl=${codes.join(',')}`, context);
    expect(state.highlight).toEqual(codes.slice(0, 20));
    expect(problems).toEqual([{ param: 'hl', value: '1020,1021,1022', kind: 'invalid' }]);
  });

  it('an empty hl highlights nothing and is not written back', () => {
    const { state, problems } = decodeViewState('hl=', context);
    expect(state.highlight).toEqual([]);
    expect(problems).toEqual([]);
    expect(encodeViewState(state)).not.toContain('hl');
  });

  it('never throws on garbage', () => {
    for (const search of ['%%%', '&&&=', 'year=', '=2012', 'level=&indicator=', '?'.repeat(50)]) {
      expect(() => decodeViewState(search, context)).not.toThrow();
    }
  });
});
