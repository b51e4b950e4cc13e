/**
 * The bad-input corpus (issue 14): hurried hands and broken files. Every case asserts the message
 * the user sees (naming the cause), that the map is still drawn, and that nothing already imported
 * is lost. Fixtures are made here, a few bytes each. Run with KLYFT_SHOTS_DIR=/some/dir to keep a
 * screenshot of each message, and KLYFT_RELOAD_RUNS=20 to repeat the reload race 20 times.
 *
 * Covered elsewhere, not repeated: a catalogue that fails to load (resilience.test.ts), a link to a
 * dataset or division from another browser (import.test.ts, import-boundaries.test.ts), a story
 * link that is not a story (story-editor.test.ts).
 */
import { strToU8, zipSync } from 'fflate';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storyToUrl, type Story } from '../../src/story/story';
import { BASE_URL, mapKey, waitForMap, waitForMapKey } from './browser';
import { browserPerFile, shot as keepShot } from './per-file';
import { squaresGeoJson } from './squares';
import { pngBytes } from '../binary-samples';

const chromium = browserPerFile();
const RELOAD_RUNS = Number(process.env.KLYFT_RELOAD_RUNS ?? 2);

function shot(page: Page, name: string): Promise<void> {
  return keepShot(page, `errors-${name}`);
}

/** A context that records page errors and fails on any alert()/confirm() a payload might open. */
async function newContext(init?: () => void): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await chromium.browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'sv-SE' });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return { context, page, errors };
}

const dialog = (page: Page) => page.getByRole('dialog', { name: /Importera data|Import data/ });

async function chooseFile(page: Page, name: string, buffer: Buffer | Uint8Array, label = 'Välj fil att importera'): Promise<void> {
  await page.getByLabel(label).setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(buffer) });
}

/** A small kommun table: Göteborg and Stockholm, two years. */
const KOMMUN_CSV = ['kod;år;andel', '1480;2020;14,2', '0180;2020;12,5', '1480;2021;13,9', '0180;2021;12,1'].join('\n');

/** Imports KOMMUN_CSV under `name` and waits until the map shows it; returns its indicator id. */
async function importDataset(page: Page, name: string): Promise<string> {
  await chooseFile(page, 'kommun.csv', Buffer.from(KOMMUN_CSV, 'utf8'));
  await dialog(page).getByRole('textbox', { name: 'Namn' }).fill(name);
  await dialog(page).getByRole('button', { name: 'Visa på kartan' }).click();
  await waitForMapKey(page, 'user:');
  return new URL(page.url()).searchParams.get('indicator') ?? '';
}

/** The dataset is listed under "Dina data" (it can be renamed, so it is there). */
function listed(page: Page, name: string) {
  return page.getByRole('button', { name: `Byt namn på ${name}` }).count();
}

/** The text of the app's notices (its status and alert regions), one per line. */
async function notices(page: Page): Promise<string> {
  return (await page.locator('klyft-notices').getByRole('status').or(page.locator('klyft-notices').getByRole('alert')).allTextContents()).join('\n');
}

