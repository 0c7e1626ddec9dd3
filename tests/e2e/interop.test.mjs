// What the reader offers the page around it and other tools: links to one claim (`#claim=…`,
// also with two readers on a page), the details' "Copy link to this claim", the events the host
// page can listen to, and `handle.claims()`. Desktop context, 1280×900, real mouse.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ARTIFACTS, DESKTOP, openEnvironment, until, readyReader } from './harness.mjs';
import { DEFAULT_DIST } from './server.mjs';

const readerIn = (page, host) => page.locator(`${host} .claim-reader[data-ready="true"]`);
const tooltipIn = (page, host) => page.locator(`${host} [role="tooltip"]`);
const markIn = (page, host, claim) => page.locator(`${host} mark.cr-passage[data-claim~="${claim}"]`).first();
const SEED = '#claim-reader';

/** The claim ids the open details of the reader in `host` show; [] when closed. */
async function shownClaims(page, host) {
  const tip = tooltipIn(page, host);
  if ((await tip.getAttribute('hidden')) !== null) return [];
  return tip.locator('section.cr-claim').evaluateAll((s) => s.map((e) => e.dataset.claim));
}

/** True when the element's box is inside the viewport. */
const onScreen = (locator) =>
  locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth;
  });

/** Moves the mouse onto the first line box of an inline element (a mark may wrap). */
async function hover(page, locator) {
  await locator.scrollIntoViewIfNeeded();
  const { x, y } = await locator.evaluate((el) => {
    const r = el.getClientRects()[0] ?? el.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  });
  await page.mouse.move(x, y);
  return { x, y };
}

async function tap(page, locator) {
  const { x, y } = await hover(page, locator);
  await page.mouse.click(x, y);
}

