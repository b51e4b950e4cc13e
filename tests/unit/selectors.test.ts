import { describe, expect, it } from 'vitest';
import type { IndicatorValues } from '../../src/data/types';
import { changeSinceFirst, domainValues, joinIndicator, medianSeries, ranks, valuesForYear, weightsByYear } from '../../src/state/selectors';

const values: IndicatorValues = {
  indicator: 'x',
  level: 'gbg-deso',
  years: [2020, 2021, 2022],
  codes: ['B', 'A', 'Z'], // Z is not on the map
  values: [
    [10, null, 1],
    [12, 5, 1],
    [9, 7, 1],
  ],
  missing: { C: 'boundary-changed' },
};

describe('joinIndicator(codes, values)', () => {
  const series = joinIndicator(['A', 'B', 'C', 'D'], values);
  it('aligns values to the map order and marks missing as NaN', () => {
    expect(Array.from(series.byYear[0]!)).toEqual([NaN, 10, NaN, NaN]);
    expect(Array.from(series.byYear[2]!)).toEqual([7, 9, NaN, NaN]);
  });
  it('reports source codes without a boundary', () => expect(series.unmatched).toEqual(['Z']));
  it('keeps the stated reason, and defaults to not reported', () => {
    expect(series.reasons).toEqual([null, null, 'boundary-changed', 'not-reported']);
  });
});

describe('ranks(row, direction)', () => {
  const row = Float64Array.from([5, NaN, 9, 5, 1]);
  it('ranks 1 = lowest when higher is worse, ties share a rank, missing gets 0', () => {
    const { rank, count } = ranks(row, 'higher-worse');
    expect(Array.from(rank)).toEqual([2, 0, 4, 2, 1]);
    expect(count).toBe(4);
  });
  it('ranks 1 = highest when higher is better', () => {
    expect(Array.from(ranks(row, 'higher-better').rank)).toEqual([2, 0, 1, 2, 4]);
  });
});

describe('changeSinceFirst(series, index, year)', () => {
  const series = joinIndicator(['A', 'B'], values);
  it('measures from the first year with a value', () => {
    expect(changeSinceFirst(series, 0, 2022)).toEqual({ from: 2021, delta: 2 });
    expect(changeSinceFirst(series, 1, 2022)).toEqual({ from: 2020, delta: -1 });
  });
  it('is null in the first year or without values', () => {
    expect(changeSinceFirst(series, 1, 2020)).toBeNull();
    expect(changeSinceFirst(series, 0, 2020)).toBeNull();
  });
});

describe('medianSeries(series) and domainValues(series, mode, year)', () => {
  const series = joinIndicator(['A', 'B'], values);
  it('takes the median of the areas with values each year', () => {
    expect(medianSeries(series)).toEqual([10, 8.5, 8]);
  });
  it('spans all years or only the chosen one', () => {
    expect([...domainValues(series, 'all', 2020)].sort((a, b) => a - b)).toEqual([5, 7, 9, 10, 12]);
    expect([...domainValues(series, 'year', 2021)]).toEqual([5, 12]);
  });
  it('gives an all-missing row for a year the indicator lacks', () => {
    expect(Array.from(valuesForYear(series, 1999, 2))).toEqual([NaN, NaN]);
  });
});

describe('weightsByYear(series, population)', () => {
  it('takes the same year, or the nearest year the population has', () => {
    const series = joinIndicator(['A', 'B'], values);
    const population = joinIndicator(['A', 'B'], {
      indicator: 'pop',
      level: 'gbg-deso',
      years: [2021],
      codes: ['A', 'B'],
      values: [[100, 300]],
      missing: {},
    });
    const weights = weightsByYear(series, population)!;
    expect(weights).toHaveLength(3);
    expect(Array.from(weights[0]!)).toEqual([100, 300]);
    expect(weights[2]).toBe(weights[0]);
  });
  it('is null without a population series', () => {
    expect(weightsByYear(joinIndicator(['A'], values), null)).toBeNull();
  });
});
