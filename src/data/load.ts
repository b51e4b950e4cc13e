/**
 * The one place that fetches. Every loader resolves to data or rejects with a
 * LoadError naming the file, so the app can show an error view instead of a blank page.
 */
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { AreaProperties, Catalogue, IndicatorValues, LevelMeta } from './types';

/** A failed load: which file, and why, in words a user can act on. */
export class LoadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'LoadError';
  }
}

/** A level's areas as GeoJSON plus its parent outlines, ready for the map and the joins. */
export interface LevelGeometry {
  meta: LevelMeta;
  areas: GeoJSON.FeatureCollection<GeoJSON.Polygon | GeoJSON.MultiPolygon, AreaProperties>;
  /** Outlines of parent divisions (e.g. län), or null. */
  outlines: GeoJSON.FeatureCollection<GeoJSON.MultiLineString> | null;
  /** Every area border once (the level's topology mesh), for drawing the area outlines. */
  areaBorders?: GeoJSON.MultiLineString;
  /** Area codes in feature order. */
  codes: string[];
  /** Feature index by code. */
  indexByCode: Map<string, number>;
}

/** The basemap layers (land, sea, river) as GeoJSON. */
export interface Basemap {
  land: GeoJSON.FeatureCollection;
  sea: GeoJSON.FeatureCollection;
  river: GeoJSON.FeatureCollection;
}

const cache = new Map<string, Promise<unknown>>();

/** Fetches and parses a JSON file below `base`, once per URL. */
export function loadJson<T>(base: string, path: string): Promise<T> {
  const url = joinUrl(base, path);
  let promise = cache.get(url) as Promise<T> | undefined;
  if (!promise) {
    promise = fetchJson<T>(url, path);
    cache.set(url, promise);
    // A failed load may succeed on retry; do not cache failures.
    promise.catch(() => cache.delete(url));
  }
  return promise;
}

async function fetchJson<T>(url: string, path: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    throw new LoadError(path, 'network');
  }
  if (!response.ok) throw new LoadError(path, `HTTP ${response.status}`);
  try {
    return (await response.json()) as T;
  } catch {
    throw new LoadError(path, 'invalid JSON');
  }
}

function joinUrl(base: string, path: string): string {
  return base.endsWith('/') ? base + path : `${base}/${path}`;
}

/** Loads catalogue.json. */
export function loadCatalogue(base: string): Promise<Catalogue> {
  return loadJson<Catalogue>(base, 'catalogue.json');
}

/** Loads one indicator's values at one level. */
export function loadValues(base: string, file: string): Promise<IndicatorValues> {
  return loadJson<IndicatorValues>(base, file);
}

const geometryCache = new Map<string, Promise<LevelGeometry>>();

/** Loads a level's TopoJSON and converts it to GeoJSON once. */
export function loadLevel(base: string, meta: LevelMeta): Promise<LevelGeometry> {
  const key = joinUrl(base, meta.file);
  let promise = geometryCache.get(key);
  if (!promise) {
    promise = loadJson<Topology>(base, meta.file).then((topology) => levelFromTopology(meta, topology));
    geometryCache.set(key, promise);
    promise.catch(() => geometryCache.delete(key));
  }
  return promise;
}

/** Converts a level's topology to GeoJSON features, outlines and a code index. */
export function levelFromTopology(meta: LevelMeta, topology: Topology): LevelGeometry {
  const object = topology.objects['areas'] as GeometryCollection<AreaProperties> | undefined;
  if (!object) throw new LoadError(meta.file, 'no "areas" object');
  const areas = feature(topology, object) as LevelGeometry['areas'];
  let outlines: LevelGeometry['outlines'] = null;
  const lines: GeoJSON.Feature<GeoJSON.MultiLineString>[] = [];
  for (const name of meta.outlines) {
    const outline = topology.objects[name];
    // Interior borders only (a !== b): the coast is already drawn by the areas.
    if (outline) lines.push({ type: 'Feature', properties: { name }, geometry: mesh(topology, outline as GeometryCollection, (a, b) => a !== b) });
  }
  if (lines.length) outlines = { type: 'FeatureCollection', features: lines };
  const codes = areas.features.map((f) => f.properties.code);
  const indexByCode = new Map(codes.map((code, i) => [code, i]));
  // Each shared border once: half the vertices of drawing every polygon's outline.
  const areaBorders = mesh(topology, object as GeometryCollection);
  return { meta, areas, outlines, areaBorders, codes, indexByCode };
}

/**
 * A level from GeoJSON areas (the user's own divisions, kept in the browser): no parent
 * outlines and no shared-border mesh (the map then outlines every polygon).
 */
export function levelFromFeatures(meta: LevelMeta, features: LevelGeometry['areas']): LevelGeometry {
  const codes = features.features.map((f) => f.properties.code);
  const indexByCode = new Map(codes.map((code, i) => [code, i]));
  return { meta, areas: features, outlines: null, codes, indexByCode };
}

/** Loads the offline basemap. */
export async function loadBasemap(base: string, file: string): Promise<Basemap> {
  const topology = await loadJson<Topology>(base, file);
  const layer = (name: string): GeoJSON.FeatureCollection => {
    const object = topology.objects[name];
    if (!object) return { type: 'FeatureCollection', features: [] };
    const result = feature(topology, object);
    return result.type === 'FeatureCollection' ? result : { type: 'FeatureCollection', features: [result] };
  };
  return { land: layer('land'), sea: layer('sea'), river: layer('river') };
}
