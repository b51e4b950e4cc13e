/** An indicator's values joined to a level's areas: the series every view, statistic and export reads. */
import type { IndicatorValues, MissingReason } from './types';

/** An indicator's values aligned to a level's feature order: NaN where missing. */
export interface AlignedSeries {
  years: number[];
  /** byYear[yearIndex][featureIndex] */
  byYear: Float64Array[];
  /** Why a feature has no value at all (null when it has values in some year). */
  reasons: (MissingReason | null)[];
  /** Codes in the values file that are not on the map. */
  unmatched: string[];
  /** Published reference (e.g. national value) per year, NaN when absent. */
  reference: Float64Array | null;
}

/**
 * Joins an indicator to the map's features by code, in the browser. Codes on the
 * map without a row get the file's stated reason, or "not-reported".
 */
export function joinIndicator(codes: readonly string[], values: IndicatorValues): AlignedSeries {
  const position = new Map<string, number>();
  codes.forEach((code, i) => position.set(code, i));
  const unmatched: string[] = [];
  const columnOf: number[] = values.codes.map((code) => {
    const i = position.get(code);
    if (i === undefined) unmatched.push(code);
    return i ?? -1;
  });
  const byYear = values.values.map((row) => {
    const out = new Float64Array(codes.length).fill(NaN);
    row.forEach((v, j) => {
      const i = columnOf[j]!;
      if (i >= 0 && v !== null) out[i] = v;
    });
    return out;
  });
  const reasons = codes.map((code, i): MissingReason | null => {
    const hasAny = byYear.some((row) => !Number.isNaN(row[i]!));
    return hasAny ? null : (values.missing[code] ?? 'not-reported');
  });
  const reference = values.reference ? Float64Array.from(values.reference, (v) => (v === null ? NaN : v)) : null;
  return { years: values.years, byYear, reasons, unmatched, reference };
}
