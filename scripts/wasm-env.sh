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
# A target directory of its own, so the wasm build and native tests never invalidate each other.
export CARGO_TARGET_DIR="$PWD/target/wasm"
exec "$@"
