/**
 * Which column of a CSV table is which, read from the values rather than the headers: a column
 * whose values are a division's codes (once normalised) is the area key whatever it is called
 * (`municip_code`, `Region`, `geo`); one whose values are a division's names is the name column;
 * `year`/`år`/`period` or a column of years is the year. Headers decide only where the values
 * cannot. Pure; runs in the import worker.
 */
import { codeFor } from './area-keys';
import type { Division } from './code-catalogue';
import { foldName, readCell, readYear } from './common';
import type { IndexedDivision } from './detect-division';
import { readAreaCell } from './xlsx-scb';

/** A CSV table split into its header and records (blank lines dropped). */
export interface CsvGrid {
  header: string[];
  records: { cells: string[]; line: number }[];
}

/** Which columns hold the area code, the area name and the year (-1: none; a wide table has its years as headers). */
export interface ColumnRoles {
  code: number;
  name: number;
  year: number;
}

/** What the values of one column look like. */
export interface ColumnProfile {
  index: number;
  header: string;
  /** Distinct non-empty values among the records profiled. */
  distinct: number;
  /** Non-empty cells that read as numbers (or statistics markers such as ".."), and those that do not. */
  numbers: number;
  texts: number;
  /** Every non-empty cell is a year 1900–2099. */
  years: boolean;
  /** Every distinct value has at most two characters ("1", "14"): small numbers as much as codes. */
  short: boolean;
  /** The division whose codes most distinct values are, and how many are ('shape': DeSO/RegSO-shaped codes the catalogue does not list). */
  codes: { division: Division['id'] | 'shape'; matched: number } | null;
  /** The division whose names most distinct values are, and how many are. */
  names: { division: Division['id']; matched: number } | null;
}

// Enough records to see every DeSO of Sweden once; the join itself reads every record.
const PROFILE_RECORDS = 20_000;
const SCB_SHAPE = /^\d{4}([A-C]\d{4}|R\d{3})$/;
const YEAR_HEADER = /^(19|20)\d{2}$/;

// Header names, folded by common.foldName. Code-like names come first.
const AREA_NAMES = [
  'kod',
  'code',
  'desokod',
  'regsokod',
  'kommunkod',
  'omradeskod',
  'omradekod',
  'regionkod',
  'lanskod',
  'lankod',
  'areacode',
  'geo',
  'deso',
  'regso',
  'omrade',
  'kommun',
  'region',
  'area',
];
const NAME_NAMES = ['namn', 'name', 'omradesnamn', 'omradenamn', 'kommunnamn', 'desonamn', 'regsonamn', 'lansnamn'];
const YEAR_NAMES = ['ar', 'year', 'time', 'period', 'tid', 'artal', 'years'];
/** A header that names a code of some division (`county_code`, `lan`): such a column is a key, never a measure. */
const CODE_HINT = /kod|code|region|county|kommun|municip|deso|regso|geo|omrade|lan$|^lan/;

/** The year a header names and the rest of it: "2015" → 2015, ""; "Folkmängd 2023" → 2023, "Folkmängd"; "pop_2021" → 2021, "pop". */
export function yearInHeader(header: string): { year: number; stem: string } | null {
  const found = [...header.matchAll(/(?<!\d)(?:19|20)\d{2}(?!\d)/g)];
  const m = found[0];
  if (found.length !== 1 || m === undefined) return null;
  const rest = `${header.slice(0, m.index)} ${header.slice(m.index + 4)}`;
  return { year: Number(m[0]), stem: rest.replace(/\s+/g, ' ').replace(/^[\s_\-–,:;]+|[\s_\-–,:;]+$/g, '') };
}

/** Columns whose header names a year ("2015", "Folkmängd 2023") and whose values are numbers: a wide table's values. */
export function yearValueColumns(
  header: readonly string[],
  profiles: readonly ColumnProfile[],
  taken: ReadonlySet<number>,
): { index: number; year: number; stem: string }[] {
  return header.flatMap((h, index) => {
    const named = taken.has(index) ? null : yearInHeader(h);
    const p = profiles[index];
    return named && (!p || p.numbers >= p.texts) ? [{ index, ...named }] : [];
  });
}

