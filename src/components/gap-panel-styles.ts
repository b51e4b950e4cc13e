/** Styles of the gap panel (klyft-gap-panel) and the templates it draws with. */
import { css } from 'lit';

/** The panel's own styles; the shared panel frame comes from shared-styles.ts. */
export const gapPanelStyles = css`
    h2 {
      margin: 0 0 0.75rem;
      font-size: clamp(1.15rem, 1rem + 0.6vw, 1.4rem);
      line-height: 1.25;
    }
    label {
      display: block;
      font-weight: 600;
      font-size: 0.9375rem;
      margin-bottom: 0.25rem;
    }
    select {
      box-sizing: border-box;
      width: 100%;
      min-height: 2.75rem;
      padding: 0.5rem 0.625rem;
      border: 1px solid #6b6b6b;
      border-radius: 8px;
      background: #fff;
      color: #1a1a1a;
      font: inherit;
      font-size: 1rem;
    }
    select:focus-visible,
    summary:focus-visible {
      outline: 3px solid #005a9c;
      outline-offset: 2px;
    }
    .explain {
      margin: 0.375rem 0 0;
      font-size: 0.875rem;
      color: #4a4a4a;
    }
    .unavailable {
      margin: 1rem 0 0;
      padding: 0.75rem;
      border-left: 4px solid #8c8c8c;
      background: #fff;
      border-radius: 0 8px 8px 0;
    }
    figure {
      margin: 1rem 0 0;
    }
    svg {
      font-size: 0.75rem;
    }
    .axis text {
      fill: #4a4a4a;
      font-variant-numeric: tabular-nums;
    }
    .unit {
      margin: 0;
      font-size: 0.75rem;
      color: #4a4a4a;
    }
    .grid {
      stroke: #d9d9d6;
      stroke-width: 1;
    }
    .baseline {
      stroke: #8c8c8c;
    }
    .band {
      fill: #dce8f3;
    }
    .band-edge {
      stroke: #005a9c;
      stroke-width: 1;
      stroke-dasharray: 3 3;
    }
    .band-label {
      fill: #00467a;
      font-weight: 600;
    }
    .line {
      fill: none;
      stroke: #005a9c;
      stroke-width: 3;
      stroke-linejoin: round;
      stroke-linecap: round;
    }
    .join {
      fill: none;
      stroke: #005a9c;
      stroke-width: 2;
      stroke-dasharray: 5 5;
    }
    .point {
      fill: #005a9c;
    }
    .trend {
      fill: none;
      stroke: #1a1a1a;
      stroke-width: 2;
      stroke-dasharray: 4 3;
    }
    .interval {
      stroke: #1a1a1a;
      stroke-width: 2;
    }
    .point.current {
      fill: #fff;
      stroke: #005a9c;
      stroke-width: 3;
    }
    .current-line {
      stroke: #1a1a1a;
      stroke-width: 1;
    }
    .hint {
      margin: 0.25rem 0 0;
      font-size: 0.875rem;
      color: #4a4a4a;
    }
    .period {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(8rem, 1fr));
      gap: 0.75rem;
      margin: 1rem 0 0;
      padding: 0;
      border: 0;
    }
    .period legend {
      padding: 0;
      margin-bottom: 0.25rem;
      font-weight: 600;
      font-size: 0.9375rem;
    }
    .verdict {
      margin: 1rem 0 0;
      font-size: clamp(1.1rem, 1rem + 0.4vw, 1.3rem);
      font-weight: 700;
    }
    .change {
      margin: 0.25rem 0 0;
      font-variant-numeric: tabular-nums;
    }
    details {
      margin: 0.5rem 0 0;
      font-size: 0.9375rem;
    }
    summary {
      cursor: pointer;
      color: #005a9c;
      min-height: 1.5rem;
    }
    details p {
      margin: 0.5rem 0;
    }
    dl {
      display: grid;
      grid-template-columns: auto auto;
      justify-content: start;
      gap: 0.125rem 1rem;
      margin: 0;
    }
    dt {
      color: #4a4a4a;
    }
    dd {
      margin: 0;
      font-variant-numeric: tabular-nums;
    }
    .summary {
      margin: 1rem 0 0;
    }
    .interval-text,
    .weight {
      margin: 0.25rem 0 0;
      font-size: 0.9375rem;
    }
    .note {
      margin: 0.25rem 0 0;
      font-size: 0.875rem;
      color: #4a4a4a;
    }
    @media (pointer: coarse) {
      summary {
        min-height: 2.75rem;
        display: flex;
        align-items: center;
      }
    }
`;
