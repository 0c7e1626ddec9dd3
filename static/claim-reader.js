// claim-reader loader: the one file a page includes.
//
//   <script type="module" src="https://cdn.example/claim-reader/claim-reader.js"></script>
//   <div data-claim-reader data-claims="claims-123"></div>
//   <script type="application/json" id="claims-123">{ …claims file… }</script>
//
// Every element with `data-claim-reader`, present when the page loads or added later, is mounted
// when it comes into view (or, once the page is idle, within half a screen of it), when it is
// first touched, clicked or focused, or when the page's URL links to one of its claims
// (`#claim=…`): a page of many readers does the work only for those its reader reaches, one
// reader a task. Its data comes from the JSON island
// named by `data-claims`, or from the URL in `data-src` (fetched when it starts). The other files (claim-reader-plain.js and claim-reader-plain_bg.wasm, or claim-reader-web.js and claim-reader-web_bg.wasm when a reader was rendered ahead, and claim-reader.css)
// are found next to this one, so the folder can be served from any base URL. No inline script or
// style is needed, so a strict Content-Security-Policy is enough:
//   script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'
const BASE = new URL('./', import.meta.url);
const STYLESHEET = new URL('claim-reader.css', BASE).href;
const SELECTOR = '[data-claim-reader]';

/**
 * True when `element` holds a reader rendered ahead (`claim-reader render --as embed`): a
 * declarative shadow root with the rendered reader, which the hydrating build takes over in place.
 */
const renderedAhead = (element) =>
  element.querySelector(':scope > .claim-reader-host')?.shadowRoot?.querySelector('.claim-reader[data-static]') != null;

let started;
/**
 * Loads and starts the WebAssembly module once, however many readers the page has: the build
 * that hydrates (claim-reader-web) when a reader on the page was rendered ahead, else the one
 * without hydration (claim-reader-plain, 15 KB brotli lighter), which renders any reader
 * rendered ahead that is added later afresh. The glue module, the wasm and the stylesheet are
 * all asked for at once (a static import would wait for the glue before asking for the wasm),
 * so the readers' shadow roots find the stylesheet already loaded. Resolves to the glue's exports.
 */
function start() {
  if (!started) {
    const preload = document.createElement('link');
    preload.rel = 'preload';
    preload.as = 'style';
    preload.href = STYLESHEET;
    document.head.append(preload);
    const build = [...document.querySelectorAll(SELECTOR)].some(renderedAhead) ? 'claim-reader-web' : 'claim-reader-plain';
    const wasm = fetch(new URL(`${build}_bg.wasm`, BASE));
    started = import(`./${build}.js`).then(async (glue) => {
      await glue.default({ module_or_path: wasm });
      return glue;
    });
  }
  return started;
}

/** Live handles of auto-mounted elements. */
const mounted = new Map();

/**
 * Mounts a reader into `element`. `data` is a claims object, JSON text, or null to show the
 * loading state until `handle.update(data)`. Resolves to a handle with update, fail, destroy.
 */
export async function mount(element, data = null, options = {}) {
  if (!(element instanceof Element)) throw new TypeError('claim-reader: mount needs an element');
  const glue = await start();
  return glue.mount(element, data, { stylesheet: STYLESHEET, ...options });
}

/** Where an auto-mounted element's data comes from, or why it cannot be had (also frame.html's,
 * claim-reader-frame.js). */
export function dataSource(element) {
  const islandId = element.getAttribute('data-claims');
  const src = element.getAttribute('data-src');
  if (islandId) {
    const island = element.ownerDocument.getElementById(islandId);
    if (!island || island.tagName !== 'SCRIPT' || island.type !== 'application/json') {
      return { error: `no <script type="application/json" id="${islandId}"> on the page (named by data-claims)` };
    }
    return { text: island.textContent };
  }
  if (src) {
    let url;
    try {
      url = new URL(src, element.ownerDocument.baseURI);
    } catch {
      return { error: `data-src "${src}" is not a URL` };
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      return { error: `data-src "${src}" is not an http(s) URL` };
    }
    return { url };
  }
  return { error: 'the element names no data: give it data-claims (a JSON island id) or data-src (a URL)' };
}

/** The claims file at `url` as text, or an error that says why not. */
export async function fetchText(url) {
  let response;
  try {
    response = await fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } });
  } catch (e) {
    throw new Error(`the claims file at ${url} could not be fetched (${e.message})`);
  }
  if (!response.ok) {
    throw new Error(`the claims file at ${url} could not be fetched: HTTP ${response.status}`);
  }
  return response.text();
}

