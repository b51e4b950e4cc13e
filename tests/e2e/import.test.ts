import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { strToU8, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BASE_URL, openPage, waitForMap, waitForMapKey } from './browser';
import { browserPerFile, shot } from './per-file';

const chromium = browserPerFile();

function mapKey(page: Page): Promise<string> {
  return page.evaluate(() => document.documentElement.dataset.mapKey ?? '');
}

/** Sets a file on the (visually hidden, labelled) file input. */
async function chooseFile(page: Page, name: string, mimeType: string, buffer: Buffer): Promise<void> {
  await page.getByLabel('Välj fil att importera').setInputFiles({ name, mimeType, buffer });
}

const dialog = (page: Page) => page.getByRole('dialog', { name: 'Importera data' });

/** A small kommun table: "114" without its leading zero, and a row with a name but no code. */
const KOMMUN_CSV = [
  'kod;namn;år;andel',
  '0180;Stockholm;2020;12,5',
  '114;Upplands Väsby;2020;8,1',
  '1480;Göteborg;2020;14,2',
  '1490;Borås;2020;11',
  '-;Malmö;2020;15,3',
  '1480;Göteborg;2021;13,9',
].join('\n');

/** A workbook laid out like an SCB Statistikdatabasen export: title, header rows, one row per DeSO (2018 codes). */
function scbXlsx(codes: string[]): Buffer {
  const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const strings = ['Låg ekonomisk standard efter region och år', 'Låg ekonomisk standard, procent', '2022', ...codes];
  const sst = `<?xml version="1.0" encoding="utf-8"?><x:sst xmlns:x="${NS}" count="${strings.length}">${strings.map((s) => `<x:si><x:t>${s}</x:t></x:si>`).join('')}</x:sst>`;
  const c = (ref: string, v: string, t: 's' | 'n') => `<x:c r="${ref}" t="${t}"><x:v>${v}</x:v></x:c>`;
  const rows = codes.map((_, i) => `<x:row r="${5 + i}">${c(`A${5 + i}`, String(3 + i), 's')}${c(`B${5 + i}`, String(5 + (i % 20)), 'n')}</x:row>`).join('');
  const sheet = `<?xml version="1.0" encoding="utf-8"?><x:worksheet xmlns:r="${REL}" xmlns:x="${NS}"><x:sheetData><x:row r="1">${c('A1', '0', 's')}</x:row><x:row r="3">${c('B3', '1', 's')}</x:row><x:row r="4">${c('B4', '2', 's')}</x:row>${rows}</x:sheetData></x:worksheet>`;
  const workbook = `<?xml version="1.0" encoding="utf-8"?><x:workbook xmlns:r="${REL}" xmlns:x="${NS}"><x:sheets><x:sheet name="000006TA" sheetId="2" r:id="rId2" /></x:sheets></x:workbook>`;
  const rels = `<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Type="${REL}/worksheet" Target="/xl/worksheets/sheet1.xml" Id="rId2" /></Relationships>`;
  return Buffer.from(
    zipSync({
      'xl/workbook.xml': strToU8(workbook),
      'xl/_rels/workbook.xml.rels': strToU8(rels),
      'xl/sharedStrings.xml': strToU8(sst),
      'xl/worksheets/sheet1.xml': strToU8(sheet),
    }),
  );
}

