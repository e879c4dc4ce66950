// The media pipeline (operations #5-#24) through the built package against the emulator: every
// operation's result, status unions and typed API errors; validation before any request for every
// documented rule (the emulator's request log proves nothing was sent); the assets() iterator's lazy
// paging; the three waiters (progress, terminal failures, time-out, abort, bad options, retries of each
// poll); a realistic 2-hour index; fields beyond the documented ones reaching the caller.
//   node tests/media/media.mjs      (needs pkg/ built)
import { MediaIntelligence } from "../../pkg/index.js";
import { sign } from "../emulator/spawn.mjs";
import { KEYS, admin, evidence, keep, secretsNeverLeaked, startEmulator, tally } from "../faults/harness.mjs";

const TICK_MS = 10;
const t = tally("media");
const emulator = await startEmulator({ MI_EMULATOR_TICK_MS: String(TICK_MS), MI_EMULATOR_QUOTA: "50" });
const RETRIES = { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 50 };
const mi = new MediaIntelligence({ ...KEYS, endpoint: emulator.url, retries: RETRIES, logger: (r) => evidence.records.push(r) });
const FAST = { intervalMs: 5, maxIntervalMs: 20, timeoutMs: 20000 };

const IMPORT_STATES = ["IN_PROGRESS", "COMPLETED", "FAILED", "FILE_NOT_EXIST", "INVALID_METADATA"];
const INDEX_STATES = ["BEFORE_ANALYZE", "WAIT_ANALYZE", "ANALYZING", "ANALYZE_COMPLETED", "ANALYZE_FAIL", "ANALYZE_CANCEL"];
const SUMMARY_STATES = ["BEFORE_SUMMARIZE", "WAIT_SUMMARIZE", "SUMMARIZING", "SUMMARIZE_COMPLETED", "SUMMARIZE_FAIL", "SUMMARIZE_CANCELED"];
const STATUS_ROUTE = {
  import: "GET /api/v1/workspaces/*/projects/*/assets/*/import-status",
  index: "GET /api/v1/workspaces/*/projects/*/assets/*/index/status",
  summary: "GET /api/v1/workspaces/*/projects/*/assets/*/scene-summary/status",
};

// ------------------------------------------------------------------------------------------ helpers

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const requests = () => admin(emulator.url, "GET", "requests");
const logged = async () => (await requests()).length;
const setTick = (tickMs) => admin(emulator.url, "POST", "tick", { tickMs });
const stamp = Date.now().toString(36);
let serial = 0;
const freshName = (what) => `${what}-${stamp}-${++serial}`;

/** JSON with sorted keys, so two values compare whatever their key order. */
function canonical(value) {
  return JSON.stringify(value, (_, v) => (v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v));
}
const same = (a, b) => canonical(a) === canonical(b);
const show = (v) => { const s = canonical(v); return s === undefined ? String(v) : s.length > 300 ? `${s.slice(0, 300)}...` : s; };
const describe = (e) => (e instanceof Error ? `${e.name} ${e.code} status=${e.status} apiCode=${e.apiCode} field=${e.field}: ${e.message}` : `resolved ${show(e)}`);

/** The error a call rejects (or throws) with, or `{ resolved: value }`. */
async function outcome(call) {
  try {
    return { value: await call() };
  } catch (error) {
    return { error: keep(error) };
  }
}

/** The API's own answer to a signed request, read without the client: the envelope as sent. */
async function raw(method, path) {
  const timestamp = String(Date.now());
  const res = await fetch(emulator.url + path, {
    method,
    headers: {
      "x-ncp-apigw-timestamp": timestamp,
      "x-ncp-iam-access-key": KEYS.accessKey,
      "x-ncp-apigw-signature-v2": sign(method, path, timestamp, KEYS.accessKey, KEYS.secretKey),
    },
  });
  return res.json();
}

/** Checks an ApiError's fields. */
async function apiError(what, call, { code, status, apiCode }) {
  const { value, error } = await outcome(call);
  t.check(!!error && error instanceof Error && error.name === "ApiError" && error.code === code && error.status === status && (apiCode === undefined || error.apiCode === apiCode),
    `${what}: ApiError ${code} ${status}${apiCode ? ` (${apiCode})` : ""}`, error ? describe(error) : describe(value));
  return error;
}

/** A ValidationError naming `field` (one of them, when an array), thrown or rejected before any request. */
async function refused(what, call, field) {
  const before = await logged();
  const { value, error } = await outcome(call);
  const after = await logged();
  const fields = Array.isArray(field) ? field : [field];
  t.check(!!error && error.name === "ValidationError" && error.code === "INVALID_INPUT" && fields.includes(error.field) && error.attempts === 0
    && typeof error.message === "string" && error.message.includes(error.field) && after === before,
    `${what}: ValidationError on ${fields.join("|")}, no request sent`, `${error ? describe(error) : describe(value)}; emulator log ${before} -> ${after}`);
}

/** The input passes the client's checks: a request reaches the emulator (its answer may be an ApiError). */
async function accepted(what, call) {
  const before = await logged();
  const { value, error } = await outcome(call);
  const after = await logged();
  t.check((!error || error.name === "ApiError") && after > before, `${what}: accepted, the request was sent`, `${error ? describe(error) : "resolved"}; emulator log ${before} -> ${after}`);
  return value;
}

async function importReady(project, key) {
  const { assetId } = await mi.importAsset({ workspaceName: project.workspaceName, projectId: project.projectId, bucketName: "mi-demo", key });
  const asset = { workspaceName: project.workspaceName, projectId: project.projectId, assetId };
  await mi.waitForAssetImport(asset, FAST);
  return asset;
}

async function indexed(project, key, options = {}) {
  const asset = await importReady(project, key);
  await mi.requestIndex({ ...asset, ...options });
  await mi.waitForIndex(asset, FAST);
  return asset;
}

async function newProject(workspaceName, name = freshName("p")) {
  const project = await mi.createProject({ workspaceName, name });
  return { workspaceName, projectId: project.projectId };
}

const projectPath = (p) => `/api/v1/workspaces/${p.workspaceName}/projects/${p.projectId}`;
const assetPath = (a) => `${projectPath(a)}/assets/${a.assetId}`;

// ============================================================================ the 20 operations

const W = freshName("media");
await mi.createWorkspace({ workspaceName: W, bucketName: "mi-demo" });

// #5 listProjects, #6 createProject, #7 getProject
const initial = await mi.listProjects({ workspaceName: W });
const base = initial.projects?.[0];
t.check(Array.isArray(initial.projects) && initial.projects.length === 1 && base.isBaseProject === true && typeof base.projectId === "number" && initial.totalCount === 1,
  "listProjects: a new workspace has only its base project (and totalCount, sent beside the result, reaches the caller)", show(initial));
const created = await mi.createProject({ workspaceName: W, name: "trailers" });
t.check(typeof created.projectId === "number" && created.name === "trailers" && created.isBaseProject === false && typeof created.createdTime === "string",
  "createProject resolves the new project", show(created));
const P1 = { workspaceName: W, projectId: created.projectId };
await apiError("createProject with a taken name", () => mi.createProject({ workspaceName: W, name: "trailers" }), { code: "CONFLICT", status: 409 });
await apiError("createProject in an unknown workspace", () => mi.createProject({ workspaceName: "no-such-ws", name: "x" }), { code: "NOT_FOUND", status: 404 });
const listed = await mi.listProjects({ workspaceName: W });
const rawList = await raw("GET", `/api/v1/workspaces/${W}/projects`);
t.check(listed.projects.length === 2 && listed.totalCount === 2 && same(listed.projects, rawList.result.projects), "listProjects lists both, exactly as the API sent them", show(listed));
const got = await mi.getProject(P1);
const gotText = await mi.getProject({ workspaceName: W, projectId: String(created.projectId) });
t.check(same(got, created) && same(gotText, got), "getProject reads it by number and by decimal text", `${show(got)} / ${show(gotText)}`);
t.check(same(got, (await raw("GET", projectPath(P1))).result), "getProject resolves every field the API sent");
await apiError("getProject of an unknown project", () => mi.getProject({ workspaceName: W, projectId: 999999 }), { code: "NOT_FOUND", status: 404, apiCode: "404" });
await apiError("listProjects of an unknown workspace", () => mi.listProjects({ workspaceName: "no-such-ws" }), { code: "NOT_FOUND", status: 404 });

