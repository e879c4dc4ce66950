// The eleven kinds of fault of issue 14, several members each, against the built package: redirects,
// unbounded reads, the proxy's clock, the proxy behind a TLS terminator, endpoint prefixes, replaced
// AbortController globals, one shared signal, HTTP dates in their older forms, Retry-After undercut,
// server bundles, errors without a code. Hostile endpoints are node:http servers of this file on
// 127.0.0.1; the rest runs against the emulator. Every check of a kind failed on the package before the
// fix (c5137d2); run it against that one to see them fail:
//   node tests/faults/kinds.mjs [--pkg DIR] [--only 1,2,...]     (DIR default pkg/; or MI_PKG=DIR)
//   git -C . archive c5137d2 pkg | tar -x -C /tmp/old && node tests/faults/kinds.mjs --pkg /tmp/old/pkg
// Prints `ok`/`not ok` lines and ends with `kinds: N passed, N failed`.
import { execFile } from "node:child_process";
import { createHmac } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { getEventListeners } from "node:events";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { sign } from "../emulator/spawn.mjs";
import { DATE_FORMS, earlyInASecond } from "./http-dates.mjs";
import { KEYS, admin, evidence, secretsNeverLeaked, settle, startEmulator, tally } from "./harness.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const PKG = resolve(arg("--pkg") ?? process.env.MI_PKG ?? join(ROOT, "pkg"));
const ONLY = arg("--only")?.split(",").map(Number);
const KIND_LIMIT_S = 60;

const t = tally("kinds");
console.log(`# package: ${PKG}`);
const mod = await import(pathToFileURL(join(PKG, "index.js")).href);
const { MediaIntelligence, NcpSigner, createProxyHandler, isMediaIntelligenceError } = mod;
const wasmBytes = () => mod.initSync().memory.buffer.byteLength;

// ------------------------------------------------------------------------------------------ helpers

const servers = [];
/** A node:http server on 127.0.0.1 recording every request ({method, url, headers, bytes}); `handle`
 *  answers (it may read the body with `readBody`). */
async function serve(handle) {
  const requests = [];
  const sockets = new Set();
  const server = createServer(async (req, res) => {
    const rec = { method: req.method, url: req.url, headers: req.headers, bytes: 0 };
    requests.push(rec);
    try {
      await handle(req, res, rec);
    } catch (error) {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  const it = {
    url: `http://127.0.0.1:${server.address().port}`,
    port: server.address().port,
    requests,
    close() {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
  servers.push(it);
  return it;
}

async function readBody(req, rec) {
  const chunks = [];
  for await (const c of req) {
    chunks.push(c);
    if (rec) rec.bytes += c.length;
  }
  return Buffer.concat(chunks).toString("utf8");
}

function send(res, status, body, headers = {}) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

const okWorkspace = (workspaceName) => ({
  code: "0", message: "success",
  result: { workspaceName, createdUserName: "u", createdTime: "2026-01-01T00:00:00", updatedUserName: "u", updatedTime: "2026-01-01T00:00:00" },
});
const authFailed = { error: { errorCode: "200", message: "Authentication Failed", details: "Invalid authentication" } };
/** Answers like the gateway: 401 unless the request is signed with KEYS for its exact path and query
 *  within 5 minutes of this server's clock (now + offsetMs); `date(ms)` formats the Date header. */
function gatewayLike({ offsetMs = 0, date = (ms) => new Date(ms).toUTCString() } = {}) {
  return async (req, res, rec) => {
    const text = await readBody(req, rec);
    const now = Date.now() + offsetMs;
    const h = req.headers;
    const ts = h["x-ncp-apigw-timestamp"];
    const good = h["x-ncp-iam-access-key"] === KEYS.accessKey && /^\d+$/.test(ts ?? "") && Math.abs(Number(ts) - now) <= 300000 &&
      h["x-ncp-apigw-signature-v2"] === sign(req.method, req.url, ts, KEYS.accessKey, KEYS.secretKey);
    rec.signed = good;
    if (!good) return send(res, 401, authFailed, { date: date(now) });
    const name = req.method === "POST" ? JSON.parse(text || "{}").workspaceName : decodeURIComponent(req.url.split("/").pop());
    send(res, 200, okWorkspace(name), { date: date(now) });
  };
}

const describe = (r) => (r.error ? `${r.error?.name} ${r.error?.code} status=${r.error?.status} attempts=${r.error?.attempts} retryAfterMs=${r.error?.retryAfterMs}: ${String(r.error?.message).slice(0, 200)}` : `resolved ${JSON.stringify(r.value)?.slice(0, 160)}`);
const construct = (make) => {
  try {
    return { value: make() };
  } catch (error) {
    evidence.errors.push(String(error?.message));
    return { error };
  }
};
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
const mb = (n) => `${(n / 1048576).toFixed(1)} MiB`;
const uniq = (() => {
  let n = 0;
  return (prefix) => `${prefix}-${++n}-${Date.now().toString(36)}`;
})();

/** Runs kind `n`: its checks are prefixed `n.`; a throw or a hang past the limit is one failed check. */
async function kind(n, title, body) {
  if (ONLY && !ONLY.includes(n)) return;
  console.log(`# kind ${n}: ${title}`);
  const started = performance.now();
  const check = (ok, what, detail) => t.check(ok, `${n}. ${what}`, detail);
  let timer;
  try {
    await Promise.race([
      body(check),
      new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`did not finish within ${KIND_LIMIT_S} s`)), KIND_LIMIT_S * 1000); }),
    ]);
  } catch (error) {
    check(false, "the kind's checks ran to the end", error?.stack ?? String(error));
  }
  clearTimeout(timer);
  console.log(`# kind ${n}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const emulator = await startEmulator({ MI_EMULATOR_QUOTA: "1000" });
const logged = async () => (await admin(emulator.url, "GET", "requests")).length;
const ALLOW = ["createWorkspace", "getWorkspace"];
const createRequest = (base, name, init = {}) => new Request(`${base}/api/v1/workspaces`, {
  method: "POST", headers: { "content-type": "application/json", ...init.headers }, body: JSON.stringify({ workspaceName: name }),
});
const getRequest = (base, name, init = {}) => new Request(`${base}/api/v1/workspaces/${name}`, { headers: init.headers ?? {} });
const readJson = async (res) => { try { return await res.json(); } catch { return null; } };

// ------------------------------------------------------------------------------------ 1. redirects

await kind(1, "signed requests never follow a redirect", async (check) => {
  const other = await serve(async (req, res, rec) => {
    await readBody(req, rec);
    send(res, 200, okWorkspace("evil-ws"));
  });
  let status = 302;
  let location = () => `${other.url}/api/v1/workspaces`;
  const redirector = await serve(async (req, res, rec) => {
    await readBody(req, rec);
    res.writeHead(status, { location: location(req), "content-type": "text/html", "content-length": 0 });
    res.end();
  });
  const leaked = () => other.requests.map((r) => `${r.method} ${r.url} x-ncp:${Object.keys(r.headers).filter((h) => h.startsWith("x-ncp")).join(",")} body:${r.bytes}`).join("; ");
  const mi = new MediaIntelligence({ ...KEYS, endpoint: redirector.url });
  for (const s of [301, 302, 303, 307, 308]) {
    status = s;
    for (const op of ["create", "get"]) {
      other.requests.length = 0;
      redirector.requests.length = 0;
      const r = await settle(op === "create" ? mi.createWorkspace({ workspaceName: "my-ws" }) : mi.getWorkspace("my-ws"));
      check(r.error?.name === "ApiError" && r.error.code === "REDIRECT" && r.error.status === s && r.error.attempts === 1 && redirector.requests.length === 1,
        `${s} to another origin / ${op}: ApiError REDIRECT ${s}, one attempt`, describe(r));
      check(other.requests.length === 0, `${s} / ${op}: the other origin receives nothing (no x-ncp-* header, no body)`, leaked());
    }
  }
  // Other Location forms: same origin, protocol-relative, relative path.
  for (const [s, form, loc] of [[307, "same-origin absolute", () => `${redirector.url}/elsewhere`], [302, "protocol-relative", () => `//127.0.0.1:${other.port}/x`], [308, "relative path", () => "../../v2/workspaces"]]) {
    status = s;
    location = loc;
    other.requests.length = 0;
    redirector.requests.length = 0;
    const r = await settle(mi.createWorkspace({ workspaceName: "my-ws" }));
    check(r.error?.code === "REDIRECT" && r.error.status === s && redirector.requests.length === 1 && other.requests.length === 0,
      `${s} with a ${form} Location: REDIRECT, not followed (one request in all)`, `${describe(r)}; redirector saw ${redirector.requests.length}, other ${other.requests.length}`);
  }
  location = () => `${other.url}/api/v1/workspaces`;
  // A keyless client whose proxyUrl redirects: its body and headers stay home too.
  {
    status = 307;
    other.requests.length = 0;
    const keyless = new MediaIntelligence({ proxyUrl: redirector.url, headers: { authorization: "Bearer session" } });
    const r = await settle(keyless.createWorkspace({ workspaceName: "my-ws" }));
    check(r.error?.code === "REDIRECT" && r.error.status === 307 && other.requests.length === 0, "a keyless client's proxyUrl answering 307: REDIRECT, its body and authorization stay home", `${describe(r)}; ${leaked()}`);
  }
  // The proxy: NCP (the endpoint) redirecting is a 502, and the other origin sees nothing.
  const handler = construct(() => createProxyHandler({ ...KEYS, endpoint: redirector.url, allow: ALLOW }));
  for (const s of [301, 302, 303, 307, 308]) {
    status = s;
    for (const op of ["create", "get"]) {
      other.requests.length = 0;
      let res, body;
      try {
        res = await handler.value(op === "create" ? createRequest("http://app.example", "my-ws") : getRequest("http://app.example", "my-ws"));
        body = await readJson(res);
      } catch (error) {
        body = String(error);
      }
      check(res?.status === 502 && body?.error?.errorCode === "500" && other.requests.length === 0,
        `proxy, endpoint answering ${s} / ${op}: 502 gateway 500, the other origin receives nothing`, `got ${res?.status} ${JSON.stringify(body)?.slice(0, 120)}; ${leaked()}`);
    }
  }
});

