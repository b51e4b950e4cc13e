/** Highlighted areas in the app's URL (`hl`): outlined, labelled and named on the map, kept on reload. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, launchBrowser, openPage, waitForMap } from './browser';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** The accessible name of the map region. */
function mapLabel(page: Page) {
  return page.locator('klyft-map-view div.map').getAttribute('aria-label');
}

describe('?hl= (highlighted areas)', () => {
  it('names the highlighted areas on the map, drops a code the level lacks with a notice, and keeps them on reload', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${BASE_URL}?level=kommun&indicator=kolada-n66077&year=2022&hl=1480,1490,9999`);
    await waitForMap(page);
    await expect.poll(() => mapLabel(page), { timeout: 30_000 }).toContain('Markerade områden: Göteborg, Borås.');
    // 9999 is no kommun: said so, and left out of the address.
    await expect(page.getByText('"9999" finns inte på den här nivån', { exact: false }).isVisible()).resolves.toBe(true);
    await expect.poll(() => new URL(page.url()).searchParams.get('hl')).toBe('1480,1490');
    await page.screenshot({ path: 'test-results/app-highlight.png' });
    await page.reload();
    await waitForMap(page);
    await expect.poll(() => mapLabel(page), { timeout: 30_000 }).toContain('Markerade områden: Göteborg, Borås.');
    await expect.poll(() => new URL(page.url()).searchParams.get('hl')).toBe('1480,1490');
    // The share dialog carries them: permalink and iframe as hl, the element as highlight, and its preview shows them.
    await page.getByRole('button', { name: 'Dela och ladda ner' }).click();
    const dialog = page.getByRole('dialog', { name: 'Dela den här vyn' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await expect(dialog.getByRole('textbox', { name: 'Länk till vyn' }).inputValue()).resolves.toContain('&hl=1480,1490');
    await expect(dialog.getByRole('textbox', { name: 'Bädda in med <klyft-map> (skript)' }).inputValue()).resolves.toContain('highlight="1480,1490"');
    await expect(dialog.getByRole('textbox', { name: 'Bädda in med iframe (utan skript)' }).inputValue()).resolves.toContain('&amp;hl=1480,1490');
    const preview = page.locator('klyft-share-dialog klyft-map klyft-map-view div.map');
    await expect.poll(() => preview.getAttribute('aria-label'), { timeout: 60_000 }).toContain('Markerade områden: Göteborg, Borås.');
    await page.keyboard.press('Escape');
    // Another division: the highlights go with the areas (no notice about them).
    await page.getByRole('combobox', { name: 'Indelning' }).selectOption('gbg-primaromrade');
    await expect.poll(() => new URL(page.url()).searchParams.get('level')).toBe('gbg-primaromrade');
    await expect.poll(() => new URL(page.url()).searchParams.has('hl')).toBe(false);
    await waitForMap(page);
    await expect.poll(() => mapLabel(page), { timeout: 30_000 }).not.toContain('Markerade');
    await expect(page.getByText('finns inte på den här nivån', { exact: false }).count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
