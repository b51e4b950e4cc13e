/** Offline: once the service worker has precached the app, the map and the stories work with the network off. */
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

describe('offline use', () => {
  it('says it is ready for offline use, then draws the map and loads the example story with the network off', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(BASE_URL);
    await waitForMap(page);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.waitForFunction(() => document.documentElement.dataset.offline === 'ready', undefined, { timeout: 60_000 });
    const status = await page.locator('klyft-offline-status').first().getByRole('status').textContent();
    expect(status).toMatch(/^Redo att användas offline \(\d+,\d\u00a0MB\)$/);

    await page.context().setOffline(true);
    // The network really is off: a file the worker never cached fails.
    const uncached = await page.evaluate(() =>
      fetch(`not-cached-${Date.now()}.json`).then(
        (r) => r.status,
        () => 'failed',
      ),
    );
    expect(uncached).toBe('failed');

    await page.reload();
    await waitForMap(page);
    const story = await page.evaluate(async () => {
      const response = await fetch('stories/example.json');
      const json = (await response.json()) as { title: { sv: string }; scenes: unknown[] };
      return { title: json.title.sv, scenes: json.scenes.length };
    });
    expect(story).toEqual({ title: 'Barnfattigdomens klyfta', scenes: 5 });

    // Presenter mode with the network off: the lazily loaded presenter code, the story and every scene's data come from the cache.
    const caption = page.locator('klyft-presenter [data-caption]');
    await page.getByText('Berättelse', { exact: true }).click();
    await page.getByRole('button', { name: 'Exempelberättelse' }).click();
    await expect.poll(() => caption.textContent(), { timeout: 30_000 }).toMatch(/^Barn i ekonomiskt utsatta hushåll, 2011\./);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('klyft-presenter').count()).toBe(0);
    await page.keyboard.press('f');
    await expect.poll(() => caption.textContent()).toMatch(/^Barn i ekonomiskt utsatta hushåll, 2011\./);
    await page.keyboard.press('PageDown');
    await expect.poll(() => caption.textContent()).toMatch(/^År för år: skillnaden var/);
    // The last scene: another level (Göteborg's DeSO areas), two highlighted areas.
    await page.keyboard.press('End');
    await expect.poll(() => new URL(page.url()).searchParams.get('level'), { timeout: 30_000 }).toBe('gbg-deso');
    await expect.poll(() => page.locator('klyft-presenter [data-highlights]').textContent(), { timeout: 30_000 }).toMatch(/^Markerade områden: .+, .+\.$/);
    await expect.poll(() => caption.textContent()).toMatch(/^Två DeSO-områden i samma stad/);
    // Only the deliberately uncached request above failed.
    expect(errors.filter((e) => e !== 'Failed to load resource: net::ERR_FAILED')).toEqual([]);
    expect(errors.length).toBeLessThanOrEqual(1);
    await page.context().close();
  });
});
