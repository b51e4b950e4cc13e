/**
 * Boundaries → TopoJSON per level (object `areas`, shared arcs) and the basemap.
 * Reprojection with proj4 (src/data/reproject.ts); clean/snap/simplify/quantize with mapshaper.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import mapshaper from 'mapshaper';
import polylabel from 'polylabel';
import { feature as topojsonFeature } from 'topojson-client';
import type { Feature, FeatureCollection } from 'geojson';
import { reprojectToWgs84 } from '../src/data/reproject';
import type { AreaProperties, ShippedLevelId } from '../src/data/types';

type Props = Record<string, unknown>;

/** How one level's boundaries are read and simplified. */
export interface LevelGeometrySpec {
  id: ShippedLevelId;
  /** Source file under geo/. */
  file: string;
  /** Simplification tolerance in metres (Douglas–Peucker on the sphere). */
  interval: number;
  /** TopoJSON quantization (grid cells across the extent). */
  quantization: number;
  /** Rebuild shared borders of separately simplified polygons: snap distance in degrees, gap width in metres. */
  repair?: { snap: number; gapWidth: number };
  /** Also output the län dissolved from the areas (kommun level). */
  lanOutline?: boolean;
  area: (p: Props) => AreaProperties;
}

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/** Göteborg's own divisions carry names like "Gårdstensberget_04" for basområden. */
const gbgName = (p: Props): string => str(p.omrade_namn).replace(/_/g, ' ').trim();

/** The levels the app ships, with their tolerances (chosen for each level's natural zoom). */
export const LEVEL_GEOMETRY: readonly LevelGeometrySpec[] = [
  {
    id: 'kommun',
    file: 'sverige-kommuner-2025.geojson',
    interval: 150,
    quantization: 40000,
    lanOutline: true,
    area: (p) => ({ code: str(p.kommun_kod), name: str(p.kommun_namn), parents: { lan: str(p.lan_kod) } }),
  },
  {
    id: 'gbg-stadsomrade',
    file: 'goteborg-stadsomraden-2025.geojson',
    interval: 20,
    quantization: 40000,
    area: (p) => ({ code: str(p.omrade_kod), name: gbgName(p), parents: { kommun: '1480' } }),
  },
  {
    id: 'gbg-mellanomrade',
    file: 'goteborg-mellanomraden-2025.geojson',
    interval: 15,
    quantization: 40000,
    area: (p) => ({
      code: str(p.omrade_kod),
      name: gbgName(p),
      parents: { stadsomrade: str(p.stadsomrade_kod), kommun: '1480' },
    }),
  },
  {
    id: 'gbg-primaromrade',
    file: 'goteborg-primaromraden-2025.geojson',
    interval: 10,
    quantization: 50000,
    area: (p) => ({
      code: str(p.omrade_kod),
      name: gbgName(p),
      parents: { mellanomrade: str(p.mellanomrade_kod), stadsomrade: str(p.stadsomrade_kod), kommun: '1480' },
    }),
  },
  {
    id: 'gbg-basomrade',
    file: 'goteborg-basomraden-2025.geojson',
    interval: 25,
    quantization: 50000,
    area: (p) => ({
      code: str(p.omrade_kod),
      name: gbgName(p) || `${str(p.primaromrade_namn)} ${str(p.omrade_kod)}`.trim(),
      parents: {
        primaromrade: str(p.primaromrade_kod),
        mellanomrade: str(p.mellanomrade_kod),
        stadsomrade: str(p.stadsomrade_kod),
        kommun: '1480',
      },
    }),
  },
  {
    id: 'gbg-deso',
    file: 'goteborg-deso-2025-land.geojson',
    interval: 10,
    quantization: 50000,
    area: (p) => ({
      code: str(p.desokod),
      name: p.RegSO_2025 ? `${str(p.RegSO_2025)} (${str(p.desokod)})` : str(p.desokod),
      parents: { regso: str(p.regsokod), kommun: str(p.kommunkod) },
    }),
  },
  {
    id: 'gbg-regso',
    file: 'goteborg-regso-2025-land.geojson',
    interval: 10,
    quantization: 50000,
    area: (p) => ({ code: str(p.regsokod), name: str(p.regsonamn), parents: { kommun: str(p.kommunkod) } }),
  },
  {
    id: 'boras-deso',
    file: 'boras-deso-2025.geojson',
    interval: 20,
    quantization: 40000,
    // The source simplified each DeSO on its own (~40 m): snap and fill the slivers between them.
    repair: { snap: 0.0003, gapWidth: 80 },
    area: (p) => ({
      code: str(p.desokod),
      name: str(p.desokod),
      parents: { regso: str(p.regsokod), kommun: str(p.desokod).slice(0, 4) },
    }),
  },
];

