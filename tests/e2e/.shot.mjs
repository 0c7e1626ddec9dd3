// ad-hoc screenshots (not committed)
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';
import { CHROMIUM_ARGS } from './harness.mjs';
const [,, path = '/', out = '/tmp/shots/a.png', width = '1280', height = '900', action = ''] = process.argv;
const server = await startServer(process.env.DIST ?? undefined);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: +width, height: +height } });
page.on('console', (m) => console.log('console', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror', e.message));
await page.goto(server.url + path.replace(/^\//, ''));
await page.locator('.claim-reader[data-ready="true"]').first().waitFor({ timeout: 20000 });
const hoverMark = async (sel) => { const r = await page.locator(sel).first().evaluate((el) => { el.scrollIntoView({block:'center'}); const b = el.getClientRects()[0]; return { x: b.x + b.width / 2, y: b.y + b.height / 2 }; }); await page.mouse.move(r.x, r.y); };
if (action) await eval(`(async () => { ${action} })()`);
await page.waitForTimeout(300);
await page.screenshot({ path: out, fullPage: true });
await browser.close(); await server.close();
