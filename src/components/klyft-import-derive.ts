import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatNumber, type Lang } from '../format/number';
import { fill, strings } from '../i18n';
import { importStyles } from './import-styles';

/** The user's choices for carrying the values further. */
export interface DeriveChoices {
  /** Also compute for the coarser levels the chosen level nests in. */
  aggregate: boolean;
  /** Estimate for the level shown from the chosen level by an overlay. */
  useOverlay: boolean;
  aggregation: 'rate' | 'count';
}

/** An estimate by overlay on offer: from which division, for which level, and how many rows it rests on. */
export interface OverlayOffer {
  source: string;
  level: string;
  matched: number;
  total: number;
  populationWeighted: boolean;
}

/**
 * "Also compute for larger areas" (when the chosen level nests in coarser ones) and "Estimate for
 * <level shown> from <chosen level>" (when it does not nest but can be overlaid), with the kind of
 * value. Fires `klyft-import-derive` with a partial {@link DeriveChoices} on the user's changes.
 */
@customElement('klyft-import-derive')
export class KlyftImportDerive extends LitElement {
  static override styles = importStyles;

  /** UI language. */
  @property() override lang: Lang = 'sv';

  /** Labels of the coarser levels the chosen level nests in (none: no aggregation offered). */
  @property({ attribute: false }) coarser: string[] = [];

  /** Whether the chosen level has a population to weight aggregated rates with. */
  @property({ type: Boolean, attribute: false }) populationWeighted = false;

  /** An estimate by overlay for the level shown, or null. */
  @property({ attribute: false }) overlay: OverlayOffer | null = null;

  /** The current choices. */
  @property({ attribute: false }) choices: DeriveChoices = { aggregate: false, useOverlay: false, aggregation: 'rate' };

  override render() {
    return html`${this.renderAggregate()} ${this.renderOverlay()}`;
  }

  private set(patch: Partial<DeriveChoices>): void {
    this.dispatchEvent(new CustomEvent<Partial<DeriveChoices>>('klyft-import-derive', { detail: patch, bubbles: true, composed: true }));
  }

  private renderAggregation() {
    const t = strings(this.lang).import;
    return html`<div class="field">
      <label for="aggregation">${t.aggregation}</label>
      <select id="aggregation" @change=${(e: Event) => this.set({ aggregation: (e.target as HTMLSelectElement).value as 'rate' | 'count' })}>
        ${(['rate', 'count'] as const).map((k) => html`<option value=${k} ?selected=${k === this.choices.aggregation}>${t.aggregationKinds[k]}</option>`)}
      </select>
    </div>`;
  }

  private renderAggregate() {
    if (this.coarser.length === 0 || (this.overlay && this.choices.useOverlay)) return nothing;
    const t = strings(this.lang).import;
    const c = this.choices;
    const help = c.aggregation === 'count' ? t.aggregateCount : this.populationWeighted ? t.aggregateRateWeighted : t.aggregateRateUnweighted;
    return html`<section>
      <label class="check"
        ><input type="checkbox" .checked=${c.aggregate} @change=${(e: Event) => this.set({ aggregate: (e.target as HTMLInputElement).checked })} />${fill(
          t.aggregate,
          {
            levels: this.coarser.join(', '),
          },
        )}</label
      >
      ${c.aggregate ? html`${this.renderAggregation()}<p>${help}</p>` : nothing}
    </section>`;
  }

  private renderOverlay() {
    const o = this.overlay;
    if (!o) return nothing;
    const t = strings(this.lang).import;
    const n = (v: number) => formatNumber(v, this.lang);
    const labels = { source: o.source, level: o.level, matched: n(o.matched), total: n(o.total) };
    return html`<section>
      <p>${fill(t.overlayFound, labels)}</p>
      <label class="check"
        ><input type="checkbox" .checked=${this.choices.useOverlay} @change=${(e: Event) => this.set({ useOverlay: (e.target as HTMLInputElement).checked })} />${fill(
          t.overlayUse,
          labels,
        )}</label
      >
      ${this.choices.useOverlay ? html`${this.renderAggregation()}<p>${fill(o.populationWeighted ? t.overlayWeightPopulation : t.overlayWeightArea, labels)}</p>` : nothing}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'klyft-import-derive': KlyftImportDerive;
  }
}