/** A TopoJSON topology as mapshaper writes it (only the members we touch are typed). */
export interface Topology {
  type: 'Topology';
  arcs: number[][][];
  transform?: { scale: [number, number]; translate: [number, number] };
  bbox?: number[];
  objects: Record<string, { type: string; geometries: TopoGeometry[] }>;
}

interface TopoGeometry {
  type: string | null;
  id?: string | number;
  properties?: unknown;
  arcs?: unknown;
}

/** The built topology of one level, with what the catalogue needs. */
export interface LevelTopology {
  topology: Topology;
  areas: AreaProperties[];
  bbox: [number, number, number, number];
}

/** Reads a source GeoJSON file and reprojects it to WGS84 by its own crs. */
export function readGeo(sourceDir: string, file: string): FeatureCollection {
  return reprojectToWgs84(JSON.parse(readFileSync(join(sourceDir, 'geo', file), 'utf8')));
}

async function runMapshaper(commands: string, inputs: Record<string, unknown>): Promise<Topology> {
  const out = await mapshaper.applyCommands(commands, inputs);
  const text = out['out.json'];
  if (text === undefined) throw new Error(`mapshaper wrote no output for: ${commands}`);
  return JSON.parse(text.toString()) as Topology;
}

/** Bounding box [w, s, e, n] of a quantized topology, from its arcs. */
export function topologyBbox(topo: Topology): [number, number, number, number] {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  const [kx, ky] = topo.transform?.scale ?? [1, 1];
  const [dx, dy] = topo.transform?.translate ?? [0, 0];
  for (const arc of topo.arcs) {
    let x = 0;
    let y = 0;
    for (const p of arc) {
      if (topo.transform) {
        x += p[0] ?? 0;
        y += p[1] ?? 0;
      } else {
        x = p[0] ?? 0;
        y = p[1] ?? 0;
      }
      const lon = x * kx + dx;
      const lat = y * ky + dy;
      w = Math.min(w, lon);
      e = Math.max(e, lon);
      s = Math.min(s, lat);
      n = Math.max(n, lat);
    }
  }
  const r = (v: number) => Math.round(v * 1e5) / 1e5;
  return [r(w), r(s), r(e), r(n)];
}

/**
 * Where an area's name goes on the map: the pole of inaccessibility (mapbox polylabel) of its
 * largest polygon, computed once here so the app needs no geometry library for labels.
 * Planar in degrees, which is fine at these sizes; rounded to ~10 m.
 */
function labelPoint(topology: Topology, geometry: TopoGeometry): [number, number] {
  // topojson-client's types describe the same structure as our narrower Topology type.
  const shape = (topojsonFeature as unknown as (t: Topology, g: TopoGeometry) => GeoJSON.Feature)(topology, geometry).geometry;
  const polygons = !shape ? [] : shape.type === 'Polygon' ? [shape.coordinates] : shape.type === 'MultiPolygon' ? shape.coordinates : [];
  let best: number[][][] | undefined;
  let bestArea = -1;
  for (const polygon of polygons) {
    const ring = polygon[0] ?? [];
    let area = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) area += (ring[j]![0]! + ring[i]![0]!) * (ring[j]![1]! - ring[i]![1]!);
    if (Math.abs(area) > bestArea) {
      bestArea = Math.abs(area);
      best = polygon;
    }
  }
  if (!best) return [0, 0];
  const [x = 0, y = 0] = polylabel(best, 0.0005);
  return [Math.round(x * 1e4) / 1e4, Math.round(y * 1e4) / 1e4];
}

