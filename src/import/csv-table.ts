/**
 * CSV/TSV tables: long (`code,year,value[,indicator]`), tidy panels (`code,name,year,<measure>…`)
 * or wide (`code,2015,2016,…`), with Swedish or English headers, comma/semicolon/tab separators
 * and decimal commas. Which column is which comes from the values (csv-columns.ts); the user may
 * override it, and the table is then read again from the same grid.
 */
import type { Localized } from '../data/types';
import { parseCsv } from '../data/csv';
import { badNumber, fileStem, foldName, guarded, importError, makeRow, msg, noRows, readCell, readYear, skippedWarning } from './common';
import { guessRoles, isSecondaryKey, profileColumns, yearInHeader, yearValueColumns, type ColumnProfile, type ColumnRoles, type CsvGrid } from './csv-columns';
import type { IndexedDivision } from './detect-division';
import type { ImportResult, ImportedRow, ImportedTable } from './types';
import { readAreaCell } from './xlsx-scb';
import { OutsideYears, yearColumnsWarning, yearOutOfRange } from './year-range';

const VALUE_NAMES = ['varde', 'value', 'values', 'obsvalue'];
const INDICATOR_NAMES = ['indikator', 'indicator', 'kpi', 'measure', 'matt', 'variabel', 'tabellinnehall'];

/** The separator of a header line: the most frequent of tab, semicolon and comma outside quotes. */
export function detectSeparator(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (counts[','] + counts[';'] + counts['\t'] > 0) break;
    } else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  // Ties go to tab, then semicolon: a comma is the likeliest to occur inside a header by accident.
  if (counts['\t'] >= counts[';'] && counts['\t'] >= counts[','] && counts['\t'] > 0) return '\t';
  if (counts[';'] >= counts[','] && counts[';'] > 0) return ';';
  return ',';
}

/** Splits CSV text into records without blank lines, each with its 1-based line number. */
export function csvRecords(text: string, separator: string): { cells: string[]; line: number }[] {
  return parseCsv(text, separator)
    .map((cells, i) => ({ cells, line: i + 1 }))
    .filter((r) => r.cells.some((c) => c.trim() !== ''));
}

/** The header and records of CSV text (separator detected). */
export function readCsvGrid(text: string): CsvGrid {
  const [first, ...records] = csvRecords(text, detectSeparator(text));
  return { header: (first?.cells ?? []).map((h) => h.trim()), records };
}

/** One value column of the table: where it is, which measure and (for wide tables) which year. */
interface ValueColumn {
  index: number;
  measure: string;
  year: number | null;
}

/** Receives a CSV table's grid, column profiles and guessed roles, so its columns can be chosen again. */
export type KeepCsv = (grid: CsvGrid, profiles: ColumnProfile[], roles: ColumnRoles) => void;

/** Parses a CSV/TSV table (text already decoded), finding its columns from the values. Never throws. */
export function parseCsvTable(
  text: string,
  fileName: string,
  onRow?: (done: number, total: number) => void,
  divisions: readonly IndexedDivision[] = [],
  keep?: KeepCsv,
): ImportResult {
  return guarded(fileName, 'bad-number', () => {
    const grid = readCsvGrid(text);
    const profiles = profileColumns(grid, divisions);
    const roles = guessRoles(grid.header, profiles);
    keep?.(grid, profiles, roles);
    return csvTable(grid, roles, profiles, fileName, onRow);
  });
}

/** The value columns of a long table: the value column, else every numeric column that is not a key. */
function valueColumns(grid: CsvGrid, profiles: readonly ColumnProfile[], taken: Set<number>): { columns: ValueColumn[]; indicator: number; ignored: string[] } {
  const folded = grid.header.map(foldName);
  const find = (names: readonly string[]) => {
    for (const name of names) {
      const i = folded.findIndex((h, k) => h === name && !taken.has(k));
      if (i >= 0) return i;
    }
    return -1;
  };
  const indicator = find(INDICATOR_NAMES);
  if (indicator >= 0) taken.add(indicator);
  const value = find(VALUE_NAMES);
  if (value >= 0) return { columns: [{ index: value, measure: 'value', year: null }], indicator, ignored: [] };
  const columns: ValueColumn[] = [];
  const ignored: string[] = [];
  for (const p of profiles) {
    if (taken.has(p.index)) continue;
    // Mostly numbers: a measure (a stray word in it is reported as a bad number); mostly text: not read.
    const numeric = p.numbers > 0 && p.numbers * 5 >= (p.numbers + p.texts) * 4;
    if (numeric && !isSecondaryKey(p)) columns.push({ index: p.index, measure: p.header || `col${p.index + 1}`, year: null });
    else if (p.header !== '' && !isSecondaryKey(p)) ignored.push(p.header);
  }
  return { columns, indicator, ignored };
}

/** Reads the table from its grid with the given column roles. Never throws. */
export function csvTable(
  grid: CsvGrid,
  roles: ColumnRoles,
  profiles: readonly ColumnProfile[],
  fileName: string,
  onRow?: (done: number, total: number) => void,
): ImportResult {
  return guarded(fileName, 'bad-number', () => readTable(grid, roles, profiles, fileName, onRow));
}

