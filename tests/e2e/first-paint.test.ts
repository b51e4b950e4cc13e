/**
 * The first paint (src/first-paint/) and its hand-over to the interactive map: the same class
 * colour in every area before and after, no frame without the map in between, the map not moving
 * when the app takes it over (at 1400×900), and the map answering hover, click and
 * keys once maplibre is there (without errors before).
 */
import { readFileSync } from 'node:fs';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, decodeScreenshot, distinctColours, launchBrowser, openPage, YLORRD_5 } from './browser';
import type { AreaProperties, Catalogue, IndicatorValues } from '../../src/data/types';
import { mapColors } from '../../src/state/map-colors';
import { joinIndicator } from '../../src/state/selectors';
import { DEFAULT_VIEW } from '../../src/state/view-state';
import { fitCamera, mercatorX, mercatorY, type MercatorCamera } from '../../src/map/web-mercator';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Each area's label point and its expected class colour in the default view, from the shipped files. */
function expectedAreas(level: string, indicatorId: string, year: number) {
  const catalogue = JSON.parse(readFileSync('dist/data/catalogue.json', 'utf8')) as Catalogue;
  const meta = catalogue.levels.find((l) => l.id === level)!;
  const indicator = catalogue.indicators.find((i) => i.id === indicatorId)!;
  const topology = JSON.parse(readFileSync(`dist/data/${meta.file}`, 'utf8')) as Topology;
  const areas = feature(topology, topology.objects['areas'] as GeometryCollection<AreaProperties>) as unknown as GeoJSON.FeatureCollection<
    GeoJSON.Geometry,
    AreaProperties
  >;
  const values = JSON.parse(readFileSync(`dist/data/${indicator.levels[meta.id]!.file}`, 'utf8')) as IndicatorValues;
  const codes = areas.features.map((f) => f.properties.code);
  const { colors } = mapColors({
    view: { ...DEFAULT_VIEW, level: meta.id, indicator: indicatorId, year },
    series: joinIndicator(codes, values),
    indicator,
    count: codes.length,
    levelId: meta.id,
  });
  return {
    bbox: meta.bbox,
    areas: areas.features.map((f, i) => ({
      code: f.properties.code,
      label: f.properties.label!,
      colour: [colors[i * 4]!, colors[i * 4 + 1]!, colors[i * 4 + 2]!] as const,
    })),
  };
}

/** Screen position of a [lon, lat] in a box of the page drawn with `camera`. */
function project(camera: MercatorCamera, box: { x: number; y: number; width: number; height: number }, [lon, lat]: [number, number]): [number, number] {
  return [box.x + (mercatorX(lon) - camera.x) * camera.worldSize + box.width / 2, box.y + (mercatorY(lat) - camera.y) * camera.worldSize + box.height / 2];
}

/** RGB of the screenshot pixel at each page position and of its 8 neighbours (decoded in the page). */
async function pixels(page: Page, png: Buffer, points: [number, number][]): Promise<[number, number, number][][]> {
  return page.evaluate(
    ({ ctx, points }) => {
      // The pixel at the point first, then its 8 neighbours.
      return points.map(([x, y]) => {
        const d = ctx.getImageData(Math.round(x) - 1, Math.round(y) - 1, 3, 3).data;
        return [4, 0, 1, 2, 3, 5, 6, 7, 8].map((k) => [d[k * 4]!, d[k * 4 + 1]!, d[k * 4 + 2]!] as [number, number, number]);
      });
    },
    { ctx: await decodeScreenshot(page, png), points },
  );
}

const close = (a: readonly number[], b: readonly number[], tolerance = 6) => a.every((v, i) => Math.abs(v - b[i]!) <= tolerance);

/** The map view's maplibre camera, unrounded (the controller is a private field of the element). */
async function maplibreCamera(page: Page): Promise<MercatorCamera> {
  return page.evaluate(() => {
    const view = document.querySelector('klyft-app')!.shadowRoot!.querySelector('klyft-map-view') as unknown as {
      controller: { maplibreMap: { getCenter(): { lng: number; lat: number }; getZoom(): number } };
    };
    const map = view.controller.maplibreMap;
    const { lng, lat } = map.getCenter();
    const y = (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))) / 360;
    return { x: (180 + lng) / 360, y, worldSize: 512 * 2 ** map.getZoom() };
  });
}

