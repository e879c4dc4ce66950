#!/usr/bin/env bash
# Installs everything the build, the demo and the tests need, on a fresh machine or an old one; each step
# is skipped when already done. Sourced by build.sh, demo.sh and test.sh (not meant to be run on its own,
# but `bash scripts/setup.sh` works too). Set MI_SKIP_BROWSER=1 to skip Chromium (the demo needs none).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

WASM_PACK_VERSION=0.15.1
# The wasm-bindgen CLI must equal the wasm-bindgen crate locked in Cargo.lock exactly.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
if [ "$(wasm-pack --version 2>/dev/null)" != "wasm-pack $WASM_PACK_VERSION" ]; then
  say "installing wasm-pack $WASM_PACK_VERSION (about 2 minutes)"
  cargo install --locked wasm-pack --version "$WASM_PACK_VERSION"
fi
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2.5 minutes)"
  # Not --locked: its lockfile pins a webpki-roots version the registry here lacks.
  cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi
if [ ! -x "$ROOT/node_modules/.bin/wasm-opt" ] || [ ! -x "$ROOT/node_modules/.bin/tsc" ] || [ ! -x "$ROOT/node_modules/.bin/workerd" ]; then
  say "npm ci (binaryen's wasm-opt, typescript, workerd)"
  # npm 11's `npm ci` wants every platform's optional workerd binary in the lockfile; a registry mirror
  # without the darwin/windows ones makes it refuse, while `npm install` of the same lockfile works.
  (cd "$ROOT" && { npm ci --no-audit --no-fund --loglevel=error 2>/dev/null \
    || npm install --no-audit --no-fund --no-save --loglevel=error; })
fi
if [ "${MI_SKIP_BROWSER:-0}" != 1 ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; }; then
  say "apt-get install chromium chromium-driver"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi
# Debian's binaryen (wasm-opt 108) silently breaks the module; make sure npm's wasm-opt is the one used.
if [ "$(command -v wasm-opt)" != "$ROOT/node_modules/.bin/wasm-opt" ]; then
  echo "setup: wasm-opt on PATH is $(command -v wasm-opt), expected npm binaryen's" >&2
  exit 1
fi
