#!/usr/bin/env bash
# Runs every test level in order and prints one summary. Each suite runs even if an earlier
# one failed (except end-to-end, which needs the release build), so one run shows everything.
#   0. lint        cargo fmt --check; cargo clippy -D warnings (native and wasm32); the model
#                  crate depends on no web crate (scripts/check-model-purity.sh)
#   1. native      cargo test --workspace (model, words, command line, page logic)
#   2. component   cargo test --target wasm32-unknown-unknown --test web (headless Chromium)
#   3. build       trunk build --release into dist/
#   4. size        scripts/size-report.sh (first-load brotli budget)
#   5. e2e         node --test tests/e2e/*.test.mjs (playwright-core + axe-core, dist/ under /calc/)
# The last line is "N passed, N failed" summed over all tests; a build or budget step that
# fails counts as one failure. Expects the PATH/env set up by the Makefile (`make test`).
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
LOG_DIR=$(mktemp -d)
trap 'rm -rf "$LOG_DIR"' EXIT

total_pass=0 total_fail=0
summary=()

# cargo/libtest and wasm-bindgen-test-runner: sum every "test result:" line.
count_cargo() {
	local log=$1
	local p f
	p=$(sed -n 's/.*test result: [A-Za-z]*\. \([0-9]*\) passed; \([0-9]*\) failed.*/\1/p' "$log" | awk '{s+=$1} END {print s+0}')
	f=$(sed -n 's/.*test result: [A-Za-z]*\. \([0-9]*\) passed; \([0-9]*\) failed.*/\2/p' "$log" | awk '{s+=$1} END {print s+0}')
	echo "$p $f"
}

# node --test (spec or tap reporter): "ℹ pass N" / "# pass N".
count_node() {
	local log=$1
	local p f
	p=$(sed -n 's/^\(ℹ\|#\) pass \([0-9]*\)$/\2/p' "$log" | tail -n1)
	f=$(sed -n 's/^\(ℹ\|#\) fail \([0-9]*\)$/\2/p' "$log" | tail -n1)
	echo "${p:-0} ${f:-0}"
}

# run_suite NAME KIND COMMAND...: KIND is cargo, node or step (a step counts as no test).
run_suite() {
	local name=$1 kind=$2
	shift 2
	local log="$LOG_DIR/$name.log" start rc p f
	echo
	echo "==> [$name] $*"
	start=$SECONDS
	"$@" 2>&1 | tee "$log"
	rc=${PIPESTATUS[0]}
	case $kind in
	cargo) read -r p f < <(count_cargo "$log") ;;
	node) read -r p f < <(count_node "$log") ;;
	step) p=0 f=0 ;;
	esac
	# A non-zero exit with no failing test counted (compile error, crash, budget) is a failure.
	if ((rc != 0 && f == 0)); then f=1; fi
	total_pass=$((total_pass + p)) total_fail=$((total_fail + f))
	local verdict=ok
	((rc == 0)) || verdict=FAILED
	if [[ $kind == step ]]; then
		summary+=("$(printf '%-10s %-7s %4ss' "$name" "$verdict" $((SECONDS - start)))")
	else
		summary+=("$(printf '%-10s %-7s %4ss  %d passed, %d failed' "$name" "$verdict" $((SECONDS - start)) "$p" "$f")")
	fi
	return "$rc"
}

run_suite lint step scripts/lint.sh
run_suite native cargo cargo test --workspace
run_suite component cargo cargo test --target wasm32-unknown-unknown --test web
if run_suite build step trunk build --release; then
	run_suite size step scripts/size-report.sh dist
	run_suite e2e node node --test --test-reporter=spec tests/e2e/*.test.mjs
else
	summary+=("$(printf '%-10s %-7s (needs the release build)' size skipped)" "$(printf '%-10s %-7s (needs the release build)' e2e skipped)")
fi

echo
echo "==> summary"
printf '  %s\n' "${summary[@]}"
echo "$total_pass passed, $total_fail failed"
((total_fail == 0))
