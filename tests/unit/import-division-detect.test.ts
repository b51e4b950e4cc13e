import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { divisionsOf, type CodeCatalogue } from '../../src/import/code-catalogue';
import { detectDivisions, indexDivisions, type DivisionMatch } from '../../src/import/detect-division';
import { parseScbGrid } from '../../src/import/xlsx-scb';
import type { SessionContext, TableView } from '../../src/import/import-protocol';
import { ImportSession } from '../../src/import/import-session';

/**
 * A small catalogue of codes, laid out like the shipped one: 5 kommuner in 3 län, Göteborg's 4 stadsområden and DeSO
 * 2025 (1480C1620 was split into 1480C1621 and 1480C1622), Göteborg's RegSO, Borås's DeSO, and
 * DeSO 2018 / RegSO 2020 for all five kommuner.
 */
function catalogue(): CodeCatalogue {
  return {
    version: 1,
    levels: {
      kommun: { codes: ['0114', '0180', '1480', '1490', '2021'], names: ['Upplands Väsby', 'Stockholm', 'Göteborg', 'Borås', 'Vansbro'] },
      'gbg-stadsomrade': { codes: ['1', '2', '3', '4'], names: ['Nordost', 'Innerstaden', 'Sydväst', 'Hisingen'], kommun: '1480' },
      'gbg-deso': { codes: ['1480C1010', '1480C1020', '1480C1621', '1480C1622'], names: ['', '', '', ''], kommun: '1480' },
      'gbg-regso': { codes: ['1480R001', '1480R002'], names: ['Hammarkullen', 'Centrum'], kommun: '1480' },
      'boras-deso': { codes: ['1490C1010', '1490C1020', '1490C1030'], names: ['', '', ''], kommun: '1490' },
    },
    lan: { codes: ['01', '14', '20'], names: ['Stockholms län', 'Västra Götalands län', 'Dalarnas län'] },
    deso2018: { '0114': ['C1010', 'C1020'], '0180': ['C1010'], '1480': ['C1010', 'C1020', 'C1620'], '1490': ['C1010', 'C1020', 'C1030'], '2021': ['C1010'] },
    regso2020: {
      '0114': [['R001', 'Bollstanäs']],
      '0180': [['R001', 'Centrum']],
      '1480': [
        ['R001', 'Hammarkullen'],
        ['R002', 'Centrum'],
      ],
      '1490': [['R001', 'Centrum']],
    },
    desoChanges: { 'gbg-deso': { '1480C1620': ['1480C1621', '1480C1622'] } },
  };
}

const context = (current: SessionContext['current'] = 'kommun'): SessionContext => ({ codesUrl: 'codes.json', own: [], current, currentGeometry: null });
const utf8 = (s: string) => new TextEncoder().encode(s);

async function open(
  fileName: string,
  text: string,
  current: SessionContext['current'] = 'kommun',
  codes: CodeCatalogue = catalogue(),
): Promise<{ view: TableView; session: ImportSession }> {
  const session = new ImportSession(async () => codes);
  const result = await session.open(fileName, utf8(text), context(current));
  if (result.kind !== 'table') throw new Error(JSON.stringify(result));
  return { view: result.view, session };
}

/** id → [rows, areas, total] of each division that matched, and of the level shown (kommun unless said). */
const matches = (divisions: readonly DivisionMatch[], shown = 'kommun') =>
  Object.fromEntries(divisions.filter((d) => d.rows > 0 || d.id === shown).map((d) => [d.id, [d.rows, d.areas, d.total]]));

