import AxeBuilder from '@axe-core/playwright';
/**
 * The embeddable <klyft-map>: a host page (served by page.route, same origin as dist/, so no
 * test page ships in the app) with two instances and a hostile stylesheet; and embed.html.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, decodeScreenshot, distinctColours, launchBrowser, openPage } from './browser';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const HOST_URL = `${BASE_URL}__test/embed-host.html`;

/** Rules that would wreck any element without a shadow root (the `*` one also sets the root size). */
const HOSTILE_CSS = `
      html { font-size: 62.5%; }
      * { color: red !important; font-size: 40px !important; }
      canvas { display: none !important; }`;

/** A news-like page with two maps, the second themed with the accent property, under `css`. */
const hostHtml = (css: string) => `<!doctype html>
<html lang="sv">
  <head>
    <meta charset="UTF-8" />
    <link rel="icon" href="data:," />
    <title>Värdsida</title>
    <style>${css}
      #b { --klyft-accent: #b00060; }
      body { margin: 0; padding: 16px; font-family: Georgia, serif; }
      .col { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
    </style>
    <script type="module" src="/embed/klyft-map.js"></script>
  </head>
  <body>
    <p>Artikeltext före kartorna.</p>
    <div class="col">
      <klyft-map id="a" level="kommun" indicator="kolada-n66077" year="2022" lang="sv"></klyft-map>
      <klyft-map id="b" level="kommun" indicator="kolada-n00923" year="2015" lang="en" controls="slider"></klyft-map>
    </div>
    <p>Artikeltext efter kartorna.</p>
    <script>
      window.__events = [];
      for (const type of ['klyft-map:year-change', 'klyft-map:area-select']) {
        document.addEventListener(type, (e) => window.__events.push({ type, id: e.target.id, detail: e.detail }));
      }
    </script>
  </body>
</html>`;

/** Opens the host page with the host stylesheet `css`, served from the preview server's origin. */
async function openHost(width = 1400, height = 1000, css = HOSTILE_CSS) {
  const tracked = await openPage(browser, width, height);
  await tracked.page.route('**/__test/embed-host.html', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: hostHtml(css) }),
  );
  await tracked.page.goto(HOST_URL);
  return tracked;
}

/** Waits until an element has drawn colours whose key contains `part`. */
async function waitForEmbed(page: Page, selector: string, part = ''): Promise<void> {
  await page.waitForFunction(([s, p]) => (document.querySelector(s!)?.getAttribute('data-map-key') ?? '').includes(p!), [selector, part], { timeout: 60_000 });
}

/** A pixel inside some area: the first one, scanning rows from the middle, in a darker palette colour. */
async function areaPixel(page: Page, png: Buffer): Promise<{ x: number; y: number }> {
  return page.evaluate(
    (ctx) => {
      const { data, width, height } = ctx.getImageData(0, 0, ctx.canvas.width, ctx.canvas.height);
      // YlOrRd classes 3–5: never the basemap, the borders or the no-data hatch.
      const wanted = new Set(['253,141,60', '240,59,32', '189,0,38']);
      const at = (x: number, y: number) => {
        const i = (y * width + x) * 4;
        return `${data[i]},${data[i + 1]},${data[i + 2]}`;
      };
      for (let dy = 0; dy < height / 2; dy += 3) {
        for (const y of [Math.floor(height / 2) + dy, Math.floor(height / 2) - dy]) {
          for (let x = 4; x < width - 4; x += 2) {
            // The pixel and its neighbours: the middle of an area, not its border.
            if ([at(x, y), at(x - 3, y), at(x + 3, y), at(x, y - 3), at(x, y + 3)].every((c) => c === at(x, y)) && wanted.has(at(x, y))) return { x, y };
          }
        }
      }
      throw new Error('no area pixel found');
    },
    await decodeScreenshot(page, png),
  );
}