// ------------------------------------------------------------------------------ 2. unbounded reads

await kind(2, "every body read from the network is bounded while it is read", async (check) => {
  const HTML_BYTES = 64 * 1048576;
  const FIELD_BYTES = 48 * 1048576;
  const filler = (byte) => Buffer.alloc(65536, byte);
  /** Writes head, `total` bytes of `byte`, tail; stops when the client goes away. */
  function stream(res, total, head, tail, byte) {
    let sent = 0;
    let closed = false;
    res.on("close", () => { closed = true; });
    const chunk = filler(byte);
    res.write(head);
    const pump = () => {
      while (!closed && sent < total) {
        const n = Math.min(chunk.length, total - sent);
        sent += n;
        if (!res.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void res.once("drain", pump);
      }
      if (!closed) res.end(tail);
    };
    pump();
  }
  const jsonHead = (name) => `{"code":"0","message":"success","result":{"workspaceName":"${name}","pad":"`;
  const jsonTail = `"}}`;
  /** A workspace envelope of exactly `size` bytes. */
  const exactJson = (name, size) => {
    const bare = jsonHead(name).length + jsonTail.length;
    return jsonHead(name) + "x".repeat(size - bare) + jsonTail;
  };
  const gzipped = gzipSync(Buffer.concat([Buffer.from(jsonHead("gzip")), Buffer.alloc(HTML_BYTES, 0x61), Buffer.from(jsonTail)]));
  const big = await serve(async (req, res) => {
    const name = req.url.split("/").pop();
    const size = Number(/-(\d+)$/.exec(name)?.[1]);
    if (name === "html-cl") {
      res.writeHead(502, { "content-type": "text/html", "content-length": HTML_BYTES + 13 });
      return stream(res, HTML_BYTES, "<html><body>", "\n", 0x20);
    }
    if (name === "html-chunked") {
      res.writeHead(502, { "content-type": "text/html" });
      return stream(res, HTML_BYTES, "<html><body>", "</body></html>", 0x20);
    }
    if (name === "field-cl" || name === "field-chunked") {
      const head = jsonHead(name);
      res.writeHead(200, { "content-type": "application/json", ...(name === "field-cl" ? { "content-length": head.length + FIELD_BYTES + jsonTail.length } : {}) });
      return stream(res, FIELD_BYTES, head, jsonTail, 0x41);
    }
    if (name === "gzip") {
      res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip", "content-length": gzipped.length });
      return res.end(gzipped);
    }
    if (name.startsWith("exact-")) return send(res, 200, exactJson(name, size));
    if (name.startsWith("small")) return send(res, 200, okWorkspace(name));
    send(res, 404, { code: "404", message: "no" });
  });
  const mi = new MediaIntelligence({ ...KEYS, endpoint: big.url, retries: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 } });
  const warm = await settle(mi.getWorkspace("small"));
  const before = wasmBytes();
  check(warm.value?.workspaceName === "small", "a normal answer from the same server resolves (control)", describe(warm));
  const cases = [
    ["html-cl", 502, "a 502 with a 64 MiB HTML body (Content-Length)"],
    ["html-chunked", 502, "a 502 with a 64 MiB HTML body (chunked, no Content-Length)"],
    ["field-cl", 200, "a 200 with a 48 MiB field (Content-Length)"],
    ["field-chunked", 200, "a 200 with a 48 MiB field (chunked)"],
    ["gzip", 200, `a 200 of 64 MiB gzip-encoded in ${(gzipped.length / 1024).toFixed(0)} KiB`],
  ];
  for (const [name, status, what] of cases) {
    const started = performance.now();
    const r = await settle(mi.getWorkspace(name));
    const ms = performance.now() - started;
    check(r.error?.name === "DecodeError" && r.error.code === "RESPONSE_TOO_LARGE" && r.error.status === status && r.error.attempts === 1,
      `${what}: DecodeError RESPONSE_TOO_LARGE ${status}, not retried (${ms.toFixed(0)} ms)`, describe(r));
  }
  for (let i = 0; i < 3; i++) await settle(mi.getWorkspace(i % 2 ? "field-chunked" : "html-cl"));
  const after = wasmBytes();
  check(after - before < 2 * 1048576, `wasm memory flat across 8 oversized answers (${mb(before)} -> ${mb(after)})`);

  // maxResponseBytes lowers and raises the cap; the boundary is exact.
  const capped = construct(() => new MediaIntelligence({ ...KEYS, endpoint: big.url, maxResponseBytes: 4096 }));
  check(!capped.error, "maxResponseBytes: 4096 is accepted", describe(capped));
  if (capped.value) {
    let r = await settle(capped.value.getWorkspace("exact-4096"));
    check(r.value?.workspaceName === "exact-4096", "maxResponseBytes 4096: an answer of exactly 4096 bytes resolves", describe(r));
    r = await settle(capped.value.getWorkspace("exact-4097"));
    check(r.error?.code === "RESPONSE_TOO_LARGE" && r.error.status === 200, "maxResponseBytes 4096: an answer of 4097 bytes is RESPONSE_TOO_LARGE", describe(r));
  }
  let r = await settle(mi.getWorkspace("exact-40000"));
  check(r.value?.workspaceName === "exact-40000", "the default cap reads a 40,000-byte answer", describe(r));
  const raised = construct(() => new MediaIntelligence({ ...KEYS, endpoint: big.url, maxResponseBytes: 64 * 1048576 }));
  r = raised.value ? await settle(raised.value.getWorkspace("field-chunked")) : raised;
  check(r.value?.workspaceName === "field-chunked" && r.value.pad?.length === FIELD_BYTES, "maxResponseBytes 64 MiB: the 48 MiB answer resolves, its field whole", describe(r));
  const afterRaised = wasmBytes();
  check(afterRaised - before < 2 * 1048576, `a 48 MiB answer read under a raised cap does not grow wasm memory (${mb(before)} -> ${mb(afterRaised)})`);

  // The proxy: an oversized answer from NCP is a 502, read no further; maxResponseBytes applies.
  const proxy = construct(() => createProxyHandler({ ...KEYS, endpoint: big.url, allow: ALLOW }));
  for (const name of ["field-chunked", "field-cl", "gzip"]) {
    let res, body;
    try {
      res = await proxy.value(getRequest("http://app.example", name));
      body = await readJson(res);
    } catch (error) {
      body = String(error);
    }
    check(res?.status === 502 && body?.error?.errorCode === "500", `proxy: NCP answering ${name} (over 32 MiB) -> 502 gateway 500`, `got ${res?.status} ${JSON.stringify(body)?.slice(0, 100)}`);
  }
  const afterProxy = wasmBytes();
  check(afterProxy - before < 2 * 1048576, `proxy: wasm memory flat after those answers (${mb(before)} -> ${mb(afterProxy)})`);
  const proxy4k = construct(() => createProxyHandler({ ...KEYS, endpoint: big.url, allow: ALLOW, maxResponseBytes: 4096 }));
  for (const [name, want] of [["exact-4096", 200], ["exact-4097", 502]]) {
    let res;
    try { res = await proxy4k.value(getRequest("http://app.example", name)); } catch (error) { res = { status: String(error) }; }
    check(res?.status === want, `proxy maxResponseBytes 4096: NCP answering ${name.slice(6)} bytes -> ${want}`, `got ${res?.status}`);
  }

  // The proxy's request body: a stream without Content-Length is read to the limit plus one chunk.
  const upstream = await serve(async (req, res, rec) => {
    const text = await readBody(req, rec);
    send(res, 200, okWorkspace(JSON.parse(text).workspaceName));
  });
  const limited = construct(() => createProxyHandler({ ...KEYS, endpoint: upstream.url, allow: ALLOW, maxBodyBytes: 16384 }));
  const CHUNK = 1024;
  /** A request body stream of `total` bytes (valid JSON padded with spaces) counting what was pulled. */
  const counted = (total) => {
    const head = Buffer.from(JSON.stringify({ workspaceName: "streamed" }));
    const state = { pulled: 0 };
    state.stream = new ReadableStream({
      pull(controller) {
        if (state.pulled >= total) return controller.close();
        const chunk = Buffer.alloc(Math.min(CHUNK, total - state.pulled), 0x20);
        if (state.pulled === 0) head.copy(chunk);
        state.pulled += chunk.length;
        controller.enqueue(new Uint8Array(chunk));
      },
    }, { highWaterMark: 0 });
    return state;
  };
  const post = (body) => new Request("http://app.example/api/v1/workspaces", { method: "POST", headers: { "content-type": "application/json" }, body, duplex: "half" });
  for (const total of [8 * 1048576, 16385]) {
    const s = counted(total);
    upstream.requests.length = 0;
    let res;
    try { res = await limited.value(post(s.stream)); } catch (error) { res = { status: String(error) }; }
    check(res.status === 413 && s.pulled <= 16384 + CHUNK && upstream.requests.length === 0,
      `proxy maxBodyBytes 16384: a streamed body of ${total} bytes, no Content-Length -> 413 after reading ${s.pulled} bytes (at most 16384 + one ${CHUNK}-byte chunk), nothing forwarded`,
      `got ${res.status}, pulled ${s.pulled}, forwarded ${upstream.requests.length}`);
  }
  {
    const s = counted(16384);
    let res;
    try { res = await limited.value(post(s.stream)); } catch (error) { res = { status: String(error) }; }
    check(res.status === 200 && upstream.requests.length === 1, "proxy maxBodyBytes 16384: a streamed body of exactly 16384 bytes is forwarded", `got ${res.status}`);
  }
  {
    let res;
    try { res = await limited.value(post("{\"workspaceName\":\"plain\"}" + " ".repeat(20000))); } catch (error) { res = { status: String(error) }; }
    check(res.status === 413, "proxy maxBodyBytes 16384: a 20 KB string body -> 413", `got ${res.status}`);
  }

  // The README's node:http adapter (examples/node-proxy.mjs): an unauthorised upload is refused before
  // it is read in full (authorize runs first; the body is streamed, not buffered).
  try {
    // A copy beside a link to the package under test (the example imports ../pkg/index.js).
    const copy = mkdtempSync(join(tmpdir(), "mi-adapter-"));
    mkdirSync(join(copy, "examples"));
    cpSync(join(ROOT, "examples/node-proxy.mjs"), join(copy, "examples/node-proxy.mjs"));
    symlinkSync(PKG, join(copy, "pkg"));
    const { toNodeListener } = await import(pathToFileURL(join(copy, "examples/node-proxy.mjs")).href);
    rmSync(copy, { recursive: true, force: true });
    const h = construct(() => createProxyHandler({ ...KEYS, endpoint: upstream.url, allow: ALLOW, authorize: () => false }));
    const server = createServer(toNodeListener(h.value));
    await new Promise((done) => server.listen(0, "127.0.0.1", done));
    const total = 32 * 1048576;
    let written = 0;
    const started = performance.now();
    const outcome = await new Promise((done) => {
      {
        const req = httpRequest({ host: "127.0.0.1", port: server.address().port, method: "POST", path: "/api/v1/workspaces", headers: { "content-type": "application/json" } }, (res) => {
          done({ status: res.statusCode, written }); // how much was sent when the answer came
          req.destroy();
        });
        req.on("error", (e) => done({ status: `error ${e.code}`, written }));
        const chunk = Buffer.alloc(65536, 0x20);
        const pump = () => {
          while (written < total) {
            written += chunk.length;
            if (!req.write(chunk)) return void req.once("drain", pump);
          }
          req.end();
        };
        pump();
      }
    });
    server.closeAllConnections();
    server.close();
    check(outcome.status === 403 && outcome.written < total / 2, `examples/node-proxy.mjs: an unauthorised 32 MiB upload is answered 403 before the body is read (${mb(outcome.written)} sent when it came, ${(performance.now() - started).toFixed(0)} ms)`,
      `got ${outcome.status} once the client had written ${mb(outcome.written)}`);
  } catch (error) {
    check(false, "examples/node-proxy.mjs: an unauthorised upload is refused before it is read in full", String(error));
  }
});

