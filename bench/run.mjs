#!/usr/bin/env node
// The claim-reader benchmark driver: weight, start-up against a static floor, scale, interaction
// latency and the budget. Run it through scripts/bench, which builds the release bundle first.
//
//   node bench/run.mjs [--dist DIR] [--out DIR] [--runs N] [--scale-runs N] [--samples N]
//
//   --dist        built bundle to measure (default target/bench-dist)
//   --out         where bench.md, bench.json and the served pages go (default target/bench)
//   --runs        start-up runs per page (default 21)
//   --scale-runs  runs per synthetic article (default 7)
//   --samples     interaction samples per interaction and article (default 60)
//
// Every page load gets a fresh browser context with the HTTP cache disabled, served from loopback
// without throttling. The exit status is 0 whether or not the budget holds; the report says
// which budget lines fail. It is non-zero only when the benchmark itself cannot run.

import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { CHROMIUM, CHROMIUM_ARGS as E2E_CHROMIUM_ARGS } from '../tests/e2e/harness.mjs';
import { generate } from './generate.mjs';
import { BUDGET_GZIP, SEED_JSON, downloads } from '../scripts/lib/downloads.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const require = createRequire(join(ROOT, 'tests/e2e/package.json'));
const { chromium } = require('playwright-core');

// ---- options -------------------------------------------------------------------------------

function options(argv) {
  const o = { dist: 'target/bench-dist', out: 'target/bench', runs: 21, scaleRuns: 7, samples: 60 };
  const names = { '--dist': 'dist', '--out': 'out', '--runs': 'runs', '--scale-runs': 'scaleRuns', '--samples': 'samples' };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const key = names[flag];
    if (!key) throw new Error(`unknown option ${argv[i]} (known: ${Object.keys(names).join(' ')})`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    o[key] = ['dist', 'out'].includes(key) ? value : Number(value);
  }
  for (const k of ['runs', 'scaleRuns', 'samples']) {
    if (!Number.isInteger(o[k]) || o[k] < 1) throw new Error(`--${k} must be a whole number >= 1`);
  }
  o.dist = resolve(ROOT, o.dist);
  o.out = resolve(ROOT, o.out);
  return o;
}

const opts = options(process.argv.slice(2));
// The same Chromium, started the same way, as the end-to-end tests.
const CHROMIUM_ARGS = [...E2E_CHROMIUM_ARGS, '--disable-extensions'];
const VIEWPORT = { width: 1280, height: 900 };
const SCALES = [1, 10, 100];
const READY_MARK = 'claim-reader:ready';
const BUDGET = {
  gzipBytes: BUDGET_GZIP,
  readyVsFloor: 1.5,
  ready100Ms: 300,
  growth: 1.1,
  hoverP95Ms: 16,
};

const log = (...a) => console.error('  ', ...a);

// ---- statistics ----------------------------------------------------------------------------

/** Percentile p (0…1) with linear interpolation between order statistics. */
function percentile(values, p) {
  const v = [...values].sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const at = (v.length - 1) * p;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return v[lo] + (v[hi] - v[lo]) * (at - lo);
}

function spread(values) {
  return {
    n: values.length,
    min: Math.min(...values),
    p25: percentile(values, 0.25),
    median: percentile(values, 0.5),
    p75: percentile(values, 0.75),
    p95: percentile(values, 0.95),
    max: Math.max(...values),
  };
}

const ms = (x) => (Number.isFinite(x) ? x.toFixed(1) : '—');
const kb = (bytes) => (bytes / 1024).toFixed(1);
const int = (n) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '—');

// ---- 1. weight -----------------------------------------------------------------------------

function compressed(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: {
        [zlib.BROTLI_PARAM_QUALITY]: 11,
        [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_GENERIC,
      },
    }).length,
  };
}

/** What a page downloads (scripts/lib/downloads.mjs, the same files size-guard counts). */
function weight(dist) {
  const row = (what, path) => ({ what, file: relative(ROOT, path), ...compressed(readFileSync(path)) });
  const rows = downloads(dist).map(({ what, path }) => row(what, path));
  const sum = (key) => rows.reduce((n, r) => n + r[key], 0);
  const total = { what: 'total a page downloads', file: 'wasm + js + css', raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') };
  // Compiled into the wasm, so already in its row: shown for information, not added.
  const seed = row('seed data (inside the wasm, not added)', SEED_JSON);
  return { rows, total, seed };
}

// ---- the site that is served ---------------------------------------------------------------

function fill(template, values) {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k) => {
    if (!(k in values)) throw new Error(`template value ${k} missing`);
    return values[k];
  });
}