// #8 updateProject
const other = await mi.createProject({ workspaceName: W, name: "other" });
const renamed = await mi.updateProject({ ...P1, name: "teasers" });
t.check(renamed.projectId === P1.projectId && renamed.name === "teasers" && (await mi.getProject(P1)).name === "teasers", "updateProject renames and resolves the project", show(renamed));
await apiError("updateProject of the base project", () => mi.updateProject({ workspaceName: W, projectId: base.projectId, name: "renamed-base" }), { code: "BAD_REQUEST", status: 400, apiCode: "10027" });
await apiError("updateProject to another project's name", () => mi.updateProject({ ...P1, name: "other" }), { code: "CONFLICT", status: 409 });
await apiError("updateProject of an unknown project", () => mi.updateProject({ workspaceName: W, projectId: 999999, name: "x" }), { code: "NOT_FOUND", status: 404 });

// #9 deleteProject
{
  const doomed = await newProject(W, "doomed");
  const deleted = await mi.deleteProject(doomed);
  t.check(deleted === undefined, "deleteProject resolves undefined", show(deleted));
  await apiError("getProject after deleteProject", () => mi.getProject(doomed), { code: "NOT_FOUND", status: 404 });
  t.check(!(await mi.listProjects({ workspaceName: W })).projects.some((p) => p.projectId === doomed.projectId), "the deleted project is gone from listProjects");
  await apiError("deleteProject of the base project", () => mi.deleteProject({ workspaceName: W, projectId: base.projectId }), { code: "BAD_REQUEST", status: 400, apiCode: "10027" });
  await apiError("deleteProject again", () => mi.deleteProject(doomed), { code: "NOT_FOUND", status: 404 });
}

// #10 importAsset, #15 getAssetImportStatus, #12 getAsset, #11 listAssets
const imported = await mi.importAsset({ ...P1, bucketName: "mi-demo", key: "trailer.mov" });
t.check(typeof imported.assetId === "number" && imported.fileName === "trailer.mov" && imported.uploadStatus === "IN_PROGRESS",
  "importAsset resolves the new asset (with the fields the emulator adds)", show(imported));
const A = { ...P1, assetId: imported.assetId };
const importStatus0 = await mi.getAssetImportStatus(A);
t.check(IMPORT_STATES.includes(importStatus0.uploadStatus) && importStatus0.assetId === A.assetId, "getAssetImportStatus: uploadStatus is one of the union", show(importStatus0));
await sleep(TICK_MS * 4);
const importStatus1 = await mi.getAssetImportStatus(A);
t.check(importStatus1.uploadStatus === "COMPLETED" && same(importStatus1, (await raw("GET", `${assetPath(A)}/import-status`)).result), "getAssetImportStatus: COMPLETED after the import's ticks, as sent", show(importStatus1));
const asset = await mi.getAsset(A);
t.check(asset.assetId === A.assetId && asset.projectId === P1.projectId && asset.key === "trailer.mov" && asset.metaData?.durationMs === 150000
  && asset.metaData?.resolution === "1920x1080" && asset.metaData?.format === "mov" && typeof asset.metaData?.size === "number", "getAsset: key, project and metaData", show(asset));
t.check(same(asset, (await raw("GET", assetPath(A))).result) && asset.type === "VIDEO" && asset.indexStatus === "BEFORE_ANALYZE",
  "getAsset resolves the undocumented fields too (type, indexStatus, ...)", show(asset));
const page1 = await mi.listAssets(P1);
t.check(page1.totalCount === 1 && page1.pageNo === 1 && page1.content?.length === 1 && page1.content[0].assetId === A.assetId
  && same(page1, (await raw("GET", `${projectPath(P1)}/assets?pageNum=1`)).result), "listAssets: one page with the asset, as sent", show(page1));
const pastEnd = await mi.listAssets({ ...P1, pageNum: 2, pageSize: 1 });
t.check(pastEnd.pageNo === 2 && pastEnd.pageSize === 1 && pastEnd.content.length === 0 && pastEnd.totalCount === 1, "listAssets: a page past the end is empty", show(pastEnd));
await apiError("importAsset into an unknown project", () => mi.importAsset({ workspaceName: W, projectId: 999999, bucketName: "mi-demo", key: "trailer.mov" }), { code: "NOT_FOUND", status: 404 });
await apiError("getAsset of an unknown asset", () => mi.getAsset({ ...P1, assetId: 999999 }), { code: "NOT_FOUND", status: 404 });
await apiError("getAssetImportStatus of an unknown asset", () => mi.getAssetImportStatus({ ...P1, assetId: 999999 }), { code: "NOT_FOUND", status: 404 });
await apiError("listAssets of an unknown project", () => mi.listAssets({ workspaceName: W, projectId: 999999 }), { code: "NOT_FOUND", status: 404 });

// #13 moveAsset
{
  const dest = { workspaceName: W, projectId: other.projectId };
  const moved = await mi.moveAsset({ ...A, newProjectId: dest.projectId });
  t.check(moved?.projectId === dest.projectId && moved?.assetId === A.assetId, "moveAsset resolves the API's result as sent (the asset in its new project)", show(moved));
  const there = await mi.getAsset({ ...dest, assetId: A.assetId });
  t.check(there.projectId === dest.projectId, "after moveAsset the asset is read under its new project");
  await apiError("getAsset under the old project after moveAsset", () => mi.getAsset(A), { code: "NOT_FOUND", status: 404 });
  t.check((await mi.listAssets(P1)).totalCount === 0 && (await mi.listAssets(dest)).content.some((a) => a.assetId === A.assetId), "listAssets follows the move");
  await apiError("moveAsset to an unknown project", () => mi.moveAsset({ ...dest, assetId: A.assetId, newProjectId: 999999 }), { code: "NOT_FOUND", status: 404 });
  const back = await mi.moveAsset({ workspaceName: W, projectId: String(dest.projectId), assetId: String(A.assetId), newProjectId: String(P1.projectId) });
  t.check(back?.projectId === P1.projectId && (await mi.getAsset(A)).projectId === P1.projectId, "moveAsset with ids as decimal text moves it back", show(back));
}

// #16 requestIndex before the import completed: 10014
{
  await setTick(60000);
  const { assetId } = await mi.importAsset({ ...P1, bucketName: "mi-demo", key: "photo.jpg" });
  await setTick(TICK_MS);
  await apiError("requestIndex before the import completed", () => mi.requestIndex({ ...P1, assetId }), { code: "BAD_REQUEST", status: 400, apiCode: "10014" });
}

