/**
 * Joining a table's area codes to a level's geometry codes.
 * Pure: used by the data build and reusable in the browser (e.g. for user-loaded tables).
 */

/** Outcome of joining source codes to geometry codes. Lists are sorted and free of repeats. */
export interface CodeJoin {
  /** Codes present in both. */
  matched: string[];
  /** Source codes with no geometry. */
  unmatchedSource: string[];
  /** Geometry codes with no source row. */
  unmatchedGeometry: string[];
  /** Codes that occur more than once in the source. */
  duplicates: string[];
}

/**
 * Normalises an area code as written in tables: trims, drops a leading apostrophe (Excel text
 * marker), upper-cases letters and restores the leading zero of 3-digit kommun codes ("114" → "0114").
 */
export function normalizeCode(raw: string | number): string {
  let code = String(raw).trim().replace(/^'/, '').toUpperCase();
  if (/^\d{3}$/.test(code)) code = `0${code}`;
  if (/^\d{3}[A-Z]\d{4}$/.test(code)) code = `0${code}`;
  return code;
}

const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Joins source codes (one per row, repeats allowed) to geometry codes (unique). */
export function joinByCode(sourceCodes: Iterable<string>, geometryCodes: Iterable<string>): CodeJoin {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const code of sourceCodes) {
    if (seen.has(code)) duplicates.add(code);
    seen.add(code);
  }
  const geometry = new Set(geometryCodes);
  const matched: string[] = [];
  const unmatchedSource: string[] = [];
  for (const code of seen) (geometry.has(code) ? matched : unmatchedSource).push(code);
  const unmatchedGeometry = [...geometry].filter((code) => !seen.has(code));
  return {
    matched: matched.sort(byCode),
    unmatchedSource: unmatchedSource.sort(byCode),
    unmatchedGeometry: unmatchedGeometry.sort(byCode),
    duplicates: [...duplicates].sort(byCode),
  };
}
