/**
 * The map's fill colours for a view: the classed scale of the level map, or the diverging
 * change scale in the change views. Shared by the app shell and <klyft-map>. The scale is
 * reused while only the year changes, so the legend stays put while the slider moves.
 */
import type { IndicatorMeta } from '../data/types';
import { buildColorScale, fillColors, type ColorScale } from '../scales/color-scale';
import type { ChangeScale } from '../scales/diverging';
import type { ChangeOverview } from './gap-view';
import type { AlignedSeries } from '../data/series';
import { domainValues, valuesForYear } from './selectors';
import type { ViewState } from './view-state';
import { yearsByDistance } from './timeline';

/** Colours for the map and the scale the legend reads. */
export interface MapColors {
  /** The level scale (null in the change views or without data). */
  scale: ColorScale | null;
  /** RGBA per area, 4 bytes each. */
  colors: Uint8Array;
  /** Changes whenever `colors` changes (the map recolours only then). */
  key: string;
}

/** What the colours are computed from. */
export interface MapColorInput {
  view: Pick<ViewState, 'level' | 'indicator' | 'year' | 'classification' | 'classes' | 'domain' | 'mode'>;
  series: AlignedSeries | null;
  indicator: Pick<IndicatorMeta, 'id' | 'direction'> | undefined;
  /** Number of areas of the level. */
  count: number;
  /**
   * The level the series was loaded for. Keys use the loaded ids, not the view's: the view
   * changes before new data arrive, and old colours must not be filed under the new key.
   */
  levelId: string;
  /**
   * The change overview, its scale and the diverging fill (scales/diverging.ts's fillChangeColors,
   * passed in so the level map's first download does not include it), used when `view.mode` is not 'level'.
   */
  change?: {
    overview: ChangeOverview;
    scale: ChangeScale;
    key: string;
    fill: (scale: ChangeScale, delta: Float64Array, clear: Uint8Array) => Uint8Array;
  } | null;
}

/**
 * Colours for `input`; returns `previous` itself when nothing changed, and reuses its scale
 * when only the year changed (domain 'all').
 */
export function mapColors(input: MapColorInput, previous: MapColors | null = null): MapColors {
  const { view, series, indicator, count, change, levelId } = input;
  if (view.mode !== 'level' && change) {
    const key = `change|${change.key}`;
    if (previous?.key === key) return previous;
    return { scale: null, colors: change.fill(change.scale, change.overview.changes.delta, change.overview.changes.clear), key };
  }
  if (!series || !indicator) {
    const key = `${levelId}|none`;
    if (previous?.key === key && previous.colors.length === count * 4) return previous;
    return { scale: null, colors: fillColors(buildColorScale([], 'quantile', 5, 'neutral'), new Float64Array(count).fill(NaN)), key };
  }
  const scaleKey = `${levelId}|${indicator.id}|${view.classification}|${view.classes}|${view.domain}|${view.domain === 'year' ? view.year : 'all'}`;
  const key = `${scaleKey}|${view.year}`;
  if (previous?.key === key) return previous;
  const scale =
    previous?.scale && previous.key.startsWith(scaleKey + '|')
      ? previous.scale
      : buildColorScale(domainValues(series, view.domain, view.year), view.classification, view.classes, indicator.direction);
  return { scale, colors: fillColors(scale, valuesForYear(series, view.year, count)), key };
}

/**
 * Colours of the view's other years, nearest first (one slider step forward, one back, two …),
 * for the map to render ahead as far as its memory budget allows (MapController.prefetchColors):
 * arrow keys, a clicker, play and most clicks on the slider then show a finished frame. Empty in
 * the change views and without data; `current` is the view's own colours (its scale is reused).
 */
export function upcomingColors(input: MapColorInput, current: MapColors): MapColors[] {
  const { view, series } = input;
  if (view.mode !== 'level' || !series || !input.indicator) return [];
  return yearsByDistance(series.years, view.year).map((year) => mapColors({ ...input, view: { ...view, year } }, current));
}
