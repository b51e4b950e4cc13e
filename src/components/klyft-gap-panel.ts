import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { chartStyles, panelStyles } from './shared-styles';
import { gapPanelStyles } from './gap-panel-styles';
import { renderGapChart, renderGapTable, type GapChartView } from './gap-chart-view';
import { renderVerdict } from './gap-verdict-view';
import { gapChartModel, unavailableReason, type GapChartModel, type GapChartTrend } from '../charts/gap-chart';
import { yearAtPixel } from '../charts/series-chart';
import type { IndicatorMeta, IndicatorWeight, LevelMeta } from '../data/types';
import { formatGapTick, formatGapValue, gapAxisUnit } from '../format/gap-value';
import type { Lang } from '../format/number';
import { fill, strings } from '../i18n';
import type { ViewState } from '../state/view-state';
import { measureSeries, type GapReason, type GapStatistics } from '../stats/gap';
import { GAP_MEASURES, gapMeasure, type GapMeasureId } from '../stats/measures';
import type { TrendVerdict } from '../stats/trend';

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
  static override styles = [panelStyles, chartStyles, gapPanelStyles];

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

  /** What the gap measures are weighted with (or why not), named under the verdict. */
  @property({ attribute: false }) weight: IndicatorWeight | null = null;

  /** Areas the gap measures leave out at this level, and why. */
  @property({ attribute: false }) excluded: LevelMeta['gapExcluded'] | null = null;

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
      trend: this.trendOf(this.verdict),
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

  /** The verdict's fitted line and change interval, in data units, for the chart. */
  private trendOf(verdict: TrendVerdict | null): GapChartTrend | null {
    if (!verdict || verdict.points < 2 || !Number.isFinite(verdict.slope)) return null;
    const at = (year: number) => verdict.intercept + verdict.slope * year;
    return {
      fromYear: verdict.firstYear,
      toYear: verdict.lastYear,
      fromValue: at(verdict.firstYear),
      toValue: at(verdict.lastYear),
      changeLow: verdict.changeLow,
      changeHigh: verdict.changeHigh,
    };
  }

  protected override render() {
    const t = strings(this.lang).gap;
    return html`
      <h2>${t.title}</h2>
      ${this.renderMeasureChooser()}
      ${this.reason !== null ? this.renderUnavailable(this.reason) : this.years.length > 1 ? this.renderFigure() : nothing} ${this.renderPeriod()}
      ${this.reason === null || this.years.length === 1 ? this.renderVerdict() : nothing}
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
    const view = this.chartView(model);
    return html`
      <figure>
        ${unit ? html`<p class="unit" aria-hidden="true">${unit}</p>` : nothing}
        <div class="chart">${renderGapChart(view)}</div>
        ${renderGapTable(view)}
        <p class="hint">${t.chartHelp}</p>
        ${model.joins.length > 0 ? html`<p class="hint">${t.sparse}</p>` : nothing}
        ${breakShown ? html`<p class="hint">${fill(t.breakNote, { year: this.breakYear! })}</p>` : nothing}
      </figure>
    `;
  }

  private chartView(model: GapChartModel): GapChartView {
    return {
      model,
      lang: this.lang,
      rem: this.rem,
      year: this.year,
      measureName: gapMeasure(this.measure).name[this.lang],
      firstYear: this.years[0]!,
      lastYear: this.years[this.years.length - 1]!,
      tickLabels: this.tickLabels(model),
      format: (value) => this.formatGap(value),
      onClick: this.handleChartClick,
    };
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
            ${this.years.map((y) => html`<option value=${y} ?selected=${y === this.from} ?disabled=${y >= this.to}>${y}</option>`)}
          </select>
        </div>
        <div>
          <label for="to">${t.to}</label>
          <select id="to" @change=${this.handleTo}>
            ${this.years.map((y) => html`<option value=${y} ?selected=${y === this.to} ?disabled=${y <= this.from}>${y}</option>`)}
          </select>
        </div>
      </fieldset>
    `;
  }

  private renderVerdict() {
    const verdict = this.verdict;
    const indicator = this.indicator;
    if (!verdict || !indicator) return nothing;
    return renderVerdict({
      verdict,
      indicator,
      measure: this.measure,
      lang: this.lang,
      from: this.from,
      to: this.to,
      years: this.years,
      valueAt: (year) => this.valueAt(year),
      weight: this.weight,
      excluded: this.excluded,
    });
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
