/**
 * The app without its UI: the view store and its URL, start-up, loading the data a view needs,
 * view corrections and notices, intents, and the derived view model. Plain TypeScript; the
 * shell (<klyft-app>) subscribes and renders. A year change runs: `intent` → `applyIntent` →
 * `ViewStore.set` (URL) → listeners (the shell's `requestUpdate`) → `viewModel()` in render.
 */
import { loadBasemap, loadCatalogue, loadJson, loadValues, type Basemap, type LevelGeometry } from '../data/load';
import type { Catalogue, IndicatorValues, JoinReportEntry, Lang, LevelId } from '../data/types';
import { findLevel, urlContext } from '../state/app-data';
import { correctAreas, correctMode, noDataFact, urlReport, type Correction, type NoticeFact, type UrlReport } from '../state/corrections';
import { applyIntent, type IntentContext } from '../state/intents';
import { withNotice, type Notice } from '../state/notices';
import { decodeViewState } from '../state/url-codec';
import { loadViewData, type ViewData } from '../state/view-data';
import { createViewModel, type Analysis, type ViewModel } from '../state/view-model';
import type { ViewState } from '../state/view-state';
import { errorBoot, type Boot } from './boot';
import { ViewStore, type HistoryMode, type HistoryTarget } from './view-store';

/** The languages' strings, loaded on demand (i18n/index.ts); handed in so this module holds no UI strings. */
export interface Languages {
  has(lang: Lang): boolean;
  load(lang: Lang): Promise<void>;
}

/** The words of the notices the app raises itself (i18n/sentences.ts); handed in like the languages. */
export interface NoticeWords {
  notice(fact: NoticeFact, lang: Lang): Notice;
  urlNotices(report: UrlReport, lang: Lang): Notice[];
}

/** The statistics, loaded after the first map: the view model's analysis, and what adds statistics to loaded data. */
export interface AppAnalysis extends Analysis {
  analyseViewData(data: ViewData): ViewData;
}

/** Data the user brought (see features/user-data): merged into the catalogue, served from memory. */
export interface UserSource {
  /** Reads what is stored in this browser. */
  load(): Promise<void>;
  /** The shipped catalogue with the user's datasets and divisions. */
  merge(catalogue: Catalogue): Catalogue;
  /** An imported values file (`user:<id>`), or null for a shipped one. */
  valuesOf(file: string, level: LevelId): Promise<IndicatorValues> | null;
  /** The geometry of one of the user's divisions, or undefined. */
  geometryOf(level: LevelId): LevelGeometry | undefined;
}

/** Where the app's data are and how it reaches the browser. */
export interface AppOptions {
  base: string;
  languages: Languages;
  words: NoticeWords;
  /** Loads the statistics (see analyse). */
  loadAnalysis(): Promise<AppAnalysis>;
  history?: HistoryTarget;
}

/** The app's state and behaviour; `subscribe` to hear of every change. */
export class AppController {
  readonly store: ViewStore;
  boot: Boot = { status: 'loading' };
  /** The shipped catalogue merged with the user's data. */
  catalogue: Catalogue | null = null;
  /** The shipped catalogue alone. */
  baseCatalogue: Catalogue | null = null;
  basemap: Basemap | null = null;
  joinReport: JoinReportEntry[] = [];
  /** What is drawn: the last loaded level × indicator (the previous view's while new data load). */
  loaded: ViewData | null = null;
  loadingData = false;
  /** Counts the data loaded for a new level or indicator (not their statistics arriving). */
  loads = 0;
  notices: Notice[] = [];
  /** Resolves when the first map is drawn (the shell calls `firstMapDrawn`). */
  readonly firstDraw: Promise<void>;
  private resolveFirstDraw: () => void = () => undefined;
  /** The statistics module, loaded after the first map (see analyse). */
  private analysis: AppAnalysis | null = null;
  private readonly deriveView = createViewModel();
  private readonly listeners = new Set<() => void>();
  private loadTicket = 0;
  private context: { catalogue: Catalogue; value: IntentContext } | null = null;
  private user: UserSource | null = null;

