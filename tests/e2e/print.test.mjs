// Print: the one-page summary. In print media the form and the long tables are hidden, the
// print header (scenario, product, kickoff or first thaw, key assumptions, currency) appears,
// and the headline (with the program's first release and price), the program (a small Gantt
// and the milestones) and the batch cost chart stay; the printout is exactly one page on A4
// and on Letter.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, emulatePrint, pdfPageCount, screenshotPath, setupSuite, text, waitForFigure } from './support.mjs';

const env = setupSuite();

describe('Print summary', () => {
  test('print media hides the form, shows the print header, keeps the headline and the program', async () => {
    const app = await env.openApp();
    const { page } = app;
    assert.equal(await page.locator('.print-header').isVisible(), false, 'print header shown on screen');
    assert.ok(await page.locator('.col-inputs').isVisible());

    await emulatePrint(page);
    assert.equal(await page.locator('.col-inputs').isVisible(), false, 'the form (.col-inputs) is printed');
    assert.equal(await page.locator('.toolbar').isVisible(), false, 'the toolbar is printed');
    // Its header (emulatePrint has waited for it) shows only in print.
    await page.emulateMedia({ media: 'screen' });
    assert.equal(await page.locator('.print-header').isVisible(), false, 'print header shown on screen');
    await page.emulateMedia({ media: 'print' });
    assert.ok(await page.locator('.print-only.print-header').isVisible(), '.print-header not visible in print');
    assert.equal(await text(page, '.print-header h2'), 'Typical CHO mAb fed-batch, 2000 L');
    assert.equal(
      (await page.locator('.print-header p').allTextContents()).map((t) => t.trim()).slice(0, 2).join(' | '),
      'mAb-001 · kickoff Fri 15 Jan 2027 | Key assumptions: all inputs are the published or illustrative defaults.',
    );
    assert.ok(await page.locator('.headline').isVisible(), 'headline not printed');
    for (const id of ['h-ds', 'h-batch-cost', 'h-per-gram', 'h-harvest', 'h-first-release', 'h-program', 'h-medium', 'h-fit']) {
      assert.ok(await page.locator(`#${id} .figure-value`).isVisible(), `#${id} not printed`);
    }
    // The program: its Gantt chart and milestones; its steps table stays on screen.
    assert.ok(await page.locator('#program svg.program').isVisible(), 'program chart not printed');
    assert.ok(await page.locator('#ms-first-release').isVisible(), 'milestones not printed');
    assert.equal(await page.locator('#program table.steps').isVisible(), false, 'steps table printed');
    // Its price is in the headline; its lines stay on screen.
    assert.equal(await page.locator('#program-cost').isVisible(), false, 'program cost lines printed');
    assert.equal(await page.locator('#timeline').isVisible(), false, 'the batch timeline printed');
    assert.equal(await page.locator('details.how').first().isVisible(), false, '"how" explanations printed');

    // A changed input is listed as the client's in the key assumptions.
    await page.emulateMedia({ media: 'screen' });
    await page.locator('#f-production-titer_g_per_l').fill('3.5');
    await waitForFigure(page, 'h-ds', '4,675 g');
    await emulatePrint(page);
    assert.equal(
      (await page.locator('.print-header p').nth(1).textContent()).trim(),
      'Key assumptions: entered by the client: Production bioreactor (N). Everything else is a published or illustrative default.',
    );
    await app.check();
  });

  test('opened from a link on a phone and printed at once, the header is of that scenario', async () => {
    // Nothing of the form drawn by the deferred module yet (the form is far below the results):
    // the print header is the first to need the scenario, drawn within `beforeprint`, which a
    // script's window.print() (the Print button) fires while script runs, before any effect.
    const entry = JSON.parse(readFileSync(join(ROOT, 'tests', 'corpus', 'links-v5.json'), 'utf8'))
      .find((c) => c.scenario_file === 'v5-ppq.json');
    const app = await env.openApp({ viewport: { width: 375, height: 900 }, formNear: false });
    const { page } = app;
    await page.goto('about:blank');
    await page.goto(`${env.server.url}#${entry.link}`, { waitUntil: 'load' });
    await app.ready();
    assert.equal(await page.locator('#sec-plan').count(), 0, 'the plan was drawn: the form was near');
    const printed = await page.evaluate(() => {
      dispatchEvent(new Event('beforeprint'));
      return document.querySelector('.print-header h2')?.textContent;
    });
    assert.equal(printed, 'PPQ then commercial, 2 lines');
    await app.check();
  });

  test('printed from a phone (375 px window): the tables are not drawn as cards, still one A4 page', async () => {
    const app = await env.openApp({ viewport: { width: 375, height: 900 } });
    const { page } = app;
    const rowDisplay = () => page.locator('#seed-train-results tbody tr').first().evaluate((tr) => getComputedStyle(tr).display);
    assert.notEqual(await rowDisplay(), 'table-row', 'on a phone screen the result rows are cards');
    await emulatePrint(page);
    assert.equal(await rowDisplay(), 'table-row', 'the phone cards (style/results.css) apply to print');
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    writeFileSync(screenshotPath('print-A4-from-375.pdf'), pdf);
    assert.equal(pdfPageCount(pdf), 1, `printout from a phone has ${pdfPageCount(pdf)} pages (saved as tests/e2e/screenshots/print-A4-from-375.pdf)`);
    await app.check();
  });

  for (const format of ['A4', 'Letter']) {
    test(`the printed summary is one ${format} page`, async () => {
      const app = await env.openApp();
      const { page } = app;
      await emulatePrint(page);
      const pdf = await page.pdf({ format, printBackground: true, preferCSSPageSize: true });
      writeFileSync(screenshotPath(`print-${format}.pdf`), pdf);
      assert.equal(pdfPageCount(pdf), 1, `${format} printout has ${pdfPageCount(pdf)} pages (saved as tests/e2e/screenshots/print-${format}.pdf)`);
      await app.check();
    });
  }
});
