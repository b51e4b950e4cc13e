/**
 * The user's own data: datasets imported in this browser and divisions of their own (IndexedDB),
 * merged into the catalogue; the import dialog (<klyft-import>) and a file dropped on the page;
 * the "Dina data" list (<klyft-user-data>). Serves the app controller as its UserSource.
 */
import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { AppController, UserSource } from '../../app/app-controller';
import type { ImportAddLevelDetail, ImportApplyDetail, KlyftImport } from '../../components/klyft-import';
import { levelFromFeatures, loadLevel, loadValues, LoadError, type LevelGeometry } from '../../data/load';
import type { Catalogue, IndicatorValues, LevelId } from '../../data/types';
import { fill, strings } from '../../i18n';
import type { JoinGeometry } from '../../import/join-report';
import type { OverlayLoaders } from '../../import/overlay-host';
import { withUserDatasets } from '../../import/user-catalogue';
import {
  newDatasetId,
  removeDataset,
  renameDataset,
  restoreUserData,
  saveDataset,
  saveUserLevel,
  settled,
  type StorageProblem,
  userDatasetId,
  userIndicatorId,
  type UserDataset,
} from '../../import/user-data-store';
import { missingUserDataNotice, readFailedNotice, saveFailedNotice } from '../../import/user-data-notices';
import { userLevelKey, withUserLevels, type UserLevel } from '../../import/user-levels';
import { urlNotices } from '../../i18n/sentences';
import type { UrlReport } from '../../state/corrections';
import type { Notice } from '../../state/notices';
import type { Lang } from '../../data/types';
import { findIndicator, findLevel, levelLabel } from '../../state/app-data';
import { snapYear } from '../../state/intents';
import { DEFAULT_VIEW } from '../../state/view-state';
import type { UserDatasetItem, UserLevelItem } from './klyft-user-data';

/** The shell as this controller needs it: a Lit host that renders <klyft-import> and loads its code on demand. */
export interface UserDataHost extends ReactiveControllerHost, HTMLElement {
  /** The import element once rendered (after its code has loaded). */
  importer(): KlyftImport | null;
  /** Loads the import element's code. */
  loadElement(tag: 'klyft-import'): Promise<unknown>;
}

/** The user's data and the import: state, storage and the views' events. */
export class UserDataController implements ReactiveController, UserSource {
  /** Datasets imported in this browser, merged into the catalogue as `user:<id>`. */
  datasets: UserDataset[] = [];
  /** The user's own divisions, merged into the catalogue's levels as `user-level:<id>`. */
  levels: UserLevel[] = [];
  /** A file is being dragged over the page. */
  dragging = false;
  /** How the import dialog loads other levels for estimates by overlay. */
  readonly loaders: OverlayLoaders = {
    geometryOf: async (meta) => this.geometryOf(meta.id) ?? loadLevel(this.app.base, meta),
    valuesOf: (file) => loadValues(this.app.base, file),
  };
  /** The divisions' geometry, built once per division from the stored features. */
  private readonly geometry = new Map<string, LevelGeometry>();
  private joinGeometry: { geometry: LevelGeometry; value: JoinGeometry; region: string | undefined } | null = null;
  private dragTimer: ReturnType<typeof setTimeout> | undefined;
  /** Why the stored datasets and divisions could not be read at start, or null. */
  private problem: StorageProblem | null = null;

  constructor(
    private readonly host: UserDataHost,
    private readonly app: AppController,
  ) {
    host.addController(this);
    app.useUserData(this);
  }

  hostConnected(): void {
    this.host.addEventListener('dragover', this.handleDragOver);
    this.host.addEventListener('drop', this.handleDrop);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('dragover', this.handleDragOver);
    this.host.removeEventListener('drop', this.handleDrop);
  }

  // ——— UserSource ———

  async load(): Promise<void> {
    // Replays writes a reload interrupted (the localStorage journal) before reading IndexedDB.
    const { datasets, levels, problem } = await restoreUserData();
    this.datasets = datasets;
    this.levels = levels;
    this.problem = problem;
    if (problem) this.app.notice('store-read-failed', readFailedNotice(this.app.view.lang, problem));
  }

