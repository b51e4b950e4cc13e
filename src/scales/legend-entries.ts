/** The legend's rows computed from a colour scale: colour, range text and which end is worse. */
import type { UnitKind } from '../data/types';
import { formatValue, type Lang } from '../format/number';
import { fill, strings } from '../i18n';
import type { ColorScale } from './color-scale';

/** One class of the legend. */
export interface LegendEntry {
  color: string;
  /** Range text: "under 10 %", "10 % – 20 %", "20 % eller mer". */
  label: string;
  /** Set on the first and last class when the indicator has a better and a worse end. */
  end: 'better' | 'worse' | null;
}

/**
 * Legend rows in ascending value order. Class i covers [breaks[i-1], breaks[i]) — a value
 * equal to a break belongs to the upper class (see classIndex) — so the first class reads
 * "under b0" and the last "b(k-2) or more". A scale without values gives no rows.
 */
export function legendEntries(scale: ColorScale, unit: UnitKind, decimals: number, lang: Lang): LegendEntry[] {
  if (!Number.isFinite(scale.min) || !Number.isFinite(scale.max) || scale.colors.length === 0) return [];
  const t = strings(lang).legend;
  const value = (v: number) => formatValue(v, unit, lang, decimals);
  const { breaks, colors } = scale;
  if (breaks.length === 0) {
    const label = scale.min === scale.max ? value(scale.min) : fill(t.range, { from: value(scale.min), to: value(scale.max) });
    return [{ color: colors[0]!, label, end: null }];
  }
  const entries = colors.slice(0, breaks.length + 1).map((color, i): LegendEntry => {
    let label: string;
    if (i === 0) label = fill(t.below, { value: value(breaks[0]!) });
    else if (i === breaks.length) label = fill(t.orMore, { value: value(breaks[i - 1]!) });
    else label = fill(t.range, { from: value(breaks[i - 1]!), to: value(breaks[i]!) });
    return { color, label, end: null };
  });
  // The darkest colour marks the worse end (see sequentialPalette); neutral indicators have none.
  if (scale.direction !== 'neutral') {
    const lowIsWorse = scale.direction === 'higher-better';
    entries[0]!.end = lowIsWorse ? 'worse' : 'better';
    entries[entries.length - 1]!.end = lowIsWorse ? 'better' : 'worse';
  }
  return entries;
}
