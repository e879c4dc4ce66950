// The ES modules the entries import besides the .wasm (the generated glue and js/guard.js), as the
// package.json `files` lists them: what a Worker config must embed, a page server must serve and the
// size bench must count beside the .wasm. One list, read from one place (js/package.template.json).
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** `["guard.js", "ncloud_media_intelligence.js"]` for the package in `pkgDir`. */
export function glueFiles(pkgDir) {
  const { files } = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
  return files.filter((f) => /^(ncloud_media_intelligence.*|guard)\.js$/.test(f));
}