describe('<klyft-map> on a host page', () => {
  it('renders two independent maps despite a hostile host stylesheet, from 127.0.0.1 only', async () => {
    const { page, requests, errors } = await openHost();
    await waitForEmbed(page, '#a', '|2022');
    await waitForEmbed(page, '#b', '|2015');
    for (const id of ['#a', '#b']) {
      const colours = await distinctColours(page, await page.locator(`${id} klyft-map-view`).screenshot());
      const frequent = [...colours.values()].filter((n) => n > 20).length;
      expect(frequent, id).toBeGreaterThanOrEqual(5);
    }
    // Each shows its own indicator, in its own language.
    await expect(page.locator('#a').getByText('Invånare, 0-19 år, med låg ekonomisk standard', { exact: false }).first().isVisible()).resolves.toBe(true);
    await expect(page.locator('#b').getByText('Life expectancy at birth, men', { exact: false }).first().isVisible()).resolves.toBe(true);
    // The host's "* { color: red }" does not reach the title.
    const colour = await page.locator('#a').evaluate((el) => getComputedStyle(el.shadowRoot!.querySelector('.title')!).color);
    expect(colour).toBe('rgb(26, 26, 26)');
    await page.screenshot({ path: 'test-results/embed-host.png', fullPage: true });
    const offsite = requests.filter((url) => !url.startsWith(new URL(BASE_URL).origin + '/') && !url.startsWith('data:') && !url.startsWith('blob:'));
    expect(offsite).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('passes axe-core (WCAG 2.1 AA) inside both elements', async () => {
    const { page } = await openHost(1400, 1000, '');
    await waitForEmbed(page, '#a', '|2022');
    await waitForEmbed(page, '#b', '|2015');
    const result = await new AxeBuilder({ page }).include('klyft-map').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.context().close();
  });

  it('re-renders when the host changes an attribute, without firing reader events', async () => {
    const { page } = await openHost();
    await waitForEmbed(page, '#a', '|2022');
    await page.locator('#a').evaluate((el) => el.setAttribute('year', '2012'));
    await waitForEmbed(page, '#a', '|2012');
    await expect(page.locator('#a').getByRole('slider', { name: 'År' }).getAttribute('aria-valuetext')).resolves.toBe('2012');
    // The other instance is untouched.
    await expect(page.locator('#b').getByRole('slider', { name: 'Year' }).getAttribute('aria-valuetext')).resolves.toBe('2015');
    // Colour settings as attributes (the URL's class, k): seven classes, then the default five.
    const rows = () => page.locator('#a klyft-legend .range').count();
    expect(await rows()).toBe(6);
    await page.locator('#a').evaluate((el) => {
      el.setAttribute('classification', 'equal');
      el.setAttribute('k', '7');
    });
    await expect.poll(rows, { timeout: 20_000 }).toBe(8);
    await page.locator('#a').evaluate((el) => el.removeAttribute('k'));
    await expect.poll(rows, { timeout: 20_000 }).toBe(6);
    // The change view (its legend and scale load on demand) and back.
    await page.locator('#a').evaluate((el) => el.setAttribute('mode', 'change'));
    await waitForEmbed(page, '#a', 'change|kommun|kolada-n66077|');
    await expect(page.locator('#a klyft-change-legend').count()).resolves.toBe(1);
    await page.locator('#a').evaluate((el) => el.removeAttribute('mode'));
    await waitForEmbed(page, '#a', '|2012');
    await expect(page.locator('#a klyft-legend').count()).resolves.toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __events: unknown[] }).__events)).toEqual([]);
    await page.context().close();
  });

  it('tells the host when the reader changes the year or selects an area', async () => {
    const { page } = await openHost();
    await waitForEmbed(page, '#a', '|2022');
    const slider = page.locator('#a').getByRole('slider', { name: 'År' });
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    await waitForEmbed(page, '#a', '|2021');
    const map = page.locator('#a klyft-map-view');
    const point = await areaPixel(page, await map.screenshot());
    // Relative to the element: focusing the slider and the screenshot may have scrolled the page.
    await map.click({ position: point });
    await page.waitForFunction(() => (window as unknown as { __events: unknown[] }).__events.length >= 2, undefined, { timeout: 20_000 });
    const events = await page.evaluate(() => (window as unknown as { __events: { type: string; id: string; detail: Record<string, unknown> }[] }).__events);
    expect(events[0]).toEqual({ type: 'klyft-map:year-change', id: 'a', detail: { year: 2021 } });
    expect(events[1]?.type).toBe('klyft-map:area-select');
    expect(events[1]?.id).toBe('a');
    expect(String(events[1]?.detail.code)).toMatch(/^\d{4}$/);
    await page.context().close();
  });

  it('keeps its text size whatever the host does to the root font size', async () => {
    for (const css of ['html { font-size: 62.5%; }', HOSTILE_CSS]) {
      const { page } = await openHost(1400, 1000, css);
      await waitForEmbed(page, '#a', '|2022');
      const sizes = await page.locator('#a').evaluate((el) => {
        const legend = el.shadowRoot!.querySelector('klyft-legend')!.shadowRoot!;
        const slider = el.shadowRoot!.querySelector('klyft-time-slider')!.shadowRoot!;
        const px = (node: Element | null) => parseFloat(getComputedStyle(node!).fontSize);
        return { label: px(legend.querySelector('.range')), title: px(legend.querySelector('.title')), slider: px(slider.querySelector('label')) };
      });
      for (const [name, size] of Object.entries(sizes)) {
        expect(size, `${css} ${name}`).toBeGreaterThanOrEqual(12);
        expect(size, `${css} ${name}`).toBeLessThanOrEqual(24);
      }
      await page.context().close();
    }
  });

  it('sizes the year readout from its own width, not the window’s', async () => {
    const tracked = await openPage(browser, 1000, 1400);
    const { page } = tracked;
    const sizesHtml = `<!doctype html><html lang="sv"><head><meta charset="UTF-8" /><link rel="icon" href="data:," /><title>Storlekar</title>
      <script type="module" src="/embed/klyft-map.js"></script></head>
      <body style="margin:0">
        <klyft-map id="narrow" style="width:320px" level="kommun" indicator="kolada-n66077" year="2022" controls="slider"></klyft-map>
        <klyft-map id="wide" style="width:900px" level="kommun" indicator="kolada-n66077" year="2022" controls="slider"></klyft-map>
      </body></html>`;
    await page.route('**/__test/embed-sizes.html', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: sizesHtml }));
    await page.goto(`${BASE_URL}__test/embed-sizes.html`);
    const readout = (id: string) =>
      page.locator(`#${id} klyft-time-slider`).evaluate((el) => parseFloat(getComputedStyle(el.shadowRoot!.querySelector('.year')!).fontSize));
    await page.locator('#narrow klyft-time-slider').waitFor({ timeout: 60_000 });
    await page.locator('#wide klyft-time-slider').waitFor({ timeout: 60_000 });
    const at1000 = { narrow: await readout('narrow'), wide: await readout('wide') };
    // 320 px: the 2em floor (32 px); 900 px: 7 % of the slider's 876 px content width.
    expect(at1000.narrow).toBeCloseTo(32, 0);
    expect(at1000.wide).toBeGreaterThan(at1000.narrow + 20);
    // A wider or narrower window leaves both as they are.
    for (const width of [1800, 940]) {
      await page.setViewportSize({ width, height: 1400 });
      await expect.poll(async () => ({ narrow: await readout('narrow'), wide: await readout('wide') })).toEqual(at1000);
    }
    // The element's width, not the window's: narrowing the wide one shrinks its readout.
    await page.locator('#wide').evaluate((el) => ((el as HTMLElement).style.width = '320px'));
    await expect.poll(() => readout('wide')).toBeCloseTo(at1000.narrow, 1);
    await page.context().close();
  });

  it('speaks English with lang="en": catalogue name, legend and number format, also after a switch', async () => {
    const { page } = await openHost();
    const catalogue = (await (await page.request.get(`${BASE_URL}data/catalogue.json`)).json()) as {
      indicators: { id: string; name: { sv: string; en: string } }[];
    };
    const nameOf = (id: string) => catalogue.indicators.find((i) => i.id === id)!.name;
    const legendText = (id: string) => page.locator(`${id} klyft-legend .range`).allTextContents();
    const titleText = (id: string) => page.locator(`${id} .head > .title`).textContent();
    await waitForEmbed(page, '#a', '|2022');
    await waitForEmbed(page, '#b', '|2015');
    // #b starts in English: life expectancy in years with one decimal, written with a point.
    expect(await titleText('#b')).toContain(nameOf('kolada-n00923').en);
    expect(await legendText('#b')).toContain('No data');
    expect((await legendText('#b')).join(' ')).toMatch(/\d\.\d/);
    expect((await legendText('#b')).join(' ')).not.toMatch(/\d,\d/);
    // Switched to Swedish and back: the decimal comma comes and goes.
    await page.locator('#b').evaluate((el) => el.setAttribute('lang', 'sv'));
    await expect.poll(() => titleText('#b'), { timeout: 20_000 }).toContain(nameOf('kolada-n00923').sv);
    expect((await legendText('#b')).join(' ')).toMatch(/\d,\d/);
    expect(await legendText('#b')).toContain('Uppgift saknas');
    await page.locator('#b').evaluate((el) => el.setAttribute('lang', 'en'));
    await expect.poll(() => titleText('#b'), { timeout: 20_000 }).toContain(nameOf('kolada-n00923').en);
    expect((await legendText('#b')).join(' ')).toMatch(/\d\.\d/);
    // #a from sv to en: its name, the legend and the slider follow.
    expect(await titleText('#a')).toContain(nameOf('kolada-n66077').sv);
    await page.locator('#a').evaluate((el) => el.setAttribute('lang', 'en'));
    await expect.poll(() => titleText('#a'), { timeout: 20_000 }).toContain(nameOf('kolada-n66077').en);
    expect(await legendText('#a')).toContain('No data');
    await expect(page.locator('#a').getByRole('slider', { name: 'Year' }).count()).resolves.toBe(1);
    await page.context().close();
  });

  it('carries --klyft-accent into the slider and the legend settings', async () => {
    const { page } = await openHost();
    await waitForEmbed(page, '#a', '|2022');
    await waitForEmbed(page, '#b', '|2015');
    // #b starts with controls="slider": show the colour settings too.
    await page.locator('#b').evaluate((el) => el.setAttribute('controls', 'full'));
    await page.locator('#b klyft-legend summary').waitFor();
    const colours = (id: string) =>
      page.locator(id).evaluate((el) => {
        const slider = el.shadowRoot!.querySelector('klyft-time-slider')!.shadowRoot!;
        const legend = el.shadowRoot!.querySelector('klyft-legend')!.shadowRoot!;
        return {
          play: getComputedStyle(slider.querySelector('button.play')!).backgroundColor,
          step: getComputedStyle(slider.querySelector('button:not(.play)')!).borderColor,
          settings: getComputedStyle(legend.querySelector('summary')!).color,
        };
      });
    expect(await colours('#b')).toEqual({ play: 'rgb(176, 0, 96)', step: 'rgb(176, 0, 96)', settings: 'rgb(176, 0, 96)' });
    // Without the property: the app's blue.
    expect(await colours('#a')).toEqual({ play: 'rgb(0, 90, 156)', step: 'rgb(0, 90, 156)', settings: 'rgb(0, 90, 156)' });
    await page.context().close();
  });
});

