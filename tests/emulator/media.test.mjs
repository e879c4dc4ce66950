// Tests of the emulator's media pipeline (operations #5 to #24): projects, assets and the emulated Object
// Storage, the index, scene summaries, their state machines, and the admin routes that drive them.
// `node --test tests/emulator/`. A real server process with a small tick, raw HTTP, the test's own signer.

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { after, before, beforeEach, describe, test } from "node:test";

import { analysedAssets } from "./media.mjs";
import { startServer } from "./server.mjs";
import { startEmulator, stopAll } from "./spawn.mjs";
import { AK, KST_TIME, admin, assertGatewayError, assertServiceError, call, ok, request, sleep, until } from "./testkit.mjs";

after(stopAll);

const TICK = 5;
const SLOW = 5000; // a tick long enough to see a waiting or running state (moved on with advance())
const WS = "media-ws";
const root = `/api/v1/workspaces/${WS}`;
const setTick = async (s, tickMs) => assert.equal((await admin(s, "POST", "/__emulator/tick", { tickMs })).status, 200);
/** Moves the emulator clock `ms` further ahead (well inside the 5 minute signature window). */
async function advance(s, ms) {
  const { offsetMs } = (await admin(s, "GET", "/__emulator/clock")).json;
  assert.equal((await admin(s, "POST", "/__emulator/clock", { offsetMs: offsetMs + ms })).status, 200);
}

/** Paths and calls of one asset. */
function assetApi(s, projectId, assetId) {
  const path = `${root}/projects/${projectId}/assets/${assetId}`;
  return {
    path,
    get: () => call(s, "GET", path),
    importStatus: async () => ok(await call(s, "GET", `${path}/import-status`)),
    requestIndex: (body = {}) => call(s, "POST", `${path}/index`, { body }),
    cancelIndex: () => call(s, "POST", `${path}/index/cancel`),
    indexStatus: async () => ok(await call(s, "GET", `${path}/index/status`)),
    getIndex: (query = "") => call(s, "GET", `${path}/index${query}`),
    deleteIndex: () => call(s, "DELETE", `${path}/index`),
    requestSummary: (body = {}) => call(s, "POST", `${path}/scene-summary`, { body }),
    summaryStatus: async () => ok(await call(s, "GET", `${path}/scene-summary/status`)),
    getSummary: () => call(s, "GET", `${path}/scene-summary`),
    cancelSummary: () => call(s, "POST", `${path}/scene-summary/cancel`),
  };
}

async function baseProjectId(s, ws = WS) {
  return ok(await call(s, "GET", `/api/v1/workspaces/${ws}/projects`)).projects.find((p) => p.isBaseProject).projectId;
}

async function importAsset(s, projectId, key, bucketName = "mi-demo", ws = WS) {
  const res = await call(s, "POST", `/api/v1/workspaces/${ws}/projects/${projectId}/assets/import/object-storage`, { body: { key, bucketName } });
  const asset = ok(res);
  return { asset, api: assetApi(s, projectId, asset.assetId) };
}

const importDone = (api) => until(api.importStatus, (r) => r.uploadStatus !== "IN_PROGRESS");
const indexDone = (api) => until(api.indexStatus, (r) => !["WAIT_ANALYZE", "ANALYZING"].includes(r.status));
const summaryDone = (api) => until(api.summaryStatus, (r) => !["WAIT_SUMMARIZE", "SUMMARIZING"].includes(r.status));

/** Imports `key` and waits until it is analysed; returns {asset, api, index (MEDIUM)}. */
async function analysed(s, projectId, key, body = {}) {
  const { asset, api } = await importAsset(s, projectId, key);
  assert.equal((await importDone(api)).uploadStatus, "COMPLETED");
  ok(await api.requestIndex(body));
  assert.equal((await indexDone(api)).status, "ANALYZE_COMPLETED");
  return { asset, api, index: ok(await api.getIndex()) };
}

