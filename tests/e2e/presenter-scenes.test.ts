/** Presenter mode: animated moves between scenes (none for reduced motion) and several highlighted areas. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KlyftMapView } from '../../src/components/klyft-map-view';
import { BASE_URL, launchBrowser, openPage, waitForMap, YLORRD_5 } from './browser';

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
  await page
    .getByLabel('Öppna en berättelse (JSON-fil)')
    .setInputFiles({ name: 's.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(story)) });
  return page;
}

function mapView(page: Page) {
  return page.locator('klyft-app').locator('klyft-map-view');
}

async function camera(page: Page) {
  return mapView(page).evaluate((element) => (element as unknown as KlyftMapView).camera());
}

/** Waits until the map shows `year`, the scene effects (loaded with presenter mode) are on the map, and nothing animates any more. */
async function settled(page: Page, year: number): Promise<void> {
  await expect.poll(() => mapView(page).evaluate((element) => (element as unknown as KlyftMapView).effects !== null)).toBe(true);
  await page.waitForFunction((y) => (document.documentElement.dataset.mapKey ?? '').endsWith(`|${y}`), year, { timeout: 60_000 });
  await expect
    .poll(() => mapView(page).evaluate((element) => (element as unknown as KlyftMapView).effects?.animating() ?? { camera: false, colors: false }), {
      timeout: 20_000,
    })
    .toEqual({ camera: false, colors: false });
}

