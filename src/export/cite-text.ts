/** A "cite this" text for the current view: publisher, indicator, years, source, URL, date. */
import type { Lang } from '../format/number';
import { fill, strings } from '../i18n';
import type { ExportMeta } from './export-meta';

/** "2025-01-31" in local time: the reader's day of download. */
export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "2011–2022", one year alone, or "" when unknown. */
export function yearSpan(years: readonly number[] | undefined): string {
  if (!years || years.length === 0) return '';
  const first = years[0]!;
  const last = years[years.length - 1]!;
  return first === last ? String(first) : `${first}–${last}`;
}

/**
 * e.g. "RKA. Invånare 0–19 år med låg ekonomisk standard (%), 2011–2022. Kolada – kommun- och
 * regiondatabasen. Bearbetat i Klyftkartan. https://… (hämtad 2025-01-31)."
 */
export function citeText(meta: ExportMeta, viewUrl: string, lang: Lang, date: Date = new Date()): string {
  const t = strings(lang).export;
  const text = fill(t.cite, {
    publisher: meta.source?.publisher[lang] ?? 'Klyftkartan',
    indicator: meta.indicator.name[lang],
    years: yearSpan(meta.years),
    source: meta.source?.name[lang] ?? '',
    url: viewUrl,
    date: isoDate(date),
  });
  // Drop the parts that were empty (no years, no source) rather than print ", ." or ". .".
  return text.replace(/, \./g, '.').replace(/\. \./g, '.');
}
