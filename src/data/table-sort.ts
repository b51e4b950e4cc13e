/** Sorting of the data table's rows. Pure, so the order is unit-tested apart from the element. */
import type { MissingReason } from './types';

/** One row of the accessible table alternative to the map. */
export interface TableRow {
  code: string;
  name: string;
  /** Value in the shown year; NaN when missing. */
  value: number;
  /** 1 = best (or highest for neutral indicators); 0 when the area has no value. */
  rank: number;
  /** Change since the first year; NaN when it cannot be computed. */
  change: number;
  /** Why the value is missing, when known. */
  reason: MissingReason | null;
}

/** Sortable columns of the table. */
export type TableColumn = 'code' | 'name' | 'value' | 'rank' | 'change';

/** Sort direction, named as in `aria-sort`. */
export type SortDirection = 'ascending' | 'descending';

const collators = new Map<string, Intl.Collator>();

function collator(locale: string): Intl.Collator {
  let c = collators.get(locale);
  if (!c) {
    // numeric: DeSO and district codes mix digits and letters ("1480C1010" before "1480C1622").
    c = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
    collators.set(locale, c);
  }
  return c;
}

/** The number a numeric column sorts by; NaN means "missing" (rank 0 counts as missing). */
function numericKey(row: TableRow, column: 'value' | 'rank' | 'change'): number {
  if (column === 'rank') return row.rank > 0 ? row.rank : NaN;
  return row[column];
}

/**
 * Returns the rows sorted by one column, stable (equal keys keep their input order).
 * Missing values (NaN value or change, rank 0) come last in both directions, so
 * flipping the order never buries the areas with data below the ones without.
 * Names and codes sort with the given locale's collation (Swedish: å, ä, ö after z).
 */
export function sortRows(rows: readonly TableRow[], column: TableColumn, direction: SortDirection, locale = 'sv'): TableRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const indexed = rows.map((row, index) => ({ row, index }));
  if (column === 'code' || column === 'name') {
    const c = collator(locale);
    indexed.sort((a, b) => sign * c.compare(a.row[column], b.row[column]) || a.index - b.index);
  } else {
    indexed.sort((a, b) => {
      const ka = numericKey(a.row, column);
      const kb = numericKey(b.row, column);
      const ma = Number.isNaN(ka);
      const mb = Number.isNaN(kb);
      if (ma !== mb) return ma ? 1 : -1;
      if (ma) return a.index - b.index;
      return sign * (ka - kb) || a.index - b.index;
    });
  }
  return indexed.map((entry) => entry.row);
}
