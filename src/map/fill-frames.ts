/**
 * Pre-rendered fill frames: the fills of the colourings a reader is likely to ask for next (the
 * other years, nearest first), rendered in idle time for the view on screen, as many as a memory
 * budget holds. Stepping a year (arrow keys, a clicker, play) or clicking the slider then copies a
 * finished bitmap into the fill canvas instead of rasterising every area's path in the frame that
 * shows it; on software raster that path work is most of a year change (see bench/ and the
 * README's benchmark section).
 *
 * Frames belong to one view (camera, canvas size, level, basemap): the owner names the view with
 * a string, and a frame rendered for another view is never used. Imports nothing of the map.
 */

/** A colouring the owner may show next: RGBA per area and the key it is shown under. */
export interface UpcomingColors {
  colors: Uint8Array;
  key: string;
}

/** Renders the fills of a colouring for the view on screen (null when it cannot). */
export type FrameRenderer = (colors: Uint8Array) => ImageBitmap | null;

/** How long the view must stay still before frames are rendered for it (a pan or zoom in progress would waste them). */
export const SETTLE_MS = 200;

/** Frames of the nearest colourings (a step forward and back) are rendered as soon as the view has settled. */
export const NEAR = 2;

/** The farther ones wait until the colours have not changed for this long (a reader stepping through years gets the near ones without waiting behind far ones). */
export const QUIET_MS = 1000;

/** Bytes of frames kept at most (the one on screen included): all 29 kommun years at 1400×900, a few on a large high-DPI screen. */
export const FRAME_BUDGET_BYTES = 40_000_000;

/** Runs `task` when the browser is idle (a short timeout where there is no requestIdleCallback, without a deadline). */
function whenIdle(task: (deadline?: IdleDeadline) => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, { timeout: 1000 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(() => task(), 1);
  return () => clearTimeout(handle);
}

export class FillFrames {
  private view = '';
  private readonly frames = new Map<string, ImageBitmap>();
  private wanted: readonly UpcomingColors[] = [];
  /** The colourings asked for, not yet read (they are computed only when the browser is idle). */
  private source: (() => readonly UpcomingColors[]) | null = null;
  /** The key of the colouring on screen: its frame is kept for a step back. */
  private shown = '';
  private settledAt = 0;
  /** When the colourings were last asked for (the colours on screen changed then). */
  private wishedAt = -Infinity;
  /** How long the last frame took to render (ms): a frame is rendered only in an idle period that long. */
  private renderMs = 0;
  private cancel: (() => void) | null = null;

  /**
   * `render` draws a frame for the view named by `currentView()` at the time of the call;
   * `frameBytes()` tells what one frame of that view takes.
   */
  constructor(
    private readonly render: FrameRenderer,
    private readonly currentView: () => string,
    private readonly frameBytes: () => number,
    private readonly budget = FRAME_BUDGET_BYTES,
  ) {}

  /** The frame of colouring `key` for `view`, when one is ready. */
  get(key: string, view: string): ImageBitmap | null {
    return view === this.view ? (this.frames.get(key) ?? null) : null;
  }

  /** Number of frames held (for tests). */
  get size(): number {
    return this.frames.size;
  }

  /** Tells which colouring is on screen now (its frame, if any, stays for a step back). */
  showing(key: string): void {
    this.shown = key;
  }

  /**
   * The colourings to have ready next (replacing the last wish), as a function called once the
   * browser is idle; frames of other colourings, except the one on screen, are dropped then.
   */
  want(source: () => readonly UpcomingColors[]): void {
    this.source = source;
    this.wanted = [];
    this.wishedAt = performance.now();
    // A wish read at the old pace would wait behind far frames: start over.
    this.cancel?.();
    this.cancel = null;
    this.schedule();
  }

  /** The colourings asked for that the budget holds frames for, beside the one on screen. */
  private affordable(): readonly UpcomingColors[] {
    const bytes = Math.max(1, this.frameBytes());
    return this.wanted.slice(0, Math.max(0, Math.floor(this.budget / bytes) - 1));
  }

  /** Reads the colourings asked for, dropping frames of others (and of those the budget no longer holds). */
  private readWish(): void {
    if (!this.source) return;
    this.wanted = this.source();
    this.source = null;
    const keep = new Set([this.shown, ...this.affordable().map((c) => c.key)]);
    for (const [key, frame] of this.frames) {
      if (keep.has(key)) continue;
      frame.close();
      this.frames.delete(key);
    }
  }

  /**
   * The view is now `view`: when it differs from the frames' view, they are dropped and new ones
   * are rendered once it has stayed still for SETTLE_MS.
   */
  viewChanged(view: string): void {
    if (view === this.view) return;
    this.dropFrames();
    this.view = view;
    this.settledAt = performance.now() + SETTLE_MS;
    this.schedule();
  }

  /** Drops every frame, every pending render and the wish (a new level: its colourings differ). */
  reset(): void {
    this.dropFrames();
    this.wanted = [];
    this.source = null;
  }

  /** Drops every frame and every pending render. */
  private dropFrames(): void {
    for (const frame of this.frames.values()) frame.close();
    this.frames.clear();
    this.cancel?.();
    this.cancel = null;
  }

  /** Renders the next missing frame when idle and the view has settled, then the next. */
  private schedule(): void {
    if (this.cancel || !this.pending()) return;
    // An unread wish is read as soon as the view has settled; far frames wait for a quiet moment.
    const next = this.missing();
    const near = this.source !== null || (next !== undefined && this.isNear(next));
    const wait = (near ? this.settledAt : Math.max(this.settledAt, this.wishedAt + QUIET_MS)) - performance.now();
    if (wait > 0) {
      const timer = setTimeout(() => {
        this.cancel = null;
        this.schedule();
      }, wait);
      this.cancel = () => clearTimeout(timer);
      return;
    }
    this.cancel = whenIdle((deadline) => {
      this.cancel = null;
      this.readWish();
      const next = this.missing();
      // The view moved on without telling (no draw yet): wait for its draw to name it.
      if (!next || this.currentView() !== this.view) return;
      if (!this.isNear(next) && performance.now() < this.wishedAt + QUIET_MS) {
        this.schedule();
        return;
      }
      // Not in an idle period too short for it (a frame or a timer is due): wait for a longer one.
      if (deadline && !deadline.didTimeout && deadline.timeRemaining() < this.renderMs) {
        this.schedule();
        return;
      }
      const start = performance.now();
      const frame = this.render(next.colors);
      this.renderMs = performance.now() - start;
      if (!frame) return;
      this.frames.set(next.key, frame);
      this.schedule();
    });
  }

  /** Whether `colouring` is among the NEAR first asked for. */
  private isNear(colouring: UpcomingColors): boolean {
    return this.wanted.indexOf(colouring) < NEAR;
  }

  /** Whether there is anything to render (a wish not yet read counts). */
  private pending(): boolean {
    return this.source !== null || this.missing() !== undefined;
  }

  /** The first colouring asked for, within the budget, without a frame. */
  private missing(): UpcomingColors | undefined {
    return this.affordable().find((c) => !this.frames.has(c.key));
  }
}
