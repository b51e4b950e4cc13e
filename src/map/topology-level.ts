/**
 * A level's canvas paths straight from its TopoJSON, for the first paint: each arc is decoded and
 * projected once, and the area, border and parent-outline paths are built from arc indices. No
 * GeoJSON is made (topojson's feature and mesh build coordinate arrays the first frame does not
 * need, and the garbage they leave costs a collection; stitching the border mesh, the slowest
 * part, is not needed either). The area paths are the ones `prepareCanvasLevel` builds from the
 * same level's GeoJSON, the same points in the same order; the borders are the same segments,
 * one line per arc instead of stitched lines.
 */
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import { localUnits, type CanvasLevel } from './canvas-choropleth';
import { latOf, lonOf } from './web-mercator';

/** A prepared level and what the first paint needs besides the paths. */
export interface TopologyLevel {
  level: CanvasLevel;
  /** Area codes in the topology's order (the order of the app's features). */
  codes: string[];
}

type ArcIndices = readonly number[];

/**
 * Prepares the `areas` object of a level's topology and the interior borders of the `outlines`
 * objects (e.g. län) for the canvas; `bbox` is the level's [west, south, east, north].
 */
export function prepareTopologyLevel(topology: Topology, outlines: readonly string[], bbox: readonly [number, number, number, number]): TopologyLevel {
  const { origin, scale, lx, ly } = localUnits(bbox);
  const points = projectArcs(topology, lx, ly);
  const areasObject = topology.objects['areas'] as GeometryCollection<{ code?: unknown; name?: unknown; label?: unknown }>;
  const geometries = areasObject.geometries;
  const boxes = new Float64Array(geometries.length * 4);
  const codes: string[] = [];
  const names: string[] = [];
  const labels: [number, number][] = [];
  const areas = geometries.map((geometry, i) => {
    const path = new Path2D();
    const box = [Infinity, Infinity, -Infinity, -Infinity];
    for (const ring of polygonRings(geometry)) trace(path, points, ring, true, box);
    boxes.set(box, i * 4);
    const props: { code?: unknown; name?: unknown; label?: unknown } = geometry.properties ?? {};
    codes.push(String(props.code ?? ''));
    names.push(String(props.name ?? props.code ?? ''));
    const label = props.label;
    labels.push(isPoint(label) ? [lx(label[0]), ly(label[1])] : boxCentre(box, origin, scale, lx, ly));
    return path;
  });
  const arcs = (indices: Iterable<number>): Path2D => {
    const path = new Path2D();
    for (const index of indices) trace(path, points, [index], false);
    return path;
  };
  const parentArcs: number[] = [];
  for (const name of outlines) {
    const object = topology.objects[name];
    // Interior borders only (two different parents): the coast is drawn by the areas (as data/load.ts's outlines).
    if (object) parentArcs.push(...sharedArcs(object as GeometryObject, topology.arcs.length, 'interior'));
  }
  return {
    codes,
    level: {
      count: areas.length,
      areas,
      boxes,
      borders: arcs(sharedArcs(areasObject, topology.arcs.length, 'all')),
      parentBorders: parentArcs.length ? arcs(parentArcs) : null,
      labels,
      names,
      origin,
      scale,
    },
  };
}

/** Every arc's points in local units, [x0, y0, x1, y1, …], decoded as topojson-client's transform does. */
function projectArcs(topology: Topology, lx: (lon: number) => number, ly: (lat: number) => number): Float64Array[] {
  const transform = topology.transform;
  return topology.arcs.map((arc) => {
    const out = new Float64Array(arc.length * 2);
    let x0 = 0;
    let y0 = 0;
    for (let k = 0; k < arc.length; k++) {
      const p = arc[k]!;
      let lon = p[0]!;
      let lat = p[1]!;
      if (transform) {
        lon = (x0 += lon) * transform.scale[0] + transform.translate[0];
        lat = (y0 += lat) * transform.scale[1] + transform.translate[1];
      }
      out[k * 2] = lx(lon);
      out[k * 2 + 1] = ly(lat);
    }
    return out;
  });
}

/**
 * The arcs of an object's polygons, each once (the mesh's arcs; 'all'), or only those between two
 * different polygons ('interior', topojson's `mesh(topology, object, (a, b) => a !== b)`). Drawn
 * as separate lines with round caps, they look as the mesh's stitched lines with round joins.
 */
export function sharedArcs(object: GeometryObject, arcCount: number, which: 'all' | 'interior'): number[] {
  // The first and the last polygon (numbered from 1) on each arc.
  const first = new Int32Array(arcCount);
  const last = new Int32Array(arcCount);
  let owner = 0;
  const visit = (geometry: GeometryObject): void => {
    if (geometry.type === 'GeometryCollection') {
      geometry.geometries.forEach(visit);
      return;
    }
    owner++;
    for (const ring of polygonRings(geometry)) {
      for (const index of ring) {
        const j = index < 0 ? ~index : index;
        if (first[j] === 0) first[j] = owner;
        last[j] = owner;
      }
    }
  };
  visit(object);
  const out: number[] = [];
  for (let j = 0; j < arcCount; j++) if (first[j] !== 0 && (which === 'all' || first[j] !== last[j])) out.push(j);
  return out;
}

/** The rings (arc indices) of a Polygon or MultiPolygon object; none for anything else. */
function polygonRings(geometry: GeometryObject): ArcIndices[] {
  if (geometry.type === 'Polygon') return geometry.arcs;
  if (geometry.type === 'MultiPolygon') return geometry.arcs.flat();
  if (geometry.type === 'GeometryCollection') return geometry.geometries.flatMap(polygonRings);
  return [];
}

/**
 * Adds a line of arcs to `path` as one subpath (a ring closed), the shared point of two arcs once,
 * and widens `box` ([x0, y0, x1, y1]) by its points.
 */
function trace(path: Path2D, points: readonly Float64Array[], arcs: ArcIndices, close: boolean, box?: number[]): void {
  let first = true;
  for (const index of arcs) {
    const arc = points[index < 0 ? ~index : index]!;
    const n = arc.length / 2;
    // A reversed arc (~index) is walked from its end; its first point is the previous arc's last.
    for (let k = first ? 0 : 1; k < n; k++) {
      const j = index < 0 ? n - 1 - k : k;
      const x = arc[j * 2]!;
      const y = arc[j * 2 + 1]!;
      if (first) path.moveTo(x, y);
      else path.lineTo(x, y);
      first = false;
      if (box) {
        if (x < box[0]!) box[0] = x;
        if (y < box[1]!) box[1] = y;
        if (x > box[2]!) box[2] = x;
        if (y > box[3]!) box[3] = y;
      }
    }
  }
  if (close && !first) path.closePath();
}

function isPoint(value: unknown): value is [number, number] {
  return Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number' && Number.isFinite(v));
}

/**
 * The label point of an area without one: the centre of its [lon, lat] box (as layers.ts's
 * fallback), from its box in local units.
 */
function boxCentre(box: number[], origin: [number, number], scale: number, lx: (lon: number) => number, ly: (lat: number) => number): [number, number] {
  if (!Number.isFinite(box[0])) return [lx(0), ly(0)];
  const lon = (x: number) => lonOf(x / scale + origin[0]);
  const lat = (y: number) => latOf(y / scale + origin[1]);
  return [lx((lon(box[0]!) + lon(box[2]!)) / 2), ly((lat(box[1]!) + lat(box[3]!)) / 2)];
}
