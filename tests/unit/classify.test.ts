import { describe, expect, it } from 'vitest';
import { classBreaks, classIndex, quantileSorted } from '../../src/scales/classify';

describe('classBreaks(values, method, k)', () => {
  const oneToTen = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  it.each([
    // Type-7 quantiles: h = (n-1)p; 0.2 → 1.8 → 2.8, 0.4 → 4.6, 0.6 → 6.4, 0.8 → 8.2
    ['quantile on 1..10, k=5', oneToTen, 'quantile', 5, [2.8, 4.6, 6.4, 8.2]],
    ['equal interval on 0..10, k=5', [0, 10, 3], 'equal', 5, [2, 4, 6, 8]],
    ['natural breaks on three clusters', [1, 2, 3, 10, 11, 12, 20, 21, 22], 'jenks', 3, [10, 20]],
    ['quantile ignores null and NaN', [null, 1, NaN, 2, 3, 4, 5, undefined], 'quantile', 2, [3]],
  ] as const)('%s', (_title, values, method, k, expected) => {
    const breaks = classBreaks(values as (number | null | undefined)[], method, k);
    expect(breaks.length).toBe(expected.length);
    breaks.forEach((b, i) => expect(b).toBeCloseTo(expected[i]!, 10));
  });

  it('returns no breaks for empty input, a single value, or all values equal', () => {
    expect(classBreaks([], 'quantile', 5)).toEqual([]);
    expect(classBreaks([7], 'equal', 5)).toEqual([]);
    expect(classBreaks([3, 3, 3, 3], 'jenks', 5)).toEqual([]);
  });

  it('drops duplicate quantile thresholds when many values tie', () => {
    const breaks = classBreaks([1, 1, 1, 1, 1, 1, 1, 1, 2, 3], 'quantile', 5);
    expect(new Set(breaks).size).toBe(breaks.length);
    expect(breaks.every((b) => b > 1)).toBe(true);
  });

  it('natural breaks never asks for more classes than distinct values', () => {
    expect(classBreaks([1, 1, 2, 2], 'jenks', 7)).toEqual([2]);
  });
});

describe('classIndex(value, breaks)', () => {
  it.each([
    [0, 0],
    [2, 1], // a value on a break goes to the upper class
    [3, 1],
    [4, 2],
    [9, 2],
  ])('value %d → class %d of breaks [2, 4]', (value, expected) => {
    expect(classIndex(value, [2, 4])).toBe(expected);
  });
});

describe('quantileSorted(sorted, p)', () => {
  it('interpolates between order statistics', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([5], 0.9)).toBe(5);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });
});
