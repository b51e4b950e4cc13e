import { describe, expect, it } from 'vitest';
import { mergeImported, type ImportApplyDetail } from '../../src/import/apply-import';
import { fractionOffer, guessUnit, isGenericLabel, unitFromValues } from '../../src/import/choices';
import { yearInHeader } from '../../src/import/csv-columns';
import { parseCsvTable } from '../../src/import/csv-table';
import type { DivisionMatch } from '../../src/import/detect-division';
import { buildJoinReport } from '../../src/import/join-report';
import { packTable, unpackTable } from '../../src/import/packed-table';
import type { TableView } from '../../src/import/import-protocol';
import { previewChoices } from '../../src/import/preview-choices';
import type { ImportChoices, ImportedTable } from '../../src/import/types';
import type { UserDataset, UserJoin } from '../../src/import/user-data-store';
import { readAreaCell } from '../../src/import/xlsx-scb';
import { withUserDatasets } from '../../src/import/user-catalogue';
import type { Catalogue, LevelId, LevelMeta } from '../../src/data/types';

const choices = (name: string, unit: ImportChoices['unit'] = 'percent'): ImportChoices => ({ measure: name, name, unit, decimals: 1, direction: 'neutral' });

describe('guessUnit', () => {
  it.each([
    ['share0_19', 'percent'],
    ['Andel med låg inkomst, procent', 'percent'],
    ['income_tkr', 'ksek'],
    ['Medianinkomst, kr', 'sek'],
    ['income_kr', 'sek'],
    ['pop', 'persons'],
    ['Folkmängd', 'persons'],
    ['Folkmängd efter region och år', 'persons'],
    ['Antal hushåll', 'persons'],
    ['Medellivslängd, år', 'years'],
    ['Ohälsotal (dagar)', 'days'],
    ['Låg ekonomisk standard efter region och år', null],
  ] as const)('guessUnit(%j) → %j', (text, expected) => {
    expect(guessUnit(text)).toBe(expected);
  });

  it.each([
    [[1, 20, 300], 'persons'],
    [[1.5, 22.25, 99], 'percent'],
    [[120.5, 3.2], null],
    [[-1, 2], null],
    [[], null],
  ] as const)('unitFromValues(%j) → %j', (values, expected) => {
    expect(unitFromValues(values)).toBe(expected);
  });

  it.each([
    ['value', true],
    ['Värde', true],
    ['OBS_VALUE', true],
    ['col3', true],
    ['', true],
    ['andel', false],
  ])('isGenericLabel(%j) is %s', (label, expected) => {
    expect(isGenericLabel(label)).toBe(expected);
  });
});

describe('fractionOffer', () => {
  it.each([
    [
      'a share named without per cent: likely',
      ['Andel med eftergymnasial utbildning'],
      [0.153, 0.42, 0],
      { likely: true, largest: 0.42, decimals: { asWritten: 2, times100: 1 } },
    ],
    ['"share" in an English header: likely', ['share0_19'], [0.2, 0.25], { likely: true, largest: 0.25, decimals: { asWritten: 2, times100: 0 } }],
    ['the unit says %: offered, not likely', [undefined, 'Andel', '%'], [0.5, 0.75], { likely: false, largest: 0.75, decimals: { asWritten: 2, times100: 0 } }],
    [
      '"procent" in the header: offered, not likely',
      ['Andel med låg inkomst, procent'],
      [0.5, 1],
      { likely: false, largest: 1, decimals: { asWritten: 1, times100: 0 } },
    ],
    ['values above 1: percentages already', ['Andel'], [0.5, 12.5], null],
    ['only 0 and 1: a flag, not shares', ['Andel'], [0, 1, 1], null],
    ['no values', ['Andel'], [], null],
    ['negative values', ['Andel'], [-0.2, 0.5], null],
    ['a header that names no share', ['Medelinkomst'], [0.5], null],
    ['a count named first, a share only in the title', ['Antal', 'Andel av befolkningen'], [0.5], null],
  ] as const)('%s', (_, texts, values, expected) => {
    expect(fractionOffer(texts, values)).toEqual(expected);
  });
});

