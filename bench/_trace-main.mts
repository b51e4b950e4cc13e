import { preview } from 'vite';
import { launchBrowser } from '../tests/e2e/browser';
const PORT = 4193;
const server = await preview({ preview: { host: '127.0.0.1', port: PORT, strictPort: true }, logLevel: 'silent' });
const browser = await launchBrowser();
const url = process.argv[2]!;
for (let k = 0; k < Number(process.env.N ?? 2); k++) {
const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'sv-SE' });
const page = await ctx.newPage();
await page.addInitScript({ content: 'window.__name = (f) => f;' });
await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing', 'loading', 'toplevel'] });
await page.goto(`http://127.0.0.1:${PORT}${url}`);
await page.waitForFunction(() => document.documentElement.dataset.firstPaintAt !== undefined, undefined, { timeout: 60000 });
const marker = await page.evaluate(() => document.documentElement.dataset.firstPaintAt);
await page.waitForTimeout(200);
const buf = await browser.stopTracing();
const events = JSON.parse(buf.toString()).traceEvents as any[];
const navStart = events.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame && e.args?.data?.documentLoaderURL?.startsWith('http'))?.ts ?? events.find((e) => e.name === 'navigationStart')?.ts;
// Find renderer main thread: thread with 'CrRendererMain' name
const threads = events.filter((e) => e.name === 'thread_name');
const mains = threads.filter((e) => e.args.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`);
const interesting = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
console.log(`\n=== ${url} marker ${marker}`);
const out: string[] = [];
for (const e of events) {
  if (!mains.includes(`${e.pid}:${e.tid}`)) continue;
  const t = (e.ts - navStart) / 1000;
  if (t < 0 || t > Number(marker) + 20) continue;
  if (e.ph === "X" && e.dur > Number(process.env.MIN ?? 1500) && !interesting.has(e.name)) out.push(`${t.toFixed(1).padStart(7)} +${(e.dur / 1000).toFixed(1).padStart(5)} ${e.name} ${e.args?.data?.url?.split('/').pop() ?? e.args?.data?.functionName ?? e.args?.data?.type ?? ''}`);
  if (e.ph === 'R' || e.ph === 'I' || e.ph === 'n' || (e.cat?.includes('user_timing') && e.ph !== 'X')) { if (e.name.startsWith('klyft') || e.name.includes('Paint') || e.name==='firstContentfulPaint') out.push(`${t.toFixed(1).padStart(7)}  mark ${e.name}`); }
}
console.log(out.join('\n'));
await ctx.close();
}
await browser.close();
await server.close();
