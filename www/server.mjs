// The demo page's server: serves www/ and a small JSON API that calls Media Intelligence through the
// package (../pkg/index.js), so the keys stay here and the page never holds a secret.
//   MI_ENDPOINT=http://127.0.0.1:PORT MI_ACCESS_KEY=... MI_SECRET_KEY=... node www/server.mjs [--port N]
// Prints `listening http://127.0.0.1:PORT` first (port 0 picks a free one). Routes:
//   GET  /                          the page (index.html, app.js, style.css)
//   POST /api/workspaces            body { workspaceName, bucketName? } -> 201 Workspace
//   GET  /api/workspaces/NAME       -> 200 WorkspaceDetails
//   errors                          -> { error: { name, code, field, status, apiCode, message } } with the
//                                      API's HTTP status, 400 for a ValidationError, 502 when the API is unreachable
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { MediaIntelligence, isMediaIntelligenceError } from "../pkg/index.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const STATIC = { "/": "index.html", "/index.html": "index.html", "/app.js": "app.js", "/style.css": "style.css" };
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8" };

const portArg = process.argv.indexOf("--port");
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : Number(process.env.PORT ?? 8080);
const mi = new MediaIntelligence({
  accessKey: process.env.MI_ACCESS_KEY,
  secretKey: process.env.MI_SECRET_KEY,
  endpoint: process.env.MI_ENDPOINT, // unset: the real API
  timeoutMs: 10_000,
});

function send(res, status, body) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

async function readJson(req) {
  let text = "";
  for await (const chunk of req) {
    text += chunk;
    if (text.length > 10_000) throw Object.assign(new Error("body too large"), { status: 413 });
  }
  try {
    return JSON.parse(text || "{}");
  } catch {
    throw Object.assign(new Error("the body is not JSON"), { status: 400 });
  }
}

// The typed error, as the page shows it. The package's messages never contain the secret key.
function errorBody(e) {
  const { name, code, field, status, apiCode, message } = e;
  return { error: { name, code, field: field ?? null, status: status ?? null, apiCode: apiCode ?? null, message } };
}

async function api(req, res, path) {
  try {
    if (path === "/api/workspaces" && req.method === "POST") {
      const { workspaceName, bucketName } = await readJson(req);
      return send(res, 201, await mi.createWorkspace({ workspaceName, bucketName: bucketName || undefined }));
    }
    const match = /^\/api\/workspaces\/([^/]*)$/.exec(path);
    if (match && req.method === "GET") return send(res, 200, await mi.getWorkspace(decodeURIComponent(match[1])));
    return send(res, 404, { error: { name: "NotFound", code: "NO_ROUTE", message: `${req.method} ${path}` } });
  } catch (e) {
    if (!isMediaIntelligenceError(e)) return send(res, e.status ?? 500, { error: { name: "Error", message: e.message } });
    const status = e.status ?? (e.name === "ValidationError" ? 400 : 502);
    return send(res, status, errorBody(e));
  }
}

const server = createServer(async (req, res) => {
  const path = new URL(req.url, "http://localhost").pathname;
  if (path.startsWith("/api/")) return api(req, res, path);
  const file = STATIC[path];
  if (!file || req.method !== "GET") return send(res, 404, { error: { name: "NotFound", message: path } });
  res.writeHead(200, { "content-type": TYPES[extname(file)], "cache-control": "no-store" });
  res.end(await readFile(join(here, file)));
});

server.listen(port, "127.0.0.1", () => {
  console.log(`listening http://127.0.0.1:${server.address().port}`);
});
