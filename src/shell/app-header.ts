/** The shell's header: the title, the offline status and the toolbar (import, story, sources, share, language). */
import { html, type TemplateResult } from 'lit';
import type { Lang } from '../format/number';
import { strings } from '../i18n';

/** What the header shows and where its buttons go. */
export interface AppHeader {
  lang: Lang;
  /** "Kopiera länk" just copied the link: the button and a status line say so. */
  copied: boolean;
  /** The import button and the story menu, rendered by their feature controllers. */
  importButton: unknown;
  storyMenu: unknown;
  onSources: () => void;
  onCopyLink: () => void;
  onShare: () => void;
  onLanguage: (lang: Lang) => void;
}

export function renderAppHeader(header: AppHeader): TemplateResult {
  const { lang, copied } = header;
  const t = strings(lang).app;
  const other: Lang = lang === 'sv' ? 'en' : 'sv';
  return html`<header>
    <div class="brand">
      <h1>${t.title}</h1>
      <p class="tagline">${t.tagline}</p>
      <klyft-offline-status .lang=${lang}></klyft-offline-status>
    </div>
    <div class="header-actions">
      ${header.importButton} ${header.storyMenu}
      <button class="btn" @click=${header.onSources}>${t.sources}</button>
      <button class="btn" @click=${header.onCopyLink}>${copied ? t.shareCopied : t.share}</button>
      <button class="btn" @click=${header.onShare}>${strings(lang).share.open}</button>
      <button class="btn" lang=${other} @click=${() => header.onLanguage(other)}>${t.switchLanguage}</button>
    </div>
    <span class="sr-only" role="status">${copied ? t.shareCopied : ''}</span>
  </header>`;
}
