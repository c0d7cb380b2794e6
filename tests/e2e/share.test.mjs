// Share, save and work offline: the scenario in the address (scenario links,
// crates/model/src/link/ and src/ui/address.rs), links that cannot be opened, the share panel drawn by the deferred
// module (src/deferred/: copy link, QR code, JSON and CSV files, import and drag and drop),
// saved scenarios in the browser and their comparison, in the RELEASE build (dist/).
// Working offline (the service worker, the share panel from the cache) is in offline.test.mjs.
// One feature's suite, hence its length (about 920 lines): each test is one thing a user does.
//
// Every test runs in a fresh browser context and ends with app.check(), which fails on any
// console error, page error, failed request, HTTP error, or request to another origin.
// Run: `make test`, or after `make dist`: node --test --test-reporter=spec tests/e2e/share.test.mjs
//
// Expected values are worked by hand, never copied from the page:
//   links            `v5&p=<rate card>&<key>=<value>…&c=<checksum>`: only fields that differ from
//                    the frozen v5 baseline (the default scenario), then FNV-1a 32 of everything
//                    before "&c=" as 8 hex digits (fnv1a32 below, checked against the published
//                    vectors "" 811c9dc5, "a" e40c292c, "foobar" bf9cf968).
//                    default scenario  v5&p=suzhou-2026-12b&c=4c9aaaa2 (the corpus's v5-default)
//                    titer 5 g/L       v5&p=suzhou-2026-12b&tit=5&c=<fnv of the rest>
//                    A link of versions 1 to 4 opens with its figures and is written again as
//                    version 5 (asV5 below): its fields, plus what keeps its figures against the
//                    version-5 baseline, in key order (crates/model/src/link/): amortised resin
//                    unless the link has its own (rm=amortised; version 5's is dedicated, and a
//                    link's rm=dedicated is then left out), dedicated resin written off over
//                    the campaign alone (rop=0, legacy::fill_v4); for versions 1 to 3, unless the link
//                    has its own, its version's seed train (st: versions 1 and 2 had five
//                    stages; version 3 six, rb10 4 L, sub50 28 L, sub200 200 L where version 4
//                    has 3.8, 27 and 190 L) and V0 1400 L (v0=1400; version 4's is 1350 L);
//                    version 4's fields at their legacy values (legacy::fill_v3): no base,
//                    glucose or antifoam (ab=l0:, ag=l0:, af=l0:), no evaporation (ev=0), no
//                    headroom (hr=0), no decline of the culture (kd=0), the downstream days
//                    entered (ddw=0), filters of the exact area (csf=1, vsf=1, wfm=0); for
//                    versions 1 and 2
//                    the seed train's rules off, pw=0, gc=0, tx=0; for version 1 an=thaw, er=0,
//                    pq=0, sr=100, txr=1, ac=0 (crates/model/src/legacy.rs). So the version-3
//                    default v3&p=suzhou-2026-12&c=0344ab1a is written
//                    v5&p=suzhou-2026-12&st=<version 3's train>&v0=1400&rm=amortised&ab=l0:
//                    &ag=l0:&af=l0:&ev=0&hr=0&kd=0&ddw=0&csf=1&vsf=1&wfm=0&rop=0&c=<fnv>. All are
//                    offered "Update to the current model";
//                    their rate cards (suzhou-2026-11, suzhou-2026-12) are older than 2026-12b,
//                    and the page says so.
//   drug substance   3 g/L × 1956.25 L × 0.6827977 = 4007.17 g -> "4,007 g"; 3.5 g/L -> "4,675 g";
//                    5 g/L -> 6678.61 g -> "6,679 g" (app.test.mjs)
//   comparison       6678.61 − 4007.17 = 2671.44 g -> "+2,671 g"; 2671.44 / 4007.17 = 66.67 % -> "+66.7%"
//   corpus figures   tests/corpus/links-v*.json record each link's price per batch, drug
//                    substance and first harvest date; the page must show them rounded the way
//                    the headline does: "$" + whole dollars with thousands separators, whole
//                    grams, and the date as "Www D Mon YYYY" (dateText below).
//   file names       the scenario's name, runs of anything but letters and digits -> "-":
//                    "Typical CHO mAb fed-batch, 2000 L" -> Typical-CHO-mAb-fed-batch-2000-L.json
//                    and Typical-CHO-mAb-fed-batch-2000-L-results.csv
//   QR code          level M, byte mode: versions 1-10 hold 14, 26, 42, 62, 84, 106, 122, 152,
//                    180, 213 bytes (ISO/IEC 18004 table 7); version v is 17 + 4v modules, drawn
//                    with a 4-module quiet zone: viewBox "-4 -4 N N", N = modules + 8.
//                    http://127.0.0.1:<port>/calc/#v5&p=suzhou-2026-12b&tit=5&c=… is 65-66
//                    bytes -> version 5, 37 modules, viewBox "-4 -4 45 45".
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, axeViolations, figure, setupSuite, switchLanguage, text, waitFor, waitForFigure, waitForText } from './support.mjs';

const env = setupSuite();

const TITER = '#f-production-titer_g_per_l';
const DEFAULT_DS = '4,007 g';
const DS_AT_3_5 = '4,675 g';
const DS_AT_5 = '6,679 g';
const DEFAULT_NAME = 'Typical CHO mAb fed-batch, 2000 L';
const FILE_STEM = 'Typical-CHO-mAb-fed-batch-2000-L';

/** The page's own notices (above the results) and the share panel's (below the panel). */
const PAGE_NOTICE = '.notices:not(.panel-notices) .notice';
const PANEL_NOTICE = '.panel-notices .notice';

const SAVED_KEY = 'ttc.saved.v1';
const RECOVERED_KEY = 'ttc.saved.recovered';

const CORPUS_DIR = join(ROOT, 'tests', 'corpus');
const CORPUS_V1 = JSON.parse(readFileSync(join(CORPUS_DIR, 'links-v1.json'), 'utf8'));
const CORPUS_V2 = JSON.parse(readFileSync(join(CORPUS_DIR, 'links-v2.json'), 'utf8'));
const CORPUS_V3 = JSON.parse(readFileSync(join(CORPUS_DIR, 'links-v3.json'), 'utf8'));
const CORPUS_V4 = JSON.parse(readFileSync(join(CORPUS_DIR, 'links-v4.json'), 'utf8'));
const CORPUS = JSON.parse(readFileSync(join(CORPUS_DIR, 'links-v5.json'), 'utf8'));
const corpusEntry = (file) => CORPUS.find((c) => c.scenario_file === file);
const DEFAULT_ENTRY = corpusEntry('v5-default.json');
const CUSTOMISED = corpusEntry('v5-customised.json');
/** A corpus scenario on two lines (saved, dropped and compared in the tests below). */
const TWO_LINES = corpusEntry('v5-ppq.json');

