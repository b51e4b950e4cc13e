/**
 * The one measuring loop of every benchmark page, so the app and the references are timed the
 * same way: a colour change, then the first animation frame that starts after the frame
 * carrying the new colours. Each change is marked (`performance.mark('klyft-change')`), so the
 * runner can also read from a Chrome trace when that frame was presented (bench/presentation.ts):
 * the animation frame alone misses work done off the main thread (an SVG page's raster).
 *
 * The pause between changes is random (30–63 ms, the same seeded sequence on every page), as a
 * person's key presses are not in step with the display: a fixed pause locks every change to
 * one phase of the 60 Hz frame clock, and the figure then depends on which phase a page load
 * happened to get.
 */
import { benchColourings, loadBenchLevel, type BenchLevel } from './levels';
import { mulberry32 } from './synthetic';

/** What a page's renderer offers the driver. */
export interface BenchRenderer {
  /** Shows a level (geometry) with its first colouring, resolving once it is drawn. */
  show(level: BenchLevel, colors: Uint8Array): Promise<void>;
  /**
   * Recolours the areas (RGBA per area) with colouring `year` of `years` (the 25 colourings play
   * the part of a slider's years: the app's map renders the others ahead, unless `ahead` is false).
   */
  setColors(colors: Uint8Array, year: number, years: readonly Uint8Array[], ahead: boolean): void;
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

/**
 * How the measured changes move through the colourings: one step (arrow key, clicker, play), a
 * jump after a look at the map (a click on the slider's track, LOOK_MS after the last change), or
 * a jump with nothing rendered ahead ('drawn': the app draws every area's path, as in the moments
 * after a pan or zoom, in a quick run of jumps, or beyond its frame budget).
 */
export type ChangeKind = 'step' | 'jump' | 'drawn';

/** Latency and scrub results of one level. */
export interface LevelResult {
  levelId: string;
  count: number;
  synthetic: boolean;
  kind: ChangeKind;
  median: number;
  p95: number;
  /** Years shown per second when stepping once per drawn frame for 3 s. */
  scrub: number;
}

async function prepare(renderer: BenchRenderer, levelId: string): Promise<{ level: BenchLevel; colourings: Uint8Array[] }> {
  const level = await loadBenchLevel(levelId);
  const colourings = benchColourings(level.areas.features.length);
  await renderer.show(level, colourings[0]!);
  await new Promise((r) => setTimeout(r, 300));
  return { level, colourings };
}

/** Before each jump the reader looks at the map this long (a click elsewhere on the slider follows a look, not a key repeat). */
export const LOOK_MS = 1200;

/** The mark set just before each measured change (the runner pairs it with its presented frame). */
export const CHANGE_MARK = 'klyft-change';

/**
 * Median and p95 of 20 year changes after 8 unmeasured ones (shader compiles, JIT), and the scrub
 * rate; 5 after 2 when one change takes over 0.4 s. `kind` 'step' moves to the next colouring,
 * 'jump' to one 11 colourings away.
 */
export async function measureLevel(renderer: BenchRenderer, levelId: string, kind: ChangeKind = 'step', runs = 20, scrubMs = 3000): Promise<LevelResult> {
  const { level, colourings } = await prepare(renderer, levelId);
  const n = colourings.length;
  const change = async (i: number) => {
    const year = ((i % n) + n) % n;
    renderer.setColors(colourings[year]!, year, colourings, kind !== 'drawn');
    await renderer.drawn();
    await nextFrame();
  };
  const pause = mulberry32(7);
  // Pages that take seconds a change (the bare WebGL page at 20,000 areas) get fewer rounds.
  const t = performance.now();
  await change(n - 2);
  const slow = performance.now() - t > 400;
  for (let i = slow ? 1 : 7; i >= 1; i--) await change(n - i);
  const times: number[] = [];
  let year = n - 1;
  for (let i = 1; i <= (slow ? 5 : runs); i++) {
    // Let the browser settle between changes, as between a person's key presses.
    await new Promise((r) => setTimeout(r, (kind === 'jump' ? LOOK_MS : 30) + pause() * 33.3));
    year += kind === 'step' ? 1 : 11;
    const t0 = performance.now();
    performance.mark(CHANGE_MARK);
    await change(year);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  let shown = year;
  const t0 = performance.now();
  while (performance.now() - t0 < scrubMs) await change(++shown);
  return {
    levelId,
    count: level.areas.features.length,
    synthetic: level.synthetic,
    kind,
    median: times[Math.floor(times.length / 2)]!,
    p95: times[Math.floor(times.length * 0.95)]!,
    scrub: (shown * 1000) / (performance.now() - t0),
  };
}

/** Installs `window.klyftBench` and marks the page ready for the benchmark runner. */
export function exposeRenderer(renderer: BenchRenderer): void {
  window.klyftBench = { measureLevel: (levelId: string, kind?: ChangeKind) => measureLevel(renderer, levelId, kind) };
  document.documentElement.dataset.benchReady = 'true';
}

/** CSS colour of area i in an RGBA array. */
export function cssColor(colors: Uint8Array, i: number): string {
  const o = i * 4;
  return `rgb(${colors[o]},${colors[o + 1]},${colors[o + 2]})`;
}

declare global {
  interface Window {
    klyftBench: { measureLevel: (levelId: string, kind?: ChangeKind) => Promise<LevelResult> };
  }
}