/** Records the camera zoom and the colour-transition flag on every animation frame for `ms`. */
async function recordFrames(page: Page, ms: number): Promise<void> {
  await mapView(page).evaluate((element, duration) => {
    const frames: { zoom: number; colors: boolean }[] = [];
    (window as unknown as { frames_: typeof frames }).frames_ = frames;
    const end = performance.now() + duration;
    const step = () => {
      frames.push({
        zoom: (element as unknown as KlyftMapView).camera()?.zoom ?? NaN,
        colors: ((element as unknown as KlyftMapView).effects?.animating() ?? { camera: false, colors: false }).colors,
      });
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
 * Samples map pixels (basemap and choropleth composed) on an 8-pixel grid, repeatedly for `ms`:
 * one array of [r, g, b] per point per capture.
 */
async function samplePixels(page: Page, ms: number): Promise<number[][][]> {
  return mapView(page).evaluate(async (element, duration) => {
    const captures: number[][][] = [];
    const end = performance.now() + duration;
    while (performance.now() < end) {
      const canvas = await (element as unknown as KlyftMapView).captureCanvas();
      if (!canvas) break;
      const { data, width, height } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      const points: number[][] = [];
      for (let y = 0; y < height; y += 8) {
        for (let x = 0; x < width; x += 8) {
          const o = (y * width + x) * 4;
          points.push([data[o]!, data[o + 1]!, data[o + 2]!]);
        }
      }
      captures.push(points);
    }
    return captures;
  }, ms);
}

const same = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - b[i]!) <= 2);

/**
 * Samples whose colour lies strictly between the first capture's and the last one's at that point
 * (every channel within their range, and equal to neither): colours part-way through a fade.
 */
function inBetween(captures: number[][][]): number {
  const first = captures[0]!;
  const last = captures[captures.length - 1]!;
  let count = 0;
  for (const capture of captures.slice(1, -1)) {
    capture.forEach((rgb, i) => {
      const a = first[i]!;
      const b = last[i]!;
      const within = rgb.every((v, c) => v >= Math.min(a[c]!, b[c]!) - 2 && v <= Math.max(a[c]!, b[c]!) + 2);
      if (!same(a, b) && within && !same(rgb, a) && !same(rgb, b)) count++;
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
    // Both are time-based flags (maplibre's isMoving, the fade's end time), so a slow machine still sees them.
    const colours = page.waitForFunction(
      () => (document.querySelector('klyft-app')!.shadowRoot!.querySelector('klyft-map-view') as unknown as KlyftMapView).effects?.animating().colors ?? false,
      undefined,
      { polling: 16, timeout: 15_000 },
    );
    const midFlight = page.waitForFunction(
      () => {
        const el = document.querySelector('klyft-app')!.shadowRoot!.querySelector('klyft-map-view') as unknown as KlyftMapView;
        const zoom = el.camera()!.zoom;
        return (el.effects?.animating().camera ?? false) && Math.abs(zoom - 8) > 0.02 ? zoom : null;
      },
      undefined,
      { polling: 16, timeout: 15_000 },
    );
    await page.keyboard.press('PageDown');
    await colours;
    const zoom = (await (await midFlight).jsonValue()) as number;
    await settled(page, 2022);
    const final = (await camera(page))!.zoom;
    expect(final).toBeLessThan(6);
    // Seen while moving: a zoom between the two scenes' zooms (the camera flew, it did not jump).
    expect(zoom).toBeLessThan(7.98);
    expect(zoom).toBeGreaterThan(final + 0.02);
    await page.context().close();
  });

  // Pixel captures take long in software WebGL: on a loaded machine a capture may miss the 0.7 s fade.
  it('shows colours in between the two years while the colours fade', { retry: 2 }, async () => {
    // A small window: captures are quick enough in software WebGL to catch the 0.7 s fade several times.
    const page = await present(colourStory, 'no-preference', 640, 480);
    await settled(page, 2013);
    const [captures] = await Promise.all([samplePixels(page, 3000), page.keyboard.press('PageDown')]);
    expect(captures.length).toBeGreaterThanOrEqual(3);
    // Every area whose class changed shows part-way colours in the captures taken during the fade.
    expect(inBetween(captures)).toBeGreaterThan(10);
    await settled(page, 2022);
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

    const still = await present(colourStory, 'reduce', 640, 480);
    await settled(still, 2013);
    const [captures] = await Promise.all([samplePixels(still, 3000), still.keyboard.press('PageDown')]);
    expect(captures.length).toBeGreaterThanOrEqual(3);
    expect(inBetween(captures)).toBe(0);
    await still.context().close();
  });
});

describe('a scene on another level after a fade', () => {
  it('draws the new level in its own palette: the fade does not carry over to other geometry', async () => {
    const story = {
      version: 1,
      title: { sv: 'Nivåbyte', en: 'Level change' },
      scenes: [
        { id: 'a', view: VIEW_2013, caption: { sv: 'År 2013.', en: 'Year 2013.' } },
        { id: 'b', view: VIEW_2022, caption: { sv: 'År 2022.', en: 'Year 2022.' } },
        { id: 'c', view: { level: 'gbg-deso', indicator: 'scb-deso-low-econ', year: 2022 }, caption: { sv: 'DeSO.', en: 'DeSO.' } },
      ],
    };
    const page = await present(story, 'no-preference');
    await settled(page, 2013);
    await page.keyboard.press('PageDown');
    await settled(page, 2022);
    await page.keyboard.press('PageDown');
    await page.waitForFunction(() => (document.documentElement.dataset.mapKey ?? '').startsWith('gbg-deso|'), undefined, { timeout: 60_000 });
    await settled(page, 2022);
    // YlOrRd 5 (higher is worse) for the DeSO level; the broken state drew blue triangles and empty fills.
    const [capture] = await samplePixels(page, 1);
    const near = (rgb: number[], ref: readonly number[]) => rgb.every((v, c) => Math.abs(v - ref[c]!) <= 6);
    const shown = YLORRD_5.filter((ref) => capture!.filter((rgb) => near(rgb, ref)).length >= 5);
    expect(shown.length).toBeGreaterThanOrEqual(4);
    expect(capture!.filter(([r, g, b]) => b! > 200 && r! < 60 && g! < 60).length).toBe(0);
    await page.context().close();
  });
});

describe('ordinary year changes', () => {
  it('recolour at once, without a fade, even after a presented scene faded', async () => {
    const page = await present(
      {
        version: 1,
        title: { sv: 'x', en: 'x' },
        scenes: [
          { id: 'a', view: VIEW_2013, caption: { sv: 'a', en: 'a' } },
          { id: 'b', view: VIEW_2022, caption: { sv: 'b', en: 'b' } },
        ],
      },
      'no-preference',
      640,
      480,
    );
    await settled(page, 2013);
    await page.keyboard.press('PageDown');
    await settled(page, 2022);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('klyft-presenter').count()).toBe(0);
    await recordFrames(page, 2500);
    const slider = page.getByRole('slider', { name: 'År' });
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    const frames = await recorded(page, 2500);
    await page.waitForFunction(() => (document.documentElement.dataset.mapKey ?? '').endsWith('|2020'), undefined, { timeout: 30_000 });
    expect(frames.length).toBeGreaterThan(3);
    expect(frames.some((f) => f.colors)).toBe(false);
    await page.context().close();
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
    await expect
      .poll(() => mapView(page).evaluate((element) => (element as unknown as KlyftMapView).effects?.highlightNames() ?? []))
      .toEqual(['Göteborg', 'Malmö', 'Stockholm']);
    const spoken = page.locator('klyft-presenter [data-highlights]');
    await expect.poll(() => spoken.textContent()).toBe('Markerade områden: Göteborg, Malmö, Stockholm.');
    expect(await page.locator('klyft-presenter .caption').getAttribute('aria-live')).toBe('polite');
    expect(await mapView(page).locator('div.map').getAttribute('aria-label')).toContain('Markerade områden: Göteborg, Malmö, Stockholm.');
    const three = await darkPixels(page);
    await page.screenshot({ path: '/tmp/presenter-highlights.png' });

    await page.keyboard.press('PageDown');
    await expect.poll(() => mapView(page).evaluate((element) => (element as unknown as KlyftMapView).effects?.highlightNames() ?? [])).toEqual(['Göteborg']);
    await expect.poll(() => spoken.textContent()).toBe('Markerade områden: Göteborg.');
    const one = await darkPixels(page);

    await page.keyboard.press('PageDown');
    await expect.poll(() => mapView(page).evaluate((element) => (element as unknown as KlyftMapView).effects?.highlightNames() ?? [])).toEqual([]);
    expect(await spoken.count()).toBe(0);
    const none = await darkPixels(page);
    // Each highlighted area adds its outline and label.
    expect(one).toBeGreaterThan(none + 50);
    expect(three).toBeGreaterThan(one + 100);
    await page.context().close();
  });
});