// ------------------------------------------------------------------------------- 3. the proxy's clock

await kind(3, "the proxy learns the clock offset from Date, as the client does", async (check) => {
  const keylessThrough = (handler) => new MediaIntelligence({
    proxyUrl: "http://app.example", retries: { maxAttempts: 1 },
    fetch: (url, init) => handler(new Request(url, init)),
  });
  for (const offsetMs of [600000, -600000, 2 * 3600000]) {
    await admin(emulator.url, "POST", "reset");
    await admin(emulator.url, "POST", "clock", { offsetMs });
    const handler = construct(() => createProxyHandler({ ...KEYS, endpoint: emulator.url, allow: ALLOW }));
    const mi = keylessThrough(handler.value);
    const name = uniq("clock");
    const first = await settle(mi.createWorkspace({ workspaceName: name }));
    const n1 = await logged();
    check(first.value?.workspaceName === name && n1 === 2, `NCP clock ${offsetMs / 60000} min off: the first keyless call through the proxy succeeds (2 requests: 401, then re-signed)`, `${describe(first)}; emulator saw ${n1}`);
    const later = await settle(mi.getWorkspace(name));
    const again = await settle(mi.getWorkspace(name));
    const n2 = await logged();
    check(later.value?.workspaceName === name && again.value?.workspaceName === name && n2 === n1 + 2, `NCP clock ${offsetMs / 60000} min off: later calls succeed at once (offset kept: 1 request each)`, `${describe(later)}; ${describe(again)}; emulator saw ${n2 - n1} more`);
    if (offsetMs === 600000) {
      await admin(emulator.url, "POST", "clock", { offsetMs: 0 });
      const back = await settle(mi.getWorkspace(name));
      check(back.value?.workspaceName === name, "the NCP clock set right again afterwards: the proxy relearns, the call succeeds", describe(back));
    }
  }
  await admin(emulator.url, "POST", "clock", { offsetMs: 0 });
});

