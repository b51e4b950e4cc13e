/**
 * The user's own divisions: an imported boundary file becomes a map level `user-level:<id>`,
 * listed in the level chooser under "Dina data" and joined to like a shipped level. Pure.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { AreaProperties, Catalogue, LevelMeta, UserLevelId } from '../data/types';

/** An imported division as stored: its catalogue entry and its areas (WGS84). */
export interface UserLevel {
  /** Random id; the level id is `user-level:<id>`. */
  id: string;
  /** ISO timestamp. */
  createdAt: string;
  fileName: string;
  meta: LevelMeta;
  features: GeoJSON.FeatureCollection<Polygon | MultiPolygon, AreaProperties>;
}

/** The level id of a user level. */
export function userLevelId(id: string): UserLevelId {
  return `user-level:${id}`;
}

/** The stored id of a `user-level:` level id, or null for shipped levels. */
export function userLevelKey(level: string): string | null {
  return level.startsWith('user-level:') ? level.slice('user-level:'.length) : null;
}

/** The catalogue with the user's levels appended to the shipped ones. */
export function withUserLevels(catalogue: Catalogue, levels: readonly UserLevel[]): Catalogue {
  if (levels.length === 0) return catalogue;
  const ids = new Set(levels.map((l) => l.meta.id));
  return { ...catalogue, levels: [...catalogue.levels.filter((l) => !ids.has(l.id)), ...levels.map((l) => l.meta)] };
}
