/** Pure derived values: joins, ranks, changes, medians. No DOM, no map. */
import type { AlignedSeries } from '../data/series';
import type { Direction } from '../data/types';
import { quantileSorted } from '../scales/classify';

export { joinIndicator, type AlignedSeries } from '../data/series';

/** The row of one year (all NaN when the year is absent). */
export function valuesForYear(series: AlignedSeries, year: number, count: number): Float64Array {
  const index = series.years.indexOf(year);
  return series.byYear[index] ?? new Float64Array(count).fill(NaN);
}

/** Values feeding the colour scale: all years (stable legend) or just one. */
export function* domainValues(series: AlignedSeries, mode: 'all' | 'year', year: number): Iterable<number> {
  const rows = mode === 'all' ? series.byYear : [series.byYear[series.years.indexOf(year)] ?? new Float64Array()];
  for (const row of rows) for (const v of row) if (!Number.isNaN(v)) yield v;
}

/**
 * Rank of each feature in one year, 1 = best given the indicator's direction
 * (for neutral indicators 1 = highest). Ties share the best rank; missing → 0.
 */
export function ranks(row: Float64Array, direction: Direction): { rank: Int32Array; count: number } {
  const order: number[] = [];
  row.forEach((v, i) => {
    if (!Number.isNaN(v)) order.push(i);
  });
  const sign = direction === 'higher-worse' ? 1 : -1;
  order.sort((a, b) => sign * (row[a]! - row[b]!));
  const rank = new Int32Array(row.length);
  order.forEach((featureIndex, position) => {
    const previous = order[position - 1];
    rank[featureIndex] = previous !== undefined && row[previous] === row[featureIndex] ? rank[previous]! : position + 1;
  });
  return { rank, count: order.length };
}

/** One feature's series over the years (NaN where missing). */
export function featureSeries(series: AlignedSeries, index: number): number[] {
  return series.byYear.map((row) => row[index] ?? NaN);
}

/** Change of one feature from its first year with a value to `year`; null when either is missing. */
export function changeSinceFirst(series: AlignedSeries, index: number, year: number): { from: number; delta: number } | null {
  const values = featureSeries(series, index);
  const firstIndex = values.findIndex((v) => !Number.isNaN(v));
  const yearIndex = series.years.indexOf(year);
  if (firstIndex < 0 || yearIndex < 0 || yearIndex <= firstIndex) return null;
  const now = values[yearIndex]!;
  if (Number.isNaN(now)) return null;
  return { from: series.years[firstIndex]!, delta: now - values[firstIndex]! };
}

/** Median of all areas per year (NaN for a year without values). */
export function medianSeries(series: AlignedSeries): number[] {
  return series.byYear.map((row) => {
    const sorted = Array.from(row)
      .filter((v) => !Number.isNaN(v))
      .sort((a, b) => a - b);
    return sorted.length ? quantileSorted(sorted, 0.5) : NaN;
  });
}

/**
 * Population weights for each year of `series`: the population of the same year, or of the
 * nearest year the population series has (SCB's DeSO population exists for one year only).
 */
export function weightsByYear(series: AlignedSeries, population: AlignedSeries | null): (Float64Array | null)[] | null {
  if (!population || population.years.length === 0) return null;
  return series.years.map((year) => {
    let best = 0;
    population.years.forEach((y, i) => {
      if (Math.abs(y - year) < Math.abs(population.years[best]! - year)) best = i;
    });
    return population.byYear[best] ?? null;
  });
}
