// Tests of the emulator's search-image uploads (#27, #28), the presigned URL itself and the asynchronous
// asset search (#25, #26) over analysed assets: `node --test tests/emulator/`. A real server process, raw
// HTTP, the test's own signer (testkit.mjs / spawn.mjs).

import assert from "node:assert/strict";
import http from "node:http";
import { after, before, beforeEach, describe, test } from "node:test";

import { sampleImage } from "./search.mjs";
import { startEmulator, stopAll } from "./spawn.mjs";
import { AK, admin, assertServiceError, call, ok, request, until } from "./testkit.mjs";

after(stopAll);

const OTHER = { accessKey: "other", secretKey: "other-secret" };
const MiB = 1024 * 1024;
const UPLOADS = "/api/v1/query-assets/uploads";

const issue = (s, body, opts = {}) => call(s, "POST", `${UPLOADS}/presigned-url`, { ...opts, body });
const complete = (s, assetKey, opts = {}) => call(s, "POST", `${UPLOADS}/complete`, { ...opts, body: { assetKey } });

/** PUTs raw bytes to a presigned URL of emulator `s` (no signature, no NCP header). */
function put(s, url, body, headers = {}) {
  const u = new URL(url);
  return request(s, { method: "PUT", path: u.pathname + u.search, headers, body });
}

/** Issues, uploads and completes a search image; returns the completed result. */
async function searchImage(s, bytes = sampleImage("png", 400, 300), assetFileName = "search_image.png", opts = {}) {
  const r = ok(await issue(s, { assetType: "IMAGE", assetFileName }, opts));
  assert.equal((await put(s, r.presignedUploadUrl, bytes)).status, 200);
  return ok(await complete(s, r.assetFileKey, opts));
}

// --------------------------------------------------------------------------------------- uploads

