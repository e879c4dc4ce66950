// Junk from JS into every export: each call must give a typed error (never a wasm trap or a plain
// TypeError from the glue), and the same wasm instance must keep working afterwards.
//   node tests/faults/bad-input.mjs     (needs pkg/ built)
import { createHmac } from "node:crypto";
import { MediaIntelligence, NcpSigner, isMediaIntelligenceError, signRequest } from "../../pkg/index.js";
import { KEYS, keep, secretsNeverLeaked, startEmulator, tally } from "./harness.mjs";

const huge = "a".repeat(1 << 20);
const throwing = new Proxy({}, { get() { throw new Error("getter says no"); }, ownKeys() { throw new Error("keys say no"); } });
const sneaky = new Proxy({}, { get(_, key) { if (key === "workspaceName") throw new Error("nope"); return undefined; }, ownKeys: () => ["workspaceName"], getOwnPropertyDescriptor: () => ({ configurable: true, enumerable: true, value: 1 }) });
const revoked = Proxy.revocable({}, {});
revoked.revoke();
const manyKeys = Object.fromEntries(Array.from({ length: 10000 }, (_, i) => [`k${i}`, i]));
const deep = JSON.parse("[".repeat(5000) + "]".repeat(5000));
const JUNK = {
  undefined: undefined, null: null, zero: 0, nan: NaN, negative: -1, float: 1.5, bigint: 10n, true: true,
  empty: "", megabyte: huge, "lone surrogate": "ab\uD800cd", "lone low surrogate": "\uDC00abc", symbol: Symbol("s"),
  array: [1, 2], "nested array": deep, object: {}, "nested junk": { a: { b: [null, { c: NaN }] } }, "10k keys": manyKeys,
  function: () => {}, date: new Date(0), "throwing proxy": throwing, "sneaky proxy": sneaky, "revoked proxy": revoked.proxy, map: new Map([["workspaceName", "x"]]), "null prototype": Object.create(null),
  "number object": new Number(5), "string object": new String("my-workspace"), "array of strings": ["my-workspace"],
};

const t = tally("bad-input");
const emulator = await startEmulator();
const good = new MediaIntelligence({ ...KEYS, endpoint: emulator.url, retries: { maxAttempts: 1 } });

function typed(error, where) {
  keep(error);
  return t.check(isMediaIntelligenceError(error) && error.name === "ValidationError" && typeof error.field === "string",
    where, `${error?.name}: ${error?.message}`);
}

async function rejectsTyped(call, where) {
  try {
    const promise = call();
    if (!(promise instanceof Promise)) return t.check(false, where, "did not return a promise");
    await promise;
    t.check(false, where, "resolved");
  } catch (error) {
    typed(error, where);
  }
}

function throwsTyped(call, where) {
  try {
    call();
    t.check(false, where, "returned");
  } catch (error) {
    typed(error, where);
  }
}

// Empty plain objects are valid `retries` and per-call options (every field has a default).
const EMPTY_OPTIONS = ["object", "null prototype"];
const signer = new NcpSigner({ accessKey: "ak", secretKey: "sk" });
const validSign = { method: "GET", uri: "/api/v1/workspaces", accessKey: "ak", secretKey: "sk", timestamp: 1 };
for (const [label, junk] of Object.entries(JUNK)) {
  throwsTyped(() => new MediaIntelligence(junk), `new MediaIntelligence(${label})`);
  throwsTyped(() => new MediaIntelligence({ ...KEYS, accessKey: junk }), `accessKey: ${label}`);
  throwsTyped(() => new MediaIntelligence({ ...KEYS, secretKey: junk }), `secretKey: ${label}`);
  if (junk !== undefined && junk !== null) {
    throwsTyped(() => new MediaIntelligence({ ...KEYS, endpoint: junk }), `endpoint: ${label}`);
    if (!EMPTY_OPTIONS.includes(label)) {
      throwsTyped(() => new MediaIntelligence({ ...KEYS, retries: junk }), `retries: ${label}`);
      await rejectsTyped(() => good.getWorkspace("my-workspace", junk), `getWorkspace requestOptions: ${label}`);
    }
  }
  await rejectsTyped(() => good.createWorkspace(junk), `createWorkspace(${label})`);
  await rejectsTyped(() => good.createWorkspace({ workspaceName: junk }), `createWorkspace workspaceName: ${label}`);
  await rejectsTyped(() => good.getWorkspace(junk), `getWorkspace(${label})`);
  throwsTyped(() => signRequest(junk), `signRequest(${label})`);
  for (const field of ["method", "uri", "accessKey", "secretKey"]) throwsTyped(() => signRequest({ ...validSign, [field]: junk }), `signRequest ${field}: ${label}`);
  throwsTyped(() => new NcpSigner(junk), `new NcpSigner(${label})`);
  throwsTyped(() => signer.sign(junk, "/x"), `NcpSigner.sign method: ${label}`);
  throwsTyped(() => signer.sign("GET", junk), `NcpSigner.sign uri: ${label}`);
  if (junk !== undefined && junk !== null && label !== "zero") throwsTyped(() => signer.sign("GET", "/x", junk), `NcpSigner.sign timestamp: ${label}`); // 0 is the epoch: valid
  t.check(isMediaIntelligenceError(junk) === false, `isMediaIntelligenceError(${label}) is false`);
}

// The same instance still works: a real call against the emulator and a signature node:crypto agrees with.
const name = `bad-input-${Date.now().toString(36)}`;
const created = await good.createWorkspace({ workspaceName: name });
t.check(created.workspaceName === name && (await good.getWorkspace(name)).workspaceName === name, "the instance still creates and reads workspaces");
const headers = signRequest(validSign);
const expected = createHmac("sha256", "sk").update("GET /api/v1/workspaces\n1\nak").digest("base64");
t.check(headers["x-ncp-apigw-signature-v2"] === expected, "signRequest still agrees with node:crypto");
t.check(signer.sign("GET", "/api/v1/workspaces", 1)["x-ncp-apigw-signature-v2"] === expected, "NcpSigner still agrees with node:crypto");
const secrets = secretsNeverLeaked();
t.check(secrets.leaks.length === 0, `no secret in ${secrets.checked} error messages`, secrets.leaks[0]);
emulator.stop();
t.finish();
