// Language: switching to Chinese changes every label, dates are written the Chinese way, and
// the choice is remembered across a reload (localStorage 'ttc.lang').
//
// "No English left" means: no run of 3+ ASCII letters in the visible text, except
//   * ALLOWED_WORDS: units, currency codes, abbreviations and proper names that Chinese
//     technical writing keeps in Latin letters: VVD, USD, CNY, EUR, CHO, CDMO, PPQ, GMP, ISPE, mAb, CSPR,
//     SIP, IVCD (integral of viable cell density), Suzhou, the source cdmoworld, and the file
//     formats JSON, CSV (.json). (Shorter ones, g/L, L, mL, CV, DV, QC, QA, pH, Fc, N-1, UF/DF, cannot match
//     a 3-letter run and need no entry.)
//   * ALLOWED_PHRASES: "Protein A" (a resin's name), the product name "mAb-001";
//   * data, not interface text: the facility's name and its rate-source citations from
//     crates/model/data/facility/*.json, as written in Chinese (the Chinese citations keep
//     authors' names and sources in Latin letters; their English versions are not allowed),
//     and what the user typed: the values of the form's text inputs
//     (scenario name, product name, feed names), which show up in results (e.g. "Feed A");
//   * elements marked lang="en" (the language switch offers "English" in English).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FACILITIES, LOCALES, figure, setupSuite, switchLanguage, text, waitFor, waitForFigure, waitForText } from './support.mjs';

const env = setupSuite();

const { en: EN, zh: ZH } = LOCALES;

const ALLOWED_WORDS = ['VVD', 'USD', 'CNY', 'EUR', 'CHO', 'CDMO', 'PPQ', 'GMP', 'ISPE', 'cdmoworld', 'mAb', 'CSPR', 'SIP', 'Suzhou', 'JSON', 'CSV', 'json', 'IVCD'];
const ALLOWED_PHRASES = ['Protein A', 'mAb-001'];
/**
 * The facility's texts as the Chinese page writes them (its name, its rate-source citations):
 * only their Chinese versions, so that an English citation left on the Chinese page is found.
 */
const FACILITY_DATA = FACILITIES.flatMap((f) => [f.name, f.illustrative, ...Object.values(f.rate_sources ?? {})])
  .map((t) => (typeof t === 'string' ? t : t?.zh))
  .filter(Boolean);

/** The main labels: form legends and labels, headline labels, table headers, headings. */
const LABELS = ['.col-inputs legend', '.col-inputs label', '.figure-label', 'thead th', 'h2'];
/** Everything else a user reads: buttons, options, notes, hints, table bodies, charts, footer. */
const OTHER_TEXT = [
  'h1', '.lead', 'label', '.col-inputs h3', '.col-inputs .hint', '.col-inputs .note', '.col-inputs .source',
  'button', 'option', 'summary', '.how p', '.figure-value', '.fit-item', 'section.results p', 'caption',
  'tbody th', 'tbody td', 'tfoot th', 'tfoot td', 'svg title', 'svg text', 'footer p',
];

/**
 * Visible text of every element matching `selectors`, with its English words that are not
 * allowed. Options count as visible when their select is, "how" explanations when their
 * <details> is, SVG titles when their chart is.
 */
async function englishIn(page, selectors) {
  const userData = await page
    .locator('.col-inputs input[type="text"]')
    .evaluateAll((inputs) => inputs.map((i) => i.value).filter((v) => /[A-Za-z]{3}/.test(v)));
  const phrases = [...ALLOWED_PHRASES, ...FACILITY_DATA, ...userData].sort((a, b) => b.length - a.length);
  return page.evaluate(
    ({ selectors, phrases, words }) => {
      const allowed = new Set(words);
      const found = [];
      for (const sel of selectors) {
        for (const el of document.querySelectorAll(sel)) {
          const box = el.closest('option') ? el.closest('select') : el.closest('svg title') ? el.closest('svg') : el.closest('details') ?? el;
          if (box.getClientRects().length === 0 || getComputedStyle(box).visibility === 'hidden') continue;
          // Text marked as English inside the page (not the page's own language) is allowed.
          const marked = el.closest('[lang]');
          if (marked && marked !== document.documentElement && marked.getAttribute('lang').startsWith('en')) continue;
          let t = (el.innerText || el.textContent || '').replace(/\s+/g, ' ').trim();
          for (const p of phrases) t = t.split(p).join(' ');
          const bad = (t.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !allowed.has(w));
          if (bad.length) {
            const where = el.id ? `#${el.id}` : `${sel}${el.closest('[id]') ? ` in #${el.closest('[id]').id}` : ''}`;
            found.push(`${where}: "${(el.innerText || el.textContent).replace(/\s+/g, ' ').trim().slice(0, 120)}" → ${[...new Set(bad)].join(', ')}`);
          }
        }
      }
      return [...new Set(found)];
    },
    { selectors, phrases, words: ALLOWED_WORDS },
  );
}

