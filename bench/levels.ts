/**
 * Geometry and colourings shared by every benchmark page (the app's map harness and the two
 * reference pages): the shipped levels, SYNTHETIC grids, and the same 25 seeded colourings,
 * so every renderer is measured on identical input.
 */
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { buildColorScale, fillColors } from '../src/scales/color-scale';
import { syntheticGrid, syntheticSeries } from './synthetic';

/** [west, south, east, north] in degrees. */
export type BenchBBox = [number, number, number, number];

/** One level as every page draws it. */
export interface BenchLevel {
  id: string;
  areas: GeoJSON.FeatureCollection;
  /** Every area border once (topology mesh); absent for synthetic grids. */
  borders?: GeoJSON.MultiLineString;
  bbox: BenchBBox;
  synthetic: boolean;
}

/** Loads a shipped level (`kommun`, `gbg-basomrade`, …) or a SYNTHETIC grid (`synthetic-6000`). */
export async function loadBenchLevel(id: string): Promise<BenchLevel> {
  const synthetic = /^synthetic-(\d+)$/.exec(id);
  if (synthetic) {
    const bbox: BenchBBox = [11.5, 55.5, 19.5, 60.5];
    return { id, areas: syntheticGrid(Number(synthetic[1]), bbox), bbox, synthetic: true };
  }
  const catalogue = await (await fetch('/data/catalogue.json')).json();
  const meta = catalogue.levels.find((l: { id: string }) => l.id === id);
  const topology = (await (await fetch(`/data/${meta.file}`)).json()) as Topology;
  const object = topology.objects['areas'] as GeometryCollection;
  const areas = feature(topology, object) as GeoJSON.FeatureCollection;
  return { id, areas, borders: mesh(topology, object), bbox: meta.bbox, synthetic: false };
}

/** `years` colourings (RGBA per area) of SYNTHETIC values on a 5-class quantile scale. */
export function benchColourings(count: number, years = 25): Uint8Array[] {
  const series = syntheticSeries(count, years);
  const scale = buildColorScale(
    series.flatMap((row) => Array.from(row)),
    'quantile',
    5,
    'higher-worse',
  );
  return series.map((row) => fillColors(scale, row));
}
