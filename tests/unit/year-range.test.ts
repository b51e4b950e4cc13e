import { describe, expect, it } from 'vitest';
import { readYear } from '../../src/import/common';
import { parseCsvTable } from '../../src/import/csv-table';
import { parseDdfCsv } from '../../src/import/ddf-csv';
import { parseJsonStat } from '../../src/import/json-stat';
import { parseKoladaV2 } from '../../src/import/kolada-api';
import { parsePxWebJson } from '../../src/import/pxweb-json';
import { parseScbGrid } from '../../src/import/xlsx-scb';
import { YEAR_RANGE, yearOutOfRange } from '../../src/import/year-range';

describe('YEAR_RANGE', () => {
  it('is the range readYear accepts', () => {
    expect(readYear(YEAR_RANGE.min)).toBe(YEAR_RANGE.min);
    expect(readYear(YEAR_RANGE.max)).toBe(YEAR_RANGE.max);
    expect(readYear(YEAR_RANGE.min - 1)).toBeNull();
    expect(readYear(YEAR_RANGE.max + 1)).toBeNull();
  });
});

describe('yearOutOfRange(raw)', () => {
  it.each([
    ['1850', 1850],
    [' 1899 ', 1899],
    [2150, 2150],
    ['999', 999],
    ['1900', null],
    ['2024', null],
    ['', null],
    ['20x0', null],
    ['12345', null],
    ['2020-01', null],
    [null, null],
    [undefined, null],
  ] as const)('%j → %j', (raw, expected) => {
    expect(yearOutOfRange(raw)).toBe(expected);
  });
});

describe('parseCsvTable(text, fileName) with years outside the range', () => {
  it('names the year and the range when some rows are outside it, and keeps the rest', () => {
    const result = parseCsvTable('kod;år;värde\n1480;1850;1\n1480;1899;2\n1480;2020;3\n', 'gammal.csv');
    expect(result.kind).toBe('table');
    if (result.kind !== 'table') return;
    expect(result.rows.map((r) => r.year)).toEqual([2020]);
    expect(result.warnings.map((w) => w.sv)).toEqual(['2 rader har år utanför det godtagna intervallet 1900–2099 och hoppades över (första: rad 2, år 1850).']);
    expect(result.warnings.map((w) => w.en)).toEqual(['2 rows have years outside the accepted range 1900–2099 and were skipped (first: line 2, year 1850).']);
  });

  it('keeps "without a year" for rows whose year is empty or not a year', () => {
    const result = parseCsvTable('kod;år;värde\n1480;;1\n1480;okänt;2\n1480;2020;3\n', 'tom.csv');
    expect(result.kind === 'table' && result.warnings.map((w) => w.sv)).toEqual(['2 rader utan år hoppades över (första: 2).']);
  });

  it('fails naming the range when every year is outside it', () => {
    const result = parseCsvTable('kod;år;värde\n1480;1850;1\n1480;1860;2\n', 'gammal.csv');
    expect(result).toMatchObject({ kind: 'error', code: 'no-year', at: '2' });
    expect(result.kind === 'error' && result.message.sv).toBe('Alla år i filen ligger utanför det godtagna intervallet 1900–2099 (t.ex. 1850 på rad 2).');
  });

  it('says which year columns of a wide table were not read', () => {
    const result = parseCsvTable('kod;1850;2020\n1480;1;2\n', 'bred.csv');
    expect(result.kind === 'table' && result.warnings.map((w) => w.sv)).toEqual([
      'Kolumnerna 1850 har år utanför det godtagna intervallet 1900–2099 och lästes inte.',
    ]);
  });
});

// One file per import format: a row (cell, item) dated 1850 beside one dated 2020.
const jsonStat = (times: string[]) => ({
  version: '2.0',
  class: 'dataset',
  label: 'Folkmängd',
  id: ['Region', 'Tid'],
  size: [1, times.length],
  role: { geo: ['Region'], time: ['Tid'] },
  dimension: {
    Region: { category: { index: ['1480'], label: { '1480': 'Göteborg' } } },
    Tid: { category: { index: times } },
  },
  value: times.map((_, i) => i + 1),
});
const pxWeb = (times: string[]) => ({
  columns: [
    { code: 'Region', text: 'region', type: 'd' },
    { code: 'Tid', text: 'år', type: 't' },
    { code: 'BE0101N1', text: 'Folkmängd', type: 'c' },
  ],
  data: times.map((t, i) => ({ key: ['1480', t], values: [String(i + 1)] })),
});
const kolada = (times: string[]) => ({
  values: times.map((t, i) => ({ kpi: 'N01951', municipality: '1480', period: t, values: [{ gender: 'T', value: i + 1 }] })),
});
const ddf = (times: string[]) => `geo,year,n01951\n${times.map((t, i) => `1480,${t},${i + 1}`).join('\n')}\n`;
const scbGrid = (years: string[]) => [['Folkmängd'], [], ['', ...years], ['1480C1620', ...years.map((_, i) => i + 1)]];
const scbLeftYears = (years: string[]) => [['Folkmängd'], [], ['', '', 'Antal'], ...years.map((y, i) => [y, '1480C1620', i + 1])];

