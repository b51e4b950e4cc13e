/** The headers a real host sends (public/_headers), as `vite preview` serves them, and what they do in Chromium. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, launchBrowser, openPage } from './browser';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function headersOf(path: string): Promise<Headers> {
  const response = await fetch(new URL(path, BASE_URL));
  expect(response.status).toBe(200);
  return response.headers;
}

describe('the preview server’s headers', () => {
  it('sends the app a policy that forbids framing by other sites', async () => {
    for (const path of ['./', './index.html', './?level=kommun&indicator=kolada-n00923']) {
      const headers = await headersOf(path);
      expect(headers.get('content-security-policy')).toMatch(/frame-ancestors 'self'$/);
      expect(headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('lets any site frame embed.html', async () => {
    const headers = await headersOf('./embed.html?level=kommun');
    expect(headers.get('content-security-policy')).toMatch(/frame-ancestors \*$/);
    expect(headers.get('x-frame-options')).toBeNull();
    expect(headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('sends nosniff with scripts and data, with the right types', async () => {
    const html = await (await fetch(BASE_URL)).text();
    const script = /src="\.\/(assets\/main-[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const js = await headersOf(`./${script}`);
    expect(js.get('x-content-type-options')).toBe('nosniff');
    expect(js.get('content-type')).toMatch(/javascript/);
    const data = await headersOf('./data/catalogue.json');
    expect(data.get('x-content-type-options')).toBe('nosniff');
    expect(data.get('content-type')).toMatch(/json/);
  });
});

/** An article page on another origin (another port on this machine: a page Chromium deems public may not frame a local one at all). */
async function articleServer(body: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((_, res) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/artikel`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('framing in the browser', () => {
  it('refuses to show the app in another site’s frame, and shows embed.html there', async () => {
    const article = await articleServer(
      `<!doctype html><title>Artikel</title><iframe name="app" src="${BASE_URL}" width="600" height="400"></iframe><iframe name="embed" src="${BASE_URL}embed.html?level=kommun" width="600" height="400"></iframe>`,
    );
    const { page } = await openPage(browser);
    await page.goto(article.url);
    const frameHas = (name: string, selector: string) =>
      page
        .frame({ name })!
        .evaluate((s) => document.querySelector(s) !== null, selector)
        .catch(() => false);
    await expect.poll(() => frameHas('embed', 'klyft-map')).toBe(true);
    // A frame refused by frame-ancestors is replaced by an error page: the app never runs there.
    expect(page.frame({ name: 'app' })!.url()).toBe('chrome-error://chromewebdata/');
    expect(await frameHas('app', 'klyft-app')).toBe(false);
    await page.context().close();
    await article.close();
  });
});
