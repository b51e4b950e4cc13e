import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { Catalogue, IndicatorMeta, JoinReportEntry, LevelId, SourceMeta } from '../data/types';
import { formatNumber, type Lang } from '../format/number';
import { formatYears } from '../format/years';
import { fill, strings } from '../i18n';
import { closeButtonStyles } from './shared-styles';

/** How many codes of one kind the join report lists before "+N more". */
const CODES_SHOWN = 20;

/**
 * The sources and licences dialog: boundaries per level, indicators grouped by source,
 * and how each source table matched the map. A modal `<dialog>`; the shell opens it with
 * `show()`. Escape, the close button or a click on the backdrop close it, focus returns to
 * the element that opened it, and `klyft-sources-close` fires.
 */
@customElement('klyft-sources')
export class KlyftSources extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
    dialog {
      box-sizing: border-box;
      width: min(60rem, calc(100vw - 1rem));
      max-height: min(90vh, 60rem);
      padding: 0;
      border: 0;
      border-radius: 8px;
      color: #1a1a1a;
      background: #fff;
      box-shadow: 0 8px 32px rgb(0 0 0 / 0.3);
      font: inherit;
      line-height: 1.45;
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 0.45);
    }
    .inner {
      padding: clamp(1rem, 3vw, 2rem);
    }
    .header {
      display: flex;
      align-items: flex-start;
      gap: 1rem;
      position: sticky;
      top: 0;
      margin: calc(-1 * clamp(1rem, 3vw, 2rem)) calc(-1 * clamp(1rem, 3vw, 2rem)) 0;
      padding: clamp(1rem, 3vw, 2rem) clamp(1rem, 3vw, 2rem) 0.5rem;
      background: #fff;
      border-bottom: 1px solid #e0e0dc;
    }
    h2 {
      flex: 1;
      margin: 0;
      font-size: clamp(1.25rem, 1.1rem + 0.6vw, 1.6rem);
    }
    h3 {
      margin: 1.5rem 0 0.5rem;
      font-size: 1.15rem;
    }
    h4 {
      margin: 1rem 0 0.25rem;
      font-size: 1rem;
    }
    ul {
      margin: 0.25rem 0 0;
      padding-inline-start: 1.25rem;
    }
    li {
      margin: 0.25rem 0;
    }
    p {
      margin: 0.25rem 0;
    }
    .meta {
      color: #4a4a4a;
      font-size: 0.9375rem;
    }
    .codes {
      font-variant-numeric: tabular-nums;
      overflow-wrap: anywhere;
    }
    a {
      color: #005a9c;
    }
    a:hover {
      color: #003e6b;
    }
    ${closeButtonStyles}
    button:focus-visible,
    a:focus-visible {
      outline: 3px solid #005a9c;
      outline-offset: 2px;
    }
  `;

  /** The catalogue (levels, indicators, sources), or null before it has loaded. */
  @property({ attribute: false }) catalogue: Catalogue | null = null;

  /** How each source table joined to each level's geometry. */
  @property({ attribute: false }) joinReport: JoinReportEntry[] = [];

  /** UI language. */
  @property() override lang: Lang = 'sv';

  @query('dialog') private readonly dialog!: HTMLDialogElement | null;

  /** The element focused before the dialog opened; focus goes back there on close. */
  private opener: HTMLElement | null = null;

  /** Whether the dialog is open. */
  get open(): boolean {
    return this.dialog?.open ?? false;
  }

  /** Opens the dialog as a modal and remembers the focused element to return to. */
  async show(): Promise<void> {
    await this.updateComplete;
    const dialog = this.dialog;
    if (!dialog || dialog.open) return;
    this.opener = deepActiveElement();
    dialog.showModal();
  }

  /** Closes the dialog (as Escape or the close button would). */
  close(): void {
    this.dialog?.close();
  }

  protected override render() {
    const t = strings(this.lang).sources;
    return html`
      <dialog aria-labelledby="sources-title" @close=${this.handleClose} @click=${this.handleBackdropClick}>
        <div class="inner">
          <div class="header">
            <h2 id="sources-title">${t.title}</h2>
            <button class="close" type="button" aria-label=${t.close} @click=${this.close}>
              <span aria-hidden="true">×</span>
            </button>
          </div>
          ${
            this.catalogue
              ? html`${this.renderBoundaries(this.catalogue)} ${this.renderIndicators(this.catalogue)}
              ${this.renderJoinReport(this.catalogue)}`
              : html`<p>${t.notLoaded}</p>`
          }
        </div>
      </dialog>
    `;
  }

  private renderBoundaries(catalogue: Catalogue) {
    const t = strings(this.lang).sources;
    return html`
      <section aria-labelledby="sources-boundaries">
        <h3 id="sources-boundaries">${t.boundaries}</h3>
        <ul>
          ${catalogue.levels.map(
            (level) => html`
              <li>
                <strong>${level.group[this.lang]}: ${level.name[this.lang]}</strong>
                ${level.sources.map((id) => this.renderCredit(catalogue, id))}
                ${level.gapExcluded ? html`<p class="meta">${fill(t.excluded, { note: level.gapExcluded.note[this.lang] })}</p>` : nothing}
                ${level.estimateBasis ? html`<p class="meta">${t.estimateBasis}</p>` : nothing}
              </li>
            `,
          )}
        </ul>
      </section>
    `;
  }

  private renderIndicators(catalogue: Catalogue) {
    const t = strings(this.lang).sources;
    const bySource = new Map<string, IndicatorMeta[]>();
    for (const indicator of catalogue.indicators) {
      const list = bySource.get(indicator.source) ?? [];
      list.push(indicator);
      bySource.set(indicator.source, list);
    }
    return html`
      <section aria-labelledby="sources-indicators">
        <h3 id="sources-indicators">${t.indicators}</h3>
        ${[...bySource].map(
          ([sourceId, indicators]) => html`
            <h4>${this.renderHeading(catalogue, sourceId)}</h4>
            ${this.renderCredit(catalogue, sourceId, false)}
            <ul>
              ${indicators.map((indicator) => this.renderIndicator(catalogue, indicator))}
            </ul>
          `,
        )}
      </section>
    `;
  }

  private renderIndicator(catalogue: Catalogue, indicator: IndicatorMeta) {
    const t = strings(this.lang).sources;
    const levels = (Object.entries(indicator.levels) as [LevelId, NonNullable<IndicatorMeta['levels'][LevelId]>][]).map(([levelId, availability]) => {
      const derived = availability.derived ? ` (${availability.derived === 'estimated-from-deso' ? t.estimated : t.estimatedOverlay})` : '';
      const weight = availability.weight ? `, ${fill(t.weight, { weight: availability.weight.label[this.lang] })}` : '';
      return `${this.levelName(catalogue, levelId)}: ${formatYears(availability.years)}${derived}${weight}`;
    });
    return html`
      <li>
        ${indicator.name[this.lang]}
        <span class="meta">· ${t.table}: ${indicator.table}</span>
        ${levels.length ? html`<br /><span class="meta">${t.years}: ${levels.join('; ')}</span>` : nothing}
      </li>
    `;
  }

  private renderJoinReport(catalogue: Catalogue) {
    const t = strings(this.lang).sources;
    return html`
      <section aria-labelledby="sources-join">
        <h3 id="sources-join">${t.joinReport}</h3>
        ${
          this.joinReport.length === 0
            ? html`<p>${t.noJoinReport}</p>`
            : html`<ul>
              ${this.joinReport.map((entry) => this.renderJoinEntry(catalogue, entry))}
            </ul>`
        }
      </section>
    `;
  }

  private renderJoinEntry(catalogue: Catalogue, entry: JoinReportEntry) {
    const t = strings(this.lang).sources;
    const clean = entry.unmatchedSource.length === 0 && entry.unmatchedGeometry.length === 0 && entry.duplicates.length === 0;
    return html`
      <li>
        <strong>${this.sourceName(catalogue, entry.source)} ${entry.table} → ${this.levelName(catalogue, entry.level)}</strong>:
        ${fill(t.matched, { matched: formatNumber(entry.matched, this.lang) })}.
        ${clean ? t.allMatched : nothing}
        ${this.renderCodes(t.unmatchedSource, entry.unmatchedSource)}
        ${this.renderCodes(t.unmatchedGeometry, entry.unmatchedGeometry)} ${this.renderCodes(t.duplicates, entry.duplicates)}
        ${this.renderZeros(entry)}
        ${entry.note ? html`<p class="meta">${entry.note[this.lang]}</p>` : nothing}
      </li>
    `;
  }

  /** The zeros the build shipped as missing, with the values around each. */
  private renderZeros(entry: JoinReportEntry) {
    const zeros = entry.zerosAsMissing ?? [];
    if (zeros.length === 0) return nothing;
    const t = strings(this.lang).sources;
    const value = (v: number | null) => (v === null ? '–' : formatNumber(v, this.lang, 1));
    const items = zeros.map((z) =>
      fill(t.zeroItem, { code: z.code, year: z.year, sex: z.sex ? t[z.sex] : '', before: value(z.neighbours[0]), after: value(z.neighbours[1]) }),
    );
    return html`<p class="codes">${fill(t.zerosAsMissing, { n: formatNumber(zeros.length, this.lang), codes: items.join('; ') })}</p>`;
  }

  /** "Label: a, b, c +N more", listing at most CODES_SHOWN codes. */
  private renderCodes(template: string, codes: readonly string[]) {
    if (codes.length === 0) return nothing;
    const shown = codes.slice(0, CODES_SHOWN).join(', ');
    const rest = codes.length - CODES_SHOWN;
    const list = rest > 0 ? `${shown} ${fill(strings(this.lang).sources.more, { n: formatNumber(rest, this.lang) })}` : shown;
    return html`<p class="codes">${fill(template, { codes: list })}</p>`;
  }

  /** Publisher, licence (linked when known) and attribution of one source. */
  private renderCredit(catalogue: Catalogue, sourceId: string, withName = true) {
    const t = strings(this.lang).sources;
    const source = catalogue.sources.find((s) => s.id === sourceId);
    if (!source) return withName ? html`<p class="meta">${sourceId}</p>` : nothing;
    return html`
      <p class="meta">
        ${withName ? html`${this.renderSourceName(source)} · ` : nothing}${t.publisher}: ${source.publisher[this.lang]} ·
        ${t.licence}:
        ${source.licenceUrl ? html`<a href=${source.licenceUrl} rel="license noopener" target="_blank">${source.licence[this.lang]}</a>` : source.licence[this.lang]}
        · ${t.attribution}: ${source.attribution[this.lang]}
      </p>
    `;
  }

  private renderSourceName(source: SourceMeta) {
    return source.url ? html`<a href=${source.url} rel="noopener" target="_blank">${source.name[this.lang]}</a>` : source.name[this.lang];
  }

  private renderHeading(catalogue: Catalogue, sourceId: string) {
    const source = catalogue.sources.find((s) => s.id === sourceId);
    return source ? this.renderSourceName(source) : sourceId;
  }

  private sourceName(catalogue: Catalogue, sourceId: string): string {
    return catalogue.sources.find((s) => s.id === sourceId)?.name[this.lang] ?? sourceId;
  }

  private levelName(catalogue: Catalogue, levelId: LevelId): string {
    const level = catalogue.levels.find((l) => l.id === levelId);
    return level ? `${level.group[this.lang]}, ${level.name[this.lang]}` : levelId;
  }

  private handleClose = (): void => {
    const opener = this.opener;
    this.opener = null;
    if (opener?.isConnected) opener.focus();
    this.dispatchEvent(new CustomEvent('klyft-sources-close', { bubbles: true, composed: true }));
  };

  /** A click on the dialog element itself (not its content) is a click on the backdrop. */
  private handleBackdropClick = (event: MouseEvent): void => {
    if (event.target === this.dialog) this.close();
  };
}

/** The focused element, looking inside open shadow roots (the opener is usually in one). */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

declare global {
  interface HTMLElementTagNameMap {
    'klyft-sources': KlyftSources;
  }
}
