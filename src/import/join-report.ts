/**
 * Joining an imported table to the current map level, with a report of what matched, how, and
 * what did not. Pure: runs in the browser's main thread or a worker, and in Node tests.
 */
import type { IndicatorValues, LevelId, MissingReason } from '../data/types';
import type { Lang } from '../format/number';
import type { ImportedTable, ValueStatus } from './types';

/** How a source row found its area on the map. */
export type MatchMethod = 'code' | 'normalised-code' | 'name';

/** Why a source row did not join. */
export type UnmatchedReason = 'outside-map' | 'unknown' | 'duplicate';

/** A level's areas as the join sees them (feature order). */
export interface JoinGeometry {
  codes: readonly string[];
  names: readonly string[];
}

export interface JoinOptions {
  /** Kommun code the map's area codes start with ("1480" for Göteborg's DeSO); none for all of Sweden. */
  levelRegion?: string;
  /** Also match rows by area name (diacritics and case folded) when their code does not match. */
  matchByName: boolean;
}

/** Values aligned to the map's codes: `values[yearIndex][codeIndex]`, null when missing. */
export interface JoinedValues {
  years: number[];
  codes: string[];
  values: (number | null)[][];
  missing: Record<string, MissingReason>;
}

/** A source row that joined. `row` indexes `table.rows`. */
export interface MatchedRow {
  code: string;
  row: number;
  method: MatchMethod;
}

/** A source area (one per distinct code) with no area on the map. */
export interface UnmatchedSource {
  code: string;
  name?: string;
  at?: string;
  /** Rows with this code. */
  rows: number;
}

/** The outcome of one source row, for the downloadable report. */
export interface RowOutcome {
  /** Index into `table.rows`. */
  row: number;
  /** The row's code, name, year, value and status as read. */
  code: string;
  name: string;
  year: number;
  value: number | null;
  status: ValueStatus;
  /** The map code it joined to, or '' */
  mapCode: string;
  method: MatchMethod | null;
  reason: UnmatchedReason | null;
}

/** The whole join report. */
export interface ImportJoinReport {
  values: JoinedValues;
  /** Source rows considered (of the chosen measure). */
  totalRows: number;
  matched: MatchedRow[];
  /** Matched rows per method. */
  methods: Record<MatchMethod, number>;
  /** Distinct map areas with at least one row. */
  matchedAreas: number;
  /** Areas on the map. */
  mapAreas: number;
  /** Codes that are neither on the map nor recognisably elsewhere. */
  unmatchedSource: UnmatchedSource[];
  /** Valid-looking codes of areas outside the map's region (e.g. other kommuner's DeSO). */
  outsideMap: { count: number; rows: number; sample: string[] };
  /** Map codes without any row. */
  unmatchedGeometry: string[];
  /** The same area and year more than once (the first row is used). */
  duplicates: { code: string; year: number; count: number }[];
  /** Rows by status (of all rows considered, matched or not). */
  suppressed: number;
  missing: number;
  /** Unmatched rows that matching by name would join (offer the toggle when > 0). */
  nameMatchable: number;
  /** One entry per considered row, in table order. */
  outcomes: RowOutcome[];
}

/**
 * Normalises an imported area code: trims, drops inner whitespace ("1480 C1010") and a leading
 * apostrophe (Excel's text marker), upper-cases, and restores a kommun code's lost leading zero
 * ("114" → "0114") when the map's codes are 4-digit kommun codes.
 */
export function normaliseImportCode(raw: string, kommunLevel: boolean): string {
  let code = raw.trim().replace(/^'/, '').replace(/\s+/g, '').toUpperCase();
  // Spreadsheets turn "0114" into the number 114, sometimes written "114.0".
  if (/^\d+\.0+$/.test(code)) code = code.replace(/\.0+$/, '');
  if (kommunLevel && /^\d{3}$/.test(code)) code = `0${code}`;
  if (/^\d{3}[A-Z]\d{4}$/.test(code)) code = `0${code}`;
  return code;
}

/** Folds an area name for matching: case, diacritics (å→a, ä→a, ö→o, é→e), punctuation and spacing. */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/ kommun$/, '');
}

/** The shape of a code: digits → 9, letters → A ("1480C1622" → "9999A9999"). */
function codeShape(code: string): string {
  return code.replace(/\d/g, '9').replace(/[A-Z]/g, 'A');
}

const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Joins the rows of one measure (`measure` null: every row) to the map's areas. Codes are tried
 * as written, then normalised, then (with `matchByName`) by folded name. Each map area and year
 * takes the first row that reaches it; later ones are reported as duplicates.
 */
