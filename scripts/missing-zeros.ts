/**
 * Zeros that stand for a missing value. Kolada writes 0 where some series lack a value
 * (U31803 Sundsvall 2020: 5.56, 0, 4.96; N15428 Bräcke 2013: 87.3, 0, 88.9), which a map
 * and every gap measure would read as a real 0. The data build ships such zeros as missing.
 */
import type { UnitKind } from '../src/data/types';

/** One zero read as missing, with the nearest values before and after it. */
export interface ImplausibleZero {
  year: number;
  /** Nearest earlier and later value that is not zero (null at the ends of the series). */
  neighbours: [number | null, number | null];
}

/**
 * The smallest neighbour that makes a zero implausible. A share of at least 1 per cent that drops
 * to exactly 0 and back is not chance in a municipality (it needs a group of under 100 people with
 * nobody counted); below 1 per cent a true 0 is possible in a small one. Years, kronor, days and
 * people cannot be 0 for a municipality at all, so any positive neighbour will do.
 */
export function minNeighbourFor(unit: UnitKind): number {
  return unit === 'percent' ? 1 : Number.MIN_VALUE;
}

/**
 * Years whose exact 0 is read as missing: each run of consecutive zeros (in the years that have a
 * value) whose nearest non-zero values before and after — only the one that exists at either end of
 * the series — are all at least `minNeighbour`. A series of zeros only is left alone. Years with no
 * value (null) are skipped, not counted as zeros or neighbours.
 */
export function implausibleZeros(series: ReadonlyMap<number, number | null>, minNeighbour: number): ImplausibleZero[] {
  const points = [...series].filter((entry): entry is [number, number] => typeof entry[1] === 'number' && Number.isFinite(entry[1])).sort(([a], [b]) => a - b);
  const out: ImplausibleZero[] = [];
  let i = 0;
  while (i < points.length) {
    if (points[i]![1] !== 0) {
      i++;
      continue;
    }
    let end = i;
    while (end + 1 < points.length && points[end + 1]![1] === 0) end++;
    const before = i > 0 ? points[i - 1]![1] : null;
    const after = end + 1 < points.length ? points[end + 1]![1] : null;
    const neighbours = [before, after].filter((v): v is number => v !== null);
    if (neighbours.length > 0 && neighbours.every((v) => v >= minNeighbour)) {
      for (let k = i; k <= end; k++) out.push({ year: points[k]![0], neighbours: [before, after] });
    }
    i = end + 1;
  }
  return out;
}
