// End-to-end tests of the RELEASE build (dist/), served under the sub-path /calc/ by
// tests/e2e/serve.mjs, in headless Chromium driven by playwright-core: the default scenario,
// editing inputs, invalid input, the seed-train editor, currencies, the keyboard, and that
// nothing moves while the page loads.
// Language, print, accessibility and screenshots are in the other *.test.mjs files.
//
// Every test runs in a fresh browser context and ends with app.check(), which fails on any
// console error, page error, failed request, HTTP error, or request to another origin.
// Run: `make test`, or after `make dist`: node --test --test-reporter=spec tests/e2e/
//
// Expected numbers are worked by hand from the default scenario (src/model/scenario.rs and
// data/facility/suzhou-2026-11.json), never copied from the page:
//   harvest volume   V0 1350 L + feed 3.6 % × 1350 L × 11 days (534.6 L) + additions 91.95 L (base
//                    0.2 % × 1350 L on days 3-13, 29.7 L; glucose 0.5 % × 1350 L on days 5-13, 60.75 L;
//                    antifoam 0.5 L on days 3, 7, 11, 1.5 L) − samples 0.1 L × 14 (1.4 L) − evaporation
//                    0.1 % × 1350 L × 14 days (18.9 L) = 1956.25 L (peak 1957.7 L, under the 2 % headroom
//                    limit of 1960 L)
//   overall yield    0.93 × 0.93 × 0.97 × 0.95 × 0.92 × 0.97 × 0.96 = 0.6827977 (68.28 %)
//   drug substance   3 g/L × 1956.25 L × 0.6827977 = 4007.17 g -> "4,007 g"
//                    3.5 g/L -> 4675.03 g -> "4,675 g" (Protein A 4, AEX 2, CEX 3 cycles as at 3 g/L)
//                    5 g/L -> 6678.61 g -> "6,679 g"
//   cost per batch   $1,239,617.53 -> "$1,239,618" (crates/model/tests/cost.rs,
//                    default_batch_cost_worked_by_hand: version 4's $836,255.03, plus $187,000 of
//                    resin dedicated to the program (one set of each column over its 4 batches)
//                    and $93,600 of labour by shift (320 operator shifts against 86); x 1.4375
//                    = $403,362.50 more); direct cost $862,342.63;
//                    per gram 1,239,617.53 / 4007.17 = 309.35 -> "$309"
//   harvest date     kickoff Fri 15 Jan 2027; the first GMP thaw waits for the method transfer,
//                    238 days (crates/model/tests/program.rs): Fri 10 Sep 2027, moved to Sat 11 Sep
//                    off the Mid-Autumn closure (Wed 15 Sep, its day-5 transfer); + 17 seed-train
//                    days + 14 production days = Tue 12 Oct 2027
//                    one more 3-day seed stage: N on day 20, in National Day week from any thaw
//                    Sep 11 to Oct 7: thaw Fri 8 Oct, + 20 + 14 days = Thu 11 Nov 2027
//   total medium     seed train 193.8 L (221.5 L of stages − 27.7 L inocula) + basal 1181.25 L
//                    (1350 − 0.5 × 1350 / 4 = 168.75 L inoculum) + feed 534.6 L = 1909.67 L; + 10 % =
//                    2100.64 -> "2,101 L" (base, glucose and antifoam are not medium: priced as buffer)
//   currencies       CNY at 7.1: 1,239,617.53 × 7.1 = 8,801,284.5 -> "¥8,801,284"; at 7.0:
//                    8,677,322.7 -> "¥8,677,323"; EUR at 0.92: 1,239,617.53 × 0.92 = 1,140,448.1
//                    -> "€1,140,448"
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  LOCALES,
  PREFIX,
  ROOT,
  cellTexts,
  figure,
  moneyInResults,
  parseMoney,
  parseNumber,
  setupSuite,
  text,
  waitFor,
  waitForFigure,
  waitForText,
} from './support.mjs';

const env = setupSuite();

const TITER = '#f-production-titer_g_per_l';
const RESULT_SECTIONS = ['#fit', '#timeline', '#seed-train-results', '#production-results', '#volumes', '#downstream-results', '#cost', '#campaign'];
const HEADLINE = ['h-ds', 'h-batch-cost', 'h-per-gram', 'h-harvest', 'h-medium', 'h-fit'];

