/**
 * The years an import accepts, and what to say about a year outside them. A row dated 1850 is
 * not a row "without a year": the message names the year and the accepted range. Every parser
 * (CSV, SCB .xlsx, PxWeb, JSON-stat, Kolada, DDF) says it in the same words.
 */
import type { Localized } from '../data/types';
import { importError, msg } from './common';
import type { ImportError } from './types';

/** The years readYear (common.ts) accepts: four digits, 1900–2099. */
export const YEAR_RANGE = { min: 1900, max: 2099 } as const;

const RANGE = `${YEAR_RANGE.min}–${YEAR_RANGE.max}`;

/**
 * What a parser skips and how it names the place: a line of a text table (or a spreadsheet row),
 * a cell of a dataset, or an item of a JSON response (named by its path).
 */
export type YearPlace = 'line' | 'cell' | 'item';

/** The first place skipped for its year, and that year. */
export interface OutsideYear {
  at: string;
  year: number;
}

/** A whole number written like a year (3–4 digits) that lies outside YEAR_RANGE, else null. */
export function yearOutOfRange(raw: string | number | null | undefined): number | null {
  if (raw === null || raw === undefined) return null;
  const text = String(raw).trim();
  if (!/^\d{3,4}$/.test(text)) return null;
  const year = Number(text);
  return year < YEAR_RANGE.min || year > YEAR_RANGE.max ? year : null;
}

const NOUNS: Record<YearPlace, { sv: [string, string]; en: [string, string] }> = {
  line: { sv: ['rad har ett år', 'rader har år'], en: ['row has a year', 'rows have years'] },
  cell: { sv: ['cell har ett år', 'celler har år'], en: ['cell has a year', 'cells have years'] },
  item: { sv: ['post har ett år', 'poster har år'], en: ['item has a year', 'items have years'] },
};

function where(place: YearPlace, at: string): Localized {
  return place === 'line' ? msg(`rad ${at}`, `line ${at}`) : place === 'cell' ? msg(`cell ${at}`, `cell ${at}`) : msg(at, at);
}

/** The warning for places skipped because their year is outside the range, naming the first. */
export function yearRangeWarning(count: number, first: OutsideYear, place: YearPlace = 'line'): Localized {
  const one = count === 1 ? 0 : 1;
  const at = where(place, first.at);
  return msg(
    `${count} ${NOUNS[place].sv[one]} utanför det godtagna intervallet ${RANGE} och hoppades över (första: ${at.sv}, år ${first.year}).`,
    `${count} ${NOUNS[place].en[one]} outside the accepted range ${RANGE} and ${count === 1 ? 'was' : 'were'} skipped (first: ${at.en}, year ${first.year}).`,
  );
}

/** The error when every year in the file is outside the range. */
export function yearRangeError(fileName: string, first: OutsideYear, place: YearPlace = 'line'): ImportError {
  const at = where(place, first.at);
  const on = place === 'line' ? msg('på', 'on') : place === 'cell' ? msg('i', 'in') : msg('vid', 'at');
  return importError(
    'no-year',
    fileName,
    msg(
      `Alla år i filen ligger utanför det godtagna intervallet ${RANGE} (t.ex. ${first.year} ${on.sv} ${at.sv}).`,
      `Every year in the file is outside the accepted range ${RANGE} (e.g. ${first.year} ${on.en} ${at.en}).`,
    ),
    first.at,
  );
}

/** The warning for columns headed by a year outside the range (a wide table), which were not read. */
export function yearColumnsWarning(columns: readonly (string | number)[]): Localized {
  const list = columns.join(', ');
  return msg(
    `Kolumnerna ${list} har år utanför det godtagna intervallet ${RANGE} och lästes inte.`,
    `The columns ${list} have years outside the accepted range ${RANGE} and were not read.`,
  );
}

/**
 * Counts the places a parser skips because their year is outside the range, for one warning
 * (or, when nothing else was read, one error) at the end.
 */
export class OutsideYears {
  private count = 0;
  private firstSkipped: OutsideYear | undefined;

  /** @param place how the parser names a place (line, cell or item). */
  constructor(private readonly place: YearPlace = 'line') {}

  /** Notes the place `at` when `raw` is a year outside the range; true when it was (the caller skips it). */
  note(raw: string | number | null | undefined, at: string): boolean {
    const year = yearOutOfRange(raw);
    if (year === null) return false;
    this.count++;
    this.firstSkipped ??= { at, year };
    return true;
  }

  /** The warning naming the range and the first place, or none. */
  warnings(): Localized[] {
    return this.firstSkipped ? [yearRangeWarning(this.count, this.firstSkipped, this.place)] : [];
  }

  /** The error for a file whose every year was outside the range, or null when none was. */
  error(fileName: string): ImportError | null {
    return this.firstSkipped ? yearRangeError(fileName, this.firstSkipped, this.place) : null;
  }
}
