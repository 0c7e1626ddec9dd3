#!/usr/bin/env node
// The claim-reader benchmark driver: the bundle against a baseline bundle (an earlier revision)
// and against static floors, all measured in the same run, interleaved — weight, start-up, scale,
// interaction latency and the budget. Run it through scripts/bench, which builds both bundles.
//
//   node bench/run.mjs [--dist DIR] [--baseline-dist DIR|none] [--baseline-label TEXT]
//                      [--out DIR] [--runs N] [--scale-runs N] [--samples N]
//
//   --dist            the bundle to measure, "new" (default target/bench-dist)
//   --baseline-dist   the bundle to compare it with, "baseline" (default none: the lines that
//                     compare with it are skipped)
//   --baseline-label  what to call the baseline in the report (scripts/bench: its commit)
//   --out             where bench.md, bench.json and the served pages go (default target/bench)
//   --runs            start-up rounds on the seed page (default 21)
//   --scale-runs      rounds per synthetic article (default 21)
//   --samples         interaction samples per interaction and page (default 60)
//
// A round loads each page once — the new bundle's, the baseline's and the floor — in an order
// that rotates from round to round, so that the machine's changing load falls on all alike. Every
// page load gets a fresh browser context with the HTTP cache disabled, served from loopback
// without throttling. The exit status is 0 whether or not the budget holds; the report says which
// lines fail. It is non-zero only when the benchmark itself cannot run.

import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { CHROMIUM, CHROMIUM_ARGS as E2E_CHROMIUM_ARGS } from '../tests/e2e/harness.mjs';
import { generate } from './generate.mjs';
import { BUDGET_BROTLI, compressed, downloads, seedFile } from '../scripts/lib/downloads.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const require = createRequire(join(ROOT, 'tests/e2e/package.json'));
const { chromium } = require('playwright-core');

// ---- options -------------------------------------------------------------------------------

function options(argv) {
  const o = {
    dist: 'target/bench-dist',
    baselineDist: 'none',
    baselineLabel: null,
    out: 'target/bench',
    runs: 21,
    scaleRuns: 21,
    samples: 60,
  };
  const names = {
    '--dist': 'dist',
    '--baseline-dist': 'baselineDist',
    '--baseline-label': 'baselineLabel',
    '--out': 'out',
    '--runs': 'runs',
    '--scale-runs': 'scaleRuns',
    '--samples': 'samples',
  };
  const text = ['dist', 'baselineDist', 'baselineLabel', 'out'];
  for (let i = 0; i < argv.length; i++) {
    const at = argv[i].indexOf('=');
    const flag = at < 0 ? argv[i] : argv[i].slice(0, at);
    const key = names[flag];
    if (!key) throw new Error(`unknown option ${argv[i]} (known: ${Object.keys(names).join(' ')})`);
    const value = at < 0 ? argv[++i] : argv[i].slice(at + 1);
    if (value === undefined) throw new Error(`${flag} needs a value`);
    o[key] = text.includes(key) ? value : Number(value);
  }
  for (const k of ['runs', 'scaleRuns', 'samples']) {
    if (!Number.isInteger(o[k]) || o[k] < 1) throw new Error(`--${k} must be a whole number >= 1`);
  }
  o.dist = resolve(ROOT, o.dist);
  o.baselineDist = o.baselineDist === 'none' ? null : resolve(ROOT, o.baselineDist);
  o.baselineLabel ??= o.baselineDist ? relative(ROOT, o.baselineDist) : null;
  o.out = resolve(ROOT, o.out);
  return o;
}

const opts = options(process.argv.slice(2));
// The same Chromium, started the same way, as the end-to-end tests.
const CHROMIUM_ARGS = [...E2E_CHROMIUM_ARGS, '--disable-extensions'];
const VIEWPORT = { width: 1280, height: 900 };
const SCALES = [1, 10, 100];
/** The pages of many readers: two (both in view) and ten (two in view). */
const MANY = [2, 10];
const READY_MARK = 'claim-reader:ready';
const BUDGET = {
  brotliBytes: BUDGET_BROTLI,
  // Seed page: ready ≤ 1.5 × the floor's first contentful paint.
  readyVsFloor: 1.5,
  // 10× and 100×: the new bundle's ready/floor ratio ≤ 1.1 × the baseline's.
  ratioVsBaseline: 1.1,
  growth: 1.1,
  // Hover → details and cell → passages, p95 at 100×: ≤ 1.5 × the interaction floor's p95.
  interactionVsFloor: 1.5,
  // Ten readers on a page, two in view: start-up work ≤ 1.3 × that of a page of two readers.
  manyVsTwo: 1.3,
  // The 100× article rendered ahead: interactive (hydrated, painted live) ≤ 2 × its floor.
  aheadReadyVsFloor: 2,
  // The seed page rendered ahead: first and largest contentful paint ≤ 1.05 × the floor's, and
  // no layout shift while the live reader takes it over.
  renderedAheadVsFloor: 1.05,
  // Informative only (absolute times depend on the machine): on a quiet machine.
  ready100Ms: 300,
  hoverP95Ms: 16,
};

const log = (...a) => console.error('  ', ...a);

// ---- statistics ----------------------------------------------------------------------------

/** Percentile p (0…1) with linear interpolation between order statistics. */
function percentile(values, p) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const at = (v.length - 1) * p;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return v[lo] + (v[hi] - v[lo]) * (at - lo);
}

function spread(values) {
  const v = values.filter((x) => Number.isFinite(x));
  return {
    n: v.length,
    min: v.length ? Math.min(...v) : NaN,
    p25: percentile(v, 0.25),
    median: percentile(v, 0.5),
    p75: percentile(v, 0.75),
    p95: percentile(v, 0.95),
    max: v.length ? Math.max(...v) : NaN,
  };
}

const median = (values) => percentile(values, 0.5);
/** Median of the per-round ratios a[i] / b[i] (a round loads both pages back to back). */
const pairedRatio = (a, b) => median(a.map((x, i) => x / b[i]));
/** The quartiles of the per-round ratios a[i] / b[i]: how much they scatter. */
const ratioQuartiles = (a, b) => {
  const r = a.map((x, i) => x / b[i]);
  return [percentile(r, 0.25), percentile(r, 0.75)];
};

const ms = (x) => (Number.isFinite(x) ? x.toFixed(1) : '—');
const kb = (bytes) => (Number.isFinite(bytes) ? (bytes / 1024).toFixed(1) : '—');
const int = (n) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '—');
const x2 = (r) => (Number.isFinite(r) ? `${r.toFixed(2)}×` : '—');
/** A ratio with the quartiles of the rounds' ratios: "1.23× (1.10–1.41)". */
const x2q = (r, [lo, hi]) => `${x2(r)} (${Number.isFinite(lo) ? lo.toFixed(2) : '—'}–${Number.isFinite(hi) ? hi.toFixed(2) : '—'})`;

// ---- 1. weight -----------------------------------------------------------------------------

/** What a page downloads (scripts/lib/downloads.mjs, the same files size-guard counts). */
function weight(dist) {
  const row = (what, path) => ({ what, file: relative(ROOT, path), ...compressed(readFileSync(path), path) });
  const rowsOf = (page) => downloads(dist, page).map(({ what, path }) => row(what, path));
  const totalOf = (what, file, list) => ({ what, file, ...Object.fromEntries(['raw', 'gzip', 'brotli'].map((k) => [k, list.reduce((n, r) => n + r[k], 0)])) });
  const rows = rowsOf('ahead');
  const total = totalOf('total a page downloads', 'wasm + js + css', rows);
  // A page whose readers are rendered in the browser gets the build without hydration, when the
  // bundle has one (the total above is the heavier: a page with a reader rendered ahead).
  const browserRows = rowsOf('browser');
  const browserFiles = browserRows.filter((r) => r.what !== 'css').map((r) => r.file.split('/').pop());
  const browser = totalOf('total, readers rendered in the browser', `${browserFiles.join(' + ')} + css`, browserRows);
  // The seed page downloads the seed article besides; an embedding page brings its own data.
  const seedPath = seedFile(dist);
  const seed = seedPath ? row('seed data (the seed page downloads it besides)', seedPath) : null;
  return { rows, total, browser, seed };
}

