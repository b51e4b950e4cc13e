import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { IndicatorMeta } from '../data/types';
import type { Lang } from '../format/number';
import { fill, strings } from '../i18n';
import { formatSigned } from '../i18n/legend';
import type { GapReason } from '../stats/gap';
import type { ViewState } from '../state/view-state';

/** One row of the list, as the shell maps it from gapDrivers(). */
export interface DriverRow {
  code: string;
  name: string;
  /** Change of the area's Theil contribution A → B (positive = widens the gap). */
  change: number;
  contributionA: number;
  contributionB: number;
}

/** How many drivers the list shows. */
const TOP = 8;

/**
 * "Who drives the change?": the areas whose Theil contribution changed most between A
 * and B, as buttons. Hover/focus fires `klyft-area-highlight` {code} (null on leave/blur),
 * click fires `klyft-intent` {area}. Without drivers it shows the reason.
 */
@customElement('klyft-gap-drivers')
export class KlyftGapDrivers extends LitElement {
  static override styles = css`
    :host {
      display: block;
      color: #1a1a1a;
      font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
      font-size: 0.9375rem;
    }
    h2 {
      margin: 0 0 0.25rem;
      font-size: 1rem;
    }
    .help,
    .reason {
      margin: 0 0 0.5rem;
      color: #4a4a4a;
      font-size: 0.875rem;
      line-height: 1.45;
    }
    ol {
      margin: 0;
      padding: 0 0 0 1.75rem;
    }
    li {
      margin: 0.125rem 0;
    }
    button {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0 0.5rem;
      width: 100%;
      min-height: 2.75rem;
      padding: 0.375rem 0.5rem;
      border: 1px solid transparent;
      border-radius: 8px;
      background: none;
      color: inherit;
      font: inherit;
      text-align: start;
      cursor: pointer;
    }
    button:hover,
    button.highlighted {
      border-color: #005a9c;
      background: #eef4fa;
    }
    button:focus-visible {
      outline: 3px solid #005a9c;
      outline-offset: 2px;
    }
    .name {
      font-weight: 600;
    }
    .value {
      margin-inline-start: auto;
      font-variant-numeric: tabular-nums;
    }
    .effect {
      flex-basis: 100%;
      font-size: 0.8125rem;
      color: #4a4a4a;
    }
  `;

  /** The top drivers, largest |change| first. */
  @property({ attribute: false }) drivers: DriverRow[] = [];

  /** Why the list is empty (from gapDrivers), or null. */
  @property({ attribute: false }) reason: GapReason | null = null;

  /** The shown indicator, or null. */
  @property({ attribute: false }) indicator: IndicatorMeta | null = null;

  /** Start year A. */
  @property({ type: Number }) from = 0;

  /** End year B. */
  @property({ type: Number }) to = 0;

  /** Code of the area highlighted elsewhere (map hover), or null. */
  @property() highlighted: string | null = null;

  /** UI language. */
  @property() override lang: Lang = 'sv';

  override render() {
    const t = strings(this.lang).drivers;
    const period = { from: this.from, to: this.to };
    return html`
      <section aria-labelledby="title">
        <h2 id="title">${t.title}</h2>
        <p class="help">${fill(t.help, period)}</p>
        ${this.drivers.length ? this.renderList() : html`<p class="reason">${t[this.reason ?? 'no-data']}</p>`}
      </section>
    `;
  }

  private renderList() {
    const t = strings(this.lang).drivers;
    return html`
      <ol aria-label=${fill(t.listLabel, { from: this.from, to: this.to })}>
        ${this.drivers.slice(0, TOP).map((row) => {
          const effect = row.change > 0 ? t.widens : row.change < 0 ? t.narrows : '';
          const change = formatSigned(row.change, this.lang, 3);
          return html`
            <li>
              <button
                type="button"
                class=${row.code === this.highlighted ? 'highlighted' : ''}
                data-code=${row.code}
                aria-label=${fill(t.item, { name: row.name, change, effect })}
                @click=${() => this.handleSelect(row.code)}
                @pointerenter=${() => this.emitHighlight(row.code)}
                @pointerleave=${() => this.emitHighlight(null)}
                @focus=${() => this.emitHighlight(row.code)}
                @blur=${() => this.emitHighlight(null)}
              >
                <span class="name">${row.name}</span>
                <span class="value">${change}</span>
                ${effect ? html`<span class="effect">${effect}</span>` : nothing}
              </button>
            </li>
          `;
        })}
      </ol>
    `;
  }

  private emitHighlight(code: string | null): void {
    this.dispatchEvent(new CustomEvent('klyft-area-highlight', { detail: { code }, bubbles: true, composed: true }));
  }

  private handleSelect(code: string): void {
    const detail: Partial<ViewState> = { area: code };
    this.dispatchEvent(new CustomEvent('klyft-intent', { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'klyft-gap-drivers': KlyftGapDrivers;
  }
}
