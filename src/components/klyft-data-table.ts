import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { sortRows, type SortDirection, type TableColumn, type TableRow } from '../data/table-sort';
import type { IndicatorMeta } from '../data/types';
import { formatChange, formatValue, unitLabel, type Lang } from '../format/number';
import { fill, strings } from '../i18n';

export type { TableRow } from '../data/table-sort';

const COLUMNS: readonly TableColumn[] = ['code', 'name', 'value', 'rank', 'change'];

/**
 * The accessible alternative to the map: every area of the level in a sortable table.
 * Sorting is internal (rank ascending by default, missing values last); clicking an area
 * name fires `klyft-intent` {area: code}. The host scrolls (the shell sets its max-height)
 * under a sticky header.
 */
@customElement('klyft-data-table')
export class KlyftDataTable extends LitElement {
  static override styles = css`
    :host {
      display: block;
      overflow: auto;
      color: #1a1a1a;
      background: #fff;
      border-radius: 8px;
      font: inherit;
      font-size: 0.9375rem;
      line-height: 1.35;
    }
    table {
      width: 100%;
      border-collapse: separate;
      border-spacing: 0;
    }
    caption {
      text-align: start;
      font-weight: 600;
      font-size: 1rem;
      padding: 0.75rem 0.75rem 0.5rem;
    }
    thead th {
      position: sticky;
      top: 0;
      z-index: 1;
      background: #f6f6f4;
      border-bottom: 2px solid #8c8c8c;
      padding: 0;
      text-align: start;
      vertical-align: bottom;
      white-space: nowrap;
    }
    thead th.num {
      text-align: end;
    }
    th button {
      display: inline-flex;
      align-items: center;
      gap: 0.25rem;
      width: 100%;
      min-height: 2.75rem;
      padding: 0.5rem 0.75rem;
      border: 0;
      background: transparent;
      color: inherit;
      font: inherit;
      font-weight: 600;
      text-align: inherit;
      cursor: pointer;
    }
    th.num button {
      justify-content: flex-end;
    }
    th button:hover {
      background: #e6e6e2;
    }
    .sort-icon {
      display: inline-block;
      width: 1em;
      text-align: center;
      color: #4a4a4a;
    }
    td,
    tbody th {
      padding: 0.25rem 0.75rem;
      border-bottom: 1px solid #e0e0dc;
      vertical-align: top;
      text-align: start;
      font-weight: normal;
    }
    td.num {
      text-align: end;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    td.code {
      font-variant-numeric: tabular-nums;
      color: #4a4a4a;
    }
    tbody th button {
      padding: 0.125rem 0;
      min-height: 1.5rem;
      border: 0;
      background: none;
      color: #005a9c;
      font: inherit;
      text-align: start;
      text-decoration: underline;
      text-underline-offset: 0.15em;
      cursor: pointer;
      overflow-wrap: anywhere;
    }
    tbody th button:hover {
      color: #003e6b;
      text-decoration-thickness: 2px;
    }
    tr[aria-current='true'] > * {
      background: #e3eef8;
    }
    tr[aria-current='true'] > th {
      box-shadow: inset 4px 0 0 #005a9c;
    }
    tr[aria-current='true'] button {
      font-weight: 600;
    }
    button:focus-visible {
      outline: 3px solid #005a9c;
      outline-offset: -3px;
      border-radius: 4px;
    }
    .missing {
      white-space: normal;
      color: #4a4a4a;
    }
    .reason {
      display: block;
      font-size: 0.8125rem;
    }
    .empty {
      padding: 1rem 0.75rem;
    }
    @media (pointer: coarse) {
      tbody th button {
        min-height: 2.75rem;
      }
    }
  `;

  /** One row per area of the level. */
  @property({ attribute: false }) rows: TableRow[] = [];

  /** The shown indicator (unit, decimals, name for the caption). */
  @property({ attribute: false }) indicator: IndicatorMeta | null = null;

  /** The shown year. */
  @property({ type: Number }) year = 0;

  /** First year of the indicator, for the change column header. */
  @property({ type: Number, attribute: 'first-year' }) firstYear = 0;

  /** Name of the level, e.g. "kommuner", for the caption. */
  @property({ attribute: 'level-name' }) levelName = '';

  /** Code of the selected area, or null. */
  @property() selected: string | null = null;

  /** UI language. */
  @property() override lang: Lang = 'sv';

  @state() private sortColumn: TableColumn = 'rank';
  @state() private sortDirection: SortDirection = 'ascending';

