/**
 * CSV/TSV tables, long (`code,year,value[,indicator]`) or wide (`code,2015,2016,…`), with
 * Swedish or English headers, comma/semicolon/tab separators and decimal commas.
 */
import type { Localized } from '../data/types';
import { parseCsv } from '../data/csv';
import {
  badNumber,
  foldName,
  guarded,
  importError,
  makeRow,
  msg,
  noRows,
  readCell,
  readYear,
  skippedWarning,
} from './common';
import type { ImportResult, ImportedRow, ImportedTable } from './types';
import { readAreaCell } from './xlsx-scb';
import { yearColumnsWarning, yearOutOfRange, yearRangeError, yearRangeWarning } from './year-range';

// Header names, folded by foldName (so "Område", "omrade" and "område_kod" all match).
// Code-like names come first: a file with both "kommunkod" and "kommun" uses the code.
const AREA_NAMES = [
  'kod', 'code', 'desokod', 'regsokod', 'kommunkod', 'omradeskod', 'omradekod', 'regionkod', 'lanskod', 'lankod',
  'areacode', 'geo', 'deso', 'regso', 'omrade', 'kommun', 'region', 'area',
];
const YEAR_NAMES = ['ar', 'year', 'time', 'period', 'tid'];
const VALUE_NAMES = ['varde', 'value', 'values', 'obsvalue'];
const INDICATOR_NAMES = ['indikator', 'indicator', 'kpi', 'measure', 'matt', 'variabel', 'tabellinnehall'];
const NAME_NAMES = ['namn', 'name', 'omradesnamn', 'omradenamn', 'kommunnamn', 'desonamn', 'regsonamn', 'lansnamn'];
const YEAR_HEADER = /^(19|20)\d{2}$/;

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

function findColumn(folded: readonly string[], names: readonly string[], taken: ReadonlySet<number>): number {
  for (const name of names) {
    const i = folded.findIndex((h, k) => h === name && !taken.has(k));
    if (i >= 0) return i;
  }
  return -1;
}

/** Splits CSV text into records without blank lines, each with its 1-based line number. */
export function csvRecords(text: string, separator: string): { cells: string[]; line: number }[] {
  return parseCsv(text, separator)
    .map((cells, i) => ({ cells, line: i + 1 }))
    .filter((r) => r.cells.some((c) => c.trim() !== ''));
}

/** One value column of the table: where it is, which measure and (for wide tables) which year. */
interface ValueColumn {
  index: number;
  measure: string;
  year: number | null;
}

/** Parses a CSV/TSV table (text already decoded). Never throws. */
export function parseCsvTable(text: string, fileName: string, onRow?: (done: number, total: number) => void): ImportResult {
  return guarded(fileName, 'bad-number', () => parseCsvTableUnguarded(text, fileName, onRow));
}

