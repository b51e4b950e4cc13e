/** Search and grouping of the catalogue's indicators for the indicator chooser. No DOM. */
import type { Catalogue, IndicatorMeta, Lang, LevelId, TargetArea } from './types';

/** Target areas in the programme's order, which is the chooser's group order. */
export const TARGET_AREAS: readonly TargetArea[] = ['start', 'work', 'living', 'participation'];

const SEX_ORDER: Record<IndicatorMeta['sex'], number> = { total: 0, women: 1, men: 2 };

/** One indicator as the chooser lists it. */
export interface IndicatorOption {
  id: string;
  /** Name in the UI language, with " – kvinnor"/" – män" for sex variants. */
  label: string;
  /** Whether the indicator has data (at least one year) at the level. */
  available: boolean;
  /** False only for the kept current indicator when the query does not match it. */
  match: boolean;
}

/** Source id of the user's imported datasets; they form their own group, last. */
export const USER_SOURCE = 'user';

/** The indicators of one target area (or the user's own, 'user'): by name, each total followed by its women and men variants. */
export interface IndicatorGroup {
  targetArea: TargetArea | 'user';
  items: IndicatorOption[];
}

/** Lower-cases and strips diacritics, so "å", "ä" and "ö" match "a" and "o". */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Whether an indicator has at least one year of data at a level. */
export function isAvailableAt(indicator: IndicatorMeta, level: LevelId): boolean {
  return (indicator.levels[level]?.years.length ?? 0) > 0;
}

function matchesQuery(indicator: IndicatorMeta, label: string, lang: Lang, tokens: string[]): boolean {
  if (tokens.length === 0) return true;
  const haystack = foldForSearch([label, indicator.short[lang], indicator.id, indicator.table].join(' '));
  // Every word must occur somewhere, so "barn fattig" and "fattig barn" find the same indicators.
  return tokens.every((token) => haystack.includes(token));
}

/**
 * Groups the catalogue's indicators by target area (programme order, empty groups left
 * out) and filters them by `query` (all words, case- and diacritic-insensitive, over
 * name, short name, id and KPI/table id). `keep` (the current indicator) stays listed
 * even when the query hides it, so the chooser never loses its selected option.
 */
export function groupIndicators(
  catalogue: Catalogue,
  level: LevelId,
  lang: Lang,
  query: string,
  keep?: string,
  /** The chooser label (i18n/indicator-label.ts words sex variants); the name by default. */
  labelOf: (indicator: IndicatorMeta) => string = (indicator) => indicator.name[lang],
): IndicatorGroup[] {
  const tokens = foldForSearch(query).split(/\s+/).filter(Boolean);
  const collator = new Intl.Collator(lang === 'sv' ? 'sv-SE' : 'en-GB');
  const nameById = new Map(catalogue.indicators.map((i) => [i.id, i.name[lang]]));
  const byArea = new Map<TargetArea | 'user', { item: IndicatorOption; sortName: string; sexRank: number }[]>();
  for (const indicator of catalogue.indicators) {
    const label = labelOf(indicator);
    const match = matchesQuery(indicator, label, lang, tokens);
    if (!match && indicator.id !== keep) continue;
    const group = indicator.source === USER_SOURCE ? 'user' : indicator.targetArea;
    const entries = byArea.get(group) ?? [];
    entries.push({
      item: { id: indicator.id, label, available: isAvailableAt(indicator, level), match },
      // Variants sort under their total's name, so the three stay together whatever the punctuation.
      sortName: (indicator.variantOf && nameById.get(indicator.variantOf)) || indicator.name[lang],
      sexRank: SEX_ORDER[indicator.sex],
    });
    byArea.set(group, entries);
  }
  const groups: IndicatorGroup[] = [];
  for (const targetArea of [...TARGET_AREAS, 'user'] as const) {
    const entries = byArea.get(targetArea);
    if (!entries) continue;
    entries.sort((a, b) => collator.compare(a.sortName, b.sortName) || a.sexRank - b.sexRank || collator.compare(a.item.label, b.item.label));
    groups.push({ targetArea, items: entries.map((e) => e.item) });
  }
  return groups;
}

/** Number of indicators in `groups` that match the query (the kept current one excluded when it does not). */
export function countMatches(groups: readonly IndicatorGroup[]): number {
  let count = 0;
  for (const group of groups) for (const item of group.items) if (item.match) count++;
  return count;
}
