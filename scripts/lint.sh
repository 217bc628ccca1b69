#!/usr/bin/env bash
# Formatting and lints, warnings as errors: rustfmt, then clippy on the native build (model,
# exchange, storage, their tests) and on the wasm build (the UI, compiled only for wasm32).
# A lint is allowed only in the code, with a comment saying why.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo fmt --check
cargo clippy --locked --all-targets -- -D warnings
if [ "$(cat .tools/route 2>/dev/null)" = rustup ]; then
  CARGO_TARGET_DIR="$PWD/target/wasm" cargo clippy --locked --target wasm32-unknown-unknown -- -D warnings
else
  # The Debian route's compiler has no clippy, and rustup's clippy has no wasm32 library there.
  echo "clippy sur le code wasm (src/ui) : non disponible sur la route Debian, passé."
fi
