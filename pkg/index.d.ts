// Types of the ESM entries (hand-written re-export; the declarations themselves are generated from the Rust
// sources into ncloud_media_intelligence.d.ts). The entries initialise the wasm on import; `init` and
// `initSync` remain for custom loading and are no-ops once loaded.
export * from "./ncloud_media_intelligence.js";
export { default as init } from "./ncloud_media_intelligence.js";
