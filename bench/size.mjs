// Section 1, size: the .wasm raw / gzip / brotli, the JS glue, and everything an app loads per entry
// (entry + glue + wasm, each file compressed on its own as a server sends it). node:zlib only, at fixed
// levels (gzip 9, brotli 11), so the figures are deterministic; bench/size-check.mjs reuses them.
//
// The bytes each operation adds (issue 15). The operation table cannot be cut without editing src/, so
// the operations (the README's list, generated from api::OPERATIONS) are attributed three ways, each
// named in the output:
//   average    the whole wasm + glue gzip divided by the number of operations: an upper bound (it also
//              counts the signer, the shared call path, the waiters, iterators and the proxy).
//   twiggy     `twiggy dominators` on the release wasm before wasm-bindgen and wasm-opt
//              (target/size/.../ncloud_media_intelligence.wasm, which has names): per operation, the raw
//              bytes its export `mediaintelligence_<method>` retains alone (the wasm-bindgen shim, its
//              catch-unwind closure and the method body), summed over them. Skipped with a note when
//              twiggy (~/.cargo/bin/twiggy) or that file is missing.
//   cut        the shipped pkg/ wasm with the exports of all, 36, 24, 12 or none of the operations kept
//              (--quick: all and none) by binaryen's wasm-metadce (npm binaryen, the build's), which also
//              drops every function only they reached: the gzip bytes the operations' own code adds, per
//              operation (all - none) / count. The glue likewise: the operations' methods removed from it.
//   Neither twiggy nor the cut sees the operation table's data (entries, templates and shapes are one
//   data segment, kept whole) nor code reached only through its function pointers: those stay in the
//   shared part, which only a rebuild with a cut table (src/ edits) would measure.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { GLUE_FILES, PKG, QUICK, ROOT, median, report } from "./lib.mjs";

const WASM = "ncloud_media_intelligence_bg.wasm";


export const gzipBytes = (buf) => gzipSync(buf, { level: 9 }).length;
export const brotliBytes = (buf) =>
  brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length;

/** Sizes of the built package in `dir` (default pkg/). */
export function measureSizes(dir = PKG) {
  const read = (name) => readFileSync(join(dir, name));
  const wasm = read(WASM);
  // The glue (its JS halves inlined), each file compressed on its own.
  const glue = GLUE_FILES.map(read);
  const sum = (f) => glue.reduce((n, file) => n + f(file), 0);
  const glueGzip = sum(gzipBytes);
  const glueBrotli = sum(brotliBytes);
  const entry = (name) => gzipBytes(read(name)) + glueGzip + gzipBytes(wasm);
  return {
    wasm_raw_bytes: wasm.length,
    wasm_gzip_bytes: gzipBytes(wasm),
    wasm_brotli_bytes: brotliBytes(wasm),
    glue_raw_bytes: sum((file) => file.length),
    glue_gzip_bytes: glueGzip,
    glue_brotli_bytes: glueBrotli,
    wasm_plus_glue_gzip_bytes: gzipBytes(wasm) + glueGzip,
    wasm_plus_glue_brotli_bytes: brotliBytes(wasm) + glueBrotli,
    entry_node_gzip_bytes: entry("index.js"),
    entry_browser_gzip_bytes: entry("browser.js"),
    entry_workerd_gzip_bytes: entry("workerd.js"),
  };
}

/** The operations' JS method names, from the README's list generated from api::OPERATIONS. */
export function operationNames() {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const list = readme.slice(readme.indexOf("<!-- operations:begin"), readme.indexOf("<!-- operations:end"));
  return [...list.matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1]);
}

const TWIGGY = join(homedir(), ".cargo", "bin", "twiggy");
const RAW_WASM = join(ROOT, "target", "size", "wasm32-unknown-unknown", "release", "ncloud_media_intelligence.wasm");

/** twiggy's dominator tree: the raw bytes each operation's export retains alone. */
export function twiggyPerOperation(names) {
  if (!existsSync(TWIGGY) || !existsSync(RAW_WASM)) {
    return { size_twiggy_note: `skipped: ${existsSync(TWIGGY) ? "" : "no ~/.cargo/bin/twiggy "}${existsSync(RAW_WASM) ? "" : "no target/size/wasm32-unknown-unknown/release/ncloud_media_intelligence.wasm"}`.trim() };
  }
  const r = spawnSync(TWIGGY, ["dominators", "-f", "json", RAW_WASM], { encoding: "utf8", maxBuffer: 1 << 28 });
  if (r.status !== 0) return { size_twiggy_note: `skipped: twiggy failed: ${r.stderr.trim().slice(0, 200)}` };
  const roots = JSON.parse(r.stdout).items[0].children;
  // Exports are `mediaintelligence_<method>_<crate hash>` (wasm-bindgen names them so before its pass).
  const exportOf = new Map();
  for (const node of roots) {
    const m = /^export "mediaintelligence_(\w+?)(?:_[0-9a-f]{16})?"$/.exec(node.name);
    if (m) exportOf.set(m[1], node);
  }
  const missing = names.filter((n) => !exportOf.has(n));
  if (missing.length) return { size_twiggy_note: `skipped: no export for ${missing.join(", ")} in ${RAW_WASM}` };
  const retained = names.map((n) => exportOf.get(n).retained_size);
  const shim = names.map((n) => exportOf.get(n).children?.find((c) => c.name.startsWith("mediaintelligence_"))?.shallow_size ?? 0);
  const helpers = [...exportOf.entries()].filter(([n]) => !names.includes(n) && n !== "new");
  const sorted = [...retained].sort((a, b) => a - b);
  return {
    size_twiggy_wasm_raw_bytes: readFileSync(RAW_WASM).length,
    size_twiggy_op_retained_bytes_sum: retained.reduce((a, b) => a + b, 0),
    size_twiggy_op_retained_bytes_median: median(retained),
    size_twiggy_op_retained_bytes_min: sorted[0],
    size_twiggy_op_retained_bytes_max: sorted.at(-1),
    size_twiggy_op_shim_shallow_bytes_median: median(shim),
    size_twiggy_helpers_count: helpers.length,
    size_twiggy_helpers_retained_bytes_sum: helpers.reduce((n, [, node]) => n + node.retained_size, 0),
  };
}