function buildSite(dist, site) {
  rmSync(site, { recursive: true, force: true });
  const demo = join(dist, 'demo');
  cpSync(dist, site, { recursive: true, filter: (from) => from !== demo && !from.startsWith(demo + sep) });
  mkdirSync(join(site, 'data'), { recursive: true });
  cpSync(join(ROOT, 'static/seed.json'), join(site, 'data/seed.json'));
  const seed = JSON.parse(readFileSync(join(ROOT, 'static/seed.json'), 'utf8'));
  const template = readFileSync(join(ROOT, 'bench/templates/scale.html'), 'utf8');
  const articles = {};
  for (const scale of SCALES) {
    const doc = generate(seed, scale);
    const text = JSON.stringify(doc);
    writeFileSync(join(site, `data/scale-${scale}.json`), text);
    writeFileSync(join(site, `scale-${scale}.html`), fill(template, { SCALE: String(scale) }));
    const bytes = Buffer.from(text);
    articles[scale] = {
      paragraphs: doc.article.paragraphs.length,
      claims: doc.claims.length,
      bytes: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
    };
  }
  return articles;
}

/** A static file server on loopback for the site, with caching forbidden. */
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

/** A fresh context (empty cache and storage) with one page, its CDP session and error capture. */
async function freshPage(browser, { performanceDomain = false } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT });
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

async function waitForReady(page, errors) {
  try {
    await page.waitForFunction((m) => performance.getEntriesByName(m, 'mark').length > 0, READY_MARK, {
      timeout: 60_000,
      polling: 20,
    });
  } catch (err) {
    throw new Error(`the reader never became ready on ${page.url()}: ${err.message}\n${errors.join('\n')}`);
  }
}

async function waitForPaint(page) {
  await page
    .waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, {
      timeout: 5_000,
      polling: 20,
    })
    .catch(() => {});
}

/** Times of one page load, in ms from navigation start. */
async function pageTimes(page) {
  return page.evaluate((m) => {
    const nav = performance.getEntriesByType('navigation')[0];
    const ready = performance.getEntriesByName(m, 'mark')[0];
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    const resources = Object.fromEntries(
      performance.getEntriesByType('resource').map((r) => [new URL(r.name).pathname, r.responseEnd]),
    );
    return {
      ready: ready?.startTime ?? null,
      fcp: fcp?.startTime ?? null,
      domContentLoaded: nav.domContentLoadedEventEnd,
      load: nav.loadEventStart,
      resources,
    };
  }, READY_MARK);
}

// ---- 2. start-up ---------------------------------------------------------------------------

/** Saves what the reader renders for the seed article as a static page: the floor. */
async function captureFloor(browser, url, site) {
  const { context, page, errors } = await freshPage(browser);
  try {
    await page.goto(url);
    await waitForReady(page, errors);
    const html = await page.$eval('#claim-reader > .claim-reader', (el) => el.outerHTML);
    const template = readFileSync(join(ROOT, 'bench/templates/floor.html'), 'utf8');
    writeFileSync(join(site, 'floor.html'), fill(template, { CONTENT: html }));
    if (errors.length) throw new Error(`the seed page logged errors:\n${errors.join('\n')}`);
    return { bytes: Buffer.byteLength(html) };
  } finally {
    await context.close();
  }
}

async function startupRun(browser, url, kind) {
  const { context, page, errors } = await freshPage(browser);
  try {
    await page.goto(url, { waitUntil: 'load' });
    if (kind === 'reader') await waitForReady(page, errors);
    await waitForPaint(page);
    const t = await pageTimes(page);
    if (kind === 'floor') {
      const scripts = await page.evaluate(() => document.scripts.length);
      if (scripts !== 0) throw new Error('the floor page must hold no script');
    }
    if (errors.length) throw new Error(`${url} logged errors:\n${errors.join('\n')}`);
    return t;
  } finally {
    await context.close();
  }
}

