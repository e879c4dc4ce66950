// The fault matrix: every scripted emulator fault × both operations, against the built package, each
// with its exact expected outcome (success after N requests, or the error's name/code/status/attempts),
// and no duplicate workspace afterwards. Prints a table and `N passed, N failed`.
//   node tests/faults/matrix.mjs          (needs pkg/ built: bash scripts/build.sh)
import { MediaIntelligence } from "../../pkg/index.js";
import { KEYS, admin, evidence, recordingFetch, secretsNeverLeaked, settle, startEmulator, tally } from "./harness.mjs";

const RETRIES = { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 1500 };
const ok = (requests) => ({ ok: true, requests });
const fail = (name, code, status, attempts) => ({ name, code, status, attempts });

// fault → [create outcome, get outcome]. "requests" counts attempts plus the confirming read of an
// idempotent create. Before-faults never reach the service; after-faults act, then spoil the answer.
const CASES = [
  ["429", { retryAfter: "1" }, ok(2), ok(2)],
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
    return `${e.name} ${e.code} ${e.status ?? "-"} after ${e.attempts}`;
  }
  return `ok after ${records.length}`;
}

function matches(result, records, expected) {
  if (expected.ok) return !result.error && records.length === expected.requests;
  const e = result.error;
  return !!e && e instanceof Error && e.name === expected.name && e.code === expected.code && e.status === expected.status && e.attempts === expected.attempts;
}

async function runCase(fault, extra, op, expected, label = fault + (extra.times ? ` x${extra.times}` : "") + (extra.retryAfter ? ` Retry-After ${extra.retryAfter}` : "")) {
  await admin(emulator.url, "POST", "reset");
  const name = `fm-${op}-${++serial}-${Date.now().toString(36)}`;
  if (op === "get") await client([]).createWorkspace({ workspaceName: name, bucketName: "b" });
  const route = op === "create" ? "POST /api/v1/workspaces" : "GET /api/v1/workspaces/*";
  await admin(emulator.url, "POST", "faults", { faults: [{ route, fault, ...extra }] });
  const records = [];
  const mi = client(records);
  const result = await settle(op === "create" ? mi.createWorkspace({ workspaceName: name, bucketName: "b" }) : mi.getWorkspace(name));
  const stored = (await admin(emulator.url, "GET", "workspaces")).filter((w) => w.workspaceName === name);
  const got = describe(result, records);
  const want = expected.ok ? `ok after ${expected.requests}` : `${expected.name} ${expected.code} ${expected.status ?? "-"} after ${expected.attempts}`;
  const good = t.check(matches(result, records, expected) && stored.length <= 1, `${label} / ${op}: ${want}`, `got ${got}; stored ${stored.length}`);
  rows.push([label, op, want, got, stored.length, good ? "pass" : "FAIL"]);
  return { result, records };
}

for (const [fault, extra, create, get] of CASES) {
  await runCase(fault, extra, "create", create);
  const { records } = await runCase(fault, extra, "get", get);
  if (extra.retryAfter) t.check(records[0]?.delayMs === 1000, "Retry-After: 1 waits 1000 ms", JSON.stringify(records[0]));
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