// #16 requestIndex, #18 getIndexStatus, #19 getIndex: the fast path
{
  const requested = await mi.requestIndex({ ...A, sceneRange: "SHORT", sourceLanguage: "EN", analysisPersonCount: 3, detectAudioEffects: true });
  t.check(INDEX_STATES.includes(requested?.status) && requested?.assetId === A.assetId, "requestIndex resolves the API's result (a status of the union)", show(requested));
  const status0 = await mi.getIndexStatus(A);
  t.check(INDEX_STATES.includes(status0.status), "getIndexStatus: status is one of the union", show(status0));
  await mi.waitForIndex(A, FAST);
  const done = await mi.getIndexStatus(A);
  t.check(done.status === "ANALYZE_COMPLETED" && done.progress === 100 && same(done, (await raw("GET", `${assetPath(A)}/index/status`)).result),
    "getIndexStatus: ANALYZE_COMPLETED, with the emulator's extra progress field", show(done));
  const index = await mi.getIndex(A);
  const rawIndex = (await raw("GET", `${assetPath(A)}/index`)).result;
  t.check(index.type === "VIDEO" && Array.isArray(index.scenes) && index.scenes.length > 0 && Array.isArray(index.audioEffects) && same(index, rawIndex),
    "getIndex resolves the whole index as sent (scenes, persons, keywords, script, captions, audio effects)", `${index.scenes?.length} scenes; ${Object.keys(index)}`);
  const low = await mi.getIndex({ ...A, confidenceLevel: "LOW" });
  const high = await mi.getIndex({ ...A, confidenceLevel: "HIGH" });
  const appearances = (ix) => ix.keywords.reduce((n, k) => n + k.appearances.length, 0);
  t.check(appearances(low) > appearances(high) && same(low, (await raw("GET", `${assetPath(A)}/index?confidence_level=LOW`)).result)
    && same(high, (await raw("GET", `${assetPath(A)}/index?confidence_level=HIGH`)).result), "getIndex confidenceLevel LOW/HIGH is sent as confidence_level", `${appearances(low)} vs ${appearances(high)}`);

  // #21-#24 scene summaries
  await apiError("getSceneSummary before any summary", () => mi.getSceneSummary(A), { code: "NOT_FOUND", status: 404 });
  const before = await mi.getSceneSummaryStatus(A);
  t.check(before.status === "BEFORE_SUMMARIZE", "getSceneSummaryStatus: BEFORE_SUMMARIZE before any", show(before));
  const started = await mi.requestSceneSummary({ ...A, locale: "en" });
  t.check(SUMMARY_STATES.includes(started?.status) && started?.locale === "en", "requestSceneSummary resolves the API's result", show(started));
  const running = await mi.getSceneSummaryStatus(A);
  t.check(SUMMARY_STATES.includes(running.status), "getSceneSummaryStatus: status is one of the union", show(running));
  await mi.waitForSceneSummary(A, FAST);
  const summary = await mi.getSceneSummary(A);
  t.check(summary.locale === "en" && summary.scenes?.length === index.scenes.length && typeof summary.summary === "string" && same(summary, (await raw("GET", `${assetPath(A)}/scene-summary`)).result),
    "getSceneSummary: every scene, in the requested locale, as sent", show(summary));
  const finalStatus = await mi.getSceneSummaryStatus(A);
  t.check(finalStatus.status === "SUMMARIZE_COMPLETED" && same(finalStatus, (await raw("GET", `${assetPath(A)}/scene-summary/status`)).result), "getSceneSummaryStatus: SUMMARIZE_COMPLETED, as sent", show(finalStatus));

  // A partial re-run, cancelled while it waits.
  await setTick(60000);
  await mi.requestSceneSummary({ ...A, sceneNumbers: [1] });
  await setTick(TICK_MS);
  await apiError("requestSceneSummary while one runs", () => mi.requestSceneSummary(A), { code: "CONFLICT", status: 409 });
  await apiError("deleteIndex while a summary runs", () => mi.deleteIndex(A), { code: "CONFLICT", status: 409 });
  const cancelled = await mi.cancelSceneSummary(A);
  t.check(cancelled === undefined, "cancelSceneSummary resolves undefined (no result)", show(cancelled));
  t.check((await mi.getSceneSummaryStatus(A)).status === "SUMMARIZE_CANCELED", "getSceneSummaryStatus: SUMMARIZE_CANCELED after cancelSceneSummary");
  await apiError("cancelSceneSummary when none runs", () => mi.cancelSceneSummary(A), { code: "CONFLICT", status: 409 });
  await apiError("getSceneSummary after a cancelled partial run", () => mi.getSceneSummary(A), { code: "CONFLICT", status: 409 });

  // #20 deleteIndex
  const deletedIndex = await mi.deleteIndex(A);
  t.check(deletedIndex?.assetId === A.assetId, "deleteIndex resolves the API's result as sent", show(deletedIndex));
  t.check((await mi.getIndexStatus(A)).status === "BEFORE_ANALYZE" && (await mi.getSceneSummaryStatus(A)).status === "BEFORE_SUMMARIZE", "after deleteIndex the statuses are back to BEFORE_*");
  await apiError("getIndex after deleteIndex", () => mi.getIndex(A), { code: "CONFLICT", status: 409 });
  await apiError("deleteIndex with no index", () => mi.deleteIndex(A), { code: "NOT_FOUND", status: 404 });
}

// A long-running analysis: every state conflict, then #17 cancelIndex.
{
  const L = await importReady(P1, "clips/interview.webm");
  await setTick(60000);
  const requested = await mi.requestIndex(L);
  await setTick(TICK_MS);
  t.check(requested?.status === "WAIT_ANALYZE", "requestIndex of a slow analysis: WAIT_ANALYZE", show(requested));
  await apiError("requestIndex while one runs", () => mi.requestIndex(L), { code: "CONFLICT", status: 409 });
  await apiError("getIndex while the analysis runs", () => mi.getIndex(L), { code: "CONFLICT", status: 409 });
  await apiError("deleteIndex while the analysis runs", () => mi.deleteIndex(L), { code: "CONFLICT", status: 409 });
  await apiError("deleteAsset while its analysis runs", () => mi.deleteAsset(L), { code: "CONFLICT", status: 409 });
  await apiError("deleteProject while an analysis runs in it", () => mi.deleteProject(P1), { code: "CONFLICT", status: 409 });
  await apiError("deleteWorkspace while an analysis runs in it", () => mi.deleteWorkspace(W), { code: "CONFLICT", status: 409 });
  await apiError("requestSceneSummary while the analysis runs", () => mi.requestSceneSummary(L), { code: "CONFLICT", status: 409 });
  await apiError("cancelSceneSummary when none runs", () => mi.cancelSceneSummary(L), { code: "CONFLICT", status: 409 });
  const cancelled = await mi.cancelIndex(L);
  t.check(cancelled?.status === "ANALYZE_CANCEL", "cancelIndex resolves the API's result as sent", show(cancelled));
  const status = await mi.getIndexStatus(L);
  t.check(status.status === "ANALYZE_CANCEL" && typeof status.analyzeStatusMessage === "string", "getIndexStatus: ANALYZE_CANCEL with its message", show(status));
  await apiError("cancelIndex when none runs", () => mi.cancelIndex(L), { code: "CONFLICT", status: 409 });
  await apiError("cancelIndex of an unknown asset", () => mi.cancelIndex({ ...P1, assetId: 999999 }), { code: "NOT_FOUND", status: 404 });

  // #14 deleteAsset
  const deleted = await mi.deleteAsset(L);
  t.check(deleted === undefined, "deleteAsset resolves undefined", show(deleted));
  await apiError("getAsset after deleteAsset", () => mi.getAsset(L), { code: "NOT_FOUND", status: 404 });
  await apiError("deleteAsset again", () => mi.deleteAsset(L), { code: "NOT_FOUND", status: 404 });
}

// ================================================================= validation before any request

const VP = { workspaceName: W, projectId: P1.projectId };
const VA = { ...A };
const ASSET_OPS = ["getAsset", "deleteAsset", "getAssetImportStatus", "requestIndex", "cancelIndex", "getIndexStatus", "getIndex", "deleteIndex",
  "requestSceneSummary", "getSceneSummaryStatus", "getSceneSummary", "cancelSceneSummary"];
const PROJECT_OPS = ["getProject", "deleteProject"];
const WAITERS = ["waitForAssetImport", "waitForIndex", "waitForSceneSummary"];

// Project names: 1 to 100 characters, no ; | or backtick.
for (const [label, name] of [["empty", ""], ["101 characters", "n".repeat(101)], ["101 astral characters", "🎬".repeat(101)], ["a semicolon", "a;b"], ["a pipe", "a|b"], ["a backtick", "a`b"], ["not a string", 42]]) {
  await refused(`createProject name ${label}`, () => mi.createProject({ workspaceName: W, name }), "name");
  await refused(`updateProject name ${label}`, () => mi.updateProject({ ...VP, name }), "name");
}
await refused("createProject without a name", () => mi.createProject({ workspaceName: W }), "name");
await refused("createProject with a bad workspaceName", () => mi.createProject({ workspaceName: "Bad Name", name: "ok" }), "workspaceName");
await refused("listProjects without a workspaceName", () => mi.listProjects({}), "workspaceName");
for (const [label, name] of [["1 character", "x"], ["100 characters", "n".repeat(100)], ["100 non-ASCII characters", "é".repeat(100)], ["100 astral characters", "🎬".repeat(100)]]) {
  await accepted(`createProject name of ${label}`, () => mi.createProject({ workspaceName: W, name }));
}

