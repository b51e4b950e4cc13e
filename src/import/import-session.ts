/**
 * One import, as the worker runs it: reads the file, recognises its columns and the divisions its
 * areas belong to, and keeps the rows, so that joins, reports and the datasets are made where the
 * rows are. Pure apart from the injected loader of the catalogue of codes; runs in Node tests too.
 */
import type { Lang } from '../format/number';
import { describeTable, measureDefaults } from './choices';
import { divisionsOf, type CodeCatalogue, type Division } from './code-catalogue';
import type { ColumnProfile, ColumnRoles, CsvGrid } from './csv-columns';
import { csvTable } from './csv-table';
import { detectDivisions, indexDivisions, type IndexedDivision } from './detect-division';
import { parseFile } from './detect';
import { times100 } from './fractions';
import { buildJoinReport, inMeasure, joinReportCsv, reportView, type JoinReportView } from './join-report';
import type {
  BuildRequest,
  BuiltMeasure,
  CallKind,
  CsvColumnsView,
  ImportStage,
  OpenResult,
  ReportRequest,
  SessionCalls,
  SessionContext,
  TableView,
  WorkerRequest,
} from './import-protocol';
import { runOverlay } from './overlay-estimate';
import { packTable, unpackTable, type PackedTable } from './packed-table';
import { progressSteps } from './progress';
import type { ImportChoices, ImportedTable } from './types';

/** Reports progress of a session's step. */
export type SessionProgress = (stage: ImportStage, fraction: number) => void;

/** The kept parts of a CSV table, so its columns can be chosen again. */
interface CsvParts {
  grid: CsvGrid;
  profiles: ColumnProfile[];
  roles: ColumnRoles;
}

export class ImportSession {
  private table: ImportedTable | null = null;
  private csv: CsvParts | null = null;
  private divisions: IndexedDivision[] = [];
  private catalogueMissing = false;

  /** `loadCodes` fetches the catalogue of codes (the worker: fetch; tests: a constructed catalogue). */
  constructor(private readonly loadCodes: (url: string) => Promise<CodeCatalogue>) {}

  /** Reads a file: loads the divisions, parses (recognising CSV columns by their values) and detects the division. */
  async open(fileName: string, bytes: Uint8Array, context: SessionContext, progress: SessionProgress = () => {}): Promise<OpenResult> {
    progress('detecting', 0.32);
    await this.loadDivisions(context);
    progress('parsing', 0.35);
    const onRow = progressSteps((f) => progress('parsing', f), 0.35, 0.85);
    const result = parseFile(fileName, bytes, onRow, this.divisions, (grid, profiles, roles) => (this.csv = { grid, profiles, roles }));
    if (result.kind !== 'table') return result;
    if (result.format !== 'csv-long' && result.format !== 'csv-wide') this.csv = null;
    return this.accept(result, progress);
  }

  /** Opens a table kept from an earlier import ("Match again"). */
  async openTable(table: ImportedTable | PackedTable, context: SessionContext, progress: SessionProgress = () => {}): Promise<OpenResult> {
    progress('detecting', 0.3);
    await this.loadDivisions(context);
    this.csv = null;
    return this.accept(unpackTable(table), progress);
  }

  /** Reads the CSV table again with the columns the user chose. */
  setColumns(roles: ColumnRoles, progress: SessionProgress = () => {}): OpenResult {
    const csv = this.csv;
    if (!csv || !this.table) throw new Error('no CSV table in this session');
    const onRow = progressSteps((f) => progress('parsing', f), 0.1, 0.8);
    const result = csvTable(csv.grid, roles, csv.profiles, this.table.fileName, onRow);
    if (result.kind !== 'table') return result;
    csv.roles = roles;
    return this.accept(result, progress);
  }

  /** Joins one measure to one level, for the preview (null when the level is not among the divisions). */
  report(request: ReportRequest): JoinReportView | null {
    const report = this.join(request);
    return report ? reportView(report) : null;
  }

  /** The downloadable CSV of one join. */
  reportCsv(request: ReportRequest, lang: Lang): string {
    const report = this.join(request);
    return report ? joinReportCsv(report, lang) : '';
  }

