/**
 * <klyft-map>: the Klyftkartan map as one embeddable element. Built as its own entry
 * (vite.embed.config.ts); registers only this tag and the klyft-* parts it is made of.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { LoadError, loadBasemap, loadCatalogue, type Basemap } from '../data/load';
import type { Catalogue, SourceMeta } from '../data/types';
import { formatValue } from '../format/number';
import { fill, hasLanguage, loadLanguage, strings } from '../i18n';
import type { ChangeScale } from '../scales/diverging';
import { findLevel, levelLabel, urlContext } from '../state/app-data';
import { gapOverview, type ChangeOverview, type GapOverview } from '../state/gap-view';
import { mapColors, type MapColors } from '../state/map-colors';
import { ranks, valuesForYear } from '../state/selectors';
import { analyseViewData } from '../state/view-analysis';
import { loadViewData, type ViewData } from '../state/view-data';
import { DEFAULT_VIEW, type ViewState } from '../state/view-state';
import type { KlyftMapView } from '../components/klyft-map-view';
import type { SceneEffects } from '../map/scene-effects';
import '../components/klyft-legend';
import '../components/klyft-time-slider';
import { appUrlFor, parseControls, VIEW_ATTRIBUTES, viewFromAttributes, type ViewAttribute } from './embed-view';

/** The change view's parts (legend, diverging scale, overview), loaded when first needed. */
type ChangeKit = typeof import('./embed-change');
let changeKit: ChangeKit | null = null;
let changeKitLoading: Promise<ChangeKit> | null = null;
function loadChangeKit(): Promise<ChangeKit> {
  changeKitLoading ??= import('./embed-change').then((kit) => (changeKit = kit));
  return changeKitLoading;
}

/** The hover tooltip, loaded at the first hover. */
function loadTooltip(): void {
  if (!customElements.get('klyft-tooltip')) void import('../components/klyft-tooltip');
}

/** Where the data lives when no `data-base` is given: next to the built module's folder. */
const DEFAULT_DATA_BASE = new URL(/* @vite-ignore */ '../data/', import.meta.url).href;

/**
 * The map itself (maplibre and deck.gl), requested as soon as this module runs, alongside the
 * data: the element renders its title, legend and slider meanwhile, and the map once it arrives.
 */
const mapViewLoaded: Promise<unknown> = import('./embed-map-view');

/** Colour attributes and the view settings the reader can also change in the legend. */
const COLOUR_ATTRIBUTES = [
  ['classification', 'classification'],
  ['k', 'classes'],
  ['domain', 'domain'],
  ['rel', 'relative'],
] as const;

/** Width from which the legend sits beside the map instead of below it. */
const WIDE_PX = 640;

type Boot = { status: 'loading' } | { status: 'error'; file: string; reason: string } | { status: 'ready' };

/** Detail of `klyft-map:year-change`. */
export interface YearChangeDetail {
  year: number;
}

/** Detail of `klyft-map:area-select`: the selected area's code, or null when deselected. */
export interface AreaSelectDetail {
  code: string | null;
}

/**
 * An embeddable choropleth. Attributes mirror the app's URL (level, indicator, year, from, to,
 * area, highlight (URL `hl`, comma-separated area codes to outline and label), mode, measure,
 * classification (URL `class`), k, domain, rel, lang) plus `controls` (full | slider | none) and `data-base`; the host may
 * change any of them at any time. Fires `klyft-map:year-change` {year} and
 * `klyft-map:area-select` {code} when the reader changes the year or selects an area.
 */
