import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { chartStyles, panelStyles } from './shared-styles';
import { areaDetailStyles } from './area-detail-styles';
import { AreaContextController, renderAreaNotes, type AreaContext } from './area-context';
import { renderAreaChart, renderAreaSummary } from './area-series-view';
import { seriesChartModel, yearAtPixel, type SeriesChartModel } from '../charts/series-chart';
import type { IndicatorMeta, MissingReason } from '../data/types';
import { formatChange, formatValue, type Lang } from '../format/number';
import { fill, strings } from '../i18n';

/** Height of the chart in px; the width follows the panel. */
const CHART_HEIGHT = 190;

/**
 * The panel for the selected area: its value, rank and change, and a line chart of its
 * series against the median of all areas (and the national value, when published).
 * Fires `klyft-area-close` from the close button or Escape, and `klyft-intent` {year}
 * when a year is clicked in the chart.
 */
@customElement('klyft-area-detail')
export class KlyftAreaDetail extends LitElement {
  static override styles = [panelStyles, chartStyles, areaDetailStyles];

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

  /** Where to find the level's estimate basis and age structure, for the caveats under the value. */
  @property({ attribute: false }) context: AreaContext | null = null;

  @state() private chartWidth = 320;

  private readonly areaContext = new AreaContextController(this, () => ({ context: this.context, indicator: this.indicator }));

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
      ${this.renderHeader()} ${this.renderValue()} ${this.renderFacts()} ${this.renderNotes()}
      ${this.years.length === 1 && this.indicator ? this.renderOneYear(this.indicator) : this.renderSeries()}
    `;
  }

  private renderSeries() {
    return html`<figure>
      <figcaption>${strings(this.lang).detail.series}</figcaption>
      <div class="chart">${this.renderChart()}</div>
      ${this.indicator ? renderAreaSummary(this.seriesView(this.indicator)) : nothing}
      ${this.chart ? html`<p class="hint">${strings(this.lang).detail.chartHelp}</p>` : nothing}
    </figure>`;
  }

  /** One year: no line to draw; the area's value beside the median (and the national value), and why. */
  private renderOneYear(indicator: IndicatorMeta) {
    const t = strings(this.lang).detail;
    const year = String(this.years[0]);
    const format = (v: number | undefined) =>
      v === undefined || !Number.isFinite(v) ? t.noValue : formatValue(v, indicator.unit, this.lang, indicator.decimals);
    return html`<section class="one-year" aria-labelledby="one-year-heading">
      <h3 id="one-year-heading">${fill(t.oneYear, { year })}</h3>
      <dl>
        <dt>${this.name}</dt>
        <dd>${format(this.series[0])}</dd>
        <dt>${t.median}</dt>
        <dd>${format(this.median[0])}</dd>
        ${this.reference ? html`<dt>${t.reference}</dt><dd>${format(this.reference[0])}</dd>` : nothing}
      </dl>
      <p class="hint">${fill(t.oneYearHelp, { year })}</p>
    </section>`;
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
          ${this.indicator ? html`<p class="indicator">${this.indicator.name[this.lang]}, ${this.year}</p>` : nothing}
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
    return renderAreaChart({ ...this.seriesView(this.indicator), model, onClick: this.handleChartClick });
  }

  /** What the chart and its text alternative show. */
  private seriesView(indicator: IndicatorMeta) {
    const { name, lang, years, series, median, reference } = this;
    return { name, indicator, lang, years, series, median, reference };
  }

  /** How an estimated value was made, an age structure that makes it misleading, and exclusion from the gap measures. */
  private renderNotes() {
    if (!this.indicator || !this.code) return nothing;
    return renderAreaNotes(this.areaContext.caveats(this.code, this.indicator), this.areaContext.excludedNote(this.code), this.lang);
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

declare global {
  interface HTMLElementTagNameMap {
    'klyft-area-detail': KlyftAreaDetail;
  }
}
