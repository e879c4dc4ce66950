// The fault matrix: every scripted emulator fault × both operations, against the built package, each
// with its exact expected outcome (success after N requests, or the error's name/code/status/attempts),
// and no duplicate workspace afterwards. Prints a table and `N passed, N failed`.
//   node tests/faults/matrix.mjs [--pkg DIR]    (needs pkg/ built: bash scripts/build.sh; or MI_PKG=DIR)
// Redirects and oversized bodies are not emulator faults: tests/faults/kinds.mjs tries them (kinds 1, 2).
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { KEYS, admin, evidence, recordingFetch, secretsNeverLeaked, settle, startEmulator, tally } from "./harness.mjs";
import { DATE_FORMS, earlyInASecond } from "./http-dates.mjs";

const pkgArg = process.argv.indexOf("--pkg");
const PKG = resolve(pkgArg > 0 ? process.argv[pkgArg + 1] : process.env.MI_PKG ?? fileURLToPath(new URL("../../pkg", import.meta.url)));
const { MediaIntelligence, createProxyHandler } = await import(pathToFileURL(join(PKG, "index.js")).href);

const RETRIES = { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 1500 };
const ok = (requests) => ({ ok: true, requests });
const fail = (name, code, status, attempts, retryAfterMs) => ({ name, code, status, attempts, retryAfterMs });
/** A Retry-After HTTP-date one second ahead in `form`, made when the fault is queued. */
const dateAhead = (form) => Object.assign(() => DATE_FORMS[form]((Math.floor(Date.now() / 1000) + 1) * 1000), { label: `<${form} date 1 s ahead>` });

// fault → [create outcome, get outcome]. "requests" counts attempts plus the confirming read of an
// idempotent create. Before-faults never reach the service; after-faults act, then spoil the answer.
const CASES = [
  ["429", { retryAfter: "1" }, ok(2), ok(2)],
  ["429", { retryAfter: dateAhead("IMF-fixdate") }, ok(2), ok(2)],
  ["429", { retryAfter: dateAhead("RFC 850") }, ok(2), ok(2)],
  ["429", { retryAfter: dateAhead("asctime") }, ok(2), ok(2)],
  // Retry-After over maxDelayMs (1500): fail at once, carrying the wait asked.
  ["429", { retryAfter: "3600" }, fail("ApiError", "RATE_LIMITED", 429, 1, 3600000), fail("ApiError", "RATE_LIMITED", 429, 1, 3600000)],
  ["503", { retryAfter: "2" }, fail("ApiError", "SERVER_ERROR", 503, 1, 2000), fail("ApiError", "SERVER_ERROR", 503, 1, 2000)],
  ["429", {}, ok(2), ok(2)],
  ["429-quota", {}, fail("ApiError", "QUOTA_EXCEEDED", 429, 1), fail("ApiError", "QUOTA_EXCEEDED", 429, 1)],
  ["500", {}, ok(2), ok(2)],
  ["502-html", {}, ok(2), ok(2)],
  ["503", {}, ok(2), ok(2)],
  ["504", {}, ok(2), ok(2)],
  ["503", { times: 3 }, fail("ApiError", "SERVER_ERROR", 503, 3), fail("ApiError", "SERVER_ERROR", 503, 3)],
  ["reset", {}, ok(2), ok(2)],
  ["reset", { times: 3 }, fail("NetworkError", "NETWORK_ERROR", undefined, 3), fail("NetworkError", "NETWORK_ERROR", undefined, 3)],
  ["hang", {}, ok(2), ok(2)],
  ["hang", { times: 3 }, fail("TimeoutError", "TIMEOUT", undefined, 3), fail("TimeoutError", "TIMEOUT", undefined, 3)],
  ["truncated", {}, ok(3), ok(2)],
  ["invalid-json", {}, fail("DecodeError", "DECODE_ERROR", 200, 1), fail("DecodeError", "DECODE_ERROR", 200, 1)],
  ["empty", {}, fail("DecodeError", "DECODE_ERROR", 200, 1), fail("DecodeError", "DECODE_ERROR", 200, 1)],
  ["wrong-content-type", {}, ok(1), ok(1)],
  ["lost", {}, ok(3), ok(2)],
];