// Ids: positive integers or their decimal text.
const BAD_IDS = [["0", 0], ["-1", -1], ["1.5", 1.5], ['"1e3"', "1e3"], ['"abc"', "abc"], ['"0"', "0"], ['"-1"', "-1"], ['""', ""], ["NaN", NaN], ["Infinity", Infinity], ["true", true], ["null", null]];
for (const [label, id] of BAD_IDS) {
  for (const op of [...PROJECT_OPS, "listAssets"]) await refused(`${op} projectId ${label}`, () => mi[op]({ ...VP, projectId: id }), "projectId");
  await refused(`updateProject projectId ${label}`, () => mi.updateProject({ ...VP, projectId: id, name: "x" }), "projectId");
  await refused(`importAsset projectId ${label}`, () => mi.importAsset({ ...VP, projectId: id, bucketName: "mi-demo", key: "a.mp4" }), "projectId");
  for (const op of ASSET_OPS) {
    await refused(`${op} assetId ${label}`, () => mi[op]({ ...VA, assetId: id }), "assetId");
    await refused(`${op} projectId ${label}`, () => mi[op]({ ...VA, projectId: id }), "projectId");
  }
  await refused(`moveAsset assetId ${label}`, () => mi.moveAsset({ ...VA, assetId: id, newProjectId: other.projectId }), "assetId");
  await refused(`moveAsset newProjectId ${label}`, () => mi.moveAsset({ ...VA, newProjectId: id }), "newProjectId");
  for (const op of WAITERS) await refused(`${op} assetId ${label}`, () => mi[op]({ ...VA, assetId: id }, FAST), "assetId");
  await refused(`assets() projectId ${label}`, () => mi.assets({ ...VP, projectId: id }), "projectId");
}
for (const op of ASSET_OPS) await refused(`${op} without an assetId`, () => mi[op]({ ...VP }), "assetId");
await refused("moveAsset without a newProjectId", () => mi.moveAsset({ ...VA }), "newProjectId");
await accepted("getProject projectId as decimal text", () => mi.getProject({ ...VP, projectId: String(P1.projectId) }));
await accepted("getAsset ids as decimal text", () => mi.getAsset({ workspaceName: W, projectId: String(A.projectId), assetId: String(A.assetId) }));
await accepted("getProject projectId 2^53-1", () => mi.getProject({ ...VP, projectId: Number.MAX_SAFE_INTEGER }));

// Paging: pageNum >= 1, pageSize 1 to 1000.
for (const [label, paging, field] of [["pageNum 0", { pageNum: 0 }, "pageNum"], ["pageNum -1", { pageNum: -1 }, "pageNum"], ["pageNum 1.5", { pageNum: 1.5 }, "pageNum"],
  ["pageSize 0", { pageSize: 0 }, "pageSize"], ["pageSize 1001", { pageSize: 1001 }, "pageSize"],
  ["pageSize 2.5", { pageSize: 2.5 }, "pageSize"], ["pageSize -5", { pageSize: -5 }, "pageSize"]]) {
  await refused(`listAssets ${label}`, () => mi.listAssets({ ...VP, ...paging }), field);
  await refused(`assets() ${label}`, () => mi.assets({ ...VP, ...paging }), field);
}
for (const [label, paging] of [["pageNum 1", { pageNum: 1 }], ["pageSize 1", { pageSize: 1 }], ["pageSize 1000", { pageSize: 1000 }], ["pageNum 7", { pageNum: 7 }]]) {
  await accepted(`listAssets ${label}`, () => mi.listAssets({ ...VP, ...paging }));
}

// confidenceLevel: LOW, MEDIUM or HIGH.
for (const level of ["low", "Medium", "EXTREME", "", 1]) await refused(`getIndex confidenceLevel ${JSON.stringify(level)}`, () => mi.getIndex({ ...VA, confidenceLevel: level }), "confidenceLevel");
for (const level of ["LOW", "MEDIUM", "HIGH"]) await accepted(`getIndex confidenceLevel ${level}`, () => mi.getIndex({ ...VA, confidenceLevel: level }));

// sceneRange exclusive with min/maxSceneDurationSec, and those two only together.
const SCENE_FIELDS = ["sceneRange", "minSceneDurationSec", "maxSceneDurationSec"];
for (const [label, options, field] of [
  ["sceneRange with both durations", { sceneRange: "SHORT", minSceneDurationSec: 10, maxSceneDurationSec: 20 }, SCENE_FIELDS],
  ["sceneRange with minSceneDurationSec", { sceneRange: "SHORT", minSceneDurationSec: 10 }, SCENE_FIELDS],
  ["sceneRange with maxSceneDurationSec", { sceneRange: "LONG", maxSceneDurationSec: 200 }, SCENE_FIELDS],
  ["minSceneDurationSec alone", { minSceneDurationSec: 10 }, ["minSceneDurationSec", "maxSceneDurationSec"]],
  ["maxSceneDurationSec alone", { maxSceneDurationSec: 20 }, ["minSceneDurationSec", "maxSceneDurationSec"]],
  ["min over max", { minSceneDurationSec: 30, maxSceneDurationSec: 20 }, ["minSceneDurationSec", "maxSceneDurationSec"]],
  ["unknown sceneRange", { sceneRange: "HUGE" }, "sceneRange"],
  ["lower-case sceneRange", { sceneRange: "short" }, "sceneRange"],
]) {
  await refused(`requestIndex ${label}`, () => mi.requestIndex({ ...VA, ...options }), field);
}
await accepted("requestIndex sceneRange alone", () => mi.requestIndex({ ...VA, sceneRange: "EXTRA_SHORT" }));
await mi.waitForIndex(VA, FAST);
await accepted("requestIndex min and max together", () => mi.requestIndex({ ...VA, minSceneDurationSec: 10, maxSceneDurationSec: 30 }));
await mi.waitForIndex(VA, FAST);

// key: non-empty, not a folder, one of the documented extensions in any case.
for (const [label, key] of [["empty", ""], ["a folder", "videos/"], ["a folder with an extension-like name", "clip.mp4/"], ["no extension", "video"],
  ["an unsupported extension", "notes.txt"], ["gif", "anim.gif"], ["avi", "old.avi"], ["a trailing dot", "video."], ["an extension only in the folder", "x.mp4/clip"], ["not a string", 42]]) {
  await refused(`importAsset key ${label}`, () => mi.importAsset({ ...VP, bucketName: "mi-demo", key }), "key");
}
await refused("importAsset without a key", () => mi.importAsset({ ...VP, bucketName: "mi-demo" }), "key");
await refused("importAsset without a bucketName", () => mi.importAsset({ ...VP, key: "a.mp4" }), "bucketName");
{
  const keyProject = await newProject(W, "keys");
  for (const ext of ["mp4", "mkv", "mov", "webm", "jpg", "jpeg", "png", "heic"]) {
    for (const variant of [ext, ext.toUpperCase(), ext[0].toUpperCase() + ext.slice(1)]) {
      await accepted(`importAsset key extension .${variant}`, () => mi.importAsset({ ...keyProject, bucketName: "mi-demo", key: `folder/file.${variant}` }));
      await sleep(TICK_MS * 3); // stay under the 10 imports in progress
    }
  }
}

