import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { LevelGeometry } from '../data/load';
import type { Catalogue, LevelId } from '../data/types';
import { formatNumber, type Lang } from '../format/number';
import { fill, strings } from '../i18n';
import { COARSER_LEVELS } from '../import/coarser-levels';
import { draftDatasets, type ImportApplyDetail } from '../import/apply-import';
import { ImportClient, readFileBytes } from '../import/import-client';
import type { ImportStage, OpenResult, SessionCalls, SessionContext, TableView } from '../import/import-protocol';
import type { VocabularyId } from '../import/code-catalogue';
import type { ColumnRoles } from '../import/csv-columns';
import type { JoinGeometry, JoinReportView } from '../import/join-report';
import { createOverlayHost, type OverlayLoaders } from '../import/overlay-host';
import type { OverlayHost, OverlaySource } from '../import/overlay-input';
import type { ImportChoices, ImportedBoundaries, ImportedTable, ImportError } from '../import/types';
import { codePropertyProblems, type UserLevelChoices } from '../import/user-level-build';
import { findLevel, levelLabel, populationIndicatorFor } from '../state/app-data';
import { buttonStyles } from './shared-styles';
import { importStyles } from './import-styles';
import './klyft-import-boundaries';
import './klyft-import-columns';
import './klyft-import-derive';
import type { DeriveChoices } from './klyft-import-derive';
import './klyft-import-divisions';
import { measureKey, yearSpan } from './klyft-import-measures';
import './klyft-import-report';

export type { ImportApplyDetail } from '../import/apply-import';

/** What `klyft-import-add-level` carries: a boundary file and the user's choices for it. */
export interface ImportAddLevelDetail {
  boundaries: ImportedBoundaries;
  choices: UserLevelChoices;
}

type Phase =
  | { status: 'idle' }
  | { status: 'busy'; stage: ImportStage; fraction: number; fileName: string }
  | { status: 'error'; error: ImportError }
  | { status: 'boundaries'; result: ImportedBoundaries; choices: UserLevelChoices }
  | { status: 'preview'; view: TableView; id: string | null };

/** The choices of a dataset matched again: its measure is fixed. */
type Kept = { choices: ImportChoices; matchByName: boolean };

const failed = (fileName: string, reason: string): ImportError => ({
  kind: 'error',
  code: 'unknown-format',
  fileName,
  message: { sv: `Filen kunde inte läsas (${reason}).`, en: `The file could not be read (${reason}).` },
});

/**
 * "Import data": a button with a file picker, a full-window drop overlay (while the shell reports a
 * file dragged over the page) and a modal dialog that shows what the file holds, which divisions
 * its areas belong to (the user picks one or several), its columns and measures, and the join
 * report. The work runs in an import worker session (see import-client.ts). Fires
 * `klyft-import-apply` with an {@link ImportApplyDetail} on "Show on the map", and
 * `klyft-import-add-level` with an {@link ImportAddLevelDetail} when a boundary file is added as a division.
 */
