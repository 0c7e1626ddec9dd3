// The editor page (dist/editor/, its own bundle): an editor pastes the seed article's text, makes
// all 12 of the seed's claims by selecting their words (eleven through a DOM Range and the page's
// selection listener, one with the keyboard alone: Tab to the paragraph, Shift and the arrow
// keys), adds the parties and issues on the way, sees the highlights in the live preview and the
// check, and exports a file that `claim-reader check` accepts and whose stance table is the
// seed's, cell for cell. A claims file opened through the file picker and by a drop, the same
// words twice in a paragraph, files that do not open and say why, and diagnostics that take the
// editor to what they name. Then the editor on a 375 px phone, light and dark. axe-core on each;
// screenshots in tests/e2e/artifacts/.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ARTIFACTS, DESKTOP, MOBILE, horizontalOverflow, openEnvironment, until } from './harness.mjs';
import { TABLE } from './seed-expectations.mjs';

const require = createRequire(import.meta.url);
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const SEED_TEXT = readFileSync(join(REPO, 'static/seed.json'), 'utf8');
const SEED = JSON.parse(SEED_TEXT);
const seedClaim = (id) => SEED.claims.find((c) => c.id === id);
const seedParty = (id) => SEED.parties.find((p) => p.id === id);
const seedIssue = (id) => SEED.issues.find((i) => i.id === id);

/** The documented field order of a claim (docs/data-format.md). */
const CLAIM_FIELDS = ['id', 'party', 'issue', 'stance', 'quote', 'summary', 'attribution', 'certainty', 'hedge'];

/** Opens the editor in a new page; `errors` collects console errors, page errors, failed requests. */
async function openEditor(env) {
  const page = await env.context.newPage();
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => errors.push(`request failed: ${req.url()} (${req.failure()?.errorText ?? 'unknown'})`));
  await page.goto(`${env.server.url}editor/`);
  await page.locator('#ed-headline').waitFor({ timeout: 20_000 });
  return { page, errors };
}

/** Selects the `nth` occurrence of `words` in paragraph `paragraph` with a DOM Range, as a mouse
 * drag would leave it; the editor's `selectionchange` listener does the rest. */
async function selectWords(page, paragraph, words, nth = 0) {
  await page.evaluate(
    ({ paragraph, words, nth }) => {
      const p = document.querySelector(`.ed-paragraph[data-paragraph="${paragraph}"]`);
      const text = p.firstChild;
      let at = -1;
      for (let i = 0; i <= nth; i++) at = text.data.indexOf(words, at + 1);
      if (at < 0) throw new Error(`"${words}" is not in paragraph ${paragraph}`);
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + words.length);
      const selection = getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    },
    { paragraph, words, nth },
  );
}

/** Waits for the claim form of a quote and checks what it says of the words. */
async function formFor(page, claim) {
  const where = page.locator('.ed-claim-form .ed-quote-where');
  const words = page.locator('.ed-claim-form .ed-quote-words');
  // The selection may still be moving (Shift and an arrow key after a whole paragraph): the form
  // follows it, so wait for its words as well as its start.
  await until(
    async () =>
      (await where.count()) === 1 &&
      (await where.getAttribute('data-quote-start')) === String(claim.quote.start) &&
      (await words.innerText()) === `“${claim.quote.exact}”`,
    `the claim form for "${claim.quote.exact}"`,
  );
  assert.equal(await where.getAttribute('data-quote-paragraph'), String(claim.quote.paragraph));
}

/** Picks the claim's party, adding it first when `add`. */
async function party(page, id, add) {
  if (add) {
    const p = seedParty(id);
    await page.getByRole('button', { name: 'New party' }).click();
    await page.fill('#ed-party-name', p.name);
    if (p.short_name) await page.fill('#ed-party-short', p.short_name);
    await page.fill('#ed-party-id', p.id);
    if (p.aliases?.length) await page.fill('#ed-party-aliases', p.aliases.join('\n'));
    await page.getByRole('button', { name: 'Add party' }).click();
    await until(async () => (await page.inputValue('#ed-party')) === id, `party ${id} added and chosen`);
  } else {
    await page.selectOption('#ed-party', id);
  }
}

async function issue(page, id, add) {
  if (add) {
    const i = seedIssue(id);
    await page.getByRole('button', { name: 'New issue' }).click();
    await page.fill('#ed-issue-label', i.label);
    await page.fill('#ed-issue-id', i.id);
    await page.fill('#ed-issue-description', i.description);
    await page.getByRole('button', { name: 'Add issue' }).click();
    await until(async () => (await page.inputValue('#ed-issue')) === id, `issue ${id} added and chosen`);
  } else {
    await page.selectOption('#ed-issue', id);
  }
}

/** Fills the rest of the form from the seed's claim and adds it. */
async function finishClaim(page, claim) {
  await page.selectOption('#ed-stance', claim.stance);
  await page.selectOption('#ed-certainty', claim.certainty);
  await page.fill('#ed-hedge', claim.hedge ?? '');
  await page.fill('#ed-summary', claim.summary);
  await page.fill('#ed-reported-by', claim.attribution.reported_by);
  await page.fill('#ed-basis', claim.attribution.basis ?? '');
  await page.fill('#ed-via', claim.attribution.via ?? '');
  const before = await page.locator('.ed-claim').count();
  await page.getByRole('button', { name: 'Add claim' }).click();
  await until(async () => (await page.locator('.ed-claim').count()) === before + 1, `claim on "${claim.quote.exact}" added`);
  assert.equal(await page.locator('.ed-claim-form').count(), 0, 'the form closes once the claim is added');
}

/** Makes `claim` (Russia's, on an issue it adds) with the keyboard alone, from the list of
 * claims: Shift+Tab back to its paragraph, the caret to its start, Shift and the arrow keys over
 * its words, then the form field by field. */
async function keyboardClaim(page, claim) {
  const target = `.ed-paragraph[data-paragraph="${claim.quote.paragraph}"]`;
  for (let i = 0; i < 40 && !(await page.evaluate((t) => document.activeElement?.matches(t), target)); i++) {
    await page.keyboard.press('Shift+Tab');
  }
  assert.ok(await page.evaluate((t) => document.activeElement?.matches(t), target), 'Tab reaches the paragraph');
  assert.ok(claim.quote.start === 0 && SEED.article.paragraphs[claim.quote.paragraph] === `${claim.quote.exact}.`, 'the quote is its paragraph but the full stop');
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+Shift+End');
  await page.keyboard.press('Shift+ArrowLeft'); // the full stop is no part of the quote
  await formFor(page, claim);
  await page.keyboard.press('Tab'); // the party
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'ed-party');
  await page.keyboard.type(seedParty(claim.party).name);
  await page.keyboard.press('Tab'); // "New party"
  await page.keyboard.press('Tab'); // the issue
  await page.keyboard.press('Tab'); // "New issue"
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.type(seedIssue(claim.issue).label);
  await page.keyboard.press('Tab');
  await page.keyboard.type(claim.issue);
  await page.keyboard.press('Tab');
  await page.keyboard.type(seedIssue(claim.issue).description);
  await page.keyboard.press('Tab'); // "Add issue"
  await page.keyboard.press('Enter');
  await until(async () => (await page.evaluate(() => document.activeElement?.id)) === 'ed-issue', 'the new issue chosen and focused');
  assert.equal(await page.inputValue('#ed-issue'), claim.issue);
  assert.equal(await page.inputValue('#ed-party'), claim.party);
  await page.keyboard.press('Tab'); // "New issue"
  await page.keyboard.press('Tab'); // stance
  await page.keyboard.type(claim.stance);
  await page.keyboard.press('Tab'); // certainty
  await page.keyboard.type(claim.certainty);
  await page.keyboard.press('Tab'); // hedge
  await page.keyboard.press('Tab'); // summary
  await page.keyboard.type(claim.summary);
  await page.keyboard.press('Tab'); // reported by, offered from the last claim
  await page.keyboard.press('Control+A');
  await page.keyboard.type(claim.attribution.reported_by);
  for (const field of ['basis', 'via']) {
    assert.equal(claim.attribution[field], undefined);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
  }
  const before = await page.locator('.ed-claim').count();
  await page.keyboard.press('Enter'); // submits the form
  await until(async () => (await page.locator('.ed-claim').count()) === before + 1, 'the keyboard claim added');
}

