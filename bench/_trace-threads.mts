// Where a first paint's time goes: per thread, the busy time until the paint marker, and the main thread's top events.
import { preview } from 'vite';
import { launchBrowser } from '../tests/e2e/browser';
const PORT = 4193;
const server = await preview({ preview: { host: '127.0.0.1', port: PORT, strictPort: true }, logLevel: 'silent' });
const browser = await launchBrowser();
const urls = process.argv.slice(2);
const N = Number(process.env.N ?? 3);
for (const url of urls) {
  const agg = new Map<string, number>();
  const markers: number[] = [];
  for (let k = 0; k < N; k++) {
    const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'sv-SE' });
    const page = await ctx.newPage();
    await page.route(/\/assets\/klyft-app-[^/]*\.js$/, () => new Promise(() => {}));
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'toplevel', 'cc', 'gpu', 'viz', 'blink', 'blink.user_timing', 'loading'] });
    await page.goto(`http://127.0.0.1:${PORT}${url}`);
    await page.waitForFunction(() => document.documentElement.dataset.firstPaintAt !== undefined, undefined, { timeout: 60000, polling: 100 });
    const marker = Number(await page.evaluate(() => document.documentElement.dataset.firstPaintAt));
    markers.push(marker);
    const buf = await browser.stopTracing();
    const events = JSON.parse(buf.toString()).traceEvents as any[];
    const nav = events.filter((e) => e.name === 'navigationStart' && String(e.args?.data?.documentLoaderURL ?? '').startsWith('http'));
    const navStart = nav[nav.length - 1]?.ts;
    
    const names = new Map<string, string>();
    for (const e of events) if (e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
    for (const e of events) {
      if (e.ph !== 'X' || !e.dur) continue;
      const t0 = (e.ts - navStart) / 1000;
      const t1 = t0 + e.dur / 1000;
      if (t1 < 0 || t0 > marker) continue;
      const d = Math.min(t1, marker) - Math.max(t0, 0);
      const th = names.get(`${e.pid}:${e.tid}`) ?? '?';
      const top = e.name === 'ThreadControllerImpl::RunTask' || e.name === 'ThreadPool_RunTask';
      if (top) agg.set(`busy ${th}`, (agg.get(`busy ${th}`) ?? 0) + d / N);
      else if (th === 'CrRendererMain') agg.set(`  main: ${e.name}`, (agg.get(`  main: ${e.name}`) ?? 0) + d / N);
    }
    await ctx.close();
  }
  console.log(`\n=== ${url} markers ${markers.join(' ')}`);
  console.log([...agg.entries()].filter(([, v]) => v >= 1).sort((a, b) => (a[0].startsWith('busy') === b[0].startsWith('busy') ? b[1] - a[1] : a[0].startsWith('busy') ? -1 : 1)).slice(0, 45).map(([k, v]) => `${v.toFixed(1).padStart(7)}  ${k}`).join('\n'));
}
await browser.close();
await server.close();
