import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
const logs = [];
page.on('console', (m) => logs.push(m.type() + ': ' + m.text()));
page.on('pageerror', (e) => logs.push('pageerror: ' + e.message));
page.on('dialog', (d) => { logs.push('ALERT ' + d.message()); d.dismiss(); });
await page.goto('http://127.0.0.1:5391/.harness-ui4/index.html');
await page.waitForTimeout(1000);
await page.screenshot({ path: '/tmp/ui4-1.png' });
// Table sorting
const valueBtn = page.getByRole('button', { name: /Värde/ });
await valueBtn.click();
console.log('aria-sort after value click', await page.locator('klyft-data-table').evaluate((el) => [...el.shadowRoot.querySelectorAll('th[scope=col]')].map((t) => t.getAttribute('aria-sort')).join(',')));
await valueBtn.click();
const firstRows = await page.locator('klyft-data-table').evaluate((el) => [...el.shadowRoot.querySelectorAll('tbody tr')].slice(0, 3).map((r) => r.innerText.replace(/\s+/g, ' ')));
console.log('desc first rows', firstRows);
const lastRows = await page.locator('klyft-data-table').evaluate((el) => [...el.shadowRoot.querySelectorAll('tbody tr')].slice(-2).map((r) => r.innerText.replace(/\s+/g, ' ')));
console.log('desc last rows', lastRows);
await page.getByRole('button', { name: 'Göteborg 3', exact: true }).click();
console.log('table name', await page.getByRole('table').evaluate((t) => t.caption.textContent));
// Chart click
const svg = page.getByRole('img', { name: /Upplands-Väsby/ });
const box = await svg.boundingBox();
await page.mouse.click(box.x + box.width * 0.2, box.y + box.height / 2);
await page.waitForTimeout(200);
await page.screenshot({ path: '/tmp/ui4-2.png' });
// Sources
await page.getByRole('button', { name: 'Källor' }).click();
await page.waitForTimeout(300);
await page.screenshot({ path: '/tmp/ui4-3.png' });
await page.keyboard.press('Escape');
await page.waitForTimeout(200);
console.log('focused after close', await page.evaluate(() => document.activeElement?.id));
// Detail escape
await page.getByRole('button', { name: 'Stäng områdesdetaljer' }).click();
// timing of sort with 1025 rows
const t = await page.locator('klyft-data-table').evaluate(async (el) => { const b = el.shadowRoot.querySelectorAll('th button')[1]; const t0 = performance.now(); b.click(); await el.updateComplete; return performance.now() - t0; });
console.log('sort by name ms', t.toFixed(1));
console.log(logs.join('\n'));
await browser.close();
