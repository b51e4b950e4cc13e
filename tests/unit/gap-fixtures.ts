/** A small gap series shared by the gap-view and view-model tests: five areas whose spread halves every year. */
import type { IndicatorMeta, IndicatorValues } from '../../src/data/types';

/** A share where higher is worse, no decimals. */
export const shareIndicator = {
  id: 'x',
  name: { sv: 'Andel X', en: 'Share X' },
  short: { sv: 'andel X', en: 'share X' },
  unit: 'percent',
  decimals: 0,
  direction: 'higher-worse',
} as IndicatorMeta;

/**
 * Areas A–E, 2018–2022: the range halves every year, 40 → 20 → 10 → 5 → 2.5, a steady narrowing
 * (Mann–Kendall S = −10 of 10 pairs, exact p = 2/120).
 */
export const narrowingValues: IndicatorValues = {
  indicator: 'x',
  level: 'kommun',
  years: [2018, 2019, 2020, 2021, 2022],
  codes: ['A', 'B', 'C', 'D', 'E'],
  values: [
    [10, 20, 30, 40, 50],
    [20, 25, 30, 35, 40],
    [25, 27.5, 30, 32.5, 35],
    [27.5, 28.75, 30, 31.25, 32.5],
    [28.75, 29.375, 30, 30.625, 31.25],
  ],
  missing: {},
};
