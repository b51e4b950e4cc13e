import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { LevelGeometry } from '../data/load';
import type { Catalogue, LevelId } from '../data/types';
import type { Lang } from '../format/number';
import { fill, strings } from '../i18n';
import { draftDatasets, type ImportApplyDetail } from '../import/apply-import';
import { ImportClient, readFileBytes, sessionContext } from '../import/import-client';
import type { ImportStage, OpenResult, SessionCalls, SessionContext, TableView } from '../import/import-protocol';
import type { ColumnRoles } from '../import/csv-columns';
import type { JoinGeometry } from '../import/join-report';
import { createOverlayHost, type OverlayLoaders } from '../import/overlay-host';
import type { OverlayHost } from '../import/overlay-input';
import type { PackedTable } from '../import/packed-table';
import type { KeptChoices, PreviewEdits } from '../import/preview-choices';
import type { ImportChoices, ImportedBoundaries, ImportedTable, ImportError } from '../import/types';
import { codePropertyProblems, type UserLevelChoices } from '../import/user-level-build';
import { saveBlob } from '../export/save-blob';
import { csvBlob } from '../export/table-csv';
import { buttonStyles } from './shared-styles';
import { importDialogStyles, importStyles } from './import-styles';
import './klyft-import-boundaries';
import './klyft-import-preview';
import type { ImportSelectionDetail } from './klyft-import-preview';
import type { ImportChoiceDetail, ImportMeasuresDetail } from './klyft-import-measures';

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
  static override styles = [buttonStyles, importStyles, importDialogStyles];

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
  /** What the preview has chosen, and whether it can be applied (see klyft-import-preview). */
  @state() private selection: ImportSelectionDetail | null = null;
  @state() private kept: KeptChoices | null = null;
  /** The measures chosen and settings changed in this session's preview, kept when the table is read again. */
  private edits: PreviewEdits = { measures: [], choices: {} };
  private overlay: OverlayHost | null = null;
  private client: ImportClient | null = null;
  private ticket = 0;
  /** Counts the sessions (files or stored tables opened); see handleClose. */
  private session = 0;
  /** The session the dialog was opened for, until that session ends (null once it has). */
  private shownSession: number | null = null;
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
  async openTable(table: ImportedTable | PackedTable, id: string, choices: ImportChoices, matchByName: boolean): Promise<void> {
    const ticket = this.start(table.fileName, { choices, matchByName });
    await this.showDialog();
    this.settle(ticket, await this.call('open-table', { table, context: await this.context() }, table.fileName), id);
  }

  /** Begins a session: a fresh worker, the dialog in its busy state. */
  private start(fileName: string, kept: KeptChoices | null): number {
    this.estimating?.abort();
    this.client?.close();
    this.client = new ImportClient();
    this.session++;
    this.kept = kept;
    this.edits = { measures: [], choices: {} };
    this.selection = null;
    this.phase = { status: 'busy', stage: 'reading', fraction: 0, fileName };
    return ++this.ticket;
  }

  /** A call of the session that reads the table, with its progress shown; a failure becomes an error result. */
  private async call<K extends 'open' | 'open-table' | 'columns'>(
    kind: K,
    payload: SessionCalls[K]['payload'],
    fileName: string,
    transfer: Transferable[] = [],
  ): Promise<OpenResult> {
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

  private context(): Promise<SessionContext> {
    const current = this.geometry ? { ...this.geometry, ...(this.levelRegion ? { region: this.levelRegion } : {}) } : null;
    return sessionContext(this.catalogue, this.loaders, this.levelId, current);
  }

  private settle(ticket: number, result: OpenResult, id: string | null): void {
    if (ticket !== this.ticket || this.phase.status === 'idle') return;
    if (result.kind === 'error') this.phase = { status: 'error', error: result };
    else if (result.kind === 'boundaries') {
      const codeProperty = result.codeProperty ?? result.properties[0] ?? '';
      this.phase = {
        status: 'boundaries',
        result,
        choices: { codeProperty, nameProperty: result.nameProperty, name: result.fileName.replace(/\.[^.]+$/, '') },
      };
    } else this.phase = { status: 'preview', view: result.view, id };
  }

  private async showDialog(): Promise<void> {
    const session = this.session;
    await this.updateComplete;
    // A later session (another file chosen meanwhile) shows the dialog itself.
    if (session !== this.session) return;
    this.shownSession = session;
    if (!this.dialog.open) this.dialog.showModal();
  }

  /** Ends the session and closes the dialog (Cancel, after apply or adding a division). */
  private readonly closeDialog = (): void => {
    this.endSession();
    this.dialog.close();
  };

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('catalogue') || changed.has('levelGeometry') || changed.has('loaders') || changed.has('lang')) {
      const { catalogue, levelGeometry: target, loaders, lang } = this;
      this.overlay = catalogue && target && loaders ? createOverlayHost({ catalogue, target, lang, ...loaders }) : null;
    }
  }

  override render() {
    const t = strings(this.lang).import;
    return html`
      <input id="file" class="visually-hidden" type="file" accept=".csv,.tsv,.txt,.xlsx,.json,.geojson,.topojson" aria-label=${t.chooseFile} @change=${this.handleFileInput} />
      <button class="btn" type="button" @click=${() => this.input.click()}>${t.button}</button>
      ${this.dragging ? html`<div class="overlay" aria-hidden="true"><div class="frame"><p>${t.dropHint}</p><p class="sub">${t.dropSub}</p></div></div>` : nothing}
      <dialog aria-labelledby="import-title" @cancel=${this.endSession} @close=${this.handleClose}>
        ${
          this.phase.status === 'idle'
            ? nothing
            : html`<div class="body">
                <h2 id="import-title">${t.dialogTitle}</h2>
                ${this.renderPhase()}
              </div>
              ${this.renderActions()}`
        }
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
          <p>${phase.error.message[this.lang]}</p>
          <p>${t.errorHint}</p>
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
        return html`<klyft-import-preview
          .lang=${this.lang}
          .view=${phase.view}
          .client=${this.client}
          .levelId=${this.levelId}
          .levelName=${this.levelName}
          .catalogue=${this.catalogue}
          .overlay=${this.overlay}
          .kept=${this.kept}
          .edits=${this.edits}
          @klyft-import-selection=${(e: CustomEvent<ImportSelectionDetail>) => (this.selection = e.detail)}
          @klyft-import-measures=${this.handleMeasures}
          @klyft-import-choice=${this.handleChoice}
          @klyft-import-columns=${this.handleColumns}
        ></klyft-import-preview>`;
    }
  }

  private renderActions() {
    const t = strings(this.lang).import;
    const phase = this.phase;
    const preview = phase.status === 'preview';
    const canAdd =
      phase.status === 'boundaries' &&
      phase.choices.name.trim() !== '' &&
      phase.choices.codeProperty !== '' &&
      codePropertyProblems(phase.result, phase.choices.codeProperty).duplicates.length === 0;
    const canApply = preview && (this.selection?.canApply ?? false);
    return html`<div class="actions">
      ${preview && this.selection?.canDownload ? html`<button class="btn left" type="button" @click=${this.handleDownload}>${t.download}</button>` : nothing}
      <button class="btn" type="button" @click=${this.closeDialog}>${t.cancel}</button>
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

  /** Remembers the measures the user chose (see edits). */
  private readonly handleMeasures = (event: CustomEvent<ImportMeasuresDetail>): void => {
    this.edits = { ...this.edits, measures: event.detail.selected };
  };

  /** Remembers a setting the user changed (see edits). */
  private readonly handleChoice = (event: CustomEvent<ImportChoiceDetail>): void => {
    const { key, patch } = event.detail;
    this.edits = { ...this.edits, choices: { ...this.edits.choices, [key]: { ...this.edits.choices[key], ...patch } } };
  };

  /** The user chose other columns: the worker reads the table again (keeping the user's edits). */
  private readonly handleColumns = async (event: CustomEvent<{ roles: ColumnRoles }>): Promise<void> => {
    if (this.phase.status !== 'preview') return;
    const { view, id } = this.phase;
    const ticket = ++this.ticket;
    this.phase = { status: 'busy', stage: 'parsing', fraction: 0, fileName: view.fileName };
    this.settle(ticket, await this.call('columns', { roles: event.detail.roles }, view.fileName), id);
  };

  private readonly handleDownload = async (): Promise<void> => {
    const { levels, measures } = this.selection?.selection ?? { levels: [], measures: [] };
    if (this.phase.status !== 'preview' || !levels[0]) return;
    const fileName = this.phase.view.fileName;
    const request = { measure: measures[0]?.measure ?? null, ...levels[0] };
    const csv = await this.client?.call('report-csv', { request, lang: this.lang }).catch(() => null);
    // A byte-order mark (csvBlob) so Excel reads the file as UTF-8 (å, ä, ö).
    if (csv) saveBlob(csvBlob(csv), `${fileName.replace(/\.[^.]+$/, '')}-${this.lang === 'sv' ? 'matchning' : 'join-report'}.csv`);
  };

  /** Builds the chosen measures' datasets in the worker (and any estimates), then hands them to the shell. */
  private readonly handleApply = async (): Promise<void> => {
    const phase = this.phase;
    const chosen = this.selection?.selection;
    const primary = chosen?.levels[0]?.level;
    const level = chosen?.shown;
    if (phase.status !== 'preview' || !chosen || !primary || !level || !this.catalogue || !this.loaders) return;
    const fileName = phase.view.fileName;
    const ticket = ++this.ticket;
    this.phase = { status: 'busy', stage: 'joining', fraction: 0, fileName };
    const progress = (stage: ImportStage, fraction: number) => {
      if (ticket === this.ticket && this.phase.status === 'busy') this.phase = { status: 'busy', stage, fraction, fileName };
    };
    this.estimating = new AbortController();
    try {
      const built = await this.client!.call('build', { request: { measures: chosen.measures, levels: chosen.levels } }, progress);
      const overlay = chosen.overlay && this.overlay ? { host: this.overlay, aggregation: chosen.overlay } : null;
      const options = { aggregate: chosen.aggregate, overlay };
      const datasets = await draftDatasets(built, primary, options, { catalogue: this.catalogue, ...this.loaders }, progress, this.estimating.signal);
      // Closed (cancelled) meanwhile: nothing to apply.
      if (ticket !== this.ticket || this.phase.status !== 'busy') return;
      const detail: ImportApplyDetail = { id: phase.id, datasets, level };
      this.dispatchEvent(new CustomEvent<ImportApplyDetail>('klyft-import-apply', { detail, bubbles: true, composed: true }));
      this.closeDialog();
    } catch (error) {
      if (ticket === this.ticket && this.phase.status === 'busy')
        this.phase = { status: 'error', error: failed(fileName, error instanceof Error ? error.message : String(error)) };
    } finally {
      this.estimating = null;
    }
  };

  private readonly handleAddLevel = (): void => {
    const phase = this.phase;
    if (phase.status !== 'boundaries') return;
    const detail: ImportAddLevelDetail = { boundaries: phase.result, choices: { ...phase.choices, name: phase.choices.name.trim() } };
    this.dispatchEvent(new CustomEvent<ImportAddLevelDetail>('klyft-import-add-level', { detail, bubbles: true, composed: true }));
    this.closeDialog();
  };

  /**
   * Ends the session synchronously: stops the worker and any estimate, and empties the dialog. The
   * dialog's `close` event cannot do this: the browser delivers it in a later task, by which time
   * another file may have been chosen, and that session would be wiped (its message never shown).
   */
  private readonly endSession = (): void => {
    this.shownSession = null;
    this.estimating?.abort();
    this.client?.close();
    this.client = null;
    this.ticket++;
    this.phase = { status: 'idle' };
    this.selection = null;
  };

  /** A close no handler above saw (Escape without a `cancel` event): ends the session it closed, unless a newer one began. */
  private readonly handleClose = (): void => {
    if (this.shownSession === this.session && !this.dialog.open) this.endSession();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'klyft-import': KlyftImport;
  }
}
