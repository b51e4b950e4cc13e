import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { buttonStyles } from './shared-styles';
import { LoadError, levelFromFeatures, loadBasemap, loadCatalogue, loadJson, loadLevel, loadValues, type Basemap, type LevelGeometry } from '../data/load';
import type { Catalogue, IndicatorMeta, IndicatorValues, JoinReportEntry, LevelMeta, SourceMeta } from '../data/types';
import { formatChange, formatValue } from '../format/number';
import { fill, hasLanguage, loadLanguage, strings } from '../i18n';
import type { ColorScale } from '../scales/color-scale';
import type { ChangeScale } from '../scales/diverging';
import { findIndicator, findLevel, indicatorsAt, levelLabel, levelsWith, urlContext } from '../state/app-data';
import type { ChangeOverview, GapOverview } from '../state/gap-view';
import {
  changeSinceFirst,
  featureSeries,
  medianSeries,
  ranks,
  valuesForYear,
  type AlignedSeries,
} from '../state/selectors';
import { mapColors, type MapColors } from '../state/map-colors';
import { Store } from '../state/store';
import { loadViewData, type ViewData } from '../state/view-data';
import { nearestYear } from '../state/timeline';
import { decodeViewState, encodeViewState, type UrlProblem } from '../state/url-codec';
import { DEFAULT_VIEW, type ViewState } from '../state/view-state';
import type { Notice } from './klyft-notices';
import type { KlyftSources } from './klyft-sources';
import type { ImportAddLevelDetail, ImportApplyDetail, KlyftImport } from './klyft-import';
import type { UserDatasetItem, UserLevelItem } from './klyft-user-data';
import { userLevelKey, withUserLevels, type UserLevel } from '../import/user-levels';
import type { OverlayLoaders } from '../import/overlay-host';
import type { JoinGeometry } from '../import/join-report';
import { withUserDatasets } from '../import/user-catalogue';
import {
  listDatasets,
  listUserLevels,
  newDatasetId,
  putDataset,
  putUserLevel,
  removeDataset,
  renameDataset,
  userDatasetId,
  userIndicatorId,
  type UserDataset,
} from '../import/user-data-store';
import './klyft-choosers';
import './klyft-legend';
import './klyft-map-view';
import './klyft-notices';
import './klyft-time-slider';
import { LazyPresenter } from './lazy-presenter';
import type { PresenterHost } from './presenter-controller';
import type { PresenterLegendEntry } from './klyft-presenter';
import type { SceneEffects } from '../map/scene-effects';
import type { Scene, Story } from '../story/story';
import { legendEntries } from '../scales/legend-entries';
import { changeLegendEntries } from '../scales/change-legend-entries';

/**
 * Elements the first view does not show load on demand, keeping the first download
 * small: the table (view=table), the area panel (an area selected) and the sources.
 */
const lazyElements = {
  'klyft-data-table': () => import('./klyft-data-table'),
  'klyft-area-detail': () => import('./klyft-area-detail'),
  'klyft-sources': () => import('./klyft-sources'),
  'klyft-scatter': () => import('./klyft-scatter'),
  'klyft-gap-drivers': () => import('./klyft-gap-drivers'),
  'klyft-share-dialog': () => import('./klyft-share-dialog'),
  // Not needed to draw the first map: loaded right after it (see signalRendered).
  'klyft-gap-panel': () => import('./klyft-gap-panel'),
  'klyft-import': () => import('./klyft-import'),
  'klyft-story-menu': () => import('./klyft-story-menu'),
  'klyft-change-legend': () => import('./klyft-change-legend'),
  'klyft-presenter': () => import('./klyft-presenter'),
  'klyft-user-data': () => import('./klyft-user-data'),
  'klyft-speaker-view': () => import('./klyft-speaker-view'),
  'klyft-story-editor': () => import('./klyft-story-editor'),
  // Needed at the first hover: loaded right after the first map.
  'klyft-tooltip': () => import('./klyft-tooltip'),
} as const;

function loadElement(tag: keyof typeof lazyElements): Promise<unknown> {
  return customElements.get(tag) ? Promise.resolve() : lazyElements[tag]();
}

/** Where the shipped data lives, relative to the page. */
/** How long a story scene change fades the map's colours (ms). */
const SCENE_COLOR_TRANSITION_MS = 700;

const DATA_BASE = new URL('data/', document.baseURI).href;

type Boot = { status: 'loading' } | { status: 'error'; file: string; reason: string } | { status: 'ready' };

/** What is drawn: one level's geometry joined with one indicator (see ViewData). */
type Loaded = ViewData;
interface Hover {
  index: number;
  x: number;
  y: number;
}

/** The application shell: owns the store, the URL and the loading of data. */
@customElement('klyft-app')
export class KlyftApp extends LitElement implements PresenterHost {
  @state() private boot: Boot = { status: 'loading' };
  @state() private view: ViewState = DEFAULT_VIEW;
  @state() private loaded: Loaded | null = null;
  @state() private loadingData = false;
  @state() private notices: Notice[] = [];
  @state() private hover: Hover | null = null;
  @state() private basemap: Basemap | null = null;
  @state() private joinReport: JoinReportEntry[] = [];
  @state() private copied = false;
  /** Area highlighted from the scatter or the drivers list (not part of the URL). */
  @state() private highlighted: string | null = null;
  /** Area codes a story scene highlights (outlined and labelled on the map). */
  @state() private sceneHighlight: readonly string[] = [];
  /** The next colour change is a story scene change: it fades in (cleared once the scene's data is drawn). */
  private sceneTransition = false;
  /** Scene highlights and colour fades on the map, loaded with the first scene (see scene-effects.ts). */
  @state() private effects: SceneEffects | null = null;
  private effectsLoading = false;

  @query('klyft-sources') private sourcesDialog!: KlyftSources;
  @query('klyft-import') private importer!: KlyftImport;

  private catalogue: Catalogue | null = null;
  /** How the import dialog loads other levels for estimates by overlay. */
  private readonly importLoaders: OverlayLoaders = {
    geometryOf: async (meta) => this.userLevelGeometry(meta.id) ?? loadLevel(DATA_BASE, meta),
    valuesOf: (file) => loadValues(DATA_BASE, file),
  };
  /** The shipped catalogue; `catalogue` is this plus the user's imported datasets. */
  private baseCatalogue: Catalogue | null = null;
  /** Datasets imported in this browser (IndexedDB), merged into the catalogue as `user:<id>`. */
  @state() private userDatasets: UserDataset[] = [];
  /** The user's own divisions (IndexedDB), merged into the catalogue's levels as `user-level:<id>`. */
  @state() private userLevels: UserLevel[] = [];
  /** Their geometry, built once per level from the stored features. */
  private readonly userGeometry = new Map<string, LevelGeometry>();
  /** A file is being dragged over the page. */
  @state() private dragging = false;
  private dragTimer: ReturnType<typeof setTimeout> | undefined;
  private joinGeometry: { geometry: LevelGeometry; value: JoinGeometry; region: string | undefined } | null = null;
  private readonly store = new Store<ViewState>(DEFAULT_VIEW);
  private loadTicket = 0;
  private colors: Uint8Array = new Uint8Array(0);
  private colorKey = '';
  private scale: ColorScale | null = null;
  /** The statistics module, loaded after the first map (see analyse). */
  private analysis: typeof import('../state/view-analysis') | null = null;
  private resolveFirstDraw: () => void = () => undefined;
  private firstDrawn = false;
  private readonly firstDraw = new Promise<void>((resolve) => (this.resolveFirstDraw = resolve));
  private mapColorState: MapColors | null = null;
  private changeScale: ChangeScale | null = null;
  private gap: GapOverview | null = null;
  private gapKey = '';
  private change: ChangeOverview | null = null;
  private changeKey = '';
  private unsubscribe: (() => void) | null = null;
  /** Presenter mode, stories, kiosk loop and the speaker window's channel (see presenter-controller.ts). */
  private readonly presenter = new LazyPresenter(this);
  /** This window is a speaker view (`?speaker=1`): it shows notes and follows the presenting window. */
  @state() private speaker = false;
  @state() private storyErrors: string[] = [];
  @state() private filmStatus = '';
  @state() private filmBusy = false;
  /** The story being built in the editor (kept in localStorage, see story-draft.ts). */
  @state() private storyDraft: Story | null = null;
  @state() private editorOpen = false;
  /** The caption filler, loaded with the first story (it brings the statistics code). */
  private placeholders: typeof import('../story/placeholders') | null = null;
  /** True while applying a URL (initial load or back/forward): do not push history. */
  private restoring = false;

