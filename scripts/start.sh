#!/usr/bin/env bash
# npm start: install what is missing, build in release, serve the page on http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
echo
echo "  wakebuilder is at  http://127.0.0.1:8080/   (Ctrl+C stops the server)"
echo
exec npx vite preview --host 127.0.0.1 --port 8080 --strictPort
