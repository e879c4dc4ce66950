#!/usr/bin/env bash
# Runs every test suite, installing what is missing first. Each suite's own runner output is shown; a
# suite counts as failed when its runner fails OR when its output has no result line with at least one
# test (so a runner that silently skips everything cannot pass). Ends with `N passed, N failed`.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source "$ROOT/scripts/setup.sh" || exit 1
source "$ROOT/scripts/lib.sh"
set +e # setup.sh runs with -e; here a failing suite must not stop the others
OUT="$ROOT/tests/out"; mkdir -p "$OUT"
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done; true' EXIT

TOTAL_PASSED=0; TOTAL_FAILED=0; SUMMARY=()

# suite NAME PARSER COMMAND...: runs COMMAND, shows and logs its output, counts with PARSER.
suite() {
  local name="$1" parser="$2"; shift 2
  local log="$OUT/$name.log"
  say "suite $name: $*"
  "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  local counts; counts="$("$parser" "$log")"
  local passed="${counts% *}" failed="${counts#* }"
  if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
  if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then failed=1; echo "suite $name ran no test" >&2; fi
  TOTAL_PASSED=$((TOTAL_PASSED + passed)); TOTAL_FAILED=$((TOTAL_FAILED + failed))
  SUMMARY+=("$(printf '%-22s %4d passed, %d failed' "$name" "$passed" "$failed")")
}

# Parsers print "PASSED FAILED" from a log.
count_rust() { # cargo test and wasm-bindgen-test-runner: "test result: ok. 4 passed; 0 failed; ..."
  awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
       END { print p + 0, f + 0 }' "$1"
}
count_node_test() { # node --test: "# pass 23" / "# fail 0"
  awk '/^# pass / { p += $3 } /^# fail / { f += $3 } END { print p + 0, f + 0 }' "$1"
}
count_plain() { # our own runners: "...: N passed, N failed"
  awk '/[0-9]+ passed, [0-9]+ failed/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
       END { print p + 0, f + 0 }' "$1"
}
count_tsc() { # tsc prints nothing on success; every "error TS" line is a failure
  local errors; errors=$(grep -c 'error TS' "$1"); [ "$errors" -eq 0 ] && echo "1 0" || echo "0 $errors"
}

suite host-cargo-test count_rust cargo test --quiet --workspace
suite emulator-self-test count_node_test node --test tests/emulator/
bash scripts/build.sh || { echo "build failed"; exit 1; }
suite pkg-committed count_plain bash scripts/check-pkg.sh
suite size-budget count_plain node bench/size-check.mjs
suite types-tsc-strict count_tsc tsc -p tests/types/tsconfig.json

start_emulator EMULATOR || exit 1; PIDS+=("$EMULATOR_PID")
DEAD_URL="$(closed_port_url)"
export MI_EMULATOR_URL="$EMULATOR" MI_DEAD_URL="$DEAD_URL" CHROMEDRIVER=/usr/bin/chromedriver
suite wasm-node count_rust wasm-pack test --node --test wasm_client --test wasm_resilience --test wasm_proxy --test wasm_api
suite wasm-chromium-page count_rust env WASM_BINDGEN_USE_BROWSER=1 wasm-pack test --headless --chrome --test wasm_client --test wasm_resilience --test wasm_proxy --test wasm_api
suite wasm-chromium-worker count_rust env WASM_BINDGEN_USE_DEDICATED_WORKER=1 wasm-pack test --headless --chrome --test wasm_client --test wasm_resilience --test wasm_proxy --test wasm_api
suite fault-matrix count_plain node tests/faults/matrix.mjs
suite fault-kinds count_plain node tests/faults/kinds.mjs
suite bad-input count_plain node tests/faults/bad-input.mjs
suite media count_plain node tests/media/media.mjs
suite load-and-memory count_plain node --expose-gc tests/load/load.mjs
suite proxy-node count_plain node tests/proxy/proxy.mjs
suite people count_plain node tests/people/people.mjs
suite people-proxy count_plain node tests/people/people-proxy.mjs
suite workerd count_plain node tests/workerd/run.mjs "$EMULATOR" "$DEAD_URL"
suite demo count_plain node tests/demo.test.mjs "$EMULATOR"
suite package-runtimes count_plain node tests/package/run.mjs
suite demo-page count_plain node tests/www/demo-page.test.mjs

echo
echo "== summary"
printf '%s\n' "${SUMMARY[@]}"
echo "$TOTAL_PASSED passed, $TOTAL_FAILED failed"
[ "$TOTAL_FAILED" -eq 0 ]