@customElement('klyft-import')
export class KlyftImport extends LitElement {
  static override styles = [
    buttonStyles,
    importStyles,
    css`
      .btn.primary { background: #005a9c; color: #fff; }
      .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
      .overlay { position: fixed; inset: 0; z-index: 1000; display: grid; place-content: center; text-align: center; background: rgb(0 90 156 / 0.85); color: #fff; font-size: clamp(1.25rem, 3vw, 2rem); pointer-events: none; }
      .overlay p { margin: 0.25rem; }
      .overlay .sub { font-size: 1rem; }
      .overlay .frame { border: 4px dashed #fff; border-radius: 16px; padding: 2rem 3rem; }
      dialog { width: min(48rem, calc(100vw - 2rem)); max-height: calc(100vh - 2rem); padding: 0; border: 1px solid #767676; border-radius: 8px; color: #1a1a1a; box-shadow: 0 8px 32px rgb(0 0 0 / 0.25); }
      dialog::backdrop { background: rgb(0 0 0 / 0.4); }
      .body { padding: 1rem 1.25rem; display: flex; flex-direction: column; gap: 1rem; }
      h2 { margin: 0; font-size: 1.3rem; }
      .alert { border: 1px solid #a00; border-inline-start-width: 0.375rem; border-radius: 8px; background: #fdecec; padding: 0.75rem; }
      .alert h3 { color: #8a0000; }
      .actions { display: flex; flex-wrap: wrap; justify-content: flex-end; gap: 0.5rem; padding: 0.75rem 1.25rem; border-top: 1px solid #e3e3e3; background: #f6f6f4; position: sticky; bottom: 0; }
      .actions .left { margin-inline-end: auto; }
      .progress { height: 1rem; border: 1px solid #6b6b6b; border-radius: 8px; background: #fff; overflow: hidden; }
      .progress > span { display: block; height: 100%; background: #005a9c; transition: width 0.12s linear; }
      @media (prefers-reduced-motion: reduce) {
        .progress > span { transition: none; }
      }
    `,
  ];

  /** UI language. */
  @property() override lang: Lang = 'sv';

  /** Codes and names of the current level's areas (feature order), or null while loading. */
  @property({ attribute: false }) geometry: JoinGeometry | null = null;

  /** Id of the current level. */
  @property({ attribute: false }) levelId: LevelId = 'kommun';

  /** Label of the current level, e.g. "Göteborg · DeSO". */
  @property({ attribute: false }) levelName = '';

  /** Kommun code the level's area codes start with ("1480"), if any. */
  @property({ attribute: false }) levelRegion: string | undefined = undefined;

  /** The catalogue (with the user's own divisions): the levels a file may be shown on. */
  @property({ attribute: false }) catalogue: Catalogue | null = null;

  /** The current level's geometry: the target of estimates by overlay. */
  @property({ attribute: false }) levelGeometry: LevelGeometry | null = null;

  /** How to load other levels' geometry and values (the user's divisions, aggregation, overlays). */
  @property({ attribute: false }) loaders: OverlayLoaders | null = null;

  /** True while a file is dragged over the page: shows the drop overlay. */
  @property({ type: Boolean }) dragging = false;

  @state() private phase: Phase = { status: 'idle' };
  /** Keys of the chosen measures, and the choices per measure. */
  @state() private measures: string[] = [];
  @state() private choices: Partial<Record<string, ImportChoices>> = {};
  /** The chosen levels (best match first), and whether each matches by name too. */
  @state() private levels: LevelId[] = [];
  @state() private matchByName: Partial<Record<LevelId, boolean>> = {};
  /** The join of the first chosen measure at each chosen level. */
  @state() private reports: Partial<Record<LevelId, JoinReportView>> = {};
  @state() private derive: DeriveChoices = { aggregate: false, useOverlay: false, aggregation: 'rate' };
  /** The first chosen level, when its values can be estimated for the level shown by an overlay. */
  @state() private overlaySource: OverlaySource | null = null;
  @state() private kept: Kept | null = null;
  private overlay: OverlayHost | null = null;
  private client: ImportClient | null = null;
  private ticket = 0;
  /** Stops a running estimate when the dialog closes. */
  private estimating: AbortController | null = null;

  @query('dialog') private dialog!: HTMLDialogElement;
  @query('input[type=file]') private input!: HTMLInputElement;

  /** Reads, parses and previews a file (from the picker, or dropped on the page). */
  async openFile(file: File): Promise<void> {
    const ticket = this.start(file.name, null);
    await this.showDialog();
    const bytes = await readFileBytes(file);
    if (!(bytes instanceof Uint8Array)) return void (this.phase = { status: 'error', error: bytes });
    const context = await this.context();
    this.settle(ticket, await this.call('open', { fileName: file.name, bytes, context }, file.name, [bytes.buffer]), null);
  }

