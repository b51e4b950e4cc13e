/** Defaults for the preview step: a name, unit and decimals guessed from what the file says. Pure. */
import type { UnitKind } from '../data/types';
import type { ImportChoices, ImportedTable } from './types';

/** The unit kind a free-text unit most likely means ("procent" → percent, "tkr" → ksek), or null. */
export function guessUnit(text: string | undefined): UnitKind | null {
  if (!text) return null;
  const t = text.toLowerCase().trim();
  if (/%|procent|percent|andel|share/.test(t)) return 'percent';
  if (/tkr|tusen(tal)? kr|1000 kr|ksek|thousand/.test(t)) return 'ksek';
  if (/\bkr\b|kronor|sek/.test(t)) return 'sek';
  if (/dagar|days/.test(t)) return 'days';
  if (/(^|[^a-zåäö])år($|[^a-zåäö])|years?/.test(t)) return 'years';
  if (/antal|personer|persons|number|count|st\b/.test(t)) return 'persons';
  return null;
}

/** What a table holds for one measure: distinct areas, years and rows. */
export function describeTable(table: ImportedTable, measure: string | null): { areas: number; years: number[]; rows: number } {
  const areas = new Set<string>();
  const years = new Set<number>();
  let rows = 0;
  for (const row of table.rows) {
    if (measure !== null && row.measure !== undefined && row.measure !== measure) continue;
    rows++;
    areas.add(row.code.trim() || (row.name ?? ''));
    years.add(row.year);
  }
  return { areas: areas.size, years: [...years].sort((a, b) => a - b), rows };
}

/** Decimals the values are written with (at most 2). */
function decimalsOf(table: ImportedTable, measure: string | null): number {
  let most = 0;
  for (const row of table.rows) {
    if (row.value === null || (measure !== null && row.measure !== undefined && row.measure !== measure)) continue;
    const text = String(row.value);
    const dot = text.indexOf('.');
    if (dot >= 0) most = Math.max(most, text.length - dot - 1);
    if (most >= 2) return 2;
  }
  return most;
}

/** First choices for a table: the first measure, a name from the file, the unit it states. */
export function defaultChoices(table: ImportedTable, measure: string | null = table.measures[0]?.id ?? null): ImportChoices {
  const measureMeta = table.measures.find((m) => m.id === measure);
  const unit = guessUnit(measureMeta?.unit) ?? guessUnit(table.unitText) ?? guessUnit(measureMeta?.label) ?? guessUnit(table.title) ?? 'persons';
  const baseName = table.fileName.replace(/\.[^.]+$/, '');
  const name = (table.measures.length > 1 ? measureMeta?.label : undefined) ?? table.title ?? measureMeta?.label ?? baseName;
  return { measure, name: name.trim() || baseName, unit, decimals: decimalsOf(table, measure), direction: 'neutral' };
}
