/** The change legend's rows: colour, signed range text and which end is better or worse. */
import type { UnitKind } from '../data/types';
import { formatNumber, unitLabel, type Lang } from '../format/number';
import { fill, strings } from '../i18n';
import type { ChangeScale } from './diverging';

/** One class of the change legend. */
export interface ChangeLegendEntry {
  color: string;
  /** Range text with signs: "under −3", "−3 till −1", "+3 eller mer". */
  label: string;
  /** Set on the outermost classes: better/worse, or increase/decrease for neutral indicators. */
  end: 'better' | 'worse' | 'increase' | 'decrease' | null;
}

/** Decimals needed to print the step exactly (0.25 → 2), at least `decimals`. */
export function stepDecimals(step: number, decimals: number): number {
  for (let d = decimals; d < 8; d++) if (Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) < 1e-6) return d;
  return 8;
}

/** A signed number: "+1,5", "−1,5", "0". */
export function formatSigned(value: number, lang: Lang, decimals: number): string {
  const body = formatNumber(value, lang, decimals);
  return value > 0 ? `+${body}` : body;
}

/** The unit of a change: percentage points for shares, else the value's unit ("" for counts). */
export function changeUnitLabel(unit: UnitKind, lang: Lang): string {
  return unit === 'percent' ? strings(lang).change.percentagePoints : unitLabel(unit, lang);
}

/**
 * Legend rows in ascending Δ order. Class i covers [breaks[i-1], breaks[i]) (a value
 * on a break belongs to the upper class, see classIndex). Numbers carry their sign;
 * the unit goes in the legend's title (see changeUnitLabel).
 */
export function changeLegendEntries(scale: ChangeScale, decimals: number, lang: Lang): ChangeLegendEntry[] {
  const t = strings(lang).change;
  const { breaks, colors } = scale;
  if (breaks.length === 0 || !Number.isFinite(scale.min)) return [];
  const d = stepDecimals(scale.step, decimals);
  const value = (v: number) => formatSigned(v, lang, d);
  const entries = colors.map((color, i): ChangeLegendEntry => {
    let label: string;
    if (i === 0) label = fill(t.below, { value: value(breaks[0]!) });
    else if (i === breaks.length) label = fill(t.orMore, { value: value(breaks[i - 1]!) });
    else label = fill(t.range, { from: value(breaks[i - 1]!), to: value(breaks[i]!) });
    return { color, label, end: null };
  });
  const first = entries[0]!;
  const last = entries[entries.length - 1]!;
  if (scale.worseEnd === 'positive') {
    first.end = 'better';
    last.end = 'worse';
  } else if (scale.worseEnd === 'negative') {
    first.end = 'worse';
    last.end = 'better';
  } else {
    first.end = 'decrease';
    last.end = 'increase';
  }
  return entries;
}
