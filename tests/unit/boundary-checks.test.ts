import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { selfIntersecting, selfIntersectionWarning, topologyProblem } from '../../src/import/boundary-checks';
import { parseBoundaries } from '../../src/import/boundaries';

/** A topology of two squares sharing arc 1, as topojson-server writes it (no transform). */
function twoSquares(): Record<string, unknown> {
  return {
    type: 'Topology',
    arcs: [
      [
        [0, 0],
        [1, 0],
      ],
      [
        [1, 0],
        [1, 1],
      ],
      [
        [1, 1],
        [0, 1],
        [0, 0],
      ],
      [
        [1, 0],
        [2, 0],
        [2, 1],
        [1, 1],
      ],
    ],
    objects: {
      omraden: {
        type: 'GeometryCollection',
        geometries: [
          { type: 'Polygon', arcs: [[0, 1, 2]], properties: { kod: 'A', namn: 'Väster' } },
          { type: 'Polygon', arcs: [[3, -2]], properties: { kod: 'B', namn: 'Öster' } },
        ],
      },
    },
  };
}

function withGeometry(arcs: unknown, type = 'Polygon'): Record<string, unknown> {
  const t = twoSquares();
  ((t['objects'] as { omraden: { geometries: unknown[] } }).omraden.geometries[1] as Record<string, unknown>) = { type, arcs, properties: { kod: 'B' } };
  return t;
}

describe('topologyProblem(topology)', () => {
  it('accepts a topology whose references all resolve, reversed ones included', () => {
    expect(topologyProblem(twoSquares())).toBeNull();
  });

  it.each([
    ['an index past the end', [[3, 7]], 'I TopoJSON-filen hänvisar objektet "omraden", geometri 1 ("B") till båge 7, men filen har bara 4 bågar (0–3).'],
    ['a reversed index past the end', [[3, -9]], 'geometri 1 ("B") till båge -9 (båge 8 baklänges), men filen har bara 4 bågar (0–3).'],
    ['a MultiPolygon index past the end', [[[3, 4]]], 'till båge 4, men'],
  ])('names the object, geometry and arc for %s', (_, arcs, expected) => {
    const type = Array.isArray((arcs as unknown[][])[0]?.[0]) ? 'MultiPolygon' : 'Polygon';
    expect(topologyProblem(withGeometry(arcs, type))?.sv).toContain(expected);
  });

  it.each([
    ['a non-integer reference', [[3, 1.5]], 'en ogiltig bågreferens 1.5'],
    ['a missing arcs member', undefined, 'en ogiltig bågreferens undefined'],
  ])('refuses %s', (_, arcs, expected) => {
    expect(topologyProblem(withGeometry(arcs))?.sv).toContain(expected);
  });

  it('refuses a topology without arcs, with a broken arc, or with a broken transform', () => {
    expect(topologyProblem({ type: 'Topology', objects: {} })?.sv).toContain('saknar listan "arcs"');
    expect(
      topologyProblem({
        ...twoSquares(),
        arcs: [
          [
            [0, 0],
            [1, 'x'],
          ],
        ],
      })?.sv,
    ).toBe('Båge 0 i TopoJSON-filen har ogiltiga koordinater.');
    expect(topologyProblem({ ...twoSquares(), transform: { scale: [1] } })?.en).toContain('"transform" lacks a valid "scale"');
  });

  it('says it in English too', () => {
    expect(topologyProblem(withGeometry([[3, 7]]))?.en).toContain('object "omraden", geometry 1 ("B") refers to arc 7, but the file has only 4 arcs (0–3)');
  });

  it('makes parseBoundaries report the broken reference instead of a TypeError', () => {
    const result = parseBoundaries(withGeometry([[3, 7]]), 'trasig.topojson');
    expect(result.kind).toBe('error');
    expect(result.kind === 'error' && result.message.sv).toContain('geometri 1 ("B") till båge 7');
  });
});

