// The program from kickoff, in the RELEASE build (dist/): the Gantt chart and its milestones,
// a kickoff date moving them, production lines moving capacity and dates, and "kilograms by a
// date" answered, or said impossible.
//
// Expected values are worked by hand (the model's own hand-worked tests are in
// crates/model/tests/program.rs):
//   a batch          operations on days 0 (thaw), 2, 5, 8, 11, 14 (transfers), 17
//                     (inoculation) and 31 (harvest); release 74 days after the thaw
//                     (max(31 + 28, 37 + 30) + 7); the line is busy 14 + 3 = 17 days.
//   default program   kickoff Fri 15 Jan 2027; the method transfer (day 28 to 238) sets the
//                     first GMP thaw: day 238 = Fri 10 Sep 2027, but its day-5 transfer would
//                     fall on the Mid-Autumn closure (Wed 15 Sep, illustrative calendar): thaw
//                     Sat 11 Sep (day 239); first release Wed 24 Nov 2027 (day 313). One line,
//                     a batch every 22 days: batch 2 would thaw Sun 3 Oct, in National Day week
//                     (Oct 1-7), so it waits 5 days (Fri 8 Oct); batch 3 thaws Sat 30 Oct: last
//                     release Wed 12 Jan 2028 (day 362). Critical path: the review, the method
//                     transfer, the campaign. Price: fees $610,000 + engineering run
//                     $1,074,305.03 + 3 × $1,239,617.53 = $5,403,157.64 -> "$5,403,158"
//                     (crates/model/tests/program.rs; version 4's $670,942.53 and $836,255.03,
//                     each + $403,362.50 for dedicated resin and labour by shift).
//   kickoff 1 Mar 2027 45 days later, no closure in the way: first thaw day 238 = Mon 25 Oct
//                     2027, first release + 74 days = Fri 7 Jan 2028; batches every 22 days,
//                     thawed Oct 25, Nov 16, Dec 8 (harvest Jan 8, before Spring Festival 2028
//                     on Jan 25): last release Dec 8 + 74 days = Sun 20 Feb 2028.
//   three lines       a batch every ceil(17 / 0.8 / 3) = 8 days; batch 2 would thaw Sun 19 Sep
//                     with its day-14 transfer on Oct 3, in National Day week: the first thaw
//                     whose operations all miss it is Fri 8 Oct; batch 3 thaws Oct 16: last
//                     release Oct 16 + 74 = Wed 29 Dec 2027.
//   10 kg by a date   4007.17 g a batch x 90 % success = 3606.45 g expected: 3 batches. One
//                     line releases the last on Wed 12 Jan 2028; two lines (a batch every 11
//                     days; batch 2 waits for Oct 8 as above, batch 3 Oct 19) on Sat 1 Jan
//                     2028. Due Sun 9 Jan 2028: two lines are the fewest. Due 1 Nov 2027,
//                     before any release: not even six lines.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FIRST_RESULT as FIRST_RESULT_SELECTOR, figure, setupSuite, text, waitFor, waitForFigure } from './support.mjs';

const env = setupSuite();

/** Types a date into a date input (the page reads it on change). */
async function setDate(page, selector, iso) {
  const input = page.locator(selector);
  await input.scrollIntoViewIfNeeded();
  await input.fill(iso);
  await input.dispatchEvent('change');
}

/** The milestones table's rows: [milestone, date, days from kickoff]. */
async function milestones(page) {
  return page.locator('#program table.milestones tbody tr').evaluateAll((rows) =>
    rows.map((r) => [...r.children].slice(0, 3).map((c) => c.textContent.trim())),
  );
}

/** A link as a file or a hand-edited link can carry it, not the form: the tech-transfer
 * review (the plan's first step) follows itself, so the plan has no start and the page no
 * result. */
const REVIEW_FOLLOWS_ITSELF =
  'v5&p=suzhou-2026-12b&tit=4&ps=rev:1:42:rev:0,met:1:210:rev:-14,raw:1:120::0,mbr:1:90::0,ssr:1:60::0,eng:1:1::0,ppq:1:1::0,gmp:1:0:eng.met.ppq:0&c=147d88b7';