  /**
   * The notices about a URL: its problems, and why a dataset or division it names is not here,
   * told from what happened to it in this browser (never saved, failed, removed) rather than a guess.
   */
  urlNotices(report: UrlReport, lang: Lang): Notice[] {
    const notices = urlNotices({ ...report, missingDataset: null, missingLevel: null }, lang);
    if (report.missingDataset !== null) notices.push(missingUserDataNotice(lang, 'dataset', report.missingDataset, this.problem));
    if (report.missingLevel !== null) notices.push(missingUserDataNotice(lang, 'level', report.missingLevel, this.problem));
    // A missing dataset's notice already names the unreadable store.
    if (this.problem && (report.missingDataset !== null || report.missingLevel !== null)) this.app.notice('store-read-failed', null);
    return notices;
  }

  merge(catalogue: Catalogue): Catalogue {
    return withUserLevels(withUserDatasets(catalogue, this.datasets), this.levels);
  }

  valuesOf(file: string, level: LevelId): Promise<IndicatorValues> | null {
    const id = userDatasetId(file);
    if (id === null) return null;
    const values = this.datasets.find((d) => d.id === id)?.joins[level]?.values;
    return values ? Promise.resolve(values) : Promise.reject(new LoadError(file, 'not imported in this browser'));
  }

  geometryOf(level: LevelId): LevelGeometry | undefined {
    const key = userLevelKey(level);
    if (key === null) return undefined;
    const stored = this.levels.find((l) => l.id === key);
    if (!stored) return undefined;
    let geometry = this.geometry.get(key);
    if (!geometry || geometry.meta !== stored.meta) {
      geometry = levelFromFeatures(stored.meta, stored.features);
      this.geometry.set(key, geometry);
    }
    return geometry;
  }

  // ——— Changes ———

  private setDatasets(datasets: UserDataset[]): void {
    this.datasets = datasets;
    this.app.refreshCatalogue();
  }

  /** Shows "saving …" while a write too large for the journal goes to IndexedDB. */
  private async whileSaving(name: string, failure: Promise<unknown>): Promise<unknown> {
    this.app.notice('store-saving', { id: 'store-saving', text: fill(strings(this.app.view.lang).userData.saving, { name }), tone: 'info' });
    const outcome = await failure;
    this.app.notice('store-saving', null);
    return outcome;
  }

  /** Says when a save failed, and whether the data survive a reload (journaled). */
  private noteSaveFailure(name: string, failure: unknown, journaled: boolean): void {
    if (failure === null) return;
    this.app.notice('store-failed', saveFailedNotice(this.app.view.lang, name, failure, journaled));
  }

  /** Adds a boundary file as the user's own division, stores it and shows it. */
  readonly handleAddLevel = async (event: Event): Promise<void> => {
    const { boundaries, choices } = (event as CustomEvent<ImportAddLevelDetail>).detail;
    const { buildUserLevel } = await import('../../import/user-level-build');
    const level = buildUserLevel(boundaries, choices, newDatasetId(), new Date().toISOString());
    // Shown at once when a reload would keep it (journaled), else once IndexedDB has it.
    const saving = saveUserLevel(level);
    const name = level.meta.name[this.app.view.lang];
    const failure = saving.journaled ? settled(saving) : await this.whileSaving(name, settled(saving));
    this.levels = [...this.levels, level];
    this.setDatasets(this.datasets);
    this.app.set({ level: level.meta.id, area: null, from: null, to: null });
    this.noteSaveFailure(name, await failure, saving.journaled);
  };

  /**
   * Removes a division of the user's own with the datasets joined to it (see withoutLevel), from
   * memory, IndexedDB and the view: a view that used them falls back to the default with a notice.
   */
  readonly handleLevelRemove = async (event: Event): Promise<void> => {
    const { id } = (event as CustomEvent<{ id: string }>).detail;
    const removed = this.levels.find((l) => l.id === id);
    if (!removed) return;
    const removal = await import('../../import/remove-level');
    const result = removal.withoutLevel(this.datasets, removed.meta.id);
    this.levels = this.levels.filter((l) => l.id !== id);
    this.setDatasets(result.datasets);
    this.geometry.delete(id);
    const patch = removal.viewAfterRemoval(this.app.catalogue!, this.app.view, removed.meta.id);
    if (patch) this.app.set(patch);
    else void this.app.ensureData();
    const lang = this.app.view.lang;
    this.app.replaceNotices('level-removed', removal.removalNotices(lang, removed.meta.name[lang], result.removed, patch !== null));
    await removal.storeRemoval(id, result);
  };

