/**
 * The levels' plural nouns for the gap sentences ("kommunerna", "primärområdena"). Apart from
 * sentences.ts so they load with the statistics, not with the first view.
 */
import type { LevelId, ShippedLevelId } from '../data/types';
import type { GapWords, LevelNoun } from '../state/gap-words';
import { convergenceSentence, gapSummary } from './trend-sentences';

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

const wordsByLevel = new Map<LevelId, GapWords>();

/** The words of a level's gap views (one object per level, so memoised views keep their results). */
export function gapWords(level: LevelId): GapWords {
  let words = wordsByLevel.get(level);
  if (!words) {
    words = { noun: levelNouns(level), summary: gapSummary, convergence: convergenceSentence };
    wordsByLevel.set(level, words);
  }
  return words;
}
