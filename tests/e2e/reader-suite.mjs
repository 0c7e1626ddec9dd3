// Checks that hold in every browser context (desktop and mobile).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  ARTIFACTS,
  ROOT,
  cellOf,
  horizontalOverflow,
  marksWithClass,
  openReader,
  readerTest,
  until,
  visibleTextInPage,
} from './harness.mjs';
import { CLAIMS, HEADLINE, ISSUES, PARTIES, TABLE, cellClaims } from './seed-expectations.mjs';

export function commonTests(getEnv) {
  readerTest(getEnv, 'renders the article with its headline and paragraphs', async ({ page }) => {
    assert.equal((await page.locator(`${ROOT} h1`).innerText()).trim(), HEADLINE);
    const paragraphs = page.locator(`${ROOT} p.cr-paragraph`);
    assert.ok((await paragraphs.count()) >= 9, 'the nine article paragraphs are shown');
    assert.match(await paragraphs.first().evaluate(visibleTextInPage), /^The US will push Russia to acknowledge/);
    const marks = await page.evaluate(() => performance.getEntriesByName('claim-reader:ready', 'mark').length);
    assert.equal(marks, 1, 'performance mark "claim-reader:ready" is set once');
    const tip = page.locator(`${ROOT} [role="tooltip"]`);
    assert.equal(await tip.count(), 1, 'one details element');
    assert.notEqual(await tip.getAttribute('hidden'), null, 'the details start closed (hidden)');
    assert.ok(!(await tip.isVisible()), 'closed details are not visible');
  });

  readerTest(getEnv, 'every claim of the seed is highlighted in the text', async ({ page }) => {
    const locators = await page.locator(`${ROOT} mark.cr-passage`).all();
    const marks = [];
    for (const mark of locators) {
      marks.push({
        ...(await mark.evaluate((m) => ({
          claims: (m.getAttribute('data-claim') ?? '').split(/\s+/).filter(Boolean),
          issue: m.getAttribute('data-issue'),
          tabindex: m.getAttribute('tabindex'),
        }))),
        text: await mark.evaluate(visibleTextInPage),
      });
    }
    assert.ok(marks.length >= 12, `at least one passage per claim, got ${marks.length}`);
    const seen = new Set(marks.flatMap((m) => m.claims));
    assert.deepEqual([...seen].sort(), Object.keys(CLAIMS).sort());
    for (const m of marks) {
      assert.equal(m.tabindex, '0', `passage "${m.text}" is focusable`);
      assert.ok(m.issue in ISSUES, `passage "${m.text}" has a known data-issue (${m.issue})`);
      assert.ok(
        m.claims.some((id) => CLAIMS[id]?.issue === m.issue),
        `data-issue of "${m.text}" is the issue of one of its claims`,
      );
    }
    const crimea = marks.filter((m) => m.claims.includes('us-crimea')).map((m) => m.text).join('');
    assert.match(crimea, /^the Trump administration reportedly proposed recognizing Crimea as Russian territory/);
    assert.match(crimea, /under Moscow’s control$/);
  });

  readerTest(getEnv, 'the stance table shows the expected stance in all 21 cells', async ({ page }) => {
    // Parties down and issues across, or turned where the issues do not fit across.
    const table = page.locator(`${ROOT} table.cr-stance-table:visible`);
    assert.equal(await table.count(), 1, 'one orientation of the table is shown');
    const turned = await table.evaluate((t) => t.classList.contains('cr-turned'));
    const [across, down] = turned ? [['party', PARTIES], ['issue', ISSUES]] : [['issue', ISSUES], ['party', PARTIES]];
    assert.ok((await table.locator('caption').innerText()).trim().length > 0, 'the table has a caption');
    const cols = await table.locator(`th[scope="col"][data-${across[0]}]`).evaluateAll((ths, k) => ths.map((th) => th.dataset[k]), across[0]);
    assert.deepEqual(cols, Object.keys(across[1]));
    const rows = await table.locator(`th[scope="row"][data-${down[0]}]`).evaluateAll((ths, k) => ths.map((th) => th.dataset[k]), down[0]);
    assert.deepEqual(rows, Object.keys(down[1]));
    const cells = await table.locator('td[data-party][data-issue]').evaluateAll((tds) =>
      tds.map((td) => ({
        key: `${td.dataset.party}|${td.dataset.issue}`,
        stance: td.dataset.stance,
        buttons: td.querySelectorAll('button.cr-cell').length,
      })),
    );
    assert.equal(cells.length, 21);
    const actual = Object.fromEntries(cells.map((c) => [c.key, c.stance]));
    assert.deepEqual(actual, TABLE);
    for (const c of cells) {
      const [party, issue] = c.key.split('|');
      const hasClaims = cellClaims(party, issue).length > 0;
      assert.equal(c.buttons, hasClaims ? 1 : 0, `cell ${c.key}: a button exactly when it has claims`);
    }
  });

  readerTest(getEnv, 'a legend button toggles the highlights of its issue', async ({ page }) => {
    const buttons = page.locator(`${ROOT} .cr-legend button[data-issue][aria-pressed]`);
    const issues = await buttons.evaluateAll((bs) => bs.map((b) => b.dataset.issue));
    assert.deepEqual(issues, Object.keys(ISSUES), 'one legend button per issue');
    for (const pressed of await buttons.evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-pressed')))) {
      assert.equal(pressed, 'true', 'all issues are shown at first');
    }
    const issue = 'territorial-recognition';
    const button = page.locator(`${ROOT} .cr-legend button[data-issue="${issue}"]`);
    await button.click();
    await until(async () => (await button.getAttribute('aria-pressed')) === 'false', 'aria-pressed becomes "false"');
    const muted = await marksWithClass(page, 'is-muted');
    for (const m of muted) {
      assert.equal(m.has, m.issue === issue, `mark of ${m.claims.join(' ')} (${m.issue}) muted iff its issue is off`);
    }
    await button.click();
    await until(async () => (await button.getAttribute('aria-pressed')) === 'true', 'aria-pressed back to "true"');
    assert.ok((await marksWithClass(page, 'is-muted')).every((m) => !m.has), 'no mark muted after toggling back');
  });

  readerTest(
    getEnv,
    'no horizontal scroll at 320 px width',
    async ({ page }) => {
      assert.ok((await horizontalOverflow(page)) <= 0, `page scrolls sideways by ${await horizontalOverflow(page)} px`);
    },
    { viewport: { width: 320, height: 640 } },
  );

  test('full-page screenshot', async () => {
    const env = getEnv();
    const { page, errors } = await openReader(env);
    await page.screenshot({ path: join(ARTIFACTS, `${env.name}.png`), fullPage: true });
    await page.close();
    assert.deepEqual(errors, []);
  });
}

/** Clicks (or taps) a cell button and checks that its first passage gets focus and its details. */
export async function activateCellAndCheckFocus(page, party, issue, activate) {
  const first = cellClaims(party, issue)[0];
  await activate(cellOf(page, party, issue).locator('button.cr-cell'));
  const focused = await until(
    () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return el?.matches('mark.cr-passage') ? el.getAttribute('data-claim') : null;
      }),
    `focus moves to the first passage of ${party} × ${issue}`,
  );
  assert.ok(focused.split(/\s+/).includes(first), `focused passage covers ${first} (got "${focused}")`);
  return first;
}