  private sorted: TableRow[] = [];

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('rows') || changed.has('sortColumn') || changed.has('sortDirection') || changed.has('lang')) {
      this.sorted = sortRows(this.rows, this.sortColumn, this.sortDirection, this.lang);
    }
  }

  protected override updated(changed: PropertyValues): void {
    // Bring an area selected elsewhere (on the map) into view, without jumping when it is visible.
    if (changed.has('selected') && this.selected !== null) {
      const row = this.renderRoot.querySelector('tr[aria-current="true"]');
      row?.scrollIntoView({ block: 'nearest' });
    }
  }

  protected override render() {
    const t = strings(this.lang).table;
    const caption = this.indicator
      ? fill(t.caption, { indicator: this.indicator.name[this.lang], year: this.year, level: this.levelName })
      : '';
    return html`
      <table>
        <caption>${caption}</caption>
        <thead>
          <tr>${this.columns().map((column) => this.renderHeader(column))}</tr>
        </thead>
        <tbody>
          ${repeat(
            this.sorted,
            (row) => row.code,
            (row) => this.renderRow(row),
          )}
        </tbody>
      </table>
      ${this.rows.length === 0 ? html`<p class="empty">${t.empty}</p>` : nothing}
    `;
  }

  /** A change column only makes sense when the shown year comes after the first year. */
  private showChange(): boolean {
    return this.firstYear > 0 && this.year > this.firstYear;
  }

  private columns(): readonly TableColumn[] {
    return this.showChange() ? COLUMNS : COLUMNS.filter((c) => c !== 'change');
  }

  private renderHeader(column: TableColumn) {
    const active = column === this.sortColumn;
    const ariaSort = active ? this.sortDirection : 'none';
    const icon = active ? (this.sortDirection === 'ascending' ? '▲' : '▼') : '↕';
    const numeric = column === 'value' || column === 'rank' || column === 'change';
    return html`
      <th scope="col" class=${numeric ? 'num' : ''} aria-sort=${ariaSort}>
        <button type="button" @click=${() => this.handleSort(column)}>
          ${this.columnLabel(column)}<span class="sort-icon" aria-hidden="true">${icon}</span>
        </button>
      </th>
    `;
  }

  private renderRow(row: TableRow) {
    const current = row.code === this.selected;
    return html`
      <tr aria-current=${current ? 'true' : nothing}>
        <td class="code">${row.code}</td>
        <th scope="row">
          <button type="button" @click=${() => this.handleSelect(row.code)}>${row.name}</button>
        </th>
        <td class="num">${this.renderValue(row)}</td>
        <td class="num">${row.rank > 0 ? row.rank : '–'}</td>
        ${this.showChange() ? html`<td class="num">${this.renderChange(row)}</td>` : nothing}
      </tr>
    `;
  }

  private renderValue(row: TableRow) {
    const indicator = this.indicator;
    if (Number.isFinite(row.value) && indicator) {
      return formatValue(row.value, indicator.unit, this.lang, indicator.decimals);
    }
    const t = strings(this.lang);
    return html`<span class="missing"
      >${t.table.missing}${row.reason ? html`<span class="reason">${t.detail.reason[row.reason]}</span>` : nothing}</span
    >`;
  }

  private renderChange(row: TableRow): string {
    const indicator = this.indicator;
    if (!indicator || !Number.isFinite(row.change)) return '–';
    // Round first so a change that rounds to zero reads "0,0", not "+0,0".
    const factor = 10 ** indicator.decimals;
    return formatChange(Math.round(row.change * factor) / factor + 0, indicator.unit, this.lang, indicator.decimals);
  }

  private columnLabel(column: TableColumn): string {
    const t = strings(this.lang).table;
    switch (column) {
      case 'code':
        return t.code;
      case 'name':
        return t.name;
      case 'value': {
        const unit = this.indicator ? unitLabel(this.indicator.unit, this.lang) : '';
        return unit ? fill(t.valueWithUnit, { unit }) : t.value;
      }
      case 'rank':
        return t.rank;
      case 'change':
        return fill(t.change, { year: this.firstYear > 0 ? this.firstYear : '–' });
    }
  }

  private handleSort(column: TableColumn): void {
    if (column === this.sortColumn) {
      this.sortDirection = this.sortDirection === 'ascending' ? 'descending' : 'ascending';
    } else {
      this.sortColumn = column;
      this.sortDirection = 'ascending';
    }
  }

  private handleSelect(code: string): void {
    this.dispatchEvent(new CustomEvent('klyft-intent', { detail: { area: code }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'klyft-data-table': KlyftDataTable;
  }
}
