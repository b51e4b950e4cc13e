import type { LevelId } from '../data/types';
import { classifications, classCounts, type Classification } from '../scales/classify';
import { GAP_MEASURE_IDS } from '../stats/measure-ids';
import { nearestYear } from './timeline';
import { DEFAULT_VIEW, MAX_HIGHLIGHT, type ViewState } from './view-state';

/** What the codec needs to know about the data to validate a URL. */
export interface UrlContext {
  /** Level ids offered to users. */
  levels: readonly string[];
  /** Years of `indicator` at `level`: undefined when the indicator is unknown, [] when it has no data there. */
  indicatorYears(indicator: string, level: LevelId): readonly number[] | undefined;
  /**
   * The indicator a URL that names a level but no indicator shows, when the default indicator
   * has no data there (e.g. `?level=gbg-deso`): the level's first indicator. Optional.
   */
  firstIndicatorAt?(level: LevelId): string | undefined;
}

/** A parameter the codec could not use as given. */
export interface UrlProblem {
  param: string;
  value: string;
  /** unknown: not a parameter of ours; invalid: fell back to the default; adjusted: snapped to a valid value. */
  kind: 'unknown' | 'invalid' | 'adjusted';
  /** The value used instead, if any. */
  used?: string;
}

/** The URL parameters, in the order they are written. */
export const URL_PARAMS = ['level', 'indicator', 'year', 'area', 'hl', 'class', 'k', 'domain', 'lang', 'view', 'mode', 'from', 'to', 'measure', 'rel'] as const;

/** Parameters that are not part of the view but known to the app: `speaker=1` opens the speaker view. */
export const APP_PARAMS = ['speaker'] as const;

const AREA_CODE = /^[0-9A-Za-z_-]{1,24}$/;

/**
 * Writes a view as a query string. Level, indicator and year are always written, so a
 * shared link keeps its meaning if the defaults change; the rest only when not default.
 */
export function encodeViewState(state: ViewState): string {
  const params = new URLSearchParams();
  params.set('level', state.level);
  params.set('indicator', state.indicator);
  params.set('year', String(state.year));
  if (state.area) params.set('area', state.area);
  if (state.highlight.length > 0) params.set('hl', state.highlight.join(','));
  if (state.classification !== DEFAULT_VIEW.classification) params.set('class', state.classification);
  if (state.classes !== DEFAULT_VIEW.classes) params.set('k', String(state.classes));
  if (state.domain !== DEFAULT_VIEW.domain) params.set('domain', state.domain);
  if (state.lang !== DEFAULT_VIEW.lang) params.set('lang', state.lang);
  if (state.view !== DEFAULT_VIEW.view) params.set('view', state.view);
  if (state.mode !== DEFAULT_VIEW.mode) params.set('mode', state.mode);
  if (state.from !== null) params.set('from', String(state.from));
  if (state.to !== null) params.set('to', String(state.to));
  if (state.measure !== DEFAULT_VIEW.measure) params.set('measure', state.measure);
  if (state.relative) params.set('rel', '1');
  // Commas are legal in a query string: `hl=1480,1280` stays readable (decoding reads both forms).
  return params.toString().replace(/%2C/gi, ',');
}

/**
 * Reads a view from a query string. Never throws: every bad or unknown parameter
 * falls back to a default and is reported, so the app can show a notice.
 */
