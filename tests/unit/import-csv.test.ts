import { describe, expect, it } from 'vitest';
import { parseCsvTable, detectSeparator } from '../../src/import/csv-table';
import { parseDdfCsv } from '../../src/import/ddf-csv';
import { decodeText } from '../../src/import/decode-text';
import { parseNumberText, readCell } from '../../src/import/common';
import type { ImportResult, ImportedTable } from '../../src/import/types';

function table(r: ImportResult): ImportedTable {
  if (r.kind !== 'table') throw new Error(`expected a table, got ${JSON.stringify(r)}`);
  return r;
}
const brief = (r: ImportResult) => table(r).rows.map(({ code, year, value, status, measure }) => ({ code, year, value, status, measure }));

describe('decodeText', () => {
  it.each([
    ['UTF-8 without BOM', [0x47, 0xc3, 0xb6, 0x74], 'Göt', 'utf-8'],
    ['UTF-8 with BOM', [0xef, 0xbb, 0xbf, 0x47, 0xc3, 0xb6], 'Gö', 'utf-8'],
    ['Windows-1252 "Göteborg"', [0x47, 0xf6, 0x74, 0x65, 0x62, 0x6f, 0x72, 0x67], 'Göteborg', 'windows-1252'],
  ] as const)('decodeText reads %s', (_, bytes, text, encoding) => {
    const d = decodeText(new Uint8Array(bytes));
    expect(d.text).toBe(text);
    expect(d.encoding).toBe(encoding);
    expect(d.warnings.length).toBe(encoding === 'utf-8' ? 0 : 1);
  });
});

describe('parseNumberText / readCell', () => {
  it.each([
    ['12.5', 12.5],
    ['12,5', 12.5],
    ['-3', -3],
    ['\u22123,5', -3.5],
    ['12 345', 12345],
    ['12\u00a0345,5', 12345.5],
    ['1 234 567', 1234567],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['1e3', 1000],
    ['12,x', null],
    ['1,2,3', null],
    ['abc', null],
    ['Infinity', null],
    ['NaN', null],
    ['0x10', null],
  ])('parseNumberText(%j) is %j', (text, want) => {
    expect(parseNumberText(text)).toBe(want);
  });

  it.each([
    ['', { value: null, status: 'missing' }],
    ['  ', { value: null, status: 'missing' }],
    [null, { value: null, status: 'missing' }],
    ['..', { value: null, status: 'suppressed' }],
    ['-', { value: null, status: 'suppressed' }],
    ['–', { value: null, status: 'suppressed' }],
    ['.', { value: null, status: 'suppressed' }],
    ['x', { value: null, status: 'suppressed' }],
    [7, { value: 7, status: 'ok' }],
    ['0', { value: 0, status: 'ok' }],
    [Number.NaN, { bad: 'NaN' }],
  ] as const)('readCell(%j)', (raw, want) => {
    expect(readCell(raw)).toEqual(want);
  });
});

describe('detectSeparator', () => {
  it.each([
    ['kod,år,värde\n1,2,3', ','],
    ['kod;år;värde\n1;2;3', ';'],
    ['kod\tår\tvärde\n1\t2\t3', '\t'],
    ['"a,b";år;värde\n', ';'],
    ['"kod;x",år,värde\n', ','],
  ] as const)('detectSeparator(%j) is %j', (text, sep) => {
    expect(detectSeparator(text)).toBe(sep);
  });
});

