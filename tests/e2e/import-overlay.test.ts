import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
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

const dialog = (page: Page) => page.getByRole('dialog', { name: 'Importera data' });

function tableRows(page: Page) {
  return page.getByRole('table').locator('tbody tr');
}

/** Göteborg's DeSO codes as shipped. */
function desoCodes(): string[] {
  const topology = JSON.parse(readFileSync('geodata/gbg-deso.topo.json', 'utf8')) as { objects: { areas: { geometries: { properties: { code: string } }[] } } };
  return topology.objects.areas.geometries.map((g) => g.properties.code);
}

/** Drops a file on the app the way a browser does (a drop event carrying a DataTransfer). */
async function dropFile(page: Page, name: string, text: string): Promise<void> {
  await page.evaluate(
    ({ name, text }) => {
      const data = new DataTransfer();
      data.items.add(new File([text], name, { type: 'text/csv' }));
      document.querySelector('klyft-app')!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    },
    { name, text },
  );
}

/** Records every value the import dialog's progress bar shows (window.__progress). */
async function recordProgress(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    Boolean(customElements.get('klyft-import') && document.querySelector('klyft-app')?.shadowRoot?.querySelector('klyft-import')?.shadowRoot),
  );
  await page.evaluate(() => {
    const root = document.querySelector('klyft-app')!.shadowRoot!.querySelector('klyft-import')!.shadowRoot!;
    const seen: number[] = [];
    (window as unknown as { __progress: number[] }).__progress = seen;
    const read = () => root.querySelectorAll('[role="progressbar"]').forEach((bar) => seen.push(Number(bar.getAttribute('aria-valuenow'))));
    new MutationObserver(read).observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
  });
}