export function buildJoinReport(table: ImportedTable, measure: string | null, geometry: JoinGeometry, options: JoinOptions): ImportJoinReport {
  const codes = [...geometry.codes];
  const position = new Map(codes.map((code, i) => [code, i]));
  const kommunLevel = codes.length > 0 && codes.every((c) => /^\d{4}$/.test(c));
  const normalisedPosition = new Map<string, number>();
  codes.forEach((code, i) => normalisedPosition.set(normaliseImportCode(code, kommunLevel), i));
  // Names shared by several areas cannot identify one: leave them out.
  const namePosition = new Map<string, number>();
  const ambiguous = new Set<string>();
  geometry.names.forEach((name, i) => {
    const key = foldName(name);
    if (!key) return;
    if (namePosition.has(key)) ambiguous.add(key);
    namePosition.set(key, i);
  });
  for (const key of ambiguous) namePosition.delete(key);

  const region = options.levelRegion;
  const regionalCodes = region !== undefined && codes.length > 0 && codes.every((c) => c.startsWith(region));
  const shapes = new Set(codes.map(codeShape));

  const locate = (code: string): { index: number; method: MatchMethod } | null => {
    const exact = position.get(code);
    if (exact !== undefined) return { index: exact, method: 'code' };
    const normalised = normalisedPosition.get(normaliseImportCode(code, kommunLevel));
    if (normalised !== undefined) return { index: normalised, method: 'normalised-code' };
    return null;
  };
  const locateByName = (code: string, name: string | undefined): number | undefined => {
    for (const candidate of [name, code]) {
      if (!candidate) continue;
      const index = namePosition.get(foldName(candidate));
      if (index !== undefined) return index;
    }
    return undefined;
  };

  const considered: number[] = [];
  table.rows.forEach((row, i) => {
    if (measure === null || row.measure === undefined || row.measure === measure) considered.push(i);
  });

  const matched: MatchedRow[] = [];
  const methods: Record<MatchMethod, number> = { code: 0, 'normalised-code': 0, name: 0 };
  const outcomes: RowOutcome[] = [];
  const unmatched = new Map<string, UnmatchedSource>();
  const outside = new Map<string, number>();
  let outsideRows = 0;
  let nameMatchable = 0;
  let suppressed = 0;
  let missing = 0;
  // (code index, year) → first row's value and status; counts for duplicates.
  const cells = new Map<string, { value: number | null; status: ValueStatus; count: number }>();
  const statusByArea: (Set<ValueStatus> | undefined)[] = new Array(codes.length);

  for (const i of considered) {
    const row = table.rows[i]!;
    if (row.status === 'suppressed') suppressed++;
    else if (row.status === 'missing') missing++;
    let found = locate(row.code);
    const read = { row: i, code: row.code, name: row.name ?? '', year: row.year, value: row.value, status: row.status };
    if (!found) {
      const byName = locateByName(row.code, row.name);
      if (byName !== undefined) {
        if (options.matchByName) found = { index: byName, method: 'name' };
        else nameMatchable++;
      }
    }
    if (!found) {
      const code = normaliseImportCode(row.code, kommunLevel);
      const isOutside = regionalCodes && code !== '' && shapes.has(codeShape(code)) && !code.startsWith(region!);
      if (isOutside) {
        outside.set(code, (outside.get(code) ?? 0) + 1);
        outsideRows++;
      } else {
        const key = code || (row.name ?? '');
        const entry = unmatched.get(key);
        if (entry) entry.rows++;
        else unmatched.set(key, { code: row.code.trim(), ...(row.name ? { name: row.name } : {}), ...(row.at ? { at: row.at } : {}), rows: 1 });
      }
      outcomes.push({ ...read, mapCode: '', method: null, reason: isOutside ? 'outside-map' : 'unknown' });
      continue;
    }
    const mapCode = codes[found.index]!;
    const key = `${found.index}|${row.year}`;
    const cell = cells.get(key);
    if (cell) {
      cell.count++;
      outcomes.push({ ...read, mapCode, method: found.method, reason: 'duplicate' });
      continue;
    }
    cells.set(key, { value: row.status === 'ok' ? row.value : null, status: row.status, count: 1 });
    (statusByArea[found.index] ??= new Set()).add(row.status);
    matched.push({ code: mapCode, row: i, method: found.method });
    methods[found.method]++;
    outcomes.push({ ...read, mapCode, method: found.method, reason: null });
  }

  const years = [...new Set([...cells].filter(([, c]) => c.status === 'ok' && c.value !== null).map(([k]) => Number(k.split('|')[1])))].sort((a, b) => a - b);
  const values = years.map((year) =>
    codes.map((_, index) => {
      const cell = cells.get(`${index}|${year}`);
      return cell && cell.status === 'ok' ? cell.value : null;
    }),
  );
  const missingReasons: Record<string, MissingReason> = {};
  const unmatchedGeometry: string[] = [];
  codes.forEach((code, index) => {
    const statuses = statusByArea[index];
    if (!statuses) {
      unmatchedGeometry.push(code);
      missingReasons[code] = 'not-reported';
    } else if (!statuses.has('ok')) missingReasons[code] = statuses.has('suppressed') ? 'suppressed' : 'not-reported';
  });
  const duplicates = [...cells]
    .filter(([, c]) => c.count > 1)
    .map(([k, c]) => ({ code: codes[Number(k.split('|')[0])]!, year: Number(k.split('|')[1]), count: c.count }))
    .sort((a, b) => byCode(a.code, b.code) || a.year - b.year);

  return {
    values: { years, codes, values, missing: missingReasons },
    totalRows: considered.length,
    matched,
    methods,
    matchedAreas: statusByArea.filter(Boolean).length,
    mapAreas: codes.length,
    unmatchedSource: [...unmatched.values()].sort((a, b) => byCode(a.code, b.code)),
    outsideMap: { count: outside.size, rows: outsideRows, sample: [...outside.keys()].sort(byCode).slice(0, 20) },
    unmatchedGeometry: unmatchedGeometry.sort(byCode),
    duplicates,
    suppressed,
    missing,
    nameMatchable,
    outcomes,
  };
}

