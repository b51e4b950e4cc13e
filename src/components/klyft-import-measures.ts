import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Direction, UnitKind } from '../data/types';
import { formatNumber, formatValue, type Lang } from '../format/number';
import { fill, strings } from '../i18n';
import { times100 } from '../import/fractions';
import type { MeasureSummary } from '../import/import-protocol';
import { measureKey } from '../import/preview-choices';
import type { ImportChoices } from '../import/types';
import { importStyles } from './import-styles';

/** What `klyft-import-measures` carries: the chosen measures' keys. */
export interface ImportMeasuresDetail {
  selected: string[];
}

/** What `klyft-import-choice` carries: a change to one measure's choices. */
export interface ImportChoiceDetail {
  key: string;
  patch: Partial<ImportChoices>;
}

const UNITS: readonly UnitKind[] = ['percent', 'persons', 'sek', 'ksek', 'years', 'days'];
const DIRECTIONS: readonly Direction[] = ['neutral', 'higher-better', 'higher-worse'];

/** "2019–2022 (4)" or "2022". */
export function yearSpan(years: readonly number[]): string {
  if (years.length === 0) return '–';
  return years.length === 1 ? String(years[0]) : `${years[0]}–${years[years.length - 1]} (${years.length})`;
}

/**
 * The measures of a table: with several, a labelled checkbox per measure (each chosen one becomes a
 * dataset of its own); then, for each chosen measure, its name, unit, decimals and direction.
 * Fires `klyft-import-measures` and `klyft-import-choice` on the user's changes.
 */
@customElement('klyft-import-measures')
export class KlyftImportMeasures extends LitElement {
  static override styles = importStyles;

  /** UI language. */
  @property() override lang: Lang = 'sv';

  /** The table's measures. */
  @property({ attribute: false }) measures: MeasureSummary[] = [];

  /** Keys of the chosen measures. */
  @property({ attribute: false }) selected: string[] = [];

  /** The choices per measure key. */
  @property({ attribute: false }) choices: Partial<Record<string, ImportChoices>> = {};

  /** Whether the measure is given (matching a stored dataset again): no picking. */
  @property({ type: Boolean, attribute: false }) fixed = false;

  override render() {
    const chosen = this.measures.filter((m) => this.selected.includes(measureKey(m.id)));
    return html`${this.measures.length > 1 && !this.fixed ? this.renderPicker() : nothing}
    ${chosen.map((m, i) => this.renderSettings(m, i, chosen.length > 1))}`;
  }

  private renderPicker() {
    const t = strings(this.lang).import;
    return html`<fieldset>
      <legend>${t.measures}</legend>
      <p class="help">${t.measuresHelp}</p>
      ${this.selected.length === 0 ? html`<p class="warn" role="status">${t.chooseMeasure}</p>` : nothing}
      <div class="options">
        ${this.measures.map((m) => {
          const key = measureKey(m.id);
          const on = this.selected.includes(key);
          const unit = t.units[this.choices[key]?.unit ?? m.defaults.unit];
          const info = `${fill(t.measureInfo, { areas: formatNumber(m.areas, this.lang), years: yearSpan(m.years) })} · ${unit}`;
          return html`<label class="check option ${on ? 'on' : ''}">
            <input type="checkbox" .checked=${on} @change=${(e: Event) => this.toggle(key, (e.target as HTMLInputElement).checked)} />
            <span>${m.label}${m.unit ? ` (${m.unit})` : ''}<span class="sub">${info}</span></span>
          </label>`;
        })}
      </div>
    </fieldset>`;
  }

  private renderSettings(m: MeasureSummary, i: number, several: boolean) {
    const t = strings(this.lang);
    const key = measureKey(m.id);
    const c = this.choices[key];
    if (!c) return nothing;
    const set = (patch: Partial<ImportChoices>) =>
      this.dispatchEvent(new CustomEvent<ImportChoiceDetail>('klyft-import-choice', { detail: { key, patch }, bubbles: true, composed: true }));
    return html`<fieldset>
      <legend>${several ? fill(t.import.settingsFor, { measure: m.label }) : t.import.settings}</legend>
      <div class="fields">
        <div class="field wide">
          <label for="name-${i}">${t.import.name}</label>
          <input id="name-${i}" type="text" maxlength="120" .value=${c.name} @input=${(e: Event) => set({ name: (e.target as HTMLInputElement).value })} />
        </div>
        <div class="field">
          <label for="unit-${i}">${t.import.unit}</label>
          <select id="unit-${i}" @change=${(e: Event) => set({ unit: (e.target as HTMLSelectElement).value as UnitKind })}>
            ${UNITS.map((u) => html`<option value=${u} ?selected=${u === c.unit}>${t.import.units[u]}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="decimals-${i}">${t.import.decimals}</label>
          <input
            id="decimals-${i}"
            type="number"
            min="0"
            max="3"
            step="1"
            inputmode="numeric"
            .value=${String(c.decimals)}
            @input=${(e: Event) => {
              const value = Number((e.target as HTMLInputElement).value);
              if (Number.isInteger(value) && value >= 0 && value <= 3) set({ decimals: value });
            }}
          />
        </div>
        <div class="field">
          <label for="direction-${i}">${t.import.direction}</label>
          <select id="direction-${i}" @change=${(e: Event) => set({ direction: (e.target as HTMLSelectElement).value as Direction })}>
            ${DIRECTIONS.map((d) => html`<option value=${d} ?selected=${d === c.direction}>${t.units.direction[d]}</option>`)}
          </select>
        </div>
      </div>
      ${this.renderTimes100(m, i, c, set)}
    </fieldset>`;
  }

  /** The ×100 offer for shares written as fractions 0–1, with an example from the file's values. */
  private renderTimes100(m: MeasureSummary, i: number, c: ImportChoices, set: (patch: Partial<ImportChoices>) => void) {
    const offer = m.fractions;
    if (!offer) return nothing;
    const t = strings(this.lang).import;
    const { asWritten, times100: scaledDecimals } = offer.decimals;
    const example = {
      largest: formatNumber(offer.largest, this.lang, asWritten),
      asPercent: formatValue(offer.largest, 'percent', this.lang, asWritten),
      scaled: formatValue(times100(offer.largest), 'percent', this.lang, scaledDecimals),
    };
    return html`<label class="check"
        ><input
          type="checkbox"
          aria-describedby="times100-help-${i}"
          .checked=${c.times100 === true}
          @change=${(e: Event) => {
            const on = (e.target as HTMLInputElement).checked;
            set({ times100: on, decimals: on ? scaledDecimals : asWritten });
          }}
        />${t.times100}</label
      >
      <p id="times100-help-${i}" class="help">${fill(offer.likely ? t.times100Help : t.times100Unsure, example)}</p>`;
  }

  private toggle(key: string, on: boolean): void {
    const chosen = new Set(this.selected);
    if (on) chosen.add(key);
    else chosen.delete(key);
    const selected = this.measures.map((m) => measureKey(m.id)).filter((k) => chosen.has(k));
    this.dispatchEvent(new CustomEvent<ImportMeasuresDetail>('klyft-import-measures', { detail: { selected }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'klyft-import-measures': KlyftImportMeasures;
  }
}
