// Installable and offline: the web app manifest and its icons, the Content-Security-Policy
// written by scripts/post-build.sh, the service worker (pwa/sw.template.js -> dist/sw.js)
// serving the whole app with the network off, and the update protocol of pwa/register.js:
// a new release waits, 'ttc-update-ready' announces it, 'ttc-apply-update' activates it and
// the page reloads into it.
//
// Every test runs in a fresh browser context (so a fresh service-worker registration) and
// ends with app.check(), which fails on any console error, page error, failed request, HTTP
// error, or request to another origin. Run: `make test`, or after `make dist`:
// node --test --test-reporter=spec tests/e2e/offline.test.mjs
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { startServer } from './serve.mjs';
import { DIST, PREFIX, figure, openApp, setupSuite, waitFor, waitForFigure } from './support.mjs';

const env = setupSuite();

/** Drug substance of the default scenario and at a titer of 5 g/L, worked by hand in app.test.mjs. */
const DEFAULT_DS = '4,007 g';
const DS_AT_5 = '6,679 g';
const TITER = '#f-production-titer_g_per_l';

/** Files a release build must precache: every file of dist/ but sw.js, source maps, .d.ts. */
function distFiles(dir = DIST) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath ?? e.path, e.name)).split(sep).join('/'))
    .filter((f) => f !== 'sw.js' && !f.endsWith('.map') && !f.endsWith('.d.ts') && !f.split('/').some((p) => p.startsWith('.')))
    .sort();
}

/** Fetches `url` in the page: status, content type, size, and the width/height of a PNG. */
function fetchInPage(page, url) {
  return page.evaluate(async (u) => {
    const res = await fetch(u, { cache: 'no-store' });
    const bytes = new Uint8Array(await res.arrayBuffer());
    const view = new DataView(bytes.buffer);
    const png = bytes.length > 24 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      size: bytes.length,
      text: png ? null : new TextDecoder().decode(bytes),
      png: png ? { width: view.getUint32(16), height: view.getUint32(20) } : null,
    };
  }, url);
}

/**
 * Waits until a service worker controls the page (the first visit installs it; activation
 * claims the page without a reload). Reloads once if it does not take control by itself.
 */
async function waitForController(app) {
  const { page } = app;
  const controlled = () => page.evaluate(() => navigator.serviceWorker.controller?.state ?? null);
  const registered = await page.evaluate(() =>
    Promise.race([
      navigator.serviceWorker.ready.then(() => true),
      new Promise((resolve) => setTimeout(() => resolve(false), 15_000)),
    ]),
  );
  assert.ok(registered, 'no active service worker 15 s after the first visit (is sw.js in dist/?)');
  try {
    await waitFor(controlled, 'activated', 'navigator.serviceWorker.controller', 10_000);
  } catch {
    await app.reload();
    await waitFor(controlled, 'activated', 'navigator.serviceWorker.controller after a reload', 10_000);
  }
}

/** The Cache Storage caches of this app (ttc-<version> <scope>) and the URLs in each. */
function appCaches(page) {
  return page.evaluate(async () => {
    const out = {};
    for (const name of await caches.keys()) {
      if (!name.startsWith('ttc-')) continue;
      const cache = await caches.open(name);
      out[name] = (await cache.keys()).map((r) => r.url).sort();
    }
    return out;
  });
}

