/**
 * The areal overlay of one division on another (WGS84): how much of each source area lies in each
 * target area. The data build overlays Göteborg's DeSO on its primärområden (scripts/build-data.ts);
 * the import worker overlays imported values' areas on the level shown. The shares feed the
 * estimates in src/data/aggregate.ts. Pure (turf only): runs in Node and in a Web Worker.
 */
import area from '@turf/area';
import bbox from '@turf/bbox';
import bboxClip from '@turf/bbox-clip';
import intersect from '@turf/intersect';
import type { BBox, Feature, FeatureCollection, Polygon, Position } from 'geojson';

type Box = [number, number, number, number];

/** One polygon of an area (a MultiPolygon is split into its polygons) with its bounding box. */
interface Part {
  feature: Feature<Polygon>;
  box: Box;
}

interface Prepared {
  code: string;
  area: number;
  box: Box;
  parts: Part[];
}

/** Margin around a clipping box (degrees, ~10 m) so its edge never runs along an area's border. */
const PAD = 1e-4;

const overlaps = (a: Box | BBox, b: Box | BBox): boolean => !(b[0] > a[2] || b[2] < a[0] || b[1] > a[3] || b[3] < a[1]);

function prepare(fc: FeatureCollection, codeOf: (f: Feature) => string): Prepared[] {
  const out: Prepared[] = [];
  for (const f of fc.features) {
    const g = f.geometry;
    if (g?.type !== 'Polygon' && g?.type !== 'MultiPolygon') continue;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    const parts = polygons.map((coordinates): Part => {
      const feature: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates } };
      return { feature, box: bbox(feature) as Box };
    });
    out.push({ code: codeOf(f), area: area(g), box: bbox(g) as Box, parts });
  }
  return out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** A polygon cut to a box ring by ring (emptied holes dropped); null if its outer ring is outside. */
function clipToBox(p: Feature<Polygon>, box: Box): Feature<Polygon> | null {
  const clipRing = (ring: Position[]) => bboxClip({ type: 'Polygon', coordinates: [ring] }, box).geometry.coordinates[0] as Position[] | undefined;
  const [outer, ...holes] = p.geometry.coordinates;
  const o = outer && clipRing(outer);
  if (!o) return null;
  const rings = [o, ...holes.map(clipRing).filter((r): r is Position[] => r !== undefined)];
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: rings } };
}

/** Area (m²) of the intersection of two polygons, computed inside the overlap of their boxes. */
function intersectionArea(a: Part, b: Part): number {
  // The coastal areas have tens of thousands of vertices on islands far from the other polygon:
  // cutting both to the overlap of the boxes first leaves the intersection unchanged.
  const box: Box = [
    Math.max(a.box[0], b.box[0]) - PAD,
    Math.max(a.box[1], b.box[1]) - PAD,
    Math.min(a.box[2], b.box[2]) + PAD,
    Math.min(a.box[3], b.box[3]) + PAD,
  ];
  const ca = clipToBox(a.feature, box);
  const cb = ca && clipToBox(b.feature, box);
  if (!ca || !cb) return 0;
  const cut = intersect({ type: 'FeatureCollection', features: [ca, cb] });
  return cut ? area(cut) : 0;
}

/** The raw overlay: intersection areas (m²) per source and target, and each source's area. */
export interface Overlay {
  intersections: Map<string, Map<string, number>>;
  sourceArea: Map<string, number>;
}

/**
 * Intersects every source area with every target area, polygon by polygon, skipping pairs whose
 * bounding boxes do not overlap (turn the result into shares with overlayShares). Areas are
 * processed in code order, so the output is deterministic. `onProgress` is called after each
 * source area with the number done and the total.
 */
export function computeOverlay(
  sources: FeatureCollection,
  sourceCode: (f: Feature) => string,
  targets: FeatureCollection,
  targetCode: (f: Feature) => string,
  onProgress?: (done: number, total: number) => void,
): Overlay {
  const src = prepare(sources, sourceCode);
  const tgt = prepare(targets, targetCode);
  const sourceArea = new Map<string, number>();
  const intersections = new Map<string, Map<string, number>>();
  let done = 0;
  for (const s of src) {
    sourceArea.set(s.code, s.area);
    const parts = new Map<string, number>();
    for (const t of tgt) {
      if (!overlaps(s.box, t.box)) continue;
      let sum = 0;
      for (const sp of s.parts) {
        if (!overlaps(sp.box, t.box)) continue;
        for (const tp of t.parts) if (overlaps(sp.box, tp.box)) sum += intersectionArea(sp, tp);
      }
      if (sum > 0) parts.set(t.code, sum);
    }
    intersections.set(s.code, parts);
    onProgress?.(++done, src.length);
  }
  return { intersections, sourceArea };
}
