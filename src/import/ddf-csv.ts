/**
 * Gapminder DDF datapoints (`geo,year,<indicator>` or `geo,time,<indicator>`), as published for
 * Kolada. Further key columns (e.g. `gender`) split an indicator into one measure per key value.
 * Key columns come from the file name (`ddf--datapoints--n00905--by--geo--gender--year.csv`)
 * and otherwise are the columns whose values are not numbers.
 */
import type { Localized } from '../data/types';
import { badNumber, foldName, guarded, importError, makeRow, msg, noRows, readCell, readYear, skippedWarning } from './common';
import { csvRecords } from './csv-table';
import type { ImportResult, ImportedRow } from './types';
import { OutsideYears } from './year-range';

/** Key columns named by a DDF file name, or null when the name does not follow DDF. */
export function ddfKeysOfFileName(fileName: string): string[] | null {
  const m = /--by--(.+?)(?:\.csv)?$/i.exec(fileName);
  return m?.[1] ? m[1].split('--').map((k) => k.trim().toLowerCase()) : null;
}

/** Whether a header row is a DDF datapoints header: it starts with `geo` and has `year` or `time`. */
export function isDdfHeader(cells: readonly string[]): boolean {
  const folded = cells.map(foldName);
  return folded[0] === 'geo' && (folded.includes('year') || folded.includes('time'));
}

/** Parses a DDF datapoints CSV (text already decoded). Never throws. */
export function parseDdfCsv(text: string, fileName: string): ImportResult {
  return guarded(fileName, 'bad-number', () => parseUnguarded(text, fileName));
}

function parseUnguarded(text: string, fileName: string): ImportResult {
  const records = csvRecords(text, ',');
  const header = records[0];
  if (!header) return noRows(fileName);
  const names = header.cells.map((h) => h.trim());
  const folded = names.map((n) => n.toLowerCase());
  const geoCol = folded.indexOf('geo');
  if (geoCol < 0) {
    return importError('no-area-column', fileName, msg('Rad 1: kolumnen "geo" saknas.', 'Line 1: the column "geo" is missing.'), '1');
  }
  const timeCol = folded.includes('year') ? folded.indexOf('year') : folded.indexOf('time');
  if (timeCol < 0) {
    return importError('no-year', fileName, msg('Rad 1: kolumnen "year" eller "time" saknas.', 'Line 1: the column "year" or "time" is missing.'), '1');
  }
  const body = records.slice(1);
  const namedKeys = ddfKeysOfFileName(fileName);
  const isKey = (i: number): boolean => {
    if (i === geoCol || i === timeCol) return true;
    if (namedKeys) return namedKeys.includes(folded[i] ?? '');
    // A column whose filled cells are all non-numbers is a key (gender "k"/"m", age "0-4").
    const filled = body.map((r) => (r.cells[i] ?? '').trim()).filter((s) => s !== '');
    return filled.length > 0 && filled.every((s) => 'bad' in readCell(s) || /^\d+-\d+$/.test(s));
  };
  const keyCols = names.flatMap((_, i) => (i !== geoCol && i !== timeCol && isKey(i) ? [i] : []));
  const indicatorCols = names.flatMap((_, i) => (isKey(i) ? [] : [i]));
  if (indicatorCols.length === 0) {
    return importError('no-rows', fileName, msg('Rad 1: ingen indikatorkolumn.', 'Line 1: no indicator column.'), '1');
  }
  const rows: ImportedRow[] = [];
  const noYear: number[] = [];
  const outside = new OutsideYears('line');
  for (const { cells, line } of body) {
    const code = (cells[geoCol] ?? '').trim();
    const year = readYear(cells[timeCol]);
    if (year === null || code === '') {
      // A year outside 1900–2099 ("1850") is named with the range, not as "without a year".
      if (code === '' || !outside.note(cells[timeCol], String(line))) noYear.push(line);
      continue;
    }
    const keys = keyCols.map((k) => `${names[k]}: ${(cells[k] ?? '').trim()}`);
    for (const i of indicatorCols) {
      const raw = cells[i] ?? '';
      const cell = readCell(raw);
      if ('bad' in cell) return badNumber(fileName, raw, String(line), 'line');
      const measure = keys.length > 0 ? `${names[i]} (${keys.join(', ')})` : (names[i] ?? '');
      rows.push(makeRow(code, year, cell, { measure, at: String(line) }));
    }
  }
  const warnings: Localized[] = outside.warnings();
  if (noYear.length > 0) warnings.push(skippedWarning(noYear.length, `${noYear[0]}`, 'utan geo eller år', 'without geo or year'));
  if (rows.length === 0) return (noYear.length === 0 ? outside.error(fileName) : null) ?? noRows(fileName);
  const measureIds = [...new Set(rows.map((r) => r.measure ?? ''))];
  return {
    kind: 'table',
    format: 'ddf-csv',
    fileName,
    measures: measureIds.map((id) => ({ id, label: id })),
    rows,
    warnings,
  };
}
