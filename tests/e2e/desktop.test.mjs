// The reader on a desktop screen (1280×900) with a real mouse and keyboard.

import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import {
  DESKTOP,
  ROOT,
  assertDetailsFor,
  assertInViewport,
  assertNextTo,
  cellOf,
  closedDetails,
  linkedCells,
  markOf,
  marksWithClass,
  mouseOnto,
  openDetails,
  readerTest,
  sleep,
  tooltipOf,
  until,
  useEnvironment,
} from './harness.mjs';
import { activateCellAndCheckFocus, commonTests } from './reader-suite.mjs';
import { CLAIMS, ISSUES, PARTIES, cellClaims } from './seed-expectations.mjs';

const require = createRequire(import.meta.url);

describe('desktop 1280×900', () => {
  const getEnv = useEnvironment('desktop', DESKTOP);

  commonTests(getEnv);

  readerTest(getEnv, 'hovering a passage opens its details inside the viewport', async ({ page }) => {
    const mark = markOf(page, 'us-crimea');
    await mouseOnto(page, mark);
    const { tip, text } = await openDetails(page);
    assertDetailsFor(text, CLAIMS['us-crimea'], PARTIES, ISSUES);
    assert.ok(text.includes('Reported, not confirmed'), `details say how firmly it is reported: ${text}`);
    assert.match(text, /["“‘']reportedly["”’']/, `details quote the hedge word: ${text}`);
    assert.ok(text.includes('Anadolu Agency'), `details say who reports it: ${text}`);
    const id = await tip.getAttribute('id');
    assert.ok(id, 'the details element has an id');
    assert.equal(await mark.getAttribute('aria-describedby'), id, 'the open passage points at its details');
    await assertInViewport(page, tip, 'the details');
    await assertNextTo(tip, mark);
    assert.equal(await page.locator(`${ROOT} [role="tooltip"]`).count(), 1, 'exactly one details element');
  });

  readerTest(getEnv, 'details name the source, its basis and the outlet it came through', async ({ page }) => {
    await mouseOnto(page, markOf(page, 'us-zaporizhzhia'));
    const { tip, text } = await openDetails(page);
    assertDetailsFor(text, CLAIMS['us-zaporizhzhia'], PARTIES, ISSUES);
    for (const part of ['Bloomberg', 'sources familiar with the matter', 'Anadolu Agency']) {
      assert.ok(text.includes(part), `details mention "${part}": ${text}`);
    }
    await assertInViewport(page, tip, 'the details');
  });

  readerTest(getEnv, 'moving the mouse from a passage onto its details keeps them open', async ({ page }) => {
    await mouseOnto(page, markOf(page, 'us-crimea'));
    const { tip } = await openDetails(page);
    await assertInViewport(page, tip, 'the details');
    const box = await tip.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 15 });
    await sleep(800);
    assert.ok(await tip.isVisible(), 'details stay open with the mouse on them');
    assertDetailsFor((await tip.innerText()).replace(/\s+/g, ' '), CLAIMS['us-crimea'], PARTIES, ISSUES);
  });

  readerTest(getEnv, 'the close button closes the details', async ({ page }) => {
    await mouseOnto(page, markOf(page, 'us-crimea'));
    const { tip } = await openDetails(page);
    const close = tip.locator('button.cr-details-close');
    await close.click(); // moves the real mouse onto the button, then clicks
    await closedDetails(page);
  });

  readerTest(getEnv, 'Escape closes the details', async ({ page }) => {
    const mark = markOf(page, 'ru-recognition');
    await mouseOnto(page, mark);
    await openDetails(page);
    await page.keyboard.press('Escape');
    await closedDetails(page);
    assert.equal(await mark.getAttribute('aria-describedby'), null, 'closed details are no longer referenced');
    await sleep(500);
    assert.ok(!(await tooltipOf(page).isVisible()), 'details stay closed while the mouse rests on the passage');
  });

  readerTest(getEnv, 'hovering a table cell emphasises its passages and vice versa', async ({ page }) => {
    const claims = cellClaims('us', 'land-and-access');
    await mouseOnto(page, cellOf(page, 'us', 'land-and-access').locator('button.cr-cell'));
    await until(
      async () => (await marksWithClass(page, 'is-linked')).some((m) => m.has),
      'some passage becomes linked',
    );
    for (const m of await marksWithClass(page, 'is-linked')) {
      const expected = m.claims.some((id) => claims.includes(id));
      assert.equal(m.has, expected, `passage of ${m.claims.join(' ')}: linked iff it covers ${claims.join(' or ')}`);
    }

    await mouseOnto(page, markOf(page, 'us-crimea'));
    await until(async () => (await linkedCells(page)).length > 0, 'a table cell becomes linked');
    assert.deepEqual(await linkedCells(page), ['us|territorial-recognition']);
    assert.ok(
      (await marksWithClass(page, 'is-linked')).every((m) => !m.has || m.claims.includes('us-crimea')),
      'passages of the cell left behind are no longer linked',
    );
  });

  readerTest(getEnv, 'focusing a table cell emphasises its passages', async ({ page }) => {
    await cellOf(page, 'russia', 'ukraine-military').locator('button.cr-cell').focus();
    await until(
      async () => (await marksWithClass(page, 'is-linked')).some((m) => m.has),
      'some passage becomes linked',
    );
    for (const m of await marksWithClass(page, 'is-linked')) {
      assert.equal(m.has, m.claims.includes('ru-demilitarize'), `passage of ${m.claims.join(' ')}`);
    }
  });

  readerTest(getEnv, 'clicking a cell focuses its first passage and opens its details', async ({ page }) => {
    const first = await activateCellAndCheckFocus(page, 'us', 'land-and-access', (button) => button.click());
    assert.equal(first, 'us-dnieper');
    const { tip, text } = await openDetails(page);
    assertDetailsFor(text, CLAIMS[first], PARTIES, ISSUES);
    assert.equal(await markOf(page, first).getAttribute('aria-describedby'), await tip.getAttribute('id'));
    await until(async () => {
      const box = await markOf(page, first).boundingBox();
      return box && box.y >= 0 && box.y + box.height <= page.viewportSize().height;
    }, 'the passage is scrolled into view');
    await assertInViewport(page, tip, 'the details');
  });

  readerTest(getEnv, 'Tab reaches a passage and opens its details', async ({ page }) => {
    let focused = null;
    for (let i = 0; i < 60 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => {
        const el = document.activeElement;
        return el?.matches('mark.cr-passage') ? el.getAttribute('data-claim') : null;
      });
    }
    assert.ok(focused, 'Tab reaches a highlighted passage');
    const claim = CLAIMS[focused.split(/\s+/)[0]];
    const { tip, text } = await openDetails(page);
    assertDetailsFor(text, claim, PARTIES, ISSUES);
    const describedBy = await page.evaluate(() => document.activeElement.getAttribute('aria-describedby'));
    assert.equal(describedBy, await tip.getAttribute('id'), 'the focused passage points at its details');
    await assertInViewport(page, tip, 'the details');
    await page.keyboard.press('Escape');
    await closedDetails(page);
    assert.ok(
      await page.evaluate(() => document.activeElement?.matches('mark.cr-passage')),
      'focus stays on the passage after Escape',
    );
  });

  readerTest(getEnv, 'axe finds no serious or critical accessibility problems', async ({ page }) => {
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const check = () =>
      page.evaluate(async () => {
        const result = await window.axe.run(document, { resultTypes: ['violations'] });
        return result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
    assert.deepEqual(await check(), [], 'with the details closed');
    await mouseOnto(page, markOf(page, 'us-crimea'));
    await openDetails(page);
    assert.deepEqual(await check(), [], 'with the details open');
  });
});
