/**
 * Excel workbooks exported from SCB's Statistikdatabasen: a title row, header rows (measure
 * names, years, sub-categories; merged cells), then one row per area with the area code in a
 * column of its own, sometimes as "code name" ("0114 Upplands Väsby"), then a footer of notes.
 * Each group of columns with the same non-year labels becomes one measure.
 */
import type { Localized } from '../data/types';
import { fillHeaderRows } from '../data/scb-table';
import { readXlsx, type XlsxCell } from '../data/xlsx';
import { badNumber, guarded, importError, makeRow, msg, noRows, readCell, readYear } from './common';
import type { IndexedDivision } from './detect-division';
import type { ImportResult, ImportedRow } from './types';
import { xlsxErrorMessage } from './xlsx-errors';
import { OutsideYears, yearColumnsWarning, yearOutOfRange, yearRangeError, type OutsideYear } from './year-range';

// DeSO (e.g. "1480C1620"), RegSO ("1480R004"): unambiguous codes on their own.
const STRONG_CODE = /^(\d{4}[A-C]\d{4}|\d{4}R\d{3})$/;
// Kommun ("0114") and län ("01") codes look like years or counts on their own, so they only
// count as codes when a name follows ("0114 Upplands Väsby", "00 Riket").
const CODE_WITH_NAME = /^(\d{4}[A-C]\d{4}|\d{4}R\d{3}|\d{4}|\d{2})\s+(\S.*)$/;

/** Spreadsheet column letters of a 0-based index: 0 → "A", 27 → "AB". */
export function columnLetters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The code and name of an area cell, or null when the cell is not an area. */
export function readAreaCell(cell: XlsxCell): { code: string; name?: string } | null {
  if (typeof cell !== 'string') return null;
  const text = cell.trim();
  if (STRONG_CODE.test(text)) return { code: text };
  // "1480 C1010" is one DeSO code written with a space, not the kommun 1480 named "C1010".
  if (STRONG_CODE.test(text.replace(/\s+/g, ''))) return { code: text.replace(/\s+/g, '') };
  const m = CODE_WITH_NAME.exec(text);
  return m?.[1] && m[2] ? { code: m[1], name: m[2].trim() } : null;
}

/** Reads a cell as an area, or null. */
type AreaReader = (cell: XlsxCell) => { code: string; name?: string } | null;

/** Reads a cell as the name of an area of one of the divisions ("Göteborg (Hammarkullen)"), or null. */
function nameReader(divisions: readonly IndexedDivision[]): AreaReader {
  return (cell) => {
    const name = typeof cell === 'string' ? cell.trim() : '';
    return name && divisions.some((d) => d.index.byName('', name) !== undefined) ? { code: '', name } : null;
  };
}

// A table keyed by names has them in one of its first columns, from its first rows on.
const NAME_SEARCH = { columns: 3, rows: 300 };

/** The column holding the most area cells, or -1. */
function findAreaColumn(grid: readonly XlsxCell[][], read: AreaReader = readAreaCell, columns = Infinity): number {
  const counts = new Map<number, number>();
  for (const row of grid) {
    row.slice(0, columns).forEach((cell, c) => {
      if (read(cell)) counts.set(c, (counts.get(c) ?? 0) + 1);
    });
  }
  let best = -1;
  let bestCount = 0;
  for (const [c, n] of counts) if (n > bestCount || (n === bestCount && c < best)) [best, bestCount] = [c, n];
  return best;
}

// "Låg ekonomisk standard, procent" → "procent"; SCB puts the unit last in the measure name.
const UNIT = /,\s*(procent|tkr|kr|antal|%|kronor|år)\s*$/i;

/** Parses an SCB Statistikdatabasen .xlsx export (areas by code, else by the names of `divisions`). Never throws. */
export function parseXlsxScb(bytes: Uint8Array, fileName: string, divisions: readonly IndexedDivision[] = []): ImportResult {
  return guarded(fileName, 'bad-xlsx', () => {
    let rowsOfSheet: XlsxCell[][];
    try {
      rowsOfSheet = readXlsx(bytes).rows;
    } catch (e) {
      return importError('bad-xlsx', fileName, xlsxErrorMessage(e, fileName));
    }
    return parseScbGrid(rowsOfSheet, fileName, divisions);
  });
}

/**
 * Parses the grid of an SCB export (exported for tests on hand-made grids). Areas are read by code;
 * a table without codes is read by the names of `divisions`' areas (SCB writes RegSO as "Göteborg (Hammarkullen)").
 */