// ---- the sites that are served ---------------------------------------------------------------

function fill(template, values) {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k) => {
    if (!(k in values)) throw new Error(`template value ${k} missing`);
    return values[k];
  });
}

/** The synthetic articles, generated once for both bundles. */
function articles() {
  const seed = JSON.parse(readFileSync(join(ROOT, 'static/seed.json'), 'utf8'));
  return Object.fromEntries(
    SCALES.map((scale) => {
      const text = JSON.stringify(generate(seed, scale));
      const doc = JSON.parse(text);
      const bytes = Buffer.from(text);
      return [
        scale,
        {
          text,
          paragraphs: doc.article.paragraphs.length,
          claims: doc.claims.length,
          bytes: bytes.length,
          gzip: gzipSync(bytes, { level: 9 }).length,
        },
      ];
    }),
  );
}

/** A bundle's site: the bundle (without demo/), the synthetic articles and their pages. */
function buildSite(dist, site, docs) {
  rmSync(site, { recursive: true, force: true });
  const demo = join(dist, 'demo');
  cpSync(dist, site, { recursive: true, filter: (from) => from !== demo && !from.startsWith(demo + sep) });
  mkdirSync(join(site, 'data'), { recursive: true });
  const template = readFileSync(join(ROOT, 'bench/templates/scale.html'), 'utf8');
  for (const scale of SCALES) {
    writeFileSync(join(site, `data/scale-${scale}.json`), docs[scale].text);
    writeFileSync(join(site, `scale-${scale}.html`), fill(template, { SCALE: String(scale) }));
  }
  const many = readFileSync(join(ROOT, 'bench/templates/many.html'), 'utf8');
  for (const count of MANY) {
    const readers = Array.from({ length: count }, (_, i) => `      <div data-claim-reader data-src="/data/scale-1.json" id="reader-${i + 1}"></div>`);
    writeFileSync(join(site, `many-${count}.html`), fill(many, { COUNT: String(count), READERS: readers.join('\n') }));
  }
}

/** A static file server on loopback for a site, with caching forbidden. */
async function startServer(root) {
  const types = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.wasm': 'application/wasm',
    '.json': 'application/json; charset=utf-8',
    '.svg': 'image/svg+xml',
  };
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) return res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file).catch(() => null);
    if (body === null) return res.writeHead(404).end('not found\n');
    res.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'content-length': body.length,
      'cache-control': 'no-store',
    });
    res.end(body);
  });
  await new Promise((ok, fail) => server.once('error', fail).listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

// ---- the browser ---------------------------------------------------------------------------

/**
 * Injected into every page before its own scripts (playwright addInitScript), the same for both
 * bundles and the floors: times when the reader is painted, from outside the bundle.
 *
 * Each animation frame, before the browser lays out and paints it, looks for a `.claim-reader`
 * with `data-ready="true"` that holds a `mark.cr-passage` and whose stylesheets have loaded — in
 * the document (the seed page, the floors) or in an open shadow root of the host element (an
 * embedding page). The first frame that finds it is the first that shows the highlights: a
 * ResizeObserver attached to the element then calls back in that frame after layout, and a task
 * posted from there (MessageChannel) runs once that frame has been painted: `ready` is
 * `performance.now()` in that task. The first contentful paint (PerformanceObserver 'paint') is
 * recorded too: it is how the floors, which have no script, are timed.
 */
function readyProbe() {
  const probe = { ready: null, seen: null, laidOut: null, fcp: null, lcp: null, shift: 0 };
  let readyDone;
  let fcpDone;
  probe.readyPromise = new Promise((ok) => (readyDone = ok));
  probe.fcpPromise = new Promise((ok) => (fcpDone = ok));
  Object.defineProperty(window, '__benchProbe', { value: probe });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.name === 'first-contentful-paint' && probe.fcp === null) {
          probe.fcp = e.startTime;
          fcpDone(e.startTime);
        }
      }
    }).observe({ type: 'paint', buffered: true });
  } catch {
    // No paint timing: fcp stays null.
  }
  try {
    // The largest contentful paint so far (the last entry), and the layout shifts summed, as
    // the cumulative layout shift counts them (none after input).
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.lcp = e.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) probe.shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  } catch {
    // Not in this browser: lcp stays null, shift 0.
  }
  const HOSTS = '[data-claim-reader], [data-claim-reader] *, .claim-reader-host';
  const styled = (root) => [...root.querySelectorAll('link[rel~="stylesheet"]')].every((l) => l.sheet !== null);
  const find = () => {
    const roots = [document];
    for (const el of document.querySelectorAll(HOSTS)) if (el.shadowRoot) roots.push(el.shadowRoot);
    for (const root of roots) {
      for (const el of root.querySelectorAll('.claim-reader[data-ready="true"]')) {
        if (el.querySelector('mark.cr-passage') && styled(root)) return el;
      }
    }
    return null;
  };
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    probe.ready = performance.now();
    readyDone(probe.ready);
  };
  const frame = () => {
    const el = find();
    if (!el) {
      requestAnimationFrame(frame);
      return;
    }
    probe.seen = performance.now();
    const observer = new ResizeObserver(() => {
      observer.disconnect();
      probe.laidOut = performance.now();
      channel.port2.postMessage(null);
    });
    observer.observe(el);
  };
  requestAnimationFrame(frame);
}

