// The canned routes of the bench, shared by the local server (bench/server.mjs) and the in-process stub
// `fetch`es (bench/client.mjs, bench/large.mjs, bench/memory.mjs): each route answers one body whatever
// its workspace name, ids and query. Bodies are the tests' fixtures and the emulator's answers captured
// by bench/capture.mjs.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { canned } from "./capture.mjs";
import { ROOT } from "./lib.mjs";

const S = "[^/?]+";
const ASSET = `^/api/v1/workspaces/${S}/projects/${S}/assets/${S}`;

/** `[{ name, method, re, body }]`: body is the answer's text (status 200). */
export async function routes() {
  const fixture = (name) => readFileSync(join(ROOT, "tests", "fixtures", name), "utf8");
  const bodies = await canned();
  return [
    ["getWorkspace", "GET", `^/api/v1/workspaces/${S}$`, fixture("get-workspace.ok.json")],
    ["createWorkspace", "POST", `^/api/v1/workspaces$`, fixture("create-workspace.ok.json")],
    ["createProject", "POST", `^/api/v1/workspaces/${S}/projects$`, bodies.createProject],
    ["listAssets", "GET", `^/api/v1/workspaces/${S}/projects/${S}/assets$`, bodies.listAssets],
    ["getAsset", "GET", `${ASSET}$`, bodies.getAsset],
    ["deleteAsset", "DELETE", `${ASSET}$`, bodies.deleteAsset],
    ["getIndexStatus", "GET", `${ASSET}/index/status$`, bodies.indexStatusRunning],
    ["getIndex", "GET", `${ASSET}/index$`, bodies.getIndex],
  ].map(([name, method, pattern, body]) => ({ name, method, re: new RegExp(pattern), body }));
}

/** The route of `method` + the path of `url` (a full URL or a path with a query), or undefined. */
export function match(table, method, url) {
  const start = url.startsWith("/") ? 0 : url.indexOf("/", url.indexOf("//") + 2);
  const q = url.indexOf("?", start);
  const path = url.slice(start, q < 0 ? undefined : q);
  return table.find((r) => r.method === method && r.re.test(path));
}

/** A stub `fetch` answering every route in-process (no socket): a fresh Response of its body (status
 * only, no headers, like the bench's first stub). */
export function stubFetch(table) {
  return async (url, init) => {
    const route = match(table, init?.method ?? "GET", String(url));
    return route ? new Response(route.body, { status: 200 }) : new Response('{"error":{"errorCode":"300","message":"Not Found Exception"}}', { status: 404 });
  };
}