describe('ImportSession.open: the division detector', () => {
  it('finds Göteborg’s and Borås’s DeSO in an all-Sweden DeSO 2018 table dropped on the kommun map', async () => {
    // All 10 DeSO 2018 of the catalogue, one row each.
    const codes = ['0114C1010', '0114C1020', '0180C1010', '1480C1010', '1480C1020', '1480C1620', '1490C1010', '1490C1020', '1490C1030', '2021C1010'];
    const { view } = await open('deso.csv', ['Region;År;Antal', ...codes.map((c, i) => `${c};2022;${100 + i}`)].join('\n'));
    expect(view.columns?.roles).toEqual({ code: 0, name: -1, year: 1 });
    // By hand: Göteborg has 3 of the rows (1480C1620 is a 2018 code whose area the 2025 map split), reaching 2 of its 4 areas;
    // Borås 3 rows, all 3 areas; all 10 rows are DeSO 2018 codes; nothing is a kommun (listed, as the level shown).
    expect(matches(view.divisions)).toEqual({ 'deso-2018': [10, 10, 10], 'gbg-deso': [3, 2, 4], 'boras-deso': [3, 3, 3], kommun: [0, 0, 5] });
    expect(view.divisions.find((d) => d.id === 'gbg-deso')?.byPrevious).toBe(1);
    expect(view.divisions.filter((d) => d.rows > 0).map((d) => d.id)).toEqual(['deso-2018', 'boras-deso', 'gbg-deso']);
  });

  it('restores the leading zeros of kommun codes and reads an English tidy panel with many measures', async () => {
    const text = [
      'municip_code,municip_name,county_code,year,pop,share0_19,share65plus,income_tkr',
      '114,Upplands Väsby,1,2020,47000,25.1,14.2,280.5',
      '114,Upplands Väsby,1,2021,47500,25.0,14.5,285',
      '180,Stockholm,1,2020,975000,21.9,14.7,350',
      '1480,Göteborg,14,2020,583000,22.5,15.2,300.1',
      '2021,Vansbro,20,2020,6800,19.9,27.3,240',
    ].join('\n');
    const { view, session } = await open('panel.csv', text);
    expect(view.columns?.roles).toEqual({ code: 0, name: 1, year: 3 });
    // county_code names a division too: a key, not a measure.
    expect(view.measures.map((m) => m.id)).toEqual(['pop', 'share0_19', 'share65plus', 'income_tkr']);
    expect(view.measures.map((m) => [m.defaults.name, m.defaults.unit, m.defaults.direction])).toEqual([
      ['pop', 'persons', 'neutral'],
      ['share0_19', 'percent', 'neutral'],
      ['share65plus', 'percent', 'neutral'],
      ['income_tkr', 'ksek', 'neutral'],
    ]);
    // By hand: 5 rows, 4 of the 5 kommuner (Borås is absent).
    expect(matches(view.divisions)).toEqual({ kommun: [5, 4, 5] });
    const report = session.report({ measure: 'share0_19', level: 'kommun', matchByName: false });
    expect(report?.matchedRows).toBe(5);
    expect(report?.methods).toEqual({ code: 2, 'normalised-code': 3, name: 0 });
    expect(report?.values.years).toEqual([2020, 2021]);
    expect(report?.values.values[0]).toEqual([25.1, 21.9, 22.5, null, 19.9]);
  });

  it('matches "Kommun (Område)" and "Område, Kommun" names, diacritics and case folded, with no code column', async () => {
    const text = [
      'Område;År;Andel',
      'Göteborg (Hammarkullen);2022;31,5',
      'GOTEBORG (CENTRUM);2022;12',
      'Centrum, Borås;2022;10',
      'Upplands Väsby (Bollstanäs);2022;8',
      'Ingenstans;2022;1',
    ].join('\n');
    const { view, session } = await open('regso.csv', text);
    expect(view.columns?.roles).toEqual({ code: -1, name: 0, year: 1 });
    expect(view.measures.map((m) => m.defaults.name)).toEqual(['Andel']);
    expect(view.measures[0]?.defaults.unit).toBe('percent');
    // By hand: 4 of 5 rows are RegSO 2020 (Borås's Centrum too); 2 are Göteborg's RegSO (both of them); none is a kommun.
    expect(matches(view.divisions)).toEqual({ 'regso-2020': [4, 4, 5], 'gbg-regso': [2, 2, 2], kommun: [0, 0, 5] });
    const report = session.report({ measure: 'Andel', level: 'gbg-regso', matchByName: true });
    expect(report?.values.values).toEqual([[31.5, 12]]);
    expect(report?.methods.name).toBe(2);
  });

  it('reads an SCB workbook keyed by "Kommun (Område)" names, and stops at its footer', () => {
    const grid = [
      ['Andel med låg ekonomisk standard efter region och år'],
      [],
      [null, 'Andel, procent'],
      [null, '2022'],
      ['Göteborg (Hammarkullen)', 31.5],
      ['Göteborg (Centrum)', 12],
      ['Göteborg (Nytt område)', 7],
      ['Borås (Centrum)', 10],
      [],
      ['Källa: SCB'],
    ];
    const divisions = indexDivisions(divisionsOf(catalogue()));
    const t = parseScbGrid(grid, 'regso.xlsx', divisions);
    if (t.kind !== 'table') throw new Error(JSON.stringify(t));
    expect(t.rows.map((r) => [r.name, r.year, r.value])).toEqual([
      ['Göteborg (Hammarkullen)', 2022, 31.5],
      ['Göteborg (Centrum)', 2022, 12],
      ['Göteborg (Nytt område)', 2022, 7],
      ['Borås (Centrum)', 2022, 10],
    ]);
    // By hand: 3 of the 4 rows are RegSO 2020 names, 2 of them Göteborg's RegSO.
    expect(matches(detectDivisions(t, null, divisions))).toEqual({ 'regso-2020': [3, 3, 5], 'gbg-regso': [2, 2, 2], kommun: [0, 0, 5] });
  });

  it.each([
    ['municip_code', '114'],
    ['Region', '0114'],
    ['regionkod', '0114'],
    ['geo', "'0114"],
    ['kommun', '114.0'],
  ])('takes a column of kommun codes headed %j as the key', async (header, first) => {
    const { view } = await open('k.csv', [`${header};år;värde`, `${first};2020;1`, '180;2020;2', '1480;2020;3'].join('\n'));
    expect(view.columns?.roles.code).toBe(0);
    expect(matches(view.divisions)).toEqual({ kommun: [3, 3, 5] });
    // A generic value column is named after the file, never "value".
    expect(view.measures[0]?.defaults.name).toBe('k');
  });

  it('does not take a column of small numbers for the codes of Göteborg’s 4 stadsområden, unless its header names a code', async () => {
    const values = await open('v.csv', ['kod;år;värde', '1480;2020;1', '0180;2020;2', '0114;2020;3'].join('\n'));
    expect(values.view.columns?.roles).toEqual({ code: 0, name: -1, year: 1 });
    expect(matches(values.view.divisions)).toEqual({ kommun: [3, 3, 5] });
    const areas = await open('s.csv', ['stadsområde;år;antal', '1;2020;100', '2;2020;200', '4;2020;400'].join('\n'));
    expect(areas.view.columns?.roles).toEqual({ code: 0, name: -1, year: 1 });
    expect(matches(areas.view.divisions)).toMatchObject({ 'gbg-stadsomrade': [3, 3, 4] });
  });

  it('normalises DeSO codes written "1480 C1010", "1480c1020" or "180C1010" in a column headed DeSO-kod', async () => {
    const { view } = await open('d.csv', ['DeSO-kod,år,andel', '1480 C1010,2020,1', '1480c1020,2020,2', '180C1010,2020,3'].join('\n'), 'gbg-deso');
    expect(view.columns?.roles.code).toBe(0);
    expect(matches(view.divisions, 'gbg-deso')).toEqual({ 'deso-2018': [3, 3, 10], 'gbg-deso': [2, 2, 4] });
  });

  it('reads a wide table with years as headers after a code column with another name', async () => {
    const { view } = await open('w.csv', ['Kommunkod;Namn;2019;2020', '0114;Upplands Väsby;1;2', '1490;Borås;3;4'].join('\n'));
    expect(view.format).toBe('csv-wide');
    expect(view.measures.map((m) => [m.id, m.years])).toEqual([['value', [2019, 2020]]]);
    expect(matches(view.divisions)).toEqual({ kommun: [4, 2, 5] });
  });

  it('lets the user take another column as the key and reads the table again', async () => {
    const text = ['a;b;år;x', '0114;1480;2020;1', '0180;1490;2020;2', '1480;2021;2020;3'].join('\n');
    const { view, session } = await open('t.csv', text);
    expect(view.columns?.roles.code).toBe(0);
    const again = session.setColumns({ code: 1, name: -1, year: 2 });
    if (again.kind !== 'table') throw new Error(JSON.stringify(again));
    expect(again.view.columns?.roles).toEqual({ code: 1, name: -1, year: 2 });
    expect(session.report({ measure: 'x', level: 'kommun', matchByName: false })?.values.values).toEqual([[null, null, 1, 2, 3]]);
  });

  it('without the catalogue of codes tries the level shown and reads columns by their headers', async () => {
    const session = new ImportSession(() => Promise.reject(new Error('offline')));
    const result = await session.open('k.csv', utf8('kod;år;värde\n0114;2020;1\n'), {
      ...context(),
      currentGeometry: { codes: ['0114', '0180'], names: ['Upplands Väsby', 'Stockholm'] },
    });
    if (result.kind !== 'table') throw new Error(JSON.stringify(result));
    expect(result.view.catalogueMissing).toBe(true);
    expect(matches(result.view.divisions)).toEqual({ kommun: [1, 1, 2] });
  });

  it('builds one dataset per chosen measure with the rows of that measure and a join per chosen level', async () => {
    const { session } = await open('panel.csv', ['code;year;a;b', '1480;2020;1;2', '1490;2020;3;4'].join('\n'));
    const built = session.build({
      measures: [
        { measure: 'a', choices: { measure: 'a', name: 'A', unit: 'persons', decimals: 0, direction: 'neutral' } },
        { measure: 'b', choices: { measure: 'b', name: 'B', unit: 'persons', decimals: 0, direction: 'neutral' } },
      ],
      levels: [{ level: 'kommun', matchByName: false }],
    });
    expect(built.map((b) => [b.choices.name, b.table.value, b.table.measures.map((m) => m.id), b.joins.map((j) => [j.level, j.report.matchedRows])])).toEqual([
      ['A', [1, 3], ['a'], [['kommun', 2]]],
      ['B', [2, 4], ['b'], [['kommun', 2]]],
    ]);
  });

  it('offers ×100 for shares written as fractions, on when the header names a share, and the dataset then holds percentages', async () => {
    const { view, session } = await open(
      'andelar.csv',
      ['kod;år;Andel unga;Andel äldre, procent;Folkmängd', '1480;2020;0,153;0,004;10', '1490;2020;0,42;0,012;20'].join('\n'),
    );
    const [young, old, people] = view.measures;
    // "Andel" alone with 0.153 and 0.42: shares, ×100 on (15.3 and 42 need 1 decimal; as written, at most 2 are kept).
    expect(young?.fractions).toEqual({ likely: true, largest: 0.42, decimals: { asWritten: 2, times100: 1 } });
    expect(young?.defaults).toMatchObject({ unit: 'percent', decimals: 1, times100: true });
    // "procent" with 0.004: maybe 0.004 %, so offered but off.
    expect(old?.fractions?.likely).toBe(false);
    expect(old?.defaults.times100).toBeUndefined();
    expect(people?.fractions).toBeUndefined();
    const built = session.build({
      measures: [
        { measure: young!.id, choices: young!.defaults },
        { measure: old!.id, choices: old!.defaults },
      ],
      levels: [{ level: 'kommun', matchByName: false }],
    });
    // Kommun codes in the catalogue's order: 0114, 0180, 1480, 1490, 2021.
    expect(built.map((b) => b.joins[0]?.report.values.values)).toEqual([[[null, null, 15.3, 42, null]], [[null, null, 0.004, 0.012, null]]]);
    // The kept table stays as written, so matching it again starts from the file's values.
    expect(built[0]?.table.value).toEqual([0.153, 0.42]);
  });
});

