/**
 * Importing files as planners have them: the app finds the division (and the key, name and year
 * columns) by itself, proposes it, and switches the map to it. Every fixture is generated here.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CodeCatalogue } from '../../src/import/code-catalogue';
import { BASE_URL, openPage, waitForMap, waitForMapKey } from './browser';
import { browserPerFile, shot } from './per-file';

const chromium = browserPerFile();

const dialog = (page: Page) => page.getByRole('dialog', { name: 'Importera data' });
const levelChooser = (page: Page) => page.getByRole('combobox', { name: 'Indelning' });
const mapPixels = (page: Page) => page.locator('klyft-map-view').screenshot();

/** The catalogue of codes the data build ships: the fixtures are built from its codes. */
const codes = JSON.parse(readFileSync('public/data/codes.json', 'utf8')) as CodeCatalogue;
const kommuner = codes.levels.kommun!;

/** All 5,984 DeSO 2018 of Sweden, one row each, as an SCB table is laid out: the year in the measure's header. */
function allSwedenDeso(): string {
  const all = Object.entries(codes.deso2018).flatMap(([kommun, rest]) => rest.map((r) => kommun + r));
  return ['Region;Folkmängd 2023', ...all.map((code, i) => `${code};${700 + ((i * 37) % 2000)}`)].join('\n');
}

/** A municipal panel with English headers, codes without their leading zero and five measures, one of them shares written as fractions (0.60–0.89). */
function englishPanel(): string {
  const rows = kommuner.codes.flatMap((code, i) =>
    [2021, 2022].map((year) =>
      [
        Number(code),
        kommuner.names[i],
        Number(code.slice(0, 2)),
        year,
        5000 + i * 97 + year,
        (15 + (i % 11) + (year - 2021)).toFixed(1),
        (14 + (i % 9)).toFixed(1),
        250 + i,
        (0.6 + (i % 30) / 100).toFixed(2),
      ].join(','),
    ),
  );
  return ['municip_code,municip_name,county_code,year,pop,share0_19,share65plus,income_tkr,employed_share', ...rows].join('\n');
}

/** All of Sweden's RegSO, keyed by SCB's "Kommun (Område)" names only. */
function regsoByName(): string {
  const name = (kommun: string) => kommuner.names[kommuner.codes.indexOf(kommun)] ?? kommun;
  const rows = Object.entries(codes.regso2020).flatMap(([kommun, list]) =>
    list.map(([, area], i) => `${name(kommun)} (${area});${(5 + ((i * 7) % 40)).toFixed(1).replace('.', ',')}`),
  );
  return ['Område;Andel med låg inkomst, procent', ...rows].join('\n');
}

/** Drops a file on the app as a browser does: dragover (the overlay shows), then drop. */
async function dropFile(page: Page, name: string, text: string): Promise<void> {
  await page.evaluate(
    ({ name, text }) => {
      const data = new DataTransfer();
      data.items.add(new File([text], name, { type: 'text/csv' }));
      const app = document.querySelector('klyft-app')!;
      app.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      app.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    },
    { name, text },
  );
}

/** Chooses a file with the "Importera data" button's file picker. */
async function chooseFile(page: Page, name: string, text: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Importera data' }).click();
  await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
}