describe("media pipeline", () => {
  let s;
  let base;
  before(async () => {
    s = await startEmulator({ MI_EMULATOR_TICK_MS: String(TICK) });
  });
  beforeEach(async () => {
    assert.equal((await admin(s, "POST", "/__emulator/reset")).status, 204);
    ok(await call(s, "POST", "/api/v1/workspaces", { body: { workspaceName: WS, bucketName: "mi-demo" } }));
    base = await baseProjectId(s);
  });

  // ------------------------------------------------------------------------------------- projects

  test("projects: a base project comes with each workspace; list is not paged, totalCount at the top level", async () => {
    const res = await call(s, "GET", `${root}/projects`);
    assert.equal(res.status, 200);
    assert.deepEqual(Object.keys(res.json), ["code", "message", "result", "totalCount"]);
    assert.equal(res.json.totalCount, 1);
    const [p] = res.json.result.projects;
    assert.deepEqual(Object.keys(p), ["projectId", "name", "isBaseProject", "createdUserName", "createdTime", "updatedUserName", "updatedTime"]);
    assert.equal(p.name, "base");
    assert.equal(p.isBaseProject, true);
    assert.ok(Number.isSafeInteger(p.projectId) && p.projectId > 0);
    assert.match(p.createdTime, KST_TIME);
    const created = ok(await call(s, "POST", `${root}/projects`, { body: { name: "Season 1" } }));
    assert.equal(created.isBaseProject, false);
    assert.equal(created.createdUserName, AK);
    assert.deepEqual(ok(await call(s, "GET", `${root}/projects/${created.projectId}`)), created);
    const again = await call(s, "GET", `${root}/projects?ignored=1`);
    assert.equal(again.json.totalCount, 2);
    assert.deepEqual(again.json.result.projects.map((x) => x.name), ["base", "Season 1"]);
  });

  test("projects: name rules -> 400 10001; duplicate -> 409; 100 characters (any script) allowed", async () => {
    const rule = "name must be 1 to 100 characters, not blank, without ; | or `";
    for (const name of ["", "   ", "a;b", "a|b", "a`b", "x".repeat(101), "한".repeat(101)]) {
      assertServiceError(await call(s, "POST", `${root}/projects`, { body: { name } }), 400, "10001", rule);
    }
    assertServiceError(await call(s, "POST", `${root}/projects`, { body: {} }), 400, "10001", "name is required");
    assertServiceError(await call(s, "POST", `${root}/projects`, { body: { name: 5 } }), 400, "10001", "name must be a string");
    assertServiceError(await call(s, "POST", `${root}/projects`, { body: "{bad" }), 400, "10001", "Request body must be valid JSON");
    assertServiceError(await call(s, "POST", `${root}/projects`, { body: { name: "x" }, contentType: "text/plain" }), 400, "10001",
      "Content-Type must be application/json");
    ok(await call(s, "POST", `${root}/projects`, { body: { name: "x".repeat(100) } }));
    ok(await call(s, "POST", `${root}/projects`, { body: { name: "한".repeat(100) } }));
    ok(await call(s, "POST", `${root}/projects`, { body: { name: "News & Sports (2026) #1!" } }));
    assertServiceError(await call(s, "POST", `${root}/projects`, { body: { name: "base" } }), 409, "409", "Project 'base' already exists");
  });

  test("projects: rename (PATCH) and delete; the base project cannot be renamed or deleted (10027)", async () => {
    const p = ok(await call(s, "POST", `${root}/projects`, { body: { name: "draft" } }));
    ok(await call(s, "POST", `${root}/projects`, { body: { name: "taken" } }));
    const path = `${root}/projects/${p.projectId}`;
    const renamed = ok(await call(s, "PATCH", path, { body: { name: "final" } }));
    assert.deepEqual({ ...renamed, updatedTime: undefined }, { ...p, name: "final", updatedTime: undefined });
    assert.equal(ok(await call(s, "PATCH", path, { body: { name: "final" } })).name, "final", "its own name again");
    assertServiceError(await call(s, "PATCH", path, { body: { name: "taken" } }), 409, "409", "Project 'taken' already exists");
    assertServiceError(await call(s, "PATCH", path, { body: { name: "a|b" } }), 400, "10001");
    assertServiceError(await call(s, "PATCH", `${root}/projects/${base}`, { body: { name: "renamed" } }), 400, "10027",
      "The base project cannot be renamed.");
    assertServiceError(await call(s, "DELETE", `${root}/projects/${base}`), 400, "10027", "The base project cannot be deleted.");
    const deleted = await call(s, "DELETE", path);
    assert.equal(deleted.status, 200);
    assert.deepEqual(deleted.json, { code: "0", message: "success" }, "no result");
    assertServiceError(await call(s, "GET", path), 404, "404", `Project ${p.projectId} not found`);
    assertServiceError(await call(s, "DELETE", path), 404, "404");
    assertServiceError(await call(s, "PATCH", path, { body: { name: "zombie" } }), 404, "404");
  });

  test("projects: path ids and workspaces are checked", async () => {
    for (const id of ["abc", "0", "-1", "1.5", "012"]) {
      assertServiceError(await call(s, "GET", `${root}/projects/${id}`), 400, "10001", "project_id must be a positive integer");
    }
    assertServiceError(await call(s, "GET", `${root}/projects/999999`), 404, "404", "Project 999999 not found");
    assertServiceError(await call(s, "GET", "/api/v1/workspaces/nowhere/projects"), 404, "404", "Workspace 'nowhere' not found");
    assertServiceError(await call(s, "GET", "/api/v1/workspaces/No_Such/projects"), 400, "400");
    assertServiceError(await call(s, "GET", `${root}/projects/${base}/assets/abc`), 400, "10001", "asset_id must be a positive integer");
    assertServiceError(await call(s, "GET", `${root}/projects/${base}/assets/999999`), 404, "404", `Asset 999999 not found in project ${base}`);
  });

  // --------------------------------------------------------------------------------------- assets

  test("assets: import from Object Storage, IN_PROGRESS then COMPLETED, details with metaData", async () => {
    await setTick(s, SLOW);
    const { asset, api } = await importAsset(s, base, "clips/interview.webm");
    assert.deepEqual(Object.keys(asset), ["assetId", "fileName", "projectId", "type", "metaData", "key", "bucketName", "uploadStatus",
      "indexStatus", "sceneSummaryStatus", "createUserName", "createdTime", "updatedUserName", "updatedTime"]);
    assert.equal(asset.fileName, "interview.webm");
    assert.equal(asset.key, "clips/interview.webm");
    assert.equal(asset.projectId, base);
    assert.equal(asset.type, "VIDEO");
    assert.equal(asset.uploadStatus, "IN_PROGRESS");
    assert.deepEqual(asset.metaData, { format: "webm" });
    assert.equal(asset.createUserName, AK);
    assert.deepEqual(await api.importStatus(), { assetId: asset.assetId, uploadStatus: "IN_PROGRESS" });
    assertServiceError(await api.requestIndex(), 400, "10014", "Select the asset you want to analyze.");
    await setTick(s, TICK); // a job keeps the tick it started with
    await advance(s, SLOW);
    assert.equal((await api.importStatus()).uploadStatus, "IN_PROGRESS");
    await advance(s, SLOW); // the emulator clock drives the state machines
    assert.deepEqual(await api.importStatus(), { assetId: asset.assetId, uploadStatus: "COMPLETED" });
    const details = ok(await api.get());
    assert.deepEqual(details.metaData, { resolution: "854x480", durationMs: 600_000, size: 52_428_800, format: "webm" });
    assert.equal(details.uploadStatus, "COMPLETED");
    assert.equal(details.indexStatus, "BEFORE_ANALYZE");
    const { asset: image, api: imageApi } = await importAsset(s, base, "photo.jpg");
    assert.equal(image.type, "IMAGE");
    await importDone(imageApi);
    assert.deepEqual(ok(await imageApi.get()).metaData, { resolution: "1080x720", size: 2_457_600, format: "jpg" });
  });

  test("assets: body rules -> 10001, a folder key -> 10016", async () => {
    const url = `${root}/projects/${base}/assets/import/object-storage`;
    const cases = [
      [{ bucketName: "mi-demo" }, "10001", "key is required"],
      [{ key: "", bucketName: "mi-demo" }, "10001", "key must be a non-empty string"],
      [{ key: 3, bucketName: "mi-demo" }, "10001", "key must be a non-empty string"],
      [{ key: "a.mp4" }, "10001", "bucketName is required"],
      [{ key: "a.mp4", bucketName: "" }, "10001", "bucketName must be a non-empty string"],
      [{ key: "videos/", bucketName: "mi-demo" }, "10016", "Select the bucket to integrate (folder selection not available)."],
      [{ key: "videos/", bucketName: "no-such-bucket" }, "10016", undefined],
    ];
    for (const [body, code, message] of cases) assertServiceError(await call(s, "POST", url, { body }), 400, code, message);
    assertServiceError(await call(s, "POST", `${root}/projects/999999/assets/import/object-storage`, { body: { key: "a.mp4", bucketName: "b" } }),
      404, "404");
    assert.equal(ok(await call(s, "GET", `${root}/projects/${base}/assets?pageNum=1`)).totalCount, 0, "nothing was registered");
  });

  test("assets: unknown object or bucket ends FILE_NOT_EXIST; a bad file INVALID_METADATA with the reason; failImport FAILED", async () => {
    const expectations = [
      ["no-such-video.mp4", "mi-demo", "FILE_NOT_EXIST", "Object 'no-such-video.mp4' does not exist in bucket 'mi-demo'"],
      ["sample-video.mp4", "no-such-bucket", "FILE_NOT_EXIST", "Bucket 'no-such-bucket' does not exist"],
      ["broken.mp4", "mi-demo", "INVALID_METADATA", "unsupported resolution (240p; 360p to 1080p are supported)"],
    ];
    const posted = await admin(s, "POST", "/__emulator/buckets", {
      "test-bucket": {
        "tiny.mp4": { durationMs: 1000, resolution: "320x240" },
        "huge.mkv": { durationMs: 7 * 3600 * 1000, resolution: "1280x720" },
        "big.png": { resolution: "800x600", size: 11 * 1024 * 1024 },
        "notes.txt": {},
        "flaky.mov": { failImport: "Object Storage read timed out" },
      },
    });
    assert.equal(posted.status, 200, posted.text);
    expectations.push(
      ["tiny.mp4", "test-bucket", "INVALID_METADATA", "unsupported resolution (320x240; 360p to 1080p are supported)"],
      ["huge.mkv", "test-bucket", "INVALID_METADATA", "video longer than 6 hours"],
      ["big.png", "test-bucket", "INVALID_METADATA", "file larger than 10 MB"],
      ["notes.txt", "test-bucket", "INVALID_METADATA", "unsupported format (txt); video: mp4, mkv, mov, webm; image: jpg, png, heic"],
      ["flaky.mov", "test-bucket", "FAILED", "Object Storage read timed out"],
    );
    for (const [key, bucket, uploadStatus, uploadResult] of expectations) {
      const { asset, api } = await importAsset(s, base, key, bucket);
      assert.deepEqual(await importDone(api), { assetId: asset.assetId, uploadStatus, uploadResult }, key);
      assert.equal(ok(await api.get()).uploadStatus, uploadStatus);
      assertServiceError(await api.requestIndex(), 400, "10014", undefined);
    }
    await admin(s, "POST", "/__emulator/failures", { failures: [{ stage: "import", reason: "Copy failed" }] });
    const { api } = await importAsset(s, base, "trailer.mov");
    assert.equal((await importDone(api)).uploadResult, "Copy failed", "a queued import failure");
  });

  test("assets: list is paged (pageNum required, pageSize 1..1000) in registration order", async () => {
    const ids = [];
    for (const key of ["trailer.mov", "photo.jpg", "sample-video.mp4"]) ids.push((await importAsset(s, base, key)).asset.assetId);
    const url = `${root}/projects/${base}/assets`;
    const page1 = ok(await call(s, "GET", `${url}?pageNum=1&pageSize=2`));
    assert.deepEqual({ ...page1, content: page1.content.map((a) => a.assetId) }, { totalCount: 3, totalPage: 2, pageNo: 1, pageSize: 2, content: ids.slice(0, 2) });
    assert.deepEqual(ok(await call(s, "GET", `${url}?pageNum=2&pageSize=2`)).content.map((a) => a.assetId), ids.slice(2));
    assert.deepEqual(ok(await call(s, "GET", `${url}?pageNum=9`)).content, []);
    assert.equal(ok(await call(s, "GET", `${url}?pageNum=1`)).pageSize, 1000);
    assert.deepEqual(ok(await call(s, "GET", `${url}?pageNum=1`)).content[0], ok(await assetApi(s, base, ids[0]).get()), "items are the details");
    for (const q of ["", "?pageNum=0", "?pageNum=1&pageSize=0", "?pageNum=1&pageSize=1001"]) {
      assertServiceError(await call(s, "GET", `${url}${q}`), 400, "10001");
    }
  });

  test("assets: move with PATCH ?new_project_id=, delete without result", async () => {
    const other = ok(await call(s, "POST", `${root}/projects`, { body: { name: "other" } }));
    const { asset, api } = await importAsset(s, base, "trailer.mov");
    const moved = ok(await call(s, "PATCH", `${api.path}?new_project_id=${other.projectId}`));
    assert.equal(moved.projectId, other.projectId);
    assert.equal(moved.assetId, asset.assetId);
    assertServiceError(await api.get(), 404, "404", `Asset ${asset.assetId} not found in project ${base}`);
    const there = assetApi(s, other.projectId, asset.assetId);
    assert.equal(ok(await there.get()).projectId, other.projectId);
    assert.deepEqual(ok(await call(s, "GET", `${root}/projects/${other.projectId}/assets?pageNum=1`)).content.map((a) => a.assetId), [asset.assetId]);
    assertServiceError(await call(s, "PATCH", there.path), 400, "10001", "new_project_id is required");
    assertServiceError(await call(s, "PATCH", `${there.path}?new_project_id=x`), 400, "10001", "new_project_id must be a positive integer");
    assertServiceError(await call(s, "PATCH", `${there.path}?new_project_id=999999`), 404, "404", "Project 999999 not found");
    const deleted = await call(s, "DELETE", there.path);
    assert.deepEqual(deleted.json, { code: "0", message: "success" });
    assertServiceError(await there.get(), 404, "404");
    assertServiceError(await call(s, "DELETE", there.path), 404, "404");
  });

  test("at most 10 imports in progress per workspace -> 400 10023", async () => {
    await setTick(s, 5000);
    for (let i = 0; i < 10; i++) await importAsset(s, base, "trailer.mov");
    const res = await call(s, "POST", `${root}/projects/${base}/assets/import/object-storage`, { body: { key: "trailer.mov", bucketName: "mi-demo" } });
    assertServiceError(res, 400, "10023", "You can request up to 10 assets at a time.");
  });

  // ---------------------------------------------------------------------------------------- index

  test("index request rules -> 400 10001", async () => {
    const { api } = await importAsset(s, base, "trailer.mov");
    await importDone(api);
    const cases = [
      [{ sceneRange: "HUGE" }, "sceneRange must be one of EXTRA_SHORT, SHORT, MEDIUM, LONG"],
      [{ sceneRange: "SHORT", minSceneDurationSec: 10, maxSceneDurationSec: 20 }, "sceneRange and minSceneDurationSec/maxSceneDurationSec are mutually exclusive"],
      [{ minSceneDurationSec: 10 }, "minSceneDurationSec and maxSceneDurationSec must be given together"],
      [{ maxSceneDurationSec: 10 }, "minSceneDurationSec and maxSceneDurationSec must be given together"],
      [{ minSceneDurationSec: 30, maxSceneDurationSec: 10 }, "minSceneDurationSec must not be greater than maxSceneDurationSec"],
      [{ minSceneDurationSec: 0, maxSceneDurationSec: 10 }, "minSceneDurationSec must be an integer from 1 to 3600"],
      [{ minSceneDurationSec: 1.5, maxSceneDurationSec: 10 }, "minSceneDurationSec must be an integer from 1 to 3600"],
      [{ analysisPersonCount: 11 }, "analysisPersonCount must be an integer from 0 to 10"],
      [{ analysisPersonCount: -1 }, "analysisPersonCount must be an integer from 0 to 10"],
      [{ analysisPersonCount: "3" }, "analysisPersonCount must be an integer from 0 to 10"],
      [{ tagIdList: [] }, /^tagIdList must be an array of 1 to 30 tag ids/],
      [{ tagIdList: Array.from({ length: 31 }, (_, i) => i + 1) }, /^tagIdList/],
      [{ tagIdList: ["abc"] }, /^tagIdList/],
      [{ sourceLanguage: "FR" }, "sourceLanguage must be one of ENKO, EN, KO, JA, ZH-CN, ZH-TW"],
      [{ detectAudioEffects: "yes" }, "detectAudioEffects must be a boolean"],
      ["[1]", "Request body must be a JSON object"],
      ["{", "Request body must be valid JSON"],
    ];
    for (const [body, message] of cases) assertServiceError(await api.requestIndex(body), 400, "10001", message);
    assert.equal((await api.indexStatus()).status, "BEFORE_ANALYZE", "nothing started");
    const { api: image } = await importAsset(s, base, "photo.jpg");
    await importDone(image);
    assertServiceError(await image.requestIndex({ sceneRange: "SHORT" }), 400, "10001", "sceneRange applies to video assets only");
    const empty = await call(s, "POST", `${api.path}/index`);
    assert.equal(ok(empty).status, "WAIT_ANALYZE", "an empty body is {}");
    assert.equal((await indexDone(api)).status, "ANALYZE_COMPLETED");
    const nulls = ok(await api.requestIndex({ sceneRange: null, minSceneDurationSec: null, tagIdList: ["7", 8], sourceLanguage: "KO" }));
    assert.equal(nulls.status, "WAIT_ANALYZE", "null counts as absent; tag ids as numbers or their text");
  });

  test("analysis state machine: WAIT_ANALYZE -> ANALYZING -> ANALYZE_COMPLETED; 409 while running; cancel", async () => {
    const { asset, api } = await importAsset(s, base, "trailer.mov");
    await importDone(api);
    assert.deepEqual(await api.indexStatus(), { assetId: asset.assetId, status: "BEFORE_ANALYZE", progress: 0 });
    assertServiceError(await api.getIndex(), 409, "409", `The index of asset ${asset.assetId} is not ready (analysis status BEFORE_ANALYZE)`);
    assertServiceError(await api.cancelIndex(), 409, "409", `The analysis of asset ${asset.assetId} cannot be canceled in state BEFORE_ANALYZE`);
    assertServiceError(await api.deleteIndex(), 404, "404", `Asset ${asset.assetId} has no index`);
    await setTick(s, SLOW);
    assert.deepEqual(ok(await api.requestIndex({ analysisPersonCount: 3 })), { assetId: asset.assetId, status: "WAIT_ANALYZE" });
    assert.equal((await api.indexStatus()).status, "WAIT_ANALYZE");
    assertServiceError(await api.requestIndex(), 409, "409", `An analysis of asset ${asset.assetId} is already in progress`);
    assertServiceError(await api.getIndex(), 409, "409");
    assertServiceError(await api.deleteIndex(), 409, "409", `The index of asset ${asset.assetId} cannot be deleted: an analysis is in progress`);
    assertServiceError(await call(s, "DELETE", api.path), 409, "409", `Asset ${asset.assetId} cannot be deleted: an analysis is in progress`);
    await advance(s, 2 * SLOW);
    assert.deepEqual(await api.indexStatus(), { assetId: asset.assetId, status: "ANALYZING", progress: 0 });
    await advance(s, 4 * SLOW);
    assert.deepEqual(await api.indexStatus(), { assetId: asset.assetId, status: "ANALYZING", progress: 50 });
    assert.equal(ok(await api.get()).indexStatus, "ANALYZING");
    assert.deepEqual(ok(await api.cancelIndex()), { assetId: asset.assetId, status: "ANALYZE_CANCEL" });
    assert.deepEqual(await api.indexStatus(), { assetId: asset.assetId, status: "ANALYZE_CANCEL", analyzeStatusMessage: "Canceled by request", progress: 0 });
    assertServiceError(await api.cancelIndex(), 409, "409", /in state ANALYZE_CANCEL$/);
    assertServiceError(await api.getIndex(), 409, "409");
    await setTick(s, TICK);
    ok(await api.requestIndex());
    const done = await until(api.indexStatus, (r) => r.status === "ANALYZE_COMPLETED");
    assert.deepEqual(done, { assetId: asset.assetId, status: "ANALYZE_COMPLETED", progress: 100 });
    assertServiceError(await api.cancelIndex(), 409, "409", /in state ANALYZE_COMPLETED$/);
    assert.equal(ok(await api.getIndex()).assetId, asset.assetId);
    assert.equal(ok(await call(s, "GET", root)).monthlyAnalysisCount, 2, "every accepted analysis request counts");
  });

  test("failing analysis: failAnalysis object entry and queued failures end ANALYZE_FAIL; a failed re-analysis keeps the old index", async () => {
    const { asset, api } = await importAsset(s, base, "fail-analysis.mp4");
    await importDone(api);
    ok(await api.requestIndex());
    assert.deepEqual(await indexDone(api), { assetId: asset.assetId, status: "ANALYZE_FAIL", analyzeStatusMessage: "Media parsing failed", progress: 0 });
    assertServiceError(await api.getIndex(), 409, "409", /analysis status ANALYZE_FAIL/);

    const { api: good, index } = await analysed(s, base, "trailer.mov");
    const queued = await admin(s, "POST", "/__emulator/failures", { failures: [{ stage: "analysis", reason: "Person extraction failed" }] });
    assert.deepEqual(queued.json, { failures: [{ stage: "analysis", reason: "Person extraction failed", times: 1 }] });
    ok(await good.requestIndex({ sceneRange: "SHORT" }));
    assert.equal((await indexDone(good)).analyzeStatusMessage, "Person extraction failed");
    assert.deepEqual(ok(await good.getIndex()), index, "the previous index stays valid");
    assert.deepEqual((await admin(s, "GET", "/__emulator/failures")).json, { failures: [] }, "used up");
    ok(await good.requestIndex({ sceneRange: "SHORT" }));
    assert.equal((await indexDone(good)).status, "ANALYZE_COMPLETED", "the next one succeeds");
    assert.notDeepEqual(ok(await good.getIndex()).scenes.length, 0);
  });

  test("index shape of a 2-hour video: scenes cover the video, shots inside scenes, persons, keywords, speech", async () => {
    const { asset, index } = await analysed(s, base, "sample-video.mp4");
    assert.deepEqual(Object.keys(index), ["assetId", "type", "createdTime", "createdUserName", "durationMs", "scenes", "persons",
      "keywords", "objects", "actions", "scripts", "captions"]);
    assert.equal(index.assetId, asset.assetId);
    assert.equal(index.type, "VIDEO");
    assert.equal(index.durationMs, 7_200_000);
    assert.equal(index.createdUserName, AK);
    assert.match(index.createdTime, KST_TIME);
    let t = 0;
    let shotNo = 0;
    const personIds = new Set(index.persons.map((p) => p.personId));
    index.scenes.forEach((scene, i) => {
      assert.deepEqual(Object.keys(scene), ["sceneNo", "startMs", "endMs", "shots", "personIds", "keywords"]);
      assert.equal(scene.sceneNo, i + 1);
      assert.equal(scene.startMs, t);
      let u = scene.startMs;
      for (const shot of scene.shots) {
        assert.deepEqual(shot, { shotNo: ++shotNo, startMs: u, endMs: shot.endMs });
        assert.ok(shot.endMs > shot.startMs);
        u = shot.endMs;
      }
      assert.equal(u, scene.endMs);
      t = scene.endMs;
      for (const id of scene.personIds) assert.ok(personIds.has(id), `scene ${scene.sceneNo} person ${id} is in persons`);
      for (const k of scene.keywords) assert.equal(typeof k, "string");
    });
    assert.equal(t, 7_200_000, "the scenes cover the whole video");
    assert.ok(shotNo >= 1500, `${shotNo} shots`);
    assert.ok(index.scenes.length >= 50, `${index.scenes.length} scenes`);
    assert.ok(index.persons.length >= 2 && index.persons.length <= 10);
    for (const p of index.persons) {
      assert.deepEqual(Object.keys(p), ["personId", "name", "appearances"]);
      assert.equal(p.name, null, "anonymous until named");
      assert.ok(p.appearances.length > 0);
      for (const a of p.appearances) assert.ok(a.startMs < a.endMs && a.endMs <= 7_200_000);
    }
    for (const k of index.keywords) {
      assert.deepEqual(Object.keys(k), ["keyword", "confidence", "appearances"]);
      assert.ok(k.confidence >= 0.5, "MEDIUM is the default level");
    }
    for (const facet of [index.objects, index.actions]) {
      assert.ok(facet.length > 0);
      for (const item of facet) assert.ok(item.appearances.every((a) => a.startMs < a.endMs));
    }
    assert.ok(index.scripts.length >= 500, `${index.scripts.length} script lines`);
    for (const line of index.scripts) {
      assert.match(line.speaker, /^SPEAKER_\d{2}$/);
      if (line.personId !== undefined) assert.ok(personIds.has(line.personId));
      assert.ok(line.startMs < line.endMs && typeof line.text === "string" && line.text.length > 0);
    }
    assert.deepEqual(Object.keys(index.captions[0]), ["startMs", "endMs", "text"]);
    const sorted = index.captions.every((c, i) => i === 0 || index.captions[i - 1].startMs <= c.startMs);
    assert.ok(sorted, "captions in time order");
  });

  test("confidence_level: LOW returns more keywords than MEDIUM (default), HIGH fewer; a bad level -> 10001", async () => {
    const { api, index } = await analysed(s, base, "sample-video.mp4");
    const low = ok(await api.getIndex("?confidence_level=LOW"));
    const medium = ok(await api.getIndex("?confidence_level=MEDIUM"));
    const high = ok(await api.getIndex("?confidence_level=HIGH"));
    assert.deepEqual(medium, index);
    const count = (ix) => ix.keywords.reduce((n, k) => n + k.appearances.length, 0);
    assert.ok(count(low) > count(medium) && count(medium) > count(high), `${count(low)} > ${count(medium)} > ${count(high)}`);
    assert.ok(high.keywords.every((k) => k.confidence >= 0.75));
    assert.ok(low.keywords.some((k) => k.confidence < 0.5));
    assert.deepEqual(low.scenes.map((x) => x.shots), high.scenes.map((x) => x.shots), "only keywords change");
    for (const q of ["?confidence_level=low", "?confidence_level=", "?confidence_level=EXTREME"]) {
      assertServiceError(await api.getIndex(q), 400, "10001", "confidence_level must be one of LOW, MEDIUM, HIGH");
    }
  });

  test("the index is reproducible from the asset; persons are shared within a workspace; options change what they document", async () => {
    const strip = ({ assetId, createdTime, ...rest }) => rest;
    const first = await analysed(s, base, "trailer.mov");
    const other = ok(await call(s, "POST", `${root}/projects`, { body: { name: "copy" } }));
    const second = await analysed(s, other.projectId, "trailer.mov");
    assert.notEqual(first.asset.assetId, second.asset.assetId);
    assert.deepEqual(strip(second.index), strip(first.index), "same object, same index, same persons");

    ok(await call(s, "POST", "/api/v1/workspaces", { body: { workspaceName: "elsewhere" } }));
    const elsewhereBase = await baseProjectId(s, "elsewhere");
    const { asset } = await importAsset(s, elsewhereBase, "trailer.mov", "mi-demo", "elsewhere");
    const api = assetApi(s, elsewhereBase, asset.assetId);
    api.path = `/api/v1/workspaces/elsewhere/projects/${elsewhereBase}/assets/${asset.assetId}`;
    await until(async () => ok(await call(s, "GET", `${api.path}/import-status`)), (r) => r.uploadStatus === "COMPLETED");
    ok(await call(s, "POST", `${api.path}/index`, { body: {} }));
    await until(async () => ok(await call(s, "GET", `${api.path}/index/status`)), (r) => r.status === "ANALYZE_COMPLETED");
    const third = ok(await call(s, "GET", `${api.path}/index`));
    const ids = (ix) => ix.persons.map((p) => p.personId);
    assert.notDeepEqual(ids(third), ids(first.index), "another workspace registers its own persons");
    const rename = (ix) => {
      const map = new Map(ids(ix).map((id, i) => [id, `P${i}`]));
      return JSON.parse(JSON.stringify(strip(ix), (k, v) => (k === "personId" ? map.get(v) : k === "personIds" ? v.map((x) => map.get(x)) : v)));
    };
    assert.deepEqual(rename(third), rename(first.index), "the same index up to person ids");

    const short = await analysed(s, base, "trailer.mov", { sceneRange: "EXTRA_SHORT", analysisPersonCount: 0, sourceLanguage: "EN", detectAudioEffects: true });
    assert.deepEqual(short.index.persons, []);
    assert.ok(short.index.scenes.every((x) => x.personIds.length === 0));
    assert.ok(short.index.scenes.length > first.index.scenes.length);
    for (const x of short.index.scenes.slice(0, -1)) {
      const seconds = (x.endMs - x.startMs) / 1000;
      assert.ok(seconds >= 10 || x.shots.length === 1, `EXTRA_SHORT scene ${x.sceneNo} of ${seconds} s`);
    }
    assert.ok(short.index.scripts.every((l) => /^[\x20-\x7e]+$/.test(l.text)), "sourceLanguage EN: English lines");
    assert.ok(Array.isArray(short.index.audioEffects) && short.index.captions.some((c) => c.text.startsWith("[")), "audio effects in captions");
    const custom = await analysed(s, base, "trailer.mov", { minSceneDurationSec: 30, maxSceneDurationSec: 40 });
    for (const x of custom.index.scenes.slice(0, -1)) assert.ok((x.endMs - x.startMs) / 1000 <= 40 + 12, "custom scene length");
  });

  test("an image is indexed with keywords only", async () => {
    const { index } = await analysed(s, base, "photo.jpg");
    assert.deepEqual(Object.keys(index), ["assetId", "type", "createdTime", "createdUserName", "keywords"]);
    assert.equal(index.type, "IMAGE");
    assert.ok(index.keywords.length > 0);
  });

  test("delete index: {assetId}, back to BEFORE_ANALYZE, the scene summary goes with it", async () => {
    const { asset, api } = await analysed(s, base, "trailer.mov");
    ok(await api.requestSummary());
    assert.equal((await summaryDone(api)).status, "SUMMARIZE_COMPLETED");
    assert.deepEqual(ok(await api.deleteIndex()), { assetId: asset.assetId });
    assert.equal((await api.indexStatus()).status, "BEFORE_ANALYZE");
    assertServiceError(await api.getIndex(), 409, "409");
    assertServiceError(await api.deleteIndex(), 404, "404");
    assert.equal((await api.summaryStatus()).status, "BEFORE_SUMMARIZE");
    assertServiceError(await api.getSummary(), 404, "404", `Asset ${asset.assetId} has no scene summary`);
  });

  // ------------------------------------------------------------------------------- scene summaries

  test("scene summary: needs a complete index; first run full; partial runs inherit the locale", async () => {
    const { asset, api } = await importAsset(s, base, "trailer.mov");
    await importDone(api);
    assert.deepEqual(await api.summaryStatus(), { assetId: asset.assetId, status: "BEFORE_SUMMARIZE", progress: 0 });
    assertServiceError(await api.getSummary(), 404, "404");
    assertServiceError(await api.requestSummary(), 409, "409", `The index of asset ${asset.assetId} is not complete`);
    assertServiceError(await api.cancelSummary(), 409, "409", /in state BEFORE_SUMMARIZE$/);
    await setTick(s, SLOW);
    ok(await api.requestIndex());
    assertServiceError(await api.requestSummary(), 409, "409", `An analysis of asset ${asset.assetId} is in progress`);
    await setTick(s, TICK);
    ok(await api.cancelIndex());
    ok(await api.requestIndex());
    await indexDone(api);
    const index = ok(await api.getIndex());

    assertServiceError(await api.requestSummary({ locale: "fr" }), 400, "10001", "locale must be one of ko, en, ja, zh-CN, zh-TW");
    for (const sceneNumbers of [[], [0], [1, 1], "1", [1.5]]) {
      assertServiceError(await api.requestSummary({ sceneNumbers }), 400, "10001", /^sceneNumbers must be/);
    }
    assertServiceError(await api.requestSummary({ sceneNumbers: [1] }), 400, "10001", "The first scene summary must cover all scenes (no sceneNumbers)");

    await setTick(s, SLOW);
    const requested = ok(await api.requestSummary({ locale: "ja" }));
    assert.deepEqual(requested, { assetId: asset.assetId, status: "WAIT_SUMMARIZE", locale: "ja", sceneNumbers: index.scenes.map((x) => x.sceneNo) });
    assertServiceError(await api.requestSummary(), 409, "409", `A scene summary of asset ${asset.assetId} is already in progress`);
    assertServiceError(await api.requestIndex(), 409, "409", `A scene summary of asset ${asset.assetId} is in progress`);
    assertServiceError(await api.getSummary(), 409, "409", /status WAIT_SUMMARIZE/);
    assertServiceError(await api.deleteIndex(), 409, "409");
    await advance(s, SLOW);
    assert.deepEqual(await api.summaryStatus(), { assetId: asset.assetId, status: "SUMMARIZING", locale: "ja", progress: 0 });
    await advance(s, 4 * SLOW);
    await setTick(s, TICK);
    assert.deepEqual(await api.summaryStatus(), { assetId: asset.assetId, status: "SUMMARIZE_COMPLETED", locale: "ja", progress: 100 });
    const full = ok(await api.getSummary());
    assert.deepEqual(Object.keys(full), ["assetId", "locale", "summary", "createdTime", "updatedTime", "scenes"]);
    assert.equal(full.locale, "ja");
    assert.match(full.summary, /分の映像/);
    assert.equal(full.scenes.length, index.scenes.length);
    full.scenes.forEach((x, i) => {
      assert.deepEqual(Object.keys(x), ["sceneNo", "startMs", "endMs", "summary", "updatedTime"]);
      assert.equal(x.sceneNo, i + 1);
      assert.equal(x.startMs, index.scenes[i].startMs);
      assert.match(x.summary, new RegExp(`^シーン${i + 1}：`));
    });
    assert.equal(ok(await api.get()).sceneSummaryStatus, "SUMMARIZE_COMPLETED");
    assertServiceError(await api.cancelSummary(), 409, "409", /in state SUMMARIZE_COMPLETED$/);

    const last = index.scenes.length;
    assertServiceError(await api.requestSummary({ sceneNumbers: [last + 1] }), 400, "10001", /does not exist/);
    assertServiceError(await api.requestSummary({ sceneNumbers: [1], locale: "en" }), 400, "10001",
      "locale can be set on a full run only; this summary is in ja");
    const partial = ok(await api.requestSummary({ sceneNumbers: [last, 1], locale: "ja" }));
    assert.deepEqual(partial.sceneNumbers, [1, last]);
    assert.equal(partial.locale, "ja");
    await summaryDone(api);
    const after = ok(await api.getSummary());
    assert.equal(after.locale, "ja", "inherited");
    assert.equal(after.createdTime, full.createdTime);
    assert.ok(after.scenes[0].summary !== full.scenes[0].summary || after.scenes[last - 1].summary !== full.scenes[last - 1].summary,
      "the re-run scenes were rewritten");
    for (let i = 1; i < last - 1; i++) assert.equal(after.scenes[i].summary, full.scenes[i].summary, "other scenes kept");

    ok(await api.requestSummary({ locale: "en" }));
    await summaryDone(api);
    const english = ok(await api.getSummary());
    assert.equal(english.locale, "en");
    assert.match(english.scenes[0].summary, /^Scene 1: /);
  });

  test("scene summary: cancel only while waiting or running; failures end SUMMARIZE_FAIL", async () => {
    const { asset, api } = await analysed(s, base, "trailer.mov");
    await setTick(s, SLOW);
    ok(await api.requestSummary({ locale: "en" }));
    assertServiceError(await call(s, "DELETE", api.path), 409, "409", `Asset ${asset.assetId} cannot be deleted: a scene summary is in progress`);
    const cancelled = await api.cancelSummary();
    assert.deepEqual(cancelled.json, { code: "0", message: "success" }, "no result");
    assert.deepEqual(await api.summaryStatus(), {
      assetId: asset.assetId, status: "SUMMARIZE_CANCELED", locale: "en", summarizeStatusMessage: "Canceled by request", progress: 0,
    });
    assertServiceError(await api.getSummary(), 409, "409", /SUMMARIZE_CANCELED/);
    assertServiceError(await api.cancelSummary(), 409, "409");
    await setTick(s, TICK);
    await admin(s, "POST", "/__emulator/failures", { failures: [{ stage: "summary", reason: "VLM unavailable" }] });
    ok(await api.requestSummary());
    const failed = await summaryDone(api);
    assert.equal(failed.status, "SUMMARIZE_FAIL");
    assert.equal(failed.summarizeStatusMessage, "VLM unavailable");
    assertServiceError(await api.getSummary(), 409, "409");
    const { api: entryFails } = await analysed(s, base, "fail-summary.mp4");
    ok(await entryFails.requestSummary());
    assert.equal((await summaryDone(entryFails)).summarizeStatusMessage, "Scene summarization failed");
    const { api: image } = await analysed(s, base, "photo.jpg");
    assertServiceError(await image.requestSummary(), 400, "10001", "Scene summaries are for video assets only");
  });

  test("a new index replaces the scene summary of the old one", async () => {
    const { api } = await analysed(s, base, "trailer.mov");
    ok(await api.requestSummary());
    await summaryDone(api);
    ok(await api.requestIndex({ sceneRange: "LONG" }));
    await indexDone(api);
    assert.equal((await api.summaryStatus()).status, "BEFORE_SUMMARIZE");
    assertServiceError(await api.getSummary(), 404, "404");
  });

  // --------------------------------------------------------------------------- deletes while running

  test("deleting a project while one of its analyses runs -> 409; afterwards its assets go with it", async () => {
    const p = ok(await call(s, "POST", `${root}/projects`, { body: { name: "doomed" } }));
    const { api } = await importAsset(s, p.projectId, "trailer.mov");
    await importDone(api);
    await setTick(s, SLOW);
    ok(await api.requestIndex());
    assertServiceError(await call(s, "DELETE", `${root}/projects/${p.projectId}`), 409, "409", /an analysis or scene summary is in progress/);
    ok(await api.cancelIndex());
    ok(await call(s, "DELETE", `${root}/projects/${p.projectId}`));
    assertServiceError(await api.get(), 404, "404", `Project ${p.projectId} not found`);
  });

  // ------------------------------------------------------------------------------ signature, faults

  test("signatures are checked on the new routes, query strings included", async () => {
    const other = ok(await call(s, "POST", `${root}/projects`, { body: { name: "target" } }));
    const { asset, api } = await importAsset(s, base, "trailer.mov");
    const moveUrl = `${api.path}?new_project_id=${other.projectId}`;
    assertGatewayError(await call(s, "PATCH", moveUrl, { signedUri: api.path }), 401, "200", "Invalid signature");
    assertGatewayError(await call(s, "PATCH", moveUrl, { signedUri: `${api.path}?new_project_id=${base}` }), 401, "200", "Invalid signature");
    assertGatewayError(await call(s, "PATCH", moveUrl, { secretKey: "wrong" }), 401, "200", "Invalid signature");
    assertGatewayError(await call(s, "PATCH", moveUrl, { timestamp: String(Date.now() - 6 * 60 * 1000) }), 401, "200",
      "Timestamp is outside the 5 minute window");
    assert.equal(ok(await api.get()).projectId, base, "not moved");
    assert.equal(ok(await call(s, "PATCH", moveUrl)).projectId, other.projectId);
    const moved = assetApi(s, other.projectId, asset.assetId);
    assertGatewayError(await call(s, "GET", `${moved.path}/index?confidence_level=HIGH`, { signedUri: `${moved.path}/index` }), 401, "200");
    assertGatewayError(await call(s, "DELETE", `${root}/projects/${other.projectId}`, { accessKey: "nobody" }), 401, "200", "Unknown access key");
    assertGatewayError(await call(s, "POST", `${moved.path}/index`, { body: {}, omit: ["x-ncp-apigw-signature-v2"] }), 401, "200");
    // authentication comes before the workspace lookup
    assertGatewayError(await call(s, "GET", "/api/v1/workspaces/nowhere/projects", { secretKey: "x" }), 401, "200", "Invalid signature");
  });

  test("faults apply to the new route keys", async () => {
    const { api } = await importAsset(s, base, "trailer.mov");
    await importDone(api);
    const key = "GET /api/v1/workspaces/*/projects/*/assets/*/index/status";
    const added = await admin(s, "POST", "/__emulator/faults", { faults: [{ route: key, fault: "503", times: 2 }, { route: "POST /api/v1/workspaces/*/projects/*/assets/*/index", fault: "lost" }] });
    assert.equal(added.status, 200, added.text);
    assert.equal((await call(s, "GET", `${api.path}/import-status`)).status, 200, "another route");
    assert.equal((await call(s, "GET", `${api.path}/index/status`)).status, 503);
    await assert.rejects(api.requestIndex(), /socket hang up|ECONNRESET/);
    assert.equal((await call(s, "GET", `${api.path}/index/status`)).status, 503);
    assert.notEqual((await api.indexStatus()).status, "BEFORE_ANALYZE", "the lost request was processed");
    const routes = (await admin(s, "GET", "/__emulator/routes")).json;
    assert.ok(routes.some((r) => r.key === key && r.method === "GET"));
    assert.ok(routes.length >= 24, "4 workspace and 20 media routes, and those of people.mjs / search.mjs when present");
    const bad = await admin(s, "POST", "/__emulator/faults", { faults: [{ route: "GET /api/v1/workspaces/*/projects/*/nothing", fault: "500" }] });
    assert.equal(bad.status, 400);
  });

  test("every answer of the new routes carries CORS headers; OPTIONS allows PATCH and DELETE", async () => {
    const res = await call(s, "GET", `${root}/projects`, { headers: { origin: "http://localhost:8000" } });
    assert.equal(res.headers["access-control-allow-origin"], "http://localhost:8000");
    const pre = await request(s, { method: "OPTIONS", path: `${root}/projects/1`, headers: { origin: "http://x", "access-control-request-method": "PATCH" } });
    assert.equal(pre.status, 204);
    assert.equal(pre.headers["access-control-allow-methods"], "GET, POST, PUT, PATCH, DELETE, OPTIONS");
  });

  // ----------------------------------------------------------------------------------- admin routes

  test("admin: GET/POST /__emulator/buckets (merged, null deletes), tick, reset restores them", async () => {
    const initial = (await admin(s, "GET", "/__emulator/buckets")).json;
    assert.deepEqual(Object.keys(initial), ["mi-demo"]);
    assert.deepEqual(initial["mi-demo"]["sample-video.mp4"], { durationMs: 7_200_000, resolution: "1280x720", size: 1_610_612_736 });
    assert.deepEqual(initial["mi-demo"]["broken.mp4"], { invalid: "unsupported resolution (240p; 360p to 1080p are supported)" });
    const merged = await admin(s, "POST", "/__emulator/buckets", { "mi-demo": { "new.mp4": { durationMs: 5000 }, "photo.jpg": null }, extra: {} });
    assert.equal(merged.status, 200);
    assert.ok("new.mp4" in merged.json["mi-demo"] && !("photo.jpg" in merged.json["mi-demo"]) && "trailer.mov" in merged.json["mi-demo"]);
    assert.deepEqual(merged.json.extra, {});
    assert.deepEqual(Object.keys((await admin(s, "POST", "/__emulator/buckets", { extra: null })).json), ["mi-demo"]);
    for (const [body, message] of [
      [[], "buckets must be a JSON object {bucket: {key: entry}}"],
      [{ b: [] }, 'bucket "b" must be an object {key: entry}'],
      [{ b: { "k.mp4": { durationMs: -1 } } }, "b/k.mp4: durationMs must be an integer >= 0"],
      [{ b: { "k.mp4": { resolution: "720p" } } }, "b/k.mp4: resolution must look like 1280x720"],
      [{ b: { "k.mp4": { colour: "red" } } }, /^b\/k\.mp4: unknown field colour/],
      [{ b: { "k.mp4": { failAnalysis: 5 } } }, "b/k.mp4: failAnalysis must be a non-empty string"],
      ["{", "Request body must be valid JSON"],
    ]) {
      const res = await admin(s, "POST", "/__emulator/buckets", body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal(res.json.code, "400");
      if (message instanceof RegExp) assert.match(res.json.message, message);
      else assert.equal(res.json.message, message);
    }
    assert.deepEqual((await admin(s, "GET", "/__emulator/tick")).json, {
      tickMs: TICK, ticks: { IN_PROGRESS: 2, WAIT_ANALYZE: 2, ANALYZING: 8, ANALYZE_FAIL_AFTER: 2, WAIT_SUMMARIZE: 1, SUMMARIZING: 4 },
    });
    assert.equal((await admin(s, "POST", "/__emulator/tick", { tickMs: 77 })).json.tickMs, 77);
    for (const body of [{ tickMs: 0 }, { tickMs: 1.5 }, {}, null]) {
      assert.equal((await admin(s, "POST", "/__emulator/tick", body)).status, 400);
    }
    for (const body of [{ failures: [{ stage: "upload" }] }, { failures: [{ stage: "analysis", times: 0 }] }, { failures: [{ stage: "analysis", x: 1 }] }, {}]) {
      assert.equal((await admin(s, "POST", "/__emulator/failures", body)).status, 400, JSON.stringify(body));
    }
    await admin(s, "POST", "/__emulator/failures", { failures: [{ stage: "summary" }] });
    assert.deepEqual((await admin(s, "GET", "/__emulator/failures")).json.failures, [{ stage: "summary", reason: "Emulated summary failure", times: 1 }]);
    assert.equal((await admin(s, "POST", "/__emulator/reset")).status, 204);
    assert.deepEqual((await admin(s, "GET", "/__emulator/buckets")).json, initial);
    assert.equal((await admin(s, "GET", "/__emulator/tick")).json.tickMs, TICK);
    assert.deepEqual((await admin(s, "GET", "/__emulator/failures")).json, { failures: [] });
    ok(await call(s, "POST", "/api/v1/workspaces", { body: { workspaceName: WS } }));
    assert.equal(await baseProjectId(s), 1001, "ids start again at 1001");
  });
});

describe("emulator settings", () => {
  test("MI_EMULATOR_BUCKETS replaces the default buckets; MI_EMULATOR_PROJECT_LIMIT caps projects (base included)", async () => {
    const buckets = { media: { "a.mp4": { durationMs: 30_000 }, "bad.mov": { invalid: "corrupt moov atom" } } };
    const s = await startEmulator({ MI_EMULATOR_BUCKETS: JSON.stringify(buckets), MI_EMULATOR_PROJECT_LIMIT: "3", MI_EMULATOR_TICK_MS: "5" });
    assert.deepEqual((await admin(s, "GET", "/__emulator/buckets")).json, buckets);
    ok(await call(s, "POST", "/api/v1/workspaces", { body: { workspaceName: WS } }));
    const id = await baseProjectId(s);
    ok(await call(s, "POST", `${root}/projects`, { body: { name: "two" } }));
    ok(await call(s, "POST", `${root}/projects`, { body: { name: "three" } }));
    assertServiceError(await call(s, "POST", `${root}/projects`, { body: { name: "four" } }), 400, "410", "Project limit reached (3)");
    const { api } = await importAsset(s, id, "sample-video.mp4");
    assert.equal((await importDone(api)).uploadStatus, "FILE_NOT_EXIST", "mi-demo is gone");
    const { api: bad } = await importAsset(s, id, "bad.mov", "media");
    assert.equal((await importDone(bad)).uploadResult, "corrupt moov atom");
    const { api: good } = await importAsset(s, id, "a.mp4", "media");
    assert.equal((await importDone(good)).uploadStatus, "COMPLETED");
  });

  test("bad MI_EMULATOR_* values stop the server with exit code 2 and a message", async () => {
    const server = fileURLToPath(new URL("./server.mjs", import.meta.url));
    const cases = [
      [{ MI_EMULATOR_TICK_MS: "0" }, /MI_EMULATOR_TICK_MS must be a positive integer/],
      [{ MI_EMULATOR_TICK_MS: "fast" }, /MI_EMULATOR_TICK_MS must be a positive integer/],
      [{ MI_EMULATOR_PROJECT_LIMIT: "-3" }, /MI_EMULATOR_PROJECT_LIMIT must be a positive integer/],
      [{ MI_EMULATOR_BUCKETS: "{nope" }, /MI_EMULATOR_BUCKETS must be JSON/],
      [{ MI_EMULATOR_BUCKETS: '{"b":{"k":{"size":"big"}}}' }, /MI_EMULATOR_BUCKETS: b\/k: size must be an integer >= 0/],
    ];
    await Promise.all(cases.map(async ([env, message]) => {
      const child = spawn(process.execPath, [server, "--port", "0", "--quiet"], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (d) => (stderr += d));
      const code = await new Promise((resolve) => child.once("exit", resolve));
      assert.equal(code, 2, JSON.stringify(env));
      assert.match(stderr, message);
    }));
  });

  test("in process: analysedAssets(ws) and ws.persons for the person and search modules", async () => {
    const { server, state } = await startServer({ quiet: true, tickMs: 2 });
    try {
      const s = { port: server.address().port };
      ok(await call(s, "POST", "/api/v1/workspaces", { body: { workspaceName: WS } }));
      const ws = state.accounts.get(AK).get(WS);
      assert.ok(ws.persons instanceof Map && ws.personTags instanceof Map);
      assert.deepEqual(analysedAssets(ws), []);
      const id = await baseProjectId(s);
      const { asset, api } = await importAsset(s, id, "trailer.mov");
      await importDone(api);
      ok(await api.requestIndex());
      await sleep(40); // no request in between: analysedAssets settles by itself
      const list = analysedAssets(ws);
      assert.equal(list.length, 1);
      assert.deepEqual(list[0].project, ok(await call(s, "GET", `${root}/projects/${id}`)));
      assert.deepEqual(list[0].asset, ok(await api.get()));
      assert.deepEqual(list[0].index, ok(await api.getIndex()));
      const persons = [...ws.persons.values()];
      assert.deepEqual(persons.map((p) => p.personId).sort(), list[0].index.persons.map((p) => p.personId).sort());
      for (const p of persons) {
        assert.deepEqual(Object.keys(p), ["personId", "name", "description", "tagIds", "thumbnails", "createdTime", "assetIds", "sceneCount"]);
        assert.equal(p.name, null);
        assert.deepEqual([...p.assetIds], [asset.assetId]);
        assert.equal(p.sceneCount, list[0].index.scenes.filter((x) => x.personIds.includes(p.personId)).length);
        assert.ok(p.personId > asset.assetId, "ids from the one counter");
      }
      ws.persons.get(persons[0].personId).name = "Hong Gildong";
      assert.equal(ok(await api.getIndex()).persons.find((p) => p.personId === persons[0].personId).name, "Hong Gildong", "names come from ws.persons");
      ok(await api.deleteIndex());
      assert.ok([...ws.persons.values()].every((p) => p.assetIds.size === 0 && p.sceneCount === 0), "a deleted index leaves the persons");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
