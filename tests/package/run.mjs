// Proves the package works as users install it: `npm pack` of pkg/, then per runtime a fresh project in a
// temporary folder that `npm install`s the tarball and runs create + get + typed errors (in Node and Bun
// and Deno also a project created and listed) against the local emulator (started here). Runtimes: Node
// ESM, Node require, Deno 2, Bun, workerd (wrangler's bundle), Vite and webpack builds in headless
// Chromium, a strict TypeScript project. Last, the README's examples must be cuts of those files.
//   node tests/package/run.mjs [NAME...]    (names below; all by default)
// Prints one line per runtime and `package: N passed, N failed`; exits 1 on any failure.
import { rmSync } from "node:fs";
import { vite, webpack } from "./browser.mjs";
import { workerd } from "./edge.mjs";
import { pack, startEmulator } from "./lib.mjs";
import { readmeSnippets } from "./readme.mjs";
import { bun, deno, nodeEsm, nodeRequire, typescript } from "./runtimes.mjs";

const CHECKS = {
  "node-esm": nodeEsm,
  "node-require": nodeRequire,
  deno,
  bun,
  workerd,
  "vite-chromium": vite,
  "webpack-chromium": webpack,
  "typescript-strict": typescript,
  "readme-snippets": readmeSnippets,
};
const EXPECTED_FILES = [
  "package.json", "README.md", "LICENSE", "index.js", "index.cjs", "browser.js", "workerd.js", "index.d.ts",
  "index.d.cts", "ncloud_media_intelligence.js", "ncloud_media_intelligence.d.ts", "ncloud_media_intelligence.d.cts",
  "ncloud_media_intelligence_bg.wasm",
];

const wanted = process.argv.slice(2);
for (const name of wanted) if (!CHECKS[name]) throw new Error(`unknown check ${name}; known: ${Object.keys(CHECKS)}`);
let passed = 0, failed = 0;
const report = (ok, name, detail, started) => {
  ok ? passed++ : failed++;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${ok ? "ok" : "not ok"} - ${name} (${seconds}s): ${detail}`);
};

let started = performance.now();
const packed = pack();
const missing = EXPECTED_FILES.filter((f) => !packed.files.includes(f));
report(!missing.length, "npm-pack", missing.length ? `missing ${missing}` : `${packed.files.length} files`, started);

const emulator = await startEmulator();
const ctx = { dir: packed.dir, tarball: packed.tarball, emulator: emulator.url };
try {
  for (const [name, check] of Object.entries(CHECKS)) {
    if (wanted.length && !wanted.includes(name)) continue;
    started = performance.now();
    try {
      report(true, name, await check(ctx), started);
    } catch (e) {
      report(false, name, String(e?.stack ?? e).split("\n").slice(0, 12).join("\n    "), started);
    }
  }
} finally {
  emulator.stop();
  if (!process.env.MI_KEEP_PACKAGE_TMP) rmSync(packed.dir, { recursive: true, force: true });
}
console.log(`package: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
