/**
 * View corrections: what the shell changes in place, and tells the reader, when the loaded data
 * cannot show the view as asked (an area not on the level, one year where a change view needs
 * two, no data at the level, a URL it could not use). Pure: facts and patches, no wording; the
 * words are in i18n/sentences.ts.
 */
import type { Catalogue, IndicatorMeta, LevelMeta } from '../data/types';
import { indicatorsAt, levelsWith } from './app-data';
import { snapYear } from './intents';
import type { UrlProblem } from './url-codec';
import type { ViewState } from './view-state';

/** A notice the facts call for, by id; i18n/sentences.ts's noticeText words it. */
export type NoticeFact =
  | { id: 'area-missing'; code: string }
  | { id: 'highlight-missing'; codes: string[] }
  | { id: 'single-year'; indicator: IndicatorMeta; year: number }
  | {
      id: 'no-data';
      indicator: IndicatorMeta;
      level: LevelMeta;
      /** Indicators with data at this level, each with the year it would show. */
      here: { indicator: IndicatorMeta; year: number }[];
      /** Levels where the indicator has data, each with the year it would show. */
      elsewhere: { level: LevelMeta; year: number }[];
    };

/** One correction: the patch to apply in place (no history entry), and notices to show (a fact) or clear (null), by id. */
export interface Correction {
  patch: Partial<ViewState>;
  notices: [id: NoticeFact['id'], fact: NoticeFact | null][];
}

/** What the loaded level offers: its area codes. */
interface LoadedLevel {
  indexByCode: ReadonlyMap<string, number>;
}

/**
 * A selected area that is not on the loaded level is dropped (the notice stays until dismissed);
 * so are highlighted ones, with one notice naming them all (cleared when all are there).
 */
export function correctAreas(view: Pick<ViewState, 'area' | 'highlight'>, level: LoadedLevel): Correction {
  const out: Correction = { patch: {}, notices: [] };
  if (view.area && !level.indexByCode.has(view.area)) {
    out.patch.area = null;
    out.notices.push(['area-missing', { id: 'area-missing', code: view.area }]);
  }
  const missing = view.highlight.filter((code) => !level.indexByCode.has(code));
  if (missing.length === 0) {
    out.notices.push(['highlight-missing', null]);
  } else {
    out.patch.highlight = view.highlight.filter((code) => level.indexByCode.has(code));
    out.notices.push(['highlight-missing', { id: 'highlight-missing', codes: missing }]);
  }
  return out;
}

/** The change views need two years: with one, the view falls back to the level map with a notice. */
export function correctMode(view: Pick<ViewState, 'mode'>, indicator: IndicatorMeta | undefined, years: readonly number[]): Correction {
  if (view.mode === 'level' || years.length !== 1 || !indicator) return { patch: {}, notices: [['single-year', null]] };
  return { patch: { mode: 'level' }, notices: [['single-year', { id: 'single-year', indicator, year: years[0]! }]] };
}

/**
 * An indicator without data at the level: a notice offering up to four indicators that have
 * data here and up to three levels where it has, each with its year snapped to the view's.
 */
export function noDataFact(catalogue: Catalogue, level: LevelMeta, indicator: IndicatorMeta | undefined, hasSeries: boolean, year: number): NoticeFact | null {
  if (hasSeries || !indicator) return null;
  return {
    id: 'no-data',
    indicator,
    level,
    here: indicatorsAt(catalogue, level.id)
      .slice(0, 4)
      .map((i) => ({ indicator: i, year: snapYear(i.levels[level.id]?.years ?? [], year) })),
    elsewhere: levelsWith(catalogue, indicator)
      .slice(0, 3)
      .map((l) => ({ level: l, year: snapYear(indicator.levels[l.id]?.years ?? [], year) })),
  };
}

/** URL problems as the reader is told them: data imported in another browser gets its own notice instead of "invalid value". */
export interface UrlReport {
  /** Problems told one by one. */
  problems: UrlProblem[];
  /** `indicator=user:<id>` names a dataset this browser does not have: its stored id, else null. */
  missingDataset: string | null;
  /** `level=user-level:<id>` names a division this browser does not have: its stored id, else null. */
  missingLevel: string | null;
}

/** Sorts the URL codec's problems into those told one by one and the two about the user's own data. */
export function urlReport(problems: readonly UrlProblem[]): UrlReport {
  const missingUser = problems.find((p) => p.param === 'indicator' && p.kind === 'invalid' && p.value.startsWith('user:'));
  // The years of a missing dataset were snapped against the fallback indicator: not worth a word.
  let shown = missingUser ? problems.filter((p) => p !== missingUser && !(p.kind === 'adjusted' && ['year', 'from', 'to'].includes(p.param))) : [...problems];
  const missingLevel = problems.find((p) => p.param === 'level' && p.kind === 'invalid' && p.value.startsWith('user-level:'));
  // A missing division also invalidates its indicator: one notice says it.
  if (missingLevel) shown = shown.filter((p) => p !== missingLevel && !(p.param === 'indicator' && p.kind === 'invalid'));
  return {
    problems: shown,
    missingDataset: missingUser ? missingUser.value.slice('user:'.length) : null,
    missingLevel: missingLevel ? missingLevel.value.slice('user-level:'.length) : null,
  };
}
