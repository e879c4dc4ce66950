// webpack 5 config of the browser quick start (README "Vite / webpack"); tests/package/browser.mjs builds
// main.js with it. No wasm rule and no experiment is needed: webpack emits the .wasm as an asset from the
// package's `new URL(…, import.meta.url)` and supports its top-level await.
import { fileURLToPath } from "node:url";

export default {
  mode: "production",
  entry: "./main.js",
  output: { path: fileURLToPath(new URL("./dist-webpack", import.meta.url)), clean: true },
};
