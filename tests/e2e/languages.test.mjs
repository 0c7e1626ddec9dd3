// The reader in six languages and scripts (dist/demo/languages.html, the made-up articles of
// static/demo/samples/): Arabic (right to left), Turkish, Japanese, Vietnamese, Korean and Hindi.
// For each: the reader takes the file's language and direction, every claim is placed on exactly
// the words of its quote (some quotes are written in Unicode NFD, or with combining marks out of
// canonical order, or as conjoining Hangul jamo), and the stance table says what the file says.
// Arabic is mirrored: text from the right, party names on the right, details aligned with the
// passage's right edge. axe-core in light and dark; screenshots at 1280 and 375 px wide (in
// tests/e2e/artifacts/languages-*.png), with no sideways scrolling at 375 px.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ARTIFACTS, DESKTOP, MOBILE, horizontalOverflow, openEnvironment, until } from './harness.mjs';

const require = createRequire(import.meta.url);
const PAGE = 'demo/languages.html';
const LANGUAGES = ['ar', 'tr', 'ja', 'vi', 'ko', 'hi'];
const SAMPLES = Object.fromEntries(
  LANGUAGES.map((l) => [l, JSON.parse(readFileSync(new URL(`../../static/demo/samples/${l}.json`, import.meta.url), 'utf8'))]),
);
const host = (lang) => `#reader-${lang}`;
const readerIn = (page, lang) => page.locator(`${host(lang)} .claim-reader[data-ready="true"]`);
const markIn = (page, lang, claim) => page.locator(`${host(lang)} mark.cr-passage[data-claim~="${claim}"]`).first();
const tooltipIn = (page, lang) => page.locator(`${host(lang)} [role="tooltip"]`);

/** What each file's table must say, party|issue → data-stance, as the articles state it. */
const TABLES = {
  ar: {
    'green-list|bus-contract': 'demands', 'green-list|bus-trial': 'rejects', 'green-list|souk': 'supports',
    'alliance|bus-contract': 'rejects', 'alliance|bus-trial': 'proposes', 'alliance|souk': 'undecided',
    'merchants|bus-contract': 'not-stated', 'merchants|bus-trial': 'not-stated', 'merchants|souk': 'demands',
  },
  tr: {
    'yesil-kiyi|sahil-parki': 'demands', 'yesil-kiyi|otopark': 'opposes', 'yesil-kiyi|kis-havuzu': 'supports',
    'isik|sahil-parki': 'opposes', 'isik|otopark': 'proposes', 'isik|kis-havuzu': 'demands',
    'cinar|sahil-parki': 'undecided', 'cinar|otopark': 'not-stated', 'cinar|kis-havuzu': 'opposes',
  },
  ja: {
    'chomin|tougou': 'demands', 'chomin|zoubin': 'undecided', 'chomin|demand': 'not-stated',
    'midori|tougou': 'opposes', 'midori|zoubin': 'mixed', 'midori|demand': 'not-stated',
    'mirai|tougou': 'supports', 'mirai|zoubin': 'not-stated', 'mirai|demand': 'proposes',
  },
  vi: {
    'ubnd|pho-di-bo': 'proposes', 'ubnd|di-doi-cho': 'undecided',
    'tieu-thuong|pho-di-bo': 'supports', 'tieu-thuong|di-doi-cho': 'opposes',
    'to-dan-pho-5|pho-di-bo': 'undecided', 'to-dan-pho-5|di-doi-cho': 'opposes',
  },
  ko: {
    'mirae|kickboard-ban': 'demands', 'mirae|kickboard-zones': 'not-stated', 'mirae|library-night': 'undecided',
    'jumin|kickboard-ban': 'opposes', 'jumin|kickboard-zones': 'proposes', 'jumin|library-night': 'proposes',
    'pureun|kickboard-ban': 'undecided', 'pureun|kickboard-zones': 'not-stated', 'pureun|library-night': 'supports',
  },
  hi: {
    'jan-vikas|audyogik-kshetra': 'mixed', 'jan-vikas|harit-kshetra': 'not-stated', 'jan-vikas|shramik-awas': 'undecided',
    'harit-manch|audyogik-kshetra': 'rejects', 'harit-manch|harit-kshetra': 'demands', 'harit-manch|shramik-awas': 'supports',
    'shramik-sangh|audyogik-kshetra': 'supports', 'shramik-sangh|harit-kshetra': 'not-stated', 'shramik-sangh|shramik-awas': 'demands',
  },
};