describe("search-image uploads (#27, #28) and the presigned URL", () => {
  let s;
  before(async () => {
    s = await startEmulator({ MI_EMULATOR_KEYS: `${OTHER.accessKey}:${OTHER.secretKey}`, MI_EMULATOR_TICK_MS: "10" });
  });
  beforeEach(async () => {
    assert.equal((await admin(s, "POST", "/__emulator/reset")).status, 204);
  });

  test("presigned URL: documented fields, account level (no workspace needed), 900 s, a URL on the emulator", async () => {
    const r = ok(await issue(s, { assetType: "IMAGE", assetFileName: "search_image.jpg" }));
    assert.deepEqual(Object.keys(r), ["assetFileKey", "presignedUploadUrl", "expirationSeconds"]);
    assert.match(r.assetFileKey, /^query-assets\/[A-Za-z0-9]{10}\/search_image\.jpg$/);
    assert.match(r.presignedUploadUrl, new RegExp(`^http://127\\.0\\.0\\.1:${s.port}/__emulator/uploads\\?token=[0-9a-f]{32}$`));
    assert.equal(r.expirationSeconds, 900);
    const viaHost = ok(await issue(s, { assetType: "IMAGE", assetFileName: "a.png" }, { headers: { host: "emulator.test:8080" } }));
    assert.match(viaHost.presignedUploadUrl, /^http:\/\/emulator\.test:8080\/__emulator\/uploads\?token=/, "built from the Host header");
  });

  test("presigned URL rules -> 400 10001", async () => {
    for (const [body, message] of [
      [{ assetFileName: "a.jpg" }, "assetType is required; only IMAGE"],
      [{ assetType: "VIDEO", assetFileName: "a.jpg" }, "assetType must be IMAGE"],
      [{ assetType: "image", assetFileName: "a.jpg" }, "assetType must be IMAGE"],
      [{ assetType: "IMAGE" }, "assetFileName is required"],
      [{ assetType: "IMAGE", assetFileName: "" }, /1 to 255 characters/],
      [{ assetType: "IMAGE", assetFileName: "dir/a.jpg" }, /must not contain/],
      [{ assetType: "IMAGE", assetFileName: "a.gif" }, "assetFileName must end in one of .jpg .png .webp .heic (or .jpeg)"],
      [{ assetType: "IMAGE", assetFileName: "a.mp4" }, /must end in one of/],
    ]) {
      assertServiceError(await issue(s, body), 400, "10001", message);
    }
    for (const name of ["A.JPG", "b.jpeg", "c.png", "d.webp", "e.HEIC"]) ok(await issue(s, { assetType: "IMAGE", assetFileName: name }));
    assertServiceError(await call(s, "POST", `${UPLOADS}/presigned-url`, { body: "[]", contentType: "application/json" }), 400, "10001", "Request body must be a JSON object");
    assertServiceError(await call(s, "POST", `${UPLOADS}/complete`, { body: {} }), 400, "10001", "assetKey is required");
    assertServiceError(await call(s, "POST", `${UPLOADS}/complete`, { body: { assetKey: "" } }), 400, "10001", /assetKey must be 1 to 1024/);
  });

  test("complete: FILE_NOT_EXIST before the PUT and for unknown keys, then COMPLETED with the key echoed", async () => {
    const r = ok(await issue(s, { assetType: "IMAGE", assetFileName: "q.png" }));
    const notYet = ok(await complete(s, r.assetFileKey));
    assert.deepEqual(notYet, { assetKey: r.assetFileKey, uploadStatus: "FAILED", uploadMessage: "FILE_NOT_EXIST" });
    assert.deepEqual(ok(await complete(s, "query-assets/none/x.png")), { assetKey: "query-assets/none/x.png", uploadStatus: "FAILED", uploadMessage: "FILE_NOT_EXIST" });
    assert.equal((await put(s, r.presignedUploadUrl, sampleImage("png", 224, 224))).status, 200);
    assert.deepEqual(ok(await complete(s, r.assetFileKey)), { assetKey: r.assetFileKey, uploadStatus: "COMPLETED" });
    assert.deepEqual(ok(await complete(s, r.assetFileKey, OTHER)), { assetKey: r.assetFileKey, uploadStatus: "FAILED", uploadMessage: "FILE_NOT_EXIST" }, "another account's key");
  });

  test("jpg / png / webp / heic pass (heic answers the converted .jpg key); size, resolution and format fail", async () => {
    const cases = [
      ["a.jpg", sampleImage("jpg", 1920, 1080), null],
      ["a.png", sampleImage("png", 224, 500), null],
      ["a.webp", sampleImage("webp", 224, 224), null],
      ["a.webp", sampleImage("webp", 500, 300, { variant: "VP8" }), null],
      ["a.webp", sampleImage("webp", 500, 300, { variant: "VP8L" }), null],
      ["a.png", sampleImage("png", 223, 500), "RESOLUTION_NOT_SUPPORT"],
      ["a.heic", sampleImage("heic", 500, 223), "RESOLUTION_NOT_SUPPORT"],
      ["a.jpg", sampleImage("jpg", 300, 300, { size: 5 * MiB }), null],
      ["a.jpg", sampleImage("jpg", 300, 300, { size: 5 * MiB + 1 }), "OVER_SIZE_LIMIT"],
      ["a.jpg", Buffer.from("%PDF-1.7 not an image"), "FORMAT_NOT_SUPPORT"],
      ["a.jpg", Buffer.alloc(0), "FORMAT_NOT_SUPPORT"],
    ];
    for (const [name, bytes, failure] of cases) {
      const r = ok(await issue(s, { assetType: "IMAGE", assetFileName: name }));
      assert.equal((await put(s, r.presignedUploadUrl, bytes)).status, 200);
      const done = ok(await complete(s, r.assetFileKey));
      const expected = failure === null
        ? { assetKey: r.assetFileKey, uploadStatus: "COMPLETED" }
        : { assetKey: r.assetFileKey, uploadStatus: "FAILED", uploadMessage: failure };
      assert.deepEqual(done, expected, `${name} ${bytes.length} B`);
    }
    const heic = ok(await issue(s, { assetType: "IMAGE", assetFileName: "photo.heic" }));
    await put(s, heic.presignedUploadUrl, sampleImage("heic", 4032, 3024));
    const done = ok(await complete(s, heic.assetFileKey));
    assert.deepEqual(done, { assetKey: heic.assetFileKey.replace(/\.heic$/, ".jpg"), uploadStatus: "COMPLETED" });
  });

  test("the PUT: no NCP header needed (fetch with a Uint8Array and with a Blob), none accepted, single use", async () => {
    const r = ok(await issue(s, { assetType: "IMAGE", assetFileName: "q.png" }));
    const bytes = sampleImage("png", 300, 300);
    const refused = await put(s, r.presignedUploadUrl, bytes, { "x-ncp-apigw-signature-v2": "x" });
    assert.equal(refused.status, 400);
    assert.deepEqual(refused.json, { code: "InvalidRequest", message: "A presigned URL takes no NCP or Authorization header (got x-ncp-apigw-signature-v2)" });
    const res = await fetch(r.presignedUploadUrl, { method: "PUT", body: new Uint8Array(bytes) });
    assert.equal(res.status, 200, "a refused PUT did not use the URL");
    assert.equal((await fetch(r.presignedUploadUrl, { method: "PUT", body: new Uint8Array(bytes) })).status, 403);
    const b = ok(await issue(s, { assetType: "IMAGE", assetFileName: "b.png" }));
    const blob = await fetch(b.presignedUploadUrl, { method: "PUT", body: new Blob([bytes], { type: "image/png" }) });
    assert.equal(blob.status, 200);
    assert.equal(ok(await complete(s, b.assetFileKey)).uploadStatus, "COMPLETED");
    const log = (await admin(s, "GET", "/__emulator/uploads")).json;
    assert.deepEqual(log.map((u) => [u.kind, u.status, u.workspaceName, u.accessKey]), [["search", "UPLOADED", null, AK], ["search", "UPLOADED", null, AK]]);
    assert.equal(log[1].putHeaders["content-type"], "image/png");
  });

  test("a PUT cut off mid-body does not use the URL", async () => {
    const r = ok(await issue(s, { assetType: "IMAGE", assetFileName: "q.png" }));
    const u = new URL(r.presignedUploadUrl);
    await new Promise((resolve) => {
      const req = http.request({ host: "127.0.0.1", port: s.port, method: "PUT", path: u.pathname + u.search, headers: { "content-length": "100000" }, agent: false });
      req.on("error", () => resolve());
      req.write(Buffer.alloc(1000), () => setTimeout(() => {
        req.destroy();
        resolve();
      }, 50));
    });
    await until(() => admin(s, "GET", "/__emulator/uploads"), (res) => res.json[0].status === "ISSUED");
    assert.equal((await put(s, r.presignedUploadUrl, sampleImage("png", 300, 300))).status, 200);
  });

  test("the PUT and its preflight answer CORS for a browser page on another origin", async () => {
    const r = ok(await issue(s, { assetType: "IMAGE", assetFileName: "q.png" }));
    const origin = "http://page.example:5173";
    const res = await put(s, r.presignedUploadUrl, sampleImage("png", 300, 300), { origin, "content-type": "image/png" });
    assert.equal(res.status, 200);
    assert.equal(res.headers["access-control-allow-origin"], origin);
    const denied = await put(s, r.presignedUploadUrl, sampleImage("png", 300, 300), { origin });
    assert.equal(denied.status, 403);
    assert.equal(denied.headers["access-control-allow-origin"], origin, "errors too, so the page can read them");
  });

  test("the preflight of a PUT with a Content-Type allows it", async () => {
    const r = ok(await issue(s, { assetType: "IMAGE", assetFileName: "q.png" }));
    const u = new URL(r.presignedUploadUrl);
    const origin = "http://page.example:5173";
    const pre = await request(s, {
      method: "OPTIONS",
      path: u.pathname + u.search,
      headers: { origin, "access-control-request-method": "PUT", "access-control-request-headers": "content-type" },
    });
    assert.ok(pre.status === 204 || pre.status === 200);
    assert.equal(pre.headers["access-control-allow-origin"], origin);
    assert.match(pre.headers["access-control-allow-headers"], /content-type/i);
    assert.match(pre.headers["access-control-allow-methods"], /\bPUT\b/);
  });

  test("the URL expires on the emulator clock (POST /__emulator/clock)", async () => {
    const r = ok(await issue(s, { assetType: "IMAGE", assetFileName: "q.png" }));
    await admin(s, "POST", "/__emulator/clock", { offsetMs: 899_000 });
    const early = ok(await issue(s, { assetType: "IMAGE", assetFileName: "q.png" }, { timestamp: String(Date.now() + 899_000) }));
    assert.equal((await put(s, r.presignedUploadUrl, sampleImage("png", 300, 300))).status, 200, "899 s: still valid");
    await admin(s, "POST", "/__emulator/clock", { offsetMs: 899_000 + 901_000 });
    const late = await put(s, early.presignedUploadUrl, sampleImage("png", 300, 300));
    assert.equal(late.status, 403);
    assert.deepEqual(late.json, { code: "AccessDenied", message: "Request has expired" });
    assert.deepEqual(ok(await complete(s, early.assetFileKey, { timestamp: String(Date.now() + 1_800_000) })).uploadMessage, "FILE_NOT_EXIST");
  });
});

