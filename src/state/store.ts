/** A minimal observable store: one state object, replaced on every change. */
export class Store<T extends object> {
  private state: T;
  private readonly listeners = new Set<(state: T, previous: T) => void>();

  constructor(initial: T) {
    this.state = initial;
  }

  /** The current state (treat as immutable). */
  get(): T {
    return this.state;
  }

  /** Merges `patch` into the state and notifies listeners when anything changed. */
  set(patch: Partial<T>): void {
    const previous = this.state;
    let changed = false;
    for (const key of Object.keys(patch) as (keyof T)[]) {
      if (!Object.is(previous[key], patch[key])) changed = true;
    }
    if (!changed) return;
    this.state = { ...previous, ...patch };
    for (const listener of this.listeners) listener(this.state, previous);
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: (state: T, previous: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