/** The claims whose quotes the files write in another normalisation form than the text. */
const UNNORMALISED = { vi: ['tieu-thuong-pho', 'to-5-cho'], ko: ['pureun-ban'] };

function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}

/**
 * A test on a fresh languages page in `getEnv()`'s context, every reader rendered: body({ page }).
 * A failure saves a screenshot; console errors, page errors and failed requests fail the test.
 */
function pageTest(getEnv, name, body, options = {}) {
  test(name, options, async () => {
    const env = getEnv();
    const page = await env.context.newPage();
    const errors = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`console error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
    page.on('requestfailed', (req) => {
      if (req.failure()?.errorText === 'net::ERR_ABORTED') return;
      errors.push(`request failed: ${req.url()} (${req.failure()?.errorText ?? 'unknown'})`);
    });
    try {
      await page.goto(new URL(PAGE, env.server.url).href);
      for (const lang of LANGUAGES) await readerIn(page, lang).waitFor({ timeout: 20_000 });
      await body({ page });
    } catch (err) {
      await page.screenshot({ path: join(ARTIFACTS, `failed-${env.name}-${slug(name)}.png`), fullPage: true }).catch(() => {});
      if (errors.length) err.message += `\n(the page logged:\n  ${errors.join('\n  ')})`;
      throw err;
    } finally {
      await page.close();
    }
    assert.deepEqual(errors, [], 'the page logged errors');
  });
}

// ---- what runs in the page -------------------------------------------------------------------

/**
 * For each claim id: the text of its passages in order (screen-reader labels left out), their
 * issues and the paragraphs (indices) they are in.
 */
function passageTexts(root, ids) {
  const text = (mark) =>
    [...mark.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.data).join('');
  const paragraphs = [...root.querySelectorAll('p.cr-paragraph')];
  return Object.fromEntries(
    ids.map((id) => {
      const marks = [...root.querySelectorAll('mark.cr-passage')].filter((m) => m.dataset.claim.split(/\s+/).includes(id));
      return [
        id,
        {
          text: marks.map(text).join(''),
          issues: marks.map((m) => m.dataset.issue),
          paragraphs: [...new Set(marks.map((m) => paragraphs.indexOf(m.closest('p.cr-paragraph'))))],
        },
      ];
    }),
  );
}

/** The stance table that is shown: its cells and which side its row headers are on. */
function shownTable(root) {
  const table = [...root.querySelectorAll('table.cr-stance-table')].find((t) => t.checkVisibility());
  if (!table) return null;
  const rows = [...table.querySelectorAll('tbody tr')].map((tr) => {
    const th = tr.querySelector('th[scope="row"]').getBoundingClientRect();
    const tds = [...tr.querySelectorAll('td')].map((td) => td.getBoundingClientRect());
    return {
      head: tr.querySelector('th[scope="row"]').dataset.party ?? tr.querySelector('th[scope="row"]').dataset.issue,
      headLeft: th.left,
      headRight: th.right,
      cellsLeft: Math.min(...tds.map((r) => r.left)),
      cellsRight: Math.max(...tds.map((r) => r.right)),
    };
  });
  return {
    turned: table.classList.contains('cr-turned'),
    cells: Object.fromEntries(
      [...table.querySelectorAll('td[data-party][data-issue]')].map((td) => [`${td.dataset.party}|${td.dataset.issue}`, td.dataset.stance]),
    ),
    texts: Object.fromEntries(
      [...table.querySelectorAll('td[data-party][data-issue]')].map((td) => [
        `${td.dataset.party}|${td.dataset.issue}`,
        td.innerText.replace(/\s+/g, ' ').trim(),
      ]),
    ),
    rows,
  };
}

/** Where the lines of a paragraph begin and end, against the paragraph's content box. */
function paragraphLines(p) {
  const cs = getComputedStyle(p);
  const box = p.getBoundingClientRect();
  const content = {
    left: box.left + parseFloat(cs.paddingLeft) + parseFloat(cs.borderLeftWidth),
    right: box.right - parseFloat(cs.paddingRight) - parseFloat(cs.borderRightWidth),
  };
  const range = document.createRange();
  range.selectNodeContents(p);
  const rects = [...range.getClientRects()].filter((r) => r.width > 0);
  const tops = [...new Set(rects.map((r) => Math.round(r.top)))].sort((a, b) => a - b);
  const line = (top) => {
    const on = rects.filter((r) => Math.abs(Math.round(r.top) - top) <= 2);
    return { left: Math.min(...on.map((r) => r.left)), right: Math.max(...on.map((r) => r.right)) };
  };
  // The first character the text holds (skipping any screen-reader-only label).
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement.closest('.cr-sr') || !n.data.trim() ? NodeFilter.FILTER_SKIP : NodeFilter.FILTER_ACCEPT),
  });
  const first = walker.nextNode();
  const char = document.createRange();
  char.setStart(first, 0);
  char.setEnd(first, 1);
  const c = char.getBoundingClientRect();
  return {
    direction: cs.direction,
    textAlign: cs.textAlign,
    content,
    lines: tops.length,
    first: line(tops[0]),
    last: line(tops.at(-1)),
    firstChar: { left: c.left, right: c.right, top: c.top, bottom: c.bottom },
  };
}

// ---- axe ---------------------------------------------------------------------------------------

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** The reader's background in each palette (README, Theming). */
const LIGHT = 'rgb(255, 255, 255)';
const DARK = 'rgb(21, 21, 21)';

/** Runs axe-core (WCAG 2.1 A/AA) on the whole page, writes its report, asserts no violations. */
async function axeCheck(page, mode) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const result = await page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    const nodes = (list) => list.map((n) => ({ target: n.target.map(String), summary: n.failureSummary ?? '' }));
    return {
      axe: r.testEngine.version,
      passes: r.passes.map((x) => x.id).sort(),
      incomplete: r.incomplete.map((x) => ({ id: x.id, nodes: nodes(x.nodes) })),
      violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: nodes(v.nodes) })),
    };
  }, AXE_TAGS);
  await writeFile(join(ARTIFACTS, `axe-languages-${mode}.json`), `${JSON.stringify({ mode, runOnly: AXE_TAGS, ...result }, null, 2)}\n`);
  console.log(
    `axe ${result.axe} languages ${mode}: ${result.passes.length} rules passed, ${result.incomplete.length} need review, ` +
      `${result.violations.length} violated`,
  );
  const readable = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    at ${n.target.join(' ')}\n      ${n.summary}`).join('\n')}`,
  );
  assert.deepEqual(readable, [], `axe found WCAG 2.1 A/AA violations (${mode}):\n${readable.join('\n')}`);
}

// ---- desktop -----------------------------------------------------------------------------------

describe('six languages, desktop 1280×900', () => {
  let env;
  before(async () => {
    env = await openEnvironment('languages', { ...DESKTOP, colorScheme: 'light' });
  });
  after(async () => {
    await env?.close();
  });
  const getEnv = () => env;

  for (const lang of LANGUAGES) {
    const sample = SAMPLES[lang];
    const ids = sample.claims.map((c) => c.id);

    pageTest(getEnv, `${lang}: lang and dir from the file, every claim on the words of its quote, the stance table`, async ({ page }) => {
      const root = readerIn(page, lang);
      const attrs = await root.evaluate((el) => ({
        lang: el.getAttribute('lang'),
        dir: el.getAttribute('dir'),
        direction: getComputedStyle(el).direction,
      }));
      const dir = lang === 'ar' ? 'rtl' : 'ltr';
      assert.deepEqual(attrs, { lang: sample.article.language, dir, direction: dir }, `${lang}: the reader's lang and dir`);

      assert.equal(await page.locator(`${host(lang)} .cr-unplaced li`).count(), 0, `${lang}: no claim is listed as not found`);
      const passages = await root.evaluate(passageTexts, ids);
      const wrong = [];
      for (const claim of sample.claims) {
        const quote = claim.quote.exact.normalize('NFC');
        const got = passages[claim.id];
        if (got.text !== quote) wrong.push(`${claim.id}: highlighted "${got.text}", quote "${quote}"`);
        else if (!got.issues.every((i) => i.split(' ').includes(claim.issue))) wrong.push(`${claim.id}: marks of issues ${got.issues}`);
        else if (got.paragraphs.join() !== String(claim.quote.paragraph)) wrong.push(`${claim.id}: in paragraphs ${got.paragraphs}`);
      }
      assert.deepEqual(wrong, [], `${lang}: every claim's passages are its quote`);
      // The quotes written in NFD (or out of canonical order) really are, so the test proves
      // something.
      for (const id of UNNORMALISED[lang] ?? []) {
        const exact = sample.claims.find((c) => c.id === id).quote.exact;
        assert.notEqual(exact, exact.normalize('NFC'), `${id}'s quote is not in NFC in the file`);
      }

      const table = await root.evaluate(shownTable);
      assert.ok(table, `${lang}: a stance table is shown`);
      assert.deepEqual(table.cells, TABLES[lang], `${lang}: the stance of every party on every issue`);
      for (const [key, stance] of Object.entries(TABLES[lang])) {
        const words = stance === 'not-stated' ? ['not stated'] : stance === 'mixed' ? [] : [stance];
        if (stance === 'mixed') {
          const [party, issue] = key.split('|');
          for (const c of sample.claims.filter((c) => c.party === party && c.issue === issue)) words.push(c.stance);
        }
        for (const w of words) assert.ok(table.texts[key].includes(w), `${lang}: cell ${key} reads "${w}": "${table.texts[key]}"`);
      }
    });
  }

  pageTest(getEnv, 'ar: the article reads from the right and the party names stand on the right of the table', async ({ page }) => {
    const root = readerIn(page, 'ar');
    await root.scrollIntoViewIfNeeded();
    const paragraphs = page.locator(`${host('ar')} p.cr-paragraph`);
    const count = await paragraphs.count();
    assert.equal(count, SAMPLES.ar.article.paragraphs.length);
    let oneLine = 0;
    for (let i = 0; i < count; i++) {
      const p = await paragraphs.nth(i).evaluate(paragraphLines);
      assert.equal(p.direction, 'rtl', `paragraph ${i} is right to left`);
      assert.ok(Math.abs(p.first.right - p.content.right) <= 2, `paragraph ${i}'s first line ends at the column's right edge: ${JSON.stringify(p)}`);
      assert.ok(Math.abs(p.firstChar.right - p.content.right) <= 2, `paragraph ${i}'s first letter is at the right: ${JSON.stringify(p)}`);
      if (p.lines === 1) {
        oneLine += 1;
        assert.ok(p.first.left > p.content.left + 40, `one-line paragraph ${i} leaves the left empty: ${JSON.stringify(p)}`);
      }
    }
    assert.ok(oneLine > 0, 'some paragraph is one line, short of the left edge');
    const table = await root.evaluate(shownTable);
    assert.equal(table.turned, false, 'three parties and three issues: parties down');
    for (const row of table.rows) {
      assert.ok(row.headLeft >= row.cellsRight - 1, `the row of ${row.head}: its name stands right of its cells: ${JSON.stringify(row)}`);
    }
  });

  pageTest(getEnv, 'ar: hovering a passage at the start of a right-to-left line opens the details from its right edge', async ({ page }) => {
    const claim = 'green-buses';
    const sample = SAMPLES.ar.claims.find((c) => c.id === claim);
    assert.equal(sample.quote.start, 0, 'the passage begins its paragraph');
    const mark = markIn(page, 'ar', claim);
    await mark.scrollIntoViewIfNeeded();
    const where = await mark.evaluate((m) => {
      const p = m.closest('p.cr-paragraph');
      const cs = getComputedStyle(p);
      const text = [...m.childNodes].find((n) => n.nodeType === Node.TEXT_NODE);
      const r = document.createRange();
      r.setStart(text, 0);
      r.setEnd(text, 1);
      const c = r.getBoundingClientRect();
      const box = m.getBoundingClientRect();
      return {
        columnRight: p.getBoundingClientRect().right - parseFloat(cs.paddingRight),
        markRight: box.right,
        firstChar: { x: c.left + c.width / 2, y: c.top + c.height / 2, right: c.right },
      };
    });
    assert.ok(Math.abs(where.markRight - where.columnRight) <= 2, `the passage starts at the column's right edge: ${JSON.stringify(where)}`);
    assert.ok(Math.abs(where.firstChar.right - where.columnRight) <= 2, `its first letter is at the right edge: ${JSON.stringify(where)}`);
    await page.mouse.move(where.firstChar.x, where.firstChar.y);
    const tip = tooltipIn(page, 'ar');
    await tip.waitFor({ state: 'visible', timeout: 3_000 });
    const text = (await tip.innerText()).replace(/\s+/g, ' ');
    assert.ok(text.includes('قائمة الريحان الخضراء'), `the details name the party: ${text}`);
    assert.ok(text.includes(sample.summary), `the details give the summary: ${text}`);
    const card = await tip.locator('.cr-details-card').boundingBox();
    const reader = await readerIn(page, 'ar').boundingBox();
    const viewport = page.viewportSize();
    const box = JSON.stringify({ card, reader, where });
    assert.ok(card.x >= reader.x - 1 && card.x + card.width <= reader.x + reader.width + 1, `the details lie inside the reader's box: ${box}`);
    assert.ok(card.x >= -1 && card.y >= -1 && card.x + card.width <= viewport.width + 1 && card.y + card.height <= viewport.height + 1, `the details lie inside the viewport: ${box}`);
    assert.ok(Math.abs(card.x + card.width - where.markRight) <= 3, `the details' right edge is the passage's right edge: ${box}`);
    assert.equal(await tip.evaluate((t) => getComputedStyle(t).direction), 'rtl', 'the details are right to left too');
    await page.screenshot({ path: join(ARTIFACTS, 'languages-1280-ar-details.png') });
  });

  pageTest(
    getEnv,
    "ar: the reader's own English sentences run left to right, their full stop at the end",
    async ({ page }) => {
      const wrong = await readerIn(page, 'ar').evaluate((root) =>
        [...root.querySelectorAll('[lang="en"]')]
          .filter((el) => el.checkVisibility() && !el.closest('.cr-sr'))
          .filter((el) => /[.?!:]\s*$/.test(el.textContent.trim()) && getComputedStyle(el).direction !== 'ltr')
          .map((el) => `${el.tagName.toLowerCase()}.${el.className}: "${el.textContent.trim().slice(0, 60)}" is ${getComputedStyle(el).direction}`),
      );
      assert.deepEqual(wrong, [], 'English sentences laid out right to left show their full stop at the left, before the first word');
    },
  );

  pageTest(getEnv, 'axe: no WCAG 2.1 A/AA violations on the languages page (light)', async ({ page }) => {
    for (const lang of LANGUAGES) {
      assert.equal(await readerIn(page, lang).evaluate((el) => getComputedStyle(el).backgroundColor), LIGHT, `${lang} is light`);
    }
    await axeCheck(page, 'light');
  });

  pageTest(getEnv, 'axe: no WCAG 2.1 A/AA violations on the languages page (dark, data-theme)', async ({ page }) => {
    // Each host is put back with data-theme="dark": the old reader is released, a dark one mounted.
    await page.evaluate(() => {
      for (const old of document.querySelectorAll('[data-claim-reader]')) {
        const fresh = document.createElement('div');
        for (const a of old.attributes) fresh.setAttribute(a.name, a.value);
        fresh.setAttribute('data-theme', 'dark');
        fresh.append(Object.assign(document.createElement('p'), { textContent: 'The interactive breakdown needs JavaScript.' }));
        old.replaceWith(fresh);
      }
    });
    for (const lang of LANGUAGES) {
      await page.locator(`${host(lang)} .claim-reader[data-ready="true"][data-theme="dark"]`).waitFor({ timeout: 20_000 });
      assert.equal(await page.locator(`${host(lang)} .claim-reader`).count(), 1, `${lang}: one reader in its host`);
      assert.equal(await readerIn(page, lang).evaluate((el) => getComputedStyle(el).backgroundColor), DARK, `${lang} is dark`);
    }
    await axeCheck(page, 'dark');
    for (const lang of LANGUAGES) {
      await readerIn(page, lang).screenshot({ path: join(ARTIFACTS, `languages-1280-${lang}-dark.png`) });
    }
  });

  pageTest(getEnv, 'screenshots at 1280 px: every reader, nothing wider than its column', async ({ page }) => {
    assert.equal(await horizontalOverflow(page), 0, 'the page does not scroll sideways');
    for (const lang of LANGUAGES) {
      const root = readerIn(page, lang);
      await root.scrollIntoViewIfNeeded();
      const overflow = await root.evaluate((el) => el.scrollWidth - el.clientWidth);
      assert.ok(overflow <= 0, `${lang}: nothing sticks out of the reader (${overflow} px)`);
      await root.screenshot({ path: join(ARTIFACTS, `languages-1280-${lang}.png`) });
    }
  });
});

