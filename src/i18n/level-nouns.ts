/**
 * The levels' plural nouns for the gap sentences ("kommunerna", "primärområdena"). Apart from
 * sentences.ts so they load with the statistics, not with the first view.
 */
import type { LevelId, ShippedLevelId } from '../data/types';
import type { LevelNoun } from '../stats/summary';

/** Plural nouns of each level, for sentences ("kommunerna", "primärområdena"). */
export const LEVEL_NOUNS: Record<ShippedLevelId, LevelNoun> = {
  kommun: { sv: 'kommuner', svDefinite: 'kommunerna', en: 'municipalities' },
  'gbg-stadsomrade': { sv: 'stadsområden', svDefinite: 'stadsområdena', en: 'city areas' },
  'gbg-mellanomrade': { sv: 'mellanområden', svDefinite: 'mellanområdena', en: 'districts' },
  'gbg-primaromrade': { sv: 'primärområden', svDefinite: 'primärområdena', en: 'neighbourhoods' },
  'gbg-basomrade': { sv: 'basområden', svDefinite: 'basområdena', en: 'base areas' },
  'gbg-deso': { sv: 'DeSO-områden', svDefinite: 'DeSO-områdena', en: 'DeSO areas' },
  'gbg-regso': { sv: 'RegSO-områden', svDefinite: 'RegSO-områdena', en: 'RegSO areas' },
  'boras-deso': { sv: 'DeSO-områden', svDefinite: 'DeSO-områdena', en: 'DeSO areas' },
};

/** A user's own division has no plural noun of its own: its areas are "områden". */
const USER_LEVEL_NOUN: LevelNoun = { sv: 'områden', svDefinite: 'områdena', en: 'areas' };

/** The plural nouns of a level, shipped or the user's own. */
export function levelNouns(level: LevelId): LevelNoun {
  return (LEVEL_NOUNS as Partial<Record<LevelId, LevelNoun>>)[level] ?? USER_LEVEL_NOUN;
}
