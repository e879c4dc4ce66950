// ncloud-media-intelligence entry for browsers and bundlers (hand-written; the glue beside it is
// generated). `new URL(..., import.meta.url)` lets Vite, webpack and esbuild emit the .wasm as an asset;
// top-level await makes the exports ready on import. Never put a secret key in browser code.
import init, { MediaIntelligence, NcpSigner } from "./ncloud_media_intelligence.js";
import { guardFreed } from "./guard.js";

await init({ module_or_path: new URL("./ncloud_media_intelligence_bg.wasm", import.meta.url) });
guardFreed(MediaIntelligence, NcpSigner);

export * from "./ncloud_media_intelligence.js";
export { init };
