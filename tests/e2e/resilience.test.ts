import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, launchBrowser, openPage, waitForMap } from './browser';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('when things go wrong', () => {
  it('shows an error view naming the file when data fails to load', async () => {
    const { page } = await openPage(browser);
    await page.route('**/data/catalogue.json', (route) => route.fulfill({ status: 503, body: 'down' }));
    await page.goto(BASE_URL);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('catalogue.json');
    expect(await alert.textContent()).toContain('HTTP 503');
    expect(await page.getByRole('button', { name: 'Försök igen' }).count()).toBe(1);
    await page.context().close();
  });

  it('offers indicators and divisions that have data when the chosen one has none here', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${BASE_URL}?level=gbg-deso&indicator=kolada-n00923&year=2022`);
    await expect.poll(() => page.getByText('finns inte för Göteborg · DeSO', { exact: false }).count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Sverige · kommuner' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('level')).toBe('kommun');
    await waitForMap(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('reading the map', () => {
  it('shows an area’s name, value and rank on hover', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${BASE_URL}?level=gbg-stadsomrade&indicator=scb-deso-low-econ&year=2022`);
    await waitForMap(page);
    const box = (await page.locator('klyft-map-view').boundingBox())!;
    // Sweep the middle of the map until the pointer is over a district.
    let text = '';
    for (let i = 0; i < 12 && !text.includes('av 4'); i++) {
      await page.mouse.move(box.x + box.width * (0.3 + 0.04 * i), box.y + box.height * (0.35 + 0.03 * i));
      await page.waitForTimeout(150);
      const tooltip = page.getByRole('tooltip');
      text = (await tooltip.count()) > 0 ? ((await tooltip.first().textContent()) ?? '') : '';
    }
    expect(text).toMatch(/\d+\s?%/);
    expect(text).toMatch(/Plats \d av 4/);
    await page.context().close();
  });

  it('lists every source and licence in the sources view', async () => {
    const { page } = await openPage(browser);
    await page.goto(BASE_URL);
    await waitForMap(page);
    await page.getByRole('button', { name: 'Källor' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const text = (await dialog.textContent()) ?? '';
    expect(text).toContain('Kolada');
    expect(text).toContain('SCB');
    expect(text).toContain('Göteborgs Stad');
    expect(text).toMatch(/MIT|CC BY/);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await page.context().close();
  });

  it('fits a 360 px phone without sideways scrolling', async () => {
    const { page, errors } = await openPage(browser, 360, 740);
    await page.goto(BASE_URL);
    await waitForMap(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await page.getByRole('slider', { name: 'År' }).isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
