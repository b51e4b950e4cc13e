import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
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

/** Three scenes on the shipped kommun data: two indicators, three years, filled captions. */
const STORY = {
  version: 1,
  title: { sv: 'Testberättelse', en: 'Test story' },
  scenes: [
    {
      id: 'ett',
      view: { level: 'kommun', indicator: 'kolada-n66077', year: 2013 },
      caption: { sv: 'Scen ett: skillnaden var {gap:range:2013}.', en: 'Scene one: the gap was {gap:range:2013}.' },
      notes: { sv: 'Anteckning ett.', en: 'Note one.' },
    },
    {
      id: 'tva',
      view: { level: 'kommun', indicator: 'kolada-n00923', year: 2020 },
      caption: { sv: 'Scen två: {name:1480} {value:1480:2020}.', en: 'Scene two: {name:1480} {value:1480:2020}.' },
      notes: { sv: 'Anteckning två.', en: 'Note two.' },
    },
    {
      id: 'tre',
      view: { level: 'kommun', indicator: 'kolada-n66078', year: 2016 },
      caption: { sv: 'Scen tre.', en: 'Scene three.' },
    },
  ],
};

function param(page: Page, name: string): string | null {
  return new URL(page.url()).searchParams.get(name);
}

function caption(page: Page) {
  return page.locator('klyft-presenter [data-caption]');
}

/** Opens the app at 1920×1080 and loads a story through the story menu's file input. */
async function presentStory(story: unknown = STORY): Promise<Page> {
  const { page } = await openPage(browser, 1920, 1080);
  await page.goto(BASE_URL);
  await waitForMap(page);
  await page.getByText('Berättelse', { exact: true }).click();
  await page.getByLabel('Öppna en berättelse (JSON-fil)').setInputFiles({
    name: 'story.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(story)),
  });
  return page;
}

/** Waits until the URL shows a scene's indicator and year and the caption reads as written. */
async function expectScene(page: Page, indicator: string, year: string, text: RegExp): Promise<void> {
  await expect.poll(() => param(page, 'indicator')).toBe(indicator);
  await expect.poll(() => param(page, 'year')).toBe(year);
  await expect.poll(() => caption(page).textContent()).toMatch(text);
}