async function startup(browser, base, runs) {
  const reader = [];
  const floor = [];
  // One warm-up load of each (not counted): the first loads pay for starting renderer processes.
  await startupRun(browser, `${base}index.html`, 'reader');
  await startupRun(browser, `${base}floor.html`, 'floor');
  for (let i = 0; i < runs; i++) {
    // Alternate the order so drift in the machine's load falls on both pages alike.
    const order = i % 2 ? ['floor', 'reader'] : ['reader', 'floor'];
    for (const kind of order) {
      const t = await startupRun(browser, `${base}${kind === 'reader' ? 'index.html' : 'floor.html'}`, kind);
      (kind === 'reader' ? reader : floor).push(t);
    }
  }
  const of = (list, key) => spread(list.map((t) => t[key]).filter((x) => x !== null));
  // The pairing assumes the reader's stylesheet has arrived by its ready mark; count the runs.
  const cssFirst = reader.filter((t) => (t.resources['/claim-reader.css'] ?? Infinity) <= t.ready).length;
  return {
    runs,
    stylesheetBeforeReady: cssFirst,
    reader: { ready: of(reader, 'ready'), fcp: of(reader, 'fcp'), load: of(reader, 'load') },
    floor: { ready: of(floor, 'load'), fcp: of(floor, 'fcp'), domContentLoaded: of(floor, 'domContentLoaded') },
  };
}

// ---- 3. scale ------------------------------------------------------------------------------

async function scaleRun(browser, url, scale) {
  const { context, page, cdp, errors } = await freshPage(browser, { performanceDomain: true });
  try {
    await page.goto(url, { waitUntil: 'load' });
    await waitForReady(page, errors);
    const t = await pageTimes(page);
    const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const inPage = await page.evaluate(async () => {
      const host = document.querySelector('.claim-reader-host');
      const root = host?.shadowRoot?.querySelector('.claim-reader');
      // The glue hands back the running module's exports when it is already initialised. The
      // release build gives exports short names, so the memory is found by what it is.
      const glue = await import('/claim-reader-web.js');
      const exports = await glue.default();
      const memory = Object.values(exports).find((e) => e instanceof WebAssembly.Memory);
      return {
        wasmMemory: memory.buffer.byteLength,
        elements: root ? root.querySelectorAll('*').length : 0,
        marks: root ? root.querySelectorAll('mark.cr-passage').length : 0,
      };
    });
    if (inPage.marks === 0) throw new Error(`no passages on ${url}`);
    if (errors.length) throw new Error(`${url} logged errors:\n${errors.join('\n')}`);
    const dataEnd = t.resources[`/data/scale-${scale}.json`] ?? null;
    return {
      ready: t.ready,
      resources: t.resources,
      dataEnd,
      afterData: dataEnd === null ? null : t.ready - dataEnd,
      jsHeap: heap.usedSize,
      ...inPage,
      scriptMs: metrics.ScriptDuration * 1000,
      layoutMs: metrics.LayoutDuration * 1000,
      styleMs: metrics.RecalcStyleDuration * 1000,
    };
  } finally {
    await context.close();
  }
}

