import { LitElement, css, html, nothing, svg, type PropertyValues, type SVGTemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { panelStyles } from './shared-styles';
import { seriesChartModel, yearAtPixel, type ChartLine, type SeriesChartModel } from '../charts/series-chart';
import type { IndicatorMeta, MissingReason } from '../data/types';
import { formatChange, formatNumber, formatValue, type Lang } from '../format/number';
import { fill, strings } from '../i18n';

/** Height of the chart in px; the width follows the panel. */
const CHART_HEIGHT = 190;

/** Longest direct label at a line end before it is shortened (the margin is fixed). */
const LABEL_CHARS = 11;

/**
 * The panel for the selected area: its value, rank and change, and a line chart of its
 * series against the median of all areas (and the national value, when published).
 * Fires `klyft-area-close` from the close button or Escape, and `klyft-intent` {year}
 * when a year is clicked in the chart.
 */
@customElement('klyft-area-detail')
export class KlyftAreaDetail extends LitElement {
  static override styles = [
    panelStyles,
    css`
    .header {
      display: flex;
      align-items: flex-start;
      gap: 0.5rem;
    }
    .titles {
      flex: 1;
      min-width: 0;
    }
    h2 {
      margin: 0;
      font-size: clamp(1.15rem, 1rem + 0.6vw, 1.4rem);
      line-height: 1.25;
      overflow-wrap: anywhere;
    }
    .code,
    .noun {
      font-weight: normal;
      font-size: 0.875rem;
      color: #4a4a4a;
    }
    .indicator {
      margin: 0.25rem 0 0;
      font-size: 0.9375rem;
    }
    button.close {
      flex: none;
      display: inline-grid;
      place-items: center;
      width: 2.75rem;
      height: 2.75rem;
      margin: -0.5rem -0.5rem 0 0;
      border: 1px solid transparent;
      border-radius: 8px;
      background: transparent;
      color: #1a1a1a;
      font-size: 1.5rem;
      line-height: 1;
      cursor: pointer;
    }
    button.close:hover {
      background: #e6e6e2;
    }
    button:focus-visible {
      outline: 3px solid #005a9c;
      outline-offset: 2px;
    }
    .value {
      margin: 0.75rem 0 0;
      font-size: clamp(1.5rem, 1.2rem + 1vw, 2rem);
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
    .reason {
      margin: 0.25rem 0 0;
      font-size: 0.9375rem;
    }
    .rank {
      margin: 0.5rem 0 0;
      font-size: 0.9375rem;
    }
    dl {
      margin: 0.5rem 0 0;
      font-size: 0.9375rem;
    }
    dt {
      color: #4a4a4a;
    }
    dd {
      margin: 0;
      font-variant-numeric: tabular-nums;
    }
    .help {
      color: #4a4a4a;
    }
    figure {
      margin: 1rem 0 0;
    }
    figcaption {
      font-weight: 600;
      font-size: 0.9375rem;
      margin-bottom: 0.25rem;
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
      font-size: 12px;
    }
    .axis text {
      fill: #4a4a4a;
      font-variant-numeric: tabular-nums;
    }
    .grid {
      stroke: #d9d9d6;
      stroke-width: 1;
    }
    .baseline {
      stroke: #8c8c8c;
    }
    .line {
      fill: none;
      stroke-linejoin: round;
      stroke-linecap: round;
    }
    .line.series {
      stroke: #005a9c;
      stroke-width: 3;
    }
    .line.median {
      stroke: #5c5c5c;
      stroke-width: 2;
      stroke-dasharray: 6 4;
    }
    .line.reference {
      stroke: #7a3e00;
      stroke-width: 2;
      stroke-dasharray: 1.5 4;
    }
    .dot.series {
      fill: #005a9c;
    }
    .dot.median {
      fill: #5c5c5c;
    }
    .dot.reference {
      fill: #7a3e00;
    }
    .current-line {
      stroke: #1a1a1a;
      stroke-width: 1;
    }
    .current-dot {
      fill: #fff;
      stroke: #005a9c;
      stroke-width: 3;
    }
    .end-label {
      font-size: 12px;
      dominant-baseline: middle;
    }
    .end-label.series {
      fill: #00467a;
      font-weight: 600;
    }
    .end-label.median {
      fill: #4a4a4a;
    }
    .end-label.reference {
      fill: #6b3600;
    }
    .hint {
      margin: 0.25rem 0 0;
      font-size: 0.875rem;
      color: #4a4a4a;
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
  `,
  ];

  /** Display name of the area. */
  @property() name = '';

  /** Code of the area, shown after the name. */
  @property() code = '';

  /** Singular noun for one area of the level, e.g. "kommun". */
  @property({ attribute: 'level-noun' }) levelNoun = '';

  /** The shown indicator. */
  @property({ attribute: false }) indicator: IndicatorMeta | null = null;

  /** The shown year. */
  @property({ type: Number }) year = 0;

  /** Years of the indicator, ascending; `series`, `median` and `reference` align to them. */
  @property({ attribute: false }) years: number[] = [];

  /** The area's value per year (NaN = missing). */
  @property({ attribute: false }) series: number[] = [];

  /** Median of all areas per year (NaN = missing). */
  @property({ attribute: false }) median: number[] = [];

  /** National value per year (NaN = missing), or null when the source publishes none. */
  @property({ attribute: false }) reference: number[] | null = null;

  /** Rank in the shown year, 1 = best (highest for neutral indicators); 0 = no rank. */
  @property({ type: Number }) rank = 0;

  /** Number of ranked areas in the shown year. */
  @property({ type: Number }) count = 0;

  /** Change from the first year with a value (`from`) to the shown year, or null. */
  @property({ attribute: false }) change: { from: number; delta: number } | null = null;

  /** Why the area has no value in the shown year, or null. */
  @property({ attribute: false }) reason: MissingReason | null = null;

  /** UI language. */
  @property() override lang: Lang = 'sv';

  @state() private chartWidth = 320;

  private resizeObserver: ResizeObserver | null = null;
  private chart: SeriesChartModel | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.handleKeydown);
    this.resizeObserver = new ResizeObserver((entries) => {
      const width = Math.round(entries[0]?.contentRect.width ?? 0);
      if (width > 0 && width !== this.chartWidth) this.chartWidth = width;
    });
    if (this.hasUpdated) this.observeChart();
  }

  override disconnectedCallback(): void {
    this.removeEventListener('keydown', this.handleKeydown);
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    super.disconnectedCallback();
  }

  protected override firstUpdated(): void {
    this.observeChart();
  }

  private observeChart(): void {
    const container = this.renderRoot.querySelector('.chart');
    if (container) this.resizeObserver?.observe(container);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (
      changed.has('years') ||
      changed.has('series') ||
      changed.has('median') ||
      changed.has('reference') ||
      changed.has('year') ||
      changed.has('chartWidth')
    ) {
      this.chart =
        this.years.length > 0
          ? seriesChartModel({
              years: this.years,
              series: this.series,
              median: this.median,
              reference: this.reference,
              year: this.year,
              width: this.chartWidth,
              height: CHART_HEIGHT,
              margin: { left: this.yAxisWidth(), right: 92 },
            })
          : null;
    }
  }

  protected override render() {
    return html`
      ${this.renderHeader()} ${this.renderValue()} ${this.renderFacts()}
      <figure>
        <figcaption>${strings(this.lang).detail.series}</figcaption>
        <div class="chart">${this.renderChart()}</div>
        ${this.renderSummary()}
        ${this.chart ? html`<p class="hint">${strings(this.lang).detail.chartHelp}</p>` : nothing}
      </figure>
    `;
  }

  private renderHeader() {
    const t = strings(this.lang).detail;
    return html`
      <div class="header">
        <div class="titles">
          <h2>
            ${this.name}
            ${this.code && !this.name.includes(this.code) ? html`<span class="code">(${this.code})</span>` : nothing}
          </h2>
          ${this.levelNoun ? html`<div class="noun">${this.levelNoun}</div>` : nothing}
          ${this.indicator
            ? html`<p class="indicator">${this.indicator.name[this.lang]}, ${this.year}</p>`
            : nothing}
        </div>
        <button class="close" type="button" aria-label=${t.close} @click=${this.handleClose}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
    `;
  }

  private renderValue() {
    const t = strings(this.lang).detail;
    const value = this.valueAt(this.series, this.year);
    if (!this.indicator) return nothing;
    if (!Number.isFinite(value)) {
      return html`
        <p class="value">${t.noValue}</p>
        ${this.reason ? html`<p class="reason">${t.reason[this.reason]}</p>` : nothing}
      `;
    }
    return html`<p class="value">${formatValue(value, this.indicator.unit, this.lang, this.indicator.decimals)}</p>`;
  }

  private renderFacts() {
    const t = strings(this.lang).detail;
    const indicator = this.indicator;
    if (!indicator) return nothing;
    const help = indicator.direction === 'neutral' ? t.rankHelpNeutral : t.rankHelp;
    const rank =
      this.rank > 0 && this.count > 0
        ? html`<p class="rank">${fill(t.rank, { rank: this.rank, count: this.count })} <span class="help">(${help})</span></p>`
        : nothing;
    const change = this.change
      ? html`<dl>
          <dt>${fill(t.change, { year: this.change.from })}</dt>
          <dd>
            ${formatChange(roundTo(this.change.delta, indicator.decimals), indicator.unit, this.lang, indicator.decimals)}
            ${this.renderJudgement(this.change.delta)}
          </dd>
        </dl>`
      : nothing;
    return html`${rank}${change}`;
  }

  /** "(sämre)" / "(bättre)" after a change, from the indicator's direction; none for neutral ones. */
  private renderJudgement(delta: number) {
    const t = strings(this.lang).detail;
    const indicator = this.indicator;
    if (!indicator || !Number.isFinite(delta)) return nothing;
    // Judge the change as shown: one that rounds to zero is "unchanged", not a tiny improvement.
    const shown = Math.round(delta * 10 ** indicator.decimals);
    if (shown === 0) return html`<span class="help">(${t.unchanged})</span>`;
    if (indicator.direction === 'neutral') return nothing;
    const better = indicator.direction === 'higher-better' ? shown > 0 : shown < 0;
    return html`<span class="help">(${better ? t.better : t.worse})</span>`;
  }

  private renderChart() {
    const model = this.chart;
    if (!model || !this.indicator) return nothing;
    const t = strings(this.lang).detail;
    const first = this.years[0]!;
    const last = this.years[this.years.length - 1]!;
    const label = fill(this.reference ? t.chartLabelReference : t.chartLabel, {
      name: this.name,
      indicator: this.indicator.name[this.lang],
      from: first,
      to: last,
    });
    return html`<svg
      role="img"
      aria-label=${label}
      aria-describedby="chart-summary"
      width=${model.width}
      height=${model.height}
      viewBox="0 0 ${model.width} ${model.height}"
      @click=${this.handleChartClick}
    >
      ${this.renderAxes(model)} ${this.renderCurrent(model, 'before')}
      ${model.reference ? this.renderLine(model.reference, 'reference') : nothing}
      ${this.renderLine(model.median, 'median')} ${this.renderLine(model.series, 'series')}
      ${this.renderCurrent(model, 'after')} ${this.renderEndLabels(model)}
    </svg>`;
  }

  private renderAxes(model: SeriesChartModel): SVGTemplateResult {
    const { plot } = model;
    const decimals = this.tickDecimals(model);
    return svg`
      <g class="axis" aria-hidden="true">
        ${model.yTicks.map(
          (tick) => svg`
            <line class="grid" x1=${plot.left} x2=${plot.right} y1=${tick.position} y2=${tick.position}></line>
            <text x=${plot.left - 6} y=${tick.position} text-anchor="end" dominant-baseline="middle">${formatNumber(tick.value, this.lang, decimals)}</text>`,
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

  private renderLine(line: ChartLine, kind: 'series' | 'median' | 'reference'): SVGTemplateResult {
    // A run of one year has no length to stroke; draw it as a dot so it is not lost.
    const singles = line.segments.filter((segment) => segment.length === 1).map((segment) => segment[0]!);
    return svg`
      <g aria-hidden="true">
        ${line.paths.map((d) => svg`<path class="line ${kind}" d=${d}></path>`)}
        ${singles.map((p) => svg`<circle class="dot ${kind}" cx=${p.x} cy=${p.y} r=${kind === 'series' ? 3.5 : 2.5}></circle>`)}
      </g>
    `;
  }

  private renderCurrent(model: SeriesChartModel, layer: 'before' | 'after'): SVGTemplateResult | typeof nothing {
    const current = model.current;
    if (!current) return nothing;
    if (layer === 'before') {
      return svg`<line class="current-line" aria-hidden="true" x1=${current.x} x2=${current.x} y1=${model.plot.top} y2=${model.plot.bottom}></line>`;
    }
    return current.point
      ? svg`<circle class="current-dot" aria-hidden="true" cx=${current.point.x} cy=${current.point.y} r="5"></circle>`
      : nothing;
  }

  private renderEndLabels(model: SeriesChartModel): SVGTemplateResult {
    const t = strings(this.lang).detail;
    const labels: { kind: 'series' | 'median' | 'reference'; text: string; y: number | null; line: ChartLine | null }[] = [
      { kind: 'series', text: shorten(this.name, LABEL_CHARS), y: model.labelY.series, line: model.series },
      { kind: 'median', text: t.medianShort, y: model.labelY.median, line: model.median },
      { kind: 'reference', text: t.reference, y: model.labelY.reference, line: model.reference },
    ];
    return svg`
      <g aria-hidden="true">
        ${labels.map(({ kind, text, y, line }) =>
          y === null || !line?.last
            ? nothing
            : svg`<text class="end-label ${kind}" x=${line.last.x + 8} y=${y}>${text}</text>`,
        )}
      </g>
    `;
  }

  /** Text alternative of the chart: every year of the area, then the comparison lines' ends. */
  private renderSummary() {
    const indicator = this.indicator;
    if (!indicator || this.years.length === 0) return nothing;
    const t = strings(this.lang).detail;
    const format = (v: number) => formatValue(v, indicator.unit, this.lang, indicator.decimals);
    const all = (values: readonly number[]) => this.years.map((y, i) => `${y}: ${format(values[i] ?? NaN)}`).join('; ');
    const ends = (values: readonly number[]) => {
      const first = this.years[0]!;
      const last = this.years[this.years.length - 1]!;
      const a = `${first}: ${format(values[0] ?? NaN)}`;
      return first === last ? a : `${a}; ${last}: ${format(values[this.years.length - 1] ?? NaN)}`;
    };
    const parts = [`${this.name}: ${all(this.series)}.`, `${t.median}: ${ends(this.median)}.`];
    if (this.reference) parts.push(`${t.reference}: ${ends(this.reference)}.`);
    return html`<p id="chart-summary" class="visually-hidden">${parts.join(' ')}</p>`;
  }

  private handleClose = (): void => {
    this.dispatchEvent(new CustomEvent('klyft-area-close', { bubbles: true, composed: true }));
  };

  private handleKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      this.handleClose();
    }
  };

  private handleChartClick = (event: MouseEvent): void => {
    const model = this.chart;
    const svgElement = event.currentTarget as SVGSVGElement;
    if (!model) return;
    const box = svgElement.getBoundingClientRect();
    // The SVG is drawn 1:1 (width = measured width), but scale anyway in case CSS stretched it.
    const px = ((event.clientX - box.left) / (box.width || 1)) * model.width;
    const year = yearAtPixel(model, px);
    if (year === null || year === this.year) return;
    this.dispatchEvent(new CustomEvent('klyft-intent', { detail: { year }, bubbles: true, composed: true }));
  };

  private valueAt(values: readonly number[], year: number): number {
    const i = this.years.indexOf(year);
    return i < 0 ? NaN : (values[i] ?? NaN);
  }

  /** Decimals for y tick labels: just enough to tell neighbouring ticks apart. */
  private tickDecimals(model: SeriesChartModel): number {
    const step = Math.abs((model.yTicks[1]?.value ?? 1) - (model.yTicks[0]?.value ?? 0)) || 1;
    return Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  }

  /** Left margin wide enough for the longest y tick label (about 7px per digit at 12px). */
  private yAxisWidth(): number {
    const extent = [...this.series, ...this.median, ...(this.reference ?? [])].filter(Number.isFinite);
    const max = extent.length ? Math.max(...extent.map(Math.abs)) : 1;
    const digits = Math.max(1, Math.floor(Math.log10(Math.max(1, max))) + 1);
    const groups = Math.floor((digits - 1) / 3);
    return Math.max(32, 12 + (digits + groups + 2) * 7);
  }
}

/** Rounds to the shown decimals (and turns −0 into 0), so "+0,0" never appears. */
function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor + 0;
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

declare global {
  interface HTMLElementTagNameMap {
    'klyft-area-detail': KlyftAreaDetail;
  }
}
