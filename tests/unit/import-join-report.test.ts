import { describe, expect, it } from 'vitest';
import { codeFor, foldName, nameReadings } from '../../src/import/area-keys';
import { buildJoinReport, joinReportCsv, summariseJoin, type ImportJoinReport } from '../../src/import/join-report';
import { defaultChoices, describeTable, guessUnit } from '../../src/import/choices';
import type { ImportedRow, ImportedTable } from '../../src/import/types';

function table(rows: Partial<ImportedRow>[], measures: ImportedTable['measures'] = []): ImportedTable {
  return {
    kind: 'table',
    format: 'csv-long',
    fileName: 't.csv',
    measures,
    warnings: [],
    rows: rows.map((r, i) => ({ code: '', year: 2020, value: 1, status: 'ok', at: String(i + 2), ...r })),
  };
}

/** The rows that gave an area its value: map code, row index and method. */
const matched = (r: ImportJoinReport) => r.outcomes.filter((o) => o.reason === null).map((o) => ({ code: o.mapCode, row: o.row, method: o.method }));

const kommuner = { codes: ['0114', '0115', '1480', '1490'], names: ['Upplands Väsby', 'Vallentuna', 'Göteborg', 'Borås'] };
const deso = { codes: ['1480C1010', '1480C1020', '1480C1621', '1480C1622'], names: ['1480C1010', '1480C1020', '1480C1621', '1480C1622'] };

describe('codeFor', () => {
  it.each([
    ['114', 4, '0114'],
    ['114', null, '114'],
    ['114.0', 4, '0114'],
    ['1', 2, '01'],
    [' 1480 C1010 ', null, '1480C1010'],
    ['1480c1010', null, '1480C1010'],
    ["'0114", 4, '0114'],
    ['180C1010', null, '0180C1010'],
    ['1480R04', null, '1480R04'],
    ['114R001', null, '0114R001'],
    ['1480C1622_DeSO2025', null, '1480C1622'],
    ['207', 3, '207'],
    ['', 4, ''],
  ] as const)('codeFor(%j, width %s) → %j', (raw, width, expected) => {
    expect(codeFor(raw, width)).toBe(expected);
  });
});

describe('nameReadings', () => {
  it.each([
    [
      'Göteborg (Hammarkullen)',
      [{ area: 'goteborg hammarkullen' }, { area: 'hammarkullen', qualifier: 'goteborg' }, { area: 'goteborg', qualifier: 'hammarkullen' }],
    ],
    [
      'Hammarkullen, Göteborg',
      [{ area: 'hammarkullen goteborg' }, { area: 'goteborg', qualifier: 'hammarkullen' }, { area: 'hammarkullen', qualifier: 'goteborg' }],
    ],
    ['Borås', [{ area: 'boras' }]],
    ['  ', []],
  ] as const)('nameReadings(%j)', (raw, expected) => {
    expect(nameReadings(raw)).toEqual(expected);
  });
});

describe('foldName', () => {
  it.each([
    ['Göteborg', 'goteborg'],
    ['GÖTEBORG', 'goteborg'],
    ['Borås', 'boras'],
    ['Malmö', 'malmo'],
    ['Västerås', 'vasteras'],
    ['Linné', 'linne'],
    ['  Upplands-Väsby ', 'upplands vasby'],
    ['Göteborgs kommun', 'goteborgs'],
    ['Göteborgs Stad', 'goteborgs'],
    ['Stockholms län', 'stockholms'],
    ['kommun', 'kommun'],
  ])('foldName(%j) → %j', (name, expected) => {
    expect(foldName(name)).toBe(expected);
  });
});

