// Tests of the API emulator itself: `node --test tests/emulator/`.
// Each test spawns or reuses a real server process (`--port 0 --quiet`) and talks raw HTTP to it, signing
// with its own node:crypto signer (not the emulator's), so the emulator's rules are checked from outside.

import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import { after, before, describe, test } from "node:test";

import { signV2 as emulatorSigner } from "./server.mjs";
import { sign, startEmulator, stopAll } from "./spawn.mjs";

const VECTORS = JSON.parse(readFileSync(new URL("../vectors/signature.json", import.meta.url), "utf8"));
const AK = "test-access-key";
const SK = "test-secret-key";
const NAME_RULE = "workspaceName must be 3 to 63 characters of a-z, 0-9 and -";

// ------------------------------------------------------------------------------------------- helpers

/** Raw HTTP: `path` goes on the wire exactly as given. */
function request(server, { method = "GET", path, headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: server.port, method, path, headers, agent: false }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let json;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode, headers: res.headers, text, json });
      });
    });
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** A signed API call. `signedUri`, `timestamp`, `accessKey`, `secretKey` override the honest values. */
function call(server, method, path, opts = {}) {
  const accessKey = opts.accessKey ?? AK;
  const secretKey = opts.secretKey ?? SK;
  const timestamp = opts.timestamp ?? String(Date.now());
  const headers = {
    "x-ncp-apigw-timestamp": timestamp,
    "x-ncp-iam-access-key": accessKey,
    "x-ncp-apigw-signature-v2": opts.signature ?? sign(method, opts.signedUri ?? path, timestamp, accessKey, secretKey),
    ...(opts.body !== undefined ? { "content-type": opts.contentType ?? "application/json" } : {}),
    ...opts.headers,
  };
  for (const name of opts.omit ?? []) delete headers[name];
  const body = opts.body === undefined || typeof opts.body === "string" || Buffer.isBuffer(opts.body)
    ? opts.body
    : JSON.stringify(opts.body);
  return request(server, { method, path, headers, body });
}

const create = (server, body, opts = {}) => call(server, "POST", "/api/v1/workspaces", { ...opts, body });
const get = (server, name, opts = {}) => call(server, "GET", `/api/v1/workspaces/${name}`, opts);

function assertServiceError(res, status, code, message) {
  assert.equal(res.status, status, res.text);
  assert.deepEqual(res.json, { code, message });
}

function assertGatewayError(res, status, errorCode, message, details) {
  assert.equal(res.status, status, res.text);
  assert.deepEqual(Object.keys(res.json), ["error"]);
  assert.equal(res.json.error.errorCode, errorCode);
  assert.equal(res.json.error.message, message);
  if (details instanceof RegExp) assert.match(res.json.error.details, details);
  else assert.equal(res.json.error.details, details);
}

/** KST wall-clock time now, as the emulator writes it. */
function kstNow() {
  return new Date(Date.now() + 9 * 3600 * 1000).toISOString().slice(0, 19);
}

after(stopAll);

// --------------------------------------------------------------------------------------------- tests

test("signers agree with the independent vectors in tests/vectors/signature.json", () => {
  for (const c of VECTORS.hmac) {
    const got = createHmac("sha256", Buffer.from(c.key, "utf8")).update(Buffer.from(c.data, "utf8")).digest("base64");
    assert.equal(got, c.base64, c.name);
  }
  const rfc = VECTORS.hmac.find((c) => c.key === "Jefe");
  assert.equal(rfc.base64, "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=");
  assert.ok(VECTORS.ncp.length >= 8);
  for (const c of VECTORS.ncp) {
    assert.equal(c.message, `${c.method} ${c.uri}\n${c.timestamp}\n${c.accessKey}`, c.name);
    assert.equal(sign(c.method, c.uri, c.timestamp, c.accessKey, c.secretKey), c.signature, c.name);
    assert.equal(emulatorSigner(c.method, c.uri, c.timestamp, c.accessKey, c.secretKey), c.signature, c.name);
  }
});

