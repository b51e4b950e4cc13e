import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Lang } from '../../format/number';
import { fill, strings } from '../../i18n';
import { PRESENTER_CHANNEL, PRESENTER_KEYS, formatElapsed, previewText, type PresenterMessage, type SceneMessage } from '../../story/presenter-channel';
import { stageButtonStyles } from './stage-button-styles';

/**
 * The speaker's window (`?speaker=1`): current and next scene, notes, elapsed time and a clock.
 * It follows the presenting window over a BroadcastChannel and forwards the clicker's keys to it,
 * so either window drives both. It is the whole page in its window, so it owns its channel.
 */
@customElement('klyft-speaker-view')
export class KlyftSpeakerView extends LitElement {
  /** UI language until the main window says otherwise. */
  @property() override lang: Lang = 'sv';
  @state() private scene: SceneMessage | null = null;
  @state() private now = Date.now();
  private channel: BroadcastChannel | null = null;
  private clock: ReturnType<typeof setInterval> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    document.title = strings(this.lang).presenter.speakerTitle;
    this.channel = new BroadcastChannel(PRESENTER_CHANNEL);
    this.channel.onmessage = (event: MessageEvent<PresenterMessage>) => this.handleMessage(event.data);
    this.channel.postMessage({ type: 'hello' } satisfies PresenterMessage);
    this.clock = setInterval(() => (this.now = Date.now()), 1000);
    window.addEventListener('keydown', this.handleKeydown);
  }

  override disconnectedCallback(): void {
    this.channel?.close();
    this.channel = null;
    clearInterval(this.clock);
    window.removeEventListener('keydown', this.handleKeydown);
    super.disconnectedCallback();
  }

  private handleMessage(message: PresenterMessage): void {
    if (message.type === 'scene') {
      this.scene = message;
      this.lang = message.lang;
      document.documentElement.lang = message.lang;
    } else if (message.type === 'end') this.scene = null;
  }

  private readonly handleKeydown = (event: KeyboardEvent): void => {
    if ((PRESENTER_KEYS as readonly string[]).includes(event.key)) {
      event.preventDefault();
      this.send(event.key);
    }
  };

  private send(key: string): void {
    this.channel?.postMessage({ type: 'key', key } satisfies PresenterMessage);
  }

  static override styles = [
    stageButtonStyles,
    css`
    :host {
      display: block;
      min-height: 100vh;
      box-sizing: border-box;
      padding: 1.5rem 2rem;
      background: #111;
      color: #fff;
      font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
      font-size: clamp(18px, 1.4vw, 32px);
    }
    h1 { font-size: 1.2em; margin: 0 0 1rem; }
    h2 { font-size: 1em; margin: 0 0 0.4rem; color: #ffd479; text-transform: uppercase; letter-spacing: 0.05em; }
    .times { display: flex; gap: 2.5rem; font-size: 2em; font-variant-numeric: tabular-nums; margin: 0 0 1.5rem; }
    .times dt { font-size: 0.4em; color: #ddd; }
    .times dd { margin: 0; font-weight: 700; }
    .grid { display: grid; grid-template-columns: 3fr 2fr; gap: 2rem; }
    section { border: 1px solid #555; border-radius: 8px; padding: 1rem 1.25rem; }
    .current { font-size: 1.3em; line-height: 1.35; }
    .notes { grid-column: 1 / -1; line-height: 1.4; }
    .notes p { white-space: pre-wrap; margin: 0; }
    .next { color: #ddd; }
    :host { --stage-button-bg: #222; }
    .buttons { display: flex; gap: 0.75rem; margin-top: 1.5rem; align-items: center; flex-wrap: wrap; }
    .keys { color: #ddd; font-size: 0.8em; }
    .black { color: #ffd479; font-weight: 700; }
  `,
  ];

  override render() {
    const t = strings(this.lang).presenter;
    const scene = this.scene;
    if (!scene) return html`<main><h1>${t.speakerTitle}</h1><p role="status">${t.waiting}</p></main>`;
    const story = scene.story;
    const count = story?.scenes.length ?? 1;
    const next = story?.scenes[scene.index + 1];
    const date = new Date(this.now);
    const clock = `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
    return html`<main>
      <h1>${t.speakerTitle}${story ? html` – ${story.title[this.lang]}` : nothing}</h1>
      <dl class="times">
        <div><dt>${t.elapsed}</dt><dd data-elapsed>${formatElapsed(this.now - scene.startedAt)}</dd></div>
        <div><dt>${t.clock}</dt><dd>${clock}</dd></div>
        <div><dt>${fill(t.scene, { index: scene.index + 1, count })}</dt><dd>${scene.year ?? ''}</dd></div>
      </dl>
      <div class="grid">
        <section class="current" aria-labelledby="now" data-current-scene=${scene.index}>
          <h2 id="now">${t.current}${scene.blackout ? html` · <span class="black">${t.blackout}</span>` : nothing}</h2>
          <p data-current>${scene.caption ?? t.loadingCaption}</p>
        </section>
        <section class="next" aria-labelledby="next">
          <h2 id="next">${t.next}</h2>
          <p data-next>${next ? previewText(next.caption[this.lang]) : t.end}</p>
        </section>
        <section class="notes" aria-labelledby="notes">
          <h2 id="notes">${t.notes}</h2>
          <p>${scene.notes ?? t.noNotes}</p>
        </section>
      </div>
      <div class="buttons">
        <button type="button" @click=${() => this.send('PageUp')}>${t.previous}</button>
        <button type="button" @click=${() => this.send('PageDown')}>${t.forward}</button>
        <button type="button" @click=${() => this.send('b')}>B</button>
        <span class="keys">${t.speakerKeys}</span>
      </div>
    </main>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'klyft-speaker-view': KlyftSpeakerView;
  }
}
