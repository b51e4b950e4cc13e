import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { Lang } from '../format/number';
import { strings } from '../i18n';
import { nearestYear, nextPlayYear, stepYear } from '../state/timeline';

/** Milliseconds between years while playing: long enough to read the map, short enough to see a trend. */
const PLAY_INTERVAL_MS = 900;

/** Tick labels between the ends, shown on wide sliders only. */
const INNER_TICKS = 3;

/**
 * The year control: a large year readout, a native range over the year *index* (so
 * gaps such as non-election years are skipped), step buttons and play/pause.
 * Fires `klyft-intent` with `{year}` on every user change and every play step.
 */
@customElement('klyft-time-slider')
export class KlyftTimeSlider extends LitElement {
  static override styles = css`
    :host {
      display: block;
      container-type: inline-size;
      color: #1a1a1a;
      font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
      /* Sizes are em, not rem, so a host page's root font-size cannot reach into <klyft-map>. */
      /* Thumb width; the tick row is inset by half of it so labels sit under the thumb's centre. */
      --thumb: 1.5em;
      --_accent: var(--klyft-accent, #005a9c);
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em 1.25em;
    }
    .head {
      display: flex;
      align-items: flex-end;
      gap: 0.75em;
      flex-wrap: wrap;
    }
    .readout {
      display: flex;
      flex-direction: column;
      margin-inline-end: auto;
    }
    label {
      font-size: 0.875em;
      font-weight: 600;
      color: #4a4a4a;
    }
    .year {
      /* The app sizes the readout from the window; <klyft-map> sets this from its own width. */
      font-size: var(--klyft-year-size, clamp(2em, 5vw, 4em));
      font-weight: 700;
      line-height: 1;
      font-variant-numeric: tabular-nums;
      letter-spacing: -0.02em;
    }
    .buttons {
      display: flex;
      gap: 0.5em;
    }
    button {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      min-width: 2.75em;
      min-height: 2.75em;
      padding: 0 0.75em;
      border: 1px solid var(--_accent);
      border-radius: 8px;
      background: #fff;
      color: var(--_accent);
      font: inherit;
      cursor: pointer;
    }
    button.play {
      background: var(--_accent);
      color: #fff;
    }
    button:hover:not(:disabled) {
      background: color-mix(in srgb, var(--_accent) 10%, #fff);
      color: color-mix(in srgb, var(--_accent) 73.2%, #000);
    }
    button.play:hover:not(:disabled) {
      background: color-mix(in srgb, var(--_accent) 73.2%, #000);
      color: #fff;
    }
    button:disabled {
      border-color: #b5b5b5;
      color: #6b6b6b;
      background: #f6f6f4;
      cursor: not-allowed;
    }
    button:focus-visible,
    input:focus-visible {
      outline: 3px solid var(--_accent);
      outline-offset: 2px;
    }
    svg {
      width: 1.25em;
      height: 1.25em;
      fill: currentColor;
    }
    .track {
      flex: 1 1 16em;
      min-width: 0;
    }
    input[type='range'] {
      display: block;
      width: 100%;
      height: 2.75em;
      margin: 0;
      font-size: inherit;
      background: transparent;
      cursor: pointer;
      appearance: none;
      -webkit-appearance: none;
    }
    input[type='range']:disabled {
      cursor: not-allowed;
    }
    input[type='range']::-webkit-slider-runnable-track {
      height: 0.375em;
      border-radius: 0.25em;
      background: #6b6b6b;
    }
    input[type='range']::-moz-range-track {
      height: 0.375em;
      border-radius: 0.25em;
      background: #6b6b6b;
    }
    input[type='range']::-webkit-slider-thumb {
      -webkit-appearance: none;
      width: var(--thumb);
      height: var(--thumb);
      margin-top: calc((0.375em - var(--thumb)) / 2);
      border: 3px solid #fff;
      border-radius: 50%;
      background: var(--_accent);
      box-shadow: 0 0 0 1px var(--_accent);
    }
    input[type='range']::-moz-range-thumb {
      width: var(--thumb);
      height: var(--thumb);
      border: 3px solid #fff;
      border-radius: 50%;
      background: var(--_accent);
      box-shadow: 0 0 0 1px var(--_accent);
    }
    input[type='range']:disabled::-webkit-slider-thumb {
      background: #9a9a9a;
      box-shadow: 0 0 0 1px #9a9a9a;
    }
    .ticks {
      /* Smaller text: the thumb's width restated in this em, for the inset and the end labels. */
      --thumb: calc(1.5em / 0.875);
      position: relative;
      height: calc(1.25em / 0.875);
      margin: 0 calc(var(--thumb) / 2);
      font-size: 0.875em;
      color: #4a4a4a;
      font-variant-numeric: tabular-nums;
    }
    .tick {
      position: absolute;
      top: 0;
      transform: translateX(-50%);
      white-space: nowrap;
    }
    .tick.first {
      transform: translateX(calc(var(--thumb) / -2));
    }
    .tick.last {
      transform: translateX(calc(-100% + var(--thumb) / 2));
    }
    .tick.inner {
      display: none;
    }
    @container (min-width: 32em) {
      .tick.inner {
        display: block;
      }
    }
    @media (prefers-reduced-motion: no-preference) {
      button {
        transition: background-color 120ms ease-out;
      }
    }
  `;

