import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { buttonStyles } from '../../components/shared-styles';
import { repeat } from 'lit/directives/repeat.js';
import { saveBlob, slug } from '../../export/save-blob';
import type { Lang } from '../../format/number';
import type { LevelGeometry } from '../../data/load';
import { fill, strings } from '../../i18n';
import { addHighlight, moveScene, removeHighlight, removeScene, storyForSave, updateScene } from '../../story/story-edit';
import { storyToUrl, validateStory, type Scene, type Story } from '../../story/story';

/**
 * The story editor: a side panel (not modal, so the reader keeps changing the map between
 * scenes) listing the draft's scenes with their texts, order and timing, and saving, sharing
 * or presenting the story. The shell owns the draft and builds new scenes from the view.
 * Events: klyft-story-add-scene, klyft-story-change {story}, klyft-story-present {story},
 * klyft-story-editor-close.
 */
@customElement('klyft-story-editor')
export class KlyftStoryEditor extends LitElement {
  /** UI language. */
  @property() override lang: Lang = 'sv';
  /** The story being edited (may have no scenes yet). */
  @property({ attribute: false }) story: Story | null = null;
  /** Indicator id → short name in `lang`, for the scene headings. */
  @property({ attribute: false }) indicatorNames: Record<string, string> = {};
  /** The level shown on the map now (its id, codes and names); areas can be highlighted only in scenes of that level. */
  @property({ attribute: false }) geometry: LevelGeometry | null = null;
  /** The area selected on the map or in the table now, or null. */
  @property({ attribute: false }) selectedArea: string | null = null;

  @state() private errors: string[] = [];
  @state() private link = '';
  @state() private status = '';

  static override styles = [
    buttonStyles,
    css`
    :host {
      position: fixed;
      z-index: 30;
      top: 0;
      right: 0;
      bottom: 0;
      width: min(30rem, 100vw);
      display: flex;
      flex-direction: column;
      background: #fff;
      color: #1a1a1a;
      border-left: 1px solid #d6d6d6;
      box-shadow: -4px 0 16px rgb(0 0 0 / 0.12);
      font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    }
    section { display: flex; flex-direction: column; height: 100%; min-height: 0; }
    button, input, textarea { font: inherit; }
    :focus-visible { outline: 3px solid #005a9c; outline-offset: 2px; }
    .head { display: flex; align-items: center; justify-content: space-between; gap: 0.5rem; padding: 0.75rem 1rem; background: #f6f6f4; border-bottom: 1px solid #d6d6d6; }
    h2 { margin: 0; font-size: 1.2rem; }
    h3 { margin: 0; font-size: 1rem; }
    .body { overflow-y: auto; padding: 1rem; display: grid; gap: 1rem; align-content: start; }
    .btn.primary { background: #005a9c; color: #fff; }
    .btn.icon { min-width: 44px; padding: 0.35rem 0.5rem; }
    .btn:disabled { border-color: #8a8a8a; color: #6b6b6b; cursor: not-allowed; }
    .row { display: flex; gap: 0.5rem; flex-wrap: wrap; align-items: center; }
    label { display: grid; gap: 0.2rem; font-weight: 600; font-size: 0.9rem; }
    input, textarea { border: 1px solid #767676; border-radius: 8px; padding: 0.4rem 0.5rem; font-weight: normal; min-height: 2.5rem; box-sizing: border-box; width: 100%; }
    textarea { min-height: 4rem; resize: vertical; }
    fieldset { border: 1px solid #d6d6d6; border-radius: 8px; margin: 0; padding: 0.5rem 0.75rem 0.75rem; display: grid; gap: 0.5rem; }
    legend { padding: 0 0.25rem; font-weight: 600; }
    ol { list-style: none; margin: 0; padding: 0; display: grid; gap: 1rem; }
    li { border: 1px solid #d6d6d6; border-radius: 8px; padding: 0.75rem; display: grid; gap: 0.5rem; background: #f6f6f4; }
    .grid2 { display: grid; grid-template-columns: repeat(auto-fit, minmax(8rem, 1fr)); gap: 0.5rem; }
    .hint, .camera { margin: 0; font-size: 0.85rem; color: #444; }
    .errors { margin: 0; padding: 0.5rem 0.75rem; border: 2px solid #a00; border-radius: 8px; color: #7a0000; background: #fff5f5; }
    .errors ul { margin: 0.25rem 0 0; padding-left: 1.25rem; }
    .status { margin: 0; min-height: 1.2em; }
    .chips { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.4rem; }
    .chips li { display: inline-flex; align-items: center; gap: 0.25rem; padding: 0 0 0 0.6rem; border: 1px solid #767676; border-radius: 999px; background: #fff; }
    .chips .btn { min-height: 44px; min-width: 44px; border-radius: 999px; border: none; background: transparent; }
    @media (prefers-reduced-motion: no-preference) { li { transition: background 0.2s; } }
  `,
  ];