const HEADLINE_KEYS = { 'h-ds': 'h_ds', 'h-batch-cost': 'h_batch_cost', 'h-per-gram': 'h_per_gram', 'h-harvest': 'h_harvest', 'h-medium': 'h_medium', 'h-fit': 'h_fit' };
const SECTION_KEYS = {
  fit: 'sec_fit', timeline: 'sec_timeline', 'seed-train-results': 'sec_seed_train_results', 'production-results': 'sec_production_results',
  volumes: 'sec_volumes', 'downstream-results': 'sec_downstream_results', cost: 'sec_cost', campaign: 'sec_campaign',
};
const LEGEND_KEYS = {
  'sec-program': 'sec_program', 'sec-cell-line': 'sec_cell_line', 'sec-seed-train': 'sec_seed_train', 'sec-production': 'sec_production',
  'sec-downstream': 'sec_downstream', 'sec-schedule': 'sec_schedule', 'sec-rates': 'sec_rates',
};

/** Headline labels, result headings and form legends read exactly as in the locale file. */
async function assertLocaleTexts(page, dict) {
  const shown = {};
  const expected = {};
  for (const [id, key] of Object.entries(HEADLINE_KEYS)) [shown[id], expected[id]] = [await text(page, `#${id} .figure-label`), dict[key]];
  for (const [id, key] of Object.entries(SECTION_KEYS)) [shown[id], expected[id]] = [await text(page, `#${id} h2`), dict[key]];
  for (const [id, key] of Object.entries(LEGEND_KEYS)) [shown[id], expected[id]] = [await text(page, `#${id} > legend`), dict[key]];
  shown.how = await text(page, '#h-ds summary');
  expected.how = dict.how_computed;
  // Rendered text: an off-screen form section is rendered once scrolled to, in the next frame
  // (content-visibility: auto).
  const titerLabel = page.locator('label[for="f-production-titer_g_per_l"]');
  await titerLabel.scrollIntoViewIfNeeded();
  await waitFor(async () => (await titerLabel.innerText()).trim() !== '', true, 'titer label rendered');
  shown.titer = (await titerLabel.innerText()).replace(/\s+/g, ' ').trim();
  expected.titer = `${dict.in_titer} g/L`;
  assert.deepEqual(shown, expected);
}

