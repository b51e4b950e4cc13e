/**
 * Building a user division from an imported boundary file (label points, code checks). Kept apart
 * from user-levels.ts, which the app needs at start-up, so this loads only when a file is added.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { LevelMeta } from '../data/types';
import type { ImportedBoundaries } from './types';
import { userLevelId, type UserLevel } from './user-levels';

/** What stands in the way of using a code property: features without a code, and codes used twice. */
export function codePropertyProblems(boundaries: ImportedBoundaries, codeProperty: string): { empty: number; duplicates: string[] } {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  let empty = 0;
  for (const f of boundaries.features.features) {
    const code = codeOf(f.properties?.[codeProperty]);
    if (code === '') empty++;
    else if (seen.has(code)) duplicates.add(code);
    else seen.add(code);
  }
  return { empty, duplicates: [...duplicates].sort() };
}

/** The code as written (trimmed): the join normalises both sides itself, so none is done here. */
function codeOf(value: unknown): string {
  return textOf(value);
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

/** [west, south, east, north] of some rings' positions, or null when there are none. */
function ringsBox(rings: readonly (readonly Position[])[]): [number, number, number, number] | null {
  let box: [number, number, number, number] | null = null;
  for (const ring of rings) {
    for (const [x, y] of ring) {
      if (x === undefined || y === undefined) continue;
      box = box ? [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)] : [x, y, x, y];
    }
  }
  return box;
}

/** Absolute planar area of a ring in degrees² (shoelace); only used to rank a feature's polygons. */
function ringArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i]!;
    const [xj = 0, yj = 0] = ring[j]!;
    sum += (xj + xi) * (yj - yi);
  }
  return Math.abs(sum / 2);
}

/**
 * A label point: the centre of the bounding box of the feature's largest polygon (by its outer
 * ring). Simple rather than exact (a crescent's centre may lie outside it), like the map's fallback.
 */
export function labelPoint(geometry: Polygon | MultiPolygon): [number, number] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best: Position[][] | null = null;
  let bestArea = -1;
  for (const polygon of polygons) {
    const area = ringArea(polygon[0] ?? []);
    if (area > bestArea) {
      best = polygon;
      bestArea = area;
    }
  }
  const box = best ? ringsBox(best.slice(0, 1)) : null;
  return box ? [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2] : [0, 0];
}

/** What the user chose in the boundary preview. */
export interface UserLevelChoices {
  codeProperty: string;
  nameProperty: string | null;
  /** The division's name, e.g. "Skolområden". */
  name: string;
}

/**
 * Builds a user level from an imported boundary file: properties reduced to {code, name, parents: {}}
 * plus a label point; features without a code are dropped (the preview counts them); the name
 * falls back to the code.
 */
export function buildUserLevel(boundaries: ImportedBoundaries, choices: UserLevelChoices, id: string, createdAt: string): UserLevel {
  const features: UserLevel['features']['features'] = [];
  for (const f of boundaries.features.features) {
    const code = codeOf(f.properties?.[choices.codeProperty]);
    if (code === '') continue;
    const name = (choices.nameProperty ? textOf(f.properties?.[choices.nameProperty]) : '') || code;
    features.push({ type: 'Feature', geometry: f.geometry, properties: { code, name, parents: {}, label: labelPoint(f.geometry) } });
  }
  const box = ringsBox(features.flatMap((f) => (f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat())));
  const meta: LevelMeta = {
    id: userLevelId(id),
    group: { sv: 'Dina data', en: 'Your data' },
    name: { sv: choices.name, en: choices.name },
    areaNoun: { sv: 'område', en: 'area' },
    count: features.length,
    file: userLevelId(id),
    outlines: [],
    bbox: box ?? [0, 0, 0, 0],
    inChooser: true,
    sources: [],
  };
  return { id, createdAt, fileName: boundaries.fileName, meta, features: { type: 'FeatureCollection', features } };
}
