/**
 * <klyft-map>: the Klyftkartan map as one embeddable element. Built as its own entry
 * (vite.embed.config.ts); registers only this tag and the klyft-* parts it is made of.
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { errorBoot, type Boot } from '../app/boot';
import { loadBasemap, loadCatalogue, type Basemap } from '../data/load';
import type { Catalogue } from '../data/types';
import { formatValue } from '../format/number';
import { fill, hasLanguage, loadLanguage, strings } from '../i18n';
import { gapWords } from '../i18n/level-nouns';
import { highlightSentence } from '../i18n/sentences';
import { mapLevel, renderChangeLegend, renderLegend } from '../components/app-views';
import { findLevel, levelLabel, urlContext } from '../state/app-data';
import { areaFacts, areaIndices, areaNames } from '../state/area-facts';
import { gapOverview } from '../state/gap-view';
import { analyseViewData } from '../state/view-analysis';
import { loadViewData, type ViewData } from '../state/view-data';
import { createViewModel, type ViewModel } from '../state/view-model';
import { DEFAULT_VIEW, type ViewState } from '../state/view-state';
import type { KlyftMapView } from '../components/klyft-map-view';
import type { SceneEffects } from '../map/scene-effects';
import '../components/klyft-legend';
import '../components/klyft-time-slider';
import { appUrlFor, parseControls, sourceNames, VIEW_ATTRIBUTES, viewFromAttributes, type ViewAttribute } from './embed-view';
import { loadChangeKit, loadedChangeKit, loadTooltip, mapViewLoaded } from './embed-parts';
import { klyftMapStyles } from './klyft-map.styles';

/** Where the data lives when no `data-base` is given: next to the built module's folder. */
const DEFAULT_DATA_BASE = new URL(/* @vite-ignore */ '../data/', import.meta.url).href;

/** Colour attributes and the view settings the reader can also change in the legend. */
const COLOUR_ATTRIBUTES = [
  ['classification', 'classification'],
  ['k', 'classes'],
  ['domain', 'domain'],
  ['rel', 'relative'],
] as const;

