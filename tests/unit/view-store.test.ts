import { describe, expect, it } from 'vitest';
import { immediately, ViewStore, type HistoryTarget } from '../../src/app/view-store';

/** A stand-in for window's location and history that records every write. */
function fakeWindow(search = '', hash = '') {
  const writes: [string, string][] = [];
  const target: HistoryTarget = {
    location: { search, hash },
    history: {
      pushState: (_data, _unused, url) => {
        writes.push(['push', String(url)]);
        target.location = { search: String(url), hash: '' };
      },
      replaceState: (_data, _unused, url) => {
        writes.push(['replace', String(url)]);
        target.location = { search: String(url), hash: '' };
      },
    },
  };
  return { target, writes };
}

describe('ViewStore.set(patch, mode)', () => {
  it.each([
    ['push', 'push'],
    ['replace', 'replace'],
  ] as const)("'%s' writes the new view to the URL as a %s", (mode, kind) => {
    const { target, writes } = fakeWindow();
    const store = new ViewStore(target, immediately);
    store.set({ year: 2015 }, mode);
    expect(writes).toEqual([[kind, '?level=kommun&indicator=kolada-n66077&year=2015']]);
    expect(store.get().year).toBe(2015);
  });

  it('writes nothing and tells no one when nothing changed', () => {
    const { target, writes } = fakeWindow();
    const store = new ViewStore(target, immediately);
    let heard = 0;
    store.subscribe(() => heard++);
    store.set({ year: 2022, mode: 'level' }, 'push');
    expect(writes).toEqual([]);
    expect(heard).toBe(0);
  });

  it('tells listeners once per change', () => {
    const { target } = fakeWindow();
    const store = new ViewStore(target, immediately);
    const seen: string[] = [];
    store.subscribe((next, previous) => seen.push(`${previous.year}→${next.year}`));
    store.set({ year: 2012 }, 'push');
    expect(seen).toEqual(['2022→2012']);
  });

  it('writes the URL when the scheduler runs (after the paint), after the listeners; changes before it make one entry', () => {
    const { target, writes } = fakeWindow();
    const queued: (() => void)[] = [];
    const store = new ViewStore(target, (write) => queued.push(write));
    const seen: string[] = [];
    store.subscribe((next) => seen.push(`${next.year} at ${target.location.search}`));
    store.set({ year: 2012 }, 'replace');
    store.set({ year: 2013 }, 'push');
    store.set({ year: 2014 }, 'replace');
    expect(seen).toEqual(['2012 at ', '2013 at ', '2014 at ']);
    expect(writes).toEqual([]);
    expect(queued).toHaveLength(1);
    queued[0]!();
    // A push among the waiting changes: one new entry, with the last view.
    expect(writes).toEqual([['push', '?level=kommun&indicator=kolada-n66077&year=2014']]);
    store.set({ year: 2015 }, 'replace');
    store.flush();
    expect(writes.at(-1)).toEqual(['replace', '?level=kommun&indicator=kolada-n66077&year=2015']);
    queued[1]!();
    expect(writes).toHaveLength(2);
  });

  it("'replace' leaves an address that already says the view alone", () => {
    const { target, writes } = fakeWindow('?level=kommun&indicator=kolada-n66077&year=2015');
    const store = new ViewStore(target, immediately);
    store.set({ year: 2015 }, 'replace');
    expect(writes).toEqual([]);
  });
});

describe('ViewStore.replaceUrl()', () => {
  it('rewrites a URL to its normalised form and drops the hash', () => {
    const { target, writes } = fakeWindow('', '#story=abc');
    new ViewStore(target, immediately).replaceUrl();
    expect(writes).toEqual([['replace', '?level=kommun&indicator=kolada-n66077&year=2022']]);
  });
});
