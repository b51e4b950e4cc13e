/**
 * Loads and joins everything one view (level × indicator) draws: geometry, values, population
 * weights and a discontinued series' partner; the gap statistics follow in view-analysis.ts. Shared by the app shell and the
 * embeddable <klyft-map>, so both show the same numbers. Fetching goes through src/data/load.ts.
 */
import { loadLevel, loadValues, type LevelGeometry } from '../data/load';
import type { Catalogue, IndicatorMeta, IndicatorValues, IndicatorWeight, LevelId, LevelMeta } from '../data/types';
import type { GapStatistics } from '../stats/gap';
import { findIndicator, findLevel, weightOf } from './app-data';
import type { LinkedGapSeries } from './gap-view';
import { joinIndicator, type AlignedSeries } from '../data/series';
import { weightsByYear } from './selectors';

/** What is drawn: one level's geometry joined with one indicator. */
export interface ViewData {
  geometry: LevelGeometry;
  indicator: IndicatorMeta | undefined;
  /** null when the indicator has no data at this level. */
  series: AlignedSeries | null;
  /** Weight (persons) per area and year for the gap measures, or null when unweighted. */
  weights: (Float64Array | null)[] | null;
  /** What the weights are (or why there are none), for the UI; null when the level has no population. */
  weight: IndicatorWeight | null;
  /** Areas the gap measures leave out at this level, and why; null when none. */
  gapExcluded: LevelMeta['gapExcluded'] | null;
  /** Gap statistics for every year (null without a series). */
  stats: GapStatistics[] | null;
  /** The gap series joined with a predecessor's or successor's (for the chart), or null. */
  linked: LinkedGapSeries | null;
  /** The weight series, when the indicator is weighted (input of the analysis). */
  population: AlignedSeries | null;
  /** A discontinued series' predecessor or successor, when loaded (input of the analysis). */
  partner: { meta: IndicatorMeta; series: AlignedSeries; relation: 'successor' | 'predecessor' } | null;
}

/**
 * Loads a level and an indicator below `base` and joins them. Rejects with the loader's
 * LoadError when the geometry or the values cannot be fetched; population and the partner
 * series are optional (a failure only drops the weights or the linked chart).
 */
export async function loadViewData(
  base: string,
  catalogue: Catalogue,
  level: LevelId,
  indicator: string,
  /** Loads the chosen indicator's values file; the app routes imported (`user:`) files here. */
  valuesOf: (file: string) => Promise<IndicatorValues> = (file) => loadValues(base, file),
  /** The geometry of a level kept in memory (the user's own divisions), or undefined to fetch it. */
  geometryOf: (level: LevelId) => LevelGeometry | undefined = () => undefined,
): Promise<ViewData> {
  const levelMeta = findLevel(catalogue, level);
  if (!levelMeta) throw new Error(`unknown level ${level}`);
  const indicatorMeta = findIndicator(catalogue, indicator);
  const availability = indicatorMeta?.levels[level];
  const weight = weightOf(catalogue, indicatorMeta, level);
  const populationFile = weight?.indicator ? findIndicator(catalogue, weight.indicator)?.levels[level]?.file : undefined;
  // A discontinued series and its successor are charted together, with the break shown.
  const relation: 'successor' | 'predecessor' | null = indicatorMeta?.successor ? 'successor' : indicatorMeta?.predecessor ? 'predecessor' : null;
  const otherId = indicatorMeta?.successor ?? indicatorMeta?.predecessor;
  const other = otherId ? findIndicator(catalogue, otherId) : undefined;
  const otherFile = other?.levels[level]?.file;
  const [geometry, values, population, otherValues] = await Promise.all([
    geometryOf(level) ?? loadLevel(base, levelMeta),
    availability ? valuesOf(availability.file) : Promise.resolve(null),
    populationFile ? loadValues(base, populationFile).catch(() => null) : Promise.resolve(null),
    otherFile ? loadValues(base, otherFile).catch(() => null) : Promise.resolve(null),
  ]);
  const series = values ? joinIndicator(geometry.codes, values) : null;
  const populationSeries = population ? joinIndicator(geometry.codes, population) : null;
  const weights = series ? weightsByYear(series, populationSeries) : null;
  const partner = otherValues && other && relation ? { meta: other, series: joinIndicator(geometry.codes, otherValues), relation } : null;
  // The gap statistics are computed by analyseViewData (view-analysis.ts), loaded after the first map.
  const gapExcluded = levelMeta.gapExcluded ?? null;
  return { geometry, indicator: indicatorMeta, series, weights, weight, gapExcluded, stats: null, linked: null, population: populationSeries, partner };
}