describe('importing a table', () => {
  it('previews a kommun CSV with its join report, matches by name on request, and shows it on the map under the typed name', async () => {
    const { page, errors } = await openPage(chromium.browser);
    await page.goto(`${BASE_URL}?level=kommun&indicator=kolada-n00923&year=2020`);
    await waitForMapKey(page, 'kolada-n00923');
    const before = await page.locator('klyft-map-view').screenshot();
    await chooseFile(page, 'mina-data.csv', 'text/csv', Buffer.from(KOMMUN_CSV, 'utf8'));
    const preview = dialog(page);
    await expect.poll(() => preview.getByText('5 av 6 rader matchade.').count()).toBe(1);
    await expect.poll(() => preview.getByText('4 av 290 områden på kartan har värden.').count()).toBe(1);
    // "114" found by its normalised code, the rest by code as written.
    await expect.poll(() => preview.getByText('Matchade på kod: 4, på normaliserad kod: 1, på namn: 0.').count()).toBe(1);
    await preview.getByRole('checkbox', { name: 'Matcha på namn' }).check();
    await expect.poll(() => preview.getByText('6 av 6 rader matchade.').count()).toBe(1);
    await expect.poll(() => preview.getByText('Matchade på kod: 4, på normaliserad kod: 1, på namn: 1.').count()).toBe(1);
    await preview.getByRole('textbox', { name: 'Namn' }).fill('Mitt testmått');
    await preview.getByRole('combobox', { name: 'Enhet' }).selectOption('percent');
    await shot(page, 'import-preview-kommun');
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await preview.getByRole('button', { name: 'Visa på kartan' }).click();
    await waitForMapKey(page, 'user:');
    const indicator = new URL(page.url()).searchParams.get('indicator') ?? '';
    expect(indicator).toMatch(/^user:[0-9a-z]+$/);
    expect(await mapKey(page)).toContain(indicator);
    // 285 of 290 kommuner now have no value: the map's pixels change.
    expect((await page.locator('klyft-map-view').screenshot()).equals(before)).toBe(false);
    await expect.poll(() => page.locator('klyft-legend p.title').textContent()).toContain('Mitt testmått');
    await expect.poll(() => page.getByRole('combobox', { name: 'Indikator' }).inputValue()).toBe(indicator);
    await expect.poll(() => page.getByRole('heading', { name: 'Dina data' }).count()).toBe(1);
    await shot(page, 'import-map-kommun');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('reports DeSO 2018 codes the 2025 map split apart from unknown ones in the report of an SCB workbook', async () => {
    const { page } = await openPage(chromium.browser);
    await page.goto(`${BASE_URL}?level=gbg-deso`);
    await waitForMap(page);
    // 1480C1620 was split into 1480C1621 and 1480C1622 in 2025; 0180C1010 is Stockholm's; 1480C9990 exists in no version.
    await chooseFile(
      page,
      '000006TA.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      scbXlsx(['1480C1010', '1480C1020', '1480C1620', '0180C1010', '1480C9990']),
    );
    const preview = dialog(page);
    await expect.poll(() => preview.getByText('2 av 5 rader matchade.').count()).toBe(1);
    await expect.poll(() => preview.getByText(/1 områden \(i 1 rader\) ligger utanför kartans område/).count()).toBe(1);
    expect(await preview.getByText(/1 koder \(i 1 rader\) är äldre koder för områden som delats sedan dess/).count()).toBe(1);
    const unmatched = preview.getByText('Koder i filen som inte finns på kartan (1)');
    await unmatched.click();
    await expect.poll(() => preview.getByRole('listitem').filter({ hasText: '1480C9990' }).count()).toBe(1);
    const download = page.waitForEvent('download');
    await preview.getByRole('button', { name: 'Ladda ner rapporten (CSV)' }).click();
    const file = await (await download).path();
    const csv = readFileSync(file, 'utf8');
    expect(csv).toContain('1480C1620,,2022,7,värde,1480C1621 1480C1622,"äldre kod, ersatt av kartans koder"');
    expect(csv).toContain('0180C1010,,2022,8,värde,,utanför kartan');
    expect(csv).toContain('1480C9990,,2022,9,värde,,okänd kod');
    await preview.getByRole('button', { name: 'Avbryt' }).click();
    await page.context().close();
  });

  it('keeps an imported dataset across a reload and restores the view from the URL', async () => {
    {
      const context = await chromium.browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'sv-SE' });
      const page = await context.newPage();
      await page.goto(`${BASE_URL}?level=kommun`);
      await waitForMap(page);
      await chooseFile(page, 'kvar.csv', 'text/csv', Buffer.from(KOMMUN_CSV, 'utf8'));
      await dialog(page).getByRole('textbox', { name: 'Namn' }).fill('Sparat mått');
      await dialog(page).getByRole('button', { name: 'Visa på kartan' }).click();
      await waitForMapKey(page, 'user:');
      const url = page.url();
      const indicator = new URL(url).searchParams.get('indicator')!;
      await page.reload();
      await waitForMapKey(page, indicator);
      await expect.poll(() => new URL(page.url()).searchParams.get('indicator')).toBe(indicator);
      await expect.poll(() => page.locator('klyft-legend p.title').textContent()).toContain('Sparat mått');
      // A fresh browser (another computer) does not have it: a specific notice, and the default view.
      const other = await chromium.browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'sv-SE' });
      const elsewhere = await other.newPage();
      await elsewhere.goto(url);
      await waitForMap(elsewhere);
      await expect.poll(() => elsewhere.getByText(/använder importerade data som finns i en annan webbläsare/).count()).toBe(1);
      expect(new URL(elsewhere.url()).searchParams.get('indicator')).not.toBe(indicator);
      await other.close();
      await context.close();
    }
  });

  const real = join(process.cwd(), '..', 'shared', 'data', 'indicators', 'scb-deso-2022', '000006TA_20240813-153551.xlsx');
  it.skipIf(!existsSync(real))('joins the real SCB 000006TA workbook (all of Sweden’s DeSO 2018) to Göteborg’s 293 matching DeSO', async () => {
    const { page } = await openPage(chromium.browser);
    await page.goto(`${BASE_URL}?level=gbg-deso`);
    await waitForMap(page);
    await chooseFile(page, '000006TA.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', readFileSync(real));
    const preview = dialog(page);
    await expect.poll(() => preview.getByText('293 av 320 områden på kartan har värden.').count(), { timeout: 60_000 }).toBe(1);
    await expect.poll(() => preview.getByText(/293 av 5\s984 rader matchade/).count()).toBe(1);
    await shot(page, 'import-preview-deso');
    await preview.getByRole('button', { name: 'Visa på kartan' }).click();
    await waitForMapKey(page, 'user:');
    await shot(page, 'import-map-deso');
    await page.context().close();
  });
  if (!existsSync(real)) console.warn(`Skipping the real 000006TA import: ${real} is absent.`);
});
