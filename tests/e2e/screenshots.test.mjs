// Screenshots for review (not compared): the whole page at a phone width (375 px) and a
// desktop width (1440 px), in English and Chinese, saved to tests/e2e/screenshots/
// (gitignored). A separate test checks the page does not scroll sideways at those widths.
// On a phone the result tables are drawn as cards, one per row (style/results.css, below
// 40rem): they neither scroll sideways nor break their texts one character per line (dates
// read downwards, 3 / 月 / 1 / 日), and their header row is still there for screen readers.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshotPath, setupSuite, waitForText } from './support.mjs';

const env = setupSuite();
const WIDTHS = [375, 1440];
/** A phone: result tables as cards. */
const PHONE = 375;
/** The result sections with a table, drawn by the deferred module. */
const TABLE_SECTIONS = ['timeline', 'seed-train-results', 'production-results', 'volumes', 'downstream-results', 'cost', 'campaign'];

/**
 * How the result tables are laid out, read in the page: per table, whether its box scrolls
 * sideways, its header row's size, the display of its rows; every visible body and footer
 * cell (but "how was this computed?") whose text is broken into lines of fewer than four
 * characters on average; the seed-train cells taller than two lines of their font.
 */
function tableLayout(page) {
  return page.evaluate((sections) => {
    const out = { tables: [], broken: [], tall: [] };
    for (const id of sections) {
      const wrap = document.querySelector(`#${id} .table-wrap`);
      if (!wrap) {
        out.tables.push({ id, missing: true });
        continue;
      }
      const head = wrap.querySelector('thead').getBoundingClientRect();
      out.tables.push({
        id,
        overflow: wrap.scrollWidth - wrap.clientWidth,
        head: { width: head.width, height: head.height },
        rowDisplay: getComputedStyle(wrap.querySelector('tbody tr')).display,
      });
      for (const cell of wrap.querySelectorAll('tbody > tr > *, tfoot > tr > *')) {
        if (cell.classList.contains('how-cell') || cell.getClientRects().length === 0) continue;
        const chars = cell.textContent.replace(/\s+/g, '').length;
        if (chars === 0) continue;
        const range = document.createRange();
        range.selectNodeContents(cell);
        // Lines: the text's boxes top to bottom, a new line where a box starts below the last.
        let lines = 0;
        let bottom = -Infinity;
        for (const r of [...range.getClientRects()].filter((r) => r.width > 0).sort((a, b) => a.top - b.top)) {
          if (r.top >= bottom - 2) lines++;
          bottom = Math.max(bottom, r.bottom);
        }
        const label = cell.dataset.label ? `${cell.dataset.label}: ` : '';
        if (lines > 1 && chars / lines < 4) out.broken.push(`#${id} ${label}"${cell.textContent.trim()}" in ${lines} lines`);
        if (id === 'seed-train-results') {
          const style = getComputedStyle(cell);
          const height = cell.getBoundingClientRect().height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
          const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.45;
          if (height > 2 * line + 1) out.tall.push(`#${id} ${label}"${cell.textContent.trim()}" ${Math.round(height)} px high, line ${Math.round(line)} px`);
        }
      }
    }
    return out;
  }, TABLE_SECTIONS);
}

/** Names of the column headers and the number of cells screen readers get for `selector`. */
async function tableForScreenReaders(page, selector) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    const query = async (role) => (await cdp.send('Accessibility.queryAXTree', { nodeId, role })).nodes.filter((n) => !n.ignored);
    return {
      table: (await query('table')).length,
      columnheaders: (await query('columnheader')).map((n) => n.name?.value ?? ''),
      rowheaders: (await query('rowheader')).length,
      cells: (await query('cell')).length,
    };
  } finally {
    await cdp.detach();
  }
}