@customElement('klyft-map')
export class KlyftMap extends LitElement {
  static override styles = css`
    /* Inner-context !important beats the host page's !important: host rules cannot reach in. */
    :host {
      display: block !important;
      position: relative;
      box-sizing: border-box;
      color: #1a1a1a !important;
      background: var(--klyft-background, #fff) !important;
      font-family: var(--klyft-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif) !important;
      /* px, not rem: the parts size themselves in em of this, and a host's root size (62.5 %, or a
         "* { font-size }" rule that also hits <html>) must not shrink or blow them up. */
      font-size: var(--klyft-font-size, 16px) !important;
      font-weight: 400 !important;
      font-style: normal !important;
      line-height: 1.4 !important;
      letter-spacing: normal !important;
      text-align: start !important;
      text-transform: none !important;
      visibility: visible !important;
    }
    :host([hidden]) {
      display: none !important;
    }
    .frame {
      container-type: inline-size;
      display: flex;
      flex-direction: column;
      height: 100%;
      min-height: 0;
    }
    .head {
      padding: 0.5em 0.75em 0.25em;
    }
    .title {
      margin: 0;
      font-size: 1.1em;
      font-weight: 700;
      line-height: 1.25;
    }
    .meta,
    .summary {
      margin: 0.15em 0 0;
      color: #444;
      font-size: 0.875em;
    }
    .body {
      flex: 1 1 auto;
      min-height: 0;
      display: flex;
      flex-direction: column;
    }
    .body.wide {
      display: grid;
      grid-template-columns: minmax(0, 1fr) minmax(12em, 16em);
      grid-template-rows: minmax(0, 1fr);
    }
    .stage {
      position: relative;
      flex: 1 1 auto;
      min-height: 200px;
      height: var(--klyft-map-height, clamp(280px, 110cqi, 640px));
    }
    .body.wide .stage {
      height: var(--klyft-map-height, clamp(320px, 70cqi, 720px));
    }
    klyft-map-view {
      position: absolute;
      inset: 0;
    }
    klyft-tooltip {
      position: absolute;
      inset: 0;
      pointer-events: none;
    }
    .legend {
      padding: 0.5em 0.75em;
      overflow: auto;
    }
    /* Outer-context rules beat the parts' own :host rules: pass the theme font on. */
    klyft-legend,
    klyft-change-legend,
    klyft-time-slider,
    klyft-tooltip {
      font-family: inherit;
    }
    klyft-time-slider {
      /* The readout follows the element's width, not the window's: cqi of the slider, which is
         a size container as wide as this element (less its padding). Themeable by the host. */
      --klyft-year-size: var(--klyft-year-font-size, clamp(2em, 7cqi, 4em));
      padding: 0.25em 0.75em 0.5em;
      border-top: 1px solid #e3e3e3;
    }
    footer {
      padding: 0.35em 0.75em 0.5em;
      font-size: 0.8125em;
      color: #444;
      border-top: 1px solid #e3e3e3;
    }
    a {
      color: var(--klyft-accent, #005a9c);
    }
    a:focus-visible {
      outline: 3px solid var(--klyft-accent, #005a9c);
      outline-offset: 2px;
    }
    .message {
      margin: 0;
      padding: 1em;
    }
  `;

  /** Map level id, e.g. "kommun" or "gbg-primaromrade" (URL parameter `level`). */
  @property({ reflect: false }) level: string | null = null;

  /** Indicator id, e.g. "kolada-n66077". */
  @property() indicator: string | null = null;

  /** Year shown (snapped to the indicator's nearest year). */
  @property() year: string | null = null;

  /** Start of the compared period in the change view. */
  @property() from: string | null = null;

  /** End of the compared period in the change view. */
  @property() to: string | null = null;

  /** Code of the selected area. */
  @property() area: string | null = null;

  /** Codes of areas to outline and label, comma-separated (URL `hl`), e.g. "1480,1280". */
  @property() highlight: string | null = null;

  /** "level" (default) or "change". */
  @property() mode: string | null = null;

  /** Gap measure of the summary, e.g. "range". */
  @property() measure: string | null = null;

  /** Colour classes: "quantile" (default), "equal" or "jenks" (URL parameter `class`). */
  @property() classification: string | null = null;

  /** Number of colour classes: 5 (default), 6 or 7. */
  @property() k: string | null = null;

  /** Colour scale over "all" years (default) or this "year" only. */
  @property() domain: string | null = null;

  /** "1": the change map relative to the reference's change. */
  @property() rel: string | null = null;

  /** Language: "sv" (default) or "en". */
  @property({ attribute: 'lang' }) override lang = '';

  /** full (slider and colour settings), slider, or none. */
  @property() controls: string | null = null;

  /** URL of the data folder (default: ../data/ next to this module). */
  @property({ attribute: 'data-base' }) dataBase: string | null = null;