  override render() {
    const t = strings(this.lang).storyEditor;
    return html`<section aria-labelledby="title">
        <div class="head">
          <h2 id="title" tabindex="-1">${t.title}</h2>
          <button class="btn" type="button" @click=${() => this.emit('klyft-story-editor-close')}>${t.close}</button>
        </div>
      <div class="body">
        ${this.renderTitle()}
        <div class="row">
          <button class="btn primary" type="button" @click=${() => this.emit('klyft-story-add-scene')}>${t.addScene}</button>
        </div>
        ${this.renderScenes()} ${this.renderActions()}
        <p class="status" role="status">${this.status}</p>
      </div>
    </section>`;
  }

  /** Moves focus to the panel's heading (after it opened). */
  override focus(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#title')?.focus());
  }

  private renderTitle() {
    const t = strings(this.lang).storyEditor;
    const title = this.story?.title ?? { sv: '', en: '' };
    return html`<fieldset>
      <legend>${t.storyTitle}</legend>
      <label>${t.titleSv}<input .value=${title.sv} @input=${(e: Event) => this.setTitle('sv', e)} /></label>
      <label>${t.titleEn}<input lang="en" .value=${title.en} @input=${(e: Event) => this.setTitle('en', e)} /></label>
    </fieldset>`;
  }

  private renderScenes() {
    const t = strings(this.lang).storyEditor;
    const scenes = this.story?.scenes ?? [];
    return html`<h3>${t.scenes}</h3>
      ${
        scenes.length === 0
          ? html`<p class="hint">${t.noScenes}</p>`
          : html`<ol>
            ${repeat(
              scenes,
              (s) => s.id,
              (scene, i) => this.renderScene(scene, i, scenes.length),
            )}
          </ol>`
      }
      <p class="hint">${t.placeholderHint}</p>`;
  }

  private renderScene(scene: Scene, i: number, count: number) {
    const t = strings(this.lang).storyEditor;
    const n = i + 1;
    const indicator = scene.view.indicator ? (this.indicatorNames[scene.view.indicator] ?? scene.view.indicator) : '';
    const notes = scene.notes ?? { sv: '', en: '' };
    return html`<li data-scene=${scene.id}>
      <div class="row">
        <h3>${fill(t.sceneHeading, { index: n, indicator, year: scene.view.year ?? '' })}</h3>
        <button class="btn icon" type="button" data-move="up" aria-label=${fill(t.moveUp, { index: n })} ?disabled=${i === 0} @click=${() => this.move(i, -1)}>↑</button>
        <button class="btn icon" type="button" data-move="down" aria-label=${fill(t.moveDown, { index: n })} ?disabled=${i === count - 1} @click=${() => this.move(i, 1)}>↓</button>
        <button class="btn" type="button" @click=${() => this.removeAt(i)}>${fill(t.remove, { index: n })}</button>
      </div>
      ${scene.camera ? html`<p class="camera">${t.camera}</p>` : nothing}
      <label>${t.captionSv}<textarea .value=${scene.caption.sv} @input=${(e: Event) => this.setText(i, 'caption', 'sv', e)}></textarea></label>
      <label>${t.captionEn}<textarea lang="en" .value=${scene.caption.en} @input=${(e: Event) => this.setText(i, 'caption', 'en', e)}></textarea></label>
      <label>${t.notesSv}<textarea .value=${notes.sv} @input=${(e: Event) => this.setText(i, 'notes', 'sv', e)}></textarea></label>
      <label>${t.notesEn}<textarea lang="en" .value=${notes.en} @input=${(e: Event) => this.setText(i, 'notes', 'en', e)}></textarea></label>
      ${this.renderHighlights(scene, i)}
      <fieldset @change=${(e: Event) => this.setTiming(i, e)}>
        <legend>${t.play}</legend>
        <div class="grid2">
          <label>${t.playFrom}<input name="from" type="number" inputmode="numeric" min="1000" max="9999" .value=${String(scene.play?.from ?? '')} /></label>
          <label>${t.playTo}<input name="to" type="number" inputmode="numeric" min="1000" max="9999" .value=${String(scene.play?.to ?? '')} /></label>
          <label>${t.secondsPerYear}<input name="speed" type="number" min="0.1" max="60" step="0.1" .value=${String(scene.play?.secondsPerYear ?? '')} /></label>
          <label>${t.duration}<input name="duration" type="number" min="1" step="1" .value=${String(scene.durationSeconds ?? '')} /></label>
        </div>
      </fieldset>
    </li>`;
  }

