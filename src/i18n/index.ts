import type { Lang } from '../format/number';
import { sv, type Strings } from './sv';

export type { Strings };

/**
 * Swedish ships with the first download; English loads on demand (`loadLanguage`), which keeps
 * the first view's JavaScript within budget. Until it has loaded, strings('en') falls back to
 * Swedish rather than failing.
 */
const tables: Partial<Record<Lang, Strings>> = { sv };

/** The UI strings of a language (Swedish until the language has been loaded). */
export function strings(lang: Lang): Strings {
  return tables[lang] ?? sv;
}

/** Loads a language's strings; resolves at once when they are there. */
export async function loadLanguage(lang: Lang): Promise<void> {
  if (tables[lang]) return;
  if (lang === 'en') tables.en = (await import('./en')).en;
}

/** Whether a language's strings are loaded. */
export function hasLanguage(lang: Lang): boolean {
  return tables[lang] !== undefined;
}

/** Fills "{name}" placeholders; unknown placeholders are left as they are. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}
