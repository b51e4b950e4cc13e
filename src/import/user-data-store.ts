/**
 * Imported datasets kept in the browser's IndexedDB, so they survive a reload. Nothing leaves
 * the browser. A small promise wrapper over indexedDB (no library). Every write goes through
 * the synchronous write-ahead journal (user-data-journal.ts) first, so a reload that comes
 * before IndexedDB has committed still keeps it.
 */
import type { IndicatorValues, LevelId } from '../data/types';
import type { JoinSummary } from './join-report';
import type { PackedTable } from './packed-table';
import type { ImportChoices, ImportedTable, ImportFormat } from './types';
import { clearWrite, noteInLedger, pendingWrites, recordWrite, type JournalEntry, type JournalStore } from './user-data-journal';
import type { UserLevel } from './user-levels';

/** One level's join of a dataset: the values the map draws and how the join went. */
export interface UserJoin {
  values: IndicatorValues;
  summary: JoinSummary;
  matchByName: boolean;
  /** Set when the values were aggregated from the join at this level (by parent codes, or by an overlay when `estimated` is set). */
  derivedFrom?: LevelId;
  /** Set when the values were estimated by an areal overlay of `derivedFrom`: how the sources were weighted. */
  estimated?: 'population' | 'area';
}

/** An imported dataset as stored. */
export interface UserDataset {
  /** Random id; the indicator id is `user:<id>`. */
  id: string;
  name: string;
  /** ISO timestamp. */
  createdAt: string;
  fileName: string;
  format: ImportFormat;
  /** The level it was first joined at. */
  levelId: LevelId;
  choices: ImportChoices;
  /** The joins, one per level it was matched at ("Matcha igen" adds or replaces one). */
  joins: Partial<Record<LevelId, UserJoin>>;
  /** The parsed table, kept so the dataset can be matched again at another level (packed by column since issue 11). */
  table: ImportedTable | PackedTable;
}

const DB_NAME = 'klyftkartan';
// Version 2 added the user's own divisions (a sibling store); datasets are unchanged.
const DB_VERSION = 2;
const STORE = 'datasets';
const LEVEL_STORE = 'levels';

/** The indicator id of a dataset. */
export function userIndicatorId(id: string): string {
  return `user:${id}`;
}

/** The dataset id of a `user:` indicator id, or null for other ids. */
export function userDatasetId(indicator: string): string | null {
  return indicator.startsWith('user:') ? indicator.slice(5) : null;
}

/** A new random dataset id (short, URL-safe). */
export function newDatasetId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return Array.from(bytes, (b) => b.toString(36).padStart(2, '0'))
    .join('')
    .slice(0, 10);
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  if (!opening) {
    opening = new Promise<IDBDatabase>((resolve, reject) => {
      if (typeof indexedDB === 'undefined') {
        reject(new Error('IndexedDB is not available'));
        return;
      }
      const req = indexedDB.open(DB_NAME, DB_VERSION);
      req.onupgradeneeded = () => {
        for (const name of [STORE, LEVEL_STORE]) {
          if (!req.result.objectStoreNames.contains(name)) req.result.createObjectStore(name, { keyPath: 'id' });
        }
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
      req.onblocked = () => reject(new Error('IndexedDB is blocked'));
    });
    // A failed open (private mode, quota) may work later: do not keep the failure.
    opening.catch(() => (opening = null));
  }
  return opening;
}

async function withStore<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>, name: string = STORE): Promise<T> {
  const db = await open();
  const tx = db.transaction(name, mode);
  const done = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new DOMException('The transaction was aborted', 'AbortError'));
  });
  const req = run(tx.objectStore(name));
  // One request per transaction: commit now rather than when the event loop comes round, which
  // narrows the window in which closing the page drops the write.
  if (mode === 'readwrite') tx.commit?.();
  const [result] = await Promise.all([request(req), done]);
  return result;
}

/** Why storing failed, sorted for the message: no storage here, storage full, or something else. */
export interface StorageProblem {
  kind: 'unavailable' | 'quota' | 'other';
  /** The browser's own words (English), for the curious. */
  detail: string;
}

