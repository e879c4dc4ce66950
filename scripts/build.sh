#!/usr/bin/env bash
# Builds the npm package into pkg/: wasm-pack generates the wasm and its glue (never edited by hand),
# then the hand-written entries and package.json from js/ are laid beside them.
#   bash scripts/build.sh            release build (size-optimised, wasm-opt -Oz)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MI_SKIP_BROWSER="${MI_SKIP_BROWSER:-1}" source "$ROOT/scripts/setup.sh"
cd "$ROOT"

say "wasm-pack build --release --target web"
rm -rf pkg
wasm-pack --quiet build --release --target web --out-dir pkg --out-name ncloud_media_intelligence --no-pack >&2
rm -f pkg/.gitignore pkg/package.json
# The generated class declares `[Symbol.dispose]`, which only type-checks with lib "esnext.disposable";
# drop that one declaration so strict consumers on ES2022 libs compile (the method itself stays).
sed -i '/\[Symbol\.dispose\]()/d' pkg/ncloud_media_intelligence.d.ts

cp js/index.js js/browser.js js/workerd.js js/index.d.ts pkg/
cp README.md pkg/README.md
cp LICENSE pkg/
node -e '
  const fs = require("fs");
  const pkg = JSON.parse(fs.readFileSync("js/package.template.json", "utf8"));
  const cargo = fs.readFileSync("Cargo.toml", "utf8");
  pkg.version = /^version = "([^"]+)"/m.exec(cargo)[1];
  fs.writeFileSync("pkg/package.json", JSON.stringify(pkg, null, 2) + "\n");
'
size=$(wc -c < pkg/ncloud_media_intelligence_bg.wasm)
gz=$(gzip -9 -c pkg/ncloud_media_intelligence_bg.wasm | wc -c)
say "pkg/ built: wasm ${size} bytes, ${gz} bytes gzip"
