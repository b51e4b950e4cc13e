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
    const { page } = await openPage(browser);
    await page.goto(BASE_URL);
    await waitForMap(page);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.waitForFunction(() => document.documentElement.dataset.offline === 'ready', undefined, { timeout: 60_000 });
    const status = await page.locator('klyft-offline-status').first().getByRole('status').textContent();
    expect(status).toMatch(/^Redo att användas offline \(\d+,\d\u00a0MB\)$/);

    await page.context().setOffline(true);
    // The network really is off: a file the worker never cached fails.
    const uncached = await page.evaluate(() => fetch(`not-cached-${Date.now()}.json`).then((r) => r.status, () => 'failed'));
    expect(uncached).toBe('failed');

    await page.reload();
    await waitForMap(page);
    const story = await page.evaluate(async () => {
      const response = await fetch('stories/example.json');
      const json = (await response.json()) as { title: { sv: string }; scenes: unknown[] };
      return { title: json.title.sv, scenes: json.scenes.length };
    });
    expect(story).toEqual({ title: 'Barnfattigdomens klyfta', scenes: 5 });
    await page.context().close();
  });
});
