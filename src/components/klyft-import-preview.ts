import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Catalogue, LevelId } from '../data/types';
import type { Lang } from '../format/number';
import { strings } from '../i18n';
import type { VocabularyId } from '../import/code-catalogue';
import { COARSER_LEVELS } from '../import/coarser-levels';
import type { ImportClient } from '../import/import-client';
import type { TableView } from '../import/import-protocol';
import type { JoinReportView } from '../import/join-report';
import type { OverlayHost, OverlaySource } from '../import/overlay-input';
import { measureKey, previewChoices, type KeptChoices, type PreviewEdits } from '../import/preview-choices';
import type { ImportChoices } from '../import/types';
import { findLevel, levelLabel, populationIndicatorFor } from '../state/app-data';
import { importStyles } from './import-styles';
import './klyft-import-columns';
import './klyft-import-derive';
import type { DeriveChoices } from './klyft-import-derive';
import './klyft-import-divisions';
import './klyft-import-measures';
import type { ImportChoiceDetail, ImportMeasuresDetail } from './klyft-import-measures';
import './klyft-import-report';
import './klyft-import-summary';

/** What the user has chosen in the preview: what "Show on the map" builds. */
export interface ImportSelection {
  measures: { measure: string | null; choices: ImportChoices }[];
  levels: { level: LevelId; matchByName: boolean }[];
  /** The level the map shows afterwards: the level shown when estimating for it, else the first chosen. */
  shown: LevelId | null;
  /** Aggregate the first chosen level to the coarser levels it nests in, as a rate or a count. */
  aggregate: 'rate' | 'count' | null;
  /** Estimate the first chosen level's values for the level shown by an overlay, as a rate or a count. */
  overlay: 'rate' | 'count' | null;
}

/** What `klyft-import-selection` carries: the selection, and whether it can be applied and its report downloaded. */
export interface ImportSelectionDetail {
  selection: ImportSelection;
  canApply: boolean;
  canDownload: boolean;
}

/**
 * The preview of a table: what it contains, the divisions it fits (ranked, for the user to pick),
 * its columns, its measures and their settings, aggregation or overlay options, and the join report
 * per chosen division, joined in the import worker. Fires `klyft-import-selection` whenever the
 * selection changes; `klyft-import-columns` (from the column mapper) asks the shell to read the table again.
 */
@customElement('klyft-import-preview')
export class KlyftImportPreview extends LitElement {
  static override styles = importStyles;

  /** UI language. */
  @property() override lang: Lang = 'sv';

  /** The table, as the worker describes it. */
  @property({ attribute: false }) view: TableView | null = null;

  /** The import session that holds the table's rows. */
  @property({ attribute: false }) client: ImportClient | null = null;

  /** The level shown on the map, and its label. */
  @property({ attribute: false }) levelId: LevelId = 'kommun';
  @property({ attribute: false }) levelName = '';

  /** The catalogue (with the user's own divisions), for labels, coarser levels and populations. */
  @property({ attribute: false }) catalogue: Catalogue | null = null;

  /** Estimates by overlay for the level shown, when any division can be overlaid on it. */
  @property({ attribute: false }) overlay: OverlayHost | null = null;

  /** The choices of a dataset matched again (its measure is fixed), or null. */
  @property({ attribute: false }) kept: KeptChoices | null = null;

  /** What the user chose and changed before this table was read again (other columns), or null. */
  @property({ attribute: false }) edits: PreviewEdits | null = null;

