/**
 * Boundary files: GeoJSON or TopoJSON in WGS84, SWEREF 99 TM (EPSG:3006) or SWEREF 99 12 00
 * (EPSG:3007), reprojected to WGS84. Only polygons are kept; the code and name properties are
 * guessed for the user to confirm.
 *
 * CRS rule: the `crs` member when present (EPSG:4326/CRS84, 3006, 3007; others are refused);
 * otherwise the bounding box of all coordinates:
 *   |x| ≤ 180 and |y| ≤ 90                              → WGS84 (EPSG:4326)
 *   y in 6 100 000–7 700 000 and x in 200 000–1 000 000  → SWEREF 99 TM (EPSG:3006)
 *   y in 6 100 000–7 700 000 and x in 50 000–300 000     → SWEREF 99 12 00 (EPSG:3007)
 * The two SWEREF x ranges overlap (200 000–300 000): a box that fits inside 50 000–300 000 is
 * taken as 3007, since TM eastings west of 300 000 only occur on the far west coast while
 * 12 00 is the grid Göteborg's own data comes in.
 */
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { Localized } from '../data/types';
import { normalizeCode } from '../data/join';
import { epsgOfCrs, reprojectToWgs84 } from '../data/reproject';
import { selfIntersectionWarning, topologyProblem } from './boundary-checks';
import { foldName, guarded, importError, msg } from './common';
import type { ImportResult, ImportedBoundaries } from './types';

type Epsg = ImportedBoundaries['crs']['epsg'];

/** The bounding box of all positions, or null if there are none; throws on a non-number coordinate. */
function boundingBox(features: readonly Feature[]): [number, number, number, number] | null {
  let box: [number, number, number, number] | null = null;
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) throw new Error('coordinates are not an array');
    if (typeof c[0] === 'number' || typeof c[1] === 'number') {
      const [x, y] = c as unknown[];
      if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
        throw new Error(`invalid position ${JSON.stringify(c).slice(0, 40)}`);
      }
      box = box ? [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)] : [x, y, x, y];
      return;
    }
    for (const p of c) visit(p);
  };
  for (const f of features) visit((f.geometry as { coordinates?: unknown }).coordinates);
  return box;
}

/** The EPSG code a bounding box's coordinate ranges imply (see the rule above), or null. */
export function epsgOfRange(box: readonly [number, number, number, number]): Epsg | null {
  const [x0, y0, x1, y1] = box;
  if (Math.abs(x0) <= 180 && Math.abs(x1) <= 180 && Math.abs(y0) <= 90 && Math.abs(y1) <= 90) return 4326;
  if (y0 < 6_100_000 || y1 > 7_700_000) return null;
  if (x0 >= 50_000 && x1 <= 300_000) return 3007;
  if (x0 >= 200_000 && x1 <= 1_000_000) return 3006;
  return null;
}

const CODE_NAMES = ['kod', 'code', 'desokod', 'deso', 'regsokod', 'regso', 'omradekod', 'omradeskod', 'kommunkod', 'lanskod', 'lankod', 'id'];
const NAME_NAMES = ['namn', 'name', 'omradesnamn', 'kommunnamn', 'desonamn', 'regsonamn', 'lansnamn'];

/** Guesses the code property: a known name, else the property whose values are unique short strings. */
export function guessCodeProperty(features: readonly Feature[], properties: readonly string[]): string | null {
  const byFolded = new Map(properties.map((p) => [foldName(p), p]));
  for (const name of CODE_NAMES) {
    const p = byFolded.get(name);
    if (p) return p;
  }
  const suffixed = properties.find((p) => /(kod|code|_id)$/i.test(p));
  if (suffixed) return suffixed;
  for (const p of properties) {
    const values = features.map((f) => f.properties?.[p]);
    if (!values.every((v) => (typeof v === 'string' && v.trim().length > 0 && v.length <= 12) || Number.isInteger(v))) continue;
    const codes = new Set(values.map((v) => normalizeCode(v as string | number)));
    if (codes.size === values.length) return p;
  }
  return null;
}

/** Guesses the name property: "namn", "name" or a name ending in "namn"/"_name". */
export function guessNameProperty(properties: readonly string[]): string | null {
  const byFolded = new Map(properties.map((p) => [foldName(p), p]));
  for (const name of NAME_NAMES) {
    const p = byFolded.get(name);
    if (p) return p;
  }
  return properties.find((p) => /(namn|_name)$/i.test(p)) ?? null;
}

