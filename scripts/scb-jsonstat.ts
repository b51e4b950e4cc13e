/**
 * A JSON-stat dataset (SCB PxWeb API v2) as an ScbTable, so the DeSO build reads fetched tables
 * exactly as it reads the xlsx exports.
 */
import type { ScbTable, ScbValue } from '../src/data/scb-table';
import { parseJsonStat } from '../src/import/json-stat';
import type { ScbColumnSpec } from './fetch-sources';
import { bareDeso, isDeso, pickSum, readPxCube, regionAndTime } from './pxweb';

/** DeSO codes as written in the xlsx: SCB's newer tables suffix the version ("1480C1010_DeSO2025"). */
const desoCode = (code: string): string => code.replace(/_DeSO\d{4}$/, '');

/**
 * A PxWeb v2 data response → the columns the build looks for (`columns`, from scripts/fetch-sources.ts), for the
 * latest period with a value; rows are the DeSO codes (version suffix dropped). `desoVersion` is 2025 when SCB
 * gave suffixed DeSO 2025 codes. Throws (with the table named) when a column cannot be picked.
 */
export function scbTableFromPxWeb(json: unknown, fileName: string, columns: readonly ScbColumnSpec[]): ScbTable {
  const cube = readPxCube(json, fileName);
  const { region, time } = regionAndTime(cube);
  const regions = cube.dims[region]?.codes ?? [];
  const periods = cube.dims[time]?.codes ?? [];
  const readers = columns.map((c) => pickSum(cube, c.sum));
  const desoAt = regions.map((c, i) => ({ c, i })).filter(({ c }) => isDeso(c));
  // The DeSO build reads one year per table: the latest with any value.
  const ti = periods
    .map((p, i) => ({ p, i }))
    .filter(({ i }) => desoAt.some(({ i: ri }) => readers.some((read) => typeof read(ri, i) === 'number')))
    .sort((a, b) => (a.p < b.p ? 1 : -1))[0]?.i;
  const yearText = ti === undefined ? undefined : periods[ti];
  const year = yearText === undefined ? NaN : Number(yearText.slice(0, 4));
  if (ti === undefined || !Number.isFinite(year)) throw new Error(`${fileName}: no values`);
  const rows = new Map<string, ScbValue[]>();
  const duplicates = new Set<string>();
  for (const { c, i } of desoAt) {
    const code = bareDeso(c);
    if (rows.has(code)) duplicates.add(code);
    rows.set(
      code,
      readers.map((read) => read(i, ti)),
    );
  }
  return {
    title: cube.label,
    columns: columns.map((c, index) => ({ index, labels: [...c.labels, String(year)], year })),
    rows,
    duplicates: [...duplicates].sort(),
    desoVersion: desoAt.some(({ c }) => c.endsWith('_DeSO2025')) ? 2025 : 2018,
  };
}

/**
 * Any JSON-stat dataset, without a column mapping: columns are the measures of the latest year with a value
 * (labels: the measure's labels and the year), rows the region codes. Throws on a dataset that cannot be read.
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
