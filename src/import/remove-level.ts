/**
 * What removing one of the user's own divisions does to the imported datasets. Pure; loaded when a
 * division is removed.
 */
import type { Notice } from '../state/notices';
import type { Catalogue, LevelId } from '../data/types';
import type { Lang } from '../format/number';
import { fill, strings } from '../i18n';
import { findIndicator } from '../state/app-data';
import { nearestYear } from '../state/timeline';
import { DEFAULT_VIEW, type ViewState } from '../state/view-state';
import { putDataset, removeDataset, removeUserLevel, type UserDataset } from './user-data-store';

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

/**
 * Where the view goes when a removal takes its level or indicator away (`catalogue` is the one
 * after the removal): the default level and/or indicator, the year snapped; null when it can stay.
 */
export function viewAfterRemoval(catalogue: Catalogue, view: ViewState, level: LevelId): Partial<ViewState> | null {
  const levelGone = view.level === level;
  const nextLevel = levelGone ? DEFAULT_VIEW.level : view.level;
  const indicatorGone = !findIndicator(catalogue, view.indicator)?.levels[nextLevel];
  if (!levelGone && !indicatorGone) return null;
  const indicator = indicatorGone ? DEFAULT_VIEW.indicator : view.indicator;
  const years = findIndicator(catalogue, indicator)?.levels[nextLevel]?.years ?? [];
  return { level: nextLevel, indicator, area: null, from: null, to: null, year: nearestYear(years, view.year) ?? view.year };
}

/** The notices announcing a removal: the data that went with the division, and that the view changed. */
export function removalNotices(lang: Lang, name: string, removed: readonly UserDataset[], viewChanged: boolean): Notice[] {
  const t = strings(lang).import;
  const datasets = removed.map((d) => `"${d.name}"`).join(', ');
  const notices: Notice[] = datasets ? [{ id: 'level-removed', text: fill(t.levelRemovedData, { name, datasets }), tone: 'info' }] : [];
  if (viewChanged) notices.push({ id: 'level-removed-view', text: t.levelRemovedView, tone: 'warning' });
  return notices;
}

/** Applies a removal to IndexedDB: the division, the datasets that went with it, the changed ones (failures ignored). */
export async function storeRemoval(levelKey: string, removal: LevelRemoval): Promise<void> {
  await Promise.all([removeUserLevel(levelKey), ...removal.removed.map((d) => removeDataset(d.id)), ...removal.changed.map((d) => putDataset(d))]).catch(
    () => undefined,
  );
}
