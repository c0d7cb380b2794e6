#!/usr/bin/env bash
# Trunk post_build hook (Trunk.toml [[hooks]]): finishes the build in Trunk's staging dir
# before Trunk moves it to dist/. Idempotent: running it again on its own output changes nothing.
#
#   a. The page's module (tech_transfer_calc: Leptos, the form) and the deferred module (detailed
#      results, share panel): Trunk builds them as "workers" (so that it starts only the first
#      module, src/bin/first.rs) and does not hash worker file names (W.js, W_bg.wasm,
#      W_loader.js). They are renamed W-<16 hex>{.js,_bg.wasm,_loader.js} (sha256 of the JS,
#      the wasm and the loader's text), the glue and loader are rewritten to the new names (the
#      loader also fires `error` on its <script id="META-loading"> when the module cannot start,
#      its wasm missing or refused, as the browser does when the loader itself cannot be
#      fetched: src/loader.rs shows a notice then), and index.html gets
#      <meta name="ttc-page|ttc-deferred" content="W-<hash>_loader.js"> for the first module and
#      the page to load them with. Skipped for a module the build does not have. The page's
#      module is not preloaded: downloaded beside the first module it put the first result
#      about 23 ms later (15 interleaved cold loads, 2026-12-06).
#      The first module is renamed after its content too (first-<16 hex>, see below).
#   b. Content-Security-Policy: a <meta http-equiv> right after <meta charset>, allowing the
#      inline scripts of index.html (Trunk's wasm start-up module, `trunk serve`'s autoreload)
#      by their sha256.
#   c. sw.js from pwa/sw.template.js: PRECACHE = every file of the build (relative URLs,
#      without sw.js, *.map, *.d.ts), VERSION = the first 16 hex of a sha256 over the files'
#      names and contents. Debug builds (trunk serve) get the template as is: VERSION
#      "development" and nothing precached, a pass-through worker that never serves a stale
#      build while developing; TTC_OFFLINE=1 precaches anyway.
#
#   TRUNK_STAGING_DIR=dist scripts/post-build.sh      (by hand: dist/ or a copy of it)
#   env from Trunk: TRUNK_STAGING_DIR, TRUNK_PROFILE (release | debug)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DIR=${TRUNK_STAGING_DIR:?post-build: TRUNK_STAGING_DIR is not set (run by Trunk, or set it to dist/)}
PROFILE=${TRUNK_PROFILE:-release}
HTML=$DIR/index.html
TEMPLATE=$ROOT/pwa/sw.template.js

die() {
	echo "post-build: $*" >&2
	exit 1
}
[[ -f $HTML ]] || die "$HTML not found"
[[ -f $TEMPLATE ]] || die "$TEMPLATE not found"
grep -q '<meta charset=[^>]*>' "$HTML" || die "$HTML has no <meta charset> to put the CSP after"

