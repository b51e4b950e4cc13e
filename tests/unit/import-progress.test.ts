import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/import/detect';
import { progressSteps } from '../../src/import/progress';

describe('progressSteps(sink, from, to, step)', () => {
  it('reports every 2 % of 1000 items, then the end, mapped into [from, to]', () => {
    const seen: number[] = [];
    const report = progressSteps((f) => seen.push(f), 0.5, 1);
    for (let i = 1; i <= 1000; i++) report(i, 1000);
    expect(seen).toHaveLength(50);
    expect(seen[0]).toBeCloseTo(0.51, 9);
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((f, i) => i === 0 || f > seen[i - 1]!)).toBe(true);
  });

  it('reports each item when there are few, and an empty loop as done', () => {
    const seen: number[] = [];
    const report = progressSteps((f) => seen.push(f));
    for (let i = 1; i <= 3; i++) report(i, 3);
    report(0, 0);
    expect(seen).toEqual([1 / 3, 2 / 3, 1]);
  });
});

describe('parseFile(fileName, bytes, onProgress)', () => {
  it('reports each row of a CSV table and each area of a boundary file', () => {
    const csv: [number, number][] = [];
    parseFile('t.csv', new TextEncoder().encode('kod;år;andel\n0180;2020;1\n1480;2020;2\n1490;2020;3'), (done, total) => csv.push([done, total]));
    expect(csv).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    const square = (x: number) => ({
      type: 'Feature',
      properties: { kod: String(x) },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [x, 57],
            [x + 0.1, 57],
            [x + 0.1, 57.1],
            [x, 57],
          ],
        ],
      },
    });
    const geojson = JSON.stringify({ type: 'FeatureCollection', features: [square(11), square(12)] });
    const areas: [number, number][] = [];
    const result = parseFile('a.geojson', new TextEncoder().encode(geojson), (done, total) => areas.push([done, total]));
    expect(result.kind).toBe('boundaries');
    expect(areas).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });
});
