/**
 * A JSON-stat dataset (SCB PxWeb API v2) as an ScbTable, so the DeSO build reads fetched tables
 * exactly as it reads the xlsx exports.
 */
import type { ScbTable, ScbValue } from '../src/data/scb-table';
import { parseJsonStat } from '../src/import/json-stat';

/** DeSO codes as written in the xlsx: SCB's newer tables may suffix the version ("1480C1010_DeSO2018"). */
const desoCode = (code: string): string => code.replace(/_DeSO\d{4}$/, '');

/**
 * Columns are the measures of the latest year with a value (labels: the measure's labels and the year),
 * rows the region codes. Throws on a dataset that cannot be read (the build stops).
 */
export function scbTableFromJsonStat(json: unknown, fileName: string): ScbTable {
  const t = parseJsonStat(json, fileName);
  if (t.kind === 'error') throw new Error(`${fileName}: ${t.message.en} (${t.at ?? '$'})`);
  if (t.kind !== 'table') throw new Error(`${fileName}: not a table`);
  // The DeSO build reads one year per table: keep the latest year that has a value.
  const year = Math.max(...t.rows.filter((r) => r.status === 'ok').map((r) => r.year));
  if (!Number.isFinite(year)) throw new Error(`${fileName}: no values`);
  const columns = t.measures.map((m, i) => ({ index: i, labels: [...m.label.split(' · '), String(year)], year }));
  const col = new Map(t.measures.map((m, i) => [m.id, i]));
  const rows = new Map<string, ScbValue[]>();
  for (const r of t.rows) {
    if (r.year !== year) continue;
    const code = desoCode(r.code);
    let row = rows.get(code);
    if (!row) rows.set(code, (row = columns.map((): ScbValue => null)));
    const i = col.get(r.measure ?? '');
    if (i !== undefined) row[i] = r.status === 'suppressed' ? 'suppressed' : r.value;
  }
  return { title: t.title ?? fileName, columns, rows, duplicates: [] };
}