// ----------------------------------------------------------------- 4. the proxy behind a TLS terminator

await kind(4, "same-origin is judged by the public origin", async (check) => {
  const base = { ...KEYS, endpoint: emulator.url, allow: ALLOW };
  const plain = construct(() => createProxyHandler(base));
  const pub = construct(() => createProxyHandler({ ...base, publicOrigin: "https://app.example" }));
  const fwd = construct(() => createProxyHandler({ ...base, trustForwardedHeaders: true }));
  const pubCors = construct(() => createProxyHandler({ ...base, publicOrigin: "https://app.example", cors: { origins: ["https://partner.example"] } }));
  check(!pub.error && !fwd.error, "publicOrigin and trustForwardedHeaders are accepted options", describe(pub.error ? pub : fwd));
  const TERMINATED = { "x-forwarded-proto": "https", "x-forwarded-host": "app.example" };
  const cases = [
    // [handler, label, method, headers, expected status]
    [plain, "no options", "POST", { ...TERMINATED, origin: "https://app.example" }, 403, "the forwarded proto is not trusted by default"],
    [plain, "no options", "POST", { origin: "http://app.example" }, 200, "the origin it receives on is same-origin"],
    [plain, "no options", "POST", { "x-forwarded-proto": "https", "x-forwarded-host": "evil.example", origin: "https://evil.example" }, 403, "a forged X-Forwarded-* is not trusted"],
    [plain, "no options", "GET", {}, 200, "a GET without Origin passes"],
    [pub, "publicOrigin", "POST", { ...TERMINATED, origin: "https://app.example" }, 200, "the page's own POST behind the terminator"],
    [pub, "publicOrigin", "POST", { origin: "https://app.example" }, 200, "the page's own POST (no forwarded headers needed)"],
    [pub, "publicOrigin", "GET", { ...TERMINATED, origin: "https://app.example" }, 200, "the page's own GET with Origin"],
    [pub, "publicOrigin", "POST", { origin: "http://app.example" }, 403, "the internal http origin is not the page's"],
    [pub, "publicOrigin", "POST", { "x-forwarded-proto": "https", "x-forwarded-host": "evil.example", origin: "https://evil.example" }, 403, "forged X-Forwarded-* do not override it"],
    [fwd, "trustForwardedHeaders", "POST", { ...TERMINATED, origin: "https://app.example" }, 200, "X-Forwarded-Proto/Host give the public origin"],
    [fwd, "trustForwardedHeaders", "POST", { "x-forwarded-proto": "https", origin: "https://app.example" }, 200, "X-Forwarded-Proto with the request's own Host"],
    [fwd, "trustForwardedHeaders", "POST", { "x-forwarded-proto": "https", "x-forwarded-host": "other.example:8443", origin: "https://other.example:8443" }, 200, "the forwarded host and port"],
    [fwd, "trustForwardedHeaders", "POST", { ...TERMINATED, origin: "https://evil.example" }, 403, "another origin is still cross-origin"],
    [fwd, "trustForwardedHeaders", "POST", { ...TERMINATED, origin: "http://app.example" }, 403, "the internal http origin is not the forwarded one"],
    [pubCors, "publicOrigin + cors", "POST", { origin: "https://partner.example" }, 200, "a listed cross origin"],
    [pubCors, "publicOrigin + cors", "POST", { ...TERMINATED, origin: "https://app.example" }, 200, "the page's own origin beside cors"],
  ];
  for (const [handler, label, method, headers, want, why] of cases) {
    const name = uniq("tls");
    const before = await logged();
    let res, body;
    try {
      res = await handler.value(method === "POST" ? createRequest("http://app.example", name, { headers }) : getRequest("http://app.example", name, { headers }));
      body = await readJson(res);
    } catch (error) {
      body = String(error);
    }
    const reached = (await logged()) - before;
    const status = method === "GET" && res?.status === 404 && body?.code === "404" ? 200 : res?.status; // NCP's answer for a missing name
    const good = want === 200 ? status === 200 && reached >= 1 : res?.status === 403 && body?.error?.errorCode === "230" && reached === 0;
    check(good, `${label}: ${method} http://app.example/... ${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join(", ") || "(no Origin)"} -> ${want === 200 ? "forwarded" : "403"} (${why})`,
      `got ${res?.status} ${JSON.stringify(body)?.slice(0, 100)}; reached NCP ${reached}`);
  }
});