/** A short, storable summary of a report (no per-row data). */
export interface JoinSummary {
  totalRows: number;
  matchedRows: number;
  matchedAreas: number;
  mapAreas: number;
  methods: Record<MatchMethod, number>;
  unmatchedSource: number;
  outsideMap: number;
  unmatchedGeometry: number;
  duplicates: number;
  suppressed: number;
  missing: number;
}

/** Summarises a report for storage and lists. */
export function summariseJoin(report: ImportJoinReport): JoinSummary {
  return {
    totalRows: report.totalRows,
    matchedRows: report.matched.length,
    matchedAreas: report.matchedAreas,
    mapAreas: report.mapAreas,
    methods: { ...report.methods },
    unmatchedSource: report.unmatchedSource.length,
    outsideMap: report.outsideMap.count,
    unmatchedGeometry: report.unmatchedGeometry.length,
    duplicates: report.duplicates.length,
    suppressed: report.suppressed,
    missing: report.missing,
  };
}

const CSV_TEXT = {
  sv: {
    header: ['kod', 'namn', 'år', 'värde', 'status', 'kartans kod', 'resultat'],
    status: { ok: 'värde', missing: 'saknas', suppressed: 'skyddad' },
    method: { code: 'matchad på kod', 'normalised-code': 'matchad på normaliserad kod', name: 'matchad på namn' },
    reason: { 'outside-map': 'utanför kartan', unknown: 'okänd kod', duplicate: 'dubblett (ej använd)' },
    geometry: 'på kartan utan rad',
  },
  en: {
    header: ['code', 'name', 'year', 'value', 'status', 'map code', 'result'],
    status: { ok: 'value', missing: 'missing', suppressed: 'suppressed' },
    method: { code: 'matched by code', 'normalised-code': 'matched by normalised code', name: 'matched by name' },
    reason: { 'outside-map': 'outside the map', unknown: 'unknown code', duplicate: 'duplicate (not used)' },
    geometry: 'on the map without a row',
  },
} as const;

function csvField(value: string): string {
  return /[",\n\r;]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The report as CSV (comma-separated, header row): one line per source row with its outcome,
 * then one line per map area that got no row. Values are written with a decimal point.
 */
export function joinReportCsv(report: ImportJoinReport, lang: Lang): string {
  const t = CSV_TEXT[lang];
  const lines = [t.header.join(',')];
  for (const row of report.outcomes) {
    const outcome = row;
    const result = outcome.reason ? t.reason[outcome.reason] : outcome.method ? t.method[outcome.method] : '';
    lines.push(
      [row.code, row.name ?? '', String(row.year), row.value === null ? '' : String(row.value), t.status[row.status], outcome.mapCode, result]
        .map(csvField)
        .join(','),
    );
  }
  for (const code of report.unmatchedGeometry) lines.push([code, '', '', '', '', code, t.geometry].map(csvField).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** A joined table as the app's values file of one indicator at one level. */
export function toIndicatorValues(values: JoinedValues, indicator: string, level: LevelId): IndicatorValues {
  return { indicator, level, years: [...values.years], codes: [...values.codes], values: values.values.map((row) => [...row]), missing: { ...values.missing } };
}