/** Sampled pixels (every 4th) that are near black: outlines and labels of highlighted areas, borders. */
async function darkPixels(page: Page, selector: string): Promise<number> {
  const colours = await distinctColours(page, await page.locator(`${selector} klyft-map-view`).screenshot());
  let dark = 0;
  for (const [key, n] of colours) {
    const [r, g, b] = key.split(',').map(Number);
    if (r! + g! + b! < 150) dark += n;
  }
  return dark;
}

describe('<klyft-map highlight>', () => {
  it('outlines and labels the highlighted areas, names them in the map description, and follows the host', async () => {
    const tracked = await openPage(browser, 1400, 900);
    const { page, errors } = tracked;
    const body = `<!doctype html><html lang="sv"><head><meta charset="UTF-8" /><link rel="icon" href="data:," /><title>Markerat</title>
      <script type="module" src="/embed/klyft-map.js"></script>
      <style>body { margin: 0; display: grid; grid-template-columns: 1fr 1fr; gap: 8px; }</style></head>
      <body>
        <klyft-map id="h" level="kommun" indicator="kolada-n66077" year="2022" highlight="1480,1280" controls="none"></klyft-map>
        <klyft-map id="p" level="kommun" indicator="kolada-n66077" year="2022" controls="none"></klyft-map>
      </body></html>`;
    await page.route('**/__test/embed-highlight.html', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
    await page.goto(`${BASE_URL}__test/embed-highlight.html`);
    await waitForEmbed(page, '#h', '|2022');
    await waitForEmbed(page, '#p', '|2022');
    const label = (id: string) => page.locator(`${id} klyft-map-view div.map`).getAttribute('aria-label');
    await expect.poll(() => label('#h'), { timeout: 30_000 }).toContain('Markerade områden: Göteborg, Malmö.');
    expect(await label('#p')).not.toContain('Markerade');
    // The outlines (3 px, black) and the labels darken the map against the same map without them.
    const plain = await darkPixels(page, '#p');
    await expect.poll(() => darkPixels(page, '#h'), { timeout: 30_000 }).toBeGreaterThan(plain + 100);
    await page.screenshot({ path: 'test-results/embed-highlight.png' });
    // The host changes the attribute: Borås alone, then none.
    await page.locator('#h').evaluate((el) => el.setAttribute('highlight', '1490'));
    await expect.poll(() => label('#h'), { timeout: 20_000 }).toContain('Markerade områden: Borås.');
    expect(await label('#h')).not.toContain('Göteborg');
    await page.locator('#h').evaluate((el) => el.removeAttribute('highlight'));
    await expect.poll(() => label('#h'), { timeout: 20_000 }).not.toContain('Markerade');
    await expect.poll(async () => Math.abs((await darkPixels(page, '#h')) - plain), { timeout: 30_000 }).toBeLessThan(40);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('embed.html', () => {
  it('renders one full-size map configured from its query string', async () => {
    const { page, requests, errors } = await openPage(browser, 800, 700);
    await page.goto(`${BASE_URL}embed.html?level=kommun&indicator=kolada-n00923&year=2010&class=equal&k=7&hl=1480,1490`);
    await waitForEmbed(page, 'klyft-map', '|2010');
    // The app's hl: the highlighted areas, named in the map's description.
    await expect
      .poll(() => page.locator('klyft-map-view div.map').getAttribute('aria-label'), { timeout: 30_000 })
      .toContain('Markerade områden: Göteborg, Borås.');
    // The app's colour parameters too: seven classes and "no data".
    expect(await page.locator('klyft-legend .range').count()).toBe(8);
    const colours = await distinctColours(page, await page.locator('klyft-map-view').screenshot());
    expect([...colours.values()].filter((n) => n > 20).length).toBeGreaterThanOrEqual(5);
    await expect(page.getByRole('slider', { name: 'År' }).getAttribute('aria-valuetext')).resolves.toBe('2010');
    const height = await page.locator('klyft-map').evaluate((el) => el.getBoundingClientRect().height);
    expect(height).toBeGreaterThan(650);
    await page.screenshot({ path: 'test-results/embed-page.png' });
    const offsite = requests.filter((url) => !url.startsWith(new URL(BASE_URL).origin + '/') && !url.startsWith('data:') && !url.startsWith('blob:'));
    expect(offsite).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