describe('nothing imported is lost', () => {
  it(`keeps a dataset when the page is reloaded the moment it is shown (${RELOAD_RUNS} runs)`, async () => {
    const lost: string[] = [];
    for (let run = 1; run <= RELOAD_RUNS; run++) {
      const { context, page } = await newContext();
      await page.goto(`${BASE_URL}?level=kommun&indicator=kolada-n00923&year=2020`);
      await waitForMap(page);
      const name = `Omladdat ${run}`;
      await chooseFile(page, 'kommun.csv', Buffer.from(KOMMUN_CSV, 'utf8'));
      await dialog(page).getByRole('textbox', { name: 'Namn' }).fill(name);
      await dialog(page).getByRole('button', { name: 'Visa på kartan' }).click();
      // The moment the view switches to the dataset, reload: no time for IndexedDB to commit.
      await page.waitForFunction(() => new URLSearchParams(location.search).get('indicator')?.startsWith('user:') === true, undefined, { polling: 'raf' });
      const indicator = new URL(page.url()).searchParams.get('indicator')!;
      await page.reload();
      await waitForMap(page);
      const kept = new URL(page.url()).searchParams.get('indicator') === indicator && (await listed(page, name).catch(() => 0)) > 0;
      if (kept) await waitForMapKey(page, indicator);
      else lost.push(`run ${run}: ${await notices(page)}`);
      await context.close();
    }
    console.log(`reload right after applying: ${RELOAD_RUNS - lost.length} of ${RELOAD_RUNS} datasets kept`);
    expect(lost).toEqual([]);
  });

  it(`keeps a dataset when the page goes away before IndexedDB has committed it (${RELOAD_RUNS} runs)`, async () => {
    for (let run = 1; run <= RELOAD_RUNS; run++) {
      // The first page's IndexedDB writes never reach the database (as when the page is closed
      // before the commit); the reloaded page's storage works again.
      const { context, page, errors } = await newContext(() => {
        if (sessionStorage.getItem('stalled') !== null) return;
        sessionStorage.setItem('stalled', '1');
        IDBObjectStore.prototype.put = function () {
          return {} as IDBRequest<IDBValidKey>;
        };
      });
      await page.goto(`${BASE_URL}?level=kommun&indicator=kolada-n00923&year=2020`);
      await waitForMap(page);
      const indicator = await importDataset(page, `Aldrig skrivet ${run}`);
      await page.reload();
      await waitForMapKey(page, indicator);
      expect(await listed(page, `Aldrig skrivet ${run}`)).toBe(1);
      // Replayed into IndexedDB: a third load finds it there without the write-ahead record.
      await page.evaluate(() =>
        Object.keys(localStorage)
          .filter((k) => k.startsWith('klyftkartan:journal:'))
          .forEach((k) => localStorage.removeItem(k)),
      );
      await page.reload();
      await waitForMapKey(page, indicator);
      expect(errors).toEqual([]);
      await context.close();
    }
    console.log(`reload before the IndexedDB commit: ${RELOAD_RUNS} of ${RELOAD_RUNS} datasets kept`);
  });

  it('keeps a new name when the page is reloaded the moment the dataset is renamed', async () => {
    const { context, page, errors } = await newContext();
    await page.goto(`${BASE_URL}?level=kommun&indicator=kolada-n00923&year=2020`);
    await waitForMap(page);
    const indicator = await importDataset(page, 'Före namnbytet');
    await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('klyftkartan:journal:')).length)).toBe(0);
    // From here IndexedDB answers nothing (as when the page closes before it reads or commits):
    // only the write-ahead record, written at once, can carry the new name across the reload.
    await page.evaluate(() => {
      IDBObjectStore.prototype.get = function () {
        return {} as IDBRequest;
      };
      IDBObjectStore.prototype.put = function () {
        return {} as IDBRequest<IDBValidKey>;
      };
    });
    await page.getByRole('button', { name: 'Byt namn på Före namnbytet' }).click();
    await page.getByRole('textbox', { name: 'Nytt namn för Före namnbytet' }).fill('Efter namnbytet');
    await page.getByRole('textbox', { name: 'Nytt namn för Före namnbytet' }).press('Enter');
    await expect.poll(() => listed(page, 'Efter namnbytet')).toBe(1);
    await page.reload();
    await waitForMapKey(page, indicator);
    expect(await listed(page, 'Efter namnbytet')).toBe(1);
    expect(await listed(page, 'Före namnbytet')).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('asks before the page is left while a write the write-ahead record could not take is still going to IndexedDB, and only then', async () => {
    const context = await chromium.browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'sv-SE' });
    // The write-ahead record refuses the dataset (as it does a table too large for it) and IndexedDB never commits.
    await context.addInitScript(() => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key: string, value: string) {
        if (key.startsWith('klyftkartan:journal:')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        setItem.call(this, key, value);
      };
      IDBObjectStore.prototype.put = function () {
        return {} as IDBRequest<IDBValidKey>;
      };
    });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.type());
      void d.dismiss();
    });
    await page.goto(`${BASE_URL}?level=kommun&indicator=kolada-n00923&year=2020`);
    await waitForMap(page);
    await chooseFile(page, 'kommun.csv', Buffer.from(KOMMUN_CSV, 'utf8'));
    await dialog(page).getByRole('textbox', { name: 'Namn' }).fill('Osparat ännu');
    await dialog(page).getByRole('button', { name: 'Visa på kartan' }).click();
    await expect.poll(() => notices(page)).toContain('Sparar "Osparat ännu" i webbläsaren …');
    // Leaving now would lose the dataset: the browser asks (the reader stays on "Leave page?" → Cancel).
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => dialogs).toEqual(['beforeunload']);
    expect(page.isClosed()).toBe(false);
    await context.close();

    // With the write in the write-ahead record, leaving loses nothing: no question.
    const { context: calm, page: calmPage, errors } = await newContext();
    await calmPage.goto(`${BASE_URL}?level=kommun&indicator=kolada-n00923&year=2020`);
    await waitForMap(calmPage);
    await importDataset(calmPage, 'Journalfört');
    const closed = calmPage.waitForEvent('close');
    await calmPage.close({ runBeforeUnload: true });
    await closed;
    expect(errors).toEqual([]);
    await calm.close();
  });

  it('says IndexedDB is unavailable, and keeps the dataset in the fallback storage across a reload', async () => {
    const { context, page, errors } = await newContext(() => Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true }));
    await page.goto(`${BASE_URL}?level=kommun&indicator=kolada-n00923&year=2020`);
    await waitForMap(page);
    await expect
      .poll(() => notices(page))
      .toContain('Webbläsarens databas kan inte användas här: webbläsaren tillåter ingen lagring här (t.ex. i privat läge).');
    const indicator = await importDataset(page, 'Utan databas');
    await expect
      .poll(() => notices(page))
      .toContain(
        '"Utan databas" kunde inte sparas i webbläsarens databas (webbläsaren tillåter ingen lagring här (t.ex. i privat läge)) men finns i reservlagringen och visas igen efter en omladdning.',
      );
    await shot(page, 'indexeddb-unavailable');
    await page.reload();
    await waitForMapKey(page, indicator);
    expect(await listed(page, 'Utan databas')).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says when a dataset could not be saved at all, and after a reload explains that it is gone, not “in another browser”', async () => {
    // No IndexedDB, and the write-ahead record does not fit either (as with a large table).
    const { context, page, errors } = await newContext(() => {
      Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key: string, value: string) {
        if (key.startsWith('klyftkartan:journal:')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        setItem.call(this, key, value);
      };
    });
    await page.goto(`${BASE_URL}?level=kommun&indicator=kolada-n00923&year=2020`);
    await waitForMap(page);
    const indicator = await importDataset(page, 'Osparat');
    await expect
      .poll(() => notices(page))
      .toContain(
        '"Osparat" visas men kunde inte sparas i webbläsaren: webbläsaren tillåter ingen lagring här (t.ex. i privat läge). Datan försvinner när sidan laddas om eller stängs.',
      );
    await shot(page, 'save-failed');
    await page.reload();
    await waitForMap(page);
    const text = await notices(page);
    expect(text).toContain(
      'Länken använder datan "Osparat", som importerades här men inte kunde sparas: webbläsaren tillåter ingen lagring här (t.ex. i privat läge). Importera filen igen för att se den.',
    );
    expect(text).toContain('Kartan visar nu standardvyn, och adressen har ändrats till den.');
    expect(text).not.toContain('annan webbläsare');
    await expect.poll(() => new URL(page.url()).searchParams.get('indicator')).not.toBe(indicator);
    await shot(page, 'missing-unsaved');
    expect(errors).toEqual([]);
    await context.close();
  });
});

