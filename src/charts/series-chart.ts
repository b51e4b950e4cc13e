/**
 * Geometry of the small "area over time" chart: scales, ticks, line segments and end
 * labels. Pure: no DOM, so the chart's layout is unit-tested and the element only draws.
 */
import { scaleLinear } from 'd3-scale';

/** Space around the plot for axes and the direct labels at the line ends. */
export interface ChartMargin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** What the chart shows, in data units. */
export interface SeriesChartInput {
  /** Years, ascending; every series below is aligned to them. */
  years: readonly number[];
  /** The selected area's values (NaN = missing). */
  series: readonly number[];
  /** Median of all areas per year (NaN = missing). */
  median: readonly number[];
  /** National reference per year (NaN = missing), or null. */
  reference?: readonly number[] | null;
  /** The year to mark. */
  year: number;
  /** Outer size in px. */
  width: number;
  height: number;
  margin?: Partial<ChartMargin>;
}

/** A defined data point in px. */
export interface ChartPoint {
  year: number;
  value: number;
  x: number;
  y: number;
}

/** One line: its unbroken runs (split at NaN) and their SVG path strings. */
export interface ChartLine {
  segments: ChartPoint[][];
  paths: string[];
  /** The last defined point, where the direct label goes; null when all missing. */
  last: ChartPoint | null;
}

/** A tick: its value and its position along the axis in px. */
export interface ChartTick {
  value: number;
  position: number;
}

/** The frame every year-by-value chart shares: size, plot rectangle, axes and year columns. */
export interface ChartFrame {
  width: number;
  height: number;
  /** Plot rectangle in px. */
  plot: { left: number; right: number; top: number; bottom: number };
  /** The (nice) value domain of the y axis. */
  yDomain: [number, number];
  yTicks: ChartTick[];
  xTicks: ChartTick[];
  /** Every year and its x, for picking a year from a click. */
  columns: ChartTick[];
}

/** Everything the element needs to draw the chart. */
export interface SeriesChartModel extends ChartFrame {
  series: ChartLine;
  median: ChartLine;
  reference: ChartLine | null;
  /** The marked year: its x, and the area's point when it has a value then. */
  current: { year: number; x: number; point: ChartPoint | null } | null;
  /** y of each line's end label after nudging labels apart (same keys as the lines present). */
  labelY: { series: number | null; median: number | null; reference: number | null };
}

/** Default margins: room for y tick labels on the left and end labels on the right. */
export const DEFAULT_MARGIN: ChartMargin = { top: 12, right: 84, bottom: 28, left: 48 };

/** Minimum vertical distance between two end labels, in px (about one line of 13px text). */
export const LABEL_GAP = 15;

/**
 * Splits a series into unbroken runs of defined values, so a missing year is drawn as a
 * break rather than a line that pretends to know the value in between.
 */
export function gapSegments(years: readonly number[], values: readonly number[], x: (year: number) => number, y: (value: number) => number): ChartPoint[][] {
  const segments: ChartPoint[][] = [];
  let run: ChartPoint[] = [];
  years.forEach((year, i) => {
    const value = values[i] ?? NaN;
    if (Number.isFinite(value)) {
      run.push({ year, value, x: x(year), y: y(value) });
    } else if (run.length > 0) {
      segments.push(run);
      run = [];
    }
  });
  if (run.length > 0) segments.push(run);
  return segments;
}

