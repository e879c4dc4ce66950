// Section 1, size: the .wasm raw / gzip / brotli, the JS glue, and everything an app loads per entry
// (entry + glue + wasm, each file compressed on its own as a server sends it). node:zlib only, at fixed
// levels (gzip 9, brotli 11), so the figures are deterministic; bench/size-check.mjs reuses them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { GLUE_FILES, PKG, report } from "./lib.mjs";

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

if (import.meta.url === pathToFileURL(process.argv[1]).href) report(measureSizes());
