import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { buttonStyles } from './shared-styles';
import type { LevelGeometry } from '../data/load';
import type { Catalogue, Direction, IndicatorValues, LevelId, UnitKind } from '../data/types';
import type { Lang } from '../format/number';
import { formatNumber } from '../format/number';
import { fill, strings } from '../i18n';
import { defaultChoices, describeTable } from '../import/choices';
import type { OverlayWeight } from '../import/aggregate-import';
import { estimateInWorker, importFile, type ImportStage } from '../import/import-client';
import { buildJoinReport, joinReportCsv, toIndicatorValues, type ImportJoinReport, type JoinGeometry } from '../import/join-report';
import { createOverlayHost, type OverlayLoaders } from '../import/overlay-host';
import type { OverlayHost, OverlaySource } from '../import/overlay-input';
import type { ImportChoices, ImportedBoundaries, ImportedTable, ImportError } from '../import/types';
import { codePropertyProblems, type UserLevelChoices } from '../import/user-level-build';

/** What `klyft-import-add-level` carries: a boundary file and the user's choices for it. */
export interface ImportAddLevelDetail {
  boundaries: ImportedBoundaries;
  choices: UserLevelChoices;
}

/** What `klyft-import-apply` carries: the table, the user's choices and the join at the current level. */
export interface ImportApplyDetail {
  /** Id of the dataset being matched again, or null for a new import. */
  id: string | null;
  table: ImportedTable;
  choices: ImportChoices;
  matchByName: boolean;
  report: ImportJoinReport;
  level: LevelId;
  /** Also aggregate to the coarser levels (as a rate or a count), or null. */
  aggregate: 'rate' | 'count' | null;
  /** Values estimated by an overlay of `level` on another level (the one shown), when the user chose so. */
  estimate?: { level: LevelId; values: IndicatorValues; weight: OverlayWeight };
}

type Phase =
  | { status: 'idle' }
  | { status: 'busy'; stage: ImportStage; fraction: number; fileName: string }
  | { status: 'error'; error: ImportError }
  | { status: 'boundaries'; result: ImportedBoundaries; choices: UserLevelChoices }
  | { status: 'preview'; table: ImportedTable; id: string | null };

const UNITS: readonly UnitKind[] = ['percent', 'persons', 'sek', 'ksek', 'years', 'days'];
const DIRECTIONS: readonly Direction[] = ['neutral', 'higher-better', 'higher-worse'];
const LIST_LIMIT = 20;

/**
 * "Import data": a button with a file picker, a full-window drop overlay (while the shell reports
 * a file dragged over the page) and a modal preview with the join report against the current level.
 * Fires `klyft-import-apply` with an {@link ImportApplyDetail} when the user chooses "Show on the map",
 * and `klyft-import-add-level` with an {@link ImportAddLevelDetail} when a boundary file is added as a division.
 */