function parseCsvTableUnguarded(text: string, fileName: string, onRow?: (done: number, total: number) => void): ImportResult {
  const separator = detectSeparator(text);
  const records = csvRecords(text, separator);
  const header = records[0];
  if (!header) return noRows(fileName);
  const names = header.cells.map((h) => h.trim());
  const folded = names.map(foldName);
  const taken = new Set<number>();
  const take = (i: number): number => {
    if (i >= 0) taken.add(i);
    return i;
  };
  const yearHeaders = folded.flatMap((h, i) => (YEAR_HEADER.test(h) ? [i] : []));
  yearHeaders.forEach((i) => taken.add(i));
  let areaCol = take(findColumn(folded, AREA_NAMES, taken));
  // An unnamed first column is the area column of a table exported with row labels.
  if (areaCol < 0 && folded[0] === '' && names.length > 1) areaCol = take(0);
  if (areaCol < 0) {
    return importError(
      'no-area-column',
      fileName,
      msg(
        `Rad 1: ingen kolumn med områdeskoder (t.ex. "kod", "område", "desokod", "kommun"). Rubriker: ${names.join(', ')}.`,
        `Line 1: no column with area codes (e.g. "code", "kod", "desokod", "region"). Headers: ${names.join(', ')}.`,
      ),
      '1',
    );
  }
  const nameCol = take(findColumn(folded, NAME_NAMES, taken));
  const yearCol = yearHeaders.length > 0 ? -1 : take(findColumn(folded, YEAR_NAMES, taken));
  if (yearCol < 0 && yearHeaders.length === 0) {
    return importError(
      'no-year',
      fileName,
      msg(
        'Rad 1: ingen årskolumn ("år", "year") och inga kolumner med år som rubrik ("2015", "2016", …).',
        'Line 1: no year column ("year", "år") and no columns headed by a year ("2015", "2016", …).',
      ),
      '1',
    );
  }
  const warnings: Localized[] = [];
  const wide = yearHeaders.length > 0;
  let indicatorCol = -1;
  let columns: ValueColumn[];
  if (wide) {
    columns = yearHeaders.map((i) => ({ index: i, measure: 'value', year: readYear(names[i]) }));
  } else {
    indicatorCol = take(findColumn(folded, INDICATOR_NAMES, taken));
    const valueCol = take(findColumn(folded, VALUE_NAMES, taken));
    // Without a "value" column every remaining column is a measure (`code,year,income,rent`).
    const rest = valueCol >= 0 ? [valueCol] : names.flatMap((_, i) => (taken.has(i) ? [] : [i]));
    columns = rest.map((i) => ({ index: i, measure: valueCol >= 0 ? 'value' : names[i] || `col${i + 1}`, year: null }));
  }
  if (columns.length === 0) {
    return importError(
      'no-rows',
      fileName,
      msg('Rad 1: ingen kolumn med värden ("värde", "value").', 'Line 1: no column with values ("value", "värde").'),
      '1',
    );
  }
  const outsideYears = wide ? names.flatMap((n, i) => (taken.has(i) || yearOutOfRange(n) === null ? [] : [Number(n)])) : [];
  if (outsideYears.length > 0) warnings.push(yearColumnsWarning(outsideYears));
  const ignored = names.filter((n, i) => wide && !taken.has(i) && n !== '' && yearOutOfRange(n) === null);
  if (ignored.length > 0) {
    warnings.push(msg(`Kolumnerna ${ignored.join(', ')} lästes inte.`, `The columns ${ignored.join(', ')} were not read.`));
  }

  const rows: ImportedRow[] = [];
  const noYear: number[] = [];
  const outsideRange: { at: string; year: number }[] = [];
  const noCode: number[] = [];
  const body = records.slice(1);
  for (const [i, { cells, line }] of body.entries()) {
    onRow?.(i + 1, body.length);
    let code = (cells[areaCol] ?? '').trim();
    if (code === '') {
      noCode.push(line);
      continue;
    }
    let name = nameCol >= 0 ? (cells[nameCol] ?? '').trim() : '';
    // SCB's own CSV exports write "0114 Upplands Väsby" in one cell.
    const combined = nameCol < 0 ? readAreaCell(code) : null;
    if (combined?.name) [code, name] = [combined.code, combined.name];
    const rowYear = yearCol >= 0 ? readYear(cells[yearCol]) : null;
    if (!wide && rowYear === null) {
      const outside = yearOutOfRange(cells[yearCol]);
      if (outside === null) noYear.push(line);
      else outsideRange.push({ at: String(line), year: outside });
      continue;
    }
    const indicator = indicatorCol >= 0 ? (cells[indicatorCol] ?? '').trim() : '';
    for (const col of columns) {
      const raw = cells[col.index] ?? '';
      const cell = readCell(raw);
      if ('bad' in cell) return badNumber(fileName, raw, String(line), 'line');
      const year = col.year ?? rowYear ?? 0;
      rows.push(makeRow(code, year, cell, { name, measure: indicator || col.measure, at: String(line) }));
    }
  }
  if (noYear.length > 0) warnings.push(skippedWarning(noYear.length, `${noYear[0]}`, 'utan år', 'without a year'));
  if (outsideRange[0]) warnings.push(yearRangeWarning(outsideRange.length, outsideRange[0]));
  if (noCode.length > 0) warnings.push(skippedWarning(noCode.length, `${noCode[0]}`, 'utan områdeskod', 'without an area code'));
  if (rows.length === 0) return outsideRange[0] ? yearRangeError(fileName, outsideRange[0]) : noRows(fileName);
  const measureIds = [...new Set(rows.map((r) => r.measure ?? 'value'))];
  const label = (id: string): string => {
    if (id !== 'value') return id;
    return wide ? 'value' : names[columns[0]?.index ?? 0] || id;
  };
  const table: ImportedTable = {
    kind: 'table',
    format: wide ? 'csv-wide' : 'csv-long',
    fileName,
    measures: measureIds.map((id) => ({ id, label: label(id) })),
    rows,
    warnings,
  };
  return table;
}
