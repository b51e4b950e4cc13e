/**
 * The recolour pipeline as memoised selectors: view state + loaded data → the gap overview,
 * the change overview and its scale, the map's fill colours and the legend's scale. Shared by
 * the app shell and <klyft-map>, so both derive a view the same way. Each selector recomputes
 * only when its inputs change (by identity), so a year change only refills the colours.
 */
import type { ColorScale } from '../scales/color-scale';
import type { buildChangeScale, ChangeScale, fillChangeColors } from '../scales/diverging';
import type { ChangeOverview, changeOverview, GapOverview, gapOverview } from './gap-view';
import { mapColors, upcomingColors, type MapColorInput, type MapColors } from './map-colors';
import type { LevelId } from '../data/types';
import type { ViewData } from './view-data';
import type { ViewState } from './view-state';
import type { GapWords } from './gap-words';

/**
 * The statistics the view model uses. Loaded on demand (the first map does not need them), so
 * they are handed in: without them there is no gap overview; without the change half, no change view.
 */
export interface Analysis {
  gapOverview: typeof gapOverview;
  /** The words of a level's gap views (i18n/level-nouns.ts's gapWords), one object per level. */
  gapWords(level: LevelId): GapWords;
  changeOverview?: typeof changeOverview;
  buildChangeScale?: typeof buildChangeScale;
  fillChangeColors?: typeof fillChangeColors;
}

/** What a view shows, derived. */
export interface ViewModel {
  /** The gap series' verdict and summary over A–B (null without two years of data and statistics). */
  gap: GapOverview | null;
  /** Each area's change A → B (null in the level view, or before the statistics arrived). */
  change: ChangeOverview | null;
  /** The change map's diverging scale (null when `change` is). */
  changeScale: ChangeScale | null;
  /** The map's fill colours and their key. */
  colors: MapColors;
  /**
   * Colours of the other years, nearest first (state/map-colors.ts's upcomingColors), computed
   * on the first call, for the map to render ahead; [] in the change views.
   */
  upcoming: () => MapColors[];
  /** The level map's scale for its legend: kept while a change view is shown. */
  levelScale: ColorScale | null;
  /** The year shown, or the period "A–B" in the change views. */
  titleYears: string;
}

/** Inputs of the view model. */
export interface ViewModelInput {
  view: ViewState;
  /** The loaded data (it may still be the previous view's while new data load), or null. */
  data: ViewData | null;
  analysis: Analysis | null;
}

/** `fn(...args)`, computed on the first call and remembered. */
function once<A extends unknown[], R>(fn: (...args: A) => R, ...args: A): () => R {
  let result: { value: R } | null = null;
  return () => (result ??= { value: fn(...args) }).value;
}

/** Remembers the last call: the same arguments (by identity) return the same result. */
function lastCall<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let last: { args: A; result: R } | null = null;
  return (...args: A): R => {
    if (last && last.args.length === args.length && last.args.every((a, i) => Object.is(a, args[i]))) return last.result;
    const result = fn(...args);
    last = { args, result };
    return result;
  };
}

/** The view model's key for a change overview: what it depends on besides the data. */
function changeKey(view: ViewState): string {
  return `${view.level}|${view.indicator}|${view.from}|${view.to}|${view.relative}|${view.lang}`;
}

/**
 * A view-model selector with its own memory: call it with each new state; unchanged parts are
 * reused, and the colour scale survives a year change (the legend does not jump).
 */
export function createViewModel(): (input: ViewModelInput) => ViewModel {
  const gapOf = lastCall(
    (analysis: Analysis, data: ViewData, words: GapWords, measure: ViewState['measure'], from: number | null, to: number | null, lang: ViewState['lang']) =>
      analysis.gapOverview(data.series!, data.stats!, data.indicator!, words, {
        measure,
        from,
        to,
        lang,
        weighted: data.weights !== null,
        ...(data.weight?.group ? { weightGroup: data.weight.group } : {}),
      }),
  );
  const changeOf = lastCall(
    (analysis: Analysis, data: ViewData, words: GapWords, from: number | null, to: number | null, relative: boolean, lang: ViewState['lang']) => {
      const overview = analysis.changeOverview!(data.series!, data.stats!, data.weights, data.indicator!, words, { from, to, relative, lang });
      const scale = analysis.buildChangeScale!(overview.changes.delta, overview.changes.clear, data.indicator!.direction);
      return { overview, scale };
    },
  );
  let colors: MapColors | null = null;
  let upcoming: (() => MapColors[]) | null = null;
  let levelScale: ColorScale | null = null;

  return ({ view, data, analysis }) => {
    const series = data?.series;
    const ready = analysis && data && series && data.stats && data.indicator && series.years.length >= 1;
    const gap = ready ? gapOf(analysis, data, analysis.gapWords(view.level), view.measure, view.from, view.to, view.lang) : null;
    const canChange = ready && view.mode !== 'level' && analysis.changeOverview && analysis.buildChangeScale && analysis.fillChangeColors;
    // The key, not the overview's identity, names the colours: reloading the same data keeps them.
    const change = canChange
      ? { ...changeOf(analysis, data, analysis.gapWords(view.level), view.from, view.to, view.relative, view.lang), key: changeKey(view) }
      : null;
    const input: MapColorInput = {
      view,
      series: series ?? null,
      indicator: data?.indicator,
      count: data?.geometry.codes.length ?? 0,
      levelId: data?.geometry.meta.id ?? view.level,
      change: change && analysis?.fillChangeColors ? { ...change, fill: analysis.fillChangeColors } : null,
    };
    const previous = colors;
    colors = mapColors(input, colors);
    if (colors !== previous || !upcoming) upcoming = once(upcomingColors, input, colors);
    if (colors.scale || !change) levelScale = colors.scale;
    return {
      gap,
      change: change?.overview ?? null,
      changeScale: change?.scale ?? null,
      colors,
      upcoming,
      levelScale,
      titleYears: change ? `${change.overview.from}–${change.overview.to}` : String(view.year),
    };
  };
}
