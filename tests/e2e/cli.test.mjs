// The command line and the page agree: for each scenario file of the corpus, `ttc estimate`
// prints the drug substance and the price per batch that the page shows for the link that
// `ttc link` gives (the figures as the page rounds them: whole grams, whole dollars).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, figure, parseMoney, parseNumber, setupSuite } from './support.mjs';

const env = setupSuite();
// Built by the native suite (`cargo test --workspace` builds the binary its tests run).
const TTC = join(process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target'), 'debug', 'ttc');
const FILES = [
  'v1-default.json', 'v1-high-titer.json', 'v1-customised.json',
  'v2-default.json', 'v2-customised.json', 'v2-tox-rolling.json', 'v2-ppq.json',
  'v3-default.json', 'v3-customised.json', 'v3-tox-rolling.json', 'v3-ppq.json',
  'v4-default.json', 'v4-customised.json', 'v4-tox-rolling.json', 'v4-ppq.json',
  'v5-default.json', 'v5-customised.json', 'v5-tox-rolling.json', 'v5-ppq.json',
];

function ttc(...args) {
  return execFileSync(TTC, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('Command line', () => {
  test('ttc estimate prints the drug substance, price per batch and program price the page shows', async () => {
    if (!existsSync(TTC)) execFileSync('cargo', ['build', '-p', 'ttc'], { cwd: ROOT, stdio: 'inherit' });
    const app = await env.openApp();
    const { page } = app;
    for (const name of FILES) {
      const file = join(ROOT, 'tests', 'corpus', name);
      const out = JSON.parse(ttc('estimate', file));
      assert.equal(out.format, 'tech-transfer-estimate');
      const link = ttc('link', file).trim();
      await page.goto('about:blank');
      await page.goto(`${env.server.url}#${link}`, { waitUntil: 'load' });
      await app.ready();
      const ds = out.estimate.downstream.drug_substance_g;
      const price = out.estimate.cost.price_per_batch_usd;
      assert.equal(parseNumber(await figure(page, 'h-ds')), Math.round(ds), `${name}: drug substance`);
      assert.deepEqual(parseMoney(await figure(page, 'h-batch-cost')), { symbol: '$', value: Math.round(price), decimals: 0 }, `${name}: price per batch`);
      const program = out.estimate.program_cost.price_usd;
      assert.deepEqual(parseMoney(await figure(page, 'h-program')), { symbol: '$', value: Math.round(program), decimals: 0 }, `${name}: program price`);
    }
    await app.check();
  });
});