describe('Program from kickoff', () => {
  test('a plan step that follows itself: the message names it, and unticking it in the form brings the result back', async () => {
    const app = await env.openApp();
    const { page } = app;
    await page.goto(`${env.server.url}#${REVIEW_FOLLOWS_ITSELF}`);
    await page.reload();
    const error = () => text(page, '#f-plan-steps-0-after-err');
    await waitFor(error, (t) => t.includes('would wait for itself'), "the plan's message", 15_000);
    assert.match(await error(), /^Tech-transfer review and gap analysis would wait for itself/);
    assert.equal(await page.locator(FIRST_RESULT_SELECTOR).count(), 0, 'a result shown for a plan with no start');
    // The review's own box, offered only while it is ticked: unticked, the plan starts again.
    const own = page.locator('#f-plan-steps-0-after-0');
    assert.equal(await own.isChecked(), true);
    await own.uncheck();
    await page.locator(FIRST_RESULT_SELECTOR).waitFor({ state: 'visible', timeout: 10_000 });
    await waitFor(error, '', 'the message gone');
    await waitFor(() => own.isVisible(), false, "the review's own box hidden again");
    await waitFor(() => page.evaluate(() => location.hash.includes('ps=rev:1:42::0,')), true, 'the link without the loop');
    await app.check();
  });

  test('the default program: Gantt chart with the critical path, milestones, first release in the headline', async () => {
    const app = await env.openApp();
    const { page } = app;
    assert.equal(await figure(page, 'h-first-release'), 'Wed 24 Nov 2027');
    assert.equal(await figure(page, 'h-program'), '$5,403,158');
    assert.deepEqual(await milestones(page), [
      ['First engineering run thawed', 'Sat 26 Jun 2027', '162'],
      ['First GMP batch thawed', 'Sat 11 Sep 2027', '239'],
      ['First GMP batch released', 'Wed 24 Nov 2027', '313'],
      ['Last batch released', 'Wed 12 Jan 2028', '362'],
    ]);
    // The chart: a bar per step in the program, the critical ones outlined; the batches on
    // line 1; a release mark for each of the three GMP batches.
    await page.locator('#program svg.program').waitFor();
    assert.equal(await page.locator('#program svg.program .pbar.critical').count(), 3 + 1, 'three steps and the legend');
    assert.equal(await page.locator('#program svg.program .release-mark').count(), 3 + 1, 'three releases and the legend');
    const critical = await page.locator('#program table.steps tr.critical th').allTextContents();
    assert.deepEqual(critical, ['Tech-transfer review and gap analysis', 'Analytical method transfer', 'GMP campaign']);
    assert.match(await text(page, '#program .note'), /campaign batch 1 by 1 day; campaign batch 2 by 5 days\./);
    await app.check();
  });

  test('a later kickoff moves the first GMP thaw, the releases and the Gantt chart', async () => {
    const app = await env.openApp();
    const { page } = app;
    await setDate(page, '#f-plan-kickoff_date', '2027-03-01');
    await waitForFigure(page, 'h-first-release', 'Fri 7 Jan 2028');
    await waitFor(() => milestones(page), (m) => m[3]?.[1] === 'Sun 20 Feb 2028', 'the last release moved');
    const m = await milestones(page);
    assert.deepEqual(m[1], ['First GMP batch thawed', 'Mon 25 Oct 2027', '238']);
    // The link carries the kickoff.
    await waitFor(() => page.evaluate(() => location.hash), (h) => h.includes('&ko=2027-03-01&'), 'kickoff in the link');
    await app.check();
  });

  test('three lines instead of one: capacity row chosen, the last release earlier', async () => {
    const app = await env.openApp();
    const { page } = app;
    assert.match(await text(page, '#capacity tr.chosen th'), /^1/);
    const lines = page.locator('#f-schedule-lines_used');
    await lines.scrollIntoViewIfNeeded();
    await lines.fill('3');
    await waitFor(() => milestones(page), (m) => m[3]?.[1] === 'Wed 29 Dec 2027', 'the last release on three lines');
    assert.match(await text(page, '#capacity tr.chosen th'), /^3/);
    // The campaign's batches on the three lines, each on the line free longest: line 1 ran
    // the engineering run, so the first batch goes to line 2.
    const linesOf = await page.locator('#campaign tbody tr').evaluateAll((rows) => rows.map((r) => r.children[1].textContent.trim()));
    assert.deepEqual(linesOf, ['2', '3', '1']);
    // Capacity for three lines: a batch every 8 days, 365 / 8 = 45.6 a year, x 3.60645 kg =
    // 164.5 kg; more lines than installed is a warning.
    const row = await page.locator('#capacity tr.chosen').evaluate((r) => [...r.children].slice(0, 4).map((c) => c.textContent.trim()));
    assert.deepEqual(row, ['3 (not installed)', '8', '45.6', '164.5']);
    assert.match(await text(page, '#fit'), /3 production line\(s\); 1 installed/);
    await app.check();
  });

  test('kilograms by a date: the fewest lines that make it, or that it cannot be done', async () => {
    const app = await env.openApp();
    const { page } = app;
    await page.locator('#f-program-target-kind').selectOption('grams');
    const grams = page.locator('#f-program-target-grams');
    await grams.fill('10000');
    await setDate(page, '#f-plan-due_date', '2028-01-09');
    const answer =
      '10,000 g by Sun 9 Jan 2028: 3 batches; the fewest lines that release them in time: 2 (last release Sat 1 Jan 2028). With the 1 line(s) chosen, the last release is Wed 12 Jan 2028.';
    await waitFor(() => text(page, '#capacity > p'), (t) => t.includes(answer), 'the answer');
    assert.match(await text(page, '#capacity > p'), /The batches include spares for the batch success rate.$/);
    await setDate(page, '#f-plan-due_date', '2027-11-01');
    await waitFor(() => text(page, '#capacity > p'), /10,000 g by Mon 1 Nov 2027 cannot be done: even on 6 lines/, 'not possible');
    // Clearing the date drops the question.
    await page.locator('#sec-plan button[aria-label="Clear the date"]').click();
    await waitFor(() => text(page, '#capacity > p'), (t) => !t.includes('10,000 g by'), 'the answer gone');
    await app.check();
  });
});