describe("upload settings from the environment", () => {
  test("MI_EMULATOR_UPLOAD_EXPIRY_S shortens the URL's life; MI_EMULATOR_UPLOAD_BASE sets its base", async () => {
    const s = await startEmulator({ MI_EMULATOR_UPLOAD_EXPIRY_S: "2", MI_EMULATOR_UPLOAD_BASE: "http://uploads.test:9000/" });
    try {
      const r = ok(await issue(s, { assetType: "IMAGE", assetFileName: "q.png" }));
      assert.equal(r.expirationSeconds, 2);
      assert.match(r.presignedUploadUrl, /^http:\/\/uploads\.test:9000\/__emulator\/uploads\?token=[0-9a-f]{32}$/);
      assert.deepEqual((await admin(s, "GET", "/__emulator/uploads/settings")).json, { expirationSeconds: 2, thumbnailKeyTtlSeconds: 86400 });
      await admin(s, "POST", "/__emulator/clock", { offsetMs: 2100 });
      assert.equal((await put(s, r.presignedUploadUrl, sampleImage("png", 300, 300))).status, 403);
    } finally {
      s.stop();
    }
  });
});

// ----------------------------------------------------------------------------------- asset search

const WS = "search-ws";
const W = `/api/v1/workspaces/${WS}`;