  /** Stores imported (or re-matched) datasets and shows the first on the level the import chose. */
  readonly handleImportApply = async (event: Event): Promise<void> => {
    const detail = (event as CustomEvent<ImportApplyDetail>).detail;
    const { mergeImported } = await import('../../import/apply-import');
    const { all, stored } = mergeImported(this.datasets, detail, new Date().toISOString(), newDatasetId);
    const first = stored[0];
    if (!first) return;
    // Shown at once when a reload would keep them (journaled), else once IndexedDB has them.
    const pending = stored.map((dataset) => ({ name: dataset.name, saving: saveDataset(dataset) }));
    const unjournaled = pending.filter((p) => !p.saving.journaled);
    if (unjournaled.length > 0) await this.whileSaving(unjournaled.map((p) => p.name).join(', '), Promise.all(unjournaled.map((p) => settled(p.saving))));
    this.setDatasets(all);
    const indicator = userIndicatorId(first.id);
    const view = this.app.view;
    const reload = view.indicator === indicator && view.level === detail.level;
    const year = snapYear(first.joins[detail.level]?.values.years ?? [], view.year);
    this.app.set({ indicator, level: detail.level, year, from: null, to: null, ...(detail.level === view.level ? {} : { area: null, highlight: [] }) });
    // The same indicator (matched again) does not change the state's indicator: load explicitly.
    if (reload) void this.app.ensureData();
    for (const p of pending) this.noteSaveFailure(p.name, await settled(p.saving), p.saving.journaled);
  };

  private readonly handleRename = async (event: Event): Promise<void> => {
    const { id, name } = (event as CustomEvent<{ id: string; name: string }>).detail;
    this.setDatasets(this.datasets.map((d) => (d.id === id ? { ...d, name, choices: { ...d.choices, name } } : d)));
    if (this.app.view.indicator === userIndicatorId(id)) void this.app.ensureData();
    await renameDataset(id, name).catch(() => undefined);
  };

  private readonly handleRematch = (event: Event): void => {
    const dataset = this.datasets.find((d) => d.id === (event as CustomEvent<{ id: string }>).detail.id);
    if (!dataset) return;
    void this.ensureImporter().then((importer) =>
      importer?.openTable(dataset.table, dataset.id, dataset.choices, dataset.joins[this.app.view.level]?.matchByName ?? false),
    );
  };

  private readonly handleRemove = async (event: Event): Promise<void> => {
    const { id } = (event as CustomEvent<{ id: string }>).detail;
    this.setDatasets(this.datasets.filter((d) => d.id !== id));
    const view = this.app.view;
    if (view.indicator === userIndicatorId(id)) {
      const fallback = findIndicator(this.app.catalogue!, DEFAULT_VIEW.indicator);
      const year = fallback ? snapYear(fallback.levels[view.level]?.years ?? [], view.year) : DEFAULT_VIEW.year;
      this.app.set({ indicator: DEFAULT_VIEW.indicator, year, from: null, to: null });
    }
    await removeDataset(id).catch(() => undefined);
  };

  // ——— Drag and drop, and the import element ———

