/** Shared Playwright helpers: Debian's Chromium, request and console tracking. */
import { chromium, type Browser, type JSHandle, type Page } from 'playwright-core';

/** Port of the preview server the browser tests start (KLYFT_E2E_PORT to run two suites at once). */
export const E2E_PORT = Number(process.env.KLYFT_E2E_PORT ?? 4174);

export const BASE_URL = `http://127.0.0.1:${E2E_PORT}/`;

/** Flags from TOOLCHAIN.md: without the background-networking ones Chromium tries to phone Google. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The default palette, ColorBrewer YlOrRd with 5 classes (higher is worse), as RGB: what a classed map's pixels are checked against. */
export const YLORRD_5: readonly (readonly [number, number, number])[] = [
  [255, 255, 178],
  [254, 204, 92],
  [253, 141, 60],
  [240, 59, 32],
  [189, 0, 38],
];

/** Launches Debian's Chromium (software WebGL through SwiftShader). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** A page that records every request URL and every console error or page error. */
export interface TrackedPage {
  page: Page;
  requests: string[];
  errors: string[];
}

/** Opens a new page with tracking, at a viewport of the given size (optionally emulating reduced motion). */
export async function openPage(browser: Browser, width = 1400, height = 900, reducedMotion?: 'reduce' | 'no-preference'): Promise<TrackedPage> {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'sv-SE', ...(reducedMotion ? { reducedMotion } : {}) });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return { page, requests, errors };
}

/** Waits until the map has drawn its first choropleth frame. */
export async function waitForMap(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.mapReady === 'true', undefined, { timeout: 60_000 });
}

/** Waits until the map has drawn colours whose key (data-map-key) contains `part`, e.g. '|2011' for a year. */
export async function waitForMapKey(page: Page, part: string): Promise<void> {
  await page.waitForFunction((p) => (document.documentElement.dataset.mapKey ?? '').includes(p), part, { timeout: 60_000 });
}

/**
 * A screenshot decoded in the page (an <img>: the app's CSP allows data: images, not data: fetches),
 * as a handle to a 2D context that later `page.evaluate` calls read pixels from.
 */
export function decodeScreenshot(page: Page, png: Buffer): Promise<JSHandle<OffscreenCanvasRenderingContext2D>> {
  return page.evaluateHandle(async (b64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${b64}`;
    await image.decode();
    const ctx = new OffscreenCanvas(image.width, image.height).getContext('2d')!;
    ctx.drawImage(image, 0, 0);
    return ctx;
  }, png.toString('base64'));
}

/** Counts distinct colours in a screenshot region (PNG decoded in the page, no extra deps). */
export async function distinctColours(page: Page, png: Buffer): Promise<Map<string, number>> {
  const counts = await page.evaluate(
    (ctx) => {
      const data = ctx.getImageData(0, 0, ctx.canvas.width, ctx.canvas.height).data;
      const out: Record<string, number> = {};
      for (let i = 0; i < data.length; i += 16) {
        const key = `${data[i]},${data[i + 1]},${data[i + 2]}`;
        out[key] = (out[key] ?? 0) + 1;
      }
      return out;
    },
    await decodeScreenshot(page, png),
  );
  return new Map(Object.entries(counts));
}

/** The key of what the map last drew (level|indicator|…|year), set by the app once drawn. */
export function mapKey(page: Page): Promise<string> {
  return page.evaluate(() => document.documentElement.dataset.mapKey ?? '');
}
