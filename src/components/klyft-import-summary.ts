import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatNumber, type Lang } from '../format/number';
import { strings } from '../i18n';
import type { MeasureSummary, TableView } from '../import/import-protocol';
import { importStyles } from './import-styles';
import { yearSpan } from './klyft-import-measures';

/** "What the file contains": file, format, title, and the areas, years and rows of the first chosen measure. */
@customElement('klyft-import-summary')
export class KlyftImportSummary extends LitElement {
  static override styles = importStyles;

  /** UI language. */
  @property() override lang: Lang = 'sv';

  /** The table. */
  @property({ attribute: false }) view: TableView | null = null;

  /** The measure described. */
  @property({ attribute: false }) measure: MeasureSummary | null = null;

  override render() {
    const view = this.view;
    if (!view) return nothing;
    const t = strings(this.lang).import;
    const m = this.measure;
    const n = (v: number) => formatNumber(v, this.lang);
    return html`<section aria-labelledby="understood">
      <h3 id="understood">${t.understood}</h3>
      <dl>
        <dt>${t.file}</dt>
        <dd>${view.fileName}</dd>
        <dt>${t.format}</dt>
        <dd>${t.formats[view.format]}</dd>
        ${view.title ? html`<dt>${t.name}</dt><dd>${view.title}</dd>` : nothing}
        <dt>${t.areas}</dt>
        <dd>${n(m?.areas ?? 0)}</dd>
        <dt>${t.years}</dt>
        <dd>${yearSpan(m?.years ?? [])}</dd>
        <dt>${t.rows}</dt>
        <dd>${n(m?.rows ?? 0)}</dd>
        ${m?.unit ? html`<dt>${t.unitRead}</dt><dd>${m.unit}</dd>` : nothing}
      </dl>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'klyft-import-summary': KlyftImportSummary;
  }
}
