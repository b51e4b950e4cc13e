import { createServer } from 'vite';
import { launchBrowser } from '../tests/e2e/browser';
const dev = await createServer({ root: '/work/main', server: { host: '127.0.0.1', port: 4177, strictPort: true }, logLevel: 'silent', configFile: '/work/main/vite.config.ts' });
await dev.listen();
const browser = await launchBrowser();
for (const variant of [
  { name: 'pdb on', pdb: true, hide: [] as string[] },
  { name: 'pdb off', pdb: false, hide: [] as string[] },
  { name: 'pdb off, all maplibre hidden', pdb: false, hide: ['background','land','sea','river','area-outlines','parent-outlines','area-hover','area-selected'] },
]) {
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  await page.addInitScript({ content: `window.__name = (f) => f; window.__klyftPDB = ${variant.pdb};` });
  await page.goto('http://127.0.0.1:4177/bench/map-harness.html');
  await page.waitForFunction(() => document.documentElement.dataset.benchReady === 'true');
  const out: string[] = [];
  for (const level of process.argv.slice(2)) {
    const r = await page.evaluate(async ({ level, hide }) => {
      const b = (window as any).klyftBench;
      const first = await b.yearChangeLatency(level, 3);
      return { hide, first };
    }, { level, hide: variant.hide });
    // hide layers then measure again
    await page.evaluate((hide) => { const m = (window as any).klyftController.maplibreMap; for (const id of hide) m.setLayoutProperty(id, 'visibility', 'none'); }, variant.hide);
    const rate = await page.evaluate((level) => (window as any).klyftBench.scrubRate(level, 2500), level);
    const lat = await page.evaluate((level) => (window as any).klyftBench.yearChangeLatency(level, 15), level);
    out.push(`${level}: ${rate.toFixed(1)} fps ${lat.median.toFixed(0)}ms`);
  }
  console.log(variant.name.padEnd(32), out.join('  '));
  await page.close();
}
await browser.close();
await dev.close();
