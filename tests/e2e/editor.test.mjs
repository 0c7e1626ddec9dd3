// The editor page (dist/editor/, its own bundle): an editor pastes the seed article's text, makes
// claims by selecting their words (three through a DOM Range and the page's selection listener,
// one with the keyboard alone: Tab to the paragraph, Shift and the arrow keys), adds parties and
// issues on the way, sees the highlights in the live preview and the check, and exports a file
// that `claim-reader check` accepts with the seed's quotes, paragraphs and starts. Then the seed
// opened on a 375 px phone, light and dark. axe-core on each; screenshots in tests/e2e/artifacts/.

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

const require = createRequire(import.meta.url);
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const SEED = JSON.parse(readFileSync(join(REPO, 'static/seed.json'), 'utf8'));
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
  await until(
    async () => (await where.count()) === 1 && (await where.getAttribute('data-quote-start')) === String(claim.quote.start),
    `the claim form for "${claim.quote.exact}"`,
  );
  assert.equal(await where.getAttribute('data-quote-paragraph'), String(claim.quote.paragraph));
  assert.equal(await page.locator('.ed-claim-form .ed-quote-words').innerText(), `“${claim.quote.exact}”`);
}

/** Picks the claim's party, adding it first when `add`. */
async function party(page, id, add) {
  if (add) {
    const p = seedParty(id);
    await page.getByRole('button', { name: 'New party' }).click();
    await page.fill('#ed-party-name', p.name);
    if (p.short_name) await page.fill('#ed-party-short', p.short_name);
    await page.fill('#ed-party-id', p.id);
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

/** `claim-reader check FILE` with the native binary: its exit status and output. */
function check(file) {
  const run = spawnSync('cargo', ['run', '--quiet', '--bin', 'claim-reader', '--', 'check', file], {
    cwd: REPO,
    encoding: 'utf8',
    timeout: 900_000,
  });
  if (run.error) throw run.error;
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
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

  test('claims made by selecting words export a file that checks with the seed’s quotes', async () => {
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

      // Three claims by selecting their words, parties and issues added on the way.
      const made = [
        { id: 'us-army-push', addParty: true, addIssue: true, as: 'us-ukraine-military' },
        { id: 'ru-demilitarize', addParty: true, addIssue: false, as: 'russia-ukraine-military' },
        { id: 'us-dnieper', addParty: false, addIssue: true, as: 'us-land-and-access' },
      ];
      for (const m of made) {
        const claim = seedClaim(m.id);
        await selectWords(page, claim.quote.paragraph, claim.quote.exact);
        await formFor(page, claim);
        if (m.id === 'us-army-push') {
          await page.screenshot({ path: join(ARTIFACTS, 'editor-desktop-form.png'), fullPage: false });
          await axeCheck(page, 'editor with the claim form open');
        }
        await party(page, claim.party, m.addParty);
        await issue(page, claim.issue, m.addIssue);
        await finishClaim(page, claim);
      }

      // One claim with the keyboard alone: Tab to its paragraph, the caret to its start, Shift
      // and the arrow keys over its words, then the form field by field.
      const keyed = seedClaim('ru-recognition');
      const target = `.ed-paragraph[data-paragraph="${keyed.quote.paragraph}"]`;
      // Adding a claim left the focus on the list of claims, after the article.
      await until(async () => (await page.evaluate(() => document.activeElement?.id)) === 'ed-claims-title', 'the focus on the list of claims');
      for (let i = 0; i < 40 && !(await page.evaluate((t) => document.activeElement?.matches(t), target)); i++) {
        await page.keyboard.press('Shift+Tab');
      }
      assert.ok(await page.evaluate((t) => document.activeElement?.matches(t), target), 'Tab reaches the paragraph');
      await page.keyboard.press('Control+Home');
      await page.keyboard.press('Control+Shift+End');
      await page.keyboard.press('Shift+ArrowLeft'); // the full stop is no part of the quote
      await formFor(page, keyed);
      await page.keyboard.press('Tab'); // the party
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'ed-party');
      await page.keyboard.type('Russia');
      await page.keyboard.press('Tab'); // "New party"
      await page.keyboard.press('Tab'); // the issue
      await page.keyboard.press('Tab'); // "New issue"
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      await page.keyboard.type(seedIssue(keyed.issue).label);
      await page.keyboard.press('Tab');
      await page.keyboard.type(keyed.issue);
      await page.keyboard.press('Tab');
      await page.keyboard.type(seedIssue(keyed.issue).description);
      await page.keyboard.press('Tab'); // "Add issue"
      await page.keyboard.press('Enter');
      await until(async () => (await page.evaluate(() => document.activeElement?.id)) === 'ed-issue', 'the new issue chosen and focused');
      assert.equal(await page.inputValue('#ed-issue'), keyed.issue);
      assert.equal(await page.inputValue('#ed-party'), 'russia');
      await page.keyboard.press('Tab'); // "New issue"
      await page.keyboard.press('Tab'); // stance
      await page.keyboard.type('demands');
      await page.keyboard.press('Tab'); // certainty
      await page.keyboard.type('certain');
      await page.keyboard.press('Tab'); // hedge
      await page.keyboard.press('Tab'); // summary
      await page.keyboard.type(keyed.summary);
      await page.keyboard.press('Tab'); // reported by, offered from the last claim
      await page.keyboard.press('Control+A');
      await page.keyboard.type(keyed.attribution.reported_by);
      await page.keyboard.press('Tab'); // basis
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Delete');
      await page.keyboard.press('Tab'); // via
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Delete');
      await page.keyboard.press('Enter'); // submits the form
      await until(async () => (await page.locator('.ed-claim').count()) === 4, 'the keyboard claim added');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'ed-claims-title', 'the focus goes to the list of claims');
      made.push({ id: keyed.id, as: 'russia-territorial-recognition' });

      // The check and the preview follow every change.
      assert.equal(await page.locator('.ed-check-summary').innerText(), 'ok — 4 claims, 4 placed, 2 parties, 3 issues');
      assert.equal(await page.locator('.ed-diagnostic').count(), 0);
      for (const m of made) {
        await until(async () => (await previewText(page, m.as)) === seedClaim(m.id).quote.exact, `the preview highlights ${m.as}`);
      }
      const cells = await page.locator('.ed-preview table.cr-stance-table:visible td[data-stance]:not([data-stance="none"])').count();
      assert.ok(cells >= 4, `the preview's stance table shows the claims (${cells} cells with a stance)`);
      await axeCheck(page, 'editor with four claims');
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
        const { exact, paragraph, start } = want.quote;
        assert.deepEqual({ exact: got.quote.exact, paragraph: got.quote.paragraph, start: got.quote.start }, { exact, paragraph, start }, m.id);
        assert.deepEqual(Object.keys(got), CLAIM_FIELDS.filter((k) => k in got), `${m.id}: fields in the documented order`);
        for (const k of ['party', 'issue', 'stance', 'certainty', 'summary', 'attribution']) assert.deepEqual(got[k], want[k], `${m.id}.${k}`);
        assert.equal(got.hedge, want.hedge, `${m.id}.hedge`);
      }
      assert.deepEqual(exported.parties, [seedParty('us'), seedParty('russia')].map(({ aliases, ...p }) => p));
      const checked = check(file);
      assert.equal(checked.status, 0, checked.out);
      assert.doesNotMatch(checked.out, /^error/m);
      assert.match(checked.out, /: ok — 4 claims, 4 placed, 2 parties, 3 issues$/m);
    } finally {
      await page.close();
    }
    assert.deepEqual(errors, [], 'the page logged errors');
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
const focused = (page) => page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent}`);
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
      assert.equal(await focused(page), 'BUTTON Edit claim us-crimea', 'the focus goes back to where the edit began');

      // Ctrl+Z on the page (not in a text field) undoes the edit, and says so.
      await page.keyboard.press('Control+z');
      await until(async () => (await previewText(page, 'us-crimea')) === claim.quote.exact, 'the edit undone');
      assert.equal(await said(page), 'Undid: edit claim us-crimea');
      assert.equal(await stanceIn(page, 'us', 'territorial-recognition'), 'proposes');
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
      assert.equal(await focused(page), 'BUTTON Cancel', 'the focus starts on Cancel, which loses nothing');
      await axeCheck(page, 'the confirmation before deleting a party');
      await page.screenshot({ path: join(ARTIFACTS, 'editor-confirm-delete.png'), fullPage: false });
      await page.keyboard.press('Escape');
      await until(async () => (await dialog.count()) === 0, 'Escape closes the question');
      await until(async () => (await focused(page)) === 'BUTTON Delete party Russia', 'the focus back on Delete');
      assert.equal((await claimIds(page)).length, 12);

      // With the keyboard: Enter asks again, Shift+Tab to "Delete party and claims", Enter.
      await page.keyboard.press('Enter');
      await dialog.waitFor();
      await page.keyboard.press('Shift+Tab');
      assert.equal(await focused(page), 'BUTTON Delete party and claims');
      await page.keyboard.press('Enter');
      await until(async () => (await claimIds(page)).length === 10, 'the party’s claims gone');
      const left = SEED.claims.map((c) => c.id).filter((id) => !ru.includes(id));
      assert.deepEqual(await claimIds(page), left);
      assert.equal(await page.locator('[data-party="russia"]').count(), 0, 'the party is gone from the list and the preview');
      assert.equal(await summary(page), 'ok — 10 claims, 10 placed, 2 parties, 7 issues');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'ed-parties-title');

      // The buttons: undo brings them back in their places, redo takes them again.
      await undo.click();
      await until(async () => (await claimIds(page)).length === 12, 'undone');
      assert.deepEqual(await claimIds(page), SEED.claims.map((c) => c.id));
      assert.equal(await said(page), 'Undid: delete party Russia and 2 claims');
      assert.equal(await summary(page), 'ok — 12 claims, 12 placed, 3 parties, 7 issues');
      assert.equal(await previewText(page, 'ru-demilitarize'), seedClaim('ru-demilitarize').quote.exact);
      assert.equal(await redo.getAttribute('aria-disabled'), 'false');
      await redo.click();
      await until(async () => (await claimIds(page)).length === 10, 'redone');
      assert.equal(await said(page), 'Redid: delete party Russia and 2 claims');
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
      await until(async () => (await page.locator('.ed-entity[data-party="ukraine"] .ed-entity-head').innerText()) === 'Ukrainian government', 'the party renamed');
      assert.match(await page.locator('.ed-entity[data-party="ukraine"] .ed-entity-detail').innerText(), /^id ukraine · 1 claim · also “Kyiv”, “the Ukrainian government”$/);
      assert.match(await page.locator('.ed-claim[data-claim="ua-no-concessions"] .ed-claim-head').innerText(), /^Ukrainian government /);
      assert.equal(await summary(page), 'ok — 10 claims, 10 placed, 2 parties, 7 issues');
      assert.equal(await focused(page), 'BUTTON Edit party Ukrainian government');
    } finally {
      await page.close();
    }
    assert.deepEqual(errors, [], 'the page logged errors');
  });

  test('a claim made is back after a reload; after Start over nothing is; a damaged draft is said, not dropped', async () => {
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

      await page.reload();
      await page.locator('.ed[data-ready="true"]').waitFor({ timeout: 20_000 });
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
      assert.equal(await page.locator('.ed[data-ready="true"]').count(), 0);

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