/** Classifies an IndexedDB failure. */
export function storageProblem(error: unknown): StorageProblem {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  const detail = error instanceof Error || error instanceof DOMException ? error.message || error.name : String(error);
  if (name === 'QuotaExceededError' || /quota/i.test(detail)) return { kind: 'quota', detail };
  if (name === 'InvalidStateError' || name === 'SecurityError' || name === 'UnknownError' || /not available|blocked|indexeddb/i.test(detail)) {
    return { kind: 'unavailable', detail };
  }
  return { kind: 'other', detail };
}

/** A write under way: whether a reload would already keep it (journaled), and when IndexedDB has it. */
export interface PendingWrite {
  journaled: boolean;
  /** Resolves once IndexedDB has committed the write; rejects with the browser's error. */
  done: Promise<void>;
}

/** The write's outcome without rejecting: null once IndexedDB has it, else the browser's error. */
export function settled(write: PendingWrite): Promise<unknown> {
  return write.done.then(
    () => null,
    (error: unknown) => error ?? new Error('unknown'),
  );
}

const STORE_OF: Record<JournalStore, string> = { datasets: STORE, levels: LEVEL_STORE };

/** Writes not in the journal (too large for it) and not yet in IndexedDB, by journal key. */
const unjournaled = new Map<string, { store: JournalStore; id: string; record: unknown | null; minChars: number }>();

/**
 * A reload while a write that is not journaled is still going would lose it: on `pagehide` try the
 * journal once more (space may have been freed since), and while one is pending let
 * `beforeunload` ask the browser to confirm leaving.
 */
function handlePageHide(): void {
  for (const [key, w] of unjournaled) if (recordWrite(w.store, w.id, w.record, w.minChars) !== null) unjournaled.delete(key);
}

function handleBeforeUnload(event: BeforeUnloadEvent): void {
  if (unjournaled.size === 0) return;
  event.preventDefault();
  event.returnValue = '';
}

function trackUnjournaled(key: string, write: { store: JournalStore; id: string; record: unknown | null; minChars: number }, done: Promise<void>): void {
  if (typeof window === 'undefined') return;
  if (unjournaled.size === 0) {
    window.addEventListener('pagehide', handlePageHide);
    window.addEventListener('beforeunload', handleBeforeUnload);
  }
  unjournaled.set(key, write);
  const untrack = (): void => {
    unjournaled.delete(key);
    if (unjournaled.size > 0) return;
    window.removeEventListener('pagehide', handlePageHide);
    window.removeEventListener('beforeunload', handleBeforeUnload);
  };
  done.then(untrack, untrack);
}

/** One put, or a delete when `record` is null. */
function applyWrite(store: IDBObjectStore, id: string, record: unknown | null): IDBRequest {
  return record === null ? store.delete(id) : store.put(record);
}

/** Journals a write (put, or removal when `record` is null), then applies it to IndexedDB. `minChars`: see recordWrite. */
function write(store: JournalStore, id: string, name: string, record: unknown | null, minChars = 0): PendingWrite {
  const seq = recordWrite(store, id, record, minChars);
  noteInLedger(id, { name, state: record === null ? 'removed' : 'saving' });
  const done = withStore('readwrite', (s) => applyWrite(s, id, record), STORE_OF[store]).then(
    () => {
      if (seq !== null) clearWrite(store, id, seq);
      if (record !== null) noteInLedger(id, { name, state: 'saved' });
    },
    (error: unknown) => {
      // A journaled record still survives a reload (and is replayed): only an unjournaled one is lost.
      if (record !== null && seq === null) noteInLedger(id, { name, state: 'failed', cause: storageProblem(error) });
      throw error;
    },
  );
  if (seq === null) trackUnjournaled(`${store}:${id}`, { store, id, record, minChars }, done);
  return { journaled: seq !== null, done };
}

// Every stored table row serialises to at least this many characters ({"code":…,"year":…}); a row
// of a table packed by column (packed-table.ts, issue 11) to at least its five indices and a status letter.
const MIN_ROW_CHARS = 40;
const MIN_PACKED_ROW_CHARS = 11;

