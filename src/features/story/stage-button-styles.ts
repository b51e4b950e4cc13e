/** The stage's dark buttons and focus ring, shared by the presenter and the speaker view. */
import { css } from 'lit';

export const stageButtonStyles = css`
  button {
    font: inherit;
    min-height: 44px;
    padding: 0.35rem 0.9rem;
    border: 1px solid #fff;
    border-radius: 8px;
    background: var(--stage-button-bg, #111);
    color: #fff;
    cursor: pointer;
  }
  :focus-visible {
    outline: 3px solid #ffbf47;
    outline-offset: 2px;
  }
`;
