/**
 * Pure helpers of the embeddable map: attributes → view state (through the URL codec, so an
 * attribute means exactly what the same URL parameter means), the app link, and the embed codes.
 */
import { decodeViewState, encodeViewState, type UrlContext, type UrlProblem } from '../state/url-codec';
import type { IndicatorMeta, Lang, LevelMeta, SourceMeta } from '../data/types';
import type { ViewState } from '../state/view-state';

/**
 * Attributes of <klyft-map> that mirror URL parameters of the app (same values, and the same
 * names but two: the URL's `class` is `classification`, since `class` is every element's own,
 * and the URL's short `hl` is `highlight`).
 */
export const VIEW_ATTRIBUTES = [
  'level',
  'indicator',
  'year',
  'from',
  'to',
  'area',
  'highlight',
  'mode',
  'measure',
  'classification',
  'k',
  'domain',
  'rel',
  'lang',
] as const;

/** One of VIEW_ATTRIBUTES. */
export type ViewAttribute = (typeof VIEW_ATTRIBUTES)[number];

/** The app's URL parameter an attribute mirrors. */
export function urlParamOf(attribute: ViewAttribute): string {
  return attribute === 'classification' ? 'class' : attribute === 'highlight' ? 'hl' : attribute;
}

/** How much of the interface the embed shows: slider and colour settings, the slider only, or neither. */
export type EmbedControls = 'full' | 'slider' | 'none';

/** Reads the `controls` attribute; anything unknown means the full set. */
export function parseControls(value: string | null | undefined): EmbedControls {
  return value === 'slider' || value === 'none' ? value : 'full';
}

/**
 * The view described by the element's attributes. Missing attributes take the app's defaults;
 * invalid ones fall back and are reported, exactly as in a URL. The embed has no scatter, so
 * mode=scatter shows the change map.
 */
export function viewFromAttributes(
  attributes: Partial<Record<ViewAttribute, string | null>>,
  context: UrlContext,
): { view: ViewState; problems: UrlProblem[] } {
  const params = new URLSearchParams();
  for (const name of VIEW_ATTRIBUTES) {
    const value = attributes[name];
    if (value !== null && value !== undefined && value !== '') params.set(urlParamOf(name), value);
  }
  const { state, problems } = decodeViewState(params.toString(), context);
  return { view: state.mode === 'scatter' ? { ...state, mode: 'change' } : state, problems };
}

/** The full app's URL for a view, given where the data lives (the app sits one folder above `data/`). */
export function appUrlFor(dataBase: string, view: ViewState): string {
  const app = new URL('../', dataBase.endsWith('/') ? dataBase : `${dataBase}/`);
  return `${app.href}?${encodeViewState(view)}`;
}

/** Escapes text for an HTML attribute value in double quotes. */
function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The attributes a view needs on <klyft-map>: level, indicator and year always, the rest when not the default. */
export function viewAttributes(view: ViewState): [ViewAttribute, string][] {
  const params = new URLSearchParams(encodeViewState(view));
  return VIEW_ATTRIBUTES.flatMap((name): [ViewAttribute, string][] => {
    const value = params.get(urlParamOf(name));
    return value === null ? [] : [[name, value]];
  });
}

/** The script tag and element for a view, ready to paste into a page. */
export function elementSnippet(view: ViewState, scriptUrl: string, dataBase?: string): string {
  const attributes = viewAttributes(view).map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`);
  if (dataBase) attributes.push(` data-base="${escapeAttribute(dataBase)}"`);
  return `<script type="module" src="${escapeAttribute(scriptUrl)}"></script>\n<klyft-map${attributes.join('')}></klyft-map>`;
}

/** An iframe of embed.html for a view, for pages that do not allow scripts. */
export function iframeSnippet(view: ViewState, embedPageUrl: string, title: string, height = 600): string {
  const src = `${embedPageUrl}?${encodeViewState(view)}`;
  return `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" width="100%" height="${height}" style="border:0" loading="lazy"></iframe>`;
}

/** The publishers of what a map shows, once each: the indicator's source, then the boundaries' ("Kolada (RKA)", "SCB"). */
export function sourceNames(
  sources: readonly SourceMeta[],
  data: { indicator: Pick<IndicatorMeta, 'source'> | undefined; geometry: { meta: Pick<LevelMeta, 'sources'> } },
  lang: Lang,
): string[] {
  const ids = [data.indicator?.source, ...data.geometry.meta.sources].filter((id): id is string => Boolean(id));
  const found = ids.map((id) => sources.find((s) => s.id === id)).filter((s): s is SourceMeta => Boolean(s));
  // "Källa: Kolada (RKA)" → "Kolada (RKA)": the footer says "Källa" once.
  return [...new Set(found.map((s) => s.attribution[lang].replace(/^[^:]+:\s*/, '')))];
}
