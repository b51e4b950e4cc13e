// CPU profile of the first paint: self time by function between navigation and the marker.
import { preview } from 'vite';
import { launchBrowser } from '../tests/e2e/browser';
const PORT = 4193;
const server = await preview({ preview: { host: '127.0.0.1', port: PORT, strictPort: true }, logLevel: 'silent' });
const browser = await launchBrowser();
const url = process.argv[2]!;
const totals = new Map<string, number>();
const N = Number(process.env.N ?? 3);
for (let k = 0; k < N; k++) {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'sv-SE' });
  const page = await ctx.newPage();
  await page.route(/\/assets\/klyft-app-[^/]*\.js$/, () => new Promise(() => {}));
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(`http://127.0.0.1:${PORT}${url}`);
  await page.waitForFunction(() => document.documentElement.dataset.firstPaintAt !== undefined, undefined, { timeout: 60000, polling: 50 });
  const marker = Number(await page.evaluate(() => document.documentElement.dataset.firstPaintAt));
  const origin = await page.evaluate(() => performance.timeOrigin);
  const { profile } = (await cdp.send('Profiler.stop')) as any;
  const byId = new Map<number, any>(profile.nodes.map((n: any) => [n.id, n]));
  // timestamps: profile.startTime in µs (monotonic); map using samples + timeDeltas
  let t = profile.startTime;
  const self = new Map<string, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    const node = byId.get(profile.samples[i]);
    const f = node.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + profile.timeDeltas[i + 1 < profile.timeDeltas.length ? i + 1 : i] / 1000);
  }
  for (const [k2, v] of self) totals.set(k2, (totals.get(k2) ?? 0) + v / N);
  console.log(`run ${k} marker ${marker}`);
  await ctx.close();
}
console.log([...totals.entries()].filter(([k]) => !k.startsWith('(idle)') && !k.startsWith('(program)')).sort((a, b) => b[1] - a[1]).slice(0, 35).map(([k, v]) => `${v.toFixed(1).padStart(7)} ms  ${k}`).join('\n'));
console.log('idle', totals.get('(idle) :-1')?.toFixed(1), 'program', totals.get('(program) :-1')?.toFixed(1));
await browser.close();
await server.close();
