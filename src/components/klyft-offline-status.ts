import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Localized } from '../data/types';
import { formatNumber, type Lang } from '../format/number';
import { offlineStatus, type OfflineStatus } from '../offline/register-sw';

const TEXT = {
  installing: { sv: 'Sparar appen för användning offline …', en: 'Saving the app for offline use …' },
  ready: { sv: 'Redo att användas offline', en: 'Ready for offline use' },
  update: {
    sv: 'En ny version finns och används nästa gång appen öppnas',
    en: 'A new version is available and will be used the next time the app is opened',
  },
  error: { sv: 'Kunde inte sparas för användning offline', en: 'Could not be saved for offline use' },
} satisfies Record<string, Localized>;

/** "12,3 MB" / "12.3 MB" (decimal megabytes, as file managers show them). */
export function formatMegabytes(bytes: number, lang: Lang): string {
  return `${formatNumber(bytes / 1e6, lang, 1)}\u00a0MB`;
}

/** The line this element shows for a status; empty when there is nothing to say. */
export function offlineStatusText(status: OfflineStatus, lang: Lang): string {
  switch (status.state) {
    case 'unsupported':
      return '';
    case 'installing':
      return TEXT.installing[lang];
    case 'ready':
      return status.totalBytes === null ? TEXT.ready[lang] : `${TEXT.ready[lang]} (${formatMegabytes(status.totalBytes, lang)})`;
    case 'update-waiting':
      return TEXT.update[lang];
    case 'error':
      return TEXT.error[lang];
  }
}

/** A one-line live status of offline support: "Redo att användas offline (12,3 MB)". */
@customElement('klyft-offline-status')
export class KlyftOfflineStatus extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font-size: 0.875rem;
      color: #4a4a4a;
    }
    p {
      margin: 0;
    }
  `;

  /** UI language. */
  @property() override lang: Lang = 'sv';

  @state() private status: OfflineStatus = offlineStatus.get();

  private unsubscribe: (() => void) | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.status = offlineStatus.get();
    this.unsubscribe = offlineStatus.subscribe((status) => (this.status = status));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  override render() {
    const text = offlineStatusText(this.status, this.lang);
    // The live region stays in the DOM so screen readers announce the change to "ready".
    return html`<p role="status" data-state=${this.status.state}>${text || nothing}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'klyft-offline-status': KlyftOfflineStatus;
  }
}
