import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
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

/** What a downloaded SVG holds, parsed in the page as XML (null `error` when it parsed). */
interface SvgFacts {
  error: string | null;
  namespace: string | null;
  width: number;
  viewBox: string | null;
  title: string;
  texts: string[];
  paths: number;
  circles: number;
}

/** Clicks the download button `name` in the share dialog and parses the SVG file it saves. */
async function downloadSvg(page: Page, name: string): Promise<SvgFacts> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.svg$/);
  const text = readFileSync((await download.path())!, 'utf8');
  await download.saveAs(`test-results/${download.suggestedFilename()}`);
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const error = doc.querySelector('parsererror')?.textContent ?? null;
    const root = doc.documentElement;
    const ns = 'http://www.w3.org/2000/svg';
    return {
      error,
      namespace: root.namespaceURI,
      width: Number(root.getAttribute('width')),
      viewBox: root.getAttribute('viewBox'),
      title: [...root.children].find((c) => c.localName === 'title')?.textContent ?? '',
      texts: [...doc.getElementsByTagNameNS(ns, 'text')].map((t) => t.textContent ?? ''),
      // Drawn marks only: paths with a stroke or fill, not the background or axes' ticks.
      paths: doc.getElementsByTagNameNS(ns, 'path').length,
      circles: doc.getElementsByTagNameNS(ns, 'circle').length,
    };
  }, text);
}

/** Opens the share dialog of `url` once the map, the gap chart and the area's chart are drawn. */
async function openShareWithCharts(page: Page, url: string, openLabel: string): Promise<void> {
  await page.goto(url);
  await waitForMap(page);
  await page.locator('klyft-gap-panel circle[data-year]').first().waitFor({ timeout: 60_000 });
  await page.locator('klyft-area-detail svg[role="img"] path').first().waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: openLabel }).click();
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
    // "Cite this": publisher, indicator, years, the view's link and the day.
    const cite = texts.find((t) => t.includes('Bearbetat i Klyftkartan'));
    expect(cite).toMatch(
      /^RKA[^.]*\. Invånare, 0-19 år, med låg ekonomisk standard, andel \(%\), 2011–2022\. .*indicator=kolada-n66077.* \(hämtad \d{4}-\d{2}-\d{2}\)\.$/,
    );
    await expect(dialog.getByRole('textbox', { name: 'Citera vyn (källhänvisning)' }).count()).resolves.toBe(1);
    // The dialog with its fields, copy buttons and the live preview passes WCAG 2.1 AA.
    await page.locator('klyft-share-dialog klyft-map[data-map-key]').waitFor({ timeout: 60_000 });
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
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
    expect(lines.some((l) => l.startsWith('# Källhänvisning: RKA') && l.includes('. Invånare, 0-19 år') && l.includes('Bearbetat i Klyftkartan'))).toBe(true);
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
  it('downloads both charts as standalone SVG files with title, source and the drawn lines', async () => {
    const { page, errors } = await openPage(browser);
    await openShareWithCharts(page, `${VIEW}&area=1480`, 'Dela och ladda ner');
    const gap = await downloadSvg(page, 'Diagram över skillnaderna (SVG)');
    const series = await downloadSvg(page, 'Områdets tidsserie (SVG)');
    for (const svg of [gap, series]) {
      expect(svg.error).toBeNull();
      expect(svg.namespace).toBe('http://www.w3.org/2000/svg');
      expect(svg.width).toBeGreaterThan(200);
      expect(svg.viewBox).toMatch(/^0 0 \d+(\.\d+)? \d+(\.\d+)?$/);
      expect(svg.title).toBe('Invånare, 0-19 år, med låg ekonomisk standard, andel (%)');
      // The title line, wrapped to the chart's width.
      expect(svg.texts.join(' ')).toContain(svg.title);
      expect(svg.texts.some((t) => t.startsWith('Källa:') && t.includes('Kolada'))).toBe(true);
      expect(svg.texts.some((t) => t.startsWith('Licens:'))).toBe(true);
      expect(svg.paths).toBeGreaterThanOrEqual(1);
    }
    // The gap chart: one point per year of the series (2011–2022) and the measure's line.
    expect(gap.circles).toBeGreaterThanOrEqual(12);
    expect(gap.texts.some((t) => t.includes('2011–2022'))).toBe(true);
    // The area chart: Göteborg's series against the median.
    expect(series.paths).toBeGreaterThanOrEqual(2);
    expect(series.texts.some((t) => t.startsWith('Göteborg:'))).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('writes the SVG download in English when the view is in English', async () => {
    const { page } = await openPage(browser);
    await openShareWithCharts(page, `${VIEW}&area=1480&lang=en`, 'Share and download');
    const gap = await downloadSvg(page, 'Gap chart (SVG)');
    expect(gap.error).toBeNull();
    expect(gap.title).toBe('Residents aged 0–19 with low economic standard (%)');
    expect(gap.texts.some((t) => t.startsWith('Source:') && t.includes('Kolada'))).toBe(true);
    expect(gap.texts.some((t) => t.startsWith('Licence:'))).toBe(true);
    expect(gap.texts.some((t) => t.includes('by year'))).toBe(true);
    expect(gap.texts.join(' ')).not.toMatch(/Källa|Licens|per år/);
    const series = await downloadSvg(page, 'Area time series (SVG)');
    expect(series.texts.some((t) => t.includes('compared with the median'))).toBe(true);
    await page.context().close();
  });
});