/** A fresh context (empty cache and storage) with one page, its CDP session and error capture. */
async function freshPage(browser, { performanceDomain = false } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(readyProbe);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(`console error: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (performanceDomain) await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
  return { context, page, cdp, errors };
}

/** Waits for the probe's `what` ('ready' or 'fcp'); its time, or null after `timeout` ms. */
async function probed(page, what, timeout) {
  return page.evaluate(
    ([what, timeout]) =>
      Promise.race([window.__benchProbe[`${what}Promise`], new Promise((ok) => setTimeout(() => ok(null), timeout))]),
    [what, timeout],
  );
}

async function waitForReady(page, errors) {
  const t = await probed(page, 'ready', 60_000);
  if (t === null) {
    throw new Error(`the reader was never painted with its highlights on ${page.url()}\n${errors.join('\n')}`);
  }
  return t;
}

/**
 * Waits until the reader has built its whole article: a long article's chunks after the first are
 * built while the browser is idle, after the reader is painted (chunks not built yet are empty).
 * The floors are captured only then, so a floor is the whole article as static HTML; and
 * interaction is sampled only then, against a floor that has every passage too (the idle
 * building itself is start-up work, measured in section 3).
 */
async function waitForBuilt(page) {
  const built = await page
    .waitForFunction(
      (source) => {
        const root = new Function(`return (${source})();`)();
        return root !== null && root.querySelector('.cr-chunk:empty') === null;
      },
      readerIn.toString(),
      { timeout: 60_000, polling: 100 },
    )
    .then(() => true, () => false);
  if (!built) throw new Error(`the reader on ${page.url()} never built its whole article`);
  // A moment for the last chunk's layout and paint.
  await page.waitForTimeout(200);
}

/** Times of one page load, in ms from navigation start. */
async function pageTimes(page) {
  return page.evaluate((m) => {
    const probe = window.__benchProbe;
    const nav = performance.getEntriesByType('navigation')[0];
    const mark = performance.getEntriesByName(m, 'mark')[0];
    const fcp = probe.fcp ?? performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
    const resources = Object.fromEntries(
      performance.getEntriesByType('resource').map((r) => [new URL(r.name).pathname, r.responseEnd]),
    );
    return {
      ready: probe.ready,
      seen: probe.seen,
      mark: mark?.startTime ?? null,
      fcp,
      lcp: probe.lcp,
      shift: probe.shift,
      domContentLoaded: nav.domContentLoadedEventEnd,
      load: nav.loadEventStart,
      resources,
    };
  }, READY_MARK);
}

/** Finds the reader element in a page: in the document or in a host's open shadow root. */
function readerIn() {
  for (const el of document.querySelectorAll('[data-claim-reader], [data-claim-reader] *, .claim-reader-host')) {
    const r = el.shadowRoot?.querySelector('.claim-reader');
    if (r) return r;
  }
  return document.querySelector('.claim-reader');
}

/** `order` rotated by `round`: who goes first changes from round to round. */
const rotate = (order, round) => order.map((_, i) => order[(i + round) % order.length]);

// ---- the floors ------------------------------------------------------------------------------

/**
 * Saves what the new bundle renders as static pages with no script, the floors: `floor-seed.html`
 * (the seed article, in the document as on the seed page) and `floor-<k>.html` for each scale (in
 * a declarative shadow root, as an embedding page has it, so the whole article appears at once
 * when its template closes). Also `hover-floor-100.html`, the interaction floor: the 100× floor
 * with a minimal script that shows a details box for the passage under the pointer.
 */
async function captureFloors(browser, base, dist, site) {
  const css = downloads(dist).filter((d) => d.what === 'css');
  const links = css.map((d) => `<link rel="stylesheet" href="/${relative(dist, d.path).split(sep).join('/')}" />`).join('\n    ');
  // Inside the shadow root the stylesheet is inline: the head's link has fetched it already (and
  // blocks the first paint until it has), and a link in a shadow root would not block it.
  const styles = css.map((d) => `<style>${readFileSync(d.path, 'utf8')}</style>`).join('');
  const seedTemplate = readFileSync(join(ROOT, 'bench/templates/floor.html'), 'utf8');
  const embedTemplate = readFileSync(join(ROOT, 'bench/templates/floor-embed.html'), 'utf8');
  const hoverTemplate = readFileSync(join(ROOT, 'bench/templates/hover-floor.html'), 'utf8');
  const capture = async (url) => {
    const { context, page, errors } = await freshPage(browser);
    try {
      await page.goto(url);
      await waitForReady(page, errors);
      await waitForBuilt(page);
      const html = await page.evaluate(`(${readerIn})().outerHTML`);
      const inShadow = await page.evaluate(`(${readerIn})().getRootNode() instanceof ShadowRoot`);
      // The interaction floor's copy: the reader's details box gives way to the floor's own.
      const hover = await page.evaluate(`(() => {
        const copy = (${readerIn})().cloneNode(true);
        for (const el of copy.querySelectorAll('.cr-details, [role="tooltip"]')) el.remove();
        const box = document.createElement('div');
        box.className = 'bench-details';
        box.setAttribute('role', 'tooltip');
        box.hidden = true;
        copy.append(box);
        return copy.outerHTML;
      })()`);
      if (errors.length) throw new Error(`${url} logged errors:\n${errors.join('\n')}`);
      return { html, hover, inShadow };
    } finally {
      await context.close();
    }
  };
  const sizes = {};
  const seed = await capture(`${base}index.html`);
  // As the seed page has it: in the document, or in a shadow root if the seed page puts it there.
  const seedFloor = seed.inShadow
    ? fill(embedTemplate, { SCALE: '1', LINKS: links, STYLES: styles, CONTENT: seed.html })
    : fill(seedTemplate, { LINKS: links, CONTENT: seed.html });
  writeFileSync(join(site, 'floor-seed.html'), seedFloor);
  sizes.seed = Buffer.byteLength(seed.html);
  for (const scale of SCALES) {
    const { html, hover } = await capture(`${base}scale-${scale}.html`);
    writeFileSync(join(site, `floor-${scale}.html`), fill(embedTemplate, { SCALE: String(scale), LINKS: links, STYLES: styles, CONTENT: html }));
    sizes[scale] = Buffer.byteLength(html);
    if (scale === 100) writeFileSync(join(site, 'hover-floor-100.html'), fill(hoverTemplate, { LINKS: links, STYLES: styles, CONTENT: hover }));
  }
  return sizes;
}

// ---- loads ---------------------------------------------------------------------------------

/** One load of a reader page: painted (the probe), mark and first paint, plus `extra(page)`. */
async function readerLoad(browser, url, extra = null) {
  const { context, page, cdp, errors } = await freshPage(browser, { performanceDomain: extra !== null });
  try {
    await page.goto(url, { waitUntil: 'load' });
    await waitForReady(page, errors);
    await probed(page, 'fcp', 5_000);
    const t = await pageTimes(page);
    const more = extra ? await extra(page, cdp, t) : {};
    if (errors.length) throw new Error(`${url} logged errors:\n${errors.join('\n')}`);
    return { ...t, ...more };
  } finally {
    await context.close();
  }
}

/** One load of a floor: its first contentful paint (and the probe's time, for comparison). */
async function floorLoad(browser, url) {
  const { context, page, errors } = await freshPage(browser);
  try {
    await page.goto(url, { waitUntil: 'load' });
    const fcp = await probed(page, 'fcp', 10_000);
    if (fcp === null) throw new Error(`${url}: no first contentful paint`);
    await probed(page, 'ready', 5_000);
    const t = await pageTimes(page);
    const scripts = await page.evaluate(() => document.scripts.length);
    if (scripts !== 0) throw new Error(`${url}: a floor page must hold no script`);
    if (errors.length) throw new Error(`${url} logged errors:\n${errors.join('\n')}`);
    return t;
  } finally {
    await context.close();
  }
}

/**
 * `rounds` rounds of loads, one of each page a round in rotating order, after one warm-up load of
 * each (not counted: the first loads pay for starting renderer processes). `pages` maps a name to
 * a function that makes one load. Returns the loads by name, aligned by round.
 */
async function interleaved(pages, rounds, label) {
  const names = Object.keys(pages);
  for (const name of names) await pages[name]();
  const out = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < rounds; round++) {
    for (const name of rotate(names, round)) out[name].push(await pages[name]());
    if ((round + 1) % 5 === 0 || round + 1 === rounds) log(`${label}: round ${round + 1} of ${rounds}`);
  }
  return out;
}

// ---- 2. start-up ---------------------------------------------------------------------------

async function startup(browser, servers, rounds) {
  const pages = {};
  for (const [key, server] of Object.entries(servers)) pages[key] = () => readerLoad(browser, `${server.url}index.html`);
  pages.floor = () => floorLoad(browser, `${servers.new.url}floor-seed.html`);
  const loads = await interleaved(pages, rounds, 'start-up');
  const floorFcp = loads.floor.map((t) => t.fcp);
  const out = {
    rounds,
    floor: {
      fcp: spread(floorFcp),
      lcp: spread(loads.floor.map((t) => t.lcp)),
      painted: spread(loads.floor.map((t) => t.ready)),
      load: spread(loads.floor.map((t) => t.load)),
      perRound: floorFcp,
    },
  };
  for (const key of Object.keys(servers)) {
    const list = loads[key];
    const ready = list.map((t) => t.ready);
    out[key] = {
      ready: spread(ready),
      mark: spread(list.map((t) => t.mark)),
      markToPainted: median(list.map((t) => t.ready - t.mark)),
      fcp: spread(list.map((t) => t.fcp)),
      lcp: spread(list.map((t) => t.lcp)),
      // The seed page is rendered ahead: its first and largest paints against the floor's.
      fcpRatio: pairedRatio(list.map((t) => t.fcp), floorFcp),
      lcpRatio: pairedRatio(list.map((t) => t.lcp), loads.floor.map((t) => t.lcp)),
      // Layout shift until ready (hydration must move nothing): the largest of the rounds.
      shift: Math.max(...list.map((t) => t.shift)),
      // Ready / floor: the median of the per-round ratios, and the ratio of the medians.
      ratio: pairedRatio(ready, floorFcp),
      ratioQuartiles: ratioQuartiles(ready, floorFcp),
      ratioOfMedians: median(ready) / median(floorFcp),
      perRound: ready,
    };
  }
  return out;
}

// ---- 3. scale ------------------------------------------------------------------------------

/** What the renderer holds and has spent once a scale page is ready. */
async function scaleDetail(page, cdp, t, scale) {
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const inPage = await page.evaluate(`(async () => {
    const root = (${readerIn})();
    let wasmMemory = null;
    try {
      // The glue hands back the running module's exports when it is already initialised. The
      // release build gives exports short names, so the memory is found by what it is.
      const glue = await import('/claim-reader-web.js');
      const exports = await glue.default();
      const memory = Object.values(exports).find((e) => e instanceof WebAssembly.Memory);
      wasmMemory = memory ? memory.buffer.byteLength : null;
    } catch {}
    return {
      wasmMemory,
      elements: root ? root.querySelectorAll('*').length : 0,
      marks: root ? root.querySelectorAll('mark.cr-passage').length : 0,
    };
  })()`);
  if (inPage.marks === 0) throw new Error(`no passages at ${scale}×`);
  const dataEnd = t.resources[`/data/scale-${scale}.json`] ?? null;
  return {
    dataEnd,
    afterData: dataEnd === null ? null : t.ready - dataEnd,
    jsHeap: heap.usedSize,
    ...inPage,
    scriptMs: metrics.ScriptDuration * 1000,
    layoutMs: metrics.LayoutDuration * 1000,
    styleMs: metrics.RecalcStyleDuration * 1000,
  };
}

async function scaleSuite(browser, servers, rounds, docs) {
  const out = { rounds, articles: {}, bundles: Object.fromEntries(Object.keys(servers).map((k) => [k, {}])) };
  for (const scale of SCALES) {
    const { text, ...article } = docs[scale];
    out.articles[scale] = article;
    const pages = {};
    for (const [key, server] of Object.entries(servers)) {
      pages[key] = () => readerLoad(browser, `${server.url}scale-${scale}.html`, (page, cdp, t) => scaleDetail(page, cdp, t, scale));
    }
    pages.floor = () => floorLoad(browser, `${servers.new.url}floor-${scale}.html`);
    const loads = await interleaved(pages, rounds, `scale ${scale}×`);
    const floorFcp = loads.floor.map((t) => t.fcp);
    out.articles[scale].floor = { fcp: spread(floorFcp), painted: spread(loads.floor.map((t) => t.ready)), perRound: floorFcp };
    for (const key of Object.keys(servers)) {
      const list = loads[key];
      const ready = list.map((t) => t.ready);
      const med = (k) => median(list.map((r) => r[k] ?? NaN));
      out.bundles[key][scale] = {
        ready: spread(ready),
        mark: spread(list.map((t) => t.mark)),
        ratio: pairedRatio(ready, floorFcp),
        ratioQuartiles: ratioQuartiles(ready, floorFcp),
        ratioOfMedians: median(ready) / median(floorFcp),
        perRound: ready,
        // When each file had arrived (ms from navigation start, medians): the loader's waterfall.
        arrived: Object.fromEntries(Object.keys(list[0].resources).map((path) => [path, median(list.map((r) => r.resources[path] ?? NaN))])),
        dataEnd: med('dataEnd'),
        afterData: med('afterData'),
        jsHeap: med('jsHeap'),
        wasmMemory: med('wasmMemory'),
        elements: med('elements'),
        marks: med('marks'),
        scriptMs: med('scriptMs'),
        layoutMs: med('layoutMs'),
        styleMs: med('styleMs'),
      };
    }
    log(
      `scale ${scale}×: ` +
        Object.keys(servers).map((k) => `${k} ready ${ms(out.bundles[k][scale].ready.median)} ms (${x2(out.bundles[k][scale].ratio)} floor)`).join(', ') +
        `, floor ${ms(out.articles[scale].floor.fcp.median)} ms`,
    );
  }
  for (const key of Object.keys(servers)) {
    const b = out.bundles[key];
    b.growth = Math.log(b[100].ready.median / b[1].ready.median) / Math.log(100);
  }
  return out;
}

// ---- 4. interaction ------------------------------------------------------------------------

/** Installed in the page: finds targets and quiet spots, and times one interaction. */
function interactionHelper(readerSource) {
  // eslint-disable-next-line no-new-func
  const readerIn = new Function(`return (${readerSource})();`);
  const deepAt = (x, y) => {
    let el = document.elementFromPoint(x, y);
    while (el?.shadowRoot) {
      const inner = el.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === el) break;
      el = inner;
    }
    return el;
  };
  let cached = null;
  const root = () => (cached?.isConnected ? cached : (cached = readerIn()));
  const SELECTORS = { details: 'mark.cr-passage', linked: 'td[data-party][data-issue] button.cr-cell' };
  const ACTIVE = 'mark, .cr-details, [role="tooltip"], .cr-cell, button, a, .cr-table-wrap';
  // The reader's details box, or the interaction floor's.
  const DETAILS = '.cr-details, .bench-details';
  const done = {
    details: (r) => {
      const box = r.querySelector(DETAILS);
      return box !== null && !box.hidden;
    },
    linked: (r) => r.querySelector('mark.cr-passage.is-linked') !== null,
  };
  window.__bench = {
    count: (kind) => root().querySelectorAll(SELECTORS[kind]).length,
    /** Scrolls target n into view; returns a spot over nothing interactive, or null. */
    prepare(kind, n) {
      root().querySelectorAll(SELECTORS[kind])[n].scrollIntoView({ block: 'center', behavior: 'instant' });
      for (const ny of [4, innerHeight - 4, innerHeight / 2, 40, innerHeight - 40]) {
        for (const nx of [4, innerWidth - 4, innerWidth / 2, 40, innerWidth - 40]) {
          const spot = deepAt(nx, ny);
          if (!spot || !spot.closest(ACTIVE)) return { x: Math.round(nx), y: Math.round(ny) };
        }
      }
      return null;
    },
    /** The point to move onto target n (on its first line box), or null when it is covered. */
    locate(kind, n) {
      const el = root().querySelectorAll(SELECTORS[kind])[n];
      const box = [...el.getClientRects()].find((r) => r.width >= 4 && r.height >= 4) ?? el.getBoundingClientRect();
      const x = Math.round(box.x + Math.min(box.width / 2, 40));
      const y = Math.round(box.y + box.height / 2);
      const hit = deepAt(x, y);
      return hit && (hit === el || el.contains(hit)) ? { x, y } : null;
    },
    settled() {
      const r = root();
      return !done.details(r) && r.querySelector('.is-linked') === null;
    },
    /** Times from the first pointerover on the target to the paint that shows the result. */
    arm(kind) {
      this.pending = new Promise((resolve) => {
        const miss = setTimeout(() => {
          removeEventListener('pointerover', onOver, true);
          resolve({ missed: true });
        }, 3000);
        const onOver = (e) => {
          const start = performance.now();
          const target = e.composedPath()[0];
          if (!(target instanceof Element) || !target.closest(SELECTORS[kind].split(' ').pop())) return;
          removeEventListener('pointerover', onOver, true);
          clearTimeout(miss);
          const r = root();
          const check = () => {
            if (done[kind](r)) {
              // The frame whose animation callbacks see the result paints next; a task queued
              // from that callback runs after the paint.
              setTimeout(() => resolve({ start, input: e.timeStamp, end: performance.now() }), 0);
            } else if (performance.now() - start > 3000) {
              resolve({ missed: true });
            } else {
              requestAnimationFrame(check);
            }
          };
          requestAnimationFrame(check);
        };
        addEventListener('pointerover', onOver, true);
      });
    },
  };
}

/** Script, style and layout time (ms) the renderer has spent so far (CDP Performance metrics). */
async function work(cdp) {
  const m = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]));
  return { script: m.ScriptDuration * 1000, style: m.RecalcStyleDuration * 1000, layout: m.LayoutDuration * 1000 };
}

/** An open page to sample one interaction on, a sample at a time. */
async function sampler(p, kind, samples, warmup = 2) {
  const count = await p.page.evaluate((k) => window.__bench.count(k), kind);
  if (count === 0) throw new Error(`no targets for ${kind} on ${p.page.url()}`);
  // Targets spread evenly over the article (or table), cycling when there are fewer than samples.
  const total = samples + warmup;
  const stride = count > total ? count / total : 1;
  const s = { i: 0, tries: 0, measured: 0, misses: 0, times: [], inputTimes: [], spent: { script: [], style: [], layout: [] } };
  const finished = () => s.times.length >= samples || s.tries >= total * 3;
  const step = async () => {
    if (finished()) return;
    const { page, cdp } = p;
    const n = Math.floor(s.i++ * stride) % count;
    s.tries++;
    const quiet = await page.evaluate(([k, n]) => window.__bench.prepare(k, n), [kind, n]);
    if (!quiet) return void s.misses++;
    await page.mouse.move(quiet.x, quiet.y);
    await page.waitForFunction(() => window.__bench.settled(), null, { timeout: 5_000, polling: 'raf' });
    const spot = await page.evaluate(([k, n]) => window.__bench.locate(k, n), [kind, n]);
    if (!spot) return void s.misses++;
    await page.evaluate((k) => window.__bench.arm(k), kind);
    const before = await work(cdp);
    await page.mouse.move(spot.x, spot.y);
    const r = await page.evaluate(() => window.__bench.pending);
    const after = await work(cdp);
    if (r.missed) return void s.misses++;
    if (s.measured++ < warmup) return; // the first hovers also pay for first use of the code
    s.times.push(r.end - r.start);
    s.inputTimes.push(r.end - r.input);
    for (const k of Object.keys(s.spent)) s.spent[k].push(after[k] - before[k]);
  };
  const result = () => {
    if (s.times.length < samples) throw new Error(`only ${s.times.length} of ${samples} ${kind} samples on ${p.page.url()} (${s.misses} missed)`);
    return {
      ...spread(s.times),
      targets: count,
      misses: s.misses,
      fromInput: spread(s.inputTimes),
      // Renderer time per sample (medians): script includes the wasm; style and layout are the
      // browser's recalculation of the changed classes and the placed details.
      work: { script: median(s.spent.script), style: median(s.spent.style), layout: median(s.spent.layout) },
    };
  };
  return { step, finished, result };
}

/** Samples `kind` on all `pages` (name → open page) alternately, one sample each in turn. */
async function interleavedSamples(pages, kind, samples) {
  const names = Object.keys(pages);
  const samplers = {};
  for (const name of names) samplers[name] = await sampler(pages[name], kind, samples);
  for (let round = 0; names.some((n) => !samplers[n].finished()); round++) {
    for (const name of rotate(names, round)) await samplers[name].step();
  }
  return Object.fromEntries(names.map((n) => [n, samplers[n].result()]));
}

async function openForInteraction(browser, url) {
  const p = await freshPage(browser, { performanceDomain: true });
  await p.page.goto(url);
  await waitForReady(p.page, p.errors);
  await waitForBuilt(p.page);
  await p.page.evaluate(interactionHelper, readerIn.toString());
  const visible = await p.page.evaluate(() => document.visibilityState);
  if (visible !== 'visible') throw new Error(`${url} is ${visible}: its frames would be throttled`);
  return { ...p, url };
}

async function interaction(browser, servers, samples) {
  const out = {};
  for (const scale of [1, 100]) {
    const open = {};
    try {
      for (const [key, server] of Object.entries(servers)) open[key] = await openForInteraction(browser, `${server.url}scale-${scale}.html`);
      if (scale === 100) open.floor = await openForInteraction(browser, `${servers.new.url}hover-floor-100.html`);
      const readers = Object.fromEntries(Object.entries(open).filter(([k]) => k !== 'floor'));
      out[scale] = {
        details: await interleavedSamples(open, 'details', samples),
        linked: await interleavedSamples(readers, 'linked', samples),
      };
      for (const [key, p] of Object.entries(open)) {
        if (p.errors.length) throw new Error(`${p.url} logged errors:\n${p.errors.join('\n')}`);
        log(
          `interaction ${scale}× ${key}: hover→details p95 ${ms(out[scale].details[key].p95)} ms` +
            (out[scale].linked[key] ? `, cell→passages p95 ${ms(out[scale].linked[key].p95)} ms` : ''),
        );
      }
    } finally {
      for (const p of Object.values(open)) await p.context.close();
    }
  }
  return out;
}

// ---- 5. rendered ahead at 100× ---------------------------------------------------------------

/**
 * Writes `ahead-100.html` into the new site: the 100× article rendered ahead by this tree's
 * `claim-reader render --as page` (built natively by cargo, as scripts/post-build runs it), with
 * the loader, which hydrates it.
 */
function renderAhead(site) {
  const html = execFileSync(
    'cargo',
    ['run', '--offline', '--quiet', '--bin', 'claim-reader', '--', 'render', '--as', 'page', '--stylesheet', '/claim-reader.css', '--script', '/claim-reader.js', join(site, 'data/scale-100.json')],
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 256 * 1024 * 1024 },
  );
  // No favicon request, as on the other pages.
  writeFileSync(join(site, 'ahead-100.html'), html.replace('<head>', '<head>\n<link rel="icon" href="data:," />'));
}

/** Rounds of the 100× article rendered ahead and its floor: largest contentful paint, ready
 * (hydrated and painted live), and layout shift until ready. */
async function aheadSuite(browser, server, rounds) {
  const pages = {
    ahead: () => readerLoad(browser, `${server.url}ahead-100.html`),
    floor: () => floorLoad(browser, `${server.url}floor-100.html`),
  };
  const loads = await interleaved(pages, rounds, 'rendered ahead 100×');
  const floorFcp = loads.floor.map((t) => t.fcp);
  const floorLcp = loads.floor.map((t) => t.lcp);
  const ahead = loads.ahead;
  return {
    rounds,
    floor: { fcp: spread(floorFcp), lcp: spread(floorLcp) },
    fcp: spread(ahead.map((t) => t.fcp)),
    lcp: spread(ahead.map((t) => t.lcp)),
    ready: spread(ahead.map((t) => t.ready)),
    lcpRatio: pairedRatio(ahead.map((t) => t.lcp), floorLcp),
    readyRatio: pairedRatio(ahead.map((t) => t.ready), floorFcp),
    shift: Math.max(...ahead.map((t) => t.shift)),
  };
}

// ---- 6. many readers on one page -----------------------------------------------------------

/**
 * One load of a page of many readers: once the first reader is painted and the network has been
 * quiet, the main thread's work since navigation (CDP `TaskDuration`, `ScriptDuration`), the
 * long tasks (PerformanceObserver 'longtask', summed) and how many readers started.
 */
async function manyLoad(browser, url) {
  const { context, page, cdp, errors } = await freshPage(browser, { performanceDomain: true });
  try {
    await page.addInitScript(() => {
      const tasks = { count: 0, ms: 0 };
      Object.defineProperty(window, '__benchLongTasks', { value: tasks });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          tasks.count += 1;
          tasks.ms += e.duration;
        }
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(url, { waitUntil: 'load' });
    await waitForReady(page, errors);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const inPage = await page.evaluate(() => ({
      longTasks: { ...window.__benchLongTasks },
      started: document.querySelectorAll('.claim-reader-host').length,
    }));
    if (errors.length) throw new Error(`${url} logged errors:\n${errors.join('\n')}`);
    return { taskMs: metrics.TaskDuration * 1000, scriptMs: metrics.ScriptDuration * 1000, ...inPage };
  } finally {
    await context.close();
  }
}

async function manyReaders(browser, server, rounds) {
  const pages = Object.fromEntries(MANY.map((n) => [n, () => manyLoad(browser, `${server.url}many-${n}.html`)]));
  const loads = await interleaved(pages, rounds, 'many readers');
  const out = {};
  for (const n of MANY) {
    const list = loads[n];
    out[n] = {
      task: spread(list.map((l) => l.taskMs)),
      script: spread(list.map((l) => l.scriptMs)),
      longTasks: spread(list.map((l) => l.longTasks.ms)),
      longTaskCount: median(list.map((l) => l.longTasks.count)),
      started: median(list.map((l) => l.started)),
    };
  }
  const [few, many] = MANY;
  out.ratio = pairedRatio(loads[many].map((l) => l.taskMs), loads[few].map((l) => l.taskMs));
  return out;
}

// ---- 7. budget and report ------------------------------------------------------------------

function budget(r) {
  const { weight: w, startup: s, scale, interaction: ia, many, ahead } = r;
  const hasBase = 'baseline' in r.bundles;
  const lines = [
    {
      line: 'weight: total brotli download (wasm + js + css) of a page with a reader rendered ahead, the heavier',
      limit: `≤ ${int(BUDGET.brotliBytes)} B`,
      measured: `${int(w.new.total.brotli)} B (gzip ${int(w.new.total.gzip)} B; readers rendered in the browser: ${int(w.new.browser.brotli)} B)`,
      pass: w.new.total.brotli <= BUDGET.brotliBytes,
    },
    {
      line: 'seed page rendered ahead: first contentful paint vs its floor',
      limit: `≤ ${BUDGET.renderedAheadVsFloor} × floor`,
      measured: `${x2(s.new.fcpRatio)} (${ms(s.new.fcp.median)} vs ${ms(s.floor.fcp.median)} ms)`,
      pass: s.new.fcpRatio <= BUDGET.renderedAheadVsFloor,
    },
    {
      line: 'seed page rendered ahead: largest contentful paint vs its floor',
      limit: `≤ ${BUDGET.renderedAheadVsFloor} × floor`,
      measured: `${x2(s.new.lcpRatio)} (${ms(s.new.lcp.median)} vs ${ms(s.floor.lcp.median)} ms)`,
      pass: s.new.lcpRatio <= BUDGET.renderedAheadVsFloor,
    },
    {
      line: 'seed page: layout shift until the live reader is ready (hydration)',
      limit: '0',
      measured: `${s.new.shift.toFixed(4)} (the largest of ${s.rounds} rounds)`,
      pass: s.new.shift === 0,
    },
    {
      line: 'ready at 1× (seed page) vs its floor',
      limit: `≤ ${BUDGET.readyVsFloor} × floor`,
      measured: `${x2(s.new.ratio)} (${ms(s.new.ready.median)} vs ${ms(s.floor.fcp.median)} ms)`,
      pass: s.new.ratio <= BUDGET.readyVsFloor,
    },
  ];
  for (const k of [10, 100]) {
    const n = scale.bundles.new[k];
    const b = scale.bundles.baseline?.[k];
    const limit = b ? BUDGET.ratioVsBaseline * b.ratio : NaN;
    lines.push({
      line: `ready/floor at ${k}× vs the baseline's`,
      limit: b ? `≤ ${BUDGET.ratioVsBaseline} × ${x2(b.ratio)} = ${x2(limit)}` : `≤ ${BUDGET.ratioVsBaseline} × baseline's`,
      measured: `${x2(n.ratio)} (${ms(n.ready.median)} ms; baseline ${b ? ms(b.ready.median) : '—'} ms; floor ${ms(scale.articles[k].floor.fcp.median)} ms)`,
      pass: hasBase ? n.ratio <= limit : null,
    });
  }
  lines.push({
    line: 'growth exponent 1× → 100×',
    limit: `≤ ${BUDGET.growth}`,
    measured: scale.bundles.new.growth.toFixed(2),
    pass: scale.bundles.new.growth <= BUDGET.growth,
  });
  const floorP95 = ia[100].details.floor.p95;
  for (const [kind, label] of [
    ['details', 'hover → details painted, p95 at 100×'],
    ['linked', 'cell → passages painted, p95 at 100×'],
  ]) {
    lines.push({
      line: `${label} vs the interaction floor`,
      limit: `≤ ${BUDGET.interactionVsFloor} × ${ms(floorP95)} = ${ms(BUDGET.interactionVsFloor * floorP95)} ms`,
      measured: `${ms(ia[100][kind].new.p95)} ms (${x2(ia[100][kind].new.p95 / floorP95)})`,
      pass: ia[100][kind].new.p95 <= BUDGET.interactionVsFloor * floorP95,
    });
  }
  lines.push(
    {
      line: '100× rendered ahead: largest contentful paint vs its floor',
      limit: `≤ ${BUDGET.renderedAheadVsFloor} × floor`,
      measured: `${x2(ahead.lcpRatio)} (${ms(ahead.lcp.median)} vs ${ms(ahead.floor.lcp.median)} ms)`,
      pass: ahead.lcpRatio <= BUDGET.renderedAheadVsFloor,
    },
    {
      line: '100× rendered ahead: hydrated and painted live vs its floor',
      limit: `≤ ${BUDGET.aheadReadyVsFloor} × floor`,
      measured: `${x2(ahead.readyRatio)} (${ms(ahead.ready.median)} vs ${ms(ahead.floor.fcp.median)} ms)`,
      pass: ahead.readyRatio <= BUDGET.aheadReadyVsFloor,
    },
    {
      line: '100× rendered ahead: layout shift until ready (hydration)',
      limit: '0',
      measured: `${ahead.shift.toFixed(4)} (the largest of ${ahead.rounds} rounds)`,
      pass: ahead.shift === 0,
    },
  );
  const [few, most] = MANY;
  lines.push({
    line: `${most} readers on a page, two in view: start-up work vs ${few} readers`,
    limit: `≤ ${BUDGET.manyVsTwo} ×`,
    measured:
      `${x2(many.ratio)} (main thread ${ms(many[most].task.median)} vs ${ms(many[few].task.median)} ms; ` +
      `long tasks ${ms(many[most].longTasks.median)} vs ${ms(many[few].longTasks.median)} ms; ` +
      `${many[most].started} of ${most} readers started)`,
    pass: many.ratio <= BUDGET.manyVsTwo,
  });
  const informative = [
    {
      line: 'ready at 100×',
      limit: `≤ ${BUDGET.ready100Ms} ms on a quiet machine`,
      measured: `${ms(scale.bundles.new[100].ready.median)} ms`,
      pass: scale.bundles.new[100].ready.median <= BUDGET.ready100Ms,
    },
    {
      line: 'hover → details painted, p95 at 100×',
      limit: `≤ ${BUDGET.hoverP95Ms} ms on a quiet machine`,
      measured: `${ms(ia[100].details.new.p95)} ms`,
      pass: ia[100].details.new.p95 <= BUDGET.hoverP95Ms,
    },
  ];
  return { lines, informative };
}

