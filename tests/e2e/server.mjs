// A tiny static file server for the built bundle (dist/), bound to loopback only.
//
//   import { startServer } from './server.mjs';
//   const server = await startServer(distDir);   // random free port on 127.0.0.1
//   ... server.url ...
//   await server.close();
//
// Run directly (`node server.mjs [dir] [port]`) to serve dist/ by hand.
//
// Besides the files, for the embedding tests:
//   /__status/<code>[/…]      answers with that HTTP status (e.g. 500) and a short text body
//   /__slow/<ms>/<path>       serves <path> after a delay of <ms> milliseconds (at most 30 s)
//   /vendor/bootstrap/<path>  Bootstrap's dist/ files from node_modules (a real CSS framework)
// and pages listed in PAGE_HEADERS get extra response headers (a Content-Security-Policy).

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_DIST = resolve(fileURLToPath(new URL('../../dist', import.meta.url)));

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** The policy of demo/strict-csp.html, sent as a header as well as in the page's meta tag. */
export const STRICT_CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; img-src 'self'";

/** Extra response headers by request path. */
export const PAGE_HEADERS = {
  '/demo/strict-csp.html': { 'content-security-policy': STRICT_CSP },
  '/demo/prerendered.html': { 'content-security-policy': STRICT_CSP },
  // The iframe embed's page, framed by demo/framed.html and opened alone.
  '/frame.html': { 'content-security-policy': STRICT_CSP },
};

const VENDOR = {
  '/vendor/bootstrap/': resolve(fileURLToPath(new URL('./node_modules/bootstrap/dist/', import.meta.url))),
};

const sleepMs = (ms) => new Promise((r) => setTimeout(r, ms));

/** Resolves `pathname` inside `base`, or null when it would leave it. */
function inside(base, pathname) {
  const file = normalize(join(base, pathname));
  return file === base || file.startsWith(base + sep) ? file : null;
}

export function mimeType(path) {
  return MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export async function startServer(root = DEFAULT_DIST, port = 0) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD' }).end();
        return;
      }
      let pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
      const status = pathname.match(/^\/__status\/(\d{3})(?:\/|$)/);
      if (status) {
        const code = Number(status[1]);
        res.writeHead(code, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : `status ${code} on purpose\n`);
        return;
      }
      const slow = pathname.match(/^\/__slow\/(\d+)(\/.*)$/);
      if (slow) {
        await sleepMs(Math.min(Number(slow[1]), 30_000));
        pathname = slow[2];
      }
      let root = base;
      for (const [prefix, dir] of Object.entries(VENDOR)) {
        if (pathname.startsWith(prefix)) {
          root = dir;
          pathname = pathname.slice(prefix.length - 1);
        }
      }
      let file = inside(root, pathname);
      if (file === null) {
        res.writeHead(403).end();
        return;
      }
      const info = await stat(file).catch(() => null);
      if (info?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file).catch(() => null);
      if (body === null) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
        return;
      }
      res.writeHead(200, {
        'content-type': mimeType(file),
        'content-length': body.length,
        'cache-control': 'no-store',
        ...PAGE_HEADERS[pathname],
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      res.writeHead(500).end(String(err));
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  const { port: actual } = server.address();
  return {
    url: `http://127.0.0.1:${actual}/`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? DEFAULT_DIST;
  const port = Number(process.argv[3] ?? 0);
  const server = await startServer(dir, port);
  console.log(`serving ${resolve(dir)} at ${server.url}`);
}