// Bad wait options (on an asset whose three jobs are finished, so a wait that wrongly starts ends at once).
await mi.requestSceneSummary(VA);
await mi.waitForSceneSummary(VA, FAST);
for (const [label, options, field] of [
  ["intervalMs -1", { intervalMs: -1 }, "intervalMs"], ["intervalMs 0", { intervalMs: 0 }, "intervalMs"], ["intervalMs 1.5", { intervalMs: 1.5 }, "intervalMs"],
  ["intervalMs NaN", { intervalMs: NaN }, "intervalMs"], ["intervalMs a word", { intervalMs: "soon" }, "intervalMs"],
  ["maxIntervalMs -1", { maxIntervalMs: -1 }, "maxIntervalMs"], ["timeoutMs -5", { timeoutMs: -5 }, "timeoutMs"], ["timeoutMs 0", { timeoutMs: 0 }, "timeoutMs"],
  ["timeoutMs Infinity", { timeoutMs: Infinity }, "timeoutMs"], ["an unknown option", { intervalMS: 10 }, ["waitOptions", "intervalMS"]], ["signal not a signal", { signal: {} }, "signal"], ["onProgress not a function", { onProgress: "log" }, "onProgress"],
  ["retries.maxAttempts 0", { retries: { maxAttempts: 0 } }, ["retries.maxAttempts", "maxAttempts", "retries"]],
  ["retries not an object", { retries: 3 }, "retries"], ["options a number", 5, ["options", "waitOptions"]], ["options a string", "fast", ["options", "waitOptions"]],
]) {
  for (const op of WAITERS) await refused(`${op} ${label}`, () => mi[op](VA, options), field);
}
for (const op of WAITERS) await refused(`${op} params not an object`, () => mi[op](42, FAST), ["workspaceName", "params", "options"]);

// ======================================================================== the assets() iterator

{
  const IP = await newProject(W, "paged");
  const ids = [];
  for (let i = 0; i < 7; i++) ids.push((await mi.importAsset({ ...IP, bucketName: "mi-demo", key: `paged/${i}.mp4` })).assetId);
  const listCalls = async () => (await requests()).filter((r) => r.method === "GET" && r.url.startsWith(`${projectPath(IP)}/assets?`));
  const start = (await listCalls()).length;
  const it = mi.assets({ ...IP, pageSize: 3 });
  t.check(typeof it?.[Symbol.asyncIterator] === "function" && typeof it.next === "function" && (await listCalls()).length === start, "assets() returns an async iterator and fetches nothing yet");
  const seen = [];
  const callsAfter = [];
  for await (const a of it) {
    seen.push(a.assetId);
    callsAfter.push((await listCalls()).length - start);
  }
  const calls = (await listCalls()).slice(start);
  t.check(same(seen, ids), "assets() yields every asset in order", `${show(seen)} vs ${show(ids)}`);
  t.check(same(callsAfter, [1, 1, 1, 2, 2, 2, 3]), "assets() fetches each page only when the loop reaches it", show(callsAfter));
  t.check(calls.length === 3 && calls.map((c) => new URLSearchParams(c.url.split("?")[1]).get("pageNum")).join() === "1,2,3"
    && calls.every((c) => new URLSearchParams(c.url.split("?")[1]).get("pageSize") === "3"), "assets() asked for pages 1, 2, 3 of 3 and no more", show(calls.map((c) => c.url)));

  const beforeBreak = (await listCalls()).length;
  const firstTwo = [];
  for await (const a of mi.assets({ ...IP, pageSize: 3 })) {
    firstTwo.push(a.assetId);
    if (firstTwo.length === 2) break;
  }
  await sleep(50);
  t.check(same(firstTwo, ids.slice(0, 2)) && (await listCalls()).length - beforeBreak === 1, "a break stops assets() after one page", `${(await listCalls()).length - beforeBreak} pages`);

  const beforeStart = (await listCalls()).length;
  const fromTwo = [];
  for await (const a of mi.assets({ ...IP, pageNum: 2, pageSize: 3 })) fromTwo.push(a.assetId);
  const fromCalls = (await listCalls()).slice(beforeStart).map((c) => new URLSearchParams(c.url.split("?")[1]).get("pageNum"));
  t.check(same(fromTwo, ids.slice(3)) && fromCalls.join() === "2,3", "assets({ pageNum: 2 }) starts at page 2", `${show(fromTwo)}; pages ${fromCalls}`);

  const manual = mi.assets({ ...IP, pageSize: 5 });
  const n1 = await manual.next();
  const ret = await manual.return?.();
  const n2 = await manual.next();
  t.check(n1.done === false && n1.value.assetId === ids[0] && ret?.done === true && n2.done === true, "return() ends the iterator", `${show(n1)} ${show(ret)} ${show(n2)}`);

  const empty = [];
  for await (const a of mi.assets(await newProject(W, "empty"))) empty.push(a);
  t.check(empty.length === 0, "assets() of an empty project yields nothing");

  const missing = mi.assets({ workspaceName: W, projectId: 999999 });
  const { error } = await outcome(() => missing.next());
  t.check(error?.name === "ApiError" && error.code === "NOT_FOUND", "assets() of an unknown project rejects the first next() with NOT_FOUND", describe(error));

  const all = [];
  for await (const a of mi.assets(IP)) all.push(a.assetId);
  t.check(same(all, ids), "assets() with the default page size yields all of them");

  const beforeExact = (await listCalls()).length;
  const exact = [];
  for await (const a of mi.assets({ ...IP, pageSize: 7 })) exact.push(a.assetId);
  t.check(exact.length === 7 && (await listCalls()).length - beforeExact === 1, "a full last page ends assets() without asking for another", `${(await listCalls()).length - beforeExact} pages`);

  // An error on page 2 rejects the next() that needs it; the items of page 1 came first.
  await admin(emulator.url, "POST", "faults", { faults: [{ route: "GET /api/v1/workspaces/*/projects/*/assets", fault: "503", times: 1 }] });
  const failing = mi.assets({ ...IP, pageSize: 3 }, { retries: { maxAttempts: 1 } });
  const got = [];
  let failure;
  try {
    for await (const a of failing) got.push(a.assetId);
  } catch (error) {
    failure = error;
  }
  await admin(emulator.url, "DELETE", "faults");
  t.check(got.length === 0 && failure?.name === "ApiError" && failure.code === "SERVER_ERROR", "a page's failure rejects the next() that met it (with the per-call retries)", failure ? describe(failure) : show(got));
  await admin(emulator.url, "POST", "faults", { faults: [{ route: "GET /api/v1/workspaces/*/projects/*/assets", fault: "503", times: 1 }] });
  const got2 = [];
  let failure2;
  const it2 = mi.assets({ ...IP, pageSize: 3 }, { retries: { maxAttempts: 2, baseDelayMs: 5 } });
  try {
    for await (const a of it2) got2.push(a.assetId);
  } catch (error) {
    failure2 = error;
  }
  await admin(emulator.url, "DELETE", "faults");
  t.check(!failure2 && same(got2, ids), "each page goes through the retries", failure2 ? describe(failure2) : show(got2));

  // The per-call signal aborts a page.
  const controller = new AbortController();
  const aborting = mi.assets({ ...IP, pageSize: 3 }, { signal: controller.signal });
  const firstItem = await aborting.next();
  controller.abort(new Error("enough"));
  const rest = [];
  let aborted;
  try {
    for (let i = 0; i < 6; i++) {
      const step = await aborting.next();
      if (step.done) break;
      rest.push(step.value.assetId);
    }
  } catch (error) {
    aborted = error;
  }
  t.check(firstItem.value?.assetId === ids[0] && aborted?.name === "AbortError" && rest.length <= 2, "aborting the iterator's signal rejects the next page with AbortError", aborted ? describe(aborted) : show(rest));
}

