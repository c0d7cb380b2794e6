#!/usr/bin/env node
// Page benchmark of the RELEASE build (dist/, or DIST_DIR), served under /calc/ by the same
// static server as the end-to-end tests, in headless Chromium (playwright-core).
//
//   (a) cold load: navigation start -> first full result (#h-ds .figure-value in the DOM and
//       visible), and -> that result painted (double requestAnimationFrame), over COLD_LOADS
//       loads, each in a fresh browser context (empty HTTP cache, empty storage);
//   (b) edit -> paint: EDITS edits of the titer input. For each, in the page: performance.now()
//       just before setting the value and dispatching 'input'; the first DOM change in the
//       results (MutationObserver); then a double requestAnimationFrame: the first callback
//       runs before the frame that shows the change is painted, the second after it.
//       "edit -> painted" is the time to the second callback.
//       The detailed sections below the headline come from the deferred module (loaded after
//       the first result): (a) also times navigation -> detailed sections shown, and (b) the
//       edit -> first change inside #result-details.
//   (c) a small table: median, p95 and max in ms.
//
// Reports numbers only: it never fails on a timing (exit 1 only if the page cannot load at all).
// Timings are of this machine under its current load (e.g. a concurrent cargo build).
//   node scripts/bench-page.mjs            (or `make bench`)
//   COLD_LOADS=20 EDITS=200 node scripts/bench-page.mjs
import { statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { DIST, FIRST_RESULT, launchBrowser, serveDist } from '../tests/e2e/support.mjs';

const COLD_LOADS = Number(process.env.COLD_LOADS ?? 10);
const EDITS = Math.max(60, Number(process.env.EDITS ?? 80));
const WARMUP_EDITS = 5;
const TITER = '#f-production-titer_g_per_l';

/** Nearest-rank percentile of a sorted array. */
function percentile(sorted, q) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

function stats(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return { n: v.length, median: percentile(v, 0.5), p95: percentile(v, 0.95), max: v.at(-1) ?? NaN };
}

// Recorded by an init script in every page: when the first result appears, and when it has
// been painted. performance.now() counts from the navigation start.
const INIT_SCRIPT = `(() => {
  const sel = ${JSON.stringify(FIRST_RESULT)};
  window.__bench = { firstResult: null, firstResultPainted: null, details: null };
  const details = new MutationObserver(() => {
    const el = document.querySelector('#result-details .block');
    if (el && el.checkVisibility()) { window.__bench.details = performance.now(); details.disconnect(); }
  });
  details.observe(document, { childList: true, subtree: true });
  const seen = () => {
    const el = document.querySelector(sel);
    if (!el || !el.checkVisibility()) return false;
    window.__bench.firstResult = performance.now();
    requestAnimationFrame(() => requestAnimationFrame(() => { window.__bench.firstResultPainted = performance.now(); }));
    return true;
  };
  const mo = new MutationObserver(() => { if (seen()) mo.disconnect(); });
  mo.observe(document, { childList: true, subtree: true });
})();`;

async function coldLoads(browser, server) {
  const dom = [];
  const painted = [];
  const details = [];
  for (let i = 0; i < COLD_LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(INIT_SCRIPT);
    const page = await context.newPage();
    await page.goto(server.url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench?.firstResultPainted != null && window.__bench?.details != null, null, { timeout: 30_000, polling: 50 });
    const b = await page.evaluate(() => window.__bench);
    dom.push(b.firstResult);
    painted.push(b.firstResultPainted);
    details.push(b.details);
    await context.close();
  }
  return { dom, painted, details };
}

async function edits(browser, server) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator(FIRST_RESULT).waitFor({ state: 'visible', timeout: 30_000 });
  await page.locator('#result-details .block').first().waitFor({ state: 'visible', timeout: 30_000 });
  // Titers 2.00, 2.05, 2.10, … g/L: every edit changes the drug substance shown.
  const values = Array.from({ length: WARMUP_EDITS + EDITS }, (_, i) => (2 + 0.05 * i).toFixed(2));
  const samples = [];
  let missed = 0;
  for (const [i, value] of values.entries()) {
    const r = await page.evaluate(
      async ({ selector, value }) => {
        const input = document.querySelector(selector);
        const root = document.querySelector('section.results');
        let domAt = null;
        let detailsAt = null;
        let resolveDetails;
        const detailsChanged = new Promise((r) => (resolveDetails = r));
        const dmo = new MutationObserver(() => {
          if (detailsAt === null) {
            detailsAt = performance.now();
            resolveDetails();
          }
        });
        dmo.observe(document.querySelector('#result-details'), { childList: true, subtree: true, characterData: true });
        let resolveChanged;
        const changed = new Promise((r) => (resolveChanged = r));
        const mo = new MutationObserver(() => {
          if (domAt === null) {
            domAt = performance.now();
            resolveChanged();
          }
        });
        mo.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
        // (the details are inside the results section, so the first change may be theirs)
        const start = performance.now();
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const timedOut = await Promise.race([
          Promise.all([changed, detailsChanged]).then(() => false),
          new Promise((r) => setTimeout(() => r(true), 2000)),
        ]);
        mo.disconnect();
        dmo.disconnect();
        if (timedOut) return null;
        const raf1 = await new Promise((r) => requestAnimationFrame(() => r(performance.now())));
        const raf2 = await new Promise((r) => requestAnimationFrame(() => r(performance.now())));
        return { dom: domAt - start, details: detailsAt - start, raf1: raf1 - start, painted: raf2 - start };
      },
      { selector: TITER, value },
    );
    if (i < WARMUP_EDITS) continue;
    if (r === null) missed++;
    else samples.push(r);
    await page.waitForTimeout(20);
  }
  // Sanity: the page shows the last value's result (not a timing assertion).
  const shown = await page.locator(FIRST_RESULT).textContent();
  await context.close();
  return { samples, missed, lastValue: values.at(-1), shown };
}

