// A tiny dependency-free static file server for the end-to-end tests. It serves a directory
// (the release dist/) under a sub-path (default /calc/), the way a CDN would host the app
// somewhere other than the site root, so relative asset URLs are exercised for real.
//
//   import { startServer } from './serve.mjs';
//   const server = await startServer({ root: 'dist', prefix: '/calc/' });
//   ... server.url ...   // e.g. http://127.0.0.1:40123/calc/
//   await server.close();
//
// server.bumpServiceWorker() simulates a new release for the offline tests: from then on sw.js
// is served with its VERSION suffixed and a "// bump <n>" comment appended, so the browser sees
// a changed service worker (with a cache of its own) on its next update check.
//
// startServer({ redirectIndex: true }) answers <prefix>index.html with a 301 to <prefix>, as
// hosts with "pretty URLs" do.
//
// startServer({ extraFiles: { 'floor/index.html': '/tmp/x/floor.html' } }) also serves those
// files under the prefix, from the same server (the page benchmark's static floor page).
//
// server.served() lists the files served since the last server.resetServed(), each with the
// bytes of its body as sent (the page benchmark's first visit).
//
// Or by hand: node tests/e2e/serve.mjs [dir] [prefix] [port]
import { createServer } from 'node:http';
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import { readFile, readdir, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

// Trunk's hashed file names look like name-0123456789abcdef.ext (and the web worker's, hashed by
// scripts/post-build.sh, name-<hash>_loader.js): safe to cache forever. The entry points keep
// their names from release to release and must be revalidated on every use.
const HASHED = /-[0-9a-f]{8,16}(_bg|_loader)?\.[a-z0-9]+$/;
const REVALIDATE = /(^|[/\\])(index\.html|sw\.js|manifest\.webmanifest)$/;

const COMPRESSIBLE = /\.(html|js|mjs|css|wasm|json|svg|webmanifest|txt)$/;
const brotliCache = new Map();

export function startServer({ root = 'dist', prefix = '/calc/', port = 0, host = '127.0.0.1', redirectIndex = false, extraFiles = {} } = {}) {
  const rootDir = resolve(root);
  const swFile = join(rootDir, 'sw.js');
  let swBumps = 0;
  let served = [];
  if (!prefix.startsWith('/') || !prefix.endsWith('/')) throw new Error(`prefix must start and end with '/': ${prefix}`);

  const server = createServer(async (req, res) => {
    const send = (status, body, headers = {}) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n', { Allow: 'GET, HEAD' });

    const { pathname, search } = new URL(req.url, 'http://localhost');
    if (pathname === prefix.slice(0, -1)) return send(301, '', { Location: prefix });
    if (redirectIndex && pathname === `${prefix}index.html`) return send(301, '', { Location: `${prefix}${search}` });
    if (!pathname.startsWith(prefix)) return send(404, 'not found\n');

    let rel;
    try {
      rel = decodeURIComponent(pathname.slice(prefix.length));
    } catch {
      return send(400, 'bad request\n');
    }
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const extra = Object.hasOwn(extraFiles, rel) ? resolve(extraFiles[rel]) : null;
    const file = extra ?? normalize(join(rootDir, rel));
    if (!extra && file !== rootDir && !file.startsWith(rootDir + sep)) return send(404, 'not found\n');

    try {
      const info = await stat(file);
      if (!info.isFile()) return send(404, 'not found\n');
      let body = await readFile(file);
      const bump = file === swFile ? swBumps : 0;
      if (bump) {
        const text = body.toString('utf8').replace(/^const VERSION = "([^"]*)";$/m, `const VERSION = "$1-bump${bump}";`);
        body = Buffer.from(`${text}\n// bump ${bump}\n`);
      }
      const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
      const cache = HASHED.test(file) && !REVALIDATE.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
      const headers = { 'Content-Type': type, 'Cache-Control': cache, Vary: 'Accept-Encoding' };
      // Brotli when the browser accepts it, as a CDN would serve the app (and as the size
      // budget counts it); compressed once per file and kept.
      if (/\bbr\b/.test(req.headers['accept-encoding'] ?? '') && COMPRESSIBLE.test(file)) {
        const key = `${file}:${info.mtimeMs}${bump ? `:bump${bump}` : ''}`;
        if (!brotliCache.has(key)) {
          brotliCache.set(key, brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }));
        }
        body = brotliCache.get(key);
        headers['Content-Encoding'] = 'br';
      }
      headers['Content-Length'] = body.length;
      served.push({ file: rel, bytes: req.method === 'HEAD' ? 0 : body.length });
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      send(404, 'not found\n');
    }
  });

  // Compress every file once before serving, so that no request (and no timing) pays for it.
  const warm = async (dir) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await warm(path);
      else if (COMPRESSIBLE.test(path)) {
        const info = await stat(path);
        const key = `${path}:${info.mtimeMs}`;
        if (!brotliCache.has(key)) {
          brotliCache.set(key, brotliCompressSync(await readFile(path), { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }));
        }
      }
    }
  };

  return warm(rootDir).catch(() => {}).then(() => new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolvePromise({
        url: `http://${host}:${actual}${prefix}`,
        origin: `http://${host}:${actual}`,
        close: () => new Promise((r) => server.close(() => r())),
        /** Serves sw.js as a new release from now on (see the top of this file); returns n. */
        bumpServiceWorker: () => ++swBumps,
        served: () => [...served],
        resetServed: () => {
          served = [];
        },
      });
    });
  }));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [root = 'dist', prefix = '/calc/', port = '0'] = process.argv.slice(2);
  const { url } = await startServer({ root, prefix, port: Number(port) });
  console.log(`serving ${root} at ${url} (Ctrl-C to stop)`);
}
