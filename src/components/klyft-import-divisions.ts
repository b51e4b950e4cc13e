import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { LevelId } from '../data/types';
import { formatNumber, type Lang } from '../format/number';
import { fill, strings } from '../i18n';
import type { VocabularyId } from '../import/code-catalogue';
import type { DivisionMatch } from '../import/detect-division';
import { importStyles } from './import-styles';

/** What `klyft-import-divisions` carries: the chosen map levels, best match first. */
export interface ImportDivisionsDetail {
  selected: LevelId[];
}

/**
 * "Which division is the file for?": the map levels the file's rows match, ranked, each a labelled
 * checkbox with how many rows and areas match; below, the divisions without a map that the file
 * also fits (län, all of Sweden's DeSO or RegSO). Fires `klyft-import-divisions` when the user
 * changes the choice.
 */
@customElement('klyft-import-divisions')
export class KlyftImportDivisions extends LitElement {
  static override styles = importStyles;

  /** UI language. */
  @property() override lang: Lang = 'sv';

  /** The divisions the rows match, best first (map levels and divisions without a map). */
  @property({ attribute: false }) candidates: DivisionMatch[] = [];

  /** Labels of the map levels by id ("Göteborg · DeSO"). */
  @property({ attribute: false }) labels: Partial<Record<LevelId, string>> = {};

  /** The level shown on the map. */
  @property({ attribute: false }) current: LevelId = 'kommun';

  /** The chosen levels. */
  @property({ attribute: false }) selected: LevelId[] = [];

  /** Rows of the measure the matches count (a division without a map is noted when it explains half of them). */
  @property({ type: Number, attribute: false }) rows = 0;

  /** Whether the catalogue of codes could not be loaded. */
  @property({ type: Boolean, attribute: false }) catalogueMissing = false;

  override render() {
    const t = strings(this.lang).import;
    const best = this.candidates.find((m) => m.level !== null)?.rows ?? 0;
    // A level that a few codes or names fit by chance (a tenth of the best's rows) is left to the report's table.
    const levels = this.candidates.filter(
      (m) => m.level !== null && ((m.rows > 0 && m.rows * 10 >= best) || m.level === this.current || this.selected.includes(m.level)),
    );
    const found = best > 0;
    return html`<fieldset>
      <legend>${t.divisions}</legend>
      <p class="help">${t.divisionsHelp}</p>
      ${found ? nothing : html`<p class="warn" role="status">${t.noDivision}</p>`}
      <div class="options">${levels.map((m) => this.renderOption(m))}</div>
      ${this.renderVocabularies()} ${this.catalogueMissing ? html`<p class="warn">${t.catalogueMissing}</p>` : nothing}
    </fieldset>`;
  }

  private renderOption(m: DivisionMatch) {
    const t = strings(this.lang).import;
    const n = (v: number) => formatNumber(v, this.lang);
    const level = m.level as LevelId;
    const on = this.selected.includes(level);
    const notes = [
      fill(t.divisionMatch, { rows: n(m.rows), areas: n(m.areas), total: n(m.total) }),
      m.byName > m.rows / 2 ? t.divisionByName : '',
      m.byPrevious > 0 ? fill(t.divisionChanged, { rows: n(m.byPrevious) }) : '',
    ].filter(Boolean);
    return html`<label class="check option ${on ? 'on' : ''}">
      <input type="checkbox" .checked=${on} ?disabled=${m.rows === 0 && !on} @change=${(e: Event) => this.toggle(level, (e.target as HTMLInputElement).checked)} />
      <span
        >${this.labels[level] ?? level}${level === this.current ? html`<span class="tag">${t.divisionShown}</span>` : nothing}
        <span class="sub">${notes.join(' · ')}</span></span
      >
    </label>`;
  }

  /** Divisions known only from the catalogue of codes: what the file covers and why it is not all shown. */
  private renderVocabularies() {
    const t = strings(this.lang).import;
    const n = (v: number) => formatNumber(v, this.lang);
    const found = this.candidates.filter((m) => m.level === null && m.rows > 0 && m.rows * 2 >= this.rows);
    return found.map((m) => {
      const id = m.id as VocabularyId;
      const text = fill(t.vocabularyFound, { rows: n(m.rows), division: t.vocabularies[id], areas: n(m.areas), total: n(m.total) });
      return html`<p class="help">${text} ${t.vocabularyNoMap[id]}</p>`;
    });
  }

  private toggle(level: LevelId, on: boolean): void {
    const chosen = new Set(this.selected);
    if (on) chosen.add(level);
    else chosen.delete(level);
    // Keep the ranking's order: the first chosen is the one the map shows.
    const selected = this.candidates.flatMap((m) => (m.level !== null && chosen.has(m.level) ? [m.level] : []));
    this.dispatchEvent(new CustomEvent<ImportDivisionsDetail>('klyft-import-divisions', { detail: { selected }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'klyft-import-divisions': KlyftImportDivisions;
  }
}