/** Stores (adds or replaces) a dataset: journaled at once when it fits, in IndexedDB when `done` resolves. */
export function saveDataset(dataset: UserDataset): PendingWrite {
  const t = dataset.table;
  return write('datasets', dataset.id, dataset.name, dataset, t.kind === 'packed-table' ? t.code.length * MIN_PACKED_ROW_CHARS : t.rows.length * MIN_ROW_CHARS);
}

/** Stores (adds or replaces) a user level: journaled at once, in IndexedDB when `done` resolves. */
export function saveUserLevel(level: UserLevel): PendingWrite {
  return write('levels', level.id, level.meta.name.sv, level);
}

/** What a start found: the stored data (journal replayed), and what went wrong reading it. */
export interface RestoredUserData {
  datasets: UserDataset[];
  levels: UserLevel[];
  /** Set when IndexedDB could not be read or written; journaled data are still included. */
  problem: StorageProblem | null;
}

/** Applies journaled writes to a list (those IndexedDB did not take), newest record wins. */
function withJournal<T extends { id: string; createdAt: string }>(list: T[], entries: readonly JournalEntry[]): T[] {
  const byId = new Map(list.map((x) => [x.id, x]));
  for (const e of entries) {
    if (e.record === null) byId.delete(e.id);
    else byId.set(e.id, e.record as T);
  }
  return [...byId.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/**
 * Reads the stored datasets and levels at start: first replays the journal into IndexedDB, then
 * lists both stores. Never rejects: when IndexedDB fails, what the journal holds is still returned
 * and `problem` says why the rest could not be read.
 */
export async function restoreUserData(): Promise<RestoredUserData> {
  const entries = pendingWrites();
  const left: JournalEntry[] = [];
  let problem: StorageProblem | null = null;
  for (const e of entries) {
    try {
      await withStore('readwrite', (s) => applyWrite(s, e.id, e.record), STORE_OF[e.store]);
      clearWrite(e.store, e.id, e.seq);
    } catch (error) {
      problem ??= storageProblem(error);
      left.push(e);
    }
  }
  let datasets: UserDataset[] = [];
  let levels: UserLevel[] = [];
  try {
    [datasets, levels] = await Promise.all([listDatasets(), listUserLevels()]);
  } catch (error) {
    problem ??= storageProblem(error);
  }
  return {
    datasets: withJournal(
      datasets,
      left.filter((e) => e.store === 'datasets'),
    ),
    levels: withJournal(
      levels,
      left.filter((e) => e.store === 'levels'),
    ),
    problem,
  };
}

/** All stored datasets, oldest first. */
export async function listDatasets(): Promise<UserDataset[]> {
  const all = await withStore('readonly', (s) => s.getAll() as IDBRequest<UserDataset[]>);
  return all.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** One dataset, or undefined. */
export function getDataset(id: string): Promise<UserDataset | undefined> {
  return withStore('readonly', (s) => s.get(id) as IDBRequest<UserDataset | undefined>);
}

/** Stores (adds or replaces) a dataset (see saveDataset). */
export async function putDataset(dataset: UserDataset): Promise<void> {
  await saveDataset(dataset).done;
}

/**
 * Renames a dataset the app holds: stores the renamed record like an import (see saveDataset),
 * journaled synchronously, so a reload right after renaming keeps the new name. It does not read
 * IndexedDB first: that read would leave a window in which the rename is nowhere.
 */
export function renameDataset(dataset: UserDataset, name: string): { renamed: UserDataset; saving: PendingWrite } {
  const renamed = { ...dataset, name, choices: { ...dataset.choices, name } };
  return { renamed, saving: saveDataset(renamed) };
}

/** Removes a dataset. */
export async function removeDataset(id: string): Promise<void> {
  await write('datasets', id, '', null).done;
}

/** All stored user levels (the user's own divisions), oldest first. */
export async function listUserLevels(): Promise<UserLevel[]> {
  const all = await withStore('readonly', (s) => s.getAll() as IDBRequest<UserLevel[]>, LEVEL_STORE);
  return all.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Stores (adds or replaces) a user level (see saveUserLevel). */
export async function putUserLevel(level: UserLevel): Promise<void> {
  await saveUserLevel(level).done;
}

/** Removes a user level. */
export async function removeUserLevel(id: string): Promise<void> {
  await write('levels', id, '', null).done;
}
