/**
 * `npm run bench`: Klyftkartan beside two reference pages built and served the same way — the
 * simplest possible choropleth (d3-geo SVG, bench/reference-svg.ts) and a bare maplibre +
 * deck.gl page (bench/reference-webgl.ts) — in Debian's Chromium with software WebGL. Every
 * figure of the app is printed beside the references' and the ratio. Runs alternate between
 * the pages so each sees the same load; absolute times here are not GPU times.
 *
 * `--quick`: 3 first-paint rounds, 1 year-change round, no synthetic levels, no screenshot check.
 * `--first-paint` / `--year-change`: only that part. `--rounds=N`: first-paint rounds (default 7).
 * `--year-rounds=N`: year-change rounds (default 3). `--no-webgl`: no WebGL reference in the
 * first-paint rounds. `npx tsx bench/trace-first-paint.mts` shows where a first paint's time goes.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build, preview } from 'vite';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../tests/e2e/browser';
import { CHANGE_MARK, LOOK_MS, type ChangeKind, type LevelResult } from './driver';
import { mulberry32 } from './synthetic';
import { PRESENTATION_CATEGORIES, presentationLatencies, type TraceEvent } from './presentation';

const PORT = 4175;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const VIEWPORT = { width: 1400, height: 900 };
const QUICK = process.argv.includes('--quick');
/** `--year-change`: only the year-change part. */
const YEAR_CHANGE_ONLY = process.argv.includes('--year-change');
/** `--first-paint`: only the first-paint part. */
const FIRST_PAINT_ONLY = process.argv.includes('--first-paint');
/** `--no-webgl`: leave the WebGL reference out of the first-paint rounds (it takes seconds a load). */
const NO_WEBGL = process.argv.includes('--no-webgl');
/** `--year-rounds=N`: year-change rounds per level (each measures every page, in alternating order). */
const YEAR_ROUNDS = Number(process.argv.find((a) => a.startsWith('--year-rounds='))?.slice(14) ?? (QUICK ? 1 : 3));
/** `--rounds=N`: first-paint rounds per page and view. */
const ROUNDS = Number(process.argv.find((a) => a.startsWith('--rounds='))?.slice(9) ?? (QUICK ? 3 : 7));
const WEBGL_ROUNDS = Math.min(ROUNDS, 5);
const BUDGET = { firstPaintJs: 150_000, firstViewData: 150_000 };

/** The views whose first paint is compared (the issue's three). */
const FIRST_VIEWS = [
  { level: 'kommun', indicator: 'kolada-n66077', year: 2022, label: 'kommun (290)' },
  { level: 'gbg-deso', indicator: 'scb-deso-low-econ', year: 2022, label: 'Göteborg DeSO (320)' },
  { level: 'gbg-primaromrade', indicator: 'scb-deso-low-econ', year: 2022, label: 'Göteborg primärområden (96)' },
];
const HARNESS_LEVELS = QUICK ? ['kommun', 'gbg-basomrade'] : ['kommun', 'gbg-basomrade', 'synthetic-6000', 'synthetic-20000'];

/** ColorBrewer YlOrRd, 5 classes: the default view's palette (higher = worse). */
const CLASS_COLOURS: [number, number, number][] = [
  [255, 255, 178],
  [254, 204, 92],
  [253, 141, 60],
  [240, 59, 32],
  [189, 0, 38],
];