async function analyse(s, pid, key) {
  const asset = ok(await call(s, "POST", `${W}/projects/${pid}/assets/import/object-storage`, { body: { bucketName: "mi-demo", key } }));
  const A = `${W}/projects/${pid}/assets/${asset.assetId}`;
  await until(() => call(s, "GET", `${A}/import-status`), (r) => r.json?.result?.uploadStatus === "COMPLETED");
  ok(await call(s, "POST", `${A}/index`, { body: {} }));
  await until(() => call(s, "GET", `${A}/index/status`), (r) => r.json?.result?.status === "ANALYZE_COMPLETED");
  return { pid, assetId: asset.assetId, key, index: ok(await call(s, "GET", `${A}/index`)) };
}

const start = (s, body, opts = {}) => call(s, "POST", `${W}/assets/search`, { ...opts, body });
const result = (s, id, q = "") => call(s, "GET", `${W}/assets/search/${id}${q}`);
const finished = (s, id, q = "") => until(() => result(s, id, q), (r) => r.json?.result?.status !== "RUNNING");

/**
 * Runs `fn` with ticks of 1 s, so that a search just started is surely still RUNNING however slow the
 * machine; `fn` gets `finish()`, which moves the emulator clock 3 ticks on. Restores the 10 ms tick and
 * the clock afterwards.
 */
async function withSlowTicks(s, fn) {
  assert.equal((await admin(s, "POST", "/__emulator/tick", { tickMs: 1000 })).status, 200);
  try {
    return await fn(() => admin(s, "POST", "/__emulator/clock", { offsetMs: 3000 }));
  } finally {
    await admin(s, "POST", "/__emulator/tick", { tickMs: 10 });
    await admin(s, "POST", "/__emulator/clock", { offsetMs: 0 });
  }
}

/** Runs a search to its end and answers its first page (pageSize 100). */
async function search(s, body) {
  const { searchId } = ok(await start(s, body));
  return ok(await finished(s, searchId, "?pageSize=100"));
}

/** "assetId/sceneNo" of every result scene (images: "assetId/-"). */
const hits = (r) => r.results.flatMap((item) => (item.scenes.length ? item.scenes.map((sc) => `${item.assetId}/${sc.sceneNo}`) : [`${item.assetId}/-`])).sort();

/**
 * The oracle: the scenes a text query and its person / dialog conditions should find, from the indexes
 * as GET .../index answers them (the rules in search.mjs's header).
 */
function expected(assets, { text, person = {}, dialog = {}, min = 60 }) {
  const terms = [...new Set(text.toLowerCase().split(/\s+/).filter(Boolean))];
  const passes = (cond, has) =>
    (!cond.must?.length || cond.must.every(has)) && (!cond.any?.length || cond.any.some(has)) && !(cond.not?.length && cond.not.some(has));
  const out = [];
  for (const { assetId, index } of assets) {
    const units = index.type === "IMAGE"
      ? [{ no: "-", texts: index.keywords.map((k) => k.keyword.toLowerCase()), persons: [], lines: [] }]
      : index.scenes.map((sc) => {
        const lines = index.scripts.filter((l) => l.startMs < sc.endMs && l.endMs > sc.startMs).map((l) => l.text.toLowerCase());
        return { no: sc.sceneNo, texts: [...sc.keywords.map((k) => k.toLowerCase()), ...lines], persons: sc.personIds, lines };
      });
    for (const u of units) {
      const matched = terms.filter((t) => u.texts.some((x) => x.includes(t))).length;
      if (matched === 0 || Math.round((100 * matched) / terms.length) < min) continue;
      if (!passes(person, (id) => u.persons.includes(id))) continue;
      if (!passes(dialog, (d) => u.lines.some((l) => l.includes(d.toLowerCase())))) continue;
      out.push(`${assetId}/${u.no}`);
    }
  }
  return out.sort();
}