  @state() private boot: Boot = { status: 'loading' };
  @state() private data: ViewData | null = null;
  @state() private hover: { index: number; x: number; y: number } | null = null;
  @state() private wide = false;
  /** Colour settings the reader chose in the legend (not attributes). */
  @state() private colorSettings: Partial<Pick<ViewState, 'classification' | 'classes' | 'domain' | 'relative'>> = {};

  /** Outlines and labels of highlighted areas, loaded with the first highlight (see scene-effects.ts). */
  @state() private effects: SceneEffects | null = null;
  private effectsLoading = false;

  @query('klyft-map-view') private mapView!: KlyftMapView | null;

  private catalogue: Catalogue | null = null;
  private basemap: Basemap | null = null;
  private loadedBase = '';
  private loadTicket = 0;
  private view: ViewState = DEFAULT_VIEW;
  private colors: MapColors | null = null;
  private gap: GapOverview | null = null;
  private change: { overview: ChangeOverview; scale: ChangeScale; key: string } | null = null;
  private resizeObserver: ResizeObserver | null = null;
  private signalledKey = '';

  /** Resolves once the map has drawn the current view's colours. */
  async whenRendered(): Promise<void> {
    await this.updateComplete;
    await mapViewLoaded;
    const mapView = this.mapView;
    if (!mapView) return;
    await mapView.whenReady();
    await mapView.whenRendered();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver = new ResizeObserver((entries) => {
      const width = entries[0]?.contentRect.width ?? 0;
      const wide = width >= WIDE_PX;
      if (wide !== this.wide) this.wide = wide;
    });
    this.resizeObserver.observe(this);
  }

  override disconnectedCallback(): void {
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    super.disconnectedCallback();
  }

  private base(): string {
    const base = this.dataBase ? new URL(this.dataBase, document.baseURI).href : DEFAULT_DATA_BASE;
    return base.endsWith('/') ? base : `${base}/`;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    // The host setting a colour attribute overrides what the reader chose in the legend.
    for (const [attribute, setting] of COLOUR_ATTRIBUTES) {
      if (changed.has(attribute) && setting in this.colorSettings) {
        const { [setting]: _dropped, ...rest } = this.colorSettings;
        this.colorSettings = rest;
      }
    }
    const base = this.base();
    if (base !== this.loadedBase) {
      this.loadedBase = base;
      this.catalogue = null;
      this.data = null;
      void this.start(base);
      return;
    }
    if (!this.catalogue) return;
    const attributes: Partial<Record<ViewAttribute, string | null>> = {};
    for (const name of VIEW_ATTRIBUTES) attributes[name] = name === 'lang' ? this.lang || null : this[name];
    const { view } = viewFromAttributes(attributes, urlContext(this.catalogue));
    this.view = { ...view, ...this.colorSettings };
    if (!this.currentData()) void this.ensureData();
    this.applyHighlight();
    // English strings load on demand; derive (sentences) and render once they are here.
    if (!hasLanguage(view.lang)) {
      void loadLanguage(view.lang).then(() => this.requestUpdate());
      return;
    }
    // The change view waits for its parts rather than flash the level map.
    if (view.mode !== 'level' && !changeKit) {
      void loadChangeKit().then(() => this.requestUpdate());
      return;
    }
    this.derive();
  }

  /** Hands the highlighted areas to the map extension, loading it with the first highlight. */
  private applyHighlight(): void {
    if (!this.effects && this.view.highlight.length > 0 && !this.effectsLoading) {
      this.effectsLoading = true;
      void import('../map/scene-effects').then(({ SceneEffects }) => (this.effects ??= new SceneEffects()));
    }
    this.effects?.setHighlight(this.highlightIndices());
  }

  /** Indices of the highlighted areas in the loaded level (codes it lacks are left out). */
  private highlightIndices(): number[] {
    const data = this.currentData();
    if (!data) return [];
    return this.view.highlight.map((code) => data.geometry.indexByCode.get(code)).filter((i): i is number => i !== undefined);
  }

