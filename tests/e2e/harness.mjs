// Shared helpers for the end-to-end tests: a loopback server for dist/, Debian's Chromium
// driven by playwright-core with a fresh profile per browser context, and per-page
// collection of console errors and page errors.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { DEFAULT_DIST, startServer } from './server.mjs';

export const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const DESKTOP = { viewport: { width: 1280, height: 900 } };
export const MOBILE = {
  viewport: { width: 375, height: 667 },
  deviceScaleFactor: 2,
  hasTouch: true,
  isMobile: true,
};

/**
 * Starts the server and a Chromium context with a fresh user-data-dir.
 * Returns { name, server, context, close }.
 */
/**
 * Opens a browser environment for the enclosing describe block and closes it after the block;
 * returns a getter for it (the environment exists only once the block's tests run).
 */
export function useEnvironment(name, options) {
  let env;
  before(async () => {
    env = await openEnvironment(name, options);
  });
  after(async () => {
    await env?.close();
  });
  return () => env;
}

export async function openEnvironment(name, options) {
  const dist = process.env.CLAIM_READER_DIST ?? DEFAULT_DIST;
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(`${dist}/index.html not found: build the bundle first (trunk build --release)`);
  }
  await mkdir(ARTIFACTS, { recursive: true });
  for (const file of await readdir(ARTIFACTS)) {
    if (file.startsWith(`failed-${name}-`)) await rm(join(ARTIFACTS, file));
  }
  const server = await startServer(dist);
  const profile = await mkdtemp(join(tmpdir(), `claim-reader-e2e-${name}-`));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      ...options,
    });
  } catch (err) {
    await server.close();
    await rm(profile, { recursive: true, force: true });
    throw err;
  }
  for (const page of context.pages()) await page.close();
  return {
    name,
    server,
    context,
    async close() {
      await context.close();
      await server.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Opens the reader in a new page and waits until it has rendered.
 * Returns { page, errors } where errors collects console errors, page errors and failed requests.
 */
export async function openReader(env, { viewport } = {}) {
  const page = await env.context.newPage();
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) =>
    errors.push(`request failed: ${req.url()} (${req.failure()?.errorText ?? 'unknown'})`),
  );
  if (viewport) await page.setViewportSize(viewport);
  await page.goto(env.server.url);
  try {
    await page.locator('#claim-reader .claim-reader[data-ready="true"]').waitFor({ timeout: 20_000 });
  } catch (err) {
    throw new Error(`the reader never became ready: ${err.message}\n${errors.join('\n')}`);
  }
  return { page, errors };
}

/**
 * A test that opens the reader in a new page of the environment returned by getEnv(),
 * runs body({ page, errors, env }), saves a screenshot on failure, and fails if the page logged
 * any console error or page error.
 */
export function readerTest(getEnv, name, body, { viewport } = {}) {
  test(name, async () => {
    const env = getEnv();
    const { page, errors } = await openReader(env, { viewport });
    try {
      await body({ page, errors, env });
    } catch (err) {
      const file = join(ARTIFACTS, `failed-${env.name}-${slug(name)}.png`);
      await page.screenshot({ path: file, fullPage: true }).catch(() => {});
      throw err;
    } finally {
      await page.close();
    }
    assert.deepEqual(errors, [], 'the page logged errors');
  });
}

function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}

/** Polls fn until it returns a truthy value; throws with message after timeout ms. */
export async function until(fn, message, timeout = 3_000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() > end) throw new assert.AssertionError({ message: `timed out: ${message}` });
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until the reader mounted into `host` (a selector) is ready. The loader starts a reader
 * only when it comes near the screen, so one further down the page is scrolled to first, as a
 * reader of the page would scroll to it.
 */
export async function readyReader(page, host, timeout = 20_000) {
  const far = await page
    .locator(host)
    .evaluate((e) => {
      const r = e.getBoundingClientRect();
      return r.bottom < -innerHeight / 2 || r.top > innerHeight * 1.5;
    });
  if (far) await page.locator(host).scrollIntoViewIfNeeded();
  await page.locator(`${host} .claim-reader[data-ready="true"]`).waitFor({ timeout });
}

// ---- reader-specific queries --------------------------------------------------------------

export const ROOT = '#claim-reader .claim-reader';

/** The first passage covering a claim id. */
export function markOf(page, claimId) {
  return page.locator(`${ROOT} mark.cr-passage[data-claim~="${claimId}"]`).first();
}

export function tooltipOf(page) {
  return page.locator(`${ROOT} [role="tooltip"]`);
}

export function cellOf(page, party, issue) {
  // The table is in the page twice, across and turned; the one that fits the column is shown.
  return page.locator(`${ROOT} table.cr-stance-table:visible td[data-party="${party}"][data-issue="${issue}"]`);
}

/** Centre of the first line box of an element (inline marks may wrap over several lines). */
export async function firstLineCentre(locator) {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.evaluate((el) => {
    const r = el.getClientRects()[0] ?? el.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  });
  return box;
}

