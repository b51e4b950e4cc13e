/**
 * `npx tsx bench/import-large.ts` (after `npm run build`, holding the browser lock): drops a
 * 200,000-row CSV (all 5,984 DeSO 2018 × 34 years × 3 measures, generated here) on the kommun map
 * and measures how long the import takes and how responsive the page stays meanwhile: the longest
 * main-thread task and the longest gap between animation frames while the worker parses, detects
 * the division and joins. Software WebGL on 2 cores: compare runs on one machine, not with a GPU.
 */
import { readFileSync } from 'node:fs';
import { preview } from 'vite';
import { launchBrowser } from '../tests/e2e/browser';

const PORT = Number(process.env.KLYFT_E2E_PORT ?? 4192);
const YEARS = Array.from({ length: 34 }, (_, i) => 1990 + i);

/** The CSV: one row per DeSO and year, three measures. */
function largeCsv(): { text: string; rows: number } {
  const codes = JSON.parse(readFileSync('public/data/codes.json', 'utf8')) as { deso2018: Record<string, string[]> };
  const deso = Object.entries(codes.deso2018).flatMap(([kommun, rest]) => rest.map((r) => kommun + r));
  const lines = ['desokod;år;folkmängd;andel_låg_inkomst;medianinkomst_tkr'];
  deso.forEach((code, i) => {
    for (const year of YEARS) lines.push(`${code};${year};${700 + ((i * 31 + year) % 2000)};${((i + year) % 400) / 10};${200 + ((i * 7 + year) % 300)}`);
  });
  return { text: lines.join('\n'), rows: lines.length - 1 };
}

const server = await preview({ preview: { host: '127.0.0.1', port: PORT, strictPort: true }, logLevel: 'warn' });
const browser = await launchBrowser();
try {
  const { text, rows } = largeCsv();
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'sv-SE' })).newPage();
  await page.goto(`http://127.0.0.1:${PORT}/?level=kommun`);
  await page.waitForFunction(() => document.documentElement.dataset.mapReady === 'true', undefined, { timeout: 60_000 });
  await page.waitForFunction(() => Boolean(customElements.get('klyft-import')), undefined, { timeout: 60_000 });
  // Long tasks and animation-frame gaps from the drop on (a string: tsx would name the functions for a closure).
  await page.evaluate(`(() => {
    window.__tasks = [];
    window.__frames = [];
    window.__frameLoop = true;
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__tasks.push([e.startTime, e.duration]))).observe({ type: 'longtask' });
    const tick = (t) => { window.__frames.push(t); if (window.__frameLoop) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  // The file is made first: building a 6 MB File in the page is the harness's cost, not the importer's.
  await page.evaluate(
    ({ text }) => {
      (window as unknown as { __file: File }).__file = new File([text], 'deso-200000.csv', { type: 'text/csv' });
    },
    { text },
  );
  await page.waitForTimeout(500);
  const t0 = Date.now();
  const dropAt = (await page.evaluate('performance.now()')) as number;
  await page.evaluate(`(() => {
    const data = new DataTransfer();
    data.items.add(window.__file);
    document.querySelector('klyft-app').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  })()`);
  const preview = page.getByRole('dialog', { name: 'Importera data' });
  await preview.getByTestId('matched-rows').first().waitFor({ timeout: 300_000 });
  const previewMs = Date.now() - t0;
  const applyAt = (await page.evaluate('performance.now()')) as number;
  const apply = Date.now();
  await preview.getByRole('button', { name: 'Visa på kartan' }).click();
  await page.waitForFunction(() => (document.documentElement.dataset.mapKey ?? '').includes('user:'), undefined, { timeout: 300_000 });
  const applyMs = Date.now() - apply;
  const { tasks, gaps } = (await page.evaluate(`(() => {
    window.__frameLoop = false;
    const f = window.__frames;
    return { tasks: window.__tasks, gaps: f.slice(1).map((t, i) => [f[i], t - f[i]]) };
  })()`)) as { tasks: [number, number][]; gaps: [number, number][] };
  const max = (v: number[]) => (v.length ? Math.max(...v) : 0);
  const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
  const line = (label: string, value: string) => console.log(`${label.padEnd(62)} ${value.padStart(12)}`);
  line(`CSV: ${rows.toLocaleString('en')} rows, ${(text.length / 1e6).toFixed(1)} MB`, '');
  // The preview phase is the importer's alone; after "Visa på kartan" the map also switches level and draws.
  for (const [label, from, to, ms] of [
    ['drop → preview (worker: parse, find division, join)', dropAt, applyAt, previewMs],
    ['"Visa på kartan" → map drawn with the data', applyAt, Infinity, applyMs],
  ] as const) {
    const inPhase = tasks.filter(([start]) => start >= from && start < to).map(([, d]) => d);
    const frameGaps = gaps.filter(([start]) => start >= from && start < to).map(([, d]) => d);
    line(label, `${ms} ms`);
    line('  main-thread long tasks (> 50 ms) / longest', `${inPhase.length} / ${Math.round(max(inPhase))} ms`);
    line('  total blocking time (Σ long task − 50 ms)', `${Math.round(sum(inPhase.map((d) => Math.max(0, d - 50))))} ms`);
    line('  longest gap between animation frames', `${Math.round(max(frameGaps))} ms`);
  }
} finally {
  await browser.close();
  await server.close();
}
