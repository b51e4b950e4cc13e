/** <klyft-map>'s styles: themeable by the host page through custom properties and ::part(). */
import { css } from 'lit';

export const klyftMapStyles = css`
    /* Inner-context !important beats the host page's !important: host rules cannot reach in. */
    :host {
      display: block !important;
      position: relative;
      box-sizing: border-box;
      color: #1a1a1a !important;
      background: var(--klyft-background, #fff) !important;
      font-family: var(--klyft-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif) !important;
      /* px, not rem: the parts size themselves in em of this, and a host's root size (62.5 %, or a
         "* { font-size }" rule that also hits <html>) must not shrink or blow them up. */
      font-size: var(--klyft-font-size, 16px) !important;
      font-weight: 400 !important;
      font-style: normal !important;
      line-height: 1.4 !important;
      letter-spacing: normal !important;
      text-align: start !important;
      text-transform: none !important;
      visibility: visible !important;
    }
    :host([hidden]) {
      display: none !important;
    }
    .frame {
      container-type: inline-size;
      display: flex;
      flex-direction: column;
      height: 100%;
      min-height: 0;
    }
    .head {
      padding: 0.5em 0.75em 0.25em;
    }
    .title {
      margin: 0;
      font-size: 1.1em;
      font-weight: 700;
      line-height: 1.25;
    }
    .meta,
    .summary {
      margin: 0.15em 0 0;
      color: #444;
      font-size: 0.875em;
    }
    .body {
      flex: 1 1 auto;
      min-height: 0;
      display: flex;
      flex-direction: column;
    }
    .body.wide {
      display: grid;
      grid-template-columns: minmax(0, 1fr) minmax(12em, 16em);
      grid-template-rows: minmax(0, 1fr);
    }
    .stage {
      position: relative;
      flex: 1 1 auto;
      min-height: 200px;
      height: var(--klyft-map-height, clamp(280px, 110cqi, 640px));
    }
    .body.wide .stage {
      height: var(--klyft-map-height, clamp(320px, 70cqi, 720px));
    }
    klyft-map-view {
      position: absolute;
      inset: 0;
    }
    klyft-tooltip {
      position: absolute;
      inset: 0;
      pointer-events: none;
    }
    .legend {
      padding: 0.5em 0.75em;
      overflow: auto;
    }
    /* Outer-context rules beat the parts' own :host rules: pass the theme font on. */
    klyft-legend,
    klyft-change-legend,
    klyft-time-slider,
    klyft-tooltip {
      font-family: inherit;
    }
    klyft-time-slider {
      /* The readout follows the element's width, not the window's: cqi of the slider, which is
         a size container as wide as this element (less its padding). Themeable by the host. */
      --klyft-year-size: var(--klyft-year-font-size, clamp(2em, 7cqi, 4em));
      padding: 0.25em 0.75em 0.5em;
      border-top: 1px solid #e3e3e3;
    }
    footer {
      padding: 0.35em 0.75em 0.5em;
      font-size: 0.8125em;
      color: #444;
      border-top: 1px solid #e3e3e3;
    }
    a {
      color: var(--klyft-accent, #005a9c);
    }
    a:focus-visible {
      outline: 3px solid var(--klyft-accent, #005a9c);
      outline-offset: 2px;
    }
    .message {
      margin: 0;
      padding: 1em;
    }
  `;
