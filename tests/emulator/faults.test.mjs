// Tests of the emulator's scripted faults, skewed clock and workspace listing: `node --test tests/emulator/`.
// Like server.test.mjs they run a real server process (`--port 0 --quiet`) and sign with their own
// node:crypto signer; the client is Node's fetch (undici), as the library's Node transport is, so the
// errors asserted here are the ones the Rust client sees in Node.

import assert from "node:assert/strict";
import net from "node:net";
import { after, before, beforeEach, describe, test } from "node:test";

import { startServer } from "./server.mjs";
import { sign, startEmulator, stopAll } from "./spawn.mjs";

const AK = "test-access-key";
const SK = "test-secret-key";
const OTHER = { accessKey: "other", secretKey: "other-secret" };
const TEN_MINUTES = 10 * 60 * 1000;
const FAULT_NAMES = [
  "429", "429-quota", "500", "502-html", "503", "504", "reset", "hang",
  "truncated", "invalid-json", "empty", "wrong-content-type", "lost",
];

// ------------------------------------------------------------------------------------------- helpers

after(stopAll);

/** Signed headers for `METHOD path`; opts.now (ms) replaces the real clock, opts.unsigned sends none. */
function signedHeaders(method, path, opts = {}) {
  if (opts.unsigned) return {};
  const accessKey = opts.accessKey ?? AK;
  const timestamp = String(opts.now ?? Date.now());
  return {
    "x-ncp-apigw-timestamp": timestamp,
    "x-ncp-iam-access-key": accessKey,
    "x-ncp-apigw-signature-v2": sign(method, path, timestamp, accessKey, opts.secretKey ?? SK),
  };
}

/** fetch of a signed API call (resolves on the headers, like fetch). */
function api(s, method, path, opts = {}) {
  const headers = { ...signedHeaders(method, path, opts), ...opts.headers };
  let body;
  if (opts.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(opts.body);
  }
  return fetch(s.base + path, { method, headers, body, signal: opts.signal ?? AbortSignal.timeout(5000) });
}

const create = (s, workspaceName, opts = {}) => api(s, "POST", "/api/v1/workspaces", { ...opts, body: { workspaceName } });
const get = (s, name, opts = {}) => api(s, "GET", `/api/v1/workspaces/${name}`, opts);

async function admin(s, method, path, body) {
  const res = await fetch(s.base + path, {
    method,
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(5000),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: text ? JSON.parse(text) : undefined };
}

const addFaults = (s, faults) => admin(s, "POST", "/__emulator/faults", { faults });
const queue = async (s) => (await admin(s, "GET", "/__emulator/faults")).json.faults;
const workspaces = async (s) => (await admin(s, "GET", "/__emulator/workspaces")).json;
const requestLog = async (s) => (await admin(s, "GET", "/__emulator/requests")).json;
const names = async (s) => (await workspaces(s)).map((w) => w.workspaceName);

/** Asserts the headers every answer carries: CORS and a Date within [from, to] ms (second resolution). */
function assertCommonHeaders(res, from = Date.now() - 5000, to = Date.now() + 1000) {
  assert.equal(res.headers.get("access-control-allow-origin"), "*");
  assert.equal(res.headers.get("vary"), "Origin");
  assert.equal(res.headers.get("access-control-expose-headers"), "Date, Retry-After");
  const date = res.headers.get("date");
  assert.match(date, /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/, date);
  const t = Date.parse(date);
  assert.ok(t >= Math.floor(from / 1000) * 1000 && t <= to, `Date ${date} within ${new Date(from).toUTCString()} .. ${new Date(to).toUTCString()}`);
}

/** Asserts that `promise` rejects with `name` / `message` and, when given, a cause with that code and message. */
async function assertFails(promise, name, message, cause) {
  let error;
  try {
    await promise;
  } catch (e) {
    error = e;
  }
  assert.ok(error, "expected a failure");
  assert.equal(error.name, name, String(error));
  assert.equal(error.message, message);
  if (cause) {
    assert.equal(error.cause?.code, cause.code, String(error.cause));
    assert.equal(error.cause?.message, cause.message);
  }
  return error;
}

/** undici's error when the socket closes before any answer byte / in the middle of a body. */
const SOCKET_CLOSED = { code: "UND_ERR_SOCKET", message: "other side closed" };

/** Writes `text` on a raw connection; resolves with every byte received until the server closes. */
function raw(s, text) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(s.port, "127.0.0.1", () => socket.write(text));
    const chunks = [];
    socket.on("data", (d) => chunks.push(d));
    socket.on("close", () => resolve(Buffer.concat(chunks)));
    socket.on("error", reject);
  });
}

