/**
 * Benchmark harness page: drives the real MapController with a level and a series of
 * colourings, and reports how long each recolour takes to reach the screen.
 * Levels: the shipped kommun and basområde geometry, and SYNTHETIC grids.
 */
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { MapController, type BBox } from '../src/map/map-controller';
import { buildColorScale, fillColors } from '../src/scales/color-scale';
import { syntheticGrid, syntheticSeries } from './synthetic';

interface BenchLevel {
  areas: GeoJSON.FeatureCollection;
  borders?: GeoJSON.MultiLineString;
  bbox: BBox;
  synthetic: boolean;
}

async function loadShipped(id: string): Promise<BenchLevel> {
  const catalogue = await (await fetch('/data/catalogue.json')).json();
  const meta = catalogue.levels.find((l: { id: string }) => l.id === id);
  const topology = (await (await fetch(`/data/${meta.file}`)).json()) as Topology;
  const areas = feature(topology, topology.objects['areas'] as GeometryCollection) as GeoJSON.FeatureCollection;
  // As the app (src/data/load.ts): every area border once, from the topology's mesh.
  const borders = mesh(topology, topology.objects['areas'] as GeometryCollection);
  return { areas, borders, bbox: meta.bbox, synthetic: false };
}

async function loadLevel(id: string): Promise<BenchLevel> {
  const synthetic = /^synthetic-(\d+)$/.exec(id);
  if (synthetic) {
    const bbox: BBox = [11.5, 55.5, 19.5, 60.5];
    return { areas: syntheticGrid(Number(synthetic[1]), bbox), bbox, synthetic: true };
  }
  return loadShipped(id);
}

const controller = new MapController();
controller.attach(document.getElementById('map')!);

/** Loads a level and precomputes `years` colourings (synthetic values). */
async function prepare(levelId: string, years = 25) {
  const level = await loadLevel(levelId);
  const basemap = await (await fetch('/data/geo/basemap.topo.json')).json();
  const layer = (name: string) => feature(basemap, basemap.objects[name]) as unknown as GeoJSON.FeatureCollection;
  controller.setBasemap({ land: layer('land'), sea: layer('sea'), river: layer('river') });
  const series = syntheticSeries(level.areas.features.length, years);
  const scale = buildColorScale(series.flatMap((row) => Array.from(row)), 'quantile', 5, 'higher-worse');
  const colourings = series.map((row) => fillColors(scale, row));
  controller.setLevel(levelId, level.areas, null, level.bbox, level.borders);
  controller.setColors(colourings[0]!, `${levelId}|0`);
  await controller.whenRendered();
  await new Promise((r) => setTimeout(r, 300));
  await controller.whenRendered();
  return { count: level.areas.features.length, synthetic: level.synthetic, colourings };
}

/**
 * Resolves once the frame drawn before it has been presented: deck's onAfterRender fires
 * when the draw calls are issued, but software WebGL rasterises afterwards, and Chromium
 * holds the next animation frame back until the previous one is on screen.
 */
function presented(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/** Median and p95 of the time from setColors to the next rendered frame, after 8 unmeasured warm-up changes (the first ones compile shaders and warm the JIT). */
async function yearChangeLatency(levelId: string, runs = 20) {
  const { count, synthetic, colourings } = await prepare(levelId);
  for (let i = 1; i <= 8; i++) {
    controller.setColors(colourings[(colourings.length - i) % colourings.length]!, `${levelId}|warm${i}`);
    await controller.whenRendered();
    await presented();
  }
  const times: number[] = [];
  for (let i = 1; i <= runs; i++) {
    const t0 = performance.now();
    controller.setColors(colourings[i % colourings.length]!, `${levelId}|${i}`);
    await controller.whenRendered();
    await presented();
    times.push(performance.now() - t0);
    // Let the browser settle between changes, as between a person's key presses.
    await new Promise((r) => setTimeout(r, 30));
  }
  times.sort((a, b) => a - b);
  return { levelId, count, synthetic, median: times[Math.floor(times.length / 2)]!, p95: times[Math.floor(times.length * 0.95)]! };
}

/** Years shown per second while scrubbing: one change per frame, for `ms`. */
async function scrubRate(levelId: string, ms = 3000) {
  const { colourings } = await prepare(levelId);
  let shown = 0;
  const t0 = performance.now();
  let i = 0;
  while (performance.now() - t0 < ms) {
    controller.setColors(colourings[i++ % colourings.length]!, `${levelId}|scrub${i}`);
    await controller.whenRendered();
    await presented();
    shown++;
  }
  return (shown * 1000) / (performance.now() - t0);
}

declare global {
  interface Window {
    klyftBench: { yearChangeLatency: typeof yearChangeLatency; scrubRate: typeof scrubRate; controller: MapController };
  }
}
window.klyftBench = { yearChangeLatency, scrubRate, controller };
document.documentElement.dataset.benchReady = 'true';
