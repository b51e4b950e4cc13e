/**
 * Checks on imported boundary files that name what is wrong instead of failing deep inside a
 * library: TopoJSON references to arcs that do not exist (topojson-client would throw "Cannot read
 * properties of undefined"), and polygons whose rings cross themselves or each other (drawn, but with holes or
 * overlaps the author did not mean). Pure; runs in the import worker.
 */
import findIntersections from 'sweepline-intersections';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { Localized } from '../data/types';
import { msg } from './common';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPosition = (p: unknown): boolean => Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number';

/** How a geometry of an object is named in a message: its index, and its id when it has one. */
function geometryLabel(object: string, path: readonly number[], geometry: Record<string, unknown>): Localized {
  const where = path.length === 0 ? '' : ` ${path.join('.')}`;
  const id =
    geometry['id'] ??
    (isObject(geometry['properties'])
      ? (geometry['properties']['kod'] ?? geometry['properties']['code'] ?? geometry['properties']['namn'] ?? geometry['properties']['name'])
      : undefined);
  const idText = typeof id === 'string' || typeof id === 'number' ? ` (${JSON.stringify(id)})` : '';
  return msg(`objektet "${object}", geometri${where}${idText}`, `object "${object}", geometry${where}${idText}`);
}

/** The arc indices a geometry's `arcs` must hold, by type: nesting depth 1 (LineString) to 3 (MultiPolygon). */
const ARC_DEPTH: Record<string, number> = { LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 };

/**
 * The first broken reference in a TopoJSON topology, worded for the user; null when every arc
 * index resolves and the arcs and transform are well formed.
 */
export function topologyProblem(topology: Record<string, unknown>): Localized | null {
  const arcs = topology['arcs'];
  if (!Array.isArray(arcs)) {
    return msg(
      'TopoJSON-filen saknar listan "arcs" med bågarna som ytorna byggs av.',
      'The TopoJSON file has no "arcs" list of the arcs its areas are built from.',
    );
  }
  const badArc = arcs.findIndex((arc) => !Array.isArray(arc) || !arc.every(isPosition));
  if (badArc >= 0) return msg(`Båge ${badArc} i TopoJSON-filen har ogiltiga koordinater.`, `Arc ${badArc} of the TopoJSON file has invalid coordinates.`);
  const transform = topology['transform'];
  const pair = (v: unknown): boolean => Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number' && Number.isFinite(x));
  if (transform !== undefined && !(isObject(transform) && pair(transform['scale']) && pair(transform['translate']))) {
    return msg('TopoJSON-filens "transform" saknar giltiga "scale" och "translate".', 'The TopoJSON file’s "transform" lacks a valid "scale" and "translate".');
  }
  const count = arcs.length;
  const range = count === 0 ? msg('inga bågar', 'no arcs') : msg(`bara ${count} bågar (0–${count - 1})`, `only ${count} arcs (0–${count - 1})`);
  const objects = isObject(topology['objects']) ? topology['objects'] : {};

  /** The first bad arc reference in a nested list of indices, or undefined. */
  const badIndex = (refs: unknown, depth: number): { ref: unknown } | undefined => {
    if (!Array.isArray(refs)) return { ref: refs };
    for (const r of refs) {
      if (depth > 1) {
        const inner = badIndex(r, depth - 1);
        if (inner) return inner;
      } else if (!Number.isInteger(r) || ((r as number) < 0 ? ~(r as number) : (r as number)) >= count) return { ref: r };
    }
    return undefined;
  };

  const visit = (object: string, geometry: unknown, path: number[]): Localized | null => {
    if (!isObject(geometry)) return null;
    const type = geometry['type'];
    if (type === 'GeometryCollection') {
      const list = Array.isArray(geometry['geometries']) ? geometry['geometries'] : [];
      for (const [i, g] of list.entries()) {
        const problem = visit(object, g, [...path, i]);
        if (problem) return problem;
      }
      return null;
    }
    const depth = typeof type === 'string' ? ARC_DEPTH[type] : undefined;
    if (depth === undefined) return null;
    const bad = badIndex(geometry['arcs'], depth);
    if (!bad) return null;
    const label = geometryLabel(object, path, geometry);
    if (!Number.isInteger(bad.ref)) {
      const shown = JSON.stringify(bad.ref)?.slice(0, 40) ?? 'undefined';
      return msg(
        `I TopoJSON-filen har ${label.sv} en ogiltig bågreferens ${shown}.`,
        `In the TopoJSON file, ${label.en} has an invalid arc reference ${shown}.`,
      );
    }
    const ref = bad.ref as number;
    // Negative indices (~i) refer to arc i walked backwards.
    const sv = ref < 0 ? `båge ${ref} (båge ${~ref} baklänges)` : `båge ${ref}`;
    const en = ref < 0 ? `arc ${ref} (arc ${~ref} reversed)` : `arc ${ref}`;
    return msg(
      `I TopoJSON-filen hänvisar ${label.sv} till ${sv}, men filen har ${range.sv}. Filen är skadad eller ofullständig; exportera den igen.`,
      `In the TopoJSON file, ${label.en} refers to ${en}, but the file has ${range.en}. The file is damaged or incomplete; export it again.`,
    );
  };

  for (const [name, object] of Object.entries(objects)) {
    const problem = visit(name, object, []);
    if (problem) return problem;
  }
  return null;
}

