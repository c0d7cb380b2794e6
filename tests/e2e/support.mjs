// Shared helpers for the end-to-end tests (tests/e2e/*.test.mjs) and scripts/bench-page.mjs:
// one static server for the release dist/ under /calc/, one headless Chromium per test file,
// a fresh browser context per test, and a record of every problem the page reports.
//
//   import { setupSuite } from './support.mjs';
//   const env = setupSuite();                 // registers before/after hooks
//   test('…', async () => {
//     const app = await env.openApp();        // fresh context, app rendered
//     …
//     await app.check();                      // fails on console/page errors, bad requests
//   });
//
// DIST_DIR overrides the directory served (default: dist/); CHROMIUM_PATH the browser.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { startServer } from './serve.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = process.env.DIST_DIR ?? join(ROOT, 'dist');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const PREFIX = '/calc/';
export const SCREENSHOTS = join(ROOT, 'tests', 'e2e', 'screenshots');

/** The WCAG levels every state of the page is audited against. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Selector of the first full result: the app has rendered an estimate once it is visible. */
export const FIRST_RESULT = '#h-ds .figure-value';
/** Drawn by the deferred module (detailed results, share panel), loaded after the first result.
 * The detailed sections come one per task: the last of them (`#capacity`) means all are drawn. */
export const LAST_DETAIL = '#result-details #capacity';
export const DEFERRED = [LAST_DETAIL, '#share'];
/** The form's last section: the page builds the form a section per task after the first result;
 * the deferred module draws the rates section, like the plan, the seed train's rules, the production
 * model and downstream, once the form is near the screen. */
export const FORM_BUILT = '#sec-rates';
/** The last of the page's own form sections. */
export const PAGE_FORM_BUILT = '#sec-schedule';

