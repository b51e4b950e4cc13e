/**
 * Kolada API v2 data responses → ImportedTable. The shape, as documented by Kolada (Hypergene/kolada):
 *   { count, values: [{ kpi, municipality, period, values: [{ count, gender: 'T'|'K'|'M', status, value }] }],
 *     next_page?, previous_page? }
 * Measures are KPI × gender. Pure: runs in a Web Worker; never throws.
 */
import type { Localized } from '../data/types';
import { readYear } from './common';
import type { ImportedRow, ImportedTable, ImportResult, ValueStatus } from './types';
import { OutsideYears } from './year-range';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Swedish names of Kolada's gender codes, used in measure labels. */
export const KOLADA_GENDER: Readonly<Record<string, string>> = { T: 'totalt', K: 'kvinnor', M: 'män' };

/** The measure id of one KPI and gender, e.g. "N00906-K". */
export const koladaMeasureId = (kpi: string, gender: string): string => `${kpi}-${gender}`;

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined);

function valueOf(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i.test(v)) {
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

const error = (fileName: string, at: string, sv: string, en: string): ImportResult => ({
  kind: 'error',
  code: 'bad-json',
  fileName,
  at,
  message: { sv, en },
});

/** The next page's address of a paginated response, if any (`next_page`; v1 called it `next`). */
export function koladaNextPage(json: unknown): string | null {
  if (!isObj(json)) return null;
  const next = json.next_page ?? json.next;
  return typeof next === 'string' && next !== '' ? next : null;
}

function parse(json: unknown, fileName: string): ImportResult {
  // A bare list of data items is accepted too (a saved `values` member).
  const items = Array.isArray(json) ? json : isObj(json) ? json.values : undefined;
  const base = Array.isArray(json) ? '$' : '$.values';
  if (!Array.isArray(items)) {
    return error(fileName, base, 'Ingen lista "values" med Kolada-data hittades.', 'No Kolada "values" list was found.');
  }
  const rows: ImportedRow[] = [];
  const measures = new Map<string, { id: string; label: string }>();
  const warnings: Localized[] = [];
  let skipped = 0;
  const outside = new OutsideYears('item');
  items.forEach((item: unknown, i) => {
    const at = `${base}[${i}]`;
    if (!isObj(item)) {
      skipped++;
      return;
    }
    const kpi = text(item.kpi);
    const code = text(item.municipality) ?? text(item.ou);
    const period = text(item.period)?.trim() ?? '';
    const year = readYear(period);
    if (!kpi || !code || year === null || !Array.isArray(item.values)) {
      // A year outside 1900–2099 ("1850") is named with the range, not as "without a year".
      if (!(kpi && code && Array.isArray(item.values) && outside.note(period, at))) skipped++;
      return;
    }
    item.values.forEach((entry: unknown, j) => {
      if (!isObj(entry)) {
        skipped++;
        return;
      }
      const gender = text(entry.gender)?.toUpperCase() || 'T';
      const id = koladaMeasureId(kpi, gender);
      if (!measures.has(id)) measures.set(id, { id, label: `${kpi}, ${KOLADA_GENDER[gender] ?? gender}` });
      const value = valueOf(entry.value);
      const status = text(entry.status)?.trim() ?? '';
      // Kolada leaves value null with a status (e.g. "Bortfall") when the figure is withheld.
      const s: ValueStatus = value !== null ? 'ok' : status !== '' ? 'suppressed' : 'missing';
      rows.push({ code, year, value, status: s, measure: id, at: `${at}.values[${j}]` });
    });
  });
  warnings.push(...outside.warnings());
  if (skipped > 0) {
    warnings.push({
      sv: `${skipped} poster utan kpi, kommun, år (period) eller värdelista hoppades över.`,
      en: `${skipped} items without kpi, municipality, year (period) or values list were skipped.`,
    });
  }
  if (koladaNextPage(json)) {
    warnings.push({
      sv: 'Svaret är en sida av flera (next_page): bara denna sida lästes.',
      en: 'The response is one page of several (next_page): only this page was read.',
    });
  }
  const allOutside = rows.length === 0 && skipped === 0 ? outside.error(fileName) : null;
  if (allOutside) return allOutside;
  if (rows.length === 0) {
    return {
      kind: 'error',
      code: 'no-rows',
      fileName,
      at: base,
      message: { sv: 'Kolada-svaret innehåller inga värden.', en: 'The Kolada response holds no values.' },
    };
  }
  const list = [...measures.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const kpis = [...new Set(list.map((m) => m.id.split('-')[0] ?? ''))];
  const table: ImportedTable = { kind: 'table', format: 'kolada-v2', fileName, measures: list, rows, warnings };
  if (kpis.length === 1 && kpis[0]) table.title = `Kolada ${kpis[0]}`;
  return table;
}

/** Parses a Kolada API v2 data response into rows per municipality × year × (KPI, gender). */
export function parseKoladaV2(json: unknown, fileName: string): ImportResult {
  try {
    return parse(json, fileName);
  } catch (e) {
    // A guard against the unforeseen: the contract says parsers never throw.
    return error(fileName, '$', `Kolada-svaret kunde inte läsas: ${String(e)}`, `The Kolada response could not be read: ${String(e)}`);
  }
}
