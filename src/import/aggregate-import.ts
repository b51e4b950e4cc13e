/**
 * Imported values carried to other divisions: up to the coarser shipped divisions their areas nest
 * in, by the parent codes on the features (primärområde → mellanområde → stadsområde, DeSO → RegSO),
 * and to divisions that do not nest (DeSO → primärområde, or a division of the user's own) by an
 * areal overlay. Pure; the arithmetic is src/data/aggregate.ts's apportioning (every share 1 when nesting).
 */
import { apportion, DEFAULT_MIN_COVERAGE, overlayShares } from '../data/aggregate';
import type { Overlay } from '../data/overlay';
import type { IndicatorValues, LevelId } from '../data/types';

export { COARSER_LEVELS } from './coarser-levels';

const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The population value of `code` in the population year nearest `year` (earlier on a tie), or undefined. */
function populationAt(population: IndicatorValues, code: string, year: number): number | undefined {
  const i = population.codes.indexOf(code);
  if (i < 0 || population.years.length === 0) return undefined;
  let best = 0;
  population.years.forEach((y, k) => {
    if (Math.abs(y - year) < Math.abs((population.years[best] ?? y) - year)) best = k;
  });
  const v = population.values[best]?.[i];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/**
 * Aggregates one level's values to the parents named by `parentOf` (child code → parent code).
 * Counts are summed and need every child's value; rates are means — weighted by `population` when
 * given (the nearest population year; a child without a population weighs 0), else unweighted —
 * and need children with values covering DEFAULT_MIN_COVERAGE of the parent's children (by the
 * same weights). Parents below that get null.
 */
export function aggregateImported(
  values: IndicatorValues,
  parentOf: ReadonlyMap<string, string>,
  target: LevelId,
  aggregation: 'rate' | 'count',
  population: IndicatorValues | null,
): IndicatorValues {
  const shares = new Map<string, Map<string, number>>();
  for (const [child, parent] of parentOf) shares.set(child, new Map([[parent, 1]]));
  const targets = [...new Set(parentOf.values())].sort(byCode);
  const out: (number | null)[][] = values.years.map((year, y) => {
    const row = values.values[y] ?? [];
    const weight = (code: string): number => (population ? (populationAt(population, code, year) ?? 0) : 1);
    const sourceValues = new Map<string, { value: number; weight: number }>();
    values.codes.forEach((code, i) => {
      const v = row[i];
      if (typeof v === 'number' && Number.isFinite(v) && parentOf.has(code)) sourceValues.set(code, { value: v, weight: weight(code) });
    });
    const estimates = apportion(shares, sourceValues, targets, {
      aggregation,
      coverageWeight: aggregation === 'rate' ? weight : () => 1,
      // A sum with a child missing would be too small: counts need all children.
      minCoverage: aggregation === 'count' ? 1 : DEFAULT_MIN_COVERAGE,
    });
    return targets.map((t) => estimates.get(t)?.value ?? null);
  });
  return { indicator: values.indicator, level: target, years: [...values.years], codes: targets, values: out, missing: {} };
}

/** How overlay estimates weigh their source areas: by population where it is known, else by area. */
export type OverlayWeight = 'population' | 'area';

/**
 * Estimates values for `targetCodes` from values on areas that do not nest in them, by the overlay's
 * area shares (src/data/aggregate.ts's overlayShares: slivers under 0.5 % dropped). Counts are
 * apportioned by area: Σ share·value. Rates are weighted means: Σ share·w·value / Σ share·w, where w
 * is the source's population in the nearest population year when `population` is given (a source
 * without one weighs 0), else its area, so that share·w is the area the source and target share.
 * A target gets a value when sources with values cover DEFAULT_MIN_COVERAGE of it by the same weights.
 */
export function estimateByOverlay(
  values: IndicatorValues,
  overlay: Overlay,
  target: LevelId,
  targetCodes: readonly string[],
  aggregation: 'rate' | 'count',
  population: IndicatorValues | null,
): { values: IndicatorValues; weight: OverlayWeight } {
  const shares = overlayShares(overlay.intersections, overlay.sourceArea);
  const targets = [...new Set(targetCodes)].sort(byCode);
  const out: (number | null)[][] = values.years.map((year, y) => {
    const row = values.values[y] ?? [];
    const weight = (code: string): number => (population ? (populationAt(population, code, year) ?? 0) : (overlay.sourceArea.get(code) ?? 0));
    const sourceValues = new Map<string, { value: number; weight: number }>();
    values.codes.forEach((code, i) => {
      const v = row[i];
      if (typeof v === 'number' && Number.isFinite(v) && shares.has(code)) sourceValues.set(code, { value: v, weight: weight(code) });
    });
    const estimates = apportion(shares, sourceValues, targets, { aggregation, coverageWeight: weight });
    return targets.map((t) => estimates.get(t)?.value ?? null);
  });
  return {
    values: { indicator: values.indicator, level: target, years: [...values.years], codes: targets, values: out, missing: {} },
    weight: population ? 'population' : 'area',
  };
}
