import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { LitElement, css, html, nothing, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import type { IndicatorMeta } from '../data/types';
import { formatNumber, unitLabel, type Lang } from '../format/number';
import { fill, strings } from '../i18n';
import { changeUnitLabel } from '../i18n/legend';
import { stepDecimals } from '../scales/change-legend-entries';
import type { ConvergenceResult } from '../stats/change';
import type { ViewState } from '../state/view-state';

const MARGIN = { top: 16, right: 16, bottom: 52, left: 64 };

/**
 * "Catching up or falling behind": level in year A against change A → B, one dot per
 * area with both values (hollow when the change is not clear), the zero line and the
 * fitted line, and the verdict in words underneath. Hovering a dot fires
 * `klyft-area-highlight` {code} ({code: null} on leave); clicking fires `klyft-intent` {area}.
 * Plain SVG: the dots are rendered once per data/size change (guard), so hover only
 * redraws the emphasis layer.
 */
@customElement('klyft-scatter')
export class KlyftScatter extends LitElement {
  static override styles = css`
    :host {
      display: block;
      color: #1a1a1a;
      font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
      font-size: 0.9375rem;
    }
    svg {
      display: block;
      overflow: visible;
    }
    .dot {
      fill: #005a9c;
      fill-opacity: 0.65;
      stroke: #005a9c;
      stroke-width: 1;
      cursor: pointer;
    }
    .dot.hollow {
      fill: #fff;
      fill-opacity: 1;
    }
    .emphasis {
      stroke: #1a1a1a;
      stroke-width: 3;
      pointer-events: none;
    }
    .axis line,
    .axis path {
      stroke: #6b6b6b;
    }
    .grid {
      stroke: #e4e4e4;
    }
    .zero {
      stroke: #4a4a4a;
      stroke-width: 1.5;
    }
    .fit {
      stroke: #1a1a1a;
      stroke-width: 2;
      stroke-dasharray: 6 4;
    }
    text {
      fill: #1a1a1a;
      font-size: 0.75rem;
      font-variant-numeric: tabular-nums;
    }
    .axis-label {
      font-size: 0.8125rem;
      font-weight: 600;
    }
    .name {
      font-weight: 700;
      paint-order: stroke;
      stroke: #fff;
      stroke-width: 4px;
      pointer-events: none;
    }
    .key {
      margin: 0.25rem 0 0;
      font-size: 0.8125rem;
      color: #4a4a4a;
    }
    .sentence {
      margin: 0.5rem 0 0;
      line-height: 1.45;
      font-weight: 600;
    }
    @media (prefers-reduced-motion: no-preference) {
      .dot {
        transition: fill-opacity 0.15s;
      }
    }
  `;

  /** Each area's value in year A (NaN = missing), in the level's feature order. */
  @property({ attribute: false }) levelA: Float64Array = new Float64Array();

  /** Each area's change A → B (NaN = missing), same order. */
  @property({ attribute: false }) delta: Float64Array = new Float64Array();

  /** 1 where the change is clear, same order. */
  @property({ attribute: false }) clear: Uint8Array = new Uint8Array();

  /** Area names, same order. */
  @property({ attribute: false }) names: string[] = [];

  /** Area codes, same order. */
  @property({ attribute: false }) codes: string[] = [];

  /** Code of the selected area, or null. */
  @property() selected: string | null = null;

  /** Code of the area highlighted (hovered here or on the map), or null. */
  @property() highlighted: string | null = null;

  /** The shown indicator, or null. */
  @property({ attribute: false }) indicator: IndicatorMeta | null = null;

  /** Start year A. */
  @property({ type: Number }) from = 0;

  /** End year B. */
  @property({ type: Number }) to = 0;

  /** Whether `delta` is relative to the reference's change. */
  @property({ type: Boolean }) relative = false;

  /** The fitted line and verdict (from convergence()), or null. */
  @property({ attribute: false }) convergence: ConvergenceResult | null = null;

  /** The verdict in words (from convergenceSentence()). */
  @property() sentence = '';

  /** UI language. */
  @property() override lang: Lang = 'sv';

  @state() private width = 0;

  private resizeObserver: ResizeObserver | null = null;
  private lastHighlight: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver = new ResizeObserver((entries) => {
      const w = Math.round(entries[0]?.contentRect.width ?? 0);
      if (w !== this.width) this.width = w;
    });
    this.resizeObserver.observe(this);
  }

  override disconnectedCallback(): void {
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    super.disconnectedCallback();
  }

  override render() {
    const t = strings(this.lang).scatter;
    const points = this.pointIndices();
    return html`
      ${points.length ? this.renderChart(points) : html`<p>${t.empty}</p>`}
      <p class="key">${t.notClear}${this.convergence && Number.isFinite(this.convergence.slope) ? html` · ${t.fitted}` : nothing}</p>
      ${this.sentence ? html`<p class="sentence">${this.sentence}</p>` : nothing}
    `;
  }

  private pointIndices(): number[] {
    const out: number[] = [];
    const n = Math.min(this.levelA.length, this.delta.length);
    for (let i = 0; i < n; i++) if (Number.isFinite(this.levelA[i]!) && Number.isFinite(this.delta[i]!)) out.push(i);
    return out;
  }

  private scales(points: number[], width: number, height: number) {
    let x0 = Infinity;
    let x1 = -Infinity;
    let y0 = 0;
    let y1 = 0;
    for (const i of points) {
      const x = this.levelA[i]!;
      const y = this.delta[i]!;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
    if (x0 === x1) [x0, x1] = [x0 - 1, x1 + 1];
    if (y0 === y1) [y0, y1] = [y0 - 1, y1 + 1];
    const x = scaleLinear()
      .domain([x0, x1])
      .nice(6)
      .range([MARGIN.left, width - MARGIN.right]);
    const y = scaleLinear()
      .domain([y0, y1])
      .nice(6)
      .range([height - MARGIN.bottom, MARGIN.top]);
    return { x, y };
  }

  private renderChart(points: number[]) {
    const t = strings(this.lang).scatter;
    const width = Math.max(this.width, 280);
    const height = Math.round(Math.min(Math.max(width * 0.7, 260), 460));
    const { x, y } = this.scales(points, width, height);
    const indicator = this.indicator?.short[this.lang] ?? '';
    const label = fill(t.label, { indicator, from: this.from, to: this.to, n: points.length, sentence: this.sentence });
    return html`
      <svg
        role="img"
        aria-label=${label}
        width=${width}
        height=${height}
        viewBox="0 0 ${width} ${height}"
        @pointerover=${this.handlePointerOver}
        @pointerout=${this.handlePointerOut}
        @click=${this.handleClick}
      >
        ${this.renderAxes(x, y, width, height)}
        ${guard([this.levelA, this.delta, this.clear, this.codes, width, height], () => this.renderDots(points, x, y))}
        ${this.renderFit(x, y)} ${this.renderEmphasis(x, y)}
      </svg>
    `;
  }

  private renderAxes(x: ScaleLinear<number, number>, y: ScaleLinear<number, number>, width: number, height: number) {
    const t = strings(this.lang).scatter;
    const unit = this.indicator ? unitLabel(this.indicator.unit, this.lang) : '';
    const changeUnit = this.indicator ? changeUnitLabel(this.indicator.unit, this.lang) : '';
    const period = { from: this.from, to: this.to };
    const xLabel = fill(t.xAxis, period) + (unit ? ` (${unit})` : '');
    const yLabel = fill(this.relative ? t.yAxisRelative : t.yAxis, period) + (changeUnit ? ` (${changeUnit})` : '');
    const xTicks = x.ticks(6);
    const yTicks = y.ticks(6);
    const decimals = (ticks: number[]) => (ticks.length > 1 ? stepDecimals(Math.abs(ticks[1]! - ticks[0]!), 0) : 0);
    const xd = decimals(xTicks);
    const yd = decimals(yTicks);
    const bottom = height - MARGIN.bottom;
    const [yMin, yMax] = y.domain() as [number, number];
    return svg`
      <g class="axis" aria-hidden="true">
        ${yTicks.map(
          (v) => svg`
            <line class="grid" x1=${MARGIN.left} x2=${width - MARGIN.right} y1=${y(v)} y2=${y(v)}></line>
            <text x=${MARGIN.left - 6} y=${y(v)} dy="0.32em" text-anchor="end">${formatNumber(v, this.lang, yd)}</text>
          `,
        )}
        ${xTicks.map(
          (v) => svg`
            <line x1=${x(v)} x2=${x(v)} y1=${bottom} y2=${bottom + 5}></line>
            <text x=${x(v)} y=${bottom + 18} text-anchor="middle">${formatNumber(v, this.lang, xd)}</text>
          `,
        )}
        <line x1=${MARGIN.left} x2=${width - MARGIN.right} y1=${bottom} y2=${bottom}></line>
        ${yMin <= 0 && yMax >= 0 ? svg`<line class="zero" x1=${MARGIN.left} x2=${width - MARGIN.right} y1=${y(0)} y2=${y(0)}></line>` : nothing}
        <text class="axis-label" x=${(MARGIN.left + width - MARGIN.right) / 2} y=${height - 8} text-anchor="middle">${xLabel}</text>
        <text class="axis-label" transform="translate(14 ${(MARGIN.top + bottom) / 2}) rotate(-90)" text-anchor="middle">${yLabel}</text>
      </g>
    `;
  }

  private renderDots(points: number[], x: ScaleLinear<number, number>, y: ScaleLinear<number, number>) {
    return svg`<g>${points.map(
      (i) =>
        svg`<circle class=${this.clear[i] ? 'dot' : 'dot hollow'} data-code=${this.codes[i] ?? ''} cx=${x(this.levelA[i]!).toFixed(1)} cy=${y(this.delta[i]!).toFixed(1)} r="4"></circle>`,
    )}</g>`;
  }

  private renderFit(x: ScaleLinear<number, number>, y: ScaleLinear<number, number>) {
    const fit = this.convergence;
    if (!fit || !Number.isFinite(fit.slope) || !Number.isFinite(fit.intercept)) return nothing;
    const [x0, x1] = x.domain() as [number, number];
    const [yMin, yMax] = y.domain() as [number, number];
    // Clip the line to the plot: cut it where it leaves the y domain.
    const at = (v: number) => fit.intercept + fit.slope * v;
    let a = x0;
    let b = x1;
    if (fit.slope !== 0) {
      const xs = [(yMin - fit.intercept) / fit.slope, (yMax - fit.intercept) / fit.slope].sort((p, q) => p - q);
      a = Math.max(a, xs[0]!);
      b = Math.min(b, xs[1]!);
    } else if (at(0) < yMin || at(0) > yMax) {
      return nothing;
    }
    if (a >= b) return nothing;
    return svg`<line class="fit" aria-hidden="true" x1=${x(a)} y1=${y(at(a))} x2=${x(b)} y2=${y(at(b))}></line>`;
  }

  private renderEmphasis(x: ScaleLinear<number, number>, y: ScaleLinear<number, number>) {
    const codes = [...new Set([this.highlighted, this.selected])].filter((c): c is string => c !== null);
    return codes.map((code) => {
      const i = this.codes.indexOf(code);
      if (i < 0 || !Number.isFinite(this.levelA[i]!) || !Number.isFinite(this.delta[i]!)) return nothing;
      const cx = x(this.levelA[i]!);
      const cy = y(this.delta[i]!);
      const [, right] = x.range() as [number, number];
      const anchor = cx > right - 120 ? 'end' : 'start';
      return svg`
        <g aria-hidden="true">
          <circle class=${this.clear[i] ? 'dot emphasis' : 'dot hollow emphasis'} cx=${cx} cy=${cy} r="7"></circle>
          <text class="name" x=${anchor === 'end' ? cx - 10 : cx + 10} y=${cy - 10} text-anchor=${anchor}>${this.names[i] ?? code}</text>
        </g>
      `;
    });
  }

  private codeAt(event: Event): string | null {
    const target = event.target as Element | null;
    const dot = target?.closest?.('circle[data-code]');
    return dot?.getAttribute('data-code') || null;
  }

  private emitHighlight(code: string | null): void {
    if (code === this.lastHighlight) return;
    this.lastHighlight = code;
    this.dispatchEvent(new CustomEvent('klyft-area-highlight', { detail: { code }, bubbles: true, composed: true }));
  }

  private handlePointerOver(event: PointerEvent): void {
    const code = this.codeAt(event);
    if (code) this.emitHighlight(code);
  }

  private handlePointerOut(event: PointerEvent): void {
    const related = event.relatedTarget as Element | null;
    if (this.codeAt(event) && !related?.closest?.('circle[data-code]')) this.emitHighlight(null);
  }

  private handleClick(event: MouseEvent): void {
    const code = this.codeAt(event);
    if (!code) return;
    const detail: Partial<ViewState> = { area: code };
    this.dispatchEvent(new CustomEvent('klyft-intent', { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'klyft-scatter': KlyftScatter;
  }
}