// Request bodies: only the documented fields, as given; operations without a body send none.
{
  const sent = [];
  const capturing = new MediaIntelligence({ ...KEYS, endpoint: emulator.url, retries: RETRIES, fetch: (input, init) => { sent.push({ url: String(input), method: init?.method ?? "GET", body: init?.body ?? null }); return fetch(input, init); } });
  const BP = await newProject(W, "bodies");
  const bodyOf = async (call) => {
    sent.length = 0;
    await outcome(call);
    const last = sent.at(-1);
    return last?.body == null ? null : typeof last.body === "string" ? last.body : new TextDecoder().decode(last.body);
  };
  const created = await bodyOf(() => capturing.createProject({ workspaceName: W, name: "bodies-2" }));
  t.check(same(JSON.parse(created ?? "null"), { name: "bodies-2" }), "createProject sends {name}", created);
  const renamed = await bodyOf(() => capturing.updateProject({ ...BP, name: "bodies-3" }));
  t.check(same(JSON.parse(renamed ?? "null"), { name: "bodies-3" }), "updateProject sends {name}", renamed);
  const importBody = await bodyOf(() => capturing.importAsset({ ...BP, bucketName: "mi-demo", key: "Trailer.MOV" }));
  t.check(same(JSON.parse(importBody ?? "null"), { bucketName: "mi-demo", key: "Trailer.MOV" }), "importAsset sends {bucketName, key} as given", importBody);
  const BA = await importReady(BP, "trailer.mov");
  const indexBody = await bodyOf(() => capturing.requestIndex({ ...BA, minSceneDurationSec: 15, maxSceneDurationSec: 60, analysisPersonCount: 0, sourceLanguage: "KO", detectAudioEffects: false }));
  t.check(same(JSON.parse(indexBody ?? "null"), { minSceneDurationSec: 15, maxSceneDurationSec: 60, analysisPersonCount: 0, sourceLanguage: "KO", detectAudioEffects: false }),
    "requestIndex sends the analysis options given, and nothing else", indexBody);
  await mi.waitForIndex(BA, FAST);
  const summaryBody = await bodyOf(() => capturing.requestSceneSummary({ ...BA, locale: "ja" }));
  t.check(same(JSON.parse(summaryBody ?? "null"), { locale: "ja" }), "requestSceneSummary sends {locale}", summaryBody);
  await mi.waitForSceneSummary(BA, FAST);
  sent.length = 0;
  await outcome(() => capturing.getIndex(BA));
  t.check(sent.length === 1 && !sent[0].url.includes("?"), "getIndex without confidenceLevel sends no query (the API's default)", sent.at(-1)?.url);
  for (const op of ["getAsset", "getIndexStatus", "cancelIndex", "getSceneSummary", "deleteIndex"]) {
    const body = await bodyOf(() => capturing[op](BA));
    t.check(body === null || body === "", `${op} sends no body`, body);
  }
}

// =============================================================================== the waiters

const WP = await newProject(W, "waiters");

// Success, with onProgress on each change (the first included).
{
  const { assetId } = await mi.importAsset({ ...WP, bucketName: "mi-demo", key: "trailer.mov" });
  const AW = { ...WP, assetId };
  const progress = [];
  const final = await mi.waitForAssetImport(AW, { ...FAST, onProgress: (s) => progress.push(s) });
  t.check(final.uploadStatus === "COMPLETED" && progress.length >= 1 && progress.at(-1).uploadStatus === "COMPLETED" && progress.every((s) => IMPORT_STATES.includes(s.uploadStatus)),
    "waitForAssetImport resolves COMPLETED; onProgress saw it", show(progress));
  t.check(progress[0].uploadStatus === "IN_PROGRESS" && progress.every((s, i) => i === 0 || !same(s, progress[i - 1])), "onProgress: first status included, then only changes", show(progress));

  await mi.requestIndex(AW);
  const indexProgress = [];
  const polls = [];
  const counting = new MediaIntelligence({ ...KEYS, endpoint: emulator.url, retries: RETRIES, fetch: (input, init) => { if (String(input).includes("/index/status")) polls.push(Date.now()); return fetch(input, init); } });
  const indexFinal = await counting.waitForIndex(AW, { ...FAST, onProgress: (s) => indexProgress.push(s) });
  t.check(indexFinal.status === "ANALYZE_COMPLETED" && same(indexProgress.at(-1), indexFinal), "waitForIndex resolves the final status, the last one onProgress saw", show(indexFinal));
  t.check(indexProgress.length >= 2 && ["WAIT_ANALYZE", "ANALYZING"].includes(indexProgress[0].status) && indexProgress.every((s, i) => i === 0 || !same(s, indexProgress[i - 1])),
    "waitForIndex onProgress: the first status, then each change (progress moves too)", indexProgress.map((s) => `${s.status}:${s.progress}`).join(" "));

  await mi.requestSceneSummary(AW);
  const summaryProgress = [];
  const summaryFinal = await mi.waitForSceneSummary(AW, { ...FAST, onProgress: (s) => summaryProgress.push(s.status) });
  t.check(summaryFinal.status === "SUMMARIZE_COMPLETED" && summaryProgress.at(-1) === "SUMMARIZE_COMPLETED" && ["WAIT_SUMMARIZE", "SUMMARIZING"].includes(summaryProgress[0]),
    "waitForSceneSummary resolves SUMMARIZE_COMPLETED; onProgress from the first status", summaryProgress.join(" "));

  // Already final: one poll, one report.
  const once = [];
  const already = await mi.waitForIndex(AW, { ...FAST, onProgress: (s) => once.push(s) });
  t.check(already.status === "ANALYZE_COMPLETED" && once.length === 1, "waitForIndex of a finished analysis resolves at once, reporting it once", show(once));

  // A throwing onProgress does not break the wait (or, if it does, rejects rather than hangs).
  await mi.requestIndex(AW);
  const thrower = await outcome(() => mi.waitForIndex(AW, { ...FAST, onProgress: () => { throw new Error("observer failed"); } }));
  t.check(thrower.value?.status === "ANALYZE_COMPLETED" || thrower.error instanceof Error, "a throwing onProgress neither hangs nor traps", thrower.error ? describe(thrower.error) : show(thrower.value));
  await mi.waitForIndex(AW, FAST);

  // Interval growth: the gap between polls grows from intervalMs to maxIntervalMs, never beyond.
  await setTick(60000);
  await mi.requestIndex(AW);
  await setTick(TICK_MS);
  polls.length = 0;
  const unchanged = [];
  await outcome(() => counting.waitForIndex(AW, { intervalMs: 10, maxIntervalMs: 10, timeoutMs: 150, onProgress: (s) => unchanged.push(s) }));
  t.check(polls.length >= 5 && unchanged.length === 1, "a status that does not change is reported once, however many polls see it", `${polls.length} polls, ${unchanged.length} reports`);
  polls.length = 0;
  await outcome(() => counting.waitForIndex(AW, { intervalMs: 40, maxIntervalMs: 90, timeoutMs: 700 }));
  const gaps = polls.slice(1).map((p, i) => p - polls[i]).slice(0, -1); // the last wait is cut short by timeoutMs
  t.check(gaps.length >= 4 && gaps[0] >= 38 && gaps[0] < 120 && gaps[1] >= 58 && gaps[1] < 150 && gaps.slice(2).every((g) => g >= 88 && g < 250),
    "polls start intervalMs apart, grow by half, and stay at maxIntervalMs", show(gaps));
  await mi.cancelIndex(AW);
}

/** Expects a waiter to reject with a terminal ApiError. */
const reports = [];
const REPORTING = { ...FAST, onProgress: (s) => reports.push(s) };
async function terminal(what, call, { code, apiCode, check }) {
  reports.length = 0;
  const { value, error } = await outcome(call);
  t.check(error?.name === "ApiError" && error.code === code && (apiCode === undefined || error.apiCode === apiCode) && !!error.jobStatus && check(error.jobStatus),
    `${what}: ApiError ${code}${apiCode ? ` apiCode ${apiCode}` : ""} with jobStatus`, error ? `${describe(error)} jobStatus ${show(error.jobStatus)}` : describe(value));
  t.check(reports.length >= 1 && same(reports.at(-1), error?.jobStatus), `${what}: onProgress saw the failed status too`, show(reports));
  return error;
}

