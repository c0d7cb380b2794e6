#!/usr/bin/env bash
# Formatting, lints and the model crate's purity, as `make test` checks them.
#   cargo fmt --check                        rustfmt.toml's style everywhere
#   cargo clippy -D warnings                 every crate and test, natively and for wasm32
#   cargo tree -p ttc-model                  the model depends on no web crate
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

echo "lint: cargo fmt --check"
cargo fmt --all --check

echo "lint: cargo clippy (native)"
cargo clippy --workspace --all-targets -- -D warnings

echo "lint: cargo clippy (wasm32: the page, the deferred module, the component tests)"
cargo clippy --target wasm32-unknown-unknown -p tech_transfer_calc --lib --bins --test web -- -D warnings

# Architecture Invariant (ARCHITECTURE.md): the model is plain Rust and serde.
echo "lint: the model crate depends on no web crate"
web=$(cargo tree -p ttc-model -e normal,build --prefix none | grep -E '^(leptos|web-sys|js-sys|wasm-bindgen|gloo)' || true)
if [[ -n $web ]]; then
	echo "ttc-model must not depend on web crates, found:" >&2
	echo "$web" >&2
	exit 1
fi
echo "lint: ok"
