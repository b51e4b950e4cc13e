import type { Direction } from '../data/types';

/** An RGBA colour, 0–255 per channel. */
export type Rgba = [number, number, number, number];

/** Colour for areas without a value: a neutral grey, darker than any light palette end. */
export const NO_DATA_COLOR: Rgba = [150, 150, 150, 255];

/** CSS for the no-data swatch: the same grey with a diagonal hatch, so it never reads as "low". */
export const NO_DATA_CSS = 'repeating-linear-gradient(45deg, #969696 0 3px, #d9d9d9 3px 6px)';

/** Fill for areas whose change is within the noise: a mid-light grey, lighter than no-data (#969696) and darker than the scale's near-white middle. */
export const NOT_CLEAR_CSS = '#cfcfcf';

/**
 * ColorBrewer sequential schemes (Cynthia Brewer, Apache-2.0), 3–9 classes, as published
 * at colorbrewer2.org. Both are rated safe for the common colour-vision deficiencies.
 * Inlined rather than importing d3-scale-chromatic: the first view needs two schemes,
 * not the whole library with its interpolators.
 */
const YL_OR_RD: Record<number, string[]> = {
  3: ['#ffeda0', '#feb24c', '#f03b20'],
  4: ['#ffffb2', '#fecc5c', '#fd8d3c', '#e31a1c'],
  5: ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'],
  6: ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#f03b20', '#bd0026'],
  7: ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#fc4e2a', '#e31a1c', '#b10026'],
  8: ['#ffffcc', '#ffeda0', '#fed976', '#feb24c', '#fd8d3c', '#fc4e2a', '#e31a1c', '#b10026'],
  9: ['#ffffcc', '#ffeda0', '#fed976', '#feb24c', '#fd8d3c', '#fc4e2a', '#e31a1c', '#bd0026', '#800026'],
};

const BLUES: Record<number, string[]> = {
  3: ['#deebf7', '#9ecae1', '#3182bd'],
  4: ['#eff3ff', '#bdd7e7', '#6baed6', '#2171b5'],
  5: ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'],
  6: ['#eff3ff', '#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'],
  7: ['#eff3ff', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#084594'],
  8: ['#f7fbff', '#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#084594'],
  9: ['#f7fbff', '#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b'],
};

/** Parses "#rrggbb" into RGBA. */
export function hexToRgba(hex: string, alpha = 255): Rgba {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, alpha];
}

/**
 * Sequential palette of k colours (3–9). The darkest, reddest colour always marks the
 * *worse* end, so for indicators where higher is better the palette is reversed.
 * Neutral indicators (population) use Blues: no judgement.
 */
export function sequentialPalette(direction: Direction, k: number): string[] {
  const n = Math.max(3, Math.min(9, k));
  if (direction === 'neutral') return [...BLUES[n]!];
  const colors = [...YL_OR_RD[n]!];
  return direction === 'higher-better' ? colors.reverse() : colors;
}
