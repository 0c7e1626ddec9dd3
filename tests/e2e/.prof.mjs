import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';
import { CHROMIUM_ARGS } from './harness.mjs';
const site = process.argv[2]; const pages = process.argv.slice(3);
const server = await startServer(site);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
for (const p of pages) {
  const ts = [];
  for (let i = 0; i < 7; i++) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await page.addInitScript(() => {
      window.__lt = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(server.url + p);
    await page.locator('.claim-reader[data-ready="true"] mark').first().waitFor({ timeout: 20000 });
    await page.waitForTimeout(1500);
    const r = await page.evaluate(() => ({ mark: Math.round(performance.getEntriesByName('claim-reader:ready')[0]?.startTime), data: Math.round(performance.getEntriesByType('resource').find((e) => e.name.includes('data/'))?.responseEnd ?? 0), lt: window.__lt }));
    ts.push(r);
    await ctx.close();
  }
  ts.sort((a, b) => a.mark - b.mark);
  console.log(p, JSON.stringify(ts[3]));
}
await browser.close(); await server.close();
