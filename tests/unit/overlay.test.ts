import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { IndicatorValues } from '../../src/data/types';
import { computeOverlay } from '../../src/data/overlay';
import { estimateByOverlay } from '../../src/import/aggregate-import';

/**
 * Rectangles on the equator spanning latitudes 0–0.01°: on the sphere their areas are exactly
 * proportional to their widths in longitude, so the shares below are hand-computable.
 *   targets: T = 0–0.01, U = 0.01–0.02
 *   sources: A = 0–0.005 (width 1, wholly in T), B = 0.005–0.015 (width 2, half in T, half in U)
 */
function rect(code: string, west: number, east: number): Feature<Polygon> {
  return {
    type: 'Feature',
    properties: { code },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [west, 0],
          [east, 0],
          [east, 0.01],
          [west, 0.01],
          [west, 0],
        ],
      ],
    },
  };
}
const fc = (...features: Feature<Polygon>[]): FeatureCollection => ({ type: 'FeatureCollection', features });
const code = (f: Feature) => String(f.properties?.code);

const targets = fc(rect('U', 0.01, 0.02), rect('T', 0, 0.01));
const sources = fc(rect('B', 0.005, 0.015), rect('A', 0, 0.005));

function values(codes: string[], rows: (number | null)[][], years = [2020]): IndicatorValues {
  return { indicator: 'user:x', level: 'gbg-deso', years, codes, values: rows, missing: {} };
}

describe('computeOverlay(sources, sourceCode, targets, targetCode, onProgress)', () => {
  it('gives the intersection areas of two sources with two targets, in code order', () => {
    const overlay = computeOverlay(sources, code, targets, code);
    const a = overlay.sourceArea.get('A')!;
    expect(overlay.sourceArea.get('B')! / a).toBeCloseTo(2, 6);
    expect(overlay.intersections.get('A')!.get('T')! / a).toBeCloseTo(1, 6);
    expect(overlay.intersections.get('A')!.has('U')).toBe(false);
    expect(overlay.intersections.get('B')!.get('T')! / a).toBeCloseTo(1, 6);
    expect(overlay.intersections.get('B')!.get('U')! / a).toBeCloseTo(1, 6);
    expect([...overlay.intersections.keys()]).toEqual(['A', 'B']);
  });

  it('reports progress once per source area', () => {
    const calls: [number, number][] = [];
    computeOverlay(sources, code, targets, code, (done, total) => calls.push([done, total]));
    expect(calls).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });
});

describe('estimateByOverlay(values, overlay, target, targetCodes, aggregation, population)', () => {
  const overlay = computeOverlay(sources, code, targets, code);
  const imported = values(['A', 'B'], [[10, 40]]);

  it.each([
    // T = 1·10 + ½·40 = 30; U = ½·40 = 20.
    { title: 'count: sum of area shares', aggregation: 'count' as const, pop: null, expected: [30, 20], weight: 'area' },
    // Weights are the areas shared: A·1 = 1, B·½ = 1 (in units of A's area): T = (10 + 40) / 2 = 25.
    { title: 'rate without population: area-weighted mean', aggregation: 'rate' as const, pop: null, expected: [25, 40], weight: 'area' },
    // Weights 300·1 and 100·½: T = (3000 + 2000) / 350.
    {
      title: 'rate with population: population-weighted mean',
      aggregation: 'rate' as const,
      pop: [300, 100],
      expected: [5000 / 350, 40],
      weight: 'population',
    },
  ])('$title', ({ aggregation, pop, expected, weight }) => {
    const population = pop ? values(['A', 'B'], [pop], [2019]) : null;
    const out = estimateByOverlay(imported, overlay, 'gbg-primaromrade', ['U', 'T'], aggregation, population);
    expect(out.weight).toBe(weight);
    expect(out.values.level).toBe('gbg-primaromrade');
    expect(out.values.codes).toEqual(['T', 'U']);
    const [t, u] = out.values.values[0]!;
    expect(t).toBeCloseTo(expected[0]!, 6);
    expect(u).toBeCloseTo(expected[1]!, 6);
  });

  it('leaves a target without a value when sources with values cover less than 90 % of it', () => {
    // B lacks a value: T is covered by A's area only (1 of 2), U not at all.
    const out = estimateByOverlay(values(['A', 'B'], [[10, null]]), overlay, 'gbg-primaromrade', ['T', 'U'], 'rate', null);
    expect(out.values.values).toEqual([[null, null]]);
  });

  it('keeps every year and ignores codes outside the overlay', () => {
    const out = estimateByOverlay(
      values(
        ['A', 'B', 'Z'],
        [
          [10, 40, 1000],
          [20, 20, 1000],
        ],
        [2020, 2021],
      ),
      overlay,
      'gbg-primaromrade',
      ['T', 'U'],
      'count',
      null,
    );
    expect(out.values.years).toEqual([2020, 2021]);
    expect(out.values.values[1]![0]).toBeCloseTo(30, 6);
    expect(out.values.values[1]![1]).toBeCloseTo(10, 6);
  });
});
