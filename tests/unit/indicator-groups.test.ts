import { describe, expect, it } from 'vitest';
import type { Catalogue, IndicatorMeta } from '../../src/data/types';
import { countMatches, foldForSearch, groupIndicators as groupBy } from '../../src/data/indicator-groups';
import type { LevelId } from '../../src/data/types';
import { indicatorLabel } from '../../src/i18n/indicator-label';

/** groupIndicators with the chooser's labels (sex variants worded). */
function groupIndicators(catalogue: Catalogue, level: LevelId, lang: 'sv' | 'en', query: string, keep?: string) {
  return groupBy(catalogue, level, lang, query, keep, (indicator) => indicatorLabel(indicator, lang));
}

function indicator(overrides: Partial<IndicatorMeta> & Pick<IndicatorMeta, 'id'>): IndicatorMeta {
  return {
    name: { sv: overrides.id, en: overrides.id },
    short: { sv: overrides.id, en: overrides.id },
    description: { sv: '', en: '' },
    unit: 'percent',
    decimals: 1,
    direction: 'higher-worse',
    targetArea: 'start',
    sex: 'total',
    aggregation: 'rate',
    source: 'kolada',
    table: 'N00000',
    levels: { kommun: { years: [2020, 2021], file: 'x.json' } },
    ...overrides,
  };
}

/** A small catalogue: two start indicators (one with sex variants), one work, one participation. */
function catalogue(): Catalogue {
  return {
    version: 1,
    levels: [],
    sources: [],
    basemap: 'basemap.json',
    indicators: [
      indicator({
        id: 'kolada-n66077',
        name: { sv: 'Barn i ekonomiskt utsatta hushåll', en: 'Children in economically vulnerable households' },
        short: { sv: 'Barnfattigdom', en: 'Child poverty' },
        table: 'N66077',
        levels: { kommun: { years: [2011, 2022], file: 'a.json' }, 'gbg-deso': { years: [], file: 'b.json' } },
      }),
      indicator({
        id: 'kolada-n15030',
        name: { sv: 'Årskurs 9 med godkänt', en: 'Year 9 pupils passing' },
        short: { sv: 'Godkänt åk 9', en: 'Passing year 9' },
        table: 'N15030',
        levels: { kommun: { years: [2020], file: 'c.json' }, 'gbg-deso': { years: [2020], file: 'd.json' } },
      }),
      indicator({
        id: 'kolada-n15030-women',
        name: { sv: 'Årskurs 9 med godkänt', en: 'Year 9 pupils passing' },
        short: { sv: 'Godkänt åk 9', en: 'Passing year 9' },
        table: 'N15030',
        sex: 'women',
        variantOf: 'kolada-n15030',
      }),
      indicator({
        id: 'kolada-n15030-men',
        name: { sv: 'Årskurs 9 med godkänt, män', en: 'Year 9 pupils passing, men' },
        short: { sv: 'Godkänt åk 9', en: 'Passing year 9' },
        table: 'N15030',
        sex: 'men',
        variantOf: 'kolada-n15030',
      }),
      indicator({
        id: 'kolada-n05401',
        name: { sv: 'Valdeltagande i kommunval', en: 'Turnout in municipal elections' },
        short: { sv: 'Valdeltagande', en: 'Turnout' },
        table: 'N05401',
        targetArea: 'participation',
      }),
      indicator({
        id: 'scb-deso-employed',
        name: { sv: 'Förvärvsarbetande 20–64 år', en: 'Employed aged 20–64' },
        short: { sv: 'Förvärvsarbetande', en: 'Employed' },
        table: 'TAB4006',
        targetArea: 'work',
      }),
    ],
  };
}

/** Group order and item ids, the shape most tests compare. */
function ids(groups: ReturnType<typeof groupIndicators>): [string, string[]][] {
  return groups.map((g) => [g.targetArea, g.items.map((i) => i.id)]);
}

