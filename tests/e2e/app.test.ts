import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, distinctColours, launchBrowser, openPage, waitForMap, waitForMapKey } from './browser';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** The heading above the map that names the indicator and year. */
function mainHeading(page: Page) {
  return page.getByRole('main').getByRole('heading', { level: 2 }).first();
}

/** The data table (the map's accessible alternative), not the gap panel's small table. */
function dataTable(page: Page) {
  return page.locator('klyft-data-table').getByRole('table');
}

function yearSlider(page: Page) {
  return page.getByRole('slider', { name: 'År' });
}

/** The map's fill canvas: a hash of its pixels, its size, how many pixels are opaque, and how its fills were drawn (data-fill). */
function fillPixels(page: Page) {
  return page.locator('canvas.klyft-choropleth').evaluate((canvas: HTMLCanvasElement) => {
    const data = canvas.getContext('2d', { willReadFrequently: true })!.getImageData(0, 0, canvas.width, canvas.height).data;
    let hash = 2166136261;
    let opaque = 0;
    for (let i = 0; i < data.length; i++) hash = Math.imul(hash ^ data[i]!, 16777619) >>> 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] === 255) opaque++;
    return { hash, width: canvas.width, height: canvas.height, opaque, fill: canvas.dataset['fill'] };
  });
}

describe('the first view', () => {
  it('loads from the origin only, draws a choropleth in several palette colours, and logs no errors', async () => {
    const { page, requests, errors } = await openPage(browser);
    await page.goto(BASE_URL);
    await waitForMap(page);
    const offsite = requests.filter((url) => !url.startsWith(BASE_URL) && !url.startsWith('data:') && !url.startsWith('blob:'));
    expect(offsite).toEqual([]);
    const png = await page.locator('klyft-map-view').screenshot();
    const colours = await distinctColours(page, png);
    // ColorBrewer YlOrRd 5-class colours (the default palette, higher = worse).
    const palette = ['255,255,178', '254,204,92', '253,141,60', '240,59,32', '189,0,38'];
    const present = palette.filter((c) => (colours.get(c) ?? 0) > 20);
    expect(present.length).toBeGreaterThanOrEqual(4);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('passes axe-core with no WCAG 2.1 AA violations', async () => {
    const { page } = await openPage(browser);
    await page.goto(BASE_URL);
    await waitForMap(page);
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.context().close();
  });
});

describe('the time slider', () => {
  it('moves the year with the keyboard, changing the shown year, the URL and the map pixels', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${BASE_URL}?level=kommun&indicator=kolada-n66077&year=2022`);
    await waitForMapKey(page, '|2022');
    const before = await page.locator('klyft-map-view').screenshot();
    const slider = yearSlider(page);
    await slider.focus();
    await page.keyboard.press('Home');
    await waitForMapKey(page, '|2011');
    expect(await slider.getAttribute('aria-valuetext')).toBe('2011');
    // The URL follows once the new colours are on screen.
    await expect.poll(() => new URL(page.url()).searchParams.get('year')).toBe('2011');
    await expect.poll(() => mainHeading(page).textContent()).toContain('2011');
    const after = await page.locator('klyft-map-view').screenshot();
    expect(after.equals(before)).toBe(false);

    await page.keyboard.press('ArrowRight');
    await waitForMapKey(page, '|2012');
    await expect.poll(() => new URL(page.url()).searchParams.get('year')).toBe('2012');
    await page.keyboard.press('End');
    await waitForMapKey(page, '|2022');
    await page.context().close();
  });

  it('shows a year stepped to from a frame rendered ahead, pixel for pixel as that year drawn afresh', async () => {
    const url = (year: number) => `${BASE_URL}?level=kommun&indicator=kolada-n66077&year=${year}`;
    // A fresh load draws the areas' paths.
    const { page: fresh } = await openPage(browser);
    await fresh.goto(url(2021));
    await waitForMapKey(fresh, '|2021');
    await fresh.waitForTimeout(300);
    const drawn2021 = await fillPixels(fresh);
    expect(drawn2021.fill).toBe('paths');
    await fresh.context().close();

    const { page, errors } = await openPage(browser);
    await page.goto(url(2020));
    await waitForMapKey(page, '|2020');
    const drawn2020 = await fillPixels(page);
    expect(drawn2020.fill).toBe('paths');
    expect(drawn2020.opaque).toBeGreaterThan(10_000);
    expect(drawn2020.hash).not.toBe(drawn2021.hash);
    // The years beside the shown one are rendered once the map has been still for a moment and
    // the browser is idle: step back and forth until a step shows such a frame (a slow machine may need a few).
    const drawn = { 2020: drawn2020, 2021: drawn2021 };
    await yearSlider(page).focus();
    const framed: number[] = [];
    for (let step = 0; step < 8 && framed.length < 2; step++) {
      await page.waitForTimeout(800);
      const year = step % 2 === 0 ? 2021 : 2020;
      await page.keyboard.press(year === 2021 ? 'ArrowRight' : 'ArrowLeft');
      await waitForMapKey(page, `|${year}`);
      const shown = await fillPixels(page);
      if (shown.fill !== 'frame') continue;
      expect(shown).toEqual({ ...drawn[year], fill: 'frame' });
      framed.push(year);
    }
    expect(framed).toHaveLength(2);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('restores the exact view from its URL on reload, and back/forward walk through the changes', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${BASE_URL}?level=kommun&indicator=kolada-n00923&year=2010&class=equal&k=7`);
    await waitForMapKey(page, '|2010');
    await page.reload();
    await waitForMapKey(page, 'kolada-n00923|equal|7|all|all|2010');
    expect(await yearSlider(page).getAttribute('aria-valuetext')).toBe('2010');
    await page.getByText('Inställningar för färger').click();
    await expect.poll(() => page.getByRole('combobox', { name: 'Klassindelning' }).inputValue()).toBe('equal');
    await expect.poll(() => page.getByRole('combobox', { name: 'Antal klasser' }).inputValue()).toBe('7');

    await yearSlider(page).focus();
    await page.keyboard.press('ArrowRight');
    await waitForMapKey(page, '|2011');
    await page.goBack();
    await waitForMapKey(page, '|2010');
    expect(await yearSlider(page).getAttribute('aria-valuetext')).toBe('2010');
    await page.goForward();
    await waitForMapKey(page, '|2011');
    await page.context().close();
  });
});