function rawGet(name) {
  const path = `/api/v1/workspaces/${name}`;
  const headers = Object.entries(signedHeaders("GET", path)).map(([k, v]) => `${k}: ${v}\r\n`).join("");
  return `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers}Connection: close\r\n\r\n`;
}

/** KST wall-clock time (the API's createdTime format) of `ms`. */
const kst = (ms) => new Date(ms + 9 * 3600 * 1000).toISOString().slice(0, 19);

// --------------------------------------------------------------------------------------------- tests

describe("scripted faults, clock and workspace listing", () => {
  let s;
  before(async () => {
    s = await startEmulator({ MI_EMULATOR_KEYS: `${OTHER.accessKey}:${OTHER.secretKey}` });
  });
  beforeEach(async () => {
    assert.equal((await admin(s, "POST", "/__emulator/reset")).status, 204);
  });

  test("POST /__emulator/faults appends normalised entries; GET shows them; DELETE empties the queue", async () => {
    assert.deepEqual(await queue(s), []);
    const added = await addFaults(s, [{ fault: "500" }, { route: "GET /api/v1/workspaces/*", fault: "429", times: 3, retryAfter: "7" }]);
    assert.equal(added.status, 200, added.text);
    const expected = [
      { route: "*", fault: "500", times: 1 },
      { route: "GET /api/v1/workspaces/*", fault: "429", times: 3, retryAfter: "7" },
    ];
    assert.deepEqual(added.json, { faults: expected });
    const more = await addFaults(s, [{ route: "POST /api/v1/workspaces", fault: "lost", times: null, retryAfter: null }]);
    expected.push({ route: "POST /api/v1/workspaces", fault: "lost", times: 1 });
    assert.deepEqual(more.json, { faults: expected }, "appended at the end; null is absent");
    assert.deepEqual(await queue(s), expected);
    const cleared = await admin(s, "DELETE", "/__emulator/faults");
    assert.equal(cleared.status, 204);
    assertCommonHeaders(cleared);
    assert.deepEqual(await queue(s), []);
  });

  test("invalid fault entries -> 400 naming the problem; nothing of a bad batch is queued", async () => {
    const listed = FAULT_NAMES.join(", ");
    const cases = [
      [{ faults: [{ fault: "418" }] }, `faults[0]: unknown fault "418"; one of ${listed}`],
      [{ faults: [{ fault: "500" }, { route: "*" }] }, `faults[1]: fault is required; one of ${listed}`],
      [{ faults: [{ fault: "500", route: "GET /api/v1/nothing" }] },
        /^faults\[0\]: route must be one of "\*", "GET \/api\/v1\/workspaces", "POST \/api\/v1\/workspaces", "GET \/api\/v1\/workspaces\/\*", "DELETE \/api\/v1\/workspaces\/\*", "GET \/api\/v1\/workspaces\/\*\/projects", .*"GET \/api\/v1\/workspaces\/\*\/projects\/\*\/assets\/\*\/index\/status"/],
      [{ faults: [{ fault: "500", times: 0 }] }, "faults[0]: times must be an integer >= 1"],
      [{ faults: [{ fault: "500", times: 1.5 }] }, "faults[0]: times must be an integer >= 1"],
      [{ faults: [{ fault: "500", times: "2" }] }, "faults[0]: times must be an integer >= 1"],
      [{ faults: [{ fault: "429", retryAfter: 1 }] }, "faults[0]: retryAfter must be a non-empty string of printable ASCII"],
      [{ faults: [{ fault: "429", retryAfter: "1\r\nX: y" }] }, "faults[0]: retryAfter must be a non-empty string of printable ASCII"],
      [{ faults: [{ fault: "429", retry_after: "1" }] }, "faults[0]: unknown field retry_after; fields are route, fault, times, retryAfter"],
      [{ faults: ["500"] }, "faults[0] must be an object"],
      [{ fault: "500" }, 'Request body must be {"faults":[...]}'],
      [[{ fault: "500" }], 'Request body must be {"faults":[...]}'],
      ["{not json", "Request body must be valid JSON"],
    ];
    for (const [body, message] of cases) {
      const res = await admin(s, "POST", "/__emulator/faults", body);
      assert.equal(res.status, 400, JSON.stringify(body));
      if (message instanceof RegExp) {
        assert.equal(res.json.code, "400");
        assert.match(res.json.message, message);
      } else assert.deepEqual(res.json, { code: "400", message });
    }
    assert.deepEqual(await queue(s), []);
    assert.equal((await create(s, "after-bad-batch")).status, 200, "no fault was queued");
  });

  const ENVELOPE_FAULTS = [
    ["429", 429, "410", "Throttle Limited"],
    ["429-quota", 429, "400", "Quota Exceeded"],
    ["500", 500, "900", "Unexpected Error"],
    ["503", 503, "500", "Endpoint Error"],
    ["504", 504, "510", "Endpoint Timeout"],
  ];
  for (const [fault, status, errorCode, message] of ENVELOPE_FAULTS) {
    test(`fault ${fault}: ${status} gateway envelope errorCode "${errorCode}", before authentication, nothing created`, async () => {
      const retryAfter = "Wed, 21 Oct 2015 07:28:00 GMT";
      await addFaults(s, [{ fault }, { fault, retryAfter }, { fault, route: "GET /api/v1/workspaces/*" }]);
      const first = await create(s, "env-one");
      assert.equal(first.status, status);
      assert.equal(first.headers.get("content-type"), "application/json; charset=utf-8");
      assert.equal(first.headers.get("retry-after"), null, "no Retry-After unless asked");
      assertCommonHeaders(first);
      assert.deepEqual(await first.json(), { error: { errorCode, message, details: `Emulated fault ${fault}` } });
      const second = await create(s, "env-two", { unsigned: true });
      assert.equal(second.status, status, "applies before authentication: an unsigned request gets it too");
      assert.equal(second.headers.get("retry-after"), retryAfter, "Retry-After verbatim");
      assert.equal((await second.json()).error.errorCode, errorCode);
      const third = await get(s, "env-one");
      assert.equal(third.status, status);
      assert.deepEqual(await names(s), [], "the requests had no effect");
      assert.deepEqual(await queue(s), []);
      const log = await requestLog(s);
      assert.deepEqual(log.map((e) => [e.method, e.status, e.fault]), [["POST", status, fault], ["POST", status, fault], ["GET", status, fault]]);
      assert.equal((await create(s, "env-one")).status, 200, "the queue is used up");
    });
  }

  test("fault 502-html: 502 text/html nginx page with CORS headers, nothing created", async () => {
    await addFaults(s, [{ fault: "502-html" }]);
    const res = await create(s, "html-ws");
    assert.equal(res.status, 502);
    assert.equal(res.headers.get("content-type"), "text/html");
    assertCommonHeaders(res);
    const text = await res.text();
    assert.equal(res.headers.get("content-length"), String(Buffer.byteLength(text)));
    assert.match(text, /^<html>\r\n<head><title>502 Bad Gateway<\/title><\/head>/);
    assert.match(text, /<center><h1>502 Bad Gateway<\/h1><\/center>\r\n<hr><center>nginx<\/center>/);
    assert.throws(() => JSON.parse(text));
    assert.deepEqual(await names(s), []);
    assert.deepEqual((await requestLog(s)).map((e) => [e.status, e.fault]), [[502, "502-html"]]);
  });

  test("fault reset: the socket is closed before any byte; fetch fails; nothing created", async () => {
    await addFaults(s, [{ fault: "reset", route: "POST /api/v1/workspaces" }]);
    await assertFails(create(s, "reset-ws"), "TypeError", "fetch failed", SOCKET_CLOSED);
    assert.deepEqual(await names(s), []);
    await addFaults(s, [{ fault: "reset" }]);
    const bytes = await raw(s, rawGet("reset-ws"));
    assert.equal(bytes.length, 0, "not one byte");
    assert.deepEqual((await requestLog(s)).map((e) => [e.status, e.fault]), [["reset", "reset"], ["reset", "reset"]]);
    assert.equal((await create(s, "reset-ws")).status, 200, "the server still answers");
  });

  test("fault hang: no answer, the connection stays open until the client gives up; nothing created", async () => {
    await addFaults(s, [{ fault: "hang" }]);
    const started = Date.now();
    await assertFails(create(s, "hang-ws", { signal: AbortSignal.timeout(400) }), "TimeoutError",
      "The operation was aborted due to timeout");
    assert.ok(Date.now() - started >= 350, "it waited for the client's timeout");
    assert.deepEqual(await names(s), []);
    await addFaults(s, [{ fault: "hang" }]);
    const open = await new Promise((resolve, reject) => {
      const socket = net.connect(s.port, "127.0.0.1", () => socket.write(rawGet("hang-ws")));
      let got = 0;
      let closed = false;
      socket.on("data", (d) => (got += d.length));
      socket.on("close", () => (closed = true));
      socket.on("error", reject);
      setTimeout(() => {
        resolve({ got, closed });
        socket.destroy();
      }, 700);
    });
    assert.deepEqual(open, { got: 0, closed: false });
    assert.deepEqual((await requestLog(s)).map((e) => [e.status, e.fault]), [["hang", "hang"], ["hang", "hang"]]);
    assert.equal((await create(s, "hang-ws")).status, 200, "other requests are served meanwhile");
  });

  test("fault truncated: real status and full Content-Length, half the body, then closed; the workspace IS created", async () => {
    await addFaults(s, [{ fault: "truncated" }]);
    const res = await create(s, "trunc-ws");
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("content-type"), "application/json; charset=utf-8");
    assertCommonHeaders(res);
    const fullLength = Number(res.headers.get("content-length"));
    await assertFails(res.text(), "TypeError", "terminated", SOCKET_CLOSED);
    assert.deepEqual(await names(s), ["trunc-ws"]);
    const [{ createdTime }] = await workspaces(s);
    const realBody = JSON.stringify({
      code: "0",
      message: "success",
      result: { workspaceName: "trunc-ws", createdUserName: AK, createdTime, updatedUserName: AK, updatedTime: createdTime },
    });
    assert.equal(fullLength, Buffer.byteLength(realBody), "the Content-Length of the full real body");
    const full = await (await get(s, "trunc-ws")).text();
    await addFaults(s, [{ fault: "truncated" }]);
    const bytes = (await raw(s, rawGet("trunc-ws"))).toString("utf8");
    const [head, body] = bytes.split("\r\n\r\n");
    assert.match(head, /^HTTP\/1\.1 200 OK\r\n/);
    assert.match(head, new RegExp(`\r\ncontent-length: ${Buffer.byteLength(full)}\r\n`, "i"));
    assert.equal(body, full.slice(0, Math.floor(full.length / 2)), "exactly the first half");
    assert.deepEqual((await requestLog(s)).filter((e) => e.fault).map((e) => [e.status, e.fault]),
      [["truncated", "truncated"], ["truncated", "truncated"]]);
  });

  test("fault invalid-json: real status, complete answer with half the real JSON; the request IS processed", async () => {
    assert.equal((await create(s, "half-ws")).status, 200);
    const full = await (await get(s, "half-ws")).text();
    await addFaults(s, [{ fault: "invalid-json", times: 3 }]);
    const res = await get(s, "half-ws");
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("content-type"), "application/json; charset=utf-8");
    assertCommonHeaders(res);
    const text = await res.text();
    assert.equal(text, full.slice(0, Math.floor(full.length / 2)));
    assert.equal(res.headers.get("content-length"), String(text.length));
    assert.throws(() => JSON.parse(text), SyntaxError);
    const missing = await get(s, "nowhere");
    assert.equal(missing.status, 404, "the real status");
    const realMissing = JSON.stringify({ code: "404", message: "Workspace 'nowhere' not found" });
    assert.equal(await missing.text(), realMissing.slice(0, Math.floor(realMissing.length / 2)));
    assert.equal((await create(s, "half-two")).status, 200);
    assert.deepEqual(await names(s), ["half-ws", "half-two"], "processed as usual");
    assert.deepEqual((await requestLog(s)).filter((e) => e.fault).map((e) => [e.status, e.fault]),
      [[200, "invalid-json"], [404, "invalid-json"], [200, "invalid-json"]]);
  });

  test("fault empty: 200 application/json with an empty body whatever the real answer; the request IS processed", async () => {
    await addFaults(s, [{ fault: "empty", times: 3 }]);
    for (const res of [await create(s, "empty-ws"), await get(s, "nowhere"), await get(s, "empty-ws", { unsigned: true })]) {
      assert.equal(res.status, 200);
      assert.equal(res.headers.get("content-type"), "application/json");
      assert.equal(res.headers.get("content-length"), "0");
      assertCommonHeaders(res);
      assert.equal(await res.text(), "");
    }
    assert.deepEqual(await names(s), ["empty-ws"]);
    assert.deepEqual((await requestLog(s)).map((e) => [e.status, e.fault]), [[200, "empty"], [200, "empty"], [200, "empty"]]);
  });

  test("fault wrong-content-type: real status and JSON, Content-Type text/plain; authentication still applies", async () => {
    await addFaults(s, [{ fault: "wrong-content-type", times: 3 }]);
    const created = await create(s, "plain-ws");
    assert.equal(created.status, 200);
    assert.equal(created.headers.get("content-type"), "text/plain; charset=utf-8");
    assertCommonHeaders(created);
    const body = await created.json();
    assert.equal(body.code, "0");
    assert.equal(body.result.workspaceName, "plain-ws");
    const dup = await create(s, "plain-ws");
    assert.equal(dup.status, 409);
    assert.deepEqual(await dup.json(), { code: "409", message: "Workspace 'plain-ws' already exists" });
    const denied = await create(s, "plain-two", { secretKey: "wrong" });
    assert.equal(denied.status, 401, "authenticated as usual");
    assert.equal(denied.headers.get("content-type"), "text/plain; charset=utf-8");
    assert.equal((await denied.json()).error.details, "Invalid signature");
    assert.deepEqual(await names(s), ["plain-ws"]);
  });

  test("fault lost: the workspace IS created, then the socket closes before any byte; fetch does not retry", async () => {
    await addFaults(s, [{ fault: "lost", route: "POST /api/v1/workspaces" }]);
    await assertFails(create(s, "lost-ws"), "TypeError", "fetch failed", SOCKET_CLOSED);
    const [stored, ...others] = await workspaces(s);
    assert.deepEqual(others, []);
    assert.deepEqual({ ...stored, createdTime: undefined }, { accessKey: AK, workspaceName: "lost-ws", bucketName: null, createdTime: undefined });
    const log = await requestLog(s);
    assert.deepEqual(log.map((e) => [e.method, e.status, e.fault]), [["POST", "lost", "lost"]], "one request, no transparent retry");
    const again = await create(s, "lost-ws");
    assert.equal(again.status, 409, "a naive retry sees its own workspace");
    await addFaults(s, [{ fault: "lost" }]);
    assert.equal((await raw(s, rawGet("lost-ws"))).length, 0, "not one byte");
  });

  test("faults match by route, apply `times` times, first matching entry first; OPTIONS, admin and unknown routes take none", async () => {
    await addFaults(s, [
      { route: "GET /api/v1/workspaces/*", fault: "503", times: 2 },
      { route: "*", fault: "500" },
      { route: "POST /api/v1/workspaces", fault: "429" },
    ]);
    const preflight = await fetch(`${s.base}/api/v1/workspaces`, { method: "OPTIONS" });
    assert.equal(preflight.status, 204);
    assert.equal((await fetch(`${s.base}/nope`)).status, 404);
    assert.equal((await fetch(`${s.base}/api/v1/workspaces/a/b`)).status, 404, "an extra segment is no route");
    assert.equal((await fetch(`${s.base}/api/v1/workspaces`, { method: "PUT" })).status, 404, "PUT on the collection is no route");
    assert.equal((await admin(s, "GET", "/__emulator/health")).status, 200);
    assert.equal((await queue(s)).length, 3, "nothing taken yet");

    assert.equal((await create(s, "order-ws")).status, 500, "the first entry matching POST is the * one");
    assert.deepEqual(await queue(s), [
      { route: "GET /api/v1/workspaces/*", fault: "503", times: 2 },
      { route: "POST /api/v1/workspaces", fault: "429", times: 1 },
    ]);
    assert.equal((await create(s, "order-ws")).status, 429);
    assert.equal((await create(s, "order-ws")).status, 200);
    assert.equal((await get(s, "order-ws")).status, 503);
    assert.deepEqual(await queue(s), [{ route: "GET /api/v1/workspaces/*", fault: "503", times: 1 }]);
    assert.equal((await get(s, "any-other-name")).status, 503, "any single name");
    assert.deepEqual(await queue(s), []);
    assert.equal((await get(s, "order-ws")).status, 200);

    const log = await requestLog(s);
    assert.deepEqual(log.map((e) => [e.method, e.status, e.fault]), [
      ["OPTIONS", 204, undefined], ["GET", 404, undefined], ["GET", 404, undefined], ["PUT", 404, undefined],
      ["POST", 500, "500"], ["POST", 429, "429"], ["POST", 200, undefined],
      ["GET", 503, "503"], ["GET", 503, "503"], ["GET", 200, undefined],
    ]);
    assert.ok(!("fault" in log[6]), "an unfaulted entry has no fault field");
  });

  test("GET /__emulator/workspaces lists every account's workspaces", async () => {
    assert.deepEqual(await workspaces(s), []);
    const before = kst(Date.now() - 1000);
    await api(s, "POST", "/api/v1/workspaces", { body: { workspaceName: "list-a", bucketName: "bkt" } });
    await create(s, "list-b", OTHER);
    await create(s, "list-c");
    const list = await workspaces(s);
    assert.deepEqual(list.map(({ createdTime, ...rest }) => rest), [
      { accessKey: AK, workspaceName: "list-a", bucketName: "bkt" },
      { accessKey: AK, workspaceName: "list-c", bucketName: null },
      { accessKey: OTHER.accessKey, workspaceName: "list-b", bucketName: null },
    ]);
    for (const w of list) assert.ok(w.createdTime >= before && w.createdTime <= kst(Date.now() + 1000), w.createdTime);
  });

  test("clock offset: real-clock signatures fall outside the window, Date and createdTime follow the skewed clock", async () => {
    for (const offsetMs of [TEN_MINUTES, -TEN_MINUTES]) {
      const set = await admin(s, "POST", "/__emulator/clock", { offsetMs });
      assert.equal(set.status, 200, set.text);
      assert.equal(set.json.offsetMs, offsetMs);
      assert.ok(Math.abs(set.json.now - (Date.now() + offsetMs)) < 2000, "now is skewed");
      const got = await admin(s, "GET", "/__emulator/clock");
      assert.deepEqual(Object.keys(got.json), ["offsetMs", "now"]);
      assert.equal(got.json.offsetMs, offsetMs);
      assert.ok(Math.abs(got.json.now - (Date.now() + offsetMs)) < 2000);

      const t0 = Date.now();
      const denied = await create(s, "clock-ws");
      assert.equal(denied.status, 401);
      assert.deepEqual(await denied.json(), {
        error: { errorCode: "200", message: "Authentication Failed", details: "Timestamp is outside the 5 minute window" },
      });
      assertCommonHeaders(denied, t0 + offsetMs, Date.now() + offsetMs);

      const name = offsetMs > 0 ? "clock-ahead" : "clock-behind";
      const t1 = Date.now();
      const ok = await create(s, name, { now: Date.now() + offsetMs });
      assert.equal(ok.status, 200, "signed with the skewed clock");
      assertCommonHeaders(ok, t1 + offsetMs, Date.now() + offsetMs);
      const { createdTime, updatedTime } = (await ok.json()).result;
      assert.ok(createdTime >= kst(t1 + offsetMs - 1000) && createdTime <= kst(Date.now() + offsetMs), createdTime);
      assert.equal(updatedTime, createdTime);
      for (const res of [await fetch(`${s.base}/nope`), await addFaults(s, [{ fault: "429" }]).then(() => get(s, name))]) {
        assertCommonHeaders(res, t1 + offsetMs, Date.now() + offsetMs); // 404 and a faulted answer too
      }
    }
    assert.deepEqual(await names(s), ["clock-ahead", "clock-behind"], "nothing signed with the real clock got in");
    const restored = await admin(s, "POST", "/__emulator/clock", { offsetMs: 0 });
    assert.equal(restored.json.offsetMs, 0);
    const real = await create(s, "clock-real");
    assert.equal(real.status, 200);
    assertCommonHeaders(real);
    assert.equal((await create(s, "clock-late", { now: Date.now() + TEN_MINUTES })).status, 401);
  });

  test("clock offset validation -> 400", async () => {
    for (const body of [{ offsetMs: 1.5 }, { offsetMs: "600000" }, {}, null, { offsetMs: 2 ** 60 }]) {
      const res = await admin(s, "POST", "/__emulator/clock", body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.deepEqual(res.json, { code: "400", message: 'Request body must be {"offsetMs":N} with N an integer' });
    }
    assert.equal((await admin(s, "GET", "/__emulator/clock")).json.offsetMs, 0);
  });

  test("POST /__emulator/reset clears the fault queue and the clock offset", async () => {
    await addFaults(s, [{ fault: "hang", times: 5 }]);
    await admin(s, "POST", "/__emulator/clock", { offsetMs: TEN_MINUTES });
    assert.equal((await admin(s, "POST", "/__emulator/reset")).status, 204);
    assert.deepEqual(await queue(s), []);
    assert.equal((await admin(s, "GET", "/__emulator/clock")).json.offsetMs, 0);
    const res = await create(s, "after-reset");
    assert.equal(res.status, 200, "real clock accepted, no fault");
    assertCommonHeaders(res);
  });
});

