import { describe, expect, it } from 'vitest';
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