  override connectedCallback(): void {
    super.connectedCallback();
    if (new URLSearchParams(location.search).get('speaker') === '1') {
      this.speaker = true;
      this.setAttribute('speaker', '');
      void loadElement('klyft-speaker-view');
      return;
    }
    window.addEventListener('popstate', this.handlePopState);
    this.addEventListener('dragover', this.handleDragOver);
    this.addEventListener('drop', this.handleDrop);
    void this.start();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('popstate', this.handlePopState);
    this.removeEventListener('dragover', this.handleDragOver);
    this.removeEventListener('drop', this.handleDrop);
    this.unsubscribe?.();
    super.disconnectedCallback();
  }

  private async start(): Promise<void> {
    this.boot = { status: 'loading' };
    try {
      // Read before applyUrl rewrites the address without its hash.
      const storyLink = new URLSearchParams(location.hash.slice(1)).has('story') ? location.hash : null;
      const shipped = await loadCatalogue(DATA_BASE);
      // Imported datasets join the catalogue before the URL is read, so `indicator=user:…` validates.
      const [datasets, levels] = await Promise.all([listDatasets().catch(() => []), listUserLevels().catch(() => [])]);
      this.baseCatalogue = shipped;
      this.userDatasets = datasets;
      this.userLevels = levels;
      const catalogue = withUserLevels(withUserDatasets(shipped, datasets), levels);
      this.catalogue = catalogue;
      const [basemap, report] = await Promise.all([
        loadBasemap(DATA_BASE, catalogue.basemap),
        loadJson<JoinReportEntry[]>(DATA_BASE, 'join-report.json').catch(() => []),
      ]);
      this.basemap = basemap;
      this.joinReport = report;
      this.unsubscribe = this.store.subscribe((next, previous) => this.handleStateChange(next, previous));
      await loadLanguage(decodeViewState(location.search, urlContext(this.catalogue!)).state.lang);
      this.applyUrl(location.search, true);
      this.boot = { status: 'ready' };
      if (storyLink) void this.openStoryLink(storyLink);
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
    // English strings load on demand: fetch them first, then apply the URL in English throughout.
    if (!hasLanguage(next.lang)) {
      void loadLanguage(next.lang).then(() => this.applyUrl(search, initial));
      return;
    }
    this.restoring = true;
    this.store.set(next);
    this.restoring = false;
    this.view = this.store.get();
    // A view of data imported elsewhere gets its own explanation instead of "invalid value".
    const missingUser = problems.find((p) => p.param === 'indicator' && p.kind === 'invalid' && p.value.startsWith('user:'));
    const shown = missingUser ? problems.filter((p) => p !== missingUser && !(p.kind === 'adjusted' && ['year', 'from', 'to'].includes(p.param))) : problems;
    const userNotice: Notice[] = missingUser ? [{ id: 'url-user-missing', text: strings(next.lang).import.missingDataset, tone: 'warning' }] : [];
    // Likewise a division of the user's own that this browser does not have.
    const missingLevel = problems.find((p) => p.param === 'level' && p.kind === 'invalid' && p.value.startsWith('user-level:'));
    if (missingLevel) userNotice.push({ id: 'url-user-level-missing', text: strings(next.lang).import.missingLevel, tone: 'warning' });
    const shownAll = missingLevel ? shown.filter((p) => p !== missingLevel && !(p.param === 'indicator' && p.kind === 'invalid')) : shown;
    this.notices = [...this.notices.filter((n) => !n.id.startsWith('url-')), ...shownAll.map((p, i) => this.urlNotice(p, i)), ...userNotice];
    if (initial) history.replaceState(null, '', `?${encodeViewState(this.view)}`);
    setDocumentLang(this.view.lang);
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
    setDocumentLang(next.lang);
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
    this.loadingData = true;
    try {
      const data = await loadViewData(DATA_BASE, catalogue, level, indicator, (file) => this.valuesOf(file, level), (id) => this.userLevelGeometry(id));
      if (ticket !== this.loadTicket) return;
      const { geometry, series } = data;
      this.loaded = data;
      void this.analyse(data, ticket);
      this.gapKey = '';
      this.changeKey = '';
      this.checkArea(geometry);
      this.checkMode(data);
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

  /**
   * Adds the gap statistics to freshly loaded data. The statistics code is loaded after the first
   * map is drawn (it is not needed to draw it), except when the view opens on a change view.
   */
  private async analyse(data: ViewData, ticket: number): Promise<void> {
    if (!this.analysis) {
      if (this.view.view === 'map' && this.view.mode === 'level') await Promise.race([this.firstDraw, new Promise((r) => setTimeout(r, 4000))]);
      this.analysis = await import('../state/view-analysis');
    }
    if (ticket !== this.loadTicket) return;
    this.loaded = this.analysis.analyseViewData(data);
    this.gapKey = '';
    this.changeKey = '';
  }

  /** An indicator's values: shipped files are fetched, `user:<id>` ones come from the imported datasets. */
  private valuesOf(file: string, level: LevelMeta['id']): Promise<IndicatorValues> {
    const id = userDatasetId(file);
    if (id === null) return loadValues(DATA_BASE, file);
    const values = this.userDatasets.find((d) => d.id === id)?.joins[level]?.values;
    return values ? Promise.resolve(values) : Promise.reject(new LoadError(file, 'not imported in this browser'));
  }

  /** Replaces the imported datasets and rebuilds the merged catalogue. */
  private setUserDatasets(datasets: UserDataset[]): void {
    this.userDatasets = datasets;
    if (this.baseCatalogue) this.catalogue = withUserLevels(withUserDatasets(this.baseCatalogue, datasets), this.userLevels);
  }

  /** Replaces the user's own divisions and rebuilds the merged catalogue. */
  private setUserLevels(levels: UserLevel[]): void {
    this.userLevels = levels;
    this.setUserDatasets(this.userDatasets);
  }

  /** The geometry of one of the user's own divisions (kept in memory, never fetched), or undefined. */
  private userLevelGeometry(level: LevelMeta['id']): LevelGeometry | undefined {
    const key = userLevelKey(level);
    if (key === null) return undefined;
    const stored = this.userLevels.find((l) => l.id === key);
    if (!stored) return undefined;
    let geometry = this.userGeometry.get(key);
    if (!geometry || geometry.meta !== stored.meta) {
      geometry = levelFromFeatures(stored.meta, stored.features);
      this.userGeometry.set(key, geometry);
    }
    return geometry;
  }

  /** Adds a boundary file as the user's own division, stores it and shows it. */
  private readonly handleAddLevel = async (event: Event): Promise<void> => {
    const { boundaries, choices } = (event as CustomEvent<ImportAddLevelDetail>).detail;
    const { buildUserLevel } = await import('../import/user-level-build');
    const level = buildUserLevel(boundaries, choices, newDatasetId(), new Date().toISOString());
    this.setUserLevels([...this.userLevels, level]);
    this.store.set({ level: level.meta.id, area: null, from: null, to: null });
    try {
      await putUserLevel(level);
    } catch (error) {
      const text = fill(strings(this.view.lang).import.storeFailed, { reason: String(error) });
      this.notices = [...this.notices.filter((n) => n.id !== 'store-failed'), { id: 'store-failed', text, tone: 'warning' }];
    }
  };

  /**
   * Removes a division of the user's own with the datasets joined to it (see withoutLevel), from
   * memory, IndexedDB and the view: a view that used them falls back to the default with a notice.
   */
  private readonly handleUserLevelRemove = async (event: Event): Promise<void> => {
    const { id } = (event as CustomEvent<{ id: string }>).detail;
    const removed = this.userLevels.find((l) => l.id === id);
    if (!removed) return;
    const removal = await import('../import/remove-level');
    const result = removal.withoutLevel(this.userDatasets, removed.meta.id);
    this.userLevels = this.userLevels.filter((l) => l.id !== id);
    this.setUserDatasets(result.datasets);
    this.userGeometry.delete(id);
    const patch = removal.viewAfterRemoval(this.catalogue!, this.store.get(), removed.meta.id);
    if (patch) this.store.set(patch);
    else void this.ensureData();
    const notices = removal.removalNotices(this.view.lang, removed.meta.name[this.view.lang], result.removed, patch !== null);
    this.notices = [...this.notices.filter((n) => !n.id.startsWith('level-removed')), ...notices];
    await removal.storeRemoval(id, result);
  };

  private userLevelItems(): UserLevelItem[] {
    return this.userLevels.map((l) => ({
      id: l.id,
      level: l.meta.id,
      name: l.meta.name[this.view.lang],
      fileName: l.fileName,
      createdAt: l.createdAt,
      count: l.meta.count,
      // Those that go with it (remove-level.ts's goesWithLevel): first joined to it.
      datasets: this.userDatasets.filter((d) => d.levelId === l.meta.id).map((d) => d.name),
    }));
  }

  /** The current level's codes and names for the import preview, and the kommun its codes belong to. */
  private importGeometry(): { value: JoinGeometry; region: string | undefined } | null {
    const geometry = this.loaded?.geometry;
    if (!geometry) return null;
    if (this.joinGeometry?.geometry !== geometry) {
      const features = geometry.areas.features;
      const kommun = features[0]?.properties.parents.kommun;
      const region = kommun !== undefined && features.every((f) => f.properties.parents.kommun === kommun) ? kommun : undefined;
      this.joinGeometry = { geometry, value: { codes: geometry.codes, names: features.map((f) => f.properties.name) }, region };
    }
    return this.joinGeometry;
  }

  private readonly handleDragOver = (event: DragEvent): void => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    this.dragging = true;
    // dragover repeats while a file is over the page; when it stops, the file has left.
    clearTimeout(this.dragTimer);
    this.dragTimer = setTimeout(() => (this.dragging = false), 300);
  };

  private readonly handleDrop = async (event: DragEvent): Promise<void> => {
    const file = event.dataTransfer?.files[0];
    if (!file) return;
    event.preventDefault();
    clearTimeout(this.dragTimer);
    this.dragging = false;
    await (await this.ensureImporter())?.openFile(file);
  };

  /** The import element, loading it first when the reader acts before it arrived. */
  private async ensureImporter(): Promise<KlyftImport | null> {
    await loadElement('klyft-import');
    this.requestUpdate();
    await this.updateComplete;
    return this.importer ?? null;
  }

  /** The header's import button before the import element has loaded: load it, then open the file picker. */
  private readonly handleEarlyImport = async (): Promise<void> => {
    const importer = await this.ensureImporter();
    importer?.shadowRoot?.querySelector<HTMLInputElement>('input[type="file"]')?.click();
  };

  /** Stores imported (or re-matched) datasets and shows the first on the level the import chose. */
  private readonly handleImportApply = async (event: Event): Promise<void> => {
    const detail = (event as CustomEvent<ImportApplyDetail>).detail;
    const { mergeImported } = await import('../import/apply-import');
    const { all, stored } = mergeImported(this.userDatasets, detail, new Date().toISOString(), newDatasetId);
    this.setUserDatasets(all);
    const first = stored[0];
    if (!first) return;
    // Stored before it is shown: a reload right after shows it again.
    try {
      await Promise.all(stored.map(putDataset));
    } catch (error) {
      const text = fill(strings(this.view.lang).import.storeFailed, { reason: String(error) });
      this.notices = [...this.notices.filter((n) => n.id !== 'store-failed'), { id: 'store-failed', text, tone: 'warning' }];
    }
    const indicator = userIndicatorId(first.id);
    const view = this.store.get();
    const year = nearestYear(first.joins[detail.level]?.values.years ?? [], view.year) ?? view.year;
    const reload = view.indicator === indicator && view.level === detail.level;
    this.store.set({ indicator, level: detail.level, year, from: null, to: null, ...(detail.level === view.level ? {} : { area: null, highlight: [] }) });
    // The same indicator (matched again) does not change the state's indicator: load explicitly.
    if (reload) void this.ensureData();
  };

  private readonly handleUserRename = async (event: Event): Promise<void> => {
    const { id, name } = (event as CustomEvent<{ id: string; name: string }>).detail;
    this.setUserDatasets(this.userDatasets.map((d) => (d.id === id ? { ...d, name, choices: { ...d.choices, name } } : d)));
    if (this.store.get().indicator === userIndicatorId(id)) void this.ensureData();
    await renameDataset(id, name).catch(() => undefined);
  };

  private readonly handleUserRematch = (event: Event): void => {
    const dataset = this.userDatasets.find((d) => d.id === (event as CustomEvent<{ id: string }>).detail.id);
    if (!dataset) return;
    void this.ensureImporter().then((importer) =>
      importer?.openTable(dataset.table, dataset.id, dataset.choices, dataset.joins[this.view.level]?.matchByName ?? false),
    );
  };

  private readonly handleUserRemove = async (event: Event): Promise<void> => {
    const { id } = (event as CustomEvent<{ id: string }>).detail;
    this.setUserDatasets(this.userDatasets.filter((d) => d.id !== id));
    if (this.store.get().indicator === userIndicatorId(id)) {
      const fallback = findIndicator(this.catalogue!, DEFAULT_VIEW.indicator);
      this.store.set({ indicator: DEFAULT_VIEW.indicator, year: fallback ? this.snapYear(fallback, this.store.get().level) : DEFAULT_VIEW.year, from: null, to: null });
    }
    await removeDataset(id).catch(() => undefined);
  };

  private userDatasetItems(): UserDatasetItem[] {
    const lang = this.view.lang;
    return this.userDatasets.map((d) => ({
      id: d.id,
      indicator: userIndicatorId(d.id),
      name: d.name,
      fileName: d.fileName,
      createdAt: d.createdAt,
      levels: Object.entries(d.joins).flatMap(([level, join]) => {
        const meta = this.catalogue ? findLevel(this.catalogue, level as LevelMeta['id']) : undefined;
        // A join to one of the user's divisions that has been removed (or lives elsewhere) is not listed.
        if (!meta && userLevelKey(level) !== null) return [];
        const label = meta ? levelLabel(meta, lang) : level;
        return [join?.derivedFrom ? fill(strings(lang).import.derivedLevel, { level: label }) : label];
      }),
    }));
  }

  private renderImport() {
    if (!customElements.get('klyft-import')) {
      return html`<button class="btn" type="button" @click=${this.handleEarlyImport}>${strings(this.view.lang).import.button}</button>`;
    }
    const geometry = this.importGeometry();
    const level = this.catalogue ? findLevel(this.catalogue, this.view.level) : undefined;
    return html`<klyft-import
      .lang=${this.view.lang}
      .geometry=${geometry?.value ?? null}
      .levelId=${this.view.level}
      .levelName=${level ? levelLabel(level, this.view.lang) : ''}
      .levelRegion=${geometry?.region}
      .catalogue=${this.catalogue}
      .levelGeometry=${this.loaded?.geometry ?? null}
      .loaders=${this.importLoaders}
      .dragging=${this.dragging}
      @klyft-import-apply=${this.handleImportApply}
      @klyft-import-add-level=${this.handleAddLevel}
    ></klyft-import>`;
  }

  /** A selected or highlighted area that is not on this level is dropped with a notice. */
  private checkArea(geometry: LevelGeometry): void {
    const area = this.store.get().area;
    if (area && !geometry.indexByCode.has(area)) {
      const t = strings(this.view.lang).notices;
      this.notices = [...this.notices.filter((n) => n.id !== 'area-missing'), { id: 'area-missing', text: fill(t.areaMissing, { value: area }), tone: 'warning' }];
      this.correctView({ area: null });
    }
    const highlight = this.store.get().highlight;
    const missing = highlight.filter((code) => !geometry.indexByCode.has(code));
    const others = this.notices.filter((n) => n.id !== 'highlight-missing');
    if (missing.length === 0) {
      if (others.length !== this.notices.length) this.notices = others;
      return;
    }
    const t = strings(this.view.lang).notices;
    this.notices = [...others, { id: 'highlight-missing', text: missing.length === 1 ? fill(t.highlightMissing, { value: missing[0]! }) : fill(t.highlightMissingMany, { value: missing.map((code) => `"${code}"`).join(', ') }), tone: 'warning' }];
    this.correctView({ highlight: highlight.filter((code) => geometry.indexByCode.has(code)) });
  }

  /** Corrects the view in place (a dropped area, an impossible mode, …): no history entry, the URL rewritten. */
  private correctView(patch: Partial<ViewState>): void {
    this.restoring = true;
    this.store.set(patch);
    this.restoring = false;
    history.replaceState(null, '', `?${encodeViewState(this.store.get())}`);
  }

  /** The change views need two years: with one, the view falls back to the level with a notice. */
  private checkMode(data: ViewData): void {
    const years = data.series?.years ?? [];
    const others = this.notices.filter((n) => n.id !== 'single-year');
    if (this.store.get().mode === 'level' || years.length !== 1 || !data.indicator) {
      this.notices = others;
      return;
    }
    const lang = this.view.lang;
    const text = fill(strings(lang).notices.singleYear, { indicator: data.indicator.name[lang], year: years[0]! });
    this.notices = [...others, { id: 'single-year', text, tone: 'info' }];
    this.correctView({ mode: 'level' });
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
      if (patch.level && patch.level !== current.level && patch.highlight === undefined) patch.highlight = [];
    }
    if (patch.lang && !hasLanguage(patch.lang)) {
      const lang = patch.lang;
      void loadLanguage(lang).then(() => this.handleIntent(new CustomEvent('klyft-intent', { detail: { ...patch, lang } })));
      return;
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

  private async handleShowShare(): Promise<void> {
    await loadElement('klyft-share-dialog');
    await customElements.whenDefined('klyft-share-dialog');
    this.renderRoot.querySelector('klyft-share-dialog')?.show();
  }

  /** Builds and saves a download the share dialog asked for: the map as PNG, the table as CSV, a chart as SVG. */
  private readonly handleDownload = async (event: Event): Promise<void> => {
    const kind = (event as CustomEvent<{ kind: string }>).detail.kind;
    const loaded = this.loaded;
    const indicator = loaded?.indicator;
    if (!loaded || !indicator) return;
    const { saveBlob, slug } = await import('../export/save-blob');
    const lang = this.view.lang;
    const base = `klyftkartan-${slug(indicator.short[lang])}-${this.titleYears()}`;
    const source = this.catalogue?.sources.find((s) => s.id === indicator.source);
    if (kind === 'csv') {
      const { csvBlob, tableCsv } = await import('../export/table-csv');
      const series = loaded.series;
      const row = series ? valuesForYear(series, this.view.year, loaded.geometry.codes.length) : null;
      const rows = loaded.geometry.areas.features.map((f, i) => ({
        code: f.properties.code,
        name: f.properties.name,
        year: this.view.year,
        value: row && !Number.isNaN(row[i]!) ? row[i]! : null,
      }));
      saveBlob(csvBlob(tableCsv(rows, { indicator, source, years: series?.years }, location.href, lang)), `${base}.csv`);
    } else if (kind === 'png') {
      const mapView = this.renderRoot.querySelector('klyft-map-view');
      const image = mapView ? await mapView.captureCanvas() : null;
      if (!image) return;
      const [{ renderPng }, { legendEntries }, { NO_DATA_CSS }] = await Promise.all([
        import('../export/render-png'),
        import('../scales/legend-entries'),
        import('../scales/palette'),
      ]);
      const t = strings(lang);
      const legend = this.scale ? legendEntries(this.scale, indicator.unit, indicator.decimals, lang).map((e) => ({ color: e.color, label: e.label })) : [];
      const blob = await renderPng({
        mapImage: image,
        title: indicator.name[lang],
        years: this.titleYears(),
        subtitle: levelLabel(loaded.geometry.meta, lang),
        legendTitle: indicator.short[lang],
        legend: [...legend, { color: NO_DATA_CSS.includes('#969696') ? '#969696' : '#999999', label: t.legend.noData }],
        summary: this.gap?.summary ?? null,
        source: source?.attribution[lang] ?? `${t.export.source}: ${indicator.source}`,
        licence: fill(t.export.licenceLine, { licence: source?.licence[lang] ?? '–' }),
        url: location.href,
      });
      saveBlob(blob, `${base}.png`);
    } else if (kind === 'svg-gap' || kind === 'svg-series') {
      const [{ chartSvg }, { sourceText, licenceText }] = await Promise.all([import('../export/chart-svg'), import('../export/table-csv')]);
      const host = this.renderRoot.querySelector(kind === 'svg-gap' ? 'klyft-gap-panel' : 'klyft-area-detail');
      const svg = host?.shadowRoot?.querySelector('svg[role="img"]') as SVGSVGElement | null | undefined;
      if (!svg) return;
      const t = strings(lang);
      // The chart's own label says what it shows; the unit line sits outside the SVG in the panel.
      const unit = host?.shadowRoot?.querySelector('.unit')?.textContent?.trim();
      const text = chartSvg(svg, {
        title: indicator.name[lang],
        subtitle: [svg.getAttribute('aria-label') ?? '', unit ?? '', levelLabel(loaded.geometry.meta, lang)].filter(Boolean),
        footer: [
          `${t.export.source}: ${sourceText(source, lang)}`,
          `${t.export.licence}: ${licenceText(source, lang)}`,
          location.href,
        ],
        lang,
      });
      saveBlob(new Blob([text], { type: 'image/svg+xml' }), `${base}-${kind === 'svg-gap' ? 'gap' : 'serie'}.svg`);
    }
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
    if (changed.has('view') || changed.has('loaded')) {
      this.deriveGapViews();
      this.recolour();
    }
    if (!this.effects && this.view.highlight.length > 0) this.loadEffects();
    if (this.effects) {
      this.effects.fadeMs = this.sceneTransition ? SCENE_COLOR_TRANSITION_MS : 0;
      this.effects.setHighlight(this.sceneHighlightIndices());
    }
    if (this.view.view !== 'map') this.loadAfterFirstMap();
    if (this.view.mode !== 'level') void loadElement('klyft-change-legend');
    if (this.view.mode === 'scatter') void loadElement('klyft-scatter');
    if (this.view.mode !== 'level') void loadElement('klyft-gap-drivers');
    if (this.view.view === 'table') void loadElement('klyft-data-table');
    if (this.view.area) void loadElement('klyft-area-detail');
    if (this.userDatasets.length > 0 || this.userLevels.length > 0) void loadElement('klyft-user-data');
    if (this.presenter.active && !customElements.get('klyft-presenter')) void loadElement('klyft-presenter').then(() => this.requestUpdate());
  }

  private async handleShowSources(): Promise<void> {
    await loadElement('klyft-sources');
    await customElements.whenDefined('klyft-sources');
    this.sourcesDialog?.show();
  }

  override updated(): void {
    // The scene's own data is in and handed to the map: later colour changes are instant again.
    const loaded = this.loaded;
    if (this.sceneTransition && loaded?.indicator?.id === this.view.indicator && loaded.geometry.meta.id === this.view.level) this.sceneTransition = false;
    void this.signalRendered();
    this.fitForPresenter();
  }

  private presenterFitKey = 'false';

  /**
   * In presenter mode the map fills the screen: fit the level into the part above the caption
   * (after the map element has taken its new size); on leaving, fit it back.
   */
  private fitForPresenter(): void {
    const active = this.presenter.active;
    const key = active ? `true|${this.loaded?.geometry.meta.id}|${innerWidth}x${innerHeight}|${this.presenter.player?.current.index}|${customElements.get('klyft-presenter') ? 1 : 0}|${this.sceneTexts().caption?.length ?? 0}` : 'false';
    if (key === this.presenterFitKey) return;
    this.presenterFitKey = key;
    setTimeout(() => {
      const mapView = this.renderRoot.querySelector('klyft-map-view');
      if (!active) return mapView?.fitLevel();
      const camera = this.presenter.player?.scene.camera;
      if (camera) return mapView?.showCamera(camera.center, camera.zoom);
      const overlay = this.renderRoot.querySelector('klyft-presenter')?.shadowRoot;
      const caption = overlay?.querySelector<HTMLElement>('.caption');
      const title = overlay?.querySelector<HTMLElement>('.top');
      const legend = overlay?.querySelector<HTMLElement>('.legend');
      const pad = Math.round(innerHeight * 0.03);
      const bottom = (caption?.offsetHeight ?? 0) + pad;
      // Keep the corner panels (title top left, legend top right) off the map: a tall level
      // (Sweden) goes between them, a wide one (a city) below them.
      const bbox = this.loaded?.geometry.meta.bbox;
      const tall = bbox ? (bbox[3] - bbox[1]) * 1.8 > bbox[2] - bbox[0] : false;
      const top = Math.max(title?.offsetHeight ?? 0, legend?.offsetHeight ?? 0) + 2 * pad;
      mapView?.fitLevel(
        tall
          ? { top: pad, bottom, left: (title?.offsetWidth ?? 0) + 2 * pad, right: (legend?.offsetWidth ?? 0) + 2 * pad }
          : { top, bottom, left: pad, right: pad },
      );
    }, 80);
  }

  private signalledKey = '';
  private secondaryRequested = false;

  /** The analysis panel, the importer, the story menu and the hover tip: loaded after the first map, or at once without a map. */
  private loadAfterFirstMap(): void {
    if (this.secondaryRequested) return;
    this.secondaryRequested = true;
    const elements = [loadElement('klyft-gap-panel'), loadElement('klyft-import'), loadElement('klyft-story-menu'), loadElement('klyft-tooltip')];
    void Promise.all(elements).then(() => this.requestUpdate());
  }

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
    // Attribute writes on <html> invalidate style: write only what changed.
    if (root.mapReady !== 'true') {
      root.mapReadyAt = String(Math.round(performance.now()));
      root.mapReady = 'true';
    }
    if (root.mapKey !== key) root.mapKey = key;
    if (!this.firstDrawn) window.dispatchEvent(new Event('klyft:first-map'));
    this.firstDrawn = true;
    this.resolveFirstDraw();
    // The analysis panels and the importer follow the first map, so they never delay it.
    this.loadAfterFirstMap();
  }

  /** The gap series, verdict and summary; in change modes also each area's change. Cached by inputs. */
  private deriveGapViews(): void {
    const loaded = this.loaded;
    const { view } = this;
    const analysis = this.analysis;
    if (!analysis || !loaded?.series || !loaded.stats || !loaded.indicator || loaded.series.years.length < 2) {
      this.gap = null;
      this.change = null;
      return;
    }
    const gapKey = `${view.level}|${view.indicator}|${view.measure}|${view.from}|${view.to}|${view.lang}`;
    if (gapKey !== this.gapKey) {
      this.gap = analysis.gapOverview(loaded.series, loaded.stats, loaded.indicator, view.level, {
        measure: view.measure,
        from: view.from,
        to: view.to,
        lang: view.lang,
        weighted: loaded.weights !== null,
      });
      this.gapKey = gapKey;
    }
    if (view.mode === 'level') return;
    const changeKey = `${view.level}|${view.indicator}|${view.from}|${view.to}|${view.relative}|${view.lang}`;
    if (changeKey !== this.changeKey) {
      this.change = analysis.changeOverview(loaded.series, loaded.stats, loaded.weights, loaded.indicator, view.level, {
        from: view.from,
        to: view.to,
        relative: view.relative,
        lang: view.lang,
      });
      this.changeScale = analysis.buildChangeScale(this.change.changes.delta, this.change.changes.clear, loaded.indicator.direction);
      this.changeKey = changeKey;
    }
  }

  /** Recomputes the colour scale and the fill colours; the geometry stays as it is. */
  private recolour(): void {
    const loaded = this.loaded;
    const analysis = this.analysis;
    const change =
      analysis && this.view.mode !== 'level' && this.change && this.changeScale
        ? { overview: this.change, scale: this.changeScale, key: this.changeKey, fill: analysis.fillChangeColors }
        : null;
    const next = mapColors(
      {
        view: this.view,
        series: loaded?.series ?? null,
        indicator: loaded?.indicator,
        count: loaded?.geometry.codes.length ?? 0,
        levelId: loaded?.geometry.meta.id ?? this.view.level,
        change,
      },
      this.mapColorState,
    );
    this.mapColorState = next;
    this.colors = next.colors;
    this.colorKey = next.key;
    // The level legend keeps the last level scale while a change view is shown.
    if (next.scale || !change) this.scale = next.scale;
  }

  static override styles = [
    buttonStyles,
    css`
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
    .brand { flex: 1 1 auto; display: flex; flex-direction: column; min-width: 0; }
    h1 { font-size: 1.35rem; margin: 0; letter-spacing: -0.01em; }
    .tagline { margin: 0; color: #444; font-size: 0.9rem; }
    .brand klyft-offline-status { font-size: 0.8rem; color: #444; }
    /* Laptops: title and toolbar on one row; the tagline shows where the header wraps anyway. */
    @media (min-width: 801px) and (max-width: 1599px) { .tagline { display: none; } }
    /* A compact toolbar on desktops (also the buttons inside the import and story menus);
       full 44 px touch targets on small screens (below). */
    .header-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
      align-items: center;
      --klyft-btn-min-height: 36px;
      --klyft-btn-padding: 0.2rem 0.7rem;
      --klyft-btn-font-size: 0.9rem;
    }
    .header-actions .btn { min-height: 36px; padding: 0.2rem 0.7rem; font-size: 0.9rem; }
    @media (max-width: 800px) {
      .header-actions { --klyft-btn-min-height: 44px; }
      .header-actions .btn { min-height: 44px; }
    }
    .btn[aria-pressed='true'] { background: #005a9c; color: #fff; }
    .layout {
      display: grid;
      grid-template-columns: minmax(15rem, 19rem) minmax(0, 1fr);
      grid-template-rows: minmax(0, 1fr);
      min-height: 0;
    }
    .layout.with-side {
      grid-template-columns: minmax(15rem, 19rem) minmax(0, 1fr) minmax(17rem, 23rem);
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
      container-type: inline-size;
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
    .stage.split { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); }
    .pane { position: relative; min-height: 0; min-width: 0; }
    .stage.split .pane:first-child { overflow: auto; padding: 0.5rem 0.75rem; border-right: 1px solid #e3e3e3; }
    .summary { flex: 1 1 100%; margin: 0; font-size: 0.9rem; color: #1a1a1a; max-width: 60rem; }
    .detail { display: flex; flex-direction: column; gap: 1.25rem; }
    @container (max-width: 640px) {
      .stage.split { grid-template-columns: minmax(0, 1fr); grid-template-rows: minmax(0, 1fr) minmax(0, 1fr); }
      .stage.split .pane:first-child { border-right: none; border-bottom: 1px solid #e3e3e3; }
    }
    .mainbar .btn { min-height: 40px; padding: 0.25rem 0.7rem; }
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
    /* Presenter mode: the map fills the screen; only the presenter overlay's year, legend and caption show. */
    :host([presenting]) { grid-template-rows: minmax(0, 1fr); height: 100vh; background: #fff; }
    :host([presenting]) header,
    :host([presenting]) aside,
    :host([presenting]) .detail,
    :host([presenting]) .mainbar,
    :host([presenting]) .skip,
    :host([presenting]) klyft-time-slider,
    :host([presenting]) klyft-story-editor { display: none; }
    :host([presenting]) .layout { grid-template-columns: minmax(0, 1fr); grid-template-rows: minmax(0, 1fr); }
    :host([presenting]) main { grid-template-rows: minmax(0, 1fr); }
    :host([presenting][cursor-idle]),
    :host([presenting][cursor-idle]) * { cursor: none; }
    @media (prefers-reduced-motion: reduce) {
      :host([presenting]) * { transition: none !important; animation: none !important; }
    }
    @media (max-width: 1100px) {
      .layout.with-side { grid-template-columns: minmax(15rem, 19rem) minmax(0, 1fr); }
      .layout.with-detail .detail { grid-column: 1 / -1; border-left: none; border-top: 1px solid #d6d6d6; }
      :host { height: auto; min-height: 100vh; }
      .layout { grid-template-rows: auto; }
      main { grid-template-rows: auto minmax(60vh, 1fr) auto; }
    }
    @media (max-width: 800px) {
      .layout, .layout.with-side { grid-template-columns: minmax(0, 1fr); }
      aside { border-right: none; order: 2; }
      main { order: 1; grid-template-rows: auto 65vh auto; }
      .layout .detail { order: 3; }
    }
  `,
  ];

  override render() {
    const t = strings(this.view.lang);
    if (this.speaker) return html`<klyft-speaker-view .lang=${this.view.lang}></klyft-speaker-view>`;
    if (this.boot.status === 'loading') return html`<p class="boot" role="status">${t.app.loading}</p>`;
    if (this.boot.status === 'error') return this.renderError(this.boot.file, this.boot.reason);
    return html`
      <a class="skip" href="#table" @click=${this.handleSkipToTable}>${t.app.skipToTable}</a>
      ${this.renderHeader()}
      <div class="layout ${this.hasSide() ? 'with-side' : ''}">
        <aside aria-label=${t.chooser.indicator}>
          <klyft-notices .notices=${this.notices} .lang=${this.view.lang} @klyft-notice-dismiss=${this.handleDismiss} @klyft-intent=${this.handleIntent} @klyft-story-link-present=${this.handleStoryLinkPresent}></klyft-notices>
          <klyft-choosers .catalogue=${this.catalogue} .level=${this.view.level} .indicator=${this.view.indicator} .lang=${this.view.lang} @klyft-intent=${this.handleIntent}></klyft-choosers>
          <klyft-user-data
            .datasets=${this.userDatasetItems()}
            .levels=${this.userLevelItems()}
            .level=${this.view.level}
            .indicator=${this.view.indicator}
            .lang=${this.view.lang}
            @klyft-intent=${this.handleIntent}
            @klyft-user-data-rename=${this.handleUserRename}
            @klyft-user-data-rematch=${this.handleUserRematch}
            @klyft-user-data-remove=${this.handleUserRemove}
            @klyft-user-level-remove=${this.handleUserLevelRemove}
          ></klyft-user-data>
          ${this.renderJump()} ${this.renderAreaSelect()} ${this.view.mode === 'level' ? this.renderLegend() : this.renderChangeLegend()}
        </aside>
        <main>
          ${this.renderMainBar()}
          <div class="stage ${this.view.mode === 'scatter' && this.view.view === 'map' ? 'split' : ''}">
            ${this.view.view === 'map' ? this.renderMapStage() : this.renderTable()}
            ${this.presenter.active ? this.renderPresenter() : nothing}
          </div>
          ${this.view.mode === 'level'
            ? html`<klyft-time-slider .years=${this.loaded?.series?.years ?? []} .year=${this.view.year} .lang=${this.view.lang} @klyft-intent=${this.handleIntent}></klyft-time-slider>`
            : nothing}
        </main>
        ${this.hasSide() ? html`<section class="detail" aria-label=${t.gap.title}>${this.renderSide()}</section>` : nothing}
      </div>
      <klyft-sources .catalogue=${this.catalogue} .joinReport=${this.joinReport} .lang=${this.view.lang}></klyft-sources>
      <klyft-share-dialog
        .view=${this.view}
        .appUrl=${location.origin + location.pathname}
        .embedScriptUrl=${new URL('embed/klyft-map.js', document.baseURI).href}
        .viewTitle=${`${this.loaded?.indicator?.name[this.view.lang] ?? ''} ${this.titleYears()}`}
        .lang=${this.view.lang}
        .downloads=${this.view.area ? ['png', 'csv', 'svg-gap', 'svg-series'] : this.gap ? ['png', 'csv', 'svg-gap'] : ['png', 'csv']}
        .exportMeta=${this.exportMeta()}
        @klyft-download=${this.handleDownload}
      ></klyft-share-dialog>
      ${this.editorOpen ? this.renderStoryEditor() : nothing}
    `;
  }

  /** The loaded indicator with its catalogue source and years: what downloads and citations name. */
  private exportMeta(): { indicator: IndicatorMeta; source: SourceMeta | undefined; years?: readonly number[] } | null {
    const indicator = this.loaded?.indicator;
    if (!indicator) return null;
    return { indicator, source: this.catalogue?.sources.find((s) => s.id === indicator.source), years: this.loaded?.series?.years };
  }

  private renderLegend() {
    return html`<klyft-legend
            .scale=${this.scale}
            .indicator=${this.loaded?.indicator ?? null}
            .lang=${this.view.lang}
            .classification=${this.view.classification}
            .classes=${this.view.classes}
            .domain=${this.view.domain}
            .derived=${this.loaded?.indicator?.levels[this.view.level]?.derived}
            .hasMissing=${true}
            @klyft-intent=${this.handleIntent}
          ></klyft-legend>`;
  }

  private renderChangeLegend() {
    const lang = this.view.lang;
    const region = findLevel(this.catalogue!, this.view.level)?.group[lang] ?? '';
    const referenceLabel = this.view.level === 'kommun' ? (lang === 'sv' ? 'riket' : 'Sweden') : region;
    return html`<klyft-change-legend
      .scale=${this.changeScale}
      .indicator=${this.loaded?.indicator ?? null}
      .from=${this.change?.from ?? 0}
      .to=${this.change?.to ?? 0}
      .relative=${this.view.relative}
      .referenceLabel=${referenceLabel}
      .lang=${lang}
      @klyft-intent=${this.handleIntent}
    ></klyft-change-legend>`;
  }

  /** The side column holds the gap panel (when there are years to compare), the drivers and the area. */
  private hasSide(): boolean {
    return this.gap !== null || this.hasDetail();
  }

  private renderSide() {
    const loaded = this.loaded;
    const gap = this.gap;
    // The chosen area first: it is what the reader just asked for.
    return html`
      ${this.renderDetail()}
      ${gap && loaded?.series && loaded.stats
        ? html`<klyft-gap-panel
            .indicator=${loaded.indicator ?? null}
            .lang=${this.view.lang}
            .years=${loaded.linked?.years ?? loaded.series.years}
            .stats=${loaded.linked?.stats ?? loaded.stats}
            .measure=${this.view.measure}
            .year=${this.view.year}
            .from=${gap.from}
            .to=${gap.to}
            .verdict=${gap.verdict}
            .summary=${gap.summary}
            .breakYear=${loaded.linked?.breakYear ?? null}
            .areaCount=${loaded.geometry.codes.length}
            @klyft-intent=${this.handleIntent}
          ></klyft-gap-panel>`
        : nothing}
      ${this.view.mode !== 'level' ? this.renderDrivers() : nothing}
    `;
  }

  private renderDrivers() {
    const loaded = this.loaded;
    const change = this.change;
    if (!loaded || !change) return nothing;
    const rows = change.drivers.map((d) => ({
      code: loaded.geometry.codes[d.index] ?? '',
      name: loaded.geometry.areas.features[d.index]?.properties.name ?? '',
      change: d.change,
      contributionA: d.contributionA,
      contributionB: d.contributionB,
    }));
    return html`<klyft-gap-drivers
      .drivers=${rows}
      .reason=${change.driversReason}
      .indicator=${loaded.indicator ?? null}
      .from=${change.from}
      .to=${change.to}
      .highlighted=${this.highlighted}
      .lang=${this.view.lang}
      @klyft-area-highlight=${this.handleHighlight}
      @klyft-intent=${this.handleIntent}
    ></klyft-gap-drivers>`;
  }

  private renderMapStage() {
    if (this.view.mode !== 'scatter') return this.renderMap();
    const loaded = this.loaded;
    const change = this.change;
    return html`
      <div class="pane">
        ${loaded && change
          ? html`<klyft-scatter
              .levelA=${change.levelA}
              .delta=${change.changes.delta}
              .clear=${change.changes.clear}
              .names=${loaded.geometry.areas.features.map((f) => f.properties.name)}
              .codes=${loaded.geometry.codes}
              .selected=${this.view.area}
              .highlighted=${this.highlighted ?? this.hoverCode()}
              .indicator=${loaded.indicator ?? null}
              .from=${change.from}
              .to=${change.to}
              .relative=${this.view.relative}
              .convergence=${change.convergence}
              .sentence=${change.sentence}
              .lang=${this.view.lang}
              @klyft-area-highlight=${this.handleHighlight}
              @klyft-intent=${this.handleIntent}
            ></klyft-scatter>`
          : nothing}
      </div>
      <div class="pane">${this.renderMap()}</div>
    `;
  }

  private hoverCode(): string | null {
    return this.hover ? (this.loaded?.geometry.codes[this.hover.index] ?? null) : null;
  }

  private readonly handleHighlight = (event: Event): void => {
    this.highlighted = (event as CustomEvent<{ code: string | null }>).detail.code;
  };

  // ——— Presenter mode (behaviour in presenter-controller.ts) ———

  /** PresenterHost: shows a scene's view and outlines all its highlighted areas; a scene change fades the colours. */
  applyScene(patch: Partial<ViewState>, highlight: readonly string[], animate: boolean): void {
    this.highlighted = null;
    this.sceneHighlight = [...highlight];
    this.sceneTransition = animate && !matchMedia('(prefers-reduced-motion: reduce)').matches;
    this.loadEffects();
    this.store.set(patch);
  }

  /** Loads the map extension that outlines several areas and fades scenes (not part of the first view). */
  private loadEffects(): void {
    if (this.effects || this.effectsLoading) return;
    this.effectsLoading = true;
    void import('../map/scene-effects').then(({ SceneEffects }) => (this.effects ??= new SceneEffects()));
  }

  /**
   * Indices of the highlighted areas in the loaded level (codes it lacks are left out): the
   * scene's while presenting, then those of the view (URL `hl`).
   */
  private sceneHighlightIndices(): number[] {
    const byCode = this.loaded?.geometry.indexByCode;
    if (!byCode || this.loaded?.geometry.meta.id !== this.view.level) return [];
    const codes = [...new Set([...this.sceneHighlight, ...this.view.highlight])];
    return codes.map((code) => byCode.get(code)).filter((i): i is number => i !== undefined);
  }

  /** Names of the highlighted areas, for the caption's screen-reader text and the map's label. */
  private sceneHighlightNames(): string[] {
    const features = this.loaded?.geometry.areas.features;
    return this.sceneHighlightIndices().map((i) => features?.[i]?.properties.name ?? '').filter((name) => name !== '');
  }

  /** PresenterHost: the view now. */
  currentView(): ViewState {
    return this.store.get();
  }

  /** PresenterHost: the years the scene's indicator has at its level. */
  sceneYears(scene: Scene): readonly number[] | undefined {
    const view = this.store.get();
    const indicator = this.catalogue ? findIndicator(this.catalogue, scene.view.indicator ?? view.indicator) : undefined;
    return indicator?.levels[scene.view.level ?? view.level]?.years;
  }

  /** PresenterHost: the current scene's caption and notes, filled once its data and statistics are loaded. */
  sceneTexts(): { caption: string | null; notes: string | null } {
    const lang = this.view.lang;
    const scene = this.presenter.player?.scene;
    const loaded = this.loaded;
    if (!scene) return { caption: this.gap?.summary ?? loaded?.indicator?.name[lang] ?? null, notes: null };
    const fillText = this.placeholders?.fillPlaceholders;
    const ready =
      fillText && loaded?.indicator && loaded.series && loaded.stats && loaded.indicator.id === this.view.indicator && loaded.geometry.meta.id === this.view.level;
    if (!ready) return { caption: null, notes: null };
    const context = {
      indicator: loaded.indicator!,
      level: this.view.level,
      series: loaded.series!,
      stats: loaded.stats!,
      codes: loaded.geometry.codes,
      names: loaded.geometry.areas.features.map((f) => f.properties.name),
      measure: this.view.measure,
      from: this.view.from,
      to: this.view.to,
    };
    return { caption: fillText(scene.caption[lang], context, lang), notes: scene.notes ? fillText(scene.notes[lang], context, lang) : null };
  }

  /** Validates a story and starts presenting it; errors go to the story menu. */
  private async openStory(json: unknown): Promise<void> {
    const [{ validateStory }, placeholders] = await Promise.all([import('../story/story'), import('../story/placeholders')]);
    this.placeholders = placeholders;
    const result = validateStory(json);
    if ('errors' in result) {
      this.storyErrors = result.errors.map((e) => e.message[this.view.lang]);
      return;
    }
    this.storyErrors = [];
    this.presenter.exit();
    await this.presenter.setStory(result.story);
    await this.presenter.enter();
  }

  private readonly handleStoryExample = async (): Promise<void> => {
    const t = strings(this.view.lang).presenter;
    try {
      const response = await fetch(new URL('stories/example.json', document.baseURI));
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      await this.openStory(await response.json());
    } catch (error) {
      this.storyErrors = [fill(t.fetchFailed, { reason: String(error) })];
    }
  };

  // ——— Story editor and story links ———

  private renderStoryEditor() {
    const lang = this.view.lang;
    const names = Object.fromEntries((this.catalogue?.indicators ?? []).map((i) => [i.id, i.short[lang]]));
    return html`<klyft-story-editor
      .lang=${lang}
      .story=${this.storyDraft}
      .indicatorNames=${names}
      .geometry=${this.loaded?.geometry ?? null}
      .selectedArea=${this.view.area}
      @klyft-story-add-scene=${this.handleAddScene}
      @klyft-story-change=${(e: CustomEvent<{ story: Story }>) => void this.setDraft(e.detail.story)}
      @klyft-story-present=${(e: CustomEvent<{ story: Story }>) => void this.openStory(e.detail.story)}
      @klyft-story-editor-close=${() => (this.editorOpen = false)}
    ></klyft-story-editor>`;
  }

  /** Opens the editor on the saved draft (or a new story). */
  private readonly handleStoryEdit = async (): Promise<void> => {
    const [{ readDraft }, { emptyStory }] = await Promise.all([import('../story/story-draft'), import('../story/story-edit'), loadElement('klyft-story-editor')]);
    this.storyDraft ??= readDraft() ?? emptyStory();
    this.editorOpen = true;
    await this.updateComplete;
    this.renderRoot.querySelector('klyft-story-editor')?.focus();
  };

  private async setDraft(story: Story): Promise<void> {
    this.storyDraft = story;
    (await import('../story/story-draft')).writeDraft(story);
  }

  /** Adds the current view, with the map's camera, as the draft's last scene. */
  private readonly handleAddScene = async (): Promise<void> => {
    const { addScene, emptyStory, newSceneId, sceneFromView } = await import('../story/story-edit');
    const draft = this.storyDraft ?? emptyStory();
    const camera = this.renderRoot.querySelector('klyft-map-view')?.camera() ?? null;
    await this.setDraft(addScene(draft, sceneFromView(this.store.get(), newSceneId(draft), camera)));
  };

  /** A `#story=` link: loads the story and offers to present it (fullscreen needs the reader's click). */
  private async openStoryLink(hash: string): Promise<void> {
    const [{ storyFromUrl }, placeholders] = await Promise.all([import('../story/story'), import('../story/placeholders')]);
    const lang = this.view.lang;
    const t = strings(lang).storyEditor;
    const result = storyFromUrl(hash);
    const others = this.notices.filter((n) => n.id !== 'story-link');
    if ('errors' in result) {
      const reason = result.errors.map((e) => e.message[lang]).join(' · ');
      this.notices = [...others, { id: 'story-link', tone: 'warning', text: fill(t.linkInvalid, { reason }) }];
      return;
    }
    this.placeholders = placeholders;
    await this.presenter.setStory(result.story);
    this.notices = [
      ...others,
      {
        id: 'story-link',
        tone: 'info',
        text: fill(t.linkLoaded, { title: result.story.title[lang] }),
        actions: [{ label: strings(lang).presenter.present, intent: {}, event: 'klyft-story-link-present' }],
      },
    ];
  }

  private readonly handleStoryLinkPresent = (): void => {
    this.notices = this.notices.filter((n) => n.id !== 'story-link');
    void this.presenter.enter();
  };

  private readonly handleStoryFile = async (event: Event): Promise<void> => {
    const file = (event as CustomEvent<{ file: File }>).detail.file;
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch (error) {
      this.storyErrors = [fill(strings(this.view.lang).presenter.notJson, { reason: error instanceof Error ? error.message : String(error) })];
      return;
    }
    await this.openStory(json);
  };

  /**
   * Records the years of the current played scene (or all years of the indicator) as a WebM film.
   * Each year is drawn and captured first, then the frames are played to the recorder.
   */
  private readonly handleFilm = async (event: Event): Promise<void> => {
    const secondsPerYear = (event as CustomEvent<{ secondsPerYear: number }>).detail.secondsPerYear;
    const t = strings(this.view.lang).presenter;
    const loaded = this.loaded;
    const indicator = loaded?.indicator;
    const mapView = this.renderRoot.querySelector('klyft-map-view');
    if (!loaded?.series || !indicator || !mapView || this.filmBusy) return;
    const player = this.presenter.player;
    const years = player?.scene.play && this.presenter.active ? player.years : loaded.series.years;
    const lang = this.view.lang;
    const original = this.store.get().year;
    this.filmBusy = true;
    try {
      const [{ composeFrame, recordFrames, FRAME_WIDTH, FRAME_HEIGHT }, { saveBlob, slug }] = await Promise.all([
        import('../export/timelapse'),
        import('../export/save-blob'),
      ]);
      const source = this.catalogue?.sources.find((s) => s.id === indicator.source);
      const frames: HTMLCanvasElement[] = [];
      if (!this.presenter.active) {
        // Show the whole level above the film's caption band, whatever the reader zoomed to (the fit may animate).
        const h = mapView.clientHeight;
        mapView.fitLevel({ top: Math.round(h * 0.04), bottom: Math.round(h * 0.2), left: 16, right: 16 });
        await new Promise((resolve) => setTimeout(resolve, 1200));
      }
      for (const [i, year] of years.entries()) {
        this.filmStatus = fill(t.filmRecording, { done: i + 1, count: years.length });
        this.restoring = true;
        this.store.set({ year });
        this.restoring = false;
        await this.updateComplete;
        const image = await mapView.captureCanvas();
        if (!image) throw new Error('no map canvas');
        const frame = document.createElement('canvas');
        frame.width = FRAME_WIDTH;
        frame.height = FRAME_HEIGHT;
        composeFrame(frame.getContext('2d')!, image, {
          title: indicator.name[lang],
          year: String(year),
          caption: this.presenter.active ? (this.sceneTexts().caption ?? '') : (this.gap?.summary ?? ''),
          legendTitle: indicator.short[lang],
          legend: [...(this.scale ? legendEntries(this.scale, indicator.unit, indicator.decimals, lang) : []), { color: '#969696', label: strings(lang).legend.noData }],
          source: `${source?.attribution[lang] ?? indicator.source} · ${location.origin}${location.pathname}`,
        });
        frames.push(frame);
      }
      if (!this.presenter.active) mapView.fitLevel();
      this.filmStatus = t.filmEncoding;
      const blob = await recordFrames(frames, secondsPerYear);
      saveBlob(blob, `klyftkartan-${slug(indicator.short[lang])}-${years[0]}-${years[years.length - 1]}.webm`);
      this.filmStatus = t.filmDone;
    } catch (error) {
      this.filmStatus = fill(t.filmFailed, { reason: error instanceof Error ? error.message : String(error) });
    } finally {
      this.correctView({ year: original });
      this.filmBusy = false;
    }
  };

  private renderPresenter() {
    const lang = this.view.lang;
    const t = strings(lang);
    const indicator = this.loaded?.indicator;
    let legend: PresenterLegendEntry[] = [];
    if (indicator && this.view.mode !== 'level' && this.changeScale) {
      const notClear = this.analysis ? [{ color: this.analysis.NOT_CLEAR_CSS, label: t.change.notClear }] : [];
      legend = [...changeLegendEntries(this.changeScale, indicator.decimals, lang), ...notClear];
    }
    else if (indicator && this.scale) legend = legendEntries(this.scale, indicator.unit, indicator.decimals, lang);
    const player = this.presenter.player;
    return html`<klyft-presenter
      .lang=${lang}
      .heading=${indicator?.name[lang] ?? ''}
      .year=${this.titleYears()}
      .caption=${this.sceneTexts().caption}
      .highlights=${this.sceneHighlightNames()}
      .legendTitle=${indicator?.short[lang] ?? ''}
      .legend=${legend}
      .noDataLabel=${t.legend.noData}
      .scene=${player?.current.index ?? 0}
      .count=${player?.count ?? 0}
      .blackout=${this.presenter.blackout}
      .pausedSeconds=${this.presenter.pausedSeconds()}
      ?idle=${this.presenter.cursorIdle}
      @klyft-presenter-exit=${() => this.presenter.exit()}
      @klyft-presenter-speaker=${() => this.presenter.openSpeaker()}
      @klyft-presenter-unblank=${() => this.presenter.setBlackout(false)}
    ></klyft-presenter>`;
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
      <div class="brand">
        <h1>${t.title}</h1>
        <p class="tagline">${t.tagline}</p>
        <klyft-offline-status .lang=${this.view.lang}></klyft-offline-status>
      </div>
      <div class="header-actions">
        ${this.renderImport()}
        <klyft-story-menu
          .lang=${this.view.lang}
          .storyTitle=${this.presenter.story?.title[this.view.lang] ?? null}
          .sceneCount=${this.presenter.story?.scenes.length ?? 0}
          .errors=${this.storyErrors}
          .kiosk=${this.presenter.kiosk}
          .filmStatus=${this.filmStatus}
          .filmBusy=${this.filmBusy}
          @klyft-present=${() => void this.presenter.enter()}
          @klyft-story-example=${this.handleStoryExample}
          @klyft-story-file=${this.handleStoryFile}
          @klyft-story-edit=${this.handleStoryEdit}
          @klyft-kiosk=${(e: CustomEvent<{ on: boolean }>) => void this.presenter.setKiosk(e.detail.on)}
          @klyft-film=${this.handleFilm}
        ></klyft-story-menu>
        <button class="btn" @click=${this.handleShowSources}>${t.sources}</button>
        <button class="btn" @click=${this.handleCopyLink}>${this.copied ? t.shareCopied : t.share}</button>
        <button class="btn" @click=${this.handleShowShare}>${strings(this.view.lang).share.open}</button>
        <button class="btn" lang=${other} @click=${() => void loadLanguage(other).then(() => this.store.set({ lang: other }))}>${t.switchLanguage}</button>
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
        ${indicator?.name[lang] ?? ''} ${this.loaded?.series ? html`· ${this.titleYears()}` : nothing}
        <span class="meta">${level ? levelLabel(level, lang) : ''}${indicator ? html` · ${t.units.direction[indicator.direction]}` : nothing}</span>
      </h2>
      <div class="segmented" role="group" aria-label=${t.app.modeChooser}>
        ${(['level', 'change', 'scatter'] as const).map(
          (mode) =>
            html`<button class="btn" aria-pressed=${this.view.mode === mode} ?disabled=${mode !== 'level' && (!this.gap || (this.loaded?.series?.years.length ?? 0) < 2)} @click=${() => this.store.set({ mode })}>
              ${t.app.modes[mode]}
            </button>`,
        )}
      </div>
      <div class="segmented" role="group" aria-label=${t.app.viewChooser}>
        <button class="btn" aria-pressed=${this.view.view === 'map'} @click=${() => this.store.set({ view: 'map' })}>${t.app.viewMap}</button>
        <button class="btn" aria-pressed=${this.view.view === 'table'} @click=${() => this.store.set({ view: 'table' })}>${t.app.viewTable}</button>
      </div>
    </div>`;
  }

  /** The year shown, or the period A–B in the change views. */
  private titleYears(): string {
    if (this.view.mode !== 'level' && this.change) return `${this.change.from}–${this.change.to}`;
    return String(this.view.year);
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
    const label = `${fill(t.map.label, {
      indicator: loaded.indicator?.name[lang] ?? '',
      year: this.titleYears(),
      level: levelLabel(loaded.geometry.meta, lang),
    })}${this.gap ? `. ${this.gap.summary}` : ''}${this.highlightSentence()}`;
    return html`
      <klyft-map-view
        .basemap=${this.basemap}
        .level=${{ id: loaded.geometry.meta.id, areas: loaded.geometry.areas, outlines: loaded.geometry.outlines, bbox: loaded.geometry.meta.bbox, borders: loaded.geometry.areaBorders ?? null }}
        .colors=${this.colors}
        .colorKey=${this.colorKey}
        .hoveredIndex=${this.highlightIndex()}
        .selectedIndex=${index}
        .effects=${this.effects}
        .label=${label}
        .lang=${lang}
        @klyft-area-hover=${this.handleHover}
        @klyft-area-select=${this.handleMapSelect}
      ></klyft-map-view>
      ${this.renderTooltip()} ${this.loadingData ? html`<p class="busy" role="status">${t.app.loading}</p>` : nothing}
    `;
  }

  /** " Highlighted: A, B." for the highlighted areas (a scene's or the view's), or ''. */
  private highlightSentence(): string {
    const names = this.sceneHighlightNames();
    return names.length > 0 ? ` ${fill(strings(this.view.lang).presenter.highlighted, { names: names.join(', ') })}` : '';
  }

  /** The area outlined as hovered: the pointer on the map, or an area highlighted in a list or the scatter. */
  private highlightIndex(): number | null {
    if (this.highlighted) return this.loaded?.geometry.indexByCode.get(this.highlighted) ?? null;
    return this.hover?.index ?? null;
  }

  private renderTooltip() {
    const loaded = this.loaded;
    const hover = this.hover;
    if (!loaded || !hover) return nothing;
    const feature = loaded.geometry.areas.features[hover.index];
    if (!feature) return nothing;
    const lang = this.view.lang;
    const info = this.areaInfo(hover.index);
    const stage = this.renderRoot.querySelector('klyft-map-view')?.parentElement;
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

/**
 * Sets `lang` on the document only when it changes: Chromium restyles the whole page on
 * every write of `lang`, even of the same value (~5 ms a year change).
 */
function setDocumentLang(lang: string): void {
  if (document.documentElement.lang !== lang) document.documentElement.lang = lang;
}