/** Profiles every column: numbers or text, years, and the divisions its codes and names belong to. */
export function profileColumns(grid: CsvGrid, divisions: readonly IndexedDivision[]): ColumnProfile[] {
  const records = grid.records.slice(0, PROFILE_RECORDS);
  return grid.header.map((header, index) => {
    const distinct = new Set<string>();
    let numbers = 0;
    let texts = 0;
    let years = true;
    for (const { cells } of records) {
      const raw = (cells[index] ?? '').trim();
      if (raw === '') continue;
      distinct.add(raw);
      if ('bad' in readCell(raw)) texts++;
      else numbers++;
      if (years && readYear(raw) === null) years = false;
    }
    const values = [...distinct];
    const short = values.every((v) => v.length <= 2);
    const profile: ColumnProfile = {
      index,
      header,
      distinct: values.length,
      numbers,
      texts,
      years: years && values.length > 0,
      short,
      codes: null,
      names: null,
    };
    // Decimals are never codes: skip matching measure columns.
    if (values.length === 0 || values.some((v) => /^\d+[.,]\d*[1-9]/.test(v))) return profile;
    const codes = values.map((v) => readAreaCell(v)?.code ?? v);
    for (const d of divisions) {
      const byCode = codes.filter((c) => d.index.byCode(c) || d.index.byPrevious(c)).length;
      if (byCode > (profile.codes?.matched ?? 0)) profile.codes = { division: d.id, matched: byCode };
      if (texts === 0) continue;
      const byName = values.filter((v) => d.index.byName('', v) !== undefined).length;
      if (byName > (profile.names?.matched ?? 0)) profile.names = { division: d.id, matched: byName };
    }
    if (!profile.codes) {
      const shaped = codes.filter((c) => SCB_SHAPE.test(codeFor(c, null))).length;
      if (shaped > 0) profile.codes = { division: 'shape', matched: shaped };
    }
    return profile;
  });
}

/** Whether most of a column's distinct values are codes (or names) of one division. */
const mostly = (matched: number | undefined, distinct: number): boolean => matched !== undefined && matched > 0 && matched * 2 >= distinct;
const score = (matched: number, distinct: number): number => (matched * matched) / Math.max(1, distinct);

/** A header that names values, never keys. */
const VALUE_HINT = /^(varde|value|values|obsvalue|antal|andel|count|share)$/;

/**
 * How strongly a column is the area code: the number of its distinct values that are codes of one
 * division, weighed by their share (the finest key wins: `municip_code` over `county_code`), four
 * times over when its header names a code. A header that names values, or values of one or two
 * characters (Göteborg's stadsområden 1–4 are matched by any column of small numbers) without a
 * code-like header, count for nothing.
 */
function codeScore(p: ColumnProfile, header: string): number {
  if (!p.codes || !mostly(p.codes.matched, p.distinct) || VALUE_HINT.test(header)) return 0;
  const hint = CODE_HINT.test(header);
  if (!hint && p.short) return 0;
  return score(p.codes.matched, p.distinct) * (hint ? 4 : 1);
}

function best(profiles: readonly ColumnProfile[], value: (p: ColumnProfile) => number): number {
  let index = -1;
  let top = 0;
  for (const p of profiles) {
    const v = value(p);
    if (v > top) [index, top] = [p.index, v];
  }
  return index;
}

/**
 * The roles the values suggest: the year column (by header, else a column of years); the code
 * column with the most distinct values that are codes of one division (the finest key); the name
 * column with the most values that are names. Headers are the fallback when values tell nothing.
 * Without a year column, columns headed by a year ("2015", "Folkmängd 2023") make the table wide.
 */
export function guessRoles(header: readonly string[], profiles: readonly ColumnProfile[]): ColumnRoles {
  const folded = header.map(foldName);
  const byHeader = (names: readonly string[], skip: ReadonlySet<number>): number => {
    for (const name of names) {
      const i = folded.findIndex((h, k) => h === name && !skip.has(k));
      if (i >= 0) return i;
    }
    return -1;
  };
  // Columns headed by a year alone hold values of that year, never a key.
  const taken = new Set(header.flatMap((h, i) => (YEAR_HEADER.test(h.trim()) ? [i] : [])));
  let year = byHeader(YEAR_NAMES, taken);
  if (year < 0) year = profiles.find((p) => !taken.has(p.index) && p.years && p.distinct <= 200 && !CODE_HINT.test(folded[p.index] ?? ''))?.index ?? -1;
  if (year >= 0) taken.add(year);
  const free = profiles.filter((p) => !taken.has(p.index));
  let code = best(free, (p) => codeScore(p, folded[p.index] ?? ''));
  if (code < 0) code = byHeader(AREA_NAMES, taken);
  if (code >= 0) taken.add(code);
  let name = best(
    free.filter((p) => !taken.has(p.index)),
    (p) => (p.names && mostly(p.names.matched, p.distinct) ? score(p.names.matched, p.distinct) : 0),
  );
  if (name < 0) name = byHeader(NAME_NAMES, taken);
  // A code column found by its header but holding names only ("Område: Göteborg (Hammarkullen)") is the name column.
  const codeProfile = profiles[code];
  if (code >= 0 && name < 0 && codeProfile && !codeProfile.codes && codeProfile.names && mostly(codeProfile.names.matched, codeProfile.distinct)) {
    [code, name] = [-1, code];
  }
  // An unnamed first column is the area column of a table exported with row labels.
  if (code < 0 && name < 0 && folded[0] === '' && header.length > 1) code = 0;
  return { code, name, year };
}

/** Columns that name codes of a division besides the key (`county_code` beside `municip_code`): keys, not measures. */
export function isSecondaryKey(profile: ColumnProfile): boolean {
  return Boolean(profile.codes && profile.codes.matched * 5 >= profile.distinct * 4 && CODE_HINT.test(foldName(profile.header)));
}
