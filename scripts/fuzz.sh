#!/usr/bin/env bash
# A long property-testing campaign over the host core (decoding, both envelopes, the JSON reader and writer, validation, path
# encoding, the signer against an independent HMAC): `bash scripts/fuzz.sh [CASES]`, default 100000
# cases per property. Offline; the test suite runs the same properties with 256 cases each.
set -euo pipefail
cd "$(dirname "$0")/.."
CASES="${1:-100000}"
echo "fuzz: $CASES cases per property of tests/host_fuzz.rs"
time PROPTEST_CASES="$CASES" cargo test --release --test host_fuzz -- --test-threads 2