  /** Opens the preview for a stored table ("Match again"), keeping its measure and choices. */
  async openTable(table: ImportedTable, id: string, choices: ImportChoices, matchByName: boolean): Promise<void> {
    const ticket = this.start(table.fileName, { choices, matchByName });
    await this.showDialog();
    this.settle(ticket, await this.call('open-table', { table, context: await this.context() }, table.fileName), id);
  }

  /** Begins a session: a fresh worker, the dialog in its busy state. */
  private start(fileName: string, kept: Kept | null): number {
    this.client?.close();
    this.client = new ImportClient();
    this.kept = kept;
    this.reports = {};
    this.phase = { status: 'busy', stage: 'reading', fraction: 0, fileName };
    return ++this.ticket;
  }

  /** A call of the session that reads the table, with its progress shown; a failure becomes an error result. */
  private async call<K extends 'open' | 'open-table' | 'columns'>(kind: K, payload: SessionCalls[K]['payload'], fileName: string, transfer: Transferable[] = []): Promise<OpenResult> {
    const progress = (stage: ImportStage, fraction: number) => {
      if (this.phase.status === 'busy') this.phase = { ...this.phase, stage, fraction };
    };
    try {
      if (!this.client) throw new Error('closed');
      return (await this.client.call(kind, payload, progress, transfer)) as OpenResult;
    } catch (error) {
      return failed(fileName, error instanceof Error ? error.message : String(error));
    }
  }

  /** What the session needs to know of the app: the catalogue of codes, the user's divisions and the level shown. */
  private async context(): Promise<SessionContext> {
    const levels = (this.catalogue?.levels ?? []).filter((l) => l.id.startsWith('user-level:'));
    const loaded = this.loaders ? await Promise.all(levels.map((l) => this.loaders!.geometryOf(l).catch(() => null))) : [];
    const own = loaded.flatMap((g) => (g ? [{ level: g.meta.id, codes: g.codes, names: g.areas.features.map((f) => f.properties.name) }] : []));
    const current = this.geometry ? { ...this.geometry, ...(this.levelRegion ? { region: this.levelRegion } : {}) } : null;
    return { codesUrl: new URL('data/codes.json', document.baseURI).href, own, current: this.levelId, currentGeometry: current };
  }

  private settle(ticket: number, result: OpenResult, id: string | null): void {
    if (ticket !== this.ticket || this.phase.status === 'idle') return;
    if (result.kind === 'error') this.phase = { status: 'error', error: result };
    else if (result.kind === 'boundaries') {
      const codeProperty = result.codeProperty ?? result.properties[0] ?? '';
      this.phase = { status: 'boundaries', result, choices: { codeProperty, nameProperty: result.nameProperty, name: result.fileName.replace(/\.[^.]+$/, '') } };
    } else this.preview(result.view, id);
  }

  /** Shows a table: its first measure (or the kept one) and the division it fits best chosen. */
  private preview(view: TableView, id: string | null): void {
    const kept = this.kept;
    const keptKey = kept ? measureKey(kept.choices.measure) : null;
    this.measures = [keptKey ?? measureKey(view.measures[0]?.id ?? null)];
    this.choices = Object.fromEntries(view.measures.map((m) => [measureKey(m.id), measureKey(m.id) === keptKey && kept ? kept.choices : m.defaults]));
    const levels = view.divisions.filter((d) => d.level !== null && d.rows > 0);
    const best = levels[0];
    const shown = levels.find((d) => d.level === this.levelId);
    // The level shown stays when it fits (half its areas and half the best's rows); else the best fit.
    const fits = shown && shown.areas * 2 >= shown.total && shown.rows * 2 >= (best?.rows ?? 0);
    this.levels = fits ? [this.levelId] : best?.level ? [best.level] : [];
    this.matchByName = Object.fromEntries(levels.map((d) => [d.level, d.level === this.levelId && kept ? kept.matchByName : d.byName * 2 > d.rows]));
    const unit = this.choices[this.measures[0] ?? '']?.unit;
    this.derive = { aggregate: false, useOverlay: false, aggregation: unit === 'persons' ? 'count' : 'rate' };
    this.overlaySource = null;
    this.phase = { status: 'preview', view, id };
    void this.refresh();
  }

