/**
 * A change of the year alone paints the map first and the panels (title, gap panel, readouts)
 * in the frame after: on software rendering the panels' style, layout, raster and compositing
 * would otherwise hold back the new colours (README, Benchmark). Any other change updates
 * everything in one frame.
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

/** Runs `task` in a task after the next frame (not in it: what it changes is drawn in the frame after). */
export function afterNextFrame(task: () => void): void {
  requestAnimationFrame(() => setTimeout(task, 0));
}
