/** Styles of the area panel (klyft-area-detail) and the templates it draws with. */
import { css } from 'lit';
import { closeButtonStyles } from './shared-styles';

/** The panel's own styles; the shared panel frame comes from shared-styles.ts. */
export const areaDetailStyles = css`
    .header {
      display: flex;
      align-items: flex-start;
      gap: 0.5rem;
    }
    .titles {
      flex: 1;
      min-width: 0;
    }
    h2 {
      margin: 0;
      font-size: clamp(1.15rem, 1rem + 0.6vw, 1.4rem);
      line-height: 1.25;
      overflow-wrap: anywhere;
    }
    .code,
    .noun {
      font-weight: normal;
      font-size: 0.875rem;
      color: #4a4a4a;
    }
    .indicator {
      margin: 0.25rem 0 0;
      font-size: 0.9375rem;
    }
    ${closeButtonStyles}
    button.close {
      margin: -0.5rem -0.5rem 0 0;
    }
    button:focus-visible {
      outline: 3px solid #005a9c;
      outline-offset: 2px;
    }
    .value {
      margin: 0.75rem 0 0;
      font-size: clamp(1.5rem, 1.2rem + 1vw, 2rem);
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
    .reason {
      margin: 0.25rem 0 0;
      font-size: 0.9375rem;
    }
    .rank {
      margin: 0.5rem 0 0;
      font-size: 0.9375rem;
    }
    dl {
      margin: 0.5rem 0 0;
      font-size: 0.9375rem;
    }
    dt {
      color: #4a4a4a;
    }
    dd {
      margin: 0;
      font-variant-numeric: tabular-nums;
    }
    .help {
      color: #4a4a4a;
    }
    figure {
      margin: 1rem 0 0;
    }
    .one-year {
      margin: 1rem 0 0;
    }
    .one-year h3 {
      margin: 0 0 0.25rem;
      font-size: 0.9375rem;
    }
    .one-year dl {
      display: grid;
      grid-template-columns: 1fr auto;
      gap: 0.25rem 1rem;
      margin: 0;
    }
    .one-year dd {
      margin: 0;
      font-variant-numeric: tabular-nums;
      text-align: right;
    }
    figcaption {
      font-weight: 600;
      font-size: 0.9375rem;
      margin-bottom: 0.25rem;
    }
    svg {
      font-size: 12px;
    }
    .axis text {
      fill: #4a4a4a;
      font-variant-numeric: tabular-nums;
    }
    .grid {
      stroke: #d9d9d6;
      stroke-width: 1;
    }
    .baseline {
      stroke: #8c8c8c;
    }
    .line {
      fill: none;
      stroke-linejoin: round;
      stroke-linecap: round;
    }
    .line.series {
      stroke: #005a9c;
      stroke-width: 3;
    }
    .line.median {
      stroke: #5c5c5c;
      stroke-width: 2;
      stroke-dasharray: 6 4;
    }
    .line.reference {
      stroke: #7a3e00;
      stroke-width: 2;
      stroke-dasharray: 1.5 4;
    }
    .dot.series {
      fill: #005a9c;
    }
    .dot.median {
      fill: #5c5c5c;
    }
    .dot.reference {
      fill: #7a3e00;
    }
    .current-line {
      stroke: #1a1a1a;
      stroke-width: 1;
    }
    .current-dot {
      fill: #fff;
      stroke: #005a9c;
      stroke-width: 3;
    }
    .end-label {
      font-size: 12px;
      dominant-baseline: middle;
    }
    .end-label.series {
      fill: #00467a;
      font-weight: 600;
    }
    .end-label.median {
      fill: #4a4a4a;
    }
    .end-label.reference {
      fill: #6b3600;
    }
    .hint {
      margin: 0.25rem 0 0;
      font-size: 0.875rem;
      color: #4a4a4a;
    }
    .caveat {
      margin: 0.75rem 0 0;
      padding: 0.5rem 0.75rem;
      border-left: 4px solid #8c5a00;
      background: #fbf6ec;
      border-radius: 0 8px 8px 0;
      font-size: 0.9375rem;
    }
    .caveat.basis {
      border-left-color: #8c8c8c;
      background: #f5f5f3;
    }
    .caveat p {
      margin: 0.25rem 0 0;
    }
    .caveat p:first-child {
      margin-top: 0;
    }
`;
