/**
 * What an intent from a view (a chooser, the slider, a legend, a notice's button) does to the
 * view state. Pure, after kepler.gl's table of named updaters: the shell applies the result.
 */
import type { LevelId } from '../data/types';
import { nearestYear } from './timeline';
import type { ViewState } from './view-state';

/** What intents need to know of the data: the URL codec's context (see app-data.ts's urlContext). */
export interface IntentContext {
  /** Years of `indicator` at `level`: undefined when the indicator is unknown, [] when it has no data there. */
  indicatorYears(indicator: string, level: LevelId): readonly number[] | undefined;
}

/** The year nearest to `year` among `years`; `year` itself when there are none. */
export function snapYear(years: readonly number[], year: number): number {
  return nearestYear(years, year) ?? year;
}

/**
 * The patch an intent applies to `view`. A new indicator or level snaps the year to one the
 * indicator has there (unless the intent names a year); a new level also clears the selected
 * and the highlighted areas (their codes belong to the old level) unless the intent sets them.
 */
export function applyIntent(view: ViewState, intent: Partial<ViewState>, context: IntentContext): Partial<ViewState> {
  const patch = { ...intent };
  const levelChanges = patch.level !== undefined && patch.level !== view.level;
  const indicatorChanges = patch.indicator !== undefined && patch.indicator !== view.indicator;
  if (!levelChanges && !indicatorChanges) return patch;
  const years = context.indicatorYears(patch.indicator ?? view.indicator, patch.level ?? view.level);
  if (years && patch.year === undefined) patch.year = snapYear(years, view.year);
  if (levelChanges && patch.area === undefined) patch.area = null;
  if (levelChanges && patch.highlight === undefined) patch.highlight = [];
  return patch;
}
