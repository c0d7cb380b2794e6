#!/usr/bin/env node
// Page benchmark of the RELEASE build (dist/, or DIST_DIR), served under /calc/ by the same
// static server as the end-to-end tests, in headless Chromium (playwright-core).
//
//   (a) cold load: navigation start -> first full result (#h-ds .figure-value in the DOM and
//       visible), and -> that result painted, over COLD_LOADS loads, each in a fresh browser
//       context (empty HTTP cache, empty storage). Painted two ways: the start of the frame
//       after the one that drew it (double requestAnimationFrame; a task queued before that
//       frame delays it too), and the moment the frame that drew it was presented (Element
//       Timing's render time: the benchmark gives the figure an elementtiming attribute as
//       soon as it is in the DOM, before its first paint, in the floor's page as in the app's);
//   (b) edit -> paint: EDITS edits of the titer input, each made at the start of a frame (in a
//       requestAnimationFrame callback): the first DOM change in the headline and in the
//       detailed sections (MutationObserver), the moment that frame has been rendered (a
//       message posted in the same callback, delivered after the frame's rendering: the
//       headline's frame), and the moment the frame that shows the detailed sections has been
//       rendered (the same, from the first frame after they changed, unless they changed in
//       the headline's frame). Then how many edits had their headline rendered within one
//       16.7 ms frame, and how many had the detailed sections (the deferred module) rendered
//       in that frame or the next.
//       The detailed sections below the headline come from the deferred module (loaded after
//       the first result): (a) also times navigation -> detailed sections shown. And where a
//       load's time goes before the first result: the shell of index.html painted (the first
//       contentful paint, which the floor's figure paints with), the first WebAssembly module
//       instantiated (the first WebAssembly.instantiate* fulfilled: src/bin/first.rs), the frame and
//       toolbar drawn (nav.toolbar in the DOM); then the page's own part, from the shell
//       painted (a paint's timestamp) to the first result painted (the double
//       requestAnimationFrame above, a frame later than its paint), median of each load's
//       difference.
//   (c) a small table: median, p95 and max in ms;
//   (d) the floor: a static HTML page that shows the same first figure with the same inlined
//       styles and no script at all (dist/index.html with its scripts removed and the figure
//       written in), served by the same server in the same run and loaded the same way, so
//       that the page's first result can be given as a multiple of the browser's floor: a
//       ratio stays comparable across runs on a noisy machine, where milliseconds do not;
//   (e) the bytes each module costs (brotli, as served): the first load, the page's module, the deferred
//       module, the rest; and what a first visit downloads in all (the bytes the server sent
//       from navigation until the service worker, installed once the page is drawn, controls
//       the page: its install caches the build);
//   (f) long tasks on a slow phone: THROTTLED_LOADS cold loads with the CPU slowed 4x (as
//       Lighthouse's mobile profile does), every main-thread task over 50 ms from navigation
//       until a second after the detailed sections are shown; their blocking time (the part
//       of each over 50 ms, summed: Lighthouse's total blocking time, without its network
//       simulation), the same for the tasks that start after the first contentful paint
//       (Lighthouse counts only those: before it, the HTML's first layout, which on a machine
//       without a CJK font pays for the font fallback), and the longest task;
//   (g) the start-up work that does not depend on the machine's load, from one traced cold load
//       at a phone's width: how many WebAssembly functions the browser compiled at their first
//       call (Chrome compiles lazily, on the main thread: most of start-up's work) before the
//       first result and until a second after the detailed sections, and how many elements the
//       document then has. The same build gave the same counts in repeated runs, so a change
//       of start-up work shows here when the timings above are lost in the noise.
//
// Reports numbers only: it never fails on a timing (exit 1 only if the page cannot load at all).
// Timings are of this machine under its current load (e.g. a concurrent cargo build).
//   node scripts/bench-page.mjs            (or `make bench`)
//   COLD_LOADS=20 EDITS=200 node scripts/bench-page.mjs
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism, tmpdir } from 'node:os';
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import { DIST, FIRST_RESULT, PREFIX, launchBrowser } from '../tests/e2e/support.mjs';
import { startServer } from '../tests/e2e/serve.mjs';

