// The reader in an iframe (frame.html) on a host page with claim-reader-frames.js
// (dist/demo/framed.html): each frame takes its reader's whole height, a frame with no data or
// bad data shows the error panel and still reports its height, messages from any other window
// (or with a height no reader has) resize nothing, the frame page runs under the strict
// Content-Security-Policy, and at a phone's width nothing scrolls sideways.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ARTIFACTS, DESKTOP, sleep, until, useEnvironment } from './harness.mjs';
import { STRICT_CSP } from './server.mjs';

const require = createRequire(import.meta.url);
const READY = '.claim-reader[data-ready="true"]';
const FRAMES = { seed: '#frame-seed', council: '#frame-council' };

/** Records, in every frame, Content-Security-Policy violations, and in the host page, the
 * height messages it receives (window.__heights). Init scripts are the browser automation's, so
 * the policy does not apply to them. */
function recordInFrames(page) {
  return page.addInitScript(() => {
    window.__csp = { ready: true, violations: [] };
    document.addEventListener(
      'securitypolicyviolation',
      (e) => window.__csp.violations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`),
      true,
    );
    window.__heights = [];
    addEventListener('message', (e) => {
      if (e.data?.type === 'claim-reader:height') window.__heights.push({ id: e.data.id, height: e.data.height });
    });
  });
}

/** The iframe's inner height (its document's viewport), and inside it: the document's scroll
 * and client sizes and the reader's own height (its host element in the frame). */
async function measure(page, selector) {
  const frameHeight = await page.locator(selector).evaluate((f) => f.clientHeight);
  const inside = await page.frameLocator(selector).locator('body').evaluate(() => {
    const d = document.documentElement;
    const host = document.querySelector('#claim-reader-frame');
    return {
      scrollHeight: d.scrollHeight,
      clientHeight: d.clientHeight,
      scrollWidth: d.scrollWidth,
      clientWidth: d.clientWidth,
      reader: host.getBoundingClientRect().height,
    };
  });
  return { frameHeight, ...inside };
}

/** Waits until the iframe's height is its reader's and the frame has nothing to scroll;
 * returns the last measure. */
async function fitted(page, selector, timeout = 10_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const m = await measure(page, selector);
    if (m.reader > 20 && Math.abs(m.frameHeight - Math.ceil(m.reader)) <= 1 && m.scrollHeight <= m.clientHeight) return m;
    if (Date.now() > end) assert.fail(`${selector} should take its reader's height with no scrollbar: ${JSON.stringify(m)}`);
    await sleep(50);
  }
}

describe('the reader in an iframe, sized by the host page', () => {
  const env = useEnvironment('frame', DESKTOP);

  /** A test on a fresh host page; console errors fail it unless they match `allow`. */
  function frameTest(name, body, { allow = [], path = 'demo/framed.html', viewport } = {}) {
    test(name, async () => {
      const page = await env().context.newPage();
      const errors = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(`console error: ${msg.text()}`);
      });
      page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
      try {
        if (viewport) await page.setViewportSize(viewport);
        await recordInFrames(page);
        await page.route('**/favicon.ico', (route) => route.fulfill({ status: 204 }));
        const response = await page.goto(new URL(path, env().server.url).href);
        await body({ page, response, errors });
      } catch (err) {
        await page.screenshot({ path: join(ARTIFACTS, `failed-frame-${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}.png`), fullPage: true }).catch(() => {});
        if (errors.length) err.message += `\n(the page logged:\n  ${errors.join('\n  ')})`;
        throw err;
      } finally {
        await page.close();
      }
      assert.deepEqual(errors.filter((e) => !allow.some((re) => re.test(e))), [], 'the page logged errors');
    });
  }

  frameTest('each frame takes its reader\'s whole height, with no scrollbar inside', async ({ page }) => {
    for (const selector of Object.values(FRAMES)) {
      await page.frameLocator(selector).locator(READY).waitFor({ timeout: 20_000 });
    }
    const seed = await fitted(page, FRAMES.seed);
    const council = await fitted(page, FRAMES.council);
    assert.notEqual(Math.round(seed.reader), Math.round(council.reader), 'two articles, two heights');
    for (const m of [seed, council]) assert.ok(m.scrollWidth <= m.clientWidth, `no sideways scroll in a frame: ${JSON.stringify(m)}`);
    // The frames fill the column's width, and each shows its own article and theme.
    const widths = await page.$$eval('iframe[data-claim-reader-frame]', (fs) => fs.map((f) => [f.clientWidth, f.parentElement.clientWidth]));
    for (const [frame, column] of widths) assert.equal(frame, column, 'the iframe fills its column');
    assert.match(await page.frameLocator(FRAMES.seed).locator('.cr-headline').innerText(), /US to push Russia/);
    assert.match(await page.frameLocator(FRAMES.council).locator('.cr-headline').innerText(), /Millbrook council/);
    assert.equal(await page.frameLocator(FRAMES.council).locator(READY).getAttribute('data-theme'), 'dark');
    // Each frame's document is named after its article.
    const titles = await page.$$eval('iframe[data-claim-reader-frame]', (fs) => fs.map((f) => f.contentDocument?.title));
    assert.match(titles[0], /^US to push Russia/);
    assert.match(titles[1], /^Millbrook council/);
    // The messages name their frames by the id parameter; the last of each is the iframe's height.
    const heights = await page.evaluate(() => window.__heights);
    const lastOf = (id) => heights.filter((h) => h.id === id).at(-1)?.height;
    assert.equal(lastOf('seed'), Math.round(seed.frameHeight), JSON.stringify(heights));
    assert.equal(lastOf('council'), Math.round(council.frameHeight), JSON.stringify(heights));
    // The text after the frames follows the second frame's bottom edge.
    const [frameBottom, afterTop] = await page.evaluate(() => [
      document.querySelector('#frame-council').getBoundingClientRect().bottom,
      document.querySelector('#after-frames').getBoundingClientRect().top,
    ]);
    assert.ok(afterTop >= frameBottom && afterTop - frameBottom < 60, `text follows the frame: ${frameBottom} → ${afterTop}`);
  });

  frameTest('the details of the last passage open inside the frame, which keeps its height', async ({ page }) => {
    const frame = page.frameLocator(FRAMES.seed);
    await frame.locator(READY).waitFor({ timeout: 20_000 });
    const before = await fitted(page, FRAMES.seed);
    const mark = frame.locator('mark.cr-passage').last();
    await mark.scrollIntoViewIfNeeded();
    const box = await mark.boundingBox();
    await page.mouse.move(box.x + Math.min(box.width, 40) / 2, box.y + box.height / 2);
    const tip = frame.locator('[role="tooltip"]');
    await tip.waitFor({ state: 'visible', timeout: 3_000 });
    await sleep(300);
    // The details lie inside the iframe's box: nothing of them is cut off by its edge.
    const [tipBox, frameBox] = [await tip.boundingBox(), await page.locator(FRAMES.seed).boundingBox()];
    assert.ok(tipBox.y >= frameBox.y - 1 && tipBox.y + tipBox.height <= frameBox.y + frameBox.height + 1,
      `the details ${JSON.stringify(tipBox)} lie within the frame ${JSON.stringify(frameBox)}`);
    const after = await measure(page, FRAMES.seed);
    assert.equal(after.frameHeight, before.frameHeight, 'opening the details does not resize the frame');
    assert.ok(after.scrollHeight <= after.clientHeight, `nothing to scroll in the frame: ${JSON.stringify(after)}`);
  });

  frameTest(
    'a frame with no claims file or a bad one shows the error panel and still reports its height',
    async ({ page }) => {
      await page.frameLocator(FRAMES.seed).locator(READY).waitFor({ timeout: 20_000 });
      // Frames added after the host page's script started are sized too.
      const cases = { missing: 'src=__status/404/none.json', none: '', script: 'src=javascript:alert(1)' };
      await page.evaluate((cases) => {
        for (const [id, query] of Object.entries(cases)) {
          const frame = document.createElement('iframe');
          frame.id = `frame-${id}`;
          frame.title = id;
          frame.dataset.claimReaderFrame = '';
          frame.height = '600';
          frame.src = `../frame.html?${query}${query ? '&' : ''}id=${id}`;
          document.querySelector('#after-frames').before(frame);
        }
      }, cases);
      for (const id of Object.keys(cases)) {
        const selector = `#frame-${id}`;
        const panel = page.frameLocator(selector).locator('.cr-error-panel[role="alert"]');
        await panel.waitFor({ timeout: 20_000 });
        const text = (await panel.innerText()).replace(/\s+/g, ' ');
        const expected = { missing: /HTTP 404/, none: /names no claims file/, script: /not an http\(s\) URL/ }[id];
        assert.match(text, expected, `${id}: ${text}`);
        await until(async () => (await page.evaluate((id) => window.__heights.some((h) => h.id === id), id)), `${id} reports a height`, 5_000);
        const m = await fitted(page, selector);
        assert.ok(m.frameHeight < 600, `${id}: the frame shrank to its panel (${m.frameHeight} px)`);
      }
    },
    {
      allow: [
        /Failed to load resource: the server responded with a status of 404/,
        /claim-reader: error: the claims file at .* could not be fetched: HTTP 404/,
        /claim-reader: error: the frame names no claims file/,
        /claim-reader: error: data-src "javascript:alert\(1\)" is not an http\(s\) URL/,
      ],
    },
  );

  frameTest('a height message from any other window, or with a height no reader has, resizes nothing', async ({ page }) => {
    for (const selector of Object.values(FRAMES)) await page.frameLocator(selector).locator(READY).waitFor({ timeout: 20_000 });
    const seed = await fitted(page, FRAMES.seed);
    const council = await fitted(page, FRAMES.council);
    const heights = () => page.$$eval('iframe[data-claim-reader-frame]', (fs) => fs.map((f) => f.clientHeight));
    const before = await heights();
    assert.deepEqual(before, [seed.frameHeight, council.frameHeight]);
    // The host page itself, and an iframe that is not a reader's, post the very same shape.
    await page.evaluate(async () => {
      for (const id of ['seed', 'council', '']) window.postMessage({ type: 'claim-reader:height', id, height: 77 }, '*');
      const other = document.createElement('iframe');
      other.id = 'not-a-reader';
      other.src = 'plain.html';
      document.body.append(other);
      await new Promise((ok) => other.addEventListener('load', ok, { once: true }));
      other.contentWindow.eval("parent.postMessage({ type: 'claim-reader:height', id: 'seed', height: 88 }, '*')");
    });
    // A reader's own frame, with heights no reader has.
    const seedFrame = page.frames().find((f) => f.url().includes('id=seed'));
    await seedFrame.evaluate(() => {
      for (const height of [Number.NaN, Infinity, -5, 1e9, '300', null]) parent.postMessage({ type: 'claim-reader:height', id: 'seed', height }, '*');
    });
    await sleep(500);
    assert.deepEqual(await heights(), before, 'no frame was resized');
    // Control: the same frame's sane height is applied, so the checks above were heard.
    await seedFrame.evaluate(() => parent.postMessage({ type: 'claim-reader:height', id: 'seed', height: 321 }, '*'));
    await until(async () => (await heights())[0] === 321, 'the real frame\'s message is applied');
  });

  frameTest('with an origin parameter, the frame posts to that origin alone', async ({ page }) => {
    const origin = new URL(env().server.url).origin;
    await page.evaluate((origin) => {
      for (const [id, to] of [['ours', origin], ['theirs', 'https://elsewhere.example']]) {
        const frame = document.createElement('iframe');
        frame.id = `frame-${id}`;
        frame.title = id;
        frame.dataset.claimReaderFrame = '';
        frame.height = '600';
        frame.src = `../frame.html?src=demo/council.json&id=${id}&origin=${encodeURIComponent(to)}`;
        document.querySelector('#after-frames').before(frame);
      }
    }, origin);
    for (const id of ['ours', 'theirs']) await page.frameLocator(`#frame-${id}`).locator(READY).waitFor({ timeout: 20_000 });
    await fitted(page, '#frame-ours');
    await sleep(500);
    // The browser drops a message whose target origin is not the parent's.
    assert.equal(await page.evaluate(() => window.__heights.some((h) => h.id === 'theirs')), false);
    assert.equal(await page.locator('#frame-theirs').evaluate((f) => f.style.height), '', 'the iframe keeps its own height');
  });

  frameTest('the host page\'s script, started after the frames reported, asks them again', async ({ page }) => {
    await page.frameLocator(FRAMES.seed).locator(READY).waitFor({ timeout: 20_000 });
    const seed = await fitted(page, FRAMES.seed);
    // As if the page had no script when the frame reported: the iframe back at another height.
    await page.locator(FRAMES.seed).evaluate((f) => (f.style.height = '200px'));
    assert.equal(await page.locator(FRAMES.seed).evaluate((f) => f.clientHeight), 200);
    // The script once more (another module instance), which asks every frame on starting.
    await page.evaluate(() => import('../claim-reader-frames.js?again'));
    const again = await fitted(page, FRAMES.seed);
    assert.equal(again.frameHeight, seed.frameHeight);
  });

  frameTest('the frame page runs under the strict Content-Security-Policy with no violation', async ({ page }) => {
    for (const selector of Object.values(FRAMES)) await page.frameLocator(selector).locator(READY).waitFor({ timeout: 20_000 });
    const frames = page.frames().filter((f) => f.url().includes('/frame.html'));
    assert.equal(frames.length, 2);
    for (const frame of frames) {
      const response = await page.request.get(frame.url());
      assert.equal(response.headers()['content-security-policy'], STRICT_CSP, 'frame.html is served with the policy');
      // The reader responds: its stylesheet applied inside the shadow root.
      const bg = await frame.locator('mark.cr-passage').first().evaluate((m) => getComputedStyle(m).backgroundColor);
      assert.notEqual(bg, 'rgba(0, 0, 0, 0)', 'highlights are styled');
      const csp = await frame.evaluate(() => window.__csp);
      assert.equal(csp?.ready, true, 'the violation listener ran in the frame');
      assert.deepEqual(csp.violations, [], `no violation in ${frame.url()}`);
    }
  });

  frameTest('axe-core finds no WCAG 2.1 A/AA violation in the host page or in either frame', async ({ page }) => {
    for (const selector of Object.values(FRAMES)) await page.frameLocator(selector).locator(READY).waitFor({ timeout: 20_000 });
    // Evaluated by the automation, so the frames' policy does not stop it.
    const axe = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
    const frames = [page.mainFrame(), ...page.frames().filter((f) => f.url().includes('/frame.html'))];
    assert.equal(frames.length, 3);
    for (const frame of frames) {
      await frame.evaluate(axe);
      const violations = await frame.evaluate(async () => {
        const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
        // The host page's frames are checked from inside them, each its own document.
        const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'], iframes: false });
        return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      assert.deepEqual(violations, [], `axe in ${frame.url()}`);
    }
    // axe measures by setting inline styles, which the frames' policy refuses (and logs); the
    // policy test above holds the reader itself to no violation.
  }, { allow: [/Applying inline style violates the following Content Security Policy directive 'style-src 'self''/] });

  frameTest(
    'frame.html opened alone shows the reader under the policy, and posts nothing',
    async ({ page, response }) => {
      assert.equal(response.headers()['content-security-policy'], STRICT_CSP);
      // (Opened alone, the browser also asks for /favicon.ico, which the test server lacks; a
      // frame never asks, so the icon is answered below rather than linked in frame.html.)
      await page.locator(`#claim-reader-frame ${READY}`).waitFor({ timeout: 20_000 });
      const margin = await page.evaluate(() => getComputedStyle(document.body).margin);
      assert.equal(margin, '0px', 'no margin around the reader');
      const csp = await page.evaluate(() => window.__csp);
      assert.deepEqual(csp.violations, []);
      assert.deepEqual(await page.evaluate(() => window.__heights), [], 'a page that is not framed gets no message');
    },
    { path: 'frame.html?src=demo/council.json' },
  );

  frameTest(
    'at a phone\'s 375 px the frames fit the width, with nothing to scroll sideways',
    async ({ page }) => {
      for (const selector of Object.values(FRAMES)) await page.frameLocator(selector).locator(READY).waitFor({ timeout: 20_000 });
      for (const selector of Object.values(FRAMES)) {
        const m = await fitted(page, selector);
        assert.ok(m.clientWidth <= 375 && m.scrollWidth <= m.clientWidth, `${selector} fits: ${JSON.stringify(m)}`);
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, 'the host page does not scroll sideways');
    },
    { viewport: { width: 375, height: 667 } },
  );
});