  /** Loads the catalogue and basemap once per data folder. */
  private async start(base: string): Promise<void> {
    this.boot = { status: 'loading' };
    try {
      const catalogue = await loadCatalogue(base);
      const basemap = await loadBasemap(base, catalogue.basemap);
      if (base !== this.loadedBase) return;
      this.catalogue = catalogue;
      this.basemap = basemap;
      this.boot = { status: 'ready' };
    } catch (error) {
      if (base !== this.loadedBase) return;
      this.boot = errorBoot(error, 'catalogue.json');
    }
  }

  /** Loads the level and indicator of the view, dropping stale responses. */
  private async ensureData(): Promise<void> {
    const catalogue = this.catalogue;
    if (!catalogue) return;
    const { level, indicator } = this.view;
    const key = `${level}|${indicator}`;
    if (this.pendingKey === key) return;
    this.pendingKey = key;
    const ticket = ++this.loadTicket;
    try {
      const data = analyseViewData(await loadViewData(this.loadedBase, catalogue, level, indicator));
      if (ticket !== this.loadTicket) return;
      this.hover = null;
      this.data = data;
    } catch (error) {
      if (ticket !== this.loadTicket) return;
      this.boot = errorBoot(error, findLevel(catalogue, level)?.file ?? level);
    } finally {
      if (ticket === this.loadTicket) this.pendingKey = '';
    }
  }

  private pendingKey = '';

  /** Gap summary, change overview and colours for the current view and data. */
  private derive(): void {
    const data = this.currentData();
    const view = this.view;
    if (!data) return;
    const { series, stats, indicator } = data;
    this.gap = null;
    if (series && stats && indicator && series.years.length >= 2) {
      this.gap = gapOverview(series, stats, indicator, view.level, {
        measure: view.measure,
        from: view.from,
        to: view.to,
        lang: view.lang,
        weighted: data.weights !== null,
      });
      if (view.mode !== 'level' && changeKit) {
        const { changeOverview, buildChangeScale } = changeKit;
        const key = `${view.level}|${view.indicator}|${view.from}|${view.to}|${view.relative}|${view.lang}`;
        if (this.change?.key !== key) {
          const overview = changeOverview(series, stats, data.weights, indicator, view.level, {
            from: view.from,
            to: view.to,
            relative: view.relative,
            lang: view.lang,
          });
          this.change = { overview, scale: buildChangeScale(overview.changes.delta, overview.changes.clear, indicator.direction), key };
        }
      }
    }
    const mode = view.mode !== 'level' && this.change && changeKit ? view.mode : 'level';
    const change = mode !== 'level' && this.change && changeKit ? { ...this.change, fill: changeKit.fillChangeColors } : null;
    this.colors = mapColors(
      { view: { ...view, mode }, series, indicator, count: data.geometry.codes.length, levelId: data.geometry.meta.id, change },
      this.colors,
    );
  }

  override updated(): void {
    void this.signalRendered();
  }

  /** Marks the element (data-map-key) once the map has drawn the current colours; tests wait on it. */
  private async signalRendered(): Promise<void> {
    const key = this.colors?.key ?? '';
    if (!key || key === this.signalledKey || !this.mapView) return;
    this.signalledKey = key;
    await this.whenRendered();
    if (key !== this.colors?.key) return;
    this.dataset.mapKey = key;
  }

  override render() {
    const lang = this.view.lang;
    const t = strings(lang);
    if (this.boot.status === 'error') {
      return html`<div class="frame"><p class="message" role="alert">${fill(t.embed.loadError, { file: this.boot.file, reason: this.boot.reason })}</p></div>`;
    }
    const data = this.currentData();
    if (this.boot.status === 'loading' || !data || !hasLanguage(lang) || (this.view.mode !== 'level' && !changeKit)) {
      return html`<div class="frame"><p class="message" role="status">${t.app.loading}</p></div>`;
    }
    const controls = parseControls(this.controls);
    const changeMode = this.view.mode !== 'level' && this.change !== null;
    return html`<div class="frame" lang=${lang}>
      ${this.renderHead(data, changeMode)}
      <div class="body ${this.wide ? 'wide' : ''}">
        <div class="stage" part="map">${this.renderMap(data, changeMode)} ${this.renderTooltip(data)}</div>
        <div class="legend" part="legend">${changeMode ? this.renderChangeLegend(data) : this.renderLegend(data, controls)}</div>
      </div>
      ${controls !== 'none' && !changeMode && data.series
        ? html`<klyft-time-slider part="slider" .years=${data.series.years} .year=${this.view.year} .lang=${lang} @klyft-intent=${this.handleIntent}></klyft-time-slider>`
        : nothing}
      ${this.renderFooter(data)}
    </div>`;
  }

