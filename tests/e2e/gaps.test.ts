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

const LIFE_EXPECTANCY = `${BASE_URL}?level=kommun&indicator=kolada-n00923&year=2022`;

describe('the gap views on Sverige · kommuner, life expectancy (men)', () => {
  it('charts the gap with one point per year, with a table of the points as its text alternative', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(LIFE_EXPECTANCY);
    await waitForMap(page);
    // Kolada N00923 runs 2000–2022: 23 years, all with values for the range measure.
    const points = page.locator('klyft-gap-panel circle[data-year]');
    await expect.poll(() => points.count()).toBe(23);
    const table = page.getByRole('table', { name: 'Gapmått per år' });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(23);
    expect(await page.getByRole('img', { name: /2000–2022/ }).count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('names both years and the direction in the summary, which also describes the map', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${LIFE_EXPECTANCY}&from=2005&to=2020`);
    await waitForMap(page);
    const summary = page.locator('klyft-gap-panel #gap-summary');
    await expect.poll(() => summary.textContent()).toMatch(/Mellan\s2005\soch\s2020\s(ökade|minskade|förändrades)/);
    const region = page.getByRole('region', { name: /Mellan\s2005\soch\s2020/ });
    expect(await region.count()).toBe(1);
    await page.context().close();
  });

  it('switches to the change map with a diverging legend that says which colour is better', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(LIFE_EXPECTANCY);
    await waitForMap(page);
    await page.getByRole('button', { name: 'Förändring', exact: true }).click();
    await waitForMapKey(page, 'change|');
    expect(new URL(page.url()).searchParams.get('mode')).toBe('change');
    // Text inside the legend's shadow root, reached as a person reads it.
    const legend = page.locator('klyft-change-legend');
    await expect.poll(() => legend.getByText('Förändring 2000–2022').count()).toBeGreaterThan(0);
    expect(await legend.getByText(/bättre/).count()).toBeGreaterThan(0);
    expect(await legend.getByText('Ingen tydlig förändring').count()).toBeGreaterThan(0);
    const png = await page.locator('klyft-map-view').screenshot();
    const colours = await distinctColours(page, png);
    // Life expectancy rose almost everywhere: the "better" purples of ColorBrewer PuOr must show.
    const purples = ['84,39,136', '153,142,195', '216,218,235', '128,115,172', '178,171,210'];
    expect(purples.some((c) => (colours.get(c) ?? 0) > 20)).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('keeps the mode, period and measure in the URL and restores them', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${LIFE_EXPECTANCY}&mode=change&from=2010&to=2020&measure=gini`);
    await waitForMapKey(page, 'change|kommun|kolada-n00923|2010|2020');
    await expect.poll(() => page.getByRole('combobox', { name: 'Gapmått' }).inputValue()).toBe('gini');
    await page.getByRole('combobox', { name: 'Från (A)' }).selectOption('2012');
    await waitForMapKey(page, 'change|kommun|kolada-n00923|2012|2020');
    expect(new URL(page.url()).searchParams.get('from')).toBe('2012');
    await page.goBack();
    await waitForMapKey(page, 'change|kommun|kolada-n00923|2010|2020');
    await page.context().close();
  });

  it('shows the catching-up scatter with one dot per area and a sentence on convergence', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${LIFE_EXPECTANCY}&mode=scatter`);
    await waitForMap(page);
    // One dot per kommun with values in both 2000 and 2022: Knivsta (0330) was formed in 2003.
    const dots = page.locator('klyft-scatter circle[data-code]');
    await expect.poll(() => dots.count()).toBe(289);
    expect(await dots.and(page.locator('[data-code="0330"]')).count()).toBe(0);
    await expect.poll(() => page.locator('klyft-scatter').getByText(/Kommuner som låg|Inget tydligt samband/).count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('passes axe-core in the change view', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${LIFE_EXPECTANCY}&mode=change`);
    await waitForMapKey(page, 'change|');
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.context().close();
  });

  it('shows no gap-over-time panel when the indicator has a single year', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${BASE_URL}?level=gbg-stadsomrade&indicator=scb-deso-low-econ&year=2022&measure=p90p10`);
    await waitForMap(page);
    // SCB's DeSO tables are for 2022 only: there is no gap over time to chart, and no change to map.
    expect(await page.locator('klyft-gap-panel').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Förändring', exact: true }).isDisabled()).toBe(true);
    await page.context().close();
  });
});

describe('an indicator with a single year', () => {
  it('falls back from the change view to the level, says why, and disables the change views', async () => {
    const { page, errors } = await openPage(browser);
    // SCB's DeSO tables are 2022 only: there is no change to show.
    await page.goto(`${BASE_URL}?level=gbg-primaromrade&indicator=scb-deso-low-econ&mode=change&lang=en`);
    await waitForMap(page);
    await expect.poll(() => page.getByText('has only 2022 here', { exact: false }).count()).toBe(1);
    await expect.poll(() => new URL(page.url()).searchParams.get('mode')).toBeNull();
    const modes = page.getByRole('group', { name: 'Show' });
    await expect.poll(() => modes.getByRole('button', { name: 'Level' }).getAttribute('aria-pressed')).toBe('true');
    expect(await modes.getByRole('button', { name: 'Change' }).isDisabled()).toBe(true);
    expect(await modes.getByRole('button', { name: 'Catching up' }).isDisabled()).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
