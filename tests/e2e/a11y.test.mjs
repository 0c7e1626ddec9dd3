// Every reader can use it: keyboard, screen reader, touch, small screens, dark mode.
//
// axe-core (WCAG 2.1 A/AA rules) in a real Chromium in several modes, plus the checks axe cannot
// make: the keyboard walk, WCAG 1.4.13 with real pointer moves, touch, small screens, colour
// without colour, reduced motion and print. The rules axe checked in each mode are written to
// tests/e2e/artifacts/axe-<mode>.json.

import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
  ARTIFACTS,
  DESKTOP,
  MOBILE,
  ROOT,
  assertInViewport,
  cellOf,
  markOf,
  mouseOnto,
  openDetails,
  readerTest,
  sleep,
  tooltipOf,
  until,
  visibleTextInPage,
  useEnvironment,
} from './harness.mjs';
import { CLAIMS, ISSUES, PARTIES, cellClaims } from './seed-expectations.mjs';

const require = createRequire(import.meta.url);
const SEED = JSON.parse(readFileSync(new URL('../../static/seed.json', import.meta.url), 'utf8'));

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const MARKS = `${ROOT} mark.cr-passage:not(.is-muted)`;
const CELLS = `${ROOT} table.cr-stance-table button.cr-cell`;
/** The cell buttons of the orientation of the table that is shown (the other has no layout). */
const CELLS_SHOWN = `${ROOT} table.cr-stance-table:visible button.cr-cell`;

// ---- helpers that run in the page ------------------------------------------------------------