  @state() private measures: string[] = [];
  @state() private choices: Partial<Record<string, ImportChoices>> = {};
  @state() private levels: LevelId[] = [];
  @state() private matchByName: Partial<Record<LevelId, boolean>> = {};
  /** The join of the first chosen measure at each chosen level. */
  @state() private reports: Partial<Record<LevelId, JoinReportView>> = {};
  @state() private derive: DeriveChoices = { aggregate: false, useOverlay: false, aggregation: 'rate' };
  /** The first chosen level, when its values can be estimated for the level shown by an overlay. */
  @state() private overlaySource: OverlaySource | null = null;
  private ticket = 0;

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('view') && this.view) {
      const first = previewChoices(this.view, this.levelId, this.kept, this.edits);
      this.measures = first.measures;
      this.choices = first.choices;
      this.levels = first.levels;
      this.matchByName = first.matchByName;
      this.derive = { aggregate: false, useOverlay: false, aggregation: first.aggregation };
      this.overlaySource = null;
      this.reports = {};
      void this.refresh();
    }
  }

  override updated(changed: PropertyValues<this>): void {
    const relevant = ['view', 'measures', 'choices', 'levels', 'matchByName', 'reports', 'derive', 'overlaySource'] as const;
    if (relevant.some((k) => changed.has(k as keyof KlyftImportPreview))) this.emitSelection();
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
    return this.view?.measures.find((m) => measureKey(m.id) === key)?.id ?? null;
  }

  private label(level: LevelId): string {
    const meta = this.catalogue ? findLevel(this.catalogue, level) : undefined;
    return meta ? levelLabel(meta, this.lang) : level === this.levelId ? this.levelName : level;
  }

  /** Changes the chosen levels, measures or matching, and joins again. */
  private choose(patch: { levels?: LevelId[]; measures?: string[]; matchByName?: Partial<Record<LevelId, boolean>> }): void {
    if (patch.levels) this.levels = patch.levels;
    if (patch.measures) this.measures = patch.measures;
    if (patch.matchByName) this.matchByName = patch.matchByName;
    void this.refresh();
  }

  private emitSelection(): void {
    const primary = this.levels[0];
    const useOverlay = this.derive.useOverlay && this.overlaySource !== null && this.overlay !== null;
    const selection: ImportSelection = {
      measures: this.measures.flatMap((key) => {
        const c = this.choices[key];
        return c ? [{ measure: this.measureId(key), choices: { ...c, name: c.name.trim() } }] : [];
      }),
      levels: this.levels.map((level) => ({ level, matchByName: this.matchByName[level] ?? false })),
      shown: useOverlay ? this.levelId : (primary ?? null),
      aggregate: this.derive.aggregate && !useOverlay && primary && (COARSER_LEVELS[primary] ?? []).length > 0 ? this.derive.aggregation : null,
      overlay: useOverlay ? this.derive.aggregation : null,
    };
    const report = primary ? this.reports[primary] : undefined;
    const named = selection.measures.length > 0 && selection.measures.every((m) => m.choices.name !== '');
    const detail = { selection, canApply: named && (report?.values.years.length ?? 0) > 0, canDownload: report !== undefined };
    this.dispatchEvent(new CustomEvent<ImportSelectionDetail>('klyft-import-selection', { detail, bubbles: true, composed: true }));
  }

  override render() {
    const view = this.view;
    if (!view) return nothing;
    const t = strings(this.lang).import;
    const first = view.measures.find((m) => measureKey(m.id) === this.measures[0]) ?? view.measures[0];
    const labels: Record<string, string> = Object.fromEntries(
      view.divisions.map((d) => [d.id, d.level ? this.label(d.level) : t.vocabularies[d.id as VocabularyId]]),
    );
    const primary = this.levels[0];
    const catalogue = this.catalogue;
    const coarser =
      primary && !this.kept && catalogue
        ? (COARSER_LEVELS[primary] ?? []).flatMap(({ level }) => (findLevel(catalogue, level)?.inChooser ? [this.label(level)] : []))
        : [];
    const source = this.overlaySource;
    const basis = source && primary ? this.reports[primary] : undefined;
    const offer =
      source && basis
        ? { source: source.label, level: this.levelName, matched: basis.matchedRows, total: basis.totalRows, populationWeighted: source.populationWeighted }
        : null;
    return html`<klyft-import-summary .lang=${this.lang} .view=${view} .measure=${first ?? null}></klyft-import-summary>
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
      ${view.columns ? html`<klyft-import-columns .lang=${this.lang} .columns=${view.columns} .labels=${labels}></klyft-import-columns>` : nothing}
      <klyft-import-measures
        .lang=${this.lang}
        .measures=${view.measures}
        .selected=${this.measures}
        .choices=${this.choices}
        .fixed=${this.kept !== null}
        @klyft-import-measures=${(e: CustomEvent<ImportMeasuresDetail>) => this.choose({ measures: e.detail.selected })}
        @klyft-import-choice=${(e: CustomEvent<ImportChoiceDetail>) => {
          const c = this.choices[e.detail.key];
          if (c) this.choices = { ...this.choices, [e.detail.key]: { ...c, ...e.detail.patch } };
        }}
      ></klyft-import-measures>
      <klyft-import-derive
        .lang=${this.lang}
        .coarser=${coarser}
        .populationWeighted=${Boolean(primary && catalogue && populationIndicatorFor(catalogue, primary))}
        .overlay=${offer}
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
      ${
        view.warnings.length > 0
          ? html`<section aria-labelledby="warnings"><h3 id="warnings">${t.warnings}</h3><ul>${view.warnings.map((w) => html`<li>${w[this.lang]}</li>`)}</ul></section>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'klyft-import-preview': KlyftImportPreview;
  }
}
