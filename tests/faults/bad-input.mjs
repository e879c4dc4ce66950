// Junk from JS into every export: each call must give a typed error (never a wasm trap or a plain
// TypeError from the glue), and the same wasm instance must keep working afterwards. The media pipeline's
// operations, waiters and assets() iterator take each junk value as their options and as each id or name.
//   node tests/faults/bad-input.mjs     (needs pkg/ built)
import { createHmac } from "node:crypto";
import { MediaIntelligence, NcpSigner, createProxyHandler, isMediaIntelligenceError, signRequest } from "../../pkg/index.js";
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

// The media pipeline (#5-#24): each operation with each junk value as its options object and as each of
// its id and name fields (the rest valid), and the waiters' options object.
const VALID = { workspaceName: "my-workspace", projectId: 1, assetId: 2, newProjectId: 3, name: "n", bucketName: "b", key: "a.mp4" };
const ASSET = ["workspaceName", "projectId", "assetId"];
const MEDIA_OPS = {
  listProjects: ["workspaceName"],
  createProject: ["workspaceName", "name"],
  getProject: ["workspaceName", "projectId"],
  updateProject: ["workspaceName", "projectId", "name"],
  deleteProject: ["workspaceName", "projectId"],
  importAsset: ["workspaceName", "projectId", "bucketName", "key"],
  listAssets: ["workspaceName", "projectId"],
  getAsset: ASSET,
  moveAsset: [...ASSET, "newProjectId"],
  deleteAsset: ASSET,
  getAssetImportStatus: ASSET,
  requestIndex: ASSET,
  cancelIndex: ASSET,
  getIndexStatus: ASSET,
  getIndex: ASSET,
  deleteIndex: ASSET,
  requestSceneSummary: ASSET,
  getSceneSummaryStatus: ASSET,
  getSceneSummary: ASSET,
  cancelSceneSummary: ASSET,
};
const WAITERS = ["waitForAssetImport", "waitForIndex", "waitForSceneSummary"];
const pick = (fields) => Object.fromEntries(fields.map((f) => [f, VALID[f]]));
const WAIT = { intervalMs: 5, timeoutMs: 1000 };

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
  for (const [op, fields] of Object.entries(MEDIA_OPS)) {
    await rejectsTyped(() => good[op](junk), `${op}(${label})`);
    for (const field of fields) await rejectsTyped(() => good[op]({ ...pick(fields), [field]: junk }), `${op} ${field}: ${label}`);
  }
  if (!EMPTY_OPTIONS.includes(label) && junk !== undefined && junk !== null) {
    await rejectsTyped(() => good.getAsset(pick(ASSET), junk), `getAsset requestOptions: ${label}`);
  }
  for (const op of WAITERS) {
    await rejectsTyped(() => good[op](junk, WAIT), `${op}(${label}, options)`);
    for (const field of ASSET) await rejectsTyped(() => good[op]({ ...pick(ASSET), [field]: junk }, WAIT), `${op} ${field}: ${label}`);
    if (!EMPTY_OPTIONS.includes(label) && junk !== undefined && junk !== null) await rejectsTyped(() => good[op](pick(ASSET), junk), `${op}(params, ${label})`);
  }
  throwsTyped(() => good.assets(junk), `assets(${label})`);
  for (const field of ["workspaceName", "projectId"]) throwsTyped(() => good.assets({ ...pick(["workspaceName", "projectId"]), [field]: junk }), `assets ${field}: ${label}`);
}

// Issue 14's options: maxResponseBytes (client and proxy), publicOrigin and trustForwardedHeaders (proxy),
// and endpoint prefixes fetch would rewrite after signing or that carry credentials (client and proxy:
// refused at construction, the message quoting neither the prefix nor the credentials).
const PROXY = { ...KEYS, allow: ["getWorkspace"] };
const absent = (junk) => junk === undefined || junk === null;
for (const [label, junk] of Object.entries({ ...JUNK, "1023": 1023, "2^30 + 1": 2 ** 30 + 1, "decimal fraction text": "2048.5", "hex text": "0x800" })) {
  if (absent(junk)) continue;
  throwsTyped(() => new MediaIntelligence({ ...KEYS, maxResponseBytes: junk }), `maxResponseBytes: ${label}`);
  throwsTyped(() => createProxyHandler({ ...PROXY, maxResponseBytes: junk }), `createProxyHandler maxResponseBytes: ${label}`);
}
const ORIGINS = { "no scheme": "app.example", "a path": "https://app.example/mi", credentials: "https://user:pw@app.example", "ftp scheme": "ftp://app.example", star: "*", "a query": "https://app.example?x=1", "the null origin": "null" };
for (const [label, junk] of Object.entries({ ...JUNK, ...ORIGINS })) {
  if (absent(junk)) continue;
  throwsTyped(() => createProxyHandler({ ...PROXY, publicOrigin: junk }), `createProxyHandler publicOrigin: ${label}`);
}
for (const [label, junk] of Object.entries({ ...JUNK, "text true": "true", one: 1 })) {
  if (absent(junk) || junk === true) continue;
  throwsTyped(() => createProxyHandler({ ...PROXY, trustForwardedHeaders: junk }), `createProxyHandler trustForwardedHeaders: ${label}`);
}
const PREFIXES = { "non-ASCII": ["http://127.0.0.1:9/미디어", "미디어"], "dot-dot": ["http://127.0.0.1:9/a/../gw", "a/../gw"], template: ["http://127.0.0.1:9/{tenant}", "{tenant}"],
  backslash: ["http://127.0.0.1:9/a\\b", "a\\b"], credentials: ["http://user:pw@127.0.0.1:9", "user:pw"], "percent-encoded": ["http://127.0.0.1:9/%7Egw", "%7Egw"] };
