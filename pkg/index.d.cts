// Types of the CommonJS entry (hand-written re-export; the declarations are generated from the Rust
// sources into ncloud_media_intelligence.d.cts, the same as the ESM ones minus the wasm loader).
export * from "./ncloud_media_intelligence.cjs";
/** Does nothing: the CommonJS entry loads the wasm when required. Kept for parity with the ESM entries. */
export declare function init(): Promise<void>;
/** Does nothing: the CommonJS entry loads the wasm when required. Kept for parity with the ESM entries. */
export declare function initSync(): void;
