/**
 * The view state and the address bar kept as one: every change goes through `set`, which says
 * whether it is a step the reader can go back to ('push': a new history entry) or a correction
 * of the step they are on ('replace': the entry rewritten). Back/forward read the URL in again.
 * The URL is written once the frame showing the change has been painted (a history write costs
 * several milliseconds, a year change's whole budget on a slow machine); changes within one frame
 * make one history entry.
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

/** Runs `write` later: the store's URL writes are handed to it. */
export type WriteScheduler = (write: () => void) => void;

/** How long a hidden page (which draws no frames) waits before running an `afterPaint` task. */
const HIDDEN_WAIT_MS = 250;

/**
 * After the next frame is painted: a task queued from the frame's animation callbacks (not run in
 * the frame: what it changes is drawn in the frame after), or after HIDDEN_WAIT_MS when no frame
 * comes (a hidden page).
 */
export const afterPaint: WriteScheduler = (task) => {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    task();
  };
  requestAnimationFrame(() => setTimeout(run, 0));
  setTimeout(run, HIDDEN_WAIT_MS);
};

/** At once (tests, and pages without frames). */
export const immediately: WriteScheduler = (write) => write();

/** One store of the view state, written through to the URL. */
export class ViewStore {
  private readonly store = new Store<ViewState>(DEFAULT_VIEW);
  /** The history write waiting for the scheduler ('push' once any change waiting was a push). */
  private pending: HistoryMode | null = null;

  constructor(
    private readonly target: HistoryTarget = window,
    private readonly schedule: WriteScheduler = afterPaint,
  ) {}

  /** The view now (treat as immutable). */
  get(): ViewState {
    return this.store.get();
  }

  /**
   * Merges `patch` into the view. When anything changed, listeners hear of it at once, and the
   * URL follows after the paint: 'push' adds a history entry for it, 'replace' rewrites the
   * current one.
   */
  set(patch: Partial<ViewState>, mode: HistoryMode): void {
    const before = this.store.get();
    const next = { ...before, ...patch };
    if (!(Object.keys(patch) as (keyof ViewState)[]).some((key) => !Object.is(before[key], next[key]))) return;
    this.store.set(patch);
    this.queueWrite(mode);
  }

  /** Writes the current view to the URL in place (after reading a URL: its normalised form, without a hash). */
  replaceUrl(): void {
    this.queueWrite('replace');
  }

  /** Writes a waiting change to the URL now. */
  flush(): void {
    const mode = this.pending;
    if (mode === null) return;
    this.pending = null;
    this.write(this.store.get(), mode);
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: (next: ViewState, previous: ViewState) => void): () => void {
    return this.store.subscribe(listener);
  }

  private queueWrite(mode: HistoryMode): void {
    if (this.pending !== null) {
      if (mode === 'push') this.pending = 'push';
      return;
    }
    this.pending = mode;
    this.schedule(() => this.flush());
  }

  private write(view: ViewState, mode: HistoryMode): void {
    const url = `?${encodeViewState(view)}`;
    if (mode === 'push') this.target.history.pushState(null, '', url);
    else if (this.target.location.search + this.target.location.hash !== url) this.target.history.replaceState(null, '', url);
  }
}
