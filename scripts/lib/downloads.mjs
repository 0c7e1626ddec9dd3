// What a page downloads to show the reader, for scripts/size-guard, scripts/size-report and
// bench/run.mjs alike: the wasm, the glue js (with any wasm-bindgen snippets), the loader js and
// the css of a built bundle. demo/ is no part of the widget, nor are the iframe embed's files
// (FRAME_FILES), and neither is editor/, the editor
// page's own bundle (Trunk.editor.toml), which readers never download: editorDownloads() lists it. The seed article is not part of it
// either: the seed page carries it besides (a file or a JSON island of its own), an embedding page
// brings its own data, so it is shown on its own line and never added to the total.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

/** Budget for the total brotli (quality 11) bytes of `downloads(dist)`. */
export const BUDGET_BROTLI = 102_400;

/**
 * While the bundle is over the budget, the most it may weigh: the measured total (130,043 B: the
 * reader as Yew components, 119,659 B, then the host-page features of links, events and
 * claims(), the article's language and direction, anchoring in every script) and a little room,
 * raised by 16,250 B for hydrating the reader rendered ahead (README). Lowered whenever the weight drops; raised only for a feature an
 * issue asks for, by its measured weight, with the reason in README's weight paragraph. null
 * once the budget is met.
 */
export const CEILING_BROTLI = 148_200;

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

const LOADER = 'claim-reader.js';

/**
 * The iframe embed (README, "In an iframe"): the frame page, its module and stylesheet, and the
 * host page's optional script that sizes such iframes. A page embedding the reader itself never
 * loads them, so they are no part of its download; `frameDownloads` lists them.
 */
export const FRAME_FILES = ['frame.html', 'claim-reader-frame.js', 'claim-reader-frame.css', 'claim-reader-frames.js'];

/** The editor page's bundle inside a built dist/ (Trunk.editor.toml). */
export const EDITOR_DIR = 'editor';

function walk(dir, top = dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (dir === top && (name === 'demo' || name === EDITOR_DIR)) return [];
    return statSync(path).isDirectory() ? walk(path, top) : [path];
  });
}

/** The hydrating build (trunk's, the seed page's) and the one without hydration (post-build). */
const HYDRATING = 'claim-reader-web';
const PLAIN = 'claim-reader-plain';

/**
 * The files of the bundle in `dist` that a page downloads, as `{ what, path }` in the order
 * wasm, glue js, loader js, css. `page` is 'ahead' for a page holding a reader rendered ahead
 * (the seed page, a pre-rendered embed: the hydrating build) or 'browser' for one whose readers
 * are rendered in the browser (the build without hydration, when the bundle has one: the loader
 * picks it). Throws when `dist` holds no .wasm.
 */
export function downloads(dist, page = 'ahead') {
  const frame = new Set(FRAME_FILES.map((name) => join(dist, name)));
  const files = walk(dist).filter((f) => !frame.has(f)).sort();
  const isLoader = (f) => f === join(dist, LOADER);
  const hasPlain = files.includes(join(dist, `${PLAIN}_bg.wasm`));
  // Bundles older than the split have one build, whatever its name.
  const other = page === 'browser' && hasPlain ? HYDRATING : PLAIN;
  const isOther = (f) => f === join(dist, `${other}_bg.wasm`) || f === join(dist, `${other}.js`);
  const of = (what, test) => files.filter((f) => test(f) && !isOther(f)).map((path) => ({ what, path }));
  const list = [
    ...of('wasm', (f) => f.endsWith('.wasm')),
    ...of('js (glue)', (f) => f.endsWith('.js') && !isLoader(f)),
    ...of('js (loader)', isLoader),
    ...of('css', (f) => f.endsWith('.css')),
  ];
  if (!list.some((d) => d.what === 'wasm')) throw new Error(`no .wasm in ${dist}: is it a built bundle?`);
  return list;
}

/** The iframe embed's own files in `dist` (FRAME_FILES), as `{ what, path }`; [] for a bundle
 * without them. A frame page loads the first three besides `downloads(dist, 'browser')`; the
 * host page of such frames loads the last. */
export function frameDownloads(dist) {
  return FRAME_FILES.map((name) => ({ what: name, path: join(dist, name) })).filter(({ path }) => existsSync(path));
}

/**
 * The files the editor page (`<dist>/editor/index.html`) downloads, as `{ what, path }`: its
 * wasm, glue js and css (the reader's stylesheet, for the preview, and its own). An empty list
 * when the editor was not built.
 */
export function editorDownloads(dist) {
  const dir = join(dist, EDITOR_DIR);
  if (!existsSync(dir)) return [];
  const files = walk(dir).sort();
  const of = (what, ext) => files.filter((f) => f.endsWith(ext)).map((path) => ({ what, path }));
  return [...of('wasm', '.wasm'), ...of('js (glue)', '.js'), ...of('css', '.css')];
}

/**
 * The seed article's file, which the seed page downloads besides the bundle (embedding pages do
 * not): `seed.json` of the bundle when it has one, else the source `static/seed.json`; null when
 * neither exists.
 */
export function seedFile(dist) {
  for (const path of [join(dist, 'seed.json'), join(ROOT, 'static/seed.json')]) {
    if (existsSync(path)) return path;
  }
  return null;
}

const TEXT = new Set(['.js', '.mjs', '.css', '.json', '.html', '.svg', '.txt']);

/**
 * Raw, gzip -9 and brotli (quality 11, the file's size as the size hint, text mode for text
 * files) bytes of `bytes`, a file named `name`.
 */
/**
 * The build's source fingerprint (`data-build` of the seed page, `dist/index.html`, rendered ahead
 * by that build), or null when the bundle has no such page. Every wasm of the build holds it as 16
 * hex digits, and it changes with any edit under src/, a comment's too.
 */
export function buildFingerprint(dist) {
  const page = join(dist, 'index.html');
  if (!existsSync(page)) return null;
  return /data-build="([0-9a-f]{16})"/.exec(readFileSync(page, 'utf8'))?.[1] ?? null;
}

/**
 * `bytes` with every occurrence of `fingerprint` written as zeros. Brotli's size of the wasm moves
 * by up to 461 B with nothing but those 16 digits changed (12 random fingerprints in one build:
 * 139,044 to 139,505 B), so the ceiling is checked on the wasm with them zeroed: an edit is
 * measured by what it changes, not by the digits it happens to hash to.
 */
export function withoutFingerprint(bytes, fingerprint) {
  if (!fingerprint) return bytes;
  const needle = Buffer.from(fingerprint);
  const out = Buffer.from(bytes);
  for (let at = out.indexOf(needle); at >= 0; at = out.indexOf(needle, at + needle.length)) out.fill(0x30, at, at + needle.length);
  return out;
}

export function compressed(bytes, name = '') {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: {
        [zlib.BROTLI_PARAM_QUALITY]: 11,
        [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        [zlib.BROTLI_PARAM_MODE]: TEXT.has(extname(name)) ? zlib.BROTLI_MODE_TEXT : zlib.BROTLI_MODE_GENERIC,
      },
    }).length,
  };
}
