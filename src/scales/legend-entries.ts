/** The legend's classes computed from a colour scale: colour, value range and which end is worse. Words: i18n/legend.ts. */
import type { ColorScale } from './color-scale';

/** One class of the legend: values below `to`, from `from` to `to`, `from` or more, or the one value of a flat scale. */
export interface LegendClass {
  color: string;
  kind: 'below' | 'range' | 'orMore' | 'single';
  /** Lower bound (null for 'below'). */
  from: number | null;
  /** Upper bound (null for 'orMore'). */
  to: number | null;
  /** Set on the first and last class when the indicator has a better and a worse end. */
  end: 'better' | 'worse' | null;
}

/**
 * Legend classes in ascending value order. Class i covers [breaks[i-1], breaks[i]) — a value
 * equal to a break belongs to the upper class (see classIndex) — so the first class reads
 * "under b0" and the last "b(k-2) or more". A scale without values gives no classes.
 */
export function legendClasses(scale: ColorScale): LegendClass[] {
  if (!Number.isFinite(scale.min) || !Number.isFinite(scale.max) || scale.colors.length === 0) return [];
  const { breaks, colors } = scale;
  if (breaks.length === 0) {
    const kind = scale.min === scale.max ? 'single' : 'range';
    return [{ color: colors[0]!, kind, from: scale.min, to: scale.max, end: null }];
  }
  const entries = colors.slice(0, breaks.length + 1).map((color, i): LegendClass => {
    if (i === 0) return { color, kind: 'below', from: null, to: breaks[0]!, end: null };
    if (i === breaks.length) return { color, kind: 'orMore', from: breaks[i - 1]!, to: null, end: null };
    return { color, kind: 'range', from: breaks[i - 1]!, to: breaks[i]!, end: null };
  });
  // The darkest colour marks the worse end (see sequentialPalette); neutral indicators have none.
  if (scale.direction !== 'neutral') {
    const lowIsWorse = scale.direction === 'higher-better';
    entries[0]!.end = lowIsWorse ? 'worse' : 'better';
    entries[entries.length - 1]!.end = lowIsWorse ? 'better' : 'worse';
  }
  return entries;
}