function markdown(r) {
  const out = [];
  // The first `left` columns hold text (left-aligned), the others figures (right-aligned).
  const table = (head, rows, left = 1) => {
    out.push(`| ${head.join(' | ')} |`);
    out.push(`| ${head.map((h, i) => (i < left ? '---' : '---:')).join(' | ')} |`);
    for (const row of rows) out.push(`| ${row.join(' | ')} |`);
    out.push('');
  };
  const keys = Object.keys(r.bundles);
  const name = (k) => (k === 'new' ? 'new' : `baseline ${r.bundles.baseline.label}`);
  out.push(`# claim-reader benchmark`, '');
  out.push(
    `${r.date} · ${r.browser} (headless, ${VIEWPORT.width}×${VIEWPORT.height}) · ` +
      keys.map((k) => `${name(k)}: \`${r.bundles[k].dir}\``).join(' · ') +
      ' · loopback, no throttling, fresh context and cache disabled for every load · ' +
      `load average ${r.load.start.toFixed(1)} at start, ${r.load.end.toFixed(1)} at end, on ${r.load.cores} cores · ${r.seconds} s`,
    '',
  );
  if (!r.bundles.baseline) out.push('No baseline bundle (`--baseline none`): the lines that compare with it are skipped.', '');
  if (r.load.start > r.load.cores || r.load.end > r.load.cores) {
    out.push(
      `**The machine was busy** (load average above its ${r.load.cores} cores): other work inflates ` +
        'and scatters every time below; the ratios to the floors and to the baseline, measured ' +
        'in the same rounds, suffer less than the absolute times.',
      '',
    );
  }

  out.push('## 1. Weight (bytes)', '');
  table(
    ['bundle', 'part', 'file', 'raw', 'gzip -9', 'brotli 11'],
    keys.flatMap((k) => {
      const w = r.weight[k];
      return [...w.rows, w.total, ...(w.browser.brotli !== w.total.brotli ? [w.browser] : []), ...(w.seed ? [w.seed] : [])].map((row) => [name(k), row.what, `\`${row.file}\``, int(row.raw), int(row.gzip), int(row.brotli)]);
    }),
    3,
  );

  const s = r.startup;
  const sp = (x) => [ms(x.median), ms(x.min), ms(x.p25), ms(x.p75), ms(x.max)];
  out.push(`## 2. Start-up of the seed page (ms from navigation start, ${s.rounds} rounds)`, '');
  table(
    ['page', 'measured at', 'median', 'min', 'p25', 'p75', 'max'],
    [
      ...keys.flatMap((k) => [
        [`${name(k)} (\`index.html\`)`, '**ready**: highlights painted', ...sp(s[k].ready)],
        [name(k), '`claim-reader:ready` mark', ...sp(s[k].mark)],
        [name(k), 'first contentful paint', ...sp(s[k].fcp)],
        [name(k), 'largest contentful paint', ...sp(s[k].lcp)],
      ]),
      ['floor (`floor-seed.html`, static)', '**first contentful paint**', ...sp(s.floor.fcp)],
      ['floor', 'largest contentful paint', ...sp(s.floor.lcp)],
      ['floor', 'highlights painted (as the readers)', ...sp(s.floor.painted)],
    ],
    2,
  );
  out.push(
    keys
      .map(
        (k) =>
          `${name(k)}: ready / floor **${x2(s[k].ratio)}** (median of the rounds' ratios, quartiles ` +
          `${s[k].ratioQuartiles.map((q) => q.toFixed(2)).join('–')}; ${x2(s[k].ratioOfMedians)} of the medians); ` +
          `painted ${ms(s[k].markToPainted)} ms after the mark (median).`,
      )
      .join(' '),
    '',
    'The floor is timed by its first contentful paint, which Chromium stamps with the time the frame ' +
      'was presented; ready is when the main thread has painted the frame, which comes earlier for the ' +
      `same frame: timed as the readers are, the floor is painted at ${ms(s.floor.painted.median)} ms ` +
      `(median), ${ms(s.floor.fcp.median - s.floor.painted.median)} ms before its first contentful paint.`,
    '',
  );

  const sc = r.scale;
  out.push(`## 3. Scale (synthetic articles through the loader, \`data-src\`; ${sc.rounds} rounds each)`, '');
  table(
    ['article', 'paragraphs', 'claims', 'data raw / gzip', 'floor FCP (ms)', 'floor painted (ms)'],
    SCALES.map((k) => {
      const a = sc.articles[k];
      return [`${k}×`, int(a.paragraphs), int(a.claims), `${kb(a.bytes)} / ${kb(a.gzip)} KB`, ms(a.floor.fcp.median), ms(a.floor.painted.median)];
    }),
  );
  table(
    ['bundle', 'article', 'ready median (ms)', 'min–max', 'ready / floor (quartiles)', 'mark (ms)', 'data fetched at', 'ready − data fetched', 'script / layout / style', 'JS heap', 'wasm memory', 'elements'],
    keys.flatMap((key) =>
      SCALES.map((k) => {
        const a = sc.bundles[key][k];
        return [
          name(key),
          `${k}×`,
          ms(a.ready.median),
          `${ms(a.ready.min)}–${ms(a.ready.max)}`,
          x2q(a.ratio, a.ratioQuartiles),
          ms(a.mark.median),
          `${ms(a.dataEnd)} ms`,
          `${ms(a.afterData)} ms`,
          `${ms(a.scriptMs)} / ${ms(a.layoutMs)} / ${ms(a.styleMs)} ms`,
          `${kb(a.jsHeap)} KB`,
          `${kb(a.wasmMemory)} KB`,
          int(a.elements),
        ];
      }),
    ),
    2,
  );
  out.push(
    'Growth exponent log(t100/t1)/log(100) of the ready medians: ' +
      keys.map((k) => `${name(k)} **${sc.bundles[k].growth.toFixed(2)}**`).join(', ') +
      '. Ready / floor: median of the rounds\' ratios to the floor\'s first contentful paint. ' +
      'Script / layout / style: renderer time from navigation to ready (medians); JS heap after a forced GC.',
    '',
  );

  out.push(`## 4. Interaction (ms from the page receiving the pointer to the next paint showing the result)`, '');
  const ia = r.interaction;
  const irow = (label, who, k, x) => [
    label,
    who,
    `${k}×`,
    String(x.n),
    ms(x.median),
    ms(x.p95),
    ms(x.max),
    ms(x.fromInput.median),
    ms(x.fromInput.p95),
    `${ms(x.work.script)} / ${ms(x.work.style)} / ${ms(x.work.layout)}`,
  ];
  table(
    ['interaction', 'page', 'article', 'samples', 'p50', 'p95', 'max', 'from input p50', 'from input p95', 'script / style / layout p50'],
    [1, 100].flatMap((k) => [
      ...keys.map((key) => irow('pointer onto passage → details painted', name(key), k, ia[k].details[key])),
      ...(ia[k].details.floor ? [irow('pointer onto passage → details painted', 'interaction floor', k, ia[k].details.floor)] : []),
      ...keys.map((key) => irow('pointer onto table cell → passages emphasised', name(key), k, ia[k].linked[key])),
    ]),
    3,
  );

  const a = r.ahead;
  out.push(`## 5. The 100× article rendered ahead (\`claim-reader render --as page\`, hydrated by the new bundle; ${a.rounds} rounds)`, '');
  table(
    ['page', 'first contentful paint', 'largest contentful paint', 'ready (live)', 'layout shift (max)'],
    [
      ['rendered ahead (`ahead-100.html`)', ms(a.fcp.median), ms(a.lcp.median), ms(a.ready.median), a.shift.toFixed(4)],
      ['floor (`floor-100.html`)', ms(a.floor.fcp.median), ms(a.floor.lcp.median), '—', '—'],
    ],
  );
  out.push(`Largest contentful paint / floor's: ${x2(a.lcpRatio)}; ready / floor's first contentful paint: ${x2(a.readyRatio)} (medians of the rounds' ratios).`, '');

  const m = r.many;
  out.push(`## 6. Many readers on one page (the new bundle, ${MANY.join(' and ')} readers of the seed, two to a screen)`, '');
  table(
    ['page', 'readers started', 'main thread work (ms)', 'script (ms)', 'long tasks (ms)', 'long tasks'],
    MANY.map((n) => [`${n} readers`, String(m[n].started), ms(m[n].task.median), ms(m[n].script.median), ms(m[n].longTasks.median), String(m[n].longTaskCount)]),
  );
  out.push(`Main thread work, ${MANY[1]} readers / ${MANY[0]}: ${x2(m.ratio)} (median of the rounds' ratios).`, '');

  if (r.bundles.baseline) {
    out.push(`## 7. Before / after (baseline ${r.bundles.baseline.label} → new)`, '');
    const b = (f) => [f('baseline'), f('new')];
    const row = (label, f, fmt, unit = '') => {
      const [o, n] = b(f);
      return [label, `${fmt(o)}${unit}`, `${fmt(n)}${unit}`, x2(n / o)];
    };
    table(
      ['figure', `baseline ${r.bundles.baseline.label}`, 'new', 'new / baseline'],
      [
        row('weight, gzip -9', (k) => r.weight[k].total.gzip, int, ' B'),
        row('weight, brotli 11', (k) => r.weight[k].total.brotli, int, ' B'),
        row('ready at 1× (seed page) / floor', (k) => s[k].ratio, (x) => x.toFixed(2)),
        row('ready at 1× (seed page)', (k) => s[k].ready.median, ms, ' ms'),
        row('ready at 10× / floor', (k) => sc.bundles[k][10].ratio, (x) => x.toFixed(2)),
        row('ready at 100× / floor', (k) => sc.bundles[k][100].ratio, (x) => x.toFixed(2)),
        row('ready at 100×', (k) => sc.bundles[k][100].ready.median, ms, ' ms'),
        row('growth exponent 1× → 100×', (k) => sc.bundles[k].growth, (x) => x.toFixed(2)),
        row('hover → details painted, p95 at 100×', (k) => ia[100].details[k].p95, ms, ' ms'),
        row('cell → passages painted, p95 at 100×', (k) => ia[100].linked[k].p95, ms, ' ms'),
      ],
    );
  }

  out.push(`## ${r.bundles.baseline ? 8 : 7}. Budget (the new bundle)`, '');
  const verdict = (p) => (p === null ? 'skipped (no baseline)' : p ? 'pass' : '**FAIL**');
  table(['line', 'limit', 'measured', 'result'], r.budget.lines.map((l) => [l.line, l.limit, l.measured, verdict(l.pass)]), 4);
  const failed = r.budget.lines.filter((l) => l.pass === false);
  out.push(
    failed.length === 0
      ? 'Budget: every line measured passes.'
      : `Budget: ${failed.length} of ${r.budget.lines.length} lines FAIL: ${failed.map((l) => l.line).join('; ')}.`,
    '',
  );
  out.push('Absolute times, for information (they depend on the machine and its load):', '');
  table(['figure', 'aim', 'measured', ''], r.budget.informative.map((l) => [l.line, l.limit, l.measured, l.pass ? 'within' : 'over']), 4);
  return out.join('\n');
}