  /** The loaded data when it belongs to the current view, else null (still loading). */
  private currentData(): ViewData | null {
    const data = this.data;
    if (!data || data.geometry.meta.id !== this.view.level || data.indicator?.id !== this.view.indicator) return null;
    return data;
  }

  private titleYears(changeMode: boolean): string {
    return changeMode && this.change ? `${this.change.overview.from}–${this.change.overview.to}` : String(this.view.year);
  }

  private renderHead(data: ViewData, changeMode: boolean) {
    const lang = this.view.lang;
    const name = data.indicator?.name[lang] ?? this.view.indicator;
    return html`<div class="head" part="title">
      <p class="title">${name} · ${this.titleYears(changeMode)}</p>
      <p class="meta">${levelLabel(data.geometry.meta, lang)}</p>
      ${changeMode && this.change ? html`<p class="summary">${this.change.overview.sentence}</p>` : nothing}
      ${data.series ? nothing : html`<p class="summary" role="status">${strings(lang).embed.noData}</p>`}
    </div>`;
  }

  private renderMap(data: ViewData, changeMode: boolean) {
    const lang = this.view.lang;
    const t = strings(lang);
    const colors = this.colors;
    const selected = this.view.area ? (data.geometry.indexByCode.get(this.view.area) ?? null) : null;
    const label = `${fill(t.map.label, {
      indicator: data.indicator?.name[lang] ?? '',
      year: this.titleYears(changeMode),
      level: levelLabel(data.geometry.meta, lang),
    })}${this.gap ? `. ${this.gap.summary}` : ''}${this.highlightSentence(data)}`;
    return html`<klyft-map-view
      .basemap=${this.basemap}
      .level=${{ id: data.geometry.meta.id, areas: data.geometry.areas, outlines: data.geometry.outlines, bbox: data.geometry.meta.bbox, borders: data.geometry.areaBorders ?? null }}
      .colors=${colors?.colors ?? null}
      .colorKey=${colors?.key ?? ''}
      .hoveredIndex=${this.hover?.index ?? null}
      .selectedIndex=${selected}
      .effects=${this.effects}
      .label=${label}
      .lang=${lang}
      @klyft-area-hover=${this.handleHover}
      @klyft-area-select=${this.handleSelect}
    ></klyft-map-view>`;
  }

  /** " Highlighted areas: A, B." for the highlighted areas, or ''. */
  private highlightSentence(data: ViewData): string {
    const names = this.highlightIndices().map((i) => data.geometry.areas.features[i]?.properties.name ?? '').filter((name) => name !== '');
    return names.length > 0 ? ` ${fill(strings(this.view.lang).presenter.highlighted, { names: names.join(', ') })}` : '';
  }

  private renderTooltip(data: ViewData) {
    const hover = this.hover;
    const feature = hover ? data.geometry.areas.features[hover.index] : undefined;
    if (!hover || !feature || !data.indicator) return nothing;
    const lang = this.view.lang;
    const row = data.series ? valuesForYear(data.series, this.view.year, data.geometry.codes.length) : null;
    const value = row?.[hover.index] ?? NaN;
    const { rank, count } = row ? ranks(row, data.indicator.direction) : { rank: new Int32Array(0), count: 0 };
    const stage = this.renderRoot.querySelector('.stage');
    return html`<klyft-tooltip
      .x=${hover.x}
      .y=${hover.y}
      .containerWidth=${stage?.clientWidth ?? 400}
      .containerHeight=${stage?.clientHeight ?? 400}
      .name=${feature.properties.name}
      .value=${formatValue(Number.isNaN(value) ? null : value, data.indicator.unit, lang, data.indicator.decimals)}
      .rank=${rank[hover.index] ?? 0}
      .count=${count}
      .lang=${lang}
    ></klyft-tooltip>`;
  }