/** What a renamed image looks like. */
const PNG = pngBytes();

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** A one-sheet workbook; without its sheet part when `sheet` is false. */
function workbook(sheet: boolean): Uint8Array {
  const files: Record<string, Uint8Array> = {
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
  };
  if (sheet)
    files['xl/worksheets/sheet1.xml'] = strToU8(
      `<?xml version="1.0"?><worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>1480 Göteborg</t></is></c><c r="B1"><v>12</v></c></row></sheetData></worksheet>`,
    );
  return zipSync(files);
}

/** Two squares; square B points at arc 7 of 4. */
const BROKEN_TOPOJSON = {
  type: 'Topology',
  arcs: [
    [
      [11.9, 57.7],
      [12, 57.7],
    ],
    [
      [12, 57.7],
      [12, 57.8],
    ],
    [
      [12, 57.8],
      [11.9, 57.8],
      [11.9, 57.7],
    ],
    [
      [12, 57.7],
      [12.1, 57.7],
      [12.1, 57.8],
      [12, 57.8],
    ],
  ],
  objects: {
    omraden: {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', arcs: [[0, 1, 2]], properties: { kod: 'A', namn: 'Väster' } },
        { type: 'Polygon', arcs: [[3, 7]], properties: { kod: 'B', namn: 'Öster' } },
      ],
    },
  },
};