for (const [label, [endpoint, secret]] of Object.entries(PREFIXES)) {
  for (const [who, make] of [["MediaIntelligence", () => new MediaIntelligence({ ...KEYS, endpoint })], ["createProxyHandler", () => createProxyHandler({ ...PROXY, endpoint })]]) {
    try {
      make();
      t.check(false, `${who} endpoint with a ${label} prefix`, "accepted");
    } catch (error) {
      typed(error, `${who} endpoint with a ${label} prefix`);
      t.check(!String(error?.message).includes(secret), `${who} endpoint with a ${label} prefix: the message does not quote ${JSON.stringify(secret)}`, error?.message);
    }
  }
}
for (const [what, make] of [["maxResponseBytes 1024 and 2^30", () => [new MediaIntelligence({ ...KEYS, maxResponseBytes: 1024 }), new MediaIntelligence({ ...KEYS, maxResponseBytes: 2 ** 30 }), createProxyHandler({ ...PROXY, maxResponseBytes: 1024 })]],
  ["publicOrigin https://app.example:8443, trustForwardedHeaders true/false", () => [createProxyHandler({ ...PROXY, publicOrigin: "https://app.example:8443" }), createProxyHandler({ ...PROXY, trustForwardedHeaders: true }), createProxyHandler({ ...PROXY, trustForwardedHeaders: false })]],
  ["an endpoint prefix of plain characters (/a-b_c.d~e/v1)", () => [new MediaIntelligence({ ...KEYS, endpoint: "http://127.0.0.1:9/a-b_c.d~e/v1" }), createProxyHandler({ ...PROXY, endpoint: "http://127.0.0.1:9/a-b_c.d~e/v1" })]]]) {
  try {
    make();
    t.check(true, `valid: ${what}`);
  } catch (error) {
    t.check(false, `valid: ${what}`, `${error?.name}: ${error?.message}`);
  }
}

// The same instance still works: a real call against the emulator and a signature node:crypto agrees with.
// (Per-call retries: the loop above sends nothing for seconds, long enough for the emulator to close
// the idle keep-alive socket just as the next request goes out on it.)
const name = `bad-input-${Date.now().toString(36)}`;
const again = { retries: { maxAttempts: 3 } };
const created = await good.createWorkspace({ workspaceName: name }, again);
t.check(created.workspaceName === name && (await good.getWorkspace(name, again)).workspaceName === name, "the instance still creates and reads workspaces");
const project = await good.createProject({ workspaceName: name, name: "still-works" }, again);
const { assetId } = await good.importAsset({ workspaceName: name, projectId: project.projectId, bucketName: "mi-demo", key: "photo.jpg" }, again);
const imported = await good.waitForAssetImport({ workspaceName: name, projectId: project.projectId, assetId }, { intervalMs: 50, timeoutMs: 10000, ...again });
const listed = [];
for await (const asset of good.assets({ workspaceName: name, projectId: String(project.projectId) }, again)) listed.push(asset.assetId);
t.check(imported.uploadStatus === "COMPLETED" && listed.length === 1 && listed[0] === assetId && (await good.listProjects({ workspaceName: name }, again)).projects.length === 2,
  "the instance still runs the media pipeline (project, import, wait, assets())");
const headers = signRequest(validSign);
const expected = createHmac("sha256", "sk").update("GET /api/v1/workspaces\n1\nak").digest("base64");
t.check(headers["x-ncp-apigw-signature-v2"] === expected, "signRequest still agrees with node:crypto");
t.check(signer.sign("GET", "/api/v1/workspaces", 1)["x-ncp-apigw-signature-v2"] === expected, "NcpSigner still agrees with node:crypto");
const secrets = secretsNeverLeaked();
t.check(secrets.leaks.length === 0, `no secret in ${secrets.checked} error messages`, secrets.leaks[0]);
emulator.stop();
t.finish();