describe('buildJoinReport', () => {
  it('buildJoinReport matches exact codes, restores leading zeros and reports the method per row', () => {
    const t = table([
      { code: '0114', value: 10 },
      { code: '115', value: 20 },
      { code: '1480', value: 30 },
    ]);
    const r = buildJoinReport(t, null, kommuner, { matchByName: false });
    expect(matched(r)).toEqual([
      { code: '0114', row: 0, method: 'code' },
      { code: '0115', row: 1, method: 'normalised-code' },
      { code: '1480', row: 2, method: 'code' },
    ]);
    expect(r.methods).toEqual({ code: 2, 'normalised-code': 1, name: 0 });
    expect(r.values.years).toEqual([2020]);
    expect(r.values.codes).toEqual(kommuner.codes);
    expect(r.values.values).toEqual([[10, 20, 30, null]]);
    expect(r.unmatchedGeometry).toEqual(['1490']);
    expect(r.values.missing).toEqual({ '1490': 'not-reported' });
    expect(r.matchedAreas).toBe(3);
    expect(r.mapAreas).toBe(4);
  });

  it('buildJoinReport removes inner spaces and upper-cases DeSO codes', () => {
    const t = table([{ code: '1480 C1010' }, { code: '1480c1020' }]);
    const r = buildJoinReport(t, null, { ...deso, region: '1480' }, { matchByName: false });
    expect(matched(r).map((m) => [m.code, m.method])).toEqual([
      ['1480C1010', 'normalised-code'],
      ['1480C1020', 'normalised-code'],
    ]);
  });

  it('buildJoinReport matches by folded name only when asked, and counts what it would match', () => {
    const t = table([
      { code: '', name: 'GOTEBORG', value: 5 },
      { code: 'Boras', value: 6 },
      { code: 'Ingenstans', value: 7 },
    ]);
    const off = buildJoinReport(t, null, kommuner, { matchByName: false });
    expect(matched(off)).toEqual([]);
    expect(off.nameMatchable).toBe(2);
    expect(off.unmatchedSource.map((u) => u.code)).toEqual(['', 'Boras', 'Ingenstans'].sort());
    const on = buildJoinReport(t, null, kommuner, { matchByName: true });
    expect(matched(on)).toEqual([
      { code: '1480', row: 0, method: 'name' },
      { code: '1490', row: 1, method: 'name' },
    ]);
    expect(on.methods.name).toBe(2);
    expect(on.nameMatchable).toBe(0);
    expect(on.unmatchedSource).toEqual([{ code: 'Ingenstans', at: '4', rows: 1 }]);
  });

  it('buildJoinReport does not match a name shared by two areas', () => {
    const geometry = { codes: ['A1', 'A2'], names: ['Centrum', 'centrum'] };
    const r = buildJoinReport(table([{ code: 'x', name: 'Centrum' }]), null, geometry, { matchByName: true });
    expect(matched(r)).toEqual([]);
    expect(r.unmatchedSource).toHaveLength(1);
  });

  it('buildJoinReport keeps the first of duplicate area-years and reports the count', () => {
    const t = table([
      { code: '0114', value: 1 },
      { code: '114', value: 2 },
      { code: '0114', value: 3, year: 2021 },
      { code: '0114', value: 4 },
    ]);
    const r = buildJoinReport(t, null, kommuner, { matchByName: false });
    expect(r.duplicates).toEqual([{ code: '0114', year: 2020, count: 3 }]);
    expect(r.values.years).toEqual([2020, 2021]);
    expect(r.values.values.map((row) => row[0])).toEqual([1, 3]);
    expect(r.outcomes.map((o) => o.reason)).toEqual([null, 'duplicate', null, 'duplicate']);
  });

  it('buildJoinReport reports codes of other kommuner apart from unknown codes', () => {
    const t = table([
      { code: '1480C1010' },
      { code: '0114A0010' },
      { code: '0180C1010' },
      { code: '0180C1010', year: 2021 },
      { code: '1480C1620' },
      { code: 'Riket' },
    ]);
    const r = buildJoinReport(t, null, { ...deso, region: '1480' }, { matchByName: false });
    expect(r.outsideMap).toEqual({ count: 2, rows: 3, sample: ['0114A0010', '0180C1010'] });
    expect(r.unmatchedSource.map((u) => u.code)).toEqual(['1480C1620', 'Riket']);
    expect(r.unmatchedGeometry).toEqual(['1480C1020', '1480C1621', '1480C1622']);
    expect(summariseJoin(r)).toMatchObject({ matchedRows: 1, outsideMap: 2, unmatchedSource: 2, unmatchedGeometry: 3 });
  });

  it('buildJoinReport reports a DeSO 2018 code the 2025 map split apart from unknown codes, and marks its parts as changed', () => {
    const t = table([{ code: '1480C1010' }, { code: '1480C1620', value: 7 }, { code: '1480C1620', year: 2021 }, { code: '1480C9990' }]);
    const geometry = { ...deso, region: '1480', previous: { '1480C1620': ['1480C1621', '1480C1622'] } };
    const r = buildJoinReport(t, null, geometry, { matchByName: false });
    expect(r.changedCodes).toEqual({ count: 1, rows: 2, sample: [{ code: '1480C1620', next: ['1480C1621', '1480C1622'] }] });
    expect(r.unmatchedSource.map((u) => u.code)).toEqual(['1480C9990']);
    expect(r.values.missing).toEqual({ '1480C1020': 'not-reported', '1480C1621': 'boundary-changed', '1480C1622': 'boundary-changed' });
    expect(r.outcomes.map((o) => [o.reason, o.mapCode])).toEqual([
      [null, '1480C1010'],
      ['changed-code', '1480C1621 1480C1622'],
      ['changed-code', '1480C1621 1480C1622'],
      ['unknown', ''],
    ]);
  });

  it('buildJoinReport matches "Kommun (Område)" names to a division of that kommun', () => {
    const regso = { codes: ['1480R001', '1480R002'], names: ['Hammarkullen', 'Centrum'], kommunNames: 'Göteborg' };
    const t = table([
      { code: '', name: 'Göteborg (Hammarkullen)', value: 1 },
      { code: '', name: 'Centrum, Göteborg', value: 2 },
      { code: '', name: 'Borås (Centrum)', value: 3 },
    ]);
    const r = buildJoinReport(t, null, regso, { matchByName: true });
    expect(r.values.values).toEqual([[1, 2]]);
    expect(r.unmatchedSource.map((u) => u.name)).toEqual(['Borås (Centrum)']);
  });

  it('buildJoinReport without a region calls no code outside the map', () => {
    const r = buildJoinReport(table([{ code: '9999' }]), null, kommuner, { matchByName: false });
    expect(r.outsideMap.count).toBe(0);
    expect(r.unmatchedSource.map((u) => u.code)).toEqual(['9999']);
  });

  it('buildJoinReport keeps suppressed and missing cells apart and gives areas with only suppressed cells that reason', () => {
    const t = table([
      { code: '0114', value: null, status: 'suppressed' },
      { code: '0115', value: null, status: 'missing' },
      { code: '1480', value: 3 },
      { code: '9999', value: null, status: 'suppressed' },
    ]);
    const r = buildJoinReport(t, null, kommuner, { matchByName: false });
    expect(r.suppressed).toBe(2);
    expect(r.missing).toBe(1);
    expect(r.values.values).toEqual([[null, null, 3, null]]);
    expect(r.values.missing).toEqual({ '0114': 'suppressed', '0115': 'not-reported', '1490': 'not-reported' });
    expect(r.unmatchedGeometry).toEqual(['1490']);
  });

  it('buildJoinReport keeps only the chosen measure', () => {
    const t = table([
      { code: '0114', measure: 'a', value: 1 },
      { code: '0114', measure: 'b', value: 2 },
    ]);
    const r = buildJoinReport(t, 'b', kommuner, { matchByName: false });
    expect(r.totalRows).toBe(1);
    expect(r.values.values).toEqual([[2, null, null, null]]);
  });

  it('buildJoinReport of an empty table matches nothing and lists every map area', () => {
    const r = buildJoinReport(table([]), null, kommuner, { matchByName: true });
    expect(r.totalRows).toBe(0);
    expect(r.values.years).toEqual([]);
    expect(r.unmatchedGeometry).toEqual(kommuner.codes);
  });
});