/** Runs axe-core with the WCAG 2.1 A/AA rules and asserts no violations. */
async function axeCheck(page, mode) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  }
  const violations = await page.evaluate(async () => {
    const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    at ${v.nodes.map((n) => n.target.join(' ')).join('\n    at ')}`);
  });
  assert.deepEqual(violations, [], `axe found WCAG 2.1 A/AA violations (${mode}):\n${violations.join('\n')}`);
}

/** `claim-reader ARGS…` with the native binary: its exit status, standard output, and both. */
function command(...args) {
  const run = spawnSync('cargo', ['run', '--quiet', '--bin', 'claim-reader', '--', ...args], {
    cwd: REPO,
    encoding: 'utf8',
    timeout: 900_000,
  });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, out: `${run.stdout}${run.stderr}` };
}

/** `claim-reader check FILE`. */
const check = (file) => command('check', file);

/** The seed as a claims file's text, changed by `edit`. */
function seedWith(edit) {
  const seed = structuredClone(SEED);
  edit(seed);
  return JSON.stringify(seed, null, 2);
}

/** Drops a file holding `text` on the element `selector` names, as a file dragged from the
 * desktop would: dragenter, dragover (after which the page shows where it would go), drop.
 * Returns whether the page took the dragover and the drop (else the browser would open the file). */
async function dropFile(page, selector, name, text) {
  const over = await page.evaluate(
    ({ selector, name, text }) => {
      window.__dropped = new DataTransfer();
      window.__dropped.items.add(new File([text], name, { type: 'application/json' }));
      const target = document.querySelector(selector);
      const init = () => ({ bubbles: true, cancelable: true, dataTransfer: window.__dropped });
      target.dispatchEvent(new DragEvent('dragenter', init()));
      return !target.dispatchEvent(new DragEvent('dragover', init()));
    },
    { selector, name, text },
  );
  await page.locator('.ed.is-dropping').waitFor({ timeout: 3_000 });
  const drop = await page.evaluate((selector) => {
    const init = { bubbles: true, cancelable: true, dataTransfer: window.__dropped };
    return !document.querySelector(selector).dispatchEvent(new DragEvent('drop', init));
  }, selector);
  await until(async () => (await page.locator('.ed.is-dropping').count()) === 0, 'the drop outline gone');
  return { over, drop };
}

/** The element with the focus: its tag, data-target, data-claim, whether it is marked as where a
 * diagnostic led, and whether it is wholly on the screen. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const r = el.getBoundingClientRect();
    return {
      tag: el.localName,
      target: el.dataset.target ?? null,
      claim: el.dataset.claim ?? null,
      located: el.hasAttribute('data-located'),
      onScreen: r.top >= 0 && r.bottom <= innerHeight && r.height > 0,
      text: el.innerText.trim().slice(0, 80),
    };
  });
}

/** What has the focus once a diagnostic followed has marked its place (a claim's field is
 * focused once its form has opened, a moment after the choice). */
function locatedFocus(page) {
  return until(async () => {
    const at = await focused(page);
    return at.located ? at : null;
  }, 'the place a diagnostic names is focused and marked');
}

/** Chooses the check's diagnostic about `path`. */
async function followDiagnostic(page, path) {
  const item = page.locator(`.ed-check .ed-diagnostic[data-path="${path}"] button`);
  assert.equal(await item.count(), 1, `one diagnostic about ${path}`);
  await item.click();
}

/** The article text a claim's highlights in the preview cover, in order (the screen readers'
 * label inside a highlight, `.cr-sr`, left out). */
function previewText(page, id) {
  return page.evaluate((id) => {
    const marks = document.querySelectorAll(`.ed-preview .claim-reader mark.cr-passage[data-claim~="${id}"]`);
    const text = (node) => (node.nodeType === Node.TEXT_NODE ? node.data : node.classList?.contains('cr-sr') ? '' : [...node.childNodes].map(text).join(''));
    return [...marks].map(text).join('');
  }, id);
}

describe('editor: the seed article annotated from its text alone (desktop, 1280 px)', () => {
  let env;
  let tmp;
  before(async () => {
    env = await openEnvironment('editor-desktop', DESKTOP);
    tmp = await mkdtemp(join(tmpdir(), 'claim-reader-editor-'));
  });
  after(async () => {
    await env?.close();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  test('the seed’s 12 claims made by selecting words export a file that checks and tables as the seed', async () => {
    const { page, errors } = await openEditor(env);
    try {
      // Start: the headline and the paragraphs pasted, a blank line between them.
      await page.fill('#ed-headline', SEED.article.headline);
      await page.fill('#ed-text', SEED.article.paragraphs.join('\n\n'));
      await page.getByRole('button', { name: 'Start annotating' }).click();
      await page.locator('.ed[data-ready="true"]').waitFor();
      assert.equal(await page.locator('.ed-paragraph').count(), SEED.article.paragraphs.length);
      assert.equal(await page.locator('.ed-check-summary').innerText(), 'ok — 0 claims, 0 placed, 0 parties, 0 issues');
      await page.locator('.ed-preview .claim-reader[data-ready="true"]').waitFor();

      // The seed's claims by selecting their words, each party and issue added where it is first
      // needed, in the seed's order of parties and of issues (the table's order). `as` is the id
      // the editor gives: party-issue, -2 when taken.
      const made = [
        { id: 'us-army-push', addParty: true, addIssue: true, as: 'us-ukraine-military' },
        { id: 'us-army-witkoff', as: 'us-ukraine-military-2' },
        { id: 'ru-demilitarize', addParty: true, as: 'russia-ukraine-military' },
        { id: 'us-zaporizhzhia', addIssue: true, as: 'us-zaporizhzhia-plant' },
        { id: 'us-dnieper', addIssue: true, as: 'us-land-and-access' },
        { id: 'us-kharkiv', as: 'us-land-and-access-2' },
        { id: 'ru-recognition', keyboard: true, as: 'russia-territorial-recognition' },
        { id: 'us-crimea', as: 'us-territorial-recognition' },
        { id: 'ua-no-concessions', addParty: true, as: 'ukraine-territorial-recognition' },
        { id: 'us-guarantees', addIssue: true, as: 'us-security-guarantees' },
        { id: 'us-concessions', addIssue: true, as: 'us-mutual-concessions' },
        { id: 'us-deal-soon', addIssue: true, as: 'us-quick-deal' },
      ];
      for (const [n, m] of made.entries()) {
        const claim = seedClaim(m.id);
        if (m.keyboard) {
          await keyboardClaim(page, claim);
        } else {
          await selectWords(page, claim.quote.paragraph, claim.quote.exact);
          await formFor(page, claim);
          if (n === 0) {
            await page.screenshot({ path: join(ARTIFACTS, 'editor-desktop-form.png'), fullPage: false });
            await axeCheck(page, 'editor with the claim form open');
          }
          await party(page, claim.party, m.addParty);
          await issue(page, claim.issue, m.addIssue);
          await finishClaim(page, claim);
        }
        // Adding a claim leaves the focus on the list of claims, after the article.
        await until(async () => (await page.evaluate(() => document.activeElement?.id)) === 'ed-claims-title', `the focus on the list after ${m.id}`);
        assert.equal(await page.locator('#ed-claims-title').innerText(), `Claims (${n + 1})`);
      }

      // The check and the preview follow every change: each highlight on its words, and the
      // stance table the seed's, cell for cell.
      assert.equal(await page.locator('.ed-check-summary').innerText(), 'ok — 12 claims, 12 placed, 3 parties, 7 issues');
      assert.equal(await page.locator('.ed-diagnostic').count(), 0);
      for (const m of made) {
        await until(async () => (await previewText(page, m.as)) === seedClaim(m.id).quote.exact, `the preview highlights ${m.as}`);
      }
      const cells = await page
        .locator('.ed-preview table.cr-stance-table:visible td[data-party][data-issue]')
        .evaluateAll((tds) => Object.fromEntries(tds.map((td) => [`${td.dataset.party}|${td.dataset.issue}`, td.dataset.stance])));
      assert.equal(Object.keys(cells).length, 21);
      assert.deepEqual(cells, TABLE, "the preview's stance table is the seed's");
      assert.deepEqual(
        await page.locator('.ed-entries li').evaluateAll((lis) => lis.map((li) => li.dataset.target)),
        [...SEED.parties.map((_, i) => `parties[${i}]`), ...SEED.issues.map((_, i) => `issues[${i}]`)],
        'the parties and issues listed under the claims',
      );
      await axeCheck(page, 'editor with twelve claims');
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(ARTIFACTS, 'editor-desktop.png'), fullPage: true });

      // Export: a download, pretty-printed in the documented order, that the command accepts.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export claims file' }).click()]);
      assert.match(download.suggestedFilename(), /^us-to-push-russia.*\.json$/);
      const file = join(tmp, download.suggestedFilename());
      await download.saveAs(file);
      const text = await readFile(file, 'utf8');
      assert.ok(text.startsWith('{\n  "format": "claim-reader/1",\n  "article": {\n    "headline": '), text.slice(0, 120));
      const exported = JSON.parse(text);
      assert.deepEqual(exported.article.paragraphs, SEED.article.paragraphs);
      assert.deepEqual(exported.claims.map((c) => c.id), made.map((m) => m.as));
      for (const [i, m] of made.entries()) {
        const [got, want] = [exported.claims[i], seedClaim(m.id)];
        assert.deepEqual(got.quote, want.quote, `${m.id}.quote`);
        assert.deepEqual(Object.keys(got), CLAIM_FIELDS.filter((k) => k in got), `${m.id}: fields in the documented order`);
        for (const k of ['party', 'issue', 'stance', 'certainty', 'summary', 'attribution']) assert.deepEqual(got[k], want[k], `${m.id}.${k}`);
        assert.equal(got.hedge, want.hedge, `${m.id}.hedge`);
      }
      // The seed's parties, aliases and all, and its issues.
      assert.deepEqual(exported.parties, SEED.parties);
      assert.deepEqual(exported.issues, SEED.issues);
      const checked = check(file);
      assert.equal(checked.status, 0, checked.out);
      assert.doesNotMatch(checked.out, /^error/m);
      assert.match(checked.out, /: ok — 12 claims, 12 placed, 3 parties, 7 issues$/m);
      // The stance table as the command writes it (every party × issue cell, its stance and
      // how many passages), the same for the export as for the seed.
      const [ours, seeds] = [command('export', '--to', 'markdown', file), command('export', '--to', 'markdown', join(REPO, 'static/seed.json'))];
      assert.equal(ours.status, 0, ours.out);
      assert.equal((ours.stdout.match(/^\| \*\*/gm) ?? []).length, 3, ours.stdout);
      assert.equal(ours.stdout, seeds.stdout);

      // Other formats: each download is byte for byte what the command's export writes.
      await page.getByText('Other formats').click();
      await axeCheck(page, 'other formats open');
      const formats = [
        ['Claims as CSV', 'csv-claims', /-claims\.csv$/],
        ['Stance table as CSV', 'csv', /-stance-table\.csv$/],
        ['Stance table as Markdown', 'markdown', /-stance-table\.md$/],
        ['Claims as W3C Web Annotations', 'w3c', /-annotations\.jsonld$/],
      ];
      for (const [label, to, name] of formats) {
        const [other] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label }).click()]);
        assert.match(other.suggestedFilename(), name);
        const saved = join(tmp, other.suggestedFilename());
        await other.saveAs(saved);
        const want = command('export', '--to', to, file);
        assert.equal(want.status, 0, want.out);
        assert.equal(await readFile(saved, 'utf8'), want.stdout, `${label}: as the command writes it`);
      }
      await page.screenshot({ path: join(ARTIFACTS, 'editor-other-formats.png') });
    } finally {
      await page.close();
    }
    assert.deepEqual(errors, [], 'the page logged errors');
  });
});

describe('editor: claims files opened, and diagnostics that lead to what they name (desktop, 1280 px)', () => {
  let env;
  let tmp;
  before(async () => {
    env = await openEnvironment('editor-open', DESKTOP);
    tmp = await mkdtemp(join(tmpdir(), 'claim-reader-editor-open-'));
  });
  after(async () => {
    await env?.close();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  test('a file picked opens; the same words twice in a paragraph keep the words around them', async () => {
    const { page, errors } = await openEditor(env);
    try {
      // A paragraph added to the seed in which the same words occur twice.
      const twice = 'Ukraine says it wants peace soon; Russia says it wants peace too, but on its own terms.';
      const file = seedWith((s) => s.article.paragraphs.push(twice));
      const input = page.getByLabel('A claims file (.json)');
      assert.equal(await input.getAttribute('accept'), '.json,application/json');
      await input.setInputFiles({ name: 'seed-and-more.json', mimeType: 'application/json', buffer: Buffer.from(file) });
      await page.locator('.ed[data-ready="true"]').waitFor();
      assert.equal(await page.locator('.ed-check-summary').innerText(), 'ok — 12 claims, 12 placed, 3 parties, 7 issues');
      assert.equal(await page.locator('.ed-claim').count(), 12);
      assert.equal(await page.locator('.ed-headline').innerText(), SEED.article.headline);
      assert.equal(await page.locator('.ed-paragraph').count(), 10);
      assert.equal(await page.locator('.ed-notice').innerText(), '', 'nothing to say: nothing was replaced or left out');

      // The second "says it wants peace": Russia's.
      const p = SEED.article.paragraphs.length;
      const words = 'says it wants peace';
      const second = twice.indexOf(words, twice.indexOf(words) + 1);
      await selectWords(page, p, words, 1);
      await formFor(page, { quote: { exact: words, paragraph: p, start: second } });
      assert.match(await page.locator('.ed-claim-form .ed-quote-where').innerText(), /these words occur more than once here, so the words around them are kept/);
      await party(page, 'russia', false);
      await issue(page, 'quick-deal', false);
      await finishClaim(page, {
        stance: 'supports',
        certainty: 'certain',
        summary: 'Russia wants peace on its own terms.',
        attribution: { reported_by: 'Anadolu Agency' },
        quote: { exact: words },
      });
      assert.equal(await page.locator('.ed-check-summary').innerText(), 'ok — 13 claims, 13 placed, 3 parties, 7 issues');
      // The preview highlights the second occurrence, not the first.
      await until(async () => (await previewText(page, 'russia-quick-deal')) === words, 'the preview highlights the new claim');
      const before = await page.evaluate(() => {
        const mark = document.querySelector('.ed-preview mark.cr-passage[data-claim~="russia-quick-deal"]');
        const range = document.createRange();
        range.selectNodeContents(mark.closest('p'));
        range.setEndBefore(mark);
        return range.toString();
      });
      assert.ok(before.endsWith('soon; Russia '), `the highlight follows "${before}"`);

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export claims file' }).click()]);
      const saved = join(tmp, download.suggestedFilename());
      await download.saveAs(saved);
      const added = JSON.parse(await readFile(saved, 'utf8')).claims.at(-1);
      assert.deepEqual(added.quote, { exact: words, prefix: 'it wants peace soon; Russia ', suffix: ' too, but on its own terms.', paragraph: p, start: second });
      const checked = check(saved);
      assert.equal(checked.status, 0, checked.out);
      assert.match(checked.out, /: ok — 13 claims, 13 placed, 3 parties, 7 issues$/m);
    } finally {
      await page.close();
    }
    assert.deepEqual(errors, [], 'the page logged errors');
  });

  test('W3C Web Annotations and a claims CSV open over the article in place of its claims, and one undo takes them back', async () => {
    const { page, errors } = await openEditor(env);
    try {
      const annotations = command('export', '--to', 'w3c', join(REPO, 'static/seed.json'));
      assert.equal(annotations.status, 0, annotations.out);
      const asFile = (name, text, mimeType = 'application/ld+json') => ({ name, mimeType, buffer: Buffer.from(text) });
      // The seed's article with three of its claims.
      const three = seedWith((s) => (s.claims = s.claims.slice(0, 3)));
      await page.getByLabel('A claims file (.json)').setInputFiles(asFile('three.json', three, 'application/json'));
      await page.locator('.ed[data-ready="true"]').waitFor();
      assert.equal(await summary(page), 'ok — 3 claims, 3 placed, 3 parties, 7 issues');
      const opener = page.getByLabel('Open a file');
      assert.match(await opener.getAttribute('accept'), /\.jsonld/);
      await opener.setInputFiles(asFile('seed.jsonld', annotations.stdout));
      await until(async () => (await claimIds(page)).length === 12, 'the annotations\' twelve claims');
      assert.deepEqual(await claimIds(page), SEED.claims.map((c) => c.id));
      assert.equal(await summary(page), 'ok — 12 claims, 12 placed, 3 parties, 7 issues');
      await page.locator('.ed-preview .claim-reader[data-ready="true"]').waitFor();
      assert.equal(await previewText(page, 'us-crimea'), seedClaim('us-crimea').quote.exact);
      await page.getByRole('button', { name: 'Undo' }).click();
      await until(async () => (await claimIds(page)).length === 3, 'undone');
      assert.equal(await said(page), 'Undid: open annotations: 12 claims, 12 placed');
      // Annotations naming a party the article does not have open nothing, and say why.
      const stranger = annotations.stdout.replace('"party": "us"', '"party": "usa"');
      await opener.setInputFiles(asFile('stranger.jsonld', stranger));
      await until(async () => (await page.locator('.ed-notice').innerText()).startsWith('The annotations could not be opened: '), 'the refusal');
      assert.match(await page.locator('.ed-notice').innerText(), /"usa".*\(line \d+, column \d+\)/);
      assert.equal((await claimIds(page)).length, 3);

      // The claims CSV, as a spreadsheet saves it again (no type given, CRLF kept): the same.
      const csv = command('export', '--to', 'csv-claims', join(REPO, 'static/seed.json'));
      assert.equal(csv.status, 0, csv.out);
      assert.match(await opener.getAttribute('accept'), /\.csv/);
      await opener.setInputFiles(asFile('claims.csv', csv.stdout, ''));
      await until(async () => (await claimIds(page)).length === 12, 'the CSV\'s twelve claims');
      assert.deepEqual(await claimIds(page), SEED.claims.map((c) => c.id));
      assert.equal(await summary(page), 'ok — 12 claims, 12 placed, 3 parties, 7 issues');
      // A stance the format does not have: nothing opens, and the notice names row and column.
      await opener.setInputFiles(asFile('typo.csv', csv.stdout.replace(',demands,', ',demand,'), 'text/csv'));
      await until(async () => (await page.locator('.ed-notice').innerText()).startsWith('The CSV could not be opened: '), 'the CSV refused');
      assert.match(await page.locator('.ed-notice').innerText(), /unknown stance "demand".*\(line 2, column \d+\)/);
      assert.equal((await claimIds(page)).length, 12);
    } finally {
      await page.close();
    }
    assert.deepEqual(errors, [], 'the page logged errors');
  });

  test('a file dropped opens with its problems, each of which leads to what it names; a broken one says why', async () => {
    const { page, errors } = await openEditor(env);
    try {
      await page.screenshot({ path: join(ARTIFACTS, 'editor-desktop-start.png'), fullPage: true });
      await axeCheck(page, 'the start, with the file picker');

      // Past the format's size limit: not even read.
      const huge = `{"padding": "${'x'.repeat(2 * 1024 * 1024)}"}`;
      await page.getByLabel('A claims file (.json)').setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.from(huge) });
      await until(async () => (await page.locator('.ed-notice').innerText()) !== '', 'the huge file refused');
      assert.equal(
        await page.locator('.ed-notice').innerText(),
        `"huge.json" could not be opened: it is ${huge.length} bytes, more than the limit of 2097152 for a claims file.`,
      );
      assert.equal(await page.locator('.ed-start').count(), 1, 'still at the start');

      // Claim 4 names a party no one declared, and issue 2 has no label: the file opens, and
      // the check lists both, in file order, the command's words, line and column.
      const broken = seedWith((s) => {
        s.claims[3].party = 'moscow';
        s.issues[1].label = '';
      });
      assert.deepEqual(await dropFile(page, '.ed-start', 'broken-claims.json', broken), { over: true, drop: true }, 'the page takes the drop');
      await page.locator('.ed[data-ready="true"]').waitFor();
      assert.equal(await page.locator('.ed-check-summary').innerText(), '2 errors');
      assert.deepEqual(await page.locator('.ed-check .ed-diagnostic').evaluateAll((lis) => lis.map((li) => li.dataset.path)), ['issues[1].label', 'claims[3].party']);
      // Lines and columns in the file as the editor writes it, the one the check reads.
      assert.match(
        await page.locator('.ed-check .ed-diagnostic[data-path="claims[3].party"]').innerText(),
        /^error: unknown party "moscow"\n--> claims file:\d+:\d+ \(claims\[3\]\.party\)\n= help: expected one of: us, russia, ukraine\nGo to claim 4, its party$/,
      );
      assert.ok(await page.getByRole('button', { name: 'Export claims file' }).isDisabled(), 'no export while the check finds errors');

      // Chosen, a diagnostic takes the editor to what it names: focused, on the screen, marked.
      await page.evaluate(() => window.scrollTo(0, 0));
      await followDiagnostic(page, 'claims[3].party');
      // A claim's field: the claim's form opens on its words, the field focused and marked.
      let at = await locatedFocus(page);
      assert.deepEqual({ tag: at.tag, target: at.target, located: at.located, onScreen: at.onScreen }, { tag: 'select', target: 'claims[3].party', located: true, onScreen: true }, JSON.stringify(at));
      assert.equal(await page.locator('#ed-claim-form-title').innerText(), `Edit claim ${SEED.claims[3].id}`);
      assert.equal(await page.evaluate(() => document.activeElement.id), 'ed-party');
      assert.equal(
        await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle),
        'solid',
        'the field is marked',
      );
      await page.screenshot({ path: join(ARTIFACTS, 'editor-desktop-diagnostic.png'), fullPage: false });
      // Fixed there, the diagnostic goes: Russia is the party the file meant.
      await page.selectOption('#ed-party', 'russia');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await until(async () => (await page.locator('.ed-check-summary').innerText()) === '1 error', 'the party error is fixed in the form');
      await page.getByRole('button', { name: 'Undo' }).click();
      await until(async () => (await page.locator('.ed-check-summary').innerText()) === '2 errors', 'undone, for what follows');
      // With the keyboard: Tab back to the check's other diagnostic, Enter.
      await page.locator('.ed-check .ed-diagnostic[data-path="issues[1].label"] button').focus();
      await page.keyboard.press('Enter');
      at = await focused(page);
      assert.deepEqual({ tag: at.tag, target: at.target, located: at.located, onScreen: at.onScreen }, { tag: 'span', target: 'issues[1].label', located: true, onScreen: true }, JSON.stringify(at));
      assert.equal(await page.locator('[data-located]').count(), 1, 'only the last place is marked');
      await axeCheck(page, 'the check with diagnostics that lead to their fields');

      // Not JSON: nothing opens, and the command's words say where and why.
      assert.deepEqual(await dropFile(page, '.ed-source', 'not-json.json', '{\n  "format": "claim-reader/1",\n  oops\n}'), { over: true, drop: true });
      const notice = page.locator('.ed-notice');
      await until(async () => (await notice.innerText()).startsWith('The file could not be opened: error: not valid JSON'), 'the broken file refused');
      assert.match(await notice.innerText(), /\(line 3, column 3\)$/);
      assert.equal(
        await page.locator('.ed-refused .ed-diagnostic').innerText(),
        'error: not valid JSON: expected a field name in double quotes\n--> claims file:3:3',
      );
      assert.equal(await page.locator('.ed-claim').count(), 12, 'the file being annotated is kept');
      assert.equal(await page.locator('.ed-check-summary').innerText(), '2 errors');

      // A stance missing: the editor would have to choose one, so nothing opens (the picker in the bar).
      const noStance = seedWith((s) => delete s.claims[2].stance);
      await page.getByLabel('Open a file').setInputFiles({ name: 'no-stance.json', mimeType: 'application/json', buffer: Buffer.from(noStance) });
      await until(async () => (await notice.innerText()).includes('missing required field "stance"'), 'the file without a stance refused');
      assert.match(await notice.innerText(), /^The file could not be opened: error at claims\[2\]\.stance: missing required field "stance" in claims\[2\] \(line \d+, column \d+\)$/);
      assert.equal(await page.locator('.ed-refused .ed-diagnostic').count(), 1);
      assert.equal(await page.locator('.ed-refused button').count(), 0, 'a file not open has nowhere to lead');

      // A quote the article lacks is a warning: it opens, in place of the file before, and the
      // warning leads to its claim's form, at the quote, where other words can be selected.
      const unplaced = seedWith((s) => (s.claims[7].quote.exact = 'words the article lacks'));
      await dropFile(page, '.ed-check', 'unplaced.json', unplaced);
      await until(async () => (await page.locator('.ed-check-summary').innerText()) === 'ok, 1 warning — 12 claims, 11 placed, 3 parties, 7 issues', 'the file with a warning opened');
      assert.equal(await notice.innerText(), 'The file opened in place of the article you were annotating.');
      assert.equal(await page.locator('.ed-refused').count(), 0);
      await followDiagnostic(page, 'claims[7].quote.exact');
      at = await locatedFocus(page);
      assert.deepEqual({ target: at.target, onScreen: at.onScreen }, { target: 'claims[7].quote', onScreen: true }, JSON.stringify(at));
      assert.equal(await page.locator('#ed-claim-form-title').innerText(), `Edit claim ${SEED.claims[7].id}`);
      assert.ok(await page.getByRole('button', { name: 'Export claims file' }).isEnabled());
    } finally {
      await page.close();
    }
    // The preview is the reader, which tells a page's author of a file's errors in the console
    // each time it reads the file: those two, and nothing else.
    const expected = /^console error: claim-reader: error at (issues\[1\]\.label|claims\[3\]\.party): /;
    const logged = new Set(errors.filter((e) => expected.test(e)).map((e) => e.match(expected)[1]));
    assert.deepEqual([...logged].sort(), ['claims[3].party', 'issues[1].label'], errors.join('\n'));
    assert.deepEqual(errors.filter((e) => !expected.test(e)), [], 'the page logged errors');
  });
});

describe('editor: the seed opened on a phone (375 px, touch)', () => {
  let env;
  before(async () => {
    env = await openEnvironment('editor-mobile', MOBILE);
  });
  after(async () => {
    await env?.close();
  });

  test('the seed opens with its 12 claims, and a selection opens the form within the screen', async () => {
    const { page, errors } = await openEditor(env);
    try {
      await page.getByRole('button', { name: 'Open the seed article instead' }).tap();
      await page.locator('.ed[data-ready="true"]').waitFor();
      assert.equal(await page.locator('.ed-check-summary').innerText(), 'ok — 12 claims, 12 placed, 3 parties, 7 issues');
      assert.equal(await page.locator('.ed-claim').count(), 12);
      await page.locator('.ed-preview .claim-reader[data-ready="true"]').waitFor();
      assert.equal(await previewText(page, 'us-crimea'), seedClaim('us-crimea').quote.exact);

      // The same words twice in one paragraph: the quote keeps the words around them.
      await selectWords(page, 1, 'the', 1);
      const where = page.locator('.ed-claim-form .ed-quote-where');
      await where.waitFor();
      assert.match(await where.innerText(), /occur more than once here/);
      const box = await page.locator('.ed-claim-form').boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= 375, `the form fits the screen (${box.x}, ${box.width})`);
      assert.ok((await horizontalOverflow(page)) <= 0, 'nothing wider than the screen');
      await axeCheck(page, 'editor on a phone, form open');
      await page.screenshot({ path: join(ARTIFACTS, 'editor-mobile.png'), fullPage: false });
      // Dark, as the system prefers it: the same checks.
      await page.emulateMedia({ colorScheme: 'dark' });
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(21, 21, 21)');
      await axeCheck(page, 'editor on a phone, dark, form open');
      await page.screenshot({ path: join(ARTIFACTS, 'editor-mobile-dark.png'), fullPage: false });
      await page.getByRole('button', { name: 'Cancel' }).tap();
      assert.equal(await page.locator('.ed-claim-form').count(), 0);
    } finally {
      await page.close();
    }
    assert.deepEqual(errors, [], 'the page logged errors');
  });

  test('the start offers a file; one dropped opens, and a diagnostic leads to its claim within the screen', async () => {
    const { page, errors } = await openEditor(env);
    try {
      const picker = page.getByLabel('A claims file (.json)');
      await picker.scrollIntoViewIfNeeded();
      const box = await page.locator('.ed-open').boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= 375, `the file picker fits the screen (${box.x}, ${box.width})`);
      assert.ok((await horizontalOverflow(page)) <= 0, 'nothing wider than the screen');
      await page.screenshot({ path: join(ARTIFACTS, 'editor-mobile-start.png'), fullPage: false });
      await axeCheck(page, 'the start on a phone');

      const unplaced = seedWith((s) => (s.claims[10].quote.exact = 'words the article lacks'));
      assert.deepEqual(await dropFile(page, '.ed-start', 'unplaced.json', unplaced), { over: true, drop: true });
      await page.locator('.ed[data-ready="true"]').waitFor();
      assert.equal(await page.locator('.ed-check-summary').innerText(), 'ok, 1 warning — 12 claims, 11 placed, 3 parties, 7 issues');
      const diagnostic = page.locator('.ed-check .ed-diagnostic[data-path="claims[10].quote.exact"] button');
      await diagnostic.scrollIntoViewIfNeeded();
      assert.ok((await horizontalOverflow(page)) <= 0, 'nothing wider than the screen');
      await page.screenshot({ path: join(ARTIFACTS, 'editor-mobile-check.png'), fullPage: false });
      await diagnostic.tap();
      const at = await locatedFocus(page);
      assert.deepEqual({ target: at.target, onScreen: at.onScreen }, { target: 'claims[10].quote', onScreen: true }, JSON.stringify(at));
      assert.equal(await page.locator('#ed-claim-form-title').innerText(), `Edit claim ${SEED.claims[10].id}`);
      await page.screenshot({ path: join(ARTIFACTS, 'editor-mobile-located.png'), fullPage: false });
      await axeCheck(page, 'a diagnostic followed on a phone');
    } finally {
      await page.close();
    }
    assert.deepEqual(errors, [], 'the page logged errors');
  });
});

// Editing and deleting with undo and redo, and the draft kept in the browser's storage.

const DRAFT_KEY = 'claim-reader-editor/draft';

/** Opens the editor with nothing saved in the browser (the tests of one block share a profile),
 * `init` run before the page's own scripts on every load. */
async function openBlankEditor(env, init) {
  const page = await env.context.newPage();
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
  if (init) await page.addInitScript(init);
  await page.goto(`${env.server.url}editor/`);
  await page.evaluate(() => {
    try {
      localStorage.clear();
    } catch {
      // Storage made unavailable by `init`: there is nothing to clear.
    }
  });
  await page.reload();
  await page.locator('#ed-headline').waitFor({ timeout: 20_000 });
  return { page, errors };
}

async function openSeed(page) {
  await page.getByRole('button', { name: 'Open the seed article instead' }).click();
  await page.locator('.ed[data-ready="true"]').waitFor();
  await page.locator('.ed-preview .claim-reader[data-ready="true"]').waitFor();
}

const claimIds = (page) => page.locator('.ed-claim').evaluateAll((items) => items.map((li) => li.dataset.claim));
const focusedName = (page) => page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent}`);
const summary = (page) => page.locator('.ed-check-summary').innerText();
const said = (page) => page.locator('.ed-said').innerText();
const stanceIn = (page, party, issue) =>
  page.locator(`.ed-preview table.cr-stance-table:visible td[data-party="${party}"][data-issue="${issue}"]`).first().getAttribute('data-stance');

describe('editor: edit, delete, undo and redo, autosave (desktop, 1280 px)', () => {
  let env;
  before(async () => {
    env = await openEnvironment('editor-edit', DESKTOP);
  });
  after(async () => {
    await env?.close();
  });

  test('a claim edited takes its new words and stance in the preview, keeps its id, and Ctrl+Z undoes it', async () => {
    const { page, errors } = await openBlankEditor(env);
    try {
      await openSeed(page);
      const claim = seedClaim('us-crimea');
      assert.equal(await previewText(page, 'us-crimea'), claim.quote.exact);
      assert.equal(await stanceIn(page, 'us', 'territorial-recognition'), 'proposes');

      await page.getByRole('button', { name: 'Edit claim us-crimea' }).click();
      const form = page.getByRole('form', { name: 'Edit claim us-crimea' });
      await form.waitFor();
      await until(async () => (await page.evaluate(() => document.activeElement?.id)) === 'ed-claim-form-title', 'the focus on the form');
      // Filled with the claim.
      assert.equal(await page.inputValue('#ed-party'), 'us');
      assert.equal(await page.inputValue('#ed-issue'), 'territorial-recognition');
      assert.equal(await page.inputValue('#ed-stance'), 'proposes');
      assert.equal(await page.inputValue('#ed-certainty'), 'uncommitted');
      assert.equal(await page.inputValue('#ed-hedge'), 'reportedly');
      assert.equal(await page.inputValue('#ed-summary'), claim.summary);
      assert.equal(await page.inputValue('#ed-reported-by'), claim.attribution.reported_by);
      assert.equal(await page.locator('.ed-claim-form .ed-quote-words').innerText(), `“${claim.quote.exact}”`);
      assert.equal(await form.getByRole('button', { name: 'Save changes' }).count(), 1);
      assert.equal(await form.getByRole('button', { name: 'Add claim' }).count(), 0);
      await axeCheck(page, 'editor with a claim being edited');
      await form.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(ARTIFACTS, 'editor-edit-form.png'), fullPage: false });

      // Fewer words, and another stance.
      const words = 'proposed recognizing Crimea as Russian territory';
      await selectWords(page, claim.quote.paragraph, words);
      await until(async () => (await page.locator('.ed-claim-form .ed-quote-words').innerText()) === `“${words}”`, 'the new words in the form');
      assert.equal(await page.inputValue('#ed-summary'), claim.summary, 'the rest of the form stays as it was');
      await page.selectOption('#ed-stance', 'opposes');
      await form.getByRole('button', { name: 'Save changes' }).click();
      await until(async () => (await page.locator('.ed-claim-form').count()) === 0, 'the form closes');
      await until(async () => (await previewText(page, 'us-crimea')) === words, 'the preview highlights the new words');
      assert.equal(await stanceIn(page, 'us', 'territorial-recognition'), 'opposes');
      assert.match(await page.locator('.ed-claim[data-claim="us-crimea"] .ed-claim-head').innerText(), /^US opposes on /);
      assert.deepEqual(await claimIds(page), SEED.claims.map((c) => c.id), 'the ids and the order are kept');
      assert.equal(await summary(page), 'ok — 12 claims, 12 placed, 3 parties, 7 issues');
      assert.equal(await focusedName(page), 'BUTTON Edit claim us-crimea', 'the focus goes back to where the edit began');

      // Ctrl+Z on the page (not in a text field) undoes the edit, and says so.
      await page.keyboard.press('Control+z');
      await until(async () => (await previewText(page, 'us-crimea')) === claim.quote.exact, 'the edit undone');
      assert.equal(await said(page), 'Undid: edit claim us-crimea');
      assert.equal(await stanceIn(page, 'us', 'territorial-recognition'), 'proposes');

      // An issue relabelled: the list and the preview's table say the new label; its id stays.
      await page.getByRole('button', { name: 'Edit issue Recognising Russian-held land' }).click();
      await until(async () => (await page.evaluate(() => document.activeElement?.id)) === 'ed-edit-issue-label', 'the focus on the label');
      await page.fill('#ed-edit-issue-label', 'Recognising occupied land');
      await page.getByRole('button', { name: 'Save changes' }).click();
      const relabelled = page.locator('.ed-entries li[data-issue="territorial-recognition"] .ed-entry-name');
      await until(async () => (await relabelled.innerText()) === 'Recognising occupied land', 'the issue relabelled');
      await until(
        async () => (await page.locator('.ed-preview table.cr-stance-table:visible').first().innerText()).includes('Recognising occupied land'),
        'the preview’s table relabelled',
      );
      assert.equal(await stanceIn(page, 'us', 'territorial-recognition'), 'proposes', 'the claims keep the issue');
      assert.equal(await focusedName(page), 'BUTTON Edit issue Recognising occupied land');
      await page.keyboard.press('Control+z');
      await until(async () => (await relabelled.innerText()) === 'Recognising Russian-held land', 'the label undone');
      assert.equal(await said(page), 'Undid: edit issue Recognising occupied land');
    } finally {
      await page.close();
    }
    assert.deepEqual(errors, [], 'the page logged errors');
  });

  test('deleting a party that claims use asks first, names them, and undo and redo bring them back and take them again', async () => {
    const { page, errors } = await openBlankEditor(env);
    try {
      await openSeed(page);
      const redo = page.getByRole('button', { name: 'Redo' });
      const undo = page.getByRole('button', { name: 'Undo' });
      assert.equal(await redo.getAttribute('aria-disabled'), 'true', 'nothing to redo yet');
      assert.equal(await undo.getAttribute('aria-disabled'), 'false', 'opening the seed can be undone');
      const ru = SEED.claims.filter((c) => c.party === 'russia').map((c) => c.id);
      assert.deepEqual(ru, ['ru-demilitarize', 'ru-recognition']);

      // Asked first; Escape keeps everything, the focus back on the button.
      const deleteRussia = page.getByRole('button', { name: 'Delete party Russia' });
      await deleteRussia.click();
      const dialog = page.getByRole('alertdialog', { name: 'Delete the party Russia?' });
      await dialog.waitFor();
      assert.equal(await dialog.locator('#ed-dialog-question').innerText(), '2 claims use Russia: ru-demilitarize, ru-recognition. Delete the party and these claims?');
      await until(async () => (await focusedName(page)) === 'BUTTON Cancel', 'the focus starts on Cancel, which loses nothing');
      await axeCheck(page, 'the confirmation before deleting a party');
      await page.screenshot({ path: join(ARTIFACTS, 'editor-confirm-delete.png'), fullPage: false });
      await page.keyboard.press('Escape');
      await until(async () => (await dialog.count()) === 0, 'Escape closes the question');
      await until(async () => (await focusedName(page)) === 'BUTTON Delete party Russia', 'the focus back on Delete');
      assert.equal((await claimIds(page)).length, 12);

      // With the keyboard: Enter asks again, Shift+Tab to "Delete party and claims", Enter.
      await page.keyboard.press('Enter');
      await dialog.waitFor();
      await until(async () => (await focusedName(page)) === 'BUTTON Cancel', 'asked again, the focus on Cancel');
      await page.keyboard.press('Shift+Tab');
      assert.equal(await focusedName(page), 'BUTTON Delete party and claims');
      await page.keyboard.press('Enter');
      await until(async () => (await claimIds(page)).length === 10, 'the party’s claims gone');
      const left = SEED.claims.map((c) => c.id).filter((id) => !ru.includes(id));
      assert.deepEqual(await claimIds(page), left);
      assert.equal(await page.locator('[data-party="russia"]').count(), 0, 'the party is gone from the list and the preview');
      assert.equal(await summary(page), 'ok — 10 claims, 10 placed, 2 parties, 7 issues');
      await until(async () => (await page.evaluate(() => document.activeElement?.id)) === 'ed-parties-title', 'the focus on the parties’ heading');

      // The buttons: undo brings them back in their places, redo takes them again.
      await undo.click();
      await until(async () => (await claimIds(page)).length === 12, 'undone');
      assert.deepEqual(await claimIds(page), SEED.claims.map((c) => c.id));
      await until(async () => (await said(page)) === 'Undid: delete party Russia and 2 claims', 'the undo said');
      assert.equal(await summary(page), 'ok — 12 claims, 12 placed, 3 parties, 7 issues');
      assert.equal(await previewText(page, 'ru-demilitarize'), seedClaim('ru-demilitarize').quote.exact);
      assert.equal(await redo.getAttribute('aria-disabled'), 'false');
      await redo.click();
      await until(async () => (await claimIds(page)).length === 10, 'redone');
      await until(async () => (await said(page)) === 'Redid: delete party Russia and 2 claims', 'the redo said');
      assert.equal(await redo.getAttribute('aria-disabled'), 'true');

      // The keys: Ctrl+Z, Ctrl+Shift+Z, and Ctrl+Y.
      await page.keyboard.press('Control+z');
      await until(async () => (await claimIds(page)).length === 12, 'Ctrl+Z undoes');
      await page.keyboard.press('Control+Shift+z');
      await until(async () => (await claimIds(page)).length === 10, 'Ctrl+Shift+Z redoes');
      await page.keyboard.press('Control+z');
      await until(async () => (await claimIds(page)).length === 12, 'Ctrl+Z undoes again');
      await page.keyboard.press('Control+y');
      await until(async () => (await claimIds(page)).length === 10, 'Ctrl+Y redoes');

      // In a text field Ctrl+Z is the browser's: it undoes the typing, not the file.
      await page.getByRole('button', { name: 'Edit party Ukraine' }).click();
      await page.locator('#ed-edit-party-aliases').click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type('\nthe Ukrainian government');
      await page.keyboard.press('Control+z');
      await page.waitForTimeout(300); // as long as a Ctrl+Z on the page takes to show
      assert.equal((await claimIds(page)).length, 10, 'Ctrl+Z in a text field leaves the file alone');
      // A party edited keeps its id and its claims; its aliases are written.
      await page.fill('#ed-edit-party-name', 'Ukrainian government');
      await page.fill('#ed-edit-party-aliases', 'Kyiv\nthe Ukrainian government');
      await page.getByRole('button', { name: 'Save changes' }).click();
      const ukraine = page.locator('.ed-entries li[data-party="ukraine"]');
      await until(async () => (await ukraine.locator('.ed-entry-name').innerText()) === 'Ukrainian government', 'the party renamed');
      assert.equal((await ukraine.locator('.ed-entry-id').innerText()).trim(), 'id ukraine');
      assert.equal(await ukraine.locator('.ed-entry-more').innerText(), 'also: Kyiv, the Ukrainian government');
      assert.match(await page.locator('.ed-claim[data-claim="ua-no-concessions"] .ed-claim-head').innerText(), /^Ukrainian government /);
      assert.equal(await summary(page), 'ok — 10 claims, 10 placed, 2 parties, 7 issues');
      assert.equal(await focusedName(page), 'BUTTON Edit party Ukrainian government');

      // Its id changed: the claims about it follow, in one change that one undo takes back.
      const theirs = SEED.claims.filter((c) => c.party === 'ukraine').map((c) => c.id);
      const moved = `its id ukraine → ua and ${theirs.length} ${theirs.length === 1 ? 'claim' : 'claims'} with it`;
      await page.getByRole('button', { name: 'Edit party Ukrainian government' }).click();
      await page.fill('#ed-edit-party-id', 'ua');
      await page.getByRole('button', { name: 'Save changes' }).click();
      const ua = page.locator('.ed-entries li[data-party="ua"]');
      await until(async () => (await ua.count()) === 1, 'the id changed');
      assert.equal((await ua.locator('.ed-entry-id').innerText()).trim(), 'id ua');
      assert.equal(await ukraine.count(), 0);
      assert.equal(await summary(page), 'ok — 10 claims, 10 placed, 2 parties, 7 issues');
      await until(async () => (await page.locator('.ed-preview th[data-party="ua"]').count()) > 0, 'the preview table has the party by its new id');
      for (const id of theirs) assert.match(await page.locator(`.ed-claim[data-claim="${id}"] .ed-claim-head`).innerText(), /^Ukrainian government /);
      // An id another party has is refused, and says why.
      await page.getByRole('button', { name: 'Edit party Ukrainian government' }).click();
      await page.fill('#ed-edit-party-id', 'us');
      await page.getByRole('button', { name: 'Save changes' }).click();
      const problem = page.locator('form.ed-edit .ed-problem[role="alert"]');
      await problem.waitFor();
      assert.equal(await problem.innerText(), 'The id "us" is taken already.', 'the form stays open and says why');
      assert.equal(await ua.count(), 1);
      await page.getByRole('button', { name: 'Cancel' }).click();
      await page.keyboard.press('Control+z');
      await until(async () => (await ukraine.count()) === 1, 'Ctrl+Z gives the id back');
      await until(async () => (await said(page)) === `Undid: edit party Ukrainian government, ${moved}`, 'the undo said');
      assert.equal(await summary(page), 'ok — 10 claims, 10 placed, 2 parties, 7 issues');
    } finally {
      await page.close();
    }
    assert.deepEqual(errors, [], 'the page logged errors');
  });

  test('a claim made is offered back after a reload and restored; after Start over or Discard nothing is; a damaged draft is said, not dropped', async () => {
    const { page, errors } = await openBlankEditor(env);
    try {
      await page.fill('#ed-headline', SEED.article.headline);
      await page.fill('#ed-text', SEED.article.paragraphs.join('\n\n'));
      await page.getByRole('button', { name: 'Start annotating' }).click();
      await page.locator('.ed[data-ready="true"]').waitFor();
      const claim = seedClaim('us-army-push');
      await selectWords(page, claim.quote.paragraph, claim.quote.exact);
      await formFor(page, claim);
      await party(page, claim.party, true);
      await issue(page, claim.issue, true);
      await finishClaim(page, claim);
      const saved = () => page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY);
      await until(async () => (await saved())?.includes('"id": "us-ukraine-military"'), 'the claim saved in the browser');
      assert.match(await saved(), /^claim-reader-editor draft 1\nsaved-at \d+\n\{\n {2}"format": "claim-reader\/1"/);

      const draft = await saved();

      // Reloaded: the work is offered back, and restored.
      await page.reload();
      const offer = page.getByRole('region', { name: /^Restore your unsaved work from .+\?$/ });
      await offer.waitFor({ timeout: 20_000 });
      assert.match(await offer.innerText(), /“US to push Russia to accept Ukraine's military rights in peace talks: Report”, with 1 claim\./);
      await axeCheck(page, 'the start, unsaved work offered');
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(ARTIFACTS, 'editor-restore-offer.png'), fullPage: false });
      await offer.getByRole('button', { name: 'Restore it' }).click();
      await page.locator('.ed[data-ready="true"]').waitFor();
      assert.deepEqual(await claimIds(page), ['us-ukraine-military']);
      assert.match(await said(page), /^Restored your unsaved work from .+\.$/);
      assert.equal(await summary(page), 'ok — 1 claim, 1 placed, 1 party, 1 issue');
      await page.locator('.ed-preview .claim-reader[data-ready="true"]').waitFor();
      assert.equal(await previewText(page, 'us-ukraine-military'), claim.quote.exact);

      // Start over: the draft goes, so a reload starts afresh.
      page.once('dialog', (d) => d.accept());
      await page.getByRole('button', { name: 'Start over' }).click();
      await page.locator('#ed-headline').waitFor();
      assert.equal(await page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY), null);
      await page.reload();
      await page.locator('#ed-headline').waitFor({ timeout: 20_000 });
      assert.equal(await page.locator('.ed-offer').count(), 0, 'nothing offered after Start over');

      // Discard: the saved work goes for good.
      await page.evaluate(({ key, draft }) => localStorage.setItem(key, draft), { key: DRAFT_KEY, draft });
      await page.reload();
      await offer.waitFor({ timeout: 20_000 });
      await offer.getByRole('button', { name: 'Discard' }).click();
      await until(async () => (await offer.count()) === 0, 'the offer gone');
      assert.match(await said(page), /^Discarded the unsaved work from .+\.$/);
      assert.equal(await page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY), null);
      await page.reload();
      await page.locator('#ed-headline').waitFor({ timeout: 20_000 });
      assert.equal(await page.locator('.ed-offer').count(), 0, 'nothing offered after Discard');

      // A draft that cannot be read: said, kept aside, and the editor starts empty.
      await page.evaluate((key) => localStorage.setItem(key, 'not a draft'), DRAFT_KEY);
      await page.reload();
      await page.locator('#ed-headline').waitFor({ timeout: 20_000 });
      const alert = page.locator('.ed-unreadable[role="alert"]');
      assert.equal(
        await alert.locator('p').first().innerText(),
        'Work saved in this browser could not be restored: it is not a draft this editor saved. It is kept as it is; save its text to look at it, or dismiss it.',
      );
      assert.equal(await page.evaluate(() => localStorage.getItem('claim-reader-editor/unreadable-draft')), 'not a draft');
      await page.getByRole('button', { name: 'Dismiss' }).click();
      assert.equal(await alert.count(), 0);
    } finally {
      await page.close();
    }
    assert.deepEqual(errors, [], 'the page logged errors');
  });

  test('storage that is full or blocked gives a warning that the work is not being saved', async () => {
    // Full: every write throws QuotaExceededError, as a browser whose quota is used up does.
    const full = await openBlankEditor(env, () => {
      Storage.prototype.setItem = function setItem() {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    try {
      const { page } = full;
      assert.equal(await page.locator('.ed-storage-warning').innerText(), '', 'no warning before anything is to be saved');
      await openSeed(page);
      const warning = page.getByRole('alert').filter({ hasText: 'not being saved' });
      await warning.waitFor();
      assert.equal(
        await warning.innerText(),
        "Your work is not being saved: the browser's storage for this page is full. Export the claims file to keep it.",
      );
      assert.ok(await warning.isVisible());
    } finally {
      await full.page.close();
    }
    assert.deepEqual(full.errors, [], 'the page logged errors');

    // Blocked: reading localStorage at all throws, as with storage turned off.
    const blocked = await openBlankEditor(env, () => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('Access is denied for this document.', 'SecurityError');
        },
      });
    });
    try {
      const warning = blocked.page.getByRole('alert').filter({ hasText: 'not being saved' });
      await warning.waitFor();
      assert.equal(
        await warning.innerText(),
        'Your work is not being saved: this browser does not let the page use its storage (private browsing, or storage blocked). Export the claims file to keep it.',
      );
    } finally {
      await blocked.page.close();
    }
    assert.deepEqual(blocked.errors, [], 'the page logged errors');
  });
});