// ------------------------------------------------------------------------------ 5. endpoint prefixes

await kind(5, "the URI signed is the URI sent, or the endpoint is refused", async (check) => {
  const gw = await serve(gatewayLike());
  const host = `127.0.0.1:${gw.port}`;
  const refused = [
    [`http://${host}/미디어`, ["미디어", "%EB%AF%B8"]],
    [`http://${host}/a/../gw`, ["a/../gw", "../"]],
    [`http://${host}/{tenant}`, ["{tenant}", "tenant"]],
    [`http://${host}/a\\b`, ["a\\b"]],
    [`http://user:pw@${host}`, ["user:pw", "pw@"]],
    [`http://user@${host}`, ["user@"]],
    [`http://${host}/%7Egw`, ["%7Egw", "%7E"]],
    [`http://${host}/./gw`, ["./gw"]],
    [`http://${host}/a b`, ["a b", "a%20b"]],
    [`http://${host}/gw?tenant=1`, ["tenant=1"]],
  ];
  for (const [endpoint, secrets] of refused) {
    for (const [who, make] of [["client", () => new MediaIntelligence({ ...KEYS, endpoint })], ["proxy", () => createProxyHandler({ ...KEYS, endpoint, allow: ALLOW })]]) {
      const r = construct(make);
      const e = r.error;
      const echoed = e ? secrets.find((s) => `${e.message}\n${e.stack}`.includes(s)) : undefined;
      check(e?.name === "ValidationError" && e.code === "INVALID_INPUT" && e.field === "endpoint" && !echoed,
        `${who}: endpoint ${JSON.stringify(endpoint.replace(host, "HOST"))} refused at construction (ValidationError endpoint, not quoting it)`,
        e ? `${e.name} ${e.field}: ${e.message}${echoed ? ` (echoes ${echoed})` : ""}` : "accepted");
    }
  }
  for (const prefix of ["/gw", "/gw/", "/a-b_c.d~e/v1", "/GW/Tenant-1"]) {
    gw.requests.length = 0;
    const mi = construct(() => new MediaIntelligence({ ...KEYS, endpoint: `http://${host}${prefix}`, retries: { maxAttempts: 1 } }));
    const r = mi.value ? await settle(mi.value.getWorkspace("prefixed")) : mi;
    const want = `${prefix.replace(/\/$/, "")}/api/v1/workspaces/prefixed`;
    check(r.value?.workspaceName === "prefixed" && gw.requests[0]?.url === want && gw.requests[0]?.signed, `client endpoint prefix ${prefix}: sent as ${want} and signed as sent`, `${describe(r)}; server saw ${gw.requests[0]?.url} signed=${gw.requests[0]?.signed}`);
  }
  {
    gw.requests.length = 0;
    const handler = construct(() => createProxyHandler({ ...KEYS, endpoint: `http://${host}/gw`, allow: ALLOW }));
    let res;
    try { res = await handler.value(createRequest("http://app.example", "via-proxy")); } catch (error) { res = { status: String(error) }; }
    check(res.status === 200 && gw.requests[0]?.url === "/gw/api/v1/workspaces" && gw.requests[0]?.signed, "proxy endpoint prefix /gw: forwarded to /gw/api/v1/workspaces and signed as sent", `got ${res.status}; server saw ${gw.requests[0]?.url} signed=${gw.requests[0]?.signed}`);
  }
});

// ---------------------------------------------------------------- 6. replaced AbortController globals

