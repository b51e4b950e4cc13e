/**
 * Geometry of the "are the gaps closing?" chart: one gap measure per year, lines only
 * within unbroken runs, dashed joins for sparse-year indicators, the period A–B as a
 * band. Pure: no DOM, so the layout is unit-tested and the element only draws.
 */
import { scaleLinear } from 'd3-scale';
import type { GapReason, GapStatistics } from '../stats/gap';
import type { GapMeasureId } from '../stats/measures';
import { seriesBreaks } from '../stats/trend';
import { plotRect, segmentPath, yearTicks, type ChartFrame, type ChartMargin, type ChartPoint } from './series-chart';

/** What the gap chart shows, in data units. */
export interface GapChartInput {
  /** Years, ascending; `values` aligns to them. */
  years: readonly number[];
  /** The measure per year; null (or NaN) where it has no value. */
  values: readonly (number | null)[];
  /** Whether the indicator is measured only in some years (runs are then joined with dashes). */
  sparseYears?: boolean;
  /** Year where a predecessor series hands over to its successor; never joined across. */
  breakYear?: number | null;
  /** The period A–B, shaded as a band. */
  from: number;
  to: number;
  /** The year to mark. */
  year: number;
  /** The value the y axis always reaches (0 for differences and indices, 1 for ratios), or null. */
  baseline?: number | null;
  /** The fitted trend over A–B and the interval of its change, drawn as a dashed line and a bar at B. */
  trend?: GapChartTrend | null;
  /** Outer size in px. */
  width: number;
  height: number;
  margin?: Partial<ChartMargin>;
}

/** The trend the verdict rests on, in data units. */
export interface GapChartTrend {
  /** First and last year the verdict used. */
  fromYear: number;
  toYear: number;
  /** Fitted values there (Sen's line). */
  fromValue: number;
  toValue: number;
  /** Interval of the change from `fromYear` to `toYear` (±Infinity when too few years to bound it). */
  changeLow: number;
  changeHigh: number;
}

/** A dashed connector between two runs. */
export interface GapChartJoin {
  from: ChartPoint;
  to: ChartPoint;
  path: string;
}

/** Everything the element needs to draw the gap chart (its y axis has 3–5 nice ticks). */
export interface GapChartModel extends ChartFrame {
  /** One point per year with a value, ascending by year. */
  points: ChartPoint[];
  /** Unbroken runs of points, each drawn as one line, with their SVG paths. */
  segments: ChartPoint[][];
  paths: string[];
  /** Dashed connectors between runs (sparse-year indicators only). */
  joins: GapChartJoin[];
  /** The period A–B in px; null when it lies outside the years. */
  band: { from: number; to: number; x0: number; x1: number } | null;
  /** The marked year: its x, and its point when it has a value. */
  current: { year: number; x: number; point: ChartPoint | null } | null;
  /**
   * The fitted line from its first to its last year, and the interval of the change drawn at the
   * last year: from fitted A + low to fitted A + high (null when the interval is unbounded).
   */
  trend: { x0: number; y0: number; x1: number; y1: number; interval: { x: number; yLow: number; yHigh: number } | null } | null;
}

/** Default margins: room for y tick labels on the left, the axis title on top, years below. */
export const GAP_CHART_MARGIN: ChartMargin = { top: 20, right: 16, bottom: 28, left: 48 };

/** Allowed number of y ticks. */
const MIN_Y_TICKS = 3;
const MAX_Y_TICKS = 5;

/**
 * Nice ticks for a domain, 3–5 of them where any count in d3's tries gives that,
 * with the domain widened to the outer ticks. Returns the widened domain and the ticks.
 */
export function niceTicks(domain: [number, number]): { domain: [number, number]; ticks: number[] } {
  let fallback: { domain: [number, number]; ticks: number[] } | null = null;
  for (const count of [4, 3, 5, 6, 2]) {
    const scale = scaleLinear().domain(domain).nice(count);
    const ticks = scale.ticks(count);
    const result = { domain: scale.domain() as [number, number], ticks };
    if (ticks.length >= MIN_Y_TICKS && ticks.length <= MAX_Y_TICKS) return result;
    fallback ??= result;
  }
  return fallback!;
}

