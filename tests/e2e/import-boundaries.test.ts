import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, launchBrowser, waitForMap, waitForMapKey } from './browser';
import { squaresGeoJson } from './squares';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

function mapKey(page: Page): Promise<string> {
  return page.evaluate(() => document.documentElement.dataset.mapKey ?? '');
}

const dialog = (page: Page) => page.getByRole('dialog', { name: 'Importera data' });

const SQUARES = squaresGeoJson({ yta: 1 });

const VALUES_CSV = ['kod;år;andel', 'T1;2021;12,5', 'T2;2021;30', 'T3;2021;47,5'].join('\n');

/** The data rows of the table view (body rows only). */
function tableRows(page: Page) {
  return page.getByRole('table').locator('tbody tr');
}

describe('a division of the user’s own', () => {
  it('adds a SWEREF 99 TM GeoJSON as a division, joins a table to its codes, and keeps it across a reload', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'sv-SE' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`${BASE_URL}?level=kommun`);
    await waitForMap(page);

    await page
      .getByLabel('Välj fil att importera')
      .setInputFiles({ name: 'rutor.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(SQUARES), 'utf8') });
    const preview = dialog(page);
    await expect.poll(() => preview.getByRole('combobox', { name: 'Egenskap med områdeskod' }).inputValue()).toBe('kod');
    expect(await preview.getByRole('combobox', { name: 'Egenskap med områdesnamn' }).inputValue()).toBe('namn');
    expect(await preview.getByText('EPSG:3006').count()).toBe(1);
    await preview.getByRole('textbox', { name: 'Indelningens namn' }).fill('Testrutor');
    await preview.getByRole('button', { name: 'Lägg till som indelning' }).click();

    await waitForMapKey(page, 'user-level:');
    const level = new URL(page.url()).searchParams.get('level')!;
    expect(level).toMatch(/^user-level:/);
    await expect.poll(() => page.getByRole('combobox', { name: 'Indelning' }).inputValue()).toBe(level);
    const before = await mapKey(page);

    await page.getByRole('button', { name: 'Tabell' }).click();
    await expect.poll(() => tableRows(page).count()).toBe(3);
    expect(await page.getByRole('table').getByText('Mittrutan').count()).toBe(1);

    await page.getByLabel('Välj fil att importera').setInputFiles({ name: 'andel.csv', mimeType: 'text/csv', buffer: Buffer.from(VALUES_CSV, 'utf8') });
    await expect.poll(() => preview.getByTestId('matched-rows').textContent()).toContain('3 av 3');
    await preview.getByRole('textbox', { name: 'Namn' }).fill('Andel i rutorna');
    await preview.getByRole('combobox', { name: 'Enhet' }).selectOption('percent');
    await preview.getByRole('button', { name: 'Visa på kartan' }).click();
    await expect.poll(() => tableRows(page).filter({ hasText: 'Östra rutan' }).textContent()).toContain('47,5');
    expect(await tableRows(page).filter({ hasText: 'Västra rutan' }).textContent()).toContain('12,5');
    // The map (drawn only in the map view) takes the imported values' colours.
    await page.getByRole('button', { name: 'Karta' }).click();
    await waitForMapKey(page, 'user:');
    expect(await mapKey(page)).not.toBe(before);

    const url = page.url();
    const indicator = new URL(url).searchParams.get('indicator')!;
    await page.reload();
    await waitForMapKey(page, indicator);
    await expect.poll(() => new URL(page.url()).searchParams.get('level')).toBe(level);
    await expect.poll(() => page.getByRole('combobox', { name: 'Indelning' }).inputValue()).toBe(level);
    await page.getByRole('button', { name: 'Tabell' }).click();
    await expect.poll(() => tableRows(page).count()).toBe(3);
    await expect.poll(() => tableRows(page).filter({ hasText: 'Mittrutan' }).textContent()).toContain('30');
    await expect.poll(() => page.getByRole('heading', { name: 'Dina indelningar' }).count()).toBe(1);
    expect(errors).toEqual([]);

    // Another computer does not have the division: a specific notice, and a shipped level.
    const other = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'sv-SE' });
    const elsewhere = await other.newPage();
    await elsewhere.goto(url);
    await waitForMap(elsewhere);
    await expect.poll(() => elsewhere.getByText(/använder en egen indelning som finns i en annan webbläsare/).count()).toBe(1);
    expect(new URL(elsewhere.url()).searchParams.get('level')).not.toBe(level);
    await other.close();
    await context.close();
  });
});

describe('aggregating an import to larger areas', () => {
  it('sums a count imported at primärområden up to stadsområden by the parent codes', async () => {
    const topology = JSON.parse(readFileSync('geodata/gbg-primaromrade.topo.json', 'utf8')) as {
      objects: { areas: { geometries: { properties: { code: string; parents: { stadsomrade?: string } } }[] } };
    };
    const areas = topology.objects.areas.geometries.map((g) => g.properties);
    // One per primärområde: each stadsområde's sum is its number of primärområden.
    const expected = new Map<string, number>();
    for (const a of areas) if (a.parents.stadsomrade) expected.set(a.parents.stadsomrade, (expected.get(a.parents.stadsomrade) ?? 0) + 1);
    const csv = ['kod;år;antal', ...areas.map((a) => `${a.code};2021;1`)].join('\n');

    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'sv-SE' });
    const page = await context.newPage();
    await page.goto(`${BASE_URL}?level=gbg-primaromrade`);
    await waitForMap(page);
    await page.getByLabel('Välj fil att importera').setInputFiles({ name: 'ettor.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    const preview = dialog(page);
    await preview.getByRole('textbox', { name: 'Namn' }).fill('Antal primärområden');
    await preview.getByRole('combobox', { name: 'Enhet' }).selectOption('persons');
    await preview.getByRole('checkbox', { name: /Beräkna även för större områden/ }).check();
    await preview.getByRole('combobox', { name: 'Slags värde' }).selectOption('count');
    await preview.getByRole('button', { name: 'Visa på kartan' }).click();
    await waitForMapKey(page, 'user:');

    await page.getByRole('combobox', { name: 'Indelning' }).selectOption('gbg-stadsomrade');
    await expect.poll(() => new URL(page.url()).searchParams.get('level')).toBe('gbg-stadsomrade');
    await expect.poll(() => new URL(page.url()).searchParams.get('indicator')).toMatch(/^user:/);
    await page.getByRole('button', { name: 'Tabell' }).click();
    await expect.poll(() => tableRows(page).count()).toBe(expected.size);
    for (const [code, count] of expected) {
      await expect
        .poll(() =>
          tableRows(page)
            .filter({ has: page.locator('td.code', { hasText: new RegExp(`^${code}$`) }) })
            .locator('td.num')
            .first()
            .textContent(),
        )
        .toContain(String(count));
    }
    await context.close();
  });
});
