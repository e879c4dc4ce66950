// Helpers of the emulator's own tests (workspaces.test.mjs, media.test.mjs): raw HTTP to a spawned
// emulator, signed with spawn.mjs's node:crypto signer (not the emulator's), admin calls, polling.

import assert from "node:assert/strict";
import http from "node:http";

import { sign } from "./spawn.mjs";

export const AK = "test-access-key";
export const SK = "test-secret-key";

/** Raw HTTP: `path` goes on the wire exactly as given. Resolves {status, headers, text, json}. */
export function request(server, { method = "GET", path, headers = {}, body } = {}) {
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

/**
 * A signed API call; `opts.body` (an object is sent as JSON with Content-Type application/json);
 * `signedUri`, `timestamp`, `accessKey`, `secretKey`, `contentType`, `headers`, `omit` override.
 */
export function call(server, method, path, opts = {}) {
  const accessKey = opts.accessKey ?? AK;
  const secretKey = opts.secretKey ?? SK;
  const timestamp = opts.timestamp ?? String(Date.now());
  const headers = {
    "x-ncp-apigw-timestamp": timestamp,
    "x-ncp-iam-access-key": accessKey,
    "x-ncp-apigw-signature-v2": sign(method, opts.signedUri ?? path, timestamp, accessKey, secretKey),
    ...(opts.body !== undefined ? { "content-type": opts.contentType ?? "application/json" } : {}),
    ...opts.headers,
  };
  for (const name of opts.omit ?? []) delete headers[name];
  const body = opts.body === undefined || typeof opts.body === "string" || Buffer.isBuffer(opts.body)
    ? opts.body
    : JSON.stringify(opts.body);
  return request(server, { method, path, headers, body });
}

/** An admin call (no signature); a body object is sent as JSON. */
export function admin(server, method, path, body) {
  return request(server, {
    method,
    path,
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** Asserts a 200 success envelope and returns its result. */
export function ok(res) {
  assert.equal(res.status, 200, res.text);
  assert.equal(res.json.code, "0", res.text);
  assert.equal(res.json.message, "success");
  return res.json.result;
}

export function assertServiceError(res, status, code, message) {
  assert.equal(res.status, status, res.text);
  assert.deepEqual(Object.keys(res.json).sort(), ["code", "message"], res.text);
  assert.equal(res.json.code, code, res.text);
  if (message instanceof RegExp) assert.match(res.json.message, message);
  else if (message !== undefined) assert.equal(res.json.message, message);
}

export function assertGatewayError(res, status, errorCode, details) {
  assert.equal(res.status, status, res.text);
  assert.deepEqual(Object.keys(res.json), ["error"]);
  assert.equal(res.json.error.errorCode, errorCode);
  if (details instanceof RegExp) assert.match(res.json.error.details, details);
  else if (details !== undefined) assert.equal(res.json.error.details, details);
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Calls `fn` until `done(value)` holds (every 5 ms, at most `timeoutMs`); returns that value. */
export async function until(fn, done, timeoutMs = 5000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (done(value)) return value;
    if (Date.now() > end) assert.fail(`condition not met within ${timeoutMs} ms; last value ${JSON.stringify(value)}`);
    await sleep(5);
  }
}

export const KST_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;
