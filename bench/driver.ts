/**
 * The one measuring loop of every benchmark page, so the app and the references are timed the
 * same way: a colour change, then the first animation frame that starts after the frame
 * carrying the new colours (Chromium starts a frame only once the previous one is composited,
 * in software rendering once its canvas or layers are rasterised and read back).
 */
import { benchColourings, loadBenchLevel, type BenchLevel } from './levels';

/** What a page's renderer offers the driver. */
export interface BenchRenderer {
  /** Shows a level (geometry) with its first colouring, resolving once it is drawn. */
  show(level: BenchLevel, colors: Uint8Array): Promise<void>;
  /** Recolours the areas (RGBA per area). */
  setColors(colors: Uint8Array): void;
  /**
   * Resolves in the animation frame that draws the last colours: synchronous renderers (SVG,
   * Canvas 2D) resolve in the next frame's callbacks, deck.gl after its draw calls.
   */
  drawn(): Promise<void>;
}

/** The next animation frame. */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/** Latency and scrub results of one level. */
export interface LevelResult {
  levelId: string;
  count: number;
  synthetic: boolean;
  median: number;
  p95: number;
  /** Years shown per second when changing once per drawn frame for 3 s. */
  scrub: number;
}

async function prepare(renderer: BenchRenderer, levelId: string): Promise<{ level: BenchLevel; colourings: Uint8Array[] }> {
  const level = await loadBenchLevel(levelId);
  const colourings = benchColourings(level.areas.features.length);
  await renderer.show(level, colourings[0]!);
  await new Promise((r) => setTimeout(r, 300));
  return { level, colourings };
}

/**
 * Median and p95 of 20 year changes after 8 unmeasured ones (shader compiles, JIT), and the scrub
 * rate; 5 after 2 when one change takes over 0.4 s.
 */
export async function measureLevel(renderer: BenchRenderer, levelId: string, runs = 20, scrubMs = 3000): Promise<LevelResult> {
  const { level, colourings } = await prepare(renderer, levelId);
  const change = async (i: number) => {
    renderer.setColors(colourings[i % colourings.length]!);
    await renderer.drawn();
    await nextFrame();
  };
  // Pages that take seconds a change (the bare WebGL page at 20,000 areas) get fewer rounds.
  const t = performance.now();
  await change(colourings.length - 1);
  const slow = performance.now() - t > 400;
  for (let i = 2; i <= (slow ? 2 : 8); i++) await change(colourings.length - i);
  const times: number[] = [];
  for (let i = 1; i <= (slow ? 5 : runs); i++) {
    const t0 = performance.now();
    await change(i);
    times.push(performance.now() - t0);
    // Let the browser settle between changes, as between a person's key presses.
    await new Promise((r) => setTimeout(r, 30));
  }
  times.sort((a, b) => a - b);
  let shown = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < scrubMs) await change(shown++);
  return {
    levelId,
    count: level.areas.features.length,
    synthetic: level.synthetic,
    median: times[Math.floor(times.length / 2)]!,
    p95: times[Math.floor(times.length * 0.95)]!,
    scrub: (shown * 1000) / (performance.now() - t0),
  };
}

/** Installs `window.klyftBench` and marks the page ready for the benchmark runner. */
export function exposeRenderer(renderer: BenchRenderer): void {
  window.klyftBench = { measureLevel: (levelId: string) => measureLevel(renderer, levelId) };
  document.documentElement.dataset.benchReady = 'true';
}

/** CSS colour of area i in an RGBA array. */
export function cssColor(colors: Uint8Array, i: number): string {
  const o = i * 4;
  return `rgb(${colors[o]},${colors[o + 1]},${colors[o + 2]})`;
}

declare global {
  interface Window {
    klyftBench: { measureLevel: (levelId: string) => Promise<LevelResult> };
  }
}