export function decodeViewState(search: string, context: UrlContext, defaults: ViewState = DEFAULT_VIEW): { state: ViewState; problems: UrlProblem[] } {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const problems: UrlProblem[] = [];
  const state: ViewState = { ...defaults };
  const seen = new Set<string>();

  for (const key of params.keys()) {
    if (!(URL_PARAMS as readonly string[]).includes(key) && !(APP_PARAMS as readonly string[]).includes(key) && !seen.has(key)) {
      problems.push({ param: key, value: params.get(key) ?? '', kind: 'unknown' });
    }
    seen.add(key);
  }

  const level = params.get('level');
  if (level !== null) {
    if (context.levels.includes(level)) state.level = level as LevelId;
    else problems.push({ param: 'level', value: level, kind: 'invalid', used: state.level });
  }

  const indicator = params.get('indicator');
  if (indicator !== null) {
    if (context.indicatorYears(indicator, state.level) !== undefined) state.indicator = indicator;
    else problems.push({ param: 'indicator', value: indicator, kind: 'invalid', used: state.indicator });
  } else if ((context.indicatorYears(state.indicator, state.level) ?? []).length === 0) {
    state.indicator = context.firstIndicatorAt?.(state.level) ?? state.indicator;
  }

  const years = context.indicatorYears(state.indicator, state.level) ?? [];
  const yearText = params.get('year');
  const requested = yearText !== null && /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
  if (yearText !== null && requested === undefined) problems.push({ param: 'year', value: yearText, kind: 'invalid' });
  const wanted = requested ?? (years.includes(defaults.year) ? defaults.year : (years[years.length - 1] ?? defaults.year));
  const year = years.length > 0 ? nearestYear(years, wanted)! : wanted;
  if (requested !== undefined && year !== requested) problems.push({ param: 'year', value: yearText!, kind: 'adjusted', used: String(year) });
  state.year = year;
  const invalidYear = problems.find((p) => p.param === 'year' && p.kind === 'invalid');
  if (invalidYear) invalidYear.used = String(year);

  const area = params.get('area');
  if (area !== null) {
    if (AREA_CODE.test(area)) state.area = area;
    else problems.push({ param: 'area', value: area, kind: 'invalid' });
  }

  const hl = params.get('hl');
  if (hl !== null) {
    const { codes, rejected } = parseAreaCodes(hl);
    state.highlight = codes;
    if (rejected.length > 0) problems.push({ param: 'hl', value: rejected.join(','), kind: 'invalid' });
  }

  readEnum(params, 'class', classifications, problems, (v) => (state.classification = v as Classification), state.classification);
  readEnum(params, 'k', classCounts.map(String), problems, (v) => (state.classes = Number(v)), String(state.classes));
  readEnum(params, 'domain', ['all', 'year'], problems, (v) => (state.domain = v as ViewState['domain']), state.domain);
  readEnum(params, 'lang', ['sv', 'en'], problems, (v) => (state.lang = v as ViewState['lang']), state.lang);
  readEnum(params, 'view', ['map', 'table'], problems, (v) => (state.view = v as ViewState['view']), state.view);
  readEnum(params, 'mode', ['level', 'change', 'scatter'], problems, (v) => (state.mode = v as ViewState['mode']), state.mode);
  readEnum(params, 'measure', GAP_MEASURE_IDS, problems, (v) => (state.measure = v as ViewState['measure']), state.measure);
  readEnum(params, 'rel', ['0', '1'], problems, (v) => (state.relative = v === '1'), state.relative ? '1' : '0');
  state.from = readPeriodYear(params, 'from', years, problems);
  state.to = readPeriodYear(params, 'to', years, problems);
  if (state.from !== null && state.to !== null && state.from >= state.to) {
    problems.push({ param: 'from', value: String(state.from), kind: 'invalid', used: years[0] !== undefined ? String(years[0]) : '' });
    state.from = null;
    state.to = null;
  }
  return { state, problems };
}

/**
 * A comma-separated list of area codes (URL `hl`, the embed's `highlight` attribute): valid codes
 * once each, in order, at most MAX_HIGHLIGHT; `rejected` holds malformed codes and those over the limit.
 */
export function parseAreaCodes(text: string): { codes: string[]; rejected: string[] } {
  const codes: string[] = [];
  const rejected: string[] = [];
  for (const part of text.split(',')) {
    const code = part.trim();
    if (code === '' || codes.includes(code)) continue;
    if (!AREA_CODE.test(code) || codes.length >= MAX_HIGHLIGHT) rejected.push(code.length > 40 ? `${code.slice(0, 40)}…` : code);
    else codes.push(code);
  }
  return { codes, rejected };
}

/** A period end: a four-digit year, snapped to the indicator's nearest year when it lacks it. */
function readPeriodYear(params: URLSearchParams, name: 'from' | 'to', years: readonly number[], problems: UrlProblem[]): number | null {
  const text = params.get(name);
  if (text === null) return null;
  if (!/^\d{4}$/.test(text)) {
    problems.push({ param: name, value: text, kind: 'invalid' });
    return null;
  }
  const requested = Number(text);
  if (years.length === 0) return requested;
  const year = nearestYear(years, requested)!;
  if (year !== requested) problems.push({ param: name, value: text, kind: 'adjusted', used: String(year) });
  return year;
}

function readEnum(
  params: URLSearchParams,
  name: string,
  allowed: readonly string[],
  problems: UrlProblem[],
  apply: (value: string) => void,
  fallback: string,
): void {
  const value = params.get(name);
  if (value === null) return;
  if (allowed.includes(value)) apply(value);
  else problems.push({ param: name, value, kind: 'invalid', used: fallback });
}
