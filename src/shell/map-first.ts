/**
 * A change of the year alone paints the map first and the panels (title, gap panel, readouts)
 * in the frame after: on software rendering the panels' style, layout, raster and compositing
 * would otherwise hold back the new colours (README, Benchmark). In a quick run of year changes
 * (keys held or pressed fast) the panels wait until the run pauses, so their frames do not hold
 * back the next change's either. Any other change updates everything in one frame.
 */
import { afterPaint } from '../app/view-store';
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
      afterPaint(this.update);
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      this.update();
    }, RUN_MS);
  }
}
