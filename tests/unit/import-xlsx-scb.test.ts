import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { columnLetters, parseXlsxScb, readAreaCell } from '../../src/import/xlsx-scb';
import type { ImportResult, ImportedTable } from '../../src/import/types';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function table(r: ImportResult): ImportedTable {
  if (r.kind !== 'table') throw new Error(`expected a table, got ${JSON.stringify(r)}`);
  return r;
}

/**
 * A workbook in SCB's export layout (x: prefix, shared strings): title, empty row, measure
 * names, years, a sub-category row, then DeSO rows and a footer, like 000006TA.
 */
function scbXlsx(cells: Record<string, string | number>): Uint8Array {
  const strings: string[] = [];
  const sid = (s: string) => (strings.includes(s) ? strings.indexOf(s) : strings.push(s) - 1);
  const byRow = new Map<number, string[]>();
  for (const [ref, v] of Object.entries(cells)) {
    const r = Number(/\d+$/.exec(ref)?.[0]);
    const xml = typeof v === 'number' ? `<x:c r="${ref}" t="n"><x:v>${v}</x:v></x:c>` : `<x:c r="${ref}" t="s"><x:v>${sid(v)}</x:v></x:c>`;
    byRow.set(r, [...(byRow.get(r) ?? []), xml]);
  }
  const rows = [...byRow]
    .sort((a, b) => a[0] - b[0])
    .map(([r, cs]) => `<x:row r="${r}">${cs.join('')}</x:row>`)
    .join('');
  const sst = `<?xml version="1.0" encoding="utf-8"?><x:sst xmlns:x="${NS}" count="${strings.length}">${strings.map((s) => `<x:si><x:t>${s}</x:t></x:si>`).join('')}</x:sst>`;
  const sheet = `<?xml version="1.0" encoding="utf-8"?><x:worksheet xmlns:r="${REL}" xmlns:x="${NS}"><x:sheetData>${rows}</x:sheetData></x:worksheet>`;
  const workbook = `<?xml version="1.0" encoding="utf-8"?><x:workbook xmlns:r="${REL}" xmlns:x="${NS}"><x:sheets><x:sheet name="000006TA" sheetId="2" r:id="rId2" /></x:sheets></x:workbook>`;
  const rels = `<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Type="${REL}/worksheet" Target="/xl/worksheets/sheet1.xml" Id="rId2" /></Relationships>`;
  return zipSync({
    'xl/workbook.xml': strToU8(workbook),
    'xl/_rels/workbook.xml.rels': strToU8(rels),
    'xl/sharedStrings.xml': strToU8(sst),
    'xl/worksheets/sheet1.xml': strToU8(sheet),
  });
}

const LAYOUT_000006TA = {
  A1: 'Låg resp. hög ekonomisk standard efter region, tabellinnehåll, år och ålder',
  B3: 'Låg ekonomisk standard, procent',
  C3: 'Antal personer totalt',
  B4: '2022',
  C4: '2022',
  B5: 'totalt ålder',
  C5: 'totalt ålder',
  A6: '1480C1620',
  B6: 7,
  C6: 843,
  A7: '1480C1630',
  B7: '..',
  C7: 1542,
  A8: '1480C1620',
  B8: 2.5,
  A10: 'Officiell statistik',
  A11: 'Källa:',
  A12: 'SCB',
};

