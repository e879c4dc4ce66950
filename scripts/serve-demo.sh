#!/usr/bin/env bash
# Serves the demo page (www/), a small console over the signing proxy: builds pkg/, starts the local API
# emulator and www/server.mjs (the signing proxy that keeps the keys; the page is a keyless client), prints
# the URL and serves until Ctrl-C. In the page: create a workspace, a project, import mi-demo/trailer.mov
# (or sample-video.mp4, 2 h), analyse it and browse its index on the timeline.
#   bash scripts/serve-demo.sh            http://127.0.0.1:8080 (PORT=N to change, PORT=0 for any free port)
#   MI_EMULATOR_TICK_MS=N                 the emulator's import/analysis step (default 250 ms: an analysis
#                                         takes 10 steps); the printed URL polls at half a step (?pollMs=)
#   MI_DEMO_SKIP_BUILD=1                  use pkg/ as built
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export MI_SKIP_BROWSER=1
if [ "${MI_DEMO_SKIP_BUILD:-0}" = 1 ] && [ -f "$ROOT/pkg/index.js" ]; then
  source "$ROOT/scripts/setup.sh"
else
  bash "$ROOT/scripts/build.sh"
  source "$ROOT/scripts/setup.sh"
fi
source "$ROOT/scripts/lib.sh"
TICK_MS="${MI_EMULATOR_TICK_MS:-250}"
EMULATOR_PID=""; SERVER_PID=""
trap '[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; [ -n "$EMULATOR_PID" ] && kill "$EMULATOR_PID" 2>/dev/null; true' EXIT
start_emulator EMULATOR MI_EMULATOR_TICK_MS="$TICK_MS"
say "emulator listening at $EMULATOR (a state machine step every $TICK_MS ms)"
start_listening URL env MI_ENDPOINT="$EMULATOR" MI_ACCESS_KEY=test-access-key MI_SECRET_KEY=test-secret-key \
  node "$ROOT/www/server.mjs" --port "${PORT:-8080}"
SERVER_PID="$URL_PID"
say "demo page: $URL/?pollMs=$(( TICK_MS / 2 > 0 ? TICK_MS / 2 : 1 ))   (Ctrl-C stops it)"
wait "$SERVER_PID"