/** Installed in the page as window.__a11y: colours, contrast, backgrounds, descriptions. */
function pageHelpers() {
  const ctx = document.createElement('canvas').getContext('2d');
  const parse = (text) => {
    let c = String(text).trim();
    let m = /^rgba?\(([^)]+)\)$/.exec(c);
    if (!m) {
      ctx.fillStyle = '#000';
      ctx.fillStyle = c;
      c = String(ctx.fillStyle);
      if (c.startsWith('#')) {
        return { r: parseInt(c.slice(1, 3), 16), g: parseInt(c.slice(3, 5), 16), b: parseInt(c.slice(5, 7), 16), a: 1 };
      }
      m = /^rgba?\(([^)]+)\)$/.exec(c);
      if (!m) return null;
    }
    const p = m[1].split(/[\s,/]+/).filter(Boolean).map((v) => (v.endsWith('%') ? parseFloat(v) / 100 : Number(v)));
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  };
  const over = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a),
    g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a),
    a: 1,
  });
  const channel = (v) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const luminance = (c) => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  const contrast = (a, b) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  /** The opaque colour behind an element: its own and its ancestors' background colours. */
  const background = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0) layers.push(c);
      if (c && c.a >= 1) break;
    }
    let result = { r: 255, g: 255, b: 255, a: 1 };
    for (const c of layers.reverse()) result = over(c, result);
    return result;
  };
  const hex = (c) =>
    c ? `#${[c.r, c.g, c.b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}${c.a < 1 ? `/${c.a}` : ''}` : String(c);
  const describe = (el) => {
    if (!el || el === document.body) return 'body';
    if (el.matches('mark.cr-passage')) return `mark[data-claim="${el.getAttribute('data-claim')}"]`;
    if (el.matches('button.cr-cell')) {
      const td = el.closest('td');
      return `button.cr-cell in td[data-party="${td?.dataset.party}"][data-issue="${td?.dataset.issue}"]`;
    }
    const cls = el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    const label = el.getAttribute('aria-label') ? `[aria-label="${el.getAttribute('aria-label')}"]` : '';
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls}${label}`;
  };
  /** The focus ring of an element and its contrast with what surrounds the element. */
  const ring = (el) => {
    const s = getComputedStyle(el);
    const color = parse(s.outlineColor);
    const around = background(el.parentElement);
    return {
      style: s.outlineStyle,
      width: parseFloat(s.outlineWidth) || 0,
      color: hex(color),
      around: hex(around),
      contrast: color ? contrast(over(color, around), around) : 0,
    };
  };
  window.__a11y = { parse, over, contrast, background, hex, describe, ring };
}

async function install(page) {
  await page.addScriptTag({ content: `(${pageHelpers.toString()})();` });
}

/** Which element has focus: its index among the unmuted marks and the cell buttons, and more. */
function focusInfo(page) {
  return page.evaluate(
    ({ MARKS, CELLS }) => {
      const el = document.activeElement;
      const r = el ? el.getClientRects()[0] ?? el.getBoundingClientRect() : null;
      return {
        mark: [...document.querySelectorAll(MARKS)].indexOf(el),
        cell: [...document.querySelectorAll(CELLS)].filter((b) => b.checkVisibility()).indexOf(el),
        claim: el?.getAttribute('data-claim') ?? null,
        describedBy: el?.getAttribute('aria-describedby') ?? null,
        what: window.__a11y.describe(el),
        top: r ? r.top + window.scrollY : 0,
        left: r ? r.left + window.scrollX : 0,
      };
    },
    { MARKS, CELLS },
  );
}

const claimIds = (dataClaim) => (dataClaim ?? '').split(/\s+/).filter(Boolean);
const partyNames = (dataClaim) => claimIds(dataClaim).map((id) => PARTIES[CLAIMS[id].party]);

// ---- axe -------------------------------------------------------------------------------------

/** Runs axe with the WCAG 2.1 A/AA rules, writes what it checked, asserts no violations. */
async function axeCheck(page, mode) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  }
  const result = await page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    const ids = (list) => list.map((x) => x.id).sort();
    const nodes = (list) =>
      list.map((n) => ({ target: n.target.map(String), summary: n.failureSummary ?? '', html: n.html.slice(0, 240) }));
    return {
      axe: r.testEngine.version,
      passes: ids(r.passes),
      inapplicable: ids(r.inapplicable),
      incomplete: r.incomplete.map((x) => ({ id: x.id, impact: x.impact, nodes: nodes(x.nodes) })),
      violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, nodes: nodes(v.nodes) })),
    };
  }, AXE_TAGS);
  const checked = [...new Set([...result.passes, ...result.inapplicable])].sort();
  const report = {
    mode,
    axe: result.axe,
    runOnly: AXE_TAGS,
    counts: {
      checked: checked.length,
      passes: result.passes.length,
      inapplicable: result.inapplicable.length,
      incomplete: result.incomplete.length,
      violations: result.violations.length,
    },
    checked,
    passes: result.passes,
    inapplicable: result.inapplicable,
    incomplete: result.incomplete,
    violations: result.violations,
  };
  await writeFile(join(ARTIFACTS, `axe-${mode}.json`), `${JSON.stringify(report, null, 2)}\n`);
  console.log(
    `axe ${result.axe} ${mode}: ${checked.length} rules checked (${result.passes.length} passed, ` +
      `${result.inapplicable.length} inapplicable), ${result.incomplete.length} need review, ` +
      `${result.violations.length} violated`,
  );
  const readable = result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes.map((n) => `    at ${n.target.join(' ')}\n      ${n.summary.replace(/\n/g, '\n      ')}`).join('\n'),
  );
  assert.deepEqual(readable, [], `axe found WCAG 2.1 A/AA violations (${mode}):\n${readable.join('\n')}`);
}

// ---- pointer and touch -----------------------------------------------------------------------

async function lineBoxes(locator) {
  return locator.evaluate((el) => [...el.getClientRects()].filter((r) => r.width > 2).map((r) => ({
    left: r.left, right: r.right, top: r.top, bottom: r.bottom,
  })));
}

const centre = (r) => ({ x: r.left + (r.right - r.left) / 2, y: r.top + (r.bottom - r.top) / 2 });

async function tapAt(page, { x, y }) {
  await page.touchscreen.tap(Math.round(x), Math.round(y));
}

/** Which claims the open details show (their sections' data-claim). */
function detailsClaims(page) {
  return tooltipOf(page).evaluate((tip) => [...tip.querySelectorAll('[data-claim]')].map((s) => s.dataset.claim));
}

async function isOpen(page) {
  return tooltipOf(page).isVisible();
}

async function waitClosed(page, what) {
  await until(async () => !(await isOpen(page)), what);
}

// ---- environments ----------------------------------------------------------------------------

describe('a11y: desktop 1280×900, light', () => {
  const getEnv = useEnvironment('a11y-desktop', { ...DESKTOP, colorScheme: 'light' });

  readerTest(getEnv, 'axe: no WCAG 2.1 A/AA violations (desktop light)', async ({ page }) => {
    await axeCheck(page, 'desktop-light');
  });

  readerTest(getEnv, 'axe: no WCAG 2.1 A/AA violations with details open (desktop light)', async ({ page }) => {
    await mouseOnto(page, markOf(page, 'us-crimea'));
    await openDetails(page);
    await axeCheck(page, 'details-open-light');
    assert.ok(await isOpen(page), 'the details were still open when axe finished');
  });

  readerTest(
    getEnv,
    'keyboard: Tab reaches every highlight in reading order, then every table cell; details on focus, Escape, focus ring',
    async ({ page }) => {
      await install(page);
      const nMarks = await page.locator(MARKS).count();
      const nCells = await page.locator(CELLS_SHOWN).count();
      assert.ok(nMarks >= 12 && nCells >= 9, `${nMarks} highlights and ${nCells} cell buttons`);
      const tipId = await tooltipOf(page).getAttribute('id');
      await page.evaluate(() => {
        document.activeElement?.blur?.();
        window.scrollTo(0, 0);
      });
      const stops = [];
      const problems = [];
      for (let i = 0; i < nMarks + nCells + 40; i++) {
        await page.keyboard.press('Tab');
        const f = await focusInfo(page);
        stops.push(f);
        if (f.mark >= 0) {
          const shown = await until(() => isOpen(page), `details open when ${f.what} has focus`, 2_000).catch(() => false);
          if (!shown) {
            problems.push(`${f.what}: focused, but no details are visible`);
          } else {
            const now = await focusInfo(page);
            if (now.describedBy !== tipId) {
              problems.push(`${f.what}: aria-describedby="${now.describedBy}", expected the details' id "${tipId}"`);
            }
            const text = (await tooltipOf(page).innerText()).replace(/\s+/g, ' ');
            for (const name of partyNames(f.claim)) {
              if (!text.includes(name)) problems.push(`${f.what}: details do not name the party "${name}": "${text.slice(0, 100)}…"`);
            }
          }
          const ring = await page.evaluate(() => window.__a11y.ring(document.activeElement));
          if (ring.style === 'none' || ring.width < 2 || ring.contrast < 3) {
            problems.push(`${f.what}: focus ring ${JSON.stringify(ring)} (needs a style other than none, ≥ 2px, ≥ 3:1)`);
          }
          await page.keyboard.press('Escape');
          const closed = await until(async () => !(await isOpen(page)), 'closed', 2_000).catch(() => false);
          if (!closed) problems.push(`${f.what}: Escape did not close the details`);
          const after = await focusInfo(page);
          if (after.mark !== f.mark) problems.push(`${f.what}: after Escape focus is on ${after.what}`);
          if (closed && after.describedBy !== null) {
            problems.push(`${f.what}: still aria-describedby="${after.describedBy}" after Escape`);
          }
        } else if (f.cell >= 0) {
          const ring = await page.evaluate(() => window.__a11y.ring(document.activeElement));
          if (ring.style === 'none' || ring.width < 2 || ring.contrast < 3) {
            problems.push(`${f.what}: focus ring ${JSON.stringify(ring)} (needs a style other than none, ≥ 2px, ≥ 3:1)`);
          }
          if (f.cell === nCells - 1) break;
        }
        if (f.what === 'body' && i > 0) break;
      }
      const path = stops.map((s) => s.what).join('\n  ');
      const markStops = stops.filter((s) => s.mark >= 0);
      assert.deepEqual(
        markStops.map((s) => s.mark),
        [...Array(nMarks).keys()],
        `Tab visits every highlight once, in document order. Focus went:\n  ${path}`,
      );
      for (let k = 1; k < markStops.length; k++) {
        const [a, b] = [markStops[k - 1], markStops[k]];
        assert.ok(
          b.top > a.top + 2 || (Math.abs(b.top - a.top) <= 2 && b.left > a.left),
          `reading order: ${b.what} (at ${Math.round(b.left)},${Math.round(b.top)}) comes after ${a.what} (at ${Math.round(a.left)},${Math.round(a.top)})`,
        );
      }
      const cellStops = stops.filter((s) => s.cell >= 0);
      assert.deepEqual(cellStops.map((s) => s.cell), [...Array(nCells).keys()], `then every cell button in order:\n  ${path}`);
      assert.ok(
        stops.indexOf(markStops.at(-1)) < stops.indexOf(cellStops[0]),
        `the highlights come before the table cells:\n  ${path}`,
      );
      assert.deepEqual(problems, [], `keyboard walk:\n${problems.join('\n')}`);
    },
  );

  readerTest(
    getEnv,
    'keyboard: Enter and Space on a cell focus its first passage with details; one step leads back to the cell',
    async ({ page }) => {
      await install(page);
      const tipId = await tooltipOf(page).getAttribute('id');
      const problems = [];
      for (const [party, issue, key] of [
        ['us', 'land-and-access', 'Enter'],
        ['russia', 'territorial-recognition', 'Space'],
        ['us', 'ukraine-military', 'Enter'],
      ]) {
        const cell = `${party} × ${issue}`;
        const button = cellOf(page, party, issue).locator('button.cr-cell');
        await button.focus();
        await page.keyboard.press(key);
        const first = cellClaims(party, issue)[0];
        const f = await until(async () => {
          const f = await focusInfo(page);
          return claimIds(f.claim).includes(first) ? f : null;
        }, `${key} on ${cell} moves focus to the passage of ${first}`).catch(async () => ({ failed: (await focusInfo(page)).what }));
        if (f.failed) {
          problems.push(`${key} on ${cell}: focus is on ${f.failed}, not on the passage of ${first}`);
          continue;
        }
        const { text } = await openDetails(page);
        assert.ok(text.includes(PARTIES[party]), `${key} on ${cell}: details name ${PARTIES[party]}: ${text}`);
        assert.equal((await focusInfo(page)).describedBy, tipId, `${key} on ${cell}: the passage points at the details`);

        // The way back, one step each: Escape, Shift+Tab, or a "back to the table" control
        // (reached with one Tab, or clicked). Each route starts again from the passage.
        const home = `button.cr-cell in td[data-party="${party}"][data-issue="${issue}"]`;
        const again = async () => {
          await page.keyboard.press('Escape');
          await button.focus();
          await page.keyboard.press(key);
          await until(async () => claimIds((await focusInfo(page)).claim).includes(first), `${key} on ${cell} again`);
          await until(() => isOpen(page), 'details again');
        };
        const routes = [];
        await page.keyboard.press('Escape');
        let at = await until(async () => {
          const f = await focusInfo(page);
          return f.mark < 0 ? f : null;
        }, 'focus leaves the passage', 800).catch(() => focusInfo(page));
        routes.push({ route: 'Escape', to: at.what });
        if (at.what === home && (await isOpen(page))) problems.push(`Escape after ${key} on ${cell} went back to the cell but left the details open`);
        await again();
        await page.keyboard.press('Shift+Tab');
        routes.push({ route: 'Shift+Tab', to: (await focusInfo(page)).what });
        await again();
        const back = await page.evaluate((root) => {
          const controls = [...document.querySelectorAll(`${root} button, ${root} a[href]`)].filter((c) =>
            /\b(back|return)\b.*\btable\b/i.test(`${c.textContent} ${c.getAttribute('aria-label') ?? ''}`),
          );
          return controls.filter((c) => c.getClientRects().length > 0).map((c) => window.__a11y.describe(c));
        }, ROOT);
        if (back.length > 0) {
          await page.keyboard.press('Tab');
          at = await focusInfo(page);
          if (back.includes(at.what)) {
            await page.keyboard.press('Enter');
            routes.push({ route: `Tab to ${at.what}, Enter`, to: (await focusInfo(page)).what });
          } else {
            routes.push({ route: `Tab (looking for ${back.join(', ')})`, to: at.what });
          }
          await again();
          await page.locator(`${ROOT} [role="tooltip"] button`, { hasText: /back|return/i }).first().click();
          routes.push({ route: `click on ${back[0]}`, to: (await focusInfo(page)).what });
          await page.mouse.move(2, 2);
        }
        const observed = routes.map((r) => `${r.route} → ${r.to}`).join('; ');
        console.log(`way back after ${key} on ${cell}: ${observed}`);
        const returned = routes.some((r) => r.to === home && !r.route.startsWith('click'));
        if (!returned) problems.push(`after ${key} on ${cell}, nothing returns focus to the cell in one step: ${observed}`);
      }
      assert.deepEqual(problems, [], problems.join('\n'));
    },
  );

  readerTest(getEnv, 'screen reader: each highlight announces party, stance and issue in its own text', async ({ page }) => {
    const marks = await page.$$eval(MARKS, (ms) => ms.map((m) => ({ claim: m.getAttribute('data-claim'), text: m.textContent.replace(/\s+/g, ' ') })));
    const missing = [];
    for (const m of marks) {
      const ok = claimIds(m.claim).some((id) => {
        const c = CLAIMS[id];
        return m.text.includes(`${PARTIES[c.party]} ${c.stance}`) && m.text.includes(ISSUES[c.issue]);
      });
      if (!ok) missing.push(`mark[data-claim="${m.claim}"]: "${m.text.slice(0, 90)}${m.text.length > 90 ? '…' : ''}"`);
    }
    assert.deepEqual(
      missing,
      [],
      `${missing.length} of ${marks.length} highlights do not say who wants what on which issue (e.g. "United States proposes … Recognising Russian-held land"):\n${missing.join('\n')}`,
    );
  });

  readerTest(getEnv, 'screen reader: tooltip role, table headers and caption, stances in words', async ({ page }) => {
    assert.equal(await page.locator(`${ROOT} [role="tooltip"]`).count(), 1, 'one role=tooltip element');
    // Parties down and issues across, or turned where the issues do not fit across.
    const table = page.locator(`${ROOT} table.cr-stance-table:visible`);
    assert.equal(await table.count(), 1, 'one orientation of the table is shown');
    const turned = await table.evaluate((t) => t.classList.contains('cr-turned'));
    const [across, down] = turned ? [['party', PARTIES], ['issue', ISSUES]] : [['issue', ISSUES], ['party', PARTIES]];
    assert.ok((await table.locator('caption').evaluate(visibleTextInPage)).length > 0, 'the table has a visible caption');
    const cols = await table.locator(`thead th[scope="col"][data-${across[0]}]`).evaluateAll((ths, k) => ths.map((th) => th.dataset[k]), across[0]);
    assert.deepEqual(cols, Object.keys(across[1]), `a th[scope=col] per ${across[0]}`);
    const rows = await table.locator(`tbody th[scope="row"][data-${down[0]}]`).evaluateAll((ths, k) => ths.map((th) => th.dataset[k]), down[0]);
    assert.deepEqual(rows, Object.keys(down[1]), `a th[scope=row] per ${down[0]}`);
    const unscoped = await table.locator('th:not([scope])').count();
    assert.equal(unscoped, 0, 'every th has a scope');
    const cells = await table.locator('td[data-party][data-issue]').evaluateAll((tds, fn) => {
      const visible = new Function(`return ${fn}`)();
      return tds.map((td) => ({
        key: `${td.dataset.party}|${td.dataset.issue}`,
        stance: td.dataset.stance,
        visible: visible(td),
        name: td.querySelector('button')?.textContent.replace(/\s+/g, ' ').trim() ?? null,
      }));
    }, visibleTextInPage.toString());
    const words = ['demands', 'proposes', 'supports', 'accepts', 'opposes', 'rejects', 'undecided', 'not stated'];
    for (const c of cells) {
      const expected = c.stance === 'not-stated' ? 'not stated' : c.stance;
      if (expected === 'mixed') {
        assert.ok(words.filter((w) => c.visible.includes(w)).length >= 2, `cell ${c.key} (mixed) shows its stances in words: "${c.visible}"`);
      } else {
        assert.ok(c.visible.includes(expected), `cell ${c.key} shows "${expected}" in words: "${c.visible}"`);
      }
      if (c.name !== null) {
        const [party, issue] = c.key.split('|');
        assert.ok(
          c.name.includes(PARTIES[party]) && c.name.includes(ISSUES[issue]) && c.name.includes(expected === 'mixed' ? '' : expected),
          `the button of cell ${c.key} is named with party, issue and stance: "${c.name}"`,
        );
      }
    }
  });

  readerTest(getEnv, 'screen reader: the legend status is a polite live region that changes on toggle', async ({ page }) => {
    const region = page.locator(`${ROOT} .cr-legend-box [aria-live="polite"]`);
    assert.equal(await region.count(), 1, 'one aria-live="polite" region in the legend');
    const before = (await region.textContent()).trim();
    const issue = 'security-guarantees';
    await page.locator(`${ROOT} .cr-legend button[data-issue="${issue}"]`).click();
    const off = await until(async () => {
      const t = (await region.textContent()).trim();
      return t !== before ? t : null;
    }, 'the live region changes when an issue is switched off');
    assert.ok(off.includes(ISSUES[issue]), `the status names the hidden issue: "${off}"`);
    await page.locator(`${ROOT} .cr-legend button[data-issue="${issue}"]`).click();
    await until(async () => (await region.textContent()).trim() !== off, 'the live region changes when it is switched back on');
  });

  readerTest(getEnv, 'WCAG 1.4.13 dismissible: Escape closes the details without moving the pointer', async ({ page }) => {
    await install(page);
    const problems = [];
    // Pointer resting on the passage.
    for (const claim of ['us-crimea', 'ru-recognition']) {
      const mark = markOf(page, claim);
      await mouseOnto(page, mark);
      await openDetails(page);
      await page.keyboard.press('Escape');
      await waitClosed(page, `Escape closes the details of ${claim} with the pointer on the passage`);
      assert.equal(await mark.getAttribute('aria-describedby'), null);
      await sleep(800);
      const shown = await shownClaims(page);
      if (shown.length > 0) problems.push(`pointer on the passage of ${claim}: after Escape, details of ${shown.join(', ')} opened without the pointer moving`);
      await page.mouse.move(2, 2, { steps: 2 });
    }
    // Pointer resting on the details, over a spot where another passage lies beneath them.
    for (const { claim, nearBottom } of [{ claim: 'us-crimea', nearBottom: true }, { claim: 'us-guarantees', nearBottom: true }, { claim: 'us-crimea' }]) {
      const { box } = await pointerOntoDetails(page, claim, { nearBottom });
      const spot = await page.evaluate(({ box, claim }) => {
        const tip = document.querySelector('[role="tooltip"]');
        for (let y = box.y + 16; y < box.y + box.height - 8; y += 6) {
          for (let x = box.x + 16; x < box.x + box.width - 40; x += 12) {
            const stack = document.elementsFromPoint(x, y);
            if (!tip.contains(stack[0])) continue;
            const under = stack.find((e) => e.matches('mark.cr-passage:not(.is-muted)'));
            if (under && !under.getAttribute('data-claim').split(/\s+/).includes(claim)) return { x, y, under: under.getAttribute('data-claim') };
          }
        }
        return { x: box.x + box.width / 2, y: box.y + box.height / 2, under: null };
      }, { box, claim });
      await moveChecking(page, await page.evaluate(() => window.__a11yPointer), spot, claim, 4);
      await page.keyboard.press('Escape');
      const closed = await until(async () => !(await shownClaims(page)).includes(claim), 'closed', 2_000).catch(() => false);
      if (!closed) {
        problems.push(`pointer on the details of ${claim}: Escape did not close them`);
      } else {
        await sleep(800);
        const shown = await shownClaims(page);
        if (shown.length > 0) {
          problems.push(
            `pointer on the details of ${claim} at (${Math.round(spot.x)}, ${Math.round(spot.y)}), over the passage of ${spot.under ?? '(none)'} beneath them: ` +
              `Escape closed them, then the details of ${shown.join(', ')} opened without the pointer moving`,
          );
        }
      }
      await page.keyboard.press('Escape');
      await page.mouse.move(2, 2, { steps: 2 });
      await waitClosed(page, 'closed');
    }
    assert.deepEqual(problems, [], problems.join('\n'));
  });

  readerTest(getEnv, 'WCAG 1.4.13 hoverable and persistent: small pointer steps onto the details; 3 s rests', async ({ page }) => {
    await install(page);
    const problems = [];
    for (const { claim, nearBottom } of [{ claim: 'us-crimea' }, { claim: 'us-army-push' }, { claim: 'us-guarantees', nearBottom: true }]) {
      try {
        const { box } = await pointerOntoDetails(page, claim, { nearBottom, restOnPassage: 3_000 });
        const here = await page.evaluate(() => window.__a11yPointer);
        await moveChecking(page, here, { x: box.x + box.width / 2, y: box.y + box.height / 2 }, claim, 3);
        await sleep(3_000);
        const shown = await shownClaims(page);
        if (!shown.includes(claim)) problems.push(`${claim}: after 3 s with the pointer resting on the details they show ${shown.join(', ') || 'nothing'}`);
      } catch (err) {
        problems.push(`${claim}: ${err.message}`);
      }
      await page.keyboard.press('Escape');
      await page.mouse.move(2, 2, { steps: 2 });
      await waitClosed(page, 'closed');
    }
    assert.deepEqual(problems, [], problems.join('\n'));
  });

  readerTest(getEnv, 'colour: text over every highlight has 4.5:1 contrast (light)', async ({ page }) => {
    await assertHighlightContrast(page, 'light');
  });

  readerTest(getEnv, 'colour: each issue has its own underline style and thickness', async ({ page }) => {
    const marks = await page.$$eval(`${ROOT} mark.cr-passage`, (ms) =>
      ms.map((m) => {
        const s = getComputedStyle(m);
        return {
          claim: m.getAttribute('data-claim'),
          issue: (m.getAttribute('data-issue') ?? '').split(/\s+/)[0],
          line: s.textDecorationLine,
          pair: `${s.textDecorationStyle} ${s.textDecorationThickness}`,
        };
      }),
    );
    const byIssue = new Map();
    for (const m of marks) {
      assert.match(m.line, /underline/, `mark ${m.claim} is underlined`);
      const seen = byIssue.get(m.issue) ?? new Set();
      seen.add(m.pair);
      byIssue.set(m.issue, seen);
    }
    assert.deepEqual([...byIssue.keys()].sort(), Object.keys(ISSUES).sort(), 'every issue of the seed has highlights');
    const pairs = {};
    for (const [issue, seen] of byIssue) {
      assert.equal(seen.size, 1, `all highlights of ${issue} share one underline: ${[...seen].join(', ')}`);
      pairs[issue] = [...seen][0];
    }
    const clashes = Object.entries(pairs).filter(([i, p]) => Object.entries(pairs).some(([j, q]) => i !== j && p === q));
    assert.deepEqual(clashes, [], `issues share an underline (style thickness): ${JSON.stringify(pairs)}`);
  });

  readerTest(getEnv, 'colour: the legend shows each issue with a mark that differs without colour', async ({ page }) => {
    // The legend is where a reader learns which underline means which issue: its swatches must
    // differ by more than colour too, as the highlights do.
    const swatches = await page.$$eval(`${ROOT} .cr-legend button[data-issue]`, (bs) =>
      bs.map((b) => {
        const s = getComputedStyle(b.querySelector('.cr-swatch'));
        // The swatch draws its line as the highlights do, with text-decoration.
        const line = s.textDecorationLine.includes('underline') ? s.textDecorationStyle : 'none';
        return { issue: b.dataset.issue, look: `${line} ${s.textDecorationThickness}` };
      }),
    );
    const clashes = swatches
      .filter((a) => swatches.some((b) => a !== b && a.look === b.look))
      .map((a) => `${a.issue}: ${a.look}`);
    const invisible = swatches.filter((a) => a.look.startsWith('none')).map((a) => `${a.issue}: ${a.look}`);
    assert.deepEqual(
      [...clashes, ...invisible],
      [],
      `legend swatches that only colour tells apart, or that show no line (underline style, thickness):\n${swatches.map((s) => `${s.issue}: ${s.look}`).join('\n')}`,
    );
  });

  readerTest(getEnv, 'reduced motion: a cell brings its passage into view at once, without smooth scrolling', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    assert.ok(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches));
    // A cell whose first passage is off screen when the page is at the top.
    await page.evaluate(() => window.scrollTo(0, 0));
    const cells = await page.locator(CELLS_SHOWN).evaluateAll((bs) => bs.map((b) => ({ party: b.closest('td').dataset.party, issue: b.closest('td').dataset.issue })));
    let target = null;
    for (const c of cells) {
      const first = cellClaims(c.party, c.issue)[0];
      const top = await markOf(page, first).evaluate((m) => m.getBoundingClientRect().top);
      if (top > page.viewportSize().height) {
        target = c;
        break;
      }
    }
    assert.ok(target, 'some cell has its passage below the fold');
    const first = cellClaims(target.party, target.issue)[0];
    const seen = await page.evaluate(
      ({ sel, first }) => {
        const button = document.querySelector(sel);
        const mark = document.querySelector(`mark.cr-passage[data-claim~="${first}"]`);
        const before = window.scrollY;
        // Record how the reader asks the browser to scroll.
        const calls = [];
        const record = (name, original) =>
          function (...args) {
            const opts = args.find((a) => a && typeof a === 'object');
            calls.push(`${name}(${opts?.behavior ?? 'auto'})`);
            return original.apply(this, args);
          };
        for (const name of ['scrollIntoView', 'scrollTo', 'scrollBy', 'scroll']) {
          if (Element.prototype[name]) Element.prototype[name] = record(`Element.${name}`, Element.prototype[name]);
          window[name] = record(`window.${name}`, window[name]);
        }
        button.click();
        const r = mark.getBoundingClientRect();
        const behaviours = [document.scrollingElement, document.body, document.querySelector('.claim-reader')].map(
          (e) => getComputedStyle(e).scrollBehavior,
        );
        return { before, after: window.scrollY, top: r.top, bottom: r.bottom, height: window.innerHeight, behaviours, calls };
      },
      { sel: `${ROOT} td[data-party="${target.party}"][data-issue="${target.issue}"] button.cr-cell`, first },
    );
    assert.deepEqual(seen.behaviours, ['auto', 'auto', 'auto'], 'scroll-behavior is auto');
    assert.ok(seen.calls.length > 0, 'the click scrolls the passage into view');
    assert.deepEqual(seen.calls.filter((c) => c.includes('smooth')), [], `no smooth scrolling: ${seen.calls.join(', ')}`);
    assert.ok(
      seen.top >= 0 && seen.bottom <= seen.height,
      `right after the click the passage of ${first} is in view (scrollY ${seen.before} → ${seen.after}, passage at ${Math.round(seen.top)}–${Math.round(seen.bottom)} of ${seen.height})`,
    );
    await until(async () => claimIds((await page.evaluate(() => document.activeElement?.getAttribute('data-claim')))).includes(first), 'focus on the passage');
  });

  readerTest(getEnv, 'print: every claim’s details are printed (as a list or footnotes)', async ({ page }) => {
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(ARTIFACTS, 'a11y-print.png'), fullPage: true });
    const printed = (await page.locator(ROOT).innerText()).replace(/\s+/g, ' ');
    const missing = [];
    for (const claim of SEED.claims) {
      const party = SEED.parties.find((p) => p.id === claim.party).name;
      const parts = [claim.summary.replace(/\s+/g, ' '), `Reported by ${claim.attribution.reported_by}`];
      const lost = parts.filter((p) => !printed.includes(p));
      if (lost.length > 0) missing.push(`${claim.id} (${party} ${claim.stance}): not printed: ${lost.map((p) => `"${p}"`).join(', ')}`);
    }
    const tip = await page.evaluate((root) => getComputedStyle(document.querySelector(`${root} .cr-details`)).display, ROOT);
    assert.deepEqual(
      missing,
      [],
      `in print the details (display: ${tip}) of ${missing.length} of ${SEED.claims.length} claims are nowhere on the page:\n${missing.join('\n')}`,
    );
  });
});

