import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatNumber, type Lang } from '../format/number';
import { fill, strings } from '../i18n';
import type { ColumnProfile, ColumnRoles } from '../import/csv-columns';
import type { CsvColumnsView } from '../import/import-protocol';
import { importStyles } from './import-styles';

/** What `klyft-import-columns` carries: the columns the user chose. */
export interface ImportColumnsDetail {
  roles: ColumnRoles;
}

type Role = keyof ColumnRoles;

/**
 * The column mapper of a CSV table: which column holds the area code, the area name and the year,
 * as found from the values, with what was found in each ("290 of 290 values are codes of Sverige ·
 * kommuner"). Fires `klyft-import-columns` when the user picks another column.
 */
@customElement('klyft-import-columns')
export class KlyftImportColumns extends LitElement {
  static override styles = importStyles;

  /** UI language. */
  @property() override lang: Lang = 'sv';

  /** The table's columns and the roles in use. */
  @property({ attribute: false }) columns: CsvColumnsView | null = null;

  /** Labels of divisions by id, for what a column holds. */
  @property({ attribute: false }) labels: Partial<Record<string, string>> = {};

  override render() {
    const c = this.columns;
    if (!c) return nothing;
    const t = strings(this.lang).import;
    const roles: [Role, string][] = [
      ['code', t.codeColumn],
      ['name', t.nameColumn],
      ['year', t.yearColumn],
    ];
    return html`<fieldset>
      <legend>${t.columns}</legend>
      <p class="help">${t.columnsHelp}</p>
      <div class="fields">
        ${roles.map(
          ([role, label]) => html`<div class="field">
            <label for="column-${role}">${label}</label>
            <select id="column-${role}" aria-describedby="found-${role}" @change=${(e: Event) => this.choose(role, Number((e.target as HTMLSelectElement).value))}>
              <option value="-1" ?selected=${c.roles[role] < 0}>${t.noColumn}</option>
              ${c.header.map((h, i) => html`<option value=${i} ?selected=${c.roles[role] === i}>${h || `#${i + 1}`}</option>`)}
            </select>
            <span id="found-${role}" class="help">${this.found(role, c.profiles[c.roles[role]])}</span>
          </div>`,
        )}
      </div>
    </fieldset>`;
  }

  /** What the values of the column in a role were found to be. */
  private found(role: Role, profile: ColumnProfile | undefined): string {
    const t = strings(this.lang).import;
    if (role === 'year') return this.columns && this.columns.roles.year < 0 && this.columns.yearsInHeaders ? t.yearsInHeaders : '';
    if (!profile) return '';
    const n = (v: number) => formatNumber(v, this.lang);
    const hit = role === 'code' ? profile.codes : profile.names;
    if (!hit) return '';
    const division = hit.division === 'shape' ? t.shapeCodes : (this.labels[hit.division] ?? hit.division);
    return fill(role === 'code' ? t.codesOf : t.namesOf, { matched: n(hit.matched), distinct: n(profile.distinct), division });
  }

  private choose(role: Role, index: number): void {
    const current = this.columns?.roles;
    if (!current) return;
    const roles = { ...current, [role]: index };
    // One column plays one role: the role it had before is left empty.
    for (const other of Object.keys(roles) as Role[]) if (other !== role && roles[other] === index && index >= 0) roles[other] = -1;
    this.dispatchEvent(new CustomEvent<ImportColumnsDetail>('klyft-import-columns', { detail: { roles }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'klyft-import-columns': KlyftImportColumns;
  }
}
