/**
 * `npx tsx bench/trace-first-paint.mts [level:indicator …]`: where the first paint's time goes,
 * the app beside the SVG reference. Serves the built app and bench pages (`npm run build`, then
 * bench/run.ts or `npx vite build --config bench/vite.config.ts`), loads each page N times
 * (env N, default 5) in a fresh context and prints, per load: the paint marker, the navigation
 * timings, the first paint's user-timing marks (src/first-paint/first-paint.ts) and the network
 * waterfall (request start → response end, ms since navigation).
 */
import { preview } from 'vite';
import { launchBrowser } from '../tests/e2e/browser';

const PORT = Number(process.env.PORT ?? 4176);
const server = await preview({ preview: { host: '127.0.0.1', port: PORT, strictPort: true }, logLevel: 'silent' });
const browser = await launchBrowser();
const views = process.argv.slice(2).length ? process.argv.slice(2) : ['kommun:kolada-n66077'];
const N = Number(process.env.N ?? 5);

interface Load {
  marker: string | undefined;
  response: string;
  interactive: string;
  contentLoaded: string;
  marks: string[];
  paints: string[];
  resources: string[];
}

try {
  for (const view of views) {
    const [level, indicator] = view.split(':');
    const query = `level=${level}&indicator=${indicator}&year=2022`;
    for (const kind of ['app', 'svg'] as const) {
      console.log(`\n== ${kind} ${view}`);
      for (let i = 0; i < N; i++) {
        const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'sv-SE' });
        const page = await context.newPage();
        await page.addInitScript({ content: 'window.__name = (f) => f;' });
        await page.goto(kind === 'app' ? `http://127.0.0.1:${PORT}/?${query}` : `http://127.0.0.1:${PORT}/bench/reference-svg.html?${query}&dir=higher-worse`);
        await page.waitForFunction(() => document.documentElement.dataset.firstPaintAt !== undefined, undefined, { timeout: 60_000 });
        const load: Load = await page.evaluate(() => {
          const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          const at = (t: number) => t.toFixed(0);
          return {
            marker: document.documentElement.dataset.firstPaintAt,
            response: at(nav.responseEnd),
            interactive: at(nav.domInteractive),
            contentLoaded: at(nav.domContentLoadedEventStart),
            marks: performance.getEntriesByType('mark').map((m) => `${m.name.replace('klyft:first-paint:', '')}@${at(m.startTime)}`),
            paints: performance.getEntriesByType('paint').map((m) => `${m.name}@${at(m.startTime)}`),
            resources: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map(
              (e) => `${new URL(e.name).pathname.replace(/-[A-Za-z0-9_-]{8}\.js$/, '.js')} ${at(e.startTime)}→${at(e.responseEnd)}`,
            ),
          };
        });
        console.log(
          `marker ${load.marker} response ${load.response} domInteractive ${load.interactive} DCL ${load.contentLoaded} | ${load.marks.join(' ')} | ${load.paints.join(' ')}`,
        );
        console.log(`    ${load.resources.join('  ')}`);
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