describe('a11y: desktop 1280×900, dark', () => {
  const getEnv = useEnvironment('a11y-dark', { ...DESKTOP, colorScheme: 'dark' });

  readerTest(getEnv, 'axe: no WCAG 2.1 A/AA violations (desktop dark)', async ({ page }) => {
    await assertDark(page);
    await axeCheck(page, 'desktop-dark');
  });

  readerTest(getEnv, 'axe: no WCAG 2.1 A/AA violations with details open (desktop dark)', async ({ page }) => {
    await assertDark(page);
    await mouseOnto(page, markOf(page, 'us-crimea'));
    await openDetails(page);
    await axeCheck(page, 'details-open-dark');
    assert.ok(await isOpen(page), 'the details were still open when axe finished');
  });

  readerTest(getEnv, 'colour: text over every highlight has 4.5:1 contrast (dark)', async ({ page }) => {
    await assertDark(page);
    await assertHighlightContrast(page, 'dark');
  });

  readerTest(getEnv, 'keyboard: the focus ring shows in dark mode', async ({ page }) => {
    await install(page);
    const problems = [];
    await page.evaluate(() => window.scrollTo(0, 0));
    let marks = 0;
    for (let i = 0; i < 80 && marks < 3; i++) {
      await page.keyboard.press('Tab');
      const f = await focusInfo(page);
      if (f.mark < 0 && f.cell < 0) continue;
      if (f.mark >= 0) marks++;
      const ring = await page.evaluate(() => window.__a11y.ring(document.activeElement));
      if (ring.style === 'none' || ring.width < 2 || ring.contrast < 3) problems.push(`${f.what}: ${JSON.stringify(ring)}`);
    }
    const button = cellOf(page, 'us', 'land-and-access').locator('button.cr-cell');
    await button.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => [window.__a11y.describe(document.activeElement), window.__a11y.ring(document.activeElement)]);
    if (ring[1].style === 'none' || ring[1].width < 2 || ring[1].contrast < 3) problems.push(`${ring[0]}: ${JSON.stringify(ring[1])}`);
    assert.deepEqual(problems, [], `focus rings that are missing, thin or faint in dark mode:\n${problems.join('\n')}`);
  });
});

