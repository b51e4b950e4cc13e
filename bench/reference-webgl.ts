/**
 * The benchmark's second reference: a bare maplibre + deck.gl choropleth as the libraries'
 * documentation shows it (a MapLibreOverlay with one stroked GeoJsonLayer, default device
 * settings, no Klyftkartan tuning). Same URL parameters as reference-svg.ts; `#harness`
 * exposes the year-change driver.
 */
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import { GeoJsonLayer } from '@deck.gl/layers';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { markFirstPaint } from '../src/first-paint/paint-marker';
import { exposeRenderer, nextFrame } from './driver';

setWorkerUrl(workerUrl);

type Rgba = [number, number, number, number];
const YL_OR_RD_5: Rgba[] = [
  [255, 255, 178, 255],
  [254, 204, 92, 255],
  [253, 141, 60, 255],
  [240, 59, 32, 255],
  [189, 0, 38, 255],
];
const NO_DATA: Rgba = [150, 150, 150, 255];

let overlay: MapLibreOverlay | null = null;
let map: MapLibreMap | null = null;
let drawnWaiters: (() => void)[] = [];
let features: GeoJSON.Feature[] = [];
let colors: Uint8Array = new Uint8Array(0);
let version = 0;

function layer(): GeoJsonLayer {
  const current = colors;
  return new GeoJsonLayer({
    id: 'areas',
    data: features,
    filled: true,
    stroked: true,
    getLineColor: [255, 255, 255, 230],
    lineWidthMinPixels: 0.5,
    getFillColor: (_f, { index }) => [current[index * 4]!, current[index * 4 + 1]!, current[index * 4 + 2]!, current[index * 4 + 3]!],
    updateTriggers: { getFillColor: version },
  });
}

/** Creates the map fitted to `bbox`, resolving once deck has drawn the areas. */
function createMap(bbox: [number, number, number, number]): Promise<void> {
  map?.remove();
  map = new MapLibreMap({
    container: 'map',
    style: { version: 8, sources: {}, layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#dfe6ec' } }] },
    bounds: bbox,
    fitBoundsOptions: { padding: 16 },
    attributionControl: false,
  });
  overlay = new MapLibreOverlay({
    interleaved: false,
    layers: [layer()],
    onAfterRender: () => {
      const waiters = drawnWaiters;
      drawnWaiters = [];
      for (const w of waiters) w();
    },
  });
  map.addControl(overlay);
  return new Promise((resolve) => drawnWaiters.push(resolve));
}

function drawn(): Promise<void> {
  return new Promise((resolve) => drawnWaiters.push(resolve));
}

async function drawShipped(params: URLSearchParams): Promise<void> {
  const level = params.get('level') ?? 'kommun';
  const indicator = params.get('indicator') ?? 'kolada-n66077';
  const [topology, values, catalogue] = await Promise.all([
    fetch(`/data/geo/${level}.topo.json`).then((r) => r.json() as Promise<Topology>),
    fetch(`/data/values/${level}/${indicator}.json`).then((r) => r.json()),
    fetch('/data/catalogue.json').then((r) => r.json()),
  ]);
  features = (feature(topology, topology.objects['areas'] as GeometryCollection) as GeoJSON.FeatureCollection).features;
  const yearIndex = Math.max(0, values.years.indexOf(Number(params.get('year'))));
  const row = new Map<string, number | null>(values.codes.map((c: string, j: number) => [c, values.values[yearIndex][j]]));
  const all = (values.values as (number | null)[][])
    .flat()
    .filter((v): v is number => v !== null)
    .sort((a, b) => a - b);
  const breaks = [1, 2, 3, 4].map((i) => {
    const h = (all.length - 1) * (i / 5);
    const lo = Math.floor(h);
    return all[lo]! + (all[Math.min(lo + 1, all.length - 1)]! - all[lo]!) * (h - lo);
  });
  const palette = params.get('dir') === 'higher-better' ? [...YL_OR_RD_5].reverse() : YL_OR_RD_5;
  colors = new Uint8Array(features.length * 4);
  features.forEach((f, i) => {
    const v = row.get(String(f.properties!['code']));
    let c = 0;
    if (v !== null && v !== undefined) while (c < breaks.length && v >= breaks[c]!) c++;
    colors.set(v === null || v === undefined ? NO_DATA : palette[c]!, i * 4);
  });
  const meta = catalogue.levels.find((l: { id: string }) => l.id === level);
  await createMap(meta.bbox);
  await markFirstPaint(1);
}

if (location.hash === '#harness') {
  exposeRenderer({
    async show(level, first) {
      features = level.areas.features;
      colors = first;
      version++;
      await createMap(level.bbox);
      await nextFrame();
    },
    setColors(next) {
      colors = next;
      version++;
      overlay?.setProps({ layers: [layer()] });
    },
    drawn,
  });
} else {
  void drawShipped(new URLSearchParams(location.search));
}