const COLD_LOADS = Number(process.env.COLD_LOADS ?? 10);
const EDITS = Math.max(60, Number(process.env.EDITS ?? 80));
const WARMUP_EDITS = 5;
const THROTTLED_LOADS = Number(process.env.THROTTLED_LOADS ?? 5);
const CPU_SLOWDOWN = 4;
const TITER = '#f-production-titer_g_per_l';
const FRAME_MS = 16.7;
/** The detailed section drawn last (LAST_SECTION=#campaign for a build before the program). */
const LAST_SECTION = process.env.LAST_SECTION ?? '#capacity';

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
// been painted; before it, when the page's module was instantiated and its frame drawn.
// performance.now() counts from the navigation start.
const INIT_SCRIPT = `(() => {
  const sel = ${JSON.stringify(FIRST_RESULT)};
  const last = ${JSON.stringify(LAST_SECTION)};
  window.__bench = { firstResult: null, firstResultPainted: null, firstResultPresented: null, details: null, longTasks: [], instantiated: null, frame: null };
  // The first module (src/bin/first.rs) is the first instantiated: the page's and the deferred module come after it.
  for (const name of ['instantiateStreaming', 'instantiate']) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      return original.apply(this, args).then((r) => { window.__bench.instantiated ??= performance.now(); return r; });
    };
  }
  new PerformanceObserver((list) => {
    for (const t of list.getEntries()) window.__bench.longTasks.push({ start: t.startTime, duration: t.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.identifier === 'ttc-first-result') window.__bench.firstResultPresented ??= e.renderTime || e.loadTime;
  }).observe({ type: 'element', buffered: true });
  const details = new MutationObserver(() => {
    const el = document.querySelector('#result-details ' + last); // the last section drawn
    if (el && el.checkVisibility()) { window.__bench.details = performance.now(); details.disconnect(); }
  });
  details.observe(document, { childList: true, subtree: true });
  const seen = () => {
    if (window.__bench.frame == null && document.querySelector('nav.toolbar')) window.__bench.frame = performance.now();
    const el = document.querySelector(sel);
    if (!el || !el.checkVisibility()) return false;
    window.__bench.firstResult = performance.now();
    el.setAttribute('elementtiming', 'ttc-first-result');
    performance.mark('ttc-first-result');
    requestAnimationFrame(() => requestAnimationFrame(() => { window.__bench.firstResultPainted = performance.now(); }));
    return true;
  };
  const mo = new MutationObserver(() => { if (seen()) mo.disconnect(); });
  mo.observe(document, { childList: true, subtree: true });
})();`;

/**
 * The floor page: dist/index.html without any script (the start-up script, the module
 * preloads, the service worker registration, the CSP that names them) and with the first
 * figure the app shows for the default scenario written into #app as the app writes it.
 */
