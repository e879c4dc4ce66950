// The wasm alone, in a fresh process (no V8 module cache yet): compile the bytes, then instantiate them
// through the glue's initSync (imports + __wbindgen_start). Prints `compileMs instantiateMs`.
import { readFileSync } from "node:fs";
import { initSync } from "../../pkg/ncloud_media_intelligence.js";

const bytes = readFileSync(new URL("../../pkg/ncloud_media_intelligence_bg.wasm", import.meta.url));
const t0 = performance.now();
const module = new WebAssembly.Module(bytes);
const t1 = performance.now();
initSync({ module });
const t2 = performance.now();
process.stdout.write(`${t1 - t0} ${t2 - t1}`);
