/**
 * Imported datasets kept in the browser's IndexedDB, so they survive a reload. Nothing leaves
 * the browser. A small promise wrapper over indexedDB (no library).
 */
import type { IndicatorValues, LevelId } from '../data/types';
import type { JoinSummary } from './join-report';
import type { PackedTable } from './packed-table';
import type { ImportChoices, ImportedTable, ImportFormat } from './types';
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
  return Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('').slice(0, 10);
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
    tx.onabort = () => reject(tx.error);
  });
  const [result] = await Promise.all([request(run(tx.objectStore(name))), done]);
  return result;
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

/** Stores (adds or replaces) a dataset. */
export async function putDataset(dataset: UserDataset): Promise<void> {
  await withStore('readwrite', (s) => s.put(dataset));
}

/** Renames a dataset; returns the updated record, or undefined when it does not exist. */
export async function renameDataset(id: string, name: string): Promise<UserDataset | undefined> {
  const dataset = await getDataset(id);
  if (!dataset) return undefined;
  const renamed = { ...dataset, name, choices: { ...dataset.choices, name } };
  await putDataset(renamed);
  return renamed;
}

/** Removes a dataset. */
export async function removeDataset(id: string): Promise<void> {
  await withStore('readwrite', (s) => s.delete(id));
}

/** All stored user levels (the user's own divisions), oldest first. */
export async function listUserLevels(): Promise<UserLevel[]> {
  const all = await withStore('readonly', (s) => s.getAll() as IDBRequest<UserLevel[]>, LEVEL_STORE);
  return all.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Stores (adds or replaces) a user level. */
export async function putUserLevel(level: UserLevel): Promise<void> {
  await withStore('readwrite', (s) => s.put(level), LEVEL_STORE);
}

/** Removes a user level. */
export async function removeUserLevel(id: string): Promise<void> {
  await withStore('readwrite', (s) => s.delete(id), LEVEL_STORE);
}