async function autoMount(element) {
  if (mounted.has(element)) return;
  mounted.set(element, null);
  const source = dataSource(element);
  // The data is fetched while the module loads, not after.
  const fetched = source.url ? fetchText(source.url).then((text) => ({ text }), (e) => ({ error: e.message })) : null;
  try {
    await start();
    await ownTask();
    const handle = await mount(element, source.text ?? null);
    mounted.set(element, handle);
    if (source.error) handle.fail(source.error);
    if (fetched) {
      const result = await fetched;
      if (!handle.destroyed) {
        if (result.error) handle.fail(result.error);
        else handle.update(result.text);
      }
    }
    if (!element.isConnected) unmount(element);
  } catch (e) {
    mounted.delete(element);
    console.error('claim-reader: could not mount', element, e);
  }
}

function unmount(element) {
  const handle = mounted.get(element);
  if (handle) {
    handle.destroy();
    mounted.delete(element);
  }
}

/** How near the viewport an element starts when the page is idle: half a screen above or below. */
const NEAR = '50% 0px';
/** What a reader does first that starts it, seen before it reaches the element's content. */
const FIRST_TOUCH = ['pointerdown', 'focusin', 'keydown'];
/** Elements seen but not yet started. */
const waiting = new Set();
let nearViewport;

/** Whether the page's URL links to a claim in `element`'s reader: `#claim=<id>` links to any
 * reader, `#claim=<element id>/<id>` to one (the grammar of src/claim_link.rs). */
function linkedTo(element) {
  const hash = location.hash;
  if (!hash.startsWith('#claim=')) return false;
  let value;
  try {
    value = decodeURIComponent(hash.slice('#claim='.length));
  } catch {
    return false;
  }
  const slash = value.lastIndexOf('/');
  return slash <= 0 || value.slice(0, slash) === element.id;
}

/** Starts `element` when it nears the viewport, is first touched, or is linked to. */
function schedule(element) {
  if (mounted.has(element) || waiting.has(element)) return;
  if (typeof IntersectionObserver !== 'function' || linkedTo(element)) {
    autoMount(element);
    return;
  }
  waiting.add(element);
  nearViewport ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const box = entry.boundingClientRect;
        if (box.bottom > 0 && box.top < innerHeight) begin(entry.target);
        else whenIdle(() => begin(entry.target));
      }
    },
    { rootMargin: NEAR },
  );
  nearViewport.observe(element);
  for (const type of FIRST_TOUCH) element.addEventListener(type, onFirstTouch, { capture: true });
}

function whenIdle(run) {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 2000 });
  else setTimeout(run, 200);
}

let lastTurn = Promise.resolve();
/** Resolves in a task of its own, after the previous caller's: readers are mounted one a task,
 * so that no one task mounts many (a long task the page's reader would feel). */
function ownTask() {
  lastTurn = lastTurn.then(() => new Promise((ok) => setTimeout(ok, 0)));
  return lastTurn;
}

function onFirstTouch(event) {
  begin(event.currentTarget);
}

/** Stops waiting for `element`; mounts it unless it has left the page. */
function begin(element) {
  if (!waiting.delete(element)) return;
  nearViewport.unobserve(element);
  for (const type of FIRST_TOUCH) element.removeEventListener(type, onFirstTouch, { capture: true });
  if (element.isConnected) autoMount(element);
}

function scan(root) {
  if (root.nodeType !== Node.ELEMENT_NODE) return;
  if (root.matches(SELECTOR)) schedule(root);
  for (const element of root.querySelectorAll(SELECTOR)) schedule(element);
}

function watch() {
  scan(document.documentElement);
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) scan(node);
    }
    // Readers whose element left the page release their listeners.
    for (const element of [...mounted.keys()]) {
      if (!element.isConnected && mounted.get(element)) unmount(element);
    }
    for (const element of [...waiting]) {
      if (!element.isConnected) begin(element);
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
  // A link to a claim followed on the page starts the readers it names.
  addEventListener('hashchange', () => {
    for (const element of [...waiting]) if (linkedTo(element)) begin(element);
  });
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', watch, { once: true });
} else {
  watch();
}

globalThis.ClaimReader = Object.freeze({ mount });
