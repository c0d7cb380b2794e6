#!/usr/bin/env bash
# Installs exactly the tools this project builds and tests with, and only what is missing or
# at the wrong version: safe to run any number of times; a second run installs nothing.
# Non-interactive (no prompts, no stdin). Works offline except for the package registries
# (crates.io, npm, Debian apt). See README.md and /work/shared/TOOLCHAIN.md.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

TRUNK_VERSION=0.21.14
WASM_OPT_VERSION=version_132 # from the npm package binaryen@132.0.0, never Debian's binaryen
WASM_TARGET=wasm32-unknown-unknown

export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

ok() { printf '  ok       %-22s %s\n' "$1" "$2"; }
doing() { printf '  install  %-22s %s\n' "$1" "$2"; }
die() {
	printf 'setup: %s\n' "$*" >&2
	exit 1
}

echo "setup: checking tools"

# --- Rust toolchain -------------------------------------------------------------------------
command -v cargo >/dev/null || die "cargo not found: install Rust with rustup (https://rustup.rs), then re-run."
command -v rustup >/dev/null || die "rustup not found: the wasm32 target is installed with rustup; install Rust with rustup, then re-run."
ok rust "$(rustc --version)"

if rustup target list --installed | grep -qx "$WASM_TARGET"; then
	ok "$WASM_TARGET" "target installed"
else
	doing "$WASM_TARGET" "rustup target add $WASM_TARGET"
	rustup target add "$WASM_TARGET"
fi

# --- wasm-bindgen: the CLI must equal the library version locked in Cargo.lock ------------
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[[ -n $WBG_VERSION ]] || die "could not find the wasm-bindgen version in Cargo.lock"
TRUNK_WBG=$(sed -n 's/^wasm_bindgen *= *"\(.*\)".*/\1/p' Trunk.toml)
[[ $TRUNK_WBG == "$WBG_VERSION" ]] ||
	die "Trunk.toml [tools] wasm_bindgen = \"$TRUNK_WBG\" but Cargo.lock has wasm-bindgen $WBG_VERSION: set wasm_bindgen = \"$WBG_VERSION\" in Trunk.toml (they must match exactly)."
TRUNK_WOPT=$(sed -n 's/^wasm_opt *= *"\(.*\)".*/\1/p' Trunk.toml)
[[ $TRUNK_WOPT == "$WASM_OPT_VERSION" ]] ||
	die "Trunk.toml [tools] wasm_opt = \"$TRUNK_WOPT\", expected \"$WASM_OPT_VERSION\" (binaryen@132.0.0 from package.json)."

# --- Trunk ----------------------------------------------------------------------------------
have_trunk=$(trunk --version 2>/dev/null | awk '{print $2}' || true)
if [[ $have_trunk == "$TRUNK_VERSION" ]]; then
	ok trunk "$TRUNK_VERSION"
else
	doing trunk "$TRUNK_VERSION (found: ${have_trunk:-none}); takes ~10 min"
	cargo install trunk --version "$TRUNK_VERSION" --locked
fi

have_wbg=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
have_wbg_runner=$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{print $2}' || true)
if [[ $have_wbg == "$WBG_VERSION" && $have_wbg_runner == "$WBG_VERSION" ]]; then
	ok wasm-bindgen-cli "$WBG_VERSION (= Cargo.lock)"
else
	doing wasm-bindgen-cli "$WBG_VERSION (found: ${have_wbg:-none}); takes ~4 min"
	# Deliberately without --locked: its lock file pins a yanked webpki-roots and fails.
	cargo install wasm-bindgen-cli --version "$WBG_VERSION" --force
fi

# --- System packages: Chromium + chromedriver and a CJK font (browser tests), brotli (size) --
missing=()
command -v chromium >/dev/null || missing+=(chromium)
# Chinese as readers see it: with a CJK font (Noto Sans CJK, as on Android), not the
# missing-glyph boxes of a machine without one, whose widths wrap the Chinese labels
# differently. The places the page keeps for the deferred module's sections are measured in
# it, and the e2e layout-shift test checks them in Chinese.
fc-list -q 'Noto Sans CJK SC' 2>/dev/null || missing+=(fonts-noto-cjk)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v brotli >/dev/null || missing+=(brotli)
command -v gzip >/dev/null || missing+=(gzip)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if ((${#missing[@]})); then
	if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
		doing apt "${missing[*]}"
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq
		apt-get install -y -qq "${missing[@]}" </dev/null
	else
		die "missing system packages: ${missing[*]}. Install them (Debian/Ubuntu: sudo apt-get install -y ${missing[*]}), then re-run."
	fi
fi
ok chromium "$(chromium --version 2>/dev/null | head -n1)"
ok chromedriver "$(chromedriver --version | awk '{print $2}')"
ok brotli "$(brotli --version)"
ok cjk-font "Noto Sans CJK SC (fontconfig)"

node_major=$(node -p 'process.versions.node.split(".")[0]')
((node_major >= 20)) || die "Node.js >= 20 is required (found $(node --version)); playwright-core needs it."
ok node "$(node --version)"

# --- npm tools, local to the repo (playwright-core, @axe-core/playwright, binaryen) ---------
# npm ci only when package-lock.json changed since the last install (or node_modules is gone).
stamp=node_modules/.setup-stamp
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ -f $stamp && $(cat "$stamp") == "$want" ]] && [[ -x node_modules/.bin/wasm-opt ]]; then
	ok npm "node_modules matches package-lock.json"
else
	doing npm "npm ci"
	npm ci --no-audit --no-fund </dev/null
	echo "$want" >"$stamp"
fi
have_wopt=$(wasm-opt --version | sed -n 's/.*(\(version_[0-9]*\)).*/\1/p')
[[ $have_wopt == "$WASM_OPT_VERSION" && $(command -v wasm-opt) == "$ROOT/node_modules/.bin/wasm-opt" ]] ||
	die "wasm-opt on PATH is $(command -v wasm-opt) ($have_wopt), expected $ROOT/node_modules/.bin/wasm-opt ($WASM_OPT_VERSION)"
ok wasm-opt "$have_wopt (node_modules/.bin)"

# --- Crates: fetched for every target now, so Trunk's offline cargo build finds them -------
cargo fetch --quiet
ok crates "fetched"

echo "setup: all tools present"
