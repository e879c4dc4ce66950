// The demo page's server: serves www/ and the package's browser files, and mounts the package's signing
// proxy (createProxyHandler) at /mi. Only this process holds the keys; the page is a keyless client.
//   MI_ENDPOINT=http://127.0.0.1:PORT MI_ACCESS_KEY=... MI_SECRET_KEY=... node www/server.mjs [--port N]
// Prints `listening http://127.0.0.1:PORT` first (port 0 picks a free one). Routes:
//   GET  /, /app.js, /style.css     the page; `/` also sets the demo's session cookie
//   GET  /pkg/...                   the package's browser entry, glue and .wasm (from ../pkg)
//   *    /mi/api/v1/...             the signing proxy: the operations the page calls (OPERATIONS below), for
//                                   callers with the session cookie; everything else is refused (see the README)
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { toNodeListener } from "../examples/node-proxy.mjs";
import { glueFiles } from "../scripts/glue-files.mjs";
import { createProxyHandler } from "../pkg/index.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const pkgDir = fileURLToPath(new URL("../pkg/", import.meta.url));
const STATIC = { "/": "index.html", "/index.html": "index.html", "/app.js": "app.js", "/style.css": "style.css" };
// The browser entry, the glue with its JS halves inlined (as pkg/package.json lists it) and the .wasm.
const PKG = ["browser.js", ...glueFiles(pkgDir), "ncloud_media_intelligence_bg.wasm"];
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".wasm": "application/wasm" };

const portArg = process.argv.indexOf("--port");
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : Number(process.env.PORT ?? 8080);
// The demo's idea of a session: a random cookie handed to whoever loads the page.
const session = randomBytes(16).toString("hex");
// Exactly the operations www/app.js calls (waitForAssetImport polls getAssetImportStatus, waitForIndex polls
// getIndexStatus; the workspaces() and assets() iterators page with listWorkspaces and listAssets). Nothing
// that deletes, moves or cancels: those are refused with 404 before anything reaches the API.
const OPERATIONS = [
  "listWorkspaces", "createWorkspace", "getWorkspace",
  "listProjects", "createProject",
  "listAssets", "importAsset", "getAsset", "getAssetImportStatus",
  "requestIndex", "getIndexStatus", "getIndex",
];

const proxy = toNodeListener(createProxyHandler({
  accessKey: process.env.MI_ACCESS_KEY,
  secretKey: process.env.MI_SECRET_KEY,
  endpoint: process.env.MI_ENDPOINT, // unset: the real API
  allow: OPERATIONS,
  basePath: "/mi",
  authorize: (request) => (request.headers.get("cookie") ?? "").split(/;\s*/).includes(`demo-session=${session}`),
  timeoutMs: 10_000,
}));

async function serveFile(res, path, extraHeaders = {}) {
  res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream", "cache-control": "no-store", ...extraHeaders });
  res.end(await readFile(path));
}

const server = createServer(async (req, res) => {
  const path = new URL(req.url, "http://localhost").pathname;
  if (path.startsWith("/mi/")) return proxy(req, res);
  if (req.method === "GET" && path.startsWith("/pkg/") && PKG.includes(path.slice(5))) return serveFile(res, join(pkgDir, path.slice(5)));
  const file = STATIC[path];
  if (!file || req.method !== "GET") {
    res.writeHead(404, { "content-type": "text/plain" });
    return res.end("not found");
  }
  const cookie = file === "index.html" ? { "set-cookie": `demo-session=${session}; Path=/; HttpOnly; SameSite=Strict` } : {};
  return serveFile(res, join(here, file), cookie);
});

server.listen(port, "127.0.0.1", () => {
  console.log(`listening http://127.0.0.1:${server.address().port}`);
});
