#!/usr/bin/env bash
# Installs whatever the build and the tests need and is missing; fast when all is there.
#
# Two routes to a wasm32 compiler:
#  - rustup (a laptop with internet): `rustup target add wasm32-unknown-unknown`;
#  - Debian (machines that reach only package registries, where rustup cannot download the
#    wasm32 standard library): rustc-web + rust-web-src + lld-22, building `std` from source.
# The chosen route is written to .tools/route, read by scripts/wasm-env.sh.
# Trunk and wasm-bindgen-cli come from crates.io, wasm-opt and playwright-core from npm, and
# the browsers are Debian's chromium (or $CHROMIUM / a Chrome already installed) and firefox-esr
# (or $FIREFOX), the office suite
# Debian's libreoffice-writer-nogui and libreoffice-calc-nogui (or a LibreOffice already installed),
# and openpyxl from PyPI in .tools/venv for the tests that type into an .xlsx.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .tools

TRUNK_VERSION=0.21.14
# The splitter of the wasm into parts loaded on demand (scripts/wasm-split.sh). Its 0.2 line
# reads the format that wasm_split_helpers 0.2 (Cargo.lock, through leptos) writes.
WASM_SPLIT_VERSION=0.2.4
step() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "Il faut les droits administrateur pour : $*" >&2; return 1; fi
}

apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  step "apt-get install ${missing[*]}"
  if [ ! -f .tools/apt-updated ]; then as_root apt-get update -q && touch .tools/apt-updated; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
}

rustup_has_wasm() {
  command -v rustup >/dev/null && rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown
}

choose_route() {
  if [ -f .tools/route ]; then return; fi
  if rustup_has_wasm; then echo rustup > .tools/route; return; fi
  # Probe the network briefly: where rustup cannot download, its `target add` hangs for ever.
  if command -v rustup >/dev/null && command -v curl >/dev/null \
     && curl -fsS --max-time 8 -o /dev/null https://static.rust-lang.org/dist/channel-rust-stable.toml.sha256 2>/dev/null \
     && timeout 600 rustup target add wasm32-unknown-unknown; then
    echo rustup > .tools/route; return
  fi
  if command -v apt-get >/dev/null; then echo debian > .tools/route; return; fi
  echo "Aucune cible wasm32 disponible : installez rustup (https://rustup.rs) puis relancez." >&2
  exit 1
}

wasm_compiler() {
  choose_route
  if [ "$(cat .tools/route)" = debian ]; then apt_install rustc-web cargo-web rust-web-src lld-22; fi
  if [ "$(cat .tools/route)" = rustup ]; then rust_src; fi
  std_deps
}

# `trunk build --offline` rebuilds the standard library from source (always on the Debian route;
# with rust-src for panic=immediate-abort on the rustup route): the crates of std's own
# Cargo.lock must already be in cargo's cache, or cargo stops with "failed to download
# `libc v0.2.183`". Fetched here, online, once; fast when they are there.
std_deps() {
  local rustc=rustc cargo=cargo lib
  if [ "$(cat .tools/route)" = debian ]; then rustc=/usr/bin/rustc cargo=/usr/bin/cargo; fi
  lib="$("$rustc" --print sysroot)/lib/rustlib/src/rust/library"
  [ -f "$lib/Cargo.lock" ] || return 0
  RUSTC="$rustc" RUSTC_BOOTSTRAP=1 "$cargo" fetch --locked --quiet --manifest-path "$lib/Cargo.toml"
}

# The standard library's sources, so that release builds can rebuild it with
# panic=immediate-abort (scripts/wasm-env.sh). Optional: where rustup cannot download, the build
# goes on without it, only larger.
rust_src() {
  local sysroot
  sysroot=$(rustc --print sysroot)
  [ -d "$sysroot/lib/rustlib/src/rust/library/std" ] && return
  [ -f .tools/no-rust-src ] && return
  step "rustup component add rust-src (smaller release wasm)"
  timeout 300 rustup component add rust-src || touch .tools/no-rust-src
}

host_cargo_install() {
  # Trunk and wasm-bindgen are host tools: build them with the ordinary toolchain.
  env -u RUSTC -u RUSTC_BOOTSTRAP -u CARGO_UNSTABLE_BUILD_STD cargo install "$@"
}

trunk_tool() {
  if command -v trunk >/dev/null && trunk --version | grep -q " $TRUNK_VERSION"; then return; fi
  step "cargo install trunk@$TRUNK_VERSION (about 10 minutes, once)"
  host_cargo_install --locked "trunk@$TRUNK_VERSION"
}

