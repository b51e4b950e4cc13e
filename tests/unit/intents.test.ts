import { describe, expect, it } from 'vitest';
import type { LevelId } from '../../src/data/types';
import { applyIntent, snapYear, type IntentContext } from '../../src/state/intents';
import { DEFAULT_VIEW, type ViewState } from '../../src/state/view-state';

/** Child poverty: yearly 2011–2022 on kommuner, 2022 only on DeSO; turnout: election years on kommuner. */
const YEARS: Record<string, Partial<Record<LevelId, number[]>>> = {
  poverty: { kommun: [2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022], 'gbg-deso': [2022] },
  turnout: { kommun: [2010, 2014, 2018, 2022] },
};

const context: IntentContext = {
  indicatorYears: (indicator, level) => (indicator in YEARS ? (YEARS[indicator]![level] ?? []) : undefined),
};

const view: ViewState = { ...DEFAULT_VIEW, indicator: 'poverty', year: 2016, area: '1480', highlight: ['1480', '1490'] };

describe('applyIntent(view, intent, context)', () => {
  it.each<[string, Partial<ViewState>, Partial<ViewState>]>([
    ['a year is applied as it is', { year: 2012 }, { year: 2012 }],
    ['a mode, view or area changes nothing else', { mode: 'change', view: 'table', area: null }, { mode: 'change', view: 'table', area: null }],
    ['a new indicator snaps the year to its nearest (ties go later)', { indicator: 'turnout' }, { indicator: 'turnout', year: 2018 }],
    ['a new indicator keeps a year the intent names', { indicator: 'turnout', year: 2014 }, { indicator: 'turnout', year: 2014 }],
    ['an unknown indicator leaves the year', { indicator: 'nope' }, { indicator: 'nope' }],
    ['the same indicator is no change', { indicator: 'poverty' }, { indicator: 'poverty' }],
    ['a new level snaps the year and clears the area and the highlights', { level: 'gbg-deso' }, { level: 'gbg-deso', year: 2022, area: null, highlight: [] }],
    [
      'a new level keeps an area and highlights the intent sets',
      { level: 'gbg-deso', area: 'X', highlight: ['X'] },
      { level: 'gbg-deso', year: 2022, area: 'X', highlight: ['X'] },
    ],
    ['a level without data for the indicator keeps the year', { level: 'boras-deso' }, { level: 'boras-deso', year: 2016, area: null, highlight: [] }],
  ])('%s', (_title, intent, expected) => {
    expect(applyIntent(view, intent, context)).toEqual(expected);
  });

  it('does not change the intent it is given', () => {
    const intent = { level: 'gbg-deso' as const };
    applyIntent(view, intent, context);
    expect(intent).toEqual({ level: 'gbg-deso' });
  });
});

describe('snapYear(years, year)', () => {
  it.each([
    [[2010, 2014, 2018], 2016, 2018],
    [[2010, 2014, 2018], 2011, 2010],
    [[2010, 2014, 2018], 2014, 2014],
    [[], 2016, 2016],
  ])('%j, %d → %d', (years, year, expected) => expect(snapYear(years, year)).toBe(expected));
});