  /** Years with data, ascending; may have gaps (e.g. election years only). */
  @property({ attribute: false }) years: number[] = [];

  /** The year shown. */
  @property({ type: Number }) year = 0;

  /** UI language. */
  @property() override lang: Lang = 'sv';

  @state() private playing = false;

  private timer: ReturnType<typeof setInterval> | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new indicator may bring no years at all; there is nothing left to play.
    if (changed.has('years') && this.years.length === 0) this.stop();
  }

  override render() {
    const t = strings(this.lang).slider;
    const empty = this.years.length === 0;
    const index = this.index();
    const last = this.years.length - 1;
    return html`
      <div class="row" role="group" aria-label=${t.timeline}>
        <div class="head">
          <div class="readout">
            <label for="range">${t.year}</label>
            <span class="year" aria-hidden="true">${empty ? '–' : this.currentYear()}</span>
          </div>
          <div class="buttons">
            <button type="button" aria-label=${t.previous} ?disabled=${empty || index <= 0} @click=${this.handlePrevious}>
              ${iconPrevious}
            </button>
            ${this.renderPlayButton(empty || last === 0)}
            <button type="button" aria-label=${t.next} ?disabled=${empty || index >= last} @click=${this.handleNext}>
              ${iconNext}
            </button>
          </div>
        </div>
        <div class="track">
          <input
            id="range"
            type="range"
            min="0"
            max=${Math.max(0, last)}
            step="1"
            .value=${String(Math.max(0, index))}
            aria-valuetext=${empty ? '–' : String(this.currentYear())}
            ?disabled=${empty}
            @input=${this.handleInput}
            @pointerdown=${this.stop}
          />
          ${this.renderTicks()}
        </div>
      </div>
    `;
  }

  private renderPlayButton(disabled: boolean) {
    const t = strings(this.lang).slider;
    return html`
      <button type="button" class="play" aria-label=${this.playing ? t.pause : t.play} ?disabled=${disabled} @click=${this.handlePlay}>
        ${this.playing ? iconPause : iconPlay}
      </button>
    `;
  }

  private renderTicks() {
    const n = this.years.length;
    if (n === 0) return nothing;
    const inner = new Set<number>();
    for (let k = 1; k <= INNER_TICKS && n > 2; k++) inner.add(Math.round((k * (n - 1)) / (INNER_TICKS + 1)));
    inner.delete(0);
    inner.delete(n - 1);
    const position = (i: number) => (n === 1 ? 0 : (i / (n - 1)) * 100);
    return html`
      <div class="ticks" aria-hidden="true">
        <span class="tick first" style=${styleMap({ left: '0' })}>${this.years[0]}</span>
        ${[...inner].map((i) => html`<span class="tick inner" style=${styleMap({ left: `${position(i)}%` })}>${this.years[i]}</span>`)}
        ${n > 1 ? html`<span class="tick last" style=${styleMap({ left: '100%' })}>${this.years[n - 1]}</span>` : nothing}
      </div>
    `;
  }

  /** The shown year snapped to an available one (the shell normally passes one of `years`). */
  private currentYear(): number {
    return this.years.includes(this.year) ? this.year : (nearestYear(this.years, this.year) ?? this.year);
  }

  private index(): number {
    return this.years.indexOf(this.currentYear());
  }

  private emitYear(year: number | undefined): void {
    if (year === undefined || year === this.year) return;
    // The readout follows at once: in a run of year changes the shell repaints the map first and
    // passes the year back only once the run pauses (shell/map-first.ts).
    this.year = year;
    this.dispatchEvent(new CustomEvent('klyft-intent', { detail: { year }, bubbles: true, composed: true }));
  }

  private handleInput(event: Event): void {
    this.stop();
    const index = Number((event.target as HTMLInputElement).value);
    this.emitYear(this.years[index]);
  }

  private handlePrevious(): void {
    this.stop();
    this.emitYear(stepYear(this.years, this.year, -1));
  }

  private handleNext(): void {
    this.stop();
    this.emitYear(stepYear(this.years, this.year, 1));
  }

  private handlePlay(): void {
    if (this.playing) {
      this.stop();
      return;
    }
    const last = this.years[this.years.length - 1];
    // Playing from the end starts over, so the button never appears to do nothing.
    if (this.currentYear() === last) this.emitYear(this.years[0]);
    this.playing = true;
    this.timer = setInterval(this.tick, PLAY_INTERVAL_MS);
  }

  private readonly tick = (): void => {
    const last = this.years[this.years.length - 1];
    if (last === undefined || this.currentYear() === last) {
      this.stop();
      return;
    }
    const next = nextPlayYear(this.years, this.currentYear());
    this.emitYear(next);
    if (next === last) this.stop();
  };

  private readonly stop = (): void => {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.playing = false;
  };
}

const iconPrevious = html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M15.4 5.4 14 4l-8 8 8 8 1.4-1.4L8.8 12z" /></svg>`;
const iconNext = html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M8.6 5.4 10 4l8 8-8 8-1.4-1.4 6.6-6.6z" /></svg>`;
const iconPlay = html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M7 4.5v15l12.5-7.5z" /></svg>`;
const iconPause = html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M6 4.5h4v15H6zm8 0h4v15h-4z" /></svg>`;

declare global {
  interface HTMLElementTagNameMap {
    'klyft-time-slider': KlyftTimeSlider;
  }
}