describe('parseCsvTable', () => {
  it.each([
    ['comma, English', 'code,year,value\n0114,2020,1.5\n0115,2020,2\n'],
    ['semicolon, Swedish, decimal comma', 'Kod;År;Värde\n0114;2020;1,5\n0115;2020;2\n'],
    ['tab', 'kommunkod\tyear\tvarde\n0114\t2020\t1,5\n0115\t2020\t2\n'],
    ['comma with quoted decimal comma', 'område,år,värde\n0114,2020,"1,5"\n0115,2020,2\n'],
    ['BOM and CRLF', '\uFEFFdesokod,period,value\r\n0114,2020,1.5\r\n0115,2020,2\r\n'],
  ])('parseCsvTable reads a long table: %s', (_, text) => {
    const r = table(parseCsvTable(text, 'a.csv'));
    expect(r.format).toBe('csv-long');
    expect(brief(r)).toEqual([
      { code: '0114', year: 2020, value: 1.5, status: 'ok', measure: 'value' },
      { code: '0115', year: 2020, value: 2, status: 'ok', measure: 'value' },
    ]);
  });

  it('parseCsvTable keeps missing and suppressed apart and keeps duplicate rows', () => {
    const text = 'kod;år;värde\nA;2020;..\nB;2020;\nC;2020;-\nD;2020;x\nA;2020;3\n';
    expect(brief(parseCsvTable(text, 'a.csv')).map((r) => [r.code, r.value, r.status])).toEqual([
      ['A', null, 'suppressed'],
      ['B', null, 'missing'],
      ['C', null, 'suppressed'],
      ['D', null, 'suppressed'],
      ['A', 3, 'ok'],
    ]);
  });

  it('parseCsvTable reads thousands separators', () => {
    const r = table(parseCsvTable('kod;år;värde\n0114;2020;12 345,5\n0115;2020;"1\u00a0000"\n', 'a.csv'));
    expect(r.rows.map((x) => x.value)).toEqual([12345.5, 1000]);
  });

  it('parseCsvTable tags rows with the indicator column', () => {
    const r = table(parseCsvTable('kod,år,värde,indikator\n1,2020,1,inkomst\n1,2020,2,hyra\n', 'a.csv'));
    expect(r.measures.map((m) => m.id)).toEqual(['inkomst', 'hyra']);
    expect(r.rows.map((x) => x.measure)).toEqual(['inkomst', 'hyra']);
  });

  it('parseCsvTable reads each extra column as a measure when there is no value column', () => {
    const r = table(parseCsvTable('code,year,income,rent\n1,2020,10,20\n', 'a.csv'));
    expect(brief(r)).toEqual([
      { code: '1', year: 2020, value: 10, status: 'ok', measure: 'income' },
      { code: '1', year: 2020, value: 20, status: 'ok', measure: 'rent' },
    ]);
  });

  it('parseCsvTable reads a wide table with a name column', () => {
    const r = table(parseCsvTable('kod;namn;2015;2016\n0114;Upplands Väsby;1,5;..\n0180;Stockholm;;2\n', 'w.csv'));
    expect(r.format).toBe('csv-wide');
    expect(r.rows.map(({ code, name, year, value, status, at }) => ({ code, name, year, value, status, at }))).toEqual([
      { code: '0114', name: 'Upplands Väsby', year: 2015, value: 1.5, status: 'ok', at: '2' },
      { code: '0114', name: 'Upplands Väsby', year: 2016, value: null, status: 'suppressed', at: '2' },
      { code: '0180', name: 'Stockholm', year: 2015, value: null, status: 'missing', at: '3' },
      { code: '0180', name: 'Stockholm', year: 2016, value: 2, status: 'ok', at: '3' },
    ]);
  });

  it('parseCsvTable splits "code name" cells when there is no name column', () => {
    const r = table(parseCsvTable('region,år,värde\n"0114 Upplands Väsby",2020,1\n', 'a.csv'));
    expect(r.rows.map((x) => [x.code, x.name])).toEqual([['0114', 'Upplands Väsby']]);
  });

  it('parseCsvTable skips rows without a year with a warning', () => {
    const r = table(parseCsvTable('kod,år,värde\n1,2020,1\n2,,2\n3,okänt,3\n', 'a.csv'));
    expect(r.rows).toHaveLength(1);
    expect(r.warnings[0]?.en).toMatch(/^2 rows without a year were skipped \(first: 3\)/);
  });

  it.each([
    ['no area column', 'foo,år,värde\n1,2020,1\n', 'no-area-column', '1'],
    ['no year', 'kod,värde\n1,1\n', 'no-year', '1'],
    ['empty file', '', 'no-rows', undefined],
    ['header only', 'kod,år,värde\n', 'no-rows', undefined],
    ['bad number', 'kod;år;värde\n1;2020;1\n2;2020;2\n3;2020;4\n4;2020;4\n5;2020;4\n6;2020;12,x\n', 'bad-number', '7'],
  ])('parseCsvTable reports %s', (_, text, code, at) => {
    const r = parseCsvTable(text, 'a.csv');
    expect(r.kind).toBe('error');
    if (r.kind !== 'error') return;
    expect(r.code).toBe(code);
    expect(r.at).toBe(at);
    expect(r.fileName).toBe('a.csv');
  });

  it('parseCsvTable words a bad number with its line in both languages', () => {
    const r = parseCsvTable('kod;år;värde\n1;2020;1\n2;2020;2\n3;2020;3\n4;2020;4\n5;2020;5\n6;2020;12,x\n', 'a.csv');
    expect(r.kind === 'error' && r.message).toEqual({
      sv: 'Rad 7: värdet "12,x" är inget tal.',
      en: 'Line 7: the value "12,x" is not a number.',
    });
  });
});

describe('parseDdfCsv', () => {
  it('parseDdfCsv reads geo,year,<indicator>', () => {
    const r = table(parseDdfCsv('geo,year,n00905\n01,2005,168784.0\n03,2005,\n', 'ddf--datapoints--n00905--by--geo--year.csv'));
    expect(r.format).toBe('ddf-csv');
    expect(brief(r)).toEqual([
      { code: '01', year: 2005, value: 168784, status: 'ok', measure: 'n00905' },
      { code: '03', year: 2005, value: null, status: 'missing', measure: 'n00905' },
    ]);
  });

  it.each([
    ['with the keys named by the file name', 'ddf--datapoints--n00905--by--geo--gender--year.csv'],
    ['with the keys found from the values', 'kolada.csv'],
  ])('parseDdfCsv splits an extra key into measures %s', (_, fileName) => {
    const r = table(parseDdfCsv('geo,gender,time,n00905\n01,k,2005,1.5\n01,m,2005,2\n', fileName));
    expect(r.measures.map((m) => m.id)).toEqual(['n00905 (gender: k)', 'n00905 (gender: m)']);
    expect(r.rows.map((x) => [x.code, x.year, x.value, x.measure])).toEqual([
      ['01', 2005, 1.5, 'n00905 (gender: k)'],
      ['01', 2005, 2, 'n00905 (gender: m)'],
    ]);
  });
});