function gz(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** p25, median and p75. */
function quartiles(values: number[]): [number, number, number] {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return [at(0.25), at(0.5), at(0.75)];
}

/** "median (p25–p75)" in ms. */
function spread(values: number[]): string {
  const [p25, p50, p75] = quartiles(values);
  return `${p50.toFixed(0)} (${p25.toFixed(0)}–${p75.toFixed(0)}) ms`;
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(v < 100 ? 1 : 0)} ms` : '–');
const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '–');

/** One row of the table: the app's figure, each reference's, and the ratios. */
function row(label: string, app: number, svg: number, webgl: number, format: (v: number) => string, note = ''): void {
  console.log(
    `${label.padEnd(50)} ${format(app).padStart(10)} ${format(svg).padStart(10)} ${ratio(app, svg).padStart(8)} ${format(webgl).padStart(10)} ${ratio(app, webgl).padStart(8)}${note ? `  ${note}` : ''}`,
  );
}

function header(title: string): void {
  console.log(`\n${title}`);
  console.log(
    `${''.padEnd(50)} ${'app'.padStart(10)} ${'SVG ref'.padStart(10)} ${'app/SVG'.padStart(8)} ${'WebGL ref'.padStart(10)} ${'app/WebGL'.padStart(8)}`,
  );
}

type PageKind = 'app' | 'svg' | 'webgl';

function pageUrl(kind: PageKind, view: (typeof FIRST_VIEWS)[number], direction: string): string {
  const query = `level=${view.level}&indicator=${view.indicator}&year=${view.year}`;
  if (kind === 'app') return `${ORIGIN}/?${query}`;
  return `${ORIGIN}/bench/reference-${kind}.html?${query}&dir=${direction}`;
}

/** A fresh context (cold cache, no service worker) per load, as a first visit. */
async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'sv-SE' });
  const page = await context.newPage();
  // tsx (esbuild) wraps functions in __name(); give evaluated code a no-op one.
  await page.addInitScript({ content: 'window.__name = (f) => f;' });
  return page;
}

async function waitForFirstPaint(page: Page): Promise<number> {
  await page.waitForFunction(() => document.documentElement.dataset.firstPaintAt !== undefined, undefined, { timeout: 120_000 });
  return Number(await page.evaluate(() => document.documentElement.dataset.firstPaintAt));
}

/** Loads a page and returns its paint marker (ms since navigation). */
async function firstPaint(browser: Browser, url: string): Promise<number> {
  const page = await freshPage(browser);
  try {
    await page.goto(url);
    return await waitForFirstPaint(page);
  } finally {
    await page.context().close();
  }
}

/** Share of sampled pixels per class colour (JPEG/PNG decoded in the page). */
async function classShares(page: Page, images: string[], mime: string): Promise<number[][]> {
  return page.evaluate(
    async ({ images, mime, colours }) => {
      const out: number[][] = [];
      for (const b64 of images) {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: mime }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
        const counts = colours.map(() => 0);
        let total = 0;
        for (let i = 0; i < data.length; i += 8) {
          total++;
          colours.forEach(([r, g, b], c) => {
            if (Math.abs(data[i]! - r) <= 12 && Math.abs(data[i + 1]! - g) <= 12 && Math.abs(data[i + 2]! - b) <= 12) counts[c]!++;
          });
        }
        out.push(counts.map((n) => n / total));
      }
      return out;
    },
    { images, mime, colours: CLASS_COLOURS },
  );
}

/** Whether pixels show the classed map: at least 4 of the 5 class colours, each on ≥ 0.2 % of the pixels. */
function showsClasses(shares: number[]): boolean {
  return shares.filter((s) => s >= 0.002).length >= 4;
}

/**
 * Checks a page's paint marker against what was on screen: loads it while Chromium streams every
 * presented frame (DevTools screencast, PNG), finds the first frame that shows the classed map,
 * and returns its time beside the marker's (both in ms since navigation).
 */
async function verifyMarker(browser: Browser, decoder: Page, url: string): Promise<{ marker: number; shown: number; afterMarker: boolean }> {
  const page = await freshPage(browser);
  try {
    const session = await page.context().newCDPSession(page);
    const frames: { data: string; at: number }[] = [];
    session.on('Page.screencastFrame', (frame: { data: string; sessionId: number; metadata: { timestamp?: number } }) => {
      frames.push({ data: frame.data, at: (frame.metadata.timestamp ?? Date.now() / 1000) * 1000 });
      void session.send('Page.screencastFrameAck', { sessionId: frame.sessionId });
    });
    await session.send('Page.startScreencast', { format: 'png', everyNthFrame: 1 });
    await page.goto(url);
    const marker = await waitForFirstPaint(page);
    await page.waitForTimeout(500);
    await session.send('Page.stopScreencast');
    const timeOrigin = await page.evaluate(() => performance.timeOrigin);
    const shares = await classShares(
      decoder,
      frames.map((f) => f.data),
      'image/png',
    );
    const first = frames.findIndex((_, i) => showsClasses(shares[i]!));
    const shown = first >= 0 ? frames[first]!.at - timeOrigin : NaN;
    // A screenshot after the marker shows the map too.
    const [now] = await classShares(decoder, [(await page.screenshot()).toString('base64')], 'image/png');
    return { marker, shown, afterMarker: showsClasses(now!) };
  } finally {
    await page.context().close();
  }
}

/**
 * Bytes a page needs before its paint marker: JS and data files requested before it (resource
 * timing), gzipped from dist/.
 */
async function bytesBeforePaint(browser: Browser, url: string): Promise<{ js: number; data: number; files: string[] }> {
  const page = await freshPage(browser);
  try {
    await page.goto(url);
    const at = await waitForFirstPaint(page);
    const paths = await page.evaluate(
      (t) =>
        performance
          .getEntriesByType('resource')
          .filter((e) => e.startTime <= t)
          .map((e) => new URL(e.name).pathname),
      at,
    );
    let js = 0;
    let data = 0;
    for (const path of new Set(paths)) {
      const local = `dist${path === '/' ? '/index.html' : path}`;
      if (path.endsWith('.js')) js += gz(local);
      else if (path.startsWith('/data/')) data += gz(local);
    }
    return { js, data, files: [...new Set(paths)] };
  } finally {
    await page.context().close();
  }
}

/**
 * A page's year change through its slider: the app's UI, or the SVG reference's slider. 20
 * changes after 4 warm-ups, with the driver's random pauses; each is timed to the first frame
 * after the one that drew the colours (which writes `data-map-key`) and, from a Chrome trace, to
 * the presentation of the frame carrying it. `step` alternates the last two years; `jump` moves
 * 11 years at a time.
 */
async function sliderChange(browser: Browser, url: string, kind: ChangeKind): Promise<Measured> {
  const page = await freshPage(browser);
  try {
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement.dataset.mapReady === 'true', undefined, { timeout: 120_000 });
    await page.waitForTimeout(1000);
    const random = mulberry32(7);
    const pauses = Array.from({ length: 24 }, () => (kind === 'jump' ? LOOK_MS : 30) + random() * 33.3);
    await browser.startTracing(page, { categories: PRESENTATION_CATEGORIES });
    const times = await page.evaluate(
      async ({ kind, pauses, mark }) => {
        const find = (root: Document | ShadowRoot, selector: string): Element | null => {
          const hit = root.querySelector(selector);
          if (hit) return hit;
          for (const el of root.querySelectorAll('*')) {
            const found = el.shadowRoot ? find(el.shadowRoot, selector) : null;
            if (found) return found;
          }
          return null;
        };
        const slider = find(document, 'input[type=range]') as HTMLInputElement;
        const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
        const rendered = (previous: string) =>
          new Promise<void>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no new colours drawn after data-map-key ${previous} in 10 s`)), 10_000);
            const observer = new MutationObserver(() => {
              if (document.documentElement.dataset.mapKey !== previous) {
                observer.disconnect();
                clearTimeout(timer);
                resolve();
              }
            });
            observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-map-key'] });
          });
        const out: number[] = [];
        const max = Number(slider.max);
        for (let i = 0; i < pauses.length; i++) {
          await new Promise((r) => setTimeout(r, pauses[i]));
          const previous = document.documentElement.dataset.mapKey ?? '';
          const next = kind === 'step' ? (i % 2 === 0 ? max - 1 : max) : (Number(slider.value) + 11) % (max + 1);
          const t0 = performance.now();
          // The first 4 are warm-ups, unmarked.
          if (i >= 4) performance.mark(mark);
          slider.value = String(next);
          slider.dispatchEvent(new Event('input', { bubbles: true }));
          // data-map-key is written in the frame that drew the colours; the next frame starts once it is on screen.
          await rendered(previous);
          await frame();
          out.push(performance.now() - t0);
        }
        return out.slice(4);
      },
      { kind, pauses, mark: CHANGE_MARK },
    );
    const presented = presentationLatencies(await stopTrace(browser), CHANGE_MARK);
    return { raf: { levelId: url, count: 0, synthetic: false, kind, median: median(times), p95: NaN, scrub: NaN }, presented };
  } finally {
    await page.context().close();
  }
}

