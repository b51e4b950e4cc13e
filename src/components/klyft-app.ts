import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { LoadError, loadBasemap, loadCatalogue, loadJson, loadLevel, loadValues, type Basemap, type LevelGeometry } from '../data/load';
import type { Catalogue, IndicatorMeta, JoinReportEntry, LevelMeta } from '../data/types';
import { formatChange, formatValue } from '../format/number';
import { fill, strings } from '../i18n';
import { buildColorScale, fillColors, type ColorScale } from '../scales/color-scale';
import { findIndicator, findLevel, indicatorsAt, levelLabel, levelsWith, urlContext } from '../state/app-data';
import {
  changeSinceFirst,
  domainValues,
  featureSeries,
  joinIndicator,
  medianSeries,
  ranks,
  valuesForYear,
  type AlignedSeries,
} from '../state/selectors';
import { Store } from '../state/store';
import { nearestYear } from '../state/timeline';
import { decodeViewState, encodeViewState, type UrlProblem } from '../state/url-codec';
import { DEFAULT_VIEW, type ViewState } from '../state/view-state';
import type { Notice } from './klyft-notices';
import type { KlyftSources } from './klyft-sources';
import './klyft-choosers';
import './klyft-legend';
import './klyft-map-view';
import './klyft-notices';
import './klyft-time-slider';
import './klyft-tooltip';

/**
 * Elements the first view does not show load on demand, keeping the first download
 * small: the table (view=table), the area panel (an area selected) and the sources.
 */
const lazyElements = {
  'klyft-data-table': () => import('./klyft-data-table'),
  'klyft-area-detail': () => import('./klyft-area-detail'),
  'klyft-sources': () => import('./klyft-sources'),
} as const;

function loadElement(tag: keyof typeof lazyElements): Promise<unknown> {
  return customElements.get(tag) ? Promise.resolve() : lazyElements[tag]();
}

/** Where the shipped data lives, relative to the page. */
const DATA_BASE = new URL('data/', document.baseURI).href;

type Boot = { status: 'loading' } | { status: 'error'; file: string; reason: string } | { status: 'ready' };

/** What is drawn: one level's geometry joined with one indicator. */
interface Loaded {
  geometry: LevelGeometry;
  indicator: IndicatorMeta | undefined;
  /** null when the indicator has no data at this level. */
  series: AlignedSeries | null;
}

interface Hover {
  index: number;
  x: number;
  y: number;
}

/** The application shell: owns the store, the URL and the loading of data. */
@customElement('klyft-app')
export class KlyftApp extends LitElement {
  @state() private boot: Boot = { status: 'loading' };
  @state() private view: ViewState = DEFAULT_VIEW;
  @state() private loaded: Loaded | null = null;
  @state() private loadingData = false;
  @state() private notices: Notice[] = [];
  @state() private hover: Hover | null = null;
  @state() private basemap: Basemap | null = null;
  @state() private joinReport: JoinReportEntry[] = [];
  @state() private copied = false;

  @query('klyft-sources') private sourcesDialog!: KlyftSources;