/** FNV-1a, 32 bits, of the UTF-8 bytes of `text`, as 8 lowercase hex digits (a link's checksum). */
function fnv1a32(text) {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/** A link's text with its checksum appended: `${body}&c=${fnv1a32(body)}`. */
const withChecksum = (body) => `${body}&c=${fnv1a32(body)}`;

const DEFAULT_LINK = withChecksum('v5&p=suzhou-2026-12b');
const LINK_AT_3_5 = withChecksum('v5&p=suzhou-2026-12b&tit=3.5');
const LINK_AT_5 = withChecksum('v5&p=suzhou-2026-12b&tit=5');

/** A default seed train in a link: per stage its vessel id in base64url, the volume, seeded
 * at 0.5, split at 4, batch. */
const seedTrain = (stages) =>
  stages.map(([id, litres]) => `${Buffer.from(id).toString('base64url')}:${litres}:0.5:s4:b`).join(',');
/** The seed train of versions 1 and 2's default. */
const OLD_TRAIN = seedTrain([['sf125', 0.047], ['sf1000', 0.37], ['rb10', 2.9], ['rb50', 23], ['sub200', 180]]);
/** The seed train of version 3's default. */
const V3_TRAIN = seedTrain([['sf125', 0.025], ['sf250', 0.084], ['sf3000', 0.6], ['rb10', 4.0], ['sub50', 28], ['sub200', 200]]);
/** The seed train of version 4's default (and version 5's, today's). */
const V4_TRAIN = seedTrain([['sf125', 0.025], ['sf250', 0.084], ['sf3000', 0.6], ['rb10', 3.8], ['sub50', 27], ['sub200', 190]]);
/** The keys of a version-5 link in the order it writes them (crates/model/src/link/v1.rs,
 * v2.rs, v3.rs, v4.rs, v5.rs), after the rate card. */
const KEY_ORDER = [
  'p', 'n', 'pn', 'mod', 'ph', 't', 'td', 'lag', 'vc', 'via', 'st', 'pv', 'v0', 'x0', 'dur', 'pk', 'fd', 'tit',
  'smp', 'cy', 'cfl', 'cff', 'pa', 'ly', 'la', 'aex', 'cex', 'vy', 'vl', 'uy', 'udc', 'udv', 'ufc', 'rm', 'mo',
  'bo', 'th', 'ta', 'dd', 'bh', 'qc', 'qa', 'we', 'ln', 'ut', 'r',
  'an', 'ko', 'ps', 'am', 'er', 'pq', 'sr', 'txr', 'due', 'rs', 'age', 'ac',
  'pw', 'wl', 'wh', 'gc', 'mxb', 'mxp', 'tx',
  'dose', 'ab', 'ag', 'af', 'ev', 'hr', 'tq', 'qp', 'sd', 'kd', 'cvb', 'pct', 'act', 'cct', 'osd', 'ddw', 'csf', 'vsf', 'wfm',
  'rop',
];
/** Values of the version-5 baseline that an older link may carry as its own (the encoder
 * leaves them out). */
const V5_BASELINE = new Map([['v0', '1350'], ['st', V4_TRAIN], ['rm', 'dedicated']]);
/** A link of versions 1 to 4 as this release writes it again (see the header); a version-5
 * link as it is. */
function asV5(link) {
  const [version, ...pairs] = splitChecksum(link)[0].split('&');
  if (version === 'v5') return link;
  const fields = new Map(pairs.map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
  if (version === 'v1') {
    for (const [key, value] of [['an', 'thaw'], ['er', '0'], ['pq', '0'], ['sr', '100'], ['txr', '1'], ['ac', '0']]) {
      fields.set(key, value);
    }
  }
  if (version === 'v1' || version === 'v2') {
    for (const key of ['pw', 'gc', 'tx']) fields.set(key, '0');
  }
  if (version !== 'v4') {
    if (!fields.has('st')) fields.set('st', version === 'v3' ? V3_TRAIN : OLD_TRAIN);
    if (!fields.has('v0')) fields.set('v0', '1400');
    for (const [key, value] of [['ab', 'l0:'], ['ag', 'l0:'], ['af', 'l0:'], ['ev', '0'], ['hr', '0'], ['kd', '0'], ['ddw', '0'], ['csf', '1'], ['vsf', '1'], ['wfm', '0']]) {
      fields.set(key, value);
    }
  }
  if (!fields.has('rm')) fields.set('rm', 'amortised');
  fields.set('rop', '0');
  for (const [key, value] of V5_BASELINE) if (fields.get(key) === value) fields.delete(key);
  return withChecksum(['v5', ...KEY_ORDER.filter((k) => fields.has(k)).map((k) => `${k}=${fields.get(k)}`)].join('&'));
}

/** 1313885.19 -> "1,313,885" (rounded to a whole number, English thousands separators). */
const grouped = (v) => String(Math.round(v)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const money = (v) => `$${grouped(v)}`;
const grams = (v) => `${grouped(v)} g`;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "2027-03-30" -> "Tue 30 Mar 2027". */
function dateText(iso) {
  const d = new Date(`${iso}T00:00:00Z`);
  return `${DAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** Byte capacity of QR versions 1-10 at error correction level M (ISO/IEC 18004 table 7). */
const QR_BYTES_M = [14, 26, 42, 62, 84, 106, 122, 152, 180, 213];

/**
 * Opens the app (env.openApp), then loads it again as a new document at `<url>#<link>` (no
 * fragment when `link` is null), the way a user opens a link from a chat or a bookmark.
 * `init(arg)`, if given, runs before the page's own scripts in that load and every later one
 * (context.addInitScript), e.g. to put data in localStorage before the app reads it.
 */
async function openAt(link, { init, arg } = {}) {
  const app = await env.openApp();
  const { page, context } = app;
  if (init) await context.addInitScript(init, arg);
  await page.goto('about:blank');
  const url = link == null ? env.server.url : `${env.server.url}#${link}`;
  const response = await page.goto(url, { waitUntil: 'load' });
  assert.equal(response.status(), 200, `${url}: HTTP ${response.status()}`);
  await app.ready();
  return app;
}

/** The link text in the address bar (the fragment without '#'). */
const address = (page) => page.evaluate(() => location.hash.slice(1));

/** Waits until the address holds `link` (rewritten 300 ms after an edit). */
const waitForAddress = (page, link) => waitFor(() => address(page), link, 'link in the address');

/** Opens the share panel (<details id="share">) if it is closed. */
async function openSharePanel(page) {
  if (!(await page.locator('#share').evaluate((d) => d.open))) await page.locator('#share > summary').click();
  await page.locator('#share-link').waitFor({ state: 'visible' });
}

/** Waits until the share panel's link is `<page url>#<link>`. */
const waitForShareLink = (page, link) =>
  waitFor(() => page.locator('#share-link').inputValue(), `${env.server.url}#${link}`, '#share-link');

/** Sets the titer and waits for its drug substance. */
async function setTiter(page, value, ds) {
  await page.locator(TITER).fill(value);
  await waitForFigure(page, 'h-ds', ds);
}

/** Clicks `button` and returns the download it starts: { name, bytes } (bytes a Buffer). */
async function download(page, button) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), page.locator(button).click()]);
  assert.equal(await dl.failure(), null, `download from ${button} failed`);
  return { name: dl.suggestedFilename(), bytes: readFileSync(await dl.path()) };
}

