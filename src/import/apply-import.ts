/**
 * "Show on the map": what the worker built (each chosen measure joined to each chosen level) made
 * into datasets — joins carried up to the coarser levels a level nests in, or estimated by overlay
 * for the level shown — and merged with the datasets already stored. Loaded with the import dialog.
 */
import type { Catalogue, LevelId } from '../data/types';
import { findLevel, populationIndicatorFor } from '../state/app-data';
import { aggregateImported, COARSER_LEVELS } from './aggregate-import';
import { estimateInWorker } from './import-client';
import type { BuiltMeasure, ProgressCallback } from './import-protocol';
import { summariseJoin, toIndicatorValues } from './join-report';
import type { OverlayHost } from './overlay-input';
import type { OverlayLoaders } from './overlay-host';
import type { PackedTable } from './packed-table';
import type { ImportChoices } from './types';
import { userIndicatorId, type UserDataset, type UserJoin } from './user-data-store';

/** One measure's dataset before it has an id: its rows, choices and joins by level. */
export interface DatasetDraft {
  table: PackedTable;
  choices: ImportChoices;
  /** The level it was joined at first (the division chosen first). */
  levelId: LevelId;
  joins: Partial<Record<LevelId, UserJoin>>;
}

/** What `klyft-import-apply` carries. */
export interface ImportApplyDetail {
  /** The dataset matched again ("Match again"), or null for new datasets. */
  id: string | null;
  /** One draft per chosen measure. */
  datasets: DatasetDraft[];
  /** The level to show. */
  level: LevelId;
}

/** How the user asked to carry the joins further. */
export interface DeriveOptions {
  /** Aggregate the first chosen level's join to the coarser levels it nests in, as a rate or a count. */
  aggregate: 'rate' | 'count' | null;
  /** Estimate the first chosen level's values for the level shown by an overlay. */
  overlay: { host: OverlayHost; aggregation: 'rate' | 'count' } | null;
}

/** The page-side context: the catalogue and how to load other levels and values. */
export interface DeriveContext extends OverlayLoaders {
  catalogue: Catalogue;
}

/** The join of a report at one level (its values' indicator id is set when the dataset gets its id). */
function userJoin(join: BuiltMeasure['joins'][number]): UserJoin {
  return { values: toIndicatorValues(join.report.values, '', join.level), summary: summariseJoin(join.report), matchByName: join.matchByName };
}

/**
 * A join carried up to the coarser shipped levels the level nests in (by the features' parent
 * codes), each marked as derived. Rates are weighted by the level's population when it has one.
 */
async function coarserJoins(join: UserJoin, level: LevelId, aggregation: 'rate' | 'count', ctx: DeriveContext): Promise<UserDataset['joins']> {
  const meta = findLevel(ctx.catalogue, level);
  const coarser = COARSER_LEVELS[level] ?? [];
  if (!meta || coarser.length === 0) return {};
  const geometry = await ctx.geometryOf(meta);
  const populationFile = aggregation === 'rate' ? populationIndicatorFor(ctx.catalogue, level)?.levels[level]?.file : undefined;
  const population = populationFile ? await ctx.valuesOf(populationFile).catch(() => null) : null;
  const out: UserDataset['joins'] = {};
  for (const { level: target, key } of coarser) {
    const parentOf = new Map<string, string>();
    for (const f of geometry.areas.features) {
      const parent = f.properties.parents[key];
      if (parent !== undefined) parentOf.set(f.properties.code, parent);
    }
    out[target] = { ...join, values: aggregateImported(join.values, parentOf, target, aggregation, population), derivedFrom: level };
  }
  return out;
}

/**
 * The drafts of the built measures: each chosen level's join, and from the first one (`primary`)
 * the aggregates or the overlay estimate the user asked for. Rejects with the reason when an
 * estimate fails or is stopped (`signal`).
 */
export async function draftDatasets(
  built: readonly BuiltMeasure[],
  primary: LevelId,
  options: DeriveOptions,
  ctx: DeriveContext,
  onProgress: ProgressCallback,
  signal?: AbortSignal,
): Promise<DatasetDraft[]> {
  const drafts: DatasetDraft[] = [];
  for (const [i, measure] of built.entries()) {
    const joins: Partial<Record<LevelId, UserJoin>> = {};
    for (const join of measure.joins) joins[join.level] = userJoin(join);
    const first = joins[primary];
    if (first && options.aggregate) Object.assign(joins, await coarserJoins(first, primary, options.aggregate, ctx));
    if (first && options.overlay) {
      const { host, aggregation } = options.overlay;
      const input = await host.input(primary, first.values, aggregation);
      if (!input) throw new Error(primary);
      const share = (f: number) => onProgress('estimating', (i + f) / built.length);
      const outcome = await estimateInWorker(input, (_, f) => share(f), signal);
      if (!outcome.ok) throw new Error(outcome.reason);
      joins[host.target] = { ...first, values: outcome.values, derivedFrom: primary, estimated: outcome.weight };
    }
    drafts.push({ table: measure.table, choices: measure.choices, levelId: primary, joins });
  }
  return drafts;
}

/**
 * The stored datasets after an import: each draft becomes a new dataset (`newId`), or, when matching
 * again, replaces the joins it has of the dataset `detail.id`. Returns all datasets (in order, new
 * ones last) and the ones to store.
 */
export function mergeImported(
  existing: readonly UserDataset[],
  detail: ImportApplyDetail,
  createdAt: string,
  newId: () => string,
): { all: UserDataset[]; stored: UserDataset[] } {
  const stored = detail.datasets.map((draft, i) => {
    const id = (i === 0 ? detail.id : null) ?? newId();
    const indicator = userIndicatorId(id);
    const joins: UserDataset['joins'] = {};
    for (const [level, join] of Object.entries(draft.joins) as [LevelId, UserJoin][]) joins[level] = { ...join, values: { ...join.values, indicator } };
    const previous = existing.find((d) => d.id === id);
    const name = draft.choices.name;
    return previous
      ? { ...previous, name, choices: draft.choices, joins: { ...previous.joins, ...joins } }
      : {
          id,
          name,
          createdAt,
          fileName: draft.table.fileName,
          format: draft.table.format,
          levelId: draft.levelId,
          choices: draft.choices,
          joins,
          table: draft.table,
        };
  });
  const byId = new Map(stored.map((d) => [d.id, d]));
  const all = existing.map((d) => byId.get(d.id) ?? d);
  return { all: [...all, ...stored.filter((d) => !existing.some((e) => e.id === d.id))], stored };
}