/** SVG path of one run ("M x,y L x,y …"); a single point becomes an empty-length move. */
export function segmentPath(segment: readonly ChartPoint[]): string {
  return segment.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(p.x)},${round(p.y)}`).join('');
}

/**
 * Year ticks: all years when they fit, otherwise the first, the last and evenly spaced
 * years in between (never one crowding the last).
 */
export function yearTicks(years: readonly number[], maxTicks: number): number[] {
  const n = years.length;
  if (n === 0) return [];
  const max = Math.max(2, Math.floor(maxTicks));
  if (n <= max) return [...years];
  const step = Math.ceil((n - 1) / (max - 1));
  const picked: number[] = [];
  for (let i = 0; i < n - 1 - step / 2; i += step) picked.push(years[i]!);
  picked.push(years[n - 1]!);
  return picked;
}

/** The value extent of all defined values in the given series; null when there are none. */
export function valueExtent(...series: (readonly number[] | null | undefined)[]): [number, number] | null {
  let min = Infinity;
  let max = -Infinity;
  for (const values of series) {
    if (!values) continue;
    for (const v of values) {
      if (!Number.isFinite(v)) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return min <= max ? [min, max] : null;
}

/**
 * Spreads label positions so that no two are closer than `gap`, keeping their order and
 * staying within [top, bottom] where possible. Input and output are aligned.
 */
export function spreadLabels(ys: readonly number[], gap: number, top: number, bottom: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
  const placed = order.map((o) => o.y);
  for (let k = 1; k < placed.length; k++) placed[k] = Math.max(placed[k]!, placed[k - 1]! + gap);
  // If the stack ran off the bottom, push it back up from the bottom edge.
  const overflow = placed.length > 0 ? placed[placed.length - 1]! - bottom : 0;
  if (overflow > 0) {
    placed[placed.length - 1] = bottom;
    for (let k = placed.length - 2; k >= 0; k--) placed[k] = Math.min(placed[k]!, placed[k + 1]! - gap);
  }
  const out = new Array<number>(ys.length);
  order.forEach((o, k) => (out[o.i] = Math.max(top, placed[k]!)));
  return out;
}

/** The year whose column is nearest to an x position in px (for clicks on the chart); null without years. Not timeline.ts's nearestYear (a year among years). */
export function yearAtPixel(model: Pick<SeriesChartModel, 'columns'>, px: number): number | null {
  let best: number | null = null;
  let bestDistance = Infinity;
  for (const column of model.columns) {
    const distance = Math.abs(column.position - px);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = column.value;
    }
  }
  return best;
}

/** The plot rectangle inside a chart of `width` × `height` with `margin`, never narrower than 1 px. */
export function plotRect(width: number, height: number, margin: ChartMargin): ChartFrame['plot'] {
  return {
    left: margin.left,
    right: Math.max(margin.left + 1, width - margin.right),
    top: margin.top,
    bottom: Math.max(margin.top + 1, height - margin.bottom),
  };
}

/** Lays out the chart: nice y domain over all lines, year ticks, broken lines, end labels. */
export function seriesChartModel(input: SeriesChartInput): SeriesChartModel {
  const plot = plotRect(input.width, input.height, { ...DEFAULT_MARGIN, ...input.margin });
  const years = input.years;
  const first = years[0] ?? input.year;
  const last = years[years.length - 1] ?? input.year;
  // One year only: put it in the middle instead of dividing by a zero-width domain.
  const x = first === last ? () => (plot.left + plot.right) / 2 : scaleLinear().domain([first, last]).range([plot.left, plot.right]);

  const extent = valueExtent(input.series, input.median, input.reference) ?? [0, 1];
  // A flat series still needs a visible band around it.
  const [lo, hi] = extent[0] === extent[1] ? padFlat(extent[0]) : extent;
  const y = scaleLinear().domain([lo, hi]).range([plot.bottom, plot.top]).nice(4);
  const yDomain = y.domain() as [number, number];
  const yTicks = y.ticks(4).map((value) => ({ value, position: y(value) }));

  const maxXTicks = Math.max(2, Math.floor((plot.right - plot.left) / 56) + 1);
  const xTicks = yearTicks(years, maxXTicks).map((value) => ({ value, position: x(value) }));

  const line = (values: readonly number[]): ChartLine => {
    const segments = gapSegments(years, values, x, y);
    const lastRun = segments[segments.length - 1];
    return { segments, paths: segments.map(segmentPath), last: lastRun ? lastRun[lastRun.length - 1]! : null };
  };
  const series = line(input.series);
  const median = line(input.median);
  const reference = input.reference ? line(input.reference) : null;

  const yearIndex = years.indexOf(input.year);
  const current =
    yearIndex < 0
      ? null
      : {
          year: input.year,
          x: x(input.year),
          point: series.segments.flat().find((p) => p.year === input.year) ?? null,
        };

  const ends = [series.last, median.last, reference?.last ?? null];
  const present = ends.map((p, i) => ({ p, i })).filter((e): e is { p: ChartPoint; i: number } => e.p !== null);
  const spread = spreadLabels(
    present.map((e) => e.p.y),
    LABEL_GAP,
    plot.top,
    plot.bottom,
  );
  const labelY: [number | null, number | null, number | null] = [null, null, null];
  present.forEach((e, k) => (labelY[e.i] = spread[k]!));

  return {
    width: input.width,
    height: input.height,
    plot,
    yDomain,
    yTicks,
    xTicks,
    columns: years.map((value) => ({ value, position: x(value) })),
    series,
    median,
    reference,
    current,
    labelY: { series: labelY[0], median: labelY[1], reference: input.reference ? labelY[2] : null },
  };
}

function padFlat(v: number): [number, number] {
  const pad = v === 0 ? 1 : Math.abs(v) * 0.1;
  return [v - pad, v + pad];
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
