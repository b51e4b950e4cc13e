import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateStory, type Story } from '../../src/story/story';
import type { KlyftMapView } from '../../src/components/klyft-map-view';
import { BASE_URL, launchBrowser, openPage, waitForMap } from './browser';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

function param(page: Page, name: string): string | null {
  return new URL(page.url()).searchParams.get(name);
}

function editor(page: Page) {
  return page.getByRole('region', { name: 'Redigera berättelse' });
}

async function openEditor(page: Page): Promise<void> {
  await page.getByText('Berättelse', { exact: true }).click();
  await page.getByRole('button', { name: 'Redigera berättelse' }).click();
  await expect.poll(() => editor(page).isVisible()).toBe(true);
}

describe('the story editor', () => {
  it('builds a two-scene story from views, reorders and captions it, saves it as a file and shares it as a link that presents', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${BASE_URL}?level=kommun&indicator=kolada-n66077&year=2022`);
    await waitForMap(page);
    await openEditor(page);
    const panel = editor(page);

    await panel.getByRole('button', { name: 'Lägg till vyn som scen' }).click();
    await expect.poll(() => panel.getByRole('heading', { name: /^Scen 1: .+ 2022$/ }).count()).toBe(1);

    // A second view: the first year.
    const slider = page.getByRole('slider', { name: 'År' });
    await slider.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => param(page, 'year')).toBe('2011');
    await panel.getByRole('button', { name: 'Lägg till vyn som scen' }).click();
    await expect.poll(() => panel.getByRole('heading', { name: /^Scen 2: .+ 2011$/ }).count()).toBe(1);
    expect(await panel.getByRole('button', { name: 'Flytta upp scen 1' }).isDisabled()).toBe(true);

    // 2011 first, then 2022.
    await panel.getByRole('button', { name: 'Flytta upp scen 2' }).click();
    await expect.poll(() => panel.getByRole('heading', { name: /^Scen 1: .+ 2011$/ }).count()).toBe(1);
    await expect.poll(() => panel.getByRole('heading', { name: /^Scen 2: .+ 2022$/ }).count()).toBe(1);

    const axe = await new AxeBuilder({ page })
      .include({ fromShadowDom: ['klyft-app', 'klyft-story-editor'] })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(axe.passes.some((p) => p.id === 'label')).toBe(true);

    await panel.getByLabel('Titel (svenska)').fill('Testresa');
    await panel.getByLabel('Bildtext (svenska)').first().fill('Början: läget år 2011.');

    // The draft survives a reload.
    await page.reload();
    await waitForMap(page);
    await openEditor(page);
    await expect.poll(() => panel.getByLabel('Bildtext (svenska)').first().inputValue()).toBe('Början: läget år 2011.');
    expect(await panel.getByRole('heading', { name: /^Scen \d: / }).count()).toBe(2);

    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Spara som fil' }).click()]);
    expect(download.suggestedFilename()).toBe('klyftkartan-testresa.json');
    const result = validateStory(JSON.parse(await readFile((await download.path())!, 'utf8')));
    expect('errors' in result ? result.errors : []).toEqual([]);
    const story = (result as { story: Story }).story;
    expect(story.title.sv).toBe('Testresa');
    expect(story.scenes.map((s) => s.view.year)).toEqual([2011, 2022]);
    expect(story.scenes.map((s) => s.caption.sv)).toEqual(['Början: läget år 2011.', '{summary}']);
    expect(story.scenes[0]!.view).toMatchObject({ level: 'kommun', indicator: 'kolada-n66077', mode: 'level' });
    expect(story.scenes[0]!.camera?.zoom).toBeGreaterThan(0);

    await panel.getByRole('button', { name: 'Dela som länk' }).click();
    const link = await panel.getByLabel('Kopiera länken:').inputValue();
    expect(link).toMatch(new RegExp(`^${BASE_URL.replace(/[.?]/g, '\\$&')}#story=[A-Za-z0-9_-]+$`));

    const { page: viewer } = await openPage(browser, 1920, 1080);
    await viewer.goto(link);
    await waitForMap(viewer);
    const notices = viewer.locator('klyft-notices');
    await expect.poll(() => notices.getByText('Berättelsen "Testresa" är laddad – tryck Presentera.').count()).toBe(1);
    await notices.getByRole('button', { name: 'Presentera' }).click();
    await expect.poll(() => viewer.locator('klyft-presenter [data-caption]').textContent()).toBe('Början: läget år 2011.');
    await expect.poll(() => param(viewer, 'year')).toBe('2011');
  });

  it('warns about a broken story link and otherwise starts normally', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${BASE_URL}#story=not-a-story`);
    await waitForMap(page);
    const notice = page.locator('klyft-notices').getByText('Berättelsen i länken kunde inte öppnas: Berättelsen i länken är skadad eller avklippt.');
    await expect.poll(() => notice.count()).toBe(1);
    expect(await page.getByRole('slider', { name: 'År' }).isVisible()).toBe(true);
  });

  it('refuses to save a story with an unknown placeholder, naming the field', async () => {
    const { page } = await openPage(browser);
    await page.goto(BASE_URL);
    await waitForMap(page);
    await openEditor(page);
    const panel = editor(page);
    await panel.getByRole('button', { name: 'Lägg till vyn som scen' }).click();
    await panel.getByLabel('Bildtext (engelska)').first().fill('The {nonsense}');
    await panel.getByRole('button', { name: 'Spara som fil' }).click();
    await expect.poll(() => panel.getByRole('alert').textContent()).toContain('scenes[0].caption.en har en okänd platshållare: {nonsense}');
  });
});

