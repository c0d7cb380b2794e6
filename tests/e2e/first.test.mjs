// End-to-end tests of the first module (src/bin/first.rs, `tech_transfer_calc::first_result`)
// in the RELEASE build: it draws the first result before the page's module (Leptos, the form)
// arrives, inert, and the page's module takes its place. The page's module is held back here
// (its loader's request waits until the test releases it, or is answered 404) to see the page
// between the two.
//
// Expected figures of the default scenario are app.test.mjs's, worked by hand at its top:
// 4,007 g of drug substance, $1,239,618 a batch (x 7.1 = ¥8,801,284), harvest Tue 12 Oct 2027.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LAST_DETAIL, LOCALES, figure, setupSuite, text, waitFor } from './support.mjs';

const env = setupSuite();
const PAGE_LOADER = /tech_transfer_calc-[0-9a-f]+_loader\.js$/;

/** FNV-1a 32 in hex (the links' checksum), to write a test link by hand. */
function sealed(body) {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(body)) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return `${body}&c=${h.toString(16).padStart(8, '0')}`;
}

/**
 * A fresh context whose page-module loader waits for `release()` (or, with `fail`, the file
 * `fail` matches is answered 404), with `storage` put in localStorage and `init(initArg)` run
 * before the page's scripts run. Problems a user's console would show are collected in
 * `problems`.
 */
async function openHeld(hash = '', { fail = null, storage = {}, init = () => {}, initArg = null, viewport = { width: 1280, height: 900 } } = {}) {
  const context = await env.browser.newContext({ viewport });
  await context.addInitScript((entries) => {
    for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
  }, storage);
  await context.addInitScript(init, initArg);
  let release;
  const gate = new Promise((resolve) => {
    release = resolve;
  });
  if (fail) await context.route(fail, (route) => route.fulfill({ status: 404, body: 'gone' }));
  else {
    await context.route(PAGE_LOADER, async (route) => {
      await gate;
      return route.continue();
    });
  }
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => msg.type() === 'error' && problems.push(`console error: ${msg.text()}`));
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  await page.goto(`${env.server.url}${hash ? `#${hash}` : ''}`);
  return { context, page, release, problems };
}

const inert = (page) => page.evaluate(() => document.getElementById('app').hasAttribute('inert'));

