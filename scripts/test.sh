#!/usr/bin/env bash
# npm test: every test. Lints, native Rust tests, the release build of the page, wasm tests in headless
# Chromium (same profile as the page, so burn is compiled for wasm once), and end-to-end page tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format and lints"
cargo fmt --check
cargo clippy --all-targets --quiet -- -D warnings

step "native tests (cargo test)"
cargo test --quiet

step "release build of the page"
bash scripts/build.sh

step "wasm tests in headless Chromium (wasm-bindgen-test-runner + chromedriver)"
# The runner reads webdriver.json (Chromium flags, WebGPU through SwiftShader) from this directory.
CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=300 \
  cargo test --target wasm32-unknown-unknown --profile wasm-release --test wasm

step "end-to-end tests (Playwright driving Debian's Chromium, fake microphone)"
node --test --test-concurrency=1 tests/e2e/
