import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Lang } from '../../format/number';
import { strings } from '../../i18n';
import { elementSnippet, iframeSnippet, viewAttributes } from '../../embed/embed-view';
import { citeText } from '../../export/cite-text';
import type { ExportMeta } from '../../export/export-meta';
import { encodeViewState } from '../../state/url-codec';
import { DEFAULT_VIEW, type ViewState } from '../../state/view-state';
import '../../embed/klyft-map';

/** What the shell is asked to download. */
export type DownloadKind = 'png' | 'csv' | 'svg-gap' | 'svg-series';

/** Detail of `klyft-download`. */
export interface DownloadDetail {
  kind: DownloadKind;
}

/** Preview widths offered (CSS px): phone, narrow column, article column, wide. */
const PREVIEW_WIDTHS = [320, 480, 640, 800] as const;

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * The share dialog: permalink, <klyft-map> snippet and iframe snippet for exactly `view`, each
 * with a copy button; a live preview of the embed at a chosen width; download buttons that fire
 * `klyft-download` {kind} for the shell to handle. Open it with `show()`.
 */
@customElement('klyft-share-dialog')
export class KlyftShareDialog extends LitElement {
  static override styles = css`
    :host {
      color: #1a1a1a;
      font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    }
    dialog {
      width: min(60rem, calc(100vw - 2rem));
      max-height: calc(100vh - 2rem);
      padding: 0;
      border: 1px solid #d6d6d6;
      border-radius: 8px;
      box-shadow: 0 8px 32px rgb(0 0 0 / 0.25);
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 0.4);
    }
    .inner {
      padding: 1rem 1.25rem 1.25rem;
      display: flex;
      flex-direction: column;
      gap: 1rem;
    }
    header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 1rem;
    }
    h2 {
      margin: 0;
      font-size: 1.25rem;
    }
    h3 {
      margin: 0 0 0.5rem;
      font-size: 1rem;
    }
    .field label {
      display: block;
      font-weight: 600;
      margin-bottom: 0.25rem;
    }
    .row {
      display: flex;
      gap: 0.5rem;
      align-items: flex-start;
    }
    textarea {
      flex: 1 1 auto;
      min-height: 2.75rem;
      padding: 0.5rem;
      border: 1px solid #767676;
      border-radius: 8px;
      font: 0.875rem/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      color: #1a1a1a;
      background: #f6f6f4;
      resize: vertical;
    }
    .status {
      margin: 0.25rem 0 0;
      font-size: 0.875rem;
      color: #444;
      min-height: 1.2em;
    }
    button,
    select {
      min-height: 44px;
      padding: 0.35rem 0.9rem;
      border: 1px solid #005a9c;
      border-radius: 8px;
      background: #fff;
      color: #005a9c;
      font: inherit;
      cursor: pointer;
    }
    select {
      color: #1a1a1a;
      border-color: #767676;
    }
    button:hover {
      background: #e6f0f8;
    }
    :focus-visible {
      outline: 3px solid #005a9c;
      outline-offset: 2px;
    }
    .downloads {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .preview-frame {
      overflow: auto;
      padding: 0.5rem;
      background: #f6f6f4;
      border-radius: 8px;
    }
    .preview-frame klyft-map {
      margin: 0 auto;
      border: 1px solid #d6d6d6;
      --klyft-map-height: 360px;
    }
    @media (prefers-reduced-motion: no-preference) {
      button {
        transition: background-color 120ms ease-out;
      }
    }
  `;

  /** The view to share. */
  @property({ attribute: false }) view: ViewState = DEFAULT_VIEW;

  /** The app's URL without a query (e.g. https://host/klyftkartan/); embed.html and data/ sit beside it. */
  @property({ attribute: 'app-url' }) appUrl = '';

  /** URL of the built <klyft-map> module (e.g. https://host/klyftkartan/embed/klyft-map.js). */
  @property({ attribute: 'embed-script-url' }) embedScriptUrl = '';

  /** UI language. */
  @property() override lang: Lang = 'sv';

  /** The view's title (indicator and year), the iframe's accessible name. */
  @property({ attribute: 'view-title' }) viewTitle = '';

  /** Indicator, source and years of the view, for the "cite this" text (none while loading). */
  @property({ attribute: false }) exportMeta: ExportMeta | null = null;

  /** Downloads offered (the series chart needs a selected area, the gap chart a gap series). */
  @property({ attribute: false }) downloads: DownloadKind[] = ['png', 'csv', 'svg-gap', 'svg-series'];

  @state() private open = false;
  @state() private previewWidth: number = 480;
  @state() private copyStates: Record<string, CopyState> = {};

  @query('dialog') private dialog!: HTMLDialogElement;

  /** Opens the dialog as a modal. */
  async show(): Promise<void> {
    this.open = true;
    this.copyStates = {};
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
  }

  private permalink(): string {
    return `${this.appUrl}?${encodeViewState(this.view)}`;
  }

