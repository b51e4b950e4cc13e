/**
 * Shared pieces of the import parsers: bilingual messages, typed errors, and reading one cell
 * into a value and a status. Pure; runs in a Web Worker.
 */
import type { Localized } from '../data/types';
import type { ImportError, ImportResult, ImportedRow, ValueStatus } from './types';

/** A message in both languages. */
export function msg(sv: string, en: string): Localized {
  return { sv, en };
}

/** Builds an ImportError; the location (if any) is already part of the message. */
export function importError(code: ImportError['code'], fileName: string, message: Localized, at?: string): ImportError {
  return at === undefined ? { kind: 'error', code, fileName, message } : { kind: 'error', code, fileName, at, message };
}

/**
 * Runs a parser and turns anything it throws into an ImportError with the given code, so a bug
 * or a pathological file shows up as a message rather than a dead worker.
 */
export function guarded(fileName: string, code: ImportError['code'], parse: () => ImportResult): ImportResult {
  try {
    return parse();
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return importError(code, fileName, msg(`Filen ${fileName} kunde inte läsas: ${detail}`, `The file ${fileName} could not be read: ${detail}`));
  }
}

/** A cell read as a value: a number, or null with the reason; 'bad' when the text is not a number. */
export type CellValue = { value: number | null; status: ValueStatus } | { bad: string };

// Markers statistics offices write instead of a number: ".." not available / confidential,
// "." nothing to report, "-" / "–" zero or none, "x" suppressed. None of them is a usable value.
const SUPPRESSED = new Set(['..', '...', '…', '.', '-', '–', '—', 'x', 'X']);

// Spaces inside a number are thousands separators ("12 345", with a no-break or narrow space too).
const THOUSANDS = /(\d)[ \u00a0\u202f](?=\d{3}(?:\D|$))/g;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Reads a number written as text: decimal point or decimal comma ("12,5"), spaces as thousands
 * separators, a Unicode minus. When both "." and "," occur, the later one is the decimal mark.
 */
export function parseNumberText(raw: string): number | null {
  let s = raw.trim().replace(/\u2212/g, '-');
  for (let prev = ''; prev !== s;) {
    prev = s;
    s = s.replace(THOUSANDS, '$1');
  }
  const comma = s.lastIndexOf(',');
  const dot = s.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) s = comma > dot ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  else if (comma >= 0) {
    if (s.indexOf(',') !== comma) return null;
    s = s.replace(',', '.');
  }
  if (!PLAIN_NUMBER.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** Reads one cell (text or a sheet number) into a value and its status. */
export function readCell(raw: string | number | null | undefined): CellValue {
  if (raw === null || raw === undefined) return { value: null, status: 'missing' };
  if (typeof raw === 'number') return Number.isFinite(raw) ? { value: raw, status: 'ok' } : { bad: String(raw) };
  const text = raw.trim();
  if (text === '') return { value: null, status: 'missing' };
  if (SUPPRESSED.has(text)) return { value: null, status: 'suppressed' };
  const n = parseNumberText(text);
  return n === null ? { bad: raw } : { value: n, status: 'ok' };
}

/** The error for a cell that is not a number, located by a line ("7") or a cell ("B7"). */
export function badNumber(fileName: string, raw: string, at: string, kind: 'line' | 'cell' | 'path'): ImportError {
  const where = {
    line: msg(`Rad ${at}`, `Line ${at}`),
    cell: msg(`Cell ${at}`, `Cell ${at}`),
    path: msg(`Vid ${at}`, `At ${at}`),
  }[kind];
  return importError('bad-number', fileName, msg(`${where.sv}: värdet "${raw}" är inget tal.`, `${where.en}: the value "${raw}" is not a number.`), at);
}

/** A four-digit year 1900–2099 from text or a number, or null. */
export function readYear(raw: string | number | null | undefined): number | null {
  if (raw === null || raw === undefined) return null;
  const text = String(raw).trim();
  return /^(19|20)\d{2}$/.test(text) ? Number(text) : null;
}

/** A header name folded for matching: lower case, no diacritics, letters and digits only. */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** A table's name from its file: the file name without its extension. */
export function fileStem(fileName: string): string {
  return fileName.replace(/\.[^.]+$/, '').trim() || fileName;
}

/** The error for a table without any row. */
export function noRows(fileName: string): ImportError {
  return importError('no-rows', fileName, msg('Filen innehåller inga datarader.', 'The file contains no data rows.'));
}

/** A warning that some rows were skipped, naming the first one. */
export function skippedWarning(count: number, first: string, sv: string, en: string): Localized {
  return msg(
    `${count} ${count === 1 ? 'rad' : 'rader'} ${sv} hoppades över (första: ${first}).`,
    `${count} ${count === 1 ? 'row' : 'rows'} ${en} ${count === 1 ? 'was' : 'were'} skipped (first: ${first}).`,
  );
}

/** Adds a row, leaving out the optional fields that are absent (keeps rows small and comparable). */
export function makeRow(
  code: string,
  year: number,
  cell: { value: number | null; status: ValueStatus },
  extra: { name?: string; measure?: string; at?: string },
): ImportedRow {
  const row: ImportedRow = { code, year, value: cell.value, status: cell.status };
  if (extra.name) row.name = extra.name;
  if (extra.measure !== undefined) row.measure = extra.measure;
  if (extra.at !== undefined) row.at = extra.at;
  return row;
}
