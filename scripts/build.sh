#!/usr/bin/env bash
# Builds the wasm module (size-optimised profile), its JS bindings and the static page into dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh build
echo "build: compiling the wasm module (profile wasm-release; a cold build takes several minutes)"
cargo build --lib --target wasm32-unknown-unknown --profile wasm-release
wasm-bindgen --target web --out-dir www/pkg --no-typescript \
  "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/wasm-release/wakebuilder.wasm"
node bench/wasm-size.mjs www/pkg/wakebuilder_bg.wasm
npx vite build --logLevel warn
echo "build: page written to dist/"
