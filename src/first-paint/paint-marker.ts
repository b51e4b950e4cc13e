/**
 * The paint marker the benchmark and the tests read: `data-first-paint-at` on <html>, the
 * time (ms since navigation) of the first animation frame that starts after the frame that
 * carried the drawn choropleth. Chromium begins a frame only once the previous one has been
 * composited, so this is when the map is on screen. The benchmark checks it against screenshots.
 * Shared by the app and the benchmark's reference pages, so both are timed the same way.
 */

/**
 * Marks the document once the choropleth drawn in this task is on screen (after `frames`
 * animation frames: 2 for a drawing made outside a frame, 1 for one made in a frame's
 * callbacks, like deck.gl's); resolves with the time.
 */
export function markFirstPaint(frames = 2): Promise<number> {
  return new Promise((resolve) => {
    const step = (left: number): void => {
      if (left > 0) {
        requestAnimationFrame(() => step(left - 1));
        return;
      }
      const at = Math.round(performance.now());
      const root = document.documentElement.dataset;
      if (root.firstPaintAt === undefined) root.firstPaintAt = String(at);
      resolve(at);
    };
    step(frames);
  });
}
