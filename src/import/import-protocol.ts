/**
 * What the page and the import worker say to each other: the requests of one import session
 * (open a file, change the columns, join, build the datasets, estimate by overlay), their results,
 * and progress. Types only, shared by import-client.ts (page) and import-worker.ts (worker).
 */
import type { IndicatorValues, LevelId, Localized } from '../data/types';
import type { Lang } from '../format/number';
import type { OverlayWeight } from './aggregate-import';
import type { UserDivision } from './code-catalogue';
import type { ColumnProfile, ColumnRoles } from './csv-columns';
import type { DivisionMatch } from './detect-division';
import type { JoinGeometry } from './division-index';
import type { JoinReportView } from './join-report';
import type { OverlayInput } from './overlay-input';
import type { PackedTable } from './packed-table';
import type { ImportChoices, ImportedBoundaries, ImportedTable, ImportError, ImportFormat } from './types';

/** Stages of an import, for a progress bar. */
export type ImportStage = 'reading' | 'parsing' | 'detecting' | 'joining' | 'estimating';

/** Progress of one stage: the fraction (0…1) of the whole task done. */
export type ProgressCallback = (stage: ImportStage, fraction: number) => void;

/** What the page tells the worker about the app's divisions when a session opens. */
export interface SessionContext {
  /** Absolute URL of the catalogue of codes (data/codes.json). */
  codesUrl: string;
  /** The user's own divisions. */
  own: UserDivision[];
  /** The level shown. */
  current: LevelId;
  /** Its codes and names as drawn: tried when the catalogue of codes cannot be loaded or does not list it. */
  currentGeometry: JoinGeometry | null;
}

/** One measure of the table as the preview shows it, with the choices it suggests. */
export interface MeasureSummary {
  /** The measure's id, or null for a table of one unnamed measure. */
  id: string | null;
  label: string;
  /** Unit text from the file, if any. */
  unit?: string;
  defaults: ImportChoices;
  areas: number;
  years: number[];
  rows: number;
}

/** A CSV table's columns: headers, the roles in use, and what each column's values look like. */
export interface CsvColumnsView {
  header: string[];
  roles: ColumnRoles;
  profiles: ColumnProfile[];
  /** Whether the years are in the column headers ("2015", "Folkmängd 2023"): a wide table. */
  yearsInHeaders: boolean;
}

/** A parsed table as the preview shows it (its rows stay in the worker). */
export interface TableView {
  fileName: string;
  format: ImportFormat;
  title?: string;
  warnings: Localized[];
  measures: MeasureSummary[];
  /** For CSV tables: the columns, so the user can correct the key, name and year columns. */
  columns: CsvColumnsView | null;
  /** The divisions the first measure's rows belong to, best first (map levels and divisions without a map). */
  divisions: DivisionMatch[];
  /** True when the catalogue of codes could not be loaded: only the level shown and the user's divisions were tried. */
  catalogueMissing: boolean;
}

/** The outcome of opening a file: a table, a boundary file, or an error. */
export type OpenResult = { kind: 'table'; view: TableView } | ImportedBoundaries | ImportError;

/** One join: a measure against one map level. */
export interface ReportRequest {
  measure: string | null;
  level: LevelId;
  matchByName: boolean;
}

/** What "Show on the map" builds: each chosen measure joined to each chosen level. */
export interface BuildRequest {
  measures: { measure: string | null; choices: ImportChoices }[];
  levels: { level: LevelId; matchByName: boolean }[];
}

/** One measure's dataset: its rows alone, packed (kept to match again later), and its join per level. */
export interface BuiltMeasure {
  choices: ImportChoices;
  table: PackedTable;
  joins: { level: LevelId; matchByName: boolean; report: JoinReportView }[];
}

/** The outcome of an overlay estimate. */
export interface OverlayResult {
  values: IndicatorValues;
  weight: OverlayWeight;
}

/** The requests, by kind, with their payloads and results. */
export interface SessionCalls {
  open: { payload: { fileName: string; bytes: Uint8Array; context: SessionContext }; result: OpenResult };
  'open-table': { payload: { table: ImportedTable | PackedTable; context: SessionContext }; result: OpenResult };
  columns: { payload: { roles: ColumnRoles }; result: OpenResult };
  report: { payload: { request: ReportRequest }; result: JoinReportView | null };
  'report-csv': { payload: { request: ReportRequest; lang: Lang }; result: string };
  build: { payload: { request: BuildRequest }; result: BuiltMeasure[] };
  overlay: { payload: { input: OverlayInput }; result: OverlayResult };
}

export type CallKind = keyof SessionCalls;

/** A request to the worker: its id, kind and payload. */
export type WorkerRequest = { [K in CallKind]: { id: number; kind: K } & SessionCalls[K]['payload'] }[CallKind];

/** What the worker posts: progress of a request, its result, or its failure. */
export type WorkerResponse =
  | { id: number; type: 'progress'; stage: ImportStage; fraction: number }
  | { id: number; type: 'result'; result: SessionCalls[CallKind]['result'] }
  | { id: number; type: 'failure'; reason: string };
