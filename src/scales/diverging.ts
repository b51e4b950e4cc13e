/** The change map's diverging colour scale: symmetric classes around zero, orange = worse, purple = better. */
import type { Direction } from '../data/types';
import { classIndex } from './classify';
import type { ColorScale } from './color-scale';
import { hexToRgba, NO_DATA_COLOR, NOT_CLEAR_CSS, type Rgba } from './palette';

export { NOT_CLEAR_CSS };

/**
 * ColorBrewer PuOr (Cynthia Brewer, Apache-2.0), orange → purple, as published at
 * colorbrewer2.org; rated safe for the common colour-vision deficiencies. Odd class
 * counts only, so zero sits in the middle class.
 */
const PU_OR: Record<number, string[]> = {
  5: ['#e66101', '#fdb863', '#f7f7f7', '#b2abd2', '#5e3c99'],
  7: ['#b35806', '#f1a340', '#fee0b6', '#f7f7f7', '#d8daeb', '#998ec3', '#542788'],
};

/** {@link NOT_CLEAR_CSS} as RGBA. */
export const NOT_CLEAR_COLOR: Rgba = hexToRgba(NOT_CLEAR_CSS);

/** A diverging change scale; `breaks` are symmetric around 0 in multiples of `step`. */
export interface ChangeScale extends ColorScale {
  /** Width of one class; the breaks are ±step, ±2·step, … (see buildChangeScale). */
  step: number;
  /** Which end of the Δ axis is worse: 'positive' (higher-worse), 'negative' (higher-better), null (neutral). */
  worseEnd: 'positive' | 'negative' | null;
}

/** Quantile (type 7) of an ascending array. */
function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)]!;
  return a + (b - a) * (h - lo);
}

/** The smallest of 1, 2, 2.5, 5 × 10^e that is ≥ x (x > 0). */
export function niceCeil(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 1;
  const e = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * e >= x * (1 - 1e-12)) return m * e;
  return 10 * e;
}

/**
 * Symmetric classes around zero: k classes (5 or 7; k ≤ 6 gives 5, else 7), the
 * middle one [−step, step) and one class per further step, so the breaks are
 * ±step, ±2·step, … ±h·step (h = (k−1)/2). The step is h-th of the 95th percentile of |Δ| over the clear
 * changes (over all finite changes when none is clear), rounded up to 1, 2, 2.5
 * or 5 × 10^e, so the outermost classes start near P95 and one outlier cannot
 * stretch the scale. Orange marks the worse end: positive Δ for higher-worse
 * indicators, negative for higher-better; neutral ones read orange = decrease.
 */
export function buildChangeScale(deltas: ArrayLike<number>, clear: ArrayLike<number>, direction: Direction, k = 7): ChangeScale {
  const classes = k <= 6 ? 5 : 7;
  const half = (classes - 1) / 2;
  const clearAbs: number[] = [];
  const allAbs: number[] = [];
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < deltas.length; i++) {
    const d = deltas[i]!;
    if (!Number.isFinite(d)) continue;
    if (d < min) min = d;
    if (d > max) max = d;
    allAbs.push(Math.abs(d));
    if (clear[i]) clearAbs.push(Math.abs(d));
  }
  const source = clearAbs.length ? clearAbs : allAbs;
  const p95 = source.length
    ? quantile(
        source.sort((a, b) => a - b),
        0.95,
      )
    : NaN;
  const step = niceCeil(p95 / half);
  const breaks: number[] = [];
  for (let j = half; j >= 1; j--) breaks.push(-j * step);
  for (let j = 1; j <= half; j++) breaks.push(j * step);
  const orangeLow = direction !== 'higher-worse';
  const colors = orangeLow ? [...PU_OR[classes]!] : [...PU_OR[classes]!].reverse();
  const worseEnd = direction === 'higher-worse' ? 'positive' : direction === 'higher-better' ? 'negative' : null;
  return { breaks, colors, rgba: colors.map((c) => hexToRgba(c)), min, max, direction, step, worseEnd };
}

/** Colour of one area's change: no-data for NaN, the not-clear grey within the noise, else its class. */
export function changeColor(scale: ChangeScale, delta: number, clear: number): Rgba {
  if (!Number.isFinite(delta)) return NO_DATA_COLOR;
  if (!clear) return NOT_CLEAR_COLOR;
  return scale.rgba[classIndex(delta, scale.breaks)] ?? NO_DATA_COLOR;
}

/** Fills a flat RGBA array (4 bytes per area) for the map, reusing `target` when its size fits. */
export function fillChangeColors(scale: ChangeScale, delta: ArrayLike<number>, clear: ArrayLike<number>, target?: Uint8Array): Uint8Array {
  const out = target && target.length === delta.length * 4 ? target : new Uint8Array(delta.length * 4);
  for (let i = 0; i < delta.length; i++) {
    const c = changeColor(scale, delta[i]!, clear[i]!);
    out[i * 4] = c[0];
    out[i * 4 + 1] = c[1];
    out[i * 4 + 2] = c[2];
    out[i * 4 + 3] = c[3];
  }
  return out;
}
