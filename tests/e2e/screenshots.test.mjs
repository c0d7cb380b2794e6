// Screenshots for review (not compared): the whole page at a phone width (375 px) and a
// desktop width (1440 px), in English and Chinese, saved to tests/e2e/screenshots/
// (gitignored). A separate test checks the page does not scroll sideways at those widths.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshotPath, setupSuite, waitForText } from './support.mjs';

const env = setupSuite();
const WIDTHS = [375, 1440];

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
});