/** Picks a file in the panel's hidden file input. */
function importFile(page, name, content) {
  return page.locator('#import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
}

/** The saved list as stored: one link a line ([] when nothing is stored). */
async function storedLinks(page) {
  const raw = await page.evaluate((key) => localStorage.getItem(key), SAVED_KEY);
  return raw ? raw.split('\n') : [];
}

/** The names of the saved scenarios, as listed. */
const savedNames = (page) => page.locator('.saved-item .saved-name').evaluateAll((inputs) => inputs.map((i) => i.value));

/** Ticks or unticks the Compare checkbox of saved scenario `n` (1-based). */
const compareBox = (page, n) => page.locator('.saved-item').nth(n - 1).locator('input[type="checkbox"]');

/** The comparison table: column heads and rows as { class, cells } (row head first). */
function comparison(page) {
  return page.locator('#compare table').evaluate((t) => ({
    head: [...t.tHead.rows[0].cells].map((c) => c.textContent.trim()),
    rows: [...t.tBodies[0].rows].map((r) => ({ class: r.className, cells: [...r.cells].map((c) => c.textContent.trim()) })),
  }));
}

/** A scenario's name as a link carries it (`n=`, unpadded base64url of its UTF-8). */
function linkName(link) {
  const n = /&n=([A-Za-z0-9_-]+)/.exec(link);
  return n ? Buffer.from(n[1], 'base64url').toString('utf8') : DEFAULT_NAME;
}

/** The link text before "&c=", and its checksum. */
function splitChecksum(link) {
  const at = link.lastIndexOf('&c=');
  return [link.slice(0, at), link.slice(at + 3)];
}

describe('Scenario links in the address', () => {
  test('an edit rewrites the fragment 300 ms after the last keystroke, replacing the history entry, never scrolling', async () => {
    const app = await env.openApp();
    const { page } = app;
    // The default scenario leaves the address as it was.
    assert.equal(await address(page), '');
    await page.locator(TITER).scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 40));
    // Record, inside the page, every history change and every keystroke in the titer field.
    await page.evaluate((titer) => {
      window.__writes = [];
      window.__pushes = 0;
      window.__inputs = [];
      const replace = History.prototype.replaceState;
      History.prototype.replaceState = function (...args) {
        window.__writes.push({ t: performance.now(), url: String(args[2]) });
        return replace.apply(this, args);
      };
      const push = History.prototype.pushState;
      History.prototype.pushState = function (...args) {
        window.__pushes++;
        return push.apply(this, args);
      };
      document.addEventListener('input', (e) => e.target.matches(titer) && window.__inputs.push(performance.now()), true);
    }, TITER);
    const before = await page.evaluate(() => ({ history: history.length, scrollY: window.scrollY }));
    assert.ok(before.scrollY > 0, 'the page should be scrolled down to the titer field for this test');

    // Five edits, typed quickly: "5", "", "3", "3.", "3.5".
    await page.locator(TITER).focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('5', { delay: 20 });
    await page.keyboard.press('Backspace');
    await page.keyboard.type('3.5', { delay: 20 });
    await waitForFigure(page, 'h-ds', DS_AT_3_5);
    await waitForAddress(page, LINK_AT_3_5);
    await page.waitForTimeout(400); // nothing more is written after the last one

    const log = await page.evaluate(() => ({ writes: window.__writes, pushes: window.__pushes, inputs: window.__inputs }));
    assert.equal(log.inputs.length, 5, `keystrokes recorded: ${JSON.stringify(log.inputs)}`);
    assert.equal(log.pushes, 0, 'history.pushState was called');
    assert.ok(log.writes.length >= 1, 'the address was not rewritten');
    assert.equal(log.writes.at(-1).url, `${env.server.url}#${LINK_AT_3_5}`);
    // Never sooner than 300 ms after a keystroke (so never once per keystroke) …
    for (const w of log.writes) {
      const lastInput = Math.max(...log.inputs.filter((t) => t <= w.t));
      assert.ok(w.t - lastInput >= 298, `the address was rewritten ${Math.round(w.t - lastInput)} ms after a keystroke`);
    }
    // … so keystrokes less than 300 ms apart give one rewrite.
    const gaps = log.inputs.slice(1).map((t, i) => t - log.inputs[i]);
    if (gaps.every((g) => g < 300)) assert.equal(log.writes.length, 1, `rewrites: ${JSON.stringify(log.writes)}`);
    assert.deepEqual(await page.evaluate(() => ({ history: history.length, scrollY: window.scrollY })), before);
    await app.check();
  });

  test('each link of the corpus opens with the figures recorded when it was made', async () => {
    // The checksum helper first: FNV-1a 32 published test vectors.
    assert.deepEqual(['', 'a', 'foobar'].map(fnv1a32), ['811c9dc5', 'e40c292c', 'bf9cf968']);
    assert.equal(CORPUS.length, 4);
    assert.equal(CORPUS_V4.length, 4);
    assert.equal(CORPUS_V3.length, 4);
    assert.equal(CORPUS_V2.length, 4);
    assert.equal(CORPUS_V1.length, 3);
    assert.equal(DEFAULT_ENTRY.link, DEFAULT_LINK);
    assert.equal(DEFAULT_LINK, 'v5&p=suzhou-2026-12b&c=4c9aaaa2');
    // The version-3 default written again as version 5, worked by hand (see the header).
    assert.equal(
      asV5(CORPUS_V3.find((c) => c.scenario_file === 'v3-default.json').link),
      withChecksum(
        'v5&p=suzhou-2026-12&st=c2YxMjU:0.025:0.5:s4:b,c2YyNTA:0.084:0.5:s4:b,c2YzMDAw:0.6:0.5:s4:b,' +
          'cmIxMA:4:0.5:s4:b,c3ViNTA:28:0.5:s4:b,c3ViMjAw:200:0.5:s4:b&v0=1400&rm=amortised&ab=l0:&ag=l0:&af=l0:&ev=0' +
          '&hr=0&kd=0&ddw=0&csf=1&vsf=1&wfm=0&rop=0',
      ),
    );
    // The version-4 default: its amortised resin and version 4's write-off.
    assert.equal(asV5(CORPUS_V4.find((c) => c.scenario_file === 'v4-default.json').link), withChecksum('v5&p=suzhou-2026-12&rm=amortised&rop=0'));

    const app = await env.openApp();
    const { page } = app;
    for (const entry of [...CORPUS_V1, ...CORPUS_V2, ...CORPUS_V3, ...CORPUS_V4, ...CORPUS]) {
      const [body, checksum] = splitChecksum(entry.link);
      assert.equal(checksum, fnv1a32(body), `${entry.scenario_file}: checksum of its link`);
      await page.goto('about:blank');
      await page.goto(`${env.server.url}#${entry.link}`, { waitUntil: 'load' });
      await app.ready();
      const what = `${entry.scenario_file} (${entry.link.slice(0, 40)}…)`;
      assert.equal(await figure(page, 'h-harvest'), dateText(entry.first_harvest), `${what}: harvest date`);
      assert.equal(await figure(page, 'h-batch-cost'), money(entry.price_per_batch), `${what}: price per batch`);
      assert.equal(await figure(page, 'h-ds'), grams(entry.drug_substance_g_per_batch), `${what}: drug substance`);
      const older = !entry.link.startsWith('v5&');
      // On an earlier model: versions 1 to 3 always; version 4 with dedicated resin (written
      // off over the campaign alone). With amortised resin a version-4 link differs only in
      // its rate card.
      const earlierModel = older && (!entry.link.startsWith('v4&') || entry.link.includes('&rm=dedicated&'));
      if (older) {
        // Its rate card is older, said first; on an earlier model, a way to update (the
        // "Update to the current model" notice comes with the deferred module).
        if (earlierModel) await waitFor(() => page.locator('#update-model').count(), 1, `${what}: update offered`);
        assert.match(await text(page, `${PAGE_NOTICE} p`), /rate card/, `${what}: the notice`);
      } else {
        assert.equal(await page.locator(PAGE_NOTICE).count(), 0, `${what}: a notice is shown`);
        assert.equal(await page.locator('#update-model').count(), 0, `${what}: update offered`);
      }
      // The link is written again: the share panel offers the link opened (an older link as
      // version 5, with the values that keep its figures); the address keeps the link opened
      // until the user changes something.
      await openSharePanel(page);
      await waitForShareLink(page, older ? asV5(entry.link) : entry.link);
      assert.equal(await address(page), entry.link, `${what}: the address changed`);
      // The deferred module is in (it drew the panel): an update is offered only to an earlier model.
      assert.equal(await page.locator('#update-model').count(), earlierModel ? 1 : 0, `${what}: update offered`);
    }
    // Spot checks of the helpers on the default: the figures worked by hand in app.test.mjs.
    assert.deepEqual([dateText(DEFAULT_ENTRY.first_harvest), money(DEFAULT_ENTRY.price_per_batch)], ['Tue 12 Oct 2027', '$1,239,618']);
    assert.equal(await page.locator('#share-link').inputValue(), `${env.server.url}#${CORPUS.at(-1).link}`);
    await app.check();
  });

  // The customised corpus link cut short, changed by hand (its titer 5.35 -> 5.36), and text
  // that is no scenario link: each opens the default scenario and says why, keeping the text.
  const cut = CUSTOMISED.link.slice(0, -12);
  const tampered = CUSTOMISED.link.replace('&tit=5.35&', '&tit=5.36&');
  for (const [kind, raw, reason] of [
    ['a link cut short', cut, 'it is incomplete: the end is missing'],
    ['a link changed by hand', tampered, 'it was changed after it was made (its checksum does not match)'],
    ['text that is no link ("#hello")', 'hello', 'it is not a scenario link of this calculator'],
  ]) {
    test(`${kind} opens the default scenario, says why, keeps the text and the address until an edit`, async () => {
      assert.notEqual(raw, CUSTOMISED.link);
      const app = await openAt(raw);
      const { page } = app;
      assert.equal(await figure(page, 'h-ds'), DEFAULT_DS);
      assert.equal(await figure(page, 'h-batch-cost'), '$1,239,618');
      const notice = page.locator(PAGE_NOTICE);
      assert.equal(await notice.count(), 1);
      assert.equal(await notice.getAttribute('role'), 'status');
      assert.match(await notice.getAttribute('class'), /\bwarn\b/);
      const said = await text(page, `${PAGE_NOTICE} p`);
      assert.ok(said.startsWith('The link in the address could not be opened: '), said);
      assert.ok(said.includes(reason), `"${said}" does not say "${reason}"`);
      assert.equal(await page.locator(`${PAGE_NOTICE} textarea`).inputValue(), raw);
      assert.equal(await page.locator(`${PAGE_NOTICE} textarea`).getAttribute('readonly'), '');

      // The broken link stays in the address (the user may want to fix it) …
      await page.waitForTimeout(700);
      assert.equal(await address(page), raw, 'the broken link was replaced in the address before any edit');
      // … until the user edits something.
      await setTiter(page, '5', DS_AT_5);
      await waitForAddress(page, LINK_AT_5);
      await app.check();
    });
  }

  test('pasting another link into the address bar of the open page opens it (hashchange)', async () => {
    const app = await env.openApp();
    const { page } = app;
    await openSharePanel(page);
    for (const entry of [TWO_LINES, CUSTOMISED, DEFAULT_ENTRY]) {
      await page.evaluate((link) => {
        location.hash = link;
      }, entry.link);
      await waitForFigure(page, 'h-batch-cost', money(entry.price_per_batch));
      assert.equal(await figure(page, 'h-ds'), grams(entry.drug_substance_g_per_batch), entry.scenario_file);
      assert.equal(await figure(page, 'h-harvest'), dateText(entry.first_harvest), entry.scenario_file);
      await waitForShareLink(page, entry.link);
    }
    // A broken link pasted later is reported the same way as one opened.
    await page.evaluate(() => {
      location.hash = 'hello';
    });
    await waitForText(page, `${PAGE_NOTICE} p`, /not a scenario link/);
    assert.equal(await figure(page, 'h-ds'), DEFAULT_DS);
    // ... and the warning goes when a good link is opened after it: it no longer applies.
    await page.evaluate((link) => {
      location.hash = link;
    }, TWO_LINES.link);
    await waitForFigure(page, 'h-batch-cost', money(TWO_LINES.price_per_batch));
    await waitFor(() => page.locator(PAGE_NOTICE).count(), 0, 'the broken-link warning gone');
    await app.check();
  });

  test('a link priced with a rate card this build does not have opens with current prices and says so', async () => {
    const link = withChecksum('v5&p=suzhou-2020-01&tit=5');
    const app = await openAt(link);
    const { page } = app;
    assert.equal(await figure(page, 'h-ds'), DS_AT_5);
    const notice = page.locator(PAGE_NOTICE);
    assert.equal(await notice.count(), 1);
    assert.equal(
      await text(page, `${PAGE_NOTICE} p`),
      'This scenario was priced with a rate card this version does not have (suzhou-2020-01); the prices shown use the current rate card.',
    );
    // A checksum computed for another text is refused: the test's checksum is the app's.
    await page.evaluate((l) => {
      location.hash = l;
    }, `${splitChecksum(link)[0]}&c=${fnv1a32('v5&p=suzhou-2020-01&tit=4')}`);
    await waitForText(page, `${PAGE_NOTICE} p`, /its checksum does not match/);
    assert.equal(await figure(page, 'h-ds'), DEFAULT_DS);
    await app.check();
  });
});

