import { launchBrowser } from '../tests/e2e/browser';
const tag = process.argv[2] ?? 'x';
const browser = await launchBrowser();
const urls: [string, string][] = [
  ['kommun', '/?level=kommun&indicator=kolada-n66077&year=2022&area=1480'],
  ['primar', '/?level=gbg-primaromrade&indicator=scb-deso-low-econ&year=2022'],
  ['deso', '/?level=gbg-deso&indicator=scb-deso-low-econ&year=2022'],
];
for (const [name, url] of urls) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.addInitScript({ content: 'window.__name = (f) => f;' });
  const errs: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errs.push(m.text()); });
  page.on('pageerror', (e) => errs.push(String(e)));
  await page.goto('http://127.0.0.1:4178' + url);
  await page.waitForFunction(() => document.documentElement.dataset.mapReady === 'true', undefined, { timeout: 60000 });
  await page.waitForTimeout(1500);
  // hover near the centre of the map canvas
  const box = await page.evaluate(() => {
    const find = (root: Document | ShadowRoot): Element | null => { const h = root.querySelector('.maplibregl-canvas'); if (h) return h; for (const el of root.querySelectorAll('*')) if (el.shadowRoot) { const f = find(el.shadowRoot); if (f) return f; } return null; };
    const r = find(document)!.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height };
  });
  await page.mouse.move(box.x + box.w * 0.45, box.y + box.h * 0.55);
  await page.waitForTimeout(800);
  await page.screenshot({ path: `/work/shots/${tag}-${name}.png` });
  console.log(name, 'errors:', errs.slice(0, 3));
  await page.close();
}
await browser.close();
