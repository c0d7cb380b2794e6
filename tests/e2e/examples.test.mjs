// Published examples (src/deferred/examples.rs, crates/model/src/examples.rs) in the RELEASE
// build: listed under the share panel with their sources, opened into the page with a way
// back, in English and Chinese.
//
// Every test runs in a fresh browser context and ends with app.check(), which fails on any
// console error, page error, failed request, HTTP error, or request to another origin.
// Run: `make test`, or after `make dist`: node --test --test-reporter=spec tests/e2e/examples.test.mjs
//
// Expected values come from the publications the examples cite, worked by hand:
//   perfusion N-1    Stepper et al. 2020: a perfusion pre-stage up to 45 x 10^6 cells/mL; here
//                    seeded at 2.5 with a 24 h doubling time: 2.5 x 2^4 = 40 on day 4 (the N-1,
//                    the seventh stage); its cell-specific perfusion rate at the end, 1.6 VVD /
//                    (40 x 10^9 cells/L) = 40 pL/cell/day. Xu et al. 2020, Process C: N seeded
//                    at 10-20 x 10^6 cells/mL (10 here).
//   enriched N-1     Yongky et al. 2019: an enriched batch N-1 ends at 22-34 x 10^6 cells/mL;
//                    seeded at 2: 16 on day 3, 2 x 2^4 = 32 on day 4 (the sixth stage).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFERRED, LOCALES, axeViolations, figure, setupSuite, switchLanguage, text, waitFor, waitForText } from './support.mjs';

const env = setupSuite();

const ZH = LOCALES.zh;
const PANEL_NOTICE = '.panel-notices .notice p';
const PERFUSION_NAME = 'Intensified fed-batch, perfusion N-1 (Xu et al. 2020, Process C)';

/** The cells of a seed-train result row: stage, vessel, volume, days, dates, seeded, final. */
const seedRow = (page, n) =>
  page.locator(`#seed-train-results tbody tr:nth-child(${n})`).evaluate((tr) => [...tr.cells].map((c) => c.textContent.trim()));

async function openExamples(page) {
  await page.locator(DEFERRED[1]).waitFor();
  await page.locator('#examples > summary').click();
  await page.locator('#examples .example').first().waitFor({ state: 'visible' });
}

describe('Published examples', () => {
  test('each example lists its sources; opening one shows its published figures and says where they come from; "Go back" returns', async () => {
    const app = await env.openApp();
    const { page } = app;
    const defaultDs = await figure(page, 'h-ds');
    await openExamples(page);
    assert.equal(await page.locator('#examples .example').count(), 3);
    for (const example of await page.locator('#examples .example').all()) {
      const links = await example.locator('.citations a').evaluateAll((as) => as.map((a) => a.href));
      assert.ok(links.length >= 1, 'a citation');
      for (const href of links) assert.match(href, /^https:\/\/(doi\.org|pmc\.ncbi\.nlm\.nih\.gov)\//);
    }

    await page.locator('#open-example-perfusion-n1').click();
    const said = await waitForText(page, PANEL_NOTICE, /^Opened the published example/);
    assert.match(said, /^Opened the published example “Intensified fed-batch, perfusion N-1 \(Xu et al\. 2020, Process C\)”\. Sources: Xu J, .*Stepper L, /);
    await waitFor(() => page.locator('#f-name').inputValue(), PERFUSION_NAME, 'scenario name');
    await waitFor(() => page.locator('#seed-train-results tbody tr').count(), 7, 'seed-train rows');
    const n1 = await seedRow(page, 7);
    assert.deepEqual([n1[3], n1[5], n1[6]], ['4', '2.50', '40.0'], `N-1: ${n1}`);
    assert.match(n1.at(-1), /CSPR at the end = 40(\.0)? pL\/cell\/day/, 'CSPR at the end of the perfused N-1');
    assert.notEqual(await figure(page, 'h-ds'), defaultDs);

    // The page keeps the scenario it replaced.
    await page.locator('#go-back').click();
    await waitFor(() => figure(page, 'h-ds'), defaultDs, 'the default again');
    await app.check();
  });

  test('the enriched N-1 example passages within its published window', async () => {
    const app = await env.openApp();
    const { page } = app;
    await openExamples(page);
    await page.locator('#open-example-enriched-n1').click();
    await waitForText(page, PANEL_NOTICE, /^Opened the published example “Intensified fed-batch, enriched batch N-1 \(Yongky et al\. 2019\)”/);
    await waitFor(async () => (await seedRow(page, 6))[6], '32.0', 'N-1 final density');
    assert.equal((await seedRow(page, 6))[3], '4');
    await app.check();
  });

  test('in Chinese the list, its button and the opened scenario are Chinese; the citations stay as published', async () => {
    const app = await env.openApp();
    const { page } = app;
    await switchLanguage(page, 'zh');
    await openExamples(page);
    assert.equal(await text(page, '#examples > summary'), ZH.examples_title);
    assert.equal(await text(page, '#open-example-platform-fed-batch'), ZH.btn_open_example);
    assert.equal(await page.locator('#examples .citations[lang="en"]').count(), 3);
    await page.locator('#open-example-platform-fed-batch').click();
    await waitFor(() => page.locator('#f-name').inputValue(), '平台补料分批工艺（Xu 等 2020，工艺 A）', 'scenario name');
    assert.match(await text(page, PANEL_NOTICE), /^已打开已发表工艺示例“平台补料分批工艺（Xu 等 2020，工艺 A）”。来源：Xu J, /);
    await app.check();
  });

  test('no accessibility violations with the examples open, at phone and desktop widths', async () => {
    for (const width of [375, 1280]) {
      const app = await env.openApp({ viewport: { width, height: 900 } });
      const { page } = app;
      await openExamples(page);
      assert.deepEqual(await axeViolations(page), [], `${width} px`);
      await app.check();
    }
  });
});
