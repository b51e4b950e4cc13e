/** What the views say about one area or every area in a year: value, rank, change, why missing. Pure. */
import type { TableRow } from '../data/table-sort';
import type { MissingReason } from '../data/types';
import { changeSinceFirst, ranks, valuesForYear } from './selectors';
import type { ViewData } from './view-data';

/** One area in a year. */
export interface AreaFacts {
  /** False without an indicator or a series: nothing is known of the area. */
  known: boolean;
  /** NaN when missing. */
  value: number;
  /** 1 = best given the indicator's direction; 0 when missing. */
  rank: number;
  /** Areas with a value this year. */
  count: number;
  /** Change from the area's first year with a value, or null. */
  change: { from: number; delta: number } | null;
  /** Why the value is missing, or null. */
  reason: MissingReason | null;
}

/** Value, rank and change of one area (by feature index) in `year`. */
export function areaFacts(data: Pick<ViewData, 'indicator' | 'series' | 'geometry'>, year: number, index: number): AreaFacts {
  const { indicator, series } = data;
  if (!indicator || !series) return { known: false, value: NaN, rank: 0, count: 0, change: null, reason: null };
  const row = valuesForYear(series, year, data.geometry.codes.length);
  const value = row[index] ?? NaN;
  const { rank, count } = ranks(row, indicator.direction);
  return {
    known: true,
    value,
    rank: rank[index] ?? 0,
    count,
    change: changeSinceFirst(series, index, year),
    reason: Number.isNaN(value) ? (series.reasons[index] ?? 'not-reported') : null,
  };
}

/** Every area of the level in `year`, in feature order (all missing without a series). */
export function tableRows(data: Pick<ViewData, 'indicator' | 'series' | 'geometry'>, year: number): TableRow[] {
  const { series, indicator } = data;
  const n = data.geometry.codes.length;
  const row = series ? valuesForYear(series, year, n) : new Float64Array(n).fill(NaN);
  const { rank } = ranks(row, indicator?.direction ?? 'neutral');
  return data.geometry.areas.features.map((f, i) => {
    const change = series ? changeSinceFirst(series, i, year) : null;
    const value = row[i] ?? NaN;
    return {
      code: f.properties.code,
      name: f.properties.name,
      value,
      rank: rank[i] ?? 0,
      change: change ? change.delta : NaN,
      reason: Number.isNaN(value) ? (series?.reasons[i] ?? 'not-reported') : null,
    };
  });
}

/** Feature indices of `codes` on a level, in order, once each; codes the level lacks are left out. */
export function areaIndices(geometry: { indexByCode: ReadonlyMap<string, number> }, codes: readonly string[]): number[] {
  return [...new Set(codes)].map((code) => geometry.indexByCode.get(code)).filter((i): i is number => i !== undefined);
}

/** The names of the areas at `indices` (empty names left out). */
export function areaNames(geometry: { areas: { features: readonly { properties: { name: string } }[] } }, indices: readonly number[]): string[] {
  return indices.map((i) => geometry.areas.features[i]?.properties.name ?? '').filter((name) => name !== '');
}
