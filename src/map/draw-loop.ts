/**
 * When the map's canvases draw: on the next animation frame for any number of changes in one
 * frame, or at once (maplibre's render, a resize). Callers can wait for the next draw, and the
 * time from a colour change to the draw that showed it is kept (the benchmark reads it).
 */
export class DrawLoop {
  private requested = false;
  private waiters: (() => void)[] = [];
  private changedAt: number | null = null;
  private latency: number | null = null;

  /**
   * `draw` draws what changed and returns false while an animation (a colour fade) needs further
   * frames; `active` tells whether there is anything to draw into.
   */
  constructor(
    private readonly draw: () => boolean,
    private readonly active: () => boolean,
  ) {}

  /** Milliseconds from the last `colorsChanged` to the draw that finished showing it (null until then). */
  get lastColorMs(): number | null {
    return this.latency;
  }

  /** Marks a colour change, timed until its draw. */
  colorsChanged(): void {
    this.changedAt = performance.now();
  }

  /** Draws in the next animation frame (once, however often it is asked for in a frame). */
  request(): void {
    if (this.requested || !this.active()) return;
    this.requested = true;
    requestAnimationFrame(() => {
      this.requested = false;
      this.now();
    });
  }

  /** Draws now, in this task. */
  now(): void {
    if (!this.active()) return;
    const settled = this.draw();
    if (!settled) this.request();
    else if (this.changedAt !== null) {
      this.latency = performance.now() - this.changedAt;
      this.changedAt = null;
    }
    this.release();
  }

  /** Resolves after the next draw (at once when there is nothing to draw into). */
  whenDrawn(): Promise<void> {
    if (!this.active()) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      this.request();
    });
  }

  /** Resolves everyone waiting (after a draw, or when the map goes). */
  release(): void {
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}
