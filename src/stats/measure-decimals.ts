/**
 * How precisely a gap measure's values are told: differences with the indicator's own decimals,
 * ratios and indices with fixed ones. One table for every text that shows a measure (the gap
 * panel's formatting in format/gap-value.ts, and the summary sentence).
 */
import { gapMeasure } from './measures';
import type { GapMeasureId } from './measure-ids';

/** Ratios read as "x times"; two decimals tell 1,85 from 1,80. */
export const RATIO_DECIMALS = 2;

/** Gini and Theil across areas are usually small (0.01–0.2), so they need three decimals to show change. */
export const INDEX_DECIMALS: Partial<Record<GapMeasureId, number>> = { cv: 2, gini: 3, theil: 3 };

/** Decimals for a measure's values: the indicator's own for differences, fixed for ratios and indices. */
export function measureDecimals(measure: GapMeasureId, indicatorDecimals: number): number {
  const kind = gapMeasure(measure).kind;
  if (kind === 'difference') return indicatorDecimals;
  if (kind === 'ratio') return RATIO_DECIMALS;
  return INDEX_DECIMALS[measure] ?? 3;
}
