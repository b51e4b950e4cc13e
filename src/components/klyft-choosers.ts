import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { countMatches, groupIndicators, type IndicatorGroup } from '../data/indicator-groups';
import { indicatorLabel } from '../i18n/indicator-label';
import type { Catalogue, IndicatorMeta, LevelId, LevelMeta } from '../data/types';
import type { Lang } from '../format/number';
import { fill, strings } from '../i18n';
import { levelLabel } from '../state/app-data';
import type { ViewState } from '../state/view-state';

/**
 * The level (division) chooser and the indicator chooser with its search field.
 * Fires `klyft-intent` with `{level}` or `{indicator}`.
 */
@customElement('klyft-choosers')
export class KlyftChoosers extends LitElement {
  static override styles = css`
    :host {
      display: block;
      color: #1a1a1a;
      font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      margin-bottom: 1rem;
    }
    label {
      font-size: 0.875rem;
      font-weight: 600;
    }
    select,
    input {
      box-sizing: border-box;
      width: 100%;
      min-height: 2.75rem;
      padding: 0 0.5rem;
      border: 1px solid #6b6b6b;
      border-radius: 8px;
      background: #fff;
      color: #1a1a1a;
      font: inherit;
    }
    select:focus-visible,
    input:focus-visible {
      outline: 3px solid #005a9c;
      outline-offset: 2px;
    }
    .count {
      margin: 0;
      min-height: 1.25rem;
      font-size: 0.875rem;
      color: #4a4a4a;
    }
  `;

  /** The catalogue (levels and indicators), or null while loading. */
  @property({ attribute: false }) catalogue: Catalogue | null = null;

  /** The selected level. */
  @property() level: LevelId = 'kommun';

  /** Id of the selected indicator. */
  @property() indicator = '';

  /** UI language. */
  @property() override lang: Lang = 'sv';

  @state() private query = '';

  override render() {
    return html`${this.renderLevelChooser()} ${this.renderIndicatorChooser()}`;
  }

  /** " – 12 år", or " – 1 år – förändring kan inte visas": how many years the chosen indicator has at a level. */
  private yearsAt(level: LevelMeta): string {
    const t = strings(this.lang).chooser;
    const n = this.catalogue?.indicators.find((i) => i.id === this.indicator)?.levels[level.id]?.years.length ?? 0;
    if (n === 0) return '';
    return ` – ${n === 1 ? t.levelOneYear : fill(t.levelYears, { n })}`;
  }

  private renderLevelChooser() {
    const t = strings(this.lang).chooser;
    const levels = (this.catalogue?.levels ?? []).filter((l) => l.inChooser || l.id === this.level);
    // Groups in catalogue order ("Sverige", "Göteborg", "Borås").
    const groups = new Map<string, LevelMeta[]>();
    for (const level of levels) {
      const key = level.group[this.lang];
      groups.set(key, [...(groups.get(key) ?? []), level]);
    }
    return html`
      <div class="field">
        <label for="level">${t.level}</label>
        <select id="level" ?disabled=${levels.length === 0} @change=${this.handleLevel}>
          ${[...groups].map(
            ([group, items]) => html`
              <optgroup label=${group}>
                ${items.map((l) => html`<option value=${l.id} .selected=${live(l.id === this.level)}>${levelLabel(l, this.lang)} (${l.count})${this.yearsAt(l)}</option>`)}
              </optgroup>
            `,
          )}
        </select>
      </div>
    `;
  }

  private renderIndicatorChooser() {
    const t = strings(this.lang);
    const groups: IndicatorGroup[] = this.catalogue ? groupIndicators(this.catalogue, this.level, this.lang, this.query, this.indicator, this.labelOf) : [];
    const count = countMatches(groups);
    const countText = count === 0 ? t.chooser.noMatch : count === 1 ? t.chooser.matchesOne : fill(t.chooser.matches, { count });
    return html`
      <div class="field">
        <label for="search">${t.chooser.search}</label>
        <input
          id="search"
          type="search"
          autocomplete="off"
          spellcheck="false"
          aria-describedby="count"
          .value=${this.query}
          ?disabled=${!this.catalogue}
          @input=${this.handleSearch}
          @keydown=${this.handleSearchKey}
        />
        <p id="count" class="count" role="status" aria-live="polite">${this.catalogue ? countText : nothing}</p>
      </div>
      <div class="field">
        <label for="indicator">${t.chooser.indicator}</label>
        <select id="indicator" ?disabled=${groups.length === 0} @change=${this.handleIndicator}>
          ${groups.map(
            (group) => html`
              <optgroup label=${group.targetArea === 'user' ? t.import.yourData : t.targetAreas[group.targetArea]}>
                ${group.items.map(
                  (item) =>
                    html`<option value=${item.id} .selected=${live(item.id === this.indicator)}>${item.available ? item.label : `${item.label} (${t.chooser.noDataHere})`}</option>`,
                )}
              </optgroup>
            `,
          )}
        </select>
      </div>
    `;
  }

  /** The chooser's label of an indicator, sex variants worded. */
  private readonly labelOf = (indicator: IndicatorMeta): string => indicatorLabel(indicator, this.lang);

  private emit(detail: Partial<ViewState>): void {
    this.dispatchEvent(new CustomEvent('klyft-intent', { detail, bubbles: true, composed: true }));
  }

  private handleLevel(event: Event): void {
    const level = (event.target as HTMLSelectElement).value as LevelId;
    if (level !== this.level) this.emit({ level });
  }

  private handleIndicator(event: Event): void {
    const indicator = (event.target as HTMLSelectElement).value;
    if (indicator !== this.indicator) this.emit({ indicator });
  }

  private handleSearch(event: Event): void {
    this.query = (event.target as HTMLInputElement).value;
  }

  /** Enter picks the search's only match, so a precise search needs no trip to the list. */
  private handleSearchKey(event: KeyboardEvent): void {
    if (event.key !== 'Enter' || !this.catalogue) return;
    const matches = groupIndicators(this.catalogue, this.level, this.lang, this.query, undefined, this.labelOf).flatMap((g) => g.items);
    const only = matches.length === 1 ? matches[0] : undefined;
    if (only && only.id !== this.indicator) {
      event.preventDefault();
      this.emit({ indicator: only.id });
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'klyft-choosers': KlyftChoosers;
  }
}
