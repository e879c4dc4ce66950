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
# The release wasm is built with a pinned nightly: it rebuilds the standard library for size with
# panics as a bare trap (no panic messages, no core::fmt for them), about 10 KB gzip less (see build.sh).
# Host tests and wasm tests use the stable toolchain.
export MI_NIGHTLY=nightly-2026-10-30
if ! rustup run "$MI_NIGHTLY" rustc --print sysroot >/dev/null 2>&1 \
   || [ ! -d "$(rustup run "$MI_NIGHTLY" rustc --print sysroot)/lib/rustlib/src/rust/library" ] \
   || [ ! -d "$(rustup run "$MI_NIGHTLY" rustc --print sysroot)/lib/rustlib/wasm32-unknown-unknown" ]; then
  say "rustup toolchain install $MI_NIGHTLY (rust-src, wasm32 target; about 1 minute)"
  rustup toolchain install "$MI_NIGHTLY" --profile minimal --component rust-src --target wasm32-unknown-unknown
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
NPM_TOOLS="wasm-opt tsc workerd wrangler vite webpack deno bun"
if ! (cd "$ROOT/node_modules/.bin" 2>/dev/null && for t in $NPM_TOOLS; do [ -x "$t" ] || exit 1; done) \
   || [ ! -f "$ROOT/node_modules/playwright-core/package.json" ]; then
  say "npm ci (binaryen's wasm-opt, typescript, workerd, wrangler, vite, webpack, deno, bun, playwright-core)"
  # The registry reachable here holds only the Linux builds of platform packages (workerd, deno, esbuild...),
  # so the lockfile lacks the other platforms' optional entries and `npm ci` refuses it as out of sync;
  # `npm install --no-save` then installs the same locked versions without rewriting the lockfile.
  (cd "$ROOT" && { npm ci --no-audit --no-fund --loglevel=error 2>/dev/null \
    || npm install --no-save --no-audit --no-fund --loglevel=error; })
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