@customElement('klyft-import')
export class KlyftImport extends LitElement {
  static override styles = [
    buttonStyles,
    css`
    :host {
      color: #1a1a1a;
      font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    }
    .btn.primary { background: #005a9c; color: #fff; }
    .btn:disabled { opacity: 0.55; cursor: not-allowed; }
    :focus-visible { outline: 3px solid #005a9c; outline-offset: 2px; }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    .overlay {
      position: fixed;
      inset: 0;
      z-index: 1000;
      display: grid;
      place-content: center;
      text-align: center;
      background: rgb(0 90 156 / 0.85);
      color: #fff;
      font-size: clamp(1.25rem, 3vw, 2rem);
      pointer-events: none;
    }
    .overlay p { margin: 0.25rem; }
    .overlay .sub { font-size: 1rem; }
    .overlay .frame { border: 4px dashed #fff; border-radius: 16px; padding: 2rem 3rem; }
    dialog {
      width: min(48rem, calc(100vw - 2rem));
      max-height: calc(100vh - 2rem);
      padding: 0;
      border: 1px solid #767676;
      border-radius: 8px;
      color: #1a1a1a;
      box-shadow: 0 8px 32px rgb(0 0 0 / 0.25);
    }
    dialog::backdrop { background: rgb(0 0 0 / 0.4); }
    .body { padding: 1rem 1.25rem; display: flex; flex-direction: column; gap: 1rem; }
    h2 { margin: 0; font-size: 1.3rem; }
    h3 { margin: 0 0 0.5rem; font-size: 1.05rem; }
    section { border-top: 1px solid #e3e3e3; padding-top: 0.75rem; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0; }
    dt { font-weight: 600; }
    dd { margin: 0; overflow-wrap: anywhere; }
    .fields { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 0.75rem 1rem; }
    .field { display: flex; flex-direction: column; gap: 0.25rem; }
    .field.wide { grid-column: 1 / -1; }
    label { font-weight: 600; font-size: 0.9rem; }
    input, select {
      box-sizing: border-box;
      min-height: 44px;
      padding: 0 0.5rem;
      border: 1px solid #6b6b6b;
      border-radius: 8px;
      background: #fff;
      color: #1a1a1a;
      font: inherit;
    }
    .check { display: flex; align-items: center; gap: 0.5rem; min-height: 44px; font-weight: 600; }
    .check input { min-height: auto; width: 1.25rem; height: 1.25rem; }
    p { margin: 0.25rem 0; }
    .codes { font-family: ui-monospace, monospace; font-size: 0.85rem; margin: 0.25rem 0 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; }
    details { margin-top: 0.5rem; }
    summary { cursor: pointer; min-height: 44px; display: flex; align-items: center; }
    .alert { border: 1px solid #a00; border-inline-start-width: 0.375rem; border-radius: 8px; background: #fdecec; padding: 0.75rem; }
    .alert h3 { color: #8a0000; }
    .warn { border: 1px solid #8a5a00; border-radius: 8px; background: #fff6e0; padding: 0.5rem 0.75rem; }
    .ok { color: #1d5e20; font-weight: 600; }
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

  /** Labels of the coarser levels the current level nests in (aggregation is offered when any). */
  @property({ attribute: false }) coarserLevels: string[] = [];

  /** Whether the current level has a population to weight aggregated rates with. */
  @property({ type: Boolean, attribute: false }) populationWeighted = false;

  /**
   * For estimates by overlay on the current level (offered when codes fit a division that does not
   * nest in it): the catalogue, the current level's geometry and how to load others.
   */
  @property({ attribute: false }) catalogue: Catalogue | null = null;
  @property({ attribute: false }) levelGeometry: LevelGeometry | null = null;
  @property({ attribute: false }) loaders: OverlayLoaders | null = null;

  /** True while a file is dragged over the page: shows the drop overlay. */
  @property({ type: Boolean }) dragging = false;

  @state() private phase: Phase = { status: 'idle' };
  @state() private choices: ImportChoices | null = null;
  @state() private matchByName = false;
  @state() private report: ImportJoinReport | null = null;
  @state() private aggregate = false;
  @state() private aggregation: 'rate' | 'count' = 'rate';
  /** A division the codes fit better than the current level's, with the join against it. */
  @state() private overlayOption: { source: OverlaySource; report: ImportJoinReport } | null = null;
  @state() private useOverlay = false;
  private overlay: OverlayHost | null = null;
  /** Stops a running estimate when the dialog closes. */
  private estimating: AbortController | null = null;

  @query('dialog') private dialog!: HTMLDialogElement;
  @query('input[type=file]') private input!: HTMLInputElement;

  private reportKey = '';

  /** Reads, parses and previews a file (from the picker, or dropped on the page). */
  async openFile(file: File): Promise<void> {
    this.phase = { status: 'busy', stage: 'reading', fraction: 0, fileName: file.name };
    this.report = null;
    this.reportKey = '';
    await this.showDialog();
    const result = await importFile(file, (stage, fraction) => {
      if (this.phase.status === 'busy') this.phase = { ...this.phase, stage, fraction };
    });
    if (this.phase.status !== 'busy' || this.phase.fileName !== file.name) return;
    if (result.kind === 'error') this.phase = { status: 'error', error: result };
    else if (result.kind === 'boundaries') {
      const codeProperty = result.codeProperty ?? result.properties[0] ?? '';
      const name = result.fileName.replace(/\.[^.]+$/, '');
      this.phase = { status: 'boundaries', result, choices: { codeProperty, nameProperty: result.nameProperty, name } };
    }
    else this.preview(result, null, null, false);
  }

  /** Opens the preview for a stored table ("Matcha igen"), keeping its choices. */
  async openTable(table: ImportedTable, id: string, choices: ImportChoices, matchByName: boolean): Promise<void> {
    this.preview(table, id, choices, matchByName);
    await this.showDialog();
  }

  private preview(table: ImportedTable, id: string | null, choices: ImportChoices | null, matchByName: boolean): void {
    this.aggregate = false;
    this.aggregation = choices?.unit === 'persons' ? 'count' : 'rate';
    this.phase = { status: 'busy', stage: 'joining', fraction: 0.8, fileName: table.fileName };
    this.choices = choices ?? defaultChoices(table);
    this.matchByName = matchByName;
    this.reportKey = '';
    this.phase = { status: 'preview', table, id };
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
    const phase = this.phase;
    if (phase.status !== 'preview' || !this.choices || !this.geometry) return;
    const key = `${phase.table.fileName}|${this.choices.measure}|${this.matchByName}|${this.levelId}|${this.geometry.codes.length}`;
    if (key === this.reportKey) return;
    this.reportKey = key;
    const options = this.levelRegion === undefined ? { matchByName: this.matchByName } : { matchByName: this.matchByName, levelRegion: this.levelRegion };
    this.report = buildJoinReport(phase.table, this.choices.measure, this.geometry, options);
    // Nothing matched by code but names would: match by name without asking.
    if (!this.matchByName && this.report.matched.length === 0 && this.report.nameMatchable > 0) {
      this.matchByName = true;
      this.reportKey = '';
      this.willUpdate(new Map() as PropertyValues<this>);
      return;
    }
    this.overlayOption = null;
    this.useOverlay = false;
    void this.probeOverlay(key, phase.table, this.choices.measure, this.report);
  }

  /**
   * When fewer than half the rows match the current level, joins the table to the divisions the
   * shell offers for an overlay and offers the best of them if it matches more rows.
   */
  private async probeOverlay(key: string, table: ImportedTable, measure: string | null, current: ImportJoinReport): Promise<void> {
    const host = this.overlay;
    if (!host || host.target !== this.levelId || current.matched.length * 2 >= current.totalRows) return;
    let best: { source: OverlaySource; report: ImportJoinReport } | null = null;
    for (const level of host.sources) {
      const source = await host.source(level).catch(() => null);
      if (!source || key !== this.reportKey) continue;
      const options = source.region === undefined ? { matchByName: false } : { matchByName: false, levelRegion: source.region };
      const report = buildJoinReport(table, measure, source.geometry, options);
      if (report.matched.length > (best ?? { report: current }).report.matched.length) best = { source, report };
      if (report.matched.length === report.totalRows) break;
    }
    if (!best || key !== this.reportKey) return;
    this.overlayOption = best;
    this.useOverlay = true;
  }

  /** The join report shown: against the overlay's source when estimating by overlay, else the current level. */
  private get shownReport(): ImportJoinReport | null {
    return this.useOverlay && this.overlayOption ? this.overlayOption.report : this.report;
  }

  override render() {
    const t = strings(this.lang).import;
    return html`
      <input id="file" class="visually-hidden" type="file" accept=".csv,.tsv,.txt,.xlsx,.json,.geojson,.topojson" aria-label=${t.chooseFile} @change=${this.handleFileInput} />
      <button class="btn" type="button" @click=${() => this.input.click()}>${t.button}</button>
      ${this.dragging
        ? html`<div class="overlay" aria-hidden="true"><div class="frame"><p>${t.dropHint}</p><p class="sub">${t.dropSub}</p></div></div>`
        : nothing}
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
      case 'busy':
        return html`<div role="status">
          <p>${phase.fileName}: ${t.stage[phase.stage]}</p>
        </div>
        ${this.renderProgress(phase.fraction)}`;
      case 'error':
        return html`<div class="alert" role="alert">
          <h3>${fill(t.errorTitle, { file: phase.error.fileName })}</h3>
          <p>${phase.error.message[this.lang]}${phase.error.at ? ` (${phase.error.at})` : ''}</p>
        </div>`;
      case 'boundaries':
        return this.renderBoundaries(phase.result, phase.choices);
      case 'preview':
        return html`${this.renderUnderstood(phase.table)} ${this.renderSettings(phase.table)} ${this.renderReport()} ${this.renderWarnings(phase.table)}`;
    }
  }

  /** A boundary file: pick the code and name properties and name the division. */
  private renderBoundaries(result: ImportedBoundaries, c: UserLevelChoices) {
    const t = strings(this.lang).import;
    const problems = codePropertyProblems(result, c.codeProperty);
    const set = (patch: Partial<UserLevelChoices>) => {
      if (this.phase.status === 'boundaries') this.phase = { ...this.phase, choices: { ...this.phase.choices, ...patch } };
    };
    return html`<section aria-labelledby="understood">
        <h3 id="understood">${t.boundariesTitle}</h3>
        <p>${fill(t.boundaries, { count: formatNumber(result.features.features.length, this.lang) })}</p>
        <dl>
          <dt>${t.file}</dt>
          <dd>${result.fileName}</dd>
          <dt>${t.format}</dt>
          <dd>${t.formats[result.format]}</dd>
          <dt>${t.crs}</dt>
          <dd>EPSG:${result.crs.epsg}</dd>
        </dl>
      </section>
      <section aria-labelledby="settings">
        <h3 id="settings">${t.settings}</h3>
        <div class="fields">
          <div class="field wide">
            <label for="division-name">${t.divisionName}</label>
            <input id="division-name" type="text" maxlength="120" .value=${c.name} @input=${(e: Event) => set({ name: (e.target as HTMLInputElement).value })} />
          </div>
          <div class="field">
            <label for="code-property">${t.codeProperty}</label>
            <select id="code-property" @change=${(e: Event) => set({ codeProperty: (e.target as HTMLSelectElement).value })}>
              ${result.properties.map((p) => html`<option value=${p} ?selected=${p === c.codeProperty}>${p}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="name-property">${t.nameProperty}</label>
            <select id="name-property" @change=${(e: Event) => set({ nameProperty: (e.target as HTMLSelectElement).value || null })}>
              <option value="" ?selected=${c.nameProperty === null}>${t.noNameProperty}</option>
              ${result.properties.map((p) => html`<option value=${p} ?selected=${p === c.nameProperty}>${p}</option>`)}
            </select>
          </div>
        </div>
        ${problems.empty > 0 ? html`<p class="warn">${fill(t.emptyCodes, { count: formatNumber(problems.empty, this.lang) })}</p>` : nothing}
        ${problems.duplicates.length > 0
          ? html`<p class="warn" role="alert">${fill(t.duplicateCodes, { count: formatNumber(problems.duplicates.length, this.lang), codes: problems.duplicates.slice(0, 3).join(', ') })}</p>`
          : nothing}
      </section>
      ${result.warnings.length > 0
        ? html`<section aria-labelledby="warnings"><h3 id="warnings">${t.warnings}</h3><ul>${result.warnings.map((w) => html`<li>${w[this.lang]}</li>`)}</ul></section>`
        : nothing}`;
  }

  private renderUnderstood(table: ImportedTable) {
    const t = strings(this.lang).import;
    const measure = this.choices?.measure ?? null;
    const info = describeTable(table, measure);
    const years = info.years.length === 0 ? '–' : info.years.length === 1 ? String(info.years[0]) : `${info.years[0]}–${info.years[info.years.length - 1]} (${info.years.length})`;
    const unit = table.measures.find((m) => m.id === measure)?.unit ?? table.unitText;
    return html`<section aria-labelledby="understood">
      <h3 id="understood">${t.understood}</h3>
      <dl>
        <dt>${t.file}</dt>
        <dd>${table.fileName}</dd>
        <dt>${t.format}</dt>
        <dd>${t.formats[table.format]}</dd>
        <dt>${t.areas}</dt>
        <dd>${formatNumber(info.areas, this.lang)}</dd>
        <dt>${t.years}</dt>
        <dd>${years}</dd>
        <dt>${t.rows}</dt>
        <dd>${formatNumber(info.rows, this.lang)}</dd>
        ${unit ? html`<dt>${t.unitRead}</dt><dd>${unit}</dd>` : nothing}
      </dl>
      ${table.measures.length > 1
        ? html`<div class="field" style="margin-top:0.75rem">
            <label for="measure">${t.measure}</label>
            <select id="measure" @change=${this.handleMeasure}>
              ${table.measures.map((m) => html`<option value=${m.id} ?selected=${m.id === measure}>${m.label}${m.unit ? ` (${m.unit})` : ''}</option>`)}
            </select>
          </div>`
        : nothing}
    </section>`;
  }

  private renderSettings(table: ImportedTable) {
    const t = strings(this.lang);
    const c = this.choices;
    if (!c) return nothing;
    return html`<section aria-labelledby="settings">
      <h3 id="settings">${t.import.settings}</h3>
      <div class="fields">
        <div class="field wide">
          <label for="name">${t.import.name}</label>
          <input id="name" type="text" maxlength="120" .value=${c.name} placeholder=${table.fileName} @input=${(e: Event) => this.setChoice({ name: (e.target as HTMLInputElement).value })} />
        </div>
        <div class="field">
          <label for="unit">${t.import.unit}</label>
          <select id="unit" @change=${(e: Event) => this.setChoice({ unit: (e.target as HTMLSelectElement).value as UnitKind })}>
            ${UNITS.map((u) => html`<option value=${u} ?selected=${u === c.unit}>${t.import.units[u]}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="decimals">${t.import.decimals}</label>
          <input id="decimals" type="number" min="0" max="3" step="1" inputmode="numeric" .value=${String(c.decimals)} @input=${this.handleDecimals} />
        </div>
        <div class="field">
          <label for="direction">${t.import.direction}</label>
          <select id="direction" @change=${(e: Event) => this.setChoice({ direction: (e.target as HTMLSelectElement).value as Direction })}>
            ${DIRECTIONS.map((d) => html`<option value=${d} ?selected=${d === c.direction}>${t.units.direction[d]}</option>`)}
          </select>
        </div>
      </div>
      ${this.renderAggregate()}
    </section>
    ${this.renderOverlay()}`;
  }

  /** The progress bar (0…1), in whole per cent for assistive technology. */
  private renderProgress(fraction: number) {
    const percent = Math.round(Math.max(0, Math.min(1, fraction)) * 100);
    return html`<div class="progress" role="progressbar" aria-label=${strings(this.lang).import.progressLabel} aria-valuemin="0" aria-valuemax="100" aria-valuenow=${percent}>
      <span style=${`width:${percent}%`}></span>
    </div>`;
  }

  /** "Estimate for this level from another division": offered when the codes fit one that does not nest. */
  private renderOverlay() {
    const o = this.overlayOption;
    if (!o) return nothing;
    const t = strings(this.lang).import;
    const n = (v: number) => formatNumber(v, this.lang);
    const labels = { source: o.source.label, level: this.levelName, matched: n(o.report.matched.length), total: n(o.report.totalRows) };
    return html`<section>
      <p>${fill(t.overlayFound, labels)}</p>
      <label class="check"
        ><input type="checkbox" .checked=${this.useOverlay} @change=${(e: Event) => (this.useOverlay = (e.target as HTMLInputElement).checked)} />${fill(t.overlayUse, labels)}</label
      >
      ${this.useOverlay
        ? html`${this.renderAggregation()}
            <p>${fill(o.source.populationWeighted ? t.overlayWeightPopulation : t.overlayWeightArea, labels)}</p>`
        : nothing}
    </section>`;
  }

  private renderAggregation() {
    const t = strings(this.lang).import;
    return html`<div class="field">
      <label for="aggregation">${t.aggregation}</label>
      <select id="aggregation" @change=${(e: Event) => (this.aggregation = (e.target as HTMLSelectElement).value as 'rate' | 'count')}>
        ${(['rate', 'count'] as const).map((k) => html`<option value=${k} ?selected=${k === this.aggregation}>${t.aggregationKinds[k]}</option>`)}
      </select>
    </div>`;
  }

  /** "Also compute for larger areas": offered when the current level nests in coarser ones. */
  private renderAggregate() {
    if (this.coarserLevels.length === 0 || this.useOverlay) return nothing;
    const t = strings(this.lang).import;
    const help = this.aggregation === 'count' ? t.aggregateCount : this.populationWeighted ? t.aggregateRateWeighted : t.aggregateRateUnweighted;
    return html`<label class="check"
        ><input type="checkbox" .checked=${this.aggregate} @change=${(e: Event) => (this.aggregate = (e.target as HTMLInputElement).checked)} />${fill(t.aggregate, {
          levels: this.coarserLevels.join(', '),
        })}</label
      >
      ${this.aggregate ? html`${this.renderAggregation()}<p>${help}</p>` : nothing}`;
  }

  private renderReport() {
    const t = strings(this.lang).import;
    const r = this.shownReport;
    if (!r) return nothing;
    const viaOverlay = r !== this.report;
    const n = (v: number) => formatNumber(v, this.lang);
    const showToggle = !viaOverlay && (r.nameMatchable > 0 || r.methods.name > 0 || this.matchByName);
    return html`<section aria-labelledby="report">
      <h3 id="report">${fill(t.report, { level: viaOverlay ? (this.overlayOption?.source.label ?? '') : this.levelName })}</h3>
      <p class=${r.matched.length > 0 ? 'ok' : ''} data-testid="matched-rows">${fill(t.matchedRows, { matched: n(r.matched.length), total: n(r.totalRows) })}</p>
      <p data-testid="matched-areas">${fill(t.matchedAreas, { matched: n(r.matchedAreas), areas: n(r.mapAreas) })}</p>
      ${r.matched.length === 0 ? html`<p class="warn">${t.nothingMatched}</p>` : nothing}
      ${r.matched.length > 0
        ? html`<p>${fill(t.methods, { code: n(r.methods.code), normalised: n(r.methods['normalised-code']), name: n(r.methods.name) })}</p>`
        : nothing}
      ${showToggle
        ? html`<label class="check"><input type="checkbox" .checked=${this.matchByName} @change=${this.handleMatchByName} />${t.matchByName}</label>
            ${r.nameMatchable > 0 ? html`<p>${fill(t.matchByNameHelp, { count: n(r.nameMatchable) })}</p>` : nothing}`
        : nothing}
      ${r.outsideMap.count > 0 ? html`<p>${fill(t.outsideMap, { count: n(r.outsideMap.count), rows: n(r.outsideMap.rows) })}</p>` : nothing}
      ${r.duplicates.length > 0 ? html`<p class="warn">${fill(t.duplicates, { count: n(r.duplicates.length) })}</p>` : nothing}
      ${r.suppressed > 0 ? html`<p>${fill(t.suppressed, { count: n(r.suppressed) })}</p>` : nothing}
      ${r.missing > 0 ? html`<p>${fill(t.missing, { count: n(r.missing) })}</p>` : nothing}
      ${this.renderCodes(t.unmatchedSource, r.unmatchedSource.map((u) => u.code || u.name || '–'))}
      ${this.renderCodes(t.unmatchedGeometry, r.unmatchedGeometry)}
    </section>`;
  }

  private renderCodes(title: string, codes: readonly string[]) {
    if (codes.length === 0) return nothing;
    const t = strings(this.lang).import;
    const rest = codes.length - LIST_LIMIT;
    return html`<details>
      <summary>${fill(title, { count: formatNumber(codes.length, this.lang) })}</summary>
      <ul class="codes">
        ${codes.slice(0, LIST_LIMIT).map((c) => html`<li>${c}</li>`)}
        ${rest > 0 ? html`<li>${fill(t.more, { count: formatNumber(rest, this.lang) })}</li>` : nothing}
      </ul>
    </details>`;
  }

  private renderWarnings(table: ImportedTable) {
    if (table.warnings.length === 0) return nothing;
    const t = strings(this.lang).import;
    return html`<section aria-labelledby="warnings">
      <h3 id="warnings">${t.warnings}</h3>
      <ul>
        ${table.warnings.map((w) => html`<li>${w[this.lang]}</li>`)}
      </ul>
    </section>`;
  }

  private renderActions() {
    const t = strings(this.lang).import;
    const preview = this.phase.status === 'preview';
    const phase = this.phase;
    const canAdd =
      phase.status === 'boundaries' &&
      phase.choices.name.trim() !== '' &&
      phase.choices.codeProperty !== '' &&
      codePropertyProblems(phase.result, phase.choices.codeProperty).duplicates.length === 0;
    const canApply = preview && (this.shownReport?.values.years.length ?? 0) > 0 && (this.choices?.name.trim() ?? '') !== '';
    return html`<div class="actions">
      ${preview && this.shownReport ? html`<button class="btn left" type="button" @click=${this.handleDownload}>${t.download}</button>` : nothing}
      <button class="btn" type="button" @click=${() => this.dialog.close()}>${t.cancel}</button>
      ${preview ? html`<button class="btn primary" type="button" ?disabled=${!canApply} @click=${this.handleApply}>${t.apply}</button>` : nothing}
      ${phase.status === 'boundaries' ? html`<button class="btn primary" type="button" ?disabled=${!canAdd} @click=${this.handleAddLevel}>${t.addDivision}</button>` : nothing}
    </div>`;
  }

  private setChoice(patch: Partial<ImportChoices>): void {
    if (this.choices) this.choices = { ...this.choices, ...patch };
  }

  private readonly handleFileInput = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    // Reset, so choosing the same file again fires change again.
    input.value = '';
    if (file) void this.openFile(file);
  };

  private readonly handleMeasure = (event: Event): void => {
    if (this.phase.status !== 'preview') return;
    const measure = (event.target as HTMLSelectElement).value;
    const fresh = defaultChoices(this.phase.table, measure);
    // Keep the name the user typed, unless it was the previous measure's suggestion.
    const previous = this.phase.table.measures.find((m) => m.id === this.choices?.measure)?.label;
    this.choices = { ...fresh, name: this.choices && this.choices.name !== previous ? this.choices.name : fresh.name };
  };

  private readonly handleDecimals = (event: Event): void => {
    const value = Number((event.target as HTMLInputElement).value);
    if (Number.isInteger(value) && value >= 0 && value <= 3) this.setChoice({ decimals: value });
  };

  private readonly handleMatchByName = (event: Event): void => {
    this.matchByName = (event.target as HTMLInputElement).checked;
  };

  private readonly handleDownload = (): void => {
    const report = this.shownReport;
    if (!report || this.phase.status !== 'preview') return;
    const csv = joinReportCsv(report, this.lang);
    // A byte-order mark so Excel reads the file as UTF-8 (å, ä, ö).
    const url = URL.createObjectURL(new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${this.phase.table.fileName.replace(/\.[^.]+$/, '')}-${this.lang === 'sv' ? 'matchning' : 'join-report'}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  private readonly handleApply = (): void => {
    const phase = this.phase;
    if (phase.status !== 'preview' || !this.report || !this.choices) return;
    if (this.useOverlay && this.overlayOption) {
      void this.applyOverlay(phase.table, phase.id, this.overlayOption);
      return;
    }
    const detail: ImportApplyDetail = {
      id: phase.id,
      table: phase.table,
      choices: { ...this.choices, name: this.choices.name.trim() },
      matchByName: this.matchByName,
      report: this.report,
      level: this.levelId,
      aggregate: this.aggregate && this.coarserLevels.length > 0 ? this.aggregation : null,
    };
    this.dispatchEvent(new CustomEvent<ImportApplyDetail>('klyft-import-apply', { detail, bubbles: true, composed: true }));
    this.dialog.close();
  };

  /** Estimates the values for the current level in the worker (with a progress bar), then applies them. */
  private async applyOverlay(table: ImportedTable, id: string | null, option: { source: OverlaySource; report: ImportJoinReport }): Promise<void> {
    const host = this.overlay;
    if (!host || !this.choices) return;
    const choices = { ...this.choices, name: this.choices.name.trim() };
    const aggregation = this.aggregation;
    const fileName = table.fileName;
    this.phase = { status: 'busy', stage: 'estimating', fraction: 0, fileName };
    const stillBusy = () => this.phase.status === 'busy' && this.phase.fileName === fileName;
    const values = toIndicatorValues(option.report.values, 'user:', option.source.level);
    const input = await host.input(option.source.level, values, aggregation).catch(() => null);
    this.estimating = new AbortController();
    const outcome = input
      ? await estimateInWorker(
          input,
          (stage, fraction) => {
            if (stillBusy()) this.phase = { status: 'busy', stage, fraction, fileName };
          },
          this.estimating.signal,
        )
      : ({ ok: false, reason: option.source.label } as const);
    this.estimating = null;
    // Closed (cancelled) meanwhile: nothing to apply.
    if (!stillBusy()) return;
    if (!outcome.ok) {
      this.phase = { status: 'error', error: { kind: 'error', code: 'unknown-format', fileName, message: { sv: outcome.reason, en: outcome.reason } } };
      return;
    }
    this.phase = { status: 'busy', stage: 'estimating', fraction: 1, fileName };
    await this.updateComplete;
    const detail: ImportApplyDetail = {
      id,
      table,
      choices,
      matchByName: false,
      report: option.report,
      level: option.source.level,
      aggregate: null,
      estimate: { level: host.target, values: outcome.values, weight: outcome.weight },
    };
    this.dispatchEvent(new CustomEvent<ImportApplyDetail>('klyft-import-apply', { detail, bubbles: true, composed: true }));
    this.dialog.close();
  }

  private readonly handleAddLevel = (): void => {
    const phase = this.phase;
    if (phase.status !== 'boundaries') return;
    const detail: ImportAddLevelDetail = { boundaries: phase.result, choices: { ...phase.choices, name: phase.choices.name.trim() } };
    this.dispatchEvent(new CustomEvent<ImportAddLevelDetail>('klyft-import-add-level', { detail, bubbles: true, composed: true }));
    this.dialog.close();
  };

  private readonly handleClose = (): void => {
    this.estimating?.abort();
    this.phase = { status: 'idle' };
    this.overlayOption = null;
    this.useOverlay = false;
    this.report = null;
    this.reportKey = '';
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'klyft-import': KlyftImport;
  }
}
