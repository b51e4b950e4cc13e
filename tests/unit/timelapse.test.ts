import { describe, expect, it } from 'vitest';
import { wrapLines } from '../../src/export/timelapse';

describe('wrapLines(measure, text, width)', () => {
  const measure = (s: string) => s.length;
  it.each([
    ['', 10, []],
    ['ett två tre', 20, ['ett två tre']],
    ['ett två tre', 7, ['ett två', 'tre']],
    ['ett  två\ttre', 3, ['ett', 'två', 'tre']],
    // A word longer than the width keeps its own line rather than being cut.
    ['a mycketlångtord b', 4, ['a', 'mycketlångtord', 'b']],
  ] as const)('%j at width %d', (text, width, expected) => {
    expect(wrapLines(measure, text, width)).toEqual(expected);
  });
});