describe('estimating imported DeSO values for primärområden by overlay', () => {
  it('drops a DeSO CSV on the primärområden map, estimates the values in the worker with a progress bar, and marks them as estimated', async () => {
    const codes = desoCodes();
    // Every DeSO has the same rate: every primärområde the DeSO cover must get exactly that rate.
    const csv = ['kod;år;andel', ...codes.map((c) => `${c};2021;12,5`)].join('\n');
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'sv-SE' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${BASE_URL}?level=gbg-primaromrade`);
    await waitForMap(page);
    await recordProgress(page);

    await dropFile(page, 'deso-andel.csv', csv);
    const preview = dialog(page);
    const use = preview.getByRole('checkbox', { name: /Uppskatta för .* från .*DeSO/ });
    await expect.poll(() => use.count(), { timeout: 30_000 }).toBe(1);
    expect(await use.isChecked()).toBe(true);
    await expect.poll(() => preview.getByTestId('matched-rows').textContent()).toContain(`${codes.length} av ${codes.length}`);
    expect(await preview.getByText(/vägs med befolkningen/).count()).toBe(1);
    await preview.getByRole('textbox', { name: 'Namn' }).fill('Andel från DeSO');
    await preview.getByRole('combobox', { name: 'Enhet' }).selectOption('percent');
    expect(await preview.getByRole('combobox', { name: 'Slags värde' }).inputValue()).toBe('rate');
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await preview.getByRole('button', { name: 'Visa på kartan' }).click();

    await waitForMapKey(page, 'user:');
    await expect.poll(() => new URL(page.url()).searchParams.get('level')).toBe('gbg-primaromrade');
    const progress = await page.evaluate(() => (window as unknown as { __progress: number[] }).__progress);
    // Fine steps: several distinct values on the way, never backwards within the estimate, ending at 100.
    expect(progress.at(-1)).toBe(100);
    expect(new Set(progress).size).toBeGreaterThan(5);

    // The legend says the values are estimated from DeSO, as for the shipped estimates.
    expect(await page.getByText('Uppskattad från DeSO').count()).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Tabell' }).click();
    const rows = tableRows(page);
    await expect.poll(() => rows.count()).toBeGreaterThan(50);
    const values = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('td.num')?.textContent ?? ''));
    const filled = values.filter((v) => v.includes('12,5'));
    expect(filled.length).toBeGreaterThan(values.length * 0.8);
    // Areas without an estimate say so; none has another number.
    expect(values.filter((v) => /\d/.test(v) && !v.includes('12,5'))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

const SQUARES = squaresGeoJson();

describe('a division of the user’s own and the data joined to it', () => {
  it('estimates DeSO values for the division by overlay; removing the division removes the data joined to it, here and after a reload', async () => {
    const codes = desoCodes();
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'sv-SE' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`${BASE_URL}?level=kommun`);
    await waitForMap(page);
    const preview = dialog(page);

    await page
      .getByLabel('Välj fil att importera')
      .setInputFiles({ name: 'rutor.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(SQUARES), 'utf8') });
    await preview.getByRole('textbox', { name: 'Indelningens namn' }).fill('Testrutor');
    await preview.getByRole('button', { name: 'Lägg till som indelning' }).click();
    await waitForMapKey(page, 'user-level:');
    const level = new URL(page.url()).searchParams.get('level')!;

    // A table joined to the division's own codes: it goes with the division.
    const own = ['kod;år;andel', 'T1;2021;10', 'T2;2021;20', 'T3;2021;30'].join('\n');
    await page.getByLabel('Välj fil att importera').setInputFiles({ name: 'rutvarden.csv', mimeType: 'text/csv', buffer: Buffer.from(own, 'utf8') });
    await preview.getByRole('textbox', { name: 'Namn' }).fill('Rutvärden');
    await preview.getByRole('button', { name: 'Visa på kartan' }).click();
    await waitForMapKey(page, 'user:');

    // DeSO values on the division: estimated by overlay; the dataset stays joined to DeSO.
    const deso = ['kod;år;andel', ...codes.map((c) => `${c};2021;12,5`)].join('\n');
    await page.getByLabel('Välj fil att importera').setInputFiles({ name: 'deso.csv', mimeType: 'text/csv', buffer: Buffer.from(deso, 'utf8') });
    const use = preview.getByRole('checkbox', { name: /Uppskatta för .*Testrutor från .*DeSO/ });
    await expect.poll(() => use.count(), { timeout: 30_000 }).toBe(1);
    await preview.getByRole('textbox', { name: 'Namn' }).fill('DeSO-andel');
    await preview.getByRole('button', { name: 'Visa på kartan' }).click();
    await expect.poll(() => preview.isVisible(), { timeout: 60_000 }).toBe(false);
    await page.getByRole('button', { name: 'Tabell' }).click();
    await expect.poll(() => tableRows(page).filter({ hasText: 'Mittrutan' }).textContent(), { timeout: 30_000 }).toContain('12,5');
    await expect.poll(() => new URL(page.url()).searchParams.get('level')).toBe(level);
    const desoIndicator = new URL(page.url()).searchParams.get('indicator')!;

    // The confirmation names the data that goes with the division.
    await page.getByRole('button', { name: 'Ta bort indelningen Testrutor' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Ta bort "Testrutor"' }).textContent()).toContain('"Rutvärden"');
    await page.getByRole('button', { name: 'Ta bort', exact: true }).click();

    // The view used the division: it falls back with a visible notice.
    await expect.poll(() => new URL(page.url()).searchParams.get('level')).toBe('kommun');
    await expect.poll(() => page.getByText('Vyn använde det som togs bort; standardvyn visas.').count()).toBe(1);
    expect(await page.getByText('"Testrutor" togs bort, med "Rutvärden".').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Visa Rutvärden på kartan' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Ta bort DeSO-andel' }).count()).toBe(1);

    // Nothing dangling after a reload: the division and its dataset are gone from IndexedDB; the DeSO dataset stays at DeSO only.
    await page.reload();
    await expect.poll(() => page.getByRole('button', { name: 'Ta bort DeSO-andel' }).count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByRole('button', { name: /Rutvärden/ }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Dina indelningar' }).count()).toBe(0);
    expect(await page.getByText(/Matchad mot: Göteborg · DeSO$/).count()).toBe(1);
    const stored = await page.evaluate(
      () =>
        new Promise<{ levels: number; datasets: string[][] }>((resolve) => {
          const req = indexedDB.open('klyftkartan');
          req.onsuccess = () => {
            const tx = req.result.transaction(['levels', 'datasets']);
            const levels = tx.objectStore('levels').getAll();
            const datasets = tx.objectStore('datasets').getAll();
            tx.oncomplete = () =>
              resolve({
                levels: levels.result.length,
                datasets: datasets.result.map((d: { name: string; joins: object }) => [d.name, ...Object.keys(d.joins)]),
              });
          };
        }),
    );
    expect(stored).toEqual({ levels: 0, datasets: [['DeSO-andel', 'gbg-deso']] });
    expect(desoIndicator).toMatch(/^user:/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