describe('The first result, before the page\'s module', () => {
  test('the first module draws the headline, inert, and the page\'s module takes its place with the same figures', async () => {
    const { context, page, release, problems } = await openHeld();
    await waitFor(() => figure(page, 'h-ds'), '4,007 g', 'the first module\'s drug substance');
    assert.equal(await figure(page, 'h-batch-cost'), '$1,239,618');
    assert.equal(await figure(page, 'h-harvest'), 'Tue 12 Oct 2027');
    assert.equal(await inert(page), true, '#app inert while the page\'s module is away');
    assert.equal(await page.locator('#sec-production').count(), 0, 'no form yet');
    // Inert: the toolbar drawn here takes no focus and answers nothing.
    await page.locator('#lang-switch').focus();
    assert.notEqual(await page.evaluate(() => document.activeElement?.id), 'lang-switch');
    // Its explanations are there, as the page's are.
    assert.match(await text(page, '#h-harvest details.how p'), /^Vial thaw .* = Tue 12 Oct 2027\.$/);

    release();
    await page.locator('#sec-production').waitFor({ timeout: 15_000 });
    assert.equal(await inert(page), false);
    assert.equal(await figure(page, 'h-ds'), '4,007 g');
    await page.locator('#lang-switch').click();
    await waitFor(() => page.locator('html').getAttribute('lang'), 'zh-CN', '<html lang> after the switch');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('in the language and currency the reader chose before', async () => {
    const { context, page, release, problems } = await openHeld('', { storage: { 'ttc.lang': 'zh', 'ttc.currency': 'CNY' } });
    await waitFor(() => figure(page, 'h-batch-cost'), '¥8,801,284', 'the batch cost in yuan');
    assert.equal(await text(page, '#lang-switch'), LOCALES.zh.lang_switch);
    assert.equal(await page.locator('#currency').inputValue(), 'CNY');
    release();
    await page.locator('#sec-production').waitFor({ timeout: 15_000 });
    assert.equal(await figure(page, 'h-batch-cost'), '¥8,801,284');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a link that brings a notice or has no result is left to the page\'s module', async () => {
    for (const [hash, said] of [
      // Priced with the rate card of November 2026: a notice above the figures.
      [sealed('v1&p=suzhou-2026-11'), /priced with the rate card/],
      // A titer below zero: no result.
      [sealed('v5&p=suzhou-2026-12b&tit=-5'), /^No result yet/],
      // Not a link: a notice.
      ['hello', /could not be opened/],
    ]) {
      const { context, page, release, problems } = await openHeld(hash);
      // The page's module is held: had the first module drawn, it would have by now.
      await page.waitForLoadState('load');
      await page.waitForTimeout(300);
      assert.equal(await page.locator('#app .loading').count(), 1, `${hash}: the loading line`);
      assert.equal(await page.locator('#h-ds').count(), 0, `${hash}: figures`);
      release();
      await waitFor(() => page.locator('.notice, .stale-banner').allTextContents().then((t) => t.join(' | ')), said, `${hash}: what the page says`, 15_000);
      assert.deepEqual(problems, []);
      await context.close();
    }
  });

  test('if the page\'s module cannot load, the first result says so', async () => {
    // Its loader, its JS glue, its WebAssembly (the loader then reports init's failure).
    for (const fail of [PAGE_LOADER, /tech_transfer_calc-[0-9a-f]+\.js$/, /tech_transfer_calc-[0-9a-f]+_bg\.wasm$/]) {
      const { context, page, problems } = await openHeld('', { fail });
      await waitFor(() => text(page, '#app [role="alert"]'), LOCALES.en.notice_page_failed, `${fail}: the message`);
      assert.equal(await figure(page, 'h-ds'), '4,007 g');
      assert.equal(await page.locator('#app [role="alert"]').count(), 1, `${fail}: one message`);
      // The expected problems: the 404, as the console reports it, and init's failure.
      const expected = (p) => /^console error: Failed to load resource: .* 404/.test(p) || /^page error: .*(fetch|WebAssembly|wasm)/i.test(p);
      assert.ok(problems.length > 0 && problems.every(expected), `${fail}: ${JSON.stringify(problems)}`);
      await context.close();
    }
  });

  test('the service worker is registered once the page is drawn, not while its modules load', async () => {
    // Its install downloads the whole build (pwa/register.js).
    const { context, page, release, problems } = await openHeld('', {
      initArg: LAST_DETAIL,
      init: (lastDetail) => {
        // Before pwa/register.js listens: the deferred module's event, then the registration.
        addEventListener('ttc-drawn', () => (window.__drawnAt ??= performance.now()));
        const register = ServiceWorkerContainer.prototype.register;
        ServiceWorkerContainer.prototype.register = function (...args) {
          window.__registeredWith = {
            details: document.querySelector(lastDetail) !== null,
            // At the event, not by the fallback a minute after 'load'.
            atDrawn: window.__drawnAt != null && performance.now() - window.__drawnAt < 1000,
          };
          return register.apply(this, args);
        };
      },
    });
    await waitFor(() => figure(page, 'h-ds'), '4,007 g', 'the first module\'s drug substance');
    await page.waitForLoadState('load');
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => window.__registeredWith ?? null), null, 'registered before the page\'s module came');
    release();
    await page.locator(LAST_DETAIL).waitFor({ timeout: 15_000 });
    await page.waitForFunction(() => window.__registeredWith, null, { timeout: 15_000 });
    assert.deepEqual(await page.evaluate(() => window.__registeredWith), { details: true, atDrawn: true });
    assert.equal(await page.evaluate(() => navigator.serviceWorker.ready.then(() => true)), true);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
