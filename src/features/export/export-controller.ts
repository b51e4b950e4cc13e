/**
 * Sharing and downloads: "Kopiera länk", the share dialog (<klyft-share-dialog>) and what it asks
 * for — the map as PNG, the table as CSV, a chart as SVG — each with source and licence.
 */
import { html, type ReactiveControllerHost } from 'lit';
import type { AppController } from '../../app/app-controller';
import type { IndicatorMeta, SourceMeta } from '../../data/types';
import type { DownloadSources } from './downloads';

/** The shell as the export controller needs it. */
export interface ExportHost extends ReactiveControllerHost, DownloadSources {
  loadElement(tag: 'klyft-share-dialog'): Promise<unknown>;
  shareDialog(): { show(): Promise<void> } | null;
}

/** Copy link, the share dialog and its downloads. */
export class ExportController {
  /** The link was just copied (the button says so for a moment). */
  copied = false;

  constructor(
    private readonly host: ExportHost,
    private readonly app: AppController,
  ) {}

  readonly handleCopyLink = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(location.href);
      this.setCopied(true);
      setTimeout(() => this.setCopied(false), 2500);
    } catch {
      // Clipboard may be refused (permissions, insecure context): the URL bar still has the link.
      this.setCopied(false);
    }
  };

  private setCopied(copied: boolean): void {
    this.copied = copied;
    this.host.requestUpdate();
  }

  readonly handleShowShare = async (): Promise<void> => {
    await this.host.loadElement('klyft-share-dialog');
    await customElements.whenDefined('klyft-share-dialog');
    void this.host.shareDialog()?.show();
  };

  /** The loaded indicator with its catalogue source and years: what downloads and citations name. */
  private exportMeta(): { indicator: IndicatorMeta; source: SourceMeta | undefined; years?: readonly number[] } | null {
    const indicator = this.app.loaded?.indicator;
    if (!indicator) return null;
    return { indicator, source: this.app.catalogue?.sources.find((s) => s.id === indicator.source), years: this.app.loaded?.series?.years };
  }

  /** Builds and saves a download the share dialog asked for (the builders load on demand). */
  private readonly handleDownload = async (event: Event): Promise<void> => {
    const { saveDownload } = await import('./downloads');
    await saveDownload((event as CustomEvent<{ kind: string }>).detail.kind, this.app, this.host);
  };

  /** The share dialog: links, embed codes and downloads of the view. */
  renderDialog() {
    const view = this.app.view;
    const vm = this.app.viewModel();
    return html`<klyft-share-dialog
      .view=${view}
      .appUrl=${location.origin + location.pathname}
      .embedScriptUrl=${new URL('embed/klyft-map.js', document.baseURI).href}
      .viewTitle=${`${this.app.loaded?.indicator?.name[view.lang] ?? ''} ${vm.titleYears}`}
      .lang=${view.lang}
      .downloads=${view.area ? ['png', 'csv', 'svg-gap', 'svg-series'] : vm.gap ? ['png', 'csv', 'svg-gap'] : ['png', 'csv']}
      .exportMeta=${this.exportMeta()}
      @klyft-download=${this.handleDownload}
    ></klyft-share-dialog>`;
  }
}