async function harness(browser: Browser, path: string): Promise<Page> {
  const page = await freshPage(browser);
  await page.goto(`${ORIGIN}${path}`);
  await page.waitForFunction(() => document.documentElement.dataset.benchReady === 'true', undefined, { timeout: 120_000 });
  return page;
}

async function main(): Promise<void> {
  await build({ configFile: 'bench/vite.config.ts', logLevel: 'warn' });
  const server = await preview({ preview: { host: '127.0.0.1', port: PORT, strictPort: true }, logLevel: 'silent' });
  const browser = await launchBrowser();
  const catalogue = JSON.parse(readFileSync('dist/data/catalogue.json', 'utf8')) as { indicators: { id: string; direction: string }[] };
  const direction = (id: string) => catalogue.indicators.find((i) => i.id === id)?.direction ?? 'higher-worse';
  try {
    console.log(`Klyftkartan benchmark — Debian Chromium, software WebGL (SwiftShader), ${VIEWPORT.width}×${VIEWPORT.height}; compare ratios, not absolutes.`);
    console.log(`References: SVG = d3-geo SVG page (bench/reference-svg.ts), WebGL = bare maplibre + deck.gl page (bench/reference-webgl.ts).`);

    if (!YEAR_CHANGE_ONLY) await firstPaints(browser, direction);
    if (!FIRST_PAINT_ONLY) await yearChanges(browser);
  } finally {
    await browser.close();
    await server.close();
  }
}