describe('Share panel: link, copy, QR code', () => {
  test('the panel shows the full link, copies it to the clipboard, and draws its QR code (also in the print summary)', async () => {
    const app = await env.openApp();
    const { page, context } = app;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.origin });
    // The panel is closed until the user opens it, and its body drawn only then.
    assert.equal(await page.locator('#share-link').count(), 0, 'the panel\'s body drawn before its first opening');
    await openSharePanel(page);
    await waitForShareLink(page, DEFAULT_LINK);
    assert.equal(await page.locator('#share-link').getAttribute('readonly'), '');
    await setTiter(page, '5', DS_AT_5);
    const url = `${env.server.url}#${LINK_AT_5}`;
    await waitForShareLink(page, LINK_AT_5);

    await page.locator('#copy-link').click();
    await waitForText(page, '#share-link-note', 'Link copied.');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url);

    // The QR code of exactly this URL: version from its length, finder patterns in 3 corners.
    const qr = page.locator('#share svg.qr');
    assert.equal(await qr.getAttribute('role'), 'img');
    assert.equal(await qr.getAttribute('aria-label'), 'QR code of the link to this scenario');
    const bytes = Buffer.byteLength(url);
    const version = QR_BYTES_M.findIndex((cap) => cap >= bytes) + 1;
    assert.ok(version >= 1, `${bytes}-byte URL: beyond the table`);
    const modules = 17 + 4 * version;
    const viewBox = await qr.getAttribute('viewBox');
    assert.equal(viewBox, `-4 -4 ${modules + 8} ${modules + 8}`, `${bytes}-byte URL: version ${version}, ${modules} modules`);
    const d = await qr.locator('path').getAttribute('d');
    assert.match(d, /^(M\d+ \d+h\d+v1h-\d+z)+$/, 'QR path: one rectangle per run of dark modules');
    const grid = Array.from({ length: modules }, () => Array(modules).fill(false));
    for (const [, x, y, run] of d.matchAll(/M(\d+) (\d+)h(\d+)/g)) {
      for (let i = 0; i < Number(run); i++) grid[Number(y)][Number(x) + i] = true;
    }
    for (const [ox, oy] of [[0, 0], [modules - 7, 0], [0, modules - 7]]) {
      for (let i = 0; i < 7; i++) {
        assert.ok(grid[oy][ox + i] && grid[oy + 6][ox + i] && grid[oy + i][ox] && grid[oy + i][ox + 6], `finder ring at ${ox},${oy}`);
      }
      assert.ok(!grid[oy + 1][ox + 1] && grid[oy + 3][ox + 3], `finder centre at ${ox},${oy}`);
    }

    // The print summary carries the same code. Its header is drawn only for printing, within
    // `beforeprint` (before the print's layout), with the code.
    assert.equal(await page.locator('#print-header-root').evaluate((el) => el.childElementCount), 0, 'the print header drawn before printing');
    assert.ok(
      await page.evaluate(() => { dispatchEvent(new Event('beforeprint')); return document.querySelector('#print-qr svg.qr path') !== null; }),
      'the print header and its QR code are not drawn within beforeprint',
    );
    const printed = page.locator('#print-qr svg.qr');
    assert.equal(await printed.getAttribute('viewBox'), viewBox);
    assert.equal(await printed.locator('path').getAttribute('d'), d);
    assert.equal(await printed.getAttribute('role'), 'img');
    await app.check();
  });

  test('where copying is refused or unavailable, the link is selected for the user to copy', async () => {
    const app = await env.openApp();
    const { page } = app;
    await openSharePanel(page);
    const url = `${env.server.url}#${DEFAULT_LINK}`;
    await waitForShareLink(page, DEFAULT_LINK);
    const selected = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return el?.id === 'share-link' && el.selectionStart === 0 && el.selectionEnd === el.value.length;
      });

    // Refused: writeText rejects, as when the browser denies clipboard access.
    await page.evaluate(() => {
      window.__copied = [];
      navigator.clipboard.writeText = (t) => {
        window.__copied.push(t);
        return Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
      };
    });
    await page.locator('#copy-link').click();
    await waitForText(page, '#share-link-note', 'Copying is blocked here: the link is selected, copy it with Ctrl+C (⌘C).');
    assert.deepEqual(await page.evaluate(() => window.__copied), [url]);
    await waitFor(selected, true, 'the link input focused and selected');

    // Unavailable: no navigator.clipboard (pages served over plain http from another host).
    await page.evaluate(() => {
      document.activeElement.blur();
      getSelection().removeAllRanges();
      Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true });
    });
    assert.equal(await selected(), false);
    await page.locator('#copy-link').click();
    await waitFor(selected, true, 'the link input focused and selected (no clipboard API)');
    assert.equal(await text(page, '#share-link-note'), 'Copying is blocked here: the link is selected, copy it with Ctrl+C (⌘C).');
    await app.check();
  });
});

