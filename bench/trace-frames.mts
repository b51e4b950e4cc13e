/**
 * `npx tsx bench/trace-frames.mts [level]`: where the time of a year change goes. Runs the map
 * harness's year changes and scrub (bench/driver.ts) under Chrome tracing and prints the longest trace events (JS vs the software
 * WebGL command buffer vs the compositor read-back).
 */
import { createServer } from 'vite';
import { launchBrowser } from '../tests/e2e/browser';
const dev = await createServer({ server: { host: '127.0.0.1', port: 4179, strictPort: true }, logLevel: 'silent', configFile: 'vite.config.ts' });
await dev.listen();
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
await page.addInitScript({ content: 'window.__name = (f) => f;' });
await page.goto('http://127.0.0.1:4179/bench/map-harness.html');
await page.waitForFunction(() => document.documentElement.dataset.benchReady === 'true');
const level = process.argv[2] ?? 'gbg-basomrade';
await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'gpu', 'viz', 'cc', 'v8'] });
const r = await page.evaluate((l) => (window as unknown as { klyftBench: { measureLevel(level: string): unknown } }).klyftBench.measureLevel(l), level);
const buf = await browser.stopTracing();
console.log('scrub', r);
const trace = JSON.parse(buf.toString());
const events = (trace.traceEvents ?? trace) as { ph: string; dur?: number; name: string }[];
const totals = new Map<string, number>();
for (const e of events) if (e.ph === 'X' && e.dur) totals.set(`${e.name}`, (totals.get(e.name) ?? 0) + e.dur / 1000);
console.log(
  [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 30)
    .map(([k, v]) => `${v.toFixed(0).padStart(8)} ms  ${k}`)
    .join('\n'),
);
await browser.close();
await dev.close();
