#!/usr/bin/env bash
# Serves the demo page (www/): builds pkg/, starts the local API emulator and www/server.mjs (the signing
# proxy that keeps the keys; the page is a keyless client), prints the URL and serves until Ctrl-C.
#   bash scripts/serve-demo.sh            http://127.0.0.1:8080 (PORT=N to change, PORT=0 for any free port)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export MI_SKIP_BROWSER=1
bash "$ROOT/scripts/build.sh"
source "$ROOT/scripts/setup.sh"
source "$ROOT/scripts/lib.sh"
EMULATOR_PID=""; SERVER_PID=""
trap '[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; [ -n "$EMULATOR_PID" ] && kill "$EMULATOR_PID" 2>/dev/null; true' EXIT
start_emulator EMULATOR
say "emulator listening at $EMULATOR"
start_listening URL env MI_ENDPOINT="$EMULATOR" MI_ACCESS_KEY=test-access-key MI_SECRET_KEY=test-secret-key \
  node "$ROOT/www/server.mjs" --port "${PORT:-8080}"
SERVER_PID="$URL_PID"
say "demo page: $URL   (Ctrl-C stops it)"
wait "$SERVER_PID"
