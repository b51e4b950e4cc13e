import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KeyValueStorage } from '../../src/import/user-data-journal';
import type { UserDataset } from '../../src/import/user-data-store';
import type { ImportedTable } from '../../src/import/types';

/** localStorage in a Map, refusing writes past `quota` characters (as a full localStorage does). */
function memoryStorage(quota = Infinity): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => {
      const used = [...map].reduce((n, [key, value]) => n + (key === k ? 0 : key.length + value.length), 0);
      if (used + k.length + v.length > quota) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      map.set(k, v);
    },
    removeItem: (k) => void map.delete(k),
  };
}

function dataset(id: string, name = `Mått ${id}`, rows = 1): UserDataset {
  return {
    id,
    name,
    createdAt: `2026-01-0${id.length}T00:00:00.000Z`,
    fileName: `${id}.csv`,
    format: 'csv-long',
    levelId: 'kommun',
    choices: { measure: null, name, unit: 'percent', decimals: 1, direction: 'neutral' },
    joins: {},
    table: {
      kind: 'table',
      format: 'csv-long',
      fileName: `${id}.csv`,
      measures: [],
      rows: Array.from({ length: rows }, (_, i) => ({ code: String(i), year: 2020, value: i, status: 'ok' as const })),
      warnings: [],
    },
  };
}

/** Fresh modules over a fresh IndexedDB (or none) and a fresh storage, as after a page load. */
async function load(storage: KeyValueStorage | null, idb: IDBFactory | null = new IDBFactory()) {
  vi.resetModules();
  vi.stubGlobal('indexedDB', idb ?? undefined);
  const journal = await import('../../src/import/user-data-journal');
  journal.useJournalStorage(storage);
  const store = await import('../../src/import/user-data-store');
  return { journal, store };
}