  private catalogue: Catalogue | null = null;
  private readonly store = new Store<ViewState>(DEFAULT_VIEW);
  private loadTicket = 0;
  private colors: Uint8Array = new Uint8Array(0);
  private colorKey = '';
  private scale: ColorScale | null = null;
  private unsubscribe: (() => void) | null = null;
  /** True while applying a URL (initial load or back/forward): do not push history. */
  private restoring = false;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.handlePopState);
    void this.start();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('popstate', this.handlePopState);
    this.unsubscribe?.();
    super.disconnectedCallback();
  }

  private async start(): Promise<void> {
    this.boot = { status: 'loading' };
    try {
      const catalogue = await loadCatalogue(DATA_BASE);
      this.catalogue = catalogue;
      const [basemap, report] = await Promise.all([
        loadBasemap(DATA_BASE, catalogue.basemap),
        loadJson<JoinReportEntry[]>(DATA_BASE, 'join-report.json').catch(() => []),
      ]);
      this.basemap = basemap;
      this.joinReport = report;
      this.unsubscribe = this.store.subscribe((next, previous) => this.handleStateChange(next, previous));
      this.applyUrl(location.search, true);
      this.boot = { status: 'ready' };
    } catch (error) {
      const file = error instanceof LoadError ? error.file : 'catalogue.json';
      const reason = error instanceof LoadError ? error.reason : String(error);
      this.boot = { status: 'error', file, reason };
    }
  }

  /** Reads the URL into the store; reports what could not be used. */
  private applyUrl(search: string, initial: boolean): void {
    if (!this.catalogue) return;
    const { state: next, problems } = decodeViewState(search, urlContext(this.catalogue));
    this.restoring = true;
    this.store.set(next);
    this.restoring = false;
    this.view = this.store.get();
    this.notices = [...this.notices.filter((n) => !n.id.startsWith('url-')), ...problems.map((p, i) => this.urlNotice(p, i))];
    if (initial) history.replaceState(null, '', `?${encodeViewState(this.view)}`);
    document.documentElement.lang = this.view.lang;
    void this.ensureData();
  }

  private urlNotice(problem: UrlProblem, i: number): Notice {
    const t = strings(this.store.get().lang).notices;
    const values = { param: problem.param, value: problem.value, used: problem.used ?? '' };
    const template =
      problem.kind === 'unknown' ? t.unknown : problem.kind === 'adjusted' ? t.adjusted : problem.used ? t.invalid : t.invalidNoFallback;
    return { id: `url-${i}-${problem.param}`, text: fill(template, values), tone: problem.kind === 'adjusted' ? 'info' : 'warning' };
  }

  private readonly handlePopState = (): void => {
    this.applyUrl(location.search, false);
  };

  private handleStateChange(next: ViewState, previous: ViewState): void {
    this.view = next;
    document.documentElement.lang = next.lang;
    if (!this.restoring) history.pushState(null, '', `?${encodeViewState(next)}`);
    if (next.level !== previous.level || next.indicator !== previous.indicator) void this.ensureData();
  }

  /** Loads the geometry and values the view needs, dropping stale responses. */
  private async ensureData(): Promise<void> {
    const catalogue = this.catalogue;
    if (!catalogue) return;
    const ticket = ++this.loadTicket;
    const { level, indicator } = this.store.get();
    const levelMeta = findLevel(catalogue, level);
    if (!levelMeta) return;
    const indicatorMeta = findIndicator(catalogue, indicator);
    const availability = indicatorMeta?.levels[level];
    this.loadingData = true;
    try {
      const [geometry, values] = await Promise.all([
        loadLevel(DATA_BASE, levelMeta),
        availability ? loadValues(DATA_BASE, availability.file) : Promise.resolve(null),
      ]);
      if (ticket !== this.loadTicket) return;
      const series = values ? joinIndicator(geometry.codes, values) : null;
      this.loaded = { geometry, indicator: indicatorMeta, series };
      this.checkArea(geometry);
      this.updateNoDataNotice(catalogue, levelMeta, indicatorMeta, series);
      this.hover = null;
    } catch (error) {
      if (ticket !== this.loadTicket) return;
      const file = error instanceof LoadError ? error.file : levelMeta.file;
      const reason = error instanceof LoadError ? error.reason : String(error);
      this.boot = { status: 'error', file, reason };
    } finally {
      if (ticket === this.loadTicket) this.loadingData = false;
    }
  }

  /** A selected area that is not on this level is dropped with a notice. */
  private checkArea(geometry: LevelGeometry): void {
    const area = this.store.get().area;
    if (area && !geometry.indexByCode.has(area)) {
      const t = strings(this.view.lang).notices;
      this.notices = [...this.notices.filter((n) => n.id !== 'area-missing'), { id: 'area-missing', text: fill(t.areaMissing, { value: area }), tone: 'warning' }];
      this.restoring = true;
      this.store.set({ area: null });
      this.restoring = false;
      history.replaceState(null, '', `?${encodeViewState(this.store.get())}`);
    }
  }

  private updateNoDataNotice(catalogue: Catalogue, level: LevelMeta, indicator: IndicatorMeta | undefined, series: AlignedSeries | null): void {
    const others = this.notices.filter((n) => n.id !== 'no-data');
    if (series || !indicator) {
      this.notices = others;
      return;
    }
    const lang = this.view.lang;
    const t = strings(lang).notices;
    const here = indicatorsAt(catalogue, level.id).slice(0, 4);
    const elsewhere = levelsWith(catalogue, indicator).slice(0, 3);
    this.notices = [
      ...others,
      {
        id: 'no-data',
        tone: 'warning',
        text: `${fill(t.noDataAtLevel, { indicator: indicator.name[lang], level: levelLabel(level, lang) })} ${t.noDataOffer}`,
        actions: [
          ...here.map((i) => ({ label: i.short[lang], intent: { indicator: i.id, year: this.snapYear(i, level.id) } })),
          ...elsewhere.map((l) => ({ label: levelLabel(l, lang), intent: { level: l.id, year: this.snapYear(indicator, l.id) } })),
        ],
      },
    ];
  }

  private snapYear(indicator: IndicatorMeta, level: LevelMeta['id']): number {
    const years = indicator.levels[level]?.years ?? [];
    return nearestYear(years, this.store.get().year) ?? this.store.get().year;
  }

  /** Applies an intent from a component; snaps the year when indicator or level change. */
  private readonly handleIntent = (event: Event): void => {
    const patch = { ...(event as CustomEvent<Partial<ViewState>>).detail };
    const catalogue = this.catalogue;
    if (!catalogue) return;
    const current = this.store.get();
    if ((patch.indicator && patch.indicator !== current.indicator) || (patch.level && patch.level !== current.level)) {
      const indicator = findIndicator(catalogue, patch.indicator ?? current.indicator);
      const level = patch.level ?? current.level;
      if (indicator && patch.year === undefined) patch.year = this.snapYear(indicator, level);
      if (patch.level && patch.level !== current.level && patch.area === undefined) patch.area = null;
    }
    if (patch.lang && patch.lang !== current.lang) {
      // Notices were written in the old language; drop them rather than mix languages.
      this.notices = this.notices.filter((n) => n.id === 'no-data');
    }
    this.store.set(patch);
    if (patch.lang && this.loaded && this.catalogue) {
      const level = findLevel(this.catalogue, this.store.get().level);
      if (level) this.updateNoDataNotice(this.catalogue, level, this.loaded.indicator, this.loaded.series);
    }
  };

  private readonly handleHover = (event: Event): void => {
    const detail = (event as CustomEvent<{ index: number | null; x?: number; y?: number }>).detail;
    this.hover = detail.index === null || detail.index === undefined ? null : { index: detail.index, x: detail.x ?? 0, y: detail.y ?? 0 };
  };

  private readonly handleMapSelect = (event: Event): void => {
    const index = (event as CustomEvent<{ index: number | null }>).detail.index;
    const code = index === null ? null : (this.loaded?.geometry.codes[index] ?? null);
    this.store.set({ area: code === this.store.get().area ? null : code });
  };

  private readonly handleDismiss = (event: Event): void => {
    const id = (event as CustomEvent<{ id: string }>).detail.id;
    this.notices = this.notices.filter((n) => n.id !== id);
  };

  private async handleCopyLink(): Promise<void> {
    try {
      await navigator.clipboard.writeText(location.href);
      this.copied = true;
      setTimeout(() => (this.copied = false), 2500);
    } catch {
      // Clipboard may be refused (permissions, insecure context): the URL bar still has the link.
      this.copied = false;
    }
  }

  override willUpdate(changed: PropertyValues): void {
    if (changed.has('view') || changed.has('loaded')) this.recolour();
    if (this.view.view === 'table') void loadElement('klyft-data-table');
    if (this.view.area) void loadElement('klyft-area-detail');
  }

  private async handleShowSources(): Promise<void> {
    await loadElement('klyft-sources');
    await customElements.whenDefined('klyft-sources');
    this.sourcesDialog?.show();
  }

  override updated(): void {
    void this.signalRendered();
  }

  private signalledKey = '';

  /**
   * Marks the document once the map has drawn the current colours
   * (data-map-ready, data-map-key): tests and the benchmark wait on it.
   */
  private async signalRendered(): Promise<void> {
    const mapView = this.renderRoot.querySelector('klyft-map-view');
    const key = this.colorKey;
    if (!mapView || key === this.signalledKey) return;
    this.signalledKey = key;
    await mapView.whenReady();
    await mapView.whenRendered();
    if (key !== this.colorKey) return;
    const root = document.documentElement.dataset;
    if (root.mapReady !== 'true') root.mapReadyAt = String(Math.round(performance.now()));
    root.mapReady = 'true';
    root.mapKey = key;
  }

  /** Recomputes the colour scale and the fill colours; the geometry stays as it is. */
  private recolour(): void {
    const loaded = this.loaded;
    if (!loaded?.series || !loaded.indicator) {
      this.scale = null;
      const n = loaded?.geometry.codes.length ?? 0;
      this.colors = fillColors(buildColorScale([], 'quantile', 5, 'neutral'), new Float64Array(n).fill(NaN));
      this.colorKey = `${this.view.level}|none`;
      return;
    }
    const { view } = this;
    const scaleKey = `${view.level}|${view.indicator}|${view.classification}|${view.classes}|${view.domain}|${view.domain === 'year' ? view.year : 'all'}`;
    if (!this.scale || !this.colorKey.startsWith(scaleKey + '|')) {
      this.scale = buildColorScale(domainValues(loaded.series, view.domain, view.year), view.classification, view.classes, loaded.indicator.direction);
    }
    const key = `${scaleKey}|${view.year}`;
    if (key !== this.colorKey) {
      this.colors = fillColors(this.scale, valuesForYear(loaded.series, view.year, loaded.geometry.codes.length));
      this.colorKey = key;
    }
  }

  static override styles = css`
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
    h1 { font-size: 1.35rem; margin: 0; letter-spacing: -0.01em; }
    .tagline { margin: 0; color: #444; font-size: 0.95rem; flex: 1 1 16rem; }
    .header-actions { display: flex; flex-wrap: wrap; gap: 0.5rem; }
    .btn {
      min-height: 44px;
      padding: 0.35rem 0.9rem;
      border: 1px solid #005a9c;
      border-radius: 8px;
      background: #fff;
      color: #005a9c;
      cursor: pointer;
    }
    .btn[aria-pressed='true'] { background: #005a9c; color: #fff; }
    .layout {
      display: grid;
      grid-template-columns: minmax(17rem, 22rem) minmax(0, 1fr);
      grid-template-rows: minmax(0, 1fr);
      min-height: 0;
    }
    .layout.with-detail {
      grid-template-columns: minmax(17rem, 22rem) minmax(0, 1fr) minmax(18rem, 26rem);
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
    @media (max-width: 1100px) {
      .layout.with-detail { grid-template-columns: minmax(17rem, 22rem) minmax(0, 1fr); }
      .layout.with-detail .detail { grid-column: 1 / -1; border-left: none; border-top: 1px solid #d6d6d6; }
      :host { height: auto; min-height: 100vh; }
      .layout { grid-template-rows: auto; }
      main { grid-template-rows: auto minmax(60vh, 1fr) auto; }
    }
    @media (max-width: 800px) {
      .layout, .layout.with-detail { grid-template-columns: minmax(0, 1fr); }
      aside { border-right: none; order: 2; }
      main { order: 1; grid-template-rows: auto 65vh auto; }
      .layout .detail { order: 3; }
    }
  `;

  override render() {
    const t = strings(this.view.lang);
    if (this.boot.status === 'loading') return html`<p class="boot" role="status">${t.app.loading}</p>`;
    if (this.boot.status === 'error') return this.renderError(this.boot.file, this.boot.reason);
    return html`
      <a class="skip" href="#table" @click=${this.handleSkipToTable}>${t.app.skipToTable}</a>
      ${this.renderHeader()}
      <div class="layout ${this.hasDetail() ? 'with-detail' : ''}">
        <aside aria-label=${t.chooser.indicator}>
          <klyft-notices .notices=${this.notices} .lang=${this.view.lang} @klyft-notice-dismiss=${this.handleDismiss} @klyft-intent=${this.handleIntent}></klyft-notices>
          <klyft-choosers .catalogue=${this.catalogue} .level=${this.view.level} .indicator=${this.view.indicator} .lang=${this.view.lang} @klyft-intent=${this.handleIntent}></klyft-choosers>
          ${this.renderJump()} ${this.renderAreaSelect()}
          <klyft-legend
            .scale=${this.scale}
            .indicator=${this.loaded?.indicator ?? null}
            .lang=${this.view.lang}
            .classification=${this.view.classification}
            .classes=${this.view.classes}
            .domain=${this.view.domain}
            .derivedNote=${this.loaded?.indicator?.levels[this.view.level]?.derived === 'estimated-from-deso'}
            .hasMissing=${true}
            @klyft-intent=${this.handleIntent}
          ></klyft-legend>
        </aside>
        <main>
          ${this.renderMainBar()}
          <div class="stage">${this.view.view === 'map' ? this.renderMap() : this.renderTable()}</div>
          <klyft-time-slider .years=${this.loaded?.series?.years ?? []} .year=${this.view.year} .lang=${this.view.lang} @klyft-intent=${this.handleIntent}></klyft-time-slider>
        </main>
        ${this.hasDetail() ? html`<section class="detail" aria-label=${t.detail.selected}>${this.renderDetail()}</section>` : nothing}
      </div>
      <klyft-sources .catalogue=${this.catalogue} .joinReport=${this.joinReport} .lang=${this.view.lang}></klyft-sources>
    `;
  }

  private renderError(file: string, reason: string) {
    const t = strings(this.view.lang).app;
    return html`<div class="error" role="alert">
      <h1>${t.loadError}</h1>
      <p>${fill(t.loadErrorHelp, { file, reason })}</p>
      <button class="btn" @click=${() => location.reload()}>${t.retry}</button>
    </div>`;
  }

  private renderHeader() {
    const t = strings(this.view.lang).app;
    const other = this.view.lang === 'sv' ? 'en' : 'sv';
    return html`<header>
      <h1>${t.title}</h1>
      <p class="tagline">${t.tagline}</p>
      <div class="header-actions">
        <button class="btn" @click=${this.handleShowSources}>${t.sources}</button>
        <button class="btn" @click=${this.handleCopyLink}>${this.copied ? t.shareCopied : t.share}</button>
        <button class="btn" lang=${other} @click=${() => this.store.set({ lang: other })}>${t.switchLanguage}</button>
      </div>
      <span class="sr-only" role="status">${this.copied ? t.shareCopied : ''}</span>
    </header>`;
  }

  private renderMainBar() {
    const t = strings(this.view.lang);
    const lang = this.view.lang;
    const level = this.catalogue ? findLevel(this.catalogue, this.view.level) : undefined;
    const indicator = this.loaded?.indicator;
    return html`<div class="mainbar">
      <h2>
        ${indicator?.name[lang] ?? ''} ${this.loaded?.series ? html`· ${this.view.year}` : nothing}
        <span class="meta">${level ? levelLabel(level, lang) : ''}${indicator ? html` · ${t.units.direction[indicator.direction]}` : nothing}</span>
      </h2>
      <div class="segmented" role="group" aria-label=${t.app.viewChooser}>
        <button class="btn" aria-pressed=${this.view.view === 'map'} @click=${() => this.store.set({ view: 'map' })}>${t.app.viewMap}</button>
        <button class="btn" aria-pressed=${this.view.view === 'table'} @click=${() => this.store.set({ view: 'table' })}>${t.app.viewTable}</button>
      </div>
    </div>`;
  }

  private renderJump() {
    if (this.view.level !== 'kommun') return nothing;
    const t = strings(this.view.lang).app;
    return html`<div class="jump" role="group" aria-label=${t.jumpTo}>
      <span>${t.jumpTo}:</span>
      <button class="btn" aria-pressed=${this.view.area === '1480'} @click=${() => this.store.set({ area: '1480' })}>Göteborg</button>
      <button class="btn" aria-pressed=${this.view.area === '1490'} @click=${() => this.store.set({ area: '1490' })}>Borås</button>
    </div>`;
  }

  private renderAreaSelect() {
    const geometry = this.loaded?.geometry;
    if (!geometry) return nothing;
    const lang = this.view.lang;
    const collator = new Intl.Collator(lang === 'sv' ? 'sv' : 'en');
    const options = geometry.areas.features
      .map((f) => f.properties)
      .sort((a, b) => collator.compare(a.name, b.name));
    const noun = geometry.meta.areaNoun[lang];
    const label = lang === 'sv' ? `Välj ${noun}` : `Choose a ${noun}`;
    return html`<div class="area-select">
      <label for="area">${label}</label>
      <select id="area" @change=${(e: Event) => this.store.set({ area: (e.target as HTMLSelectElement).value || null })}>
        <option value="" ?selected=${!this.view.area}>–</option>
        ${options.map((p) => html`<option value=${p.code} ?selected=${p.code === this.view.area}>${p.name}</option>`)}
      </select>
    </div>`;
  }

  private renderMap() {
    const loaded = this.loaded;
    const t = strings(this.view.lang);
    if (!loaded) return html`<p class="busy" role="status">${t.app.loading}</p>`;
    const lang = this.view.lang;
    const index = this.view.area ? loaded.geometry.indexByCode.get(this.view.area) ?? null : null;
    const label = fill(t.map.label, {
      indicator: loaded.indicator?.name[lang] ?? '',
      year: this.view.year,
      level: levelLabel(loaded.geometry.meta, lang),
    });
    return html`
      <klyft-map-view
        .basemap=${this.basemap}
        .level=${{ id: loaded.geometry.meta.id, areas: loaded.geometry.areas, outlines: loaded.geometry.outlines, bbox: loaded.geometry.meta.bbox }}
        .colors=${this.colors}
        .colorKey=${this.colorKey}
        .hoveredIndex=${this.hover?.index ?? null}
        .selectedIndex=${index}
        .label=${label}
        .lang=${lang}
        @klyft-area-hover=${this.handleHover}
        @klyft-area-select=${this.handleMapSelect}
      ></klyft-map-view>
      ${this.renderTooltip()} ${this.loadingData ? html`<p class="busy" role="status">${t.app.loading}</p>` : nothing}
    `;
  }

  private renderTooltip() {
    const loaded = this.loaded;
    const hover = this.hover;
    if (!loaded || !hover) return nothing;
    const feature = loaded.geometry.areas.features[hover.index];
    if (!feature) return nothing;
    const lang = this.view.lang;
    const info = this.areaInfo(hover.index);
    const stage = this.renderRoot.querySelector('.stage');
    return html`<klyft-tooltip
      .x=${hover.x}
      .y=${hover.y}
      .containerWidth=${stage?.clientWidth ?? 800}
      .containerHeight=${stage?.clientHeight ?? 600}
      .name=${feature.properties.name}
      .value=${info.valueText}
      .rank=${info.rank}
      .count=${info.count}
      .change=${info.changeText}
      .reason=${info.reasonText}
      .lang=${lang}
    ></klyft-tooltip>`;
  }

  /** Value, rank and change of one area in the current year, formatted. */
  private areaInfo(index: number) {
    const loaded = this.loaded;
    const lang = this.view.lang;
    const t = strings(lang);
    const indicator = loaded?.indicator;
    const series = loaded?.series;
    if (!loaded || !indicator || !series) {
      return { value: NaN, valueText: t.detail.noValue, rank: 0, count: 0, change: null, changeText: '', reasonText: '', reason: null };
    }
    const row = valuesForYear(series, this.view.year, loaded.geometry.codes.length);
    const value = row[index] ?? NaN;
    const { rank, count } = ranks(row, indicator.direction);
    const change = changeSinceFirst(series, index, this.view.year);
    const reason = Number.isNaN(value) ? (series.reasons[index] ?? 'not-reported') : null;
    return {
      value,
      valueText: formatValue(Number.isNaN(value) ? null : value, indicator.unit, lang, indicator.decimals),
      rank: rank[index] ?? 0,
      count,
      change,
      changeText: change ? `${formatChange(change.delta, indicator.unit, lang, indicator.decimals)} (${fill(t.detail.change, { year: change.from })})` : '',
      reasonText: reason ? t.detail.reason[reason] : '',
      reason,
    };
  }

  private hasDetail(): boolean {
    const code = this.view.area;
    return Boolean(code && this.loaded?.indicator && this.loaded.geometry.indexByCode.has(code));
  }

  private renderDetail() {
    const loaded = this.loaded;
    const code = this.view.area;
    if (!loaded || !code || !loaded.indicator) return nothing;
    const index = loaded.geometry.indexByCode.get(code);
    if (index === undefined) return nothing;
    const feature = loaded.geometry.areas.features[index]!;
    const series = loaded.series;
    const info = this.areaInfo(index);
    return html`<klyft-area-detail
      .name=${feature.properties.name}
      .code=${code}
      .levelNoun=${loaded.geometry.meta.areaNoun[this.view.lang]}
      .indicator=${loaded.indicator}
      .year=${this.view.year}
      .years=${series?.years ?? []}
      .series=${series ? featureSeries(series, index) : []}
      .median=${series ? medianSeries(series) : []}
      .reference=${series?.reference ? Array.from(series.reference) : null}
      .rank=${info.rank}
      .count=${info.count}
      .change=${info.change}
      .reason=${info.reason}
      .lang=${this.view.lang}
      @klyft-area-close=${() => this.store.set({ area: null })}
      @klyft-intent=${this.handleIntent}
    ></klyft-area-detail>`;
  }

  private renderTable() {
    const loaded = this.loaded;
    if (!loaded || !loaded.indicator) return nothing;
    const series = loaded.series;
    const n = loaded.geometry.codes.length;
    const row = series ? valuesForYear(series, this.view.year, n) : new Float64Array(n).fill(NaN);
    const { rank } = ranks(row, loaded.indicator.direction);
    const firstYear = series?.years[0] ?? this.view.year;
    const rows = loaded.geometry.areas.features.map((f, i) => {
      const change = series ? changeSinceFirst(series, i, this.view.year) : null;
      const value = row[i] ?? NaN;
      return {
        code: f.properties.code,
        name: f.properties.name,
        value,
        rank: rank[i] ?? 0,
        change: change ? change.delta : NaN,
        reason: Number.isNaN(value) ? (series?.reasons[i] ?? 'not-reported') : null,
      };
    });
    return html`<div class="table-wrap" id="table" tabindex="-1">
      <klyft-data-table
        .rows=${rows}
        .indicator=${loaded.indicator}
        .year=${this.view.year}
        .firstYear=${firstYear}
        .levelName=${levelLabel(loaded.geometry.meta, this.view.lang)}
        .selected=${this.view.area}
        .lang=${this.view.lang}
        @klyft-intent=${this.handleIntent}
      ></klyft-data-table>
    </div>`;
  }

  private readonly handleSkipToTable = (event: Event): void => {
    event.preventDefault();
    this.store.set({ view: 'table' });
    void this.updateComplete.then(() => (this.renderRoot.querySelector('#table') as HTMLElement | null)?.focus());
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'klyft-app': KlyftApp;
  }
}
