/** The change legend's classes: colour, signed range and which end is better or worse. Words: i18n/legend.ts. */
import type { ChangeScale } from './diverging';

/** One class of the change legend: Δ below `to`, from `from` to `to`, or `from` or more. */
export interface ChangeLegendClass {
  color: string;
  kind: 'below' | 'range' | 'orMore';
  from: number | null;
  to: number | null;
  /** Set on the outermost classes: better/worse, or increase/decrease for neutral indicators. */
  end: 'better' | 'worse' | 'increase' | 'decrease' | null;
}

/** Decimals needed to print the step exactly (0.25 → 2), at least `decimals`. */
export function stepDecimals(step: number, decimals: number): number {
  for (let d = decimals; d < 8; d++) if (Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) < 1e-6) return d;
  return 8;
}

/**
 * Classes in ascending Δ order. Class i covers [breaks[i-1], breaks[i]) (a value on a break
 * belongs to the upper class, see classIndex). A scale without breaks gives no classes.
 */
export function changeLegendClasses(scale: ChangeScale): ChangeLegendClass[] {
  const { breaks, colors } = scale;
  if (breaks.length === 0 || !Number.isFinite(scale.min)) return [];
  const entries = colors.map((color, i): ChangeLegendClass => {
    if (i === 0) return { color, kind: 'below', from: null, to: breaks[0]!, end: null };
    if (i === breaks.length) return { color, kind: 'orMore', from: breaks[i - 1]!, to: null, end: null };
    return { color, kind: 'range', from: breaks[i - 1]!, to: breaks[i]!, end: null };
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