describe('Language: English and Chinese', () => {
  test('switching to Chinese translates every label', async () => {
    const app = await env.openApp();
    const { page } = app;
    await assertLocaleTexts(page, EN);
    assert.equal(await text(page, '#lang-switch'), '中文');
    assert.equal(await page.evaluate(() => localStorage.getItem('ttc.lang')), null);
    // The check below is not vacuous: in English it finds the labels' words.
    const englishLabels = await englishIn(page, LABELS);
    assert.ok(englishLabels.length > 50, `the English-word check found only ${englishLabels.length} English labels in English`);

    await switchLanguage(page, 'zh');
    await assertLocaleTexts(page, ZH);
    assert.equal(await text(page, '#lang-switch'), 'English');
    // Dates the Chinese way (thaw Sat 11 Sep 2027 + 17 + 14 days); numbers unchanged.
    await waitForFigure(page, 'h-harvest', '2027年10月12日 周二');
    assert.equal(await figure(page, 'h-ds'), '4,007 g');
    assert.equal(await figure(page, 'h-batch-cost'), '$1,239,618');
    const fitClass = await page.locator('#h-fit').getAttribute('class');
    const fitKey = /fit-fail/.test(fitClass) ? 'fit_fail' : /fit-warning/.test(fitClass) ? 'fit_warning' : 'fit_pass';
    assert.equal(await figure(page, 'h-fit'), ZH[fitKey]);

    // No English left in the main labels (see the allow-list at the top of this file).
    assert.deepEqual(await englishIn(page, LABELS), [], 'English words in the Chinese labels');

    await app.check();
  });

  test('the language choice is remembered across reloads', async () => {
    const app = await env.openApp();
    const { page } = app;
    assert.equal(await page.evaluate(() => localStorage.getItem('ttc.lang')), null);
    await switchLanguage(page, 'zh');
    assert.equal(await page.evaluate(() => localStorage.getItem('ttc.lang')), 'zh');
    await app.reload();
    await waitFor(() => page.locator('html').getAttribute('lang'), 'zh-CN', "after a reload with localStorage ttc.lang = 'zh', <html lang>", 2_000);
    assert.equal(await text(page, 'h1'), ZH.app_title);
    assert.equal(await figure(page, 'h-harvest'), '2027年10月12日 周二');
    await assertLocaleTexts(page, ZH);

    // And back to English, also remembered.
    await switchLanguage(page, 'en');
    assert.equal(await page.evaluate(() => localStorage.getItem('ttc.lang')), 'en');
    await app.reload();
    await waitFor(() => page.locator('html').getAttribute('lang'), 'en', "after a reload with localStorage ttc.lang = 'en', <html lang>", 2_000);
    assert.equal(await figure(page, 'h-harvest'), 'Tue 12 Oct 2027');
    await assertLocaleTexts(page, EN);

    await app.check();
  });

  test('in Chinese, no English is left anywhere else either (buttons, options, notes, tables, charts)', async () => {
    const app = await env.openApp();
    const { page } = app;
    await switchLanguage(page, 'zh');
    // Open every "how was this computed?" so its text is checked as shown.
    await page.locator('details.how').evaluateAll((ds) => ds.forEach((d) => (d.open = true)));
    assert.deepEqual(await englishIn(page, OTHER_TEXT), [], 'English words in the Chinese page');
    await app.check();
  });

  test("rate sources are shown in the page's language (rates form and cost table)", async () => {
    const app = await env.openApp();
    const { page } = app;
    const source = FACILITIES[0].rate_sources.protein_a_resin_per_l;
    assert.ok(source?.en && source?.zh, 'protein_a_resin_per_l has an English and a Chinese source text');
    // Where the source is written: under the rate in the form, and in the cost table's line.
    const shown = () =>
      page.evaluate(
        () => ({
          form: [...document.querySelectorAll('#sec-rates .source')].map((e) => e.textContent),
          cost: [...document.querySelectorAll('#cost td.source')].map((e) => e.textContent),
        }),
      );
    const check = async (lang, other) => {
      const { form, cost } = await shown();
      for (const [where, list] of Object.entries({ form, cost })) {
        assert.ok(list.some((t) => t.includes(source[lang])), `${lang} page: ${where} does not show ${JSON.stringify(source[lang])}`);
        assert.ok(!list.some((t) => t.includes(source[other])), `${lang} page: ${where} shows the ${other} text ${JSON.stringify(source[other])}`);
      }
    };
    await check('en', 'zh');
    await switchLanguage(page, 'zh');
    await waitFor(async () => (await shown()).cost.some((t) => t.includes(source.zh)), true, 'the Chinese source text in the cost table');
    await check('zh', 'en');
    await switchLanguage(page, 'en');
    await waitFor(async () => (await shown()).cost.some((t) => t.includes(source.en)), true, 'the English source text in the cost table again');
    await check('en', 'zh');
    await app.check();
  });

  test('Chinese error messages and stale banner for an invalid input', async () => {
    const app = await env.openApp();
    const { page } = app;
    await switchLanguage(page, 'zh');
    await page.locator('#f-production-titer_g_per_l').fill('abc');
    await waitForText(page, '#f-production-titer_g_per_l-err', ZH.err_not_a_number);
    assert.equal(await text(page, '.stale-banner'), `${ZH.stale_banner} ${ZH.btn_go_to_invalid}`);
    await page.locator('#f-production-titer_g_per_l').fill('500');
    await waitForText(page, '#f-production-titer_g_per_l-err', '500 超出允许范围 0.01 至 100。');
    // The message follows a language switch while the input stays invalid.
    await switchLanguage(page, 'en');
    await waitForText(page, '#f-production-titer_g_per_l-err', '500 is outside the allowed range 0.01 to 100.');
    assert.equal(await figure(page, 'h-ds'), '4,007 g');
    await app.check();
  });
});