  private renderLegend(data: ViewData, controls: 'full' | 'slider' | 'none') {
    return html`<klyft-legend
      .scale=${this.colors?.scale ?? null}
      .indicator=${data.indicator ?? null}
      .lang=${this.view.lang}
      .classification=${this.view.classification}
      .classes=${this.view.classes}
      .domain=${this.view.domain}
      .derived=${data.indicator?.levels[this.view.level]?.derived}
      .hasMissing=${true}
      .noSettings=${controls !== 'full'}
      @klyft-intent=${this.handleIntent}
    ></klyft-legend>`;
  }

  private renderChangeLegend(data: ViewData) {
    const lang = this.view.lang;
    const change = this.change!;
    const region = data.geometry.meta.group[lang];
    const referenceLabel = this.view.level === 'kommun' ? (lang === 'sv' ? 'riket' : 'Sweden') : region;
    return html`<klyft-change-legend
      .scale=${change.scale}
      .indicator=${data.indicator ?? null}
      .from=${change.overview.from}
      .to=${change.overview.to}
      .relative=${this.view.relative}
      .referenceLabel=${referenceLabel}
      .lang=${lang}
      @klyft-intent=${this.handleIntent}
    ></klyft-change-legend>`;
  }

  private renderFooter(data: ViewData) {
    const lang = this.view.lang;
    const t = strings(lang).embed;
    const sources = this.sourcesOf(data);
    const names = [...new Set(sources.map((s) => s.attribution[lang].replace(/^[^:]+:\s*/, '')))];
    return html`<footer part="footer">
      ${t.source}: ${names.join(', ')} ·
      <a href=${appUrlFor(this.loadedBase, this.view)} target="_blank" rel="noopener" aria-label=${t.openInAppLabel}>${t.openInApp}</a>
    </footer>`;
  }

  /** The indicator's source, then the boundaries' sources. */
  private sourcesOf(data: ViewData): SourceMeta[] {
    const ids = [data.indicator?.source, ...data.geometry.meta.sources].filter((id): id is string => Boolean(id));
    return ids.map((id) => this.catalogue?.sources.find((s) => s.id === id)).filter((s): s is SourceMeta => Boolean(s));
  }

  /** Intents from the slider and legends: year and period go to the attributes' properties, colour settings stay inside. */
  private readonly handleIntent = (event: Event): void => {
    event.stopPropagation();
    const patch = (event as CustomEvent<Partial<ViewState>>).detail;
    if (patch.year !== undefined && patch.year !== this.view.year) {
      this.year = String(patch.year);
      this.emit<YearChangeDetail>('klyft-map:year-change', { year: patch.year });
    }
    const { classification, classes, domain, relative } = patch;
    const settings = { classification, classes, domain, relative };
    const defined = Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined));
    if (Object.keys(defined).length) this.colorSettings = { ...this.colorSettings, ...defined };
  };

  private readonly handleHover = (event: Event): void => {
    event.stopPropagation();
    const detail = (event as CustomEvent<{ index: number | null; x?: number; y?: number }>).detail;
    if (detail.index !== null) loadTooltip();
    this.hover = detail.index === null ? null : { index: detail.index, x: detail.x ?? 0, y: detail.y ?? 0 };
  };

  private readonly handleSelect = (event: Event): void => {
    event.stopPropagation();
    const index = (event as CustomEvent<{ index: number | null }>).detail.index;
    const code = index === null ? null : (this.data?.geometry.codes[index] ?? null);
    const next = code === this.view.area ? null : code;
    this.area = next;
    this.emit<AreaSelectDetail>('klyft-map:area-select', { code: next });
  };

  private emit<T>(type: string, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
  }
}

function errorBoot(error: unknown, fallbackFile: string): Boot {
  const file = error instanceof LoadError ? error.file : fallbackFile;
  const reason = error instanceof LoadError ? error.reason : String(error);
  return { status: 'error', file, reason };
}

declare global {
  interface HTMLElementTagNameMap {
    'klyft-map': KlyftMap;
  }
  interface HTMLElementEventMap {
    'klyft-map:year-change': CustomEvent<YearChangeDetail>;
    'klyft-map:area-select': CustomEvent<AreaSelectDetail>;
  }
}
