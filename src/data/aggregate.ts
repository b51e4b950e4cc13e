/**
 * Estimating values for areas that do not nest in the areas a statistic is published for
 * (DeSO → Göteborg's primärområden): an areal overlay gives each source area's shares in the
 * target areas, and counts and rates are apportioned by those shares.
 * Pure: used by the data build and reusable in the browser (no Node or geometry imports).
 */

/** source code → target code → share of the source area lying in the target (each row sums to 1). */
export type OverlayShares = ReadonlyMap<string, ReadonlyMap<string, number>>;

/** Parts below this share of a source area are treated as digitising slivers and dropped. */
export const DEFAULT_MIN_SHARE = 0.005;

/** A target gets a value only when sources with a value cover at least this weighted share of it. */
export const DEFAULT_MIN_COVERAGE = 0.9;

const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Shares from intersection areas: share = area(source ∩ target) / area(source). Parts smaller than
 * `minShare` are dropped and each source's remaining shares renormalised to sum to 1, so every source
 * is counted once in full. Sources with no part left (or zero area) are absent from the result.
 */
export function overlayShares(
  intersections: ReadonlyMap<string, ReadonlyMap<string, number>>,
  sourceArea: ReadonlyMap<string, number>,
  minShare: number = DEFAULT_MIN_SHARE,
): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const source of [...intersections.keys()].sort(byCode)) {
    const total = sourceArea.get(source) ?? 0;
    const parts = intersections.get(source);
    if (!parts || !(total > 0)) continue;
    const kept = [...parts.entries()]
      .map(([target, area]) => [target, area / total] as const)
      .filter(([, share]) => share >= minShare)
      .sort(([a], [b]) => byCode(a, b));
    const sum = kept.reduce((s, [, share]) => s + share, 0);
    if (!(sum > 0)) continue;
    out.set(source, new Map(kept.map(([target, share]) => [target, share / sum])));
  }
  return out;
}

/**
 * Intersection areas and source areas summed per statistical unit: when a table's area was split
 * into several mapped areas (DeSO 2018 "1480C1620" → DeSO 2025 "1480C1621", "1480C1622"), its
 * value belongs to the union of the parts. `unitOf` names each mapped source's unit.
 */
export function groupSources(
  intersections: ReadonlyMap<string, ReadonlyMap<string, number>>,
  sourceArea: ReadonlyMap<string, number>,
  unitOf: (source: string) => string,
): { intersections: Map<string, Map<string, number>>; sourceArea: Map<string, number> } {
  const inter = new Map<string, Map<string, number>>();
  const areas = new Map<string, number>();
  for (const source of [...sourceArea.keys()].sort(byCode)) {
    const unit = unitOf(source);
    areas.set(unit, (areas.get(unit) ?? 0) + (sourceArea.get(source) ?? 0));
    let parts = inter.get(unit);
    if (!parts) inter.set(unit, (parts = new Map()));
    for (const [target, a] of [...(intersections.get(source) ?? [])].sort(([x], [y]) => byCode(x, y))) {
      parts.set(target, (parts.get(target) ?? 0) + a);
    }
  }
  return { intersections: inter, sourceArea: areas };
}

/**
 * Shares in the enclosing areas: a source's shares in the targets summed per parent code
 * (primärområde → mellanområde). Targets without a parent are left out.
 */
export function nestShares(shares: OverlayShares, parentOf: (target: string) => string | undefined): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const source of [...shares.keys()].sort(byCode)) {
    const nested = new Map<string, number>();
    for (const [target, share] of [...(shares.get(source) ?? [])].sort(([a], [b]) => byCode(a, b))) {
      const parent = parentOf(target);
      if (parent !== undefined) nested.set(parent, (nested.get(parent) ?? 0) + share);
    }
    if (nested.size > 0) out.set(source, new Map([...nested].sort(([a], [b]) => byCode(a, b))));
  }
  return out;
}

/** One source area's value and the weight it carries in a rate (its population, or the rate's denominator). */
export interface SourceValue {
  value: number;
  /** Ignored for counts. */
  weight: number;
}

export interface ApportionOptions {
  /** 'count': Σ share·value; 'rate': Σ share·weight·value / Σ share·weight. */
  aggregation: 'rate' | 'count';
  /**
   * Weight of a source in the coverage rule (its population), also for sources that have no value;
   * default 1 (each source counts alike).
   */
  coverageWeight?: (source: string) => number;
  /** Minimum covered share for a value; default DEFAULT_MIN_COVERAGE. */
  minCoverage?: number;
}

/** The estimate for one target area. */
export interface Estimate {
  /** null when coverage is below the minimum or the rate has zero weight. */
  value: number | null;
  /** Σ share·coverageWeight of sources with a value / the same over all sources touching the target (0…1). */
  coverage: number;
  /** Sources touching the target that have no value, ascending. */
  lacking: string[];
}

/**
 * Apportions source values to target areas by overlay shares. Every target named in `targets` gets
 * an estimate; a target touched by no source has coverage 0. Counts from sources without a value are
 * not imputed: a covered target's count leaves them out (at most 1 − minCoverage of its weight).
 */
export function apportion(
  shares: OverlayShares,
  values: ReadonlyMap<string, SourceValue>,
  targets: readonly string[],
  options: ApportionOptions,
): Map<string, Estimate> {
  const minCoverage = options.minCoverage ?? DEFAULT_MIN_COVERAGE;
  const coverageWeight = options.coverageWeight ?? (() => 1);
  const acc = new Map<string, { sum: number; weight: number; covered: number; total: number; lacking: string[] }>();
  for (const t of targets) acc.set(t, { sum: 0, weight: 0, covered: 0, total: 0, lacking: [] });
  for (const source of [...shares.keys()].sort(byCode)) {
    const v = values.get(source);
    const cw = coverageWeight(source);
    for (const [target, share] of shares.get(source) ?? []) {
      const a = acc.get(target);
      if (!a) continue;
      a.total += share * cw;
      if (!v || !Number.isFinite(v.value)) {
        a.lacking.push(source);
        continue;
      }
      a.covered += share * cw;
      if (options.aggregation === 'count') a.sum += share * v.value;
      else {
        a.sum += share * v.weight * v.value;
        a.weight += share * v.weight;
      }
    }
  }
  const out = new Map<string, Estimate>();
  for (const t of targets) {
    const a = acc.get(t);
    if (!a) continue;
    const coverage = a.total > 0 ? a.covered / a.total : 0;
    let value: number | null = null;
    if (a.total > 0 && coverage >= minCoverage) {
      if (options.aggregation === 'count') value = a.sum;
      else if (a.weight > 0) value = a.sum / a.weight;
    }
    out.set(t, { value, coverage, lacking: a.lacking });
  }
  return out;
}