// ---- main ----------------------------------------------------------------------------------

function checkBundle(dir, what) {
  if (!existsSync(join(dir, 'index.html')) || !existsSync(join(dir, 'claim-reader.js'))) {
    throw new Error(`${dir} (${what}) holds no built bundle (index.html, claim-reader.js): build it first`);
  }
}

async function main() {
  const began = Date.now();
  const loadAtStart = loadavg()[0];
  const bundles = { new: { dir: relative(ROOT, opts.dist), dist: opts.dist, label: 'new' } };
  if (opts.baselineDist) bundles.baseline = { dir: relative(ROOT, opts.baselineDist), dist: opts.baselineDist, label: opts.baselineLabel };
  for (const [k, b] of Object.entries(bundles)) checkBundle(b.dist, k);
  mkdirSync(opts.out, { recursive: true });
  const docs = articles();
  const w = {};
  const servers = {};
  try {
    for (const [k, b] of Object.entries(bundles)) {
      log(`weight of ${b.dir}`);
      w[k] = weight(b.dist);
      const site = join(opts.out, `site-${k}`);
      buildSite(b.dist, site, docs);
      servers[k] = await startServer(site);
    }
    rmSync(join(opts.out, 'site'), { recursive: true, force: true }); // the single site of before
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    try {
      log('capturing the floors from the new bundle');
      const floors = await captureFloors(browser, servers.new.url, opts.dist, join(opts.out, 'site-new'));
      log(`start-up: ${opts.runs} rounds of ${[...Object.keys(bundles), 'floor'].join(', ')}`);
      const s = await startup(browser, servers, opts.runs);
      log(`start-up: ` + Object.keys(bundles).map((k) => `${k} ready ${ms(s[k].ready.median)} ms (${x2(s[k].ratio)} floor)`).join(', ') + `, floor ${ms(s.floor.fcp.median)} ms`);
      log(`scale: ${SCALES.join('×, ')}×, ${opts.scaleRuns} rounds each`);
      const sc = await scaleSuite(browser, servers, opts.scaleRuns, docs);
      log(`interaction: ${opts.samples} samples per interaction and page at 1× and 100×`);
      const ia = await interaction(browser, servers, opts.samples);
      log(`rendered ahead: the 100× article through claim-reader render, ${opts.scaleRuns} rounds`);
      renderAhead(join(opts.out, 'site-new'));
      const ahead = await aheadSuite(browser, servers.new, opts.scaleRuns);
      log(`many readers: ${opts.runs} rounds of ${MANY.map((n) => `${n} readers`).join(' and ')}, the new bundle`);
      const many = await manyReaders(browser, servers.new, opts.runs);
      const result = {
        date: new Date().toISOString(),
        browser: `Chromium ${browser.version()}`,
        viewport: VIEWPORT,
        options: { runs: opts.runs, scaleRuns: opts.scaleRuns, samples: opts.samples },
        bundles: Object.fromEntries(Object.entries(bundles).map(([k, b]) => [k, { dir: b.dir, label: b.label }])),
        weight: w,
        floors: { htmlBytes: floors },
        startup: s,
        scale: sc,
        interaction: ia,
        many,
        ahead,
      };
      result.budget = budget(result);
      result.seconds = Math.round((Date.now() - began) / 1000);
      // Other work on the machine slows every figure; the load average says how busy it was.
      result.load = { start: loadAtStart, end: loadavg()[0], cores: cpus().length };
      const md = markdown(result);
      writeFileSync(join(opts.out, 'bench.md'), md + '\n');
      writeFileSync(join(opts.out, 'bench.json'), JSON.stringify(result, null, 2) + '\n');
      console.log(md);
      console.log(`(written to ${relative(ROOT, join(opts.out, 'bench.md'))} and bench.json, in ${result.seconds} s)`);
    } finally {
      await browser.close();
    }
  } finally {
    for (const server of Object.values(servers)) await server.close();
  }
}

main().catch((err) => {
  console.error(`bench: ${err.stack ?? err}`);
  process.exit(2);
});
