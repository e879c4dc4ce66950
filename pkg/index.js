// ncloud-media-intelligence entry for Node, Deno and Bun (hand-written; the glue beside it is generated).
// Reads the .wasm next to this file and instantiates it synchronously, so the exports work on import
// with no init call and without top-level await (this module can also be `require`d in Node >= 20.19).
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { MediaIntelligence, NcpSigner, initSync } from "./ncloud_media_intelligence.js";
import { guardFreed } from "./guard.js";

// The .wasm beside this file; in a server bundle (esbuild --bundle --platform=node), beside the bundle:
// copy ncloud_media_intelligence_bg.wasm there (README, "Server bundles"). A CommonJS bundle of this ES
// module has no import.meta.url, and uses the bundle's __filename instead.
const here = typeof import.meta.url === "string" && import.meta.url !== "" ? import.meta.url : pathToFileURL(__filename).href;
initSync({ module: readFileSync(new URL("./ncloud_media_intelligence_bg.wasm", here)) });
guardFreed(MediaIntelligence, NcpSigner);

export * from "./ncloud_media_intelligence.js";
export { default as init } from "./ncloud_media_intelligence.js";
