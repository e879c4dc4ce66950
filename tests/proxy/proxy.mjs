// The signing proxy in Node (examples/node-proxy.mjs: createProxyHandler behind node:http) against the
// emulator: allowed calls succeed through a keyless client; unlisted operations, path tricks, oversized
// bodies, missing or failed authorization, forged x-ncp-* headers and foreign origins are refused with
// their documented status, and the emulator's request log proves nothing reached it. A proxy that allows
// all 24 operations carries a keyless client through the whole media flow, and matches each route shape
// exactly (unlisted operations, unknown body fields and query parameters, bodies where none belongs).
//   node tests/proxy/proxy.mjs      (needs pkg/ built)
import { request as rawRequest } from "node:http";
import { MediaIntelligence, createProxyHandler } from "../../pkg/index.js";
import { startProxyServer } from "../../examples/node-proxy.mjs";
import { KEYS, SECRET, admin, startEmulator, tally } from "../faults/harness.mjs";

const t = tally("proxy-node");
const emulator = await startEmulator({ MI_EMULATOR_TICK_MS: "10" });
const TOKEN = "Bearer good-token";
const common = {
  ...KEYS,
  endpoint: emulator.url,
  authorize: (req) => {
    const auth = req.headers.get("authorization");
    if (!auth) throw new Error("no session");
    return auth === TOKEN;
  },
  cors: { origins: ["http://app.test"], headers: ["authorization"] },
  maxBodyBytes: 1024,
};
const proxy = await startProxyServer({ ...common, allow: ["createWorkspace", "getWorkspace"] });
const readOnly = await startProxyServer({ ...common, allow: ["getWorkspace"] });
const ALL_OPERATIONS = [
  "listWorkspaces", "createWorkspace", "getWorkspace", "deleteWorkspace",
  "listProjects", "createProject", "getProject", "updateProject", "deleteProject",
  "importAsset", "listAssets", "getAsset", "moveAsset", "deleteAsset", "getAssetImportStatus",
  "requestIndex", "cancelIndex", "getIndexStatus", "getIndex", "deleteIndex",
  "requestSceneSummary", "getSceneSummaryStatus", "getSceneSummary", "cancelSceneSummary",
];
const full = await startProxyServer({ ...common, allow: ALL_OPERATIONS });
const LEFT_OUT = ["deleteAsset", "requestIndex", "getIndex", "cancelSceneSummary", "updateProject"];
const partial = await startProxyServer({ ...common, allow: ALL_OPERATIONS.filter((op) => !LEFT_OUT.includes(op)) });

/** Sends a request with the path exactly as written (fetch would normalise it); the good token is
 *  sent unless `headers.authorization` says otherwise (`null` sends none). */
