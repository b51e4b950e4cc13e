/**
 * Benchmark harness of the app's map: drives the real MapController (the owner of the app's
 * map, with the renderer it picks for the level) through bench/driver.ts, like the reference pages.
 */
import { feature } from 'topojson-client';
import { MapController } from '../src/map/map-controller';
import { yearsByDistance } from '../src/state/timeline';
import { exposeRenderer } from './driver';

const controller = new MapController();
controller.attach(document.getElementById('map')!);
const basemap = await (await fetch('/data/geo/basemap.topo.json')).json();
const layer = (name: string) => feature(basemap, basemap.objects[name]) as unknown as GeoJSON.FeatureCollection;
controller.setBasemap({ land: layer('land'), sea: layer('sea'), river: layer('river') });
let levelId = '';

exposeRenderer({
  async show(level, colors) {
    levelId = level.id;
    controller.setLevel(level.id, level.areas, null, level.bbox, level.borders);
    controller.setColors(colors, `${level.id}|first`);
    await controller.whenRendered();
    // maplibre loads, draws the basemap and moves its camera to the level: year changes are timed
    // once it is still, as a reader changes years on a map that is there.
    await controller.whenInteractive();
    const map = controller.maplibreMap;
    if (map && (map.isMoving() || !map.loaded())) await Promise.race([new Promise((r) => map.once('idle', r)), new Promise((r) => setTimeout(r, 10_000))]);
    await new Promise((r) => setTimeout(r, 300));
    await controller.whenRendered();
  },
  setColors(colors, year, years, ahead) {
    // As the app does (state/map-colors.ts's upcomingColors): the other colourings, nearest first, are rendered ahead.
    controller.setColors(colors, `${levelId}|${year}`);
    if (!ahead) return;
    const indices = years.map((_, i) => i);
    controller.prefetchColors(() => yearsByDistance(indices, year).map((y) => ({ colors: years[y]!, key: `${levelId}|${y}` })));
  },
  drawn: () => controller.whenRendered(),
});

declare global {
  interface Window {
    klyftController: MapController;
  }
}
window.klyftController = controller;