describe("hanging connections do not keep the server up", () => {
  test("SIGTERM with a hanging request: exit 0 and the connection is closed", async () => {
    const s = await startEmulator();
    await addFaults(s, [{ fault: "hang" }]);
    const client = raw(s, rawGet("some-ws"));
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal((await requestLog(s)).at(-1)?.status, "hang");
    const exited = new Promise((resolve) => s.child.once("exit", (code, signal) => resolve({ code, signal })));
    s.child.kill("SIGTERM");
    const timeout = new Promise((resolve) => setTimeout(() => resolve("still running after 3 s"), 3000).unref());
    assert.deepEqual(await Promise.race([exited, timeout]), { code: 0, signal: null });
    if (s.child.exitCode === null) s.child.kill("SIGKILL");
    assert.equal((await client).length, 0, "closed without an answer");
  });

  test("server.close() of startServer destroys hanging connections", async () => {
    const { server } = await startServer({ quiet: true });
    const s = { port: server.address().port, base: `http://127.0.0.1:${server.address().port}` };
    await addFaults(s, [{ fault: "hang" }]);
    const client = raw(s, rawGet("some-ws"));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const closed = new Promise((resolve) => server.close(resolve));
    const timeout = new Promise((resolve) => setTimeout(() => resolve("still open after 3 s"), 3000).unref());
    assert.equal(await Promise.race([closed, timeout]), undefined);
    assert.equal((await client).length, 0);
  });
});
