/**
 * Which division a table's areas belong to: every division the app knows is tried with the table's
 * keys, by code (as written, normalised, or an earlier version of it) and by name, and ranked by
 * the rows it explains. Pure; runs in the import worker.
 */
import type { LevelId } from '../data/types';
import type { Division } from './code-catalogue';
import { indexDivision, type DivisionIndex } from './division-index';
import { inMeasure } from './join-report';
import type { ImportedTable } from './types';

/** How well one division explains a table's keys. */
export interface DivisionMatch {
  id: Division['id'];
  /** The map level, or null for a division known only from the catalogue of codes (e.g. län). */
  level: LevelId | null;
  /** Rows whose area is in the division: by a code (current or earlier) or by name. */
  rows: number;
  /** Of those, rows found by name only. */
  byName: number;
  /** Of those, rows with an earlier code of an area the map has redrawn (DeSO 2018 → 2025). */
  byPrevious: number;
  /** Distinct areas of the division that rows reach. */
  areas: number;
  /** Areas in the division. */
  total: number;
}

/** A division with its lookups, built once per import. */
export interface IndexedDivision extends Division {
  index: DivisionIndex;
}

/** Indexes divisions for matching. */
export function indexDivisions(divisions: readonly Division[]): IndexedDivision[] {
  return divisions.map((d) => ({ ...d, index: indexDivision(d.geometry) }));
}

/** A table's distinct keys (code and name) with how many rows of the measure have each. */
export function tableKeys(table: ImportedTable, measure: string | null): { code: string; name: string; rows: number }[] {
  const keys = new Map<string, { code: string; name: string; rows: number }>();
  for (const row of table.rows) {
    if (!inMeasure(row, measure)) continue;
    const name = row.name ?? '';
    const id = `${row.code}\u0000${name}`;
    const key = keys.get(id);
    if (key) key.rows++;
    else keys.set(id, { code: row.code, name, rows: 1 });
  }
  return [...keys.values()];
}

/** Matches keys against one division. */
export function matchDivision(keys: readonly { code: string; name: string; rows: number }[], division: IndexedDivision): DivisionMatch {
  const { index } = division;
  const reached = new Set<number>();
  let rows = 0;
  let byName = 0;
  let byPrevious = 0;
  for (const key of keys) {
    const hit = index.byCode(key.code);
    if (hit) {
      reached.add(hit.index);
      rows += key.rows;
    } else if (index.byPrevious(key.code)) {
      rows += key.rows;
      byPrevious += key.rows;
    } else {
      const named = index.byName(key.code, key.name);
      if (named === undefined) continue;
      reached.add(named);
      rows += key.rows;
      byName += key.rows;
    }
  }
  return { id: division.id, level: division.level, rows, byName, byPrevious, areas: reached.size, total: index.geometry.codes.length };
}

/**
 * Ranks every division by how well it explains a table's rows: most rows first, then the larger
 * share of the division's areas, map levels before divisions without a map.
 */
export function detectDivisions(table: ImportedTable, measure: string | null, divisions: readonly IndexedDivision[]): DivisionMatch[] {
  const keys = tableKeys(table, measure);
  return divisions
    .map((d) => matchDivision(keys, d))
    .sort((a, b) => b.rows - a.rows || b.areas / Math.max(1, b.total) - a.areas / Math.max(1, a.total) || Number(a.level === null) - Number(b.level === null));
}