beforeEach(() => {
  vi.stubGlobal('window', undefined);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('saveDataset(dataset)', () => {
  it('journals the record synchronously and clears the journal once IndexedDB has it', async () => {
    const storage = memoryStorage();
    const { journal, store } = await load(storage);
    const write = store.saveDataset(dataset('a'));
    expect(write.journaled).toBe(true);
    expect(journal.pendingWrites().map((e) => e.id)).toEqual(['a']);
    await write.done;
    expect(journal.pendingWrites()).toEqual([]);
    expect((await store.listDatasets()).map((d) => d.id)).toEqual(['a']);
    expect(journal.readLedger()).toEqual({ a: { name: 'Mått a', state: 'saved' } });
  });

  it('is not journaled when the record does not fit, and drops an older journaled version of it', async () => {
    const storage = memoryStorage(2_000);
    const { journal, store } = await load(storage);
    expect(store.saveDataset(dataset('a')).journaled).toBe(true);
    // Same id, too large now: the small older version must not be replayed over it later.
    const big = store.saveDataset(dataset('a', 'Stort', 200));
    expect(big.journaled).toBe(false);
    expect(journal.pendingWrites()).toEqual([]);
    await big.done;
    expect((await store.listDatasets())[0]?.name).toBe('Stort');
  });

  it('does not journal a table too large for localStorage, even where it would fit', async () => {
    const storage = memoryStorage();
    const { journal, store } = await load(storage);
    const big = store.saveDataset(dataset('a', 'Jättestor', 60_000));
    expect(big.journaled).toBe(false);
    expect(journal.pendingWrites()).toEqual([]);
    await big.done;
    expect(((await store.listDatasets())[0]?.table as ImportedTable).rows).toHaveLength(60_000);
  });

  it('leaves the journal entry of a later write of the same id in place', async () => {
    const { journal } = await load(memoryStorage());
    const first = journal.recordWrite('datasets', 'a', { v: 1 })!;
    journal.recordWrite('datasets', 'a', { v: 2 });
    journal.clearWrite('datasets', 'a', first);
    expect(journal.pendingWrites().map((e) => e.record)).toEqual([{ v: 2 }]);
  });

  it('reports why IndexedDB failed and notes an unjournaled record as failed in the ledger', async () => {
    const storage = memoryStorage(300);
    const { journal, store } = await load(storage, null);
    const write = store.saveDataset(dataset('a', 'Stort', 50));
    expect(write.journaled).toBe(false);
    const error = await store.settled(write);
    expect(store.storageProblem(error).kind).toBe('unavailable');
    expect(journal.readLedger()?.['a']).toMatchObject({ name: 'Stort', state: 'failed', cause: { kind: 'unavailable' } });
  });
});

describe('renameDataset(dataset, name)', () => {
  it('journals the renamed record synchronously, so a reload before IndexedDB commits keeps the name', async () => {
    const storage = memoryStorage();
    const idb = new IDBFactory();
    {
      const { journal, store } = await load(storage, idb);
      await store.saveDataset(dataset('a', 'Gammalt namn')).done;
      const { renamed, saving } = store.renameDataset(dataset('a', 'Gammalt namn'), 'Nytt namn');
      expect(renamed).toMatchObject({ id: 'a', name: 'Nytt namn', choices: { name: 'Nytt namn' } });
      expect(saving.journaled).toBe(true);
      // Synchronously, before any IndexedDB callback: the journal already holds the new name.
      expect(journal.pendingWrites().map((e) => (e.record as UserDataset).name)).toEqual(['Nytt namn']);
      // The page closes here, before the IndexedDB write of the new name has run.
    }
    const { store } = await load(storage, idb);
    const restored = await store.restoreUserData();
    expect(restored.datasets.map((d) => [d.id, d.name, d.choices.name])).toEqual([['a', 'Nytt namn', 'Nytt namn']]);
  });
});

describe('restoreUserData()', () => {
  it('replays a journaled write that IndexedDB never got (a reload right after applying)', async () => {
    const storage = memoryStorage();
    const idb = new IDBFactory();
    {
      const { journal } = await load(storage, idb);
      // As if the page closed between the journal write and the IndexedDB commit.
      journal.recordWrite('datasets', 'a', dataset('a'));
    }
    const { journal, store } = await load(storage, idb);
    const restored = await store.restoreUserData();
    expect(restored.problem).toBeNull();
    expect(restored.datasets.map((d) => d.id)).toEqual(['a']);
    expect(journal.pendingWrites()).toEqual([]);
    expect((await store.listDatasets()).map((d) => d.id)).toEqual(['a']);
  });

  it('replays a journaled removal', async () => {
    const storage = memoryStorage();
    const idb = new IDBFactory();
    {
      const { journal, store } = await load(storage, idb);
      await store.saveDataset(dataset('a')).done;
      await store.saveDataset(dataset('bb')).done;
      journal.recordWrite('datasets', 'a', null);
    }
    const { store } = await load(storage, idb);
    expect((await store.restoreUserData()).datasets.map((d) => d.id)).toEqual(['bb']);
  });

  it('still returns the journaled records when IndexedDB is unavailable, and says why', async () => {
    const storage = memoryStorage();
    {
      const { journal } = await load(storage);
      journal.recordWrite('datasets', 'a', dataset('a'));
    }
    const { journal, store } = await load(storage, null);
    const restored = await store.restoreUserData();
    expect(restored.datasets.map((d) => d.id)).toEqual(['a']);
    expect(restored.problem?.kind).toBe('unavailable');
    // Kept for the next start, when IndexedDB may work again.
    expect(journal.pendingWrites().map((e) => e.id)).toEqual(['a']);
  });

  it('drops unreadable journal entries', async () => {
    const storage = memoryStorage();
    storage.setItem('klyftkartan:journal:datasets:x', '{not json');
    const { store } = await load(storage);
    expect((await store.restoreUserData()).datasets).toEqual([]);
    expect(storage.map.has('klyftkartan:journal:datasets:x')).toBe(false);
  });
});

describe('storageProblem(error)', () => {
  it.each([
    ['a full disk', new DOMException('Quota exceeded', 'QuotaExceededError'), 'quota'],
    ['no IndexedDB', new Error('IndexedDB is not available'), 'unavailable'],
    ['a refused open (private mode)', new DOMException('The user denied permission', 'SecurityError'), 'unavailable'],
    ['anything else', new DOMException('Constraint failed', 'ConstraintError'), 'other'],
  ])('sorts %s as %s', async (_, error, kind) => {
    const { store } = await load(memoryStorage());
    expect(store.storageProblem(error).kind).toBe(kind);
  });
});

describe('missingUserDataNotice(lang, kind, id, readProblem)', () => {
  async function notice(
    storage: KeyValueStorage | null,
    id: string,
    readProblem: null | { kind: 'quota' | 'unavailable' | 'other'; detail: string } = null,
    lang: 'sv' | 'en' = 'sv',
  ) {
    const { journal } = await load(storage);
    const notices = await import('../../src/import/user-data-notices');
    return { journal, text: () => notices.missingUserDataNotice(lang, 'dataset', id, readProblem).text };
  }

  it('says “another browser” only for an id this browser never noted', async () => {
    const { text } = await notice(memoryStorage(), 'zz');
    expect(text()).toContain('finns i en annan webbläsare/dator');
    expect(text()).toContain('adressen har ändrats');
  });

  it('names a dataset that was imported here but never saved', async () => {
    const { journal, text } = await notice(memoryStorage(), 'a');
    journal.noteInLedger('a', { name: 'Mitt mått', state: 'saving' });
    expect(text()).toBe(
      'Länken använder datan "Mitt mått", som importerades här men aldrig hann sparas. Importera filen igen för att se den. Kartan visar nu standardvyn, och adressen har ändrats till den.',
    );
  });

  it('gives the cause of a failed save', async () => {
    const { journal, text } = await notice(memoryStorage(), 'a');
    journal.noteInLedger('a', { name: 'Mitt mått', state: 'failed', cause: { kind: 'quota', detail: 'QuotaExceededError' } });
    expect(text()).toContain('inte kunde sparas: lagringsutrymmet är fullt');
  });

  it('keeps the name when a removal is noted', async () => {
    const { journal, text } = await notice(memoryStorage(), 'a');
    journal.noteInLedger('a', { name: 'Mitt mått', state: 'saved' });
    journal.noteInLedger('a', { name: '', state: 'removed' });
    expect(text()).toContain('datan "Mitt mått", som har tagits bort');
  });

  it('does not claim “another browser” when nothing can be known here', async () => {
    const { text } = await notice(null, 'a');
    expect(text()).toContain('de importerades i en annan webbläsare eller dator, eller sparades inte');
  });

  it('names what happened here before blaming an unreadable storage', async () => {
    const { journal, text } = await notice(memoryStorage(), 'a', { kind: 'unavailable', detail: 'IndexedDB is not available' });
    journal.noteInLedger('a', { name: 'Mitt mått', state: 'failed', cause: { kind: 'quota', detail: 'QuotaExceededError' } });
    expect(text()).toContain('som importerades här men inte kunde sparas: lagringsutrymmet är fullt');
  });

  it('blames the unreadable storage when the stored data could not be read', async () => {
    const { text } = await notice(memoryStorage(), 'a', { kind: 'unavailable', detail: 'IndexedDB is not available' });
    expect(text()).toContain('importerade data som inte kunde läsas: webbläsaren tillåter ingen lagring här');
  });
});