describe('levels, table and details', () => {
  it('lists all 96 of Göteborg’s primärområden in the table view', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(BASE_URL);
    await waitForMap(page);
    await page.getByRole('combobox', { name: 'Indelning' }).selectOption('gbg-primaromrade');
    await page.getByRole('button', { name: 'Tabell' }).click();
    const table = dataTable(page);
    await expect.poll(() => table.locator('tbody tr').count()).toBe(96);
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('table');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows DeSO areas without a value as "no data" with the reason', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${BASE_URL}?level=gbg-deso&indicator=scb-deso-low-econ&year=2022&view=table`);
    const table = dataTable(page);
    await expect.poll(() => table.locator('tbody tr').count()).toBe(320);
    await expect.poll(() => table.getByText('Gränsen har ändrats', { exact: false }).count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('a link that names only a district level shows that level with one of its own indicators', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${BASE_URL}?level=gbg-deso`);
    await waitForMap(page);
    const indicator = new URL(page.url()).searchParams.get('indicator');
    expect(indicator).toMatch(/^scb-deso-/);
    await expect.poll(() => mainHeading(page).textContent()).toContain('2022');
    await expect.poll(() => page.getByText('finns inte för', { exact: false }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('opens an area’s details with its series when chosen', async () => {
    const { page } = await openPage(browser);
    await page.goto(BASE_URL);
    await waitForMap(page);
    await page.getByRole('button', { name: 'Göteborg' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('area')).toBe('1480');
    await expect.poll(() => page.getByRole('heading', { name: /Göteborg/ }).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText(/Plats \d+ av 290/).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('img', { name: /Göteborg/ }).count()).toBe(1);
    await page.context().close();
  });

  it('falls back from bad URL parameters with a visible notice instead of crashing', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${BASE_URL}?level=atlantis&indicator=kolada-n66077&year=1850&zoom=9`);
    await waitForMap(page);
    await expect.poll(() => page.getByText('"atlantis"', { exact: false }).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText('"zoom"', { exact: false }).count()).toBeGreaterThan(0);
    await expect.poll(() => new URL(page.url()).searchParams.get('level')).toBe('kommun');
    await expect.poll(() => new URL(page.url()).searchParams.get('year')).toBe('2011');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('switches to English: interface, indicator names and number format', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${BASE_URL}?level=kommun&indicator=kolada-n00923&year=2022&view=table`);
    await expect.poll(() => dataTable(page).locator('tbody tr').count()).toBe(290);
    expect(await mainHeading(page).textContent()).toContain('Medellivslängd');
    const swedishCell = await dataTable(page).locator('tbody tr').first().textContent();
    expect(swedishCell).toMatch(/\d,\d/);
    await page.getByRole('button', { name: 'In English' }).click();
    await expect.poll(() => page.getByRole('slider', { name: 'Year' }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    const englishCell = await dataTable(page).locator('tbody tr').first().textContent();
    expect(englishCell).toMatch(/\d\.\d/);
    expect(await mainHeading(page).textContent()).toContain('Life expectancy');
    await expect.poll(() => new URL(page.url()).searchParams.get('lang')).toBe('en');
    await page.context().close();
  });
});
