import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../../format/number';
import { fill, strings } from '../../i18n';
import { buttonStyles } from '../../components/shared-styles';

/**
 * The header's presenter controls: "Presentera" and a "Berättelse" disclosure with the example
 * story, the story editor, opening a story file, the kiosk loop and the time-lapse film.
 * Events: klyft-present, klyft-story-example, klyft-story-edit, klyft-story-file {file}, klyft-kiosk {on}, klyft-film {secondsPerYear}.
 */
@customElement('klyft-story-menu')
export class KlyftStoryMenu extends LitElement {
  /** UI language. */
  @property() override lang: Lang = 'sv';
  /** Title of the loaded story, or null. */
  @property({ attribute: false }) storyTitle: string | null = null;
  /** Scenes in the loaded story. */
  @property({ type: Number }) sceneCount = 0;
  /** Validation or loading errors of the last story opened (already in `lang`). */
  @property({ attribute: false }) errors: string[] = [];
  /** The kiosk loop is on. */
  @property({ type: Boolean }) kiosk = false;
  /** Film progress or result text; '' when idle. */
  @property() filmStatus = '';
  /** A film is being recorded. */
  @property({ type: Boolean }) filmBusy = false;

  static override styles = [
    buttonStyles,
    css`
    :host { display: contents; }
    button, select, input { font: inherit; }
    :focus-visible { outline: 3px solid #005a9c; outline-offset: 2px; }
    .btn { box-sizing: border-box; display: inline-flex; align-items: center; }
    details { position: relative; }
    .menu {
      position: absolute;
      z-index: 20;
      top: calc(100% + 0.25rem);
      left: 0;
      width: min(24rem, 90vw);
      display: grid;
      gap: 0.75rem;
      padding: 1rem;
      background: #fff;
      border: 1px solid #d6d6d6;
      border-radius: 8px;
      box-shadow: 0 4px 16px rgb(0 0 0 / 0.15);
      color: #1a1a1a;
    }
    .file { display: grid; gap: 0.25rem; }
    .file input { min-height: 44px; }
    .row { display: flex; gap: 0.5rem; align-items: center; flex-wrap: wrap; }
    .check { display: flex; gap: 0.5rem; align-items: center; min-height: 44px; }
    .check input { width: 1.25rem; height: 1.25rem; }
    select { min-height: 44px; border: 1px solid #767676; border-radius: 8px; padding: 0 0.5rem; background: #fff; }
    .errors { margin: 0; padding: 0.5rem 0.75rem; border: 2px solid #a00; border-radius: 8px; color: #7a0000; background: #fff5f5; }
    .errors ul { margin: 0.25rem 0 0; padding-left: 1.25rem; }
    .loaded, .status { margin: 0; }
    fieldset { border: 1px solid #d6d6d6; border-radius: 8px; margin: 0; padding: 0.5rem 0.75rem 0.75rem; }
    legend { padding: 0 0.25rem; font-weight: 600; }
  `,
  ];

  override render() {
    const t = strings(this.lang).presenter;
    return html`
      <button class="btn" type="button" aria-keyshortcuts="F" @click=${() => this.emit('klyft-present')}>${t.present}</button>
      <details>
        <summary class="btn">${t.story}</summary>
        <div class="menu">
          <button class="btn" type="button" @click=${() => this.emit('klyft-story-example')}>${t.example}</button>
          <button class="btn" type="button" @click=${this.handleEdit}>${strings(this.lang).storyEditor.edit}</button>
          <label class="file">
            <span>${t.open}</span>
            <input type="file" accept=".json,application/json" aria-label=${t.openLabel} @change=${this.handleFile} />
          </label>
          ${this.storyTitle ? html`<p class="loaded">${fill(t.loaded, { title: this.storyTitle, count: this.sceneCount })}</p>` : nothing}
          ${this.renderErrors()}
          <label class="check"><input type="checkbox" .checked=${this.kiosk} @change=${this.handleKiosk} />${t.kiosk}</label>
          ${this.renderFilm()}
        </div>
      </details>
    `;
  }

  private renderErrors() {
    if (this.errors.length === 0) return nothing;
    const t = strings(this.lang).presenter;
    return html`<div class="errors" role="alert">
      ${t.invalid}
      <ul>
        ${this.errors.map((e) => html`<li>${e}</li>`)}
      </ul>
    </div>`;
  }

  private renderFilm() {
    const t = strings(this.lang).presenter;
    return html`<form @submit=${this.handleFilm}>
      <fieldset>
        <legend>${t.film}</legend>
        <div class="row">
          <label for="speed">${t.filmSpeed}</label>
          <select id="speed" name="speed">
            <option value="0.5">${this.lang === 'sv' ? '0,5' : '0.5'}</option>
            <option value="1" selected>1</option>
            <option value="2">2</option>
          </select>
          <button class="btn" type="submit" ?disabled=${this.filmBusy}>${t.film}</button>
        </div>
        <p class="status" role="status">${this.filmStatus}</p>
      </fieldset>
    </form>`;
  }

  private handleFile(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    this.emit('klyft-story-file', { file });
    // The same file may be opened again after it was fixed.
    input.value = '';
  }

  /** The editor opens as a side panel; close the menu so it does not cover it. */
  private handleEdit(): void {
    this.renderRoot.querySelector('details')?.removeAttribute('open');
    this.emit('klyft-story-edit');
  }

  private handleKiosk(event: Event): void {
    this.emit('klyft-kiosk', { on: (event.target as HTMLInputElement).checked });
  }

  private handleFilm(event: Event): void {
    event.preventDefault();
    const select = (event.target as HTMLFormElement).elements.namedItem('speed') as HTMLSelectElement;
    this.emit('klyft-film', { secondsPerYear: Number(select.value) });
  }

  private emit(name: string, detail?: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'klyft-story-menu': KlyftStoryMenu;
  }
}