describe('Scenario files: export, import, drag and drop', () => {
  test('"Export scenario (JSON)" downloads the scenario file of what is on screen', async () => {
    const app = await env.openApp();
    const { page } = app;
    await setTiter(page, '5', DS_AT_5);
    await openSharePanel(page);
    await waitForShareLink(page, LINK_AT_5);
    const file = await download(page, '#export-json');
    assert.equal(file.name, `${FILE_STEM}.json`);
    const json = JSON.parse(file.bytes.toString('utf8'));
    assert.equal(json.format, 'tech-transfer-scenario');
    assert.equal(json.version, 5);
    assert.equal(json.facility_profile, 'suzhou-2026-12b');
    assert.equal(json.scenario.name, DEFAULT_NAME);
    assert.equal(json.scenario.production.titer_g_per_l, 5);
    // Everything else is the default scenario, as written in the corpus file.
    const expected = JSON.parse(readFileSync(join(CORPUS_DIR, 'v5-default.json'), 'utf8'));
    expected.scenario.production.titer_g_per_l = 5;
    assert.deepEqual(json, expected);
    await app.check();
  });

  test('"Export results (CSV)" downloads quoted UTF-8 rows with a BOM, in the page\'s language', async () => {
    const app = await env.openApp();
    const { page } = app;
    await openSharePanel(page);
    const csvLines = (bytes) => bytes.subarray(3).toString('utf8').split('\r\n').filter((l) => l !== '');

    const en = await download(page, '#export-csv');
    assert.equal(en.name, `${FILE_STEM}-results.csv`);
    assert.deepEqual([...en.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'no UTF-8 byte order mark');
    const enLines = csvLines(en.bytes);
    assert.equal(enLines[0], `"Scenario name","${DEFAULT_NAME}"`);
    assert.equal(enLines[1], `"Link to this scenario","${env.server.url}#${DEFAULT_LINK}"`);
    assert.ok(enLines[2].startsWith('"Rate card",'), enLines[2]);
    for (const line of enLines) assert.match(line, /^"(?:[^"]|"")*"(?:,"(?:[^"]|"")*")*$/, `row not quoted: ${line}`);

    await switchLanguage(page, 'zh');
    await waitForText(page, '#export-csv', '导出结果（CSV）');
    const zh = await download(page, '#export-csv');
    assert.equal(zh.name, `${FILE_STEM}-results.csv`); // the scenario's name is the user's, not translated
    assert.deepEqual([...zh.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'no UTF-8 byte order mark');
    const zhLines = csvLines(zh.bytes);
    assert.ok(zhLines[2].startsWith('"价目表",'), `Chinese rate-card row: ${zhLines[2]}`);
    assert.ok(zhLines[1].endsWith(`,"${env.server.url}#${DEFAULT_LINK}"`), zhLines[1]);
    assert.ok(!zh.bytes.includes('"Rate card"'), 'English heading in the Chinese CSV');
    for (const line of zhLines) assert.match(line, /^"(?:[^"]|"")*"(?:,"(?:[^"]|"")*")*$/, `row not quoted: ${line}`);
    await app.check();
  });

  test('importing a scenario file opens it, says so, and "Go back to it" restores the previous scenario', async () => {
    const app = await env.openApp();
    const { page } = app;
    await setTiter(page, '5', DS_AT_5);
    await waitForAddress(page, LINK_AT_5);
    await openSharePanel(page);
    await importFile(page, 'v5-customised.json', readFileSync(join(CORPUS_DIR, 'v5-customised.json')));
    await waitForFigure(page, 'h-batch-cost', money(CUSTOMISED.price_per_batch));
    assert.equal(await figure(page, 'h-ds'), grams(CUSTOMISED.drug_substance_g_per_batch));
    assert.equal(await figure(page, 'h-harvest'), dateText(CUSTOMISED.first_harvest));
    assert.equal(await text(page, `${PANEL_NOTICE} p`), 'Opened the scenario file “v5-customised.json”.');
    // The file and its corpus link are the same scenario: the page writes exactly that link.
    await waitForShareLink(page, CUSTOMISED.link);
    await waitForAddress(page, CUSTOMISED.link);

    assert.equal(await text(page, `${PAGE_NOTICE} p`), 'Another scenario replaced the one you had on screen.');
    await page.locator('#go-back').click();
    await waitForFigure(page, 'h-ds', DS_AT_5);
    await waitForAddress(page, LINK_AT_5);
    assert.equal(await page.locator('#go-back').count(), 0);
    await app.check();
  });

  test('a scenario file round-trips: imported, then exported, it is the same file, named after the scenario in Chinese', async () => {
    const app = await env.openApp();
    const { page } = app;
    await openSharePanel(page);
    const original = readFileSync(join(CORPUS_DIR, 'v5-customised.json'));
    await importFile(page, 'v5-customised.json', original);
    await waitForShareLink(page, CUSTOMISED.link);
    // "苏州工艺转移 mAb-X 2000 L 补料分批 方案B": letters and digits of any script are kept.
    const stem = '苏州工艺转移-mAb-X-2000-L-补料分批-方案B';
    const json = await download(page, '#export-json');
    assert.equal(json.name, `${stem}.json`);
    assert.deepEqual(JSON.parse(json.bytes.toString('utf8')), JSON.parse(original.toString('utf8')));
    const csv = await download(page, '#export-csv');
    assert.equal(csv.name, `${stem}-results.csv`);
    assert.ok(csv.bytes.toString('utf8').includes(`"苏州工艺转移 mAb-X 2000 L 补料分批 方案B"`), 'the name in the CSV');
    await app.check();
  });

  test('a file that is not a scenario file is refused with the reason, in the reader\'s language; the scenario stays as it was', async () => {
    const app = await env.openApp();
    const { page } = app;
    await setTiter(page, '5', DS_AT_5);
    await waitForAddress(page, LINK_AT_5);
    await openSharePanel(page);
    const five = JSON.parse(readFileSync(join(CORPUS_DIR, 'v5-default.json'), 'utf8'));
    five.scenario.production.titer_g_per_l = 'five';
    for (const [name, content, reason] of [
      ['notes.json', 'titer 5, 2000 L', /^it is not a JSON file \(.+\)$/],
      ['other.json', '{"format": "spreadsheet", "cells": []}', /^it is JSON, but not a scenario file of this calculator$/],
      ['five.json', JSON.stringify(five), /^the field scenario\.production\.titer_g_per_l has a value of the wrong kind \(.+\)$/],
      ['huge.json', `{"pad": "${'x'.repeat(1_000_000)}"}`, /^it is larger than 1000000 bytes$/],
      // 30,000 letters are 40,000 of base64 in the link, 40,034 with `v5&p=suzhou-2026-12b&n=`
      // (23) and the checksum's `&c=` and 8 digits: more than the 20,000 a link is read to.
      [
        'long.json',
        JSON.stringify({ format: 'tech-transfer-scenario', version: 5, facility_profile: 'suzhou-2026-12b', scenario: { name: 'x'.repeat(30_000) } }),
        /^its link would have 40034 characters, at most 20000 are read: shorten its names$/,
      ],
    ]) {
      await importFile(page, name, content);
      const said = await waitForText(page, `${PANEL_NOTICE}.warn p`, new RegExp(`^The file “${name.replace('.', '\\.')}” could not be opened: `));
      const m = /^The file “[^”]+” could not be opened: (.*)\. The scenario on screen is unchanged\.$/.exec(said);
      assert.ok(m, `${name}: ${said}`);
      assert.match(m[1], reason, name);
      assert.equal(await page.locator(PANEL_NOTICE).count(), 1, `${name}: one panel notice at a time`);
      assert.equal(await figure(page, 'h-ds'), DS_AT_5, `${name}: the scenario changed`);
      assert.equal(await page.locator(PAGE_NOTICE).count(), 0, `${name}: page notice`);
      assert.equal(await address(page), LINK_AT_5, `${name}: the address changed`);
    }
    // The reason follows the language like the rest of the notice (it was kept in the words
    // of the language it was made in).
    await switchLanguage(page, 'zh');
    await waitForText(page, `${PANEL_NOTICE}.warn p`, '无法打开文件“long.json”：其链接将有 40034 个字符，最多只读取 20000 个：请缩短其中的名称。屏幕上的方案未改变。');
    await switchLanguage(page, 'en');
    await app.check();
  });

  test('a scenario file dropped anywhere on the page opens it', async () => {
    const app = await env.openApp();
    const { page } = app;
    const content = readFileSync(join(CORPUS_DIR, 'v5-ppq.json'), 'utf8');
    const prevented = await page.evaluate((json) => {
      const dt = new DataTransfer();
      dt.items.add(new File([json], 'x.json', { type: 'application/json' }));
      const over = new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true });
      document.body.dispatchEvent(over);
      const drop = new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true });
      document.body.dispatchEvent(drop);
      return { over: over.defaultPrevented, drop: drop.defaultPrevented };
    }, content);
    // The browser must not open the file itself (leaving the app).
    assert.deepEqual(prevented, { over: true, drop: true });
    await waitForFigure(page, 'h-batch-cost', money(TWO_LINES.price_per_batch));
    assert.equal(await figure(page, 'h-ds'), grams(TWO_LINES.drug_substance_g_per_batch));
    assert.equal(await text(page, `${PANEL_NOTICE} p`), 'Opened the scenario file “x.json”.');
    await waitForAddress(page, TWO_LINES.link);
    assert.ok(await page.locator('#go-back').isVisible());
    await app.check();
  });
});