async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('the importer finds the division by itself', () => {
  it('proposes Göteborg · DeSO for an all-Sweden DeSO table dropped on the kommun map, applies it to Borås too and switches the map', async () => {
    const { page, errors, requests } = await openPage(chromium.browser);
    await page.goto(`${BASE_URL}?level=kommun&indicator=kolada-n00923&year=2020`);
    await waitForMapKey(page, 'kolada-n00923');
    // The catalogue of codes is the import worker's: never in the first view.
    expect(requests.some((url) => url.includes('codes.json'))).toBe(false);
    const before = await mapPixels(page);
    await dropFile(page, 'folkmangd-deso.csv', allSwedenDeso());
    const preview = dialog(page);
    const gbg = preview.getByRole('checkbox', { name: /Göteborg · DeSO/ });
    await expect.poll(() => gbg.count(), { timeout: 60_000 }).toBe(1);
    expect(requests.some((url) => url.includes('codes.json'))).toBe(true);
    // Hand-counted from the data README: 306 of the rows are Göteborg's DeSO 2018, 293 of them still on the 2025 map.
    await expect.poll(() => gbg.isChecked()).toBe(true);
    expect(await preview.getByText('306 rader matchar, 293 av 320 områden får värden').count()).toBe(1);
    const boras = preview.getByRole('checkbox', { name: /Borås · DeSO/ });
    expect(await boras.isChecked()).toBe(false);
    expect(await preview.getByText('77 rader matchar, 77 av 77 områden får värden').count()).toBe(1);
    // Nothing matches the kommun map shown, and the report says so.
    expect(await preview.getByText('0 rader matchar, 0 av 290 områden får värden').count()).toBe(1);
    expect(await preview.getByText(/5\s984 rader har koder eller namn för Sverige · DeSO \(2018 års koder\)/).count()).toBe(1);
    // The name and unit come from the header "Folkmängd 2023", never "value".
    expect(await preview.getByRole('textbox', { name: 'Namn' }).inputValue()).toBe('Folkmängd');
    expect(await preview.getByRole('combobox', { name: 'Enhet' }).inputValue()).toBe('persons');
    await expect.poll(() => preview.getByText(/^293 av 5\s984 rader matchade\.$/).count()).toBe(1);
    await shot(page, 'import-deso-proposed');
    expect(await axe(page)).toEqual([]);
    // Keyboard: tab to Borås's checkbox and tick it with the space bar.
    await boras.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => boras.isChecked()).toBe(true);
    await expect.poll(() => preview.getByRole('heading', { name: 'Matchning mot Borås · DeSO' }).count()).toBe(1);
    await shot(page, 'import-deso-two-divisions');
    await preview.getByRole('button', { name: 'Visa på kartan' }).click();

    await waitForMapKey(page, 'user:');
    await expect.poll(() => new URL(page.url()).searchParams.get('level')).toBe('gbg-deso');
    await expect.poll(() => levelChooser(page).inputValue()).toBe('gbg-deso');
    expect((await mapPixels(page)).equals(before)).toBe(false);
    await expect.poll(() => page.getByText('Matchad mot: Göteborg · DeSO, Borås · DeSO').count()).toBe(1);
    await shot(page, 'import-deso-map');
    // After a reload the dataset is still under "Dina data", and shows on Borås's map too.
    const indicator = new URL(page.url()).searchParams.get('indicator')!;
    await page.reload();
    await waitForMapKey(page, indicator);
    await expect.poll(() => page.getByRole('heading', { name: 'Dina data' }).count()).toBe(1);
    await expect.poll(() => page.getByText('Matchad mot: Göteborg · DeSO, Borås · DeSO').count()).toBe(1);
    const gbgPixels = await mapPixels(page);
    await levelChooser(page).selectOption('boras-deso');
    await waitForMapKey(page, 'boras-deso');
    await expect.poll(() => new URL(page.url()).searchParams.get('indicator')).toBe(indicator);
    expect((await mapPixels(page)).equals(gbgPixels)).toBe(false);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('reads an English municipal panel (codes without leading zeros), makes a dataset of each measure chosen and keeps them after a reload', async () => {
    const { page, errors } = await openPage(chromium.browser);
    await page.goto(`${BASE_URL}?level=gbg-primaromrade`);
    await waitForMap(page);
    await chooseFile(page, 'municipal-panel.csv', englishPanel());
    const preview = dialog(page);
    const kommun = preview.getByRole('checkbox', { name: /Sverige · kommuner/ });
    await expect.poll(() => kommun.isChecked(), { timeout: 60_000 }).toBe(true);
    expect(await preview.getByText('580 rader matchar, 290 av 290 områden får värden').count()).toBe(1);
    // The key column by its content, whatever its header; county_code is a key, not a measure.
    expect(await preview.getByRole('combobox', { name: 'Områdeskod' }).inputValue()).toBe('0');
    expect(await preview.getByText('290 av 290 värden är koder för Sverige · kommuner.').count()).toBe(1);
    expect(await preview.getByRole('checkbox', { name: /county_code/ }).count()).toBe(0);
    await preview.getByRole('checkbox', { name: /share0_19/ }).check();
    await expect.poll(() => preview.getByRole('group', { name: 'Så här ska "share0_19" visas' }).count()).toBe(1);
    const share = preview.getByRole('group', { name: 'Så här ska "share0_19" visas' });
    expect(await share.getByRole('combobox', { name: 'Enhet' }).inputValue()).toBe('percent');
    expect(await share.getByRole('combobox', { name: 'Riktning' }).inputValue()).toBe('neutral');
    await share.getByRole('textbox', { name: 'Namn' }).fill('Andel 0–19 år');
    // Shares written as fractions: ×100 is proposed, on, and says what it does with the file's largest value.
    expect(await share.getByRole('checkbox', { name: /×100/ }).count()).toBe(0);
    await preview.getByRole('checkbox', { name: /employed_share/ }).check();
    const employed = preview.getByRole('group', { name: 'Så här ska "employed_share" visas' });
    const times100 = employed.getByRole('checkbox', { name: '×100 (värdena ser ut som andelar 0–1)' });
    await expect.poll(() => times100.isChecked()).toBe(true);
    expect(await employed.getByText('Med ×100 visas 0,89 som 89 %.', { exact: false }).count()).toBe(1);
    expect(await employed.getByRole('spinbutton', { name: 'Decimaler' }).inputValue()).toBe('0');
    await times100.scrollIntoViewIfNeeded();
    await shot(page, 'import-panel-fractions');
    // The user can override a column: without the codes, the names alone find all 290 kommuner.
    await preview.getByRole('combobox', { name: 'Områdeskod' }).selectOption('-1');
    await expect.poll(() => preview.getByText('580 rader matchar, 290 av 290 områden får värden · matchade på namn').count(), { timeout: 60_000 }).toBe(1);
    await shot(page, 'import-panel-by-name');
    // The table was read again: the measures chosen and the name typed are kept.
    expect(await preview.getByRole('checkbox', { name: /share0_19/ }).isChecked()).toBe(true);
    expect(await share.getByRole('textbox', { name: 'Namn' }).inputValue()).toBe('Andel 0–19 år');
    await preview.getByRole('combobox', { name: 'Områdeskod' }).selectOption('0');
    await expect.poll(() => preview.getByText('580 rader matchar, 290 av 290 områden får värden').count(), { timeout: 60_000 }).toBe(1);
    expect(await share.getByRole('textbox', { name: 'Namn' }).inputValue()).toBe('Andel 0–19 år');
    await shot(page, 'import-panel-measures');
    expect(await axe(page)).toEqual([]);
    await preview.getByRole('button', { name: 'Visa på kartan' }).click();
    await waitForMapKey(page, 'user:');
    await expect.poll(() => new URL(page.url()).searchParams.get('level')).toBe('kommun');
    await expect.poll(() => levelChooser(page).inputValue()).toBe('kommun');
    await page.reload();
    await waitForMapKey(page, 'user:');
    await expect.poll(() => page.getByRole('button', { name: 'Ta bort pop' }).count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByRole('button', { name: 'Ta bort Andel 0–19 år' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Ta bort employed_share' }).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('matches "Kommun (Område)" names of all Sweden’s RegSO to Göteborg · RegSO and shows them there', async () => {
    const { page, errors } = await openPage(chromium.browser);
    await page.goto(`${BASE_URL}?level=kommun`);
    await waitForMap(page);
    const before = await mapPixels(page);
    await chooseFile(page, 'regso-2022.csv', regsoByName());
    const preview = dialog(page);
    const regso = preview.getByRole('checkbox', { name: /Göteborg · RegSO/ });
    await expect.poll(() => regso.isChecked(), { timeout: 60_000 }).toBe(true);
    expect(await preview.getByText(/147 rader matchar, 147 av 147 områden får värden · matchade på namn/).count()).toBe(1);
    expect(await preview.getByRole('combobox', { name: 'Områdesnamn' }).inputValue()).toBe('0');
    expect(await preview.getByRole('combobox', { name: 'Områdeskod' }).inputValue()).toBe('-1');
    // No year column: the year comes from the file name, and the dialog says so.
    expect(await preview.getByText('Filen har ingen årskolumn; året 2022 är taget från filnamnet.').count()).toBe(1);
    expect(await preview.getByRole('textbox', { name: 'Namn' }).inputValue()).toBe('Andel med låg inkomst, procent');
    expect(await preview.getByRole('combobox', { name: 'Enhet' }).inputValue()).toBe('percent');
    await expect.poll(() => preview.getByText(/^147 av 3\s363 rader matchade\.$/).count()).toBe(1);
    await shot(page, 'import-regso-names');
    await preview.getByRole('button', { name: 'Visa på kartan' }).click();
    await waitForMapKey(page, 'user:');
    await expect.poll(() => levelChooser(page).inputValue()).toBe('gbg-regso');
    expect((await mapPixels(page)).equals(before)).toBe(false);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows a malformed file’s error in the dialog and, once it is closed, the map exactly as before', async () => {
    const { page } = await openPage(chromium.browser);
    await page.goto(`${BASE_URL}?level=kommun&indicator=kolada-n00923&year=2015`);
    await waitForMapKey(page, 'kolada-n00923');
    const url = page.url();
    const before = await mapPixels(page);
    await dropFile(page, 'trasig.csv', 'kod;år;värde\n0114;2020;1\n0180;2020;"12,x\n');
    const alert = dialog(page).getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: 60_000 }).toContain('Filen trasig.csv kunde inte importeras');
    expect(await alert.textContent()).toContain('inget tal');
    await shot(page, 'import-error');
    await dialog(page).getByRole('button', { name: 'Avbryt' }).click();
    await expect.poll(() => dialog(page).isVisible()).toBe(false);
    expect(page.url()).toBe(url);
    expect((await mapPixels(page)).equals(before)).toBe(true);
    await page.context().close();
  });
});
