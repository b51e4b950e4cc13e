import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { legendListStyles } from './shared-styles';
import { live } from 'lit/directives/live.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { IndicatorMeta } from '../data/types';
import type { Lang } from '../format/number';
import { fill, strings } from '../i18n';
import { changeLegendEntries, changeUnitLabel } from '../i18n/legend';
import { NOT_CLEAR_CSS, type ChangeScale } from '../scales/diverging';
import { NO_DATA_CSS } from '../scales/palette';
import { CHANGE_RULE } from '../i18n/trend-sentences';
import type { ViewState } from '../state/view-state';

/**
 * Legend of the change map: the period, the diverging classes with signed ranges, which
 * end is better in words, the "no clear change" and "no data" swatches, the noise rule,
 * and a checkbox that fires `klyft-intent` with `{relative}`.
 */
@customElement('klyft-change-legend')
export class KlyftChangeLegend extends LitElement {
  static override styles = [
    legendListStyles,
    css`
    .help {
      margin: 0 0 0.5714em;
      color: #4a4a4a;
      font-size: 0.9333em;
    }
    li.gap {
      margin-top: 0.2667em;
    }
    label.toggle {
      display: flex;
      align-items: center;
      gap: 0.5333em;
      min-height: 2.9333em;
      margin-top: 0.5333em;
      cursor: pointer;
      font-weight: 600;
    }
    input[type='checkbox'] {
      width: 1.3333em;
      height: 1.3333em;
      margin: 0;
      font-size: inherit;
      accent-color: var(--klyft-accent, #005a9c);
    }
    details {
      margin-top: 0.5333em;
    }
    summary {
      display: flex;
      align-items: center;
      min-height: 2.9333em;
      cursor: pointer;
      color: var(--klyft-accent, #005a9c);
      font-weight: 600;
    }
    summary::-webkit-details-marker {
      display: none;
    }
    summary::before {
      content: '▸' / '';
      display: inline-block;
      width: 1.3333em;
    }
    details[open] summary::before {
      content: '▾' / '';
    }
    details p {
      margin: 0.2857em 0 0;
      font-size: 0.9333em;
      line-height: 1.45;
    }
    summary:focus-visible,
    input:focus-visible {
      outline: 3px solid var(--klyft-accent, #005a9c);
      outline-offset: 2px;
      border-radius: 4px;
    }
  `,
  ];

  /** The diverging scale of the change map, or null while nothing is computed. */
  @property({ attribute: false }) scale: ChangeScale | null = null;

  /** The shown indicator, or null. */
  @property({ attribute: false }) indicator: IndicatorMeta | null = null;

  /** Start year A of the period. */
  @property({ type: Number }) from = 0;

  /** End year B of the period. */
  @property({ type: Number }) to = 0;

  /** Whether the changes are shown relative to the reference's change. */
  @property({ type: Boolean }) relative = false;

  /** What the reference is, as it reads in a sentence: "riket"/"Sweden", "Göteborg". */
  @property({ attribute: 'reference-label' }) referenceLabel = '';

  /** UI language. */
  @property() override lang: Lang = 'sv';

  override render() {
    const t = strings(this.lang).change;
    return html`
      <section aria-label=${this.titleText()}>
        ${this.renderTitle()} ${this.renderClasses()} ${this.renderToggle()}
        <details>
          <summary>${t.rule}</summary>
          <p>${CHANGE_RULE[this.lang]}</p>
        </details>
      </section>
    `;
  }

  private titleText(): string {
    const t = strings(this.lang).change;
    const values = { from: this.from, to: this.to, reference: this.referenceLabel };
    return fill(this.relative ? t.titleRelative : t.title, values);
  }

  private renderTitle() {
    const t = strings(this.lang).change;
    const unit = this.indicator ? changeUnitLabel(this.indicator.unit, this.lang) : '';
    const direction = this.indicator?.direction ?? 'neutral';
    const help = direction === 'neutral' ? t.neutralHelp : t.betterHigh;
    return html`
      <p class="title">${this.titleText()}${unit ? html`<span class="unit">, ${unit}</span>` : nothing}</p>
      ${this.indicator ? html`<p class="help">${this.indicator.short[this.lang]}. ${help}.</p>` : nothing}
      ${this.relative ? html`<p class="help">${fill(t.relativeHelp, { reference: this.referenceLabel })}</p>` : nothing}
    `;
  }

  private renderClasses() {
    const t = strings(this.lang).change;
    const entries = this.scale && this.indicator ? changeLegendEntries(this.scale, this.indicator.decimals, this.lang) : [];
    const endText = { better: t.better, worse: t.worse, increase: t.increase, decrease: t.decrease };
    // Largest change first, so the list reads top-down like the colour ramp.
    return html`
      <ul>
        ${[...entries].reverse().map(
          (entry) => html`
            <li>
              <span class="swatch" style=${styleMap({ background: entry.color })}></span>
              <span class="range">${entry.label}</span>
              ${entry.end ? html`<span class="end">(${endText[entry.end]})</span>` : nothing}
            </li>
          `,
        )}
        <li class="gap">
          <span class="swatch" style=${styleMap({ background: NOT_CLEAR_CSS })}></span>
          <span class="range">${t.notClear}</span>
        </li>
        <li>
          <span class="swatch" style=${styleMap({ background: NO_DATA_CSS })}></span>
          <span class="range">${t.noData}</span>
        </li>
      </ul>
    `;
  }

  private renderToggle() {
    const t = strings(this.lang).change;
    return html`
      <label class="toggle">
        <input type="checkbox" .checked=${live(this.relative)} @change=${this.handleRelative} />
        ${fill(t.relativeToggle, { reference: this.referenceLabel })}
      </label>
    `;
  }

  private handleRelative(event: Event): void {
    const detail: Partial<ViewState> = { relative: (event.target as HTMLInputElement).checked };
    this.dispatchEvent(new CustomEvent('klyft-intent', { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'klyft-change-legend': KlyftChangeLegend;
  }
}