describe('Installable and offline (manifest, CSP, service worker, updates)', () => {
  test('the manifest is linked and valid, its icons load under /calc/, the theme colour matches', async () => {
    const app = await env.openApp();
    const { page } = app;
    const base = env.server.url;

    const href = await page.locator('head link[rel="manifest"]').getAttribute('href');
    assert.ok(href, 'no <link rel="manifest">');
    const manifestUrl = new URL(href, page.url()).href;
    assert.ok(new URL(manifestUrl).pathname.startsWith(PREFIX), `manifest outside ${PREFIX}: ${manifestUrl}`);
    const res = await fetchInPage(page, manifestUrl);
    assert.equal(res.status, 200, `manifest: HTTP ${res.status}`);
    assert.match(res.type, /^application\/manifest\+json/);
    const manifest = JSON.parse(res.text);

    assert.equal(manifest.name, 'Tech Transfer Calculator');
    assert.equal(manifest.short_name, 'TT Calc');
    assert.equal(manifest.display, 'standalone');
    assert.equal(manifest.lang, 'en');
    assert.ok(manifest.description?.length > 0, 'manifest has no description');
    // start_url and scope are relative to the manifest, so the app installs from any sub-path.
    assert.equal(new URL(manifest.start_url, manifestUrl).href, base);
    assert.equal(new URL(manifest.scope, manifestUrl).href, base);
    assert.equal(await page.locator('meta[name="theme-color"]').getAttribute('content'), manifest.theme_color);

    const icons = manifest.icons ?? [];
    for (const [size, purpose] of [['192x192', 'any'], ['512x512', 'any'], ['512x512', 'maskable']]) {
      const icon = icons.find((i) => i.sizes === size && i.type === 'image/png' && (i.purpose ?? 'any').split(' ').includes(purpose));
      assert.ok(icon, `no ${size} PNG icon with purpose ${purpose} in ${JSON.stringify(icons)}`);
      const url = new URL(icon.src, manifestUrl).href;
      assert.ok(url.startsWith(base), `icon outside ${PREFIX}: ${url}`);
      const got = await fetchInPage(page, url);
      assert.equal(got.status, 200, `${icon.src}: HTTP ${got.status}`);
      assert.equal(got.type, 'image/png', `${icon.src} content type`);
      const [w, h] = size.split('x').map(Number);
      assert.deepEqual(got.png, { width: w, height: h }, `${icon.src} dimensions`);
    }
    // The page's own icons: the SVG favicon and the Apple touch icon.
    for (const rel of ['icon', 'apple-touch-icon']) {
      const link = await page.locator(`head link[rel="${rel}"]`).getAttribute('href');
      assert.ok(link, `no <link rel="${rel}">`);
      const got = await fetchInPage(page, new URL(link, page.url()).href);
      assert.equal(got.status, 200, `${rel} ${link}: HTTP ${got.status}`);
      assert.match(got.type, /^image\/(svg\+xml|png)/, `${rel} ${link} content type`);
    }
    await app.check();
  });

  test('a Content-Security-Policy comes first in <head> and allows exactly the inline scripts', async () => {
    const app = await env.openApp(); // renders, with no console error: the policy lets the app run
    const { page } = app;
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    const first = /<meta charset=[^>]*>\s*<meta http-equiv="Content-Security-Policy" content="([^"]*)">/i.exec(html);
    assert.ok(first, 'the CSP <meta> does not directly follow <meta charset> in dist/index.html');
    const policy = Object.fromEntries(first[1].split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
      .filter((m) => !/(^|\s)src\s*=/i.test(m[1]))
      .map((m) => `'sha256-${createHash('sha256').update(m[2]).digest('base64')}'`);
    assert.ok(inline.length > 0, 'no inline script (Trunk start-up module) found');
    assert.deepEqual(policy['script-src'].sort(), ["'self'", "'wasm-unsafe-eval'", ...new Set(inline)].sort());
    for (const [directive, value] of Object.entries({
      'default-src': ["'self'"], 'object-src': ["'none'"], 'base-uri': ["'none'"], 'form-action': ["'none'"],
      'worker-src': ["'self'"], 'connect-src': ["'self'"], 'manifest-src': ["'self'"],
    })) {
      assert.deepEqual(policy[directive], value, directive);
    }
    // The browser applies it: an inline script that is not listed is refused.
    const violation = await page.evaluate(
      () =>
        new Promise((resolve) => {
          document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true });
          const s = document.createElement('script');
          s.textContent = 'window.__cspBroken = true;';
          document.head.append(s);
          setTimeout(() => resolve(null), 2000);
        }),
    );
    assert.equal(violation, 'script-src-elem');
    assert.equal(await page.evaluate(() => window.__cspBroken), undefined);
    // Chromium reports the refused script as a console error: that one was provoked on purpose.
    const provoked = app.problems.findIndex((p) => /^console error: .*Content Security Policy/.test(p));
    if (provoked >= 0) app.problems.splice(provoked, 1);
    await app.check();
  });

  test('after the first visit the app works offline: its URL, a query, a reload, a deep link with a fragment', async () => {
    const app = await env.openApp();
    const { page, context } = app;
    const base = env.server.url;
    await page.evaluate(() => {
      window.__firstVisit = true;
    });
    await waitForController(app);
    // Taking control on the first visit does not reload the page, and is not an update.
    assert.equal(await page.evaluate(() => window.__firstVisit), true, 'the page reloaded when the service worker took control');
    assert.equal(await page.evaluate(() => window.ttcUpdateReady), undefined, 'the first install was announced as an update');

    // Every file of the build is precached, in one cache for this version and scope.
    const cached = await appCaches(page);
    const names = Object.keys(cached);
    assert.equal(names.length, 1, `caches: ${names.join(', ')}`);
    assert.match(names[0], new RegExp(`^ttc-[0-9a-f]{16} ${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    // Not the directory URL itself: navigations to it get index.html, and some hosts refuse it.
    const expected = distFiles().map((f) => new URL(f, base).href).sort();
    assert.deepEqual(cached[names[0]], expected, 'precached URLs differ from the files in dist/');

    const firstOffline = app.requests.length;
    await context.setOffline(true);
    try {
      const open = async (url, ds) => {
        const response = await page.goto(url, { waitUntil: 'load' });
        assert.equal(response.status(), 200, `${url}: HTTP ${response.status()}`);
        assert.ok(response.fromServiceWorker(), `${url} did not come from the service worker`);
        await app.ready();
        assert.equal(await figure(page, 'h-ds'), ds, `${url}: first result`);
        assert.equal(await page.evaluate(() => location.hash), new URL(url).hash, `${url}: fragment lost`);
      };
      await open(base, DEFAULT_DS);
      await open(`${base}index.html?utm_source=offline-test`, DEFAULT_DS);
      await app.reload(); // as a user presses it
      assert.equal(await figure(page, 'h-ds'), DEFAULT_DS);

      // A deep link: the app writes the scenario into the address's fragment (scenario links);
      // opened in a new navigation (a query added), offline, it shows that scenario. A build
      // without scenario links keeps the address as it is: then any fragment must do.
      await page.locator(TITER).fill('5');
      await waitForFigure(page, 'h-ds', DS_AT_5);
      const hash = await waitFor(() => page.evaluate(() => location.hash), (h) => h.length > 1, 'scenario link in the address', 2_000).catch(() => '');
      await open(`${base}?utm_source=offline-test${hash || '#results'}`, hash ? DS_AT_5 : DEFAULT_DS);

      // The share panel, a second module loaded after the first result, comes from the cache
      // too: it mounts and shows the scenario's link.
      await page.locator('#share > summary').click();
      await waitFor(() => page.locator('#share-link').inputValue(), (v) => v.includes('#v5&'), 'share panel offline', 10_000);

      // Every request of the offline visits was answered by the service worker.
      const offline = app.requests.slice(firstOffline);
      assert.ok(offline.some((r) => r.url().endsWith('.wasm')), 'no wasm request while offline');
      for (const r of offline) {
        assert.ok((await r.response())?.fromServiceWorker(), `${r.url()} not answered by the service worker`);
      }
    } finally {
      await context.setOffline(false);
    }
    await app.check();
  });

  test('a first visit downloads each module once: the service worker keeps the copies the page loaded', async () => {
    // Not through env.openApp: a context that routes requests (as it does, to keep them on
    // this machine) has no HTTP cache. Nothing here asks another origin.
    const context = await env.browser.newContext({ viewport: { width: 412, height: 823 } });
    const page = await context.newPage();
    env.server.resetServed();
    await page.goto(env.server.url);
    await waitFor(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? null), 'activated', 'a controlling service worker', 20_000);
    const served = env.server.served().map((f) => f.file);
    // Named by scripts/post-build.sh after their content (pwa/sw.template.js, CONTENT_NAMED).
    const modules = distFiles().filter((f) => /^(first|tech_transfer_calc|deferred)-[0-9a-f]{16}(\.js|_bg\.wasm|_loader\.js)$/.test(f));
    assert.equal(modules.length, 8, `the three modules' files: ${modules}`);
    for (const file of modules) {
      const times = served.filter((f) => f === file).length;
      assert.equal(times, 1, `${file} downloaded ${times} times in a first visit`);
    }
    await context.close();
  });

  test('offline on a host that redirects index.html to the directory ("pretty URLs")', async () => {
    // The precached ./index.html is then a redirected response, which browsers refuse as the
    // answer to a navigation unless the service worker serves a clean copy.
    const server = await startServer({ root: DIST, prefix: PREFIX, redirectIndex: true });
    try {
      const app = await openApp(env.browser, server);
      const { page, context } = app;
      await waitForController(app);
      await context.setOffline(true);
      try {
        for (const url of [server.url, `${server.url}index.html?utm_source=offline-test`]) {
          const response = await page.goto(url, { waitUntil: 'load' });
          assert.equal(response.status(), 200, `${url}: HTTP ${response.status()}`);
          assert.ok(response.fromServiceWorker(), `${url} did not come from the service worker`);
          await app.ready();
          assert.equal(await figure(page, 'h-ds'), DEFAULT_DS, `${url}: first result`);
        }
      } finally {
        await context.setOffline(false);
      }
      await app.check();
    } finally {
      await server.close();
    }
  });

  test('a new release waits, is announced, and takes over with one reload when the user clicks "Reload to update"', async () => {
    const app = await env.openApp();
    const { page } = app;
    await waitForController(app);
    const before = Object.keys(await appCaches(page));
    assert.equal(before.length, 1, `caches before the update: ${before.join(', ')}`);

    await page.evaluate(() => {
      window.__oldPage = true;
      window.__updateEvents = 0;
      window.addEventListener('ttc-update-ready', () => window.__updateEvents++);
    });
    const bump = env.server.bumpServiceWorker();
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration()).update();
    });
    await waitFor(() => page.evaluate(() => window.ttcUpdateReady === true), true, 'window.ttcUpdateReady', 15_000);
    assert.equal(await page.evaluate(() => window.__updateEvents), 1, "'ttc-update-ready' events");
    // The new release waits for the user: the old one still controls the page.
    assert.deepEqual(
      await page.evaluate(async () => {
        const reg = await navigator.serviceWorker.getRegistration();
        return { waiting: reg.waiting?.state ?? null, active: reg.active === navigator.serviceWorker.controller };
      }),
      { waiting: 'installed', active: true },
    );
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(await page.evaluate(() => window.__oldPage), true, 'the page reloaded before the user accepted the update');

    // The app says so in a notice; its button applies the update.
    const notice = page.locator('.notice', { has: page.locator('#apply-update') });
    await notice.waitFor({ state: 'visible', timeout: 5_000 });
    assert.match(await notice.textContent(), /A new version of the calculator is ready/);
    const reloaded = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame(), timeout: 15_000 });
    await page.locator('#apply-update').click();
    await reloaded;
    await page.waitForLoadState('load');
    await app.ready();
    assert.equal(await page.evaluate(() => window.__oldPage), undefined, 'the page did not reload');
    assert.equal(await figure(page, 'h-ds'), DEFAULT_DS);

    // The new release controls the page; the previous release's cache is gone.
    await waitFor(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? null), 'activated', 'new controller');
    const after = Object.keys(await appCaches(page));
    assert.equal(after.length, 1, `caches after the update: ${after.join(', ')}`);
    assert.ok(after[0].startsWith(`${before[0].split(' ')[0]}-bump${bump} `), `cache after the update: ${after[0]} (before: ${before[0]})`);
    assert.deepEqual(
      await page.evaluate(async () => {
        const reg = await navigator.serviceWorker.getRegistration();
        return { waiting: reg.waiting, installing: reg.installing, ready: window.ttcUpdateReady ?? null };
      }),
      { waiting: null, installing: null, ready: null },
    );
    await app.check();
  });
});