async function scaleSuite(browser, base, runs, articles) {
  const out = {};
  for (const scale of SCALES) {
    const url = `${base}scale-${scale}.html`;
    await scaleRun(browser, url, scale); // warm-up, not counted
    const list = [];
    for (let i = 0; i < runs; i++) list.push(await scaleRun(browser, url, scale));
    const med = (key) => percentile(list.map((r) => r[key]).filter((x) => x !== null), 0.5);
    out[scale] = {
      ...articles[scale],
      ready: spread(list.map((r) => r.ready)),
      // When each file had arrived (ms from navigation start, medians): the loader's waterfall.
      arrived: Object.fromEntries(
        Object.keys(list[0].resources).map((path) => [path, percentile(list.map((r) => r.resources[path] ?? NaN), 0.5)]),
      ),
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
    log(`scale ${scale}×: ready median ${ms(out[scale].ready.median)} ms`);
  }
  const t1 = out[1].ready.median;
  const t100 = out[100].ready.median;
  return { runs, articles: out, growth: Math.log(t100 / t1) / Math.log(100) };
}

// ---- 4. interaction ------------------------------------------------------------------------

/** Installed in the page: finds targets and quiet spots, and times one interaction. */
function interactionHelper() {
  const deepAt = (x, y) => {
    let el = document.elementFromPoint(x, y);
    while (el?.shadowRoot) {
      const inner = el.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === el) break;
      el = inner;
    }
    return el;
  };
  const root = () => {
    const host = document.querySelector('.claim-reader-host');
    return (host?.shadowRoot ?? document).querySelector('.claim-reader');
  };
  const SELECTORS = { details: 'mark.cr-passage[tabindex]', linked: 'td[data-party][data-issue] button.cr-cell' };
  const ACTIVE = 'mark, .cr-details, .cr-cell, button, a, .cr-table-wrap';
  const done = {
    details: (r) => {
      const tip = r.querySelector('[role="tooltip"]');
      return tip !== null && !tip.hidden;
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

async function interactionSamples(page, cdp, kind, samples, warmup = 2) {
  const count = await page.evaluate((k) => window.__bench.count(k), kind);
  if (count === 0) throw new Error(`no targets for ${kind}`);
  // Targets spread evenly over the article (or table), cycling when there are fewer than samples.
  const total = samples + warmup;
  const stride = count > total ? count / total : 1;
  const times = [];
  const inputTimes = [];
  const spent = { script: [], style: [], layout: [] };
  let misses = 0;
  let measured = 0;
  for (let i = 0, tries = 0; times.length < samples && tries < total * 3; i++, tries++) {
    const n = Math.floor(i * stride) % count;
    const quiet = await page.evaluate(([k, n]) => window.__bench.prepare(k, n), [kind, n]);
    if (!quiet) {
      misses++;
      continue;
    }
    await page.mouse.move(quiet.x, quiet.y);
    await page.waitForFunction(() => window.__bench.settled(), null, { timeout: 5_000, polling: 'raf' });
    const spot = await page.evaluate(([k, n]) => window.__bench.locate(k, n), [kind, n]);
    if (!spot) {
      misses++;
      continue;
    }
    await page.evaluate((k) => window.__bench.arm(k), kind);
    const before = await work(cdp);
    await page.mouse.move(spot.x, spot.y);
    const r = await page.evaluate(() => window.__bench.pending);
    const after = await work(cdp);
    if (r.missed) {
      misses++;
      continue;
    }
    if (measured++ < warmup) continue; // the first hovers also pay for first use of the code
    times.push(r.end - r.start);
    inputTimes.push(r.end - r.input);
    for (const k of Object.keys(spent)) spent[k].push(after[k] - before[k]);
  }
  if (times.length < samples) throw new Error(`only ${times.length} of ${samples} ${kind} samples (${misses} missed)`);
  const median = (list) => percentile(list, 0.5);
  return {
    ...spread(times),
    targets: count,
    misses,
    fromInput: spread(inputTimes),
    // Renderer time per sample (medians): script includes the wasm; style and layout are the
    // browser's recalculation of the changed classes and the placed details.
    work: { script: median(spent.script), style: median(spent.style), layout: median(spent.layout) },
  };
}

async function interaction(browser, base, samples) {
  const out = {};
  for (const scale of [1, 100]) {
    const { context, page, cdp, errors } = await freshPage(browser, { performanceDomain: true });
    try {
      await page.goto(`${base}scale-${scale}.html`);
      await waitForReady(page, errors);
      await page.evaluate(interactionHelper);
      out[scale] = {
        details: await interactionSamples(page, cdp, 'details', samples),
        linked: await interactionSamples(page, cdp, 'linked', samples),
      };
      if (errors.length) throw new Error(`scale-${scale}.html logged errors:\n${errors.join('\n')}`);
      log(`interaction ${scale}×: hover→details p95 ${ms(out[scale].details.p95)} ms, cell→passages p95 ${ms(out[scale].linked.p95)} ms`);
    } finally {
      await context.close();
    }
  }
  return out;
}

// ---- 5. budget and report ------------------------------------------------------------------

function budget(result) {
  const { weight: w, startup: s, scale, interaction: ia } = result;
  const limitReady = BUDGET.readyVsFloor * s.floor.ready.median;
  const lines = [
    {
      line: 'total gzip download (wasm + js + css)',
      limit: `≤ ${int(BUDGET.gzipBytes)} B`,
      measured: `${int(w.total.gzip)} B`,
      pass: w.total.gzip <= BUDGET.gzipBytes,
    },
    {
      line: 'ready at 1× (seed page) vs floor',
      limit: `≤ ${BUDGET.readyVsFloor} × floor = ${ms(limitReady)} ms`,
      measured: `${ms(s.reader.ready.median)} ms (${(s.reader.ready.median / s.floor.ready.median).toFixed(2)} × floor)`,
      pass: s.reader.ready.median <= limitReady,
    },
    {
      line: 'ready at 100×',
      limit: `≤ ${BUDGET.ready100Ms} ms`,
      measured: `${ms(scale.articles[100].ready.median)} ms`,
      pass: scale.articles[100].ready.median <= BUDGET.ready100Ms,
    },
    {
      line: 'growth exponent 1× → 100×',
      limit: `≤ ${BUDGET.growth}`,
      measured: scale.growth.toFixed(2),
      pass: scale.growth <= BUDGET.growth,
    },
    {
      line: 'hover → details painted, p95 at 100×',
      limit: `≤ ${BUDGET.hoverP95Ms} ms`,
      measured: `${ms(ia[100].details.p95)} ms`,
      pass: ia[100].details.p95 <= BUDGET.hoverP95Ms,
    },
  ];
  return lines;
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
  out.push(`# claim-reader benchmark`, '');
  out.push(
    `${r.date} · ${r.browser} (headless, ${VIEWPORT.width}×${VIEWPORT.height}) · bundle \`${r.bundle}\` · ` +
      `loopback, no throttling, fresh context and cache disabled for every load · ` +
      `load average ${r.load.start.toFixed(1)} at start, ${r.load.end.toFixed(1)} at end, on ${r.load.cores} cores · ${r.seconds} s`,
    '',
  );

  if (r.load.start > r.load.cores || r.load.end > r.load.cores) {
    out.push(
      `**The machine was busy** (load average above its ${r.load.cores} cores): other work inflates ` +
        'and scatters every time below; compare runs made on a quiet machine.',
      '',
    );
  }
  out.push('## 1. Weight (bytes)', '');
  table(
    ['part', 'file', 'raw', 'gzip -9', 'brotli 11'],
    [...r.weight.rows, r.weight.total, r.weight.seed].map((w) => [w.what, `\`${w.file}\``, int(w.raw), int(w.gzip), int(w.brotli)]),
    2,
  );

  const s = r.startup;
  const sp = (x) => [ms(x.median), ms(x.min), ms(x.p25), ms(x.p75), ms(x.max)];
  out.push(`## 2. Start-up (ms from navigation start, ${s.runs} runs each)`, '');
  table(
    ['page', 'measured at', 'median', 'min', 'p25', 'p75', 'max'],
    [
      ['reader (`index.html`)', '**ready**: `claim-reader:ready` mark', ...sp(s.reader.ready)],
      ['floor (`floor.html`, static)', '**ready**: `load` event start', ...sp(s.floor.ready)],
      ['reader', 'first contentful paint', ...sp(s.reader.fcp)],
      ['floor', 'first contentful paint', ...sp(s.floor.fcp)],
    ],
    2,
  );
  out.push(
    `Ratio reader / floor (medians): **${(s.reader.ready.median / s.floor.ready.median).toFixed(2)}** at ready, ` +
      `${(s.reader.fcp.median / s.floor.fcp.median).toFixed(2)} at first contentful paint. ` +
      'Pairing: both ready points are "the article is in the DOM and its stylesheet has loaded, before the ' +
      'first paint": the reader sets its mark after its first render (its stylesheet had arrived by then in ' +
      `${s.stylesheetBeforeReady} of ${s.runs} runs); the floor, which has no script, gets there when its ` +
      '`load` event starts.',
    '',
  );

  const sc = r.scale;
  out.push(`## 3. Scale (synthetic articles through the loader, \`data-src\`; ${sc.runs} runs each)`, '');
  table(
    ['article', 'paragraphs', 'claims', 'data raw / gzip', 'ready median (ms)', 'min–max', 'data fetched at', 'ready − data fetched', 'script / layout / style', 'JS heap', 'wasm memory', 'elements'],
    SCALES.map((k) => {
      const a = sc.articles[k];
      return [
        `${k}×`,
        int(a.paragraphs),
        int(a.claims),
        `${kb(a.bytes)} / ${kb(a.gzip)} KB`,
        ms(a.ready.median),
        `${ms(a.ready.min)}–${ms(a.ready.max)}`,
        `${ms(a.dataEnd)} ms`,
        `${ms(a.afterData)} ms`,
        `${ms(a.scriptMs)} / ${ms(a.layoutMs)} / ${ms(a.styleMs)} ms`,
        `${kb(a.jsHeap)} KB`,
        `${kb(a.wasmMemory)} KB`,
        int(a.elements),
      ];
    }),
  );
  out.push(
    `Growth exponent log(t100/t1)/log(100): **${sc.growth.toFixed(2)}**. ` +
      'Script / layout / style: renderer time from navigation to ready (medians); JS heap after a forced GC.',
    '',
  );

  out.push(`## 4. Interaction (ms from the page receiving the pointer to the next paint showing the result)`, '');
  const ia = r.interaction;
  const irow = (label, k, x) => [
    label,
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
    ['interaction', 'article', 'samples', 'p50', 'p95', 'max', 'from input p50', 'from input p95', 'script / style / layout p50'],
    [1, 100].flatMap((k) => [
      irow('pointer onto passage → details painted', k, ia[k].details),
      irow('pointer onto table cell → passages emphasised', k, ia[k].linked),
    ]),
    2,
  );

  out.push('## 5. Budget', '');
  table(
    ['line', 'limit', 'measured', 'result'],
    r.budget.map((b) => [b.line, b.limit, b.measured, b.pass ? 'pass' : '**FAIL**']),
    4,
  );
  const failed = r.budget.filter((b) => !b.pass);
  out.push(
    failed.length === 0
      ? 'Budget: every line passes.'
      : `Budget: ${failed.length} of ${r.budget.length} lines FAIL: ${failed.map((b) => b.line).join('; ')}.`,
    '',
  );
  return out.join('\n');
}

// ---- main ----------------------------------------------------------------------------------

async function main() {
  const began = Date.now();
  const loadAtStart = loadavg()[0];
  if (!existsSync(join(opts.dist, 'index.html')) || !existsSync(join(opts.dist, 'claim-reader.js'))) {
    throw new Error(`${opts.dist} holds no built bundle (index.html, claim-reader.js): build it first`);
  }
  mkdirSync(opts.out, { recursive: true });
  const site = join(opts.out, 'site');
  log(`weight of ${relative(ROOT, opts.dist)}`);
  const w = weight(opts.dist);
  const articles = buildSite(opts.dist, site);
  const server = await startServer(site);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    log('capturing the floor from the seed page');
    const floor = await captureFloor(browser, `${server.url}index.html`, site);
    log(`start-up: ${opts.runs} runs each of the reader and the floor`);
    const s = await startup(browser, server.url, opts.runs);
    log(`start-up: reader ready ${ms(s.reader.ready.median)} ms, floor ${ms(s.floor.ready.median)} ms`);
    log(`scale: ${SCALES.join('×, ')}×, ${opts.scaleRuns} runs each`);
    const sc = await scaleSuite(browser, server.url, opts.scaleRuns, articles);
    log(`interaction: ${opts.samples} samples per interaction at 1× and 100×`);
    const ia = await interaction(browser, server.url, opts.samples);
    const result = {
      date: new Date().toISOString(),
      browser: `Chromium ${browser.version()}`,
      bundle: relative(ROOT, opts.dist),
      viewport: VIEWPORT,
      weight: w,
      startup: { ...s, floorPage: { htmlBytes: floor.bytes }, pairing: 'reader: claim-reader:ready mark; floor: load event start' },
      scale: sc,
      interaction: ia,
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
    await server.close();
  }
}

main().catch((err) => {
  console.error(`bench: ${err.stack ?? err}`);
  process.exit(2);
});