// Terminal failures.
{
  const imp = async (key) => ({ ...WP, assetId: (await mi.importAsset({ ...WP, bucketName: "mi-demo", key })).assetId });
  await terminal("waitForAssetImport of a missing object", async () => mi.waitForAssetImport(await imp("missing/none.mp4"), REPORTING),
    { code: "IMPORT_FAILED", apiCode: "FILE_NOT_EXIST", check: (s) => s.uploadStatus === "FILE_NOT_EXIST" && /does not exist/.test(s.uploadResult) });
  {
    const ws2 = { workspaceName: W, projectId: WP.projectId };
    const e = await terminal("waitForAssetImport from an unknown bucket", async () => mi.waitForAssetImport({ ...ws2, assetId: (await mi.importAsset({ ...ws2, bucketName: "no-bucket", key: "a.mp4" })).assetId }, REPORTING),
      { code: "IMPORT_FAILED", apiCode: "FILE_NOT_EXIST", check: (s) => s.uploadStatus === "FILE_NOT_EXIST" });
    t.check(e?.message?.includes("does not exist"), "the IMPORT_FAILED message quotes uploadResult", e?.message);
  }
  await terminal("waitForAssetImport of broken.mp4", async () => mi.waitForAssetImport(await imp("broken.mp4"), REPORTING),
    { code: "IMPORT_FAILED", apiCode: "INVALID_METADATA", check: (s) => s.uploadStatus === "INVALID_METADATA" && /resolution/.test(s.uploadResult) });
  await admin(emulator.url, "POST", "failures", { failures: [{ stage: "import", reason: "Storage went away" }] });
  await terminal("waitForAssetImport of a failing import", async () => mi.waitForAssetImport(await imp("trailer.mov"), REPORTING),
    { code: "IMPORT_FAILED", apiCode: "FAILED", check: (s) => s.uploadStatus === "FAILED" && s.uploadResult === "Storage went away" });

  const failing = await importReady(WP, "fail-analysis.mp4");
  await mi.requestIndex(failing);
  const failed = await terminal("waitForIndex of fail-analysis.mp4", () => mi.waitForIndex(failing, REPORTING),
    { code: "ANALYSIS_FAILED", check: (s) => s.status === "ANALYZE_FAIL" && s.analyzeStatusMessage === "Media parsing failed" });
  t.check(failed?.message?.includes("Media parsing failed"), "the ANALYSIS_FAILED message quotes analyzeStatusMessage", failed?.message);

  const toCancel = await importReady(WP, "trailer.mov");
  await setTick(60000);
  await mi.requestIndex(toCancel);
  await setTick(TICK_MS);
  const waiting = outcome(() => mi.waitForIndex(toCancel, { intervalMs: 20, timeoutMs: 20000 }));
  await sleep(60);
  await mi.cancelIndex(toCancel);
  const { value, error } = await waiting;
  t.check(error?.name === "ApiError" && error.code === "ANALYSIS_CANCELED" && error.jobStatus?.status === "ANALYZE_CANCEL",
    "waitForIndex rejects ANALYSIS_CANCELED after cancelIndex, with jobStatus", error ? `${describe(error)} ${show(error.jobStatus)}` : describe(value));

  const summaryFails = await indexed(WP, "fail-summary.mp4");
  await mi.requestSceneSummary(summaryFails);
  await terminal("waitForSceneSummary of fail-summary.mp4", () => mi.waitForSceneSummary(summaryFails, REPORTING),
    { code: "SUMMARY_FAILED", check: (s) => s.status === "SUMMARIZE_FAIL" && s.summarizeStatusMessage === "Scene summarization failed" });

  const summaryCancel = await indexed(WP, "trailer.mov");
  await setTick(60000);
  await mi.requestSceneSummary(summaryCancel);
  await setTick(TICK_MS);
  const summaryWait = outcome(() => mi.waitForSceneSummary(summaryCancel, { intervalMs: 20, timeoutMs: 20000 }));
  await sleep(60);
  await mi.cancelSceneSummary(summaryCancel);
  const canceled = await summaryWait;
  t.check(canceled.error?.code === "SUMMARY_CANCELED" && canceled.error.jobStatus?.status === "SUMMARIZE_CANCELED",
    "waitForSceneSummary rejects SUMMARY_CANCELED after cancelSceneSummary, with jobStatus", canceled.error ? describe(canceled.error) : describe(canceled.value));

  await apiError("waitForIndex of an unknown asset", () => mi.waitForIndex({ ...WP, assetId: 999999 }, FAST), { code: "NOT_FOUND", status: 404 });
}

// Time-out and abort, on a slow import, a slow analysis and a slow summary.
{
  const slowSummary = await indexed(WP, "trailer.mov");
  const slow = await importReady(WP, "trailer.mov");
  await setTick(60000);
  const slowImport = { ...WP, assetId: (await mi.importAsset({ ...WP, bucketName: "mi-demo", key: "trailer.mov" })).assetId };
  await mi.requestIndex(slow);
  await mi.requestSceneSummary(slowSummary);
  await setTick(TICK_MS);
  const SLOW = { waitForAssetImport: slowImport, waitForIndex: slow, waitForSceneSummary: slowSummary };
  const RUNNING = { waitForAssetImport: (s) => s?.uploadStatus === "IN_PROGRESS", waitForIndex: (s) => ["WAIT_ANALYZE", "ANALYZING"].includes(s?.status),
    waitForSceneSummary: (s) => ["WAIT_SUMMARIZE", "SUMMARIZING"].includes(s?.status) };

  for (const op of WAITERS) {
    const began = Date.now();
    const r = await outcome(() => mi[op](SLOW[op], { intervalMs: 20, timeoutMs: 200 }));
    const took = Date.now() - began;
    t.check(r.error?.name === "TimeoutError" && r.error.code === "TIMEOUT" && took >= 190 && took < 600, `${op} timeoutMs 200 -> TimeoutError after about 200 ms`,
      `${r.error ? describe(r.error) : describe(r.value)} after ${took} ms`);
    t.check(RUNNING[op](r.error?.jobStatus), `${op}: the TimeoutError carries the last status as jobStatus`, show(r.error?.jobStatus));
  }

  const began = Date.now();
  const r = await outcome(() => mi.waitForIndex(slow, { intervalMs: 10000, timeoutMs: 150 }));
  const took = Date.now() - began;
  t.check(r.error?.name === "TimeoutError" && took < 500, "a timeoutMs shorter than the interval still ends the wait on time", `${r.error ? describe(r.error) : describe(r.value)} after ${took} ms`);

  // The overall limit also bounds a poll's own retries: a Retry-After backoff and a hanging attempt.
  // (Fails with the pkg/ of 2026-11-30: the poll runs its retries to the end first. With `timeoutMs: 300`
  // a status route answering 503 + Retry-After: 2 rejects after ~2 s with ApiError SERVER_ERROR, and one
  // that hangs rejects after 2 x 3 s with the attempt's TimeoutError; the spec and WaitOptions.timeoutMs
  // say "how long to wait in all ... then a TimeoutError".)
  const bounded = new MediaIntelligence({ ...KEYS, endpoint: emulator.url, timeoutMs: 3000, retries: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 5000 } });
  for (const [what, fault] of [["a poll backing off for Retry-After: 2", { fault: "503", retryAfter: "2" }], ["a hanging poll", { fault: "hang" }]]) {
    for (const op of WAITERS) {
      const route = STATUS_ROUTE[{ waitForAssetImport: "import", waitForIndex: "index", waitForSceneSummary: "summary" }[op]];
      await admin(emulator.url, "POST", "faults", { faults: [{ route, times: 4, ...fault }] });
      const began = Date.now();
      const r = await outcome(() => bounded[op](SLOW[op], { intervalMs: 10, timeoutMs: 300 }));
      const took = Date.now() - began;
      await admin(emulator.url, "DELETE", "faults");
      t.check(r.error?.name === "TimeoutError" && r.error.code === "TIMEOUT" && took < 800, `${op} timeoutMs 300 ends the wait on time during ${what}`,
        `${r.error ? describe(r.error) : describe(r.value)} after ${took} ms`);
    }
  }

  for (const op of WAITERS) {
    const controller = new AbortController();
    const reason = new Error(`stop ${op}`);
    const pending = outcome(() => mi[op](SLOW[op], { intervalMs: 10000, timeoutMs: 60000, signal: controller.signal }));
    await sleep(80);
    const abortedAt = Date.now();
    controller.abort(reason);
    const result = await pending;
    const after = Date.now() - abortedAt;
    t.check(result.error?.name === "AbortError" && result.error.code === "ABORTED" && after < 150, `${op}: an abort between polls rejects with AbortError at once`,
      `${result.error ? describe(result.error) : describe(result.value)} ${after} ms after abort`);
    t.check(result.error?.reason === reason || result.error?.cause === reason, `${op}: the AbortError carries the signal's reason`, show(result.error?.reason));
  }

  // Aborted while a poll backs off for Retry-After.
  {
    await admin(emulator.url, "POST", "faults", { faults: [{ route: STATUS_ROUTE.import, fault: "503", retryAfter: "3", times: 3 }] });
    const controller = new AbortController();
    const pending = outcome(() => mi.waitForAssetImport(slowImport, { intervalMs: 10, timeoutMs: 60000, signal: controller.signal, retries: { maxAttempts: 3, maxDelayMs: 5000 } }));
    await sleep(150);
    const abortedAt = Date.now();
    controller.abort();
    const r = await pending;
    const after = Date.now() - abortedAt;
    await admin(emulator.url, "DELETE", "faults");
    t.check(r.error?.name === "AbortError" && after < 150, "an abort while a poll backs off for Retry-After rejects with AbortError at once", `${r.error ? describe(r.error) : describe(r.value)} ${after} ms after abort`);
  }

  // Aborted while a poll hangs in flight.
  const hangFrom = await logged();
  await admin(emulator.url, "POST", "faults", { faults: [{ route: STATUS_ROUTE.index, fault: "hang" }] });
  const controller = new AbortController();
  const pending = outcome(() => mi.waitForIndex(slow, { intervalMs: 10, timeoutMs: 60000, signal: controller.signal, retries: { maxAttempts: 1 } }));
  await sleep(150);
  const abortedAt = Date.now();
  controller.abort();
  const inFlight = await pending;
  const after = Date.now() - abortedAt;
  t.check(inFlight.error?.name === "AbortError" && after < 150, "an abort during a hanging poll rejects with AbortError at once", `${inFlight.error ? describe(inFlight.error) : describe(inFlight.value)} ${after} ms after abort`);
  const hung = (await requests()).slice(hangFrom).filter((q) => q.fault === "hang");
  t.check(hung.length === 1, "the hanging poll was the one in flight", show(hung.map((q) => q.url)));
  await admin(emulator.url, "DELETE", "faults");

  const before = await logged();
  const pre = new AbortController();
  pre.abort(new Error("already"));
  const preBegan = Date.now();
  const early = await outcome(() => mi.waitForIndex(slow, { ...FAST, signal: pre.signal }));
  t.check(early.error?.name === "AbortError" && Date.now() - preBegan < 150 && (await logged()) === before, "an already aborted signal rejects with AbortError and sends nothing",
    early.error ? describe(early.error) : describe(early.value));
  await mi.cancelIndex(slow);
  await mi.cancelSceneSummary(slowSummary);
}