/** Broken files: [name, file name, bytes, what the message must say, what it must not]. */
const BAD_FILES: [string, string, Uint8Array, string, string | null][] = [
  ['a PNG named .csv', 'bild.csv', PNG, 'Filen bild.csv är ingen texttabell: den innehåller binära data (den ser ut att vara en PNG-bild).', 'Rubriker'],
  [
    'random bytes named .csv',
    'brus.csv',
    Uint8Array.from({ length: 3000 }, (_, i) => (i * 7919 + 13) % 256),
    'Filen brus.csv är ingen texttabell: den innehåller binära data.',
    'Rubriker',
  ],
  ['an empty file', 'tom.csv', new Uint8Array(), 'Filen är tom.', null],
  ['text that is no table', 'skräp.csv', strToU8('hej hopp\nlorem ipsum dolor\n'), 'Rad 1: ingen kolumn med områdeskoder', null],
  [
    'years before 1900 only',
    'gammal.csv',
    strToU8('kod;år;värde\n1480;1850;1\n0180;1899;2\n'),
    'Alla år i filen ligger utanför det godtagna intervallet 1900–2099 (t.ex. 1850 på rad 2).',
    'utan år',
  ],
  [
    'a cut-off workbook',
    'avkortad.xlsx',
    workbook(true).slice(0, 200),
    'Arbetsboken avkortad.xlsx är skadad eller avkortad: dess zip-arkiv går inte att packa upp.',
    'invalid',
  ],
  [
    'a workbook without its sheet',
    'utan-blad.xlsx',
    workbook(false),
    'Arbetsboken utan-blad.xlsx är skadad: dess första blad "Data" saknas i filen (xl/worksheets/sheet1.xml).',
    'no worksheet',
  ],
  [
    'a TopoJSON with a missing arc',
    'trasig.topojson',
    strToU8(JSON.stringify(BROKEN_TOPOJSON)),
    'I TopoJSON-filen hänvisar objektet "omraden", geometri 1 ("B") till båge 7, men filen har bara 4 bågar (0–3).',
    'Cannot read',
  ],
];