const fmt = (x) => (Number.isFinite(x) ? x.toFixed(1).padStart(8) : '     n/a');

function table(rows) {
  const head = `${'measure'.padEnd(46)}${'n'.padStart(4)}  ${'median'.padStart(8)}  ${'p95'.padStart(8)}  ${'max'.padStart(8)}   (ms)`;
  console.log(head);
  console.log('-'.repeat(head.length));
  for (const [label, s] of rows) {
    console.log(`${label.padEnd(46)}${String(s.n).padStart(4)}  ${fmt(s.median)}  ${fmt(s.p95)}  ${fmt(s.max)}`);
  }
}

async function main() {
  const server = await serveDist();
  const browser = await launchBrowser();
  try {
    const wasm = readdirSync(DIST)
      .filter((f) => f.endsWith('.wasm'))
      .map((f) => `${f}, ${(statSync(join(DIST, f)).size / 1024).toFixed(0)} KiB raw`);
    console.log(`Tech Transfer Calculator page benchmark`);
    console.log(`  build: ${DIST} (${wasm.join('; ') || 'no wasm'}), served from ${server.url}`);
    console.log(`  browser: Chromium ${browser.version()} headless; ${availableParallelism()} CPU(s); local server, no network latency`);
    console.log(`  ${COLD_LOADS} cold loads (fresh context each), ${EDITS} titer edits after ${WARMUP_EDITS} warm-up edits`);
    console.log();

    const load = await coldLoads(browser, server);
    const edit = await edits(browser, server);

    table([
      ['(a) cold load: navigation -> first result', stats(load.dom)],
      ['(a) cold load: navigation -> result painted', stats(load.painted)],
      ['(a) cold load: navigation -> detailed sections', stats(load.details)],
      ['(b) edit -> results DOM changed', stats(edit.samples.map((s) => s.dom))],
      ['(b) edit -> detailed sections changed', stats(edit.samples.map((s) => s.details))],
      ['(b) edit -> next frame (1st rAF)', stats(edit.samples.map((s) => s.raf1))],
      ['(b) edit -> painted (double rAF)', stats(edit.samples.map((s) => s.painted))],
    ]);
    console.log();
    if (edit.missed) console.log(`note: ${edit.missed} edit(s) changed nothing in the results within 2 s (not counted)`);
    console.log(`last edit: titer ${edit.lastValue} g/L -> drug substance ${edit.shown?.trim()}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((err) => {
  console.error(`bench-page: ${err.stack ?? err}`);
  process.exit(1);
});
