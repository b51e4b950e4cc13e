/**
 * What the app tells the user about storing their data: a save that failed (and whether the data
 * survive a reload), stored data that could not be read, and why a link's imported data are
 * missing, from the ledger of what happened to them here rather than a guess.
 */
import type { Lang } from '../format/number';
import { fill, strings } from '../i18n';
import { readLedger } from './user-data-journal';
import { storageProblem, type StorageProblem } from './user-data-store';

/** A notice as the app's notice list takes it. */
export interface UserDataNotice {
  id: string;
  text: string;
  tone: 'info' | 'warning';
}

/** The cause of a storage failure in words. */
export function storageCause(lang: Lang, problem: StorageProblem): string {
  return fill(strings(lang).userData.causes[problem.kind], { detail: problem.detail });
}

/** A save that failed: whether the data still survive a reload (journaled) or are gone with the page. */
export function saveFailedNotice(lang: Lang, name: string, error: unknown, journaled: boolean): UserDataNotice {
  const t = strings(lang).userData;
  const text = fill(journaled ? t.saveFailedKept : t.saveFailedLost, { name, cause: storageCause(lang, storageProblem(error)) });
  return { id: 'store-failed', text, tone: 'warning' };
}

/** The stored data could not be read at start. */
export function readFailedNotice(lang: Lang, problem: StorageProblem): UserDataNotice {
  return { id: 'store-read-failed', text: fill(strings(lang).userData.readFailed, { cause: storageCause(lang, problem) }), tone: 'warning' };
}

/**
 * Why a link's dataset or division is not here, and that the view fell back to the default. `id` is
 * the stored id (without `user:`); `readProblem` is set when the stored data could not be read.
 */
export function missingUserDataNotice(lang: Lang, kind: 'dataset' | 'level', id: string, readProblem: StorageProblem | null): UserDataNotice {
  const s = strings(lang);
  const t = s.userData;
  const ledger = readLedger();
  const entry = ledger?.[id];
  const what = entry ? fill(t.what[kind], { name: entry.name }) : '';
  // What happened here says most; an unreadable store explains only data that had been saved.
  let why: string;
  if (entry?.state === 'removed') why = fill(t.missingRemoved, { what });
  else if (entry?.state === 'failed') why = fill(t.missingFailed, { what, cause: storageCause(lang, entry.cause ?? { kind: 'other', detail: '?' }) });
  else if (entry?.state === 'saving') why = fill(t.missingUnsaved, { what });
  else if (readProblem) why = fill(t.missingUnreadable, { cause: storageCause(lang, readProblem) });
  else if (entry) why = fill(t.missingCleared, { what });
  // Not noted here: imported elsewhere, unless this browser keeps no ledger at all.
  else why = ledger === null ? t.missingUnknown : kind === 'dataset' ? s.import.missingDataset : s.import.missingLevel;
  return { id: kind === 'dataset' ? 'url-user-missing' : 'url-user-level-missing', text: `${why} ${t.fallback}`, tone: 'warning' };
}
