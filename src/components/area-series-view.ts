/**
 * The area panel's line chart (the area against the median and the national value) and its text
 * alternative, as templates the panel renders into its own shadow root (the chart export finds
 * the SVG there). Layout comes from charts/series-chart.ts.
 */
import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { ChartLine, SeriesChartModel } from '../charts/series-chart';
import type { IndicatorMeta } from '../data/types';
import { formatNumber, formatValue, type Lang } from '../format/number';
import { fill, strings } from '../i18n';

/** Longest direct label at a line end before it is shortened (the margin is fixed). */
const LABEL_CHARS = 11;

/** What the chart templates need besides the model. */
export interface AreaSeriesView {
  model: SeriesChartModel;
  name: string;
  indicator: IndicatorMeta;
  lang: Lang;
  years: readonly number[];
  series: readonly number[];
  median: readonly number[];
  reference: readonly number[] | null;
  onClick: (event: MouseEvent) => void;
}

type LineKind = 'series' | 'median' | 'reference';

/** The chart: axes, the marked year, the reference, median and area lines, and their end labels. */
export function renderAreaChart(view: AreaSeriesView): TemplateResult {
  const { model, lang, indicator, years } = view;
  const t = strings(lang).detail;
  const label = fill(view.reference ? t.chartLabelReference : t.chartLabel, {
    name: view.name,
    indicator: indicator.name[lang],
    from: years[0]!,
    to: years[years.length - 1]!,
  });
  return html`<svg
    role="img"
    aria-label=${label}
    aria-describedby="chart-summary"
    width=${model.width}
    height=${model.height}
    viewBox="0 0 ${model.width} ${model.height}"
    @click=${view.onClick}
  >
    ${renderAxes(model, lang)} ${renderCurrent(model, 'before')}
    ${model.reference ? renderLine(model.reference, 'reference') : nothing}
    ${renderLine(model.median, 'median')} ${renderLine(model.series, 'series')}
    ${renderCurrent(model, 'after')} ${renderEndLabels(view)}
  </svg>`;
}

function renderAxes(model: SeriesChartModel, lang: Lang): SVGTemplateResult {
  const { plot } = model;
  const decimals = tickDecimals(model);
  return svg`
    <g class="axis" aria-hidden="true">
      ${model.yTicks.map(
        (tick) => svg`
          <line class="grid" x1=${plot.left} x2=${plot.right} y1=${tick.position} y2=${tick.position}></line>
          <text x=${plot.left - 6} y=${tick.position} text-anchor="end" dominant-baseline="middle">${formatNumber(tick.value, lang, decimals)}</text>`,
      )}
      <line class="baseline" x1=${plot.left} x2=${plot.right} y1=${plot.bottom} y2=${plot.bottom}></line>
      ${model.xTicks.map(
        (tick) => svg`
          <line class="baseline" x1=${tick.position} x2=${tick.position} y1=${plot.bottom} y2=${plot.bottom + 4}></line>
          <text x=${tick.position} y=${plot.bottom + 18} text-anchor="middle">${tick.value}</text>`,
      )}
    </g>
  `;
}

function renderLine(line: ChartLine, kind: LineKind): SVGTemplateResult {
  // A run of one year has no length to stroke; draw it as a dot so it is not lost.
  const singles = line.segments.filter((segment) => segment.length === 1).map((segment) => segment[0]!);
  return svg`
    <g aria-hidden="true">
      ${line.paths.map((d) => svg`<path class="line ${kind}" d=${d}></path>`)}
      ${singles.map((p) => svg`<circle class="dot ${kind}" cx=${p.x} cy=${p.y} r=${kind === 'series' ? 3.5 : 2.5}></circle>`)}
    </g>
  `;
}

function renderCurrent(model: SeriesChartModel, layer: 'before' | 'after'): SVGTemplateResult | typeof nothing {
  const current = model.current;
  if (!current) return nothing;
  if (layer === 'before') {
    return svg`<line class="current-line" aria-hidden="true" x1=${current.x} x2=${current.x} y1=${model.plot.top} y2=${model.plot.bottom}></line>`;
  }
  return current.point ? svg`<circle class="current-dot" aria-hidden="true" cx=${current.point.x} cy=${current.point.y} r="5"></circle>` : nothing;
}

function renderEndLabels({ model, name, lang }: AreaSeriesView): SVGTemplateResult {
  const t = strings(lang).detail;
  const labels: { kind: LineKind; text: string; y: number | null; line: ChartLine | null }[] = [
    { kind: 'series', text: shorten(name, LABEL_CHARS), y: model.labelY.series, line: model.series },
    { kind: 'median', text: t.medianShort, y: model.labelY.median, line: model.median },
    { kind: 'reference', text: t.reference, y: model.labelY.reference, line: model.reference },
  ];
  return svg`
    <g aria-hidden="true">
      ${labels.map(({ kind, text, y, line }) =>
        y === null || !line?.last ? nothing : svg`<text class="end-label ${kind}" x=${line.last.x + 8} y=${y}>${text}</text>`,
      )}
    </g>
  `;
}

/** Text alternative of the chart: every year of the area, then the comparison lines' ends. */
export function renderAreaSummary({ name, indicator, lang, years, series, median, reference }: Omit<AreaSeriesView, 'model' | 'onClick'>) {
  if (years.length === 0) return nothing;
  const t = strings(lang).detail;
  const format = (v: number) => formatValue(v, indicator.unit, lang, indicator.decimals);
  const all = (values: readonly number[]) => years.map((y, i) => `${y}: ${format(values[i] ?? NaN)}`).join('; ');
  const ends = (values: readonly number[]) => {
    const first = years[0]!;
    const last = years[years.length - 1]!;
    const a = `${first}: ${format(values[0] ?? NaN)}`;
    return first === last ? a : `${a}; ${last}: ${format(values[years.length - 1] ?? NaN)}`;
  };
  const parts = [`${name}: ${all(series)}.`, `${t.median}: ${ends(median)}.`];
  if (reference) parts.push(`${t.reference}: ${ends(reference)}.`);
  return html`<p id="chart-summary" class="visually-hidden">${parts.join(' ')}</p>`;
}

/** Decimals for y tick labels: just enough to tell neighbouring ticks apart. */
function tickDecimals(model: SeriesChartModel): number {
  const step = Math.abs((model.yTicks[1]?.value ?? 1) - (model.yTicks[0]?.value ?? 0)) || 1;
  return Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