const emulator = await startEmulator();
const t = tally("fault-matrix");
const rows = [];
let serial = 0;

function client(records) {
  return new MediaIntelligence({
    ...KEYS,
    endpoint: emulator.url,
    timeoutMs: 300,
    retries: RETRIES,
    fetch: recordingFetch,
    logger: (r) => { records.push(r); evidence.records.push(r); },
  });
}

function describe(result, records) {
  if (result.error) {
    const e = result.error;
    return `${e.name} ${e.code} ${e.status ?? "-"} after ${e.attempts}${e.retryAfterMs ? ` retryAfterMs ${e.retryAfterMs}` : ""}`;
  }
  return `ok after ${records.length}`;
}

function matches(result, records, expected) {
  if (expected.ok) return !result.error && records.length === expected.requests;
  const e = result.error;
  return !!e && e instanceof Error && e.name === expected.name && e.code === expected.code && e.status === expected.status && e.attempts === expected.attempts &&
    e.retryAfterMs === expected.retryAfterMs;
}

async function runCase(fault, extra, op, expected, label = fault + (extra.times ? ` x${extra.times}` : "") + (extra.retryAfter ? ` Retry-After ${extra.retryAfter.label ?? extra.retryAfter}` : "")) {
  await admin(emulator.url, "POST", "reset");
  const name = `fm-${op}-${++serial}-${Date.now().toString(36)}`;
  if (op === "get") await client([]).createWorkspace({ workspaceName: name, bucketName: "b" });
  const route = op === "create" ? "POST /api/v1/workspaces" : "GET /api/v1/workspaces/*";
  const queued = { ...extra };
  if (typeof extra.retryAfter === "function") {
    await earlyInASecond();
    queued.retryAfter = extra.retryAfter();
  }
  await admin(emulator.url, "POST", "faults", { faults: [{ route, fault, ...queued }] });
  const records = [];
  const mi = client(records);
  const result = await settle(op === "create" ? mi.createWorkspace({ workspaceName: name, bucketName: "b" }) : mi.getWorkspace(name));
  const stored = (await admin(emulator.url, "GET", "workspaces")).filter((w) => w.workspaceName === name);
  const got = describe(result, records);
  const want = expected.ok ? `ok after ${expected.requests}` : `${expected.name} ${expected.code} ${expected.status ?? "-"} after ${expected.attempts}${expected.retryAfterMs ? ` retryAfterMs ${expected.retryAfterMs}` : ""}`;
  const good = t.check(matches(result, records, expected) && stored.length <= 1, `${label} / ${op}: ${want}`, `got ${got}; stored ${stored.length}`);
  rows.push([label, op, want, got, stored.length, good ? "pass" : "FAIL"]);
  return { result, records };
}

for (const [fault, extra, create, get] of CASES) {
  await runCase(fault, extra, "create", create);
  const { records } = await runCase(fault, extra, "get", get);
  if (extra.retryAfter === "1") t.check(records[0]?.delayMs === 1000, "Retry-After: 1 waits 1000 ms", JSON.stringify(records[0]));
  // Queued early in a second, a date 1 s ahead is 700 to 1000 ms away: never retried at once.
  if (typeof extra.retryAfter === "function") t.check(records[0]?.delayMs >= 500 && records[0]?.delayMs <= 1100, `Retry-After ${extra.retryAfter.label} waits until then`, JSON.stringify(records[0]));
}