describe('bad files: a message that names the cause, the map still drawn, the imported data kept', () => {
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let urlBefore: string;
  let keyBefore: string;

  beforeAll(async () => {
    ({ context, page, errors } = await newContext());
    await page.goto(`${BASE_URL}?level=kommun&indicator=kolada-n00923&year=2020`);
    await waitForMap(page);
    await importDataset(page, 'Redan importerat');
    urlBefore = page.url();
    keyBefore = await mapKey(page);
  });

  afterAll(async () => {
    await context?.close();
  });

  it.each(BAD_FILES)('%s', async (_, fileName, bytes, message, notSaid) => {
    await chooseFile(page, fileName, bytes);
    const alert = dialog(page).getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain(message);
    if (notSaid) expect(await alert.textContent()).not.toContain(notSaid);
    expect(await dialog(page).getByRole('button', { name: 'Visa på kartan' }).count()).toBe(0);
    await shot(page, fileName.replace(/\W+/g, '-'));
    await dialog(page).getByRole('button', { name: 'Avbryt' }).click();
    expect(page.url()).toBe(urlBefore);
    expect(await mapKey(page)).toBe(keyBefore);
    expect(await page.evaluate(() => document.documentElement.dataset.mapReady)).toBe('true');
    expect(await listed(page, 'Redan importerat')).toBe(1);
    expect(errors).toEqual([]);
  });

  it('warns about rows with years before 1900 by year and range, and imports the rest', async () => {
    await chooseFile(page, 'blandad.csv', strToU8('kod;år;värde\n1480;1850;1\n1480;2020;2\n0180;2020;3\n'));
    const preview = dialog(page);
    const warning = preview.getByText('1 rad har ett år utanför det godtagna intervallet 1900–2099 och hoppades över (första: rad 2, år 1850).');
    await expect.poll(() => warning.count()).toBe(1);
    await warning.scrollIntoViewIfNeeded();
    expect(await preview.getByText(/rader? utan år/).count()).toBe(0);
    await expect.poll(() => preview.getByText('2 av 2 rader matchade.').count()).toBe(1);
    await shot(page, 'years-before-1900');
    await preview.getByRole('button', { name: 'Avbryt' }).click();
    expect(await listed(page, 'Redan importerat')).toBe(1);
  });

  it('reads a file chosen in the same moment as Cancel (the dialog’s close event comes after it)', async () => {
    await chooseFile(page, 'bild.csv', PNG);
    await expect.poll(() => dialog(page).getByRole('alert').textContent()).toContain('Filen bild.csv är ingen texttabell');
    // Cancel, then choose the next file before the browser has delivered the dialog's `close`
    // event (a task queued by dialog.close()): as a quick hand, or a loaded machine, can.
    await page.locator('klyft-import').evaluate((element, csv) => {
      const root = element.shadowRoot!;
      const cancel = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Avbryt')!;
      cancel.click();
      const input = root.querySelector<HTMLInputElement>('input[type=file]')!;
      const files = new DataTransfer();
      files.items.add(new File([csv], 'gammal.csv', { type: 'text/csv' }));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, 'kod;år;värde\n1480;1850;1\n');
    await expect.poll(() => dialog(page).getByRole('alert').textContent()).toContain('Alla år i filen ligger utanför det godtagna intervallet 1900–2099');
    await dialog(page).getByRole('button', { name: 'Avbryt' }).click();
    expect(await dialog(page).count()).toBe(0);
    expect(await listed(page, 'Redan importerat')).toBe(1);
  });

  it('says it in English in the English UI', async () => {
    await page.getByRole('button', { name: 'In English' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('lang')).toBe('en');
    await chooseFile(page, 'bild.csv', PNG, 'Choose a file to import');
    const alert = dialog(page).getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('The file bild.csv is not a text table: it holds binary data (it looks like a PNG image).');
    await shot(page, 'binary-english');
    await dialog(page).getByRole('button', { name: 'Cancel' }).click();
    await chooseFile(page, 'utan-blad.xlsx', workbook(false), 'Choose a file to import');
    await expect.poll(() => alert.textContent()).toContain('The workbook utan-blad.xlsx is damaged: its first sheet "Data" is missing from the file');
    await dialog(page).getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByRole('button', { name: 'Rename Redan importerat' }).count()).toBe(1);
  });
});

describe('a boundary file with a self-intersecting area', () => {
  it('warns naming the area, and adds and draws the division anyway', async () => {
    const { context, page, errors } = await newContext();
    await page.goto(`${BASE_URL}?level=kommun`);
    await waitForMap(page);
    await importDataset(page, 'Tidigare');
    const squares = squaresGeoJson() as { features: { properties: Record<string, unknown>; geometry: { coordinates: number[][][] } }[] };
    // Mittrutan's corners swapped into a bow tie: its boundary crosses itself in the middle.
    const [sw, se, ne, nw] = squares.features[1]!.geometry.coordinates[0]!;
    squares.features[1]!.geometry.coordinates = [[sw!, ne!, se!, nw!, sw!]];
    await chooseFile(page, 'rutor.geojson', strToU8(JSON.stringify(squares)));
    const preview = dialog(page);
    await expect.poll(() => preview.getByText(/Området "Mittrutan" har en gräns som korsar sig själv\. Det visas ändå/).count()).toBe(1);
    await shot(page, 'self-intersection');
    await preview.getByRole('textbox', { name: 'Indelningens namn' }).fill('Rutor med fjäril');
    await preview.getByRole('button', { name: 'Lägg till som indelning' }).click();
    await waitForMapKey(page, 'user-level:');
    await shot(page, 'self-intersection-map');
    await page.getByRole('button', { name: 'Tabell' }).click();
    await expect.poll(() => page.getByRole('table').locator('tbody tr').count()).toBe(3);
    expect(await listed(page, 'Tidigare')).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('tampered links', () => {
  it('shows HTML in URL values as text, runs none of it, and draws the default map', async () => {
    const { context, page, errors } = await newContext();
    await page.goto(`${BASE_URL}?level=kommun`);
    await waitForMap(page);
    await importDataset(page, 'Tidigare');
    const search = new URLSearchParams({ level: '<script>alert(1)</script>', indicator: '"><img src=x onerror=alert(2)>', year: 'abc', k: '999', bogus: '1' });
    await page.goto(`${BASE_URL}?${search}`);
    await waitForMap(page);
    const text = await notices(page);
    expect(text).toContain('Värdet "<script>alert(1)</script>" för "level" är ogiltigt');
    expect(text).toContain('Värdet ""><img src=x onerror=alert(2)>" för "indicator" är ogiltigt');
    expect(text).toContain('Parametern "bogus" känns inte igen och ignoreras.');
    expect(await page.evaluate(() => document.querySelectorAll('img[src="x"], script:not([src])').length)).toBe(0);
    await shot(page, 'tampered-url');
    expect(await listed(page, 'Tidigare')).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a #story= link’s HTML title as text and runs none of it', async () => {
    const { context, page, errors } = await newContext();
    const payload = '<img src=x onerror=alert(3)>';
    const story: Story = {
      version: 1,
      title: { sv: payload, en: payload },
      scenes: [
        {
          id: 'a',
          view: { level: 'kommun', indicator: 'kolada-n66077', year: 2011, mode: 'level', measure: 'fifthGap' },
          caption: { sv: `<b onmouseover=alert(4)>x</b>`, en: 'x' },
        },
      ],
    };
    const encoded = storyToUrl(story);
    if (!('param' in encoded)) throw new Error('story too long');
    await page.goto(`${BASE_URL}?level=kommun`);
    await waitForMap(page);
    await importDataset(page, 'Tidigare');
    await page.goto(`${BASE_URL}#story=${encoded.param}`);
    await waitForMap(page);
    await expect.poll(() => notices(page)).toContain(`Berättelsen "${payload}" är laddad`);
    expect(await page.evaluate(() => document.querySelectorAll('img[src="x"]').length)).toBe(0);
    // Raw HTML in the fragment is no story at all.
    await page.goto(`${BASE_URL}#story=${encodeURIComponent('<svg onload=alert(5)>')}`);
    await waitForMap(page);
    await expect.poll(() => notices(page)).toContain('Berättelsen i länken kunde inte öppnas');
    expect(await listed(page, 'Tidigare')).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('a 200,000-row CSV', () => {
  it('is read in the worker, previewed with the map still drawn, and kept once applied', async () => {
    const { context, page, errors } = await newContext();
    await page.goto(`${BASE_URL}?level=kommun&indicator=kolada-n00923&year=2020`);
    await waitForMap(page);
    await importDataset(page, 'Tidigare');
    const keyBefore = await mapKey(page);
    // 4 kommuner × 200 years × 250 measures, every row distinct.
    const codes = ['1480', '0180', '1280', '0380'];
    const lines = ['kod;år;indikator;värde'];
    for (let m = 0; m < 250; m++) for (let y = 1900; y < 2100; y++) for (const c of codes) lines.push(`${c};${y};mått ${m};${(y % 97) + m / 10}`);
    expect(lines.length - 1).toBe(200_000);
    await chooseFile(page, 'stor.csv', Buffer.from(lines.join('\n'), 'utf8'));
    const preview = dialog(page);
    await expect.poll(() => preview.getByText('4 av 290 områden på kartan har värden.').count(), { timeout: 90_000 }).toBe(1);
    await shot(page, 'large-csv');
    await preview.getByRole('button', { name: 'Avbryt' }).click();
    expect(await mapKey(page)).toBe(keyBefore);
    expect(await listed(page, 'Tidigare')).toBe(1);
    // Too large for the write-ahead record: shown once IndexedDB has it, and kept across a reload.
    await chooseFile(page, 'stor.csv', Buffer.from(lines.join('\n'), 'utf8'));
    await expect.poll(() => preview.getByText('4 av 290 områden på kartan har värden.').count(), { timeout: 90_000 }).toBe(1);
    await preview.getByRole('textbox', { name: 'Namn' }).fill('Stor tabell');
    const applied = Date.now();
    await preview.getByRole('button', { name: 'Visa på kartan' }).click();
    await expect.poll(() => listed(page, 'Stor tabell'), { timeout: 90_000 }).toBe(1);
    console.log(`200,000-row table: shown ${Date.now() - applied} ms after "Visa på kartan"`);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('klyftkartan:journal:')).length)).toBe(0);
    const indicator = new URL(page.url()).searchParams.get('indicator')!;
    await page.reload();
    await waitForMapKey(page, indicator);
    expect(await listed(page, 'Stor tabell')).toBe(1);
    expect(await listed(page, 'Tidigare')).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
