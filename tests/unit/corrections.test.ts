import { describe, expect, it } from 'vitest';
import type { Catalogue, IndicatorMeta, LevelMeta } from '../../src/data/types';
import { correctAreas, correctMode, noDataFact, urlReport } from '../../src/state/corrections';
import type { UrlProblem } from '../../src/state/url-codec';

const level = {
  indexByCode: new Map([
    ['A', 0],
    ['B', 1],
    ['C', 2],
  ]),
};

describe('correctAreas(view, level)', () => {
  it.each([
    ['nothing selected or highlighted: the highlight notice is cleared', null, [], {}, [['highlight-missing', null]]],
    ['a selected area on the level stays', 'A', ['B'], {}, [['highlight-missing', null]]],
    [
      'a selected area not on the level is dropped with a notice',
      'Z',
      [],
      { area: null },
      [
        ['area-missing', { id: 'area-missing', code: 'Z' }],
        ['highlight-missing', null],
      ],
    ],
    [
      'highlighted areas not on the level are dropped, the others kept in order, one notice naming them',
      null,
      ['C', 'Y', 'A', 'Z'],
      { highlight: ['C', 'A'] },
      [['highlight-missing', { id: 'highlight-missing', codes: ['Y', 'Z'] }]],
    ],
  ] as const)('%s', (_title, area, highlight, patch, notices) => {
    expect(correctAreas({ area, highlight }, level)).toEqual({ patch, notices });
  });
});

const indicator = { id: 'x', name: { sv: 'X', en: 'X' }, levels: {} } as IndicatorMeta;

describe('correctMode(view, indicator, years)', () => {
  it.each([
    ['the level map needs one year', 'level', [2022], {}, null],
    ['a change view with two years stays', 'change', [2021, 2022], {}, null],
    ['a change view without years stays (nothing to show either way)', 'scatter', [], {}, null],
    ['a change view with one year falls back to the level map', 'change', [2022], { mode: 'level' }, { id: 'single-year', indicator, year: 2022 }],
    ['so does the scatter', 'scatter', [2022], { mode: 'level' }, { id: 'single-year', indicator, year: 2022 }],
  ] as const)('%s', (_title, mode, years, patch, fact) => {
    expect(correctMode({ mode }, indicator, years)).toEqual({ patch, notices: [['single-year', fact]] });
  });

  it('leaves the view without an indicator', () => {
    expect(correctMode({ mode: 'change' }, undefined, [2022])).toEqual({ patch: {}, notices: [['single-year', null]] });
  });
});

describe('noDataFact(catalogue, level, indicator, hasSeries, year)', () => {
  const kommun = { id: 'kommun', inChooser: true } as LevelMeta;
  const deso = { id: 'gbg-deso', inChooser: true } as LevelMeta;
  const hidden = { id: 'gbg-basomrade', inChooser: false } as LevelMeta;
  const onlyKommun = { id: 'k', levels: { kommun: { years: [2010, 2014, 2018] } } } as unknown as IndicatorMeta;
  const both = {
    id: 'b',
    levels: { kommun: { years: [2020] }, 'gbg-deso': { years: [2022] }, 'gbg-basomrade': { years: [2022] } },
  } as unknown as IndicatorMeta;
  const catalogue = { levels: [kommun, deso, hidden], indicators: [onlyKommun, both] } as unknown as Catalogue;

  it('is null when the indicator has data here, or there is no indicator', () => {
    expect(noDataFact(catalogue, kommun, onlyKommun, true, 2016)).toBeNull();
    expect(noDataFact(catalogue, kommun, undefined, false, 2016)).toBeNull();
  });

  it('offers the indicators with data here and the chooser levels with data for it, years snapped', () => {
    expect(noDataFact(catalogue, deso, onlyKommun, false, 2016)).toEqual({
      id: 'no-data',
      indicator: onlyKommun,
      level: deso,
      here: [{ indicator: both, year: 2022 }],
      elsewhere: [{ level: kommun, year: 2018 }],
    });
  });
});

describe('urlReport(problems)', () => {
  const p = (param: string, value: string, kind: UrlProblem['kind']): UrlProblem => ({ param, value, kind });
  it.each([
    ['no problems', [], { problems: [], missingDataset: null, missingLevel: null }],
    [
      'problems are told one by one',
      [p('foo', '1', 'unknown'), p('k', '9', 'invalid')],
      { problems: [p('foo', '1', 'unknown'), p('k', '9', 'invalid')], missingDataset: null, missingLevel: null },
    ],
    [
      'a missing dataset gets its own notice, and its snapped years none',
      [p('indicator', 'user:abc', 'invalid'), p('year', '1999', 'adjusted'), p('k', '9', 'invalid')],
      { problems: [p('k', '9', 'invalid')], missingDataset: 'abc', missingLevel: null },
    ],
    [
      'a missing division gets its own notice, and its invalid indicator none',
      [p('level', 'user-level:x', 'invalid'), p('indicator', 'kolada-n1', 'invalid'), p('year', '1999', 'adjusted')],
      { problems: [p('year', '1999', 'adjusted')], missingDataset: null, missingLevel: 'x' },
    ],
  ] as const)('%s', (_title, problems, expected) => {
    expect(urlReport(problems)).toEqual(expected);
  });
});