describe('foldForSearch(text)', () => {
  it.each([
    ['Årskurs', 'arskurs'],
    ['FÖRVÄRV', 'forvarv'],
    ['Barn i ekonomiskt utsatta hushåll', 'barn i ekonomiskt utsatta hushall'],
    ['', ''],
  ])('folds %j to %j', (input, expected) => {
    expect(foldForSearch(input)).toBe(expected);
  });
});

describe('indicatorLabel(indicator, lang)', () => {
  const cat = catalogue();
  const byId = (id: string) => cat.indicators.find((i) => i.id === id)!;
  it.each([
    ['kolada-n15030', 'sv', 'Årskurs 9 med godkänt'],
    ['kolada-n15030-women', 'sv', 'Årskurs 9 med godkänt – kvinnor'],
    ['kolada-n15030-women', 'en', 'Year 9 pupils passing – women'],
    // The name already ends with the sex: not repeated.
    ['kolada-n15030-men', 'sv', 'Årskurs 9 med godkänt, män'],
    ['kolada-n15030-men', 'en', 'Year 9 pupils passing, men'],
  ] as const)('labels %s in %s as %j', (id, lang, expected) => {
    expect(indicatorLabel(byId(id), lang)).toBe(expected);
  });
});

describe('groupIndicators(catalogue, level, lang, query, keep)', () => {
  it('groups by target area in programme order, sorts by name (sv: Å after B) with variants after their total', () => {
    expect(ids(groupIndicators(catalogue(), 'kommun', 'sv', ''))).toEqual([
      ['start', ['kolada-n66077', 'kolada-n15030', 'kolada-n15030-women', 'kolada-n15030-men']],
      ['work', ['scb-deso-employed']],
      ['participation', ['kolada-n05401']],
    ]);
  });

  it('sorts by the English label in English (Children before Year)', () => {
    expect(ids(groupIndicators(catalogue(), 'kommun', 'en', ''))[0]).toEqual([
      'start',
      ['kolada-n66077', 'kolada-n15030', 'kolada-n15030-women', 'kolada-n15030-men'],
    ]);
  });

  it('marks indicators without years at the level as unavailable but keeps them listed', () => {
    const start = groupIndicators(catalogue(), 'gbg-deso', 'sv', '')[0]!;
    expect(start.items.map((i) => [i.id, i.available])).toEqual([
      ['kolada-n66077', false], // listed at the level with no years
      ['kolada-n15030', true],
      ['kolada-n15030-women', false], // level absent
      ['kolada-n15030-men', false],
    ]);
  });

  it.each([
    ['diacritic-insensitive name', 'arskurs', ['kolada-n15030', 'kolada-n15030-women', 'kolada-n15030-men']],
    ['case-insensitive short name', 'BARNFATTIG', ['kolada-n66077']],
    ['KPI id', 'n05401', ['kolada-n05401']],
    ['SCB table id', 'tab4006', ['scb-deso-employed']],
    ['sex word in the label', 'kvinnor', ['kolada-n15030-women']],
    ['all words in any order', 'hushall barn', ['kolada-n66077']],
    ['surrounding spaces', '  valdeltagande  ', ['kolada-n05401']],
    ['no match', 'zzz', []],
  ])('filters by %s (%j)', (_title, query, expected) => {
    const groups = groupIndicators(catalogue(), 'kommun', 'sv', query);
    expect(groups.flatMap((g) => g.items.map((i) => i.id))).toEqual(expected);
    expect(countMatches(groups)).toBe(expected.length);
  });

  it('keeps the current indicator when the query hides it, flagged as not matching', () => {
    const groups = groupIndicators(catalogue(), 'kommun', 'sv', 'valdeltagande', 'kolada-n66077');
    expect(ids(groups)).toEqual([
      ['start', ['kolada-n66077']],
      ['participation', ['kolada-n05401']],
    ]);
    expect(groups[0]!.items[0]!.match).toBe(false);
    expect(countMatches(groups)).toBe(1);
  });

  it('returns no groups for an empty catalogue', () => {
    expect(groupIndicators({ ...catalogue(), indicators: [] }, 'kommun', 'sv', '')).toEqual([]);
  });
});