  /** Joins the first chosen measure to each chosen level in the worker, then looks for an overlay estimate. */
  private async refresh(): Promise<void> {
    const ticket = ++this.ticket;
    const measure = this.measureId(this.measures[0]);
    const reports: Partial<Record<LevelId, JoinReportView>> = {};
    for (const level of this.levels) {
      let report = await this.client?.call('report', { request: { measure, level, matchByName: this.matchByName[level] ?? false } }).catch(() => null);
      // Nothing matched by code but names would: match by name without asking.
      if (report && report.matchedRows === 0 && report.nameMatchable > 0 && !this.matchByName[level]) {
        this.matchByName = { ...this.matchByName, [level]: true };
        report = await this.client?.call('report', { request: { measure, level, matchByName: true } }).catch(() => null);
      }
      if (report) reports[level] = report;
    }
    if (ticket !== this.ticket) return;
    this.reports = reports;
    const primary = this.levels[0];
    const host = this.overlay;
    const offer = primary && host && primary !== this.levelId && host.sources.includes(primary) ? await host.source(primary).catch(() => null) : null;
    if (ticket !== this.ticket) return;
    if (offer && offer.level !== this.overlaySource?.level) this.derive = { ...this.derive, useOverlay: true };
    this.overlaySource = offer;
  }

  private measureId(key: string | undefined): string | null {
    const view = this.phase.status === 'preview' ? this.phase.view : null;
    return view?.measures.find((m) => measureKey(m.id) === key)?.id ?? null;
  }