describe('highlighted areas in the story editor', () => {
  it('adds the selected areas to a scene, removes one by keyboard, and keeps them in the file and the link', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${BASE_URL}?level=kommun&indicator=kolada-n66077&year=2022&area=1480`);
    await waitForMap(page);
    await openEditor(page);
    const panel = editor(page);
    await panel.getByRole('button', { name: 'Lägg till vyn som scen' }).click();
    const scene = panel.locator('li[data-scene="scene-1"]');
    await expect.poll(() => scene.getByText('Inga markerade områden.').count()).toBe(1);
    const saved = (code: string) => expect.poll(() => page.evaluate(() => localStorage.getItem('klyft-story-draft') ?? '')).toContain(`"${code}"`);
    await scene.getByRole('button', { name: 'Markera Göteborg' }).click();
    await saved('1480');
    await expect.poll(() => scene.getByRole('button', { name: 'Ta bort markeringen av Göteborg i scen 1' }).count()).toBe(1);
    await expect.poll(() => panel.getByRole('status').textContent()).toBe('Göteborg markeras i scen 1.');
    // Already highlighted: the add button is off until another area is selected.
    expect(await scene.locator('button[data-add-highlight]').isDisabled()).toBe(true);
    await expect.poll(() => scene.getByText('Göteborg är redan markerad i scenen.', { exact: false }).count()).toBe(1);

    // Select two more areas (the draft is kept across the navigation).
    for (const [code, name] of [
      ['1280', 'Malmö'],
      ['0180', 'Stockholm'],
    ]) {
      await page.goto(`${BASE_URL}?level=kommun&indicator=kolada-n66077&year=2022&area=${code}`);
      await waitForMap(page);
      await openEditor(page);
      await scene.getByRole('button', { name: `Markera ${name}` }).click();
      await saved(code!);
    }
    const chips = () => scene.locator('.chips li').allTextContents();
    await expect.poll(async () => (await chips()).map((t) => t.replace(/[×\s]+/g, ' ').trim())).toEqual(['Göteborg', 'Malmö', 'Stockholm']);

    // Keyboard: remove Malmö with Enter; focus moves to the next chip's remove button.
    await scene.getByRole('button', { name: 'Ta bort markeringen av Malmö i scen 1' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await chips()).map((t) => t.replace(/[×\s]+/g, ' ').trim())).toEqual(['Göteborg', 'Stockholm']);
    await expect
      .poll(() =>
        page.evaluate(() => {
          let active: Element | null = document.activeElement;
          while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
          return active?.getAttribute('aria-label');
        }),
      )
      .toBe('Ta bort markeringen av Stockholm i scen 1');
    await expect.poll(() => panel.getByRole('status').textContent()).toBe('Malmö markeras inte längre i scen 1.');

    const axe = await new AxeBuilder({ page })
      .include({ fromShadowDom: ['klyft-app', 'klyft-story-editor'] })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    await panel.getByLabel('Titel (svenska)').fill('Markeringar');
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Spara som fil' }).click()]);
    const result = validateStory(JSON.parse(await readFile((await download.path())!, 'utf8')));
    expect('story' in result && result.story.scenes[0]!.highlight).toEqual(['1480', '0180']);

    await panel.getByRole('button', { name: 'Dela som länk' }).click();
    const link = await panel.getByLabel('Kopiera länken:').inputValue();
    const { page: viewer } = await openPage(browser, 1600, 1000);
    await viewer.goto(link);
    await waitForMap(viewer);
    await viewer.locator('klyft-notices').getByRole('button', { name: 'Presentera' }).click();
    await expect
      .poll(() =>
        viewer
          .locator('klyft-app')
          .locator('klyft-map-view')
          .evaluate((el) => (el as unknown as KlyftMapView).effects?.highlightNames() ?? []),
      )
      .toEqual(['Göteborg', 'Stockholm']);
    await expect.poll(() => viewer.locator('klyft-presenter [data-highlights]').textContent()).toBe('Markerade områden: Göteborg, Stockholm.');
    await viewer.context().close();
    await page.context().close();
  });

  it('asks for a selected area before a scene can highlight one', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${BASE_URL}?level=kommun&indicator=kolada-n66077&year=2022`);
    await waitForMap(page);
    await openEditor(page);
    const panel = editor(page);
    await panel.getByRole('button', { name: 'Lägg till vyn som scen' }).click();
    const scene = panel.locator('li[data-scene="scene-1"]');
    expect(await scene.getByRole('button', { name: 'Markera valt område' }).isDisabled()).toBe(true);
    await expect.poll(() => scene.getByText('Välj ett område på kartan eller i tabellen för att markera det i scenen.').count()).toBe(1);
    await page.context().close();
  });
});

