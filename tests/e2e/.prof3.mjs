import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';
import { CHROMIUM_ARGS } from './harness.mjs';
const site = process.argv[2]; const pages = process.argv.slice(3);
const server = await startServer(site);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
for (const p of pages) {
  const rows = [];
  for (let i = 0; i < 7; i++) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await page.addInitScript(() => {
      window.__lt = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(server.url + p);
    await page.locator('.claim-reader[data-ready="true"] mark').first().waitFor({ timeout: 20000 });
    await page.waitForTimeout(1000);
    rows.push(await page.evaluate(() => {
      const m = (n) => Math.round(performance.getEntriesByName(n).at(-1)?.startTime ?? -1);
      const res = (s) => Math.round(performance.getEntriesByType('resource').find((e) => e.name.includes(s))?.responseEnd ?? -1);
      return { wasm: res('.wasm'), data: res('data/'), load: m('cr:load'), loaded: m('cr:loaded'), cr: m('cr:claimreader'), ready: m('claim-reader:ready'), lt: JSON.stringify(window.__lt) };
    }));
    await ctx.close();
  }
  rows.sort((a, b) => a.ready - b.ready);
  console.log(p, JSON.stringify(rows[3]));
}
await browser.close(); await server.close();