async function firstPaints(browser: Browser, direction: (id: string) => string): Promise<void> {
  const [view0] = FIRST_VIEWS;
  const sizes = await Promise.all((['app', 'svg', 'webgl'] as const).map((k) => bytesBeforePaint(browser, pageUrl(k, view0!, 'higher-worse'))));
  header('Bytes before the first drawn choropleth (kommun, gzip -9; requested before the paint marker)');
  row('JavaScript', sizes[0]!.js, sizes[1]!.js, sizes[2]!.js, kb, `budget ≤ ${kb(BUDGET.firstPaintJs)} ${sizes[0]!.js <= BUDGET.firstPaintJs ? 'OK' : 'OVER'}`);
  row(
    'data',
    sizes[0]!.data,
    sizes[1]!.data,
    sizes[2]!.data,
    kb,
    `budget ≤ ${kb(BUDGET.firstViewData)} ${sizes[0]!.data <= BUDGET.firstViewData ? 'OK' : 'OVER'}`,
  );
  console.log(`  app files before the paint: ${sizes[0]!.files.filter((f) => f.endsWith('.js') || f.startsWith('/data/')).join(', ')}`);

  header(
    `Navigation → first drawn choropleth (paint marker, median of ${ROUNDS} cold loads; each round loads app and SVG in alternating order, WebGL in ${WEBGL_ROUNDS})`,
  );
  for (const view of FIRST_VIEWS) {
    const times: Record<PageKind, number[]> = { app: [], svg: [], webgl: [] };
    for (let round = 0; round < ROUNDS; round++) {
      const order: PageKind[] = round % 2 === 0 ? ['app', 'svg'] : ['svg', 'app'];
      if (!NO_WEBGL && round < WEBGL_ROUNDS) order.push('webgl');
      for (const kind of order) times[kind].push(await firstPaint(browser, pageUrl(kind, view, direction(view.indicator))));
    }
    row(`first choropleth, ${view.label}`, median(times.app), median(times.svg), median(times.webgl), ms);
    const paired = times.app.map((t, i) => t / times.svg[i]!);
    console.log(
      `  spread: app ${spread(times.app)}, SVG ${spread(times.svg)}; app/SVG per round ${quartiles(paired)
        .map((r) => `${r.toFixed(2)}×`)
        .join(' / ')} (p25 / median / p75)`,
    );
  }

  if (!QUICK) {
    console.log('\nPaint marker checked against screenshots (DevTools screencast of presented frames; first frame showing ≥ 4 classes, ms since navigation):');
    const decoder = await (await browser.newContext()).newPage();
    for (const view of FIRST_VIEWS) {
      for (const kind of ['app', 'svg'] as const) {
        const v = await verifyMarker(browser, decoder, pageUrl(kind, view, direction(view.indicator)));
        // The frame is captured once presented, a frame or two after the marker's animation frame began.
        const ok = v.afterMarker && Number.isFinite(v.shown) && v.shown <= v.marker + 100;
        console.log(
          `  ${`${kind}, ${view.label}`.padEnd(40)} marker ${ms(v.marker).padStart(9)}   first frame showing classes ${ms(v.shown).padStart(9)}   ${ok ? 'verified' : 'NOT VERIFIED'}`,
        );
      }
    }
    await decoder.context().close();
  }
}

