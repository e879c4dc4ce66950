// ncloud-media-intelligence entry for Node `require`, hand-written tail: scripts/build.sh writes
// pkg/index.cjs as the CommonJS glue (`wasm-bindgen --target nodejs`, over the same .wasm as the ESM
// entries, with the JS halves inlined) followed by these lines, so `require` reads one JS file. The glue
// reads and instantiates the .wasm synchronously when required, so there is no init call to make; `init`
// and `initSync` exist for parity with the ESM entries and do nothing.
exports.init = async () => {};
exports.initSync = () => {};
guardFreed(exports.MediaIntelligence, exports.NcpSigner);