describe('Saved scenarios and their comparison', () => {
  test('two tabs: a scenario saved in one is neither lost nor overwritten by a save in the other', async () => {
    const app = await env.openApp();
    const { page } = app;
    // A second tab of the same browser profile (same local storage).
    const other = await app.context.newPage();
    await other.goto(page.url());
    await other.locator('#result-details .block').first().waitFor({ state: 'visible', timeout: 15_000 });
    await openSharePanel(page);
    await openSharePanel(other);
    await page.locator('#save-scenario').click();
    await waitFor(() => storedLinks(page), (v) => v.length === 1, 'saved in the first tab');
    // The other tab follows the stored list (storage event) ...
    await waitFor(() => other.locator('.saved-item').count(), 1, 'the first tab\'s save shown in the second');
    // ... and its own save adds to it.
    await setTiter(other, '5', DS_AT_5);
    await waitForShareLink(other, LINK_AT_5);
    await other.locator('#save-scenario').click();
    await waitFor(() => storedLinks(page), (v) => v.length === 2, 'both saves stored');
    assert.deepEqual(await storedLinks(page), [DEFAULT_LINK, LINK_AT_5]);
    await waitFor(() => page.locator('.saved-item').count(), 2, 'the second tab\'s save shown in the first');
    await other.close();
    await app.check();
  });

  test('save, rename, compare two (differences highlighted), three at most, duplicate and delete', async () => {
    const app = await env.openApp();
    const { page } = app;
    await openSharePanel(page);
    assert.equal(await text(page, '.saved .note'), 'Nothing saved yet.');
    await page.locator('#save-scenario').click();
    await setTiter(page, '5', DS_AT_5);
    await waitForShareLink(page, LINK_AT_5);
    await page.locator('#save-scenario').click();
    await waitFor(() => page.locator('.saved-item').count(), 2, 'saved items');
    assert.deepEqual(await storedLinks(page), [DEFAULT_LINK, LINK_AT_5]);
    assert.deepEqual(await savedNames(page), [DEFAULT_NAME, DEFAULT_NAME]);
    assert.equal(await text(page, '.saved .note'), 'Tick two or three to compare them.');
    for (const [label, word] of [['Open', 'Open'], ['Duplicate', 'Duplicate'], ['Delete', 'Delete']]) {
      for (const n of [1, 2]) {
        assert.equal(await text(page, `.saved-item button[aria-label="${label} saved scenario ${n}"]`), word);
      }
    }
    assert.equal(await page.locator('.saved-name').nth(1).getAttribute('aria-label'), 'Name of saved scenario 2');

    // Rename the second: the stored link carries the new name, with a valid checksum.
    const second = page.locator('.saved-name').nth(1);
    await second.fill('Titer 5');
    await second.dispatchEvent('change');
    await waitFor(async () => (await storedLinks(page)).map(linkName), (v) => v[1] === 'Titer 5', 'renamed in storage');
    const stored = await storedLinks(page);
    assert.equal(stored[0], DEFAULT_LINK);
    assert.ok(stored[1].includes('&tit=5&'), stored[1]);
    for (const link of stored) assert.equal(splitChecksum(link)[1], fnv1a32(splitChecksum(link)[0]), `checksum of ${link}`);
    // Renaming a saved copy leaves the scenario on screen as it is.
    await waitForShareLink(page, LINK_AT_5);

    // Compare the two.
    assert.equal(await page.locator('#compare').count(), 0);
    await compareBox(page, 1).check();
    assert.equal(await page.locator('#compare').count(), 0, 'a comparison of one');
    await compareBox(page, 2).check();
    await page.locator('#compare').waitFor({ state: 'visible' });
    const table = await comparison(page);
    assert.deepEqual(table.head, ['Figure or input', DEFAULT_NAME, 'Titer 5']);
    const row = (label) => table.rows.find((r) => r.cells[0] === label);
    assert.deepEqual(row('Drug substance per batch'), {
      class: 'differs',
      cells: ['Drug substance per batch', DEFAULT_DS, `${DS_AT_5} · +2,671 g (+66.7%)`],
    });
    assert.equal(row('Price per batch (incl. overhead and margin)').cells[1], '$1,239,618');
    // The titer does not move the schedule: same harvest date, not highlighted.
    assert.deepEqual(row('Harvest date'), { class: '', cells: ['Harvest date', 'Tue 12 Oct 2027', 'Tue 12 Oct 2027'] });
    // Inputs that differ: the name and the titer, nothing else.
    const group = table.rows.findIndex((r) => r.class === 'group');
    assert.ok(group > 0, 'no "Inputs that differ" row');
    assert.equal(table.rows[group].cells[0], 'Inputs that differ');
    assert.deepEqual(table.rows.slice(group + 1), [
      { class: 'differs', cells: ['Scenario name', DEFAULT_NAME, 'Titer 5'] },
      { class: 'differs', cells: ['Production bioreactor (N) · Titer at harvest', '3', '5'] },
    ]);
    // Rows that differ are highlighted: they look different from rows that do not.
    const background = (cls) =>
      page.locator(`#compare tbody tr${cls} td`).first().evaluate((td) => getComputedStyle(td).backgroundColor + getComputedStyle(td).fontWeight);
    assert.notEqual(await background('.differs'), await background(':not(.differs):not(.group)'), 'differing rows are not highlighted');

    // Duplicate the first twice: four saved, the comparison starts again.
    await page.locator('button[aria-label="Duplicate saved scenario 1"]').click();
    await page.locator('button[aria-label="Duplicate saved scenario 1"]').click();
    await waitFor(() => page.locator('.saved-item').count(), 4, 'saved items');
    assert.deepEqual(await savedNames(page), [DEFAULT_NAME, DEFAULT_NAME, DEFAULT_NAME, 'Titer 5']);
    assert.equal((await storedLinks(page)).length, 4);
    assert.equal(await page.locator('#compare').count(), 0);
    // Three at most: with three ticked, the fourth cannot be.
    for (const n of [1, 2, 4]) await compareBox(page, n).check();
    assert.deepEqual((await comparison(page)).head, ['Figure or input', DEFAULT_NAME, DEFAULT_NAME, 'Titer 5']);
    assert.ok(await compareBox(page, 3).isDisabled(), 'a fourth can be ticked');
    await compareBox(page, 2).uncheck();
    assert.ok(await compareBox(page, 3).isEnabled());

    // Delete the second: three left, in storage too.
    await page.locator('button[aria-label="Delete saved scenario 2"]').click();
    await waitFor(() => page.locator('.saved-item').count(), 3, 'saved items');
    assert.deepEqual(await storedLinks(page), [DEFAULT_LINK, DEFAULT_LINK, stored[1]]);
    // Deleting the last with the keyboard: its buttons go with it, the focus goes to "Save"
    // (it fell back to the start of the page).
    await page.locator('button[aria-label="Delete saved scenario 3"]').focus();
    await page.keyboard.press('Enter');
    await waitFor(() => page.locator('.saved-item').count(), 2, 'saved items');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'save-scenario');
    await app.check();
  });

  test('"Open" loads a saved scenario (with a way back), and the list survives a reload', async () => {
    const app = await env.openApp();
    const { page } = app;
    await openSharePanel(page);
    await setTiter(page, '5', DS_AT_5);
    await waitForShareLink(page, LINK_AT_5);
    await page.locator('#save-scenario').click();
    await setTiter(page, '3.5', DS_AT_3_5);
    await waitForAddress(page, LINK_AT_3_5);

    await page.locator('button[aria-label="Open saved scenario 1"]').click();
    await waitForFigure(page, 'h-ds', DS_AT_5);
    assert.equal(await page.locator(TITER).inputValue(), '5');
    await waitForAddress(page, LINK_AT_5);
    assert.equal(await text(page, `${PAGE_NOTICE} p`), 'Another scenario replaced the one you had on screen.');
    await page.locator('#go-back').click();
    await waitForFigure(page, 'h-ds', DS_AT_3_5);
    await waitForAddress(page, LINK_AT_3_5);

    await app.reload();
    await openSharePanel(page);
    assert.equal(await figure(page, 'h-ds'), DS_AT_3_5, 'the address reopens the scenario after a reload');
    assert.deepEqual(await savedNames(page), [DEFAULT_NAME]);
    assert.deepEqual(await storedLinks(page), [LINK_AT_5]);
    await page.locator('button[aria-label="Open saved scenario 1"]').click();
    await waitForFigure(page, 'h-ds', DS_AT_5);
    await app.check();
  });

  test('saved data that cannot be read is set aside, shown for recovery, and the rest still listed', async () => {
    const app = await openAt(null, {
      // Once per browser tab, before the app reads the storage.
      init: (value) => {
        if (location.protocol.startsWith('http') && !sessionStorage.getItem('seeded')) {
          sessionStorage.setItem('seeded', '1');
          localStorage.setItem('ttc.saved.v1', value);
        }
      },
      arg: `${TWO_LINES.link}\n{garbage`,
    });
    const { page } = app;
    await openSharePanel(page);
    await waitFor(() => page.locator('.saved-item').count(), 1, 'saved items');
    assert.deepEqual(await savedNames(page), [linkName(TWO_LINES.link)]);
    assert.equal(linkName(TWO_LINES.link), 'PPQ then commercial, 2 lines');
    const notice = page.locator(`${PANEL_NOTICE}.warn`);
    assert.equal(await notice.count(), 1);
    assert.equal(await notice.getAttribute('role'), 'status');
    const said = await text(page, `${PANEL_NOTICE}.warn p`);
    assert.ok(said.includes('could not be read') && said.includes(RECOVERED_KEY), said);
    assert.equal(await notice.locator('textarea').inputValue(), '{garbage');
    assert.deepEqual(
      await page.evaluate(([a, b]) => [localStorage.getItem(a), localStorage.getItem(b)], [SAVED_KEY, RECOVERED_KEY]),
      [TWO_LINES.link, '{garbage'],
    );
    // The readable one opens.
    await page.locator('button[aria-label="Open saved scenario 1"]').click();
    await waitForFigure(page, 'h-batch-cost', money(TWO_LINES.price_per_batch));
    await app.check();
  });
});

