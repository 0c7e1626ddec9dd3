// The reader embedded in other people's pages (dist/demo/): two readers on a news page, host
// stylesheets that try to restyle it, a strict Content-Security-Policy, data that fails or is
// slow, the JavaScript API's mount → destroy → mount, hosts added and removed after load,
// light/dark and theming through custom properties. Desktop context, 1280×900, real mouse.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, DESKTOP, horizontalOverflow, openEnvironment, sleep, until, readyReader } from './harness.mjs';
import { STRICT_CSP } from './server.mjs';

/** A reader inside the element matched by `host` (Playwright's CSS pierces the shadow root). */
const readerIn = (page, host) => page.locator(`${host} .claim-reader[data-ready="true"]`);
const tooltipIn = (page, host) => page.locator(`${host} [role="tooltip"]`);
const markIn = (page, host, claim) => page.locator(`${host} mark.cr-passage[data-claim~="${claim}"]`).first();

/** Centre of the first line box of an inline element, scrolled into view. */
async function hover(page, locator) {
  await locator.scrollIntoViewIfNeeded();
  const { x, y } = await locator.evaluate((el) => {
    const r = el.getClientRects()[0] ?? el.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  });
  await page.mouse.move(x, y);
}

function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}

/** Styles compared between pages: everything a host stylesheet could plausibly leak. */
const TEXT_PROPS = [
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'line-height',
  'letter-spacing',
  'word-spacing',
  'text-transform',
  'text-align',
  'color',
  'background-color',
  'text-decoration',
];
const BOX_PROPS = ['display', 'box-sizing', 'margin', 'padding', 'border', 'vertical-align'];

/** Parts of the reader whose styles must not depend on the host page (council.json data). */
const READER_PARTS = {
  root: '.claim-reader',
  headline: '.cr-headline',
  paragraph: '.cr-paragraph',
  mark: 'mark.cr-passage[data-claim~="greens-closure"]',
  'table cell': 'td[data-party="greens"][data-issue="harbour-street"]',
  'row header': 'th[data-party="civic"]',
  'cell button': 'td[data-party="greens"][data-issue="harbour-street"] button.cr-cell',
  'legend button': '.cr-legend button[data-issue]',
};

/** Host elements of plain.html, hostile.html and framework.html. */
const HOST_PARTS = ['html', 'body', '#host-h1', '#host-p', '#host-mark', '#host-th', '#host-td', '#host-button', '#host-after'];

/** Computed styles of `selectors` inside the shadow root of the reader in `host`. */
function readerStyles(page, host, selectors, props) {
  return page.evaluate(
    ({ host, selectors, props }) => {
      const root = document.querySelector(host)?.querySelector('.claim-reader-host')?.shadowRoot;
      if (!root) return { error: `no shadow root in ${host}` };
      const out = {};
      for (const [name, sel] of Object.entries(selectors)) {
        const el = root.querySelector(sel);
        if (!el) {
          out[name] = 'missing';
          continue;
        }
        const cs = getComputedStyle(el);
        out[name] = Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
      }
      return out;
    },
    { host, selectors, props },
  );
}

/** Computed styles of host page elements (light DOM). */
function pageStyles(page, selectors, props) {
  return page.evaluate(
    ({ selectors, props }) =>
      Object.fromEntries(
        selectors.map((sel) => {
          const el = document.querySelector(sel);
          if (!el) return [sel, 'missing'];
          const cs = getComputedStyle(el);
          return [sel, Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]))];
        }),
      ),
    { selectors, props },
  );
}

/** Differences between two style maps, as readable lines. */
function styleDiff(expected, actual) {
  const lines = [];
  for (const [part, props] of Object.entries(expected)) {
    if (typeof props !== 'object' || typeof actual[part] !== 'object') {
      if (props !== actual[part]) lines.push(`${part}: ${JSON.stringify(actual[part])} (expected ${JSON.stringify(props)})`);
      continue;
    }
    for (const [prop, value] of Object.entries(props)) {
      if (actual[part][prop] !== value) lines.push(`${part} ${prop}: "${actual[part][prop]}" (without host CSS "${value}")`);
    }
  }
  return lines;
}