describe("asset search (#25, #26)", () => {
  let s;
  let trailer;
  let interview;
  let photo;
  let assets;
  let otherProject;
  before(async () => {
    s = await startEmulator({ MI_EMULATOR_KEYS: `${OTHER.accessKey}:${OTHER.secretKey}`, MI_EMULATOR_TICK_MS: "10" });
    ok(await call(s, "POST", "/api/v1/workspaces", { body: { workspaceName: WS } }));
    const base = ok(await call(s, "GET", `${W}/projects`)).projects[0].projectId;
    otherProject = ok(await call(s, "POST", `${W}/projects`, { body: { name: "interviews" } })).projectId;
    trailer = await analyse(s, base, "trailer.mov");
    interview = await analyse(s, otherProject, "clips/interview.webm");
    photo = await analyse(s, base, "photo.jpg");
    assets = [trailer, interview, photo];
  });

  test("a search RUNS for a few ticks, then COMPLETES; counts and results only when COMPLETED", async () => {
    const keyword = trailer.index.scenes[0].keywords[0];
    const [started, done] = await withSlowTicks(s, async (finish) => {
      const started = ok(await start(s, { query: { textQuery: keyword } }));
      assert.deepEqual(Object.keys(started), ["searchId"]);
      assert.match(started.searchId, /^[A-Za-z0-9]{20}$/);
      assert.deepEqual(ok(await result(s, started.searchId)), { searchId: started.searchId, status: "RUNNING" });
      await finish();
      return [started, ok(await result(s, started.searchId))];
    });
    assert.deepEqual(Object.keys(done), ["searchId", "status", "totalCount", "totalPage", "pageNo", "pageSize", "results"]);
    assert.equal(done.status, "COMPLETED");
    assert.deepEqual([done.pageNo, done.pageSize], [1, 50], "defaults");
    assert.equal(done.totalCount, done.results.length);
    assert.equal(done.totalPage, 1);
  });

  test("the analysed video's keyword finds its scenes, score 100, in the documented item shape", async () => {
    const keyword = trailer.index.scenes[0].keywords[0];
    const r = await search(s, { query: { textQuery: keyword.toUpperCase() } });
    assert.deepEqual(hits(r), expected(assets, { text: keyword }));
    const item = r.results.find((x) => x.assetId === trailer.assetId);
    assert.ok(item, `the trailer has ${keyword}`);
    assert.deepEqual(Object.keys(item), ["assetId", "projectId", "assetName", "assetType", "score", "scenes"]);
    assert.deepEqual([item.projectId, item.assetName, item.assetType, item.score], [trailer.pid, "trailer.mov", "VIDEO", 100]);
    assert.ok(item.scenes.some((sc) => sc.sceneNo === 1));
    const scene1 = item.scenes.find((sc) => sc.sceneNo === 1);
    assert.deepEqual(scene1, { sceneNo: 1, startMs: trailer.index.scenes[0].startMs, endMs: trailer.index.scenes[0].endMs, score: 100 });
    const scores = r.results.map((x) => x.score);
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a), "sorted by score");
  });

  test("words of the speech script find the scenes they are said in", async () => {
    const line = interview.index.scripts.find((l) => /^[A-Za-z]/.test(l.text));
    const words = line.text.split(/\s+/).slice(0, 3).join(" ");
    const r = await search(s, { query: { textQuery: words } });
    assert.deepEqual(hits(r), expected(assets, { text: words }));
    const said = interview.index.scenes.find((sc) => line.startMs < sc.endMs && line.endMs > sc.startMs).sceneNo;
    assert.ok(hits(r).includes(`${interview.assetId}/${said}`));
  });

  test("an image's keywords find the image (no scenes); nothing matches nonsense", async () => {
    const keyword = photo.index.keywords[0].keyword;
    const r = await search(s, { query: { textQuery: keyword }, filter: { assetTypes: ["IMAGE"] } });
    assert.deepEqual(r.results.map((x) => [x.assetId, x.assetType, x.assetName, x.scenes]), [[photo.assetId, "IMAGE", "photo.jpg", []]]);
    const none = await search(s, { query: { textQuery: "zzqqxx" } });
    assert.deepEqual([none.totalCount, none.totalPage, none.results], [0, 0, []]);
  });

  test("confidenceLevel: half the terms score 50, found at LOW only", async () => {
    const keyword = trailer.index.scenes[0].keywords[0];
    const text = `${keyword} zzqqxx`;
    assert.deepEqual((await search(s, { query: { textQuery: text } })).results, []);
    assert.deepEqual((await search(s, { query: { textQuery: text }, queryOption: { confidenceLevel: "HIGH" } })).results, []);
    const low = await search(s, { query: { textQuery: text }, queryOption: { confidenceLevel: "LOW" } });
    assert.deepEqual(hits(low), expected(assets, { text, min: 40 }));
    assert.ok(low.results.every((x) => x.score === 50));
  });

  test("personQuery must / any / not over the scenes' persons find the analysed person", async () => {
    const keyword = trailer.index.scenes[0].keywords[0];
    const everyone = [...new Set(assets.flatMap((a) => a.index.persons?.map((p) => p.personId) ?? []))];
    const inScene1 = trailer.index.scenes[0].personIds[0];
    const r = await search(s, { query: { textQuery: keyword, personQuery: { must: [inScene1] } } });
    assert.ok(hits(r).includes(`${trailer.assetId}/1`), "the person's scene");
    for (const person of [{ must: [inScene1] }, { any: everyone.slice(0, 3) }, { not: [inScene1] }, { must: everyone }, { must: [inScene1], not: everyone.filter((id) => id !== inScene1) }]) {
      const found = await search(s, { query: { textQuery: keyword, personQuery: person } });
      assert.deepEqual(hits(found), expected(assets, { text: keyword, person }), JSON.stringify(person));
    }
  });

  test("dialogQuery must / any / not over the lines said in the scene", async () => {
    const line = trailer.index.scripts[0];
    const scene = trailer.index.scenes.find((sc) => line.startMs < sc.endMs && line.endMs > sc.startMs);
    const keyword = scene.keywords[0];
    const phrase = line.text.split(/\s+/).slice(0, 2).join(" ");
    for (const dialog of [{ must: [phrase] }, { any: [phrase, "zzqq"] }, { not: [phrase] }, { must: [phrase, "zzqq"] }]) {
      const found = await search(s, { query: { textQuery: keyword, dialogQuery: dialog } });
      assert.deepEqual(hits(found), expected(assets, { text: keyword, dialog }), JSON.stringify(dialog));
    }
    const must = await search(s, { query: { textQuery: keyword, dialogQuery: { must: [phrase.toUpperCase()] } } });
    assert.ok(hits(must).includes(`${trailer.assetId}/${scene.sceneNo}`));
  });

  test("filter: projectIds, assetIds, assetTypes, indexModifiedFrom / To", async () => {
    const text = `${trailer.index.scenes[0].keywords[0]} ${interview.index.scenes[0].keywords[0]}`; // one of the two: 50
    const low = { confidenceLevel: "LOW" };
    const all = await search(s, { query: { textQuery: text }, queryOption: low });
    const ids = (r) => [...new Set(r.results.map((x) => x.assetId))].sort((a, b) => a - b);
    assert.deepEqual(ids(all).filter((id) => id !== photo.assetId), [trailer.assetId, interview.assetId].sort((a, b) => a - b));
    const byProject = await search(s, { query: { textQuery: text }, queryOption: low, filter: { projectIds: [otherProject] } });
    assert.deepEqual(ids(byProject), [interview.assetId]);
    const byAsset = await search(s, { query: { textQuery: text }, queryOption: low, filter: { assetIds: [trailer.assetId] } });
    assert.deepEqual(ids(byAsset), [trailer.assetId]);
    const videos = await search(s, { query: { textQuery: text }, queryOption: low, filter: { assetTypes: ["VIDEO"] } });
    assert.ok(!ids(videos).includes(photo.assetId));
    const future = await search(s, { query: { textQuery: text }, queryOption: low, filter: { indexModifiedFrom: "2999-01-01T00:00:00Z" } });
    assert.deepEqual(future.results, []);
    const past = await search(s, { query: { textQuery: text }, queryOption: low, filter: { indexModifiedFrom: "2000-01-01", indexModifiedTo: "2999-12-31T23:59:59+09:00" } });
    assert.deepEqual(ids(past), ids(all));
  });

  test("an image query: deterministic, HIGH within MEDIUM within LOW, scores over each level", async () => {
    const { assetKey } = await searchImage(s);
    const at = async (confidenceLevel) => search(s, { query: { imageQuery: assetKey }, queryOption: { confidenceLevel } });
    const [low, medium, high] = [await at("LOW"), await at("MEDIUM"), await at("HIGH")];
    for (const [r, min] of [[low, 40], [medium, 60], [high, 80]]) {
      for (const item of r.results) for (const sc of item.scenes) assert.ok(sc.score >= min && sc.score <= 100);
    }
    assert.ok(hits(high).every((h) => hits(medium).includes(h)));
    assert.ok(hits(medium).every((h) => hits(low).includes(h)));
    assert.ok(low.totalCount > 0, "some scene looks like any image at LOW");
    const again = await at("LOW");
    assert.deepEqual(again.results, low.results, "the same image finds the same scenes");
  });

  test("imageQuery must be a completed key of the caller; a HEIC upload is queried by its .jpg key", async () => {
    const heic = ok(await issue(s, { assetType: "IMAGE", assetFileName: "p.heic" }));
    await put(s, heic.presignedUploadUrl, sampleImage("heic", 800, 600));
    assertServiceError(await start(s, { query: { imageQuery: heic.assetFileKey } }), 400, "10001", /is not a completed upload/);
    const { assetKey } = ok(await complete(s, heic.assetFileKey));
    assert.match(assetKey, /\.jpg$/);
    assertServiceError(await start(s, { query: { imageQuery: heic.assetFileKey } }), 400, "10001", /is not a completed upload/, "the .heic key");
    ok(await start(s, { query: { imageQuery: assetKey } }));
    const failed = ok(await issue(s, { assetType: "IMAGE", assetFileName: "small.png" }));
    await put(s, failed.presignedUploadUrl, sampleImage("png", 10, 10));
    assert.equal(ok(await complete(s, failed.assetFileKey)).uploadStatus, "FAILED");
    assertServiceError(await start(s, { query: { imageQuery: failed.assetFileKey } }), 400, "10001", /is not a completed upload/);
    const mine = await searchImage(s);
    ok(await call(s, "POST", "/api/v1/workspaces", { ...OTHER, body: { workspaceName: WS } }));
    assertServiceError(await start(s, { query: { imageQuery: mine.assetKey } }, OTHER), 400, "10001", /is not a completed upload/);
  });

  test("search body rules -> 400 10001", async () => {
    for (const [body, message] of [
      [{}, "query is required"],
      [{ query: "x" }, "query must be an object"],
      [{ query: {} }, "query must have exactly one of textQuery and imageQuery"],
      [{ query: { textQuery: "a", imageQuery: "b" } }, "query must have exactly one of textQuery and imageQuery"],
      [{ query: { textQuery: "" } }, /query\.textQuery must be 1 to 1000 characters, not blank/],
      [{ query: { textQuery: "  " } }, /not blank/],
      [{ query: { textQuery: "a;b" } }, "query.textQuery must be without ; | or `"],
      [{ query: { textQuery: "a|b" } }, "query.textQuery must be without ; | or `"],
      [{ query: { textQuery: "a`b" } }, "query.textQuery must be without ; | or `"],
      [{ query: { textQuery: 5 } }, "query.textQuery must be a string"],
      [{ query: { imageQuery: "" } }, "query.imageQuery must be a non-empty string"],
      [{ query: { imageQuery: "query-assets/x/y.png" } }, /is not a completed upload/],
      [{ query: { textQuery: "a", personQuery: [] } }, "query.personQuery must be an object {must?, any?, not?}"],
      [{ query: { textQuery: "a", personQuery: { must: 1 } } }, "query.personQuery.must must be an array"],
      [{ query: { textQuery: "a", personQuery: { any: ["1"] } } }, "query.personQuery.any[0] must be a positive integer person id"],
      [{ query: { textQuery: "a", personQuery: { not: [1, 0] } } }, "query.personQuery.not[1] must be a positive integer person id"],
      [{ query: { textQuery: "a", dialogQuery: { must: ["a;b"] } } }, "query.dialogQuery.must[0] must be without ; | or `"],
      [{ query: { textQuery: "a", dialogQuery: { any: [""] } } }, /query\.dialogQuery\.any\[0\] must be 1 to 1000/],
      [{ query: { textQuery: "a", dialogQuery: { not: [3] } } }, "query.dialogQuery.not[0] must be a string"],
      [{ query: { textQuery: "a" }, queryOption: "HIGH" }, "queryOption must be an object"],
      [{ query: { textQuery: "a" }, queryOption: { confidenceLevel: "high" } }, "queryOption.confidenceLevel must be one of LOW, MEDIUM, HIGH"],
      [{ query: { textQuery: "a" }, filter: [] }, "filter must be an object"],
      [{ query: { textQuery: "a" }, filter: { projectIds: [1.5] } }, "filter.projectIds must be an array of positive integers"],
      [{ query: { textQuery: "a" }, filter: { assetIds: "1" } }, "filter.assetIds must be an array of positive integers"],
      [{ query: { textQuery: "a" }, filter: { assetTypes: ["AUDIO"] } }, "filter.assetTypes must be an array of IMAGE, VIDEO"],
      [{ query: { textQuery: "a" }, filter: { indexModifiedFrom: "yesterday" } }, "filter.indexModifiedFrom must be an ISO 8601 date-time"],
      [{ query: { textQuery: "a" }, filter: { indexModifiedTo: "2026-13-45" } }, "filter.indexModifiedTo must be an ISO 8601 date-time"],
    ]) {
      assertServiceError(await start(s, body), 400, "10001", message);
    }
    ok(await start(s, { query: { textQuery: "a", imageQuery: null, personQuery: null, dialogQuery: { must: null } }, queryOption: null, filter: null }), "null is absent");
    ok(await start(s, { query: { textQuery: "회의" }, extra: true }), "unknown fields ignored");
    assertServiceError(await call(s, "POST", `${W}/assets/search`, { body: "{}", contentType: "text/plain" }), 400, "10001", "Content-Type must be application/json");
  });

  test('textQuery "__fail__" makes the search FAIL after its ticks', async () => {
    await withSlowTicks(s, async (finish) => {
      const { searchId } = ok(await start(s, { query: { textQuery: "__fail__" } }));
      assert.deepEqual(ok(await result(s, searchId)), { searchId, status: "RUNNING" });
      await finish();
      assert.deepEqual(ok(await result(s, searchId)), { searchId, status: "FAILED" });
    });
  });

  test("result paging: pageNum 1.., pageSize 1..100 (default 50); unknown ids 404", async () => {
    const text = `${trailer.index.scenes[0].keywords[0]} ${interview.index.scenes[0].keywords[0]}`; // one of the two: 50
    const { searchId } = ok(await start(s, { query: { textQuery: text }, queryOption: { confidenceLevel: "LOW" } }));
    const full = ok(await finished(s, searchId, "?pageSize=100"));
    assert.ok(full.totalCount >= 2);
    const p1 = ok(await result(s, searchId, "?pageNum=1&pageSize=1"));
    const p2 = ok(await result(s, searchId, "?pageSize=1&pageNum=2"));
    assert.deepEqual([p1.totalCount, p1.totalPage, p1.pageNo, p1.pageSize], [full.totalCount, full.totalCount, 1, 1]);
    assert.deepEqual([...p1.results, ...p2.results], full.results.slice(0, 2));
    assert.deepEqual(ok(await result(s, searchId, `?pageNum=${full.totalCount + 1}&pageSize=1`)).results, []);
    for (const [q, message] of [
      ["?pageNum=0", "pageNum must be an integer from 1 up"],
      ["?pageNum=x", "pageNum must be an integer from 1 up"],
      ["?pageSize=0", "pageSize must be an integer from 1 to 100"],
      ["?pageSize=101", "pageSize must be an integer from 1 to 100"],
    ]) {
      assertServiceError(await result(s, searchId, q), 400, "10001", message);
    }
    assertServiceError(await result(s, "NoSuchSearch0000000"), 404, "404", "Search 'NoSuchSearch0000000' not found");
    ok(await call(s, "POST", "/api/v1/workspaces", { body: { workspaceName: "another-ws" } }));
    assertServiceError(await call(s, "GET", `/api/v1/workspaces/another-ws/assets/search/${searchId}`), 404, "404");
  });

  test("after a merge, the merged person's id finds the scenes of the person it became", async () => {
    const keyword = trailer.index.scenes[0].keywords[0];
    const [x, y] = trailer.index.scenes[0].personIds;
    const beforeX = hits(await search(s, { query: { textQuery: keyword, personQuery: { must: [x] } } }));
    ok(await call(s, "POST", `${W}/persons/${y}/merge`, { body: { personIds: [x] } }));
    const viaOld = await search(s, { query: { textQuery: keyword, personQuery: { must: [x] } } });
    const viaNew = await search(s, { query: { textQuery: keyword, personQuery: { must: [y] } } });
    assert.deepEqual(hits(viaOld), hits(viaNew));
    assert.ok(beforeX.every((h) => hits(viaNew).includes(h)), "every scene of x is now y's");
  });

  test("every search route is a fault route key; a fault on the search start", async () => {
    const keys = (await admin(s, "GET", "/__emulator/routes")).json.map((r) => r.key);
    for (const key of [
      "POST /api/v1/workspaces/*/assets/search", "GET /api/v1/workspaces/*/assets/search/*",
      "POST /api/v1/query-assets/uploads/presigned-url", "POST /api/v1/query-assets/uploads/complete",
    ]) {
      assert.ok(keys.includes(key), key);
    }
    assert.equal((await admin(s, "POST", "/__emulator/faults", { faults: [{ route: "POST /api/v1/query-assets/uploads/presigned-url", fault: "429" }] })).status, 200);
    assert.equal((await issue(s, { assetType: "IMAGE", assetFileName: "a.png" })).status, 429);
    ok(await issue(s, { assetType: "IMAGE", assetFileName: "a.png" }));
  });
});