/** Width from which the legend sits beside the map instead of below it. */
const WIDE_PX = 640;

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
  static override styles = klyftMapStyles;

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
  private readonly deriveView = createViewModel();
  private vm: ViewModel | null = null;
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
    if (view.mode !== 'level' && !loadedChangeKit()) {
      void loadChangeKit().then(() => this.requestUpdate());
      return;
    }
    // Gap summary, change overview and colours: the app's view model.
    const data = this.currentData();
    if (data) this.vm = this.deriveView({ view: this.view, data, analysis: { gapOverview, gapWords, ...(loadedChangeKit() ?? {}) } });
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
    return data ? areaIndices(data.geometry, this.view.highlight) : [];
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

  override updated(): void {
    void this.signalRendered();
  }

  /** Marks the element (data-map-key) once the map has drawn the current colours; tests wait on it. */
  private async signalRendered(): Promise<void> {
    const key = this.vm?.colors.key ?? '';
    if (!key || key === this.signalledKey || !this.mapView) return;
    this.signalledKey = key;
    await this.whenRendered();
    if (key !== this.vm?.colors.key) return;
    this.dataset.mapKey = key;
  }

  override render() {
    const lang = this.view.lang;
    const t = strings(lang);
    if (this.boot.status === 'error') {
      return html`<div class="frame"><p class="message" role="alert">${fill(t.embed.loadError, { file: this.boot.file, reason: this.boot.reason })}</p></div>`;
    }
    const data = this.currentData();
    if (this.boot.status === 'loading' || !data || !hasLanguage(lang) || (this.view.mode !== 'level' && !loadedChangeKit())) {
      return html`<div class="frame"><p class="message" role="status">${t.app.loading}</p></div>`;
    }
    const controls = parseControls(this.controls);
    const changeMode = this.view.mode !== 'level' && this.vm?.change != null;
    return html`<div class="frame" lang=${lang}>
      ${this.renderHead(data, changeMode)}
      <div class="body ${this.wide ? 'wide' : ''}">
        <div class="stage" part="map">${this.renderMap(data)} ${this.renderTooltip(data)}</div>
        <div class="legend" part="legend">${changeMode ? renderChangeLegend(this.view, data.geometry.meta, data, this.vm!, this.handleIntent) : renderLegend(this.view, data, { levelScale: this.vm?.colors.scale ?? null }, this.handleIntent, controls !== 'full')}</div>
      </div>
      ${
        controls !== 'none' && !changeMode && data.series
          ? html`<klyft-time-slider part="slider" .years=${data.series.years} .year=${this.view.year} .lang=${lang} @klyft-intent=${this.handleIntent}></klyft-time-slider>`
          : nothing
      }
      ${this.renderFooter(data)}
    </div>`;
  }

  /** The loaded data when it belongs to the current view, else null (still loading). */
  private currentData(): ViewData | null {
    const data = this.data;
    if (!data || data.geometry.meta.id !== this.view.level || data.indicator?.id !== this.view.indicator) return null;
    return data;
  }

  private renderHead(data: ViewData, changeMode: boolean) {
    const lang = this.view.lang;
    const name = data.indicator?.name[lang] ?? this.view.indicator;
    return html`<div class="head" part="title">
      <p class="title">${name} · ${this.vm?.titleYears ?? String(this.view.year)}</p>
      <p class="meta">${levelLabel(data.geometry.meta, lang)}</p>
      ${changeMode && this.vm?.change ? html`<p class="summary">${this.vm.change.sentence}</p>` : nothing}
      ${data.series ? nothing : html`<p class="summary" role="status">${strings(lang).embed.noData}</p>`}
    </div>`;
  }

  private renderMap(data: ViewData) {
    const lang = this.view.lang;
    const t = strings(lang);
    const colors = this.vm?.colors;
    const selected = this.view.area ? (data.geometry.indexByCode.get(this.view.area) ?? null) : null;
    const label = `${fill(t.map.label, {
      indicator: data.indicator?.name[lang] ?? '',
      year: this.vm?.titleYears ?? String(this.view.year),
      level: levelLabel(data.geometry.meta, lang),
    })}${this.vm?.gap ? `. ${this.vm.gap.summary}` : ''}${highlightSentence(areaNames(data.geometry, this.highlightIndices()), lang)}`;
    return html`<klyft-map-view
      .basemap=${this.basemap}
      .level=${mapLevel(data.geometry)}
      .colors=${colors?.colors ?? null}
      .colorKey=${colors?.key ?? ''}
      .upcoming=${this.vm?.upcoming ?? null}
      .hoveredIndex=${this.hover?.index ?? null}
      .selectedIndex=${selected}
      .effects=${this.effects}
      .label=${label}
      .lang=${lang}
      @klyft-area-hover=${this.handleHover}
      @klyft-area-select=${this.handleSelect}
    ></klyft-map-view>`;
  }

  private renderTooltip(data: ViewData) {
    const hover = this.hover;
    const feature = hover ? data.geometry.areas.features[hover.index] : undefined;
    if (!hover || !feature || !data.indicator) return nothing;
    const lang = this.view.lang;
    const facts = areaFacts(data, this.view.year, hover.index);
    const stage = this.renderRoot.querySelector('.stage');
    return html`<klyft-tooltip
      .x=${hover.x}
      .y=${hover.y}
      .containerWidth=${stage?.clientWidth ?? 400}
      .containerHeight=${stage?.clientHeight ?? 400}
      .name=${feature.properties.name}
      .value=${formatValue(Number.isNaN(facts.value) ? null : facts.value, data.indicator.unit, lang, data.indicator.decimals)}
      .rank=${facts.rank}
      .count=${facts.count}
      .lang=${lang}
    ></klyft-tooltip>`;
  }

  private renderFooter(data: ViewData) {
    const lang = this.view.lang;
    const t = strings(lang).embed;
    return html`<footer part="footer">
      ${t.source}: ${sourceNames(this.catalogue?.sources ?? [], data, lang).join(', ')} ·
      <a href=${appUrlFor(this.loadedBase, this.view)} target="_blank" rel="noopener" aria-label=${t.openInAppLabel}>${t.openInApp}</a>
    </footer>`;
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

declare global {
  interface HTMLElementTagNameMap {
    'klyft-map': KlyftMap;
  }
  interface HTMLElementEventMap {
    'klyft-map:year-change': CustomEvent<YearChangeDetail>;
    'klyft-map:area-select': CustomEvent<AreaSelectDetail>;
  }
}
