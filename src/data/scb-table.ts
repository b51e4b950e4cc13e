/**
 * Reading an SCB Statistikdatabasen export (title row, header rows, one row per region) into
 * labelled columns. Pure; works on the grid from readXlsx.
 */
import type { XlsxCell } from './xlsx';

/** One data column: its header labels top to bottom, and the year it states. */
export interface ScbColumn {
  index: number;
  labels: string[];
  year: number | null;
}

/** A region value: a number, or 'suppressed' for SCB's ".." and similar markers, or null when empty. */
export type ScbValue = number | 'suppressed' | null;

/** A parsed SCB region table. */
export interface ScbTable {
  title: string;
  columns: ScbColumn[];
  /** Region code → values by column (same order as columns). */
  rows: Map<string, ScbValue[]>;
  /** Region codes that occur in more than one row. */
  duplicates: string[];
  /** The DeSO version of the codes when known (xlsx exports of the 2022 tables: 2018; PxWeb v2 fetches: 2025). */
  desoVersion?: 2018 | 2025;
}

const YEAR = /^(19|20)\d\d$/;

function toValue(cell: XlsxCell): ScbValue {
  if (typeof cell === 'number') return cell;
  if (cell === null) return null;
  const text = cell.trim();
  if (text === '') return null;
  // SCB writes ".." (not available / suppressed), "." (nothing to report), "-" (zero or none).
  if (/^[.\-–]+$/.test(text)) return 'suppressed';
  const n = Number(text.replace(/\s/g, '').replace(',', '.'));
  return Number.isFinite(n) ? n : 'suppressed';
}

/**
 * Header rows with merged cells filled in: SCB writes a merged header's text in its leftmost
 * column only, so empty cells right of the code column repeat the text to their left.
 */
export function fillHeaderRows(rows: readonly XlsxCell[][], codeCol: number, width: number): XlsxCell[][] {
  return rows.map((r) => {
    const filled: XlsxCell[] = [];
    let last: XlsxCell = null;
    for (let c = 0; c < width; c++) {
      const v = r[c] ?? null;
      if (c > codeCol && (v === null || v === '')) filled.push(last);
      else filled.push((last = v));
    }
    return filled;
  });
}

/**
 * Parses an SCB table whose region codes match `codePattern` (default: DeSO codes such as
 * "1480C1622"). The year of a column comes from a header cell like "2022", or from a year cell
 * left of the code (tables with the year as the first row variable).
 */
export function parseScbTable(grid: readonly XlsxCell[][], codePattern = /^\d{4}[A-C]\d{4}$/): ScbTable {
  const isCode = (c: XlsxCell): c is string => typeof c === 'string' && codePattern.test(c.trim());
  const first = grid.findIndex((row) => row.some(isCode));
  if (first < 0) throw new Error('invalid SCB table: no region codes');
  const firstRow = grid[first] ?? [];
  const codeCol = firstRow.findIndex(isCode);
  const width = Math.max(...grid.map((r) => r.length));
  const title = String(grid[0]?.[0] ?? '');
  const header = fillHeaderRows(grid.slice(1, first), codeCol, width);
  let leftYear: number | null = null;
  for (let c = 0; c < codeCol; c++) {
    const v = String(firstRow[c] ?? '').trim();
    if (YEAR.test(v)) leftYear = Number(v);
  }
  const columns: ScbColumn[] = [];
  for (let c = codeCol + 1; c < width; c++) {
    const labels = header.map((r) => String(r[c] ?? '').trim()).filter((s) => s !== '');
    const yearLabel = labels.find((l) => YEAR.test(l));
    columns.push({ index: c, labels, year: yearLabel ? Number(yearLabel) : leftYear });
  }
  const rows = new Map<string, ScbValue[]>();
  const duplicates = new Set<string>();
  for (const row of grid.slice(first)) {
    const code = row[codeCol] ?? null;
    if (!isCode(code)) continue;
    const key = code.trim();
    if (rows.has(key)) duplicates.add(key);
    rows.set(
      key,
      columns.map((col) => toValue(row[col.index] ?? null)),
    );
  }
  return { title, columns, rows, duplicates: [...duplicates].sort() };
}

/**
 * Index of the first column whose header labels contain all the given labels (case-insensitive;
 * a label given twice must occur twice, e.g. "totalt", "totalt").
 */
export function findColumn(table: ScbTable, ...labels: string[]): number {
  const i = table.columns.findIndex((c) => {
    const left = c.labels.map((l) => l.toLowerCase());
    return labels.every((want) => {
      const k = left.indexOf(want.toLowerCase());
      if (k < 0) return false;
      left.splice(k, 1);
      return true;
    });
  });
  if (i < 0) throw new Error(`SCB table "${table.title}": no column ${labels.join(' / ')}`);
  return i;
}
