import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, distinctColours, launchBrowser, openPage, waitForMap } from './browser';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const VIEW = `${BASE_URL}?level=kommun&indicator=kolada-n66077&year=2022`;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('sharing and downloads', () => {
  it('offers the permalink and both embed snippets for exactly this view', async () => {
    const { page } = await openPage(browser);
    await page.goto(VIEW);
    await waitForMap(page);
    await page.getByRole('button', { name: 'Dela och ladda ner' }).click();
    const dialog = page.getByRole('dialog', { name: 'Dela den här vyn' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const texts = await dialog.locator('textarea').evaluateAll((areas) => areas.map((a) => (a as HTMLTextAreaElement).value));
    expect(texts.some((t) => t.includes('indicator=kolada-n66077') && t.includes('year=2022'))).toBe(true);
    expect(texts.some((t) => t.includes('<klyft-map') && t.includes('indicator="kolada-n66077"'))).toBe(true);
    expect(texts.some((t) => t.includes('<iframe') && t.includes('embed.html?'))).toBe(true);
    await page.context().close();
  });

  it('downloads the table as CSV with the source and licence lines and one row per area', async () => {
    const { page } = await openPage(browser);
    await page.goto(VIEW);
    await waitForMap(page);
    await page.getByRole('button', { name: 'Dela och ladda ner' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tabell (CSV)' }).click()]);
    const text = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const lines = text.trim().split(/\r?\n/);
    expect(lines.some((l) => l.startsWith('# Källa:') && l.includes('Kolada'))).toBe(true);
    expect(lines.some((l) => l.startsWith('# Licens:'))).toBe(true);
    expect(lines.some((l) => l.startsWith('# Vy:') && l.includes('indicator=kolada-n66077'))).toBe(true);
    const header = lines.findIndex((l) => l.startsWith('kod,namn,år,värde'));
    expect(header).toBeGreaterThan(0);
    expect(lines.length - header - 1).toBe(290);
    expect(lines.some((l) => l.startsWith('1480,Göteborg,2022,'))).toBe(true);
    await page.context().close();
  });

  it('downloads a PNG at print size (≥ 1600 px at 2×) with the map’s and the legend’s colours in it', async () => {
    const { page } = await openPage(browser);
    await page.goto(VIEW);
    await waitForMap(page);
    await page.getByRole('button', { name: 'Dela och ladda ner' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Bild (PNG)' }).click()]);
    const bytes = readFileSync((await download.path())!);
    const { width, height } = pngSize(bytes);
    expect(width).toBeGreaterThanOrEqual(3200);
    expect(height).toBeGreaterThan(1000);
    const colours = await distinctColours(page, bytes);
    // The five YlOrRd classes of the map and its legend.
    const palette = ['255,255,178', '254,204,92', '253,141,60', '240,59,32', '189,0,38'];
    expect(palette.filter((c) => (colours.get(c) ?? 0) > 50).length).toBeGreaterThanOrEqual(4);
    await page.context().close();
  });
});
