// The reader rendered ahead (`claim-reader render`, put into the seed page and
// demo/prerendered.html by scripts/post-build): with JavaScript off it shows the article, every
// highlight, the stance table, the legend and each claim's details as linked notes, and nothing
// that claims to be interactive; with the reader's scripts blocked axe finds nothing; with
// JavaScript on, the live reader hydrates it in place (hydrate.test.mjs checks how).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ARTIFACTS, DESKTOP, openEnvironment, until } from './harness.mjs';
import { DEFAULT_DIST } from './server.mjs';
import { CLAIMS, HEADLINE, ISSUES, TABLE } from './seed-expectations.mjs';

const require = createRequire(import.meta.url);
const SEED = '#claim-reader';
const EMBED = '[data-claim-reader]';

/** What the reader in `scope` shows, read through the DOM (Playwright pierces open shadow roots). */
async function shown(page, scope) {
  const reader = page.locator(`${scope} .claim-reader`);
  const claims = new Set();
  for (const ids of await reader.locator('mark.cr-passage').evaluateAll((m) => m.map((e) => e.dataset.claim))) {
    for (const id of ids.split(' ')) claims.add(id);
  }
  const cells = await reader
    .locator('table.cr-wide td[data-party][data-issue]')
    .evaluateAll((tds) => tds.map((td) => [`${td.dataset.party}|${td.dataset.issue}`, td.dataset.stance]));
  const refs = await reader
    .locator('a.cr-note-ref')
    .evaluateAll((as) => as.map((a) => ({ id: a.id, href: a.getAttribute('href'), text: a.textContent })));
  const notes = await reader
    .locator('.cr-print-notes li')
    .evaluateAll((lis) => lis.map((li) => ({ id: li.id, back: li.querySelector('a.cr-note-back')?.getAttribute('href') ?? null })));
  return {
    count: await reader.count(),
    isStatic: await reader.getAttribute('data-static'),
    headline: await reader.locator('.cr-headline').innerText(),
    claims,
    cells: Object.fromEntries(cells),
    legend: await reader.locator('.cr-legend [data-issue]').evaluateAll((l) => l.map((e) => e.dataset.issue)),
    // Controls that would do nothing without script (the table's scroll box stays focusable: it scrolls).
    buttons: await reader.locator('button, [tabindex]:not(.cr-table-wrap)').count(),
    notesShown: await reader.locator('.cr-print-notes').isVisible(),
    refs,
    notes,
  };
}

/** Every note marker links to its note, and every note of a placed claim back to its marker. */
function assertLinkedNotes(seen, claims) {
  assert.equal(seen.notes.length, claims, `${claims} notes`);
  assert.equal(seen.refs.length, claims, `${claims} note markers after the passages`);
  const noteIds = new Set(seen.notes.map((n) => n.id));
  const refIds = new Set(seen.refs.map((r) => r.id));
  for (const ref of seen.refs) assert.ok(noteIds.has(ref.href.slice(1)), `${ref.text} links to a note: ${ref.href}`);
  for (const note of seen.notes) assert.ok(refIds.has(note.back?.slice(1)), `note ${note.id} links back to its passage`);
}