/** Builds one level's TopoJSON: areas sorted by code, properties = AreaProperties, id = code. */
export async function buildLevelTopology(spec: LevelGeometrySpec, sourceDir: string): Promise<LevelTopology> {
  const fc = readGeo(sourceDir, spec.file);
  const areaByCode = new Map<string, AreaProperties>();
  const lanNames = new Map<string, string>();
  const features: Feature[] = [];
  for (const f of fc.features) {
    const p = (f.properties ?? {}) as Props;
    const area = spec.area(p);
    if (!area.code) throw new Error(`${spec.file}: feature without code`);
    if (areaByCode.has(area.code)) throw new Error(`${spec.file}: duplicate code ${area.code}`);
    areaByCode.set(area.code, area);
    const props: Props = { code: area.code };
    if (spec.lanOutline) {
      props.lan = area.parents.lan;
      lanNames.set(str(p.lan_kod), str(p.lan_namn));
    }
    features.push({ type: 'Feature', properties: props, geometry: f.geometry });
  }
  features.sort((a, b) => cmp(str(a.properties?.code), str(b.properties?.code)));
  const repair = spec.repair ? `-snap interval=${spec.repair.snap} -clean gap-width=${spec.repair.gapWidth}m` : '';
  const lan = spec.lanOutline ? '-dissolve lan target=areas + name=lan' : '';
  const targets = spec.lanOutline ? 'areas,lan' : 'areas';
  const topology = await runMapshaper(
    `-i in.json name=areas ${repair} ${lan} -simplify dp interval=${spec.interval} keep-shapes target=${targets} ` +
      `-o out.json format=topojson target=${targets} quantization=${spec.quantization}`,
    { 'in.json': { type: 'FeatureCollection', features } },
  );
  const areasObj = topology.objects.areas;
  if (!areasObj) throw new Error(`${spec.id}: no areas object`);
  const areas: AreaProperties[] = [];
  for (const g of areasObj.geometries) {
    const code = str((g.properties as Props | undefined)?.code);
    const area = areaByCode.get(code);
    if (!area) throw new Error(`${spec.id}: unknown code ${code} in output`);
    g.id = code;
    g.properties = { ...area, label: labelPoint(topology, g) };
    areas.push(area);
  }
  if (areas.length !== areaByCode.size) throw new Error(`${spec.id}: ${areaByCode.size - areas.length} areas lost`);
  const lanObj = topology.objects.lan;
  if (lanObj) {
    for (const g of lanObj.geometries) {
      const code = str((g.properties as Props | undefined)?.lan);
      g.id = code;
      g.properties = { code, name: lanNames.get(code) ?? code, parents: {} } satisfies AreaProperties;
    }
    lanObj.geometries.sort((a, b) => cmp(str(a.id), str(b.id)));
  }
  return { topology: orderTopology(topology), areas, bbox: topologyBbox(topology) };
}

/** The basemap: Sweden's land (all kommuner dissolved), the sea and Göta älv around Göteborg. */
export async function buildBasemap(sourceDir: string): Promise<Topology> {
  const layer = async (file: string, dissolve: boolean, interval: number): Promise<unknown> => {
    const fc = readGeo(sourceDir, file);
    const features = fc.features.map((f) => ({ type: 'Feature', properties: {}, geometry: f.geometry }));
    const out = await mapshaper.applyCommands(
      `-i in.json ${dissolve ? '-dissolve' : ''} -simplify dp interval=${interval} keep-shapes -o out.json format=geojson`,
      { 'in.json': { type: 'FeatureCollection', features } },
    );
    return JSON.parse(String(out['out.json']));
  };
  const inputs = {
    'land.json': await layer('sverige-kommuner-2025.geojson', true, 150),
    'sea.json': await layer('goteborg-hav.geojson', false, 15),
    'river.json': await layer('goteborg-alv.geojson', false, 10),
  };
  const topology = await runMapshaper('-i land.json sea.json river.json combine-files -o out.json format=topojson target=* quantization=200000', inputs);
  const objects: Topology['objects'] = {};
  for (const name of ['land', 'sea', 'river']) {
    const o = topology.objects[name];
    if (!o) throw new Error(`basemap: no ${name} object`);
    for (const g of o.geometries) delete g.properties;
    objects[name] = o;
  }
  topology.objects = objects;
  return orderTopology(topology);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Fixed member order so the serialised file does not depend on how mapshaper built the object. */
function orderTopology(t: Topology): Topology {
  const objects: Topology['objects'] = {};
  for (const [name, o] of Object.entries(t.objects)) {
    objects[name] = {
      type: o.type,
      geometries: o.geometries.map((g) => {
        const out: TopoGeometry = { type: g.type };
        if (g.id !== undefined) out.id = g.id;
        if (g.properties !== undefined) out.properties = g.properties;
        if (g.arcs !== undefined) out.arcs = g.arcs;
        return out;
      }),
    };
  }
  return { type: 'Topology', ...(t.transform ? { transform: t.transform } : {}), objects, arcs: t.arcs };
}
