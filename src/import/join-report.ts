/**
 * Joining an imported table to one division (a map level), with a report of what matched, how, and
 * what did not. Pure: runs in the browser's main thread or a worker, and in Node tests.
 */
import type { IndicatorValues, LevelId, MissingReason } from '../data/types';
import type { Lang } from '../format/number';
import { codeFor } from './area-keys';
import { indexDivision, type DivisionIndex, type JoinGeometry, type MatchMethod } from './division-index';
import type { ImportedTable, ValueStatus } from './types';

export type { JoinGeometry, MatchMethod } from './division-index';

/** Why a source row did not join. */
export type UnmatchedReason = 'outside-map' | 'unknown' | 'duplicate' | 'changed-code';

export interface JoinOptions {
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
  /** The map code it joined to (for a changed code: the codes that replaced it, space-separated), or '' */
  mapCode: string;
  method: MatchMethod | null;
  reason: UnmatchedReason | null;
}

/** The whole join report. */
export interface ImportJoinReport {
  values: JoinedValues;
  /** Source rows considered (of the chosen measure). */
  totalRows: number;
  /** Rows that gave an area its value. */
  matchedRows: number;
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
  /** Codes of an earlier version the map's areas replaced (DeSO 2018 → 2025): not joined, their successors marked 'boundary-changed'. */
  changedCodes: { count: number; rows: number; sample: { code: string; next: readonly string[] }[] };
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

/** A report without its per-row outcomes: what the dialog shows (small enough to post from the worker). */
export type JoinReportView = Omit<ImportJoinReport, 'outcomes'>;

const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Whether a row belongs to the measure (`null`: every row). */
export function inMeasure(row: { measure?: string }, measure: string | null): boolean {
  return measure === null || row.measure === undefined || row.measure === measure;
}

/**
 * Joins the rows of one measure (`measure` null: every row) to the map's areas. Codes are tried
 * as written, then normalised, then (with `matchByName`) by folded name. Each map area and year
 * takes the first row that reaches it; later ones are reported as duplicates. Codes of an earlier
 * version (geometry.previous) are not joined: the areas that replaced them are marked as changed.
 */
export function buildJoinReport(table: ImportedTable, measure: string | null, geometry: JoinGeometry | DivisionIndex, options: JoinOptions): ImportJoinReport {
  const index = 'byCode' in geometry ? geometry : indexDivision(geometry);
  const codes = [...index.geometry.codes];
  const methods: Record<MatchMethod, number> = { code: 0, 'normalised-code': 0, name: 0 };
  const outcomes: RowOutcome[] = [];
  const unmatched = new Map<string, UnmatchedSource>();
  const outside = new Map<string, number>();
  const changed = new Map<string, { next: readonly string[]; rows: number }>();
  let outsideRows = 0;
  let changedRows = 0;
  let nameMatchable = 0;
  let suppressed = 0;
  let missing = 0;
  let totalRows = 0;
  let matchedRows = 0;
  // (code index, year) → first row's value and status; counts for duplicates.
  const cells = new Map<string, { value: number | null; status: ValueStatus; count: number }>();
  const statusByArea: (Set<ValueStatus> | undefined)[] = new Array(codes.length);

  table.rows.forEach((row, i) => {
    if (!inMeasure(row, measure)) return;
    totalRows++;
    if (row.status === 'suppressed') suppressed++;
    else if (row.status === 'missing') missing++;
    let found = index.byCode(row.code);
    const read = { row: i, code: row.code, name: row.name ?? '', year: row.year, value: row.value, status: row.status };
    const next = found ? null : index.byPrevious(row.code);
    if (next) {
      const code = codeFor(row.code, index.width);
      const entry = changed.get(code);
      if (entry) entry.rows++;
      else changed.set(code, { next, rows: 1 });
      changedRows++;
      outcomes.push({ ...read, mapCode: next.join(' '), method: null, reason: 'changed-code' });
      return;
    }
    if (!found) {
      const byName = index.byName(row.code, row.name);
      if (byName !== undefined) {
        if (options.matchByName) found = { index: byName, method: 'name' };
        else nameMatchable++;
      }
    }
    if (!found) {
      const code = codeFor(row.code, index.width);
      const isOutside = index.isOutside(row.code);
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
      return;
    }
    const mapCode = codes[found.index]!;
    const key = `${found.index}|${row.year}`;
    const cell = cells.get(key);
    if (cell) {
      cell.count++;
      outcomes.push({ ...read, mapCode, method: found.method, reason: 'duplicate' });
      return;
    }
    cells.set(key, { value: row.status === 'ok' ? row.value : null, status: row.status, count: 1 });
    (statusByArea[found.index] ??= new Set()).add(row.status);
    matchedRows++;
    methods[found.method]++;
    outcomes.push({ ...read, mapCode, method: found.method, reason: null });
  });

  const years = [...new Set([...cells].filter(([, c]) => c.status === 'ok' && c.value !== null).map(([k]) => Number(k.split('|')[1])))].sort((a, b) => a - b);
  const values = years.map((year) =>
    codes.map((_, i) => {
      const cell = cells.get(`${i}|${year}`);
      return cell && cell.status === 'ok' ? cell.value : null;
    }),
  );
  const replaced = new Set([...changed.values()].flatMap((c) => c.next));
  const missingReasons: Record<string, MissingReason> = {};
  const unmatchedGeometry: string[] = [];
  codes.forEach((code, i) => {
    const statuses = statusByArea[i];
    if (!statuses) {
      unmatchedGeometry.push(code);
      missingReasons[code] = replaced.has(code) ? 'boundary-changed' : 'not-reported';
    } else if (!statuses.has('ok')) missingReasons[code] = statuses.has('suppressed') ? 'suppressed' : 'not-reported';
  });
  const duplicates = [...cells]
    .filter(([, c]) => c.count > 1)
    .map(([k, c]) => ({ code: codes[Number(k.split('|')[0])]!, year: Number(k.split('|')[1]), count: c.count }))
    .sort((a, b) => byCode(a.code, b.code) || a.year - b.year);

  return {
    values: { years, codes, values, missing: missingReasons },
    totalRows,
    matchedRows,
    methods,
    matchedAreas: statusByArea.filter(Boolean).length,
    mapAreas: codes.length,
    unmatchedSource: [...unmatched.values()].sort((a, b) => byCode(a.code, b.code)),
    outsideMap: { count: outside.size, rows: outsideRows, sample: [...outside.keys()].sort(byCode).slice(0, 20) },
    changedCodes: {
      count: changed.size,
      rows: changedRows,
      sample: [...changed]
        .sort(([a], [b]) => byCode(a, b))
        .slice(0, 20)
        .map(([code, c]) => ({ code, next: c.next })),
    },
    unmatchedGeometry: unmatchedGeometry.sort(byCode),
    duplicates,
    suppressed,
    missing,
    nameMatchable,
    outcomes,
  };
}

/** The report without its per-row outcomes. */
export function reportView(report: ImportJoinReport): JoinReportView {
  const { outcomes: _, ...view } = report;
  return view;
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
export function summariseJoin(report: JoinReportView): JoinSummary {
  return {
    totalRows: report.totalRows,
    matchedRows: report.matchedRows,
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
    reason: { 'outside-map': 'utanför kartan', unknown: 'okänd kod', duplicate: 'dubblett (ej använd)', 'changed-code': 'äldre kod, ersatt av kartans koder' },
    geometry: 'på kartan utan rad',
  },
  en: {
    header: ['code', 'name', 'year', 'value', 'status', 'map code', 'result'],
    status: { ok: 'value', missing: 'missing', suppressed: 'suppressed' },
    method: { code: 'matched by code', 'normalised-code': 'matched by normalised code', name: 'matched by name' },
    reason: {
      'outside-map': 'outside the map',
      unknown: 'unknown code',
      duplicate: 'duplicate (not used)',
      'changed-code': "earlier code, replaced by the map's codes",
    },
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