export function parseScbGrid(grid: readonly XlsxCell[][], fileName: string, divisions: readonly IndexedDivision[] = []): ImportResult {
  let read: AreaReader = readAreaCell;
  let codeCol = findAreaColumn(grid);
  if (codeCol < 0 && divisions.length > 0) {
    read = nameReader(divisions);
    codeCol = findAreaColumn(grid.slice(0, NAME_SEARCH.rows), read, NAME_SEARCH.columns);
  }
  const byName = read !== readAreaCell;
  if (codeCol < 0) {
    return importError(
      'no-area-column',
      fileName,
      msg(
        'Ingen kolumn med områdeskoder (DeSO "1480C1620", RegSO "1480R004" eller "0114 Upplands Väsby").',
        'No column with area codes (DeSO "1480C1620", RegSO "1480R004" or "0114 Upplands Väsby").',
      ),
    );
  }
  const first = grid.findIndex((row) => read(row[codeCol] ?? null) !== null);
  const width = Math.max(0, ...grid.map((r) => r.length));
  const title = String(grid[0]?.[0] ?? '').trim();
  const header = fillHeaderRows(grid.slice(1, first), codeCol, width);
  // Tables with the year as a row variable write it left of the code, once per block of rows.
  let leftYear: number | null = null;
  // A block of rows dated outside 1900–2099 ("1850" left of the codes) is skipped and named.
  let leftOutside: number | null = null;
  const columns: { index: number; year: number | null; measure: string; outside: OutsideYear | null }[] = [];
  for (let c = codeCol + 1; c < width; c++) {
    const labels = header.map((r) => String(r[c] ?? '').trim()).filter((s) => s !== '');
    const yearLabel = labels.find((l) => readYear(l) !== null);
    // A header year outside the range ("1850") is not a measure name: the column is named as such.
    const outsideRow = yearLabel ? -1 : header.findIndex((r) => yearOutOfRange(r[c]) !== null);
    const outsideLabel = outsideRow >= 0 ? String(header[outsideRow]?.[c] ?? '').trim() : undefined;
    const rest = labels.filter((l) => l !== yearLabel && l !== outsideLabel);
    columns.push({
      index: c,
      year: yearLabel ? readYear(yearLabel) : null,
      measure: rest.join(', ') || title || 'value',
      outside: outsideLabel ? { at: `${columnLetters(c)}${outsideRow + 2}`, year: Number(outsideLabel) } : null,
    });
  }
  const rows: ImportedRow[] = [];
  const noYear = new Set<number>();
  const outsideColumns = new Set<number>();
  const outsideRows = new OutsideYears('line');
  for (let r = first; r < grid.length; r++) {
    const row = grid[r] ?? [];
    for (let c = 0; c < codeCol; c++) {
      const year = readYear(row[c]);
      if (year !== null) [leftYear, leftOutside] = [year, null];
      else if (yearOutOfRange(row[c]) !== null) [leftYear, leftOutside] = [null, Number(row[c])];
    }
    const codeCell = row[codeCol] ?? null;
    const text = typeof codeCell === 'string' ? codeCell.trim() : '';
    // By name, an unknown name with values is still a row (the join reports it); the footer has none.
    const hasValues = columns.some((col) => typeof row[col.index] === 'number');
    const area = read(codeCell) ?? (byName && text && hasValues ? { code: '', name: text } : null);
    // The footer of notes starts with text in the code column ("Officiell statistik"); its lines
    // may look like "code name" ("31 december respektive år"), so reading stops there.
    if (!area && text !== '') break;
    if (!area) continue;
    let rowOutside = false;
    for (const col of columns) {
      const raw = row[col.index] ?? null;
      const year = col.year ?? leftYear;
      if (year === null) {
        if (raw === null) continue;
        if (col.outside) outsideColumns.add(col.index);
        else if (leftOutside !== null) rowOutside = true;
        else noYear.add(col.index);
        continue;
      }
      const at = `${columnLetters(col.index)}${r + 1}`;
      const cell = readCell(raw);
      if ('bad' in cell) return badNumber(fileName, cell.bad, at, 'cell');
      rows.push(makeRow(area.code, year, cell, { name: area.name, measure: col.measure, at }));
    }
    if (rowOutside) outsideRows.note(leftOutside, String(r + 1));
  }
  const firstOutsideColumn = columns.find((c) => outsideColumns.has(c.index))?.outside;
  const allOutside = rows.length > 0 ? null : firstOutsideColumn ? yearRangeError(fileName, firstOutsideColumn, 'cell') : outsideRows.error(fileName);
  if (allOutside) return allOutside;
  if (rows.length === 0 && noYear.size > 0) {
    return importError(
      'no-year',
      fileName,
      msg('Inget år hittades i rubrikerna eller till vänster om koderna.', 'No year was found in the headers or left of the codes.'),
    );
  }
  if (rows.length === 0) return noRows(fileName);
  const warnings: Localized[] = [];
  if (outsideColumns.size > 0) {
    warnings.push(
      yearColumnsWarning(columns.flatMap((c) => (c.outside && outsideColumns.has(c.index) ? [`${columnLetters(c.index)} (${c.outside.year})`] : []))),
    );
  }
  warnings.push(...outsideRows.warnings());
  if (noYear.size > 0) {
    const cols = [...noYear].map(columnLetters).join(', ');
    warnings.push(msg(`Kolumnerna ${cols} saknar år och lästes inte.`, `The columns ${cols} have no year and were not read.`));
  }
  const measureIds = [...new Set(rows.map((row) => row.measure ?? 'value'))];
  return {
    kind: 'table',
    format: 'xlsx-scb',
    fileName,
    measures: measureIds.map((id) => {
      const unit = UNIT.exec(id)?.[1];
      return unit ? { id, label: id, unit } : { id, label: id };
    }),
    rows,
    ...(title ? { title } : {}),
    warnings,
  };
}
