/**
 * <klyft-app>: the shell, above the features and the components. Layout and wiring only — the app's state and behaviour live in
 * AppController (src/app/), the user's data, stories and presenter mode, and export in their
 * feature controllers (src/features/), the panels in app-views.ts, the styles in klyft-app.styles.ts.
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { AppController } from '../app/app-controller';
import * as views from '../components/app-views';
import { AreaContextController, type LevelMarks } from '../components/area-context';
import type { KlyftImport } from '../components/klyft-import';
import type { KlyftSources } from '../components/klyft-sources';
import { RenderSignals } from '../components/render-signals';
import { ExportController } from '../features/export/export-controller';
import { FilmController } from '../features/story/film-controller';
import type { KlyftPresenter } from '../features/story/klyft-presenter';
import type { PresenterHost } from '../features/story/presenter-controller';
import { StoryController } from '../features/story/story-controller';
import { UserDataController } from '../features/user-data/user-data-controller';
import { fill, hasLanguage, loadLanguage, strings } from '../i18n';
import { highlightSentence, noticeText } from '../i18n/sentences';
import type { Notice } from '../state/notices';
import { findLevel, levelLabel } from '../state/app-data';
import type { ViewState } from '../state/view-state';
import type { Scene } from '../story/story';
import { renderAppHeader } from './app-header';
import { PanelUpdates, yearOnly } from './map-first';
import { appStyles } from './klyft-app.styles';
import { AFTER_FIRST_MAP, loadElement, type LazyElement } from './lazy-elements';
import '../components/klyft-choosers';
import '../components/klyft-legend';
import '../components/klyft-map-view';
import '../components/klyft-notices';
import '../components/klyft-time-slider';

/** Where the shipped data live, relative to the page. */
const DATA_BASE = new URL('data/', document.baseURI).href;

/** The application shell: lays out the panels and wires their events to the controllers. */
@customElement('klyft-app')
export class KlyftApp extends LitElement implements PresenterHost {
  static override styles = appStyles;