/** Lays out the gap chart: nice y domain over the values and baseline, runs, joins, band, current year. */
export function gapChartModel(input: GapChartInput): GapChartModel {
  const margin = { ...GAP_CHART_MARGIN, ...input.margin };
  const plot = plotRect(input.width, input.height, margin);
  const { years } = input;
  const first = years[0] ?? input.year;
  const last = years[years.length - 1] ?? input.year;
  // One year only: put it in the middle instead of dividing by a zero-width domain.
  const x = first === last ? () => (plot.left + plot.right) / 2 : scaleLinear().domain([first, last]).range([plot.left, plot.right]);

  const defined = years
    .map((year, i) => ({ year, value: input.values[i] ?? NaN }))
    .filter((d): d is { year: number; value: number } => d.value !== null && Number.isFinite(d.value));
  const trend = input.trend ?? null;
  const bounded = trend !== null && Number.isFinite(trend.changeLow) && Number.isFinite(trend.changeHigh);
  // The interval's ends must be on the chart, or a reader cannot see how wide it is.
  const intervalEnds = bounded ? [trend.fromValue + trend.changeLow, trend.fromValue + trend.changeHigh] : [];
  const { domain, ticks } = niceTicks(valueDomain([...defined.map((d) => d.value), ...intervalEnds], input.baseline ?? null));
  const y = scaleLinear().domain(domain).range([plot.bottom, plot.top]);

  const points: ChartPoint[] = defined.map((d) => ({ year: d.year, value: d.value, x: x(d.year), y: y(d.value) }));
  const byYear = new Map(points.map((p) => [p.year, p]));
  const breaks = seriesBreaks(
    points.map((p) => p.year),
    { sparseYears: input.sparseYears ?? false },
    input.breakYear ?? null,
  );
  const segments = breaks.segments.map((run) => run.map((year) => byYear.get(year)!));
  const joins = breaks.joins.map(({ from, to }) => {
    const a = byYear.get(from)!;
    const b = byYear.get(to)!;
    return { from: a, to: b, path: segmentPath([a, b]) };
  });

  const maxXTicks = Math.max(2, Math.floor((plot.right - plot.left) / 56) + 1);
  const inYears = (year: number) => years.length > 0 && year >= first && year <= last;
  const band =
    inYears(input.from) && inYears(input.to) && input.from < input.to ? { from: input.from, to: input.to, x0: x(input.from), x1: x(input.to) } : null;
  const current = years.includes(input.year) ? { year: input.year, x: x(input.year), point: byYear.get(input.year) ?? null } : null;

  const trendModel =
    trend && inYears(trend.fromYear) && inYears(trend.toYear) && trend.fromYear < trend.toYear
      ? {
          x0: x(trend.fromYear),
          y0: y(trend.fromValue),
          x1: x(trend.toYear),
          y1: y(trend.toValue),
          interval: bounded ? { x: x(trend.toYear), yLow: y(intervalEnds[0]!), yHigh: y(intervalEnds[1]!) } : null,
        }
      : null;

  return {
    width: input.width,
    height: input.height,
    plot,
    yDomain: domain,
    yTicks: ticks.map((value) => ({ value, position: y(value) })),
    xTicks: yearTicks(years, maxXTicks).map((value) => ({ value, position: x(value) })),
    columns: years.map((value) => ({ value, position: x(value) })),
    points,
    segments,
    paths: segments.map(segmentPath),
    joins,
    band,
    current,
    trend: trendModel,
  };
}

/** The extent of the values stretched to include the baseline; a flat or empty series gets a visible band. */
function valueDomain(values: readonly number[], baseline: number | null): [number, number] {
  let lo = Math.min(...values, ...(baseline === null ? [] : [baseline]));
  let hi = Math.max(...values, ...(baseline === null ? [] : [baseline]));
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    // Keep the baseline as the floor rather than padding below it (a gap is never below 0).
    lo = baseline !== null && lo === baseline ? lo : lo - pad;
    hi += pad;
  }
  return [lo, hi];
}

/**
 * Why a measure is unavailable for the whole series, or null when some year has a value.
 * The most frequent reason other than 'no-data' wins (years without data say nothing
 * about the measure); 'no-data' only when it is the only reason.
 */
export function unavailableReason(stats: readonly GapStatistics[], id: GapMeasureId): GapReason | null {
  const counts = new Map<GapReason, number>();
  for (const year of stats) {
    const { reason } = year[id];
    if (reason === null) return null;
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  let best: GapReason = 'no-data';
  let bestCount = 0;
  for (const [reason, count] of counts) {
    if (reason !== 'no-data' && count > bestCount) {
      best = reason;
      bestCount = count;
    }
  }
  return best;
}