  private readonly handleDragOver = (event: DragEvent): void => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    this.setDragging(true);
    // dragover repeats while a file is over the page; when it stops, the file has left.
    clearTimeout(this.dragTimer);
    this.dragTimer = setTimeout(() => this.setDragging(false), 300);
  };

  private readonly handleDrop = async (event: DragEvent): Promise<void> => {
    const file = event.dataTransfer?.files[0];
    if (!file) return;
    event.preventDefault();
    clearTimeout(this.dragTimer);
    this.setDragging(false);
    await (await this.ensureImporter())?.openFile(file);
  };

  private setDragging(dragging: boolean): void {
    if (dragging === this.dragging) return;
    this.dragging = dragging;
    this.host.requestUpdate();
  }

  /** The import element, loading it first when the reader acts before it arrived. */
  private async ensureImporter(): Promise<KlyftImport | null> {
    await this.host.loadElement('klyft-import');
    this.host.requestUpdate();
    await this.host.updateComplete;
    return this.host.importer();
  }

  /** The header's import button before the import element has loaded: load it, then open the file picker. */
  private readonly handleEarlyImport = async (): Promise<void> => {
    const importer = await this.ensureImporter();
    // <klyft-import> has no public way to open its picker: click its (labelled) file input.
    importer?.shadowRoot?.querySelector<HTMLInputElement>('input[type="file"]')?.click();
  };

  /** The current level's codes and names for the import preview, and the kommun its codes belong to. */
  private importGeometry(): { value: JoinGeometry; region: string | undefined } | null {
    const geometry = this.app.loaded?.geometry;
    if (!geometry) return null;
    if (this.joinGeometry?.geometry !== geometry) {
      const features = geometry.areas.features;
      const kommun = features[0]?.properties.parents.kommun;
      const region = kommun !== undefined && features.every((f) => f.properties.parents.kommun === kommun) ? kommun : undefined;
      this.joinGeometry = { geometry, value: { codes: geometry.codes, names: features.map((f) => f.properties.name) }, region };
    }
    return this.joinGeometry;
  }

  // ——— Views ———

  /** The header's import button: <klyft-import> once loaded. */
  renderImport() {
    const { level: levelId, lang } = this.app.view;
    if (!customElements.get('klyft-import')) {
      return html`<button class="btn" type="button" @click=${this.handleEarlyImport}>${strings(lang).import.button}</button>`;
    }
    const catalogue = this.app.catalogue;
    const geometry = this.importGeometry();
    const level = catalogue ? findLevel(catalogue, levelId) : undefined;
    return html`<klyft-import
      .lang=${lang}
      .geometry=${geometry?.value ?? null}
      .levelId=${levelId}
      .levelName=${level ? levelLabel(level, lang) : ''}
      .levelRegion=${geometry?.region}
      .catalogue=${catalogue}
      .levelGeometry=${this.app.loaded?.geometry ?? null}
      .loaders=${this.loaders}
      .dragging=${this.dragging}
      @klyft-import-apply=${this.handleImportApply}
      @klyft-import-add-level=${this.handleAddLevel}
    ></klyft-import>`;
  }

  /** "Dina data": the datasets and divisions, with rename, match again and remove. */
  renderList(onIntent: (event: Event) => void) {
    const { level, indicator, lang } = this.app.view;
    return html`<klyft-user-data
      .datasets=${this.datasetItems()}
      .levels=${this.levelItems()}
      .level=${level}
      .indicator=${indicator}
      .lang=${lang}
      @klyft-intent=${onIntent}
      @klyft-user-data-rename=${this.handleRename}
      @klyft-user-data-rematch=${this.handleRematch}
      @klyft-user-data-remove=${this.handleRemove}
      @klyft-user-level-remove=${this.handleLevelRemove}
    ></klyft-user-data>`;
  }

  private levelItems(): UserLevelItem[] {
    const lang = this.app.view.lang;
    return this.levels.map((l) => ({
      id: l.id,
      level: l.meta.id,
      name: l.meta.name[lang],
      fileName: l.fileName,
      createdAt: l.createdAt,
      count: l.meta.count,
      // Those that go with it (remove-level.ts's goesWithLevel): first joined to it.
      datasets: this.datasets.filter((d) => d.levelId === l.meta.id).map((d) => d.name),
    }));
  }

  private datasetItems(): UserDatasetItem[] {
    const lang = this.app.view.lang;
    const catalogue = this.app.catalogue;
    return this.datasets.map((d) => ({
      id: d.id,
      indicator: userIndicatorId(d.id),
      name: d.name,
      fileName: d.fileName,
      createdAt: d.createdAt,
      levels: Object.entries(d.joins).flatMap(([level, join]) => {
        const meta = catalogue ? findLevel(catalogue, level as LevelId) : undefined;
        // A join to one of the user's divisions that has been removed (or lives elsewhere) is not listed.
        if (!meta && userLevelKey(level) !== null) return [];
        const label = meta ? levelLabel(meta, lang) : level;
        return [join?.derivedFrom ? fill(strings(lang).import.derivedLevel, { level: label }) : label];
      }),
    }));
  }
}
