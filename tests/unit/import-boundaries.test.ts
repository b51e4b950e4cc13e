import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { epsgOfRange, guessCodeProperty, parseBoundaries } from '../../src/import/boundaries';
import { fromWgs84 } from '../../src/data/reproject';
import type { ImportResult, ImportedBoundaries } from '../../src/import/types';

function boundaries(r: ImportResult): ImportedBoundaries {
  if (r.kind !== 'boundaries') throw new Error(`expected boundaries, got ${JSON.stringify(r)}`);
  return r;
}

// A small square in central Göteborg (WGS84), about 1 km across.
const SQUARE: Position[] = [
  [11.96, 57.7],
  [11.98, 57.7],
  [11.98, 57.71],
  [11.96, 57.71],
  [11.96, 57.7],
];

function collection(project: (p: Position) => Position = (p) => p, crsName?: string): FeatureCollection & { crs?: unknown } {
  const features: Feature[] = [
    { type: 'Feature', properties: { deso_kod: '1480C1620', namn: 'Inom Vallgraven' }, geometry: { type: 'Polygon', coordinates: [SQUARE.map(project)] } },
    { type: 'Feature', properties: { deso_kod: '1480C1630', namn: 'Nordstaden' }, geometry: { type: 'Point', coordinates: project([11.97, 57.705]) } },
  ];
  return crsName ? { type: 'FeatureCollection', crs: { type: 'name', properties: { name: crsName } }, features } : { type: 'FeatureCollection', features };
}

const firstRing = (b: ImportedBoundaries) => (b.features.features[0]?.geometry as Polygon).coordinates[0] ?? [];

describe('parseBoundaries', () => {
  it.each([
    ['WGS84 without crs', collection(), 4326, 'coordinate-range'],
    ['WGS84 named CRS84', collection(undefined, 'urn:ogc:def:crs:OGC:1.3:CRS84'), 4326, 'crs-member'],
    ['EPSG:3006 named by the crs member', collection(fromWgs84('3006'), 'urn:ogc:def:crs:EPSG::3006'), 3006, 'crs-member'],
    ['EPSG:3006 named "EPSG:3006"', collection(fromWgs84('3006'), 'EPSG:3006'), 3006, 'crs-member'],
    ['EPSG:3006 by coordinate ranges', collection(fromWgs84('3006')), 3006, 'coordinate-range'],
    ['EPSG:3007 named by the crs member', collection(fromWgs84('3007'), 'urn:ogc:def:crs:EPSG::3007'), 3007, 'crs-member'],
    ['EPSG:3007 by coordinate ranges', collection(fromWgs84('3007')), 3007, 'coordinate-range'],
  ] as const)('parseBoundaries reads %s and reprojects to WGS84', (_, json, epsg, detectedBy) => {
    const b = boundaries(parseBoundaries(json, 'b.geojson'));
    expect(b.format).toBe('geojson');
    expect(b.crs).toEqual({ epsg, detectedBy });
    expect(b.features.features).toHaveLength(1);
    firstRing(b).forEach((p, i) => {
      expect(p[0]).toBeCloseTo(SQUARE[i]?.[0] ?? NaN, 6);
      expect(p[1]).toBeCloseTo(SQUARE[i]?.[1] ?? NaN, 6);
    });
    expect(b.properties).toEqual(['deso_kod', 'namn']);
    expect(b.codeProperty).toBe('deso_kod');
    expect(b.nameProperty).toBe('namn');
    expect(b.warnings.map((w) => w.en)).toEqual(['1 features without area geometry (points, lines, empty) were skipped.']);
  });

  it.each([
    ['plain arcs', { arcs: [SQUARE] }],
    // Quantized: delta-encoded integer arcs scaled by 0.01° from the translate origin.
    [
      'quantized arcs',
      {
        transform: { scale: [0.01, 0.01], translate: [11.96, 57.7] },
        arcs: [
          [
            [0, 0],
            [2, 0],
            [0, 1],
            [-2, 0],
            [0, -1],
          ],
        ],
      },
    ],
  ])('parseBoundaries reads TopoJSON with %s', (_, rest) => {
    const topo = {
      type: 'Topology',
      objects: {
        areas: {
          type: 'GeometryCollection',
          geometries: [
            { type: 'Polygon', arcs: [[0]], properties: { deso_kod: '1480C1620', namn: 'Inom Vallgraven' } },
            { type: 'Point', coordinates: [0, 0], properties: { deso_kod: '1480C1630', namn: 'Nordstaden' } },
          ],
        },
      },
      ...rest,
    };
    const b = boundaries(parseBoundaries(topo, 'b.topojson'));
    expect(b.warnings).toHaveLength(1);
    expect(b.format).toBe('topojson');
    expect(b.crs.epsg).toBe(4326);
    expect(b.features.features.map((f) => f.properties)).toEqual([{ deso_kod: '1480C1620', namn: 'Inom Vallgraven' }]);
    expect(firstRing(b)[1]?.[0]).toBeCloseTo(11.98, 6);
  });

  it.each([
    ['an unsupported crs', collection(undefined, 'urn:ogc:def:crs:EPSG::3021'), 'unknown-crs'],
    ['coordinates of no known grid', collection((p) => [(p[0] ?? 0) * 1e4, (p[1] ?? 0) * 1e4]), 'unknown-crs'],
    ['no polygons', { type: 'FeatureCollection', features: [] }, 'bad-geometry'],
    [
      'a position that is not a number',
      {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: {},
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [1, 'a'],
                  [2, 2],
                  [1, 1],
                ],
              ],
            },
          },
        ],
      },
      'bad-geometry',
    ],
    ['not GeoJSON', { type: 'Polygon', coordinates: [] }, 'bad-geometry'],
    ['a topology with a broken object', { type: 'Topology', objects: { a: 5 }, arcs: [] }, 'bad-geometry'],
  ])('parseBoundaries reports %s', (_, json, code) => {
    const r = parseBoundaries(json, 'b.geojson');
    expect(r.kind === 'error' && r.code).toBe(code);
  });
});

describe('epsgOfRange', () => {
  it.each([
    [[11, 55, 24, 69], 4326],
    [[-180, -90, 180, 90], 4326],
    [[266_000, 6_130_000, 920_000, 7_680_000], 3006],
    [[310_000, 6_390_000, 330_000, 6_420_000], 3006],
    [[140_000, 6_390_000, 160_000, 6_420_000], 3007],
    [[140_000, 5_000_000, 160_000, 5_100_000], null],
    [[1_500_000, 6_390_000, 1_600_000, 6_420_000], null],
  ] as const)('epsgOfRange(%j) is %j', (box, want) => {
    expect(epsgOfRange(box)).toBe(want);
  });
});

describe('guessCodeProperty', () => {
  const f = (properties: Record<string, unknown>): Feature => ({ type: 'Feature', properties, geometry: { type: 'Point', coordinates: [0, 0] } });
  it.each([
    ['a known name', [f({ Kod: '1', x: 'a' })], 'Kod'],
    ['a name ending in "kod"', [f({ deso_kod: '1', x: 'a' })], 'deso_kod'],
    ['unique short strings', [f({ label: 'Ett långt namn på området', ref: 'A1' }), f({ label: 'Ett annat långt namn här', ref: 'A2' })], 'ref'],
    ['nothing unique', [f({ ref: 'A' }), f({ ref: 'A' })], null],
  ] as const)('guessCodeProperty finds %s', (_, features, want) => {
    expect(guessCodeProperty(features, Object.keys(features[0]?.properties ?? {}))).toBe(want);
  });
});