function floorPage(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8')
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/<link\b[^>]*\brel=["']?(?:modulepreload|preload)\b[^>]*>/g, '')
    .replace(/<meta\b[^>]*Content-Security-Policy[^>]*>/g, '');
  const figure =
    '<section class="results"><div class="headline"><div class="figure fit-" id="h-ds">' +
    '<span class="figure-label">Drug substance per batch</span><span class="figure-value">4,001 g</span>' +
    '</div></div></section>';
  const floor = html.replace(/<div id=["']?app["']?>[\s\S]*?<\/div><\/body>/, `<div id="app">${figure}</div></body>`);
  if (floor === html || /<script/.test(floor)) throw new Error('cannot make the floor page from dist/index.html');
  return floor;
}

/**
 * Brotli bytes of the files of the build, by module: the first load as
 * scripts/size-report.sh counts it (index.html, the first module's JS and wasm, the service
 * worker registration), the page's module, the deferred module, and the rest (service
 * worker, manifest, icons).
 */
function moduleBytes(dist) {
  const br = (f) => brotliCompressSync(readFileSync(join(dist, f)), { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const files = readdirSync(dist).filter((f) => statSync(join(dist, f)).isFile());
  const modules = { 'first load (the first module)': [], "the page's module": [], 'deferred module': [], 'other (sw.js, manifest, icons)': [] };
  for (const f of files) {
    if (f.startsWith('deferred-')) modules['deferred module'].push(f);
    else if (f.startsWith('tech_transfer_calc-')) modules["the page's module"].push(f);
    else if (f === 'index.html' || /^(first|register)-/.test(f)) modules['first load (the first module)'].push(f);
    else modules['other (sw.js, manifest, icons)'].push(f);
  }
  return Object.entries(modules).map(([name, fs]) => [name, fs.reduce((n, f) => n + br(f), 0), fs.length]);
}

async function coldLoads(browser, server, url = server.url, { details: waitDetails = true, runs = COLD_LOADS } = {}) {
  const dom = [];
  const painted = [];
  const presented = [];
  const details = [];
  const shell = [];
  const instantiated = [];
  const frame = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(INIT_SCRIPT);
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(
      (waitDetails) => window.__bench?.firstResultPainted != null && (!waitDetails || window.__bench?.details != null),
      waitDetails,
      { timeout: 30_000, polling: 50 },
    );
    // Element Timing reports the frame's presentation a little later, if at all (not counted then).
    await page.waitForFunction(() => window.__bench.firstResultPresented != null, null, { timeout: 2_000, polling: 50 }).catch(() => {});
    const b = await page.evaluate(() => ({
      ...window.__bench,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    }));
    dom.push(b.firstResult);
    painted.push(b.firstResultPainted);
    presented.push(b.firstResultPresented);
    details.push(b.details);
    shell.push(b.fcp);
    instantiated.push(b.instantiated);
    frame.push(b.frame);
    await context.close();
  }
  return { dom, painted, presented, details, shell, instantiated, frame };
}

/** Long tasks of cold loads with the CPU slowed down (see (f) at the top). */
async function throttledLoads(browser, server) {
  const blocking = [];
  const afterPaint = [];
  const longest = [];
  for (let i = 0; i < THROTTLED_LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
    await context.addInitScript(INIT_SCRIPT);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto(server.url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench?.details != null, null, { timeout: 60_000, polling: 100 });
    await page.waitForTimeout(1000);
    const { tasks, fcp } = await page.evaluate(() => ({
      tasks: window.__bench.longTasks,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0,
    }));
    const over = (list) => list.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0);
    blocking.push(over(tasks));
    afterPaint.push(over(tasks.filter((t) => t.start >= fcp)));
    longest.push(tasks.reduce((m, t) => Math.max(m, t.duration), 0));
    await context.close();
  }
  return { blocking, afterPaint, longest };
}

/** What a first visit downloads, with the service worker's install (see (e) at the top). */
async function firstVisit(browser, server) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  server.resetServed();
  await page.goto(server.url);
  await page.waitForFunction(
    () => navigator.serviceWorker.controller?.state === 'activated',
    null,
    { timeout: 30_000, polling: 100 },
  );
  await page.waitForTimeout(500);
  const files = server.served();
  await context.close();
  return { bytes: files.reduce((n, f) => n + f.bytes, 0), requests: files.length };
}

/** Start-up work counted in one traced cold load (see (g) at the top). */
async function startupWork(browser, server) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  await context.addInitScript(INIT_SCRIPT);
  const page = await context.newPage();
  await browser.startTracing(page, { categories: ['blink.user_timing', 'v8.wasm', 'disabled-by-default-v8.wasm.detailed'] });
  await page.goto(server.url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__bench?.details != null, null, { timeout: 60_000, polling: 100 });
  await page.waitForTimeout(1000);
  const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  await context.close();
  const firstResult = events.find((e) => e.name === 'ttc-first-result')?.ts;
  const compiled = events.filter((e) => e.name === 'wasm.CompileLazy');
  if (firstResult == null || compiled.length === 0) throw new Error('no first-result mark or no lazy compilation in the trace');
  return { beforeFirstResult: compiled.filter((e) => e.ts < firstResult).length, total: compiled.length, elements };
}

async function edits(browser, server) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator(FIRST_RESULT).waitFor({ state: 'visible', timeout: 30_000 });
  await page.locator(`#result-details ${LAST_SECTION}`).waitFor({ state: 'visible', timeout: 30_000 });
  // The edited field on screen, as a user has it (an off-screen section is not laid out).
  await page.locator(TITER).scrollIntoViewIfNeeded();
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
        // Frames begun since the edit's, counted at the start of each frame.
        let frames = 0;
        let counting = true;
        const tick = () => {
          frames++;
          if (counting) requestAnimationFrame(tick);
        };
        let resolveDetails;
        const detailsPainted = new Promise((r) => (resolveDetails = r));
        const dmo = new MutationObserver(() => {
          if (detailsAt === null) {
            detailsAt = performance.now();
            // Rendered at the end of the frame this callback runs in.
            requestAnimationFrame(() => {
              const frame = frames;
              const ch = new MessageChannel();
              ch.port1.onmessage = () => resolveDetails({ at: performance.now(), frame });
              ch.port2.postMessage(0);
            });
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
        // The edit is made at the start of a frame, in a requestAnimationFrame callback: the
        // page's updates (microtasks, and the deferred module's, through the page's state
        // event) then belong to that frame, and a message posted in the same callback is
        // delivered once that frame has been rendered. Edit -> that message is the time to
        // the frame that shows the edit, without the wait for the next frame to begin.
        let start = 0;
        const painted = await new Promise((r) =>
          requestAnimationFrame(() => {
            start = performance.now();
            requestAnimationFrame(tick);
            input.value = value;
            input.dispatchEvent(new Event('input', { bubbles: true }));
            const ch = new MessageChannel();
            ch.port1.onmessage = () => r(performance.now());
            ch.port2.postMessage(0);
          }),
        );
        const done = await Promise.race([
          Promise.all([changed, detailsPainted]).then(([, d]) => d),
          new Promise((r) => setTimeout(() => r(null), 2000)),
        ]);
        counting = false;
        mo.disconnect();
        dmo.disconnect();
        if (done === null) return null;
        // Changed before the headline's frame was rendered: shown in that frame.
        const sameFrame = detailsAt <= painted;
        return {
          dom: domAt - start,
          details: detailsAt - start,
          painted: painted - start,
          detailsPainted: (sameFrame ? painted : done.at) - start,
          detailsFrame: sameFrame ? 0 : done.frame,
        };
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
  const tmp = mkdtempSync(join(tmpdir(), 'ttc-floor-'));
  writeFileSync(join(tmp, 'floor.html'), floorPage(DIST));
  const server = await startServer({ root: DIST, prefix: PREFIX, extraFiles: { 'floor/index.html': join(tmp, 'floor.html') } });
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

    // Floor and page loads alternate, so that a change of the machine's load touches both.
    const floor = { dom: [], painted: [], presented: [] };
    const load = { dom: [], painted: [], presented: [], details: [], shell: [], instantiated: [], frame: [] };
    for (let i = 0; i < COLD_LOADS; i++) {
      const f = await coldLoads(browser, server, `${server.url}floor/`, { details: false, runs: 1 });
      const p = await coldLoads(browser, server, server.url, { runs: 1 });
      floor.dom.push(...f.dom);
      floor.painted.push(...f.painted);
      floor.presented.push(...f.presented);
      load.dom.push(...p.dom);
      load.painted.push(...p.painted);
      load.presented.push(...p.presented);
      load.details.push(...p.details);
      load.shell.push(...p.shell);
      load.instantiated.push(...p.instantiated);
      load.frame.push(...p.frame);
    }
    const edit = await edits(browser, server);
    const slow = await throttledLoads(browser, server);
    // A trace that lacks what (g) counts (an event renamed in a later Chromium) must not lose
    // the other results.
    const work = await startupWork(browser, server).catch((err) => ({ error: err.message }));
    const visit = await firstVisit(browser, server).catch((err) => ({ error: err.message }));

    table([
      ['(d) floor: static page, navigation -> figure', stats(floor.dom)],
      ['(d) floor: static page, figure painted', stats(floor.painted)],
      ['(d) floor: static page, figure presented', stats(floor.presented)],
      ['(a) cold load: navigation -> shell painted', stats(load.shell)],
      ['(a) cold load: navigation -> first module ready', stats(load.instantiated)],
      ['(a) cold load: navigation -> frame and toolbar', stats(load.frame)],
      ['(a) cold load: navigation -> first result', stats(load.dom)],
      ['(a) cold load: navigation -> result painted', stats(load.painted)],
      ['(a) cold load: navigation -> result presented', stats(load.presented)],
      ['(a) cold load: navigation -> detailed sections', stats(load.details)],
      ['(b) edit -> results DOM changed', stats(edit.samples.map((s) => s.dom))],
      ['(b) edit -> detailed sections changed', stats(edit.samples.map((s) => s.details))],
      ['(b) edit -> frame with the headline rendered', stats(edit.samples.map((s) => s.painted))],
      ['(b) edit -> frame with the details rendered', stats(edit.samples.map((s) => s.detailsPainted))],
      [`(f) CPU ${CPU_SLOWDOWN}x slower: blocking time of a load`, stats(slow.blocking)],
      [`(f) the same, tasks after the first paint`, stats(slow.afterPaint)],
      [`(f) CPU ${CPU_SLOWDOWN}x slower: longest task`, stats(slow.longest)],
    ]);
    console.log();
    const inFrame = edit.samples.filter((s) => s.painted <= FRAME_MS).length;
    const sameFrame = edit.samples.filter((s) => s.detailsFrame === 0).length;
    const nextFrame = edit.samples.filter((s) => s.detailsFrame === 1).length;
    console.log(`edits whose headline was rendered within one ${FRAME_MS} ms frame (60 Hz): ${inFrame} of ${edit.samples.length}; detailed sections rendered in that same frame: ${sameFrame}, in the next: ${nextFrame}, later: ${edit.samples.length - sameFrame - nextFrame}`);
    const ratio = (a, b) => (stats(a).median / stats(b).median).toFixed(2);
    console.log(`first result as a multiple of the static floor (medians): in the DOM ${ratio(load.dom, floor.dom)}x, painted ${ratio(load.painted, floor.painted)}x, presented (Element Timing) ${ratio(load.presented, floor.presented)}x`);
    // A load without a first contentful paint entry has no own part (NaN, left out), not its whole time.
    const own = stats(load.painted.map((t, i) => (load.shell[i] == null ? NaN : t - load.shell[i])));
    console.log(`the page's own part, from its shell painted to its first result painted: median ${own.median.toFixed(1)} ms of ${own.n} loads (the floor's figure painted: ${stats(floor.painted).median.toFixed(1)} ms)`);
    console.log(
      work.error
        ? `(g) start-up work: not counted (${work.error})`
        : `(g) start-up work at a phone's width: ${work.beforeFirstResult} WebAssembly functions compiled before the first result, ${work.total} until a second after the detailed sections; ${work.elements} elements in the document`,
    );
    console.log();
    console.log('bytes per module (brotli, as served):');
    for (const [name, bytes, n] of moduleBytes(DIST)) console.log(`  ${name.padEnd(32)} ${String(bytes).padStart(8)} bytes  (${n} files)`);
    console.log(
      visit.error
        ? `  a first visit: not measured (${visit.error})`
        : `  a first visit, service worker's install included: ${visit.bytes} bytes in ${visit.requests} responses`,
    );
    console.log();
    if (edit.missed) console.log(`note: ${edit.missed} edit(s) changed nothing in the results within 2 s (not counted)`);
    console.log(`last edit: titer ${edit.lastValue} g/L -> drug substance ${edit.shown?.trim()}`);
  } finally {
    await browser.close();
    await server.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`bench-page: ${err.stack ?? err}`);
  process.exit(1);
});