describe('Share panel: accessibility and Chinese', () => {
  test('if the deferred module cannot load, the headline still works and a notice says what is missing', async () => {
    const app = await env.openApp();
    const { page, context } = app;
    // Served by the network, not by the service worker the first visit installed.
    await page.evaluate(async () => {
      for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
      for (const k of await caches.keys()) await caches.delete(k);
    });
    // Its loader, or its WebAssembly (the loader then reports init's failure).
    for (const file of [/deferred-[0-9a-f]+_loader\.js$/, /deferred-[0-9a-f]+_bg\.wasm$/]) {
      await context.route(file, (route) => route.fulfill({ status: 404, body: 'gone' }));
      await page.reload({ waitUntil: 'load' });
      await waitFor(() => text(page, `${PAGE_NOTICE} p`), /detailed results and the share panel could not be loaded/, `${file}: the notice`, 10_000);
      assert.equal(await figure(page, 'h-ds'), DEFAULT_DS);
      assert.equal(await page.locator('#result-details .block').count(), 0);
      // The expected problems: the 404 (and the console's report of it), init's failure.
      const expected = (p) =>
        /deferred-[0-9a-f]+(_loader\.js|_bg\.wasm)/.test(p) || /^console error: Failed to load resource: .* 404/.test(p) || /^page error: .*(fetch|WebAssembly|wasm)/i.test(p);
      assert.ok(app.problems.length > 0 && app.problems.every(expected), `${file}: ${JSON.stringify(app.problems)}`);
      app.problems.length = 0;
      await context.unroute(file);
    }
    await app.check();
  });

  test('no axe violations with the panel open, notices shown and two scenarios compared', async () => {
    const app = await openAt('hello', {
      init: (value) => {
        if (location.protocol.startsWith('http') && !sessionStorage.getItem('seeded')) {
          sessionStorage.setItem('seeded', '1');
          localStorage.setItem('ttc.saved.v1', value);
        }
      },
      arg: `${DEFAULT_LINK}\n{garbage`,
    });
    const { page } = app;
    await openSharePanel(page);
    await setTiter(page, '5', DS_AT_5);
    await waitForShareLink(page, LINK_AT_5);
    await page.locator('#save-scenario').click();
    await compareBox(page, 1).check();
    await compareBox(page, 2).check();
    await page.locator('#compare').waitFor({ state: 'visible' });
    // A refused file next to the unreadable saved data; the broken link's notice above the results.
    await importFile(page, 'notes.json', 'not json');
    await waitForText(page, `${PANEL_NOTICE}.warn p:has-text("notes.json")`, /^The file “notes\.json” could not be opened/);
    assert.equal(await page.locator(PANEL_NOTICE).count(), 2);
    assert.match(await text(page, `${PAGE_NOTICE} p`), /not a scenario link/);
    await page.locator('#copy-link').focus();
    assert.deepEqual(await axeViolations(page), [], 'axe-core violations (share panel, comparison, notices)');

    // Opening a saved one adds the "Go back" notice.
    await page.locator('button[aria-label="Open saved scenario 1"]').click();
    await waitForFigure(page, 'h-ds', DEFAULT_DS);
    assert.ok(await page.locator('#go-back').isVisible());
    assert.deepEqual(await axeViolations(page), [], 'axe-core violations (go-back notice)');
    await app.check();
  });

  test('in Chinese the panel, its notices and its comparison are in Chinese', async () => {
    const app = await env.openApp();
    const { page } = app;
    await switchLanguage(page, 'zh');
    await openSharePanel(page);
    assert.equal(await text(page, '#share > summary'), '分享、保存与导出');
    assert.equal(await text(page, '#copy-link'), '复制链接');
    assert.equal(await text(page, '#export-json'), '导出方案（JSON）');
    assert.equal(await text(page, '#export-csv'), '导出结果（CSV）');
    assert.equal(await text(page, 'label[for="import-file"]'), '导入方案文件');
    assert.equal(await text(page, '#save-scenario'), '保存此方案');
    assert.equal(await text(page, '.saved .note'), '尚未保存任何方案。');
    assert.equal(await page.locator('#share svg.qr').getAttribute('aria-label'), '本方案链接的二维码');

    await page.locator('#save-scenario').click();
    await setTiter(page, '5', DS_AT_5);
    await page.locator('#save-scenario').click();
    await waitFor(() => page.locator('.saved-item').count(), 2, 'saved items');
    assert.equal(await text(page, '.saved-item button[aria-label="打开已保存方案 2"]'), '打开');
    await compareBox(page, 1).check();
    await compareBox(page, 2).check();
    await page.locator('#compare').waitFor({ state: 'visible' });
    assert.equal(await text(page, '#compare h3'), '方案对比');
    assert.equal((await comparison(page)).head[0], '指标或输入');

    await importFile(page, 'notes.json', 'not json');
    await waitForText(page, `${PANEL_NOTICE}.warn p`, /^无法打开文件“notes\.json”：不是 JSON 文件/);
    await app.check();
  });
});