describe('the shipped catalogue of codes (public/data/codes.json)', () => {
  const codes = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/data/codes.json'), 'utf8')) as CodeCatalogue;

  it('lists all 5,984 DeSO 2018, 3,363 RegSO 2020, 290 kommuner and 21 län', () => {
    expect(Object.values(codes.deso2018).flat()).toHaveLength(5984);
    expect(Object.values(codes.regso2020).flat()).toHaveLength(3363);
    expect(codes.levels.kommun?.codes).toHaveLength(290);
    expect(codes.lan.codes).toHaveLength(21);
    // The data README: of Göteborg's DeSO 2018 codes 13 no longer exist in 2025, replaced by 27.
    const changes = codes.desoChanges['gbg-deso'] ?? {};
    expect([Object.keys(changes).length, Object.values(changes).flat().length]).toEqual([13, 27]);
  });

  it('finds 306 rows for Göteborg · DeSO (293 of its 320 areas) and 77 for Borås in a table of all Sweden’s DeSO 2018', async () => {
    const all = Object.entries(codes.deso2018).flatMap(([kommun, rest]) => rest.map((r) => kommun + r));
    const { view } = await open('000005FC.csv', ['Region;2023', ...all.map((c, i) => `${c};${700 + (i % 2000)}`)].join('\n'), 'kommun', codes);
    expect(matches(view.divisions.slice(0, 3))).toEqual({ 'deso-2018': [5984, 5984, 5984], 'gbg-deso': [306, 293, 320], 'boras-deso': [77, 77, 77] });
    expect(view.divisions.find((d) => d.id === 'kommun')?.rows).toBe(0);
  });
});
