#!/usr/bin/env bash
# Size report for a release build: raw, gzip (-9) and brotli (-q 11) bytes of every file in
# dist/, and the total. Enforces the first-load budget: the brotli total of the files a
# browser fetches on first load (HTML, CSS, JS, wasm) must stay under BUDGET bytes.
#
#   scripts/size-report.sh [DIR]      (DIR defaults to dist)
#   BUDGET=204800 scripts/size-report.sh
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
DIR=${1:-dist}
BUDGET=${BUDGET:-204800} # 200 KiB

[[ -f $DIR/index.html ]] || {
	echo "size-report: $DIR/index.html not found; run 'make dist' (trunk build --release) first" >&2
	exit 1
}
command -v brotli >/dev/null || {
	echo "size-report: brotli not found; run scripts/setup.sh (apt-get install brotli)" >&2
	exit 1
}

printf '%-48s %10s %10s %10s\n' file raw gzip brotli
total_raw=0 total_gz=0 total_br=0 first_load_br=0
while IFS= read -r -d '' f; do
	raw=$(stat -c %s "$f")
	gz=$(gzip -9 -c "$f" | wc -c)
	br=$(brotli -q 11 -c "$f" | wc -c)
	printf '%-48s %10d %10d %10d\n' "${f#"$DIR"/}" "$raw" "$gz" "$br"
	total_raw=$((total_raw + raw)) total_gz=$((total_gz + gz)) total_br=$((total_br + br))
	case $f in
	*.html | *.css | *.js | *.mjs | *.wasm) first_load_br=$((first_load_br + br)) ;;
	esac
done < <(find "$DIR" -type f -print0 | sort -z)
printf '%-48s %10d %10d %10d\n' TOTAL "$total_raw" "$total_gz" "$total_br"

if ((first_load_br < BUDGET)); then
	echo "size budget: OK: first load (HTML+CSS+JS+wasm) is $first_load_br bytes brotli, budget < $BUDGET"
else
	echo "size budget: FAILED: first load (HTML+CSS+JS+wasm) is $first_load_br bytes brotli, budget < $BUDGET" >&2
	exit 1
fi