  constructor(private readonly options: AppOptions) {
    this.store = new ViewStore(options.history);
    this.firstDraw = new Promise<void>((resolve) => (this.resolveFirstDraw = resolve));
    this.store.subscribe((next, previous) => {
      if (next.level !== previous.level || next.indicator !== previous.indicator) void this.ensureData();
      this.notify();
    });
  }

  /** The view now. */
  get view(): ViewState {
    return this.store.get();
  }

  /** Where the shipped data live. */
  get base(): string {
    return this.options.base;
  }

  /** Serves the user's own data (called once, before `start`). */
  useUserData(source: UserSource): void {
    this.user = source;
  }

  /** Calls `listener` after every change of state; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells the listeners something changed (the feature controllers call it for their own state). */
  notify(): void {
    for (const listener of this.listeners) listener();
  }

  /** What the view shows, derived (memoised: cheap to call on every render). */
  viewModel(): ViewModel {
    return this.deriveView({ view: this.view, data: this.loaded, analysis: this.analysis });
  }

  /** Loads the catalogue (with the user's data), the basemap and the join report, then reads the URL. */
  async start(search: string): Promise<void> {
    this.setBoot({ status: 'loading' });
    try {
      const shipped = await loadCatalogue(this.base);
      // Imported datasets join the catalogue before the URL is read, so `indicator=user:…` validates.
      await this.user?.load();
      this.baseCatalogue = shipped;
      this.catalogue = this.user ? this.user.merge(shipped) : shipped;
      const [basemap, report] = await Promise.all([
        loadBasemap(this.base, this.catalogue.basemap),
        loadJson<JoinReportEntry[]>(this.base, 'join-report.json').catch(() => []),
      ]);
      this.basemap = basemap;
      this.joinReport = report;
      await this.options.languages.load(decodeViewState(search, urlContext(this.catalogue)).state.lang);
      this.applyUrl(search, true);
      this.setBoot({ status: 'ready' });
    } catch (error) {
      this.setBoot(errorBoot(error, 'catalogue.json'));
    }
  }

  /** Reads a URL into the view (at start-up, and on back/forward); reports what could not be used. */
  applyUrl(search: string, initial: boolean): void {
    if (!this.catalogue) return;
    const { state: next, problems } = decodeViewState(search, urlContext(this.catalogue));
    // English strings load on demand: fetch them first, then apply the URL in English throughout.
    if (!this.options.languages.has(next.lang)) {
      void this.options.languages.load(next.lang).then(() => this.applyUrl(search, initial));
      return;
    }
    this.notices = [...this.notices.filter((n) => !n.id.startsWith('url-')), ...this.options.words.urlNotices(urlReport(problems), next.lang)];
    this.store.set(next, 'replace');
    if (initial) this.store.replaceUrl();
    void this.ensureData();
    this.notify();
  }

  /** Applies an intent from a view: the year snapped to a new indicator or level; a new language loaded first. */
  intent(intent: Partial<ViewState>): void {
    const catalogue = this.catalogue;
    if (!catalogue) return;
    const patch = applyIntent(this.view, intent, this.intentContext(catalogue));
    if (patch.lang && !this.options.languages.has(patch.lang)) {
      void this.options.languages.load(patch.lang).then(() => this.intent(patch));
      return;
    }
    const relang = patch.lang !== undefined && patch.lang !== this.view.lang;
    // Notices were written in the old language; drop them rather than mix languages (no-data is rewritten below).
    if (relang) this.notices = this.notices.filter((n) => n.id === 'no-data');
    this.store.set(patch, 'push');
    if (relang && this.loaded) this.correct(this.noDataCorrection(this.loaded));
  }

  /** Sets the view as one step the reader can go back to ('push'), or in place ('replace'). */
  set(patch: Partial<ViewState>, mode: HistoryMode = 'push'): void {
    this.store.set(patch, mode);
  }

