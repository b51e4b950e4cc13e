import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { findColumn, parseScbTable } from '../../src/data/scb-table';
import { columnIndex, parseSharedStrings, readXlsx } from '../../src/data/xlsx';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A workbook laid out like an SCB Statistikdatabasen export, with or without the `x:` prefix. */
function scbLikeXlsx(prefix: 'x:' | ''): Uint8Array {
  const p = prefix;
  const xmlns = prefix ? `xmlns:x="${NS}"` : `xmlns="${NS}"`;
  const strings = ['Låg ekonomisk standard efter region &amp; år', 'Låg ekonomisk standard, procent', '2022', '1480C1010', '1480C1020', '..'];
  const sst = `<?xml version="1.0" encoding="utf-8"?><${p}sst ${xmlns} count="${strings.length}">${strings
    .map((s) => `<${p}si><${p}t>${s}</${p}t></${p}si>`)
    .join('')}</${p}sst>`;
  const c = (ref: string, v: string, t: 's' | 'n') => `<${p}c r="${ref}" t="${t}"><${p}v>${v}</${p}v></${p}c>`;
  const sheet =
    `<?xml version="1.0" encoding="utf-8"?><${p}worksheet xmlns:r="${REL}" ${xmlns}><${p}sheetData>` +
    `<${p}row r="1">${c('A1', '0', 's')}</${p}row>` +
    `<${p}row r="3">${c('B3', '1', 's')}</${p}row>` +
    `<${p}row r="4">${c('B4', '2', 's')}</${p}row>` +
    `<${p}row r="5">${c('A5', '3', 's')}${c('B5', '12.5', 'n')}</${p}row>` +
    `<${p}row r="6">${c('A6', '4', 's')}${c('B6', '5', 's')}</${p}row>` +
    `</${p}sheetData></${p}worksheet>`;
  const workbook = `<?xml version="1.0" encoding="utf-8"?><${p}workbook xmlns:r="${REL}" ${xmlns}><${p}sheets><${p}sheet name="000006TA" sheetId="2" r:id="rId2" /></${p}sheets></${p}workbook>`;
  const rels = `<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Type="${REL}/worksheet" Target="/xl/worksheets/sheet1.xml" Id="rId2" /></Relationships>`;
  return zipSync({
    'xl/workbook.xml': strToU8(workbook),
    'xl/_rels/workbook.xml.rels': strToU8(rels),
    'xl/sharedStrings.xml': strToU8(sst),
    'xl/worksheets/sheet1.xml': strToU8(sheet),
  });
}

describe('readXlsx', () => {
  it.each(['x:', ''] as const)('readXlsx reads an SCB-like sheet with prefix "%s"', (prefix) => {
    const sheet = readXlsx(scbLikeXlsx(prefix));
    expect(sheet.name).toBe('000006TA');
    expect(sheet.rows).toEqual([
      ['Låg ekonomisk standard efter region & år', null],
      [null, null],
      [null, 'Låg ekonomisk standard, procent'],
      [null, '2022'],
      ['1480C1010', 12.5],
      ['1480C1020', '..'],
    ]);
  });

  it('readXlsx throws on a zip that is not a workbook', () => {
    expect(() => readXlsx(zipSync({ 'a.txt': strToU8('hi') }))).toThrow(/invalid xlsx/);
  });
});

describe('parseSharedStrings', () => {
  it('parseSharedStrings joins rich-text runs and keeps empty items', () => {
    const xml = '<sst><si><r><t>A</t></r><r><t xml:space="preserve"> b</t></r></si><si/><si><t>&lt;c&gt;</t></si></sst>';
    expect(parseSharedStrings(xml)).toEqual(['A b', '', '<c>']);
  });
});

describe('columnIndex', () => {
  it.each([
    ['A1', 0],
    ['F6069', 5],
    ['Z3', 25],
    ['AA10', 26],
    ['AB1', 27],
  ])('columnIndex(%s) is %i', (ref, i) => {
    expect(columnIndex(ref)).toBe(i);
  });
});

describe('parseScbTable', () => {
  it('parseScbTable reads labels, the header year and ".." as suppressed', () => {
    const t = parseScbTable(readXlsx(scbLikeXlsx('x:')).rows);
    expect(t.columns).toEqual([{ index: 1, labels: ['Låg ekonomisk standard, procent', '2022'], year: 2022 }]);
    expect(t.rows.get('1480C1010')).toEqual([12.5]);
    expect(t.rows.get('1480C1020')).toEqual(['suppressed']);
    expect(findColumn(t, 'låg ekonomisk standard, procent')).toBe(0);
  });

  it('parseScbTable takes the year from the left of the code and fills merged headers rightwards', () => {
    const t = parseScbTable([
      ['Folkmängd', null, null, null],
      [null, null, '2022', null],
      [null, null, 'totalt', 'män'],
      ['2023', '0114A0010', 898, 450],
      [null, '0114A0010', 1, 1],
    ]);
    expect(t.columns.map((c) => c.year)).toEqual([2022, 2022]);
    expect(t.columns[1]?.labels).toEqual(['2022', 'män']);
    expect(t.duplicates).toEqual(['0114A0010']);
    const leftYear = parseScbTable([['T'], [null, null, 'totalt'], ['2023', '0114A0010', 898]]);
    expect(leftYear.columns[0]?.year).toBe(2023);
  });

  it('findColumn needs a label given twice to occur twice', () => {
    const t = parseScbTable([['T'], [null, 'svensk', 'totalt'], [null, 'totalt', 'totalt'], ['0114A0010', 1, 2]]);
    expect(findColumn(t, 'totalt', 'totalt')).toBe(1);
    expect(() => findColumn(t, 'utländsk')).toThrow(/no column/);
  });
});
