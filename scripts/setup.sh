#!/usr/bin/env bash
# Installs what `npm start` (setup.sh build) and `npm test` (setup.sh test) need and is missing.
# Sources: rustup (the wasm32 target), crates.io (wasm-bindgen-cli), npm, Debian's apt. Nothing else.
set -euo pipefail
mode="${1:-build}"
cd "$(dirname "$0")/.."
say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "installing the Rust wasm32-unknown-unknown target (rustup)"
  rustup target add wasm32-unknown-unknown
fi

# The wasm-bindgen CLI must match the wasm-bindgen crate in Cargo.lock exactly.
want=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/"/,"",$3); print $3; exit}' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want from crates.io (was: ${have:-none}; takes 1-3 minutes)"
  # --locked fails here (a locked dependency is not on the registry), so resolve afresh.
  cargo install wasm-bindgen-cli --version "$want" --quiet
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

apt_install() {
  local missing=()
  for pkg in "$@"; do
    # "install ok installed" only: a removed package whose config files remain still answers dpkg -s.
    [ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)" = "install ok installed" ] || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing Debian packages: ${missing[*]} (apt-get; needed for the browser tests)"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }; then
    echo "setup: could not install ${missing[*]} with apt-get. Install them by hand (apt-get install ${missing[*]}) and rerun." >&2
    exit 1
  fi
}

if [ "$mode" = test ]; then
  apt_install chromium chromium-driver
  # (Debian's launcher script prints shell noise on stderr on some machines: ignore it.)
  if [ "$(chromium --version 2>/dev/null | awk '{print $2}' | cut -d. -f1)" != "$(chromedriver --version 2>/dev/null | awk '{print $2}' | cut -d. -f1)" ]; then
    echo "setup: chromium and chromedriver have different major versions; run apt-get install --only-upgrade chromium chromium-driver" >&2
    exit 1
  fi
fi
