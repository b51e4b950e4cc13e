/**
 * Reprojection of GeoJSON from the Swedish grids (SWEREF 99) to WGS84 longitude/latitude.
 * proj4 is a plain JS library, so this also runs in the browser.
 */
import proj4 from 'proj4';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';

/** proj4 definitions of the grids the source data uses, keyed by EPSG code. */
export const SWEREF_DEFS: Readonly<Record<string, string>> = {
  // SWEREF 99 TM, the national grid.
  '3006': '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
  // SWEREF 99 12 00, the local grid around Göteborg.
  '3007': '+proj=tmerc +lat_0=0 +lon_0=12 +k=1 +x_0=150000 +y_0=0 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
};

const WGS84 = '+proj=longlat +datum=WGS84 +no_defs';

/** EPSG code named by a GeoJSON `crs` member ("urn:ogc:def:crs:EPSG::3006" → "3006"), or null for WGS84. */
export function epsgOfCrs(crs: unknown): string | null {
  if (crs === undefined || crs === null) return null;
  const name = (crs as { properties?: { name?: unknown } }).properties?.name;
  if (typeof name !== 'string') throw new Error('invalid crs: no properties.name');
  if (/CRS84$|EPSG::?4326$/.test(name)) return null;
  const m = /EPSG::?(\d+)$/.exec(name);
  if (!m?.[1]) throw new Error(`invalid crs: ${name}`);
  return m[1];
}

/** A function from grid coordinates [x (easting), y (northing)] of the given EPSG code to [lon, lat]. */
export function toWgs84(epsg: string): (xy: Position) => Position {
  const def = SWEREF_DEFS[epsg];
  if (!def) throw new Error(`unsupported crs EPSG:${epsg}`);
  const converter = proj4(def, WGS84);
  return (xy) => converter.forward([xy[0] ?? NaN, xy[1] ?? NaN]);
}

/** The inverse of toWgs84: [lon, lat] to grid coordinates [x, y]. */
export function fromWgs84(epsg: string): (lonLat: Position) => Position {
  const def = SWEREF_DEFS[epsg];
  if (!def) throw new Error(`unsupported crs EPSG:${epsg}`);
  const converter = proj4(def, WGS84);
  return (ll) => converter.inverse([ll[0] ?? NaN, ll[1] ?? NaN]);
}

function mapGeometry(g: Geometry, f: (p: Position) => Position): Geometry {
  switch (g.type) {
    case 'Point':
      return { type: g.type, coordinates: f(g.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { type: g.type, coordinates: g.coordinates.map(f) };
    case 'MultiLineString':
    case 'Polygon':
      return { type: g.type, coordinates: g.coordinates.map((l) => l.map(f)) };
    case 'MultiPolygon':
      return { type: g.type, coordinates: g.coordinates.map((p) => p.map((l) => l.map(f))) };
    case 'GeometryCollection':
      return { type: g.type, geometries: g.geometries.map((x) => mapGeometry(x, f)) };
  }
}

/**
 * Reprojects a FeatureCollection to WGS84 according to its own `crs` member
 * (no member: already WGS84, returned without the member). Properties are kept. `onFeature` is
 * called after each feature with the number done and the total.
 */
export function reprojectToWgs84(fc: FeatureCollection & { crs?: unknown }, onFeature?: (done: number, total: number) => void): FeatureCollection {
  const epsg = epsgOfCrs(fc.crs);
  const f = epsg ? toWgs84(epsg) : (p: Position) => p;
  const features: Feature[] = fc.features.map((feat, i) => {
    const out: Feature = { type: 'Feature', properties: feat.properties, geometry: feat.geometry ? mapGeometry(feat.geometry, f) : feat.geometry };
    onFeature?.(i + 1, fc.features.length);
    return out;
  });
  return { type: 'FeatureCollection', features };
}
