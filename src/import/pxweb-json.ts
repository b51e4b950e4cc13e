/**
 * PxWeb API v1 responses in the "json" format (SCB, Region- and kommun statistics):
 * `{ columns: [{ code, text, type: 'd' | 't' | 'c' }], data: [{ key: [...], values: [...] }] }`.
 * Keys follow the 'd' and 't' columns in order; values follow the 'c' (contents) columns.
 */
import type { Localized } from '../data/types';
import { badNumber, foldName, guarded, importError, makeRow, msg, noRows, readCell, readYear, skippedWarning } from './common';
import type { ImportResult, ImportedRow } from './types';
import { OutsideYears } from './year-range';

interface PxColumn {
  code: string;
  text: string;
  type: string;
  unit?: string;
}

const REGION_CODES = /region|omrade|deso|regso|kommun|lan|geo|area/;
const SUB_ANNUAL = /^(19|20)\d{2}\s*[MKQH]\d{1,2}$/i;

function asColumns(json: Record<string, unknown>): PxColumn[] | null {
  const cols = json['columns'];
  if (!Array.isArray(cols)) return null;
  const out: PxColumn[] = [];
  for (const c of cols) {
    if (typeof c !== 'object' || c === null) return null;
    const { code, text, type, unit } = c as Record<string, unknown>;
    if (typeof code !== 'string') return null;
    out.push({
      code,
      text: typeof text === 'string' ? text : code,
      type: typeof type === 'string' ? type : 'd',
      ...(typeof unit === 'string' ? { unit } : {}),
    });
  }
  return out;
}

/** Parses a PxWeb v1 "json" response (already JSON.parse'd). Never throws. */
export function parsePxWebJson(json: unknown, fileName: string): ImportResult {
  return guarded(fileName, 'bad-json', () => parseUnguarded(json, fileName));
}

function parseUnguarded(json: unknown, fileName: string): ImportResult {
  const obj = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  const columns = asColumns(obj);
  const data = obj['data'];
  if (!columns || !Array.isArray(data)) {
    return importError('bad-json', fileName, msg('PxWeb-svaret saknar "columns" eller "data".', 'The PxWeb response has no "columns" or "data".'));
  }
  const keyCols = columns.filter((c) => c.type !== 'c');
  const contents = columns.filter((c) => c.type === 'c');
  const dims = keyCols.filter((c) => c.type === 'd');
  const areaDim = dims.find((c) => REGION_CODES.test(foldName(c.code)) || REGION_CODES.test(foldName(c.text))) ?? dims[0];
  if (!areaDim) {
    return importError('no-area-column', fileName, msg('PxWeb-svaret har ingen regionvariabel.', 'The PxWeb response has no region variable.'), 'columns');
  }
  const timeCol = keyCols.find((c) => c.type === 't') ?? keyCols.find((c) => /^(tid|ar|year|time)$/.test(foldName(c.code)));
  if (!timeCol) {
    return importError('no-year', fileName, msg('PxWeb-svaret har ingen tidsvariabel.', 'The PxWeb response has no time variable.'), 'columns');
  }
  const areaKey = keyCols.indexOf(areaDim);
  const timeKey = keyCols.indexOf(timeCol);
  const otherKeys = keyCols.flatMap((c, i) => (i === areaKey || i === timeKey ? [] : [i]));
  const valueCols = contents.length > 0 ? contents : [{ code: 'value', text: 'value', type: 'c' } as PxColumn];
  const rows: ImportedRow[] = [];
  const subAnnual: string[] = [];
  const outside = new OutsideYears('item');
  const units = new Map<string, string>();
  for (let i = 0; i < data.length; i++) {
    const entry = data[i] as { key?: unknown; values?: unknown } | null;
    const key = Array.isArray(entry?.key) ? entry.key.map(String) : null;
    const values = Array.isArray(entry?.values) ? entry.values : null;
    if (!key || !values) {
      return importError('bad-json', fileName, msg(`data[${i}] saknar "key" eller "values".`, `data[${i}] has no "key" or "values".`), `data[${i}]`);
    }
    const code = (key[areaKey] ?? '').trim();
    const time = (key[timeKey] ?? '').trim();
    const year = readYear(time);
    if (year === null) {
      // A year outside 1900–2099 ("1850") is named with the range, not as "without a year".
      if (!outside.note(time, `data[${i}]`)) subAnnual.push(time);
      continue;
    }
    const extra = otherKeys.map((k) => key[k] ?? '').filter((s) => s !== '');
    for (let v = 0; v < valueCols.length; v++) {
      const col = valueCols[v];
      if (!col) continue;
      const raw = values[v];
      const cell = readCell(typeof raw === 'number' || typeof raw === 'string' ? raw : null);
      if ('bad' in cell) return badNumber(fileName, cell.bad, `data[${i}].values[${v}]`, 'path');
      const measure = [col.text, ...extra].join(', ');
      if (col.unit) units.set(measure, col.unit);
      rows.push(makeRow(code, year, cell, { measure, at: `data[${i}]` }));
    }
  }
  const warnings: Localized[] = outside.warnings();
  const allOutside = rows.length === 0 && subAnnual.length === 0 ? outside.error(fileName) : null;
  if (allOutside) return allOutside;
  if (rows.length === 0 && subAnnual.length > 0) {
    return importError(
      'no-year',
      fileName,
      msg(
        `Bara årsdata kan visas; tiden "${subAnnual[0]}" är inte ett år. Hämta tabellen med år som tid.`,
        `Only annual data can be shown; the time "${subAnnual[0]}" is not a year. Fetch the table with years as time.`,
      ),
      'data[0]',
    );
  }
  if (subAnnual.length > 0) {
    const kind = SUB_ANNUAL.test(subAnnual[0] ?? '') ? msg('med månad/kvartal', 'with a month/quarter') : msg('utan år', 'without a year');
    warnings.push(skippedWarning(subAnnual.length, subAnnual[0] ?? '', kind.sv, kind.en));
  }
  if (rows.length === 0) return noRows(fileName);
  const metadata = obj['metadata'];
  const label = Array.isArray(metadata) ? (metadata[0] as { label?: unknown } | undefined)?.label : undefined;
  const measureIds = [...new Set(rows.map((r) => r.measure ?? 'value'))];
  return {
    kind: 'table',
    format: 'pxweb-json',
    fileName,
    measures: measureIds.map((id) => {
      const unit = units.get(id);
      return unit ? { id, label: id, unit } : { id, label: id };
    }),
    rows,
    ...(typeof label === 'string' && label.trim() ? { title: label.trim() } : {}),
    warnings,
  };
}