/** Cost per gram shown must be cost per batch shown ÷ drug substance shown, within rounding. */
async function assertPerGramConsistent(page) {
  const batch = parseMoney(await figure(page, 'h-batch-cost'));
  const perGram = parseMoney(await figure(page, 'h-per-gram'));
  const ds = parseNumber(await figure(page, 'h-ds'));
  assert.ok(batch && perGram && ds > 0, 'headline money and drug substance are readable');
  const expected = batch.value / ds;
  // Per gram is shown to whole units (>= 100) or cents; the inputs were rounded to 1 g / 1 unit.
  const tolerance = (perGram.decimals ? 0.005 : 0.5) + expected * (0.5 / ds + 0.5 / batch.value);
  assert.ok(
    Math.abs(perGram.value - expected) <= tolerance,
    `cost per gram ${perGram.value} should be ${batch.value} / ${ds} = ${expected.toFixed(3)} (± ${tolerance.toFixed(3)})`,
  );
  return { batch: batch.value, perGram: perGram.value, ds };
}

describe('Tech Transfer Calculator: default scenario, editing, currencies, keyboard', () => {
  test('default scenario renders every section with the hand-worked figures, under /calc/ with hashed assets', async () => {
    const app = await env.openApp();
    const { page } = app;

    assert.equal(await page.title(), 'Tech Transfer Calculator');
    assert.equal(await text(page, 'h1'), 'Tech Transfer Calculator');
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');

    // Every asset came from below the sub-path, so dist/ works wherever it is deployed, and the
    // JS and wasm have content hashes in their names (cacheable forever). The CSS is inlined in
    // index.html (no render-blocking request), so the page is styled before the app loads.
    const paths = app.requests.map((r) => new URL(r.url()).pathname);
    for (const p of paths) assert.ok(p.startsWith(PREFIX), `asset outside ${PREFIX}: ${p}`);
    const assets = paths.filter((p) => /\.(js|wasm|css)$/.test(p));
    assert.ok(assets.some((p) => p.endsWith('.wasm')), `no wasm request in ${paths.join(', ')}`);
    assert.ok(assets.some((p) => p.endsWith('.js')), `no js request in ${paths.join(', ')}`);
    assert.ok(!assets.some((p) => p.endsWith('.css')), `unexpected css request in ${paths.join(', ')}`);
    assert.ok((await page.locator('head style').count()) >= 1, 'no inlined <style> in the page head');
    // The web worker's loader is hashed by scripts/post-build.sh (name-<hash>_loader.js).
    for (const p of assets) assert.match(p, /-[0-9a-f]{8,16}(_bg|_loader)?\.(js|wasm|css)$/, `asset name not hashed: ${p}`);
    const wasm = app.requests.find((r) => r.url().endsWith('.wasm'));
    assert.equal((await wasm.response()).headers()['content-type'], 'application/wasm');

    // Every results section is rendered and visible, with its heading.
    for (const id of RESULT_SECTIONS) {
      assert.ok(await page.locator(id).isVisible(), `${id} is not visible`);
      assert.ok((await text(page, `${id} h2`))?.length > 0, `${id} has no heading`);
    }
    // Charts: the timeline gantt, the production run, volumes and cost bars, each titled.
    const charts = page.locator('section.results svg.chart');
    assert.ok((await charts.count()) >= 4, `expected 4+ SVG charts, got ${await charts.count()}`);
    for (const sel of ['#timeline svg.gantt', '#production-results svg.production', '#volumes svg.bars', '#cost svg.bars']) {
      assert.ok(await page.locator(sel).isVisible(), `${sel} is not visible`);
      assert.ok((await text(page, `${sel} > title`))?.length > 0, `${sel} has no <title>`);
      assert.ok((await page.locator(`${sel} rect, ${sel} path`).count()) > 0, `${sel} draws nothing`);
    }

    // Headline figures (hand-worked, see the top of this file).
    assert.equal(await figure(page, 'h-ds'), '4,007 g');
    assert.equal(await figure(page, 'h-batch-cost'), '$1,239,618');
    assert.equal(await figure(page, 'h-per-gram'), '$309');
    assert.equal(await figure(page, 'h-harvest'), 'Tue 12 Oct 2027');
    assert.equal(await figure(page, 'h-medium'), '2,101 L');
    // Facility fit: the worst status in the fit list.
    const worst = (await page.locator('#fit .fit-item.fit-fail').count())
      ? 'Fail'
      : (await page.locator('#fit .fit-item.fit-warning').count())
        ? 'Warning'
        : 'Pass';
    assert.equal(await figure(page, 'h-fit'), worst);
    assert.ok((await page.locator('#fit .fit-item').count()) > 0, 'the fit list is empty');
    await assertPerGramConsistent(page);
    // The tables agree with the headline.
    assert.ok((await cellTexts(page, '#ds-total')).includes('4,007'), `#ds-total: ${await cellTexts(page, '#ds-total')}`);
    assert.ok((await cellTexts(page, '#cost-total')).includes('$1,239,618'), `#cost-total: ${await cellTexts(page, '#cost-total')}`);

    // Every headline figure says how it was computed, with the actual numbers.
    for (const id of HEADLINE) {
      const how = page.locator(`#${id} details.how`);
      assert.equal(await how.count(), 1, `#${id} has no "How was this computed?"`);
      assert.equal(await text(page, `#${id} details.how summary`), 'How was this computed?');
      assert.equal(await page.locator(`#${id} details.how p`).isVisible(), false, `#${id} explanation open by default`);
      await page.locator(`#${id} details.how summary`).click();
      assert.ok(await page.locator(`#${id} details.how p`).isVisible(), `#${id} explanation does not open`);
    }
    assert.equal(
      await text(page, '#h-ds details.how p'),
      'Titer × harvest volume × product of step yields = 3.00 g/L × 1,956 L × 68.28 % = 4,007 g.',
    );
    assert.equal(
      await text(page, '#h-harvest details.how p'),
      'Vial thaw Sat 11 Sep 2027 + seed train 17 days + production 14 days = Tue 12 Oct 2027.',
    );
    assert.equal(
      await text(page, '#h-medium details.how p'),
      '194 L + 1,181 L + 535 L = 1,910 L; + 10.0 % preparation overage = 2,101 L.',
    );
    // Batch cost = direct × (1 + overhead) × (1 + margin), all from the explanation itself.
    const batchHow = await text(page, '#h-batch-cost details.how p');
    const m = /^Direct costs (\$[\d,]+) \+ overhead ([\d.]+) % \+ CDMO margin ([\d.]+) % on cost = (\$[\d,]+)\./.exec(batchHow);
    assert.ok(m, `unexpected batch-cost explanation: ${batchHow}`);
    const direct = parseMoney(m[1]).value;
    assert.deepEqual([Number(m[2]), Number(m[3]), m[4]], [15, 25, '$1,239,618']);
    assert.ok(Math.abs(direct * 1.15 * 1.25 - 1_239_617.53) <= 0.5 * 1.4375 + 0.5, `direct ${direct} × 1.15 × 1.25 ≠ 1,239,618`);

    // The cost lines add up to the cost per batch (each line rounded to a whole dollar).
    const amounts = await page.locator('table.cost-lines tbody tr').evaluateAll((rows) =>
      rows.map((r) => r.querySelectorAll('th, td')[4].textContent.trim()),
    );
    assert.ok(amounts.length >= 10, `expected the cost lines, got ${amounts.length}`);
    const sum = amounts.map((a) => parseMoney(a)?.value ?? NaN).reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(sum - 1_239_617.53) <= 0.5 * amounts.length + 0.5, `cost lines sum to ${sum}, not 1,239,618`);

    // The seed-train editor and results show the six default stages.
    assert.equal(await page.locator('#sec-seed-train .stage').count(), 6);
    assert.equal(await page.locator('#seed-train-results tbody tr').count(), 6);
    assert.equal(await page.locator('.stale-banner').count(), 0, 'stale banner shown for valid defaults');

    await app.check();
  });

  test('typing a titer updates drug substance and cost per gram to the hand-worked values', async () => {
    const app = await env.openApp();
    const { page } = app;
    const titer = page.locator(TITER);
    assert.equal(await titer.inputValue(), '3');
    assert.equal(await page.locator(`.field:has(${TITER}) .reset`).isDisabled(), true, 'reset enabled on a default value');

    // 3.5 g/L: same column cycles as at 3 g/L; DS = 3.5 × 1956.25 × 0.6827977 = 4675.0 g.
    await titer.fill('3.5');
    await waitForFigure(page, 'h-ds', '4,675 g');
    await waitFor(() => cellTexts(page, '#ds-total'), (cells) => cells.includes('4,675'), '#ds-total cells');
    assert.equal(await titer.getAttribute('aria-invalid'), 'false');
    assert.equal(await page.locator('.stale-banner').count(), 0);
    const at35 = await assertPerGramConsistent(page);
    // Only mass-proportional consumables (buffers, filter areas) grow at equal cycle counts:
    // the batch costs a little more, each gram clearly less (was $309).
    assert.ok(at35.batch > 1_239_618 && at35.batch < 1_239_618 * 1.02, `cost per batch ${at35.batch} at 3.5 g/L`);
    assert.ok(at35.perGram < 309 && at35.perGram > 240, `cost per gram ${at35.perGram} at 3.5 g/L`);
    assert.ok((await cellTexts(page, '#cost-total')).includes(await figure(page, 'h-batch-cost')), '#cost-total ≠ headline');
    // The field is marked as changed from the default, and can be reset.
    assert.ok(await page.locator(`.field.changed:has(${TITER})`).count(), 'field not marked as changed');

    // 5 g/L: DS = 5 × 1956.25 × 0.6827977 = 6678.6 g (Protein A needs 6 cycles: cost rises more).
    await titer.fill('5');
    await waitForFigure(page, 'h-ds', '6,679 g');
    const at5 = await assertPerGramConsistent(page);
    assert.ok(at5.batch > at35.batch, `cost per batch at 5 g/L (${at5.batch}) not above 3.5 g/L (${at35.batch})`);
    assert.match(await text(page, '#h-ds details.how p'), /= 5\.00 g\/L × 1,956 L × 68\.28 % = 6,679 g\.$/);

    // Reset restores the default value and figures.
    await page.locator(`.field:has(${TITER}) .reset`).click();
    await waitForFigure(page, 'h-ds', '4,007 g');
    assert.equal(await titer.inputValue(), '3');
    assert.equal(await figure(page, 'h-per-gram'), '$309');
    assert.equal(await figure(page, 'h-batch-cost'), '$1,239,618');

    await app.check();
  });

  test('invalid titer: message, aria-invalid, text kept, stale banner, last valid figures kept', async () => {
    const app = await env.openApp();
    const { page } = app;
    const titer = page.locator(TITER);
    const err = `${TITER}-err`;

    // The hint, the error and any facility-fit note are what the field is described by.
    assert.equal(
      await titer.getAttribute('aria-describedby'),
      'f-production-titer_g_per_l-hint f-production-titer_g_per_l-err f-production-titer_g_per_l-fit',
    );
    assert.equal(await page.locator('#f-production-titer_g_per_l-hint').count(), 1);
    assert.equal(await page.locator(err).count(), 1);
    assert.equal(await titer.getAttribute('aria-invalid'), 'false');
    assert.equal(await text(page, err), '');

    for (const [typed, message] of [
      ['abc', 'Enter a number, e.g. 3.5'],
      ['500', '500 is outside the allowed range 0.01 to 100.'],
    ]) {
      await titer.fill(typed);
      await waitForText(page, err, message);
      assert.equal(await titer.getAttribute('aria-invalid'), 'true', `aria-invalid for "${typed}"`);
      assert.equal(await titer.inputValue(), typed, `typed text "${typed}" not kept`);
      await titer.blur();
      assert.equal(await titer.inputValue(), typed, `typed text "${typed}" not kept after leaving the field`);
      assert.ok(await page.locator('.stale-banner').isVisible(), `no stale banner for "${typed}"`);
      assert.equal(
        await text(page, '.stale-banner'),
        'Some inputs are invalid: the results below are from the last valid inputs. Fix the highlighted fields to update them. Go to the first invalid input',
      );
      // The results keep the last valid numbers (the defaults).
      assert.equal(await figure(page, 'h-ds'), '4,007 g');
      assert.equal(await figure(page, 'h-batch-cost'), '$1,239,618');
      assert.equal(await figure(page, 'h-harvest'), 'Tue 12 Oct 2027');
      assert.ok(await page.locator('section.results.stale').count(), 'results not marked stale');
    }

    // Fixing the value clears the error and the banner and updates the results.
    await titer.fill('3.5');
    await waitForFigure(page, 'h-ds', '4,675 g');
    await waitFor(() => page.locator('.stale-banner').count(), 0, 'stale banner count');
    assert.equal(await titer.getAttribute('aria-invalid'), 'false');
    assert.equal(await text(page, err), '');

    await app.check();
  });

  test('seed-train editor: adding a stage moves harvest to Thu 11 Nov 2027, removing it restores Tue 12 Oct 2027', async () => {
    const app = await env.openApp();
    const { page } = app;
    const stages = page.locator('#sec-seed-train .stage');
    const add = page.locator('#sec-seed-train .stage-actions button').nth(1);
    assert.equal(await stages.count(), 6);
    assert.deepEqual(
      { text: (await add.textContent()).trim(), disabled: await add.isDisabled() },
      { text: 'Add stage', disabled: false },
      'the "Add stage" button (2nd in .stage-actions)',
    );

    // The new stage is a copy of N-1: 3 more seed-train days, and the thaw moves off National
    // Day week (see the top of this file).
    await add.click();
    await waitFor(() => stages.count(), 7, 'number of stages');
    await waitForFigure(page, 'h-harvest', 'Thu 11 Nov 2027');
    await waitFor(() => page.locator('#seed-train-results tbody tr').count(), 7, 'seed-train result rows');
    assert.equal(
      await text(page, '#h-harvest details.how p'),
      'Vial thaw Fri 8 Oct 2027 + seed train 20 days + production 14 days = Thu 11 Nov 2027.',
    );

    // Remove the added (last) stage.
    await stages.nth(6).locator('.stage-buttons button').nth(2).click();
    await waitFor(() => stages.count(), 6, 'number of stages');
    await waitForFigure(page, 'h-harvest', 'Tue 12 Oct 2027');
    assert.equal(await figure(page, 'h-ds'), '4,007 g');

    await app.check();
  });

  test('removing the last seed stage or feed with the keyboard leaves the focus on its list\'s "Add" button', async () => {
    const app = await env.openApp();
    const { page } = app;
    const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.getAttribute('aria-label'));
    const stages = page.locator('#sec-seed-train .stage');
    await waitFor(() => stages.count(), 6, 'number of stages');
    // The last stage's buttons go with it: the focus moves to "Add stage", not to the page's start.
    await page.getByRole('button', { name: 'Remove stage 6' }).focus();
    await page.keyboard.press('Enter');
    await waitFor(() => stages.count(), 5, 'number of stages after removing the last');
    assert.equal(await focused(), 'add-stage');
    // A stage before the last keeps its place: the next stage moves up into it, and the focus stays.
    await page.getByRole('button', { name: 'Remove stage 2' }).focus();
    await page.keyboard.press('Enter');
    await waitFor(() => stages.count(), 4, 'number of stages after removing stage 2');
    assert.equal(await focused(), 'Remove stage 2');
    const feeds = page.locator('#sec-production .remove-feed');
    const n = await feeds.count();
    assert.ok(n >= 1, 'the default scenario has a feed');
    await feeds.nth(n - 1).focus();
    await page.keyboard.press('Enter');
    await waitFor(() => feeds.count(), n - 1, 'number of feeds after removing the last');
    assert.equal(await focused(), 'add-feed');
    await app.check();
  });

  test('a link with a value out of range says so in one banner, and its button goes to the field', async () => {
    const app = await env.openApp();
    const { page } = app;
    // The seed medium's price at -1 (rate 0), checksum correct: the link opens, the value is refused.
    await page.goto(`${env.server.url}#v5&p=suzhou-2026-12b&r=0:-1&c=7e96c4b5`);
    await page.reload();
    const field = '#f-rate_overrides-seed_medium_per_l';
    await waitForText(page, `${field}-err`, '-1 is outside the allowed range 0 to 100,000,000.');
    // No results yet, so no banner about "the results below" (it was shown beside this one).
    assert.equal(await page.locator('.stale-banner').count(), 1, 'one banner');
    assert.equal(await text(page, '.stale-banner'), 'No result yet: fix the highlighted inputs. Go to the first invalid input');
    assert.equal(await page.locator('#h-ds').count(), 0, 'no figures');
    await page.getByRole('button', { name: 'Go to the first invalid input' }).click();
    await waitFor(() => page.evaluate(() => document.activeElement?.id), field.slice(1), 'the focus');
    // Mended where the focus is, the scenario has its result.
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('2');
    await waitFor(() => page.locator('.stale-banner').count(), 0, 'banners after mending');
    assert.ok(await figure(page, 'h-ds'), 'the drug substance figure');
    await app.check();
  });

  test('seed-train editor: each stage has labelled up/down/remove buttons, enabled where they can act', async () => {
    const app = await env.openApp();
    const { page } = app;
    const buttons = await page.locator('#sec-seed-train .stage .stage-buttons').evaluateAll((groups) =>
      groups.map((g) =>
        [...g.querySelectorAll('button')].map((b) => ({ name: b.getAttribute('aria-label') ?? b.textContent.trim(), disabled: b.disabled })),
      ),
    );
    const expected = [1, 2, 3, 4, 5, 6].map((n) => [
      { name: `Move stage ${n} up`, disabled: n === 1 },
      { name: `Move stage ${n} down`, disabled: n === 6 },
      { name: `Remove stage ${n}`, disabled: false },
    ]);
    assert.deepEqual(buttons, expected);

    // Moving stage 1 down and back up leaves the train (and the harvest date) as it was.
    const vessel = (i) => page.locator(`#f-seed_train-${i}-vessel_id`).inputValue();
    const [v0, v1] = [await vessel(0), await vessel(1)];
    await page.getByRole('button', { name: 'Move stage 1 down' }).click();
    await waitFor(() => vessel(0), v1, 'stage 1 vessel after moving down');
    assert.equal(await vessel(1), v0);
    await page.getByRole('button', { name: 'Move stage 2 up' }).click();
    await waitFor(() => vessel(0), v0, 'stage 1 vessel after moving back');
    await waitForFigure(page, 'h-harvest', 'Tue 12 Oct 2027');

    await app.check();
  });

  test('currency: every money figure changes by the rate shown, and by a rate typed in', async () => {
    const app = await env.openApp();
    const { page } = app;
    const usd = await moneyInResults(page);
    assert.ok(usd.length >= 20, `expected many money amounts in the results, got ${usd.length}`);
    assert.ok(usd.every((s) => s.includes('$')), `non-USD amounts by default: ${usd.filter((s) => !s.includes('$'))}`);
    assert.equal(await page.locator('#currency').inputValue(), 'USD');

    /** Every amount now shown must be the USD amount × rate, within the rounding of both. */
    const assertConverted = async (symbol, rate) => {
      const now = await moneyInResults(page);
      assert.equal(now.length, usd.length, 'the number of money amounts changed with the currency');
      const bad = [];
      usd.forEach((u, i) => {
        const a = parseMoney(u);
        const b = parseMoney(now[i]);
        const half = (m) => (m.decimals ? 0.005 : 0.5);
        if (!b || b.symbol !== symbol || Math.abs(b.value - a.value * rate) > half(a) * rate + half(b) + 1e-9) {
          bad.push(`${u} × ${rate} → ${now[i]}`);
        }
      });
      assert.deepEqual(bad, [], `amounts not converted at ${rate} ${symbol}`);
    };

    // CNY at the rate in #rate-cny (default 7.1).
    const cnyRate = Number(await page.locator('#rate-cny').inputValue());
    assert.equal(cnyRate, 7.1, 'default CNY per USD');
    await page.locator('#currency').selectOption('CNY');
    await waitForFigure(page, 'h-batch-cost', '¥8,801,284');
    assert.ok((await cellTexts(page, '#cost-total')).includes('¥8,801,284'), `#cost-total: ${await cellTexts(page, '#cost-total')}`);
    assert.equal(await figure(page, 'h-per-gram'), '¥2,196'); // 309.35 × 7.1 = 2196.4
    await assertConverted('¥', cnyRate);

    // A rate typed in (applied when the field is left).
    await page.locator('#rate-cny').fill('7.0');
    await page.locator('#rate-cny').press('Tab');
    await waitForFigure(page, 'h-batch-cost', '¥8,677,323'); // 1,239,617.53 × 7.0 = 8,677,322.7
    assert.ok((await cellTexts(page, '#cost-total')).includes('¥8,677,323'), `#cost-total: ${await cellTexts(page, '#cost-total')}`);
    assert.equal(await figure(page, 'h-per-gram'), '¥2,165'); // 309.35 × 7.0 = 2165.4
    await assertConverted('¥', 7.0);

    // EUR at the rate in #rate-eur (default 0.92).
    assert.equal(Number(await page.locator('#rate-eur').inputValue()), 0.92, 'default EUR per USD');
    await page.locator('#currency').selectOption('EUR');
    await waitForFigure(page, 'h-batch-cost', '€1,140,448');
    assert.ok((await cellTexts(page, '#cost-total')).includes('€1,140,448'), `#cost-total: ${await cellTexts(page, '#cost-total')}`);
    assert.equal(await figure(page, 'h-per-gram'), '€285'); // 309.35 × 0.92 = 284.6
    await assertConverted('€', 0.92);

    // The currency is remembered across a reload.
    assert.equal(await page.evaluate(() => localStorage.getItem('ttc.currency')), 'EUR');
    await app.reload();
    assert.equal(await page.locator('#currency').inputValue(), 'EUR');
    assert.equal(await figure(page, 'h-batch-cost'), '€1,140,448');

    // Back to USD: the original amounts.
    await page.locator('#currency').selectOption('USD');
    await waitForFigure(page, 'h-batch-cost', '$1,239,618');
    assert.deepEqual(await moneyInResults(page), usd);

    await app.check();
  });

  test('an exchange rate that is no usable number: a message next to it, the text kept, the prices as they were', async () => {
    const app = await env.openApp();
    const { page } = app;
    await page.locator('#currency').selectOption('CNY');
    await waitForFigure(page, 'h-batch-cost', '¥8,801,284'); // 1,239,617.53 × 7.1
    const rate = page.locator('#rate-cny');
    const message = () => text(page, '#rate-cny-err');
    for (const [typed, said] of [
      ['abc', 'Enter a number, e.g. 3.5'],
      ['-7', '-7 is outside the allowed range 0.0001 to 1,000,000.'],
      ['0', '0 is outside the allowed range 0.0001 to 1,000,000.'],
    ]) {
      await rate.fill(typed);
      await rate.press('Tab');
      await waitFor(message, said, `the message for ${typed}`);
      assert.equal(await rate.getAttribute('aria-invalid'), 'true');
      assert.equal(await rate.inputValue(), typed, 'the text typed was lost');
      assert.equal(await figure(page, 'h-batch-cost'), '¥8,801,284', `a price changed with ${typed}`);
    }
    // In Chinese too; then a usable rate clears it and is applied.
    await page.locator('#lang-switch').click();
    await waitFor(message, '0 超出允许范围 0.0001 至 1,000,000。', 'the message in Chinese');
    await rate.fill('7.0');
    await rate.press('Tab');
    await waitForFigure(page, 'h-batch-cost', '¥8,677,323'); // 1,239,617.53 × 7.0
    await waitFor(message, '', 'the message gone');
    assert.equal(await rate.getAttribute('aria-invalid'), 'false');
    await app.check();
  });

  test('nothing on screen moves while the page loads, on a phone and on desktops, in English and Chinese (layout shift)', async () => {
    // Before the fix, 0.016 on a phone (the loading line's margin, let out through #app), 0.043
    // on a desktop (the footer pushed down on screen by the form and the results), and in
    // Chinese 0.049 (the shell's English lead replaced by the shorter Chinese one). On a desktop
    // 1600 px tall, 0.03 when the plan was drawn (first at a section's reserved size, then at
    // its own), and in Chinese in its place reserved at the English plan's height.
    const html = readFileSync(join(ROOT, 'index.html'), 'utf8');
    for (const key of ['app_title', 'app_lead']) {
      assert.ok(html.includes(`'${LOCALES.zh[key]}'`), `index.html's shell does not have zh.json's ${key}`);
    }
    const moved = [];
    const viewports = [{ width: 412, height: 823 }, { width: 1280, height: 900 }, { width: 1440, height: 1600 }];
    const locales = ['en-US', 'zh-CN'];
    // And a scenario outside the clinical phase, whose plan has a row more (0.007 before its
    // place kept that row).
    const ppq = JSON.parse(readFileSync(join(ROOT, 'tests', 'corpus', 'links-v5.json'), 'utf8'))
      .find((c) => c.scenario_file === 'v5-ppq.json').link;
    const loads = [
      ...viewports.flatMap((viewport) => locales.map((locale) => ({ viewport, locale }))),
      ...locales.map((locale) => ({ viewport: { width: 1440, height: 1600 }, locale, link: ppq })),
    ];
    for (const { viewport, locale, link } of loads) {
      const app = await env.openApp({ viewport, locale });
      if (link) {
        await app.page.goto('about:blank');
        await app.page.goto(`${env.server.url}#${link}`, { waitUntil: 'load' });
        await app.ready();
      }
      assert.equal(await app.page.locator('html').getAttribute('lang'), locale === 'zh-CN' ? 'zh-CN' : 'en');
      // Layout shifts are kept for a late observer (buffered); after input they do not count.
      const shifts = await app.page.evaluate(
        () =>
          new Promise((resolve) => {
            const seen = [];
            new PerformanceObserver((list) => seen.push(...list.getEntries())).observe({ type: 'layout-shift', buffered: true });
            setTimeout(() => resolve(seen.filter((e) => !e.hadRecentInput).map((e) => ({
              value: e.value,
              moved: e.sources.map((s) => `${s.node?.id || s.node?.className || s.node?.nodeName} from y ${s.previousRect.y} to ${s.currentRect.y}`),
            }))), 300);
          }),
      );
      const total = shifts.reduce((sum, s) => sum + s.value, 0);
      if (total >= 0.001) moved.push(`at ${viewport.width}×${viewport.height} in ${locale}${link ? ', a PPQ link' : ''}, layout shift ${total.toFixed(4)}: ${JSON.stringify(shifts)}`);
      await app.check();
    }
    assert.deepEqual(moved, [], 'the page moved while loading');
  });

  test('on a phone the form\'s last sections wait until the form nears the screen; Tab from its first section still goes on into the plan', async () => {
    const app = await env.openApp({ viewport: { width: 412, height: 823 }, formNear: false });
    const { page } = app;
    // The detailed sections are drawn (ready) and the form is far below them: the deferred
    // module has not drawn its form sections.
    await page.waitForTimeout(500);
    assert.equal(await page.locator('#sec-plan, #sec-downstream, #sec-rates').count(), 0, 'form sections drawn while far off screen');
    // A keyboard user: Tab from the toolbar into the form, then on without pausing.
    const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
    const order = [];
    for (let i = 0; i < 40 && !order.includes('f-plan-anchor'); i++) {
      await page.keyboard.press('Tab');
      order.push(await focused());
    }
    const program = order.filter((id) => id.startsWith('f-program-'));
    assert.ok(program.length >= 3, `Tab never went through the program section: ${order.join(' → ')}`);
    assert.ok(order.includes('f-name') && order.indexOf('f-name') < order.indexOf(program[0]), `the form was not entered at its first field: ${order.join(' → ')}`);
    // The plan's first field is the very next stop after the program section's last field.
    assert.equal(order.at(-1), 'f-plan-anchor', `Tab never reached the plan: ${order.join(' → ')}`);
    assert.ok(order.at(-2).startsWith('f-program-'), `between the program section and the plan Tab stopped at ${order.at(-2)}`);
    await waitFor(() => page.locator('#sec-rates').count(), 1, 'the rate card drawn once the form is on screen');
    await app.check();
  });

  test('keyboard: Tab reaches the language switch and the first form field; Enter switches language', async () => {
    const app = await env.openApp();
    const { page } = app;
    const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
    const firstField = await page.locator('.col-inputs').locator('input, select, textarea').first().getAttribute('id');
    assert.equal(firstField, 'f-name');

    const order = [];
    for (let i = 0; i < 30 && !order.includes(firstField); i++) {
      await page.keyboard.press('Tab');
      order.push(await focused());
    }
    assert.equal(order[0], 'lang-switch', `first Tab stop is ${order[0]}`);
    assert.ok(order.includes(firstField), `Tab never reached #${firstField}: ${order.join(' → ')}`);
    // Between them only the toolbar's controls and the share panel's (closed) heading, each
    // visible when focused.
    const between = order.slice(1, -1);
    for (const id of between) {
      const control = id === 'SUMMARY' ? page.locator('#share > summary') : page.locator(`.toolbar #${id}`);
      assert.ok(await control.isVisible(), `Tab stop #${id} before the form is not a visible header control`);
    }
    assert.ok(between.includes('SUMMARY'), `the share panel is not reachable by Tab: ${between.join(' → ')}`);

    // Back to the language switch with Shift+Tab, then Enter.
    for (let i = 0; i < order.length - 1; i++) await page.keyboard.press('Shift+Tab');
    assert.equal(await focused(), 'lang-switch');
    await page.keyboard.press('Enter');
    await waitFor(() => page.locator('html').getAttribute('lang'), 'zh-CN', '<html lang>');
    await waitForText(page, 'h1', '技术转移计算器');
    await waitForFigure(page, 'h-harvest', '2027年10月12日 周二');
    assert.equal(await focused(), 'lang-switch', 'focus lost after switching language');
    // Space, the other key that activates a button, switches back.
    await page.keyboard.press('Space');
    await waitForText(page, 'h1', 'Tech Transfer Calculator');
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');

    await app.check();
  });
});
