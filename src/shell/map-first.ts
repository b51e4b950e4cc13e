/**
 * A change of the year alone paints the map first and the panels (title, gap panel, readouts)
 * in the frame after: on software rendering the panels' style, layout, raster and compositing
 * would otherwise hold back the new colours (README, Benchmark). In a quick run of year changes
 * (keys held or pressed fast) the panels wait until the run pauses, so their frames do not hold
 * back the next change's either. Any other change updates everything in one frame.
 */
import type { ViewState } from '../state/view-state';

/** Whether `next` differs from `shown` in its year and nothing else. */
export function yearOnly(shown: ViewState, next: ViewState): boolean {
  if (shown.year === next.year) return false;
  for (const key of Object.keys(next) as (keyof ViewState)[]) {
    if (key === 'year') continue;
    const [a, b] = [shown[key], next[key]];
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length || a.some((v, i) => v !== b[i])) return false;
    } else if (a !== b) return false;
  }
  return true;
}

/** How long a hidden page (which draws no frames) waits before running an `afterNextFrame` task. */
const HIDDEN_WAIT_MS = 250;

/**
 * Runs `task` in a task after the next frame (not in it: what it changes is drawn in the frame
 * after), or after HIDDEN_WAIT_MS when no frame comes (a hidden page).
 */
export function afterNextFrame(task: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    task();
  };
  requestAnimationFrame(() => setTimeout(run, 0));
  setTimeout(run, HIDDEN_WAIT_MS);
}

/** Year changes closer together than this are a run: the panels wait until it pauses this long. */
export const RUN_MS = 200;

/** Schedules the panels' update after a year change (see the module comment). */
export class PanelUpdates {
  private last = -Infinity;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly update: () => void) {}

  /** A year change was shown on the map at `now` (ms): update the panels after it. */
  yearChanged(now = performance.now()): void {
    const inRun = now - this.last < RUN_MS;
    this.last = now;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (!inRun) {
      afterNextFrame(this.update);
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      this.update();
    }, RUN_MS);
  }
}