describe('yearInHeader', () => {
  it.each([
    ['2015', { year: 2015, stem: '' }],
    ['Folkmängd 2023', { year: 2023, stem: 'Folkmängd' }],
    ['pop_2021', { year: 2021, stem: 'pop' }],
    ['2020 andel (%)', { year: 2020, stem: 'andel (%)' }],
    ['DeSO_2018_2025', null],
    ['kod', null],
    ['12015', null],
  ] as const)('yearInHeader(%j)', (header, expected) => {
    expect(yearInHeader(header)).toEqual(expected);
  });
});

describe('parseCsvTable: years', () => {
  it('reads measures with the year in their headers as a wide table, one measure per stem', () => {
    const t = parseCsvTable('kod;pop_2020;pop_2021;andel_2021\n0114;10;11;1,5\n', 'a.csv');
    if (t.kind !== 'table') throw new Error(JSON.stringify(t));
    expect(t.format).toBe('csv-wide');
    expect(t.measures.map((m) => m.id)).toEqual(['pop', 'andel']);
    expect(t.rows.map((r) => [r.measure, r.year, r.value])).toEqual([
      ['pop', 2020, 10],
      ['pop', 2021, 11],
      ['andel', 2021, 1.5],
    ]);
  });

  it('takes the year from the file name when the table has none, and says so', () => {
    const t = parseCsvTable('kod;andel\n0114;1,5\n', 'folkmangd-2023.csv');
    if (t.kind !== 'table') throw new Error(JSON.stringify(t));
    expect(t.rows.map((r) => r.year)).toEqual([2023]);
    expect(t.warnings.map((w) => w.en)).toEqual(['The file has no year column; the year 2023 is taken from the file name.']);
  });
});

describe('readAreaCell', () => {
  it.each([
    ['1480 C1010', { code: '1480C1010' }],
    ['1480C1010', { code: '1480C1010' }],
    ['0114 Upplands Väsby', { code: '0114', name: 'Upplands Väsby' }],
    ['Göteborg', null],
  ] as const)('readAreaCell(%j)', (cell, expected) => {
    expect(readAreaCell(cell)).toEqual(expected);
  });
});

describe('names with and without diacritics', () => {
  it('buildJoinReport tells Håbo from Habo, and matches a name written without its diacritics when it is unambiguous', () => {
    const table: ImportedTable = {
      kind: 'table',
      format: 'csv-long',
      fileName: 'k.csv',
      measures: [],
      warnings: [],
      rows: ['Håbo', 'Habo', 'GOTEBORG', 'Göteborgs kommun'].map((name, i) => ({ code: '', name, year: 2020, value: i, status: 'ok' as const })),
    };
    const geometry = { codes: ['0305', '0643', '1480'], names: ['Håbo', 'Habo', 'Göteborg'] };
    const r = buildJoinReport(table, null, geometry, { matchByName: true });
    expect(r.outcomes.map((o) => o.mapCode)).toEqual(['0305', '0643', '1480', '1480']);
    expect(r.duplicates).toEqual([{ code: '1480', year: 2020, count: 2 }]);
  });
});

/** A preview with the given divisions matched (only the fields previewChoices reads). */
function view(divisions: Partial<DivisionMatch>[], unit: ImportChoices['unit'] = 'percent'): TableView {
  return {
    fileName: 'f.csv',
    format: 'csv-long',
    warnings: [],
    columns: null,
    catalogueMissing: false,
    measures: [
      { id: 'a', label: 'a', defaults: choices('a', unit), areas: 1, years: [2020], rows: 1 },
      { id: 'b', label: 'b', defaults: choices('b'), areas: 1, years: [2020], rows: 1 },
    ],
    divisions: divisions.map((d) => ({ id: d.level ?? 'lan', level: null, rows: 0, byName: 0, byPrevious: 0, areas: 0, total: 1, ...d })),
  };
}

