#!/usr/bin/env bash
# The demo: installs what is missing, builds pkg/, starts the local API emulator, creates a workspace and
# reads it back through the library (examples/node-demo.mjs), prints the results, stops the emulator.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export MI_SKIP_BROWSER=1
bash "$ROOT/scripts/build.sh"
source "$ROOT/scripts/setup.sh"
source "$ROOT/scripts/lib.sh"
EMULATOR_PID=""
trap '[ -n "$EMULATOR_PID" ] && kill "$EMULATOR_PID" 2>/dev/null; true' EXIT
start_emulator EMULATOR
say "emulator listening at $EMULATOR"
MI_ENDPOINT="$EMULATOR" MI_ACCESS_KEY=test-access-key MI_SECRET_KEY=test-secret-key node "$ROOT/examples/node-demo.mjs"
