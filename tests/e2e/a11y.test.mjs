// Accessibility: axe-core (WCAG 2.0/2.1 A and AA rules) finds no violations in each state
// of the page a user can reach: the default, every detail opened ("How was this computed?",
// the folded fit checks, the share panel), an invalid input (error messages, stale banner),
// Chinese (closed and with every detail opened), and the print summary; each at a desktop
// width and at a phone width (375 px, where the result tables are drawn as cards and the
// charts scroll sideways). Violations are listed as "rule (impact): help | selector | what
// failed", never excluded here: fix the page.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, emulatePrint, setupSuite, switchLanguage, waitFor, waitForText } from './support.mjs';

const env = setupSuite();

/** Desktop (openApp's default) and phone. */
const WIDTHS = [1280, 375];

/** Opens every <details> of the page, and checks the detailed parts are among them. */
async function openEveryDetail(page) {
  await page.locator('details').evaluateAll((ds) => ds.forEach((d) => (d.open = true)));
  // The plan's steps are built when their box is first opened: all eight rows are audited.
  await waitFor(() => page.locator('#sec-plan .plan-step').count(), 8, 'the plan steps built');
  // So is the share panel's body, its saved list a task after the rest.
  await page.locator('#share #save-scenario').waitFor({ timeout: 5_000 });
  const counts = await page.evaluate(() => ({
    closed: document.querySelectorAll('details:not([open])').length,
    how: document.querySelectorAll('.how-cell details.how[open]').length,
    folded: document.querySelectorAll('details.folded[open]').length,
  }));
  assert.equal(counts.closed, 0, 'a <details> is still closed');
  assert.ok(counts.how > 0, 'no "How was this computed?" in a result table');
  assert.ok(counts.folded > 0, 'no folded fit checks');
}


const STATES = {
  default: async () => {},
  'every detail open': openEveryDetail,
  'invalid input': async (page) => {
    await page.locator('#f-production-titer_g_per_l').fill('abc');
    await waitForText(page, '#f-production-titer_g_per_l-err', 'Enter a number, e.g. 3.5');
    // A second invalid field, out of range, so both kinds of message are audited.
    await page.locator('#f-cell_line-doubling_time_h').fill('1000');
    await waitForText(page, '#f-cell_line-doubling_time_h-err', /outside the allowed range/);
    assert.ok(await page.locator('.stale-banner').isVisible());
  },
  Chinese: (page) => switchLanguage(page, 'zh'),
  'Chinese, every detail open': async (page) => {
    await switchLanguage(page, 'zh');
    await openEveryDetail(page);
  },
  'print-emulated': async (page) => {
    await emulatePrint(page);
    assert.ok(await page.locator('.print-header').isVisible());
  },
};

describe('Accessibility (axe-core, WCAG 2.1 A/AA)', () => {
  for (const width of WIDTHS) {
    for (const [name, enter] of Object.entries(STATES)) {
      test(`no violations: ${name}, ${width} px`, async () => {
        const app = await env.openApp({ viewport: { width, height: 900 } });
        await enter(app.page);
        assert.deepEqual(await axeViolations(app.page), [], `axe-core violations (${name}, ${width} px)`);
        await app.check();
      });
    }
  }
});