describe('parseXlsxScb', () => {
  it('parseXlsxScb reads the SCB layout into one measure per column group', () => {
    const r = table(parseXlsxScb(scbXlsx(LAYOUT_000006TA), '000006TA.xlsx'));
    expect(r.format).toBe('xlsx-scb');
    expect(r.title).toBe(LAYOUT_000006TA.A1);
    expect(r.measures).toEqual([
      { id: 'Låg ekonomisk standard, procent, totalt ålder', label: 'Låg ekonomisk standard, procent, totalt ålder' },
      { id: 'Antal personer totalt, totalt ålder', label: 'Antal personer totalt, totalt ålder' },
    ]);
    const low = r.rows.filter((x) => x.measure === r.measures[0]?.id);
    // The repeated code is kept: the join reports duplicates. An empty cell is missing, ".." suppressed.
    expect(low.map(({ code, year, value, status, at }) => ({ code, year, value, status, at }))).toEqual([
      { code: '1480C1620', year: 2022, value: 7, status: 'ok', at: 'B6' },
      { code: '1480C1630', year: 2022, value: null, status: 'suppressed', at: 'B7' },
      { code: '1480C1620', year: 2022, value: 2.5, status: 'ok', at: 'B8' },
    ]);
    expect(r.rows.find((x) => x.at === 'C8')).toMatchObject({ value: null, status: 'missing' });
  });

  it('parseXlsxScb takes the unit from the end of the measure name', () => {
    const r = table(parseXlsxScb(scbXlsx({ A1: 'T', B3: 'Medianvärde, tkr', B4: '2022', A5: '0114A0010', B5: 320 }), 'a.xlsx'));
    expect(r.measures).toEqual([{ id: 'Medianvärde, tkr', label: 'Medianvärde, tkr', unit: 'tkr' }]);
  });

  it('parseXlsxScb reads the year left of the code (year as a row variable, like 000005FC)', () => {
    const r = table(
      parseXlsxScb(
        scbXlsx({ A1: 'T', C3: 'totalt', A4: '2022', B4: '0114A0010', C4: 898, B5: '0114C1010', C5: 1565, A6: '2023', B6: '0114A0010', C6: 900 }),
        'a.xlsx',
      ),
    );
    expect(r.rows.map((x) => [x.code, x.year, x.value])).toEqual([
      ['0114A0010', 2022, 898],
      ['0114C1010', 2022, 1565],
      ['0114A0010', 2023, 900],
    ]);
  });

  it('parseXlsxScb splits "code name" cells', () => {
    const r = table(
      parseXlsxScb(scbXlsx({ A1: 'T', B3: 'Folkmängd', C3: 'Folkmängd', B4: '2021', C4: '2022', A5: '0114 Upplands Väsby', B5: 1, C5: 2 }), 'a.xlsx'),
    );
    expect(r.measures.map((m) => m.id)).toEqual(['Folkmängd']);
    expect(r.rows.map((x) => [x.code, x.name, x.year, x.value])).toEqual([
      ['0114', 'Upplands Väsby', 2021, 1],
      ['0114', 'Upplands Väsby', 2022, 2],
    ]);
  });

  it.each([
    ['not a zip', new Uint8Array([0x50, 0x4b, 1, 2, 3]), 'bad-xlsx'],
    ['a zip without a workbook', zipSync({ 'a.txt': strToU8('hej') }), 'bad-xlsx'],
    ['no area codes', scbXlsx({ A1: 'T', B3: '2022', A4: 'Stockholm', B4: 1 }), 'no-area-column'],
    ['no year', scbXlsx({ A1: 'T', B3: 'Folkmängd', A4: '1480C1620', B4: 1 }), 'no-year'],
  ])('parseXlsxScb reports %s', (_, bytes, code) => {
    const r = parseXlsxScb(bytes, 'a.xlsx');
    expect(r.kind === 'error' && r.code).toBe(code);
  });

  it('parseXlsxScb reports a cell that is not a number by its reference', () => {
    const r = parseXlsxScb(scbXlsx({ A1: 'T', B3: '2022', A4: '1480C1620', B4: 'tolv' }), 'a.xlsx');
    expect(r.kind === 'error' && [r.code, r.at, r.message.en]).toEqual(['bad-number', 'B4', 'Cell B4: the value "tolv" is not a number.']);
  });

  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
  ])('columnLetters(%i) is %s', (i, s) => {
    expect(columnLetters(i)).toBe(s);
  });

  it.each([
    ['1480C1620', { code: '1480C1620' }],
    ['1480R004', { code: '1480R004' }],
    ['0114 Upplands Väsby', { code: '0114', name: 'Upplands Väsby' }],
    ['00 Riket', { code: '00', name: 'Riket' }],
    ['2022', null],
    ['Källa:', null],
    [2022, null],
  ] as const)('readAreaCell(%j)', (cell, want) => {
    expect(readAreaCell(cell)).toEqual(want);
  });
});

const REAL = '/work/shared/data/indicators/scb-deso-2022';
const real = (prefix: string) => readdirSync(REAL).find((f) => f.startsWith(prefix)) ?? '';

describe.skipIf(!existsSync(REAL))('parseXlsxScb on real SCB exports (skipped when /work/shared/data is absent)', () => {
  it('parseXlsxScb reads 000006TA: three measures of 5,984 DeSO for 2022', () => {
    const r = table(parseXlsxScb(new Uint8Array(readFileSync(`${REAL}/${real('000006TA')}`)), '000006TA.xlsx'));
    expect(r.measures.map((m) => m.id)).toEqual([
      'Låg ekonomisk standard, procent, totalt ålder',
      'Hög ekonomisk standard, procent, totalt ålder',
      'Antal personer totalt, totalt ålder',
    ]);
    const low = r.rows.filter((x) => x.measure === r.measures[0]?.id);
    expect(low).toHaveLength(5984);
    expect(new Set(low.map((x) => x.code)).size).toBe(5984);
    // Spot values as shown in the sheet: 0114A0010 → 7 %, 15 %, 843 persons.
    expect(r.rows.filter((x) => x.code === '0114A0010').map((x) => [x.year, x.value])).toEqual([
      [2022, 7],
      [2022, 15],
      [2022, 843],
    ]);
  });

  it('parseXlsxScb reads 000007A8: five measures of 5,984 DeSO', () => {
    const r = table(parseXlsxScb(new Uint8Array(readFileSync(`${REAL}/${real('000007A8')}`)), '000007A8.xlsx'));
    expect(r.measures).toHaveLength(5);
    expect(r.measures[0]?.id).toBe('antal sysselsatta, totalt, 16-64 år');
    expect(r.rows).toHaveLength(5 * 5984);
    expect(r.rows.find((x) => x.code === '0123C1120' && x.measure === 'antal arbetslösa, totalt, 16-64 år')).toMatchObject({
      year: 2022,
      value: 23,
      status: 'ok',
    });
  });
});
