import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { legendListStyles } from './shared-styles';
import { live } from 'lit/directives/live.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { IndicatorLevel, IndicatorMeta } from '../data/types';
import { unitLabel, type Lang } from '../format/number';
import { strings } from '../i18n';
import { classCounts, classifications, type Classification } from '../scales/classify';
import type { ColorScale } from '../scales/color-scale';
import { legendEntries } from '../i18n/legend';
import { NO_DATA_CSS } from '../scales/palette';
import type { DomainMode, ViewState } from '../state/view-state';

/**
 * The colour legend: one row per class with its range, which end is worse (in words, not
 * colour alone), the no-data swatch, and a collapsible group of colour settings that fire
 * `klyft-intent` with `{classification}`, `{classes}` or `{domain}`.
 */
@customElement('klyft-legend')
export class KlyftLegend extends LitElement {
  static override styles = [
    legendListStyles,
    css`
    .direction,
    .note {
      margin: 0 0 0.5714em;
      color: #4a4a4a;
      font-size: 0.9333em;
    }
    .note {
      font-style: italic;
    }
    li.missing {
      margin-top: 0.2667em;
    }
    details {
      margin-top: 0.8em;
    }
    summary {
      display: flex;
      align-items: center;
      min-height: 2.9333em;
      cursor: pointer;
      color: var(--klyft-accent, #005a9c);
      font-weight: 600;
    }
    summary::before {
      content: '▸' / '';
      display: inline-block;
      width: 1.3333em;
    }
    details[open] summary::before {
      content: '▾' / '';
    }
    summary::-webkit-details-marker {
      display: none;
    }
    summary:focus-visible,
    select:focus-visible {
      outline: 3px solid var(--klyft-accent, #005a9c);
      outline-offset: 2px;
      border-radius: 4px;
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 0.2667em;
      margin-top: 0.5333em;
    }
    label {
      font-size: 0.9333em;
      font-weight: 600;
    }
    select {
      min-height: 2.9333em;
      max-width: 100%;
      padding: 0 0.5333em;
      border: 1px solid #6b6b6b;
      border-radius: 8px;
      background: #fff;
      color: #1a1a1a;
      font: inherit;
    }
  `,
  ];

  /** The colour scale of the shown indicator and year(s), or null while nothing is loaded. */
  @property({ attribute: false }) scale: ColorScale | null = null;

  /** The shown indicator, or null. */
  @property({ attribute: false }) indicator: IndicatorMeta | null = null;

  /** UI language. */
  @property() override lang: Lang = 'sv';

  /** Classification method selected in the settings. */
  @property() classification: Classification = 'quantile';

  /** Number of classes selected in the settings. */
  @property({ type: Number }) classes = 5;

  /** Domain of the colour scale: all years or the selected year. */
  @property() domain: DomainMode = 'all';

  /** How the values were estimated when they are not published for this level (from DeSO, or by an overlay of another division). */
  @property({ attribute: false }) derived: IndicatorLevel['derived'] = undefined;

  /** Whether some areas lack a value (the no-data row is shown regardless, so the map's grey is always explained). */
  @property({ type: Boolean, attribute: 'has-missing' }) hasMissing = false;

  /** Hides the colour settings (e.g. in a reduced embed). */
  @property({ type: Boolean, attribute: 'no-settings' }) noSettings = false;

  override render() {
    const t = strings(this.lang).legend;
    return html`
      <section aria-label=${t.title}>
        ${this.renderTitle()} ${this.renderClasses()} ${this.noSettings ? nothing : this.renderSettings()}
      </section>
    `;
  }

  private renderTitle() {
    const indicator = this.indicator;
    if (!indicator) return html`<p class="title">${strings(this.lang).legend.title}</p>`;
    const unit = unitLabel(indicator.unit, this.lang);
    const t = strings(this.lang).legend;
    const direction = { 'higher-worse': t.higherWorse, 'higher-better': t.higherBetter, neutral: t.neutral }[indicator.direction];
    return html`
      <p class="title">${indicator.short[this.lang]}${unit ? html`<span class="unit">, ${unit}</span>` : nothing}</p>
      <p class="direction">${direction}</p>
      ${this.derived ? html`<p class="note">${this.derived === 'estimated-from-deso' ? t.estimated : t.estimatedOverlay}</p>` : nothing}
    `;
  }

  private renderClasses() {
    const t = strings(this.lang).legend;
    const entries = this.scale && this.indicator ? legendEntries(this.scale, this.indicator.unit, this.indicator.decimals, this.lang) : [];
    return html`
      <ul>
        ${entries.map(
          (entry) => html`
            <li>
              <span class="swatch" style=${styleMap({ background: entry.color })}></span>
              <span class="range">${entry.label}</span>
              ${entry.end ? html`<span class="end">(${entry.end === 'worse' ? t.worse : t.better})</span>` : nothing}
            </li>
          `,
        )}
        <li class="missing">
          <span class="swatch" style=${styleMap({ background: NO_DATA_CSS })}></span>
          <span class="range">${t.noData}</span>
        </li>
      </ul>
    `;
  }

  private renderSettings() {
    const t = strings(this.lang).legend;
    const methodLabel: Record<Classification, string> = { quantile: t.quantile, equal: t.equal, jenks: t.jenks };
    return html`
      <details>
        <summary>${t.settings}</summary>
        <div class="field">
          <label for="classification">${t.classification}</label>
          <select id="classification" @change=${this.handleClassification}>
            ${classifications.map((m) => html`<option value=${m} .selected=${live(m === this.classification)}>${methodLabel[m]}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="classes">${t.classes}</label>
          <select id="classes" @change=${this.handleClasses}>
            ${classCounts.map((k) => html`<option value=${k} .selected=${live(k === this.classes)}>${k}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="domain">${t.domain}</label>
          <select id="domain" @change=${this.handleDomain}>
            <option value="all" .selected=${live(this.domain === 'all')}>${t.domainAll}</option>
            <option value="year" .selected=${live(this.domain === 'year')}>${t.domainYear}</option>
          </select>
        </div>
      </details>
    `;
  }

  private emit(detail: Partial<ViewState>): void {
    this.dispatchEvent(new CustomEvent('klyft-intent', { detail, bubbles: true, composed: true }));
  }

  private handleClassification(event: Event): void {
    this.emit({ classification: (event.target as HTMLSelectElement).value as Classification });
  }

  private handleClasses(event: Event): void {
    this.emit({ classes: Number((event.target as HTMLSelectElement).value) });
  }

  private handleDomain(event: Event): void {
    this.emit({ domain: (event.target as HTMLSelectElement).value as DomainMode });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'klyft-legend': KlyftLegend;
  }
}
