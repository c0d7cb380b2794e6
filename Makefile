# Tech Transfer Calculator: build, serve and test. See README.md.
#   make setup   install/check the toolchain (idempotent; the second run installs nothing)
#   make serve   dev server on http://127.0.0.1:8080 with rebuild on change
#   make test    every test level, then "N passed, N failed"
#   make dist    release build into dist/ + size report (raw, gzip, brotli)
#   make bench   model benchmark (cargo bench) + page benchmark of the release build
#                (cold load to first result as a multiple of a static floor page served in the
#                same run, edit to paint, bytes per module; scripts/bench-page.mjs) + 5
#                Lighthouse runs with their total blocking time (scripts/lighthouse.sh)

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

# npm's binaryen (wasm-opt version_132) must win over any system wasm-opt; cargo-installed
# trunk / wasm-bindgen / wasm-bindgen-test-runner next.
export PATH := $(CURDIR)/node_modules/.bin:$(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(PATH)
# Trunk must never reach out to GitHub: no update check, no tool downloads (see Trunk.toml).
export TRUNK_SKIP_VERSION_CHECK := true
export TRUNK_OFFLINE := true
# Browser tests find chromedriver / Chromium here (Debian packages).
export CHROMEDRIVER ?= /usr/bin/chromedriver
export CHROMIUM_PATH ?= /usr/bin/chromium

.PHONY: help setup serve test dist bench clean

help:
	@echo "make setup | make serve | make test | make dist | make bench | make clean"

setup:
	@scripts/setup.sh

serve: setup
	trunk serve

test: setup
	@scripts/test-all.sh

dist: setup
	trunk build --release
	@scripts/size-report.sh dist

# The page benchmark measures the release build, so bench builds it first, as `make dist` does.
bench: setup dist
	cargo bench -p ttc-model --bench estimate
	node scripts/bench-page.mjs
	scripts/lighthouse.sh

clean:
	cargo clean
	rm -rf dist test-results