/** Event listeners on document and window (and, with subtree, the whole tree), counted by type. */
async function listenerCounts(page, cdp) {
  const counts = {};
  for (const expression of ['document', 'window']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', {
      objectId: result.objectId,
      depth: -1,
      pierce: true,
    });
    for (const l of listeners) {
      const key = `${expression}:${l.type}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
  }
  return counts;
}

/** Only the listener types the reader uses for its page-wide behaviour. */
function readerListenerTypes(counts) {
  return Object.fromEntries(
    Object.entries(counts).filter(([k]) => /:(keydown|keyup|pointerdown|pointerup|pointermove|click|focusin|focusout|scroll|resize)$/.test(k)),
  );
}

describe('embedding in host pages (1280×900)', () => {
  let env;
  before(async () => {
    env = await openEnvironment('embed', DESKTOP);
  });
  after(async () => {
    await env?.close();
  });

  /**
   * Opens `path` (relative to the server root) in a new page that records console errors,
   * page errors and failed requests. `allow` lists patterns of console errors the test expects.
   */
  async function open(path, { viewport, beforeGoto } = {}) {
    const page = await env.context.newPage();
    const errors = [];
    const consoleErrors = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') {
        errors.push(`console error: ${msg.text()}`);
        consoleErrors.push(msg.text());
      }
    });
    page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
    page.on('requestfailed', (req) => {
      // A page navigated away from or closed cancels what it still loads; not a failure.
      if (req.failure()?.errorText === 'net::ERR_ABORTED') return;
      errors.push(`request failed: ${req.url()} (${req.failure()?.errorText ?? 'unknown'})`);
    });
    if (viewport) await page.setViewportSize(viewport);
    if (beforeGoto) await beforeGoto(page);
    const response = await page.goto(new URL(path, env.server.url).href);
    return { page, errors, consoleErrors, response };
  }

  /**
   * A test on a fresh page: body({ open }) opens pages through `open` above; every page opened
   * is closed afterwards, a failure saves a screenshot of the last one, and console errors,
   * page errors and failed requests fail the test unless they match one of `allow`.
   */
  function embedTest(name, body, { allow = [] } = {}) {
    test(name, async () => {
      const opened = [];
      const openTracked = async (path, options) => {
        const p = await open(path, options);
        opened.push(p);
        return p;
      };
      try {
        await body({ open: openTracked });
      } catch (err) {
        const last = opened.at(-1);
        if (last) {
          await last.page
            .screenshot({ path: join(ARTIFACTS, `failed-embed-${slug(name)}.png`), fullPage: true })
            .catch(() => {});
          const logged = opened.flatMap((p) => p.errors);
          if (logged.length) err.message += `\n(the page logged:\n  ${logged.join('\n  ')})`;
        }
        throw err;
      } finally {
        for (const p of opened) await p.page.close().catch(() => {});
      }
      const unexpected = opened.flatMap((p) => p.errors).filter((e) => !allow.some((re) => re.test(e)));
      assert.deepEqual(unexpected, [], 'the page logged errors');
    });
  }

  // ---- the demo news page ------------------------------------------------------------------

  embedTest('the demo page shows two readers with different data, each opening only its own details', async ({ open }) => {
    const { page } = await open('demo/index.html');
    const first = '#reader-peace-talks';
    const second = '#reader-council';
    await readyReader(page, first);
    await readyReader(page, second);

    assert.match(await readerIn(page, first).locator('.cr-headline').innerText(), /US to push Russia/);
    assert.match(await readerIn(page, second).locator('.cr-headline').innerText(), /Millbrook council/);
    assert.equal(await page.locator(`${first} mark.cr-passage`).count() > 0, true, 'the first reader highlights passages');
    assert.equal(
      await page.locator(`${second} td[data-party="civic"][data-issue="night-buses"]`).getAttribute('data-stance'),
      'proposes',
      'the second reader has its own table',
    );
    // The page around the readers is intact.
    assert.equal(await page.locator('#lead-story h1').innerText(), 'What is on the table in the Ukraine peace talks');
    assert.equal(await page.locator('.most-read li').count(), 5);
    assert.equal(await page.locator('.site-footer').isVisible(), true);

    await hover(page, markIn(page, first, 'us-crimea'));
    await tooltipIn(page, first).waitFor({ state: 'visible', timeout: 3_000 });
    assert.equal(await tooltipIn(page, second).isVisible(), false, 'the other reader keeps its details closed');
    const firstId = await tooltipIn(page, first).getAttribute('id');
    assert.equal(await markIn(page, first, 'us-crimea').getAttribute('aria-describedby'), firstId);

    await hover(page, markIn(page, second, 'greens-closure'));
    await tooltipIn(page, second).waitFor({ state: 'visible', timeout: 3_000 });
    const text = (await tooltipIn(page, second).innerText()).replace(/\s+/g, ' ');
    assert.match(text, /Green Alliance/, `the second reader's details speak of its own data: ${text}`);
    const secondId = await tooltipIn(page, second).getAttribute('id');
    assert.equal(await markIn(page, second, 'greens-closure').getAttribute('aria-describedby'), secondId);
    assert.ok(firstId && secondId && firstId !== secondId, `tooltip ids differ: "${firstId}" and "${secondId}"`);
    await until(async () => !(await tooltipIn(page, first).isVisible()), 'the first reader closes its details', 3_000);
    assert.equal(
      await page.locator(`[role="tooltip"]:visible`).count(),
      1,
      'exactly one details element is visible on the page',
    );

    await page.mouse.move(5, 5);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(ARTIFACTS, 'embed-demo-1280.png'), fullPage: true });
  });

  embedTest('the demo page fits a 375 px wide screen without sideways scrolling', async ({ open }) => {
    const { page } = await open('demo/index.html', { viewport: { width: 375, height: 667 } });
    // On a phone the readers sit screens down the page: each starts as it is scrolled to.
    for (const host of ['#reader-peace-talks', '#reader-council']) {
      await page.locator(host).scrollIntoViewIfNeeded();
      await readyReader(page, host);
    }
    await page.screenshot({ path: join(ARTIFACTS, 'embed-demo-375.png'), fullPage: true });
    assert.equal(await horizontalOverflow(page), 0, 'the page does not scroll sideways');
    for (const host of ['#reader-peace-talks', '#reader-council']) {
      const box = await page.locator(host).boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= 375 + 1, `${host} fits the screen: ${JSON.stringify(box)}`);
    }
  });

  embedTest('in an article column the stance table of a two-issue article shows every column without scrolling', async ({ open }) => {
    // The council reader sits in the page's ~800 px article column; its table has 3 rows and
    // 2 issue columns, which fit that width easily.
    const { page } = await open('demo/index.html');
    const host = '#reader-council';
    await readyReader(page, host);
    const wrap = await page.locator(`${host} .cr-table-wrap`).boundingBox();
    const hostBox = await page.locator(host).boundingBox();
    const cells = await page.locator(`${host} table.cr-stance-table.cr-wide td[data-party][data-issue]`).evaluateAll((tds) =>
      tds.map((td) => {
        const r = td.getBoundingClientRect();
        return { cell: `${td.dataset.party}|${td.dataset.issue}`, left: r.left, right: r.right };
      }),
    );
    assert.equal(cells.length, 6);
    const hidden = cells.filter((c) => c.right > wrap.x + wrap.width + 1 || c.left < wrap.x - 1);
    assert.deepEqual(
      hidden.map((c) => `${c.cell} at ${Math.round(c.left)}–${Math.round(c.right)} px`),
      [],
      `every stance cell is visible in the table box (${Math.round(wrap.x)}–${Math.round(wrap.x + wrap.width)} px) of a ` +
        `reader ${Math.round(hostBox.width)} px wide`,
    );
  });

  // ---- host stylesheets --------------------------------------------------------------------

  async function referenceStyles(open) {
    const { page } = await open('demo/plain.html');
    await readyReader(page, '#reader-plain');
    const styles = await readerStyles(page, '#reader-plain', READER_PARTS, TEXT_PROPS);
    assert.equal(styles.error, undefined, styles.error);
    return styles;
  }

  for (const [label, path, host] of [
    ['a hostile host stylesheet', 'demo/hostile.html', '#reader-hostile'],
    ["Bootstrap's stylesheet", 'demo/framework.html', '#reader-framework'],
  ]) {
    embedTest(`${label} does not change how the reader looks`, async ({ open }) => {
      const expected = await referenceStyles(open);
      const { page } = await open(path);
      await readyReader(page, host);
      if (path.includes('framework')) {
        const bs = await page.evaluate(() => getComputedStyle(document.body).getPropertyValue('--bs-body-font-family'));
        assert.ok(bs.length > 0, 'Bootstrap is loaded on the page');
      }
      const actual = await readerStyles(page, host, READER_PARTS, TEXT_PROPS);
      assert.deepEqual(styleDiff(expected, actual), [], `the reader's styles differ from those on a page without host CSS`);
      // And the details still open as usual (host rules on [role=tooltip] or [hidden] stay out).
      assert.equal(await tooltipIn(page, host).isVisible(), false, 'details start closed');
      await hover(page, markIn(page, host, 'greens-closure'));
      await tooltipIn(page, host).waitFor({ state: 'visible', timeout: 3_000 });
    });

    embedTest(`the reader does not change the styles of a page with ${label}`, async ({ open }) => {
      const { page: without } = await open(path, {
        beforeGoto: (p) => p.route('**/claim-reader.js', (r) => r.fulfill({ contentType: 'text/javascript', body: '' })),
      });
      await without.waitForLoadState('load');
      const expected = await pageStyles(without, HOST_PARTS, [...TEXT_PROPS, ...BOX_PROPS]);
      const { page } = await open(path);
      await readyReader(page, host);
      const actual = await pageStyles(page, HOST_PARTS, [...TEXT_PROPS, ...BOX_PROPS]);
      assert.deepEqual(styleDiff(expected, actual), [], "the page's own elements look the same with the reader");
    });
  }

  embedTest('the reader does not change the styles of the demo news page', async ({ open }) => {
    const parts = ['html', 'body', '.logo', '.site-nav a', '#lead-story h1', '#lead-story p', '.most-read a', '#second-story blockquote', '.embed-title', '.site-footer'];
    const { page: without } = await open('demo/index.html', {
      beforeGoto: (p) => p.route('**/claim-reader.js', (r) => r.fulfill({ contentType: 'text/javascript', body: '' })),
    });
    await without.waitForLoadState('load');
    const expected = await pageStyles(without, parts, [...TEXT_PROPS, ...BOX_PROPS]);
    const { page } = await open('demo/index.html');
    await readyReader(page, '#reader-peace-talks');
    await readyReader(page, '#reader-council');
    assert.deepEqual(styleDiff(expected, await pageStyles(page, parts, [...TEXT_PROPS, ...BOX_PROPS])), []);
  });

  // ---- strict Content-Security-Policy ------------------------------------------------------

  embedTest('under a strict Content-Security-Policy the reader renders and responds to the mouse with no violation', async ({ open }) => {
    const { page, response, errors } = await open('demo/strict-csp.html', {
      beforeGoto: (p) =>
        // Init scripts are injected by the browser's automation, which CSP does not restrict;
        // `ready` proves the listener ran, and the control below proves it hears violations.
        p.addInitScript(() => {
          window.__csp = { ready: true, violations: [] };
          document.addEventListener(
            'securitypolicyviolation',
            (e) => window.__csp.violations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`),
            true,
          );
        }),
    });
    assert.equal(response.headers()['content-security-policy'], STRICT_CSP, 'the page is served with the policy header');
    const host = '#reader-csp';
    await readyReader(page, host);
    await hover(page, markIn(page, host, 'civic-closure'));
    const tip = tooltipIn(page, host);
    await tip.waitFor({ state: 'visible', timeout: 3_000 });
    assert.match((await tip.innerText()).replace(/\s+/g, ' '), /Civic Party/);
    // The details are placed next to their passage (the reader positions them through the CSSOM).
    const [tipBox, markBox] = [await tip.boundingBox(), await markIn(page, host, 'civic-closure').boundingBox()];
    assert.ok(Math.abs(tipBox.y - (markBox.y + markBox.height)) < 40 || Math.abs(markBox.y - (tipBox.y + tipBox.height)) < 40,
      `the details sit by their passage: ${JSON.stringify({ tipBox, markBox })}`);
    // The reader's stylesheet applied inside the shadow root.
    const bg = await readerIn(page, host).locator('mark.cr-passage').first().evaluate((m) => getComputedStyle(m).backgroundColor);
    assert.notEqual(bg, 'rgba(0, 0, 0, 0)', 'highlights are styled');
    await sleep(300);

    const csp = await page.evaluate(() => window.__csp);
    assert.equal(csp?.ready, true, 'the violation listener was installed before the page ran');
    assert.deepEqual(csp.violations, [], 'no Content-Security-Policy violation');
    assert.deepEqual(errors.filter((e) => /Content.Security.Policy|Refused to/i.test(e)), [], 'no CSP message in the console');
    const before = errors.length;

    // Control: an inline style is refused and heard by the listener.
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'body { outline: 1px solid red; }';
      document.head.append(style);
    });
    // Heard once per policy: the header's and the meta tag's.
    await until(async () => (await page.evaluate(() => window.__csp.violations.length)) >= 1, 'the control violation is heard');
    await sleep(200);
    errors.splice(before); // the control's own console messages
  });

  // ---- data that fails or is slow ----------------------------------------------------------

  /** Adds `<div data-claim-reader …>` with `attrs` and fallback content to #slot on the bench. */
  function addHost(page, id, attrs, style = {}) {
    return page.evaluate(
      ({ id, attrs, style }) => {
        const el = document.createElement('div');
        el.id = id;
        el.setAttribute('data-claim-reader', '');
        for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
        for (const [k, v] of Object.entries(style)) el.style.setProperty(k, v);
        el.innerHTML = '<p class="embed-fallback">Fallback text of the page.</p>';
        document.getElementById('slot').append(el);
      },
      { id, attrs, style },
    );
  }

  async function benchIntact(page) {
    assert.match(await page.locator('#bench-intro').innerText(), /^Readers are added to this page/);
    assert.equal(await page.locator('#bench-outro').innerText(), 'Text after the readers.');
    assert.equal(await page.locator('.logo').innerText(), 'The Northern Ledger');
    assert.equal(await page.locator('#api-host .embed-fallback').count(), 1);
  }

  embedTest(
    'a data-src that answers 404 or 500 shows an error panel and a console error, and the page stays intact',
    async ({ open }) => {
      const { page, errors, consoleErrors } = await open('demo/bench.html');
      await page.waitForLoadState('load');
      await addHost(page, 'missing', { 'data-src': 'does-not-exist.json' });
      await addHost(page, 'broken', { 'data-src': '../__status/500' });
      for (const [host, status] of [['#missing', 404], ['#broken', 500]]) {
        const alert = page.locator(`${host} [role="alert"]`);
        await alert.waitFor({ state: 'visible', timeout: 20_000 });
        const text = (await alert.innerText()).replace(/\s+/g, ' ');
        assert.match(text, new RegExp(`${status}`), `the panel says what went wrong: ${text}`);
        const box = await alert.boundingBox();
        assert.ok(box && box.height > 20 && box.width > 100, `the panel is visible: ${JSON.stringify(box)}`);
        assert.ok(
          consoleErrors.some((m) => m.startsWith('claim-reader:') && m.includes(`HTTP ${status}`)),
          `the console tells the developer about HTTP ${status}: ${JSON.stringify(consoleErrors)}`,
        );
      }
      await benchIntact(page);
      assert.deepEqual(errors.filter((e) => e.startsWith('page error')), [], 'no uncaught exception');
    },
    {
      allow: [
        /^console error: Failed to load resource: the server responded with a status of (404|500)/,
        /^console error: claim-reader: .*HTTP (404|500)/,
      ],
    },
  );

  embedTest('the loading state shows while a slow data-src is pending', async ({ open }) => {
    const { page } = await open('demo/bench.html');
    await page.waitForLoadState('load');
    await addHost(page, 'slow', { 'data-src': '../__slow/3000/demo/council.json' });
    const loading = page.locator('#slow .cr-loading[role="status"]');
    await loading.waitFor({ state: 'visible', timeout: 2_500 });
    assert.match(await loading.innerText(), /Loading/);
    assert.equal(await readerIn(page, '#slow').count(), 0, 'no article yet');
    await readyReader(page, '#slow');
    assert.equal(await loading.count(), 0, 'the loading state is gone once the data is there');
    await benchIntact(page);
  });

  // ---- the JavaScript API ------------------------------------------------------------------

  embedTest('mount, update, fail, destroy and mount again through the JavaScript API', async ({ open }) => {
    const { page } = await open('demo/bench.html');
    await page.waitForFunction(() => typeof globalThis.ClaimReader?.mount === 'function', null, { timeout: 10_000 });
    const cdp = await page.context().newCDPSession(page);
    const host = '#api-host';
    const original = await page.evaluate(() => {
      const el = document.getElementById('api-host');
      window.__original = { html: el.innerHTML, nodes: [...el.childNodes] };
      return el.innerHTML;
    });
    const before = readerListenerTypes(await listenerCounts(page, cdp));

    for (const round of [1, 2]) {
      await page.evaluate(async (round) => {
        const text = await (await fetch('council.json')).text();
        // The first round hands over JSON text, the second a parsed object.
        const data = round === 1 ? text : JSON.parse(text);
        window.__handle = await globalThis.ClaimReader.mount(document.getElementById('api-host'), data);
      }, round);
      await readyReader(page, host);
      assert.equal(await page.locator(`${host} > .claim-reader-host`).count(), 1, `round ${round}: one reader host`);
      assert.equal(await page.locator(`${host} > .embed-fallback`).count(), 0, `round ${round}: own children set aside`);
      assert.equal(await page.evaluate(() => window.__handle.destroyed), false);

      // Open the details, so every page-wide listener the reader uses is in place.
      await hover(page, markIn(page, host, 'osei-closure'));
      await tooltipIn(page, host).waitFor({ state: 'visible', timeout: 3_000 });

      if (round === 1) {
        await page.evaluate(() => window.__handle.update(null));
        await page.locator(`${host} .cr-loading[role="status"]`).waitFor({ timeout: 3_000 });
        await page.evaluate(() => window.__handle.fail('the newsroom feed is down'));
        await page.locator(`${host} [role="alert"]`).filter({ hasText: 'the newsroom feed is down' }).waitFor({ timeout: 3_000 });
        await page.evaluate(async () => window.__handle.update(await (await fetch('council.json')).text()));
        await readerIn(page, host).waitFor({ timeout: 3_000 });
      }

      await page.evaluate(() => window.__handle.destroy());
      assert.equal(await page.evaluate(() => window.__handle.destroyed), true, 'destroyed is true');
      const back = await page.evaluate(() => {
        const el = document.getElementById('api-host');
        return {
          html: el.innerHTML,
          same: el.childNodes.length === window.__original.nodes.length && [...el.childNodes].every((n, i) => n === window.__original.nodes[i]),
          host: el.querySelector('.claim-reader-host') !== null,
          shadowHosts: document.querySelectorAll('.claim-reader-host').length,
        };
      });
      assert.equal(back.html, original, `round ${round}: the element's own children are back exactly`);
      assert.ok(back.same, `round ${round}: the very same nodes are back, in order`);
      assert.equal(back.host, false, `round ${round}: .claim-reader-host is gone`);
      assert.equal(back.shadowHosts, 0);
      assert.deepEqual(readerListenerTypes(await listenerCounts(page, cdp)), before, `round ${round}: no listener of the reader is left`);

      // Keys and taps after destroy reach no reader and cause no error.
      await page.keyboard.press('Escape');
      await page.mouse.click(20, 200);
      await page.keyboard.press('Tab');
      await page.evaluate(() => window.__handle.destroy()); // a second destroy does nothing
      await sleep(100);
    }
    await benchIntact(page);
    await cdp.detach();
  }, { allow: [/^console error: claim-reader: error: the newsroom feed is down$/] });

  embedTest('a host added after load is mounted, and removing it releases its reader', async ({ open }) => {
    const { page } = await open('demo/bench.html');
    await page.waitForFunction(() => typeof globalThis.ClaimReader?.mount === 'function', null, { timeout: 10_000 });
    const cdp = await page.context().newCDPSession(page);
    const before = readerListenerTypes(await listenerCounts(page, cdp));

    await addHost(page, 'late', { 'data-src': 'council.json' });
    await readyReader(page, '#late');
    await hover(page, markIn(page, '#late', 'greens-night-buses'));
    await tooltipIn(page, '#late').waitFor({ state: 'visible', timeout: 3_000 });
    assert.notDeepEqual(readerListenerTypes(await listenerCounts(page, cdp)), before, 'the open reader listens on the page');

    await page.evaluate(() => {
      window.__late = document.getElementById('late');
      window.__late.remove();
    });
    await until(
      () => page.evaluate(() => window.__late.querySelector('.claim-reader-host') === null),
      'the removed host releases its reader',
    );
    assert.equal(
      await page.evaluate(() => window.__late.innerHTML),
      '<p class="embed-fallback">Fallback text of the page.</p>',
      "the removed element's own children are back",
    );
    assert.deepEqual(readerListenerTypes(await listenerCounts(page, cdp)), before, 'no listener of the removed reader is left');
    await page.keyboard.press('Escape');
    await page.mouse.click(20, 200);
    await sleep(100);

    // Put back, it is mounted again.
    await page.evaluate(() => document.getElementById('slot').append(window.__late));
    await readyReader(page, '#late');
    await benchIntact(page);
    await cdp.detach();
  });

  // ---- light, dark and theming -------------------------------------------------------------

  embedTest('data-theme picks the palette whatever the system prefers, and --claim-reader-* properties theme the reader', async ({ open }) => {
    const { page } = await open('demo/bench.html', { beforeGoto: (p) => p.emulateMedia({ colorScheme: 'light' }) });
    await page.waitForLoadState('load');
    await addHost(page, 'dark', { 'data-src': 'council.json', 'data-theme': 'dark' });
    await addHost(page, 'light', { 'data-src': 'council.json', 'data-theme': 'light' });
    await addHost(page, 'auto', { 'data-src': 'council.json' });
    await addHost(page, 'themed', { 'data-src': 'council.json' }, {
      '--claim-reader-accent': 'rgb(200, 0, 100)',
      '--claim-reader-background': 'rgb(250, 240, 230)',
      '--claim-reader-text': 'rgb(40, 20, 10)',
      '--claim-reader-font': '"Courier New", monospace',
    });
    for (const h of ['#dark', '#light', '#auto', '#themed']) await readyReader(page, h);

    const palette = (h) =>
      readerIn(page, h).evaluate((el) => {
        const cs = getComputedStyle(el);
        return { background: cs.backgroundColor, color: cs.color };
      });
    const WHITE = 'rgb(255, 255, 255)';
    const DARK = 'rgb(21, 21, 21)';
    assert.equal((await palette('#dark')).background, DARK, 'data-theme="dark" on a light system');
    assert.equal((await palette('#light')).background, WHITE, 'data-theme="light" on a light system');
    assert.equal((await palette('#auto')).background, WHITE, 'no data-theme follows the light system');

    await page.emulateMedia({ colorScheme: 'dark' });
    await until(async () => (await palette('#auto')).background === DARK, 'no data-theme follows the dark system');
    assert.equal((await palette('#dark')).background, DARK, 'data-theme="dark" on a dark system');
    assert.equal((await palette('#light')).background, WHITE, 'data-theme="light" on a dark system');
    assert.equal((await palette('#light')).color, 'rgb(27, 27, 27)', 'light text colour on a dark system');
    await page.emulateMedia({ colorScheme: 'light' });

    assert.deepEqual(await palette('#themed'), { background: 'rgb(250, 240, 230)', color: 'rgb(40, 20, 10)' });
    const kicker = await readerIn(page, '#themed').locator('.cr-kicker').evaluate((el) => getComputedStyle(el).color);
    assert.equal(kicker, 'rgb(200, 0, 100)', '--claim-reader-accent colours the kicker');
    const font = await readerIn(page, '#themed').locator('.cr-paragraph').first().evaluate((el) => getComputedStyle(el).fontFamily);
    assert.match(font, /Courier New/, '--claim-reader-font sets the article font');
    const autoKicker = await readerIn(page, '#auto').locator('.cr-kicker').evaluate((el) => getComputedStyle(el).color);
    assert.notEqual(autoKicker, kicker, 'the other readers keep the default accent');
  });
  embedTest('of ten readers on a page, only those near the screen start; scrolling, a touch or a link starts the others', async ({ open }) => {
    const fetched = [];
    const { page } = await open('demo/many.html', {
      beforeGoto: (p) => p.on('request', (r) => r.url().endsWith('/council.json') && fetched.push(r.url())),
    });
    await readyReader(page, '#reader-1');
    const started = () =>
      page.evaluate(() => [...document.querySelectorAll('[data-claim-reader]')].filter((e) => e.querySelector('.claim-reader-host')).map((e) => e.id));
    // Near the screen: within half a screen of it (the page reserves each reader's room).
    const near = await page.evaluate(() =>
      [...document.querySelectorAll('[data-claim-reader]')]
        .filter((e) => e.getBoundingClientRect().top < 1.5 * innerHeight)
        .map((e) => e.id),
    );
    await until(
      async () => (await Promise.all(near.map((id) => readerIn(page, `#${id}`).count()))).every((n) => n > 0),
      `the readers near the screen start: ${near}`,
      10_000,
    );
    await page.waitForTimeout(500);
    const first = await started();
    assert.ok(first.length >= 1 && first.length < 10, `some readers start, not all ten: ${first}`);
    assert.ok(near.every((id) => first.includes(id)), `every reader near the screen started: ${near} of ${first}`);
    assert.equal(fetched.length, first.length, 'only the started readers fetched their data');
    assert.match(await page.locator('#reader-10').innerText(), /needs JavaScript/, 'a waiting reader shows the page’s own text');

    // Scrolled to, the last one starts.
    await page.locator('#reader-10').scrollIntoViewIfNeeded();
    await readerIn(page, '#reader-10').waitFor({ timeout: 10_000 });

    // A touch starts one the reader has not reached (dispatched where no scroll brings it near).
    await page.evaluate(() => scrollTo(0, 0));
    const waitingNow = (await page.evaluate(() => [...document.querySelectorAll('[data-claim-reader]')].filter((e) => !e.querySelector('.claim-reader-host')).map((e) => e.id)));
    assert.ok(waitingNow.length >= 2, `readers still waiting: ${waitingNow}`);
    const touched = waitingNow.at(-1);
    await page.locator(`#${touched} p`).dispatchEvent('pointerdown');
    await until(async () => (await started()).includes(touched), `#${touched} starts when touched`, 10_000);

    // A link to a claim in a waiting reader starts it and opens the claim.
    const linked = waitingNow[0];
    await page.evaluate((id) => { location.hash = `#claim=${id}/civic-night-buses`; }, linked);
    await readerIn(page, `#${linked}`).waitFor({ timeout: 10_000 });
    await until(async () => (await tooltipIn(page, `#${linked}`).innerText().catch(() => '')).includes('night'), 'the linked claim opens', 10_000);
    // Compared once the page has settled: a reader within half a screen may start on idle just
    // now, and its request reaches this test a moment after its element shows it started.
    await until(
      async () => fetched.length === (await started()).length,
      'every started reader fetched its data once',
      10_000,
    );
  });
});