describe('presenter mode', () => {
  it('steps through a three-scene story with PageDown/PageUp, each scene showing its indicator, year and filled caption', async () => {
    const page = await presentStory();
    await expectScene(page, 'kolada-n66077', '2013', /^Scen ett: skillnaden var [\d,]+\s?procentenheter\.$/);
    // Controls are hidden: only the map and the presenter overlay remain.
    await expect.poll(() => page.getByRole('slider', { name: 'År' }).isVisible()).toBe(false);
    await expect.poll(() => page.locator('klyft-app header').isVisible()).toBe(false);
    const size = await caption(page).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(28);

    await page.keyboard.press('PageDown');
    await expectScene(page, 'kolada-n00923', '2020', /^Scen två: Göteborg [\d,]+\s?år\.$/);
    await page.keyboard.press('PageDown');
    await expectScene(page, 'kolada-n66078', '2016', /^Scen tre\.$/);
    await page.keyboard.press('PageDown'); // already at the last scene: stays
    await expectScene(page, 'kolada-n66078', '2016', /^Scen tre\.$/);
    await page.keyboard.press('PageUp');
    await expectScene(page, 'kolada-n00923', '2020', /^Scen två/);
    await page.keyboard.press('Home');
    await expectScene(page, 'kolada-n66077', '2013', /^Scen ett/);
    await page.keyboard.press('End');
    await expectScene(page, 'kolada-n66078', '2016', /^Scen tre/);

    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('klyft-presenter').count()).toBe(0);
    await expect.poll(() => page.getByRole('slider', { name: 'År' }).isVisible()).toBe(true);
    await page.context().close();
  });

  it('blanks the screen with "b" and brings it back with any key, without moving on', async () => {
    const page = await presentStory();
    await expectScene(page, 'kolada-n66077', '2013', /^Scen ett/);
    const black = page.locator('klyft-presenter [data-blackout]');
    await page.keyboard.press('b');
    await expect.poll(() => black.isVisible()).toBe(true);
    const box = await black.boundingBox();
    expect(box?.width).toBe(1920);
    expect(box?.height).toBe(1080);
    await page.keyboard.press('PageDown');
    await expect.poll(() => black.count()).toBe(0);
    expect(param(page, 'indicator')).toBe('kolada-n66077');
    await page.keyboard.press('.');
    await expect.poll(() => black.isVisible()).toBe(true);
    await black.click();
    await expect.poll(() => black.count()).toBe(0);
    await page.context().close();
  });

  it('shows validation errors for a broken story file', async () => {
    const page = await presentStory({ version: 1, title: { sv: 'x', en: 'x' }, scenes: [{ id: 'a', view: { year: 20 }, caption: { sv: 'x' } }] });
    const alert = page.locator('klyft-story-menu').getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('scenes[0].view.year ska vara ett årtal med fyra siffror');
    expect(await alert.textContent()).toContain('scenes[0].caption.en saknas');
    expect(await page.locator('klyft-presenter').count()).toBe(0);
    await page.context().close();
  });

  it('keeps a speaker window in step: either window’s keys drive both', async () => {
    const page = await presentStory();
    await expectScene(page, 'kolada-n66077', '2013', /^Scen ett/);
    const [speaker] = await Promise.all([
      page.context().waitForEvent('page'),
      page.locator('klyft-presenter').getByRole('button', { name: 'Talarvy (S)' }).click(),
    ]);
    await speaker.waitForLoadState();
    const current = speaker.locator('klyft-speaker-view [data-current]');
    await expect.poll(() => current.textContent()).toMatch(/^Scen ett: skillnaden var/);
    await expect.poll(() => speaker.locator('klyft-speaker-view [data-next]').textContent()).toBe('Scen två: … ….');
    await expect.poll(() => speaker.getByText('Anteckning ett.').isVisible()).toBe(true);
    await expect.poll(() => speaker.locator('klyft-speaker-view [data-elapsed]').textContent()).toMatch(/^\d\d:\d\d$/);

    await page.bringToFront();
    await page.keyboard.press('PageDown');
    await expect.poll(() => current.textContent()).toMatch(/^Scen två: Göteborg/);

    await speaker.bringToFront();
    await speaker.keyboard.press('PageDown');
    await expect.poll(() => param(page, 'indicator')).toBe('kolada-n66078');
    await expect.poll(() => current.textContent()).toBe('Scen tre.');
    await speaker.keyboard.press('PageUp');
    await expect.poll(() => param(page, 'indicator')).toBe('kolada-n00923');
    await page.context().close();
  });

  it('loops the story in kiosk mode, and pauses on a pointer move', async () => {
    const { page } = await openPage(browser, 1280, 800);
    await page.goto(BASE_URL);
    await waitForMap(page);
    await page.getByText('Berättelse', { exact: true }).click();
    await page.getByRole('checkbox', { name: 'Kiosk (spela i slinga)' }).check();
    const quick = { ...STORY, scenes: STORY.scenes.map((scene) => ({ ...scene, durationSeconds: 2 })) };
    await page
      .getByLabel('Öppna en berättelse (JSON-fil)')
      .setInputFiles({ name: 'story.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(quick)) });
    // Scenes follow one another by themselves, and the last is followed by the first.
    await expect.poll(() => param(page, 'indicator')).toBe('kolada-n00923');
    await expect.poll(() => param(page, 'indicator')).toBe('kolada-n66078');
    await expect.poll(() => param(page, 'indicator')).toBe('kolada-n66077');
    await page.mouse.move(200, 200);
    await page.mouse.move(260, 240);
    const paused = page.locator('klyft-presenter').getByRole('status');
    await expect.poll(() => paused.textContent()).toMatch(/^Pausad – fortsätter om (60|59) s$/);
    const shown = param(page, 'indicator');
    await page.waitForTimeout(3000);
    expect(param(page, 'indicator')).toBe(shown);
    await page.context().close();
  });

  it('passes axe-core in presenter mode, and looks right at 1920×1080', async () => {
    const page = await presentStory();
    await expectScene(page, 'kolada-n66077', '2013', /^Scen ett/);
    await page.waitForFunction(() => (document.documentElement.dataset.mapKey ?? '').includes('|2013'), undefined, { timeout: 60_000 });
    await page.screenshot({ path: '/tmp/presenter-1080p.png' });
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.context().close();
  });
});

describe('time-lapse film', () => {
  it('records the indicator’s years as a WebM file of the expected length', async () => {
    const { page } = await openPage(browser, 1400, 900);
    await page.goto(`${BASE_URL}?level=kommun&indicator=kolada-n01454&year=2021`);
    await waitForMap(page);
    await page.getByText('Berättelse', { exact: true }).click();
    await page.getByLabel('Sekunder per år').selectOption('0.5');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 110_000 }), page.getByRole('button', { name: 'Spela in film' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.webm$/);
    const bytes = await readFile((await download.path())!);
    expect(bytes.length).toBeGreaterThan(10_000);
    expect([...bytes.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
    // 8 years (2014–2021) × 0.5 s. Played in a blank page: the app's CSP (rightly) allows no blob: media.
    const probe = await page.context().newPage();
    const duration = await probe.evaluate(async (b64) => {
      const blob = new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'video/webm' });
      const video = document.createElement('video');
      video.muted = true;
      video.src = URL.createObjectURL(blob);
      await new Promise((resolve, reject) => {
        video.onloadedmetadata = resolve;
        video.onerror = () => reject(new Error('video does not load'));
      });
      if (!Number.isFinite(video.duration)) {
        // MediaRecorder's WebM has no duration in its header: seeking to the end reveals it.
        video.currentTime = 1e9;
        await new Promise((resolve) => (video.ondurationchange = resolve));
      }
      return video.duration;
    }, bytes.toString('base64'));
    expect(duration).toBeGreaterThan(4 * 0.6);
    expect(duration).toBeLessThan(4 * 1.4);
    await expect.poll(() => page.locator('klyft-story-menu').getByRole('status').textContent()).toBe('Filmen är klar.');
    expect(param(page, 'year')).toBe('2021');
    await page.context().close();
  });
});