wasm_bindgen_tool() {
  local version
  version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
  if command -v wasm-bindgen >/dev/null && wasm-bindgen --version | grep -q " $version"; then return; fi
  step "cargo install wasm-bindgen-cli@$version (about 4 minutes, once)"
  # No --locked: its lock file names a webpki-roots release that some registries lack.
  host_cargo_install "wasm-bindgen-cli@$version"
}

wasm_split_tool() {
  if command -v wasm-split-cli >/dev/null && [ "$(cat .tools/wasm-split 2>/dev/null)" = "$WASM_SPLIT_VERSION" ]; then return; fi
  if ! grep -A1 '^name = "wasm_split_helpers"$' Cargo.lock | grep -q 'version = "0\.2\.'; then
    echo "setup.sh: wasm_split_helpers in Cargo.lock is not of the 0.2 line that wasm-split-cli $WASM_SPLIT_VERSION reads" >&2
    exit 1
  fi
  step "cargo install wasm_split_cli_support@$WASM_SPLIT_VERSION (about 2 minutes, once)"
  host_cargo_install --locked "wasm_split_cli_support@$WASM_SPLIT_VERSION" --features build-binary
  echo "$WASM_SPLIT_VERSION" > .tools/wasm-split
}

node_modules() {
  if [ -x node_modules/.bin/wasm-opt ] && [ -d node_modules/playwright-core ] && [ -d node_modules/puppeteer-core ] && [ -d node_modules/axe-core ] \
     && [ node_modules/.package-lock.json -nt package-lock.json ]; then return; fi
  if ! command -v npm >/dev/null; then apt_install nodejs npm; fi
  step "npm ci (playwright-core, puppeteer-core, axe-core, binaryen's wasm-opt)"
  npm ci --no-audit --no-fund --loglevel=error
}

browser() {
  if [ -n "${CHROMIUM:-}" ] && [ -x "$CHROMIUM" ]; then return; fi
  for candidate in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
    [ -x "$candidate" ] && return
  done
  apt_install chromium
}

# Firefox ESR, as French administrations install it, for tests/firefox/ (puppeteer-core over
# WebDriver BiDi): $FIREFOX if set, else Debian's firefox-esr.
firefox() {
  if [ -n "${FIREFOX:-}" ] && [ -x "$FIREFOX" ]; then return; fi
  [ -x /usr/bin/firefox-esr ] && return
  apt_install firefox-esr
}

# LibreOffice Writer and Calc without their GUI: the tests open every exported .odt and the
# collection's .xlsx/.ods with them, as partners will (tests/support/odt.mjs,
# tests/documents/collection-sheets.test.mjs). Any LibreOffice already installed will do;
# Debian's gets its spreadsheet module, which Writer alone lacks.
office_suite() {
  if ! command -v soffice >/dev/null; then
    apt_install libreoffice-writer-nogui libreoffice-calc-nogui
  elif dpkg -s libreoffice-core-nogui >/dev/null 2>&1; then
    apt_install libreoffice-calc-nogui
  fi
  # pdfinfo and pdftotext read the PDF Chromium prints (A4 pages, no table row cut in two).
  command -v pdftotext >/dev/null || apt_install poppler-utils
}

# Python helpers of the browser tests, in a virtualenv of their own (.tools/venv): openpyxl types
# a lead's answer into an .xlsx as Excel would keep it (tests/browser/collection.test.mjs).
OPENPYXL_VERSION=3.1.5
python_helpers() {
  local venv=.tools/venv
  if "$venv/bin/python" -c "import openpyxl" >/dev/null 2>&1; then return; fi
  step "python3 -m venv $venv; pip install openpyxl==$OPENPYXL_VERSION"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "openpyxl==$OPENPYXL_VERSION"
}

native_tools() {
  # brotli measures compressed sizes for `make bench`.
  command -v brotli >/dev/null || apt_install brotli
}

# rustfmt and clippy run in `make test` (scripts/lint.sh); rustup's default profile has them.
lint_tools() {
  if cargo fmt --version >/dev/null 2>&1 && cargo clippy --version >/dev/null 2>&1; then return; fi
  step "rustup component add rustfmt clippy"
  rustup component add rustfmt clippy
}

[ -f Cargo.lock ] || cargo generate-lockfile
lint_tools
wasm_compiler
trunk_tool
wasm_bindgen_tool
wasm_split_tool
node_modules
twiggy_tool() {
  command -v twiggy >/dev/null && return
  step "cargo install twiggy (for make size, once)"
  host_cargo_install twiggy
}

case "${1:-}" in
  --with-browser) browser; firefox; office_suite; native_tools; python_helpers ;;
  --with-twiggy) twiggy_tool ;;
esac
