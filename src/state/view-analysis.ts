/**
 * The analysis half of a view: gap statistics for every year, and the chart series joined with
 * a discontinued indicator's partner. Kept apart from view-data.ts so the statistics code loads
 * after the first map is drawn; the gap views' derivations are re-exported for the same reason.
 */
import { gapSeries } from '../stats/gap';
import { linkGapSeries, type LinkedGapSeries } from './gap-view';
import { weightsByYear } from './selectors';
import type { ViewData } from './view-data';

export { changeOverview, gapOverview } from './gap-view';
export { buildChangeScale, fillChangeColors, NOT_CLEAR_CSS } from '../scales/diverging';

/** The same view data with `stats` and `linked` filled in. */
export function analyseViewData(data: ViewData): ViewData {
  const { series, indicator, weights, partner, population, gapExcluded, geometry } = data;
  const exclude = excludedIndices(geometry.codes, gapExcluded?.codes ?? []);
  const stats = series && indicator ? gapSeries(series, weights, indicator, { exclude }) : null;
  let linked: LinkedGapSeries | null = null;
  if (series && stats && partner) {
    // The partner shares the weights only when it declares the same weight series.
    const same = partner.meta.levels[geometry.meta.id]?.weight?.indicator === data.weight?.indicator;
    const otherStats = gapSeries(partner.series, same ? weightsByYear(partner.series, population) : null, partner.meta, { exclude });
    linked = linkGapSeries({ years: series.years, stats }, { years: partner.series.years, stats: otherStats }, partner.relation);
  }
  return { ...data, stats, linked };
}

/** Feature indices of the codes left out of the gap measures (null when none). */
function excludedIndices(codes: readonly string[], excluded: readonly string[]): ReadonlySet<number> | null {
  if (excluded.length === 0) return null;
  const set = new Set(excluded);
  const out = new Set<number>();
  codes.forEach((code, i) => {
    if (set.has(code)) out.add(i);
  });
  return out;
}
