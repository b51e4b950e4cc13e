/**
 * What removing one of the user's own divisions does to the imported datasets. Pure; loaded when a
 * division is removed.
 */
import type { LevelId } from '../data/types';
import type { UserDataset } from './user-data-store';

/** The datasets after a division is removed, and which of them were removed or changed. */
export interface LevelRemoval {
  /** The datasets that remain (changed ones in their new form), in the original order. */
  datasets: UserDataset[];
  /** Datasets first joined to the division: they go with it. */
  removed: UserDataset[];
  /** Datasets that keep other joins but lose their join to the division or values computed from it. */
  changed: UserDataset[];
}

/** Whether a dataset goes with the division: it was first joined to it (so its table's codes are the division's). */
export function goesWithLevel(dataset: Pick<UserDataset, 'levelId'>, level: LevelId): boolean {
  return dataset.levelId === level;
}

/**
 * Removes a division from the datasets: those first joined to it are removed; the others lose their
 * join to it (matched again there, or estimated for it) and any values computed from it (aggregated
 * or estimated from it for other levels). A dataset left without joins is removed too.
 */
export function withoutLevel(datasets: readonly UserDataset[], level: LevelId): LevelRemoval {
  const out: LevelRemoval = { datasets: [], removed: [], changed: [] };
  for (const d of datasets) {
    const entries = Object.entries(d.joins) as [LevelId, NonNullable<UserDataset['joins'][LevelId]>][];
    const kept = entries.filter(([at, join]) => at !== level && join.derivedFrom !== level);
    if (goesWithLevel(d, level) || kept.length === 0) out.removed.push(d);
    else if (kept.length < entries.length) {
      const changed = { ...d, joins: Object.fromEntries(kept) };
      out.changed.push(changed);
      out.datasets.push(changed);
    } else out.datasets.push(d);
  }
  return out;
}
