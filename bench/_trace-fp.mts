import { preview, build } from 'vite';
import { launchBrowser } from '/work/wt-paint2/tests/e2e/browser';
process.chdir('/work/wt-paint2');
const PORT = 4193;
const server = await preview({ preview: { host: '127.0.0.1', port: PORT, strictPort: true }, logLevel: 'silent' });
const browser = await launchBrowser();
const views = process.argv.slice(2).length ? process.argv.slice(2) : ['kommun:kolada-n66077'];
const N = Number(process.env.N ?? 5);
for (const v of views) {
  const [level, ind] = v.split(':');
  const q = `level=${level}&indicator=${ind}&year=2022`;
  for (const kind of ['app', 'svg']) {
    const rows: any[] = [];
    for (let i = 0; i < N; i++) {
      const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'sv-SE' });
      const page = await ctx.newPage();
      await page.addInitScript({ content: 'window.__name = (f) => f;' });
      const url = kind === 'app' ? `http://127.0.0.1:${PORT}/?${q}` : `http://127.0.0.1:${PORT}/bench/reference-svg.html?${q}&dir=higher-worse`;
      await page.goto(url);
      await page.waitForFunction(() => document.documentElement.dataset.firstPaintAt !== undefined, undefined, { timeout: 60000 });
      const r = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const res = performance.getEntriesByType('resource').map((e: any) => `${new URL(e.name).pathname.replace(/-[A-Za-z0-9_-]{8}\.js/, '.js')} ${e.startTime.toFixed(0)}→${e.responseEnd.toFixed(0)}`);
        const marks = performance.getEntriesByType('mark').map((m) => `${m.name.replace('klyft:first-paint:', '')}@${m.startTime.toFixed(0)}`);
        const paints = performance.getEntriesByType('paint').map((m) => `${m.name}@${m.startTime.toFixed(0)}`);
        return { resp: nav.responseEnd.toFixed(0), domInt: nav.domInteractive.toFixed(0), dcl: nav.domContentLoadedEventStart.toFixed(0), marker: document.documentElement.dataset.firstPaintAt, res, marks, paints };
      });
      rows.push(r);
      await ctx.close();
    }
    console.log(`\n== ${kind} ${v}`);
    for (const r of rows) console.log(`marker ${r.marker} resp ${r.resp} domInt ${r.domInt} dcl ${r.dcl} | ${r.marks.join(' ')} | ${r.paints.join(' ')}\n    ${r.res.join('  ')}`);
  }
}
await browser.close();
await server.close();
