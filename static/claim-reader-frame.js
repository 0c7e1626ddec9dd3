// claim-reader in an iframe: the logic of frame.html, for pages (and CMSes) that can hold an
// <iframe> but no script tag.
//
//   <iframe data-claim-reader-frame src="https://example.org/claim-reader/frame.html?src=claims.json"
//           title="…" width="100%" height="900" style="border:0"></iframe>
//
// Query parameters:
//   src     the claims file, relative to frame.html, http(s) only: the rules of data-src
//   theme   light or dark (default: follow prefers-color-scheme)
//   id      a name the frame's messages carry, so a page can tell its frames apart
//   origin  the parent page's origin; messages then go to it alone (default '*')
//
// Whenever the document's height changes the frame posts
//   { type: 'claim-reader:height', id, height }
// to its parent; claim-reader-frames.js on the parent page applies it to the iframe. The message
// carries nothing but that number and the id, which is why '*' is an acceptable target.
import { dataSource, fetchText, mount } from './claim-reader.js';

const HEIGHT = 'claim-reader:height';
/** What claim-reader-frames.js posts when it starts, in case it missed a height. */
const ASK = 'claim-reader:ask-height';

const params = new URLSearchParams(location.search);
const id = params.get('id') ?? '';
const element = document.getElementById('claim-reader-frame');

/** The origin messages go to: the `origin` parameter when it is an http(s) origin, else '*'. */
function targetOrigin() {
  const given = params.get('origin');
  if (!given) return '*';
  try {
    const url = new URL(given);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url.origin;
  } catch {
    // Not a URL: said below.
  }
  console.warn(`claim-reader: frame origin "${given}" is not an http(s) origin; posting to '*'`);
  return '*';
}
const TARGET = targetOrigin();

let reported = -1;
/** Posts the document's height when it changed. The body's box, not scrollHeight: scrollHeight
 * never drops below the frame's own height, so a reader that got shorter would never say so. */
function report(force = false) {
  if (parent === window) return;
  const height = Math.ceil(document.body.getBoundingClientRect().height);
  if (height === reported && !force) return;
  reported = height;
  parent.postMessage({ type: HEIGHT, id, height }, TARGET);
}

/** From now on, reports every change of the height, and answers the parent page's asking. */
function startReporting() {
  new ResizeObserver(() => report()).observe(document.body);
  addEventListener('message', (event) => {
    if (event.source === parent && event.data?.type === ASK) report(true);
  });
}

/** Names the frame's document after the article's headline, for a frame opened on its own
 * and for tools that read a frame's title; the reader reports anything wrong with the file. */
function titled(text) {
  try {
    const headline = JSON.parse(text)?.article?.headline;
    if (typeof headline === 'string' && headline.trim()) document.title = headline.trim();
  } catch {
    // Not JSON: the reader's error panel says so.
  }
}

/** Shows the reader; its error panel when the data cannot be had. Never throws. */
async function show() {
  const theme = params.get('theme');
  const options = {};
  if (theme === 'light' || theme === 'dark') options.theme = theme;
  else if (theme) console.warn(`claim-reader: frame theme "${theme}" is neither light nor dark; following the system`);
  // The src is the element's data-src, read by the loader's own rules.
  const src = params.get('src');
  if (src) element.setAttribute('data-src', src);
  const source = src ? dataSource(element) : { error: 'the frame names no claims file: give frame.html ?src=<claims file URL>' };
  // The file is fetched while the module loads, not after.
  const text = source.url ? fetchText(source.url).then((text) => ({ text }), (e) => ({ error: e.message })) : source;
  try {
    const handle = await mount(element, null, options);
    const result = await text;
    // The reader logs the failure to the console itself.
    if (result.error) handle.fail(result.error);
    else {
      handle.update(result.text);
      titled(result.text);
    }
  } catch (e) {
    // The module itself could not start: say so in plain text.
    console.error('claim-reader: the frame could not start the reader', e);
    element.textContent = 'The article could not be shown.';
  }
  // Reported once the data is in, so the parent's iframe keeps its own height (not the loading
  // state's) until the reader has its real one.
  startReporting();
}

show();