/** A ring without repeated consecutive positions (each repeat would count as a crossing). */
function withoutRepeats(ring: readonly Position[]): Position[] {
  return ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1]![0] || p[1] !== ring[i - 1]![1]);
}

/**
 * Whether one polygon's rings cross themselves or each other. sweepline-intersections (the sweep
 * behind @turf/line-intersect) rather than @turf/kinks: kinks compares every pair of segments,
 * which took 40 s for Göteborg's 40,000-vertex sea polygon; the sweep takes milliseconds.
 */
function crosses(rings: readonly (readonly Position[])[]): boolean {
  const cleaned = rings.map(withoutRepeats).filter((r) => r.length >= 4);
  return cleaned.length > 0 && findIntersections({ type: 'Polygon', coordinates: cleaned }).length > 0;
}

/** The indices of the features with a self-intersecting polygon. */
export function selfIntersecting(features: readonly Feature<Polygon | MultiPolygon>[]): number[] {
  return features.flatMap((f, i) => {
    const g = f.geometry;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    return polygons.some(crosses) ? [i] : [];
  });
}

// Named in the warning; the rest are counted.
const NAMED = 5;

/**
 * The warning for self-intersecting areas, naming the first few by their name (or code) property,
 * or null when there are none. The areas are kept: they draw, with the crossing parts as drawn.
 */
export function selfIntersectionWarning(
  features: readonly Feature<Polygon | MultiPolygon>[],
  nameProperty: string | null,
  codeProperty: string | null,
): Localized | null {
  const hits = selfIntersecting(features);
  if (hits.length === 0) return null;
  const nameOf = (i: number): string => {
    const props = features[i]?.properties ?? {};
    const value = (nameProperty ? props[nameProperty] : undefined) ?? (codeProperty ? props[codeProperty] : undefined);
    return typeof value === 'string' || typeof value === 'number' ? `"${value}"` : `#${i + 1}`;
  };
  const names = hits.slice(0, NAMED).map(nameOf).join(', ');
  const more = hits.length - NAMED;
  const tail = { sv: more > 0 ? ` och ${more} till` : '', en: more > 0 ? ` and ${more} more` : '' };
  const advice = {
    sv: 'ytan kan få hål eller överlapp där gränsen korsar; rätta gärna filen (t.ex. med "Reparera geometrier" i QGIS).',
    en: 'the area may get holes or overlaps where the boundary crosses; consider fixing the file (e.g. with "Fix geometries" in QGIS).',
  };
  return hits.length === 1
    ? msg(
        `Området ${names} har en gräns som korsar sig själv. Det visas ändå, men ${advice.sv}`,
        `The area ${names} has a boundary that crosses itself. It is still shown, but ${advice.en}`,
      )
    : msg(
        `${hits.length} områden (${names}${tail.sv}) har gränser som korsar sig själva. De visas ändå, men ${advice.sv}`,
        `${hits.length} areas (${names}${tail.en}) have boundaries that cross themselves. They are still shown, but ${advice.en}`,
      );
}