function readTable(
  grid: CsvGrid,
  roles: ColumnRoles,
  profiles: readonly ColumnProfile[],
  fileName: string,
  onRow?: (done: number, total: number) => void,
): ImportResult {
  const names = grid.header;
  if (names.length === 0) return noRows(fileName);
  if (roles.code < 0 && roles.name < 0) {
    return importError(
      'no-area-column',
      fileName,
      msg(
        `Rad 1: ingen kolumn med områdeskoder eller områdesnamn som appen känner igen. Rubriker: ${names.join(', ')}.`,
        `Line 1: no column with area codes or area names the app recognises. Headers: ${names.join(', ')}.`,
      ),
      '1',
    );
  }
  const keys = new Set([roles.code, roles.name, roles.year].filter((i) => i >= 0));
  const yearColumns = roles.year >= 0 ? [] : yearValueColumns(names, profiles, keys);
  const wide = yearColumns.length > 0;
  const warnings: Localized[] = [];
  // A table of one year often says which only in its file name ("folkmangd-2023.csv").
  const namedYear = !wide && roles.year < 0 ? yearInHeader(fileStem(fileName))?.year : undefined;
  if (!wide && roles.year < 0 && namedYear === undefined) {
    return importError(
      'no-year',
      fileName,
      msg(
        'Rad 1: ingen årskolumn ("år", "year", "period"), inga kolumner med år i rubriken ("2015", "Folkmängd 2023") och inget år i filnamnet.',
        'Line 1: no year column ("year", "år", "period"), no columns with a year in their header ("2015", "Population 2023") and no year in the file name.',
      ),
      '1',
    );
  }
  if (namedYear !== undefined)
    warnings.push(
      msg(
        `Filen har ingen årskolumn; året ${namedYear} är taget från filnamnet.`,
        `The file has no year column; the year ${namedYear} is taken from the file name.`,
      ),
    );
  const taken = new Set([...keys, ...yearColumns.map((c) => c.index)]);
  let columns: ValueColumn[];
  let indicatorCol = -1;
  if (wide) {
    columns = yearColumns.map((c) => ({ index: c.index, measure: c.stem || 'value', year: c.year }));
    // Columns headed by a year outside 1900–2099 ("1850") are named as such, not as unread columns.
    const outsideYears = names.flatMap((n, i) => (taken.has(i) || yearOutOfRange(n) === null ? [] : [Number(n)]));
    if (outsideYears.length > 0) warnings.push(yearColumnsWarning(outsideYears));
    const ignored = names.filter((n, i) => !taken.has(i) && n !== '' && !profiles[i]?.codes && yearOutOfRange(n) === null);
    if (ignored.length > 0) warnings.push(msg(`Kolumnerna ${ignored.join(', ')} lästes inte.`, `The columns ${ignored.join(', ')} were not read.`));
  } else {
    const found = valueColumns(grid, profiles, taken);
    columns = found.columns;
    indicatorCol = found.indicator;
    if (found.ignored.length > 0) {
      warnings.push(
        msg(
          `Kolumnerna ${found.ignored.join(', ')} är inte tal och lästes inte.`,
          `The columns ${found.ignored.join(', ')} are not numbers and were not read.`,
        ),
      );
    }
  }
  if (columns.length === 0) {
    return importError('no-rows', fileName, msg('Rad 1: ingen kolumn med värden (tal).', 'Line 1: no column with values (numbers).'), '1');
  }

  const rows: ImportedRow[] = [];
  const noYear: number[] = [];
  const outsideRange = new OutsideYears('line');
  const noArea: number[] = [];
  for (const [i, { cells, line }] of grid.records.entries()) {
    onRow?.(i + 1, grid.records.length);
    let code = roles.code >= 0 ? (cells[roles.code] ?? '').trim() : '';
    let name = roles.name >= 0 ? (cells[roles.name] ?? '').trim() : '';
    // SCB's own CSV exports write "0114 Upplands Väsby" in one cell.
    const combined = roles.name < 0 && code ? readAreaCell(code) : null;
    if (combined?.name) [code, name] = [combined.code, combined.name];
    if (code === '' && name === '') {
      noArea.push(line);
      continue;
    }
    const rowYear = roles.year >= 0 ? readYear(cells[roles.year]) : (namedYear ?? null);
    if (!wide && rowYear === null) {
      // A year outside 1900–2099 ("1850") is named as such, not as a missing year.
      if (!outsideRange.note(cells[roles.year], String(line))) noYear.push(line);
      continue;
    }
    const indicator = indicatorCol >= 0 ? (cells[indicatorCol] ?? '').trim() : '';
    for (const col of columns) {
      const raw = cells[col.index] ?? '';
      const cell = readCell(raw);
      if ('bad' in cell) return badNumber(fileName, raw, String(line), 'line');
      rows.push(makeRow(code, col.year ?? rowYear ?? 0, cell, { name, measure: indicator || col.measure, at: String(line) }));
    }
  }
  if (noYear.length > 0) warnings.push(skippedWarning(noYear.length, `${noYear[0]}`, 'utan år', 'without a year'));
  warnings.push(...outsideRange.warnings());
  if (noArea.length > 0) warnings.push(skippedWarning(noArea.length, `${noArea[0]}`, 'utan område', 'without an area'));
  if (rows.length === 0) return outsideRange.error(fileName) ?? noRows(fileName);
  const measureIds = [...new Set(rows.map((r) => r.measure ?? 'value'))];
  const table: ImportedTable = {
    kind: 'table',
    format: wide ? 'csv-wide' : 'csv-long',
    fileName,
    // A generic value column ("value", "värde") names nothing: the file does.
    measures: measureIds.map((id) => ({ id, label: id === 'value' ? fileStem(fileName) : id })),
    rows,
    warnings,
  };
  return table;
}