const METADCE = join(ROOT, "node_modules", ".bin", "wasm-metadce");

/** wasm-metadce keeping every export but `drop`; resolves the output's bytes. */
function cut(wasmFile, exportsAll, drop, dir, tag) {
  const keep = exportsAll.filter((e) => !drop.has(e));
  const graph = [{ name: "root", root: true, reaches: keep.map((_, i) => `e${i}`) }, ...keep.map((e, i) => ({ name: `e${i}`, export: e }))];
  const graphFile = join(dir, `${tag}.json`);
  const outFile = join(dir, `${tag}.wasm`);
  writeFileSync(graphFile, JSON.stringify(graph));
  return new Promise((resolve, reject) => {
    const child = spawn(METADCE, [wasmFile, "--all-features", "--graph-file", graphFile, "-o", outFile], { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    child.on("close", (code) => (code === 0 ? resolve(readFileSync(outFile)) : reject(new Error(`wasm-metadce failed: ${err.slice(0, 300)}`))));
  });
}

/** The shipped wasm and glue with operations cut: what their own code adds. */
export async function cutPerOperation(names, dir = PKG) {
  if (!existsSync(METADCE)) return { size_cut_note: "skipped: no node_modules/.bin/wasm-metadce (npm binaryen)" };
  const wasmFile = join(dir, WASM);
  const exportsAll = WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(wasmFile))).map((e) => e.name);
  const opExports = names.map((n) => `mediaintelligence_${n}`);
  const missing = opExports.filter((e) => !exportsAll.includes(e));
  if (missing.length) return { size_cut_note: `skipped: ${missing.join(", ")} not exported by ${WASM}` };
  const kept = QUICK ? [names.length, 0] : [names.length, 36, 24, 12, 0].filter((n) => n <= names.length);
  const tmp = mkdtempSync(join(tmpdir(), "mi-size-cut-"));
  try {
    // Two at a time (the machine has two cores); each keeps the first `k` operations of the list.
    const sizes = new Map();
    const queue = [...kept];
    const worker = async () => {
      for (let k = queue.shift(); k !== undefined; k = queue.shift()) {
        const bytes = await cut(wasmFile, exportsAll, new Set(opExports.slice(k)), tmp, `keep-${k}`);
        sizes.set(k, { raw: bytes.length, gzip: gzipBytes(bytes) });
      }
    };
    await Promise.all([worker(), worker()]);
    const all = sizes.get(names.length);
    const none = sizes.get(0);
    // The glue: every operation's method removed, and each one alone.
    const glueName = GLUE_FILES.find((f) => f.startsWith("ncloud_media_intelligence"));
    const glue = readFileSync(join(dir, glueName), "utf8");
    const method = (n) => new RegExp(`^    ${n}\\([^)]*\\) \\{\\n[\\s\\S]*?\\n    \\}\\n`, "m");
    const absent = names.filter((n) => !method(n).test(glue));
    if (absent.length) return { size_cut_note: `skipped: no glue method for ${absent.join(", ")}` };
    const glueGzip = gzipBytes(Buffer.from(glue));
    const without = (list) => gzipBytes(Buffer.from(list.reduce((text, n) => text.replace(method(n), ""), glue)));
    const glueNone = without(names);
    const glueEach = names.map((n) => glueGzip - without([n]));
    return {
      size_cut_ops_kept_count: kept,
      size_cut_wasm_gzip_bytes: kept.map((k) => sizes.get(k).gzip),
      size_cut_wasm_raw_bytes: kept.map((k) => sizes.get(k).raw),
      size_cut_wasm_gzip_bytes_by_ops_kept: kept.map((k) => `${k}: ${sizes.get(k).gzip.toLocaleString("en-US")}`).join(", "),
      size_cut_wasm_gzip_bytes_all_ops: all.gzip,
      size_cut_wasm_gzip_bytes_no_ops: none.gzip,
      size_cut_wasm_gzip_per_operation_bytes: (all.gzip - none.gzip) / names.length,
      size_cut_wasm_raw_per_operation_bytes: (all.raw - none.raw) / names.length,
      size_cut_glue_gzip_per_operation_bytes: (glueGzip - glueNone) / names.length,
      size_cut_glue_gzip_one_operation_bytes_median: median(glueEach),
      size_cut_wasm_plus_glue_gzip_per_operation_bytes: (all.gzip - none.gzip + glueGzip - glueNone) / names.length,
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sizes = measureSizes();
  const names = operationNames();
  report({
    ...sizes,
    size_operations_count: names.length,
    size_per_operation_method:
      `average = (wasm + glue gzip) / ${names.length} operations; twiggy = raw bytes each operation's export retains alone in the release wasm before wasm-bindgen/wasm-opt (twiggy dominators); cut = gzip bytes the operations' exports and the functions only they reach add to the shipped wasm (binaryen wasm-metadce, all ${names.length} kept vs none) and their methods to the glue, / ${names.length}. The table's data is shared and not attributed.`,
    size_wasm_gzip_per_operation_bytes: sizes.wasm_gzip_bytes / names.length,
    size_wasm_plus_glue_gzip_per_operation_bytes: sizes.wasm_plus_glue_gzip_bytes / names.length,
    ...twiggyPerOperation(names),
    ...(await cutPerOperation(names)),
  });
}
