// ncloud-media-intelligence entry for Node, Deno and Bun (hand-written; the glue beside it is generated).
// Reads the .wasm next to this file and instantiates it synchronously, so the exports work on import
// with no init call and without top-level await (this module can also be `require`d in Node >= 20.19).
import { readFileSync } from "node:fs";
import { initSync } from "./ncloud_media_intelligence.js";

initSync({ module: readFileSync(new URL("./ncloud_media_intelligence_bg.wasm", import.meta.url)) });

export * from "./ncloud_media_intelligence.js";
export { default as init } from "./ncloud_media_intelligence.js";
