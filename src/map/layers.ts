/**
 * Per-level map data, prepared once per level as a pure function: display names, label points
 * and border lines. The canvas renderer (canvas-choropleth.ts) builds its paths from it.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { geometryPaths, type Path } from './geometry-paths';

export { geometryPaths, type Path };

/** Per-level geometry and label anchors; build once per level with `prepareAreas`. */
export interface AreaLayerData {
  /** The level id the data belongs to. */
  levelId: string;
  /** Features in level order; feature i is coloured by colors[4i..4i+3]. */
  features: Feature<Geometry>[];
  /** Display name per feature. */
  names: string[];
  /** A point inside each feature, [lon, lat], for its label. */
  labelPoints: [number, number][];
  /** Area borders, each shared border once (from the topology's mesh), or null to stroke every polygon ring. */
  borders: Path[] | null;
  /** Parent borders (e.g. län). */
  parentBorders: Path[];
}

function isPoint(value: unknown): value is [number, number] {
  return Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number' && Number.isFinite(v));
}

/** Fallback label point for geometry without a shipped one (e.g. imported boundaries). */
function bboxCentre(geometry: Geometry | null): [number, number] {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  const visit = (coordinates: unknown): void => {
    if (Array.isArray(coordinates) && typeof coordinates[0] === 'number') {
      const [x, y] = coordinates as [number, number];
      west = Math.min(west, x);
      east = Math.max(east, x);
      south = Math.min(south, y);
      north = Math.max(north, y);
    } else if (Array.isArray(coordinates)) coordinates.forEach(visit);
  };
  if (geometry && 'coordinates' in geometry) visit(geometry.coordinates);
  return Number.isFinite(west) ? [(west + east) / 2, (south + north) / 2] : [0, 0];
}

/**
 * Builds the per-level data: label points (from the data build's `label`, else the centre of
 * the feature's bounding box), names and border paths. `borders` is the level's topology mesh
 * (every shared border once); without it the renderer strokes the polygon rings.
 */
export function prepareAreas(levelId: string, collection: FeatureCollection, borders?: Geometry | null, parents?: FeatureCollection | null): AreaLayerData {
  const features = collection.features as Feature<Geometry>[];
  const names: string[] = [];
  const labelPoints: [number, number][] = [];
  for (const feature of features) {
    const props = (feature.properties ?? {}) as { name?: unknown; code?: unknown; label?: unknown };
    names.push(String(props.name ?? props.code ?? ''));
    labelPoints.push(isPoint(props.label) ? props.label : bboxCentre(feature.geometry));
  }
  return {
    levelId,
    features,
    names,
    labelPoints,
    borders: borders ? geometryPaths([borders]) : null,
    parentBorders: parents ? geometryPaths(parents.features.map((f) => f.geometry)) : [],
  };
}
