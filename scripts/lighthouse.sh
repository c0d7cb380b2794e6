#!/usr/bin/env bash
# Lighthouse (mobile, simulated throttling) on the release build served under /calc/ with
# brotli, as a CDN would serve it. Prints the category scores and the metrics that fall short.
# Lighthouse is fetched by npx from the npm registry on first use (it is large, so it is not a
# project dependency); needs dist/ (make dist).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
[[ -f dist/index.html ]] || { echo "dist/ missing: run make dist" >&2; exit 1; }
port=${LIGHTHOUSE_PORT:-8099}
node tests/e2e/serve.mjs dist /calc/ "$port" >/dev/null &
server=$!
trap 'kill $server 2>/dev/null' EXIT
sleep 1
out=$(mktemp -d)
CHROME_PATH=${CHROMIUM_PATH:-/usr/bin/chromium} npx --yes lighthouse@13 "http://127.0.0.1:$port/calc/" \
  --chrome-flags="--headless=new --no-sandbox --disable-gpu" --output=json --output-path="$out/lh.json" --quiet \
  2> >(grep -v EBADENGINE >&2 || true)
node -e '
const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
console.log("Lighthouse (mobile):", Object.entries(d.categories).map(([k, v]) => `${k} ${v.score}`).join(", "));
for (const a of Object.values(d.audits)) {
  if (a.score !== null && a.score < 1 && ["numeric", "metricSavings"].includes(a.scoreDisplayMode)) console.log(`  ${a.id}: ${a.displayValue ?? ""} (score ${a.score})`);
}' "$out/lh.json"
