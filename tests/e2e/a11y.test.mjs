// Accessibility: axe-core (WCAG 2.0/2.1 A and AA rules) finds no violations in each state
// of the page a user can reach: the default, an invalid input (error messages, stale
// banner), Chinese, and the print summary. Violations are listed as
// "rule (impact): help | selector | what failed", never excluded here: fix the page.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, setupSuite, waitFor, waitForText } from './support.mjs';

const env = setupSuite();

const STATES = {
  default: async () => {},
  'invalid input': async (page) => {
    await page.locator('#f-production-titer_g_per_l').fill('abc');
    await waitForText(page, '#f-production-titer_g_per_l-err', 'Enter a number, e.g. 3.5');
    // A second invalid field, out of range, so both kinds of message are audited.
    await page.locator('#f-cell_line-doubling_time_h').fill('1000');
    await waitForText(page, '#f-cell_line-doubling_time_h-err', /outside the allowed range/);
    assert.ok(await page.locator('.stale-banner').isVisible());
  },
  Chinese: async (page) => {
    await page.locator('#lang-switch').click();
    await waitFor(() => page.locator('html').getAttribute('lang'), 'zh-CN', '<html lang>');
    await waitForText(page, 'h1', '技术转移计算器');
  },
  'print-emulated': async (page) => {
    await page.emulateMedia({ media: 'print' });
    assert.ok(await page.locator('.print-header').isVisible());
  },
};

describe('Accessibility (axe-core, WCAG 2.1 A/AA)', () => {
  for (const [name, enter] of Object.entries(STATES)) {
    test(`no violations: ${name}`, async () => {
      const app = await env.openApp();
      await enter(app.page);
      assert.deepEqual(await axeViolations(app.page), [], `axe-core violations (${name})`);
      await app.check();
    });
  }
});
