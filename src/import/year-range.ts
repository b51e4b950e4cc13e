/**
 * The years an import accepts, and what to say about a year outside them. A row dated 1850 is
 * not a row "without a year": the message names the year and the accepted range.
 */
import type { Localized } from '../data/types';
import { importError, msg } from './common';
import type { ImportError } from './types';

/** The years readYear (common.ts) accepts: four digits, 1900–2099. */
export const YEAR_RANGE = { min: 1900, max: 2099 } as const;

const RANGE = `${YEAR_RANGE.min}–${YEAR_RANGE.max}`;

/** A whole number written like a year (3–4 digits) that lies outside YEAR_RANGE, else null. */
export function yearOutOfRange(raw: string | number | null | undefined): number | null {
  if (raw === null || raw === undefined) return null;
  const text = String(raw).trim();
  if (!/^\d{3,4}$/.test(text)) return null;
  const year = Number(text);
  return year < YEAR_RANGE.min || year > YEAR_RANGE.max ? year : null;
}

/** The warning for rows skipped because their year is outside the range, naming the first. */
export function yearRangeWarning(count: number, first: { at: string; year: number }): Localized {
  return msg(
    `${count} ${count === 1 ? 'rad har ett år' : 'rader har år'} utanför det godtagna intervallet ${RANGE} och hoppades över (första: rad ${first.at}, år ${first.year}).`,
    `${count} ${count === 1 ? 'row has a year' : 'rows have years'} outside the accepted range ${RANGE} and ${count === 1 ? 'was' : 'were'} skipped (first: line ${first.at}, year ${first.year}).`,
  );
}

/** The error when every row's year is outside the range. */
export function yearRangeError(fileName: string, first: { at: string; year: number }): ImportError {
  return importError(
    'no-year',
    fileName,
    msg(
      `Alla år i filen ligger utanför det godtagna intervallet ${RANGE} (t.ex. ${first.year} på rad ${first.at}).`,
      `Every year in the file is outside the accepted range ${RANGE} (e.g. ${first.year} on line ${first.at}).`,
    ),
    first.at,
  );
}

/** The warning for columns headed by a year outside the range (a wide table), which were not read. */
export function yearColumnsWarning(years: readonly number[]): Localized {
  const list = years.join(', ');
  return msg(
    `Kolumnerna ${list} har år utanför det godtagna intervallet ${RANGE} och lästes inte.`,
    `The columns ${list} have years outside the accepted range ${RANGE} and were not read.`,
  );
}
