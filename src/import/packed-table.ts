/**
 * A table's rows in columns, as they are posted from the worker and stored: a structured clone or
 * an IndexedDB write of 200,000 row objects blocks the page for the best part of a second, of
 * plain arrays a few tens of milliseconds. Plain arrays (not typed arrays) keep it JSON-safe. Pure.
 */
import type { ImportedRow, ImportedTable, ValueStatus } from './types';

/** An imported table with its rows packed by column (the rows' source locations are not kept). */
export interface PackedTable extends Omit<ImportedTable, 'kind' | 'rows'> {
  kind: 'packed-table';
  /** Distinct codes, names ('' first) and measure ids the rows point into. */
  codes: string[];
  names: string[];
  measureIds: (string | null)[];
  /** Per row: indices into the lists above, the year, the value and the status ('o' ok, 'm' missing, 's' suppressed). */
  code: number[];
  name: number[];
  measure: number[];
  year: number[];
  value: (number | null)[];
  status: string;
}

const STATUS: Record<ValueStatus, string> = { ok: 'o', missing: 'm', suppressed: 's' };
const FROM_STATUS: Record<string, ValueStatus> = { o: 'ok', m: 'missing', s: 'suppressed' };

/** An index per distinct value, in order of first appearance. */
function dictionary<T>(first: T): { list: T[]; index: (value: T) => number } {
  const list = [first];
  const at = new Map([[first, 0]]);
  return {
    list,
    index(value) {
      let i = at.get(value);
      if (i === undefined) at.set(value, (i = list.push(value) - 1));
      return i;
    },
  };
}

/** Packs a table's rows by column. */
export function packTable(table: ImportedTable): PackedTable {
  const { rows, kind: _, ...meta } = table;
  const codes = dictionary('');
  const names = dictionary('');
  const measures = dictionary<string | null>(null);
  const packed: PackedTable = {
    ...meta,
    kind: 'packed-table',
    codes: codes.list,
    names: names.list,
    measureIds: measures.list,
    code: [],
    name: [],
    measure: [],
    year: [],
    value: [],
    status: '',
  };
  const status: string[] = [];
  for (const row of rows) {
    packed.code.push(codes.index(row.code));
    packed.name.push(names.index(row.name ?? ''));
    packed.measure.push(measures.index(row.measure ?? null));
    packed.year.push(row.year);
    packed.value.push(row.value);
    status.push(STATUS[row.status]);
  }
  packed.status = status.join('');
  return packed;
}

/** The table with its rows as objects again (a table that was never packed is returned as it is). */
export function unpackTable(table: ImportedTable | PackedTable): ImportedTable {
  if (table.kind === 'table') return table;
  const { codes, names, measureIds, code, name, measure, year, value, status, kind: _, ...meta } = table;
  const rows = code.map((c, i): ImportedRow => {
    const row: ImportedRow = { code: codes[c] ?? '', year: year[i] ?? 0, value: value[i] ?? null, status: FROM_STATUS[status[i] ?? 'm'] ?? 'missing' };
    const n = names[name[i] ?? 0];
    if (n) row.name = n;
    const m = measureIds[measure[i] ?? 0];
    if (m !== null && m !== undefined) row.measure = m;
    return row;
  });
  return { ...meta, kind: 'table', rows };
}
