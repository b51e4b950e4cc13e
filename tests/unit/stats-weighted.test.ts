import { describe, expect, it } from 'vitest';
import { createWorkspace, sortedSample, sortPairs, tailMean, weightedQuantileSorted } from '../../src/stats/weighted';

/** Sorts a copy with sortPairs and returns keys and the index carried along. */
function sorted(keys: number[]): { keys: number[]; index: number[] } {
  const k = Float64Array.from(keys);
  const index = Int32Array.from(keys, (_, i) => i);
  sortPairs(k, index, 0, keys.length - 1);
  return { keys: Array.from(k), index: Array.from(index) };
}

describe('sortPairs(keys, index, lo, hi)', () => {
  // Deterministic pseudo-random keys with many ties (values 0–19 only).
  const many = Array.from({ length: 500 }, (_, i) => (i * 7919) % 20);
  it.each([
    ['empty', []],
    ['one', [3]],
    ['already sorted', Array.from({ length: 40 }, (_, i) => i)],
    ['reversed', Array.from({ length: 40 }, (_, i) => 40 - i)],
    ['all equal', new Array(50).fill(2)],
    ['many ties', many],
    ['negatives and fractions', [0.5, -3, 2.25, -3, 10, -0.1, 0, 7, 7, 1e9, -1e9, 3, 3, 3, 2, 1, 0.25, 4]],
  ])('%s: ascending, and each index still points at its key', (_, keys: number[]) => {
    const out = sorted(keys);
    expect(out.keys).toEqual([...keys].sort((a, b) => a - b));
    out.index.forEach((i, k) => expect(keys[i]).toBe(out.keys[k]));
    expect([...out.index].sort((a, b) => a - b)).toEqual(keys.map((_, i) => i));
  });
});

describe('sortedSample(values, weights, workspace)', () => {
  it('drops and counts NaN values and non-positive or missing weights', () => {
    const s = sortedSample([3, NaN, 1, 2, Infinity], [1, 1, 0, 4, 1]);
    expect(s).toMatchObject({ n: 2, length: 5, missing: 2, missingWeight: 1, totalWeight: 5 });
    expect(Array.from(s.values.subarray(0, s.n))).toEqual([2, 3]);
    expect(Array.from(s.index.subarray(0, s.n))).toEqual([3, 0]);
  });
  it('grows past a workspace that is too small', () => {
    expect(sortedSample([3, 2, 1], null, createWorkspace(1)).n).toBe(3);
  });
});

describe('tailMean(sample, share, end) and weightedQuantileSorted(sample, p)', () => {
  it('are NaN for an empty sample', () => {
    const empty = sortedSample([], null);
    expect(tailMean(empty, 0.2, 'low')).toBeNaN();
    expect(weightedQuantileSorted(empty, 0.5)).toBeNaN();
  });
  it('weighted median of [1,2,3] with weights [1,1,2] is the boundary average (2+3)/2', () => {
    // Cumulative 1, 2, 4 of W = 4: 50 % (= 2) ends exactly after the "2".
    expect(weightedQuantileSorted(sortedSample([3, 1, 2], [2, 1, 1]), 0.5)).toBe(2.5);
  });
});
