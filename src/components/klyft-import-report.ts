import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatNumber, type Lang } from '../format/number';
import { fill, strings } from '../i18n';
import type { JoinReportView } from '../import/join-report';
import { importStyles } from './import-styles';

/** One division tried, for the table of all of them. */
export interface TriedDivision {
  label: string;
  rows: number;
  areas: number;
  total: number;
}

const LIST_LIMIT = 20;

/**
 * The join report against one division: rows and areas matched and how, rows outside the map or
 * with earlier codes, duplicates, empty and suppressed cells, the codes on either side without a
 * partner, and (when given) a table of every division tried. Fires `klyft-import-match-by-name`
 * with `{checked}` when the user turns matching by name on or off.
 */
@customElement('klyft-import-report')
export class KlyftImportReport extends LitElement {
  static override styles = importStyles;

  /** UI language. */
  @property() override lang: Lang = 'sv';

  /** The report. */
  @property({ attribute: false }) report: JoinReportView | null = null;

  /** The division's label ("Göteborg · DeSO"). */
  @property({ attribute: false }) label = '';

  /** Whether rows are matched by name too. */
  @property({ type: Boolean, attribute: false }) matchByName = false;

  /** Whether the user may turn matching by name on or off here. */
  @property({ type: Boolean, attribute: false }) nameToggle = true;

  /** Every division tried, to list with its counts (empty: no table). */
  @property({ attribute: false }) tried: TriedDivision[] = [];

  override render() {
    const r = this.report;
    if (!r) return nothing;
    const t = strings(this.lang).import;
    const n = (v: number) => formatNumber(v, this.lang);
    const showToggle = this.nameToggle && (r.nameMatchable > 0 || r.methods.name > 0 || this.matchByName);
    return html`<section aria-labelledby="title">
      <h3 id="title">${fill(t.report, { level: this.label })}</h3>
      <p class=${r.matchedRows > 0 ? 'ok' : ''} data-testid="matched-rows">${fill(t.matchedRows, { matched: n(r.matchedRows), total: n(r.totalRows) })}</p>
      <p data-testid="matched-areas">${fill(t.matchedAreas, { matched: n(r.matchedAreas), areas: n(r.mapAreas) })}</p>
      ${r.matchedRows === 0 ? html`<p class="warn">${t.nothingMatched}</p>` : nothing}
      ${r.matchedRows > 0 ? html`<p>${fill(t.methods, { code: n(r.methods.code), normalised: n(r.methods['normalised-code']), name: n(r.methods.name) })}</p>` : nothing}
      ${
        showToggle
          ? html`<label class="check"
              ><input type="checkbox" .checked=${this.matchByName} @change=${(e: Event) => this.emitMatchByName((e.target as HTMLInputElement).checked)} />${t.matchByName}</label
            >
            ${r.nameMatchable > 0 ? html`<p>${fill(t.matchByNameHelp, { count: n(r.nameMatchable) })}</p>` : nothing}`
          : nothing
      }
      ${r.changedCodes.count > 0 ? html`<p>${fill(t.changedCodes, { count: n(r.changedCodes.count), rows: n(r.changedCodes.rows) })}</p>` : nothing}
      ${r.outsideMap.count > 0 ? html`<p>${fill(t.outsideMap, { count: n(r.outsideMap.count), rows: n(r.outsideMap.rows) })}</p>` : nothing}
      ${r.duplicates.length > 0 ? html`<p class="warn">${fill(t.duplicates, { count: n(r.duplicates.length) })}</p>` : nothing}
      ${r.suppressed > 0 ? html`<p>${fill(t.suppressed, { count: n(r.suppressed) })}</p>` : nothing}
      ${r.missing > 0 ? html`<p>${fill(t.missing, { count: n(r.missing) })}</p>` : nothing}
      ${this.renderCodes(
        t.unmatchedSource,
        r.unmatchedSource.map((u) => u.code || u.name || '–'),
      )}
      ${this.renderCodes(t.unmatchedGeometry, r.unmatchedGeometry)} ${this.renderTried()}
    </section>`;
  }

  private renderCodes(title: string, codes: readonly string[]) {
    if (codes.length === 0) return nothing;
    const t = strings(this.lang).import;
    const rest = codes.length - LIST_LIMIT;
    return html`<details>
      <summary>${fill(title, { count: formatNumber(codes.length, this.lang) })}</summary>
      <ul class="codes">
        ${codes.slice(0, LIST_LIMIT).map((c) => html`<li>${c}</li>`)}
        ${rest > 0 ? html`<li>${fill(t.more, { count: formatNumber(rest, this.lang) })}</li>` : nothing}
      </ul>
    </details>`;
  }

  /** Every division tried with the rows and areas that match it. */
  private renderTried() {
    if (this.tried.length === 0) return nothing;
    const t = strings(this.lang).import;
    const n = (v: number) => formatNumber(v, this.lang);
    return html`<details>
      <summary>${t.tried}</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">${t.triedDivision}</th>
            <th scope="col" class="num">${t.triedRows}</th>
            <th scope="col" class="num">${t.triedAreas}</th>
          </tr>
        </thead>
        <tbody>
          ${this.tried.map(
            (d) => html`<tr>
              <th scope="row">${d.label}</th>
              <td class="num">${n(d.rows)}</td>
              <td class="num">${n(d.areas)} / ${n(d.total)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </details>`;
  }

  private emitMatchByName(checked: boolean): void {
    this.dispatchEvent(new CustomEvent<{ checked: boolean }>('klyft-import-match-by-name', { detail: { checked }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'klyft-import-report': KlyftImportReport;
  }
}
