import { css } from 'lit';

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
`;