/** Launches the headless Chromium the tests and the benchmark use. */
export function launchBrowser() {
  return chromium.launch({
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
}

/** Starts the static server on DIST under PREFIX (after checking the build exists). */
export async function serveDist(root = DIST) {
  assert.ok(existsSync(join(root, 'index.html')), `${root}/index.html missing: run "make dist" (trunk build --release) first`);
  return startServer({ root, prefix: PREFIX });
}

/**
 * Registers before/after hooks that start the server and the browser for the calling test
 * file, and returns `{ openApp, server, browser }` (server and browser are getters, valid
 * inside tests).
 */
export function setupSuite() {
  let server;
  let browser;
  before(async () => {
    server = await serveDist();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      return server;
    },
    get browser() {
      return browser;
    },
    openApp: (options) => openApp(browser, server, options),
  };
}

/**
 * Opens the app in a fresh browser context and records every problem a user's console or
 * network panel would show. Waits until the first result is rendered. Call `check()` at the
 * end of the test: it closes the context and fails on any recorded problem.
 *
 * options.viewport: { width, height } (default 1280×900); options.media: 'screen' | 'print';
 * options.locale: the browser's language (default: the browser's own).
 * options.formNear: false to leave the page where it opens, without bringing the form near the
 * screen for the deferred module to draw its last sections (default true).
 */
export async function openApp(browser, server, { viewport = { width: 1280, height: 900 }, locale, formNear = true } = {}) {
  const context = await browser.newContext({ viewport, ...(locale ? { locale } : {}) });
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
  // A reload or navigation cancels what the previous page still had in flight (e.g. a lazily
  // fetched favicon): net::ERR_ABORTED for a request of an earlier page is not a problem.
  // Counted when a main-frame navigation starts, which is before the old page's requests
  // are cancelled.
  let navigations = 0;
  const startedOn = new WeakMap();
  page.on('requestfailed', (req) => {
    const error = req.failure()?.errorText;
    if (error === 'net::ERR_ABORTED' && (startedOn.get(req) ?? navigations) < navigations) return;
    problems.push(`request failed: ${req.url()} (${error})`);
  });
  page.on('request', (req) => {
    if (req.isNavigationRequest() && req.frame() === page.mainFrame()) navigations++;
    startedOn.set(req, navigations);
    const url = new URL(req.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    requests.push(req);
    if (url.origin !== server.origin) problems.push(`request to another origin: ${req.url()}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });

  const app = {
    page,
    context,
    requests,
    problems,
    /** Waits until the app shows a result (after a navigation or reload). */
    async ready({ near = formNear } = {}) {
      const visible = async (selector) => {
        try {
          await page.locator(selector).first().waitFor({ state: 'visible', timeout: 15_000 });
        } catch (err) {
          throw new Error(`the app did not render ${selector}: ${err.message}\npage problems: ${JSON.stringify(problems, null, 2)}`);
        }
      };
      for (const selector of [FIRST_RESULT, ...DEFERRED, PAGE_FORM_BUILT]) await visible(selector);
      if (!near) return;
      // The deferred module draws the form's last sections once the form comes near the screen:
      // at once on a desktop, where it sits beside the results; on a phone, where it follows
      // them, the page is scrolled until the form starts at the bottom of the screen (so that
      // nothing drawn is seen moving), again while sections above it grow as they are drawn,
      // then back.
      const startY = await page.evaluate(() => scrollY);
      for (let i = 0; !(await page.locator(FORM_BUILT).count()); i++) {
        if (i === 150) throw new Error(`the app did not render ${FORM_BUILT} near the screen within 15 s\npage problems: ${JSON.stringify(problems, null, 2)}`);
        await page.evaluate(() => {
          const top = document.querySelector('form.inputs').getBoundingClientRect().top;
          if (top > innerHeight) scrollTo(0, scrollY + top - innerHeight);
        });
        await page.waitForTimeout(100);
      }
      await visible(FORM_BUILT);
      if ((await page.evaluate(() => scrollY)) !== startY) await page.evaluate((y) => scrollTo(0, y), startY);
    },
    async reload() {
      const response = await page.reload({ waitUntil: 'load' });
      assert.equal(response.status(), 200);
      await app.ready();
    },
    async check() {
      await page.waitForLoadState('networkidle');
      await context.close();
      assert.deepEqual(problems, [], 'the page reported problems');
    },
  };

  const response = await page.goto(server.url, { waitUntil: 'load' });
  assert.equal(response.status(), 200);
  try {
    await app.ready();
  } catch (err) {
    await context.close();
    throw err;
  }
  return app;
}

/**
 * Emulates print media and waits until the printed summary's header is shown: the deferred
 * module draws it when the page is first printed (at `beforeprint`, or, with print media
 * emulated as here, a moment later).
 */
export async function emulatePrint(page) {
  await page.emulateMedia({ media: 'print' });
  await page.locator('.print-only.print-header').waitFor({ state: 'visible', timeout: 5_000 });
}

/** Trimmed text content of the first element matching `selector`. */
export async function text(page, selector) {
  return (await page.locator(selector).first().textContent())?.trim() ?? null;
}

/**
 * The trimmed texts of a table cell, or of every cell when `selector` is a row: the
 * totals (#ds-total, #cost-total) are read the same way wherever the id sits.
 */
export function cellTexts(page, selector) {
  return page.locator(selector).first().evaluate((el) =>
    (el.tagName === 'TR' ? [...el.cells] : [el]).map((c) => c.textContent.trim()),
  );
}

/** The value shown by a headline figure, e.g. figure(page, 'h-ds') -> "4,007 g". */
export function figure(page, id) {
  return text(page, `#${id} .figure-value`);
}

/** The page's words in each language (`crates/text/locales`), for tests that expect them. */
export const LOCALES = Object.fromEntries(
  ['en', 'zh'].map((l) => [l, JSON.parse(readFileSync(join(ROOT, 'crates', 'text', 'locales', `${l}.json`), 'utf8'))]),
);

/** Switches the page to `to` ('en' or 'zh') with the toolbar's button, and waits until it is
 *  in that language (`<html lang>` and the title). */
export async function switchLanguage(page, to) {
  await page.locator('#lang-switch').click();
  await waitFor(() => page.locator('html').getAttribute('lang'), to === 'zh' ? 'zh-CN' : 'en', '<html lang>');
  await waitForText(page, 'h1', LOCALES[to].app_title);
}

/**
 * Waits until `read()` returns a value accepted by `expected` (a string compared with ===,
 * a RegExp, or a predicate), and returns it; fails with the last value read otherwise.
 */
export async function waitFor(read, expected, what, timeout = 5_000) {
  const ok =
    typeof expected === 'function'
      ? expected
      : expected instanceof RegExp
        ? (v) => typeof v === 'string' && expected.test(v)
        : (v) => v === expected;
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await read();
    } catch (err) {
      last = `<error: ${err.message.split('\n')[0]}>`;
    }
    if (ok(last)) return last;
    if (Date.now() > deadline) {
      throw new assert.AssertionError({
        message: `${what}: still ${JSON.stringify(last)} after ${timeout} ms`,
        actual: last,
        expected: typeof expected === 'function' ? '(predicate)' : expected,
        operator: 'waitFor',
      });
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Waits until the element's trimmed text matches `expected` (string or RegExp). */
export function waitForText(page, selector, expected, timeout) {
  return waitFor(() => text(page, selector), expected, `text of ${selector}`, timeout);
}

/** Waits until headline figure `id` shows `expected`. */
export function waitForFigure(page, id, expected, timeout) {
  return waitFor(() => figure(page, id), expected, `#${id} figure`, timeout);
}

/** "$800,997" -> { symbol: '$', value: 800997, decimals: 0 }; null if it is not money. */
export function parseMoney(s) {
  const m = /^(-?)([$¥€])([\d,]+)(?:\.(\d+))?$/.exec(s?.trim() ?? '');
  if (!m) return null;
  const value = Number(`${m[3].replaceAll(',', '')}.${m[4] ?? '0'}`) * (m[1] ? -1 : 1);
  return { symbol: m[2], value, decimals: m[4]?.length ?? 0 };
}

/** "4,007 g" -> 4007 (the leading number of a figure, grouping commas removed). */
export function parseNumber(s) {
  const m = /-?[\d,]+(?:\.\d+)?/.exec(s ?? '');
  return m ? Number(m[0].replaceAll(',', '')) : NaN;
}

/**
 * The facility profiles (crates/model/data/facility/*.json): names and rate-source citations
 * are data. Their texts (`name`, `illustrative`, each `rate_sources` value) are written in
 * both languages, `{ "en": "…", "zh": "…" }`; the page shows the one of its language.
 */
export const FACILITIES = readdirSync(join(ROOT, 'crates', 'model', 'data', 'facility'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(ROOT, 'crates', 'model', 'data', 'facility', f), 'utf8')));

/** The strings of a bilingual data text ({ en, zh }); a plain string is its own one. */
export function texts(t) {
  if (t == null) return [];
  return typeof t === 'string' ? [t] : Object.values(t);
}

/** The facilities' names, in both languages. */
export const FACILITY_NAMES = [...new Set(FACILITIES.flatMap((f) => texts(f.name)))];

/**
 * Rate-source citations in both languages, e.g. "Basal medium about $5-10 per L (Kelley
 * 2009, …)" and "基础培养基约 5-10 美元/升（…）".
 */
export const RATE_SOURCES = [...new Set(FACILITIES.flatMap((f) => Object.values(f.rate_sources ?? {}).flatMap(texts)))];

/**
 * Every money amount written in the results section, in document order, text node by text
 * node (adjacent table cells are not run together). Rate-source citations are quoted
 * literature in USD, not amounts the page computed, and are left out.
 */
export function moneyInResults(page) {
  return page.locator('section.results').evaluate((root, citations) => {
    const out = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      let t = node.data;
      for (const c of citations) t = t.split(c).join(' ');
      for (const m of t.matchAll(/-?[$¥€][\d,]+(?:\.\d+)?/g)) out.push(m[0]);
    }
    return out;
  }, RATE_SOURCES);
}

/**
 * Runs axe-core with AXE_TAGS and returns the violations, one line per rule and failure
 * (nodes failing the same way are grouped): "rule-id (impact) on N element(s): help. What
 * failed. Elements: selector, selector, …". Empty when the page passes.
 */
export async function axeViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  assert.ok(results.passes.length > 0, 'axe-core ran no checks');
  const groups = new Map();
  for (const v of results.violations) {
    for (const n of v.nodes) {
      const summary = (n.failureSummary ?? '').replace(/\s+/g, ' ').trim();
      const key = `${v.id} (${v.impact}) | ${v.help} | ${summary}`;
      if (!groups.has(key)) groups.set(key, { v, summary, targets: [] });
      groups.get(key).targets.push(n.target.join(' '));
    }
  }
  return [...groups.values()].map(({ v, summary, targets }) => {
    const shown = targets.slice(0, 6).join(', ') + (targets.length > 6 ? `, … (+${targets.length - 6} more)` : '');
    return `${v.id} (${v.impact}) on ${targets.length} element(s): ${v.help}. ${summary}. Elements: ${shown}`;
  });
}

/** Number of pages in a PDF: page objects are "/Type /Page" (the page tree is "/Pages"). */
export function pdfPageCount(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/** Makes tests/e2e/screenshots/ (gitignored) and returns the path of `name` in it. */
export function screenshotPath(name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, name);
}
