import { schemeYlOrRd, schemeBlues } from 'd3-scale-chromatic';
import type { Direction } from '../data/types';

/** An RGBA colour, 0–255 per channel. */
export type Rgba = [number, number, number, number];

/** Colour for areas without a value: a neutral grey, darker than any light palette end. */
export const NO_DATA_COLOR: Rgba = [150, 150, 150, 255];

/** CSS for the no-data swatch: the same grey with a diagonal hatch, so it never reads as "low". */
export const NO_DATA_CSS = 'repeating-linear-gradient(45deg, #969696 0 3px, #d9d9d9 3px 6px)';

/** Parses "#rrggbb" into RGBA. */
export function hexToRgba(hex: string, alpha = 255): Rgba {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, alpha];
}

/**
 * Sequential, colour-blind-safe palettes (ColorBrewer YlOrRd and Blues, both rated
 * safe for the common colour-vision deficiencies). The darkest, reddest colour
 * always marks the *worse* end, so for indicators where higher is better the
 * palette is reversed. Neutral indicators (population) use Blues: no judgement.
 */
export function sequentialPalette(direction: Direction, k: number): string[] {
  const n = Math.max(3, Math.min(9, k));
  if (direction === 'neutral') return [...(schemeBlues[n] as readonly string[])];
  const colors = [...(schemeYlOrRd[n] as readonly string[])];
  return direction === 'higher-better' ? colors.reverse() : colors;
}