describe('Layout at phone and desktop widths', () => {
  for (const width of WIDTHS) {
    test(`full-page screenshots at ${width} px (English, Chinese) saved for review`, async () => {
      const app = await env.openApp({ viewport: { width, height: 900 } });
      const { page } = app;
      await page.screenshot({ path: screenshotPath(`page-en-${width}.png`), fullPage: true });
      await page.locator('#lang-switch').click();
      await waitForText(page, 'h1', '技术转移计算器');
      await page.screenshot({ path: screenshotPath(`page-zh-${width}.png`), fullPage: true });
      await app.check();
    });
  }

  test(`the page does not scroll sideways at ${WIDTHS.join(' or ')} px`, async () => {
    const found = [];
    for (const width of WIDTHS) {
      const app = await env.openApp({ viewport: { width, height: 900 } });
      const { page } = app;
      const overflow = await page.evaluate(() => {
        const doc = document.documentElement;
        const wide = [...document.querySelectorAll('main > *')]
          .filter((el) => el.getBoundingClientRect().right > doc.clientWidth + 0.5)
          .map((el) => `.${[...el.classList].join('.')} ${Math.round(el.getBoundingClientRect().width)} px wide`);
        return { by: doc.scrollWidth - doc.clientWidth, wide };
      });
      if (overflow.by > 0) found.push(`${width} px: page ${overflow.by} px wider than the window (${overflow.wide.join(', ')})`);
      await app.check();
    }
    assert.deepEqual(found, [], 'horizontal scrolling (see tests/e2e/screenshots/page-*.png)');
  });

  test(`at ${PHONE} px the result tables are cards: no sideways scrolling, no text one character per line (English, Chinese)`, async () => {
    const app = await env.openApp({ viewport: { width: PHONE, height: 900 } });
    const { page } = app;
    for (const lang of ['en', 'zh']) {
      if (lang === 'zh') {
        await page.locator('#lang-switch').click();
        await waitForText(page, 'h1', '技术转移计算器');
      }
      const seedTrain = page.locator('#seed-train-results');
      await seedTrain.screenshot({ path: screenshotPath(`seed-train-${lang}-${PHONE}.png`) });
      const layout = await tableLayout(page);
      const wrong = layout.tables.flatMap((t) => {
        if (t.missing) return [`#${t.id}: no table`];
        const bad = [];
        if (t.overflow > 1) bad.push(`#${t.id}: scrolls sideways by ${t.overflow} px`);
        if (t.head.width > 1 || t.head.height > 1) bad.push(`#${t.id}: header row shown (${Math.round(t.head.width)}×${Math.round(t.head.height)} px)`);
        if (t.rowDisplay === 'table-row') bad.push(`#${t.id}: rows drawn as table rows, not cards`);
        return bad;
      });
      assert.deepEqual(wrong, [], `${lang}: result tables at ${PHONE} px (see tests/e2e/screenshots/page-${lang}-${PHONE}.png)`);
      assert.deepEqual(layout.broken, [], `${lang}: table texts broken one character per line at ${PHONE} px`);
      assert.deepEqual(layout.tall, [], `${lang}: seed-train cells taller than two lines at ${PHONE} px (see tests/e2e/screenshots/seed-train-${lang}-${PHONE}.png)`);

      // The header row is hidden from sight only: screen readers still get the table, its
      // column headers (with the same names) and row headers, and its cells.
      const heads = await page.locator('#seed-train-results thead th').allTextContents();
      // Off-screen sections skip rendering (content-visibility), and so the accessibility
      // tree: the section is brought into view first, as a reader scrolling to it would.
      await seedTrain.scrollIntoViewIfNeeded();
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const sr = await tableForScreenReaders(page, '#seed-train-results table');
      assert.equal(sr.table, 1, `${lang}: the seed-train table is not a table for screen readers`);
      assert.deepEqual(sr.columnheaders, heads.map((h) => h.trim()), `${lang}: column headers screen readers get`);
      assert.equal(sr.rowheaders, await page.locator('#seed-train-results tbody th[scope="row"]').count(), `${lang}: row headers screen readers get`);
      assert.ok(sr.cells >= 5 * (heads.length - 1), `${lang}: only ${sr.cells} cells for screen readers`);
    }
    await app.check();
  });

  test(`at ${PHONE} px a wide chart scrolls in its own labelled box, never the whole section`, async () => {
    const app = await env.openApp({ viewport: { width: PHONE, height: 900 } });
    const { page } = app;
    await page.locator('#result-details .chart-wrap').first().waitFor();
    const found = await page.evaluate(() => {
      const bad = [];
      for (const block of document.querySelectorAll('#result-details .block')) {
        if (block.scrollWidth > block.clientWidth + 1) bad.push(`#${block.id} scrolls sideways by ${block.scrollWidth - block.clientWidth} px`);
      }
      const wraps = [...document.querySelectorAll('#result-details .chart-wrap')];
      for (const w of wraps) {
        const svg = w.querySelector('svg');
        if (w.tabIndex !== 0 || w.getAttribute('role') !== 'region' || w.getAttribute('aria-label') !== svg?.getAttribute('aria-label')) {
          bad.push(`a chart box is not a focusable region named by its chart (${w.closest('.block')?.id})`);
        }
      }
      return { bad, wraps: wraps.length, scrolling: wraps.filter((w) => w.scrollWidth > w.clientWidth).length };
    });
    assert.deepEqual(found.bad, [], `sections and chart boxes at ${PHONE} px`);
    // The program, timeline, production, volumes, cost and capacity sections each have a chart;
    // at a phone width they scroll.
    assert.equal(found.wraps, 6);
    assert.equal(found.scrolling, 6, 'the charts keep their readable width and scroll in their box');
    await app.check();
  });

  test('on a wide screen the result tables stay tables (header row shown, one line per row)', async () => {
    const app = await env.openApp({ viewport: { width: 1280, height: 900 } });
    const layout = await tableLayout(app.page);
    const wrong = layout.tables.flatMap((t) => {
      if (t.missing) return [`#${t.id}: no table`];
      const bad = [];
      if (t.head.height < 10) bad.push(`#${t.id}: header row hidden`);
      if (t.rowDisplay !== 'table-row') bad.push(`#${t.id}: rows drawn as ${t.rowDisplay}`);
      return bad;
    });
    assert.deepEqual(wrong, [], 'result tables at 1280 px');
    await app.check();
  });
});
