/**
 * prepareTopologyLevel (the first paint's paths, straight from TopoJSON) against the app's route
 * (GeoJSON from data/load.ts, prepareAreas, prepareCanvasLevel) on the shipped levels: the same
 * drawing commands, so the hand-over can keep the first paint's paths.
 */
import { readFileSync } from 'node:fs';
import type { Topology } from 'topojson-specification';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { levelFromTopology } from '../../src/data/load';
import type { Catalogue } from '../../src/data/types';
import { prepareCanvasLevel } from '../../src/map/canvas-choropleth';
import { prepareAreas } from '../../src/map/layers';
import { prepareTopologyLevel } from '../../src/map/topology-level';

/** A Path2D that records its commands (Node has none). */
class RecordingPath {
  readonly commands: (string | number)[] = [];
  moveTo(x: number, y: number) {
    this.commands.push('M', x, y);
  }
  lineTo(x: number, y: number) {
    this.commands.push('L', x, y);
  }
  closePath() {
    this.commands.push('Z');
  }
  addPath(other: RecordingPath) {
    this.commands.push(...other.commands);
  }
}

beforeEach(() => vi.stubGlobal('Path2D', RecordingPath));
afterEach(() => vi.unstubAllGlobals());

const catalogue = JSON.parse(readFileSync('public/data/catalogue.json', 'utf8')) as Catalogue;
const commands = (path: Path2D | null) => (path as unknown as RecordingPath | null)?.commands ?? null;

/** A path's line segments, each as its two ends in either order, sorted: the lines drawn, however they are split into subpaths. */
function segments(path: Path2D | null): string[] {
  const out: string[] = [];
  const c = commands(path) ?? [];
  let previous: string | null = null;
  for (let i = 0; i < c.length;) {
    if (c[i] === 'Z') {
      i += 1;
      continue;
    }
    const point = `${c[i + 1]},${c[i + 2]}`;
    if (c[i] === 'L' && previous !== null) out.push([previous, point].sort().join(' '));
    previous = point;
    i += 3;
  }
  return out.sort();
}

describe('prepareTopologyLevel(topology, outlines, bbox)', () => {
  for (const id of ['kommun', 'gbg-deso', 'gbg-primaromrade']) {
    it(`draws ${id} exactly as the GeoJSON route does (areas, labels, picking boxes; borders and parent outlines segment for segment)`, () => {
      const meta = catalogue.levels.find((l) => l.id === id)!;
      const topology = JSON.parse(readFileSync(`geodata/${meta.file.replace('geo/', '')}`, 'utf8')) as Topology;
      const geometry = levelFromTopology(meta, structuredClone(topology));
      const prepared = prepareAreas(id, geometry.areas, geometry.areaBorders, geometry.outlines);
      const expected = prepareCanvasLevel({
        geometries: prepared.features.map((f) => f.geometry),
        names: prepared.names,
        labelPoints: prepared.labelPoints,
        borders: prepared.borders,
        parentBorders: prepared.parentBorders,
        bbox: meta.bbox,
      });

      const { level, codes } = prepareTopologyLevel(topology, meta.outlines, meta.bbox);

      expect(codes).toEqual(geometry.codes);
      expect(level.count).toBe(expected.count);
      expect(level.names).toEqual(expected.names);
      expect(level.labels).toEqual(expected.labels);
      expect([...level.boxes]).toEqual([...expected.boxes]);
      expect([level.origin, level.scale]).toEqual([expected.origin, expected.scale]);
      level.areas.forEach((area, i) => expect(commands(area), geometry.codes[i]).toEqual(commands(expected.areas[i]!)));
      // Borders: the same segments, one line per arc instead of the mesh's stitched lines.
      expect(segments(level.borders)).toEqual(segments(expected.borders));
      expect(segments(level.parentBorders)).toEqual(segments(expected.parentBorders));
      if (meta.outlines.length) expect(segments(level.parentBorders).length).toBeGreaterThan(0);
    });
  }

  it('falls back to the centre of an area’s box without a label point, and to the code without a name', () => {
    // One square from two arcs, quantized: (0,0)–(10,0)–(10,10) and back to (0,0) via (0,10).
    const topology: Topology = {
      type: 'Topology',
      transform: { scale: [0.1, 0.1], translate: [11, 57] },
      arcs: [
        [
          [0, 0],
          [10, 0],
          [0, 10],
        ],
        [
          [10, 10],
          [-10, 0],
          [0, -10],
        ],
      ],
      objects: { areas: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[0, 1]], properties: { code: 'A1' } }] } },
    };
    const { level, codes } = prepareTopologyLevel(topology, [], [11, 57, 12, 58]);
    expect(codes).toEqual(['A1']);
    expect(level.names).toEqual(['A1']);
    // The square's corners are (11, 57) and (12, 58): its box centre (11.5, 57.5) in local units.
    const centre = prepareCanvasLevel({ geometries: [], names: [], labelPoints: [[11.5, 57.5]], borders: [], parentBorders: [], bbox: [11, 57, 12, 58] })
      .labels[0]!;
    expect(level.labels[0]![0]).toBeCloseTo(centre[0], 9);
    expect(level.labels[0]![1]).toBeCloseTo(centre[1], 9);
    // Five points: the shared corner once, the ring closed.
    expect(commands(level.areas[0]!)!.filter((c) => typeof c === 'string')).toEqual(['M', 'L', 'L', 'L', 'L', 'Z']);
  });
});