describe('previewChoices', () => {
  it('keeps the level shown when the file fits it', () => {
    const first = previewChoices(
      view([
        { level: 'gbg-deso', rows: 306, areas: 293, total: 320 },
        { level: 'boras-deso', rows: 77, areas: 77, total: 77 },
      ]),
      'boras-deso',
      null,
    );
    expect(first.levels).toEqual(['boras-deso']);
  });

  it('proposes the best match when the level shown does not fit, matching by name where names found it', () => {
    const first = previewChoices(
      view(
        [
          { level: 'gbg-regso', rows: 147, byName: 147, areas: 147, total: 147 },
          { level: 'kommun', rows: 0, total: 290 },
        ],
        'persons',
      ),
      'kommun',
      null,
    );
    expect(first).toMatchObject({ measures: ['a'], levels: ['gbg-regso'], matchByName: { 'gbg-regso': true }, aggregation: 'count' });
  });

  it('proposes no level when nothing matches', () => {
    expect(previewChoices(view([{ level: 'kommun', rows: 0, total: 290 }]), 'kommun', null).levels).toEqual([]);
  });

  it('keeps the measure and choices of a dataset matched again', () => {
    const kept = { choices: { ...choices('b'), name: 'Mitt namn' }, matchByName: true };
    const first = previewChoices(view([{ level: 'kommun', rows: 5, areas: 5, total: 5 }]), 'kommun', kept);
    expect(first.measures).toEqual(['b']);
    expect(first.choices['b']?.name).toBe('Mitt namn');
    expect(first.matchByName).toEqual({ kommun: true });
  });

  it('keeps the measures chosen and the settings changed when the same table is read again', () => {
    const edits = { measures: ['b', 'gone'], choices: { b: { name: 'Mitt namn', unit: 'sek' as const }, gone: { name: 'x' } } };
    const first = previewChoices(view([{ level: 'kommun', rows: 5, areas: 5, total: 5 }]), 'kommun', null, edits);
    expect(first.measures).toEqual(['b']);
    expect(first.choices['b']).toEqual({ ...choices('b'), name: 'Mitt namn', unit: 'sek' });
    expect(first.choices['a']).toEqual(choices('a'));
    expect(first.choices['gone']).toBeUndefined();
  });

  it('falls back to the first measure when none of the chosen measures is in the table read again', () => {
    const first = previewChoices(view([{ level: 'kommun', rows: 5, areas: 5, total: 5 }]), 'kommun', null, { measures: ['gone'], choices: {} });
    expect(first.measures).toEqual(['a']);
  });
});

describe('mergeImported', () => {
  const join = (level: string): UserJoin => ({
    values: { indicator: '', level: level as UserJoin['values']['level'], years: [2020], codes: ['x'], values: [[1]], missing: {} },
    summary: {
      totalRows: 1,
      matchedRows: 1,
      matchedAreas: 1,
      mapAreas: 1,
      methods: { code: 1, 'normalised-code': 0, name: 0 },
      unmatchedSource: 0,
      outsideMap: 0,
      unmatchedGeometry: 0,
      duplicates: 0,
      suppressed: 0,
      missing: 0,
    },
    matchByName: false,
  });
  const table = (measure: string) =>
    packTable({ kind: 'table', format: 'csv-long', fileName: 'f.csv', measures: [{ id: measure, label: measure }], rows: [], warnings: [] });

  it('makes a dataset of each draft, with the indicator id in every join', () => {
    const detail: ImportApplyDetail = {
      id: null,
      level: 'gbg-deso',
      datasets: [
        { table: table('a'), choices: choices('A'), levelId: 'gbg-deso', joins: { 'gbg-deso': join('gbg-deso'), 'boras-deso': join('boras-deso') } },
        { table: table('b'), choices: choices('B'), levelId: 'gbg-deso', joins: { 'gbg-deso': join('gbg-deso') } },
      ],
    };
    const ids = ['id1', 'id2'];
    const { all, stored } = mergeImported([], detail, '2026-01-01T00:00:00Z', () => ids.shift()!);
    expect(all).toEqual(stored);
    expect(stored.map((d) => [d.id, d.name, d.levelId, Object.keys(d.joins)])).toEqual([
      ['id1', 'A', 'gbg-deso', ['gbg-deso', 'boras-deso']],
      ['id2', 'B', 'gbg-deso', ['gbg-deso']],
    ]);
    expect(Object.values(stored[0]!.joins).map((j) => j?.values.indicator)).toEqual(['user:id1', 'user:id1']);
  });

  it('adds the joins of a dataset matched again to it, in its place', () => {
    const old: UserDataset = {
      id: 'x',
      name: 'Gammal',
      createdAt: '2025',
      fileName: 'f.csv',
      format: 'csv-long',
      levelId: 'kommun',
      choices: choices('Gammal'),
      joins: { kommun: join('kommun') },
      table: table('a'),
    };
    const other: UserDataset = { ...old, id: 'y', name: 'Annan' };
    const detail: ImportApplyDetail = {
      id: 'x',
      level: 'gbg-deso',
      datasets: [{ table: table('a'), choices: choices('Ny'), levelId: 'gbg-deso', joins: { 'gbg-deso': join('gbg-deso') } }],
    };
    const { all, stored } = mergeImported([old, other], detail, '2026', () => 'never');
    expect(all.map((d) => d.id)).toEqual(['x', 'y']);
    expect(stored.map((d) => [d.id, d.name, d.levelId, d.createdAt, Object.keys(d.joins)])).toEqual([['x', 'Ny', 'kommun', '2025', ['kommun', 'gbg-deso']]]);
  });
});

