import type { LevelId, ParentKey, ShippedLevelId } from '../data/types';

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
