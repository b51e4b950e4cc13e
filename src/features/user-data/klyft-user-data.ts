import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatNumber, type Lang } from '../../format/number';
import { fill, strings } from '../../i18n';
import type { ViewState } from '../../state/view-state';

/** One imported dataset as the panel lists it. */
export interface UserDatasetItem {
  id: string;
  /** Indicator id, `user:<id>`. */
  indicator: string;
  name: string;
  fileName: string;
  /** ISO timestamp of the import. */
  createdAt: string;
  /** Labels of the levels it has been matched to. */
  levels: string[];
}

/** One of the user's own divisions as the panel lists it. */
export interface UserLevelItem {
  id: string;
  /** Level id, `user-level:<id>`. */
  level: string;
  name: string;
  fileName: string;
  /** ISO timestamp of the import. */
  createdAt: string;
  /** Number of areas. */
  count: number;
  /** Names of the datasets joined to it, removed with it. */
  datasets: string[];
}

/**
 * "Your data": the user's own divisions (show, remove; fires `klyft-intent` with `{level}` and
 * `klyft-user-level-remove` with `{id}`) and the imported datasets, each with show, rename (inline), match again (at the current
 * level) and remove (after a confirmation). Fires `klyft-intent` with `{indicator}`,
 * `klyft-user-data-rename` with `{id, name}`, `klyft-user-data-rematch` and `klyft-user-data-remove` with `{id}`.
 */
@customElement('klyft-user-data')
export class KlyftUserData extends LitElement {
  static override styles = css`
    :host {
      display: block;
      color: #1a1a1a;
      font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    }
    h2 { font-size: 1rem; margin: 0 0 0.25rem; }
    h3.sub { font-size: 0.9rem; margin: 0.5rem 0 0.35rem; }
    .note { margin: 0 0 0.5rem; font-size: 0.85rem; color: #4a4a4a; }
    ul { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 0.5rem; }
    li { border: 1px solid #d6d6d6; border-radius: 8px; padding: 0.5rem 0.75rem; background: #f6f6f4; }
    li.current { border-color: #005a9c; border-inline-start-width: 0.375rem; }
    .name { font-weight: 600; overflow-wrap: anywhere; }
    .meta { font-size: 0.8rem; color: #4a4a4a; margin: 0.15rem 0 0.35rem; overflow-wrap: anywhere; }
    .row { display: flex; flex-wrap: wrap; gap: 0.35rem; }
    .btn {
      min-height: 44px;
      padding: 0.25rem 0.6rem;
      border: 1px solid #005a9c;
      border-radius: 8px;
      background: #fff;
      color: #005a9c;
      font: inherit;
      font-size: 0.9rem;
      cursor: pointer;
    }
    .btn.danger { border-color: #a00; color: #a00; }
    input {
      box-sizing: border-box;
      width: 100%;
      min-height: 44px;
      padding: 0 0.5rem;
      border: 1px solid #6b6b6b;
      border-radius: 8px;
      font: inherit;
      margin-bottom: 0.35rem;
    }
    :focus-visible { outline: 3px solid #005a9c; outline-offset: 2px; }
    p { margin: 0; }
  `;

  /** The imported datasets, oldest first. */
  @property({ attribute: false }) datasets: UserDatasetItem[] = [];

  /** The user's own divisions, oldest first. */
  @property({ attribute: false }) levels: UserLevelItem[] = [];

  /** The level shown now (to mark the current division). */
  @property() level = '';

  /** The indicator shown now (to mark the current dataset). */
  @property() indicator = '';

  /** UI language. */
  @property() override lang: Lang = 'sv';

  @state() private renaming: string | null = null;
  @state() private confirming: string | null = null;

  override render() {
    const t = strings(this.lang).import;
    if (this.datasets.length === 0 && this.levels.length === 0) return nothing;
    return html`<section aria-labelledby="your-data">
      <h2 id="your-data">${t.yourData}</h2>
      <p class="note">${t.yourDataNote}</p>
      ${
        this.levels.length > 0
          ? html`<h3 class="sub">${t.yourLevels}</h3>
            <ul aria-label=${t.yourLevels}>
              ${this.levels.map((l) => this.renderLevel(l))}
            </ul>`
          : nothing
      }
      ${
        this.datasets.length > 0
          ? html`${this.levels.length > 0 ? html`<h3 class="sub">${t.yourMeasures}</h3>` : nothing}
            <ul>
              ${this.datasets.map((d) => this.renderItem(d))}
            </ul>`
          : nothing
      }
    </section>`;
  }

