/**
 * Formatting of gap-measure values: differences in the indicator's unit (percentage
 * points for shares), ratios as "1,85×", indices as bare numbers with enough decimals.
 */
import type { UnitKind } from '../data/types';
import { measureDecimals, RATIO_DECIMALS } from '../stats/measure-decimals';
import { gapMeasure, type GapMeasureId } from '../stats/measures';
import { formatChange, formatNumber, formatValue, type Lang } from './number';

const TIMES = '×';

/** Decimals for a measure's values: the indicator's own for differences, fixed for ratios and indices. */
export const gapDecimals = measureDecimals;

/** A measure's value: "12,3 procentenheter", "4,1 år", "1,85×", "0,124"; "–" when not finite. */
export function formatGapValue(value: number | null, measure: GapMeasureId, unit: UnitKind, lang: Lang, indicatorDecimals: number): string {
  if (value === null || !Number.isFinite(value)) return '–';
  const decimals = gapDecimals(measure, indicatorDecimals);
  const kind = gapMeasure(measure).kind;
  if (kind === 'ratio') return `${formatNumber(value, lang, decimals)}${TIMES}`;
  if (kind === 'index') return formatNumber(value, lang, decimals);
  // A difference of two shares is in percentage points, not per cent.
  if (unit === 'percent') return `${formatNumber(value, lang, decimals)}\u00a0${lang === 'sv' ? 'procentenheter' : 'percentage points'}`;
  return formatValue(value, unit, lang, decimals);
}

/** A signed change of a measure: "−4,8 procentenheter", "+0,12", "−0,004". */
export function formatGapChange(delta: number, measure: GapMeasureId, unit: UnitKind, lang: Lang, indicatorDecimals: number): string {
  if (!Number.isFinite(delta)) return '–';
  const decimals = gapDecimals(measure, indicatorDecimals);
  if (gapMeasure(measure).kind === 'difference') return formatChange(delta, unit, lang, decimals);
  return `${delta > 0 ? '+' : ''}${formatNumber(delta, lang, decimals)}`;
}

/**
 * A y-axis tick label. Differences get just enough decimals to tell neighbouring ticks
 * apart (`step` is the tick spacing); ratios and indices their fixed decimals.
 */
export function formatGapTick(value: number, measure: GapMeasureId, lang: Lang, step: number): string {
  const kind = gapMeasure(measure).kind;
  if (kind === 'ratio') return `${formatNumber(value, lang, RATIO_DECIMALS)}${TIMES}`;
  const stepDecimals = decimalsOf(step);
  if (kind === 'index') return formatNumber(value, lang, Math.max(stepDecimals, 2));
  return formatNumber(value, lang, stepDecimals);
}

/** Decimals needed to write a tick step exactly (0.025 → 3, 2.5 → 1, 5 → 0), at most 6. */
function decimalsOf(step: number): number {
  const abs = Math.abs(step);
  if (!Number.isFinite(abs) || abs === 0) return 0;
  for (let d = 0; d < 6; d++) {
    const scaled = abs * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, scaled)) return d;
  }
  return 6;
}

/** Unit words for the y axis: "procentenheter", "år", "kr"; "gånger" for ratios; "" for indices. */
export function gapAxisUnit(measure: GapMeasureId, unit: UnitKind, lang: Lang): string {
  const kind = gapMeasure(measure).kind;
  if (kind === 'ratio') return lang === 'sv' ? 'gånger' : 'times';
  if (kind === 'index') return '';
  return differenceUnit[unit][lang];
}

const differenceUnit: Record<UnitKind, { sv: string; en: string }> = {
  percent: { sv: 'procentenheter', en: 'percentage points' },
  years: { sv: 'år', en: 'years' },
  sek: { sv: 'kr', en: 'SEK' },
  ksek: { sv: 'tkr', en: 'kSEK' },
  days: { sv: 'dagar', en: 'days' },
  persons: { sv: 'personer', en: 'people' },
};