// A skewed server clock: corrected once, then the offset is kept for the client's next call.
for (const op of ["create", "get"]) {
  await admin(emulator.url, "POST", "reset");
  const name = `fm-skew-${op}-${++serial}`;
  if (op === "get") await client([]).createWorkspace({ workspaceName: name });
  await admin(emulator.url, "POST", "clock", { offsetMs: 10 * 60 * 1000 });
  const records = [];
  const mi = client(records);
  const first = await settle(op === "create" ? mi.createWorkspace({ workspaceName: name }) : mi.getWorkspace(name));
  const again = [];
  records.length && records.splice(0).forEach((r) => again.push(r));
  const second = await settle(mi.getWorkspace(name));
  const good = t.check(!first.error && again.length === 2 && !second.error && records.length === 1, `skewed server clock (+10 min) / ${op}: ok after 2, next call ok after 1`, `first ${describe(first, again)}, next ${describe(second, records)}`);
  rows.push(["clock +10 min", op, "ok after 2, then 1", `${describe(first, again)}, then ${describe(second, records)}`, "-", good ? "pass" : "FAIL"]);
}
// The same skew met by a keyless client through the signing proxy: the proxy corrects it the same way.
for (const op of ["create", "get"]) {
  await admin(emulator.url, "POST", "reset");
  const name = `fm-proxy-skew-${op}-${++serial}`;
  if (op === "get") await client([]).createWorkspace({ workspaceName: name });
  await admin(emulator.url, "POST", "clock", { offsetMs: 10 * 60 * 1000 });
  let handler;
  try {
    handler = createProxyHandler({ ...KEYS, endpoint: emulator.url, allow: ["createWorkspace", "getWorkspace"] });
  } catch (error) {
    handler = () => { throw error; };
  }
  const keyless = new MediaIntelligence({ proxyUrl: "http://app.test", retries: { maxAttempts: 1 }, fetch: (url, init) => handler(new Request(url, init)) });
  const before = (await admin(emulator.url, "GET", "requests")).length;
  const first = await settle(op === "create" ? keyless.createWorkspace({ workspaceName: name }) : keyless.getWorkspace(name));
  const middle = (await admin(emulator.url, "GET", "requests")).length;
  const second = await settle(keyless.getWorkspace(name));
  const after = (await admin(emulator.url, "GET", "requests")).length;
  const got = `${first.error ? describe(first, []) : `ok after ${middle - before}`}, then ${second.error ? describe(second, []) : `ok after ${after - middle}`}`;
  const good = t.check(!first.error && middle - before === 2 && !second.error && after - middle === 1, `skewed server clock (+10 min) through the proxy / ${op}: ok after 2, next call ok after 1`, got);
  rows.push(["clock +10 min, proxy", op, "ok after 2, then 1", got, "-", good ? "pass" : "FAIL"]);
}
await admin(emulator.url, "POST", "clock", { offsetMs: 0 });

// A real conflict: the name was taken before this call; the lost answer must not make it "ours".
{
  await admin(emulator.url, "POST", "reset");
  const name = `fm-taken-${++serial}`;
  await client([]).createWorkspace({ workspaceName: name, bucketName: "b" });
  await new Promise((r) => setTimeout(r, 2100));
  await admin(emulator.url, "POST", "faults", { faults: [{ route: "POST /api/v1/workspaces", fault: "lost" }] });
  const records = [];
  const result = await settle(client(records).createWorkspace({ workspaceName: name, bucketName: "b" }));
  const e = result.error;
  const good = t.check(e?.code === "CONFLICT" && e?.status === 409 && e?.attempts === 2, "an older workspace of the same name still fails with CONFLICT", describe(result, records));
  rows.push(["lost + taken earlier", "create", "ApiError CONFLICT 409 after 2", describe(result, records), 1, good ? "pass" : "FAIL"]);
}

const secrets = secretsNeverLeaked();
t.check(secrets.leaks.length === 0 && secrets.checked > 0 && secrets.signatures > 0, `no secret or signature in ${secrets.checked} errors and records (${secrets.signatures} signatures sent)`, secrets.leaks[0]);

console.log();
console.table(rows.map(([fault, op, expected, got, stored, result]) => ({ fault, op, expected, got, stored, result })));
emulator.stop();
t.finish();