function raw(base, method, path, headers = {}, body) {
  const { hostname, port } = new URL(base);
  const all = Object.fromEntries(Object.entries({ authorization: TOKEN, ...headers }).filter(([, v]) => v !== null));
  // Node sends a DELETE's body without framing unless told its length.
  if (body !== undefined) all["content-length"] = Buffer.byteLength(body);
  return new Promise((resolve, reject) => {
    const req = rawRequest({ hostname, port, method, path, headers: all }, (res) => {
      let text = "";
      res.on("data", (c) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const logged = async () => (await admin(emulator.url, "GET", "requests")).length;

// Allowed calls, from a client that holds no key.
const mi = new MediaIntelligence({ proxyUrl: proxy.url, headers: { authorization: TOKEN } });
const name = `proxy-${Date.now().toString(36)}`;
const created = await mi.createWorkspace({ workspaceName: name, bucketName: "b" });
const details = await mi.getWorkspace(name);
t.check(created.workspaceName === name && details.bucketName === "b", "a keyless client creates and reads a workspace through the proxy");
const log = await admin(emulator.url, "GET", "requests");
t.check(log.length === 2 && log.every((r) => r.headers["x-ncp-iam-access-key"] === KEYS.accessKey && r.status === 200), "the emulator saw two requests signed by the proxy");
t.check(log.every((r) => !("authorization" in r.headers)), "the caller's authorization header was not forwarded");
const missing = await mi.getWorkspace("not-there").catch((e) => e);
t.check(missing.name === "ApiError" && missing.code === "NOT_FOUND" && missing.status === 404, "an API error comes back as the same typed error");

// Refusals: each must leave the emulator's log untouched.
const refusals = [
  ["unlisted operation (read-only proxy)", readOnly.url, "POST", "/api/v1/workspaces", { "content-type": "application/json" }, JSON.stringify({ workspaceName: "nope-nope" }), 404],
  ["unknown method", proxy.url, "DELETE", `/api/v1/workspaces/${name}`, {}, undefined, 404],
  ["list is not an allowed shape", proxy.url, "GET", "/api/v1/workspaces", {}, undefined, 404],
  ["extra segment", proxy.url, "GET", `/api/v1/workspaces/${name}/projects`, {}, undefined, 404],
  ["dot-dot to an admin path", proxy.url, "POST", "/api/v1/workspaces/../../__emulator/reset", {}, undefined, 404],
  ["encoded dot-dot", proxy.url, "GET", "/api/v1/workspaces/%2e%2e/%2e%2e/__emulator/requests", {}, undefined, 404],
  ["encoded slash", proxy.url, "GET", "/api/v1/workspaces/a%2Fb", {}, undefined, 400],
  ["double slash", proxy.url, "GET", `/api/v1//workspaces/${name}`, {}, undefined, 404],
  ["query string", proxy.url, "GET", `/api/v1/workspaces/${name}?debug=1`, {}, undefined, 404],
  ["oversized body", proxy.url, "POST", "/api/v1/workspaces", { "content-type": "application/json" }, JSON.stringify({ workspaceName: "big-one", bucketName: "x".repeat(2000) }), 413],
  ["unknown body field", proxy.url, "POST", "/api/v1/workspaces", { "content-type": "application/json" }, JSON.stringify({ workspaceName: "extra-field", admin: true }), 400],
  ["invalid name in body", proxy.url, "POST", "/api/v1/workspaces", { "content-type": "application/json" }, JSON.stringify({ workspaceName: "Bad Name" }), 400],
  ["missing authorization", proxy.url, "GET", `/api/v1/workspaces/${name}`, { authorization: null }, undefined, 401],
  ["failed authorization", proxy.url, "GET", `/api/v1/workspaces/${name}`, { authorization: "Bearer forged" }, undefined, 403],
  ["forged signature header", proxy.url, "GET", `/api/v1/workspaces/${name}`, { "x-ncp-apigw-signature-v2": "AAAA" }, undefined, 400],
  ["forged access key header", proxy.url, "GET", `/api/v1/workspaces/${name}`, { "X-NCP-IAM-ACCESS-KEY": "someone-else" }, undefined, 400],
  ["foreign origin", proxy.url, "GET", `/api/v1/workspaces/${name}`, { origin: "http://evil.test" }, undefined, 403],
  ["preflight from a foreign origin", proxy.url, "OPTIONS", "/api/v1/workspaces", { origin: "http://evil.test", "access-control-request-method": "POST" }, undefined, 403],
];
for (const [what, base, method, path, headers, body, status] of refusals) {
  const before = await logged();
  const res = await raw(base, method, path, headers, body);
  const after = await logged();
  t.check(res.status === status && after === before && !res.text.includes(SECRET), `${what}: ${method} ${path.slice(0, 50)} -> ${status}, nothing forwarded`, `got ${res.status} ${res.text.slice(0, 120)}; emulator log ${before} -> ${after}`);
}

// CORS for the configured origin, and nothing internal in any answer's headers.
const pre = await raw(proxy.url, "OPTIONS", "/api/v1/workspaces", { origin: "http://app.test", "access-control-request-method": "POST", "access-control-request-headers": "authorization,content-type" });
t.check(pre.status === 204 && pre.headers["access-control-allow-origin"] === "http://app.test" && /authorization/.test(pre.headers["access-control-allow-headers"]), "a preflight from the configured origin is answered");
const cors = await raw(proxy.url, "GET", `/api/v1/workspaces/${name}`, { origin: "http://app.test" });
t.check(cors.status === 200 && cors.headers["access-control-allow-origin"] === "http://app.test", "an allowed origin gets its CORS header");
const allowedHeaders = new Set(["content-type", "cache-control", "access-control-allow-origin", "vary", "access-control-expose-headers", "date", "connection", "keep-alive", "transfer-encoding", "content-length"]);
const extra = Object.keys(cors.headers).filter((h) => !allowedHeaders.has(h));
t.check(extra.length === 0 && !JSON.stringify(cors.headers).includes(SECRET), "answers carry no internal header and no secret", extra.join(", "));

// The handler called directly with what a runtime would never pass: each gets a 400 gateway envelope
// (never a rejection or an exception through the wasm), and the handler keeps working afterwards.
const handler = createProxyHandler({ ...KEYS, endpoint: emulator.url, allow: ["getWorkspace"] });
class Hostile extends Request {
  get url() { throw new Error("hostile url getter"); }
}
for (const [what, input] of [["a plain object", { url: "http://x/api/v1/workspaces/x", method: "GET" }], ["a Request subclass whose url getter throws", new Hostile("http://app.test/api/v1/workspaces/x")]]) {
  const before = await logged();
  const res = await handler(input);
  const body = await res.json().catch(() => ({}));
  t.check(res.status === 400 && body.error?.errorCode === "100" && (await logged()) === before, `${what} is refused with 400, nothing forwarded`, `got ${res.status} ${JSON.stringify(body)}`);
}
const still = await handler(new Request(`http://app.test/api/v1/workspaces/${name}`));
t.check(still.status === 200 && (await still.json()).result?.workspaceName === name, "the handler still forwards after those");

// ------------------------------------------------------------------ the media pipeline through the proxy

{
  const keyless = new MediaIntelligence({ proxyUrl: full.url, headers: { authorization: TOKEN }, retries: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 50 } });
  const FAST = { intervalMs: 5, maxIntervalMs: 20, timeoutMs: 20000 };
  const setTick = (tickMs) => admin(emulator.url, "POST", "tick", { tickMs });
  const first = await logged();
  const workspaceName = `proxy-media-${Date.now().toString(36)}`;
  const step = async (what, call, good) => {
    let value, error;
    try { value = await call(); } catch (e) { error = e; }
    t.check(!error && good(value), `through the proxy: ${what}`, error ? `${error.name} ${error.code} ${error.status}: ${error.message}` : JSON.stringify(value)?.slice(0, 200));
    return value;
  };
  await step("createWorkspace", () => keyless.createWorkspace({ workspaceName, bucketName: "mi-demo" }), (w) => w.workspaceName === workspaceName);
  await step("getWorkspace", () => keyless.getWorkspace(workspaceName), (w) => w.workspaceName === workspaceName && w.bucketName === "mi-demo");
  await step("listWorkspaces", () => keyless.listWorkspaces({ pageSize: 100 }), (p) => p.content.some((w) => w.workspaceName === workspaceName));
  const projects = await step("listProjects", () => keyless.listProjects({ workspaceName }), (l) => l.projects.length === 1 && l.projects[0].isBaseProject === true && l.totalCount === 1);
  const baseId = projects?.projects[0].projectId;
  const project = await step("createProject", () => keyless.createProject({ workspaceName, name: "proxied" }), (p) => typeof p.projectId === "number" && p.name === "proxied");
  const P = { workspaceName, projectId: project?.projectId };
  await step("getProject (id as decimal text)", () => keyless.getProject({ workspaceName, projectId: String(P.projectId) }), (p) => p.projectId === P.projectId);
  await step("updateProject", () => keyless.updateProject({ ...P, name: "proxied-renamed" }), (p) => p.name === "proxied-renamed");
  const imported = await step("importAsset", () => keyless.importAsset({ ...P, bucketName: "mi-demo", key: "trailer.mov" }), (a) => typeof a.assetId === "number");
  const A = { ...P, assetId: imported?.assetId };
  const importProgress = [];
  await step("waitForAssetImport with onProgress", () => keyless.waitForAssetImport(A, { ...FAST, onProgress: (s) => importProgress.push(s.uploadStatus) }),
    (s) => s.uploadStatus === "COMPLETED" && importProgress.at(-1) === "COMPLETED");
  await step("getAssetImportStatus", () => keyless.getAssetImportStatus(A), (s) => s.uploadStatus === "COMPLETED");
  await step("getAsset", () => keyless.getAsset(A), (a) => a.metaData?.durationMs === 150000 && a.key === "trailer.mov");
  await step("listAssets", () => keyless.listAssets({ ...P, pageNum: 1, pageSize: 10 }), (p) => p.totalCount === 1 && p.content[0].assetId === A.assetId);
  await step("assets() iterator", async () => { const ids = []; for await (const a of keyless.assets({ ...P, pageSize: 1 })) ids.push(a.assetId); return ids; }, (ids) => ids.length === 1 && ids[0] === A.assetId);
  await step("requestIndex", () => keyless.requestIndex({ ...A, sceneRange: "SHORT", sourceLanguage: "EN", analysisPersonCount: 2, tagIdList: [1, "2"], detectAudioEffects: true }), (r) => r.status === "WAIT_ANALYZE");
  const indexProgress = [];
  await step("waitForIndex with onProgress", () => keyless.waitForIndex(A, { ...FAST, onProgress: (s) => indexProgress.push(s.status) }),
    (s) => s.status === "ANALYZE_COMPLETED" && indexProgress.length >= 2 && indexProgress.at(-1) === "ANALYZE_COMPLETED");
  await step("getIndexStatus", () => keyless.getIndexStatus(A), (s) => s.status === "ANALYZE_COMPLETED");
  const index = await step("getIndex", () => keyless.getIndex(A), (i) => i.type === "VIDEO" && i.scenes.length > 0 && i.scenes.at(-1).endMs === 150000 && Array.isArray(i.audioEffects));
  await step("getIndex with confidenceLevel HIGH", () => keyless.getIndex({ ...A, confidenceLevel: "HIGH" }), (i) => i.scenes.length === index?.scenes.length);
  await step("getSceneSummaryStatus before any", () => keyless.getSceneSummaryStatus(A), (s) => s.status === "BEFORE_SUMMARIZE");
  await step("requestSceneSummary", () => keyless.requestSceneSummary({ ...A, locale: "en" }), (r) => r.status === "WAIT_SUMMARIZE");
  await step("waitForSceneSummary", () => keyless.waitForSceneSummary(A, FAST), (s) => s.status === "SUMMARIZE_COMPLETED");
  await step("getSceneSummary", () => keyless.getSceneSummary(A), (s) => s.locale === "en" && s.scenes.length === index?.scenes.length);
  await setTick(60000);
  await step("requestSceneSummary of chosen scenes", () => keyless.requestSceneSummary({ ...A, sceneNumbers: [1] }), (r) => r.status === "WAIT_SUMMARIZE");
  await setTick(10);
  await step("cancelSceneSummary", () => keyless.cancelSceneSummary(A), (r) => r === undefined);
  const dest = await step("createProject (a destination)", () => keyless.createProject({ workspaceName, name: "dest" }), (p) => typeof p.projectId === "number");
  await step("moveAsset", () => keyless.moveAsset({ ...A, newProjectId: dest?.projectId }), (r) => r.projectId === dest?.projectId);
  const M = { ...A, projectId: dest?.projectId };
  await step("deleteIndex", () => keyless.deleteIndex(M), (r) => r.assetId === A.assetId);
  await setTick(60000);
  await step("requestIndex (a slow one)", () => keyless.requestIndex(M), (r) => r.status === "WAIT_ANALYZE");
  await setTick(10);
  const conflict = await keyless.deleteAsset(M).catch((e) => e);
  t.check(conflict?.name === "ApiError" && conflict.code === "CONFLICT" && conflict.status === 409, "through the proxy: deleteAsset while the analysis runs is CONFLICT", `${conflict?.code} ${conflict?.status}`);
  await step("cancelIndex", () => keyless.cancelIndex(M), (r) => r.status === "ANALYZE_CANCEL");
  const canceled = await keyless.waitForIndex(M, FAST).catch((e) => e);
  t.check(canceled?.code === "ANALYSIS_CANCELED" && canceled.jobStatus?.status === "ANALYZE_CANCEL", "through the proxy: waitForIndex rejects ANALYSIS_CANCELED with jobStatus", `${canceled?.code}`);
  const base = await keyless.updateProject({ workspaceName, projectId: baseId, name: "nope" }).catch((e) => e);
  t.check(base?.name === "ApiError" && base.code === "BAD_REQUEST" && base.apiCode === "10027", "through the proxy: renaming the base project is BAD_REQUEST 10027", `${base?.code} ${base?.apiCode}`);
  const missing = await keyless.getProject({ workspaceName, projectId: 999999 }).catch((e) => e);
  t.check(missing?.code === "NOT_FOUND" && missing.status === 404, "through the proxy: an unknown project is NOT_FOUND");
  await step("deleteAsset", () => keyless.deleteAsset(M), (r) => r === undefined);
  await step("deleteProject", () => keyless.deleteProject(P), (r) => r === undefined);
  await step("deleteWorkspace", () => keyless.deleteWorkspace(workspaceName), (r) => r.workspaceName === workspaceName);
  const log = (await admin(emulator.url, "GET", "requests")).slice(first);
  t.check(log.length > 20 && log.every((r) => r.headers["x-ncp-iam-access-key"] === KEYS.accessKey && !("authorization" in r.headers)),
    `the emulator saw ${log.length} requests of the flow, each signed by the proxy, none carrying the caller's token`);
  const routes = new Set(log.map((r) => `${r.method} ${r.url.split("?")[0].replace(/\/\d+/g, "/N").replace(workspaceName, "WS")}`));
  t.check(routes.size === 24, "the flow reached all 24 routes", [...routes].sort().join("\n    "));
}

// Exact route matching with every media operation allowed (and five left out of `partial`).
{
  const workspaceName = `proxy-shapes-${Date.now().toString(36)}`;
  const keyed = new MediaIntelligence({ ...KEYS, endpoint: emulator.url });
  await keyed.createWorkspace({ workspaceName, bucketName: "mi-demo" });
  const { projectId } = await keyed.createProject({ workspaceName, name: "shapes" });
  const { projectId: otherId } = await keyed.createProject({ workspaceName, name: "other" });
  const { assetId } = await keyed.importAsset({ workspaceName, projectId, bucketName: "mi-demo", key: "trailer.mov" });
  await keyed.waitForAssetImport({ workspaceName, projectId, assetId }, { intervalMs: 5 });
  const W = `/api/v1/workspaces/${workspaceName}`;
  const PR = `${W}/projects/${projectId}`;
  const AS = `${PR}/assets/${assetId}`;
  const JSONH = { "content-type": "application/json" };
  const shapes = [
    // Operations not in `allow`.
    ["deleteAsset not allowed", partial.url, "DELETE", AS, {}, undefined, [404]],
    ["requestIndex not allowed", partial.url, "POST", `${AS}/index`, JSONH, "{}", [404]],
    ["getIndex not allowed", partial.url, "GET", `${AS}/index`, {}, undefined, [404]],
    ["cancelSceneSummary not allowed", partial.url, "POST", `${AS}/scene-summary/cancel`, {}, undefined, [404]],
    ["updateProject not allowed", partial.url, "PATCH", PR, JSONH, JSON.stringify({ name: "x" }), [404]],
    ["listProjects on the workspace-only proxy", proxy.url, "GET", `${W}/projects`, {}, undefined, [404]],
    ["importAsset on the read-only proxy", readOnly.url, "POST", `${PR}/assets/import/object-storage`, JSONH, JSON.stringify({ bucketName: "mi-demo", key: "a.mp4" }), [404]],
    // Shapes no operation has.
    ["PUT on a project", full.url, "PUT", PR, JSONH, JSON.stringify({ name: "x" }), [404]],
    ["POST on an asset", full.url, "POST", AS, JSONH, "{}", [404]],
    ["an extra segment after index/status", full.url, "GET", `${AS}/index/status/x`, {}, undefined, [404]],
    ["a trailing slash", full.url, "GET", `${AS}/index/`, {}, undefined, [404]],
    ["GET on the import route", full.url, "GET", `${PR}/assets/import/object-storage`, {}, undefined, [404]],
    ["an empty id segment", full.url, "GET", `${PR}/assets//index`, {}, undefined, [404]],
    ["a dot-dot id", full.url, "GET", `${PR}/assets/../index`, {}, undefined, [400, 404]],
    ["a non-numeric project id", full.url, "GET", `${W}/projects/abc`, {}, undefined, [400]],
    ["project id 0", full.url, "GET", `${W}/projects/0`, {}, undefined, [400]],
    ["asset id 1e3", full.url, "GET", `${PR}/assets/1e3`, {}, undefined, [400]],
    // Bodies: only the documented fields, checked.
    ["createProject with an unknown body field", full.url, "POST", `${W}/projects`, JSONH, JSON.stringify({ name: "ok", owner: "me" }), [400]],
    ["createProject with a bad name", full.url, "POST", `${W}/projects`, JSONH, JSON.stringify({ name: "a;b" }), [400]],
    ["createProject with a body that is not an object", full.url, "POST", `${W}/projects`, JSONH, "[]", [400]],
    ["updateProject with an unknown body field", full.url, "PATCH", PR, JSONH, JSON.stringify({ name: "ok", isBaseProject: true }), [400]],
    ["importAsset with an unknown body field", full.url, "POST", `${PR}/assets/import/object-storage`, JSONH, JSON.stringify({ bucketName: "mi-demo", key: "trailer.mov", acl: "public" }), [400]],
    ["importAsset of a folder key", full.url, "POST", `${PR}/assets/import/object-storage`, JSONH, JSON.stringify({ bucketName: "mi-demo", key: "videos/" }), [400]],
    ["requestIndex with an unknown body field", full.url, "POST", `${AS}/index`, JSONH, JSON.stringify({ sceneRange: "SHORT", priority: 1 }), [400]],
    ["requestIndex with sceneRange and durations", full.url, "POST", `${AS}/index`, JSONH, JSON.stringify({ sceneRange: "SHORT", minSceneDurationSec: 5, maxSceneDurationSec: 9 }), [400]],
    ["createProject with a __proto__ member", full.url, "POST", `${W}/projects`, JSONH, '{"name":"ok","__proto__":{"isBaseProject":true}}', [400]],
    ["createProject whose repeated name breaks the rule", full.url, "POST", `${W}/projects`, JSONH, '{"name":"ok","name":"a;b"}', [400]],
    ["createProject with a null name", full.url, "POST", `${W}/projects`, JSONH, '{"name":null}', [400]],
    ["requestSceneSummary with an unknown body field", full.url, "POST", `${AS}/scene-summary`, JSONH, JSON.stringify({ locale: "en", model: "big" }), [400]],
    // Query parameters: only the operation's own, once each.
    ["moveAsset with an unknown query parameter", full.url, "PATCH", `${AS}?new_project_id=${otherId}&debug=1`, {}, undefined, [400, 404]],
    ["moveAsset with new_project_id twice", full.url, "PATCH", `${AS}?new_project_id=${otherId}&new_project_id=${otherId}`, {}, undefined, [400, 404]],
    ["moveAsset without new_project_id", full.url, "PATCH", AS, {}, undefined, [400]],
    ["moveAsset with new_project_id 0", full.url, "PATCH", `${AS}?new_project_id=0`, {}, undefined, [400]],
    ["moveAsset with a bad new_project_id", full.url, "PATCH", `${AS}?new_project_id=abc`, {}, undefined, [400]],
    ["updateProject with a query parameter", full.url, "PATCH", `${PR}?new_project_id=${otherId}`, JSONH, JSON.stringify({ name: "x" }), [400, 404]],
    ["getIndex with an unknown query parameter", full.url, "GET", `${AS}/index?confidence_level=LOW&raw=1`, {}, undefined, [400, 404]],
    ["getIndex with a bad confidence_level", full.url, "GET", `${AS}/index?confidence_level=EXTREME`, {}, undefined, [400]],
    ["listAssets with pageSize 5000", full.url, "GET", `${PR}/assets?pageNum=1&pageSize=5000`, {}, undefined, [400]],
    ["getAsset with a query string", full.url, "GET", `${AS}?verbose=true`, {}, undefined, [400, 404]],
    // Bodies where the operation has none.
    ["deleteAsset with a body", full.url, "DELETE", AS, JSONH, "{}", [400]],
    ["deleteProject with a body", full.url, "DELETE", PR, JSONH, JSON.stringify({ force: true }), [400]],
    ["deleteIndex with a body", full.url, "DELETE", `${AS}/index`, JSONH, "{}", [400]],
    ["cancelIndex with a body", full.url, "POST", `${AS}/index/cancel`, JSONH, "{}", [400]],
    ["moveAsset with a body", full.url, "PATCH", `${AS}?new_project_id=${otherId}`, JSONH, JSON.stringify({ newProjectId: otherId }), [400]],
  ];
  for (const [what, base, method, path, headers, body, statuses] of shapes) {
    const before = await logged();
    let res;
    try {
      res = await raw(base, method, path, headers, body);
    } catch (error) {
      res = { status: `error ${error.message}`, text: "" };
    }
    const after = await logged();
    t.check(statuses.includes(res.status) && after === before && !res.text.includes(SECRET), `${what}: ${method} ${path.replace(W, "WS").slice(0, 60)} -> ${statuses.join("/")}, nothing forwarded`,
      `got ${res.status} ${res.text.slice(0, 160)}; emulator log ${before} -> ${after}`);
  }
  // The same shapes done right go through (so the refusals above are about the shape, not the route).
  const fine = [
    ["moveAsset with only new_project_id", "PATCH", `${AS}?new_project_id=${otherId}`, {}, undefined],
    ["getIndex with only confidence_level", "GET", `${W}/projects/${otherId}/assets/${assetId}/index?confidence_level=LOW`, {}, undefined],
    ["deleteAsset without a body", "DELETE", `${W}/projects/${otherId}/assets/${assetId}`, {}, undefined],
  ];
  for (const [what, method, path, headers, body] of fine) {
    const before = await logged();
    const res = await raw(full.url, method, path, headers, body);
    const after = await logged();
    t.check(after === before + 1 && [200, 409].includes(res.status), `${what}: forwarded (${res.status})`, `got ${res.status} ${res.text.slice(0, 160)}; emulator log ${before} -> ${after}`);
  }
  await keyed.deleteWorkspace(workspaceName);
}

await proxy.close();
await readOnly.close();
await full.close();
await partial.close();
emulator.stop();
t.finish();
