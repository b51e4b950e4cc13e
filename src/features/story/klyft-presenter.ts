import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../../format/number';
import { fill, strings } from '../../i18n';
import { stageButtonStyles } from './stage-button-styles';

/** One legend row as the presenter shows it. */
export interface PresenterLegendEntry {
  color: string;
  label: string;
}

/**
 * The presenter overlay over the full-screen map: the year, a large legend and the caption,
 * readable from ten metres; the black screen; the kiosk pause notice. The shell handles keys.
 */
@customElement('klyft-presenter')
export class KlyftPresenter extends LitElement {
  /** UI language. */
  @property() override lang: Lang = 'sv';
  /** Indicator name shown above the year. */
  @property() heading = '';
  /** The year or period shown. */
  @property() year = '';
  /** The caption, placeholders filled; null while the scene's data loads. */
  @property({ attribute: false }) caption: string | null = null;
  /** Title above the legend (indicator short name and unit). */
  @property({ attribute: 'legend-title' }) legendTitle = '';
  /** Names of the scene's highlighted areas (outlined on the map), read out with the caption. */
  @property({ attribute: false }) highlights: string[] = [];
  /** Legend rows, first to last class. */
  @property({ attribute: false }) legend: PresenterLegendEntry[] = [];
  /** Label of the no-data swatch. */
  @property({ attribute: 'no-data-label' }) noDataLabel = '';
  /** Current scene (0-based) and count; count 0 = presenting the current view, no story. */
  @property({ type: Number }) scene = 0;
  @property({ type: Number }) count = 0;
  /** The black screen is on. */
  @property({ type: Boolean }) blackout = false;
  /** Seconds until the kiosk loop resumes, or null when not paused. */
  @property({ attribute: false }) pausedSeconds: number | null = null;

  static override styles = [
    stageButtonStyles,
    css`
    :host {
      position: absolute;
      inset: 0;
      pointer-events: none;
      font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
      color: #111;
    }
    .panel { background: rgb(255 255 255 / 0.94); border-radius: 8px; padding: 0.4em 0.7em; box-shadow: 0 2px 12px rgb(0 0 0 / 0.25); }
    .top { position: absolute; top: 1.5vh; left: 1.5vw; pointer-events: auto; }
    .heading { margin: 0; font-size: clamp(22px, 1.6vw, 44px); font-weight: 600; max-width: 30vw; }
    .year { margin: 0; font-size: clamp(48px, 5vw, 140px); font-weight: 800; line-height: 1.05; font-variant-numeric: tabular-nums; }
    .legend { position: absolute; top: 1.5vh; right: calc(1.5vw + 48px); font-size: clamp(22px, 1.5vw, 44px); pointer-events: auto; }
    .legend h2 { font-size: 1em; margin: 0 0 0.3em; }
    .legend ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.2em; }
    .legend li { display: flex; align-items: center; gap: 0.5em; }
    .swatch { width: 1.4em; height: 1em; border: 1px solid #333; flex: none; }
    .nodata { background: repeating-linear-gradient(45deg, #969696 0 4px, #d9d9d9 4px 8px); }
    .caption {
      position: absolute;
      left: 0;
      right: 0;
      bottom: 0;
      margin: 0;
      padding: 0.6em 4vw 0.8em;
      background: rgb(0 0 0 / 0.86);
      color: #fff;
      font-size: clamp(28px, 2.6vw, 64px);
      line-height: 1.3;
      pointer-events: auto;
    }
    .caption .count { display: block; font-size: 0.5em; color: #e6e6e6; margin-top: 0.3em; }
    .controls { position: absolute; bottom: calc(100% + 0.5rem); right: 1.5vw; display: flex; gap: 0.5rem; font-size: 1rem; }
    :host([idle]) .controls { opacity: 0; }
    :host([idle]) .controls:focus-within { opacity: 1; }
    .black {
      position: fixed;
      inset: 0;
      background: #000;
      pointer-events: auto;
      z-index: 100;
      cursor: none;
    }
    .paused {
      position: absolute;
      top: 50%;
      left: 50%;
      transform: translate(-50%, -50%);
      font-size: clamp(24px, 2vw, 48px);
      background: #111;
      color: #fff;
      padding: 0.5em 1em;
      border-radius: 8px;
    }
    .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  `,
  ];

  /** Sizes of the panels over the map (title top left, legend top right, caption below), so the shell keeps the map clear of them. */
  panels(): { title: { width: number; height: number }; legend: { width: number; height: number }; captionHeight: number } {
    const box = (selector: string) => {
      const element = this.renderRoot.querySelector<HTMLElement>(selector);
      return { width: element?.offsetWidth ?? 0, height: element?.offsetHeight ?? 0 };
    };
    return { title: box('.top'), legend: box('.legend'), captionHeight: box('.caption').height };
  }

  override render() {
    const t = strings(this.lang).presenter;
    return html`
      <section aria-label=${t.region}>
        <div class="top panel">
          <p class="heading">${this.heading}</p>
          <p class="year">${this.year}</p>
        </div>
        ${this.renderLegend()} ${this.renderCaption()}
        ${this.pausedSeconds !== null ? html`<p class="paused" role="status">${fill(t.kioskPaused, { seconds: this.pausedSeconds })}</p>` : nothing}
      </section>
      ${
        this.blackout
          ? html`<div class="black" role="presentation" data-blackout @click=${this.handleBlackoutClick}><span class="sr-only">${t.blackout}</span></div>`
          : nothing
      }
    `;
  }

  private renderLegend() {
    if (this.legend.length === 0) return nothing;
    return html`<div class="legend panel">
      <h2>${this.legendTitle}</h2>
      <ul>
        ${this.legend.map((e) => html`<li><span class="swatch" style="background:${e.color}"></span>${e.label}</li>`)}
        <li><span class="swatch nodata"></span>${this.noDataLabel}</li>
      </ul>
    </div>`;
  }

  private renderCaption() {
    const t = strings(this.lang).presenter;
    return html`<div class="caption" aria-live="polite">
      <div class="controls">
        <button type="button" @click=${() => this.emit('klyft-presenter-speaker')}>${t.speaker}</button>
        <button type="button" @click=${() => this.emit('klyft-presenter-exit')}>${t.exit}</button>
      </div>
      <p style="margin:0" data-caption>${this.caption ?? t.loadingCaption}</p>
      ${this.highlights.length > 0 ? html`<span class="sr-only" data-highlights>${fill(t.highlighted, { names: this.highlights.join(', ') })}</span>` : nothing}
      ${this.count > 1 ? html`<span class="count">${fill(t.scene, { index: this.scene + 1, count: this.count })}</span>` : nothing}
    </div>`;
  }

  private handleBlackoutClick(event: Event): void {
    event.stopPropagation();
    this.emit('klyft-presenter-unblank');
  }

  private emit(name: string): void {
    this.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'klyft-presenter': KlyftPresenter;
  }
}
