import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';
import { CHROMIUM_ARGS } from './harness.mjs';
const server = await startServer(process.argv[2]);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(server.url);
await page.locator('.claim-reader[data-ready="true"]').first().waitFor();
for (const claim of ['us-crimea', 'us-dnieper', 'ru-recognition', 'us-guarantees']) {
  const pt = await page.locator(`mark[data-claim~="${claim}"]`).first().evaluate((el) => { el.scrollIntoView({ block: 'center' }); const b = el.getClientRects()[0]; return { x: b.x + 5, y: b.y + b.height / 2 }; });
  await page.evaluate(() => {
    window.__frames = [];
    addEventListener('pointerover', () => {
      const d = document.querySelector('.cr-details');
      let n = 0;
      const tick = () => { const r = d.getBoundingClientRect(); window.__frames.push([d.hidden, Math.round(r.top), Math.round(r.left), d.querySelector('section')?.dataset.claim]); if (++n < 4) requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
    }, { once: true, capture: true });
  });
  await page.mouse.move(pt.x, pt.y);
  await page.waitForTimeout(300);
  console.log(claim, JSON.stringify(await page.evaluate(() => window.__frames)));
  await page.mouse.move(5, 5);
  await page.waitForTimeout(200);
}
await browser.close(); await server.close();