describe('a11y: mobile 375×667, touch', () => {
  const getEnv = useEnvironment('a11y-mobile', MOBILE);

  readerTest(getEnv, 'axe: no WCAG 2.1 A/AA violations (mobile touch)', async ({ page }) => {
    await axeCheck(page, 'mobile');
  });

  readerTest(getEnv, 'touch: a tap opens, a tap elsewhere closes, a tap on the close button closes', async ({ page }) => {
    const mark = markOf(page, 'us-crimea');
    await mark.scrollIntoViewIfNeeded();
    await tapAt(page, centre((await lineBoxes(mark))[0]));
    await openDetails(page);
    assert.ok((await detailsClaims(page)).includes('us-crimea'), 'the tapped passage’s details');

    // Elsewhere: the headline, once it is on screen and not covered.
    await page.evaluate(() => window.scrollTo(0, 0));
    const h1 = page.locator(`${ROOT} h1`);
    const spot = centre(await h1.evaluate((el) => el.getBoundingClientRect().toJSON()));
    const hit = await page.evaluate(({ x, y }) => !!document.elementFromPoint(x, y)?.closest('h1'), spot);
    assert.ok(hit, 'the headline is not covered');
    await tapAt(page, spot);
    await waitClosed(page, 'a tap on the headline closes the details');

    await mark.scrollIntoViewIfNeeded();
    await tapAt(page, centre((await lineBoxes(mark))[0]));
    const { tip } = await openDetails(page);
    const close = tip.locator('button.cr-details-close');
    await assertInViewport(page, close, 'the close button');
    const box = await close.boundingBox();
    await tapAt(page, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
    await waitClosed(page, 'a tap on the close button closes the details');
    await sleep(600);
    assert.ok(!(await isOpen(page)), 'the details stay closed after the close button');
  });

  readerTest(getEnv, 'touch: nothing is reachable only by hover (every passage and every cell by tap)', async ({ page }) => {
    const problems = [];
    const titled = await page.locator(`${ROOT} [title]`).count();
    if (titled > 0) problems.push(`${titled} elements carry a title attribute (hover-only text)`);
    const n = await page.locator(MARKS).count();
    for (let i = 0; i < n; i++) {
      const mark = page.locator(MARKS).nth(i);
      const claim = await mark.getAttribute('data-claim');
      await mark.scrollIntoViewIfNeeded();
      const lines = await lineBoxes(mark);
      const spot = centre(lines[0]);
      const covered = await page.evaluate(({ x, y }) => !!document.elementFromPoint(x, y)?.closest('.cr-details'), spot);
      if (covered) {
        await page.keyboard.press('Escape');
        await waitClosed(page, 'closed');
      }
      await tapAt(page, spot);
      const open = await until(() => isOpen(page), 'open', 2_000).catch(() => false);
      if (!open) {
        problems.push(`mark[data-claim="${claim}"]: a tap shows no details`);
        continue;
      }
      const shown = await detailsClaims(page);
      if (!claimIds(claim).every((id) => shown.includes(id))) problems.push(`mark[data-claim="${claim}"]: a tap shows ${shown.join(', ')}`);
      await page.keyboard.press('Escape');
      await waitClosed(page, 'closed');
    }
    const cells = await page.locator(CELLS_SHOWN).evaluateAll((bs) => bs.map((b) => [b.closest('td').dataset.party, b.closest('td').dataset.issue]));
    for (const [party, issue] of cells) {
      const button = cellOf(page, party, issue).locator('button.cr-cell');
      await button.scrollIntoViewIfNeeded();
      const box = await button.boundingBox();
      await tapAt(page, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
      const first = cellClaims(party, issue)[0];
      const got = await until(async () => claimIds((await focusInfoLite(page)).claim).includes(first), 'focus', 2_000).catch(() => false);
      if (!got) problems.push(`cell ${party} × ${issue}: a tap does not bring focus to the passage of ${first}`);
      else if (!(await until(() => isOpen(page), 'open', 2_000).catch(() => false))) problems.push(`cell ${party} × ${issue}: a tap shows no details`);
      await page.keyboard.press('Escape');
    }
    assert.deepEqual(problems, [], problems.join('\n'));
  });

  readerTest(getEnv, 'touch: every control is at least 24×24 CSS px', async ({ page }) => {
    const measure = () => page.evaluate((root) => {
      const controls = document.querySelectorAll(
        `${root} button, ${root} a[href], ${root} summary, ${root} input, ${root} select, ${root} [role="button"]`,
      );
      return [...controls]
        .filter((c) => c.getClientRects().length > 0)
        .map((c) => {
          const r = c.getBoundingClientRect();
          return { what: c.dataset.issue ? `${c.className} [data-issue=${c.dataset.issue}]` : `${c.tagName.toLowerCase()}.${c.className}`, w: r.width, h: r.height };
        })
        .filter((c) => c.w < 24 || c.h < 24)
        .map((c) => `${c.what}: ${c.w.toFixed(1)}×${c.h.toFixed(1)}`);
    }, ROOT);
    // Details opened from a passage, then from a table cell (which may add a way back).
    const mark = markOf(page, 'us-crimea');
    await mark.scrollIntoViewIfNeeded();
    await tapAt(page, centre((await lineBoxes(mark))[0]));
    await openDetails(page);
    const small = await measure();
    const button = cellOf(page, 'us', 'land-and-access').locator('button.cr-cell');
    await button.scrollIntoViewIfNeeded();
    const box = await button.boundingBox();
    await tapAt(page, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
    await until(async () => claimIds((await focusInfoLite(page)).claim).includes('us-dnieper'), 'the cell’s passage');
    await openDetails(page);
    for (const s of await measure()) if (!small.includes(s)) small.push(s);
    const counts = await page.evaluate((root) => ({
      legend: document.querySelectorAll(`${root} .cr-legend button`).length,
      cells: document.querySelectorAll(`${root} button.cr-cell`).length,
      close: document.querySelectorAll(`${root} button.cr-details-close`).length,
    }), ROOT);
    assert.ok(counts.legend >= 7 && counts.cells >= 9 && counts.close === 1, `controls measured: ${JSON.stringify(counts)}`);
    assert.deepEqual(small, [], `controls smaller than 24×24 px:\n${small.join('\n')}`);
  });

  readerTest(
    getEnv,
    'small screen 320×640: no page scroll sideways; the table turns to fit, and what is still wider scrolls in its box with sticky row headers',
    async ({ page }) => {
      const width = await page.evaluate(() => document.scrollingElement.scrollWidth);
      assert.ok(width <= 320, `the page is ${width} px wide at a 320 px viewport`);
      const wrap = page.locator(`${ROOT} .cr-table-wrap`);
      const info = await wrap.evaluate((w) => ({
        overflowX: getComputedStyle(w).overflowX,
        scrollWidth: w.scrollWidth,
        clientWidth: w.clientWidth,
        focusable: w.tabIndex >= 0,
        name: w.getAttribute('aria-label') ?? w.getAttribute('aria-labelledby'),
        turned: [...w.querySelectorAll('table')].filter((t) => t.checkVisibility()).map((t) => t.classList.contains('cr-turned')),
      }));
      assert.deepEqual(info.turned, [true], 'the turned table (issues down, parties across) is the one shown');
      assert.ok(['auto', 'scroll'].includes(info.overflowX), `the table's box scrolls sideways when it must (overflow-x ${info.overflowX})`);
      assert.ok(info.focusable && info.name, 'the table box can be reached and scrolled by keyboard, and has a name');
      if (info.scrollWidth <= info.clientWidth + 1) return;
      await wrap.scrollIntoViewIfNeeded();
      const scrolled = await wrap.evaluate((w) => {
        w.scrollLeft = w.scrollWidth;
        const box = w.getBoundingClientRect();
        const inner = box.left + w.clientLeft;
        return {
          scrollLeft: w.scrollLeft,
          pageScrollX: window.scrollX,
          headers: [...w.querySelectorAll('th[scope="row"]')].filter((th) => th.checkVisibility()).map((th) => {
            const r = th.getBoundingClientRect();
            const x = r.left + Math.min(8, r.width / 2);
            const y = r.top + r.height / 2;
            return {
              name: th.dataset.party ?? th.dataset.issue,
              position: getComputedStyle(th).position,
              left: r.left,
              inner,
              onTop: th.contains(document.elementFromPoint(x, y)),
            };
          }),
        };
      });
      assert.ok(scrolled.scrollLeft > 0, 'the table box scrolled');
      assert.equal(scrolled.pageScrollX, 0, 'the page itself did not scroll sideways');
      for (const h of scrolled.headers) {
        assert.ok(
          Math.abs(h.left - h.inner) <= 2 && h.onTop,
          `row header ${h.name} stays visible at the left edge when the table is scrolled (position ${h.position}, left ${h.left.toFixed(1)} vs box ${h.inner.toFixed(1)}, on top: ${h.onTop})`,
        );
      }
    },
    { viewport: { width: 320, height: 640 } },
  );

  readerTest(
    getEnv,
    'small screen 320×640: details stay in the viewport near the left and right edges and the bottom',
    async ({ page }) => {
      const n = await page.locator(MARKS).count();
      // Line boxes of all passages, in page coordinates.
      const all = await page.$$eval(MARKS, (ms) =>
        ms.flatMap((m, i) => [...m.getClientRects()].filter((r) => r.width >= 24).map((r) => ({
          i, left: r.left, right: r.right, top: r.top + window.scrollY, bottom: r.bottom + window.scrollY,
        }))),
      );
      assert.ok(n > 0 && all.length > 0);
      const leftmost = all.reduce((a, b) => (b.left < a.left ? b : a));
      const rightmost = all.reduce((a, b) => (b.right > a.right ? b : a));
      const cases = [
        { what: 'near the left edge', box: leftmost, at: (r) => ({ x: r.left + 6, y: (r.top + r.bottom) / 2 }) },
        { what: 'near the right edge', box: rightmost, at: (r) => ({ x: r.right - 6, y: (r.top + r.bottom) / 2 }) },
        { what: 'near the bottom (left)', box: leftmost, bottom: true, at: (r) => ({ x: r.left + 6, y: (r.top + r.bottom) / 2 }) },
        { what: 'near the bottom (right)', box: rightmost, bottom: true, at: (r) => ({ x: r.right - 6, y: (r.top + r.bottom) / 2 }) },
      ];
      const problems = [];
      for (const c of cases) {
        const vh = page.viewportSize().height;
        const scrollTo = c.bottom ? c.box.bottom - (vh - 12) : c.box.top - vh / 3;
        await page.evaluate((y) => window.scrollTo(0, y), Math.max(0, scrollTo));
        const r = await page.evaluate((b) => ({ left: b.left, right: b.right, top: b.top - window.scrollY, bottom: b.bottom - window.scrollY }), c.box);
        await tapAt(page, c.at(r));
        const open = await until(() => isOpen(page), 'open', 2_000).catch(() => false);
        const claim = await page.locator(MARKS).nth(c.box.i).getAttribute('data-claim');
        if (!open) {
          problems.push(`${c.what} (${claim}): the tap at ${JSON.stringify(c.at(r))} showed no details`);
          continue;
        }
        const box = await tooltipOf(page).boundingBox();
        const { width, height } = page.viewportSize();
        if (box.x < -1 || box.y < -1 || box.x + box.width > width + 1 || box.y + box.height > height + 1) {
          problems.push(
            `${c.what} (${claim}, passage line at ${Math.round(r.left)}–${Math.round(r.right)} × ${Math.round(r.top)}–${Math.round(r.bottom)}): ` +
              `details at x ${Math.round(box.x)}–${Math.round(box.x + box.width)}, y ${Math.round(box.y)}–${Math.round(box.y + box.height)} leave the ${width}×${height} viewport`,
          );
        }
        await page.keyboard.press('Escape');
        await waitClosed(page, 'closed');
      }
      assert.deepEqual(problems, [], problems.join('\n'));
    },
    { viewport: { width: 320, height: 640 } },
  );
});

// ---- shared assertions -----------------------------------------------------------------------

function focusInfoLite(page) {
  return page.evaluate(() => ({ claim: document.activeElement?.getAttribute('data-claim') ?? null }));
}

function shownClaims(page) {
  return page.evaluate(() => {
    const tip = document.querySelector('[role="tooltip"]');
    if (!tip || tip.hidden || tip.getClientRects().length === 0) return [];
    return [...tip.querySelectorAll('[data-claim]')].map((s) => s.dataset.claim);
  });
}

/**
 * Puts the pointer on the line box of the passage of `claim` that touches its details, waits
 * `restOnPassage` ms there (the details must stay), then moves onto the details in 2 px steps,
 * checking after every step that they stay. Returns the details' box and placement.
 */
async function pointerOntoDetails(page, claim, { nearBottom = false, restOnPassage = 0 } = {}) {
  const mark = markOf(page, claim);
  await mark.scrollIntoViewIfNeeded();
  if (nearBottom) {
    await mark.evaluate((el) => {
      const r = [...el.getClientRects()].at(-1);
      window.scrollBy(0, r.bottom - (window.innerHeight - 24));
    });
  }
  await page.mouse.move(2, 2);
  await waitClosed(page, 'no details with the pointer in the corner');
  let lines = await lineBoxes(mark);
  await page.mouse.move(centre(lines[0]).x, centre(lines[0]).y);
  const { tip } = await openDetails(page);
  const placement = await tip.getAttribute('data-placement');
  let box = await tip.boundingBox();
  const below = box.y >= lines[0].top;
  // Start again from the line box next to the details, above the details' horizontal span.
  await page.mouse.move(2, 2);
  await waitClosed(page, 'the details close when the pointer leaves');
  lines = await lineBoxes(mark);
  const line = below ? lines.at(-1) : lines[0];
  const lo = Math.max(line.left, box.x) + 3;
  const hi = Math.min(line.right, box.x + box.width) - 3;
  const from = { x: Math.max(lo, Math.min(centre(line).x, hi)), y: below ? line.bottom - 3 : line.top + 3 };
  await page.mouse.move(from.x, from.y);
  await page.evaluate((p) => (window.__a11yPointer = p), from);
  await until(async () => (await shownClaims(page)).includes(claim), `the details of ${claim} open on hover`);
  if (restOnPassage > 0) {
    await sleep(restOnPassage);
    const shown = await shownClaims(page);
    if (!shown.includes(claim)) {
      throw new assert.AssertionError({
        message: `after ${restOnPassage} ms with the pointer resting on the passage the details show ${shown.join(', ') || 'nothing'}`,
      });
    }
  }
  box = await tip.boundingBox();
  const into = { x: from.x, y: below ? box.y + 20 : box.y + box.height - 20 };
  await moveChecking(page, from, into, claim, 2);
  await page.evaluate((p) => (window.__a11yPointer = p), into);
  return { box, placement };
}

/** Moves the real pointer from a to b in steps of at most `step` px, checking after every step
 * that the details of `claim` are still shown. */
async function moveChecking(page, a, b, claim, step = 3) {
  const n = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / step));
  for (let k = 1; k <= n; k++) {
    const x = a.x + ((b.x - a.x) * k) / n;
    const y = a.y + ((b.y - a.y) * k) / n;
    await page.mouse.move(x, y);
    await page.evaluate((p) => (window.__a11yPointer = p), { x, y });
    const shown = await shownClaims(page);
    if (!shown.includes(claim)) {
      const under = await page.evaluate(({ x, y }) => window.__a11y?.describe(document.elementFromPoint(x, y)) ?? document.elementFromPoint(x, y)?.tagName, { x, y });
      throw new assert.AssertionError({
        message: `the details of ${claim} ${shown.length ? `switched to ${shown.join(', ')}` : 'closed'} with the pointer at (${Math.round(x)}, ${Math.round(y)}) over ${under}, step ${k} of ${n} from (${Math.round(a.x)}, ${Math.round(a.y)}) to (${Math.round(b.x)}, ${Math.round(b.y)})`,
      });
    }
  }
}

async function assertDark(page) {
  await install(page);
  const bg = await page.evaluate((root) => window.__a11y.hex(window.__a11y.background(document.querySelector(root))), ROOT);
  const lum = parseInt(bg.slice(1, 3), 16) + parseInt(bg.slice(3, 5), 16) + parseInt(bg.slice(5, 7), 16);
  assert.ok(lum < 3 * 80, `the reader is dark in dark mode (background ${bg})`);
}

async function assertHighlightContrast(page, mode) {
  await install(page);
  const marks = await page.$$eval(`${ROOT} mark.cr-passage:not(.is-muted)`, (ms) =>
    ms.map((m) => {
      const { parse, over, contrast, background, hex } = window.__a11y;
      const fg = parse(getComputedStyle(m).color);
      const bg = background(m);
      const result = { claim: m.getAttribute('data-claim'), fg: hex(fg), bg: hex(bg), ratio: contrast(fg, bg) };
      // Overlapping claims draw stripes over the tint: the text must read over them too.
      const stripes = /rgba?\([^)]*\)/.exec(getComputedStyle(m).backgroundImage);
      if (stripes) {
        const striped = over(parse(stripes[0]), bg);
        result.stripe = hex(striped);
        result.ratio = Math.min(result.ratio, contrast(fg, striped));
      }
      return result;
    }),
  );
  assert.ok(marks.length >= 12);
  const low = marks.filter((m) => m.ratio < 4.5).map((m) => `${m.claim}: ${m.fg} on ${m.bg}${m.stripe ? ` / stripe ${m.stripe}` : ''} = ${m.ratio.toFixed(2)}:1`);
  console.log(`highlight contrast (${mode}): lowest ${Math.min(...marks.map((m) => m.ratio)).toFixed(2)}:1 over ${marks.length} highlights`);
  assert.deepEqual(low, [], `highlights below 4.5:1 in ${mode} mode:\n${low.join('\n')}`);
}
