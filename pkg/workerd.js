// ncloud-media-intelligence entry for Cloudflare Workers / workerd (hand-written; the glue beside it is
// generated). Workers import .wasm as a compiled WebAssembly.Module and refuse to compile wasm from
// bytes at run time, so the module is instantiated synchronously here.
import wasmModule from "./ncloud_media_intelligence_bg.wasm";
import { MediaIntelligence, NcpSigner, initSync } from "./ncloud_media_intelligence.js";
import { guardFreed } from "./guard.js";

initSync({ module: wasmModule });
guardFreed(MediaIntelligence, NcpSigner);

export * from "./ncloud_media_intelligence.js";
export { default as init } from "./ncloud_media_intelligence.js";
