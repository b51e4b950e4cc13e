import { css } from 'lit';

/** Text for screen readers only (`class="visually-hidden"`): tables and summaries behind charts, words behind marks. */
export const visuallyHiddenStyles = css`
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;

/** A square "×" button that closes a panel or dialog (`class="close"`), 44 px for touch. */
export const closeButtonStyles = css`
  button.close {
    flex: none;
    display: inline-grid;
    place-items: center;
    width: 2.75rem;
    height: 2.75rem;
    border: 1px solid transparent;
    border-radius: 8px;
    background: transparent;
    color: #1a1a1a;
    font-size: 1.5rem;
    line-height: 1;
    cursor: pointer;
  }
  button.close:hover {
    background: #e6e6e2;
  }
`;

/** The grey rounded panel of the side column (gap panel, area details): spread into `static styles`. */
export const panelStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    color: #1a1a1a;
    background: #f6f6f4;
    border-radius: 8px;
    padding: clamp(0.75rem, 2vw, 1.25rem);
    font: inherit;
    line-height: 1.4;
  }
  /* The charts' table and summary alternatives. */
  ${visuallyHiddenStyles}
`;

/** The legends' shared styles: host, title, unit, and the class list with swatch, range and the worse/better end words (klyft-legend, klyft-change-legend). */
export const legendListStyles = css`
  /* The legends' host, title and unit. Sizes are em, not rem, so a host page's root font-size
     cannot reach into <klyft-map>. The host is 15/16 of the inherited size: an em inside is
     15/16 of a design rem (1rem = 1.0667em). */
  :host {
    display: block;
    color: #1a1a1a;
    font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    font-size: 0.9375em;
  }
  .title {
    margin: 0 0 0.25em;
    font-size: 1.0667em;
    font-weight: 700;
  }
  .unit {
    font-weight: 400;
    color: #4a4a4a;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    display: flex;
    align-items: center;
    gap: 0.5333em;
    min-height: 1.8667em;
  }
  .swatch {
    flex: none;
    width: 1.6em;
    height: 1.2em;
    border: 1px solid #6b6b6b;
    border-radius: 2px;
  }
  .range {
    font-variant-numeric: tabular-nums;
  }
  .end {
    margin-inline-start: auto;
    padding-inline-start: 0.6154em;
    font-size: 0.8667em;
    font-weight: 600;
    color: #4a4a4a;
  }
`;

/** The outlined action button (.btn): 44 px high for touch, in the accent colour. */
/** A chart that fills its panel's width: an SVG scaled to it, clickable for a year. */
export const chartStyles = css`
  .chart {
    width: 100%;
  }
  .chart svg {
    display: block;
    width: 100%;
    height: auto;
    overflow: visible;
    cursor: pointer;
  }
`;

export const buttonStyles = css`
  /* A toolbar makes its buttons compact with --klyft-btn-min-height/-padding/-font-size. */
  .btn {
    min-height: var(--klyft-btn-min-height, 44px);
    padding: var(--klyft-btn-padding, 0.35rem 0.9rem);
    font-size: var(--klyft-btn-font-size, inherit);
    border: 1px solid #005a9c;
    border-radius: 8px;
    background: #fff;
    color: #005a9c;
    font-family: inherit;
    line-height: inherit;
    cursor: pointer;
  }
  .btn:disabled {
    color: #6b6b6b;
    border-color: #b5b5b5;
    background: #f3f3f3;
    cursor: not-allowed;
  }
`;