describe("emulator with default settings", () => {
  let s;
  before(async () => {
    s = await startEmulator();
  });

  test("first stdout line is exactly `listening http://127.0.0.1:PORT`", () => {
    assert.equal(s.line, `listening http://127.0.0.1:${s.port}`);
    assert.ok(s.port > 0);
  });

  test("health endpoint", async () => {
    const res = await request(s, { path: "/__emulator/health" });
    assert.equal(res.status, 200);
    assert.deepEqual(res.json, { ok: true });
  });

  test("create then get: exact fields and types", async () => {
    const t0 = kstNow();
    const created = await create(s, { workspaceName: "alpha-1", bucketName: "my-bucket" });
    const afterTime = kstNow();
    assert.equal(created.status, 200, created.text);
    assert.equal(created.headers["content-type"], "application/json; charset=utf-8");
    assert.ok(created.headers.date);
    assert.equal(created.json.code, "0");
    assert.equal(created.json.message, "success");
    const r = created.json.result;
    assert.deepEqual(Object.keys(r).sort(), ["createdTime", "createdUserName", "updatedTime", "updatedUserName", "workspaceName"]);
    assert.equal(r.workspaceName, "alpha-1");
    assert.equal(r.createdUserName, AK);
    assert.equal(r.updatedUserName, AK);
    assert.match(r.createdTime, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    assert.ok(r.createdTime >= t0 && r.createdTime <= afterTime, `${r.createdTime} is KST now`);
    assert.equal(r.updatedTime, r.createdTime);

    const got = await get(s, "alpha-1");
    assert.equal(got.status, 200, got.text);
    assert.equal(got.json.code, "0");
    assert.deepEqual(got.json.result, {
      workspaceName: "alpha-1",
      workspaceUrl: "https://mi.ncloud.com/workspaces/alpha-1",
      bucketName: "my-bucket",
      monthlyAnalysisCount: 0,
      createdUserName: AK,
      createdTime: r.createdTime,
      updatedUserName: AK,
      updatedTime: r.createdTime,
    });
    assert.equal(typeof got.json.result.monthlyAnalysisCount, "number");
  });

  test("bucketName absent or null is stored as null; Content-Type with charset is accepted", async () => {
    assert.equal((await create(s, { workspaceName: "no-bucket" })).status, 200);
    assert.equal((await create(s, { workspaceName: "null-bucket", bucketName: null },
      { contentType: "application/json; charset=utf-8" })).status, 200);
    assert.equal((await get(s, "no-bucket")).json.result.bucketName, null);
    assert.equal((await get(s, "null-bucket")).json.result.bucketName, null);
  });

  test("duplicate name -> 409 code 409", async () => {
    assert.equal((await create(s, { workspaceName: "dup-ws" })).status, 200);
    assertServiceError(await create(s, { workspaceName: "dup-ws" }), 409, "409", "Workspace 'dup-ws' already exists");
  });

  test("missing workspace -> 404 code 404", async () => {
    assertServiceError(await get(s, "nowhere"), 404, "404", "Workspace 'nowhere' not found");
  });

  test("authentication failures -> 401 errorCode 200", async () => {
    const cases = [
      [await create(s, { workspaceName: "auth-1" }, { signature: sign("POST", "/api/v1/workspaces", "1", AK, SK) }), "Invalid signature"],
      [await create(s, { workspaceName: "auth-1" }, { secretKey: "wrong-secret" }), "Invalid signature"],
      [await get(s, "alpha-1", { signature: "not base64 at all" }), "Invalid signature"],
      [await get(s, "alpha-1", { accessKey: "nobody" }), "Unknown access key"],
      [await get(s, "alpha-1", { omit: ["x-ncp-apigw-timestamp"] }), "Missing header x-ncp-apigw-timestamp"],
      [await get(s, "alpha-1", { omit: ["x-ncp-iam-access-key"] }), "Missing header x-ncp-iam-access-key"],
      [await get(s, "alpha-1", { omit: ["x-ncp-apigw-signature-v2"] }), "Missing header x-ncp-apigw-signature-v2"],
      [await get(s, "alpha-1", { timestamp: String(Date.now() - 6 * 60 * 1000) }), "Timestamp is outside the 5 minute window"],
      [await get(s, "alpha-1", { timestamp: String(Date.now() + 6 * 60 * 1000) }), "Timestamp is outside the 5 minute window"],
      [await get(s, "alpha-1", { timestamp: "12e3" }), /decimal/],
      [await get(s, "alpha-1", { timestamp: "-1000" }), /decimal/],
    ];
    for (const [res, details] of cases) {
      assertGatewayError(res, 401, "200", "Authentication Failed", details);
      assert.ok(!res.text.includes(SK), "secret never echoed");
    }
    const sig = sign("GET", "/api/v1/workspaces/alpha-1", "1", AK, SK);
    const res = await get(s, "alpha-1", { signature: sig, timestamp: String(Date.now()) });
    assert.ok(!res.text.includes(sig), "signature never echoed");
    assert.equal((await get(s, "auth-1")).status, 404, "nothing was created");
  });

  test("a timestamp 4 minutes off is still inside the window", async () => {
    assert.equal((await get(s, "alpha-1", { timestamp: String(Date.now() - 4 * 60 * 1000) })).status, 200);
  });

  test("workspaceName rules on POST -> 400 code 400", async () => {
    const rule = [
      "ab", "a".repeat(64), "Upper-Case", "under_score", "spa ce", "dot.name", "한글이름", "",
    ];
    for (const name of rule) assertServiceError(await create(s, { workspaceName: name }), 400, "400", NAME_RULE);
    assertServiceError(await create(s, {}), 400, "400", "workspaceName is required");
    assertServiceError(await create(s, { workspaceName: null }), 400, "400", "workspaceName is required");
    assertServiceError(await create(s, { workspaceName: 123 }), 400, "400", "workspaceName must be a string");
    assert.equal((await create(s, { workspaceName: "abc" })).status, 200, "3 characters");
    assert.equal((await create(s, { workspaceName: "b".repeat(63) })).status, 200, "63 characters");
    assert.equal((await create(s, { workspaceName: "0-9-z" })).status, 200);
  });

  test("bucketName and body rules on POST -> 400 code 400", async () => {
    const bucket = "bucketName must be a non-empty string when present";
    assertServiceError(await create(s, { workspaceName: "bucket-x", bucketName: "" }), 400, "400", bucket);
    assertServiceError(await create(s, { workspaceName: "bucket-x", bucketName: 5 }), 400, "400", bucket);
    assertServiceError(await create(s, "{not json"), 400, "400", "Request body must be valid JSON");
    assertServiceError(await create(s, ""), 400, "400", "Request body must be valid JSON");
    assertServiceError(await create(s, Buffer.from([0x7b, 0xff, 0x7d])), 400, "400", "Request body must be valid JSON");
    assertServiceError(await create(s, "[]"), 400, "400", "Request body must be a JSON object");
    assertServiceError(await create(s, "null"), 400, "400", "Request body must be a JSON object");
    assertServiceError(await create(s, { workspaceName: "ctype-x" }, { contentType: "text/plain" }), 400, "400",
      "Content-Type must be application/json");
    assertServiceError(await create(s, { workspaceName: "ctype-x" }, { omit: ["content-type"] }), 400, "400",
      "Content-Type must be application/json");
  });

  test("workspaceName rules on the GET path -> 400 code 400", async () => {
    for (const name of ["ab", "Upper", "under_score", "a%20b", "a%2Fbc", "x".repeat(64)]) {
      assertServiceError(await get(s, name), 400, "400", NAME_RULE);
    }
    assertServiceError(await get(s, "abc%E0%A4%A"), 400, "400", "workspaceName in the path is not valid percent-encoding");
    assertServiceError(await get(s, "abc%zz"), 400, "400", "workspaceName in the path is not valid percent-encoding");
  });

  test("percent-encoded path is verified as sent, then decoded", async () => {
    assert.equal((await create(s, { workspaceName: "enc-ws" })).status, 200);
    const asSent = await get(s, "enc%2Dws");
    assert.equal(asSent.status, 200, asSent.text);
    assert.equal(asSent.json.result.workspaceName, "enc-ws");
    const decoded = await get(s, "enc%2Dws", { signedUri: "/api/v1/workspaces/enc-ws" });
    assertGatewayError(decoded, 401, "200", "Authentication Failed", "Invalid signature");
    const lower = await get(s, "enc%2dws", { signedUri: "/api/v1/workspaces/enc%2Dws" });
    assertGatewayError(lower, 401, "200", "Authentication Failed", "Invalid signature");
  });

  test("query string is part of the signed URI and ignored for routing", async () => {
    assert.equal((await get(s, "alpha-1?query1=&query2")).status, 200);
    const unsignedQuery = await get(s, "alpha-1?query1=&query2", { signedUri: "/api/v1/workspaces/alpha-1" });
    assertGatewayError(unsignedQuery, 401, "200", "Authentication Failed", "Invalid signature");
  });

  test("unknown routes -> 404 errorCode 300 naming METHOD and path, before auth", async () => {
    const cases = [
      ["PUT", "/api/v1/workspaces/alpha-1"],
      ["PUT", "/api/v1/workspaces"],
      ["PATCH", "/api/v1/workspaces"],
      ["DELETE", "/api/v1/workspaces"],
      ["GET", "/api/v1/workspaces/alpha-1/nothing"],
      ["PATCH", "/api/v1/workspaces/alpha-1/projects"],
      ["POST", "/api/v1/workspaces/alpha-1"],
      ["GET", "/api/v1/workspaces/a/b"],
      ["GET", "/api/v1/workspaces/"],
      ["GET", "/api/v2/workspaces/alpha-1"],
      ["GET", "/"],
      ["GET", "/__emulator/nothing"],
    ];
    for (const [method, path] of cases) {
      const res = await request(s, { method, path });
      assertGatewayError(res, 404, "300", "Not Found Exception", `No route for ${method} ${path}`);
    }
    const withQuery = await request(s, { path: "/nope/here?x=1" });
    assertGatewayError(withQuery, 404, "300", "Not Found Exception", "No route for GET /nope/here");
    const signed = await call(s, "PUT", "/api/v1/workspaces/alpha-1");
    assert.equal(signed.status, 404, "a signed request to an unknown route is still 404");
    assert.match(s.stderr(), /unknown route PUT \/api\/v1\/workspaces\/alpha-1/, "loud even with --quiet");
  });

  test("OPTIONS preflight -> 204 with CORS headers, no auth", async () => {
    const res = await request(s, {
      method: "OPTIONS",
      path: "/api/v1/workspaces",
      headers: {
        origin: "http://localhost:8000",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type,x-ncp-apigw-timestamp,x-ncp-iam-access-key,x-ncp-apigw-signature-v2",
      },
    });
    assert.equal(res.status, 204);
    assert.equal(res.text, "");
    assert.equal(res.headers["content-type"], undefined);
    assert.equal(res.headers["access-control-allow-origin"], "http://localhost:8000");
    assert.equal(res.headers.vary, "Origin");
    assert.equal(res.headers["access-control-allow-methods"], "GET, POST, PUT, PATCH, DELETE, OPTIONS");
    assert.equal(res.headers["access-control-allow-headers"],
      "content-type,x-ncp-apigw-timestamp,x-ncp-iam-access-key,x-ncp-apigw-signature-v2");
    assert.equal(res.headers["access-control-expose-headers"], "Date, Retry-After");
    assert.equal(res.headers["access-control-max-age"], "600");
    assert.ok(res.headers.date);
    const anyPath = await request(s, { method: "OPTIONS", path: "/anything/at/all" });
    assert.equal(anyPath.status, 204);
    assert.equal(anyPath.headers["access-control-allow-origin"], "*");
    assert.equal(anyPath.headers["access-control-allow-headers"],
      "content-type, x-ncp-apigw-timestamp, x-ncp-iam-access-key, x-ncp-apigw-signature-v2");
  });

  test("every JSON response carries CORS headers, echoing Origin or *", async () => {
    const withOrigin = await get(s, "alpha-1", { headers: { origin: "http://127.0.0.1:9999" } });
    assert.equal(withOrigin.headers["access-control-allow-origin"], "http://127.0.0.1:9999");
    assert.equal(withOrigin.headers["access-control-expose-headers"], "Date, Retry-After");
    for (const res of [await get(s, "alpha-1", { accessKey: "nobody" }), await request(s, { path: "/x" })]) {
      assert.equal(res.headers["access-control-allow-origin"], "*");
      assert.equal(res.headers.vary, "Origin");
      assert.equal(res.headers["content-type"], "application/json; charset=utf-8");
      assert.ok(res.headers.date);
    }
  });

  test("bodies over 1 MiB -> 413 errorCode 430", async () => {
    const big = JSON.stringify({ workspaceName: "big-body", bucketName: "x".repeat(1024 * 1024) });
    assertGatewayError(await create(s, big), 413, "430", "Request Entity Too Large", /1 MiB/);
    assert.equal((await get(s, "big-body")).status, 404);
  });

  test("malformed HTTP does not crash the server", async () => {
    const reply = await new Promise((resolve, reject) => {
      const socket = net.connect(s.port, "127.0.0.1", () => socket.end("THIS IS NOT HTTP\r\n\r\n"));
      let data = "";
      socket.on("data", (d) => (data += d));
      socket.on("end", () => resolve(data));
      socket.on("error", reject);
    });
    assert.match(reply, /^HTTP\/1\.1 400/);
    assert.equal((await request(s, { path: "/__emulator/health" })).status, 200);
  });

  test("request log records non-admin requests with the signature redacted; reset clears everything", async () => {
    assert.equal((await request(s, { method: "POST", path: "/__emulator/reset" })).status, 204);
    assert.deepEqual((await request(s, { path: "/__emulator/requests" })).json, []);
    const sent = await create(s, { workspaceName: "logged-ws" }, { headers: { "X-Custom": "Yes" } });
    assert.equal(sent.status, 200);
    await get(s, "logged-ws?a=%20b", { accessKey: "nobody" });
    await request(s, { path: "/__emulator/health" });
    const log = (await request(s, { path: "/__emulator/requests" })).json;
    assert.equal(log.length, 2, JSON.stringify(log));
    assert.deepEqual(Object.keys(log[0]).sort(), ["headers", "method", "status", "url"]);
    assert.equal(log[0].method, "POST");
    assert.equal(log[0].url, "/api/v1/workspaces");
    assert.equal(log[0].status, 200);
    assert.equal(log[0].headers["x-ncp-apigw-signature-v2"], "<redacted>");
    assert.equal(log[0].headers["x-ncp-iam-access-key"], AK);
    assert.equal(log[0].headers["x-custom"], "Yes", "header names are lower-case");
    assert.equal(log[1].url, "/api/v1/workspaces/logged-ws?a=%20b", "raw URL kept");
    assert.equal(log[1].status, 401);
    assert.ok(!JSON.stringify(log).includes(SK));

    assert.equal((await request(s, { method: "POST", path: "/__emulator/reset" })).status, 204);
    assert.deepEqual((await request(s, { path: "/__emulator/requests" })).json, []);
    assertServiceError(await get(s, "logged-ws"), 404, "404", "Workspace 'logged-ws' not found");
  });
});

describe("emulator with MI_EMULATOR_QUOTA=2", () => {
  test("the third workspace of an account -> 400 code 410; a duplicate is still 409", async () => {
    const s = await startEmulator({ MI_EMULATOR_QUOTA: "2", MI_EMULATOR_KEYS: "other:other-secret" });
    assert.equal((await create(s, { workspaceName: "q-one" })).status, 200);
    assert.equal((await create(s, { workspaceName: "q-two" })).status, 200);
    assertServiceError(await create(s, { workspaceName: "q-three" }), 400, "410", "Workspace limit reached (2)");
    assertServiceError(await create(s, { workspaceName: "q-one" }), 409, "409", "Workspace 'q-one' already exists");
    const other = { accessKey: "other", secretKey: "other-secret" };
    assert.equal((await create(s, { workspaceName: "q-three" }, other)).status, 200, "quota is per account");
    assert.equal((await request(s, { method: "POST", path: "/__emulator/reset" })).status, 204);
    assert.equal((await create(s, { workspaceName: "q-three" })).status, 200, "reset frees the quota");
  });
});

describe("emulator with MI_EMULATOR_KEYS", () => {
  test("extra keys work, split on the first colon, each with its own namespace", async () => {
    const s = await startEmulator({ MI_EMULATOR_KEYS: "alice:se:cr:et,bob:bob-pw" });
    const alice = { accessKey: "alice", secretKey: "se:cr:et" };
    const bob = { accessKey: "bob", secretKey: "bob-pw" };
    assert.equal((await create(s, { workspaceName: "shared-name" }, alice)).status, 200);
    assert.equal((await create(s, { workspaceName: "shared-name" }, bob)).status, 200, "same name, other account");
    assert.equal((await create(s, { workspaceName: "shared-name" })).status, 200, "default key still works");
    assert.equal((await create(s, { workspaceName: "alice-only" }, alice)).status, 200);
    const mine = await get(s, "alice-only", alice);
    assert.equal(mine.json.result.createdUserName, "alice");
    assertServiceError(await get(s, "alice-only", bob), 404, "404", "Workspace 'alice-only' not found");
    assertServiceError(await get(s, "alice-only"), 404, "404", "Workspace 'alice-only' not found");
    const crossed = await get(s, "alice-only", { accessKey: "alice", secretKey: "bob-pw" });
    assertGatewayError(crossed, 401, "200", "Authentication Failed", "Invalid signature");
  });
});

test("SIGTERM shuts the server down with exit code 0", async () => {
  const s = await startEmulator();
  const exited = new Promise((resolve) => s.child.once("exit", (code, signal) => resolve({ code, signal })));
  s.child.kill("SIGTERM");
  assert.deepEqual(await exited, { code: 0, signal: null });
});
