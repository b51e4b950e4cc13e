/** Styles shared by the import dialog and its parts (fields, sections, notes). */
import { css } from 'lit';

export const importStyles = css`
  :host {
    color: #1a1a1a;
    font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  }
  :focus-visible { outline: 3px solid #005a9c; outline-offset: 2px; }
  h3 { margin: 0 0 0.5rem; font-size: 1.05rem; }
  section, fieldset { border: 0; border-top: 1px solid #e3e3e3; margin: 0; padding: 0.75rem 0 0; min-width: 0; }
  legend { padding: 0; font-weight: 700; font-size: 1.05rem; margin-bottom: 0.5rem; float: left; width: 100%; }
  legend + * { clear: both; }
  p { margin: 0.25rem 0; }
  .help { color: #4a4a4a; font-size: 0.92rem; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0; }
  dt { font-weight: 600; }
  dd { margin: 0; overflow-wrap: anywhere; }
  .fields { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: 0.75rem 1rem; }
  .field { display: flex; flex-direction: column; gap: 0.25rem; }
  .field.wide { grid-column: 1 / -1; }
  label { font-weight: 600; font-size: 0.9rem; }
  input, select {
    box-sizing: border-box;
    min-height: 44px;
    padding: 0 0.5rem;
    border: 1px solid #6b6b6b;
    border-radius: 8px;
    background: #fff;
    color: #1a1a1a;
    font: inherit;
  }
  .check { display: flex; align-items: flex-start; gap: 0.5rem; min-height: 44px; font-weight: 600; padding: 0.35rem 0; box-sizing: border-box; }
  .check input { min-height: auto; width: 1.25rem; height: 1.25rem; margin: 0.1rem 0 0; flex: none; }
  .check .sub { display: block; font-weight: 400; color: #3d3d3d; font-size: 0.92rem; }
  .options { display: flex; flex-direction: column; gap: 0.25rem; }
  .option { border: 1px solid #c8c8c8; border-radius: 8px; padding: 0 0.75rem; }
  .option.on { border-color: #005a9c; background: #eef5fb; }
  .tag { display: inline-block; margin-inline-start: 0.4rem; padding: 0 0.4rem; border-radius: 4px; background: #e3e3e3; font-size: 0.8rem; font-weight: 600; }
  .codes { font-family: ui-monospace, monospace; font-size: 0.85rem; margin: 0.25rem 0 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; }
  details { margin-top: 0.5rem; }
  summary { cursor: pointer; padding: 0.7rem 0; display: list-item; }
  .warn { border: 1px solid #8a5a00; border-radius: 8px; background: #fff6e0; padding: 0.5rem 0.75rem; }
  .ok { color: #1d5e20; font-weight: 600; }
  table { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
  th, td { text-align: start; padding: 0.3rem 0.5rem; border-bottom: 1px solid #e3e3e3; }
  td.num, th.num { text-align: end; font-variant-numeric: tabular-nums; }
`;

/** The import dialog's own: the drop overlay, the modal, the alert, the actions bar and the progress bar. */
export const importDialogStyles = css`
  .btn.primary { background: #005a9c; color: #fff; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  .overlay { position: fixed; inset: 0; z-index: 1000; display: grid; place-content: center; text-align: center; background: rgb(0 90 156 / 0.85); color: #fff; font-size: clamp(1.25rem, 3vw, 2rem); pointer-events: none; }
  .overlay p { margin: 0.25rem; }
  .overlay .sub { font-size: 1rem; }
  .overlay .frame { border: 4px dashed #fff; border-radius: 16px; padding: 2rem 3rem; }
  dialog { width: min(48rem, calc(100vw - 2rem)); max-height: calc(100vh - 2rem); padding: 0; border: 1px solid #767676; border-radius: 8px; color: #1a1a1a; box-shadow: 0 8px 32px rgb(0 0 0 / 0.25); }
  dialog::backdrop { background: rgb(0 0 0 / 0.4); }
  .body { padding: 1rem 1.25rem; display: flex; flex-direction: column; gap: 1rem; }
  h2 { margin: 0; font-size: 1.3rem; }
  .alert { border: 1px solid #a00; border-inline-start-width: 0.375rem; border-radius: 8px; background: #fdecec; padding: 0.75rem; }
  .alert h3 { color: #8a0000; }
  .actions { display: flex; flex-wrap: wrap; justify-content: flex-end; gap: 0.5rem; padding: 0.75rem 1.25rem; border-top: 1px solid #e3e3e3; background: #f6f6f4; position: sticky; bottom: 0; }
  .actions .left { margin-inline-end: auto; }
  .progress { height: 1rem; border: 1px solid #6b6b6b; border-radius: 8px; background: #fff; overflow: hidden; }
  .progress > span { display: block; height: 100%; background: #005a9c; transition: width 0.12s linear; }
  @media (prefers-reduced-motion: reduce) {
    .progress > span { transition: none; }
  }
`;
