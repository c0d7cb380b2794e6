// Service worker of the Tech Transfer Calculator: the whole app offline, from any sub-path.
// TEMPLATE: scripts/post-build.sh (a Trunk post_build hook) writes dist/sw.js from this file,
// replacing the VERSION and PRECACHE lines. Never edit a generated sw.js by hand. Left as it
// is (debug builds), with nothing to precache, it is a pass-through worker.
//
// - install:  caches every file of the build in "ttc-<VERSION> <scope>": the three modules
//             as the browser has them (the page has just loaded them), the others from the
//             network, bypassing the HTTP cache. No skipWaiting here: a new release waits
//             until the user accepts it (pwa/register.js announces it, the page posts
//             {type: 'skip-waiting'}).
// - activate: deletes this scope's caches of other releases, then takes control of open pages.
// - fetch:    same-origin GETs only. Page navigations get the cached index.html (query ignored;
//             a fragment never reaches the worker); everything else comes from the cache, or
//             from the network when it is not cached (network responses are not stored).
// Every URL is resolved against the registration scope, so the build works under any path.
'use strict';

const VERSION = 'development';
const PRECACHE = [];

// Cache Storage is shared by the whole origin, so a cache name carries the scope as well:
// two copies of the app on one host (say /calc/ and /calc-staging/) never delete each
// other's files.
const SCOPE = self.registration.scope;
const PREFIX = 'ttc-';
const CACHE = `${PREFIX}${VERSION} ${SCOPE}`;
const INDEX = new URL('./index.html', SCOPE).href;
const FILES = new Set(PRECACHE.map((path) => new URL(path, SCOPE).href));
// Only one response is cached per URL, so Vary (e.g. Accept-Encoding from a CDN) is ignored.
const MATCH = { ignoreVary: true };

// The three modules are named by scripts/post-build.sh after a hash of their final content
// (JS glue, wasm, loader), so a copy under such a name is always the same: the one in the
// HTTP cache, which the page has just loaded, is kept. Fetched anew, a first visit downloaded
// them twice (about 620 KB brotli more, `make bench` (e)). Every other file is fetched anew,
// so that a release never keeps another release's copy.
const CONTENT_NAMED = /(^|\/)(first|tech_transfer_calc|deferred)-[0-9a-f]{16}(\.js|_bg\.wasm|_loader\.js)$/;

self.addEventListener('install', (event) => {
  if (FILES.size === 0) return;
  const request = (url) => new Request(url, { cache: CONTENT_NAMED.test(new URL(url).pathname) ? 'default' : 'reload' });
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll([...FILES].map(request))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name !== CACHE && name.startsWith(PREFIX) && name.endsWith(` ${SCOPE}`)) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

async function cached(url) {
  const cache = await caches.open(CACHE);
  return cache.match(url, MATCH);
}

// A host that redirects (say ./index.html -> ./) leaves a redirected response in the cache,
// which browsers refuse as the answer to a navigation: serve a copy that is not marked so.
async function forNavigation(response) {
  if (!response || !response.redirected) return response;
  const { status, statusText, headers } = response;
  return new Response(await response.blob(), { status, statusText, headers });
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (FILES.size === 0 || request.method !== 'GET') return; // nothing cached: the network answers
  // DevTools can send these; fetch() would reject them (a Chromium quirk).
  if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (request.mode === 'navigate') {
    // The page itself, whatever the query. A file of the build opened directly in a tab (the
    // manifest, an icon) is that file, not the page.
    const path = url.origin + url.pathname;
    const target = FILES.has(path) && path !== SCOPE ? path : INDEX;
    event.respondWith(cached(target).then(forNavigation).then((response) => response || fetch(request)));
    return;
  }
  event.respondWith(cached(request).then((response) => response || fetch(request)));
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'skip-waiting') self.skipWaiting();
});