# --- a. the page's module and the deferred module: content-hashed names ---------------------
# hash_module W META: renames W.js, W_bg.wasm, W_loader.js to W-<16 hex>… and puts the loader's
# name in <meta name="META">; again on a second run, for whichever hashed loader the dir holds.
hash_module() {
	local W=$1 META=$2 hash f
	# Trunk's loader shim (data-loader-shim) is `import init from './W.js';await init();`; this
	# one also tells src/loader.rs (whose script element has the id META-loading) when init
	# fails. @JS@ stands for the glue's hashed name.
	local loader="import init from './@JS@';await init().catch((e)=>{document.getElementById('$META-loading')?.dispatchEvent(new Event('error'));throw e});"
	if [[ -f $DIR/$W.js && -f $DIR/${W}_bg.wasm ]]; then
		hash=$(printf '%s' "$loader" | cat "$DIR/$W.js" "$DIR/${W}_bg.wasm" - | sha256sum | cut -c1-16)
		# Hashed copies left from an earlier build in the same dir would be precached for nothing.
		find "$DIR" -maxdepth 1 -type f -regextype posix-extended \
			-regex ".*/$W-[0-9a-f]{16}(\.js|_bg\.wasm|_loader\.js)" -delete
		# wasm-bindgen's web glue finds its wasm next to itself by name: new URL('W_bg.wasm', ...).
		sed -e "s|${W}_bg\.wasm|$W-${hash}_bg.wasm|g" "$DIR/$W.js" >"$DIR/$W-$hash.js"
		rm "$DIR/$W.js"
		mv "$DIR/${W}_bg.wasm" "$DIR/$W-${hash}_bg.wasm"
		printf '%s' "${loader//@JS@/$W-$hash.js}" >"$DIR/$W-${hash}_loader.js"
		rm -f "$DIR/${W}_loader.js"
	fi
	local loaders=()
	while IFS= read -r -d '' f; do loaders+=("${f##*/}"); done < <(find "$DIR" -maxdepth 1 -type f \
		-regextype posix-extended -regex ".*/$W-[0-9a-f]{16}_loader\.js" -print0)
	((${#loaders[@]} <= 1)) || die "several loaders of $W in $DIR: ${loaders[*]}"
	sed -i "s|<meta name=\"$META\" content=\"[^\"]*\">||g" "$HTML"
	if ((${#loaders[@]} == 1)); then
		sed -i "0,/<meta charset=[^>]*>/s||&<meta name=\"$META\" content=\"${loaders[0]}\">|" "$HTML"
	fi
}
hash_module deferred ttc-deferred
hash_module tech_transfer_calc ttc-page

# The first module (first-<h>.js, first-<h>_bg.wasm, which index.html starts): Trunk names it
# after the wasm as cargo built it, before wasm-bindgen and wasm-opt, so a change of those
# tools alone could put other bytes under the same name, and the service worker keeps the
# HTTP cache's copy of a file named by its content (pwa/sw.template.js). Renamed first-<16 hex>
# (sha256 of the JS + wasm) and index.html rewritten (its integrity attributes stay: the
# contents do not change). The same content gives the same name: a second run changes nothing.
name_first_module() {
	local js old hash
	js=$(grep -oE 'first-[0-9a-f]+\.js' "$HTML" | head -n1 || true)
	[[ -n $js && -f $DIR/$js ]] || return 0
	old=${js%.js}
	[[ -f $DIR/${old}_bg.wasm ]] || die "$HTML starts $js, but $DIR has no ${old}_bg.wasm"
	hash=$(cat "$DIR/$js" "$DIR/${old}_bg.wasm" | sha256sum | cut -c1-16)
	[[ $old != "first-$hash" ]] || return 0
	mv "$DIR/$js" "$DIR/first-$hash.js"
	mv "$DIR/${old}_bg.wasm" "$DIR/first-${hash}_bg.wasm"
	sed -i "s/$old\(\.js\|_bg\.wasm\)/first-$hash\1/g" "$HTML"
}
name_first_module

# --- b. Content-Security-Policy ----------------------------------------------------------------
# The hash is over the exact text between <script> and </script> (after minification: this runs
# on the file Trunk wrote). HTML comments are skipped; an external <script src> needs no hash.
node - "$HTML" <<'EOF'
const { createHash } = require('node:crypto');
const { readFileSync, writeFileSync } = require('node:fs');
const file = process.argv[2];
const before = readFileSync(file, 'utf8');
const html = before.replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/g, '');
const hashes = new Set();
for (const m of html.replace(/<!--[\s\S]*?-->/g, '').matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
  if (/(^|\s)src\s*=/i.test(m[1])) continue;
  hashes.add(`'sha256-${createHash('sha256').update(m[2], 'utf8').digest('base64')}'`);
}
const csp = [
  "default-src 'self'",
  ["script-src 'self' 'wasm-unsafe-eval'", ...hashes].join(' '),
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "worker-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const after = html.replace(/<meta charset=[^>]*>/i, (m) => `${m}<meta http-equiv="Content-Security-Policy" content="${csp}">`);
if (after !== before) writeFileSync(file, after);
EOF

# --- c. sw.js ----------------------------------------------------------------------------------
urls=()
version=development
if [[ $PROFILE == release || ${TTC_OFFLINE:-} == 1 ]]; then
	files=()
	while IFS= read -r -d '' f; do
		[[ $f != *$'\n'* ]] || die "file name with a line break: $f"
		files+=("$f")
	done < <(cd "$DIR" && find . -type f ! -name sw.js ! -name '*.map' ! -name '*.d.ts' \
		! -path '*/.*' -print0 | LC_ALL=C sort -z)
	version=$(cd "$DIR" && sha256sum -- "${files[@]}" | sha256sum | cut -c1-16)
	# Not "./": navigations to the scope are answered with index.html, and a host that refuses
	# directory URLs (S3 behind CloudFront returns 403) would fail the whole install.
	urls=()
	for f in "${files[@]}"; do
		# Percent-encode what would break a URL or the JS string (Trunk's own names need none).
		urls+=("$(printf '%s' "$f" | sed -e 's/%/%25/g' -e 's/ /%20/g' -e 's/#/%23/g' \
			-e 's/?/%3F/g' -e 's/"/%22/g' -e 's/\\/%5C/g')")
	done
fi
[[ $(grep -c -e '^const VERSION = ' -e '^const PRECACHE = ' "$TEMPLATE") == 2 ]] ||
	die "$TEMPLATE must have one 'const VERSION = ' and one 'const PRECACHE = ' line"
{
	echo "// Generated by scripts/post-build.sh from pwa/sw.template.js ($PROFILE build). Do not edit."
	while IFS= read -r line || [[ -n $line ]]; do
		case $line in
		'const VERSION = '*) printf 'const VERSION = "%s";\n' "$version" ;;
		'const PRECACHE = '*)
			echo 'const PRECACHE = ['
			((${#urls[@]} == 0)) || printf '  "%s",\n' "${urls[@]}"
			echo '];'
			;;
		*) printf '%s\n' "$line" ;;
		esac
	done <"$TEMPLATE"
} >"$DIR/sw.js"
echo "post-build: sw.js version $version, ${#urls[@]} URLs precached ($PROFILE)"
