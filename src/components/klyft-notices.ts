import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Lang } from '../format/number';
import { strings } from '../i18n';
import type { Notice, NoticeAction } from '../state/notices';

export type { Notice, NoticeAction } from '../state/notices';

/**
 * Dismissible messages (URL problems, no data at this level, …). Fires
 * `klyft-notice-dismiss` with `{id}`, and `klyft-intent` with an action's intent.
 */
@customElement('klyft-notices')
export class KlyftNotices extends LitElement {
  static override styles = css`
    :host {
      display: block;
      color: #1a1a1a;
      font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    }
    .region:empty {
      display: none;
    }
    .notice {
      display: flex;
      align-items: flex-start;
      gap: 0.5rem;
      margin: 0 0 0.75rem;
      padding: 0.75rem 0.5rem 0.75rem 0.75rem;
      border: 1px solid #005a9c;
      border-inline-start-width: 0.375rem;
      border-radius: 8px;
      background: #eef4f9;
    }
    .notice.warning {
      border-color: #8a5a00;
      background: #fff6e0;
    }
    .icon {
      flex: none;
      display: inline-flex;
      align-items: center;
      justify-content: center;
      width: 1.5rem;
      height: 1.5rem;
      border-radius: 50%;
      background: #005a9c;
      color: #fff;
      font-weight: 700;
      font-size: 0.9375rem;
      line-height: 1;
    }
    .warning .icon {
      border-radius: 4px;
      background: #8a5a00;
    }
    .body {
      flex: 1;
      min-width: 0;
    }
    p {
      margin: 0.125rem 0 0;
      line-height: 1.4;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-top: 0.5rem;
    }
    button {
      min-height: 2.75rem;
      border-radius: 8px;
      font: inherit;
      cursor: pointer;
    }
    .action {
      padding: 0.25rem 0.75rem;
      border: 1px solid #005a9c;
      background: #fff;
      color: #005a9c;
      text-align: start;
    }
    .action:hover {
      background: #e6f0f8;
    }
    .dismiss {
      flex: none;
      width: 2.75rem;
      margin: -0.5rem 0;
      border: 0;
      background: transparent;
      color: #1a1a1a;
      font-size: 1.5rem;
      line-height: 1;
    }
    .dismiss:hover {
      background: rgb(0 0 0 / 0.06);
    }
    button:focus-visible {
      outline: 3px solid #005a9c;
      outline-offset: 2px;
    }
  `;

  /** The notices to show, oldest first. */
  @property({ attribute: false }) notices: Notice[] = [];

  /** UI language. */
  @property() override lang: Lang = 'sv';

  override render() {
    // Both live regions are always in the DOM: screen readers only announce changes to regions they already know.
    return html`
      <div class="region" role="status">${this.renderList('info')}</div>
      <div class="region" role="alert">${this.renderList('warning')}</div>
    `;
  }

  private renderList(tone: Notice['tone']) {
    const notices = this.notices.filter((n) => n.tone === tone);
    if (notices.length === 0) return nothing;
    return repeat(
      notices,
      (n) => n.id,
      (n) => this.renderNotice(n),
    );
  }

  private renderNotice(notice: Notice) {
    const t = strings(this.lang).notices;
    return html`
      <div class="notice ${notice.tone}">
        <span class="icon" aria-hidden="true">${notice.tone === 'warning' ? '!' : 'i'}</span>
        <div class="body">
          <p>${notice.text}</p>
          ${
            notice.actions?.length
              ? html`<div class="actions">
                ${notice.actions.map((a) => html`<button type="button" class="action" @click=${() => this.handleAction(a)}>${a.label}</button>`)}
              </div>`
              : nothing
          }
        </div>
        <button type="button" class="dismiss" aria-label=${t.dismiss} @click=${() => this.handleDismiss(notice.id)}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
    `;
  }

  private handleAction(action: NoticeAction): void {
    if (action.event) this.dispatchEvent(new CustomEvent(action.event, { bubbles: true, composed: true }));
    else this.dispatchEvent(new CustomEvent('klyft-intent', { detail: action.intent, bubbles: true, composed: true }));
  }

  private handleDismiss(id: string): void {
    this.dispatchEvent(new CustomEvent('klyft-notice-dismiss', { detail: { id }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'klyft-notices': KlyftNotices;
  }
}
