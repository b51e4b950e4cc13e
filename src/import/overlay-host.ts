/**
 * The loading behind the import dialog's estimates by overlay (see OverlayHost): a candidate
 * division's codes for the join, and the worker's input. Loaded with the import dialog, not at start.
 * The shell hands the dialog its catalogue, the level's geometry and OverlayLoaders; the dialog makes the host.
 */
import type { LevelGeometry } from '../data/load';
import type { Catalogue, IndicatorValues, LevelId, LevelMeta, ShippedLevelId } from '../data/types';
import type { Lang } from '../format/number';
import { findLevel, levelLabel, populationIndicatorFor } from '../state/app-data';
import { codedAreas, type OverlayHost } from './overlay-input';

/** How the shell loads levels and values for the import dialog. */
export interface OverlayLoaders {
  /** A level's geometry (shipped, or a division of the user's own). */
  geometryOf: (level: LevelMeta) => Promise<LevelGeometry>;
  /** A shipped values file. */
  valuesOf: (file: string) => Promise<IndicatorValues>;
}

export interface OverlayHostContext extends OverlayLoaders {
  catalogue: Catalogue;
  /** The level shown: the estimates' target. */
  target: LevelGeometry;
  lang: Lang;
}

/** The kommun code all of a level's areas lie in, if they share one. */
function regionOf(geometry: LevelGeometry): string | undefined {
  const features = geometry.areas.features;
  const kommun = features[0]?.properties.parents.kommun;
  return kommun !== undefined && features.every((f) => f.properties.parents.kommun === kommun) ? kommun : undefined;
}

/** Shipped levels whose values can be estimated for a shipped level by an areal overlay (they do not nest in it). */
const OVERLAY_SOURCES: Partial<Record<LevelId, readonly ShippedLevelId[]>> = {
  'gbg-primaromrade': ['gbg-deso', 'gbg-regso'],
  'gbg-mellanomrade': ['gbg-deso', 'gbg-regso'],
  'gbg-stadsomrade': ['gbg-deso', 'gbg-regso'],
};

const boxesOverlap = (a: LevelMeta['bbox'], b: LevelMeta['bbox']): boolean => !(b[0] > a[2] || b[2] < a[0] || b[1] > a[3] || b[3] < a[1]);

/**
 * Levels whose imported values can be estimated for `target` by an areal overlay, most likely first:
 * DeSO and RegSO for Göteborg's own divisions; for a division of the user's own, every shipped level
 * below the kommun that it overlaps (DeSO and RegSO first); and the user's other divisions that overlap the target.
 */
export function overlaySources(levels: readonly LevelMeta[], target: LevelId): LevelId[] {
  const meta = levels.find((l) => l.id === target);
  // A kommun is far larger than the areas that could be overlaid on it: no estimates for kommuner.
  if (!meta || target === 'kommun') return [];
  const isUser = (id: LevelId) => id.startsWith('user-level:');
  const overlapping = levels.filter((l) => l.id !== target && l.id !== 'kommun' && boxesOverlap(l.bbox, meta.bbox));
  // Statistics are most often published for DeSO and RegSO: try those first.
  const rank = (id: LevelId) => (id.endsWith('-deso') ? 0 : id.endsWith('-regso') ? 1 : 2);
  const shipped = isUser(target)
    ? overlapping
        .filter((l) => !isUser(l.id))
        .map((l) => l.id)
        .sort((a, b) => rank(a) - rank(b))
    : [...(OVERLAY_SOURCES[target] ?? [])];
  return [...shipped, ...overlapping.filter((l) => isUser(l.id)).map((l) => l.id)];
}

/** The overlay host for the level shown, or null when no division can be overlaid on it. */
export function createOverlayHost(ctx: OverlayHostContext): OverlayHost | null {
  const sources = overlaySources(ctx.catalogue.levels, ctx.target.meta.id);
  return sources.length === 0 ? null : { target: ctx.target.meta.id, sources, ...overlayHostParts(ctx) };
}

/** The host's `source` and `input` for one target level. */
function overlayHostParts(ctx: OverlayHostContext): Pick<OverlayHost, 'source' | 'input'> {
  const { catalogue, target } = ctx;
  const geometryOf = async (level: LevelId): Promise<LevelGeometry | null> => {
    const meta = findLevel(catalogue, level);
    return meta ? ctx.geometryOf(meta) : null;
  };
  return {
    async source(level) {
      const meta = findLevel(catalogue, level);
      const geometry = await geometryOf(level);
      if (!meta || !geometry) return null;
      return {
        level,
        label: levelLabel(meta, ctx.lang),
        geometry: { codes: geometry.codes, names: geometry.areas.features.map((f) => f.properties.name) },
        region: regionOf(geometry),
        populationWeighted: Boolean(populationIndicatorFor(catalogue, level)),
      };
    },
    async input(level, values, aggregation) {
      const geometry = await geometryOf(level);
      if (!geometry) return null;
      // Counts are split by area alone; rates are weighted by the source level's population when it has one.
      const populationFile = aggregation === 'rate' ? populationIndicatorFor(catalogue, level)?.levels[level]?.file : undefined;
      const population = populationFile ? await ctx.valuesOf(populationFile).catch(() => null) : null;
      const withValue = new Set(values.codes);
      return {
        sources: codedAreas(geometry.areas.features, (code) => withValue.has(code)),
        targets: codedAreas(target.areas.features),
        values,
        target: target.meta.id,
        aggregation,
        population,
      };
    },
  };
}
