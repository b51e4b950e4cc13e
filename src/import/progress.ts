/** Fine-grained progress from loops over features or rows, without flooding the receiver. Pure. */

/** Receives the fraction done (0…1). */
export type ProgressSink = (fraction: number) => void;

/**
 * A per-item callback `(done, total)` that passes on the fraction done, mapped into `[from, to]`,
 * whenever it has advanced by at least `step` since the last report, and always at the end.
 */
export function progressSteps(sink: ProgressSink, from = 0, to = 1, step = 0.02): (done: number, total: number) => void {
  let last = 0;
  return (done, total) => {
    const f = total > 0 ? Math.min(1, done / total) : 1;
    if (f - last < step && f < 1) return;
    if (f === 1 && last === 1) return;
    last = f;
    sink(from + (to - from) * f);
  };
}
