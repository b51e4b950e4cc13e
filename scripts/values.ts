/**
 * Shared shapes of the indicator builders and the IndicatorValues assembly.
 */
import type { EstimateBasisFile, IndicatorLevel, IndicatorMeta, IndicatorValues, JoinReportEntry, LevelId, MissingReason } from '../src/data/types';
import type { WeightDeclaration } from './weights';

/** Catalogue entry without its levels (filled in by the orchestrator). */
export type IndicatorBase = Omit<IndicatorMeta, 'levels'>;

/** One indicator at one level, ready to be written. */
export interface IndicatorOutput {
  meta: IndicatorBase;
  values: IndicatorValues;
  derived?: IndicatorLevel['derived'];
  /** The population the gap measures are weighted with; resolved per level by the build (weights.ts). */
  weight: WeightDeclaration;
}

/** What a source module produces. */
export interface SourceBuild {
  indicators: IndicatorOutput[];
  joins: JoinReportEntry[];
  /** How the estimated levels' areas were made (scripts/scb-deso.ts). */
  estimateBasis?: EstimateBasisFile[];
}

/** year → code → value (null: row present but value suppressed or not computable). */
export type YearTable = Map<number, Map<string, number | null>>;

/** Rounds to a fixed number of decimals so files print 76.8, not 76.80000001. */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round(value * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

/** Number of decimals written in a source number string ("76.80" → 2, "17.0" → 1). */
export function decimalsOf(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

export interface ValuesOptions {
  indicator: string;
  level: LevelId;
  /** All codes of the level's geometry. */
  geometryCodes: readonly string[];
  table: YearTable;
  /** Decimals kept in the file. */
  decimals: number;
  /** Keep only these years (e.g. election years). */
  years?: readonly number[];
  /** Reference (national) value per year. */
  reference?: ReadonlyMap<number, number>;
  /** Reason for a geometry code with no value in any year; default 'not-reported'. */
  reasonFor?: (code: string) => MissingReason;
}

const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Assembles the values file: years with at least one value, codes ascending, a null for each gap. */
export function makeValues(o: ValuesOptions): IndicatorValues {
  const codes = [...o.geometryCodes].sort(byCode);
  const keep = o.years ? new Set(o.years) : undefined;
  const years = [...o.table.keys()]
    .filter((y) => !keep || keep.has(y))
    .filter((y) => codes.some((c) => typeof o.table.get(y)?.get(c) === 'number'))
    .sort((a, b) => a - b);
  const values = years.map((y) => {
    const row = o.table.get(y);
    return codes.map((c) => {
      const v = row?.get(c);
      return typeof v === 'number' && Number.isFinite(v) ? roundTo(v, o.decimals) : null;
    });
  });
  const missing: Record<string, MissingReason> = {};
  codes.forEach((c, i) => {
    if (values.every((row) => row[i] === null)) missing[c] = o.reasonFor?.(c) ?? 'not-reported';
  });
  const out: IndicatorValues = { indicator: o.indicator, level: o.level, years, codes, values, missing };
  if (o.reference)
    out.reference = years.map((y) => {
      const v = o.reference?.get(y);
      return v === undefined ? null : roundTo(v, o.decimals);
    });
  return out;
}

/** Sets table[year][code] = value. */
export function setValue(table: YearTable, year: number, code: string, value: number | null): void {
  let row = table.get(year);
  if (!row) table.set(year, (row = new Map()));
  row.set(code, value);
}
