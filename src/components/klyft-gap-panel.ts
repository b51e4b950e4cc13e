import { LitElement, css, html, nothing, svg, type PropertyValues, type SVGTemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { panelStyles } from './shared-styles';
import { gapChartModel, unavailableReason, type GapChartModel } from '../charts/gap-chart';
import { yearAtPixel } from '../charts/series-chart';
import type { IndicatorMeta } from '../data/types';
import { formatGapChange, formatGapTick, formatGapValue, gapAxisUnit } from '../format/gap-value';
import { formatNumber, formatValue, type Lang } from '../format/number';
import { fill, strings } from '../i18n';
import type { ViewState } from '../state/view-state';
import { measureSeries, type GapReason, type GapStatistics } from '../stats/gap';
import { GAP_MEASURES, gapMeasure, type GapMeasureId } from '../stats/measures';
import { NOISE_FACTOR, RELEVANCE_SHARE, TREND_RULE, type TrendVerdict } from '../stats/trend';

/** Chart height in rem (180 px at the default 16 px root size); text and margins scale with it. */
const CHART_HEIGHT_REM = 11.25;

/** Chart text size in rem (also set in the styles), for estimating label widths. */
const CHART_FONT_REM = 0.75;

/**
 * "Are the gaps closing?": a gap measure of the indicator per year with the period A–B,
 * the trend verdict for A–B and a plain-language summary. Fires `klyft-intent` with
 * {measure}, {from}, {to} from its choosers and {year} when a year is clicked in the chart.
 */
@customElement('klyft-gap-panel')
export class KlyftGapPanel extends LitElement {
  static override styles = [
    panelStyles,
    css`
    h2 {
      margin: 0 0 0.75rem;
      font-size: clamp(1.15rem, 1rem + 0.6vw, 1.4rem);
      line-height: 1.25;
    }
    label {
      display: block;
      font-weight: 600;
      font-size: 0.9375rem;
      margin-bottom: 0.25rem;
    }
    select {
      box-sizing: border-box;
      width: 100%;
      min-height: 2.75rem;
      padding: 0.5rem 0.625rem;
      border: 1px solid #6b6b6b;
      border-radius: 8px;
      background: #fff;
      color: #1a1a1a;
      font: inherit;
      font-size: 1rem;
    }
    select:focus-visible,
    summary:focus-visible {
      outline: 3px solid #005a9c;
      outline-offset: 2px;
    }
    .explain {
      margin: 0.375rem 0 0;
      font-size: 0.875rem;
      color: #4a4a4a;
    }
    .unavailable {
      margin: 1rem 0 0;
      padding: 0.75rem;
      border-left: 4px solid #8c8c8c;
      background: #fff;
      border-radius: 0 8px 8px 0;
    }
    figure {
      margin: 1rem 0 0;
    }
    .chart {
      width: 100%;
    }
    svg {
      display: block;
      width: 100%;
      height: auto;
      overflow: visible;
      cursor: pointer;
      font-size: 0.75rem;
    }
    .axis text {
      fill: #4a4a4a;
      font-variant-numeric: tabular-nums;
    }
    .unit {
      margin: 0;
      font-size: 0.75rem;
      color: #4a4a4a;
    }
    .grid {
      stroke: #d9d9d6;
      stroke-width: 1;
    }
    .baseline {
      stroke: #8c8c8c;
    }
    .band {
      fill: #dce8f3;
    }
    .band-edge {
      stroke: #005a9c;
      stroke-width: 1;
      stroke-dasharray: 3 3;
    }
    .band-label {
      fill: #00467a;
      font-weight: 600;
    }
    .line {
      fill: none;
      stroke: #005a9c;
      stroke-width: 3;
      stroke-linejoin: round;
      stroke-linecap: round;
    }
    .join {
      fill: none;
      stroke: #005a9c;
      stroke-width: 2;
      stroke-dasharray: 5 5;
    }
    .point {
      fill: #005a9c;
    }
    .point.current {
      fill: #fff;
      stroke: #005a9c;
      stroke-width: 3;
    }
    .current-line {
      stroke: #1a1a1a;
      stroke-width: 1;
    }
    .hint {
      margin: 0.25rem 0 0;
      font-size: 0.875rem;
      color: #4a4a4a;
    }
    .period {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(8rem, 1fr));
      gap: 0.75rem;
      margin: 1rem 0 0;
      padding: 0;
      border: 0;
    }
    .period legend {
      padding: 0;
      margin-bottom: 0.25rem;
      font-weight: 600;
      font-size: 0.9375rem;
    }
    .verdict {
      margin: 1rem 0 0;
      font-size: clamp(1.1rem, 1rem + 0.4vw, 1.3rem);
      font-weight: 700;
    }
    .change {
      margin: 0.25rem 0 0;
      font-variant-numeric: tabular-nums;
    }
    details {
      margin: 0.5rem 0 0;
      font-size: 0.9375rem;
    }
    summary {
      cursor: pointer;
      color: #005a9c;
      min-height: 1.5rem;
    }
    details p {
      margin: 0.5rem 0;
    }
    dl {
      display: grid;
      grid-template-columns: auto auto;
      justify-content: start;
      gap: 0.125rem 1rem;
      margin: 0;
    }
    dt {
      color: #4a4a4a;
    }
    dd {
      margin: 0;
      font-variant-numeric: tabular-nums;
    }
    .summary {
      margin: 1rem 0 0;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      margin: -1px;
      padding: 0;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
      border: 0;
    }
    @media (pointer: coarse) {
      summary {
        min-height: 2.75rem;
        display: flex;
        align-items: center;
      }
    }
  `,
  ];

  /** The shown indicator. */
  @property({ attribute: false }) indicator: IndicatorMeta | null = null;

  /** UI language. */
  @property() override lang: Lang = 'sv';

  /** Years of the indicator, ascending; `stats` aligns to them. */
  @property({ attribute: false }) years: number[] = [];

  /** Gap statistics per year, same order as `years`. */
  @property({ attribute: false }) stats: GapStatistics[] = [];

  /** The chosen gap measure. */
  @property() measure: GapMeasureId = 'range';

  /** The shown (current) year. */
  @property({ type: Number }) year = 0;

  /** Start (A) of the compared period, resolved to a year. */
  @property({ type: Number }) from = 0;

  /** End (B) of the compared period, resolved to a year. */
  @property({ type: Number }) to = 0;

  /** Trend verdict for the chosen measure over A–B, or null when not computed. */
  @property({ attribute: false }) verdict: TrendVerdict | null = null;

  /** Plain-language sentence on the gap's development (from gapSummary). */
  @property() summary = '';

  /** Year where a predecessor series hands over to its successor, or null. */
  @property({ attribute: false }) breakYear: number | null = null;

  /** Number of areas at this level. */
  @property({ type: Number, attribute: 'area-count' }) areaCount = 0;

  @state() private chartWidth = 320;

  /** Root font size in px, so the chart's height and margins follow rem-scaled text. */
  @state() private rem = 16;

  private resizeObserver: ResizeObserver | null = null;
  private values: (number | null)[] = [];
  private reason: GapReason | null = null;
  private unavailable = new Set<GapMeasureId>();
  private chart: GapChartModel | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver = new ResizeObserver((entries) => {
      const width = Math.round(entries[0]?.contentRect.width ?? 0);
      if (width > 0 && width !== this.chartWidth) this.chartWidth = width;
      const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
      if (rem !== this.rem) this.rem = rem;
    });
    // The host's content box is the chart's width; observing it works whether or not a chart is drawn.
    this.resizeObserver.observe(this);
  }

  override disconnectedCallback(): void {
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('stats') || changed.has('measure')) {
      this.values = measureSeries(this.stats, this.measure);
      this.reason = unavailableReason(this.stats, this.measure);
      this.unavailable = new Set(GAP_MEASURES.filter((m) => unavailableReason(this.stats, m.id) !== null).map((m) => m.id));
    }
    this.chart = this.reason === null && this.years.length > 0 ? this.layoutChart() : null;
  }

  /** The chart model, with a left margin wide enough for the widest y tick label. */
  private layoutChart(): GapChartModel {
    const rem = this.rem;
    const input = {
      years: this.years,
      values: this.values,
      sparseYears: this.indicator?.sparseYears ?? false,
      breakYear: this.breakYear,
      from: this.from,
      to: this.to,
      year: this.year,
      baseline: gapMeasure(this.measure).kind === 'ratio' ? 1 : 0,
      width: this.chartWidth,
      height: Math.round(CHART_HEIGHT_REM * rem),
      margin: { top: 1.5 * rem, right: rem, bottom: 1.75 * rem, left: 3 * rem },
    };
    const first = gapChartModel(input);
    // About 0.6 em per character of tabular digits; then the ticks no longer depend on the margin.
    const longest = Math.max(1, ...this.tickLabels(first).map((label) => label.length));
    const left = Math.ceil(longest * 0.6 * CHART_FONT_REM * rem + 0.75 * rem);
    return left === input.margin.left ? first : gapChartModel({ ...input, margin: { ...input.margin, left } });
  }

  protected override render() {
    const t = strings(this.lang).gap;
    return html`
      <h2>${t.title}</h2>
      ${this.renderMeasureChooser()}
      ${this.reason !== null ? this.renderUnavailable(this.reason) : this.renderFigure()} ${this.renderPeriod()}
      ${this.reason === null ? this.renderVerdict() : nothing}
      ${this.summary ? html`<p class="summary" id="gap-summary">${this.summary}</p>` : nothing}
    `;
  }

  private renderMeasureChooser() {
    const t = strings(this.lang).gap;
    return html`
      <label for="measure">${t.measure}</label>
      <select id="measure" aria-describedby="measure-explain" @change=${this.handleMeasure}>
        ${GAP_MEASURES.map(
          (m) =>
            html`<option value=${m.id} ?selected=${m.id === this.measure}>${m.name[this.lang]}${this.unavailable.has(m.id) ? ` ${t.unavailable}` : ''}</option>`,
        )}
      </select>
      <p class="explain" id="measure-explain">${gapMeasure(this.measure).explain[this.lang]}</p>
    `;
  }

  private renderUnavailable(reason: GapReason) {
    return html`<p class="unavailable" role="status">${this.reasonText(reason)}</p>`;
  }

  /** Why the chosen measure has no value, in the words of the reason. */
  private reasonText(reason: GapReason): string {
    const r = strings(this.lang).gap.reason;
    const measure = gapMeasure(this.measure);
    const name = measure.name[this.lang];
    switch (reason) {
      case 'too-few-areas': {
        if (this.areaCount > 0 && this.areaCount < measure.minAreas) {
          return fill(r.tooFewAreas, { measure: name, min: measure.minAreas, count: this.areaCount });
        }
        // The division is big enough but too few areas have values.
        const most = this.stats.reduce((max, s) => Math.max(max, s.n), 0);
        return fill(r.tooFewValues, { measure: name, min: measure.minAreas, count: most });
      }
      case 'not-meaningful-for-unit': {
        const unit = this.indicator?.unit;
        return unit === 'years' ? r.notMeaningfulYears : unit === 'persons' ? r.notMeaningfulPersons : r.notMeaningful;
      }
      case 'no-data':
        return r.noData;
      case 'non-positive-values':
        return fill(r.nonPositive, { measure: name });
      case 'negative-values':
        return fill(r.negative, { measure: name });
    }
  }

  private renderFigure() {
    const model = this.chart;
    if (!model || !this.indicator) return nothing;
    const t = strings(this.lang).gap;
    const breakShown = this.breakYear !== null && this.years.includes(this.breakYear);
    // The y axis unit sits above the chart, clear of the A/B labels; values in the table carry it too.
    const unit = gapAxisUnit(this.measure, this.indicator.unit, this.lang);
    return html`
      <figure>
        ${unit ? html`<p class="unit" aria-hidden="true">${unit}</p>` : nothing}
        <div class="chart">${this.renderChart(model)}</div>
        ${this.renderTable(model)}
        <p class="hint">${t.chartHelp}</p>
        ${model.joins.length > 0 ? html`<p class="hint">${t.sparse}</p>` : nothing}
        ${breakShown ? html`<p class="hint">${fill(t.breakNote, { year: this.breakYear! })}</p>` : nothing}
      </figure>
    `;
  }

  private renderChart(model: GapChartModel) {
    const t = strings(this.lang).gap;
    const label = fill(t.chartLabel, {
      measure: gapMeasure(this.measure).name[this.lang],
      from: this.years[0]!,
      to: this.years[this.years.length - 1]!,
    });
    return html`<svg
      role="img"
      aria-label=${label}
      width=${model.width}
      height=${model.height}
      viewBox="0 0 ${model.width} ${model.height}"
      @click=${this.handleChartClick}
    >
      ${this.renderBand(model)} ${this.renderAxes(model)} ${this.renderCurrentLine(model)} ${this.renderLines(model)}
    </svg>`;
  }

  private renderBand(model: GapChartModel): SVGTemplateResult | typeof nothing {
    const band = model.band;
    if (!band) return nothing;
    const { top, bottom } = model.plot;
    const labelY = top - 0.4 * this.rem;
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

  private renderAxes(model: GapChartModel): SVGTemplateResult {
    const { plot } = model;
    const labels = this.tickLabels(model);
    const gap = 0.375 * this.rem;
    return svg`
      <g class="axis" aria-hidden="true">
        ${model.yTicks.map(
          (tick, i) => svg`
            <line class="grid" x1=${plot.left} x2=${plot.right} y1=${tick.position} y2=${tick.position}></line>
            <text x=${plot.left - gap} y=${tick.position} text-anchor="end" dominant-baseline="middle">${labels[i]}</text>`,
        )}
        <line class="baseline" x1=${plot.left} x2=${plot.right} y1=${plot.bottom} y2=${plot.bottom}></line>
        ${model.xTicks.map(
          (tick) => svg`
            <line class="baseline" x1=${tick.position} x2=${tick.position} y1=${plot.bottom} y2=${plot.bottom + 4}></line>
            <text x=${tick.position} y=${plot.bottom + 1.2 * this.rem} text-anchor="middle">${tick.value}</text>`,
        )}
      </g>
    `;
  }

  private renderCurrentLine(model: GapChartModel): SVGTemplateResult | typeof nothing {
    const current = model.current;
    if (!current) return nothing;
    return svg`<line class="current-line" aria-hidden="true" x1=${current.x} x2=${current.x} y1=${model.plot.top} y2=${model.plot.bottom}></line>`;
  }

  private renderLines(model: GapChartModel): SVGTemplateResult {
    const r = 0.25 * this.rem;
    return svg`
      <g aria-hidden="true">
        ${model.joins.map((join) => svg`<path class="join" d=${join.path}></path>`)}
        ${model.paths.map((d) => svg`<path class="line" d=${d}></path>`)}
        ${model.points.map((p) => {
          const current = p.year === this.year;
          return svg`<circle class="point ${current ? 'current' : ''}" data-year=${p.year} cx=${p.x} cy=${p.y} r=${current ? 1.5 * r : r}></circle>`;
        })}
      </g>
    `;
  }

  /** The accessible alternative of the chart: every year with a value. */
  private renderTable(model: GapChartModel) {
    const t = strings(this.lang).gap;
    return html`<table class="visually-hidden">
      <caption>${t.tableCaption}</caption>
      <thead>
        <tr>
          <th scope="col">${t.year}</th>
          <th scope="col">${gapMeasure(this.measure).name[this.lang]}</th>
        </tr>
      </thead>
      <tbody>
        ${model.points.map(
          (p) => html`<tr>
            <th scope="row">${p.year}</th>
            <td>${this.formatGap(p.value)}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private renderPeriod() {
    const t = strings(this.lang).gap;
    if (this.years.length < 2) return nothing;
    return html`
      <fieldset class="period">
        <legend>${t.period}</legend>
        <div>
          <label for="from">${t.from}</label>
          <select id="from" @change=${this.handleFrom}>
            ${this.years.map(
              (y) => html`<option value=${y} ?selected=${y === this.from} ?disabled=${y >= this.to}>${y}</option>`,
            )}
          </select>
        </div>
        <div>
          <label for="to">${t.to}</label>
          <select id="to" @change=${this.handleTo}>
            ${this.years.map(
              (y) => html`<option value=${y} ?selected=${y === this.to} ?disabled=${y <= this.from}>${y}</option>`,
            )}
          </select>
        </div>
      </fieldset>
    `;
  }

  private renderVerdict() {
    const verdict = this.verdict;
    const indicator = this.indicator;
    if (!verdict || !indicator) return nothing;
    const t = strings(this.lang).gap;
    const a = this.valueAt(verdict.firstYear);
    const b = this.valueAt(verdict.lastYear);
    const hasChange = a !== null && b !== null && verdict.firstYear !== verdict.lastYear;
    return html`
      <p class="verdict">${this.from}–${this.to}: ${t.verdict[verdict.verdict]}</p>
      ${hasChange
        ? html`<p class="change">
            ${fill(t.change, {
              a: this.formatGap(a),
              b: this.formatGap(b),
              fromYear: verdict.firstYear,
              toYear: verdict.lastYear,
            })}
            (${formatGapChange(b - a, this.measure, indicator.unit, this.lang, indicator.decimals)})
          </p>`
        : nothing}
      <details>
        <summary>${t.howJudged}</summary>
        <p>${TREND_RULE[this.lang]}</p>
        ${this.renderNumbers(verdict)}
      </details>
    `;
  }

  /** The figures behind the verdict: fitted change, noise, the relevance floor and the threshold. */
  private renderNumbers(verdict: TrendVerdict) {
    const indicator = this.indicator;
    if (!indicator || verdict.basis === 'none') return nothing;
    const t = strings(this.lang).gap;
    const change = (v: number) => formatGapChange(v, this.measure, indicator.unit, this.lang, indicator.decimals + 1);
    const size = (v: number) => formatGapValue(v, this.measure, indicator.unit, this.lang, indicator.decimals + 1);
    const share = formatValue(RELEVANCE_SHARE * 100, 'percent', this.lang, 0);
    const threshold = Math.max(NOISE_FACTOR * verdict.noise, verdict.floor);
    return html`<dl>
      <dt>${fill(t.fitted, { from: verdict.firstYear, to: verdict.lastYear })}</dt>
      <dd>${change(verdict.change)}</dd>
      ${verdict.basis === 'fit' ? html`<dt>${t.noise}</dt><dd>${size(verdict.noise)}</dd>` : nothing}
      <dt>${fill(t.floor, { share })}</dt>
      <dd>${size(verdict.floor)}</dd>
      <dt>${t.threshold}</dt>
      <dd>±${size(threshold)}</dd>
      <dt>${t.points}</dt>
      <dd>${formatNumber(verdict.points, this.lang)}</dd>
    </dl>`;
  }

  private tickLabels(model: GapChartModel): string[] {
    const step = Math.abs((model.yTicks[1]?.value ?? 1) - (model.yTicks[0]?.value ?? 0)) || 1;
    return model.yTicks.map((tick) => formatGapTick(tick.value, this.measure, this.lang, step));
  }

  private formatGap(value: number | null): string {
    const indicator = this.indicator;
    return indicator ? formatGapValue(value, this.measure, indicator.unit, this.lang, indicator.decimals) : '–';
  }

  private valueAt(year: number): number | null {
    const i = this.years.indexOf(year);
    const value = i < 0 ? null : (this.values[i] ?? null);
    return value !== null && Number.isFinite(value) ? value : null;
  }

  private intent(detail: Partial<ViewState>): void {
    this.dispatchEvent(new CustomEvent('klyft-intent', { detail, bubbles: true, composed: true }));
  }

  private handleMeasure = (event: Event): void => {
    const measure = (event.target as HTMLSelectElement).value as GapMeasureId;
    if (measure !== this.measure) this.intent({ measure });
  };

  private handleFrom = (event: Event): void => {
    const from = Number((event.target as HTMLSelectElement).value);
    if (from !== this.from && from < this.to) this.intent({ from });
  };

  private handleTo = (event: Event): void => {
    const to = Number((event.target as HTMLSelectElement).value);
    if (to !== this.to && to > this.from) this.intent({ to });
  };

  private handleChartClick = (event: MouseEvent): void => {
    const model = this.chart;
    if (!model) return;
    const box = (event.currentTarget as SVGSVGElement).getBoundingClientRect();
    // The SVG is drawn 1:1 (width = measured width), but scale anyway in case CSS stretched it.
    const px = ((event.clientX - box.left) / (box.width || 1)) * model.width;
    const year = yearAtPixel(model, px);
    if (year !== null && year !== this.year) this.intent({ year });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'klyft-gap-panel': KlyftGapPanel;
  }
}
