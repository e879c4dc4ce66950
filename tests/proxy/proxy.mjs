// The signing proxy in Node (examples/node-proxy.mjs: createProxyHandler behind node:http) against the
// emulator: allowed calls succeed through a keyless client; unlisted operations, path tricks, oversized
// bodies, missing or failed authorization, forged x-ncp-* headers and foreign origins are refused with
// their documented status, and the emulator's request log proves nothing reached it.
//   node tests/proxy/proxy.mjs      (needs pkg/ built)
import { request as rawRequest } from "node:http";
import { MediaIntelligence, createProxyHandler } from "../../pkg/index.js";
import { startProxyServer } from "../../examples/node-proxy.mjs";
import { KEYS, SECRET, admin, startEmulator, tally } from "../faults/harness.mjs";

const t = tally("proxy-node");
const emulator = await startEmulator();
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

/** Sends a request with the path exactly as written (fetch would normalise it); the good token is
 *  sent unless `headers.authorization` says otherwise (`null` sends none). */
function raw(base, method, path, headers = {}, body) {
  const { hostname, port } = new URL(base);
  const all = Object.fromEntries(Object.entries({ authorization: TOKEN, ...headers }).filter(([, v]) => v !== null));
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

await proxy.close();
await readOnly.close();
emulator.stop();
t.finish();
