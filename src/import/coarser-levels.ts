import type { LevelId, LevelMeta, ParentKey, ShippedLevelId } from '../data/types';

/** The coarser map levels each level nests in, and the parent key naming them on its features. */
export const COARSER_LEVELS: Partial<Record<LevelId, readonly { level: ShippedLevelId; key: ParentKey }[]>> = {
  'gbg-basomrade': [
    { level: 'gbg-primaromrade', key: 'primaromrade' },
    { level: 'gbg-mellanomrade', key: 'mellanomrade' },
    { level: 'gbg-stadsomrade', key: 'stadsomrade' },
  ],
  'gbg-primaromrade': [
    { level: 'gbg-mellanomrade', key: 'mellanomrade' },
    { level: 'gbg-stadsomrade', key: 'stadsomrade' },
  ],
  'gbg-mellanomrade': [{ level: 'gbg-stadsomrade', key: 'stadsomrade' }],
  'gbg-deso': [{ level: 'gbg-regso', key: 'regso' }],
};

/** Shipped levels whose values can be estimated for a shipped level by an areal overlay (they do not nest in it). */
const OVERLAY_SOURCES: Partial<Record<LevelId, readonly ShippedLevelId[]>> = {
  'gbg-primaromrade': ['gbg-deso', 'gbg-regso'],
  'gbg-mellanomrade': ['gbg-deso', 'gbg-regso'],
  'gbg-stadsomrade': ['gbg-deso', 'gbg-regso'],
};

const boxesOverlap = (a: LevelMeta['bbox'], b: LevelMeta['bbox']): boolean => !(b[0] > a[2] || b[2] < a[0] || b[1] > a[3] || b[3] < a[1]);

/**
 * Levels whose imported values can be estimated for `target` by an areal overlay: DeSO and RegSO
 * for Göteborg's own divisions; for a division of the user's own, every shipped level below the
 * kommun that it overlaps; and the user's other divisions that overlap the target.
 */
export function overlaySources(levels: readonly LevelMeta[], target: LevelId): LevelId[] {
  const meta = levels.find((l) => l.id === target);
  if (!meta) return [];
  const isUser = (id: LevelId) => id.startsWith('user-level:');
  const overlapping = levels.filter((l) => l.id !== target && l.id !== 'kommun' && boxesOverlap(l.bbox, meta.bbox));
  const shipped = isUser(target) ? overlapping.filter((l) => !isUser(l.id)).map((l) => l.id) : [...(OVERLAY_SOURCES[target] ?? [])];
  return [...shipped, ...overlapping.filter((l) => isUser(l.id)).map((l) => l.id)];
}
