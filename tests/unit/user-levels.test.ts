import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon } from 'geojson';
import { levelFromFeatures } from '../../src/data/load';
import type { Catalogue } from '../../src/data/types';
import type { ImportedBoundaries } from '../../src/import/types';
import { buildUserLevel, codePropertyProblems, labelPoint } from '../../src/import/user-level-build';
import { userLevelId, userLevelKey, withUserLevels } from '../../src/import/user-levels';

/** An axis-aligned square ring from (x, y) with side s. */
function square(x: number, y: number, s: number): [number, number][] {
  return [
    [x, y],
    [x + s, y],
    [x + s, y + s],
    [x, y + s],
    [x, y],
  ];
}

function boundaries(props: Record<string, unknown>[], geometries?: (Polygon | MultiPolygon)[]): ImportedBoundaries {
  return {
    kind: 'boundaries',
    format: 'geojson',
    fileName: 'omraden.geojson',
    crs: { epsg: 4326, detectedBy: 'crs-member' },
    features: {
      type: 'FeatureCollection',
      features: props.map((properties, i) => ({
        type: 'Feature',
        properties,
        geometry: geometries?.[i] ?? { type: 'Polygon', coordinates: [square(11.9 + i * 0.1, 57.7, 0.1)] },
      })),
    },
    properties: [...new Set(props.flatMap((p) => Object.keys(p)))],
    codeProperty: 'kod',
    nameProperty: 'namn',
    warnings: [],
  };
}

describe('labelPoint(geometry)', () => {
  it.each([
    { title: 'a polygon: the centre of its bbox', geometry: { type: 'Polygon', coordinates: [square(10, 50, 2)] } as Polygon, expected: [11, 51] },
    {
      title: 'a multipolygon: the centre of the largest part (2×2 beats 1×1)',
      geometry: { type: 'MultiPolygon', coordinates: [[square(0, 0, 1)], [square(10, 50, 2)]] } as MultiPolygon,
      expected: [11, 51],
    },
    { title: 'an empty polygon: [0, 0]', geometry: { type: 'Polygon', coordinates: [] } as Polygon, expected: [0, 0] },
  ])('$title', ({ geometry, expected }) => {
    expect(labelPoint(geometry)).toEqual(expected);
  });
});

describe('codePropertyProblems(boundaries, property)', () => {
  it('counts features without a code and lists codes used twice', () => {
    const b = boundaries([{ kod: 'A' }, { kod: ' A ' }, { kod: '' }, { kod: null }, { kod: 7 }]);
    expect(codePropertyProblems(b, 'kod')).toEqual({ empty: 2, duplicates: ['A'] });
  });
  it('finds nothing wrong with unique codes', () => {
    expect(codePropertyProblems(boundaries([{ kod: '1' }, { kod: '2' }]), 'kod')).toEqual({ empty: 0, duplicates: [] });
  });
});

describe('buildUserLevel(boundaries, choices, id, createdAt)', () => {
  const b = boundaries([
    { kod: ' 101 ', namn: 'Norr', extra: 1 },
    { kod: 102, namn: '' },
    { kod: '', namn: 'Utan kod' },
  ]);
  const level = buildUserLevel(b, { codeProperty: 'kod', nameProperty: 'namn', name: 'Skolområden' }, 'abc', '2026-01-01T00:00:00Z');

  it('reduces properties to code, name, no parents and a label; falls back to the code as name; drops code-less features', () => {
    expect(level.features.features.map((f) => f.properties)).toEqual([
      { code: '101', name: 'Norr', parents: {}, label: [11.95, 57.75] },
      { code: '102', name: '102', parents: {}, label: [12.05, 57.75] },
    ]);
  });

  it('describes the level as a "Dina data" entry with its count and bbox', () => {
    expect(level.meta.id).toBe('user-level:abc');
    expect(level.meta.group).toEqual({ sv: 'Dina data', en: 'Your data' });
    expect(level.meta.name).toEqual({ sv: 'Skolområden', en: 'Skolområden' });
    expect(level.meta.areaNoun.sv).toBe('område');
    expect(level.meta.count).toBe(2);
    expect(level.meta.inChooser).toBe(true);
    // Two 0.1° squares side by side from (11.9, 57.7).
    expect(level.meta.bbox.map((v) => Math.round(v * 1000) / 1000)).toEqual([11.9, 57.7, 12.1, 57.8]);
  });

  it('uses the code as the name when no name property is chosen', () => {
    const plain = buildUserLevel(b, { codeProperty: 'kod', nameProperty: null, name: 'X' }, 'x', '2026-01-01T00:00:00Z');
    expect(plain.features.features.map((f) => f.properties.name)).toEqual(['101', '102']);
  });
});

describe('levelFromFeatures(meta, features)', () => {
  it('indexes the codes in feature order, with no outlines or border mesh', () => {
    const level = buildUserLevel(
      boundaries([{ kod: 'B' }, { kod: 'A' }, { kod: 'C' }]),
      { codeProperty: 'kod', nameProperty: null, name: 'Tre' },
      'id1',
      '2026-01-01T00:00:00Z',
    );
    const geometry = levelFromFeatures(level.meta, level.features);
    expect(geometry.codes).toEqual(['B', 'A', 'C']);
    expect([...geometry.indexByCode]).toEqual([
      ['B', 0],
      ['A', 1],
      ['C', 2],
    ]);
    expect(geometry.outlines).toBeNull();
    expect(geometry.areaBorders).toBeUndefined();
    expect(geometry.meta).toBe(level.meta);
  });
  it('handles an empty collection', () => {
    const level = buildUserLevel(boundaries([]), { codeProperty: 'kod', nameProperty: null, name: 'Tom' }, 'e', '2026-01-01T00:00:00Z');
    const geometry = levelFromFeatures(level.meta, level.features);
    expect(geometry.codes).toEqual([]);
    expect(level.meta.bbox).toEqual([0, 0, 0, 0]);
  });
});

describe('userLevelId / userLevelKey / withUserLevels', () => {
  it('round-trips the id and leaves shipped levels alone', () => {
    expect(userLevelId('q1')).toBe('user-level:q1');
    expect(userLevelKey('user-level:q1')).toBe('q1');
    expect(userLevelKey('gbg-deso')).toBeNull();
  });
  it('appends the user levels to the catalogue, once', () => {
    const catalogue = { version: 1, levels: [], indicators: [], sources: [], basemap: 'b' } as unknown as Catalogue;
    const level = buildUserLevel(boundaries([{ kod: '1' }]), { codeProperty: 'kod', nameProperty: null, name: 'En' }, 'one', '2026-01-01T00:00:00Z');
    expect(withUserLevels(catalogue, [])).toBe(catalogue);
    const twice = withUserLevels(withUserLevels(catalogue, [level]), [level]);
    expect(twice.levels.map((l) => l.id)).toEqual(['user-level:one']);
  });
});
