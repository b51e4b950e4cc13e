import type { Lang, UnitKind } from '../data/types';

/** UI languages (defined with the data contract, so the pure core need not import formatting). */
export type { Lang };

const locales: Record<Lang, string> = { sv: 'sv-SE', en: 'en-GB' };

const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, decimals: number): Intl.NumberFormat {
  const key = `${lang}:${decimals}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locales[lang], {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: true,
    });
    cache.set(key, format);
  }
  return format;
}

/**
 * Formats a plain number per language: Swedish uses a decimal comma and a
 * (non-breaking) space as thousands separator, English a point and a comma.
 * Intl's Swedish minus sign is U+2212, which is what Swedish typography wants.
 */
export function formatNumber(value: number, lang: Lang, decimals = 0): string {
  if (!Number.isFinite(value)) return '–';
  return numberFormat(lang, decimals).format(value);
}

const unitSuffix: Record<UnitKind, { sv: string; en: string }> = {
  percent: { sv: '\u00a0%', en: '%' },
  years: { sv: '\u00a0år', en: '\u00a0years' },
  sek: { sv: '\u00a0kr', en: '\u00a0SEK' },
  ksek: { sv: '\u00a0tkr', en: '\u00a0kSEK' },
  days: { sv: '\u00a0dagar', en: '\u00a0days' },
  persons: { sv: '', en: '' },
};

/** Formats a value with its unit, e.g. "12,5 %" (sv) or "12.5%" (en). */
export function formatValue(value: number | null | undefined, unit: UnitKind, lang: Lang, decimals = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return lang === 'sv' ? 'uppgift saknas' : 'no data';
  return formatNumber(value, lang, decimals) + unitSuffix[unit][lang];
}

/** Unit label for axis titles and table headers, e.g. "%" or "kr". */
export function unitLabel(unit: UnitKind, lang: Lang): string {
  return unitSuffix[unit][lang].trim();
}

/**
 * Formats a change with an explicit sign; percentages become percentage points
 * ("+1,2 procentenheter") because a change in a share is not a percent change.
 */
export function formatChange(delta: number, unit: UnitKind, lang: Lang, decimals = 0): string {
  if (!Number.isFinite(delta)) return '–';
  const sign = delta > 0 ? '+' : '';
  const body = formatNumber(delta, lang, decimals);
  if (unit === 'percent') return `${sign}${body}${lang === 'sv' ? '\u00a0procentenheter' : '\u00a0percentage points'}`;
  return `${sign}${body}${unitSuffix[unit][lang]}`;
}