describe('rendered ahead, with JavaScript off', () => {
  let env;
  before(async () => {
    env = await openEnvironment('prerender-nojs', { ...DESKTOP, javaScriptEnabled: false });
  });
  after(async () => {
    await env?.close();
  });

  test('the seed page shows the article, 12 passages, 21 cells, the legend and 12 linked notes', async () => {
    const page = await env.context.newPage();
    await page.goto(env.server.url);
    const seen = await shown(page, SEED);
    assert.equal(seen.count, 1);
    assert.equal(seen.isStatic, 'true');
    assert.equal(seen.headline, HEADLINE);
    assert.deepEqual([...seen.claims].sort(), Object.keys(CLAIMS).sort(), 'every claim is highlighted');
    assert.deepEqual(seen.cells, TABLE, 'every cell with its stance, "not stated" included');
    assert.deepEqual(seen.legend, Object.keys(ISSUES));
    assert.equal(seen.buttons, 0, 'nothing claims to be interactive');
    assert.ok(seen.notesShown, 'the notes are shown');
    assertLinkedNotes(seen, 12);

    // A note marker leads to its note, and the note back to the passage, with plain links.
    await page.locator(`${SEED} a.cr-note-ref`).nth(8).click();
    assert.equal(new URL(page.url()).hash, '#claim-reader-0-note-9');
    const note = page.locator(`${SEED} .cr-print-notes li:target`);
    assert.match(await note.innerText(), /United States proposes/);
    await note.locator('a.cr-note-back').click();
    assert.equal(new URL(page.url()).hash, '#claim-reader-0-ref-9');
    // A table cell leads to its passage's marker.
    await page.locator(`${SEED} table.cr-wide td[data-party="ukraine"][data-issue="territorial-recognition"] a.cr-cell`).click();
    assert.equal(await page.locator(`${SEED} a.cr-note-ref:target`).innerText(), '[10]');
    await page.screenshot({ path: join(ARTIFACTS, 'prerender-seed-nojs.png'), fullPage: true });

    // Search engines read who claims what.
    const ld = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
    const graph = ld['@graph'];
    assert.equal(ld['@context'], 'https://schema.org');
    assert.equal(graph.filter((n) => n['@type'] === 'NewsArticle').length, 1);
    const claims = graph.filter((n) => n['@type'] === 'Claim');
    assert.equal(claims.length, 12);
    const seed = JSON.parse(await readFile(join(DEFAULT_DIST, 'seed.json'), 'utf8'));
    for (const claim of seed.claims) {
      const item = claims.find((c) => c['@id'] === `#claim=${claim.id}`);
      assert.equal(item?.text, claim.quote.exact);
      assert.equal(item.author.name, seed.parties.find((p) => p.id === claim.party).name);
      assert.deepEqual(item.appearance, { '@id': '#article' });
    }
    await page.close();
  });

  test('a rendered-ahead embed shows its reader in its own shadow root, styled, with linked notes, under a strict CSP', async () => {
    const page = await env.context.newPage();
    const refused = [];
    page.on('console', (m) => /Content.Security.Policy|Refused to/i.test(m.text()) && refused.push(m.text()));
    await page.goto(new URL('demo/prerendered.html', env.server.url).href);
    const seen = await shown(page, EMBED);
    assert.equal(seen.count, 1);
    assert.equal(seen.isStatic, 'true');
    const council = JSON.parse(await readFile(join(DEFAULT_DIST, 'demo', 'council.json'), 'utf8'));
    assert.equal(seen.headline, council.article.headline);
    assert.deepEqual([...seen.claims].sort(), council.claims.map((c) => c.id).sort());
    assert.equal(Object.keys(seen.cells).length, council.parties.length * council.issues.length);
    assert.equal(seen.buttons, 0);
    assertLinkedNotes(seen, council.claims.length);
    // The reader's stylesheet reaches into the shadow root; the page's styles do not.
    const background = await page.locator(`${EMBED} mark.cr-passage`).first().evaluate((m) => getComputedStyle(m).backgroundColor);
    assert.notEqual(background, 'rgba(0, 0, 0, 0)', 'the passages are highlighted');
    await page.screenshot({ path: join(ARTIFACTS, 'prerender-embed-nojs.png'), fullPage: true });
    assert.deepEqual(refused, [], 'the strict policy refuses nothing');
    await page.close();
  });
});

describe('rendered ahead, with the reader\'s scripts blocked or running', () => {
  let env;
  before(async () => {
    env = await openEnvironment('prerender-js', DESKTOP);
  });
  after(async () => {
    await env?.close();
  });

  async function axeClean(page, mode) {
    // Evaluated rather than added as a script tag, which the strict policy of the page refuses.
    await page.evaluate(await readFile(require.resolve('axe-core/axe.min.js'), 'utf8'));
    const violations = await page.evaluate(async () => {
      const r = await window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        resultTypes: ['violations'],
      });
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    assert.deepEqual(violations, [], `axe finds nothing (${mode})`);
  }

  for (const [name, path, scope] of [
    ['the seed page', '', SEED],
    ['the rendered-ahead embed', 'demo/prerendered.html', EMBED],
  ]) {
    test(`${name} with the reader's scripts blocked: axe-core finds no violation`, async () => {
      const page = await env.context.newPage();
      await page.route(/claim-reader(-web|-plain)?(\.js|_bg\.wasm)$/, (route) => route.abort());
      await page.goto(new URL(path, env.server.url).href);
      assert.equal(await page.locator(`${scope} .claim-reader[data-static]`).count(), 1);
      await axeClean(page, name);
      await page.close();
    });

    test(`${name} with JavaScript: the live reader hydrates the one rendered ahead in place`, async () => {
      const page = await env.context.newPage();
      const errors = [];
      // demo/prerendered.html is served with the strict policy: nothing may be refused.
      await page.addInitScript(() => {
        window.__refused = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__refused.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto(new URL(path, env.server.url).href);
      await page.locator(`${scope} .claim-reader[data-ready="true"]`).waitFor({ timeout: 20_000 });
      assert.equal(await page.locator(`${scope} .claim-reader`).count(), 1, 'one reader, not two');
      assert.equal(await page.locator(`${scope} .claim-reader[data-static]`).count(), 0);
      assert.equal(await page.locator(`${scope} .cr-print-notes`).isVisible(), false, 'the notes give way to the details');
      const mark = page.locator(`${scope} mark.cr-passage`).first();
      const box = await mark.evaluate((el) => {
        const r = el.getClientRects()[0];
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      });
      await page.mouse.move(box.x, box.y);
      await until(async () => (await page.locator(`${scope} [role="tooltip"]`).getAttribute('hidden')) === null, 'hover opens the details');
      assert.deepEqual(errors, []);
      assert.deepEqual(await page.evaluate(() => window.__refused), [], 'no CSP violation');
      await page.close();
    });
  }
});
