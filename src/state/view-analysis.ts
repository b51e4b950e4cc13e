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
  const { series, indicator, weights, partner, population } = data;
  const stats = series && indicator ? gapSeries(series, weights, indicator) : null;
  let linked: LinkedGapSeries | null = null;
  if (series && stats && partner) {
    const otherStats = gapSeries(partner.series, weightsByYear(partner.series, population), partner.meta);
    linked = linkGapSeries({ years: series.years, stats }, { years: partner.series.years, stats: otherStats }, partner.relation);
  }
  return { ...data, stats, linked };
}
