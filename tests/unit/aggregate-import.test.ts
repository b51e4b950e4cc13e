import { describe, expect, it } from 'vitest';
import type { IndicatorValues } from '../../src/data/types';
import { aggregateImported, COARSER_LEVELS } from '../../src/import/aggregate-import';

function values(codes: string[], rows: (number | null)[][], years = [2020]): IndicatorValues {
  return { indicator: 'user:x', level: 'gbg-primaromrade', years, codes, values: rows, missing: {} };
}

const parents = new Map([
  ['a', 'P'],
  ['b', 'P'],
  ['c', 'Q'],
]);

describe('aggregateImported(values, parentOf, target, aggregation, population)', () => {
  it.each([
    // P = (10·100 + 30·300) / 400 = 25; Q has one child.
    { title: 'rate, population-weighted mean', aggregation: 'rate' as const, pop: [100, 300, 50], row: [10, 30, 5], expected: [25, 5] },
    { title: 'rate, unweighted mean without population', aggregation: 'rate' as const, pop: null, row: [10, 30, 5], expected: [20, 5] },
    { title: 'count, sum', aggregation: 'count' as const, pop: null, row: [10, 30, 5], expected: [40, 5] },
    { title: 'count with a child missing: no sum', aggregation: 'count' as const, pop: null, row: [10, null, 5], expected: [null, 5] },
    { title: 'rate with half the children missing: below coverage', aggregation: 'rate' as const, pop: null, row: [null, 30, 5], expected: [null, 5] },
    // a (weight 5 of 100) lacks a value: coverage 0.95 ≥ 0.9, so P is b's value.
    { title: 'rate with a small child missing: covered', aggregation: 'rate' as const, pop: [5, 95, 50], row: [null, 30, 5], expected: [30, 5] },
    { title: 'rate with zero population: no weight, no value', aggregation: 'rate' as const, pop: [0, 0, 50], row: [10, 30, 5], expected: [null, 5] },
  ])('$title', ({ aggregation, pop, row, expected }) => {
    const population = pop ? values(['a', 'b', 'c'], [pop], [2019]) : null;
    const out = aggregateImported(values(['a', 'b', 'c'], [row]), parents, 'gbg-mellanomrade', aggregation, population);
    expect(out.codes).toEqual(['P', 'Q']);
    expect(out.level).toBe('gbg-mellanomrade');
    expect(out.values).toEqual([expected]);
  });

  it('keeps every year and ignores codes without a parent', () => {
    const out = aggregateImported(
      values(
        ['a', 'b', 'z'],
        [
          [1, 3, 100],
          [2, 4, 100],
        ],
        [2020, 2021],
      ),
      parents,
      'gbg-stadsomrade',
      'count',
      null,
    );
    expect(out.years).toEqual([2020, 2021]);
    expect(out.values).toEqual([
      [4, null],
      [6, null],
    ]);
  });

  it('uses the population year nearest each value year', () => {
    const population = values(
      ['a', 'b'],
      [
        [1, 1],
        [100, 300],
      ],
      [2010, 2020],
    );
    const out = aggregateImported(
      values(['a', 'b'], [[10, 30]], [2021]),
      new Map([
        ['a', 'P'],
        ['b', 'P'],
      ]),
      'gbg-stadsomrade',
      'rate',
      population,
    );
    expect(out.values).toEqual([[25]]);
  });
});

describe('COARSER_LEVELS', () => {
  it('nests primärområden in mellanområden and stadsområden, DeSO in RegSO, and kommun nowhere', () => {
    expect(COARSER_LEVELS['gbg-primaromrade']?.map((l) => l.level)).toEqual(['gbg-mellanomrade', 'gbg-stadsomrade']);
    expect(COARSER_LEVELS['gbg-deso']).toEqual([{ level: 'gbg-regso', key: 'regso' }]);
    expect(COARSER_LEVELS['kommun']).toBeUndefined();
  });
});
