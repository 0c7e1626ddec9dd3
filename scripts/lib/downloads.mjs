// What a page downloads to show the reader, for scripts/size-guard and bench/run.mjs alike: the
// wasm, the glue js (with any wasm-bindgen snippets), the loader js and the css of a built bundle.
// demo/ is no part of the widget. The seed article (static/seed.json) is compiled into the wasm
// (include_str! in src/lib.rs), so it is counted there and never as a download of its own.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Budget for the total gzip -9 bytes of `downloads(dist)`. */
export const BUDGET_GZIP = 102_400;

/** The seed article, inside the wasm: only ever shown for information. */
export const SEED_JSON = join(resolve(fileURLToPath(new URL('../..', import.meta.url))), 'static/seed.json');

const LOADER = 'claim-reader.js';

function walk(dir, top = dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (dir === top && name === 'demo') return [];
    return statSync(path).isDirectory() ? walk(path, top) : [path];
  });
}

/**
 * The files of the bundle in `dist` that a page downloads, as `{ what, path }` in the order
 * wasm, glue js, loader js, css. Throws when `dist` holds no .wasm.
 */
export function downloads(dist) {
  const files = walk(dist).sort();
  const isLoader = (f) => f === join(dist, LOADER);
  const of = (what, test) => files.filter(test).map((path) => ({ what, path }));
  const list = [
    ...of('wasm', (f) => f.endsWith('.wasm')),
    ...of('js (glue)', (f) => f.endsWith('.js') && !isLoader(f)),
    ...of('js (loader)', isLoader),
    ...of('css', (f) => f.endsWith('.css')),
  ];
  if (!list.some((d) => d.what === 'wasm')) throw new Error(`no .wasm in ${dist}: is it a built bundle?`);
  return list;
}
