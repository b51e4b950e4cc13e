import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { placeTooltip } from '../charts/tooltip-placement';
import type { Lang } from '../format/number';
import { fill, strings } from '../i18n';

/**
 * The hover tooltip over the map: name, value, rank and change of the area under the
 * pointer, and the caveats on its value (many students, a less certain estimate). Placed next to the pointer and flipped to stay inside the map; it never takes
 * pointer events, so it cannot steal the hover from the map. Hidden without a name.
 */
@customElement('klyft-tooltip')
export class KlyftTooltip extends LitElement {
  static override styles = css`
    /* Covers the map container, so the tip's coordinates are the pointer's. */
    :host {
      position: absolute;
      inset: 0;
      overflow: hidden;
      pointer-events: none;
      z-index: 5;
    }
    /* Sizes in em of the tip's 15/16 text (not rem: a host page's root font-size must not reach in). */
    .tip {
      position: absolute;
      box-sizing: border-box;
      width: max-content;
      max-width: min(19.2em, 80vw);
      padding: 0.5333em 0.8em;
      border-radius: 8px;
      border: 1px solid #8c8c8c;
      background: #fff;
      color: #1a1a1a;
      box-shadow: 0 2px 8px rgb(0 0 0 / 0.18);
      font-size: 0.9375em;
      line-height: 1.35;
      pointer-events: none;
      white-space: normal;
    }
    .tip[hidden] {
      display: none;
    }
    .name {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .value {
      font-size: 1.1333em;
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
    .meta {
      font-size: 0.9333em;
      color: #4a4a4a;
      font-variant-numeric: tabular-nums;
    }
    .note {
      margin-top: 0.2667em;
      padding-inline-start: 0.4em;
      border-inline-start: 3px solid #8c5a00;
      font-size: 0.9333em;
    }
  `;

  /** Pointer x in px within the map container. */
  @property({ type: Number }) x = 0;

  /** Pointer y in px within the map container. */
  @property({ type: Number }) y = 0;

  /** Width of the map container in px (the tooltip stays inside it). */
  @property({ type: Number, attribute: 'container-width' }) containerWidth = 0;

  /** Height of the map container in px. */
  @property({ type: Number, attribute: 'container-height' }) containerHeight = 0;

  /** Area name; the tooltip is hidden when empty. */
  @property() name = '';

  /** Formatted value with unit (or the no-data text). */
  @property() value = '';

  /** Rank in the shown year (0 = none). */
  @property({ type: Number }) rank = 0;

  /** Number of ranked areas. */
  @property({ type: Number }) count = 0;

  /** Formatted change since the first year, or ''. */
  @property() change = '';

  /** First year of the change, for its label; 0 shows the change without a label. */
  @property({ type: Number, attribute: 'first-year' }) firstYear = 0;

  /** Why the value is missing (already translated), or ''. */
  @property() reason = '';

  /** Caveats on the value, one line each (already worded), e.g. "Läs med försiktighet: …". */
  @property({ attribute: false }) notes: readonly string[] = [];

  /** UI language. */
  @property() override lang: Lang = 'sv';

  @query('.tip') private readonly tip!: HTMLDivElement | null;

  /** Last measured size of the tooltip box, for flipping. */
  @state() private size = { width: 0, height: 0 };

  private resizeObserver: ResizeObserver | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    // Measure the box when its content changes size (new name or language), not on every move.
    this.resizeObserver = new ResizeObserver(() => this.measure());
    if (this.tip) this.resizeObserver.observe(this.tip);
  }

  override disconnectedCallback(): void {
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    super.disconnectedCallback();
  }

  protected override firstUpdated(): void {
    if (this.tip) this.resizeObserver?.observe(this.tip);
  }

  protected override render() {
    const { left, top } = placeTooltip({
      x: this.x,
      y: this.y,
      width: this.size.width,
      height: this.size.height,
      containerWidth: this.containerWidth || Number.POSITIVE_INFINITY,
      containerHeight: this.containerHeight || Number.POSITIVE_INFINITY,
    });
    // Hidden until measured once, so the first frame never shows it on the wrong side.
    const visibility = this.size.width > 0 ? 'visible' : 'hidden';
    // The box stays in the DOM (hidden without a name) so one observer can keep measuring it.
    return html`
      <div class="tip" role="tooltip" ?hidden=${!this.name} style="left:${left}px;top:${top}px;visibility:${visibility}">
        <div class="name">${this.name}</div>
        <div class="value">${this.value}</div>
        ${this.reason ? html`<div class="meta">${this.reason}</div>` : nothing} ${this.renderRank()}
        ${this.renderChange()} ${this.notes.map((note) => html`<div class="note">${note}</div>`)}
      </div>
    `;
  }

  private renderRank() {
    if (this.rank <= 0 || this.count <= 0) return nothing;
    return html`<div class="meta">${fill(strings(this.lang).detail.rank, { rank: this.rank, count: this.count })}</div>`;
  }

  private renderChange() {
    if (!this.change) return nothing;
    const label = this.firstYear > 0 ? `${fill(strings(this.lang).detail.change, { year: this.firstYear })}: ` : '';
    return html`<div class="meta">${label}${this.change}</div>`;
  }

  private measure(): void {
    const tip = this.tip;
    if (!tip || tip.hidden) return;
    const width = tip.offsetWidth;
    const height = tip.offsetHeight;
    if (width !== this.size.width || height !== this.size.height) this.size = { width, height };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'klyft-tooltip': KlyftTooltip;
  }
}
