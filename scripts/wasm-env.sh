#!/usr/bin/env bash
# Runs a command (trunk build / trunk serve) in the environment of the chosen wasm32 route.
# Kept out of .cargo/config.toml on purpose: native `cargo test` must use the ordinary toolchain.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
if [ "$(cat .tools/route 2>/dev/null)" = debian ]; then
  export PATH="/usr/lib/llvm-22/bin:/usr/bin:$PATH"
  export RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1
  export CARGO=/usr/bin/cargo
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=/usr/lib/llvm-22/bin/wasm-ld
fi
# Release builds abort at once on a panic (`-Cpanic=immediate-abort`): no panic message, location
# or formatting code in the wasm (bench/SIZE.md has the figure; src/loader.js shows the crash
# banner instead). It needs the standard library built from source (rust-src on the rustup route;
# the Debian route builds it anyway) and a compiler that knows the strategy: both are probed, and
# without them the build is simply larger.
immediate_abort_possible() {
  local sysroot
  sysroot=$("${RUSTC:-rustc}" --print sysroot 2>/dev/null) || return 1
  # The sources of the compiler that builds (its own sysroot: /usr on the Debian route).
  [ -d "$sysroot/lib/rustlib/src/rust/library/std" ] || return 1
  RUSTC_BOOTSTRAP=1 "${RUSTC:-rustc}" -Zunstable-options -Cpanic=immediate-abort --print cfg \
    --target wasm32-unknown-unknown 2>/dev/null | grep -q 'panic="immediate-abort"'
}
# Every build links with its relocations (`--emit-relocs`), which the splitter reads to know what
# each part reaches (scripts/wasm-split.sh; the parts it writes keep none of them).
rustflags="-Clink-args=--emit-relocs"
case " $* " in
  *" --release "*)
    if immediate_abort_possible; then
      export RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort
      rustflags="-Zunstable-options -Cpanic=immediate-abort $rustflags"
    fi ;;
esac
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$rustflags"
# A target directory of its own, so the wasm build and native tests never invalidate each other.
export CARGO_TARGET_DIR="$PWD/target/wasm"
exec "$@"