// Each poll goes through the retries.
{
  const asset = (await mi.importAsset({ ...WP, bucketName: "mi-demo", key: "trailer.mov" })).assetId;
  const AR = { ...WP, assetId: asset };
  const from = await logged();
  await admin(emulator.url, "POST", "faults", { faults: [{ route: STATUS_ROUTE.import, fault: "503", times: 2 }] });
  const r1 = await outcome(() => mi.waitForAssetImport(AR, { ...FAST, retries: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 } }));
  const faulted = (await requests()).slice(from).filter((q) => q.fault === "503" && q.url.endsWith("/import-status"));
  t.check(r1.value?.uploadStatus === "COMPLETED" && faulted.length === 2, "waitForAssetImport succeeds through two 503s on its status route", `${r1.error ? describe(r1.error) : show(r1.value)}; ${faulted.length} faulted`);

  await mi.requestIndex(AR);
  await admin(emulator.url, "POST", "faults", { faults: [{ route: STATUS_ROUTE.index, fault: "503" }, { route: STATUS_ROUTE.index, fault: "reset" }] });
  const r2 = await outcome(() => mi.waitForIndex(AR, { ...FAST, retries: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 } }));
  t.check(r2.value?.status === "ANALYZE_COMPLETED" && (await admin(emulator.url, "GET", "faults")).faults.length === 0, "waitForIndex succeeds through a 503 and a reset", r2.error ? describe(r2.error) : show(r2.value));

  await mi.requestSceneSummary(AR);
  await admin(emulator.url, "POST", "faults", { faults: [{ route: STATUS_ROUTE.summary, fault: "503", times: 2 }] });
  const r3 = await outcome(() => mi.waitForSceneSummary(AR, { ...FAST, retries: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 } }));
  t.check(r3.value?.status === "SUMMARIZE_COMPLETED", "waitForSceneSummary succeeds through two 503s", r3.error ? describe(r3.error) : show(r3.value));

  await admin(emulator.url, "POST", "faults", { faults: [{ route: STATUS_ROUTE.index, fault: "503" }] });
  const r4 = await outcome(() => mi.waitForIndex(AR, { ...FAST, retries: { maxAttempts: 1 } }));
  t.check(r4.error?.name === "ApiError" && r4.error.code === "SERVER_ERROR" && r4.error.status === 503, "with retries { maxAttempts: 1 } a poll's 503 fails the wait", r4.error ? describe(r4.error) : show(r4.value));

  await admin(emulator.url, "POST", "faults", { faults: [{ route: STATUS_ROUTE.index, fault: "503" }] });
  const r5 = await outcome(() => mi.waitForIndex(AR, FAST));
  t.check(r5.value?.status === "ANALYZE_COMPLETED", "without retries in the wait options the client's retries apply to each poll", r5.error ? describe(r5.error) : show(r5.value));
  await admin(emulator.url, "DELETE", "faults");
}

// ============================================================== a realistic 2-hour index

{
  const long = await importReady(WP, "sample-video.mp4");
  const details = await mi.getAsset(long);
  t.check(details.metaData?.durationMs === 7200000 && details.metaData?.resolution === "1280x720", "sample-video.mp4 imports as a 2-hour 720p video", show(details.metaData));
  await mi.requestIndex(long);
  await mi.waitForIndex(long, FAST);
  const index = await mi.getIndex(long);
  const rawIndex = (await raw("GET", `${assetPath(long)}/index`)).result;
  const shots = index.scenes?.flatMap((s) => s.shots) ?? [];
  const tiled = index.scenes?.every((s, i) => s.startMs === (i === 0 ? 0 : index.scenes[i - 1].endMs)) && index.scenes?.at(-1)?.endMs === 7200000;
  t.check(index.durationMs === 7200000 && index.scenes?.length === rawIndex.scenes.length && index.scenes.length >= 60 && shots.length >= 1500 && tiled,
    "the 2-hour index comes back with all its scenes and shots, tiling the video", `${index.scenes?.length} scenes, ${shots.length} shots, tiled ${tiled}`);
  t.check(same(index, rawIndex) && index.scripts?.length >= 800 && JSON.stringify(index).length > 200000, "the 2-hour index is the API's answer in full (script, captions, persons)",
    `${index.scripts?.length} script lines, ${JSON.stringify(index).length} bytes`);
  await mi.requestSceneSummary({ ...long, locale: "ja" });
  await mi.waitForSceneSummary(long, FAST);
  const summary = await mi.getSceneSummary(long);
  t.check(summary.locale === "ja" && summary.scenes?.length === index.scenes.length, "its scene summary covers every scene", `${summary.scenes?.length} summaries`);
}

// The instance still works after all of that, and nothing secret leaked.
await mi.deleteProject(WP).catch(() => {});
const last = await mi.listProjects({ workspaceName: W });
t.check(last.projects.length >= 3, "the client still works at the end");
const secrets = secretsNeverLeaked();
t.check(secrets.leaks.length === 0, `no secret in ${secrets.checked} errors and records`, secrets.leaks[0]);
emulator.stop();
t.finish();
