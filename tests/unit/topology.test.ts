import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { feature, merge, neighbors } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { describe, expect, it } from 'vitest';
import type { AreaProperties, LevelId } from '../../src/data/types';

const GEODATA = resolve(import.meta.dirname, '../../geodata');
const GZIP_BUDGET = 150 * 1024;

const EXPECTED: Record<LevelId, number> = {
  kommun: 290,
  'gbg-stadsomrade': 4,
  'gbg-mellanomrade': 36,
  'gbg-primaromrade': 96,
  'gbg-basomrade': 1025,
  'gbg-deso': 320,
  'gbg-regso': 147,
  'boras-deso': 77,
};

function load(file: string): { text: string; topo: Topology } {
  const text = readFileSync(join(GEODATA, file), 'utf8');
  return { text, topo: JSON.parse(text) as Topology };
}

function areasOf(topo: Topology): GeometryCollection<AreaProperties> {
  return topo.objects.areas as GeometryCollection<AreaProperties>;
}

const props = (g: { properties?: unknown }): AreaProperties => g.properties as AreaProperties;

/** Planar area of a ring in degrees², longitudes scaled by cos(latitude) (fine at city scale). */
function ringArea(ring: Position[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x1 = 0, y1 = 0] = ring[j] ?? [];
    const [x2 = 0, y2 = 0] = ring[i] ?? [];
    a += (((x2 - x1) * (y1 + y2)) / 2) * Math.cos(((y1 + y2) / 2) * (Math.PI / 180));
  }
  return Math.abs(a);
}

const polygonsOf = (g: Polygon | MultiPolygon | null): Position[][][] => (!g ? [] : g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
const polygonArea = (p: Position[][]): number => p.reduce((s, r, i) => s + (i === 0 ? ringArea(r) : -ringArea(r)), 0);

describe.each(Object.entries(EXPECTED) as [LevelId, number][])('geo/%s.topo.json', (level, count) => {
  const { text, topo } = load(`${level}.topo.json`);
  const areas = areasOf(topo);

  it(`has ${count} areas with unique codes, id = properties.code`, () => {
    expect(areas.geometries).toHaveLength(count);
    const codes = areas.geometries.map((g) => props(g).code);
    expect(new Set(codes).size).toBe(count);
    for (const g of areas.geometries) {
      expect(g.id).toBe(props(g).code);
      expect(typeof props(g).name).toBe('string');
      expect(props(g).name.length).toBeGreaterThan(0);
      expect(g.type === 'Polygon' || g.type === 'MultiPolygon').toBe(true);
    }
  });

  it('places every label point inside its own area', () => {
    for (const g of areas.geometries) {
      const label = props(g).label;
      expect(label).toBeDefined();
      const shape = feature(topo, g) as unknown as GeoJSON.Feature<Polygon | MultiPolygon>;
      expect(booleanPointInPolygon(label!, shape)).toBe(true);
    }
  });

  it(`is at most ${GZIP_BUDGET / 1024} kB gzipped`, () => {
    expect(gzipSync(text, { level: 9 }).length).toBeLessThanOrEqual(GZIP_BUDGET);
  });
});

describe('kommun level', () => {
  const { topo } = load('kommun.topo.json');
  it('keeps leading zeros and carries the 21 län as outline object lan', () => {
    const codes = areasOf(topo).geometries.map((g) => props(g).code);
    expect(codes).toContain('0114');
    expect(codes).toContain('1480');
    const lan = topo.objects.lan as GeometryCollection<AreaProperties>;
    expect(lan.geometries).toHaveLength(21);
    expect(props(lan.geometries.find((g) => g.id === '14') ?? {}).name).toBe('Västra Götalands län');
    expect(props(areasOf(topo).geometries.find((g) => g.id === '1480') ?? {}).parents).toEqual({ lan: '14' });
  });
});

// Shared borders: after simplification neighbours must still share arcs (no gaps or slivers).
// The merged outline then has the same area as the sum of the parts (no overlaps), and filling
// its holes adds almost nothing (no gaps between neighbours).
describe.each([
  ['gbg-primaromrade', 20],
  ['boras-deso', 0],
] as const)('shared borders of %s', (level, maxHoles) => {
  const { topo } = load(`${level}.topo.json`);
  const areas = areasOf(topo);

  it('almost every area has a neighbour', () => {
    const nb = neighbors(areas.geometries);
    const isolated = nb.filter((n) => n.length === 0).length;
    expect(isolated / areas.geometries.length).toBeLessThan(0.05);
  });

  it('the merged outline has no overlaps or gaps beyond 0.5 % and few holes', () => {
    const parts = feature(topo, areas).features.reduce(
      (s, f) => s + polygonsOf(f.geometry as Polygon | MultiPolygon).reduce((t, p) => t + polygonArea(p), 0),
      0,
    );
    const merged = polygonsOf(merge(topo, areas.geometries as never));
    const mergedArea = merged.reduce((s, p) => s + polygonArea(p), 0);
    const outerArea = merged.reduce((s, p) => s + ringArea(p[0] ?? []), 0);
    const holes = merged.reduce((s, p) => s + p.length - 1, 0);
    expect(Math.abs(parts / mergedArea - 1)).toBeLessThan(0.005);
    expect(Math.abs(outerArea / parts - 1)).toBeLessThan(0.005);
    expect(holes).toBeLessThanOrEqual(maxHoles);
  });
});

describe('basemap', () => {
  const { text, topo } = load('basemap.topo.json');
  it('has land, sea and river and stays within budget', () => {
    expect(Object.keys(topo.objects).sort()).toEqual(['land', 'river', 'sea']);
    expect(gzipSync(text, { level: 9 }).length).toBeLessThanOrEqual(GZIP_BUDGET);
  });
});