await kind(6, "the client's own cancellation survives jsdom-style AbortController globals", async (check) => {
  const server = await serve(async (req, res, rec) => {
    const text = await readBody(req, rec);
    if (req.url.includes("hang")) return; // never answers
    const name = req.method === "POST" ? JSON.parse(text).workspaceName : req.url.split("/").pop();
    send(res, 200, okWorkspace(name));
  });
  const child = join(ROOT, "tests/faults/kinds-globals.mjs");
  const bin = (name) => join(ROOT, "node_modules/.bin", name);
  const runtimes = [
    ["Node (a fetch that refuses foreign signals, as Deno's and Bun's do)", process.execPath, [child, PKG, server.url, "strict"]],
    ["Node (its own fetch)", process.execPath, [child, PKG, server.url]],
    ["Deno", bin("deno"), ["run", "-A", "--no-prompt", child, PKG, server.url]],
    ["Bun", bin("bun"), [child, PKG, server.url]],
  ];
  await Promise.all(runtimes.map(async ([label, command, args]) => {
    if (!existsSync(command)) return check(false, `${label}: runtime present`, command);
    const { stdout, stderr, code } = await new Promise((done) => {
      execFile(command, args, { timeout: 30000, env: { ...process.env, NO_COLOR: "1" } }, (error, stdout, stderr) => done({ stdout, stderr, code: error?.code ?? 0 }));
    });
    const lines = stdout.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l));
    for (const line of lines.filter((l) => l.what !== "done")) check(line.ok, `${label}, replaced globals: ${line.what}`, line.detail);
    if (!lines.some((l) => l.what === "done")) check(false, `${label}: the child ran to the end`, `exit ${code}: ${stderr.slice(-600)}`);
  }));
});

// ------------------------------------------------------------------------- 7. one shared signal

await kind(7, "any number of concurrent calls on one signal: no MaxListenersExceededWarning", async (check) => {
  const server = await serve(async (req, res, rec) => {
    await readBody(req, rec);
    if (req.url.includes("hang")) return;
    send(res, 200, okWorkspace(req.url.split("/").pop()));
  });
  const warnings = [];
  const onWarning = (w) => warnings.push(w);
  process.on("warning", onWarning);
  const mi = new MediaIntelligence({ ...KEYS, endpoint: server.url, retries: { maxAttempts: 1 } });
  const settleAll = (calls) => Promise.all(calls.map((c) => settle(c)));
  const maxListeners = () => warnings.filter((w) => w.name === "MaxListenersExceededWarning");
  const tick = () => new Promise((done) => setImmediate(done));

  for (const count of [11, 50, 200]) {
    warnings.length = 0;
    const controller = new AbortController();
    const reason = new Error(`stop ${count}`);
    const calls = Array.from({ length: count }, (_, i) => mi.getWorkspace(`hang-${count}-${i}`, { signal: controller.signal }));
    await sleep(150);
    await tick();
    check(maxListeners().length === 0, `${count} concurrent calls sharing one per-call signal: no MaxListenersExceededWarning`, maxListeners()[0]?.message);
    controller.abort(reason);
    const results = await settleAll(calls);
    const bad = results.filter((r) => !(r.error?.name === "AbortError" && r.error.code === "ABORTED" && r.error.reason === reason));
    check(bad.length === 0, `${count} calls on one signal: aborting it rejects every one with AbortError and its reason`, bad[0] && describe(bad[0]));
    check(getEventListeners(controller.signal, "abort").length === 0, `${count} calls on one signal: no abort listener left on it afterwards`, `${getEventListeners(controller.signal, "abort").length} left`);
  }
  {
    warnings.length = 0;
    const controller = new AbortController();
    const shared = new MediaIntelligence({ ...KEYS, endpoint: server.url, retries: { maxAttempts: 1 }, signal: controller.signal });
    const calls = Array.from({ length: 50 }, (_, i) => shared.getWorkspace(`hang-client-${i}`));
    await sleep(150);
    await tick();
    check(maxListeners().length === 0, "50 concurrent calls of a client built with a signal: no MaxListenersExceededWarning", maxListeners()[0]?.message);
    controller.abort();
    const results = await settleAll(calls);
    check(results.every((r) => r.error?.name === "AbortError"), "aborting the client's signal rejects all 50 with AbortError", describe(results.find((r) => r.error?.name !== "AbortError") ?? {}));
  }
  {
    warnings.length = 0;
    const controller = new AbortController();
    const results = await settleAll(Array.from({ length: 50 }, (_, i) => mi.getWorkspace(`fine-${i}`, { signal: controller.signal })));
    await tick();
    check(results.every((r) => r.value) && maxListeners().length === 0 && getEventListeners(controller.signal, "abort").length === 0,
      "50 concurrent calls that succeed on one signal: no warning, no listener left", `${results.filter((r) => r.error).length} failed; ${maxListeners()[0]?.message ?? ""}; ${getEventListeners(controller.signal, "abort").length} listeners`);
  }
  process.off("warning", onWarning);
});

// -------------------------------------------------------------------------------- 8. HTTP dates

await kind(8, "Retry-After and Date in all three HTTP-date forms", async (check) => {
  for (const [form, format] of Object.entries(DATE_FORMS)) {
    await admin(emulator.url, "POST", "reset");
    await earlyInASecond();
    const asked = (Math.floor(Date.now() / 1000) + 1) * 1000;
    const retryAfter = format(asked);
    await admin(emulator.url, "POST", "faults", { faults: [{ route: "POST /api/v1/workspaces", fault: "429", retryAfter }] });
    const records = [];
    const mi = new MediaIntelligence({ ...KEYS, endpoint: emulator.url, retries: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 5000 }, logger: (r) => records.push({ ...r, at: Date.now() }) });
    const name = uniq("date");
    const r = await settle(mi.createWorkspace({ workspaceName: name }));
    // The first record is logged when the 429 is read; the retry goes out delayMs later, which must not
    // be before the date asked (the clocks agree), nor much after it.
    const retryAt = records[0]?.at + records[0]?.delayMs;
    check(r.value?.workspaceName === name && records.length === 2 && retryAt >= asked - 20 && retryAt <= asked + 1000 && records[0].delayMs >= 300,
      `429 with Retry-After ${JSON.stringify(retryAfter)} (${form}, 1 s ahead): the client waits until then (${records[0]?.delayMs} ms), not retrying at once`,
      `${describe(r)}; retry ${retryAt - asked} ms after the date asked; first record ${JSON.stringify(records[0])}`);
  }
  // A server clock on a day of one digit (asctime pads it with a space: "Tue Dec  1 ...").
  const k = Array.from({ length: 40 }, (_, i) => i + 1).find((d) => new Date(Date.now() + d * 86400000).getUTCDate() < 10);
  for (const [form, format] of Object.entries(DATE_FORMS)) {
    for (const offsetMs of [600000, -600000, ...(form === "IMF-fixdate" ? [] : [k * 86400000])]) {
      const gw = await serve(gatewayLike({ offsetMs, date: format }));
      const mi = new MediaIntelligence({ ...KEYS, endpoint: gw.url, retries: { maxAttempts: 1 } });
      const first = await settle(mi.getWorkspace("skewed"));
      const later = await settle(mi.getWorkspace("skewed"));
      const statuses = gw.requests.map((q) => (q.signed ? 200 : 401)).join(",");
      check(first.value?.workspaceName === "skewed" && later.value && statuses === "401,200,200",
        `401 with Date ${JSON.stringify(format(Date.now() + offsetMs))} (${form}, clock ${offsetMs / 60000} min off): corrected once, kept for the next call`, `${describe(first)}; ${describe(later)}; answers ${statuses}`);
      gw.close();
    }
  }
});