describe('every import format names years outside 1900–2099 with the range', () => {
  it.each([
    [
      'JSON-stat',
      () => parseJsonStat(jsonStat(['1850', '2020']), 'a.json'),
      '1 cell har ett år utanför det godtagna intervallet 1900–2099 och hoppades över (första: cell $.value[0], år 1850).',
      '1 cell has a year outside the accepted range 1900–2099 and was skipped (first: cell $.value[0], year 1850).',
    ],
    [
      'PxWeb',
      () => parsePxWebJson(pxWeb(['1850', '2020']), 'a.json'),
      '1 post har ett år utanför det godtagna intervallet 1900–2099 och hoppades över (första: data[0], år 1850).',
      '1 item has a year outside the accepted range 1900–2099 and was skipped (first: data[0], year 1850).',
    ],
    [
      'Kolada',
      () => parseKoladaV2(kolada(['1850', '2020']), 'a.json'),
      '1 post har ett år utanför det godtagna intervallet 1900–2099 och hoppades över (första: $.values[0], år 1850).',
      '1 item has a year outside the accepted range 1900–2099 and was skipped (first: $.values[0], year 1850).',
    ],
    [
      'DDF',
      () => parseDdfCsv(ddf(['1850', '2020']), 'ddf--datapoints--n01951--by--geo--year.csv'),
      '1 rad har ett år utanför det godtagna intervallet 1900–2099 och hoppades över (första: rad 2, år 1850).',
      '1 row has a year outside the accepted range 1900–2099 and was skipped (first: line 2, year 1850).',
    ],
    [
      'SCB .xlsx, years in the header',
      () => parseScbGrid(scbGrid(['1850', '2020']), 'a.xlsx'),
      'Kolumnerna B (1850) har år utanför det godtagna intervallet 1900–2099 och lästes inte.',
      'The columns B (1850) have years outside the accepted range 1900–2099 and were not read.',
    ],
    [
      'SCB .xlsx, years left of the codes',
      () => parseScbGrid(scbLeftYears(['1850', '2020']), 'a.xlsx'),
      '1 rad har ett år utanför det godtagna intervallet 1900–2099 och hoppades över (första: rad 4, år 1850).',
      '1 row has a year outside the accepted range 1900–2099 and was skipped (first: line 4, year 1850).',
    ],
  ])('%s: warns naming the range, keeps the year inside it', (_, parse, sv, en) => {
    const result = parse();
    if (result.kind !== 'table') throw new Error(JSON.stringify(result));
    expect(result.rows.map((r) => r.year)).toEqual([2020]);
    expect(result.warnings).toEqual([{ sv, en }]);
  });

  it.each([
    [
      'JSON-stat',
      () => parseJsonStat(jsonStat(['1850', '1860']), 'a.json'),
      'Alla år i filen ligger utanför det godtagna intervallet 1900–2099 (t.ex. 1850 i cell $.value[0]).',
    ],
    [
      'PxWeb',
      () => parsePxWebJson(pxWeb(['1850', '2150']), 'a.json'),
      'Alla år i filen ligger utanför det godtagna intervallet 1900–2099 (t.ex. 1850 vid data[0]).',
    ],
    [
      'Kolada',
      () => parseKoladaV2(kolada(['1850']), 'a.json'),
      'Alla år i filen ligger utanför det godtagna intervallet 1900–2099 (t.ex. 1850 vid $.values[0]).',
    ],
    [
      'DDF',
      () => parseDdfCsv(ddf(['1850']), 'ddf--datapoints--n01951--by--geo--year.csv'),
      'Alla år i filen ligger utanför det godtagna intervallet 1900–2099 (t.ex. 1850 på rad 2).',
    ],
    [
      'SCB .xlsx, years in the header',
      () => parseScbGrid(scbGrid(['1850', '1860']), 'a.xlsx'),
      'Alla år i filen ligger utanför det godtagna intervallet 1900–2099 (t.ex. 1850 i cell B3).',
    ],
    [
      'SCB .xlsx, years left of the codes',
      () => parseScbGrid(scbLeftYears(['1850']), 'a.xlsx'),
      'Alla år i filen ligger utanför det godtagna intervallet 1900–2099 (t.ex. 1850 på rad 4).',
    ],
  ])('%s: fails naming the range when every year is outside it', (_, parse, sv) => {
    const result = parse();
    expect(result).toMatchObject({ kind: 'error', code: 'no-year', message: { sv } });
  });

  it.each([
    ['JSON-stat', () => parseJsonStat(jsonStat(['okänt', '2020']), 'a.json'), /utan läsbart år/],
    ['PxWeb', () => parsePxWebJson(pxWeb(['okänt', '2020']), 'a.json'), /utan år/],
    ['DDF', () => parseDdfCsv(ddf(['', '2020']), 'ddf--datapoints--n01951--by--geo--year.csv'), /utan geo eller år/],
    ['SCB .xlsx', () => parseScbGrid(scbGrid(['Antal', '2020']), 'a.xlsx'), /Kolumnerna B saknar år/],
  ])('%s: still says "without a year" for a time that is no year', (_, parse, sv) => {
    const result = parse();
    if (result.kind !== 'table') throw new Error(JSON.stringify(result));
    expect(result.warnings.map((w) => w.sv).join(' ')).toMatch(sv);
    expect(result.warnings.map((w) => w.sv).join(' ')).not.toMatch(/intervallet/);
  });
});
