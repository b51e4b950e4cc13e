import type { Direction } from '../data/types';
import { classBreaks, classIndex, type Classification } from './classify';
import { hexToRgba, NO_DATA_COLOR, sequentialPalette, type Rgba } from './palette';

/** A classed colour scale: thresholds, one colour per class, and which end is worse. */
export interface ColorScale {
  breaks: number[];
  colors: string[];
  rgba: Rgba[];
  min: number;
  max: number;
  direction: Direction;
}

/**
 * Builds the legend's colour scale from the values of the domain (all years of
 * the indicator by default, so the legend does not jump while the slider moves).
 */
export function buildColorScale(domainValues: Iterable<number | null | undefined>, method: Classification, k: number, direction: Direction): ColorScale {
  const values: number[] = [];
  for (const v of domainValues) if (v !== null && v !== undefined && Number.isFinite(v)) values.push(v);
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const breaks = classBreaks(values, method, k);
  const colors = sequentialPalette(direction, breaks.length + 1).slice(0, breaks.length + 1);
  // For 1–2 classes the palette function still returns 3 colours; keep the ends.
  const picked = breaks.length + 1 < 3 ? pickEnds(sequentialPalette(direction, 3), breaks.length + 1) : colors;
  return { breaks, colors: picked, rgba: picked.map((c) => hexToRgba(c)), min, max, direction };
}

function pickEnds(colors: string[], n: number): string[] {
  if (n === 1) return [colors[1]!];
  return [colors[0]!, colors[colors.length - 1]!];
}

/** Colour of one value; missing values get the no-data colour. */
export function colorFor(scale: ColorScale, value: number | null | undefined): Rgba {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_DATA_COLOR;
  return scale.rgba[classIndex(value, scale.breaks)] ?? NO_DATA_COLOR;
}

/** Fills a flat RGBA array (4 bytes per area) for the map, reusing `target` when its size fits. */
export function fillColors(scale: ColorScale, values: ArrayLike<number | null>, target?: Uint8Array): Uint8Array {
  const out = target && target.length === values.length * 4 ? target : new Uint8Array(values.length * 4);
  for (let i = 0; i < values.length; i++) {
    const c = colorFor(scale, values[i]);
    out[i * 4] = c[0];
    out[i * 4 + 1] = c[1];
    out[i * 4 + 2] = c[2];
    out[i * 4 + 3] = c[3];
  }
  return out;
}