// ------------------------------------------------------------------------ 9. Retry-After undercut

await kind(9, "Retry-After is never undercut: over maxDelayMs the call fails at once with retryAfterMs", async (check) => {
  const undercut = async ({ fault = "429", retryAfter, maxDelayMs, op, times = 3 }) => {
    await admin(emulator.url, "POST", "reset");
    const name = uniq("ra");
    const mi = new MediaIntelligence({ ...KEYS, endpoint: emulator.url, retries: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs } });
    if (op === "get") await mi.createWorkspace({ workspaceName: name });
    const route = op === "create" ? "POST /api/v1/workspaces" : "GET /api/v1/workspaces/*";
    const value = typeof retryAfter === "function" ? retryAfter() : retryAfter;
    const before = await logged();
    await admin(emulator.url, "POST", "faults", { faults: [{ route, fault, times, retryAfter: value }] });
    const started = performance.now();
    const r = await settle(op === "create" ? mi.createWorkspace({ workspaceName: name }) : mi.getWorkspace(name));
    return { r, elapsed: performance.now() - started, requests: (await logged()) - before, value };
  };
  const status = { 429: 429, 503: 503 };
  const code = { 429: "RATE_LIMITED", 503: "SERVER_ERROR" };
  const atOnce = [
    ["429", "1", 1000], ["429", "3600", 3600000], ["503", "1", 1000],
    ["429", () => new Date(Date.now() + 3600000).toUTCString(), 3600000],
  ];
  for (const [fault, retryAfter, asked] of atOnce) {
    for (const op of ["create", "get"]) {
      const { r, elapsed, requests, value } = await undercut({ fault, retryAfter, maxDelayMs: 50, op });
      const e = r.error;
      const near = typeof e?.retryAfterMs === "number" && Math.abs(e.retryAfterMs - asked) <= (typeof retryAfter === "function" ? 2000 : 0);
      check(e?.name === "ApiError" && e.code === code[fault] && e.status === status[fault] && e.attempts === 1 && near && requests === 1 && elapsed < 500,
        `${fault} + Retry-After ${JSON.stringify(value)} with maxDelayMs 50 / ${op}: fails at once (${elapsed.toFixed(0)} ms), one attempt, retryAfterMs ${asked}`, `${describe(r)}; ${requests} requests; ${elapsed.toFixed(0)} ms`);
    }
  }
  for (const [retryAfter, maxDelayMs] of [["1", 2000], ["2", 2000]]) {
    const { r, elapsed, requests } = await undercut({ retryAfter, maxDelayMs, op: "get", times: 1 });
    const asked = Number(retryAfter) * 1000;
    check(r.value && requests === 2 && elapsed >= asked - 20, `429 + Retry-After ${retryAfter} with maxDelayMs ${maxDelayMs}: waits it out (${elapsed.toFixed(0)} ms), then succeeds`, `${describe(r)}; ${requests} requests; ${elapsed.toFixed(0)} ms`);
  }
});

// --------------------------------------------------------------------------------- 10. server bundles