describe('scene camera', () => {
  it('presents a scene at its saved camera instead of fitting the level', async () => {
    const story = {
      version: 1,
      title: { sv: 'Kamera', en: 'Camera' },
      scenes: [
        {
          id: 'gbg',
          view: { level: 'kommun', indicator: 'kolada-n66077', year: 2020 },
          camera: { center: [11.97, 57.71], zoom: 8.5 },
          caption: { sv: 'Göteborg nära.', en: 'Göteborg close.' },
        },
        { id: 'rike', view: { level: 'kommun', indicator: 'kolada-n66077', year: 2021 }, caption: { sv: 'Hela riket.', en: 'All of Sweden.' } },
      ],
    };
    const { page } = await openPage(browser, 1920, 1080);
    await page.goto(BASE_URL);
    await waitForMap(page);
    await page.getByText('Berättelse', { exact: true }).click();
    await page
      .getByLabel('Öppna en berättelse (JSON-fil)')
      .setInputFiles({ name: 's.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(story)) });
    const camera = () => page.evaluate(() => document.querySelector('klyft-app')!.shadowRoot!.querySelector('klyft-map-view')!.camera());
    await expect.poll(async () => (await camera())?.zoom).toBe(8.5);
    const at = (await camera())!;
    expect(at.center[0]).toBeCloseTo(11.97, 3);
    expect(at.center[1]).toBeCloseTo(57.71, 3);
    // The next scene has no camera: the whole level is fitted again (Sweden needs a far smaller zoom).
    await page.keyboard.press('PageDown');
    await expect.poll(async () => (await camera())?.zoom ?? 99).toBeLessThan(6);
  });
});

describe('the installable app', () => {
  it('links a web app manifest that is served with its icons', async () => {
    const { page } = await openPage(browser);
    await page.goto(BASE_URL);
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBe('manifest.webmanifest');
    expect(await page.locator('meta[name="theme-color"]').getAttribute('content')).toBe('#005a9c');
    const response = await page.request.get(new URL(href!, BASE_URL).href);
    expect(response.status()).toBe(200);
    const manifest = (await response.json()) as {
      name: string;
      lang: string;
      start_url: string;
      display: string;
      icons: { src: string; sizes: string; purpose: string }[];
    };
    expect(manifest).toMatchObject({ name: 'Klyftkartan', lang: 'sv', start_url: './', display: 'standalone' });
    for (const size of ['192x192', '512x512']) {
      const icon = manifest.icons.find((i) => i.sizes === size);
      expect(icon?.purpose).toBe('any maskable');
      const image = await page.request.get(new URL(icon!.src, BASE_URL).href);
      expect(image.status()).toBe(200);
      expect(image.headers()['content-type']).toBe('image/png');
    }
  });
});