/** The features of a GeoJSON or TopoJSON object, and which of the two it was. */
function featuresOf(json: Record<string, unknown>, warnings: Localized[]): { features: Feature[]; format: 'geojson' | 'topojson' } | null {
  if (json['type'] === 'Topology') {
    const objects = json['objects'];
    if (typeof objects !== 'object' || objects === null) return null;
    const names = Object.keys(objects);
    const all = names.map((name) => {
      const out = feature(json as unknown as Topology, name) as Feature | FeatureCollection;
      return { name, features: out.type === 'FeatureCollection' ? out.features : [out] };
    });
    // A topology may hold several layers (areas, mesh, labels): take the one with most polygons.
    const polys = (fs: Feature[]): number => fs.filter((f) => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon').length;
    all.sort((a, b) => polys(b.features) - polys(a.features));
    const chosen = all[0];
    if (!chosen) return null;
    if (all.length > 1) {
      warnings.push(msg(`TopoJSON-filen har flera objekt; "${chosen.name}" används.`, `The TopoJSON file has several objects; "${chosen.name}" is used.`));
    }
    return { features: chosen.features, format: 'topojson' };
  }
  if (json['type'] === 'FeatureCollection' && Array.isArray(json['features'])) return { features: json['features'] as Feature[], format: 'geojson' };
  if (json['type'] === 'Feature') return { features: [json as unknown as Feature], format: 'geojson' };
  return null;
}

/** Parses a GeoJSON or TopoJSON boundary file (already JSON.parse'd). Never throws. `onFeature` reports reprojection progress. */
export function parseBoundaries(json: unknown, fileName: string, onFeature?: (done: number, total: number) => void): ImportResult {
  return guarded(fileName, 'bad-geometry', () => parseUnguarded(json, fileName, onFeature));
}

function parseUnguarded(json: unknown, fileName: string, onFeature?: (done: number, total: number) => void): ImportResult {
  const warnings: Localized[] = [];
  const obj = typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
  // topojson-client trusts the file: a missing arc would surface as "Cannot read properties of undefined".
  const broken = obj['type'] === 'Topology' ? topologyProblem(obj) : null;
  if (broken) return importError('bad-geometry', fileName, broken);
  const found = featuresOf(obj, warnings);
  if (!found) {
    return importError(
      'bad-geometry',
      fileName,
      msg('Filen är varken GeoJSON (FeatureCollection) eller TopoJSON.', 'The file is neither GeoJSON (FeatureCollection) nor TopoJSON.'),
    );
  }
  const isPolygon = (f: Feature): f is Feature<Polygon | MultiPolygon> =>
    typeof f === 'object' && f !== null && (f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon');
  const polygons = found.features.filter(isPolygon);
  const others = found.features.length - polygons.length;
  if (others > 0) {
    warnings.push(
      msg(
        `${others} objekt utan ytgeometri (punkter, linjer, tomma) hoppades över.`,
        `${others} features without area geometry (points, lines, empty) were skipped.`,
      ),
    );
  }
  if (polygons.length === 0) {
    return importError(
      'bad-geometry',
      fileName,
      msg('Filen innehåller inga ytor (Polygon eller MultiPolygon).', 'The file contains no areas (Polygon or MultiPolygon).'),
    );
  }
  let box: [number, number, number, number] | null;
  try {
    box = boundingBox(polygons);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return importError('bad-geometry', fileName, msg(`Ogiltiga koordinater: ${detail}.`, `Invalid coordinates: ${detail}.`));
  }
  let epsg: Epsg | null;
  let detectedBy: ImportedBoundaries['crs']['detectedBy'];
  const crsMember = obj['crs'];
  if (crsMember !== undefined && crsMember !== null) {
    let code: string | null;
    try {
      code = epsgOfCrs(crsMember);
    } catch {
      code = 'unknown';
    }
    epsg = code === null ? 4326 : code === '3006' ? 3006 : code === '3007' ? 3007 : null;
    detectedBy = 'crs-member';
    if (epsg === null) {
      const name = JSON.stringify((crsMember as { properties?: { name?: unknown } }).properties?.name ?? crsMember).slice(0, 80);
      return importError(
        'unknown-crs',
        fileName,
        msg(
          `Koordinatsystemet ${name} stöds inte; använd WGS84, SWEREF 99 TM (3006) eller SWEREF 99 12 00 (3007).`,
          `The coordinate system ${name} is not supported; use WGS84, SWEREF 99 TM (3006) or SWEREF 99 12 00 (3007).`,
        ),
        'crs',
      );
    }
  } else if (box) {
    epsg = epsgOfRange(box);
    detectedBy = 'coordinate-range';
    if (epsg === null) {
      const b = box.map((v) => Math.round(v)).join(', ');
      return importError(
        'unknown-crs',
        fileName,
        msg(
          `Koordinatsystemet gick inte att känna igen (utsträckning ${b}); lägg till ett "crs" eller spara i WGS84.`,
          `The coordinate system could not be recognised (extent ${b}); add a "crs" member or save in WGS84.`,
        ),
      );
    }
  } else {
    epsg = 4326;
    detectedBy = 'default';
  }
  const input: FeatureCollection & { crs?: unknown } = { type: 'FeatureCollection', features: polygons };
  if (epsg !== 4326) input.crs = { type: 'name', properties: { name: `urn:ogc:def:crs:EPSG::${epsg}` } };
  const projected = reprojectToWgs84(input, onFeature).features as Feature<Geometry>[];
  const out = projected.map((f) => ({ ...f, properties: f.properties ?? {} })) as Feature<Polygon | MultiPolygon>[];
  if (epsg !== 4326) {
    const after = boundingBox(out);
    if (!after || !after.every(Number.isFinite)) {
      return importError('bad-geometry', fileName, msg('Omprojiceringen gav ogiltiga koordinater.', 'Reprojection produced invalid coordinates.'));
    }
  }
  const properties = [...new Set(out.flatMap((f) => Object.keys(f.properties ?? {})))];
  const codeProperty = guessCodeProperty(out, properties);
  const nameProperty = guessNameProperty(properties);
  const crossing = selfIntersectionWarning(out, nameProperty, codeProperty);
  if (crossing) warnings.push(crossing);
  return {
    kind: 'boundaries',
    format: found.format,
    fileName,
    crs: { epsg, detectedBy },
    features: { type: 'FeatureCollection', features: out },
    properties,
    codeProperty,
    nameProperty,
    warnings,
  };
}
