/**
 * Area keys as files write them, read into the forms a division's codes and names take: codes that
 * lost a leading zero or gained spaces, SCB's version suffixes, and names such as "Kommun (Område)"
 * or "Område, Kommun". Pure; runs in the import worker.
 */

// SCB's PxWeb v2 writes DeSO/RegSO 2025 codes with a version suffix ("1480C1622_DeSO2025").
const VERSION_SUFFIX = /_(DESO|REGSO)\d{4}$/;
// DeSO ("0114C1010") and RegSO ("0114R001") codes whose kommun part lost its leading zero.
const SHORT_SCB_CODE = /^\d{3}([A-C]\d{4}|R\d{3})$/;

/**
 * A code as written, tidied: trimmed, without Excel's leading apostrophe, inner whitespace
 * ("1480 C1010") or SCB's version suffix, upper-cased; a spreadsheet's "114.0" becomes "114".
 */
export function tidyCode(raw: string): string {
  let code = raw.trim().replace(/^'/, '').replace(/\s+/g, '').toUpperCase().replace(VERSION_SUFFIX, '');
  if (/^\d+\.0+$/.test(code)) code = code.replace(/\.0+$/, '');
  return code;
}

/**
 * A code in a division's form: tidied, digits padded with zeros to the division's `width` when it
 * has one ("114" → "0114" for kommuner, "1" → "01" for län), and DeSO/RegSO codes given back their
 * kommun's leading zero ("180C1010" → "0180C1010").
 */
export function codeFor(raw: string, width: number | null): string {
  const code = tidyCode(raw);
  if (width !== null && /^\d+$/.test(code) && code.length < width) return code.padStart(width, '0');
  return SHORT_SCB_CODE.test(code) ? `0${code}` : code;
}

/** The width shared by codes that are all digits ("0114", "1480" → 4), or null. */
export function digitWidth(codes: readonly string[]): number | null {
  const first = codes[0];
  if (first === undefined || !/^\d+$/.test(first)) return null;
  return codes.every((c) => c.length === first.length && /^\d+$/.test(c)) ? first.length : null;
}

/**
 * Folds a name for matching: case, diacritics (å→a, ä→a, ö→o, é→e), punctuation and spacing;
 * a trailing "kommun", "stad" or "län" is dropped ("Göteborgs Stad" → "goteborgs"). With
 * `keepDiacritics`, "Håbo" and "Habo" stay two names.
 */
export function foldName(name: string, keepDiacritics = false): string {
  const base = keepDiacritics ? name.normalize('NFC') : name.normalize('NFD').replace(/\p{M}/gu, '');
  const folded = base
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return folded.replace(/(.) (kommun|stad|lan|län)$/, '$1');
}

/** A folded name without a genitive s ("goteborgs" → "goteborg", from "Göteborgs kommun"), or null. */
export function withoutGenitive(folded: string): string | null {
  return folded.length > 3 && folded.endsWith('s') ? folded.slice(0, -1) : null;
}

/** One way of reading a name cell: the area's folded name and the folded kommun that qualifies it, if any. */
export interface NameReading {
  area: string;
  qualifier?: string;
}

const PARENS = /^(.+?)\s*\(([^()]+)\)\s*$/;
const COMMA = /^([^,]+),\s*([^,]+)$/;

/**
 * The readings of a name cell, most literal first: the whole name; for "A (B)" and "A, B" also A
 * qualified by B and B qualified by A. SCB writes RegSO as "Göteborg (Hammarkullen)", others write
 * "Hammarkullen, Göteborg"; which part is the kommun is decided by the division's names. Folded as
 * foldName (with `keepDiacritics`).
 */
export function nameReadings(raw: string, keepDiacritics = false): NameReading[] {
  const fold = (text: string) => foldName(text, keepDiacritics);
  const whole = fold(raw);
  if (whole === '') return [];
  const readings: NameReading[] = [{ area: whole }];
  const m = PARENS.exec(raw.trim()) ?? COMMA.exec(raw.trim());
  const a = m?.[1] ? fold(m[1]) : '';
  const b = m?.[2] ? fold(m[2]) : '';
  if (a && b) readings.push({ area: b, qualifier: a }, { area: a, qualifier: b });
  return readings;
}

/** The code in a name cell written "Name (code)" ("Södra Skärgården (1480A0010)"), or null. */
export function codeInName(raw: string): string | null {
  const inner = PARENS.exec(raw.trim())?.[2]?.trim() ?? '';
  return /\d/.test(inner) && /^[\dA-Za-z]+$/.test(inner) ? inner : null;
}
