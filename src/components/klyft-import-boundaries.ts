import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatNumber, type Lang } from '../format/number';
import { fill, strings } from '../i18n';
import type { ImportedBoundaries } from '../import/types';
import { codePropertyProblems, type UserLevelChoices } from '../import/user-level-build';
import { importStyles } from './import-styles';

/**
 * A boundary file in the import dialog: what it is, and the division's name and the properties
 * holding each area's code and name. Fires `klyft-import-boundaries` with a partial
 * {@link UserLevelChoices} on the user's changes.
 */
@customElement('klyft-import-boundaries')
export class KlyftImportBoundaries extends LitElement {
  static override styles = importStyles;

  /** UI language. */
  @property() override lang: Lang = 'sv';

  /** The parsed boundary file. */
  @property({ attribute: false }) result: ImportedBoundaries | null = null;

  /** The choices so far. */
  @property({ attribute: false }) choices: UserLevelChoices | null = null;

  override render() {
    const result = this.result;
    const c = this.choices;
    if (!result || !c) return nothing;
    const t = strings(this.lang).import;
    const n = (v: number) => formatNumber(v, this.lang);
    const problems = codePropertyProblems(result, c.codeProperty);
    const set = (patch: Partial<UserLevelChoices>) =>
      this.dispatchEvent(new CustomEvent<Partial<UserLevelChoices>>('klyft-import-boundaries', { detail: patch, bubbles: true, composed: true }));
    return html`<section aria-labelledby="understood">
        <h3 id="understood">${t.boundariesTitle}</h3>
        <p>${fill(t.boundaries, { count: n(result.features.features.length) })}</p>
        <dl>
          <dt>${t.file}</dt>
          <dd>${result.fileName}</dd>
          <dt>${t.format}</dt>
          <dd>${t.formats[result.format]}</dd>
          <dt>${t.crs}</dt>
          <dd>EPSG:${result.crs.epsg}</dd>
        </dl>
      </section>
      <section aria-labelledby="settings">
        <h3 id="settings">${t.settings}</h3>
        <div class="fields">
          <div class="field wide">
            <label for="division-name">${t.divisionName}</label>
            <input id="division-name" type="text" maxlength="120" .value=${c.name} @input=${(e: Event) => set({ name: (e.target as HTMLInputElement).value })} />
          </div>
          <div class="field">
            <label for="code-property">${t.codeProperty}</label>
            <select id="code-property" @change=${(e: Event) => set({ codeProperty: (e.target as HTMLSelectElement).value })}>
              ${result.properties.map((p) => html`<option value=${p} ?selected=${p === c.codeProperty}>${p}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="name-property">${t.nameProperty}</label>
            <select id="name-property" @change=${(e: Event) => set({ nameProperty: (e.target as HTMLSelectElement).value || null })}>
              <option value="" ?selected=${c.nameProperty === null}>${t.noNameProperty}</option>
              ${result.properties.map((p) => html`<option value=${p} ?selected=${p === c.nameProperty}>${p}</option>`)}
            </select>
          </div>
        </div>
        ${problems.empty > 0 ? html`<p class="warn">${fill(t.emptyCodes, { count: n(problems.empty) })}</p>` : nothing}
        ${
          problems.duplicates.length > 0
            ? html`<p class="warn" role="alert">${fill(t.duplicateCodes, { count: n(problems.duplicates.length), codes: problems.duplicates.slice(0, 3).join(', ') })}</p>`
            : nothing
        }
      </section>
      ${
        result.warnings.length > 0
          ? html`<section aria-labelledby="warnings"><h3 id="warnings">${t.warnings}</h3><ul>${result.warnings.map((w) => html`<li>${w[this.lang]}</li>`)}</ul></section>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'klyft-import-boundaries': KlyftImportBoundaries;
  }
}
