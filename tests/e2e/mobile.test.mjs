// The reader on a phone (375×667, touch, no hover).

import { describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  MOBILE,
  ROOT,
  assertDetailsFor,
  assertInViewport,
  closedDetails,
  horizontalOverflow,
  markOf,
  openDetails,
  readerTest,
  useEnvironment,
} from './harness.mjs';
import { activateCellAndCheckFocus, commonTests } from './reader-suite.mjs';
import { CLAIMS, ISSUES, PARTIES } from './seed-expectations.mjs';

describe('mobile 375×667 touch', () => {
  const getEnv = useEnvironment('mobile', MOBILE);

  commonTests(getEnv);

  readerTest(getEnv, 'a tap opens the details and a tap elsewhere closes them', async ({ page }) => {
    const mark = markOf(page, 'us-crimea');
    await mark.scrollIntoViewIfNeeded();
    await mark.tap();
    const { tip, text } = await openDetails(page);
    assertDetailsFor(text, CLAIMS['us-crimea'], PARTIES, ISSUES);
    assert.ok(text.includes('Reported, not confirmed'), `details say how firmly it is reported: ${text}`);
    assert.equal(await mark.getAttribute('aria-describedby'), await tip.getAttribute('id'));
    await assertInViewport(page, tip, 'the details');

    const headline = page.locator(`${ROOT} h1`);
    await headline.scrollIntoViewIfNeeded();
    await headline.tap();
    await closedDetails(page);
  });

  readerTest(
    getEnv,
    'at 320 px the open details fit on screen without horizontal scroll',
    async ({ page }) => {
      const mark = markOf(page, 'us-guarantees');
      await mark.scrollIntoViewIfNeeded();
      await mark.tap();
      const { tip, text } = await openDetails(page);
      assertDetailsFor(text, CLAIMS['us-guarantees'], PARTIES, ISSUES);
      await assertInViewport(page, tip, 'the details');
      const overflow = await horizontalOverflow(page);
      assert.ok(overflow <= 0, `page scrolls sideways by ${overflow} px`);
    },
    { viewport: { width: 320, height: 568 } },
  );

  readerTest(getEnv, 'tapping a cell focuses its first passage and opens its details', async ({ page }) => {
    const first = await activateCellAndCheckFocus(page, 'russia', 'territorial-recognition', (button) => button.tap());
    const { tip, text } = await openDetails(page);
    assertDetailsFor(text, CLAIMS[first], PARTIES, ISSUES);
    await assertInViewport(page, tip, 'the details');
  });
});
