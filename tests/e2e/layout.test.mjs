// The stance table in the columns news pages give it: in a 550 px and a 320 px column it turns
// (issues down, parties across) instead of cutting issues off, and every cell stays readable and
// reachable; on a wide screen it keeps parties down and issues across. Swatches never cover the
// labels beside them.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, DESKTOP, ROOT, openEnvironment, openReader } from './harness.mjs';
import { ISSUES, PARTIES, TABLE } from './seed-expectations.mjs';

/** What the shown table looks like inside `root` (a reader's .claim-reader element). */
function tableLayout(root) {
  const tables = [...root.querySelectorAll('table.cr-stance-table')].filter((t) => t.checkVisibility());
  const table = tables[0];
  const wrap = table?.closest('.cr-table-wrap');
  const box = wrap?.getBoundingClientRect();
  const cells = [...(table?.querySelectorAll('td[data-party][data-issue]') ?? [])].map((td) => {
    const r = td.getBoundingClientRect();
    return {
      key: `${td.dataset.party}|${td.dataset.issue}`,
      stance: td.dataset.stance,
      inside: r.left >= box.left - 1 && r.right <= box.right + 1 && r.width > 0,
      text: td.innerText.replace(/\s+/g, ' ').trim(),
    };
  });
  const overlaps = [...(table?.querySelectorAll('th[data-issue]') ?? [])].flatMap((th) => {
    const swatch = th.querySelector('.cr-swatch')?.getBoundingClientRect();
    const label = th.querySelector('.cr-issue-label')?.getBoundingClientRect();
    if (!swatch || !label) return [`${th.dataset.issue}: no swatch or label`];
    const apart = swatch.right <= label.left + 0.5 || label.right <= swatch.left + 0.5 || swatch.bottom <= label.top + 0.5 || label.bottom <= swatch.top + 0.5;
    return apart ? [] : [th.dataset.issue];
  });
  return {
    shown: tables.length,
    turned: table?.classList.contains('cr-turned') ?? null,
    across: [...(table?.querySelectorAll('thead th[scope="col"]:not(.cr-corner)') ?? [])].map((th) => th.dataset.party ?? th.dataset.issue),
    down: [...(table?.querySelectorAll('tbody th[scope="row"]') ?? [])].map((th) => th.dataset.party ?? th.dataset.issue),
    overflow: wrap ? wrap.scrollWidth - wrap.clientWidth : null,
    cells,
    overlaps,
  };
}

function assertWhole(layout, where) {
  assert.equal(layout.shown, 1, `${where}: one orientation of the table is shown`);
  assert.equal(layout.cells.length, 21, `${where}: 21 cells`);
  assert.deepEqual(Object.fromEntries(layout.cells.map((c) => [c.key, c.stance])), TABLE, `${where}: every stance`);
  const cut = layout.cells.filter((c) => !c.inside).map((c) => c.key);
  assert.deepEqual(cut, [], `${where}: cells cut off by the column`);
  assert.ok(layout.overflow <= 1, `${where}: the table fits its column (overflow ${layout.overflow} px)`);
  for (const c of layout.cells) {
    const word = c.stance === 'not-stated' ? 'not stated' : c.stance;
    assert.ok(c.text.includes(word), `${where}: cell ${c.key} reads "${word}": "${c.text}"`);
  }
  assert.deepEqual(layout.overlaps, [], `${where}: swatches overlap their labels`);
}

describe('the stance table in narrow columns', () => {
  let env;
  before(async () => {
    env = await openEnvironment('layout', DESKTOP);
  });
  after(async () => {
    await env?.close();
  });

  for (const width of [550, 320]) {
    test(`in a ${width} px column it turns: issues down, parties across, nothing cut off`, async () => {
      const page = await env.context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      try {
        await page.goto(`${env.server.url}demo/columns.html`);
        const host = `#reader-${width}`;
        await page.locator(`${host} .claim-reader[data-ready="true"]`).waitFor({ timeout: 20_000 });
        const layout = await page.locator(`${host} .claim-reader`).evaluate(tableLayout);
        assert.equal(layout.turned, true, `a ${width} px column shows the turned table`);
        assert.deepEqual(layout.across, Object.keys(PARTIES));
        assert.deepEqual(layout.down, Object.keys(ISSUES));
        assertWhole(layout, `${width} px`);
        await page.locator(`${host}`).screenshot({ path: join(ARTIFACTS, `column-${width}.png`) });
        assert.deepEqual(errors, []);
      } finally {
        await page.close();
      }
    });
  }

  test('on a 1280 px screen parties are down and issues across', async () => {
    const { page, errors } = await openReader(env);
    try {
      const layout = await page.locator(ROOT).evaluate(tableLayout);
      assert.equal(layout.turned, false);
      assert.deepEqual(layout.across, Object.keys(ISSUES));
      assert.deepEqual(layout.down, Object.keys(PARTIES));
      assertWhole(layout, '1280 px');
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });
});