describe('links, events and claims() (1280×900)', () => {
  let env;
  before(async () => {
    env = await openEnvironment('interop', { ...DESKTOP, permissions: ['clipboard-read', 'clipboard-write'] });
  });
  after(async () => {
    await env?.close();
  });

  /** Runs `body` with a new page; fails the test on console or page errors not matching `allow`. */
  function pageTest(name, body, { allow = [] } = {}) {
    test(name, async () => {
      const page = await env.context.newPage();
      const errors = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error' && !allow.some((re) => re.test(msg.text()))) errors.push(`console error: ${msg.text()}`);
      });
      page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
      // Each opening loads the page anew (a change of fragment alone would not).
      const open = async (path) => {
        await page.goto('about:blank');
        await page.goto(new URL(path, env.server.url).href);
        return page;
      };
      try {
        await body({ page, open });
      } catch (err) {
        const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 60);
        await page.screenshot({ path: join(ARTIFACTS, `failed-interop-${slug}.png`) }).catch(() => {});
        throw err;
      } finally {
        await page.close();
      }
      assert.deepEqual(errors, [], 'the page logged errors');
    });
  }

  // ---- links to a claim --------------------------------------------------------------------

  pageTest('a link to a claim opens its details on load, with its passage on screen, and they stay', async ({ page, open }) => {
    await page.setViewportSize({ width: 1280, height: 600 });
    await open('/#claim=us-guarantees');
    await readyReader(page, SEED);
    await until(async () => (await shownClaims(page, SEED)).includes('us-guarantees'), 'the linked claim is shown');
    assert.ok(await onScreen(markIn(page, SEED, 'us-guarantees')), 'the passage is scrolled into view');
    assert.ok(await onScreen(tooltipIn(page, SEED).locator('section[data-claim="us-guarantees"]')), 'so are its details');
    await page.mouse.move(5, 5);
    await page.mouse.move(600, 20);
    assert.deepEqual(await shownClaims(page, SEED), ['us-guarantees'], 'a pointer passing by does not close them');
    await page.keyboard.press('Escape');
    await until(async () => (await shownClaims(page, SEED)).length === 0, 'Escape closes them');
    await page.screenshot({ path: join(ARTIFACTS, 'interop-claim-link.png') });
  });

  pageTest('following a claim link on the page opens that claim', async ({ page, open }) => {
    await open('/');
    await readyReader(page, SEED);
    assert.deepEqual(await shownClaims(page, SEED), []);
    await page.evaluate(() => (location.hash = '#claim=ru-recognition'));
    await until(async () => (await shownClaims(page, SEED)).includes('ru-recognition'), 'hashchange opens the claim');
  });

  pageTest('a link names one of two readers on a page; an unnamed link finds the reader with the claim', async ({ page, open }) => {
    const ready = async (...hosts) => {
      for (const host of hosts) await readerIn(page, host).waitFor({ timeout: 20_000 });
    };
    // A reader further than half a screen off that no link names has not started, even once the
    // page is idle (the loader starts it when it is scrolled near); its host still shows the
    // page's own text. The linked passages below are early in the first reader, so that scrolling
    // to them leaves the second reader well beyond that distance.
    const waiting = async (host) => {
      const { below, screen } = await page
        .locator(host)
        .evaluate((el) => ({ below: el.getBoundingClientRect().top - innerHeight, screen: innerHeight }));
      assert.ok(below > screen / 2, `${host} is ${below} px below the screen, more than half a screen`);
      await page.waitForTimeout(300);
      assert.equal(await page.locator(`${host} .claim-reader-host`).count(), 0, `${host} waits`);
    };
    await open('demo/index.html#claim=reader-council/greens-closure');
    await ready('#reader-peace-talks', '#reader-council');
    await until(async () => (await shownClaims(page, '#reader-council')).includes('greens-closure'), 'council opens it');
    assert.deepEqual(await shownClaims(page, '#reader-peace-talks'), [], 'the other reader opens nothing');
    assert.ok(await onScreen(markIn(page, '#reader-council', 'greens-closure')), 'the passage is scrolled into view');

    await open('demo/index.html#claim=reader-peace-talks/us-army-push');
    await ready('#reader-peace-talks');
    await until(async () => (await shownClaims(page, '#reader-peace-talks')).includes('us-army-push'), 'peace talks opens it');
    await waiting('#reader-council');
    // Scrolled to, it starts, and the link that named the other reader opens nothing in it.
    await page.locator('#reader-council').scrollIntoViewIfNeeded();
    await ready('#reader-council');
    assert.deepEqual(await shownClaims(page, '#reader-council'), []);
    assert.deepEqual(await shownClaims(page, '#reader-peace-talks'), ['us-army-push'], 'what the link opened stays open');

    // A link for another reader's name opens nothing here, though this reader has the claim id.
    await open('demo/index.html#claim=reader-elsewhere/us-army-push');
    await ready('#reader-peace-talks');
    await waiting('#reader-council');
    assert.deepEqual(await shownClaims(page, '#reader-peace-talks'), []);

    await open('demo/index.html#claim=civic-night-buses');
    await ready('#reader-peace-talks', '#reader-council');
    await until(async () => (await shownClaims(page, '#reader-council')).includes('civic-night-buses'), 'unnamed link');
    assert.deepEqual(await shownClaims(page, '#reader-peace-talks'), []);
  });

  pageTest('"Copy link to this claim" puts a link on the clipboard that opens the same claim', async ({ page, open }) => {
    await open('demo/index.html');
    await readyReader(page, '#reader-council');
    await tap(page, markIn(page, '#reader-council', 'greens-closure'));
    const section = tooltipIn(page, '#reader-council').locator('section[data-claim="greens-closure"]');
    await section.getByRole('button', { name: 'Copy link to this claim' }).click();
    await until(async () => (await section.locator('[role="status"]').innerText()).includes('Link copied'), 'the copy is confirmed');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(link, new URL('demo/index.html#claim=reader-council/greens-closure', env.server.url).href);

    // The seed page's only reader needs no name in its links.
    await open('/');
    await readyReader(page, SEED);
    await tap(page, markIn(page, SEED, 'us-deal-soon'));
    const seedSection = tooltipIn(page, SEED).locator('section[data-claim="us-deal-soon"]');
    await seedSection.getByRole('button', { name: 'Copy link to this claim' }).click();
    await until(async () => (await seedSection.locator('[role="status"]').innerText()).includes('Link copied'), 'copied');
    const seedLink = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(seedLink, new URL('/#claim=us-deal-soon', env.server.url).href);

    await open(link);
    await readyReader(page, '#reader-council');
    await until(async () => (await shownClaims(page, '#reader-council')).includes('greens-closure'), 'the link opens it');
  });

  // ---- events for the host page -------------------------------------------------------------

  pageTest('the reader tells its host element and the document what the reader opens, chooses and switches', async ({ page, open }) => {
    await open('demo/index.html');
    await readyReader(page, '#reader-council');
    await page.evaluate(() => {
      window.__events = [];
      const names = ['claim-reader:claim-opened', 'claim-reader:cell-chosen', 'claim-reader:issue-toggled'];
      for (const name of names) {
        document.getElementById('reader-council').addEventListener(name, (e) =>
          window.__events.push({ at: 'host', type: e.type, bubbles: e.bubbles, composed: e.composed, detail: e.detail }),
        );
        document.addEventListener(name, (e) => window.__events.push({ at: 'document', type: e.type, target: e.target.id || e.target.className }));
      }
    });
    const events = () => page.evaluate(() => window.__events.splice(0));

    await hover(page, markIn(page, '#reader-council', 'greens-closure'));
    await until(async () => (await shownClaims(page, '#reader-council')).length > 0, 'hover opens details');
    let seen = await events();
    const opened = seen.find((e) => e.at === 'host');
    assert.equal(opened?.type, 'claim-reader:claim-opened', JSON.stringify(seen));
    assert.equal(opened.bubbles, true);
    assert.equal(opened.composed, true);
    assert.equal(opened.detail.opener, 'hover');
    const council = JSON.parse(await readFile(join(DEFAULT_DIST, 'demo', 'council.json'), 'utf8'));
    const file = council.claims.find((c) => c.id === 'greens-closure');
    const party = council.parties.find((p) => p.id === file.party);
    const issue = council.issues.find((i) => i.id === file.issue);
    assert.deepEqual(opened.detail.claims.find((c) => c.id === 'greens-closure'), {
      id: 'greens-closure',
      party: party.id,
      party_name: party.name,
      issue: issue.id,
      issue_label: issue.label,
      stance: file.stance,
      certainty: file.certainty,
    });
    assert.ok(seen.some((e) => e.at === 'document' && e.type === 'claim-reader:claim-opened'), 'it reaches the document');

    await page.mouse.move(5, 5);
    await page.locator('#reader-council table.cr-stance-table:visible td[data-party="civic"][data-issue="harbour-street"] button').click();
    seen = await events();
    const chosen = seen.find((e) => e.at === 'host' && e.type === 'claim-reader:cell-chosen');
    const cellClaims = council.claims.filter((c) => c.party === 'civic' && c.issue === 'harbour-street').map((c) => c.id);
    assert.deepEqual(chosen?.detail, {
      party: 'civic',
      issue: 'harbour-street',
      stance: await page.locator('#reader-council table.cr-stance-table:visible td[data-party="civic"][data-issue="harbour-street"]').getAttribute('data-stance'),
      claims: cellClaims,
    });
    // Activating the cell moves focus to its passage, which opens it: by focus.
    assert.equal(seen.find((e) => e.at === 'host' && e.type === 'claim-reader:claim-opened')?.detail.opener, 'focus');

    const legendItem = page.locator('#reader-council .cr-legend button[data-issue="harbour-street"]');
    await legendItem.click();
    await legendItem.click();
    seen = (await events()).filter((e) => e.at === 'host' && e.type === 'claim-reader:issue-toggled');
    assert.deepEqual(
      seen.map((e) => e.detail),
      [
        { issue: 'harbour-street', label: issue.id === 'harbour-street' ? issue.label : council.issues.find((i) => i.id === 'harbour-street').label, shown: false },
        { issue: 'harbour-street', label: council.issues.find((i) => i.id === 'harbour-street').label, shown: true },
      ],
    );
  });

  // ---- handle.claims() ----------------------------------------------------------------------

  pageTest('handle.claims() returns the claims shown, shaped as in the claims file', async ({ page, open }) => {
    await open('demo/plain.html');
    await readyReader(page, '#reader-plain');
    const result = await page.evaluate(async () => {
      const host = document.createElement('div');
      document.body.append(host);
      const handle = await globalThis.ClaimReader.mount(host, null);
      const loading = handle.claims();
      const text = await (await fetch('council.json')).text();
      handle.update(text);
      await new Promise((r) => setTimeout(r, 200));
      const loaded = handle.claims();
      handle.update('{ "not": "a claims file" }');
      await new Promise((r) => setTimeout(r, 200));
      const broken = handle.claims();
      handle.update(text);
      await new Promise((r) => setTimeout(r, 200));
      handle.destroy();
      return { loading, loaded, broken, destroyed: handle.claims(), file: JSON.parse(text).claims };
    });
    assert.deepEqual(result.loading, [], 'nothing loaded yet');
    assert.deepEqual(result.broken, [], 'nothing shown for data that cannot be read');
    assert.deepEqual(result.destroyed, []);
    assert.equal(result.loaded.length, result.file.length);
    const KEYS = ['attribution', 'certainty', 'hedge', 'id', 'issue', 'party', 'quote', 'stance', 'summary'];
    result.loaded.forEach((claim, i) => {
      assert.deepEqual(Object.keys(claim).sort(), KEYS, `claim ${i} has the claims file's fields`);
      const file = result.file[i];
      // Every value the file gives comes back as written; what it leaves out comes back as null.
      const fill = (written, shape) =>
        Object.fromEntries(Object.keys(shape).map((k) => [k, written?.[k] ?? null]));
      assert.deepEqual(claim.quote, fill(file.quote, claim.quote));
      assert.deepEqual(claim.attribution, fill(file.attribution, claim.attribution));
      for (const key of ['id', 'party', 'issue', 'stance', 'summary', 'certainty']) assert.equal(claim[key], file[key]);
      assert.equal(claim.hedge, file.hedge ?? null);
    });
  }, { allow: [/^claim-reader: error at /] });
});