// ---- phone -------------------------------------------------------------------------------------

describe('six languages, phone 375×667', () => {
  let env;
  before(async () => {
    env = await openEnvironment('languages-mobile', { ...MOBILE, colorScheme: 'light' });
  });
  after(async () => {
    await env?.close();
  });
  const getEnv = () => env;

  pageTest(getEnv, 'at 375 px nothing scrolls sideways; screenshots of every reader', async ({ page }) => {
    assert.equal(await horizontalOverflow(page), 0, 'the page does not scroll sideways');
    for (const lang of LANGUAGES) {
      const root = readerIn(page, lang);
      await root.scrollIntoViewIfNeeded();
      const box = await page.locator(host(lang)).boundingBox();
      assert.ok(box.x >= -1 && box.x + box.width <= 375 + 1, `${lang}: the reader fits the screen: ${JSON.stringify(box)}`);
      const wide = await root.evaluate((el) => {
        const limit = el.getBoundingClientRect();
        return [...el.querySelectorAll('p, h1, h2, li, .cr-table-wrap, .cr-legend')]
          .filter((e) => e.checkVisibility())
          .map((e) => ({ e, r: e.getBoundingClientRect() }))
          .filter(({ r }) => r.width > 0 && (r.left < limit.left - 1 || r.right > limit.right + 1))
          .map(({ e, r }) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(r.left)}–${Math.round(r.right)}`);
      });
      assert.deepEqual(wide, [], `${lang}: parts of the reader stick out of it`);
      await root.screenshot({ path: join(ARTIFACTS, `languages-375-${lang}.png`) });
    }
    assert.equal(await horizontalOverflow(page), 0, 'the page still does not scroll sideways');
  });

  pageTest(getEnv, 'ar at 375 px: text from the right, and a tap on the first passage opens the details on screen', async ({ page }) => {
    const p = await page.locator(`${host('ar')} p.cr-paragraph`).nth(1).evaluate(paragraphLines);
    assert.equal(p.direction, 'rtl');
    assert.ok(Math.abs(p.firstChar.right - p.content.right) <= 2, `the first letter is at the right: ${JSON.stringify(p)}`);
    const mark = markIn(page, 'ar', 'green-buses');
    await mark.scrollIntoViewIfNeeded();
    const r = await mark.evaluate((m) => {
      const b = m.getClientRects()[0];
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    });
    await page.touchscreen.tap(Math.round(r.x), Math.round(r.y));
    const tip = tooltipIn(page, 'ar');
    await tip.waitFor({ state: 'visible', timeout: 3_000 });
    await until(async () => (await tip.locator('.cr-details-card').boundingBox())?.width > 0, 'the details are laid out');
    const card = await tip.locator('.cr-details-card').boundingBox();
    const reader = await readerIn(page, 'ar').boundingBox();
    const box = JSON.stringify({ card, reader });
    assert.ok(card.x >= reader.x - 1 && card.x + card.width <= reader.x + reader.width + 1, `the details lie inside the reader's box: ${box}`);
    assert.ok(card.x >= -1 && card.y >= -1 && card.x + card.width <= 375 + 1 && card.y + card.height <= 667 + 1, `the details lie inside the screen: ${box}`);
    assert.equal(await horizontalOverflow(page), 0, 'open details do not make the page scroll sideways');
    await page.screenshot({ path: join(ARTIFACTS, 'languages-375-ar-details.png') });
  });
});
