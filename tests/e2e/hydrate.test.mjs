// The reader rendered ahead, hydrated in place with JavaScript on: on the seed page and on
// demo/prerendered.html (an embed in a declarative shadow root, under a strict CSP), the nodes
// taken before the wasm starts are the live reader's after it, nothing on the screen moves
// (layout-shift entries sum to 0), the numbered notes give way to the details, and hover,
// focus, tap, the legend and the table work on the hydrated reader.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, DESKTOP, MOBILE, openEnvironment, until } from './harness.mjs';

const PAGES = [
  { name: 'the seed page', path: '' },
  { name: 'the rendered-ahead embed', path: 'demo/prerendered.html' },
];

/** Runs in the page before anything else: sums layout shifts, and collects CSP violations. */
function watchPage() {
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__shifts.push({
        value: entry.value,
        sources: (entry.sources ?? []).map((s) => `${s.node?.nodeName ?? '?'}.${s.node?.className ?? ''} ${JSON.stringify(s.previousRect)} -> ${JSON.stringify(s.currentRect)}`),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  window.__refused = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__refused.push(`${e.violatedDirective} ${e.blockedURI}`));
}

/** The reader's root to query in, in the page: the seed's element, or the embed's shadow root. */
function readerScope() {
  const seed = document.querySelector('#claim-reader');
  return seed ?? document.querySelector('[data-claim-reader] > .claim-reader-host')?.shadowRoot ?? null;
}

/** Holds the page's wasm back until the function it resolves to is called. */
async function holdWasm(page) {
  let release;
  const held = new Promise((ok) => {
    release = ok;
  });
  await page.route(/claim-reader-web_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/**
 * Opens `path` with the wasm held back until references to the rendered-ahead nodes are taken
 * (kept on `window.__before`), then lets it load and waits until the reader is live.
 */
async function openHydrated(env, path) {
  const page = await env.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(`console error: ${m.text()}`));
  await page.addInitScript(watchPage);
  const release = await holdWasm(page);
  await page.goto(new URL(path, env.server.url).href, { waitUntil: 'domcontentloaded' });
  const taken = await page.evaluate(`(() => {
    const scope = (${readerScope})();
    const reader = scope?.querySelector('.claim-reader');
    window.__before = {
      reader,
      paragraph: scope?.querySelector('p.cr-paragraph'),
      mark: scope?.querySelector('mark.cr-passage'),
      cell: scope?.querySelector('table.cr-wide td[data-party][data-issue]'),
      legend: scope?.querySelector('ul.cr-legend'),
      marker: scope?.querySelector('a.cr-note-ref'),
    };
    return { isStatic: reader?.dataset.static ?? null, found: Object.values(window.__before).filter(Boolean).length };
  })()`);
  assert.deepEqual(taken, { isStatic: 'true', found: 6 }, 'the reader rendered ahead is there before the wasm');
  release();
  await until(
    () => page.evaluate(`(${readerScope})()?.querySelector('.claim-reader[data-ready="true"]') != null`),
    'the reader is live',
    20_000,
  );
  // Two frames, so that any shift the live reader caused is reported.
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  return { page, errors };
}

/** What became of the nodes taken before the wasm started. */
async function identity(page) {
  return page.evaluate(`(() => {
    const scope = (${readerScope})();
    const now = {
      reader: scope.querySelector('.claim-reader'),
      paragraph: scope.querySelector('p.cr-paragraph'),
      mark: scope.querySelector('mark.cr-passage'),
      cell: scope.querySelector('table.cr-wide td[data-party][data-issue]'),
      legend: scope.querySelector('ul.cr-legend'),
      marker: scope.querySelector('a.cr-note-ref'),
    };
    const out = {};
    for (const [k, el] of Object.entries(window.__before)) out[k] = { connected: el.isConnected, same: el === now[k] };
    return out;
  })()`);
}

const inReader = (path, selector) => (path ? `[data-claim-reader] ${selector}` : `#claim-reader ${selector}`);

describe('hydrated in place, with JavaScript on (desktop)', () => {
  let env;
  before(async () => {
    env = await openEnvironment('hydrate-desktop', DESKTOP);
  });
  after(async () => {
    await env?.close();
  });

  for (const { name, path } of PAGES) {
    test(`${name}: the same nodes, nothing moves, the notes give way to the details`, async () => {
      const { page, errors } = await openHydrated(env, path);
      const same = await identity(page);
      for (const [what, { connected, same: identical }] of Object.entries(same)) {
        assert.ok(connected, `the ${what} rendered ahead is still in the page`);
        assert.ok(identical, `the ${what} rendered ahead is the live reader's`);
      }
      const shifts = await page.evaluate(() => window.__shifts);
      assert.deepEqual(shifts, [], 'no layout shift: cumulative layout shift 0');
      const q = (s) => page.locator(inReader(path, s));
      assert.equal(await q('.claim-reader').count(), 1, 'one reader, not two');
      assert.equal(await q('.claim-reader[data-static]').count(), 0, 'the live reader');
      assert.equal(await q('.cr-print-notes').isVisible(), false, 'the notes give way to the details');
      assert.equal(await q('.cr-print-notes li').count(), 0);
      assert.ok((await q('mark.cr-passage[tabindex="0"]').count()) > 0, 'the passages take focus');
      assert.ok((await q('button.cr-legend-item').count()) > 0, 'the legend switches issues');
      await page.screenshot({ path: join(ARTIFACTS, `hydrate-${path ? 'embed' : 'seed'}-1280.png`), fullPage: true });

      // Hover opens the details.
      const tip = q('[role="tooltip"]');
      const mark = q('mark.cr-passage').first();
      const box = await mark.evaluate((el) => {
        const r = el.getClientRects()[0];
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      });
      await page.mouse.move(box.x, box.y);
      await until(async () => (await tip.getAttribute('hidden')) === null && (await tip.isVisible()), 'hover opens the details');
      await page.mouse.move(2, 2);
      await page.keyboard.press('Escape');
      await until(async () => (await tip.getAttribute('hidden')) !== null, 'the details close');

      // Focus (Tab) opens them: the first stop in the reader is its first passage.
      await page.locator('body').evaluate((b) => b.focus());
      let focused = '';
      for (let i = 0; i < 20 && !focused.startsWith('MARK'); i++) {
        await page.keyboard.press('Tab');
        focused = await page.evaluate(`(() => { let a = document.activeElement; while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement; return a ? a.tagName + '.' + a.className : ''; })()`);
      }
      assert.match(focused, /^MARK\.cr-passage/, 'Tab reaches a passage');
      await until(async () => (await tip.getAttribute('hidden')) === null, 'focus opens the details');
      await page.keyboard.press('Escape');

      // The note marker kept after a passage opens that passage's details too.
      await page.mouse.click(2, 2);
      await until(async () => (await tip.getAttribute('hidden')) !== null, 'the details close');
      await q('a.cr-note-ref').first().click();
      await until(async () => (await tip.getAttribute('hidden')) === null, 'a note marker opens its passage\'s details');
      await page.mouse.click(2, 2);

      // The legend switches an issue's highlights off and on.
      const first = q('button.cr-legend-item').first();
      const issue = await first.getAttribute('data-issue');
      const ofIssue = q(`mark.cr-passage[data-issue="${issue}"]`);
      const count = await ofIssue.count();
      assert.ok(count > 0);
      await first.click();
      assert.equal(await first.getAttribute('aria-pressed'), 'false');
      await until(async () => (await q(`mark.cr-passage.is-muted[data-issue="${issue}"]`).count()) === count, 'the issue\'s highlights are off');
      await first.click();
      await until(async () => (await q('mark.cr-passage.is-muted').count()) === 0, 'and on again');

      // A table cell: hovering it links its passages, activating it goes to the first of them.
      const cell = q('table.cr-stance-table:visible button.cr-cell').first();
      await cell.hover();
      await until(async () => (await q('mark.cr-passage.is-linked').count()) > 0, 'a hovered cell links its passages');
      await cell.click();
      await until(async () => (await tip.getAttribute('hidden')) === null, 'a cell opens its first passage\'s details');
      const active = await page.evaluate(`(() => { let a = document.activeElement; while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement; return a?.tagName; })()`);
      assert.equal(active, 'MARK', 'focus is on the passage');

      assert.deepEqual(errors, [], 'no console error');
      assert.deepEqual(await page.evaluate(() => window.__refused), [], 'no CSP violation');
      await page.close();
    });
  }

  /** Opens `path` until its first reader is live; the names of the wasm files it asked for. */
  async function wasmFetched(path) {
    const page = await env.context.newPage();
    const errors = [];
    const wasm = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => r.url().endsWith('.wasm') && wasm.push(new URL(r.url()).pathname.split('/').pop()));
    await page.goto(new URL(path, env.server.url).href);
    await page.locator('[data-claim-reader] .claim-reader[data-ready="true"]').first().waitFor({ timeout: 20_000 });
    return { page, errors, wasm };
  }

  test('an embed whose reader was not rendered ahead is rendered as before, by the build without hydration', async () => {
    const { page, errors, wasm } = await wasmFetched('demo/plain.html');
    assert.equal(await page.locator('[data-claim-reader] .claim-reader[data-static]').count(), 0);
    assert.deepEqual(wasm, ['claim-reader-plain_bg.wasm'], 'the lighter build, and only it');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('a page with a reader rendered ahead gets the build that hydrates, for all its readers', async () => {
    const { page, errors, wasm } = await wasmFetched('demo/prerendered.html');
    assert.deepEqual(wasm, ['claim-reader-web_bg.wasm'], 'the hydrating build, and only it');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('a reader rendered ahead by another build, or from data edited since, is rendered afresh, not hydrated, and nothing breaks', async () => {
    // The page as an older `claim-reader render` left it (another build's fingerprint), and as
    // an editor left it who changed a quote in the JSON island without rendering again (one
    // passage fewer: yew would stop on the markup).
    const stale = {
      'another build': (body) => body.replace(/data-build="[0-9a-f]+"/g, 'data-build="0000000000000000"'),
      'data edited since': (body) =>
        body.replace(/(<script type="application\/json"[^>]*>[\s\S]*?"exact":\s*")/, '$1Words the article lacks. '),
    };
    for (const [why, change] of Object.entries(stale))
    for (const { path } of PAGES) {
      const page = await env.context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
      page.on('console', (m) => m.type() === 'error' && errors.push(`console error: ${m.text()}`));
      await page.route(/\/(index\.html|prerendered\.html)?$/, async (route) => {
        const response = await route.fetch();
        const body = change(await response.text());
        await route.fulfill({ response, body });
      });
      const release = await holdWasm(page);
      await page.goto(new URL(path, env.server.url).href, { waitUntil: 'domcontentloaded' });
      const before = await page.evaluate(`(() => {
        const reader = (${readerScope})()?.querySelector('.claim-reader');
        window.__stale = reader;
        return { build: reader?.dataset.build ?? null, passages: reader?.querySelectorAll('mark.cr-passage').length };
      })()`);
      assert.equal(before.build !== null, true, `${path || 'the seed page'}, ${why}: the reader rendered ahead is there first`);
      release();
      await until(
        () => page.evaluate(`(${readerScope})()?.querySelector('.claim-reader[data-ready="true"]') != null`),
        `${path || 'the seed page'}, ${why}: a live reader`,
        20_000,
      );
      const after = await page.evaluate(`(() => {
        const scope = (${readerScope})();
        return { staleConnected: window.__stale.isConnected, readers: scope.querySelectorAll('.claim-reader').length, passages: scope.querySelectorAll('mark.cr-passage').length };
      })()`);
      const passages = why === 'data edited since' ? before.passages - 1 : before.passages;
      assert.deepEqual(after, { staleConnected: false, readers: 1, passages }, `${path || 'the seed page'}, ${why}: rendered afresh`);
      await page.focus(inReader(path, 'mark.cr-passage'));
      await page.locator(inReader(path, '[role="tooltip"]')).waitFor({ state: 'visible', timeout: 3_000 });
      assert.deepEqual(errors, [], 'no panic, nothing logged');
      await page.close();
    }
  });

  test('a hydrated embed taken out of the page puts back the reader rendered ahead', async () => {
    const { page, errors } = await openHydrated(env, 'demo/prerendered.html');
    const back = await page.evaluate(async () => {
      const host = document.querySelector('[data-claim-reader]');
      const wrapper = host.querySelector('.claim-reader-host').shadowRoot.querySelector('.claim-reader').parentElement;
      window.__host = host;
      host.remove();
      // The loader releases readers whose element left the page (a MutationObserver).
      for (let i = 0; i < 50 && !wrapper.querySelector('.claim-reader[data-static]'); i++) await new Promise((ok) => setTimeout(ok, 20));
      return {
        isStatic: wrapper.querySelector('.claim-reader')?.dataset.static ?? null,
        readers: wrapper.querySelectorAll('.claim-reader').length,
        notes: wrapper.querySelectorAll('.cr-print-notes li').length,
        buttons: wrapper.querySelectorAll('button').length,
      };
    });
    assert.equal(back.isStatic, 'true', 'the reader as rendered ahead');
    assert.equal(back.readers, 1);
    assert.ok(back.notes > 0, 'with its notes');
    assert.equal(back.buttons, 0);

    // Mounted with other data, the element gets a reader of its own (hydrating needs the data it
    // was rendered from); with its island's data, the reader put back is hydrated again.
    const again = await page.evaluate(async () => {
      const host = window.__host;
      const settle = (ok) => new Promise((done) => {
        const tick = () => (ok() ? done() : setTimeout(tick, 20));
        tick();
      });
      const readerOf = (container) => container?.shadowRoot?.querySelector('.claim-reader');
      const rendered = host.querySelector(':scope > .claim-reader-host');
      const before = readerOf(rendered);
      const other = await ClaimReader.mount(host, await (await fetch('../seed.json')).text());
      const own = host.querySelector(':scope > .claim-reader-host');
      await settle(() => readerOf(own)?.dataset.ready === 'true');
      const fresh = { own: own !== rendered, headline: readerOf(own).querySelector('.cr-headline').textContent };
      other.destroy();
      const restored = host.querySelector(':scope > .claim-reader-host') === rendered && readerOf(rendered) === before;
      const island = document.getElementById(host.dataset.claims).textContent;
      const hydrated = await ClaimReader.mount(host, island);
      await settle(() => readerOf(rendered)?.dataset.ready === 'true');
      const same = readerOf(rendered) === before && host.querySelectorAll(':scope > .claim-reader-host').length === 1;
      hydrated.destroy();
      return { fresh, restored, same };
    });
    assert.equal(again.fresh.own, true, 'other data: a reader of its own');
    assert.match(again.fresh.headline, /US to push Russia/);
    assert.equal(again.restored, true, 'destroy puts the element back as it was');
    assert.equal(again.same, true, 'the island\'s data: hydrated again, in place');
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe('hydrated in place, with JavaScript on (phone)', () => {
  let env;
  before(async () => {
    env = await openEnvironment('hydrate-mobile', MOBILE);
  });
  after(async () => {
    await env?.close();
  });

  for (const { name, path } of PAGES) {
    test(`${name}: the same nodes, nothing moves, a tap opens the details`, async () => {
      const { page, errors } = await openHydrated(env, path);
      for (const [what, { connected, same }] of Object.entries(await identity(page))) {
        assert.ok(connected && same, `the ${what} rendered ahead is the live reader's`);
      }
      assert.deepEqual(await page.evaluate(() => window.__shifts), [], 'cumulative layout shift 0');
      await page.screenshot({ path: join(ARTIFACTS, `hydrate-${path ? 'embed' : 'seed'}-375.png`), fullPage: true });
      const q = (s) => page.locator(inReader(path, s));
      const mark = q('mark.cr-passage').first();
      await mark.scrollIntoViewIfNeeded();
      await mark.tap();
      const tip = q('[role="tooltip"]');
      await until(async () => (await tip.getAttribute('hidden')) === null && (await tip.isVisible()), 'a tap opens the details');
      assert.deepEqual(errors, [], 'no console error');
      assert.deepEqual(await page.evaluate(() => window.__refused), [], 'no CSP violation');
      await page.close();
    });
  }
});