  private readonly app: AppController = new AppController({
    base: DATA_BASE,
    languages: { has: hasLanguage, load: loadLanguage },
    words: { notice: noticeText, urlNotices: (report, lang): Notice[] => this.userData.urlNotices(report, lang) },
    loadAnalysis: () => import('./analysis'),
  });
  private readonly userData: UserDataController = new UserDataController(this, this.app);
  private readonly story = new StoryController(this, this.app);
  private readonly film = new FilmController(this, this.app, this.story);
  private readonly exports = new ExportController(this, this.app);
  /** The caveats on the values (students, less certain estimates) marked in the table and the hover tip; loaded once either shows. */
  private readonly areaContext = new AreaContextController(this, () => {
    const data = this.app.loaded;
    const shown = this.app.view.view === 'table' || this.hover !== null;
    return {
      context: data && shown ? { catalogue: this.app.catalogue, level: data.geometry.meta.id, dataBase: this.app.base } : null,
      indicator: data?.indicator,
    };
  });
  /** The pointer over an area of the map. */
  @state() private hover: { index: number; x: number; y: number } | null = null;
  /** Area highlighted from the scatter or the drivers list (not part of the URL). */
  @state() private highlighted: string | null = null;
  /** This window is a speaker view (`?speaker=1`): it shows notes and follows the presenting window. */
  private speaker = false;
  private unsubscribe: (() => void) | null = null;
  private seenLoads = 0;
  private secondaryRequested = false;
  /** The statistics and the panels after the map follow the first drawn map, so they never delay it. */
  private readonly signals = new RenderSignals(this, {
    mapView: () => this.mapView(),
    colorKey: () => this.app.viewModel().colors.key,
    mapDrawn: () => {
      this.app.firstMapDrawn();
      this.loadAfterFirstMap();
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    if (new URLSearchParams(location.search).get('speaker') === '1') {
      this.speaker = true;
      this.setAttribute('speaker', '');
      void loadElement('klyft-speaker-view');
      return;
    }
    window.addEventListener('popstate', this.handlePopState);
    this.unsubscribe = this.app.subscribe(this.handleChange);
    // Read before the app rewrites the address without its hash.
    const storyLink = new URLSearchParams(location.hash.slice(1)).has('story') ? location.hash : null;
    void this.app.start(location.search).then(() => {
      if (storyLink && this.app.boot.status === 'ready') void this.story.openLink(storyLink);
    });
  }

  override disconnectedCallback(): void {
    window.removeEventListener('popstate', this.handlePopState);
    this.unsubscribe?.();
    super.disconnectedCallback();
  }

  /** When the panels follow a year change shown on the map first. */
  private readonly panelUpdates = new PanelUpdates(() => this.requestUpdate());
  /** The view and data of the last render, for the map-first path of a year change. */
  private rendered: { view: ViewState; data: unknown } | null = null;

  /** A change of state: a year change alone recolours the map now and the panels after the next frame (map-first.ts). */
  private readonly handleChange = (): void => {
    const map = this.mapView();
    const { view, loaded } = this.app;
    if (map && this.rendered && !this.story.effects && view.mode === 'level' && loaded === this.rendered.data && yearOnly(this.rendered.view, view)) {
      const vm = this.app.viewModel();
      map.colors = vm.colors.colors;
      map.colorKey = vm.colors.key;
      map.upcoming = vm.upcoming;
      this.panelUpdates.yearChanged();
      return;
    }
    this.requestUpdate();
  };

  // ——— Hosting the feature controllers ———

  applyScene(patch: Partial<ViewState>, highlight: readonly string[], animate: boolean): void {
    this.highlighted = null;
    this.story.applyScene(patch, highlight, animate);
  }
  currentView(): ViewState {
    return this.app.view;
  }
  sceneYears(scene: Scene): readonly number[] | undefined {
    return this.story.sceneYears(scene);
  }
  sceneTexts(): { caption: string | null; notes: string | null } {
    return this.story.sceneTexts();
  }
  mapView() {
    return this.renderRoot.querySelector('klyft-map-view');
  }
  presenterOverlay(): KlyftPresenter | null {
    return this.renderRoot.querySelector('klyft-presenter');
  }
  importer(): KlyftImport | null {
    return this.renderRoot.querySelector('klyft-import');
  }
  loadElement(tag: LazyElement): Promise<unknown> {
    return loadElement(tag);
  }
  shareDialog() {
    return this.renderRoot.querySelector('klyft-share-dialog');
  }
  chart(kind: 'gap' | 'series') {
    // The panels own their charts and show no other way to them: their SVG and unit line are read here.
    const panel = this.renderRoot.querySelector(kind === 'gap' ? 'klyft-gap-panel' : 'klyft-area-detail')?.shadowRoot;
    const svg = panel?.querySelector<SVGSVGElement>('svg[role="img"]');
    return svg ? { svg, unit: panel?.querySelector('.unit')?.textContent?.trim() } : null;
  }

  // ——— Events ———

  private readonly handlePopState = (): void => this.app.applyUrl(location.search, false);
  private readonly handleIntent = (event: Event): void => this.app.intent((event as CustomEvent<Partial<ViewState>>).detail);
  private readonly intent = (patch: Partial<ViewState>): void => this.app.intent(patch);
  private readonly handleDismiss = (event: Event): void => this.app.notice((event as CustomEvent<{ id: string }>).detail.id, null);
  private readonly handleHighlight = (event: Event): void => {
    this.highlighted = (event as CustomEvent<{ code: string | null }>).detail.code;
  };
  private readonly handleHover = (event: Event): void => {
    const { index, x, y } = (event as CustomEvent<{ index: number | null; x?: number; y?: number }>).detail;
    this.hover = index === null || index === undefined ? null : { index, x: x ?? 0, y: y ?? 0 };
  };
  private readonly handleMapSelect = (event: Event): void => {
    const index = (event as CustomEvent<{ index: number | null }>).detail.index;
    const code = index === null ? null : (this.app.loaded?.geometry.codes[index] ?? null);
    this.app.intent({ area: code === this.app.view.area ? null : code });
  };
  private readonly handleShowSources = async (): Promise<void> => {
    await loadElement('klyft-sources');
    await customElements.whenDefined('klyft-sources');
    void this.renderRoot.querySelector<KlyftSources>('klyft-sources')?.show();
  };
  private readonly handleSkipToTable = (event: Event): void => {
    event.preventDefault();
    this.app.intent({ view: 'table' });
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#table')?.focus());
  };

  // ——— Lifecycle: what to load ———

  override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const view = this.app.view;
    this.rendered = { view, data: this.app.loaded };
    if (this.app.loads !== this.seenLoads) {
      this.seenLoads = this.app.loads;
      this.hover = null;
    }
    // Chromium restyles the whole page on every write of `lang`, even of the same value.
    if (this.app.boot.status === 'ready' && document.documentElement.lang !== view.lang) document.documentElement.lang = view.lang;
    if (view.view !== 'map') this.loadAfterFirstMap();
    if (view.mode !== 'level') void loadElement('klyft-change-legend');
    if (view.mode === 'scatter') void loadElement('klyft-scatter');
    if (view.mode !== 'level') void loadElement('klyft-gap-drivers');
    if (view.view === 'table') void loadElement('klyft-data-table');
    if (view.area) void loadElement('klyft-area-detail');
    if (this.userData.datasets.length > 0 || this.userData.levels.length > 0) void loadElement('klyft-user-data');
  }

  /** The analysis panel, the importer, the story menu and the hover tip: after the first map, or at once without a map. */
  private loadAfterFirstMap(): void {
    if (this.secondaryRequested) return;
    this.secondaryRequested = true;
    void Promise.all(AFTER_FIRST_MAP.map(loadElement)).then(() => this.requestUpdate());
  }

  // ——— Layout ———

  override render() {
    const { app } = this;
    const view = app.view;
    const t = strings(view.lang);
    if (this.speaker) return html`<klyft-speaker-view .lang=${view.lang}></klyft-speaker-view>`;
    if (app.boot.status === 'loading') return html`<p class="boot" role="status">${t.app.loading}</p>`;
    if (app.boot.status === 'error') return views.renderError(view.lang, app.boot.file, app.boot.reason);
    const vm = app.viewModel();
    const data = app.loaded;
    const level = app.catalogue ? findLevel(app.catalogue, view.level) : undefined;
    const hasDetail = Boolean(view.area && data?.indicator && data.geometry.indexByCode.has(view.area));
    // The gap panel's column is kept from the first frame with data on, while the statistics load,
    // so the map does not shrink under the reader (and matches the first paint's placeholder page).
    const hasSide = vm.gap !== null || hasDetail || Boolean(data?.indicator && data.series?.years.length);
    return html`
      <a class="skip" href="#table" @click=${this.handleSkipToTable}>${t.app.skipToTable}</a>
      ${this.renderHeader()}
      <div class="layout ${hasSide ? 'with-side' : ''}">
        <aside aria-label=${t.chooser.indicator}>
          <klyft-notices .notices=${app.notices} .lang=${view.lang} @klyft-notice-dismiss=${this.handleDismiss} @klyft-intent=${this.handleIntent} @klyft-story-link-present=${this.story.handleLinkPresent}></klyft-notices>
          <klyft-choosers .catalogue=${app.catalogue} .level=${view.level} .indicator=${view.indicator} .lang=${view.lang} @klyft-intent=${this.handleIntent}></klyft-choosers>
          ${this.userData.renderList(this.handleIntent)} ${views.renderJump(view, this.intent)} ${views.renderAreaSelect(data?.geometry, view, this.intent)}
          ${view.mode === 'level' ? views.renderLegend(view, data, vm, this.handleIntent) : views.renderChangeLegend(view, level, data, vm, this.handleIntent)}
        </aside>
        <main>
          ${views.renderMainBar(view, level, data, vm, this.intent)}
          <div class="stage ${view.mode === 'scatter' && view.view === 'map' ? 'split' : ''}">
            ${view.view === 'map' ? this.renderMapStage() : views.renderTable(data, view, this.handleIntent, this.marks())} ${this.story.renderOverlay()}
          </div>
          ${
            view.mode === 'level'
              ? html`<klyft-time-slider .years=${data?.series?.years ?? []} .year=${view.year} .lang=${view.lang} @klyft-intent=${this.handleIntent}></klyft-time-slider>`
              : nothing
          }
        </main>
        ${
          hasSide
            ? html`<section class="detail" aria-label=${t.gap.title}>
              ${views.renderDetail(data, view, { catalogue: this.app.catalogue, level: view.level, dataBase: this.app.base }, this.intent, this.handleIntent)} ${views.renderGapPanel(data, view, vm, this.handleIntent)}
              ${view.mode !== 'level' ? views.renderDrivers({ data, view, vm, highlighted: this.highlighted, onHighlight: this.handleHighlight, onIntent: this.handleIntent }) : nothing}
            </section>`
            : nothing
        }
      </div>
      <klyft-sources .catalogue=${app.catalogue} .joinReport=${app.joinReport} .lang=${view.lang}></klyft-sources>
      ${this.exports.renderDialog()} ${this.story.renderEditor()}
    `;
  }

  private renderHeader() {
    const { exports, story, film } = this;
    return renderAppHeader({
      lang: this.app.view.lang,
      copied: exports.copied,
      importButton: this.userData.renderImport(),
      storyMenu: story.renderMenu({ status: film.status, busy: film.busy, handle: film.handleFilm }),
      onSources: this.handleShowSources,
      onCopyLink: exports.handleCopyLink,
      onShare: exports.handleShowShare,
      onLanguage: (lang) => this.app.intent({ lang }),
    });
  }

  /** The loaded view's marks (see areaContext). */
  private marks(): LevelMarks | null {
    const data = this.app.loaded;
    return data?.indicator ? this.areaContext.marksByCode(data.geometry.codes, data.indicator) : null;
  }

  private renderMapStage() {
    const view = this.app.view;
    if (view.mode !== 'scatter') return this.renderMap();
    const hovered = this.hover ? (this.app.loaded?.geometry.codes[this.hover.index] ?? null) : null;
    return html`
      <div class="pane">${views.renderScatter({ data: this.app.loaded, view, vm: this.app.viewModel(), highlighted: this.highlighted ?? hovered, onHighlight: this.handleHighlight, onIntent: this.handleIntent })}</div>
      <div class="pane">${this.renderMap()}</div>
    `;
  }

  private renderMap() {
    const { loaded: data, view } = this.app;
    const t = strings(view.lang);
    if (!data) return html`<p class="busy" role="status">${t.app.loading}</p>`;
    const vm = this.app.viewModel();
    const { geometry } = data;
    const label = `${fill(t.map.label, { indicator: data.indicator?.name[view.lang] ?? '', year: vm.titleYears, level: levelLabel(geometry.meta, view.lang) })}${
      vm.gap ? `. ${vm.gap.summary}` : ''
    }${highlightSentence(this.story.highlightNames(), view.lang)}`;
    // The area outlined as hovered: the pointer on the map, or an area highlighted in a list or the scatter.
    const hovered = this.highlighted ? (geometry.indexByCode.get(this.highlighted) ?? null) : (this.hover?.index ?? null);
    const stage = this.mapView()?.parentElement;
    return html`
      <klyft-map-view
        .basemap=${this.app.basemap}
        .level=${views.mapLevel(geometry)}
        .colors=${vm.colors.colors}
        .colorKey=${vm.colors.key}
        .upcoming=${vm.upcoming}
        .hoveredIndex=${hovered}
        .selectedIndex=${view.area ? (geometry.indexByCode.get(view.area) ?? null) : null}
        .effects=${this.story.effects}
        .label=${label}
        .lang=${view.lang}
        @klyft-area-hover=${this.handleHover}
        @klyft-area-select=${this.handleMapSelect}
      ></klyft-map-view>
      ${this.hover ? views.renderTooltip(data, view, this.hover, { width: stage?.clientWidth ?? 800, height: stage?.clientHeight ?? 600 }, this.marks()) : nothing}
      ${this.app.loadingData ? html`<p class="busy" role="status">${t.app.loading}</p>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'klyft-app': KlyftApp;
  }
}
