/** The shell's layout: header, side column, map stage, detail column; presenter mode hides all but the map. */
import { css } from 'lit';
import { buttonStyles } from '../components/shared-styles';

export const appStyles = [
  buttonStyles,
  css`
    :host {
      display: grid;
      grid-template-rows: auto minmax(0, 1fr);
      height: 100vh;
      color: #1a1a1a;
      background: #fff;
    }
    a { color: #005a9c; }
    button, select, input { font: inherit; }
    :focus-visible { outline: 3px solid #005a9c; outline-offset: 2px; }
    .skip {
      position: absolute;
      left: -9999px;
      top: 0;
      background: #fff;
      padding: 0.5rem 1rem;
      z-index: 10;
    }
    .skip:focus { left: 0.5rem; }
    header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1.25rem;
      padding: 0.5rem 1rem;
      border-bottom: 1px solid #d6d6d6;
      background: #f6f6f4;
    }
    .brand { flex: 1 1 auto; display: flex; flex-direction: column; min-width: 0; }
    h1 { font-size: 1.35rem; margin: 0; letter-spacing: -0.01em; }
    .tagline { margin: 0; color: #444; font-size: 0.9rem; }
    .brand klyft-offline-status { display: block; min-height: 1.45em; font-size: 0.8rem; color: #444; }
    /* Laptops: title and toolbar on one row; the tagline shows where the header wraps anyway. */
    @media (min-width: 801px) and (max-width: 1599px) { .tagline { display: none; } }
    /* A compact toolbar on desktops (also the buttons inside the import and story menus);
       full 44 px touch targets on small screens (below). */
    .header-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
      align-items: center;
      --klyft-btn-min-height: 36px;
      --klyft-btn-padding: 0.2rem 0.7rem;
      --klyft-btn-font-size: 0.9rem;
    }
    .header-actions .btn { min-height: 36px; padding: 0.2rem 0.7rem; font-size: 0.9rem; }
    @media (max-width: 800px) {
      .header-actions { --klyft-btn-min-height: 44px; }
      .header-actions .btn { min-height: 44px; }
    }
    .btn[aria-pressed='true'] { background: #005a9c; color: #fff; }
    .layout {
      display: grid;
      grid-template-columns: minmax(15rem, 19rem) minmax(0, 1fr);
      grid-template-rows: minmax(0, 1fr);
      min-height: 0;
    }
    .layout.with-side {
      grid-template-columns: minmax(15rem, 19rem) minmax(0, 1fr) minmax(17rem, 23rem);
    }
    .detail {
      overflow-y: auto;
      border-left: 1px solid #d6d6d6;
      padding: 0.75rem 1rem 1rem;
      background: #fff;
    }
    aside {
      overflow-y: auto;
      padding: 0.75rem 1rem 1rem;
      border-right: 1px solid #d6d6d6;
      display: flex;
      flex-direction: column;
      gap: 1rem;
      background: #fff;
    }
    main {
      container-type: inline-size;
      position: relative;
      display: grid;
      grid-template-rows: auto 1fr auto;
      min-height: 0;
      min-width: 0;
    }
    .mainbar {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: center;
      padding: 0.5rem 1rem;
      border-bottom: 1px solid #e3e3e3;
    }
    .mainbar h2 { font-size: 1.1rem; margin: 0; flex: 1 1 20rem; }
    .mainbar .meta { color: #444; font-size: 0.9rem; font-weight: normal; display: block; }
    .segmented { display: inline-flex; gap: 0; }
    .segmented .btn { border-radius: 0; }
    .segmented .btn:first-child { border-radius: 8px 0 0 8px; }
    .segmented .btn:last-child { border-radius: 0 8px 8px 0; border-left: none; }
    .stage { position: relative; min-height: 0; }
    .stage.split { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); }
    .pane { position: relative; min-height: 0; min-width: 0; }
    .stage.split .pane:first-child { overflow: auto; padding: 0.5rem 0.75rem; border-right: 1px solid #e3e3e3; }
    .summary { flex: 1 1 100%; margin: 0; font-size: 0.9rem; color: #1a1a1a; max-width: 60rem; }
    .detail { display: flex; flex-direction: column; gap: 1.25rem; }
    @container (max-width: 640px) {
      .stage.split { grid-template-columns: minmax(0, 1fr); grid-template-rows: minmax(0, 1fr) minmax(0, 1fr); }
      .stage.split .pane:first-child { border-right: none; border-bottom: 1px solid #e3e3e3; }
    }
    .mainbar .btn { min-height: 40px; padding: 0.25rem 0.7rem; }
    klyft-map-view { position: absolute; inset: 0; }
    klyft-tooltip { position: absolute; inset: 0; pointer-events: none; }
    .table-wrap { position: absolute; inset: 0; overflow: auto; padding: 0.5rem 1rem; }
    .busy {
      position: absolute;
      top: 0.75rem;
      left: 50%;
      transform: translateX(-50%);
      background: #fff;
      border: 1px solid #d6d6d6;
      border-radius: 8px;
      padding: 0.35rem 0.9rem;
      box-shadow: 0 2px 8px rgb(0 0 0 / 0.15);
    }
    .jump { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
    .jump span { color: #444; }
    .area-select label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
    .area-select select { width: 100%; min-height: 44px; border: 1px solid #767676; border-radius: 8px; padding: 0 0.5rem; background: #fff; }
    klyft-time-slider { border-top: 1px solid #e3e3e3; background: #fff; padding: 0.5rem 1rem 0.75rem; }
    /* Short windows: a smaller year readout, so the slider keeps to one or two short rows. */
    @media (max-height: 940px) { klyft-time-slider { --klyft-year-size: 2.25em; padding: 0.25rem 1rem 0.5rem; } }
    .boot, .error { padding: 2rem; max-width: 40rem; }
    .error h1 { color: #a00; }
    .sr-only {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    /* Presenter mode: the map fills the screen; only the presenter overlay's year, legend and caption show. */
    :host([presenting]) { grid-template-rows: minmax(0, 1fr); height: 100vh; background: #fff; }
    :host([presenting]) header,
    :host([presenting]) aside,
    :host([presenting]) .detail,
    :host([presenting]) .mainbar,
    :host([presenting]) .skip,
    :host([presenting]) klyft-time-slider,
    :host([presenting]) klyft-story-editor { display: none; }
    :host([presenting]) .layout { grid-template-columns: minmax(0, 1fr); grid-template-rows: minmax(0, 1fr); }
    :host([presenting]) main { grid-template-rows: minmax(0, 1fr); }
    :host([presenting][cursor-idle]),
    :host([presenting][cursor-idle]) * { cursor: none; }
    @media (prefers-reduced-motion: reduce) {
      :host([presenting]) * { transition: none !important; animation: none !important; }
    }
    @media (max-width: 1100px) {
      .layout.with-side { grid-template-columns: minmax(15rem, 19rem) minmax(0, 1fr); }
      .layout.with-detail .detail { grid-column: 1 / -1; border-left: none; border-top: 1px solid #d6d6d6; }
      :host { height: auto; min-height: 100vh; }
      .layout { grid-template-rows: auto; }
      main { grid-template-rows: auto minmax(60vh, 1fr) auto; }
    }
    @media (max-width: 800px) {
      .layout, .layout.with-side { grid-template-columns: minmax(0, 1fr); }
      aside { border-right: none; order: 2; }
      main { order: 1; grid-template-rows: auto 65vh auto; }
      .layout .detail { order: 3; }
    }
  `,
];