  /** The scene's highlighted areas as chips with remove buttons, and a button adding the selected area. */
  private renderHighlights(scene: Scene, i: number) {
    const t = strings(this.lang).storyEditor;
    const codes = scene.highlight ?? [];
    const sameLevel = !scene.view.level || scene.view.level === this.geometry?.meta.id;
    const selected = this.selectedArea;
    const name = (code: string) => (sameLevel ? this.areaName(code) : code);
    const canAdd = sameLevel && selected !== null && !codes.includes(selected);
    let hint = '';
    if (!sameLevel) hint = t.highlightOtherLevel;
    else if (selected === null) hint = t.highlightSelectFirst;
    else if (codes.includes(selected)) hint = fill(t.highlightAlready, { name: name(selected) });
    return html`<fieldset data-highlights>
      <legend>${t.highlights}</legend>
      ${
        codes.length > 0
          ? html`<ul class="chips">
            ${codes.map(
              (code) => html`<li data-code=${code}>
                ${name(code)}
                <button class="btn" type="button" aria-label=${fill(t.removeHighlight, { name: name(code), index: i + 1 })} @click=${() => this.removeHighlightAt(i, code)}>×</button>
              </li>`,
            )}
          </ul>`
          : html`<p class="hint">${t.noHighlights}</p>`
      }
      <div class="row">
        <button class="btn" type="button" data-add-highlight ?disabled=${!canAdd} @click=${() => this.addHighlightAt(i)}>
          ${selected !== null && sameLevel ? fill(t.addHighlight, { name: name(selected) }) : t.addHighlightNone}
        </button>
      </div>
      ${hint ? html`<p class="hint">${hint}</p>` : nothing}
    </fieldset>`;
  }

  /** An area's name in the current level, or its code. */
  private areaName(code: string): string {
    const i = this.geometry?.indexByCode.get(code);
    return (i === undefined ? undefined : this.geometry?.areas.features[i]?.properties.name) ?? code;
  }

  private addHighlightAt(index: number): void {
    const code = this.selectedArea;
    if (!this.story || code === null) return;
    const next = addHighlight(this.story, index, code);
    if (next === this.story) return;
    this.change(next);
    this.status = fill(strings(this.lang).storyEditor.highlightAdded, { name: this.areaName(code), index: index + 1 });
  }

  private removeHighlightAt(index: number, code: string): void {
    if (!this.story) return;
    const codes = this.story.scenes[index]?.highlight ?? [];
    const at = codes.indexOf(code);
    const id = this.story.scenes[index]?.id ?? '';
    this.change(removeHighlight(this.story, index, code));
    this.status = fill(strings(this.lang).storyEditor.highlightRemoved, { name: this.areaName(code), index: index + 1 });
    // Focus the next chip's remove button (or the previous one, or the add button) so the keyboard stays in place.
    void this.updateComplete.then(() => {
      const item = this.renderRoot.querySelector(`li[data-scene="${CSS.escape(id)}"]`);
      const buttons = [...(item?.querySelectorAll<HTMLButtonElement>('.chips button') ?? [])];
      const target = buttons[Math.min(at, buttons.length - 1)] ?? item?.querySelector<HTMLButtonElement>('button[data-add-highlight]');
      target?.focus();
    });
  }

  private renderActions() {
    const t = strings(this.lang).storyEditor;
    const empty = (this.story?.scenes.length ?? 0) === 0;
    return html`<div class="row">
        <button class="btn" type="button" ?disabled=${empty} @click=${this.handleSave}>${t.save}</button>
        <button class="btn" type="button" ?disabled=${empty} @click=${this.handleShare}>${t.share}</button>
        <button class="btn primary" type="button" ?disabled=${empty} @click=${this.handlePresent}>${t.present}</button>
      </div>
      ${
        this.errors.length > 0
          ? html`<div class="errors" role="alert">
            ${t.invalid}
            <ul>
              ${this.errors.map((e) => html`<li>${e}</li>`)}
            </ul>
          </div>`
          : nothing
      }
      ${
        this.link
          ? html`<label>${t.shareManual}<textarea readonly rows="3" .value=${this.link} @focus=${(e: Event) => (e.target as HTMLTextAreaElement).select()}></textarea></label>`
          : nothing
      }`;
  }