const square = (x: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, 0],
      [x + 1, 0],
      [x + 1, 1],
      [x, 1],
      [x, 0],
    ],
  ],
});
// A bow tie: the ring crosses itself at (0.5, 0.5).
const bowTie: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [1, 1],
      [1, 0],
      [0, 1],
      [0, 0],
    ],
  ],
};
const feature = (geometry: Polygon | MultiPolygon, props: Record<string, unknown> = {}): Feature<Polygon | MultiPolygon> => ({
  type: 'Feature',
  geometry,
  properties: props,
});

describe('selfIntersecting(features)', () => {
  it.each([
    ['a square', square(0), false],
    ['a bow tie', bowTie, true],
    [
      'a square with repeated vertices',
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 0],
            [1, 1],
            [0, 1],
            [0, 1],
            [0, 0],
          ],
        ],
      } as Polygon,
      false,
    ],
    [
      'a hole crossing its shell',
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [4, 0],
            [4, 4],
            [0, 4],
            [0, 0],
          ],
          [
            [1, 1],
            [5, 1],
            [5, 2],
            [1, 2],
            [1, 1],
          ],
        ],
      } as Polygon,
      true,
    ],
    [
      'a hole inside its shell',
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [4, 0],
            [4, 4],
            [0, 4],
            [0, 0],
          ],
          [
            [1, 1],
            [2, 1],
            [2, 2],
            [1, 2],
            [1, 1],
          ],
        ],
      } as Polygon,
      false,
    ],
    ['a MultiPolygon with one bow tie part', { type: 'MultiPolygon', coordinates: [square(5).coordinates, bowTie.coordinates] } as MultiPolygon, true],
    ['a MultiPolygon of two squares', { type: 'MultiPolygon', coordinates: [square(0).coordinates, square(3).coordinates] } as MultiPolygon, false],
  ])('%s → %s', (_, geometry, expected) => {
    expect(selfIntersecting([feature(geometry)])).toEqual(expected ? [0] : []);
  });
});

describe('selfIntersectionWarning(features, nameProperty, codeProperty)', () => {
  it('is null without crossings', () => {
    expect(selfIntersectionWarning([feature(square(0))], 'namn', 'kod')).toBeNull();
  });

  it('names one area by its name, else its code, else its position', () => {
    expect(selfIntersectionWarning([feature(square(0)), feature(bowTie, { namn: 'Fjärilen', kod: 'F1' })], 'namn', 'kod')?.sv).toMatch(
      /^Området "Fjärilen" har en gräns som korsar sig själv\. Det visas ändå/,
    );
    expect(selfIntersectionWarning([feature(bowTie, { kod: 'F1' })], null, 'kod')?.en).toMatch(
      /^The area "F1" has a boundary that crosses itself\. It is still shown/,
    );
    expect(selfIntersectionWarning([feature(square(0)), feature(bowTie)], null, null)?.sv).toContain('Området #2 har');
  });

  it('names the first five of many and counts the rest', () => {
    const many = Array.from({ length: 7 }, (_, i) => feature(bowTie, { kod: `K${i}` }));
    const warning = selfIntersectionWarning(many, null, 'kod');
    expect(warning?.sv).toContain('7 områden ("K0", "K1", "K2", "K3", "K4" och 2 till) har gränser som korsar sig själva.');
    expect(warning?.en).toContain('7 areas ("K0", "K1", "K2", "K3", "K4" and 2 more) have boundaries that cross themselves.');
  });

  it('keeps the crossing areas in an imported file and warns', () => {
    const result = parseBoundaries(
      {
        type: 'FeatureCollection',
        features: [
          feature(square(11), { kod: 'A', namn: 'Rutan' }),
          feature(
            {
              type: 'Polygon',
              coordinates: [
                [
                  [11, 59],
                  [12, 60],
                  [12, 59],
                  [11, 60],
                  [11, 59],
                ],
              ],
            },
            { kod: 'B', namn: 'Fjärilen' },
          ),
        ],
      },
      'rutor.geojson',
    );
    expect(result.kind).toBe('boundaries');
    if (result.kind !== 'boundaries') return;
    expect(result.features.features).toHaveLength(2);
    expect(result.warnings.map((w) => w.sv)).toContainEqual(expect.stringContaining('Området "Fjärilen" har en gräns som korsar sig själv'));
  });
});
