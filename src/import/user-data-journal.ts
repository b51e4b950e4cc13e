/**
 * A synchronous write-ahead record of the user's stored data, in localStorage. IndexedDB writes
 * are asynchronous: a reload right after "Visa på kartan" could end the page before the write
 * committed, and the dataset the map had shown was gone. Every write is first recorded here
 * (synchronously, when it fits in localStorage's few megabytes), cleared once IndexedDB has it,
 * and replayed into IndexedDB by the next start.
 *
 * A small ledger remembers what was saved, failed or removed here, by id and name, so a link to a
 * missing dataset can be explained ("was not saved", "was removed") instead of guessed at.
 */

/** The IndexedDB object stores the journal covers. */
export type JournalStore = 'datasets' | 'levels';

/** One pending write: a record to put, or `null` for a removal. */
export interface JournalEntry {
  store: JournalStore;
  id: string;
  /** Tells this write from a later one of the same id (only the write that is still recorded clears it). */
  seq: string;
  record: unknown | null;
}

/** What the ledger knows about an id: saved, still being saved, failed to save, or removed. */
export interface LedgerEntry {
  name: string;
  state: 'saving' | 'saved' | 'failed' | 'removed';
  /** Why the save failed (state 'failed'), as sorted by user-data-store's storageProblem. */
  cause?: { kind: 'unavailable' | 'quota' | 'other'; detail: string };
}

/** The part of the Web Storage API the journal uses (localStorage, or a stand-in in tests). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

const PREFIX = 'klyftkartan:journal:';
const LEDGER = 'klyftkartan:ledger';
// The ledger keeps the most recent ids only: it explains old links, it is not an archive.
const LEDGER_LIMIT = 200;
// localStorage holds ~5 million characters per origin in Chromium and Firefox: one entry may take
// 2 million, which leaves room for another and for the ledger. Larger records go to IndexedDB only.
const MAX_ENTRY_CHARS = 2_000_000;

let storageOverride: KeyValueStorage | null | undefined;

/** Uses another storage (tests), or `undefined` to go back to localStorage. */
export function useJournalStorage(storage: KeyValueStorage | null | undefined): void {
  storageOverride = storage;
}

/** localStorage, or null where it is missing or refused (some privacy modes throw on access). */
function storage(): KeyValueStorage | null {
  if (storageOverride !== undefined) return storageOverride;
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function key(store: JournalStore, id: string): string {
  return `${PREFIX}${store}:${id}`;
}

let counter = 0;

/**
 * Records a write synchronously. Returns its sequence tag, or null when it could not be recorded
 * (no localStorage, or the record does not fit); a stale entry for the id is then dropped, so a
 * replay never brings back an older version than the one being written. `minChars`, a lower bound
 * of the record's JSON length, skips serialising a record that cannot fit anyway.
 */
export function recordWrite(store: JournalStore, id: string, record: unknown | null, minChars = 0): string | null {
  const s = storage();
  if (!s) return null;
  const seq = `${Date.now().toString(36)}-${(counter++).toString(36)}`;
  try {
    if (minChars > MAX_ENTRY_CHARS) throw new RangeError('too large for the journal');
    const text = JSON.stringify({ store, id, seq, record } satisfies JournalEntry);
    if (text.length > MAX_ENTRY_CHARS) throw new RangeError('too large for the journal');
    s.setItem(key(store, id), text);
    return seq;
  } catch {
    try {
      s.removeItem(key(store, id));
    } catch {
      // Nothing recorded, nothing to drop.
    }
    return null;
  }
}

/** Clears a recorded write once IndexedDB has it, unless a later write of the same id replaced it. */
export function clearWrite(store: JournalStore, id: string, seq: string): void {
  const s = storage();
  if (!s) return;
  try {
    const entry = parseEntry(s.getItem(key(store, id)));
    if (entry?.seq === seq) s.removeItem(key(store, id));
  } catch {
    // A journal that cannot be read cannot be cleared either; the next start replays it again.
  }
}

function parseEntry(text: string | null): JournalEntry | null {
  if (text === null) return null;
  try {
    const entry = JSON.parse(text) as Partial<JournalEntry>;
    const valid =
      (entry.store === 'datasets' || entry.store === 'levels') && typeof entry.id === 'string' && typeof entry.seq === 'string' && 'record' in entry;
    return valid ? (entry as JournalEntry) : null;
  } catch {
    return null;
  }
}

/** All recorded writes not yet known to be in IndexedDB (unreadable entries are dropped). */
export function pendingWrites(): JournalEntry[] {
  const s = storage();
  if (!s) return [];
  const out: JournalEntry[] = [];
  try {
    const keys: string[] = [];
    for (let i = 0; i < s.length; i++) {
      const k = s.key(i);
      if (k?.startsWith(PREFIX)) keys.push(k);
    }
    for (const k of keys) {
      const entry = parseEntry(s.getItem(k));
      if (entry) out.push(entry);
      else s.removeItem(k);
    }
  } catch {
    return out;
  }
  return out;
}

/** The ledger, or null when localStorage cannot be read (then nothing can be said about an id). */
export function readLedger(): Record<string, LedgerEntry> | null {
  const s = storage();
  if (!s) return null;
  try {
    const parsed = JSON.parse(s.getItem(LEDGER) ?? '{}') as unknown;
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, LedgerEntry>) : {};
  } catch {
    return {};
  }
}

/** Notes what happened to an id (best effort: a full or missing localStorage only loses the explanation). */
export function noteInLedger(id: string, entry: LedgerEntry): void {
  const s = storage();
  const ledger = readLedger();
  if (!s || !ledger) return;
  // A removal does not know the name: keep the one noted when it was saved.
  const name = entry.name || ledger[id]?.name || '';
  delete ledger[id];
  ledger[id] = { ...entry, name };
  const ids = Object.keys(ledger);
  for (const old of ids.slice(0, Math.max(0, ids.length - LEDGER_LIMIT))) delete ledger[old];
  try {
    s.setItem(LEDGER, JSON.stringify(ledger));
  } catch {
    // Best effort, see above.
  }
}
