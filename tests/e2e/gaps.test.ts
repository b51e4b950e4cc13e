import { join } from 'node:path';
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

/** Screenshots for a person to look at (KLYFT_SHOTS_DIR). */
const SHOTS = process.env.KLYFT_SHOTS_DIR;

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
    // Life expectancy is a five-year mean: the verdict uses 2000, 2005, 2010, 2015 and 2020.
    await page.goto(`${LIFE_EXPECTANCY}&from=2000&to=2020`);
    await waitForMap(page);
    const summary = page.locator('klyft-gap-panel #gap-summary');
    await expect.poll(() => summary.textContent()).toMatch(/Mellan\s2000\soch\s2020\s(ökade|minskade|förändrades)/);
    const region = page.getByRole('region', { name: /Mellan\s2000\soch\s2020/ });
    expect(await region.count()).toBe(1);
    await page.context().close();
  });

  it('switches to the change map with a diverging legend that says which colour is better', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(LIFE_EXPECTANCY);
    await waitForMap(page);
    await page.getByRole('button', { name: 'Förändring', exact: true }).click();
    await waitForMapKey(page, 'change|');
    await expect.poll(() => new URL(page.url()).searchParams.get('mode')).toBe('change');
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
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe('2012');
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
    await expect
      .poll(() =>
        page
          .locator('klyft-scatter')
          .getByText(/Kommuner som låg|Inget tydligt samband/)
          .count(),
      )
      .toBeGreaterThan(0);
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

  it('says plainly that a district view with one year cannot show change, in the gap panel and the level chooser', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${BASE_URL}?level=gbg-stadsomrade&indicator=scb-deso-low-econ&year=2022&measure=p90p10`);
    await waitForMap(page);
    // SCB's DeSO tables are for 2022 only: no gap over time, and no change to map.
    const panel = page.locator('klyft-gap-panel');
    await expect.poll(() => panel.getByText('1 år (2022) – förändring kan inte visas').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Förändring', exact: true }).isDisabled()).toBe(true);
    const option = page.getByRole('combobox', { name: 'Indelning' }).locator('option[value="gbg-deso"]');
    expect(await option.textContent()).toContain('1 år – förändring kan inte visas');
    expect(await page.getByRole('combobox', { name: 'Indelning' }).locator('option[value="kommun"]').textContent()).not.toContain('år');
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

/** Sets a file on the (visually hidden, labelled) file input, as a person choosing it in "Importera data" would. */
async function chooseFile(page: Page, name: string, text: string): Promise<void> {
  await page.getByLabel('Välj fil att importera').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
}

/**
 * An election-style indicator measured in 2014, 2018 and 2022 in ten kommuner, whose range widens
 * steadily 9 → 12 → 15: the old rule (steps divided by four years, no noise) called it widening.
 */
const ELECTIONS_CSV = [
  'kod;år;andel',
  ...['0114', '0180', '1280', '1480', '1490', '2281', '0380', '0580', '1880', '2480'].flatMap((code, i) => [
    `${code};2014;${70 + i}`,
    `${code};2018;${70 + (i * 12) / 9}`.replace('.', ','),
    `${code};2022;${70 + (i * 15) / 9}`.replace('.', ','),
  ]),
].join('\n');

describe('verdicts that hold up', () => {
  it('calls an imported indicator with three election years "too few years to tell", not widening, and names the weight', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${BASE_URL}?level=kommun&indicator=kolada-n05401&year=2022`);
    await waitForMapKey(page, 'kolada-n05401');
    await chooseFile(page, 'valdeltagande.csv', ELECTIONS_CSV);
    const dialog = page.getByRole('dialog', { name: 'Importera data' });
    await expect.poll(() => dialog.getByText('10 av 290 områden på kartan har värden.').count()).toBe(1);
    await dialog.getByRole('textbox', { name: 'Namn' }).fill('Konstruerat valdeltagande');
    await dialog.getByRole('combobox', { name: 'Enhet' }).selectOption('percent');
    await dialog.getByRole('button', { name: 'Visa på kartan' }).click();
    await waitForMapKey(page, 'user:');
    const panel = page.locator('klyft-gap-panel');
    await expect.poll(() => panel.getByText('2014–2022: För få år för att avgöra').count()).toBe(1);
    expect(await panel.getByText(/Skillnaden ökar/).count()).toBe(0);
    expect(await panel.getByText(/Med 3 mätår går det inte att avgöra/).count()).toBe(1);
    await expect.poll(() => panel.locator('#gap-summary').textContent()).toContain('Med 3 mätår mellan 2014 och 2022 går det inte att avgöra');
    // Imported data declare no weight: the level's population, named.
    expect(await panel.getByText('Vägt med: folkmängd').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('draws the interval of the change A–B on the gap chart, says it in words and names the children as the weight', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${BASE_URL}?level=kommun&indicator=kolada-n66077&year=2022`);
    await waitForMap(page);
    const panel = page.locator('klyft-gap-panel');
    await expect.poll(() => panel.locator('[data-interval="change"]').count()).toBe(1);
    expect(await panel.getByText(/Skattad förändring 2011–2022: .+ \(konfidensintervall .+ till .+\)/).count()).toBe(1);
    expect(await panel.getByText('Vägt med: barn och unga 0–19 år, 2022 (SCB)').count()).toBe(1);
    await panel.getByText('Hur bedöms det?').click();
    expect(await panel.getByText(/Mann–Kendall/).count()).toBeGreaterThan(0);
    if (SHOTS) await panel.screenshot({ path: join(SHOTS, 'trend-gap-panel.png') });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows an estimate’s basis, its exclusion from the gap measures and a student caveat in the area panel', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${BASE_URL}?level=gbg-primaromrade&indicator=scb-deso-low-econ&year=2022&area=707`);
    await waitForMap(page);
    const arendal = page.locator('klyft-area-detail');
    await expect.poll(() => arendal.getByText(/Osäkrare uppskattning/).count()).toBe(1);
    expect(await arendal.getByText(/Uppskattad från 2 DeSO, varav 2 delas med andra områden: 100/).count()).toBe(1);
    expect(await arendal.getByText(/Räknas inte med i gapmåtten/).count()).toBe(1);
    await expect
      .poll(() =>
        page
          .locator('klyft-gap-panel')
          .getByText(/Utanför gapmåtten/)
          .count(),
      )
      .toBe(1);
    // One year: the value beside the median, and why there is no line over time.
    const oneYear = arendal.getByRole('region', { name: 'Jämfört med alla områden 2022' });
    expect(await oneYear.getByRole('definition').count()).toBe(2);
    expect(await oneYear.getByText('Median för alla områden').count()).toBe(1);
    expect(await arendal.getByText(/bara ett år \(2022\)/).count()).toBe(1);
    expect(await arendal.getByRole('img').count()).toBe(0);
    if (SHOTS) await arendal.screenshot({ path: join(SHOTS, 'trend-area-arendal.png') });
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.goto(`${BASE_URL}?level=gbg-deso&indicator=scb-deso-low-econ&year=2022&area=1480C1740`);
    await waitForMap(page);
    const olofshojd = page.locator('klyft-area-detail');
    await expect.poll(() => olofshojd.getByText(/Många studenter: 39\s%/).count()).toBe(1);
    if (SHOTS) await olofshojd.screenshot({ path: join(SHOTS, 'trend-area-olofshojd.png') });
    await page.context().close();
  });

  it('lists the zeros read as missing and the weights in the sources', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${BASE_URL}?level=kommun&indicator=kolada-u31803&year=2020`);
    await waitForMap(page);
    await page.getByRole('button', { name: 'Källor' }).click();
    const dialog = page.getByRole('dialog', { name: 'Källor och licenser' });
    await expect.poll(() => dialog.getByText(/Nollor som visas som saknade uppgifter \(16\): .*2281 2020 \(före 5,6, efter 5,0\)/).count()).toBe(1);
    expect(await dialog.getByText(/vägt med barn och unga 0–19 år, 2022 \(SCB\)/).count()).toBeGreaterThan(0);
    expect(await dialog.getByText(/Högsbo \(516\), Arendal \(707\)/).count()).toBeGreaterThan(0);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'trend-sources.png') });
    await page.context().close();
  });
});
