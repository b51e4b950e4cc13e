import type { Lang } from '../format/number';
import { en } from './en';
import { sv, type Strings } from './sv';

export type { Strings };

const tables: Record<Lang, Strings> = { sv, en };

/** The UI strings of a language. */
export function strings(lang: Lang): Strings {
  return tables[lang];
}

/** Fills "{name}" placeholders; unknown placeholders are left as they are. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}