  /** Builds each chosen measure's dataset: its rows alone and its join at each chosen level. */
  build(request: BuildRequest, progress: SessionProgress = () => {}): BuiltMeasure[] {
    const table = this.requireTable();
    const steps = request.measures.length * request.levels.length;
    let done = 0;
    return request.measures.map(({ measure, choices }) => {
      const meta = table.measures.filter((m) => m.id === measure);
      const own = packTable({ ...table, measures: meta, rows: table.rows.filter((r) => inMeasure(r, measure)) });
      const joins = request.levels.flatMap(({ level, matchByName }) => {
        progress('joining', 0.1 + (0.85 * done++) / Math.max(1, steps));
        const report = this.join({ measure, level, matchByName });
        return report ? [{ level, matchByName, report: scaled(reportView(report), choices) }] : [];
      });
      return { choices, table: own, joins };
    });
  }

  private join({ measure, level, matchByName }: ReportRequest) {
    const table = this.requireTable();
    const division = this.divisions.find((d) => d.level === level);
    return division ? buildJoinReport(table, measure, division.index, { matchByName }) : null;
  }

  private requireTable(): ImportedTable {
    if (!this.table) throw new Error('no table in this session');
    return this.table;
  }

  /** Loads the catalogue of codes once per session; without it, the level shown and the user's own divisions are tried. */
  private async loadDivisions(context: SessionContext): Promise<void> {
    if (this.divisions.length > 0) return;
    let divisions: Division[];
    try {
      divisions = divisionsOf(await this.loadCodes(context.codesUrl), context.own);
      this.catalogueMissing = false;
    } catch {
      divisions = context.own.map((d) => ({ id: d.level, level: d.level, geometry: { codes: d.codes, names: d.names } }));
      this.catalogueMissing = true;
    }
    if (context.currentGeometry && !divisions.some((d) => d.level === context.current)) {
      divisions.unshift({ id: context.current, level: context.current, geometry: context.currentGeometry });
    }
    this.divisions = indexDivisions(divisions);
  }

  private accept(table: ImportedTable, progress: SessionProgress): OpenResult {
    this.table = table;
    progress('detecting', 0.9);
    const first = table.measures[0]?.id ?? null;
    const view: TableView = {
      fileName: table.fileName,
      format: table.format,
      ...(table.title ? { title: table.title } : {}),
      warnings: table.warnings,
      measures: (table.measures.length > 0 ? table.measures : [{ id: null, label: table.fileName }]).map(
        (m: { id: string | null; label: string; unit?: string }) => {
          const { defaults, fractions } = measureDefaults(table, m.id);
          return {
            id: m.id,
            label: m.label,
            ...(m.unit ? { unit: m.unit } : {}),
            defaults,
            ...(fractions ? { fractions } : {}),
            ...describeTable(table, m.id),
          };
        },
      ),
      columns: this.columnsView(),
      divisions: detectDivisions(table, first, this.divisions),
      catalogueMissing: this.catalogueMissing,
    };
    progress('detecting', 1);
    return { kind: 'table', view };
  }

  private columnsView(): CsvColumnsView | null {
    const csv = this.csv;
    return csv ? { header: csv.grid.header, roles: csv.roles, profiles: csv.profiles, yearsInHeaders: this.table?.format === 'csv-wide' } : null;
  }
}

/** A join's values as the user chose to show them: shares written as fractions multiplied by 100 (the kept table stays as written). */
function scaled(report: JoinReportView, choices: ImportChoices): JoinReportView {
  if (!choices.times100) return report;
  const values = report.values.values.map((row) => row.map((v) => (v === null ? null : times100(v))));
  return { ...report, values: { ...report.values, values } };
}

/** Runs one request of the protocol on a session: the worker's dispatch, and the page's where workers are missing. */
export async function runCall(session: ImportSession, request: WorkerRequest, progress: SessionProgress): Promise<SessionCalls[CallKind]['result']> {
  switch (request.kind) {
    case 'open':
      return session.open(request.fileName, request.bytes, request.context, progress);
    case 'open-table':
      return session.openTable(request.table, request.context, progress);
    case 'columns':
      return session.setColumns(request.roles, progress);
    case 'report':
      return session.report(request.request);
    case 'report-csv':
      return session.reportCsv(request.request, request.lang);
    case 'build':
      return session.build(request.request, progress);
    case 'overlay':
      return runOverlay(request.input, (fraction) => progress('estimating', fraction));
  }
}
