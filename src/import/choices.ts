/** Defaults for the preview step: a name, unit and decimals guessed from what the file says. Pure. */
import type { UnitKind } from '../data/types';
import { fileStem } from './common';
import { inMeasure } from './join-report';
import { times100, type FractionOffer } from './fractions';
import type { ImportChoices, ImportedTable } from './types';

// A letter on either side means the unit is part of a word ("tkr" is not "kr"); underscores separate words in headers.
const word = (w: string) => new RegExp(`(^|[^a-zåäö])(${w})($|[^a-zåäö])`);
const PERCENT = /%|procent|percent|andel|share|pct|proportion/;
// Says "per cent" outright, as opposed to a share, which may be written as a fraction.
const PER_CENT = /%|procent|percent|pct/;
const KSEK = /tkr|tusen(tal)? kr|1000 kr|ksek|tsek|thousand/;
const SEK = word('kr|kronor|sek');
const DAYS = word('dagar|days');
const COUNT =
  /antal|folkmängd|befolkning|invånare|personer|persons|population|hushåll|households|bostäder|lägenheter|dwellings|count|number of|^pop($|[^a-z])|[^a-z]pop($|[^a-z])/;
// "år" as a unit ("Medellivslängd, år", "(år)"), not as in "efter region och år".
const YEARS = /(^|[,(]\s*)(år|years?)\s*\)?$|livslängd|life expectancy|medelålder|mean age/;

/**
 * The unit kind a header, unit or title most likely means ("procent" → percent, "tkr" → ksek,
 * "Folkmängd" → persons), or null.
 */
export function guessUnit(text: string | undefined): UnitKind | null {
  if (!text) return null;
  const t = text.toLowerCase().trim();
  if (PERCENT.test(t)) return 'percent';
  if (KSEK.test(t)) return 'ksek';
  if (SEK.test(t)) return 'sek';
  if (DAYS.test(t)) return 'days';
  if (COUNT.test(t)) return 'persons';
  if (YEARS.test(t)) return 'years';
  return null;
}

/** The unit kind values suggest: whole numbers are counts; fractions between 0 and 100 are shares; else null. */
export function unitFromValues(values: readonly number[]): UnitKind | null {
  if (values.length === 0) return null;
  if (values.every((v) => Number.isInteger(v) && v >= 0)) return 'persons';
  return values.every((v) => v >= 0 && v <= 100) ? 'percent' : null;
}

/** Whether a measure label names nothing ("value", "värde"): the dataset is then named after the table or the file. */
export function isGenericLabel(label: string | undefined): boolean {
  return !label || /^(value|values|värde|varde|obs_?value|col\d+)$/i.test(label.trim());
}

/** What a table holds for one measure: distinct areas, years and rows. */
export function describeTable(table: ImportedTable, measure: string | null): { areas: number; years: number[]; rows: number } {
  const areas = new Set<string>();
  const years = new Set<number>();
  let rows = 0;
  for (const row of table.rows) {
    if (!inMeasure(row, measure)) continue;
    rows++;
    areas.add(row.code.trim() || (row.name ?? ''));
    years.add(row.year);
  }
  return { areas: areas.size, years: [...years].sort((a, b) => a - b), rows };
}

function measureValues(table: ImportedTable, measure: string | null): number[] {
  const values: number[] = [];
  for (const row of table.rows) if (row.value !== null && inMeasure(row, measure)) values.push(row.value);
  return values;
}

/** Decimals the values are written with (at most 2). */
function decimalsOf(values: readonly number[]): number {
  let most = 0;
  for (const value of values) {
    const text = String(value);
    const dot = text.indexOf('.');
    if (dot >= 0) most = Math.max(most, text.length - dot - 1);
    if (most >= 2) return 2;
  }
  return most;
}

/**
 * The ×100 offer for a measure whose header, unit or table text says percent or share while all
 * its values lie within 0–1 (some strictly between: not a 0/1 flag), or null. It is likely (on by
 * default) only when the text names a share without saying per cent: "Andel, procent" with 0.4 may
 * well mean 0.4 %.
 */
export function fractionOffer(texts: readonly (string | undefined)[], values: readonly number[]): FractionOffer | null {
  if (unitFromTexts(texts) !== 'percent') return null;
  const said = texts.filter((t): t is string => Boolean(t)).map((t) => t.toLowerCase());
  if (values.length === 0 || !values.every((v) => v >= 0 && v <= 1) || !values.some((v) => v > 0 && v < 1)) return null;
  return {
    likely: !said.some((t) => PER_CENT.test(t)),
    largest: values.reduce((a, b) => Math.max(a, b), 0),
    decimals: { asWritten: decimalsOf(values), times100: decimalsOf(values.map(times100)) },
  };
}

/** The unit the first text that names one says (see guessUnit), or null. */
function unitFromTexts(texts: readonly (string | undefined)[]): UnitKind | null {
  for (const text of texts) {
    const unit = guessUnit(text);
    if (unit) return unit;
  }
  return null;
}

/** The texts that may say a measure's unit: its unit and header, the table's unit text and title. */
function unitTexts(table: ImportedTable, measure: string | null): (string | undefined)[] {
  const meta = table.measures.find((m) => m.id === measure);
  return [meta?.unit, isGenericLabel(meta?.label) ? undefined : meta?.label, table.unitText, table.title];
}

/**
 * First choices for a measure (default: the first): named after the measure's header, or the table's
 * title, or the file — never "value"; the unit from the measure's unit, header or the table's unit
 * text, else from its values; the direction left neutral for the user to set.
 */
export function defaultChoices(table: ImportedTable, measure: string | null = table.measures[0]?.id ?? null): ImportChoices {
  return measureDefaults(table, measure).defaults;
}

/** A measure's first choices (see defaultChoices) and its ×100 offer (see fractionOffer), from one pass over its values. */
export function measureDefaults(table: ImportedTable, measure: string | null): { defaults: ImportChoices; fractions: FractionOffer | null } {
  const meta = table.measures.find((m) => m.id === measure);
  const label = isGenericLabel(meta?.label) ? undefined : meta?.label;
  const values = measureValues(table, measure);
  const texts = unitTexts(table, measure);
  const unit = unitFromTexts(texts) ?? unitFromValues(values) ?? 'persons';
  const stem = fileStem(table.fileName);
  const name = (table.measures.length > 1 ? label : undefined) ?? table.title ?? label ?? stem;
  const offer = fractionOffer(texts, values);
  const choices: ImportChoices = { measure, name: name.trim() || stem, unit, decimals: decimalsOf(values), direction: 'neutral' };
  return { defaults: offer?.likely ? { ...choices, decimals: offer.decimals.times100, times100: true } : choices, fractions: offer };
}