/** One page's year changes of one kind: the animation-frame figures and each change's presentation latency. */
interface Measured {
  raf: LevelResult;
  presented: number[];
}

/** Runs a harness page's year changes under a Chrome trace (bench/presentation.ts reads when each change was presented). */
async function measureTraced(browser: Browser, page: Page, level: string, kind: ChangeKind): Promise<Measured> {
  await browser.startTracing(page, { categories: PRESENTATION_CATEGORIES });
  const raf = await page.evaluate(([id, k]) => window.klyftBench.measureLevel(id, k), [level, kind] as const);
  return { raf, presented: presentationLatencies(await stopTrace(browser), CHANGE_MARK) };
}

/** Ends the browser's trace and returns its events (Chrome writes either a list or `{ traceEvents }`). */
async function stopTrace(browser: Browser): Promise<TraceEvent[]> {
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(trace) ? trace : (trace.traceEvents ?? []);
}

/** The median of the finite values. */
function finiteMedian(values: number[]): number {
  return median(values.filter(Number.isFinite));
}

async function yearChanges(browser: Browser): Promise<void> {
  header(`Year change: colour change → new colours on screen (median over ${YEAR_ROUNDS} page loads × 20 changes, random 30–63 ms pauses; SYNTHETIC values)`);
  console.log(
    '  presented: to the presentation of the frame carrying the change (Chrome trace, every stage counted); next frame: to the first animation frame after it (main thread only).',
  );
  console.log(
    `  step: to the next colouring (arrow key, clicker, play); jump: 11 colourings away, ${LOOK_MS / 1000} s after the last change (a click on the slider track); the app renders the other colourings ahead (src/map/fill-frames.ts).`,
  );
  console.log(
    '  drawn: a jump with nothing rendered ahead (the app draws every area, as just after a pan or zoom or in a quick run of jumps); the references do the same work for every kind.',
  );
  const pages: [PageKind, string][] = [
    ['app', '/bench/map-harness.html'],
    ['svg', '/bench/reference-svg.html#harness'],
    ['webgl', '/bench/reference-webgl.html#harness'],
  ];
  for (const level of HARNESS_LEVELS) {
    const synthetic = level.startsWith('synthetic');
    const kinds: ChangeKind[] = synthetic ? ['step', 'drawn'] : ['step', 'jump', 'drawn'];
    const rounds: Record<ChangeKind, Record<PageKind, Measured[]>> = {
      step: { app: [], svg: [], webgl: [] },
      jump: { app: [], svg: [], webgl: [] },
      drawn: { app: [], svg: [], webgl: [] },
    };
    for (let round = 0; round < YEAR_ROUNDS; round++) {
      // app and SVG in alternating order (each sees the same load); the slow WebGL page once.
      // The SYNTHETIC grids take the SVG page seconds a change: one round of it, as of the WebGL page.
      const order = (round % 2 === 0 ? pages.slice(0, 2) : [pages[1]!, pages[0]!]).filter(([kind]) => kind === 'app' || !synthetic || round === 0);
      if (round === 0) order.push(pages[2]!);
      for (const [kind, path] of order) {
        const page = await harness(browser, path);
        // The SVG page does the same work for every kind; at 20,000 areas one kind takes it minutes.
        const own = kind === 'webgl' || (kind === 'svg' && synthetic) ? (['step'] as const) : kinds;
        for (const change of own) rounds[change][kind].push(await measureTraced(browser, page, level, change));
        await page.context().close();
      }
    }
    const count = rounds.step.app[0]!.raf.count;
    console.log(`\n${level}${synthetic ? ' (SYNTHETIC grid)' : ''}, ${count} areas`);
    for (const change of kinds) {
      // A reference measured for steps only (the same work) stands for every kind.
      const of = (kind: PageKind) => (rounds[change][kind].length > 0 ? rounds[change][kind] : rounds.step[kind]);
      const presented = (kind: PageKind) => finiteMedian(of(kind).flatMap((m) => m.presented));
      const p95 = (kind: PageKind) => {
        const all = of(kind)
          .flatMap((m) => m.presented)
          .filter(Number.isFinite)
          .sort((a, b) => a - b);
        return all[Math.floor(all.length * 0.95)] ?? NaN;
      };
      const raf = (kind: PageKind) => median(of(kind).map((m) => m.raf.median));
      row(`  ${change}: presented, median`, presented('app'), presented('svg'), presented('webgl'), ms);
      row(`  ${change}: presented, p95`, p95('app'), p95('svg'), p95('webgl'), ms);
      row(`  ${change}: next frame, median`, raf('app'), raf('svg'), raf('webgl'), ms);
      if (YEAR_ROUNDS > 1) {
        const per = (kind: PageKind) =>
          of(kind)
            .map((m) => finiteMedian(m.presented).toFixed(1))
            .join(', ');
        console.log(`    presented per page load: app ${per('app')} ms; SVG ${per('svg')} ms`);
      }
      const missing = (['app', 'svg'] as const).map(
        (k) =>
          of(k)
            .flatMap((m) => m.presented)
            .filter((v) => !Number.isFinite(v)).length,
      );
      if (missing.some((n) => n > 0)) console.log(`    changes without a presented frame in the trace: app ${missing[0]}, SVG ${missing[1]}`);
    }
    const scrub = (kind: PageKind) => median(rounds.step[kind].map((m) => m.raf.scrub));
    row('  scrub rate (years/s)', scrub('app'), scrub('svg'), scrub('webgl'), (v) => v.toFixed(1));
  }
  const canvasPage = await harness(browser, '/bench/canvas-harness.html');
  console.log('\nThe Canvas 2D renderer alone (no maplibre under it), for the renderer choice:');
  for (const level of HARNESS_LEVELS) {
    const r = await canvasPage.evaluate((id) => window.klyftBench.measureLevel(id), level);
    console.log(
      `  ${`${level}, ${r.count} areas`.padEnd(40)} median ${ms(r.median).padStart(9)}   p95 ${ms(r.p95).padStart(9)}   scrub ${r.scrub.toFixed(1)} years/s`,
    );
  }
  await canvasPage.context().close();

  header(
    `Year change through the slider of the app and of the SVG page (real values; median over ${YEAR_ROUNDS} page loads × 20 changes, alternating order, random pauses)`,
  );
  // Only kommun has real values for more than one year (Göteborg's levels have one).
  for (const view of FIRST_VIEWS.slice(0, 1)) {
    for (const kind of ['step', 'jump'] as const) {
      const runs: Record<'app' | 'svg', Measured[]> = { app: [], svg: [] };
      for (let round = 0; round < YEAR_ROUNDS; round++) {
        const order = round % 2 === 0 ? (['app', 'svg'] as const) : (['svg', 'app'] as const);
        for (const page of order) runs[page].push(await sliderChange(browser, pageUrl(page, view, 'higher-worse'), kind));
      }
      const presented = (page: 'app' | 'svg') => finiteMedian(runs[page].flatMap((m) => m.presented));
      const raf = (page: 'app' | 'svg') => median(runs[page].map((m) => m.raf.median));
      row(`slider ${kind}, ${view.label}: presented, median`, presented('app'), presented('svg'), NaN, ms);
      row(`slider ${kind}, ${view.label}: next frame, median`, raf('app'), raf('svg'), NaN, ms);
      if (YEAR_ROUNDS > 1) {
        const per = (page: 'app' | 'svg') => runs[page].map((m) => finiteMedian(m.presented).toFixed(1)).join(', ');
        console.log(`    presented per page load: app ${per('app')} ms; SVG ${per('svg')} ms`);
      }
    }
  }
}

await main();