  private setTitle(lang: Lang, event: Event): void {
    if (!this.story) return;
    const value = (event.target as HTMLInputElement).value;
    this.change({ ...this.story, title: { ...this.story.title, [lang]: value } });
  }

  private setText(index: number, field: 'caption' | 'notes', lang: Lang, event: Event): void {
    const scene = this.story?.scenes[index];
    if (!this.story || !scene) return;
    const value = (event.target as HTMLTextAreaElement).value;
    const current = scene[field] ?? { sv: '', en: '' };
    this.change(updateScene(this.story, index, { [field]: { ...current, [lang]: value } }));
  }

  /** Play years and kiosk time from the scene's number fields; an empty pair means "no play". */
  private setTiming(index: number, event: Event): void {
    if (!this.story) return;
    const form = event.currentTarget as HTMLFieldSetElement;
    const number = (name: string): number | undefined => {
      const input = form.querySelector<HTMLInputElement>(`input[name="${name}"]`);
      const value = input && input.value !== '' ? Number(input.value) : NaN;
      return Number.isFinite(value) ? value : undefined;
    };
    const from = number('from');
    const to = number('to');
    const play = from !== undefined && to !== undefined ? { from, to, secondsPerYear: number('speed') ?? 1 } : undefined;
    this.change(updateScene(this.story, index, { play, durationSeconds: number('duration') }));
  }

  private move(index: number, delta: number): void {
    if (!this.story) return;
    const next = moveScene(this.story, index, delta);
    if (next === this.story) return;
    const id = this.story.scenes[index]!.id;
    this.change(next);
    this.status = fill(strings(this.lang).storyEditor.moved, { from: index + 1, to: index + delta + 1 });
    // Keep focus on the moved scene's button in the same direction (or the other when it hit an end).
    void this.updateComplete.then(() => {
      const item = this.renderRoot.querySelector(`li[data-scene="${CSS.escape(id)}"]`);
      const same = item?.querySelector<HTMLButtonElement>(`button[data-move="${delta < 0 ? 'up' : 'down'}"]`);
      const other = item?.querySelector<HTMLButtonElement>(`button[data-move="${delta < 0 ? 'down' : 'up'}"]`);
      (same && !same.disabled ? same : other)?.focus();
    });
  }

  private removeAt(index: number): void {
    if (!this.story) return;
    const t = strings(this.lang).storyEditor;
    if (!confirm(fill(t.confirmRemove, { index: index + 1 }))) return;
    this.change(removeScene(this.story, index));
    this.status = fill(t.removed, { index: index + 1 });
  }

  /** The draft as a valid story, or null with the errors shown. */
  private validStory(): Story | null {
    if (!this.story) return null;
    const result = validateStory(storyForSave(this.story));
    if ('errors' in result) {
      this.errors = result.errors.map((e) => e.message[this.lang]);
      return null;
    }
    this.errors = [];
    return result.story;
  }

  private readonly handleSave = (): void => {
    const story = this.validStory();
    if (!story) return;
    const name = slug(story.title[this.lang]) || 'berattelse';
    saveBlob(new Blob([`${JSON.stringify(story, null, 2)}\n`], { type: 'application/json' }), `klyftkartan-${name}.json`);
  };

  private readonly handleShare = async (): Promise<void> => {
    const story = this.validStory();
    if (!story) return;
    const encoded = storyToUrl(story);
    if ('error' in encoded) {
      this.errors = [encoded.error[this.lang]];
      this.link = '';
      return;
    }
    // The link always shows, so it can be copied by hand when the clipboard is refused.
    this.link = `${location.origin}${location.pathname}#story=${encoded.param}`;
    try {
      await navigator.clipboard.writeText(this.link);
      this.status = strings(this.lang).storyEditor.shareCopied;
    } catch {
      this.status = '';
    }
  };

  private readonly handlePresent = (): void => {
    const story = this.validStory();
    if (story) this.emit('klyft-story-present', { story });
  };

  private change(story: Story): void {
    this.link = '';
    this.emit('klyft-story-change', { story });
  }

  private emit(name: string, detail?: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'klyft-story-editor': KlyftStoryEditor;
  }
}