/** Moves the real mouse onto the element (first line box); one step by default, so the pointer
 * does not cross other passages (whose details could cover the target) on its way. */
export async function mouseOnto(page, locator, steps = 1) {
  const { x, y } = await firstLineCentre(locator);
  await page.mouse.move(x, y, { steps });
  return { x, y };
}

/** Waits until the details are open and returns their text and box. */
export async function openDetails(page) {
  const tip = tooltipOf(page);
  await tip.waitFor({ state: 'visible', timeout: 3_000 });
  assert.equal(await tip.getAttribute('hidden'), null, 'open details must not carry the hidden attribute');
  return { tip, text: (await tip.innerText()).replace(/\s+/g, ' ') };
}

/** Waits until the details are closed (hidden attribute present, not visible). */
export async function closedDetails(page) {
  const tip = tooltipOf(page);
  try {
    await tip.waitFor({ state: 'hidden', timeout: 3_000 });
  } catch {
    const showing = await page.evaluate(() => {
      const open = document.querySelector('mark.cr-passage[aria-describedby]');
      return open ? open.getAttribute('data-claim') : '(no passage points at them)';
    });
    const text = (await tip.innerText()).replace(/\s+/g, ' ').slice(0, 120);
    throw new assert.AssertionError({
      message: `the details should be closed but are open for ${showing}: "${text}…"`,
    });
  }
  await until(async () => (await tip.getAttribute('hidden')) !== null, 'closed details carry the hidden attribute');
}

/** Asserts that a locator's bounding box lies inside the viewport (1 px tolerance). */
export async function assertInViewport(page, locator, what) {
  const box = await locator.boundingBox();
  assert.ok(box, `${what} has no box`);
  const { width, height } = page.viewportSize();
  const msg = `${what} at ${JSON.stringify(box)} must lie within the ${width}×${height} viewport`;
  assert.ok(box.x >= -1 && box.y >= -1, msg);
  assert.ok(box.x + box.width <= width + 1 && box.y + box.height <= height + 1, msg);
}

/** Details text of a claim must mention the party, stance word and issue label. */
export function assertDetailsFor(text, claim, parties, issues) {
  assert.ok(text.includes(parties[claim.party]), `details should name "${parties[claim.party]}": ${text}`);
  assert.match(text, new RegExp(`\\b${claim.stance}\\b`, 'i'), `details should say "${claim.stance}": ${text}`);
  assert.ok(text.includes(issues[claim.issue]), `details should name the issue "${issues[claim.issue]}": ${text}`);
}

/** Per mark: its claim ids and whether it has a class. */
export async function marksWithClass(page, cls) {
  return page.$$eval(
    `${ROOT} mark.cr-passage`,
    (marks, cls) =>
      marks.map((m) => ({
        claims: (m.getAttribute('data-claim') ?? '').split(/\s+/).filter(Boolean),
        issue: m.getAttribute('data-issue'),
        has: m.classList.contains(cls),
      })),
    cls,
  );
}

/** Table cells ("party|issue") that are emphasised: the td or its button carries is-linked. */
export async function linkedCells(page) {
  return page.$$eval(`${ROOT} table.cr-stance-table td[data-party][data-issue]`, (cells) =>
    cells
      .filter((td) => td.checkVisibility())
      .filter((td) => td.classList.contains('is-linked') || td.querySelector('.is-linked'))
      .map((td) => `${td.dataset.party}|${td.dataset.issue}`),
  );
}

/** Horizontal overflow of the page (0 when there is no horizontal scroll). */
export async function horizontalOverflow(page) {
  return page.evaluate(() => {
    const d = document.documentElement;
    return Math.max(d.scrollWidth, document.body.scrollWidth) - d.clientWidth;
  });
}

/**
 * The text a sighted reader sees in the element: text inside visually hidden elements (screen
 * reader only text clipped to nothing) is left out. Runs in the page; pass it to evaluate().
 */
export function visibleTextInPage(el) {
  const hidden = (node) => {
    for (let e = node.parentElement; e && e !== el.parentElement; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === 'none' || s.visibility === 'hidden') return true;
      if (s.clipPath === 'inset(50%)' || (s.position === 'absolute' && s.clip !== 'auto')) return true;
      const r = e.getBoundingClientRect();
      if (s.overflow === 'hidden' && r.width <= 1 && r.height <= 1) return true;
    }
    return false;
  };
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let text = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!hidden(n)) text += n.data;
  return text.replace(/\s+/g, ' ').trim();
}

/** Asserts that the details sit next to the passage (above or below one of its line boxes). */
export async function assertNextTo(tip, mark, gap = 24) {
  const box = await tip.boundingBox();
  const lines = await mark.evaluate((el) => [...el.getClientRects()].map((r) => ({ top: r.top, bottom: r.bottom })));
  const distance = Math.min(
    ...lines.map((l) => Math.min(Math.abs(box.y - l.bottom), Math.abs(l.top - (box.y + box.height)))),
  );
  assert.ok(distance <= gap, `the details are ${Math.round(distance)} px away from their passage`);
}
