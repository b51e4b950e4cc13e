/**
 * The view state and the address bar kept as one: every change goes through `set`, which says
 * whether it is a step the reader can go back to ('push': a new history entry) or a correction
 * of the step they are on ('replace': the entry rewritten). Back/forward read the URL in again.
 */
import { Store } from '../state/store';
import { encodeViewState } from '../state/url-codec';
import { DEFAULT_VIEW, type ViewState } from '../state/view-state';

/** How a change enters the browser's history. */
export type HistoryMode = 'push' | 'replace';

/** The parts of `window` the store writes to (a stand-in in tests). */
export interface HistoryTarget {
  location: Pick<Location, 'search' | 'hash'>;
  history: Pick<History, 'pushState' | 'replaceState'>;
}

/** One store of the view state, written through to the URL. */
export class ViewStore {
  private readonly store = new Store<ViewState>(DEFAULT_VIEW);

  constructor(private readonly target: HistoryTarget = window) {}

  /** The view now (treat as immutable). */
  get(): ViewState {
    return this.store.get();
  }

  /**
   * Merges `patch` into the view. When anything changed, 'push' adds a history entry for it and
   * 'replace' rewrites the current one; listeners hear of it after the URL is written.
   */
  set(patch: Partial<ViewState>, mode: HistoryMode): void {
    const before = this.store.get();
    const next = { ...before, ...patch };
    if (!(Object.keys(patch) as (keyof ViewState)[]).some((key) => !Object.is(before[key], next[key]))) return;
    this.write(next, mode);
    this.store.set(patch);
  }

  /** Writes the current view to the URL in place (after reading a URL: its normalised form, without a hash). */
  replaceUrl(): void {
    this.write(this.store.get(), 'replace');
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: (next: ViewState, previous: ViewState) => void): () => void {
    return this.store.subscribe(listener);
  }

  private write(view: ViewState, mode: HistoryMode): void {
    const url = `?${encodeViewState(view)}`;
    if (mode === 'push') this.target.history.pushState(null, '', url);
    else if (this.target.location.search + this.target.location.hash !== url) this.target.history.replaceState(null, '', url);
  }
}