  private async showDialog(): Promise<void> {
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('catalogue') || changed.has('levelGeometry') || changed.has('loaders') || changed.has('lang')) {
      const { catalogue, levelGeometry: target, loaders, lang } = this;
      this.overlay = catalogue && target && loaders ? createOverlayHost({ catalogue, target, lang, ...loaders }) : null;
    }
  }

  /** The map level the file will be shown on: the level shown when estimating for it, else the first chosen. */
  private get shownLevel(): LevelId | undefined {
    return this.derive.useOverlay && this.overlaySource ? this.levelId : this.levels[0];
  }

  private label(level: LevelId): string {
    const meta = this.catalogue ? findLevel(this.catalogue, level) : undefined;
    return meta ? levelLabel(meta, this.lang) : level === this.levelId ? this.levelName : level;
  }

  override render() {
    const t = strings(this.lang).import;
    return html`
      <input id="file" class="visually-hidden" type="file" accept=".csv,.tsv,.txt,.xlsx,.json,.geojson,.topojson" aria-label=${t.chooseFile} @change=${this.handleFileInput} />
      <button class="btn" type="button" @click=${() => this.input.click()}>${t.button}</button>
      ${this.dragging ? html`<div class="overlay" aria-hidden="true"><div class="frame"><p>${t.dropHint}</p><p class="sub">${t.dropSub}</p></div></div>` : nothing}
      <dialog aria-labelledby="import-title" @close=${this.handleClose}>
        ${this.phase.status === 'idle'
          ? nothing
          : html`<div class="body">
                <h2 id="import-title">${t.dialogTitle}</h2>
                ${this.renderPhase()}
              </div>
              ${this.renderActions()}`}
      </dialog>
    `;
  }

  private renderPhase() {
    const t = strings(this.lang).import;
    const phase = this.phase;
    switch (phase.status) {
      case 'idle':
        return nothing;
      case 'busy': {
        const percent = Math.round(Math.max(0, Math.min(1, phase.fraction)) * 100);
        return html`<div role="status"><p>${phase.fileName}: ${t.stage[phase.stage]}</p></div>
          <div class="progress" role="progressbar" aria-label=${t.progressLabel} aria-valuemin="0" aria-valuemax="100" aria-valuenow=${percent}>
            <span style=${`width:${percent}%`}></span>
          </div>`;
      }
      case 'error':
        return html`<div class="alert" role="alert">
          <h3>${fill(t.errorTitle, { file: phase.error.fileName })}</h3>
          <p>${phase.error.message[this.lang]}${phase.error.at ? ` (${phase.error.at})` : ''}</p>
        </div>`;
      case 'boundaries':
        return html`<klyft-import-boundaries
          .lang=${this.lang}
          .result=${phase.result}
          .choices=${phase.choices}
          @klyft-import-boundaries=${(e: CustomEvent<Partial<UserLevelChoices>>) => {
            if (this.phase.status === 'boundaries') this.phase = { ...this.phase, choices: { ...this.phase.choices, ...e.detail } };
          }}
        ></klyft-import-boundaries>`;
      case 'preview':
        return this.renderPreview(phase.view);
    }
  }

  private renderPreview(view: TableView) {
    const t = strings(this.lang).import;
    const first = view.measures.find((m) => measureKey(m.id) === this.measures[0]) ?? view.measures[0];
    const labels: Record<string, string> = Object.fromEntries(view.divisions.map((d) => [d.id, d.level ? this.label(d.level) : t.vocabularies[d.id as VocabularyId]]));
    const primary = this.levels[0];
    const coarser = primary && !this.kept && this.catalogue ? (COARSER_LEVELS[primary] ?? []).flatMap(({ level }) => (findLevel(this.catalogue!, level)?.inChooser ? [this.label(level)] : [])) : [];
    const overlay = this.overlaySource && primary ? this.reports[primary] : undefined;
    return html`<section aria-labelledby="understood">
        <h3 id="understood">${t.understood}</h3>
        <dl>
          <dt>${t.file}</dt>
          <dd>${view.fileName}</dd>
          <dt>${t.format}</dt>
          <dd>${t.formats[view.format]}</dd>
          ${view.title ? html`<dt>${t.name}</dt><dd>${view.title}</dd>` : nothing}
          <dt>${t.areas}</dt>
          <dd>${formatNumber(first?.areas ?? 0, this.lang)}</dd>
          <dt>${t.years}</dt>
          <dd>${yearSpan(first?.years ?? [])}</dd>
          <dt>${t.rows}</dt>
          <dd>${formatNumber(first?.rows ?? 0, this.lang)}</dd>
          ${first?.unit ? html`<dt>${t.unitRead}</dt><dd>${first.unit}</dd>` : nothing}
        </dl>
      </section>
      <klyft-import-divisions
        .lang=${this.lang}
        .candidates=${view.divisions}
        .labels=${labels}
        .current=${this.levelId}
        .selected=${this.levels}
        .rows=${first?.rows ?? 0}
        .catalogueMissing=${view.catalogueMissing}
        @klyft-import-divisions=${(e: CustomEvent<{ selected: LevelId[] }>) => this.choose({ levels: e.detail.selected })}
      ></klyft-import-divisions>
      ${view.columns ? html`<klyft-import-columns .lang=${this.lang} .columns=${view.columns} .labels=${labels} @klyft-import-columns=${this.handleColumns}></klyft-import-columns>` : nothing}
      <klyft-import-measures
        .lang=${this.lang}
        .measures=${view.measures}
        .selected=${this.measures}
        .choices=${this.choices}
        .fixed=${this.kept !== null}
        @klyft-import-measures=${(e: CustomEvent<{ selected: string[] }>) => this.choose({ measures: e.detail.selected })}
        @klyft-import-choice=${(e: CustomEvent<{ key: string; patch: Partial<ImportChoices> }>) => {
          const c = this.choices[e.detail.key];
          if (c) this.choices = { ...this.choices, [e.detail.key]: { ...c, ...e.detail.patch } };
        }}
      ></klyft-import-measures>
      <klyft-import-derive
        .lang=${this.lang}
        .coarser=${coarser}
        .populationWeighted=${Boolean(primary && this.catalogue && populationIndicatorFor(this.catalogue, primary))}
        .overlay=${this.overlaySource && overlay
          ? { source: this.overlaySource.label, level: this.levelName, matched: overlay.matchedRows, total: overlay.totalRows, populationWeighted: this.overlaySource.populationWeighted }
          : null}
        .choices=${this.derive}
        @klyft-import-derive=${(e: CustomEvent<Partial<DeriveChoices>>) => (this.derive = { ...this.derive, ...e.detail })}
      ></klyft-import-derive>
      ${this.levels.map(
        (level, i) => html`<klyft-import-report
          .lang=${this.lang}
          .report=${this.reports[level] ?? null}
          .label=${this.label(level)}
          .matchByName=${this.matchByName[level] ?? false}
          .tried=${i === 0 ? view.divisions.map((d) => ({ label: labels[d.id] ?? d.id, rows: d.rows, areas: d.areas, total: d.total })) : []}
          @klyft-import-match-by-name=${(e: CustomEvent<{ checked: boolean }>) => this.choose({ matchByName: { ...this.matchByName, [level]: e.detail.checked } })}
        ></klyft-import-report>`,
      )}
      ${view.warnings.length > 0
        ? html`<section aria-labelledby="warnings"><h3 id="warnings">${t.warnings}</h3><ul>${view.warnings.map((w) => html`<li>${w[this.lang]}</li>`)}</ul></section>`
        : nothing}`;
  }

  /** Changes the chosen levels, measures or matching, and joins again. */
  private choose(patch: { levels?: LevelId[]; measures?: string[]; matchByName?: Partial<Record<LevelId, boolean>> }): void {
    if (patch.levels) this.levels = patch.levels;
    if (patch.measures) this.measures = patch.measures;
    if (patch.matchByName) this.matchByName = patch.matchByName;
    void this.refresh();
  }

  private renderActions() {
    const t = strings(this.lang).import;
    const phase = this.phase;
    const preview = phase.status === 'preview';
    const canAdd = phase.status === 'boundaries' && phase.choices.name.trim() !== '' && phase.choices.codeProperty !== '' && codePropertyProblems(phase.result, phase.choices.codeProperty).duplicates.length === 0;
    const named = this.measures.length > 0 && this.measures.every((k) => (this.choices[k]?.name.trim() ?? '') !== '');
    const primary = this.levels[0];
    const canApply = preview && named && primary !== undefined && (this.reports[primary]?.values.years.length ?? 0) > 0;
    return html`<div class="actions">
      ${preview && primary && this.reports[primary] ? html`<button class="btn left" type="button" @click=${this.handleDownload}>${t.download}</button>` : nothing}
      <button class="btn" type="button" @click=${() => this.dialog.close()}>${t.cancel}</button>
      ${preview ? html`<button class="btn primary" type="button" ?disabled=${!canApply} @click=${this.handleApply}>${t.apply}</button>` : nothing}
      ${phase.status === 'boundaries' ? html`<button class="btn primary" type="button" ?disabled=${!canAdd} @click=${this.handleAddLevel}>${t.addDivision}</button>` : nothing}
    </div>`;
  }

  private readonly handleFileInput = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    // Reset, so choosing the same file again fires change again.
    input.value = '';
    if (file) void this.openFile(file);
  };

  /** The user chose other columns: the worker reads the table again. */
  private readonly handleColumns = async (event: CustomEvent<{ roles: ColumnRoles }>): Promise<void> => {
    if (this.phase.status !== 'preview') return;
    const { view, id } = this.phase;
    const ticket = ++this.ticket;
    this.phase = { status: 'busy', stage: 'parsing', fraction: 0, fileName: view.fileName };
    this.settle(ticket, await this.call('columns', { roles: event.detail.roles }, view.fileName), id);
  };

  private readonly handleDownload = async (): Promise<void> => {
    const level = this.levels[0];
    if (this.phase.status !== 'preview' || !level) return;
    const fileName = this.phase.view.fileName;
    const request = { measure: this.measureId(this.measures[0]), level, matchByName: this.matchByName[level] ?? false };
    const csv = await this.client?.call('report-csv', { request, lang: this.lang }).catch(() => null);
    if (!csv) return;
    // A byte-order mark so Excel reads the file as UTF-8 (å, ä, ö).
    const url = URL.createObjectURL(new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${fileName.replace(/\.[^.]+$/, '')}-${this.lang === 'sv' ? 'matchning' : 'join-report'}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  /** Builds the chosen measures' datasets in the worker (and any estimates), then hands them to the shell. */
  private readonly handleApply = async (): Promise<void> => {
    const phase = this.phase;
    const primary = this.levels[0];
    const level = this.shownLevel;
    if (phase.status !== 'preview' || !primary || !level || !this.catalogue || !this.loaders) return;
    const fileName = phase.view.fileName;
    const measures = this.measures.map((key) => ({ measure: this.measureId(key), choices: { ...this.choices[key]!, name: this.choices[key]!.name.trim() } }));
    const levels = this.levels.map((l) => ({ level: l, matchByName: this.matchByName[l] ?? false }));
    const useOverlay = this.derive.useOverlay && this.overlaySource !== null && this.overlay !== null;
    const aggregate = this.derive.aggregate && !useOverlay && (COARSER_LEVELS[primary] ?? []).length > 0 ? this.derive.aggregation : null;
    const ticket = ++this.ticket;
    this.phase = { status: 'busy', stage: 'joining', fraction: 0, fileName };
    const progress = (stage: ImportStage, fraction: number) => {
      if (ticket === this.ticket && this.phase.status === 'busy') this.phase = { status: 'busy', stage, fraction, fileName };
    };
    this.estimating = new AbortController();
    try {
      const built = await this.client!.call('build', { request: { measures, levels } }, progress);
      const overlay = useOverlay ? { host: this.overlay!, aggregation: this.derive.aggregation } : null;
      const datasets = await draftDatasets(built, primary, { aggregate, overlay }, { catalogue: this.catalogue, ...this.loaders }, progress, this.estimating.signal);
      // Closed (cancelled) meanwhile: nothing to apply.
      if (ticket !== this.ticket || this.phase.status !== 'busy') return;
      const detail: ImportApplyDetail = { id: phase.id, datasets, level };
      this.dispatchEvent(new CustomEvent<ImportApplyDetail>('klyft-import-apply', { detail, bubbles: true, composed: true }));
      this.dialog.close();
    } catch (error) {
      if (ticket === this.ticket && this.phase.status === 'busy') this.phase = { status: 'error', error: failed(fileName, error instanceof Error ? error.message : String(error)) };
    } finally {
      this.estimating = null;
    }
  };

  private readonly handleAddLevel = (): void => {
    const phase = this.phase;
    if (phase.status !== 'boundaries') return;
    const detail: ImportAddLevelDetail = { boundaries: phase.result, choices: { ...phase.choices, name: phase.choices.name.trim() } };
    this.dispatchEvent(new CustomEvent<ImportAddLevelDetail>('klyft-import-add-level', { detail, bubbles: true, composed: true }));
    this.dialog.close();
  };

  private readonly handleClose = (): void => {
    this.estimating?.abort();
    this.client?.close();
    this.client = null;
    this.ticket++;
    this.phase = { status: 'idle' };
    this.overlaySource = null;
    this.reports = {};
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'klyft-import': KlyftImport;
  }
}