describe('editor: editing and deleting on a phone (375 px, touch)', () => {
  let env;
  before(async () => {
    env = await openEnvironment('editor-edit-mobile', MOBILE);
  });
  after(async () => {
    await env?.close();
  });

  test('the edit form and the question before a deletion fit the screen, light and dark', async () => {
    const { page, errors } = await openBlankEditor(env);
    try {
      await page.getByRole('button', { name: 'Open the seed article instead' }).tap();
      await page.locator('.ed[data-ready="true"]').waitFor();
      await page.getByRole('button', { name: 'Edit claim ua-no-concessions' }).tap();
      const form = page.getByRole('form', { name: 'Edit claim ua-no-concessions' });
      await form.waitFor();
      const box = await form.boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= 375, `the form fits the screen (${box.x}, ${box.width})`);
      assert.ok((await horizontalOverflow(page)) <= 0, 'nothing wider than the screen');
      await form.getByRole('button', { name: 'Cancel' }).tap();
      await until(async () => (await page.locator('.ed-claim-form').count()) === 0, 'the form closed');

      await page.getByRole('button', { name: 'Delete issue Recognising Russian-held land' }).tap();
      const dialog = page.getByRole('alertdialog', { name: 'Delete the issue Recognising Russian-held land?' });
      await dialog.waitFor();
      assert.equal(
        await dialog.locator('#ed-dialog-question').innerText(),
        '3 claims use Recognising Russian-held land: ru-recognition, us-crimea, ua-no-concessions. Delete the issue and these claims?',
      );
      const d = await dialog.boundingBox();
      assert.ok(d.x >= 0 && d.x + d.width <= 375, `the question fits the screen (${d.x}, ${d.width})`);
      await axeCheck(page, 'the question on a phone');
      await page.screenshot({ path: join(ARTIFACTS, 'editor-mobile-confirm.png'), fullPage: false });
      await page.emulateMedia({ colorScheme: 'dark' });
      await axeCheck(page, 'the question on a phone, dark');
      await page.screenshot({ path: join(ARTIFACTS, 'editor-mobile-confirm-dark.png'), fullPage: false });
      await dialog.getByRole('button', { name: 'Delete issue and claims' }).tap();
      await until(async () => (await claimIds(page)).length === 9, 'the issue’s three claims gone');
      await page.getByRole('button', { name: 'Undo' }).tap();
      await until(async () => (await claimIds(page)).length === 12, 'undone by touch');
    } finally {
      await page.close();
    }
    assert.deepEqual(errors, [], 'the page logged errors');
  });
});
