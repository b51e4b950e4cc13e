/**
 * The gap chart's SVG and its table alternative, as templates the gap panel renders into its
 * own shadow root (the chart export finds the SVG there). Layout comes from charts/gap-chart.ts.
 */
import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { GapChartModel } from '../charts/gap-chart';
import { fill, strings } from '../i18n';
import type { Lang } from '../format/number';

/** What the chart templates need besides the model. */
export interface GapChartView {
  model: GapChartModel;
  lang: Lang;
  /** Root font size in px: text offsets and point sizes follow it. */
  rem: number;
  /** The marked year. */
  year: number;
  /** The measure's name and the span of the years, for the chart's accessible name. */
  measureName: string;
  firstYear: number;
  lastYear: number;
  /** The y tick labels, formatted. */
  tickLabels: string[];
  /** A gap value formatted for the table. */
  format: (value: number) => string;
  onClick: (event: MouseEvent) => void;
}

/** The chart: band A–B, axes, the marked year, the fitted trend with its interval, and the series. */
export function renderGapChart(view: GapChartView): TemplateResult {
  const { model } = view;
  const label = fill(strings(view.lang).gap.chartLabel, { measure: view.measureName, from: view.firstYear, to: view.lastYear });
  return html`<svg
    role="img"
    aria-label=${label}
    width=${model.width}
    height=${model.height}
    viewBox="0 0 ${model.width} ${model.height}"
    @click=${view.onClick}
  >
    ${renderBand(view)} ${renderAxes(view)} ${renderCurrentLine(model)} ${renderTrend(view)} ${renderLines(view)}
  </svg>`;
}

function renderBand({ model, rem }: GapChartView): SVGTemplateResult | typeof nothing {
  const band = model.band;
  if (!band) return nothing;
  const { top, bottom } = model.plot;
  const labelY = top - 0.4 * rem;
  return svg`
    <g aria-hidden="true">
      <rect class="band" x=${band.x0} y=${top} width=${Math.max(0, band.x1 - band.x0)} height=${bottom - top}></rect>
      <line class="band-edge" x1=${band.x0} x2=${band.x0} y1=${top} y2=${bottom}></line>
      <line class="band-edge" x1=${band.x1} x2=${band.x1} y1=${top} y2=${bottom}></line>
      <text class="band-label" x=${band.x0} y=${labelY} text-anchor="middle">A</text>
      <text class="band-label" x=${band.x1} y=${labelY} text-anchor="middle">B</text>
    </g>
  `;
}

function renderAxes({ model, rem, tickLabels }: GapChartView): SVGTemplateResult {
  const { plot } = model;
  const gap = 0.375 * rem;
  return svg`
    <g class="axis" aria-hidden="true">
      ${model.yTicks.map(
        (tick, i) => svg`
          <line class="grid" x1=${plot.left} x2=${plot.right} y1=${tick.position} y2=${tick.position}></line>
          <text x=${plot.left - gap} y=${tick.position} text-anchor="end" dominant-baseline="middle">${tickLabels[i]}</text>`,
      )}
      <line class="baseline" x1=${plot.left} x2=${plot.right} y1=${plot.bottom} y2=${plot.bottom}></line>
      ${model.xTicks.map(
        (tick) => svg`
          <line class="baseline" x1=${tick.position} x2=${tick.position} y1=${plot.bottom} y2=${plot.bottom + 4}></line>
          <text x=${tick.position} y=${plot.bottom + 1.2 * rem} text-anchor="middle">${tick.value}</text>`,
      )}
    </g>
  `;
}

function renderCurrentLine(model: GapChartModel): SVGTemplateResult | typeof nothing {
  const current = model.current;
  if (!current) return nothing;
  return svg`<line class="current-line" aria-hidden="true" x1=${current.x} x2=${current.x} y1=${model.plot.top} y2=${model.plot.bottom}></line>`;
}

/** The fitted line over A–B, and at B a bar (with end ticks) spanning the interval of the change. */
function renderTrend({ model, rem }: GapChartView): SVGTemplateResult | typeof nothing {
  const trend = model.trend;
  if (!trend) return nothing;
  const interval = trend.interval;
  // The bar sits just right of B so that it does not hide the point.
  const x = interval ? interval.x + 0.5 * rem : 0;
  const cap = 0.3 * rem;
  return svg`
    <g aria-hidden="true">
      <line class="trend" x1=${trend.x0} y1=${trend.y0} x2=${trend.x1} y2=${trend.y1}></line>
      ${
        interval
          ? svg`<g class="interval" data-interval="change">
            <line x1=${x} x2=${x} y1=${interval.yLow} y2=${interval.yHigh}></line>
            <line x1=${x - cap} x2=${x + cap} y1=${interval.yLow} y2=${interval.yLow}></line>
            <line x1=${x - cap} x2=${x + cap} y1=${interval.yHigh} y2=${interval.yHigh}></line>
          </g>`
          : nothing
      }
    </g>
  `;
}

function renderLines({ model, rem, year }: GapChartView): SVGTemplateResult {
  const r = 0.25 * rem;
  return svg`
    <g aria-hidden="true">
      ${model.joins.map((join) => svg`<path class="join" d=${join.path}></path>`)}
      ${model.paths.map((d) => svg`<path class="line" d=${d}></path>`)}
      ${model.points.map((p) => {
        const current = p.year === year;
        return svg`<circle class="point ${current ? 'current' : ''}" data-year=${p.year} cx=${p.x} cy=${p.y} r=${current ? 1.5 * r : r}></circle>`;
      })}
    </g>
  `;
}

/** The accessible alternative of the chart: every year with a value. */
export function renderGapTable({ model, lang, measureName, format }: GapChartView): TemplateResult {
  const t = strings(lang).gap;
  return html`<table class="visually-hidden">
    <caption>${t.tableCaption}</caption>
    <thead>
      <tr>
        <th scope="col">${t.year}</th>
        <th scope="col">${measureName}</th>
      </tr>
    </thead>
    <tbody>
      ${model.points.map(
        (p) => html`<tr>
          <th scope="row">${p.year}</th>
          <td>${format(p.value)}</td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}
