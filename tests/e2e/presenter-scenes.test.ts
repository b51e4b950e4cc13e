/** Presenter mode: animated moves between scenes (none for reduced motion) and several highlighted areas. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KlyftMapView } from '../../src/components/klyft-map-view';
import { BASE_URL, launchBrowser, openPage, waitForMap } from './browser';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const VIEW_2013 = { level: 'kommun', indicator: 'kolada-n66077', year: 2013 };
const VIEW_2022 = { level: 'kommun', indicator: 'kolada-n66077', year: 2022 };
const GBG = { center: [11.97, 57.71], zoom: 8 };

/** Opens the app and presents a story loaded through the story menu's file input. */
async function present(story: unknown, reducedMotion: 'reduce' | 'no-preference', width = 1200, height = 800): Promise<Page> {
  const { page } = await openPage(browser, width, height, reducedMotion);
  await page.goto(BASE_URL);
  await waitForMap(page);
  await page.getByText('Berättelse', { exact: true }).click();
  await page.getByLabel('Öppna en berättelse (JSON-fil)').setInputFiles({ name: 's.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(story)) });
  return page;
}

function mapView(page: Page) {
  return page.locator('klyft-app').locator('klyft-map-view');
}

async function camera(page: Page) {
  return mapView(page).evaluate((element) => (element as unknown as KlyftMapView).camera());
}

/** Waits until the map shows `year` and nothing animates any more. */
async function settled(page: Page, year: number): Promise<void> {
  await page.waitForFunction((y) => (document.documentElement.dataset.mapKey ?? '').endsWith(`|${y}`), year, { timeout: 60_000 });
  await expect.poll(() => mapView(page).evaluate((element) => (element as unknown as KlyftMapView).animating()), { timeout: 20_000 }).toEqual({ camera: false, colors: false });
}

/** Records the camera zoom and the colour-transition flag on every animation frame for `ms`. */
async function recordFrames(page: Page, ms: number): Promise<void> {
  await mapView(page).evaluate((element, duration) => {
    const frames: { zoom: number; colors: boolean }[] = [];
    (window as unknown as { frames_: typeof frames }).frames_ = frames;
    const end = performance.now() + duration;
    const step = () => {
      frames.push({ zoom: (element as unknown as KlyftMapView).camera()?.zoom ?? NaN, colors: (element as unknown as KlyftMapView).animating().colors });
      if (performance.now() < end) requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  }, ms);
}

async function recorded(page: Page, ms: number): Promise<{ zoom: number; colors: boolean }[]> {
  await page.waitForTimeout(ms + 200);
  return page.evaluate(() => (window as unknown as { frames_: { zoom: number; colors: boolean }[] }).frames_);
}

/**
 * Samples map pixels (basemap and choropleth composed) on a grid, repeatedly for `ms`:
 * one array of [r, g, b] per point per capture.
 */
async function samplePixels(page: Page, ms: number): Promise<number[][][]> {
  return mapView(page).evaluate(async (element, duration) => {
    const captures: number[][][] = [];
    const end = performance.now() + duration;
    while (performance.now() < end) {
      const canvas = await (element as unknown as KlyftMapView).captureCanvas();
      if (!canvas) break;
      const ctx = canvas.getContext('2d')!;
      const points: number[][] = [];
      for (let y = 0.15; y < 0.75; y += 0.05) {
        for (let x = 0.3; x < 0.7; x += 0.04) {
          const [r, g, b] = ctx.getImageData(Math.round(x * canvas.width), Math.round(y * canvas.height), 1, 1).data;
          points.push([r!, g!, b!]);
        }
      }
      captures.push(points);
    }
    return captures;
  }, ms);
}

const same = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - b[i]!) <= 2);

/** Points whose colour in some capture is neither the first capture's nor the last one's. */
function inBetween(captures: number[][][]): number {
  const first = captures[0]!;
  const last = captures[captures.length - 1]!;
  let count = 0;
  for (const capture of captures.slice(1, -1)) {
    capture.forEach((rgb, i) => {
      if (!same(first[i]!, last[i]!) && !same(rgb, first[i]!) && !same(rgb, last[i]!)) count++;
    });
  }
  return count;
}

describe('moving between scenes', () => {
  const cameraStory = {
    version: 1,
    title: { sv: 'Flygtur', en: 'Flight' },
    scenes: [
      { id: 'nara', view: VIEW_2013, camera: GBG, caption: { sv: 'Nära.', en: 'Close.' } },
      { id: 'rike', view: VIEW_2022, caption: { sv: 'Riket.', en: 'Sweden.' } },
    ],
  };
  const colourStory = {
    version: 1,
    title: { sv: 'Färger', en: 'Colours' },
    scenes: [
      { id: 'a', view: VIEW_2013, caption: { sv: 'År 2013.', en: 'Year 2013.' } },
      { id: 'b', view: VIEW_2022, caption: { sv: 'År 2022.', en: 'Year 2022.' } },
    ],
  };

  it('flies the camera and fades the colours to the next scene', async () => {
    const page = await present(cameraStory, 'no-preference');
    await settled(page, 2013);
    await expect.poll(async () => (await camera(page))?.zoom).toBe(8);
    await recordFrames(page, 3500);
    await page.keyboard.press('PageDown');
    const frames = await recorded(page, 3500);
    const final = (await camera(page))!.zoom;
    expect(final).toBeLessThan(6);
    // The zoom passes through values between the two scenes' zooms: the camera moved, it did not jump.
    const between = frames.filter((f) => f.zoom < 7.95 && f.zoom > final + 0.05);
    expect(between.length).toBeGreaterThanOrEqual(2);
    expect(frames.some((f) => f.colors)).toBe(true);
    await page.context().close();
  });

  it('shows colours in between the two years while the colours fade', async () => {
    const page = await present(colourStory, 'no-preference');
    await settled(page, 2013);
    const [captures] = await Promise.all([samplePixels(page, 1600), page.keyboard.press('PageDown')]);
    expect(captures.length).toBeGreaterThanOrEqual(3);
    expect(inBetween(captures)).toBeGreaterThan(0);
    await settled(page, 2022);
    // A year change outside a scene change (a played year, the slider) never fades: see the reduced case below
    // and map-controller's opt-in transition.
    await page.context().close();
  });

  it('jumps at once with reduced motion: no camera flight, no colour fade', async () => {
    const page = await present(cameraStory, 'reduce');
    await settled(page, 2013);
    await expect.poll(async () => (await camera(page))?.zoom).toBe(8);
    await recordFrames(page, 2500);
    await page.keyboard.press('PageDown');
    const frames = await recorded(page, 2500);
    const final = (await camera(page))!.zoom;
    expect(final).toBeLessThan(6);
    expect(frames.filter((f) => Math.abs(f.zoom - 8) > 0.01 && Math.abs(f.zoom - final) > 0.01)).toEqual([]);
    expect(frames.some((f) => f.colors)).toBe(false);
    await page.context().close();

    const still = await present(colourStory, 'reduce');
    await settled(still, 2013);
    const [captures] = await Promise.all([samplePixels(still, 1600), still.keyboard.press('PageDown')]);
    expect(captures.length).toBeGreaterThanOrEqual(3);
    expect(inBetween(captures)).toBe(0);
    await still.context().close();
  });
});

describe('a scene highlighting several areas', () => {
  const story = {
    version: 1,
    title: { sv: 'Tre städer', en: 'Three cities' },
    scenes: [
      { id: 'tre', view: VIEW_2022, highlight: ['1480', '1280', '0180'], caption: { sv: 'Tre storstäder.', en: 'Three cities.' } },
      { id: 'en', view: VIEW_2022, highlight: ['1480'], caption: { sv: 'En stad.', en: 'One city.' } },
      { id: 'ingen', view: VIEW_2022, caption: { sv: 'Ingen.', en: 'None.' } },
    ],
  };

  /** Near-black pixels of the map (outlines and label text; the palette has no such colour). */
  async function darkPixels(page: Page): Promise<number> {
    await settled(page, 2022);
    return mapView(page).evaluate(async (element) => {
      const canvas = (await (element as unknown as KlyftMapView).captureCanvas())!;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 45 && data[i + 1]! < 45 && data[i + 2]! < 45) dark++;
      return dark;
    });
  }

  it('outlines and labels every highlighted area and names them for screen readers', async () => {
    const page = await present(story, 'reduce', 1600, 1000);
    await expect.poll(() => mapView(page).evaluate((element) => (element as unknown as KlyftMapView).sceneHighlightNames())).toEqual(['Göteborg', 'Malmö', 'Stockholm']);
    const spoken = page.locator('klyft-presenter [data-highlights]');
    await expect.poll(() => spoken.textContent()).toBe('Markerade områden: Göteborg, Malmö, Stockholm.');
    expect(await page.locator('klyft-presenter .caption').getAttribute('aria-live')).toBe('polite');
    expect(await mapView(page).locator('div.map').getAttribute('aria-label')).toContain('Markerade områden: Göteborg, Malmö, Stockholm.');
    const three = await darkPixels(page);
    await page.screenshot({ path: '/tmp/presenter-highlights.png' });

    await page.keyboard.press('PageDown');
    await expect.poll(() => mapView(page).evaluate((element) => (element as unknown as KlyftMapView).sceneHighlightNames())).toEqual(['Göteborg']);
    await expect.poll(() => spoken.textContent()).toBe('Markerade områden: Göteborg.');
    const one = await darkPixels(page);

    await page.keyboard.press('PageDown');
    await expect.poll(() => mapView(page).evaluate((element) => (element as unknown as KlyftMapView).sceneHighlightNames())).toEqual([]);
    expect(await spoken.count()).toBe(0);
    const none = await darkPixels(page);
    // Each highlighted area adds its outline and label.
    expect(one).toBeGreaterThan(none + 50);
    expect(three).toBeGreaterThan(one + 100);
    await page.context().close();
  });
});