describe('packTable / unpackTable', () => {
  it('unpackTable(packTable(t)) gives the rows back without their source locations', () => {
    const t: ImportedTable = {
      kind: 'table',
      format: 'csv-long',
      fileName: 'f.csv',
      title: 'T',
      measures: [{ id: 'a', label: 'A' }],
      warnings: [],
      rows: [
        { code: '0114', name: 'Upplands Väsby', year: 2020, value: 1.5, status: 'ok', measure: 'a', at: '2' },
        { code: '0114', year: 2021, value: null, status: 'suppressed', measure: 'a', at: '3' },
        { code: '', name: 'Göteborg (Hammarkullen)', year: 2021, value: null, status: 'missing', at: '4' },
      ],
    };
    const packed = packTable(t);
    expect([packed.codes, packed.names, packed.code, packed.status]).toEqual([
      ['', '0114'],
      ['', 'Upplands Väsby', 'Göteborg (Hammarkullen)'],
      [1, 1, 0],
      'osm',
    ]);
    // JSON-safe: a journal or IndexedDB round trip keeps it.
    expect(unpackTable(JSON.parse(JSON.stringify(packed)))).toEqual({ ...t, rows: t.rows.map(({ at: _, ...row }) => row) });
    expect(unpackTable(t)).toBe(t);
  });
});

describe('withUserDatasets', () => {
  const level = (id: LevelId, inChooser: boolean): LevelMeta => ({
    id,
    group: { sv: 'Göteborg', en: 'Göteborg' },
    name: { sv: id, en: id },
    areaNoun: { sv: 'område', en: 'area' },
    count: 1,
    file: `geo/${id}.topo.json`,
    outlines: [],
    bbox: [0, 0, 1, 1],
    inChooser,
    sources: [],
  });
  const catalogue: Catalogue = {
    version: 1,
    levels: [level('gbg-primaromrade', true), level('gbg-basomrade', false)],
    indicators: [],
    sources: [],
    basemap: 'geo/basemap.topo.json',
  };

  it('offers a level kept out of the chooser once a dataset has values there, and lists the dataset under "Dina data"', () => {
    const dataset = {
      id: 'x',
      name: 'Bas',
      createdAt: '2026',
      fileName: 'b.csv',
      format: 'csv-long',
      levelId: 'gbg-basomrade',
      choices: choices('Bas'),
      joins: { 'gbg-basomrade': { values: { years: [2020] } } },
      table: {},
    } as unknown as UserDataset;
    const merged = withUserDatasets(catalogue, [dataset]);
    expect(merged.levels.map((l) => [l.id, l.inChooser])).toEqual([
      ['gbg-primaromrade', true],
      ['gbg-basomrade', true],
    ]);
    expect(merged.indicators.map((i) => [i.id, Object.keys(i.levels)])).toEqual([['user:x', ['gbg-basomrade']]]);
    expect(withUserDatasets(catalogue, [])).toBe(catalogue);
  });
});
