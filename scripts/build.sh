#!/usr/bin/env bash
# Builds the npm package into pkg/: wasm-pack generates the wasm and its glue (never edited by hand),
# then the hand-written entries and package.json from js/ are laid beside them.
#   bash scripts/build.sh            release build (size-optimised, wasm-opt -Oz)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MI_SKIP_BROWSER="${MI_SKIP_BROWSER:-1}" source "$ROOT/scripts/setup.sh"
cd "$ROOT"

rm -rf pkg
if [ "${MI_STABLE:-0}" = 1 ]; then
  # The documented switch: the same package from the stable toolchain, without unstable flags (a larger
  # wasm; not what is committed in pkg/, so pkg-committed fails on it by design).
  say "wasm-pack build --release --target web (stable toolchain: MI_STABLE=1)"
  export CARGO_TARGET_DIR="$ROOT/target/stable"
  wasm-pack --quiet build --release --target web --out-dir pkg --out-name ncloud_media_intelligence --no-pack . >&2
else
  say "wasm-pack build --release --target web ($MI_NIGHTLY, std rebuilt for size)"
  # The pinned nightly (installed by setup.sh) rebuilds std with `optimize_for_size`, turns every panic into
  # a bare trap (`-Cpanic=immediate-abort`: with `panic = "abort"` a panic already kills the instance, but
  # std still linked the code that formats its message), and drops Debug formatting and panic locations.
  # Own target dir: switching toolchains in one dir would rebuild everything each time.
  export CARGO_TARGET_DIR="$ROOT/target/size"
  RUSTUP_TOOLCHAIN="$MI_NIGHTLY" \
  RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none" \
    wasm-pack --quiet build --release --target web --out-dir pkg --out-name ncloud_media_intelligence --no-pack . \
    -- -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size >&2
fi
rm -f pkg/.gitignore pkg/package.json
# The generated class declares `[Symbol.dispose]`, which only type-checks with lib "esnext.disposable";
# drop that one declaration so strict consumers on ES2022 libs compile (the method itself stays).
sed -i '/\[Symbol\.dispose\]()/d' pkg/ncloud_media_intelligence.d.ts

# CommonJS glue for Node `require`, generated from the same unoptimised .wasm as the web glue. Both glues
# import the same names, so it shares pkg/'s one optimised .wasm (checked below: the build fails if not).
say "wasm-bindgen --target nodejs (CommonJS glue)"
cjs="$(mktemp -d)"
wasm-bindgen --target nodejs --out-dir "$cjs" --out-name ncloud_media_intelligence \
  "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/ncloud_media_intelligence.wasm"
# `require` reads one file: pkg/index.cjs is this glue, then js/index.cjs.
sed -i '1s#^/\* @ts-self-types="\./ncloud_media_intelligence\.d\.ts" \*/$#/* @ts-self-types="./index.d.cts" */#' "$cjs/ncloud_media_intelligence.js"
# The freed-object guard (js/guard.js) goes in as a plain function, before js/index.cjs calls it.
{ cat "$cjs/ncloud_media_intelligence.js"; sed 's/^export function /function /' js/guard.js; cat js/index.cjs; } > pkg/index.cjs
mv "$cjs/ncloud_media_intelligence.d.ts" pkg/ncloud_media_intelligence.d.cts
sed -i '/\[Symbol\.dispose\]()/d' pkg/ncloud_media_intelligence.d.cts
node -e '
  const fs = require("fs");
  const face = (f) => { const m = new WebAssembly.Module(fs.readFileSync(f));
    return JSON.stringify([WebAssembly.Module.imports(m), WebAssembly.Module.exports(m)]); };
  if (face(process.argv[1]) !== face(process.argv[2])) {
    console.error("build: the nodejs glue and the web glue expect different .wasm imports/exports"); process.exit(1); }
' "$cjs/ncloud_media_intelligence_bg.wasm" pkg/ncloud_media_intelligence_bg.wasm
rm -rf "$cjs"

cp js/index.js js/browser.js js/workerd.js js/guard.js js/index.d.ts js/index.d.cts pkg/
cp README.md pkg/README.md
cp LICENSE pkg/
node -e '
  const fs = require("fs");
  const pkg = JSON.parse(fs.readFileSync("js/package.template.json", "utf8"));
  const cargo = fs.readFileSync("Cargo.toml", "utf8");
  pkg.version = /^version = "([^"]+)"/m.exec(cargo)[1];
  fs.writeFileSync("pkg/package.json", JSON.stringify(pkg, null, 2) + "\n");
'
# Shipped without whole-line comments: the docs are in the .d.ts files, and
# the glue's JSDoc alone is a quarter of its gzip size.
node scripts/strip-comments.mjs pkg/ncloud_media_intelligence.js pkg/index.cjs
# Every file the package.json lists exists, and every JS file built is listed.
node -e '
  const fs = require("fs");
  const { files } = JSON.parse(fs.readFileSync("pkg/package.json", "utf8"));
  const missing = files.filter((f) => !fs.existsSync("pkg/" + f));
  const unlisted = fs.readdirSync("pkg").filter((f) => /\.c?js$/.test(f) && !files.includes(f));
  if (missing.length || unlisted.length) {
    console.error(`build: js/package.template.json files: missing ${missing}, unlisted ${unlisted}`); process.exit(1); }
'
size=$(wc -c < pkg/ncloud_media_intelligence_bg.wasm)
gz=$(gzip -9 -c pkg/ncloud_media_intelligence_bg.wasm | wc -c)
say "pkg/ built: wasm ${size} bytes, ${gz} bytes gzip"
