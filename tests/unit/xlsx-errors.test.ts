import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readXlsx, XlsxError } from '../../src/data/xlsx';
import { parseFile } from '../../src/import/detect';
import { xlsxErrorMessage } from '../../src/import/xlsx-errors';

const WORKBOOK = '<workbook><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>';

function problemOf(bytes: Uint8Array): unknown {
  try {
    readXlsx(bytes);
  } catch (e) {
    return e instanceof XlsxError ? e.problem : e;
  }
  return null;
}

describe('readXlsx(bytes) on a file that is not a readable workbook', () => {
  it('throws an XlsxError naming the problem', () => {
    const good = zipSync({ 'xl/workbook.xml': strToU8(WORKBOOK), 'xl/worksheets/sheet1.xml': strToU8('<worksheet><sheetData/></worksheet>') });
    expect(problemOf(good)).toBeNull();
    expect(problemOf(good.slice(0, good.length - 30))).toMatchObject({ kind: 'bad-zip' });
    expect(problemOf(zipSync({ 'word/document.xml': strToU8('<w/>') }))).toEqual({ kind: 'no-workbook', parts: ['word/document.xml'] });
    expect(problemOf(zipSync({ 'xl/workbook.xml': strToU8(WORKBOOK) }))).toEqual({ kind: 'no-worksheet', sheet: 'Blad1', path: 'xl/worksheets/sheet1.xml' });
  });
});

describe('xlsxErrorMessage(error, fileName)', () => {
  it.each([
    [{ kind: 'bad-zip', detail: 'invalid zip data' }, 'Arbetsboken data.xlsx är skadad eller avkortad: dess zip-arkiv går inte att packa upp.'],
    [{ kind: 'bad-zip', detail: 'unknown compression type 12' }, 'packad med en komprimering som inte stöds'],
    [{ kind: 'no-workbook', parts: [] }, 'är ett zip-arkiv men ingen Excel-arbetsbok (delen xl/workbook.xml saknas)'],
    [
      { kind: 'no-worksheet', sheet: 'Blad1', path: 'xl/worksheets/sheet1.xml' },
      'Arbetsboken data.xlsx är skadad: dess första blad "Blad1" saknas i filen (xl/worksheets/sheet1.xml).',
    ],
  ] as const)('%j', (problem, expected) => {
    expect(xlsxErrorMessage(new XlsxError(problem), 'data.xlsx').sv).toContain(expected);
  });

  it('words anything else as a damaged archive', () => {
    expect(xlsxErrorMessage(new Error('boom'), 'data.xlsx').en).toContain('is damaged or cut off');
  });
});

describe('parseFile(fileName, bytes) with a corrupt workbook', () => {
  it('reports a missing sheet in Swedish, not "no worksheet xl/worksheets/sheet1.xml"', () => {
    const result = parseFile('trasig.xlsx', zipSync({ 'xl/workbook.xml': strToU8(WORKBOOK) }));
    expect(result).toMatchObject({ kind: 'error', code: 'bad-xlsx' });
    expect(result.kind === 'error' && result.message.sv).toMatch(/^Arbetsboken trasig\.xlsx är skadad: dess första blad "Blad1" saknas/);
    expect(result.kind === 'error' && result.message.sv).not.toContain('no worksheet');
  });
});