  /** Shows a notice (replacing one of the same id), or removes the one of `id` when `notice` is null. */
  notice(id: string, notice: Notice | null): void {
    this.notices = withNotice(this.notices, id, notice);
    this.notify();
  }

  /** Replaces all notices whose id starts with `prefix`. */
  replaceNotices(prefix: string, notices: readonly Notice[]): void {
    this.notices = [...this.notices.filter((n) => !n.id.startsWith(prefix)), ...notices];
    this.notify();
  }

  /** The catalogue changed (the user's data): merge it again. */
  refreshCatalogue(): void {
    if (this.baseCatalogue && this.user) this.catalogue = this.user.merge(this.baseCatalogue);
    this.notify();
  }

  /** The shell drew the first map: the statistics may load now. */
  firstMapDrawn(): void {
    this.resolveFirstDraw();
  }

  /** Loads the geometry and values the view needs, dropping stale responses. */
  async ensureData(): Promise<void> {
    const catalogue = this.catalogue;
    if (!catalogue) return;
    const ticket = ++this.loadTicket;
    const { level, indicator } = this.view;
    const levelMeta = findLevel(catalogue, level);
    if (!levelMeta) return;
    this.loadingData = true;
    this.notify();
    try {
      const user = this.user;
      const data = await loadViewData(
        this.base,
        catalogue,
        level,
        indicator,
        user ? (file) => user.valuesOf(file, level) ?? loadValues(this.base, file) : undefined,
        user ? (id) => user.geometryOf(id) : undefined,
      );
      if (ticket !== this.loadTicket) return;
      this.loaded = data;
      this.loads++;
      void this.analyse(data, ticket);
      this.correct(this.areaCorrection(data), this.modeCorrection(data), this.noDataCorrection(data));
    } catch (error) {
      if (ticket !== this.loadTicket) return;
      this.boot = errorBoot(error, levelMeta.file);
    } finally {
      if (ticket === this.loadTicket) this.loadingData = false;
      this.notify();
    }
  }

  /**
   * Adds the gap statistics to freshly loaded data. The statistics code is loaded after the first
   * map is drawn (it is not needed to draw it), except when the view opens on a change view.
   */
  private async analyse(data: ViewData, ticket: number): Promise<void> {
    if (!this.analysis) {
      if (this.view.view === 'map' && this.view.mode === 'level') await Promise.race([this.firstDraw, new Promise((r) => setTimeout(r, 4000))]);
      this.analysis = await this.options.loadAnalysis();
    }
    if (ticket !== this.loadTicket) return;
    this.loaded = this.analysis.analyseViewData(data);
    this.notify();
  }

  private areaCorrection(data: ViewData): Correction {
    return correctAreas(this.view, data.geometry);
  }

  private modeCorrection(data: ViewData): Correction {
    return correctMode(this.view, data.indicator, data.series?.years ?? []);
  }

  private noDataCorrection(data: ViewData): Correction {
    const catalogue = this.catalogue;
    const level = catalogue ? findLevel(catalogue, this.view.level) : undefined;
    if (!catalogue || !level) return { patch: {}, notices: [] };
    const fact = noDataFact(catalogue, level, data.indicator, data.series !== null, this.view.year);
    return { patch: {}, notices: [['no-data', fact]] };
  }

  /** Applies corrections: their notices worded, their patches in place (no history entry, the URL rewritten). */
  private correct(...corrections: Correction[]): void {
    const lang = this.view.lang;
    let patch: Partial<ViewState> = {};
    for (const correction of corrections) {
      for (const [id, fact] of correction.notices) this.notices = withNotice(this.notices, id, fact ? this.options.words.notice(fact, lang) : null);
      patch = { ...patch, ...correction.patch };
    }
    if (Object.keys(patch).length > 0) this.store.set(patch, 'replace');
    this.notify();
  }

  private intentContext(catalogue: Catalogue): IntentContext {
    if (this.context?.catalogue !== catalogue) this.context = { catalogue, value: urlContext(catalogue) };
    return this.context.value;
  }

  private setBoot(boot: Boot): void {
    this.boot = boot;
    this.notify();
  }
}
