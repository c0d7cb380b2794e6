// End-to-end tests of the RELEASE build (dist/), served under the sub-path /calc/ by
// tests/e2e/serve.mjs, in headless Chromium driven by playwright-core.
// Every test fails on any console error, page error, failed request, HTTP error, or request
// to another origin. Run: `make test`, or after `make dist`: node --test tests/e2e/*.test.mjs
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { startServer } from './serve.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = process.env.DIST_DIR ?? join(ROOT, 'dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PREFIX = '/calc/';

const OUTPUT = (kg) => `Product at harvest in a 2000 L bioreactor: ${kg} kg`;

let server;
let browser;

before(async () => {
  assert.ok(existsSync(join(DIST, 'index.html')), `${DIST}/index.html missing: run "make dist" (trunk build --release) first`);
  server = await startServer({ root: DIST, prefix: PREFIX });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Opens the app in a fresh browser context and records every problem a user's console or
 * network panel would show. Call `check()` at the end of the test.
 */
async function openApp() {
  const context = await browser.newContext();
  // Never let a request leave the machine: anything not served by our server is aborted
  // (and reported as a problem by the 'request' listener below).
  await context.route(
    (url) => (url.protocol === 'http:' || url.protocol === 'https:') && url.origin !== server.origin,
    (route) => route.abort('blockedbyclient'),
  );
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`));
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    requests.push(req);
    if (url.origin !== server.origin) problems.push(`request to another origin: ${req.url()}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });

  const response = await page.goto(server.url, { waitUntil: 'load' });
  assert.equal(response.status(), 200);
  // The app has rendered once the derived output is in the DOM. If it never does, say what the
  // page reported (a panic or a failed wasm load shows up there) instead of a bare timeout.
  try {
    await page.locator('output#product').waitFor({ state: 'visible', timeout: 15_000 });
  } catch (err) {
    await context.close();
    throw new Error(`the app did not render output#product: ${err.message}\npage problems: ${JSON.stringify(problems, null, 2)}`);
  }

  return {
    page,
    requests,
    async check() {
      await page.waitForLoadState('networkidle');
      await context.close();
      assert.deepEqual(problems, [], 'the page reported problems');
    },
  };
}

describe('Tech Transfer Calculator (release build under /calc/)', () => {
  test('loads under a sub-path with relative, hashed assets and the right MIME types', async () => {
    const app = await openApp();
    const { page } = app;

    assert.equal(await page.title(), 'Tech Transfer Calculator');
    assert.equal(await page.locator('h1').textContent(), 'Tech Transfer Calculator');
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');

    // Every asset came from below the sub-path, so dist/ works wherever it is deployed.
    const paths = app.requests.map((r) => new URL(r.url()).pathname);
    assert.ok(paths.length >= 4, `expected HTML, CSS, JS and wasm requests, got ${paths.join(', ')}`);
    for (const p of paths) assert.ok(p.startsWith(PREFIX), `asset outside ${PREFIX}: ${p}`);

    const wasm = app.requests.find((r) => r.url().endsWith('.wasm'));
    assert.ok(wasm, 'no wasm request');
    const wasmResponse = await wasm.response();
    assert.equal(wasmResponse.headers()['content-type'], 'application/wasm');
    assert.match(new URL(wasm.url()).pathname, /-[0-9a-f]+_bg\.wasm$/, 'wasm file name is hashed');

    await app.check();
  });

  test('shows 6.0 kg for the default 3.0 g/L and updates live as the titer is typed', async () => {
    const app = await openApp();
    const { page } = app;

    const titer = page.getByLabel('Titer at harvest (g/L)');
    const output = page.locator('output#product');
    assert.equal(await titer.inputValue(), '3.0');
    // 3.0 g/L × 2000 L / 1000 g/kg = 6.0 kg
    assert.equal(await output.textContent(), OUTPUT('6.0'));

    // 5 g/L × 2000 L / 1000 g/kg = 10.0 kg
    await titer.fill('5');
    await page.waitForFunction((t) => document.querySelector('output#product')?.textContent === t, OUTPUT('10.0'));

    // Typed key by key, as a person would: 12.5 g/L × 2000 L / 1000 g/kg = 25.0 kg
    await titer.fill('');
    await titer.pressSequentially('12.5');
    await page.waitForFunction((t) => document.querySelector('output#product')?.textContent === t, OUTPUT('25.0'));
    assert.equal(await titer.getAttribute('aria-invalid'), 'false');

    // An empty field asks for a value instead of showing a number.
    await titer.fill('');
    await page.waitForFunction(
      () => document.querySelector('output#product')?.textContent === 'Enter a titer of 0 g/L or more.',
    );
    assert.equal(await titer.getAttribute('aria-invalid'), 'true');

    await app.check();
  });

  test('has no WCAG 2.1 A/AA accessibility violations (axe-core)', async () => {
    const app = await openApp();
    const results = await new AxeBuilder({ page: app.page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    const summary = results.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help}; ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
    assert.deepEqual(summary, [], 'axe-core found accessibility violations');
    assert.ok(results.passes.length > 0, 'axe-core ran no checks');
    await app.check();
  });
});