await kind(10, "the package runs from an esbuild server bundle with the .wasm copied beside it", async (check) => {
  const gw = await serve(gatewayLike());
  const esbuild = join(ROOT, "node_modules/.bin/esbuild");
  const dir = mkdtempSync(join(tmpdir(), "mi-bundle-"));
  const runDir = mkdtempSync(join(tmpdir(), "mi-bundle-run-"));
  const run = (command, args, cwd, env = {}) => new Promise((done) => {
    execFile(command, args, { cwd, timeout: 30000, env: { ...process.env, ...env } }, (error, stdout, stderr) => done({ code: error ? (error.code ?? 1) : 0, stdout, stderr }));
  });
  try {
    cpSync(PKG, join(dir, "node_modules/ncloud-media-intelligence"), { recursive: true });
    const body = `
  const ts = 1700000000000;
  const get = signRequest({ method: "GET", uri: "/api/v1/workspaces/bundled", accessKey: "ak", secretKey: "sk", timestamp: ts });
  const post = new NcpSigner({ accessKey: "ak", secretKey: "sk" }).sign("POST", "/api/v1/workspaces", ts);
  const mi = new MediaIntelligence({ accessKey: process.env.AK, secretKey: process.env.SK, endpoint: process.env.MI_URL, retries: { maxAttempts: 1 } });
  const ws = await mi.getWorkspace("bundled");
  console.log(JSON.stringify({ get: get["x-ncp-apigw-signature-v2"], post: post["x-ncp-apigw-signature-v2"], workspaceName: ws.workspaceName }));`;
    writeFileSync(join(dir, "handler.mjs"), `import { MediaIntelligence, NcpSigner, signRequest } from "ncloud-media-intelligence";\nexport async function handler() {${body}\n}\nawait handler();\n`);
    writeFileSync(join(dir, "handler-esm-to-cjs.mjs"), `import { MediaIntelligence, NcpSigner, signRequest } from "ncloud-media-intelligence";\nexport async function handler() {${body}\n}\nhandler();\n`);
    writeFileSync(join(dir, "handler.cjs"), `const { MediaIntelligence, NcpSigner, signRequest } = require("ncloud-media-intelligence");\nexports.handler = async function () {${body}\n};\nexports.handler();\n`);
    const builds = [
      ["ESM", "handler.mjs", ["--format=esm"], "esm", "handler.mjs"],
      ["CJS", "handler.cjs", [], "cjs", "handler.cjs"],
      ["ESM source to CJS", "handler-esm-to-cjs.mjs", ["--format=cjs"], "esm-to-cjs", "handler.cjs"],
      // README "Server bundles": the command as the README writes it (its flags read from README.md).
      ["the README's command as written", "handler-esm-to-cjs.mjs", readmeEsbuildFlags(), "dist", "handler.mjs"],
      ["ESM source to CJS, minified, in a folder with a space and non-ASCII", "handler-esm-to-cjs.mjs", ["--format=cjs", "--minify"], "out dir/함수", "index.js"],
    ];
    const built = [];
    function readmeEsbuildFlags() {
      const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
      const line = readme.split("\n").find((l) => /^esbuild handler\.mjs /.test(l)) ?? "";
      return line.split(/\s+/).filter((f) => f.startsWith("--") && !f.startsWith("--outfile") && f !== "--bundle" && !f.startsWith("--platform"));
    }
    for (const [label, source, flags, out, file] of builds) {
      const b = await run(esbuild, [source, "--bundle", "--platform=node", ...flags, `--outfile=${out}/${file}`, "--log-level=error"], dir);
      if (b.code !== 0) {
        check(false, `${label}: esbuild bundles it`, b.stderr.slice(-500));
        continue;
      }
      cpSync(join(dir, "node_modules/ncloud-media-intelligence/ncloud_media_intelligence_bg.wasm"), join(dir, out, "ncloud_media_intelligence_bg.wasm"));
      built.push([label, out, file]);
    }
    rmSync(join(dir, "node_modules"), { recursive: true, force: true });
    const expected = {
      get: createHmac("sha256", "sk").update("GET /api/v1/workspaces/bundled\n1700000000000\nak").digest("base64"),
      post: createHmac("sha256", "sk").update("POST /api/v1/workspaces\n1700000000000\nak").digest("base64"),
    };
    for (const [label, out, file] of built) {
      const alone = join(runDir, out.replace("/", "-"), out); // the output folder, moved where nothing else is
      mkdirSync(join(alone, ".."), { recursive: true });
      cpSync(join(dir, out), alone, { recursive: true });
      gw.requests.length = 0;
      const r = await run(process.execPath, [file], alone, { AK: KEYS.accessKey, SK: KEYS.secretKey, MI_URL: gw.url });
      let result;
      try { result = JSON.parse(r.stdout.trim().split("\n").pop()); } catch { result = null; }
      check(r.code === 0 && result?.get === expected.get && result?.post === expected.post && result?.workspaceName === "bundled" && gw.requests[0]?.signed,
        `${label}: the bundle runs from its output folder alone (signRequest and NcpSigner agree with node:crypto; a call is signed and answered)`,
        `exit ${r.code}: ${(r.stderr || r.stdout).trim().split("\n").slice(0, 6).join(" | ").slice(0, 400)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(runDir, { recursive: true, force: true });
  }
});

// ----------------------------------------------------------------------- 11. errors without a code

await kind(11, "after free(), every method throws or rejects with a typed error", async (check) => {
  const NAMES = ["ValidationError", "NetworkError", "TimeoutError", "AbortError", "ApiError", "DecodeError"];
  const typed = (e) => e instanceof Error && isMediaIntelligenceError(e) && NAMES.includes(e.name) && typeof e.code === "string" && e.code !== "";
  /** Calls `fn` and returns what it threw or rejected with (or what the first next() of an iterator did). */
  const outcome = async (fn) => {
    try {
      const value = fn();
      if (value && typeof value.then === "function") return { value: await value };
      if (value && typeof value[Symbol.asyncIterator] === "function") await value[Symbol.asyncIterator]().next();
      else if (value && typeof value.next === "function") await value.next();
      return { value };
    } catch (error) {
      evidence.errors.push(String(error?.message));
      return { error };
    }
  };
  const ARG = { workspaceName: "my-workspace", projectId: 1, assetId: 2, personId: 3, name: "n", bucketName: "b", key: "a.mp4", newProjectId: 3 };
  const methods = (cls) => Object.getOwnPropertyNames(cls.prototype).filter((n) => n !== "constructor" && n !== "free" && !n.startsWith("__") && typeof Object.getOwnPropertyDescriptor(cls.prototype, n).value === "function");
  const mi = new MediaIntelligence({ ...KEYS, endpoint: emulator.url });
  mi.free();
  for (const name of methods(MediaIntelligence)) {
    const r = await outcome(() => mi[name](name === "getWorkspace" || name === "deleteWorkspace" ? "my-workspace" : ARG));
    check(r.error && typed(r.error), `MediaIntelligence.${name} after free(): a typed error with name and code`, r.error ? `${r.error?.name} code=${r.error?.code}: ${r.error?.message}` : "did not fail");
  }
  const signer = new NcpSigner(KEYS);
  signer.free();
  for (const name of methods(NcpSigner)) {
    const r = await outcome(() => signer[name]("GET", "/api/v1/workspaces", 1));
    check(r.error && typed(r.error), `NcpSigner.${name} after free(): a typed error with name and code`, r.error ? `${r.error?.name} code=${r.error?.code}: ${r.error?.message}` : "did not fail");
  }
  for (const [label, obj] of [["MediaIntelligence", mi], ["NcpSigner", signer]]) {
    const r = await outcome(() => obj.free());
    check(!r.error || typed(r.error), `${label}.free() a second time: nothing, or a typed error`, `${r.error?.name} code=${r.error?.code}: ${r.error?.message}`);
  }
  // free() while a call is in flight: the call settles (its value or a typed error), nothing untyped.
  {
    const live = new MediaIntelligence({ ...KEYS, endpoint: emulator.url });
    const name = uniq("freed");
    await live.createWorkspace({ workspaceName: name });
    const pending = live.getWorkspace(name);
    const freed = await outcome(() => live.free());
    const r = await outcome(() => pending);
    check(!freed.error && (r.value?.workspaceName === name || typed(r.error)), "free() during a call: the call resolves or rejects typed", `free: ${freed.error?.message ?? "ok"}; call: ${describe(r)}`);
  }
});

// ---------------------------------------------------------------------------------------- the end

const secrets = secretsNeverLeaked();
t.check(secrets.leaks.length === 0, `no secret key in ${secrets.checked} errors kept`, secrets.leaks[0]?.slice(0, 200));
for (const s of servers) s.close();
emulator.stop();
t.finish();
process.exit(process.exitCode); // a hung old-package call must not keep the process alive