  override render() {
    const t = strings(this.lang).share;
    const title = `${strings(this.lang).app.title}: ${this.viewTitle || this.view.indicator}`;
    const embedPage = new URL('embed.html', this.appUrl || document.baseURI).href;
    return html`<dialog aria-labelledby="share-title" @close=${this.handleClose}>
      <div class="inner">
        <header>
          <h2 id="share-title">${t.title}</h2>
          <button type="button" @click=${this.close}>${t.close}</button>
        </header>
        ${this.renderField('permalink', t.permalink, this.permalink(), 2)}
        ${this.renderField('element', t.elementSnippet, elementSnippet(this.view, this.embedScriptUrl), 3)}
        ${this.renderField('iframe', t.iframeSnippet, iframeSnippet(this.view, embedPage, title), 3)}
        ${this.exportMeta ? this.renderField('cite', t.cite, citeText(this.exportMeta, this.permalink(), this.lang), 3) : nothing}
        ${this.renderPreview()} ${this.renderDownloads()}
      </div>
    </dialog>`;
  }

  private renderField(id: string, label: string, value: string, rows: number) {
    const t = strings(this.lang).share;
    const copy = this.copyStates[id] ?? 'idle';
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <div class="row">
        <textarea id=${id} readonly rows=${rows} .value=${value} @focus=${(e: Event) => (e.target as HTMLTextAreaElement).select()}></textarea>
        <button type="button" aria-describedby=${`${id}-status`} @click=${() => this.handleCopy(id, value)}>${t.copy}</button>
      </div>
      <p class="status" id=${`${id}-status`} role="status">${copy === 'copied' ? t.copied : copy === 'failed' ? t.copyFailed : ''}</p>
    </div>`;
  }

  private renderPreview() {
    const t = strings(this.lang).share;
    // Only an open dialog holds a live map: a closed one must not keep a WebGL context.
    const attributes = Object.fromEntries(viewAttributes(this.view));
    return html`<section aria-labelledby="preview-title">
      <div class="row" style="align-items:center; justify-content:space-between">
        <h3 id="preview-title">${t.preview}</h3>
        <label>
          ${t.previewWidth}
          <select @change=${this.handleWidth}>
            ${PREVIEW_WIDTHS.map((w) => html`<option value=${w} ?selected=${w === this.previewWidth}>${w} px</option>`)}
          </select>
        </label>
      </div>
      <div class="preview-frame">
        ${
          this.open
            ? html`<klyft-map
              style="width:${this.previewWidth}px"
              level=${attributes.level ?? nothing}
              indicator=${attributes.indicator ?? nothing}
              year=${attributes.year ?? nothing}
              from=${attributes.from ?? nothing}
              to=${attributes.to ?? nothing}
              area=${attributes.area ?? nothing}
              highlight=${attributes.highlight ?? nothing}
              mode=${attributes.mode ?? nothing}
              measure=${attributes.measure ?? nothing}
              classification=${attributes.classification ?? nothing}
              k=${attributes.k ?? nothing}
              domain=${attributes.domain ?? nothing}
              rel=${attributes.rel ?? nothing}
              lang=${this.view.lang}
              data-base=${new URL('data/', this.appUrl || document.baseURI).href}
            ></klyft-map>`
            : nothing
        }
      </div>
    </section>`;
  }

  private renderDownloads() {
    const t = strings(this.lang).share;
    const label: Record<DownloadKind, string> = { png: t.png, csv: t.csv, 'svg-gap': t.svgGap, 'svg-series': t.svgSeries };
    return html`<section aria-labelledby="downloads-title">
      <h3 id="downloads-title">${t.downloads}</h3>
      <div class="downloads">
        ${this.downloads.map((kind) => html`<button type="button" @click=${() => this.handleDownload(kind)}>${label[kind]}</button>`)}
      </div>
    </section>`;
  }

  private async handleCopy(id: string, value: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(value);
      this.copyStates = { ...this.copyStates, [id]: 'copied' };
    } catch {
      // Clipboard refused (permissions, insecure context): select the text so Ctrl+C works.
      const area = this.renderRoot.querySelector<HTMLTextAreaElement>(`#${id}`);
      area?.focus();
      area?.select();
      this.copyStates = { ...this.copyStates, [id]: 'failed' };
    }
  }

  private handleWidth(event: Event): void {
    this.previewWidth = Number((event.target as HTMLSelectElement).value);
  }

  private handleDownload(kind: DownloadKind): void {
    this.dispatchEvent(new CustomEvent<DownloadDetail>('klyft-download', { detail: { kind }, bubbles: true, composed: true }));
  }

  private readonly close = (): void => {
    this.dialog?.close();
  };

  private readonly handleClose = (): void => {
    this.open = false;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'klyft-share-dialog': KlyftShareDialog;
  }
  interface HTMLElementEventMap {
    'klyft-download': CustomEvent<DownloadDetail>;
  }
}
