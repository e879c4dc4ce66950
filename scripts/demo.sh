#!/usr/bin/env bash
# The demo: installs what is missing, builds pkg/, starts the local API emulator (its import, analysis and
# summary steps sped up to MI_EMULATOR_TICK_MS, default 100 ms here) and runs the service's whole flow
# through the library (examples/node-demo.mjs): a workspace created and read back, a typed error, a
# project, trailer.mov registered from the emulator's bucket mi-demo, the analysis with a progress bar,
# a summary of the index (scenes, shots, persons, keywords), the scene summary, and the cleanup. Then it
# stops the emulator. `bash scripts/demo.sh [WORKSPACE]`; MI_DEMO_SKIP_BUILD=1 uses pkg/ as built.
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
TICK_MS="${MI_EMULATOR_TICK_MS:-100}"
EMULATOR_PID=""
trap '[ -n "$EMULATOR_PID" ] && kill "$EMULATOR_PID" 2>/dev/null; true' EXIT
start_emulator EMULATOR MI_EMULATOR_TICK_MS="$TICK_MS"
say "emulator listening at $EMULATOR (a state machine step every $TICK_MS ms)"
# Polls at half a step, so the progress bar sees every step the emulator takes.
MI_ENDPOINT="$EMULATOR" MI_ACCESS_KEY=test-access-key MI_SECRET_KEY=test-secret-key \
  MI_DEMO_POLL_MS="$(( TICK_MS / 2 > 0 ? TICK_MS / 2 : 1 ))" node "$ROOT/examples/node-demo.mjs" "$@"