describe('joinReportCsv', () => {
  it('joinReportCsv writes one line per source row and per map area without a row', () => {
    const t = table([
      { code: '114', name: 'Upplands Väsby', value: 1.5 },
      { code: 'X, Y', value: null, status: 'suppressed' },
    ]);
    const r = buildJoinReport(t, null, { codes: ['0114', '0115'], names: ['Upplands Väsby', 'Vallentuna'] }, { matchByName: false });
    expect(joinReportCsv(r, 'sv').split('\r\n')).toEqual([
      'kod,namn,år,värde,status,kartans kod,resultat',
      '114,Upplands Väsby,2020,1.5,värde,0114,matchad på normaliserad kod',
      '"X, Y",,2020,,skyddad,,okänd kod',
      '0115,,,,,0115,på kartan utan rad',
      '',
    ]);
    expect(joinReportCsv(r, 'en').split('\r\n')[0]).toBe('code,name,year,value,status,map code,result');
  });
});

describe('guessUnit', () => {
  it.each([
    ['procent', 'percent'],
    ['Andel (%)', 'percent'],
    ['tkr', 'ksek'],
    ['kronor', 'sek'],
    ['kr', 'sek'],
    ['antal', 'persons'],
    ['dagar', 'days'],
    ['år', 'years'],
    ['', null],
    [undefined, null],
    ['furlongs', null],
  ] as const)('guessUnit(%j) → %j', (text, expected) => {
    expect(guessUnit(text)).toBe(expected);
  });
});

describe('defaultChoices', () => {
  it('defaultChoices names the dataset after the title and reads unit and decimals', () => {
    const t = { ...table([{ code: '0114', value: 12.25 }]), title: 'Låg ekonomisk standard', unitText: 'procent' };
    expect(defaultChoices(t)).toEqual({ measure: null, name: 'Låg ekonomisk standard', unit: 'percent', decimals: 2, direction: 'neutral' });
  });

  it('defaultChoices picks the first of several measures and names it after that measure', () => {
    const t = table(
      [{ code: '0114', measure: 'b', value: 3 }],
      [
        { id: 'b', label: 'Antal invånare', unit: 'antal' },
        { id: 'c', label: 'Andel', unit: '%' },
      ],
    );
    expect(defaultChoices(t)).toEqual({ measure: 'b', name: 'Antal invånare', unit: 'persons', decimals: 0, direction: 'neutral' });
    expect(defaultChoices(t, 'c').unit).toBe('percent');
  });
});

describe('describeTable', () => {
  it('describeTable counts distinct areas, years and the rows of the measure', () => {
    const t = table([
      { code: '0114', year: 2020 },
      { code: '0114', year: 2021 },
      { code: '', name: 'Borås', year: 2020 },
      { code: '1480', measure: 'x', year: 2019 },
    ]);
    expect(describeTable(t, null)).toEqual({ areas: 3, years: [2019, 2020, 2021], rows: 4 });
    expect(describeTable(t, 'y')).toEqual({ areas: 2, years: [2020, 2021], rows: 3 });
  });
});
