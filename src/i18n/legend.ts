/**
 * The legends' words: range texts for the classes the scales compute (scales/legend-entries.ts,
 * scales/change-legend-entries.ts) — "under 10 %", "10 % – 20 %", "+3 eller mer".
 */
import type { Lang, UnitKind } from '../data/types';
import { formatNumber, formatValue, unitLabel } from '../format/number';
import { changeLegendClasses, stepDecimals, type ChangeLegendClass } from '../scales/change-legend-entries';
import type { ChangeScale } from '../scales/diverging';
import type { ColorScale } from '../scales/color-scale';
import { legendClasses, type LegendClass } from '../scales/legend-entries';
import { fill, strings } from './index';

/** One row of the legend: colour, range text and which end is worse. */
export interface LegendEntry {
  color: string;
  /** Range text: "under 10 %", "10 % – 20 %", "20 % eller mer". */
  label: string;
  end: LegendClass['end'];
}

/** One row of the change legend: colour, signed range text ("under −3", "−3 till −1", "+3 eller mer") and its end. */
export interface ChangeLegendEntry {
  color: string;
  label: string;
  end: ChangeLegendClass['end'];
}

/** The words of one class, with `value` formatting its bounds. */
function rangeLabel(entry: LegendClass | ChangeLegendClass, value: (v: number) => string, t: { below: string; orMore: string; range: string }): string {
  if (entry.kind === 'single') return value(entry.from!);
  if (entry.kind === 'below') return fill(t.below, { value: value(entry.to!) });
  if (entry.kind === 'orMore') return fill(t.orMore, { value: value(entry.from!) });
  return fill(t.range, { from: value(entry.from!), to: value(entry.to!) });
}

/** Legend rows in ascending value order, the bounds in the indicator's unit. */
export function legendEntries(scale: ColorScale, unit: UnitKind, decimals: number, lang: Lang): LegendEntry[] {
  const t = strings(lang).legend;
  const value = (v: number) => formatValue(v, unit, lang, decimals);
  return legendClasses(scale).map((entry) => ({ color: entry.color, label: rangeLabel(entry, value, t), end: entry.end }));
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

/** Change legend rows in ascending Δ order; numbers carry their sign, the unit goes in the legend's title (changeUnitLabel). */
export function changeLegendEntries(scale: ChangeScale, decimals: number, lang: Lang): ChangeLegendEntry[] {
  const t = strings(lang).change;
  const d = stepDecimals(scale.step, decimals);
  const value = (v: number) => formatSigned(v, lang, d);
  return changeLegendClasses(scale).map((entry) => ({ color: entry.color, label: rangeLabel(entry, value, t), end: entry.end }));
}