/** The map view's box, camera and a screenshot, taken when neither changed around the screenshot. */
async function settledView(page: Page) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const box = await mapViewBox(page);
    const camera = await maplibreCamera(page);
    const png = await page.screenshot();
    await page.waitForTimeout(300);
    const [box2, camera2] = [await mapViewBox(page), await maplibreCamera(page)];
    if (JSON.stringify([box, camera]) === JSON.stringify([box2, camera2])) return { box, camera, png };
  }
  throw new Error('the map view did not settle');
}

function mapViewBox(page: Page) {
  return page
    .locator('klyft-map-view')
    .boundingBox()
    .then((b) => b!);
}

describe('the first paint', () => {
  for (const [level, indicator] of [
    ['kommun', 'kolada-n66077'],
    ['gbg-deso', 'scb-deso-low-econ'],
  ] as const) {
    it(`shows every area of ${level} in the class colour the interactive map then shows (label points sampled)`, async () => {
      // A large screen, so that few areas are only a few pixels wide.
      const { page, errors } = await openPage(browser, 1920, 1200);
      const { bbox, areas } = expectedAreas(level, indicator, 2022);
      // Hold the app shell back until the first paint has been captured alone.
      let releaseApp: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (releaseApp = resolve));
      await page.route(/\/assets\/klyft-app-[^/]*\.js$/, async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(`${BASE_URL}?level=${level}&indicator=${indicator}&year=2022`);
      await page.waitForFunction(() => document.documentElement.dataset.firstPaintAt !== undefined, undefined, { timeout: 60_000 });
      // Before the app shell: the placeholder page is there and the map in it is the first paint.
      const firstBox = (await page.locator('#first-paint-map').boundingBox())!;
      const first = await page.screenshot();
      const firstCamera = fitCamera(bbox, firstBox.width, firstBox.height, 16);
      const before = await pixels(
        page,
        first,
        areas.map((a) => project(firstCamera, firstBox, a.label)),
      );
      releaseApp();

      await page.waitForFunction(() => document.documentElement.dataset.mapReady === 'true', undefined, { timeout: 60_000 });
      await expect.poll(() => page.locator('#first-paint').count()).toBe(0);
      // Panels arrive after the first map and resize it: sample a settled view.
      const { box, camera, png } = await settledView(page);
      // The first paint fitted the level as maplibre does: the same camera for the same box.
      const fitted = fitCamera(bbox, box.width, box.height, 16);
      expect(Math.abs(Math.log2(camera.worldSize / fitted.worldSize))).toBeLessThan(0.001);
      expect(Math.abs(camera.x - fitted.x) * camera.worldSize).toBeLessThan(0.5);
      expect(Math.abs(camera.y - fitted.y) * camera.worldSize).toBeLessThan(0.5);
      const after = await pixels(
        page,
        png,
        areas.map((a) => project(camera, box, a.label)),
      );

      const mismatched: string[] = [];
      let unreadable = 0;
      areas.forEach((area, i) => {
        // The area's colour at its label point or right beside it (a few-pixel area's label point
        // can sit on a border line, blended with it: unreadable there, not wrong).
        const a = before[i]!.some((p) => close(p, area.colour));
        const b = after[i]!.some((p) => close(p, area.colour));
        if (!a || !b) unreadable++;
        // Wrong: the pixel at the label point is another class's colour.
        const otherClassA = !a && areas.some((o) => close(before[i]![0]!, o.colour, 2));
        const otherClassB = !b && areas.some((o) => close(after[i]![0]!, o.colour, 2));
        if (otherClassA || otherClassB) mismatched.push(`${area.code}: expected ${area.colour} first ${before[i]![0]} then ${after[i]![0]}`);
      });
      expect(mismatched).toEqual([]);
      expect(unreadable / areas.length).toBeLessThan(0.08);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  it('never shows a frame without the map from the first paint until the interactive map (screencast frames)', async () => {
    const { page, errors } = await openPage(browser);
    const session = await page.context().newCDPSession(page);
    const frames: { data: string; at: number }[] = [];
    session.on('Page.screencastFrame', (frame: { data: string; sessionId: number }) => {
      frames.push({ data: frame.data, at: Date.now() });
      void session.send('Page.screencastFrameAck', { sessionId: frame.sessionId });
    });
    await session.send('Page.startScreencast', { format: 'png', everyNthFrame: 1 });
    await page.goto(`${BASE_URL}?level=kommun&indicator=kolada-n66077&year=2022`);
    await page.waitForFunction(() => document.documentElement.dataset.mapReady === 'true', undefined, { timeout: 60_000 });
    await page.waitForTimeout(1500);
    await session.send('Page.stopScreencast');
    // The default palette (YlOrRd, 5 classes): a frame shows the map when ≥ 4 classes cover ≥ 0.2 % each.
    const shows: boolean[] = [];
    for (const frame of frames) {
      const colours = await distinctColours(page, Buffer.from(frame.data, 'base64'));
      const total = [...colours.values()].reduce((sum, n) => sum + n, 0);
      shows.push(YLORRD_5.filter((c) => (colours.get(c.join(',')) ?? 0) / total >= 0.002).length >= 4);
    }
    const firstShown = shows.indexOf(true);
    expect(frames.length).toBeGreaterThan(3);
    expect(firstShown).toBeGreaterThanOrEqual(0);
    // From the first frame with the map on, every frame has it (through the shell's arrival and maplibre's).
    const gaps = shows.map((shown, i) => (i > firstShown && !shown ? i : -1)).filter((i) => i >= 0);
    expect(gaps).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('answers hover, click and keys once maplibre is there, and throws nothing before', async () => {
    const { page, errors } = await openPage(browser);
    // Hold maplibre back, so the canvas-only map can be used first.
    let releaseMaplibre: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (releaseMaplibre = resolve));
    await page.route(/\/assets\/maplibre-[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    const { areas } = expectedAreas('kommun', 'kolada-n66077', 2022);
    const goteborg = areas.find((a) => a.code === '1480')!;
    await page.goto(`${BASE_URL}?level=kommun&indicator=kolada-n66077&year=2022`);
    await page.waitForFunction(() => document.documentElement.dataset.firstPaintAt !== undefined, undefined, { timeout: 60_000 });
    const mapView = page.locator('klyft-map-view');
    await mapView.waitFor({ timeout: 60_000 });
    await expect.poll(() => page.locator('#first-paint').count()).toBe(0);
    const early = await mapViewBox(page);
    await page.mouse.move(early.x + early.width / 2, early.y + early.height / 2);
    await page.mouse.click(early.x + early.width / 2, early.y + early.height / 2);
    await page.keyboard.press('Tab');
    await page.keyboard.press('+');
    expect(errors).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.dataset.mapReady)).toBeUndefined();

    releaseMaplibre();
    await page.waitForFunction(() => document.documentElement.dataset.mapReady === 'true', undefined, { timeout: 60_000 });
    const { box, camera } = await settledView(page);
    const [x, y] = project(camera, box, goteborg.label);
    await page.mouse.move(x, y);
    await expect
      .poll(async () => (await page.getByRole('tooltip').count()) > 0 && (await page.getByRole('tooltip').first().textContent()))
      .toContain('Göteborg');
    await page.mouse.click(x, y);
    await expect.poll(() => new URL(page.url()).searchParams.get('area')).toBe('1480');

    // Keys on the focused map zoom it; the choropleth follows the camera.
    const canvas = page.getByRole('region', { name: /Karta/ }).locator('canvas.maplibregl-canvas');
    await canvas.focus();
    const zoomBefore = (await maplibreCamera(page)).worldSize;
    const pixelsBefore = await mapView.screenshot();
    await page.keyboard.press('+');
    await expect.poll(async () => (await maplibreCamera(page)).worldSize).toBeGreaterThan(zoomBefore * 1.5);
    await page.waitForTimeout(600);
    expect((await mapView.screenshot()).equals(pixelsBefore)).toBe(false);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('does not move the map when the app takes it over (same box; screenshots differ by anti-aliasing only)', async () => {
    const { page, errors } = await openPage(browser);
    // Hold the app shell back to screenshot the first paint, and maplibre until the comparison is done.
    const hold = async (pattern: RegExp) => {
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route(pattern, async (route) => {
        await held;
        await route.continue();
      });
      return release;
    };
    const releaseShell = await hold(/\/assets\/klyft-app-[^/]*\.js$/);
    const releaseMaplibre = await hold(/\/assets\/maplibre-[^/]*\.js$/);
    await page.goto(`${BASE_URL}?level=kommun&indicator=kolada-n66077&year=2022`);
    await page.waitForFunction(() => document.documentElement.dataset.firstPaintAt !== undefined, undefined, { timeout: 60_000 });
    // The borders and the neighbouring land follow the fills within a few frames.
    await page.waitForTimeout(1000);
    const box = (await page.locator('#first-paint-map').boundingBox())!;
    const firstPaint = await page.screenshot();

    releaseShell();
    await page.locator('klyft-map-view').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.locator('#first-paint').count(), { timeout: 60_000 }).toBe(0);
    await page.waitForTimeout(1000);
    expect(await page.evaluate(() => document.documentElement.dataset.mapReady)).toBeUndefined();
    const app = await page.screenshot();

    // The app's map view took the map over at the first paint's place.
    const taken = (await page.locator('klyft-map-view').boundingBox())!;
    expect([taken.x, taken.y, taken.width].map(Math.round)).toEqual([box.x, box.y, box.width].map(Math.round));
    expect(Math.abs(taken.height - box.height)).toBeLessThanOrEqual(1);

    const { classed, same, swapped } = await compareClasses(page, firstPaint, app, box, YLORRD_5);
    console.log(
      `handover: ${(classed * 100).toFixed(1)} % of the map classed; of that ${(same * 100).toFixed(2)} % kept its class, ${(swapped * 100).toFixed(3)} % swapped`,
    );
    // A classed pixel keeps its class: the zoom buttons the app adds cover a little of the map and
    // the borders' anti-aliasing changes edge pixels (at kommun, where borders are dense, ~8 % of
    // the classed ones), but a map moved by even a pixel swaps classes along every border between
    // two classes.
    expect(classed).toBeGreaterThan(0.03);
    expect(same).toBeGreaterThan(0.88);
    expect(swapped).toBeLessThan(0.005);
    releaseMaplibre();
    await page.waitForFunction(() => document.documentElement.dataset.mapReady === 'true', undefined, { timeout: 60_000 });
    // Nor later, when the gap panel, the legend and the offline status have arrived: the shell
    // keeps their places from the start, and the placeholder page had them too.
    await page.getByRole('heading', { name: 'Skillnader över tid' }).waitFor({ timeout: 60_000 });
    await page.waitForTimeout(500);
    const settled = (await page.locator('klyft-map-view').boundingBox())!;
    expect([settled.x, settled.y, settled.width].map(Math.round)).toEqual([box.x, box.y, box.width].map(Math.round));
    expect(Math.abs(settled.height - box.height)).toBeLessThanOrEqual(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

/**
 * Compares two screenshots inside `box`: the share of pixels in a class colour in `before`
 * (classed), and of those, the share in the same class colour in `after` (same) and in another
 * class colour (swapped).
 */
async function compareClasses(
  page: Page,
  before: Buffer,
  after: Buffer,
  box: { x: number; y: number; width: number; height: number },
  palette: readonly (readonly number[])[],
) {
  return page.evaluate(
    ({ images, box, palette }) => {
      const read = (ctx: OffscreenCanvasRenderingContext2D) =>
        ctx.getImageData(Math.round(box.x), Math.round(box.y), Math.round(box.width), Math.round(box.height)).data;
      const [a, b] = [read(images[0]), read(images[1])];
      const classOf = (d: Uint8ClampedArray, i: number) =>
        palette.findIndex(([r, g, bl]) => Math.abs(d[i]! - r!) <= 3 && Math.abs(d[i + 1]! - g!) <= 3 && Math.abs(d[i + 2]! - bl!) <= 3);
      let classed = 0;
      let same = 0;
      let swapped = 0;
      for (let i = 0; i < a.length; i += 4) {
        const ca = classOf(a, i);
        if (ca < 0) continue;
        classed++;
        const cb = classOf(b, i);
        if (cb === ca) same++;
        else if (cb >= 0) swapped++;
      }
      return { classed: classed / (a.length / 4), same: same / classed, swapped: swapped / classed };
    },
    { images: [await decodeScreenshot(page, before), await decodeScreenshot(page, after)] as const, box, palette },
  );
}