  private renderLevel(l: UserLevelItem) {
    const t = strings(this.lang).import;
    const date = new Intl.DateTimeFormat(this.lang === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'medium' }).format(new Date(l.createdAt));
    const current = l.level === this.level;
    const key = `level:${l.id}`;
    return html`<li class=${current ? 'current' : ''} aria-current=${current ? 'true' : 'false'}>
      <p class="name">${l.name}</p>
      <p class="meta">${fill(t.levelMeta, { file: l.fileName, count: formatNumber(l.count, this.lang), date })}</p>
      ${
        this.confirming === key
          ? html`<p role="alert">${l.datasets.length > 0 ? fill(t.confirmRemoveLevelData, { name: l.name, datasets: l.datasets.map((n) => `"${n}"`).join(', ') }) : fill(t.confirmRemove, { name: l.name })}</p>
            <div class="row">
              <button class="btn danger" type="button" @click=${() => this.emitRemoveLevel(l.id)}>${t.remove}</button>
              <button class="btn" type="button" @click=${() => (this.confirming = null)}>${t.cancel}</button>
            </div>`
          : html`<div class="row">
            ${current ? nothing : html`<button class="btn" type="button" aria-label=${fill(t.showLevelLabel, { name: l.name })} @click=${() => this.emitIntent({ level: l.level as ViewState['level'] })}>${t.show}</button>`}
            <button class="btn danger" type="button" aria-label=${fill(t.removeLevelLabel, { name: l.name })} @click=${() => (this.confirming = key)}>${t.remove}</button>
          </div>`
      }
    </li>`;
  }

  private emitRemoveLevel(id: string): void {
    this.confirming = null;
    this.emit('klyft-user-level-remove', { id });
  }

  private renderItem(d: UserDatasetItem) {
    const t = strings(this.lang).import;
    const date = new Intl.DateTimeFormat(this.lang === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'medium' }).format(new Date(d.createdAt));
    const current = d.indicator === this.indicator;
    return html`<li class=${current ? 'current' : ''} aria-current=${current ? 'true' : 'false'}>
      ${this.renaming === d.id ? this.renderRename(d) : html`<p class="name">${d.name}</p>`}
      <p class="meta">${fill(t.datasetMeta, { file: d.fileName, date })}${d.levels.length ? html`<br />${fill(t.levels, { levels: d.levels.join(', ') })}` : nothing}</p>
      ${
        this.confirming === d.id
          ? html`<p role="alert">${fill(t.confirmRemove, { name: d.name })}</p>
            <div class="row">
              <button class="btn danger" type="button" @click=${() => this.emitRemove(d.id)}>${t.remove}</button>
              <button class="btn" type="button" @click=${() => (this.confirming = null)}>${t.cancel}</button>
            </div>`
          : html`<div class="row">
            ${current ? nothing : html`<button class="btn" type="button" aria-label=${fill(t.showLabel, { name: d.name })} @click=${() => this.emitIntent({ indicator: d.indicator })}>${t.show}</button>`}
            ${this.renaming === d.id ? nothing : html`<button class="btn" type="button" aria-label=${fill(t.renameButton, { name: d.name })} @click=${() => this.startRename(d.id)}>${t.rename}</button>`}
            <button class="btn" type="button" aria-label=${fill(t.rematchLabel, { name: d.name })} @click=${() => this.emit('klyft-user-data-rematch', { id: d.id })}>${t.rematch}</button>
            <button class="btn danger" type="button" aria-label=${fill(t.removeLabel, { name: d.name })} @click=${() => (this.confirming = d.id)}>${t.remove}</button>
          </div>`
      }
    </li>`;
  }

  private renderRename(d: UserDatasetItem) {
    const t = strings(this.lang).import;
    return html`<form @submit=${(e: Event) => this.handleRename(e, d)}>
      <input type="text" name="name" maxlength="120" required aria-label=${fill(t.renameLabel, { name: d.name })} .value=${d.name} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && (this.renaming = null)} />
      <div class="row">
        <button class="btn" type="submit">${t.save}</button>
        <button class="btn" type="button" @click=${() => (this.renaming = null)}>${t.cancel}</button>
      </div>
    </form>`;
  }

  private async startRename(id: string): Promise<void> {
    this.renaming = id;
    await this.updateComplete;
    const input = this.renderRoot.querySelector<HTMLInputElement>('form input');
    input?.focus();
    input?.select();
  }

  private handleRename(event: Event, d: UserDatasetItem): void {
    event.preventDefault();
    const name = String(new FormData(event.target as HTMLFormElement).get('name') ?? '').trim();
    this.renaming = null;
    if (name && name !== d.name) this.emit('klyft-user-data-rename', { id: d.id, name });
  }

  private emitRemove(id: string): void {
    this.confirming = null;
    this.emit('klyft-user-data-remove', { id });
  }

  private emitIntent(detail: Partial<ViewState>): void {
    this.emit('klyft-intent', detail);
  }

  private emit(type: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'klyft-user-data': KlyftUserData;
  }
}
