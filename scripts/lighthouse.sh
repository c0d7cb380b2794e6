#!/usr/bin/env bash
# Lighthouse (mobile, simulated throttling) on the release build served under /calc/ with
# brotli, as a CDN would serve it: LIGHTHOUSE_RUNS runs (default 5), one line each with the
# category scores, total blocking time, largest contentful paint and cumulative layout shift,
# then their ranges (and the median blocking time), and
# the audits of the last run that fall short. Reports only: it fails only if Lighthouse cannot
# run. Lighthouse is fetched by npx from the npm registry on first use (it is large, so it is
# not a project dependency); needs dist/ (make dist).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
[[ -f dist/index.html ]] || { echo "dist/ missing: run make dist" >&2; exit 1; }
port=${LIGHTHOUSE_PORT:-8099}
runs=${LIGHTHOUSE_RUNS:-5}
node tests/e2e/serve.mjs dist /calc/ "$port" >/dev/null &
server=$!
out=$(mktemp -d)
trap 'kill $server 2>/dev/null; rm -rf "$out"' EXIT
sleep 1
for ((i = 1; i <= runs; i++)); do
	CHROME_PATH=${CHROMIUM_PATH:-/usr/bin/chromium} npx --yes lighthouse@13 "http://127.0.0.1:$port/calc/" \
		--chrome-flags="--headless=new --no-sandbox --disable-gpu" --output=json --output-path="$out/lh-$i.json" --quiet \
		2> >(grep -v EBADENGINE >&2 || true)
done
node -e '
const fs = require("fs");
const runs = process.argv.slice(1).map((f) => JSON.parse(fs.readFileSync(f, "utf8")));
const ms = (d, id) => Math.round(d.audits[id].numericValue);
const cls = (d) => Number(d.audits["cumulative-layout-shift"].numericValue.toFixed(3));
console.log(`Lighthouse (mobile, simulated throttling), ${runs.length} runs:`);
runs.forEach((d, i) => {
  const scores = Object.entries(d.categories).map(([k, v]) => `${k} ${v.score}`).join(", ");
  console.log(`  run ${i + 1}: ${scores}; total blocking time ${ms(d, "total-blocking-time")} ms, LCP ${ms(d, "largest-contentful-paint")} ms, CLS ${cls(d)}`);
});
const range = (xs) => `${Math.min(...xs)}-${Math.max(...xs)}`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const tbt = runs.map((d) => ms(d, "total-blocking-time"));
console.log(`  performance ${range(runs.map((d) => d.categories.performance.score))}, total blocking time ${range(tbt)} ms (median ${median(tbt)}), LCP ${range(runs.map((d) => ms(d, "largest-contentful-paint")))} ms, CLS ${range(runs.map(cls))}`);
const last = runs.at(-1);
for (const a of Object.values(last.audits)) {
  if (a.score !== null && a.score < 1 && ["numeric", "metricSavings"].includes(a.scoreDisplayMode)) console.log(`  last run, short of 1: ${a.id}: ${a.displayValue ?? ""} (score ${a.score})`);
}' $(for ((i = 1; i <= runs; i++)); do echo "$out/lh-$i.json"; done)
