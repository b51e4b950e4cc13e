import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { sortRows, type SortDirection, type TableColumn, type TableRow } from '../data/table-sort';
import type { IndicatorMeta } from '../data/types';
import { nameWithoutCode } from '../format/area-name';
import { formatChange, formatValue, unitLabel, type Lang } from '../format/number';
import { fill, strings } from '../i18n';
import { STUDENT_SHARE_THRESHOLD, SWEDEN_SHARE_20_24 } from '../stats/caveats';
import { markLines, type AreaMarks, type LevelMarks } from './area-context';
import { visuallyHiddenStyles } from './shared-styles';

export type { TableRow } from '../data/table-sort';

const COLUMNS: readonly TableColumn[] = ['code', 'name', 'value', 'rank', 'change'];

/** The kinds of note a value can carry, in the order of their footnotes. */
type NoteKind = 'students' | 'estimate' | 'excluded';
const NOTE_KINDS: readonly NoteKind[] = ['students', 'estimate', 'excluded'];

function noteKinds(marks: AreaMarks): NoteKind[] {
  return [...marks.caveats.map((c) => c.kind), ...(marks.excluded ? (['excluded'] as const) : [])];
}

/**
 * The accessible alternative to the map: every area of the level in a sortable table.
 * Sorting is internal (rank ascending by default, missing values last); clicking an area
 * name fires `klyft-intent` {area: code}. The host scrolls (the shell sets its max-height)
 * under a sticky header. A value that needs a caveat (many students, a less certain estimate,
 * left out of the gap measures) carries a numbered mark, told in words to screen readers in
 * the cell and explained in footnotes under the table.
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
    .note-ref {
      margin-inline-start: 0.15em;
      font-size: 0.75em;
      font-weight: 700;
      color: #7a4e00;
    }
    .notes {
      padding: 0.5rem 0.75rem 0.75rem;
      font-size: 0.875rem;
    }
    .notes h3 {
      margin: 0 0 0.25rem;
      font-size: 0.9375rem;
    }
    .notes ol {
      margin: 0;
      padding-inline-start: 1.5rem;
    }
    .notes li + li {
      margin-top: 0.25rem;
    }
    ${visuallyHiddenStyles}
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

  /** The areas whose value carries a note (see AreaContextController.marksByCode), or null. */
  @property({ attribute: false }) marks: LevelMarks | null = null;

  @state() private sortColumn: TableColumn = 'rank';
  @state() private sortDirection: SortDirection = 'ascending';

  private sorted: TableRow[] = [];
  /** The footnote number of each kind of note present in the table (1, 2, … in NOTE_KINDS order). */
  private noteNumbers = new Map<NoteKind, number>();

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('rows') || changed.has('sortColumn') || changed.has('sortDirection') || changed.has('lang')) {
      this.sorted = sortRows(this.rows, this.sortColumn, this.sortDirection, this.lang);
    }
    if (changed.has('rows') || changed.has('marks')) {
      const present = new Set(
        this.rows.flatMap((row) => {
          const marks = this.marks?.byCode.get(row.code);
          return marks ? noteKinds(marks) : [];
        }),
      );
      this.noteNumbers = new Map(NOTE_KINDS.filter((k) => present.has(k)).map((k, i) => [k, i + 1]));
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
    const caption = this.indicator ? fill(t.caption, { indicator: this.indicator.name[this.lang], year: this.year, level: this.levelName }) : '';
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
      ${this.rows.length === 0 ? html`<p class="empty">${t.empty}</p>` : nothing} ${this.renderNotes()}
    `;
  }

  /** The footnotes of the marks present in the table. */
  private renderNotes() {
    if (this.noteNumbers.size === 0) return nothing;
    const t = strings(this.lang);
    const percent = (v: number, decimals: number) => formatValue(v, 'percent', this.lang, decimals);
    const text: Record<NoteKind, string> = {
      students: fill(t.table.noteStudents, { threshold: percent(STUDENT_SHARE_THRESHOLD, 0), sweden: percent(SWEDEN_SHARE_20_24, 1) }),
      estimate: t.table.noteEstimate,
      excluded: `${t.detail.notInGap}: ${this.marks?.excludedNote?.[this.lang] ?? ''}`,
    };
    return html`<section class="notes" aria-labelledby="notes-title">
      <h3 id="notes-title">${t.table.notes}</h3>
      <ol>
        ${[...this.noteNumbers.keys()].map((kind) => html`<li id=${`note-${kind}`}>${text[kind]}</li>`)}
      </ol>
    </section>`;
  }

  /** The marks after a value: a number per note, and the note's words for screen readers. */
  private renderMarks(code: string) {
    const marks = this.marks?.byCode.get(code);
    if (!marks) return nothing;
    const lines = markLines(marks, this.lang);
    const refs = noteKinds(marks).map((kind, i) => ({ n: this.noteNumbers.get(kind) ?? 0, line: lines[i] ?? '' }));
    const noteRef = strings(this.lang).table.noteRef;
    return html`<sup class="note-ref" title=${lines.join('\n')} aria-hidden="true">${refs.map((r) => r.n).join(',')}</sup>${refs.map(
      ({ n, line }) => html`<span class="visually-hidden"> (${fill(noteRef, { n })}: ${line})</span>`,
    )}`;
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
          ${this.renderName(row)}
        </th>
        <td class="num">${this.renderValue(row)}${this.renderMarks(row.code)}</td>
        <td class="num">${row.rank > 0 ? row.rank : '–'}</td>
        ${this.showChange() ? html`<td class="num">${this.renderChange(row)}</td>` : nothing}
      </tr>
    `;
  }

  /**
   * The area's name, without the code the code column already shows ("Fiskebäck södra (1480C1390)");
   * the button's accessible name keeps it, so areas sharing a name stay apart when tabbing through them.
   */
  private renderName(row: TableRow) {
    const shown = nameWithoutCode(row.name, row.code);
    return html`<button type="button" aria-label=${shown === row.name ? nothing : row.name} @click=${() => this.handleSelect(row.code)}>${shown}</button>`;
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
