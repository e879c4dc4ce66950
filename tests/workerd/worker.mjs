// A module Worker that loads the built package the way a Worker does (pkg/workerd.js imports the .wasm
// as a compiled module and calls initSync) and drives it against the emulator: workspaces, typed errors,
// and every operation of issues 12 and 13 (projects, assets, analysis and scene summaries, asset search
// with image uploads, persons and person tags), their iterators, waiters and upload helpers, with the
// waiters' timers and fetches inside workerd. workerd runs `test()`.
//
// Each check prints `ok - WHAT` or `not ok - WHAT: DETAIL` and the run goes on after a failed check (a
// section that throws is one failed check, and the next section still runs); the test fails at its end
// when any check did. The workspace is deleted whatever happened.
import { MediaIntelligence, signRequest } from "./pkg/workerd.js";

const keys = { accessKey: "test-access-key", secretKey: "test-secret-key" };

/** The operations of issues 12 and 13 (OperationName without the workspace ones) and the helpers. */
const OPERATIONS = [
  "listProjects", "createProject", "getProject", "updateProject", "deleteProject",
  "importAsset", "listAssets", "getAsset", "moveAsset", "deleteAsset", "getAssetImportStatus",
  "requestIndex", "cancelIndex", "getIndexStatus", "getIndex", "deleteIndex",
  "requestSceneSummary", "getSceneSummaryStatus", "getSceneSummary", "cancelSceneSummary",
  "searchAssets", "getAssetSearchResult", "createSearchImageUploadUrl", "completeSearchImageUpload",
  "listPersons", "createPerson", "getPerson", "updatePerson", "deletePerson", "searchPersons",
  "mergePersons", "listSimilarPersons", "recommendPersonsByThumbnail", "addPersonTags", "removePersonTags",
  "addPersonThumbnails", "removePersonThumbnails", "listPersonTags", "createPersonTag", "deletePersonTag",
  "createPersonThumbnailUploadUrl", "completePersonThumbnailUpload",
];
const HELPERS = [
  "assets", "assetSearchResults", "persons", "personTags",
  "waitForAssetImport", "waitForIndex", "waitForSceneSummary", "waitForAssetSearch", "searchAssetsAndWait",
  "uploadSearchImage", "uploadPersonThumbnail",
];

const failures = [];

function show(value) {
  try {
    return JSON.stringify(value)?.slice(0, 300);
  } catch {
    return String(value);
  }
}

const describe = (e) => (e instanceof Error
  ? `${e.name} code=${e.code} field=${e.field} status=${e.status} apiCode=${e.apiCode}: ${e.message}`
  : `resolved ${show(e)}`);

function check(condition, what, detail) {
  if (condition) {
    console.log(`ok - ${what}`);
  } else {
    failures.push(what);
    console.log(`not ok - ${what}${detail === undefined ? "" : `: ${typeof detail === "string" ? detail : show(detail)}`}`);
  }
  return !!condition;
}

async function rejection(promise) {
  try {
    return { resolved: await promise };
  } catch (e) {
    return e;
  }
}

/** Checks that `promise` rejects with an error of `name` and each of the given fields. */
async function fails(what, promise, expected) {
  const error = await rejection(promise);
  const ok = error instanceof Error && Object.entries(expected).every(([k, v]) => (v instanceof RegExp ? v.test(String(error[k])) : error[k] === v));
  const wanted = Object.entries(expected).map(([k, v]) => `${k} ${v}`).join(", ");
  check(ok, `${what} -> ${wanted}`, describe(error));
  return error;
}

/** Runs one section; a throw is one failed check and the next section still runs. */
async function section(name, body) {
  try {
    await body();
  } catch (e) {
    // The stack only for an error that is not the package's (a slip of this file, e.g. a TypeError).
    const where = e?.stack && !["ValidationError", "NetworkError", "TimeoutError", "AbortError", "ApiError", "DecodeError"].includes(e.name)
      ? `\n${e.stack.split("\n").slice(0, 4).join("\n")}` : "";
    check(false, `${name}: the section ran to its end`, `threw ${describe(e)}${where}`);
  }
}

// -------------------------------------------------------------------------------------- PNG images

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A valid 8-bit greyscale PNG of `size` x `size` pixels of grey `shade` (distinct shades: distinct
 *  faces for the emulator, which compares the uploaded bytes); deflated with CompressionStream. */
async function png(size, shade) {
  const row = size + 1;
  const raw = new Uint8Array(size * row);
  for (let y = 0; y < size; y++) raw.fill(shade, y * row + 1, (y + 1) * row); // filter byte 0, then pixels
  const idat = new Uint8Array(await new Response(new Blob([raw]).stream().pipeThrough(new CompressionStream("deflate"))).arrayBuffer());
  const chunk = (type, data) => {
    const out = new Uint8Array(12 + data.length);
    const view = new DataView(out.buffer);
    view.setUint32(0, data.length);
    for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
    out.set(data, 8);
    view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
    return out;
  };
  const ihdr = new Uint8Array(13);
  new DataView(ihdr.buffer).setUint32(0, size);
  new DataView(ihdr.buffer).setUint32(4, size);
  ihdr.set([8, 0, 0, 0, 0], 8); // bit depth 8, greyscale, deflate, no filter, no interlace
  const parts = [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", idat), chunk("IEND", new Uint8Array(0))];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

async function collect(iterator) {
  const out = [];
  for await (const item of iterator) out.push(item);
  return out;
}

/** Deletes the workspace; a 409 (a job still running after a failure) is retried for a few seconds. */
async function removeWorkspace(mi, workspaceName) {
  const deadline = Date.now() + 8000;
  for (;;) {
    const outcome = await mi.deleteWorkspace(workspaceName).catch((e) => e);
    if (!(outcome instanceof Error) || outcome.code !== "CONFLICT" || Date.now() > deadline) return outcome;
    await new Promise((r) => setTimeout(r, 250));
  }
}

// ----------------------------------------------------------------------------------------- the test

export default {
  async test(_controller, env) {
    const client = new MediaIntelligence({ ...keys, endpoint: env.EMULATOR_URL });
    // The client, wrapped so the end can tell which methods resolved (or yielded) at least once.
    const used = new Set();
    const mi = new Proxy(client, {
      get(target, prop) {
        const value = target[prop];
        if (typeof value !== "function") return value;
        return (...args) => {
          const out = value.apply(target, args);
          if (out && typeof out.then === "function") out.then(() => used.add(prop), () => {});
          else if (out && typeof out.next === "function") {
            const next = out.next.bind(out);
            out.next = (...a) => next(...a).then((r) => (used.add(prop), r));
          }
          return out;
        };
      },
    });
    const name = `workerd-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

    const created = await mi.createWorkspace({ workspaceName: name, bucketName: "edge-bucket" });
    let deleted;
    try {
      check(created.workspaceName === name && typeof created.createdTime === "string", "createWorkspace resolves the created workspace");

      await section("workspaces", async () => {
        const details = await mi.getWorkspace(name);
        check(details.bucketName === "edge-bucket" && details.monthlyAnalysisCount === 0, "getWorkspace reads it back with typed fields", details);

        const wrong = new MediaIntelligence({ ...keys, secretKey: "wrong-secret", endpoint: env.EMULATOR_URL });
        const auth = await rejection(wrong.getWorkspace(name));
        check(auth instanceof Error && auth.name === "ApiError" && auth.code === "AUTHENTICATION_FAILED" && auth.status === 401, "a wrong secret is an ApiError 401", describe(auth));
        check(!String(auth.message).includes("wrong-secret"), "the secret is not in the message");

        const invalid = await rejection(mi.getWorkspace("Bad Name"));
        check(invalid.name === "ValidationError" && invalid.field === "workspaceName", "a bad name is a ValidationError naming the field", describe(invalid));

        const dead = new MediaIntelligence({ ...keys, endpoint: env.DEAD_URL });
        const network = await rejection(dead.getWorkspace(name));
        check(network.name === "NetworkError" && network.code === "NETWORK_ERROR", "a dead port is a NetworkError", describe(network));

        const headers = signRequest({ method: "GET", uri: "/api/v1/workspaces", ...keys, timestamp: 1 });
        check(headers["x-ncp-apigw-signature-v2"].length === 44, "signRequest works in the Worker");
      });

      await pipeline(mi, name);
    } finally {
      deleted = await removeWorkspace(mi, name); // the cleanup, after a failure too
    }
    check(!(deleted instanceof Error) && deleted.workspaceName === name, "deleteWorkspace removes the workspace with everything in it", describe(deleted));

    const missing = [...OPERATIONS, ...HELPERS].filter((op) => !used.has(op));
    check(missing.length === 0, `each of the ${OPERATIONS.length} operations and ${HELPERS.length} helpers resolved at least once in workerd`, `never resolved: ${missing.join(", ")}`);

    if (failures.length > 0) throw new Error(`${failures.length} check(s) failed: ${failures.join("; ")}`);
  },
};

// The operations in the Worker. A project "edge" holds trailer.mov (analysed, summarised, searched, its
// persons merged), clips/interview.webm (analysis cancelled) and photo.jpg (moved to a second project,
// then deleted); a third import of a missing object fails. At the emulator's default tick (250 ms) the
// waits add up to about 6 s.
async function pipeline(mi, workspaceName) {
  const W = { workspaceName };
  const wait = { intervalMs: 20, maxIntervalMs: 100, timeoutMs: 60000 };
  const ctx = {};

  // ------------------------------------------------------------------------------------- projects
  await section("projects", async () => {
    const project = await mi.createProject({ ...W, name: "edge" });
    ctx.projectId = project.projectId;
    check(Number.isInteger(project.projectId) && project.projectId > 0 && project.name === "edge" && project.isBaseProject === false,
      "createProject resolves the new project", project);
    const { projects } = await mi.listProjects(W);
    ctx.baseProjectId = projects.find((p) => p.isBaseProject)?.projectId;
    check(projects.length === 2 && projects.some((p) => p.projectId === project.projectId && p.name === "edge") && ctx.baseProjectId > 0,
      "listProjects shows it beside the base project", projects);

    const read = await mi.getProject({ ...W, projectId: String(project.projectId) });
    check(read.projectId === project.projectId && read.name === "edge" && typeof read.createdTime === "string", "getProject (id as decimal text) reads it back", read);
    const renamed = await mi.updateProject({ ...W, projectId: project.projectId, name: "edge-main" });
    check(renamed.projectId === project.projectId && renamed.name === "edge-main", "updateProject renames it", renamed);
    check((await mi.getProject({ ...W, projectId: project.projectId })).name === "edge-main", "getProject sees the new name");

    const spare = await mi.createProject({ ...W, name: "spare" });
    ctx.spareProjectId = spare.projectId;
    await fails("createProject with a taken name", mi.createProject({ ...W, name: "spare" }), { name: "ApiError", code: "CONFLICT", status: 409 });
    await fails("updateProject of the base project", mi.updateProject({ ...W, projectId: ctx.baseProjectId, name: "other" }), { name: "ApiError", code: "BAD_REQUEST", apiCode: "10027" });
    await fails("getProject of an unknown project", mi.getProject({ ...W, projectId: 999999 }), { name: "ApiError", code: "NOT_FOUND", status: 404 });
    await fails("getProject with a bad id", mi.getProject({ ...W, projectId: -3 }), { name: "ValidationError", field: "projectId", attempts: 0 });
    await fails("createProject with a backtick in the name", mi.createProject({ ...W, name: "a`b" }), { name: "ValidationError", field: "name" });
  });

  // --------------------------------------------------------------------------------------- assets
  await section("assets", async () => {
    const P = { ...W, projectId: ctx.projectId };
    const keysToImport = { video: "trailer.mov", cancel: "clips/interview.webm", photo: "photo.jpg", missing: "no-such-object.mp4" };
    const ids = {};
    await Promise.all(Object.entries(keysToImport).map(async ([role, key]) => {
      const imported = await mi.importAsset({ ...P, bucketName: "mi-demo", key });
      ids[role] = imported.assetId;
    }));
    check(Object.values(ids).every((id) => Number.isInteger(id) && id > 0) && new Set(Object.values(ids)).size === 4, "importAsset resolves each new asset's id", ids);
    ctx.video = { ...P, assetId: ids.video };
    ctx.cancel = { ...P, assetId: ids.cancel };
    ctx.photo = { ...P, assetId: ids.photo };
    const missing = { ...P, assetId: ids.missing };

    const early = await mi.getAssetImportStatus(ctx.video);
    check(early.uploadStatus === "IN_PROGRESS" && early.assetId === ids.video, "getAssetImportStatus right after the import: IN_PROGRESS", early);

    const imports = [];
    const [done] = await Promise.all([
      mi.waitForAssetImport(ctx.video, { ...wait, onProgress: (s) => imports.push(s.uploadStatus) }),
      mi.waitForAssetImport(ctx.cancel, wait),
      mi.waitForAssetImport(ctx.photo, wait),
    ]);
    check(done.uploadStatus === "COMPLETED" && imports.join(">") === "IN_PROGRESS>COMPLETED", `waitForAssetImport resolves COMPLETED (seen ${imports.join(" > ")})`, done);
    const failed = await fails("waitForAssetImport of a missing object", mi.waitForAssetImport(missing, wait), { name: "ApiError", code: "IMPORT_FAILED", apiCode: "FILE_NOT_EXIST" });
    check(failed?.jobStatus?.uploadStatus === "FILE_NOT_EXIST" && /does not exist/.test(failed?.jobStatus?.uploadResult), "the IMPORT_FAILED error carries the last status with its reason", failed?.jobStatus);
    const status = await mi.getAssetImportStatus(ctx.photo);
    check(status.uploadStatus === "COMPLETED" && status.uploadResult === undefined, "getAssetImportStatus after the wait: COMPLETED", status);
    check((await mi.deleteAsset(missing)) === undefined, "deleteAsset removes the failed import (resolves undefined)");

    const page = await mi.listAssets({ ...P, pageNum: 1, pageSize: 2 });
    check(page.totalCount === 3 && page.totalPage === 2 && page.pageNo === 1 && page.pageSize === 2 && page.content.length === 2
      && page.content[0].assetId === ids.video, "listAssets resolves one page with its counts", page);
    const last = await mi.listAssets({ ...P, pageNum: 2, pageSize: 2 });
    check(last.content.length === 1 && last.content[0].assetId === ids.photo, "listAssets page 2 holds the last asset", last);
    const all = await collect(mi.assets({ ...P, pageSize: 2 }));
    check(all.map((a) => a.assetId).join() === [ids.video, ids.cancel, ids.photo].join(), "assets() yields every asset across pages, in order", all.map((a) => a.assetId));

    const asset = await mi.getAsset(ctx.video);
    check(asset.assetId === ids.video && asset.fileName === "trailer.mov" && asset.key === "trailer.mov" && asset.projectId === ctx.projectId,
      "getAsset resolves the asset's details", asset);
    check(asset.metaData?.resolution === "1920x1080" && asset.metaData?.durationMs === 150000 && asset.metaData?.format === "mov" && asset.metaData?.size > 0,
      "getAsset carries metaData (resolution, durationMs, size, format)", asset.metaData);

    const moved = await mi.moveAsset({ ...ctx.photo, newProjectId: ctx.spareProjectId });
    check(moved?.assetId === ids.photo && moved?.projectId === ctx.spareProjectId, "moveAsset moves the photo to the spare project", moved);
    const photoThere = { ...W, projectId: ctx.spareProjectId, assetId: ids.photo };
    check((await mi.getAsset(photoThere)).projectId === ctx.spareProjectId, "getAsset reads it under its new project");
    await fails("getAsset under the old project after moveAsset", mi.getAsset(ctx.photo), { name: "ApiError", code: "NOT_FOUND", status: 404 });
    await fails("moveAsset to an unknown project", mi.moveAsset({ ...photoThere, newProjectId: 999999 }), { name: "ApiError", code: "NOT_FOUND" });
    check((await mi.deleteAsset(photoThere)) === undefined, "deleteAsset removes the photo (resolves undefined)");
    await fails("getAsset after deleteAsset", mi.getAsset(photoThere), { name: "ApiError", code: "NOT_FOUND", status: 404 });
    await fails("importAsset of a folder key", mi.importAsset({ ...P, bucketName: "mi-demo", key: "clips/" }), { code: /INVALID_INPUT|BAD_REQUEST/ });

    check((await mi.deleteProject({ ...W, projectId: ctx.spareProjectId })) === undefined, "deleteProject removes the spare project (resolves undefined)");
    await fails("getProject after deleteProject", mi.getProject({ ...W, projectId: ctx.spareProjectId }), { name: "ApiError", code: "NOT_FOUND" });
    await fails("deleteProject of the base project", mi.deleteProject({ ...W, projectId: ctx.baseProjectId }), { name: "ApiError", code: "BAD_REQUEST", apiCode: "10027" });
  });

  // ------------------------------------------------------------------------------------- analysis
  await section("analysis", async () => {
    await fails("getIndex before any analysis", mi.getIndex(ctx.video), { name: "ApiError", code: "CONFLICT", status: 409 });
    const started = await mi.requestIndex({ ...ctx.video, sceneRange: "SHORT" });
    check(started?.assetId === ctx.video.assetId && started?.status === "WAIT_ANALYZE", "requestIndex resolves the API's result (WAIT_ANALYZE)", started);
    const other = await mi.requestIndex({ ...ctx.cancel, analysisPersonCount: 0, sourceLanguage: "EN" });
    check(other?.status === "WAIT_ANALYZE", "requestIndex on the second asset", other);
    const cancelled = await mi.cancelIndex(ctx.cancel);
    check(cancelled?.assetId === ctx.cancel.assetId && cancelled?.status === "ANALYZE_CANCEL", "cancelIndex cancels the second asset's analysis", cancelled);
    const cancelStatus = await mi.getIndexStatus(ctx.cancel);
    check(cancelStatus.status === "ANALYZE_CANCEL" && cancelStatus.analyzeStatusMessage === "Canceled by request", "getIndexStatus: ANALYZE_CANCEL with its message", cancelStatus);
    const canceled = await fails("waitForIndex of a cancelled analysis", mi.waitForIndex(ctx.cancel, wait), { name: "ApiError", code: "ANALYSIS_CANCELED" });
    check(canceled?.jobStatus?.status === "ANALYZE_CANCEL", "the ANALYSIS_CANCELED error carries the last status", canceled?.jobStatus);
    await fails("cancelIndex when none runs", mi.cancelIndex(ctx.cancel), { name: "ApiError", code: "CONFLICT", status: 409 });

    const running = await mi.getIndexStatus(ctx.video);
    check(["WAIT_ANALYZE", "ANALYZING"].includes(running.status), "getIndexStatus while the analysis runs", running);
    await fails("requestIndex while one runs", mi.requestIndex(ctx.video), { name: "ApiError", code: "CONFLICT", status: 409 });
    await fails("requestIndex with sceneRange and a duration", mi.requestIndex({ ...ctx.video, sceneRange: "SHORT", minSceneDurationSec: 5, maxSceneDurationSec: 9 }), { name: "ValidationError", attempts: 0 });

    const seen = [];
    const final = await mi.waitForIndex(ctx.video, { ...wait, onProgress: (s) => seen.push(`${s.status}${typeof s.progress === "number" ? ` ${s.progress}%` : ""}`) });
    check(final.status === "ANALYZE_COMPLETED", "waitForIndex resolves ANALYZE_COMPLETED", final);
    check(seen.length >= 2 && seen.at(-1).startsWith("ANALYZE_COMPLETED") && new Set(seen).size === seen.length,
      `onProgress saw each change once (${seen.join(" > ")})`);

    const index = await mi.getIndex({ ...ctx.video, confidenceLevel: "LOW" });
    ctx.index = index;
    const scenes = Array.isArray(index.scenes) ? index.scenes : [];
    check(index.type === "VIDEO" && index.assetId === ctx.video.assetId && scenes.length > 0, `getIndex resolves the index with scenes (${scenes.length})`);
    const tiled = scenes.every((s, i) => s.sceneNo === i + 1 && s.startMs === (i ? scenes[i - 1].endMs : 0) && s.shots.length > 0)
      && scenes.at(-1)?.endMs === index.durationMs && index.durationMs === 150000;
    check(tiled, "its scenes cover the 150 s video in order, each with shots");
    check(Array.isArray(index.persons) && index.persons.length > 0 && Array.isArray(index.keywords) && index.keywords.length > 0, "it carries persons and keywords");
    const high = await mi.getIndex({ ...ctx.video, confidenceLevel: "HIGH" });
    check(high.keywords.length <= index.keywords.length && high.scenes.length === scenes.length, "getIndex HIGH keeps no more keywords than LOW");
    ctx.high = high;
    await fails("getIndex with a bad confidenceLevel", mi.getIndex({ ...ctx.video, confidenceLevel: "SOME" }), { name: "ValidationError", field: "confidenceLevel" });
  });

  // -------------------------------------------------------------------------------- scene summary
  await section("scene summaries", async () => {
    const A = ctx.video;
    await fails("getSceneSummary before any summary", mi.getSceneSummary(A), { name: "ApiError", code: "NOT_FOUND", status: 404 });
    const before = await mi.getSceneSummaryStatus(A);
    check(before.status === "BEFORE_SUMMARIZE", "getSceneSummaryStatus before any: BEFORE_SUMMARIZE", before);
    const started = await mi.requestSceneSummary({ ...A, locale: "en" });
    check(started?.status === "WAIT_SUMMARIZE" && started?.locale === "en" && started?.sceneNumbers?.length === ctx.index.scenes.length,
      "requestSceneSummary starts a full run in en", started);
    const running = await mi.getSceneSummaryStatus(A);
    check(["WAIT_SUMMARIZE", "SUMMARIZING"].includes(running.status), "getSceneSummaryStatus while it runs", running);
    const seen = [];
    const final = await mi.waitForSceneSummary(A, { ...wait, onProgress: (s) => seen.push(s.status) });
    check(final.status === "SUMMARIZE_COMPLETED" && seen.at(-1) === "SUMMARIZE_COMPLETED", `waitForSceneSummary resolves SUMMARIZE_COMPLETED (seen ${[...new Set(seen)].join(" > ")})`, final);
    const summary = await mi.getSceneSummary(A);
    check(summary.assetId === A.assetId && summary.locale === "en" && typeof summary.summary === "string" && summary.summary.length > 0,
      "getSceneSummary resolves the whole-asset summary", summary);
    check(Array.isArray(summary.scenes) && summary.scenes.length === ctx.index.scenes.length && summary.scenes.every((s, i) => s.sceneNo === i + 1 && typeof s.summary === "string"),
      "it carries one summary per scene");

    await mi.requestSceneSummary({ ...A, sceneNumbers: [1] });
    await fails("requestSceneSummary while one runs", mi.requestSceneSummary(A), { name: "ApiError", code: "CONFLICT", status: 409 });
    const cancelled = await mi.cancelSceneSummary(A);
    check(cancelled === undefined, "cancelSceneSummary cancels the partial run (resolves undefined)", cancelled);
    const status = await mi.getSceneSummaryStatus(A);
    check(status.status === "SUMMARIZE_CANCELED", "getSceneSummaryStatus: SUMMARIZE_CANCELED", status);
    const err = await fails("waitForSceneSummary of a cancelled summary", mi.waitForSceneSummary(A, wait), { name: "ApiError", code: "SUMMARY_CANCELED" });
    check(err?.jobStatus?.status === "SUMMARIZE_CANCELED", "the SUMMARY_CANCELED error carries the last status", err?.jobStatus);
    await fails("cancelSceneSummary when none runs", mi.cancelSceneSummary(A), { name: "ApiError", code: "CONFLICT", status: 409 });
    await fails("getSceneSummary after a cancelled partial run", mi.getSceneSummary(A), { name: "ApiError", code: "CONFLICT", status: 409 });
    await fails("requestSceneSummary with an empty sceneNumbers", mi.requestSceneSummary({ ...A, sceneNumbers: [] }), { name: "ValidationError", field: /sceneNumbers/ });
  });

  // --------------------------------------------------------------------------------------- search
  await section("search", async () => {
    // A scene keyword kept at HIGH confidence is one at MEDIUM too, the level the emulator searches.
    const words = (ctx.high?.scenes ?? []).flatMap((scene) => scene.keywords ?? [])
      .map((k) => (typeof k === "string" ? k : k?.keyword)).filter((k) => typeof k === "string" && /^[A-Za-z][A-Za-z ]*$/.test(k));
    const term = words[0];
    check(typeof term === "string", `the index has a scene keyword to search for (${term})`, ctx.high?.scenes?.[0]);
    const videoId = ctx.video.assetId;

    const byKeyword = async () => {
      const { searchId } = await mi.searchAssets({ ...W, query: { textQuery: term } });
      check(typeof searchId === "string" && searchId.length > 0, "searchAssets resolves a searchId", searchId);
      const first = await mi.getAssetSearchResult({ ...W, searchId });
      check(first.searchId === searchId && first.status === "RUNNING" && first.totalCount === undefined, "getAssetSearchResult at once: RUNNING, no counts", first);
      const seen = [];
      const page = await mi.waitForAssetSearch({ ...W, searchId, pageSize: 1 }, { ...wait, onProgress: (s) => seen.push(s.status) });
      check(page.status === "COMPLETED" && page.searchId === searchId && page.totalCount >= 1 && page.pageSize === 1 && page.results?.[0]?.assetId === videoId,
        `waitForAssetSearch resolves the first page of the completed search (seen ${seen.join(" > ")})`, page);
      const hit = page.results?.[0];
      check(hit?.projectId === ctx.projectId && hit?.assetType === "VIDEO" && hit?.score === 100 && Array.isArray(hit?.scenes) && hit.scenes.length > 0,
        "a hit names the asset, its project, its score and the matching scenes", hit);
      const again = await mi.getAssetSearchResult({ ...W, searchId, pageNum: 1, pageSize: 10 });
      check(again.status === "COMPLETED" && again.totalCount === page.totalCount && again.results.length === again.totalCount, "getAssetSearchResult reads the completed page", again);
      const hits = await collect(mi.assetSearchResults({ ...W, searchId, pageSize: 1 }));
      check(hits.length === page.totalCount && hits[0].assetId === videoId, "assetSearchResults() yields every result across pages", hits.map((h) => h.assetId));
    };

    const andWait = async () => {
      const page = await mi.searchAssetsAndWait({ ...W, query: { textQuery: term }, filter: { projectIds: [ctx.projectId], assetTypes: ["VIDEO"] }, pageSize: 5 }, wait);
      check(page.status === "COMPLETED" && page.pageSize === 5 && page.results?.some((r) => r.assetId === videoId), "searchAssetsAndWait resolves the completed first page", page);
      const none = await mi.searchAssetsAndWait({ ...W, query: { textQuery: "zzqxv-nothing-matches" } }, wait);
      check(none.status === "COMPLETED" && none.totalCount === 0 && none.results?.length === 0, "searchAssetsAndWait with no match: COMPLETED, empty", none);
    };

    const failing = async () => {
      const { searchId } = await mi.searchAssets({ ...W, query: { textQuery: "__fail__" } });
      const err = await fails("waitForAssetSearch of a failing search", mi.waitForAssetSearch({ ...W, searchId }, wait), { name: "ApiError", code: "SEARCH_FAILED" });
      check(err?.jobStatus?.status === "FAILED", "the SEARCH_FAILED error carries the last status", err?.jobStatus);
    };

    const byImage = async () => {
      const issued = await mi.createSearchImageUploadUrl({ assetFileName: "query.png" });
      check(typeof issued.assetFileKey === "string" && issued.assetFileKey.endsWith("/query.png") && /^http:\/\//.test(issued.presignedUploadUrl) && issued.expirationSeconds === 900,
        "createSearchImageUploadUrl resolves a key, a presigned URL and its lifetime", issued);
      const early = await mi.completeSearchImageUpload({ assetKey: issued.assetFileKey });
      check(early.uploadStatus === "FAILED" && early.uploadMessage === "FILE_NOT_EXIST", "completeSearchImageUpload before the PUT: FAILED, FILE_NOT_EXIST", early);
      const put = await fetch(issued.presignedUploadUrl, { method: "PUT", headers: { "content-type": "image/png" }, body: await png(300, 0x40) });
      await put.arrayBuffer();
      check(put.status === 200, "the PUT to the presigned URL is taken", `HTTP ${put.status}`);
      const done = await mi.completeSearchImageUpload({ assetKey: issued.assetFileKey });
      check(done.uploadStatus === "COMPLETED" && done.assetKey === issued.assetFileKey, "completeSearchImageUpload after the PUT: COMPLETED with the key", done);

      const imageQuery = await mi.uploadSearchImage(await png(256, 0x90), { fileName: "edge.png" });
      check(typeof imageQuery === "string" && imageQuery.endsWith("/edge.png"), "uploadSearchImage (a Uint8Array) resolves the key to search with", imageQuery);
      const page = await mi.searchAssetsAndWait({ ...W, query: { imageQuery }, queryOption: { confidenceLevel: "LOW" } }, wait);
      check(page.status === "COMPLETED" && Array.isArray(page.results) && page.results.every((r) => r.assetId === videoId), "searchAssetsAndWait by image resolves COMPLETED", page);
      const raw = await mi.searchAssetsAndWait({ ...W, query: { imageQuery: done.assetKey } }, wait);
      check(raw.status === "COMPLETED", "the key from the raw upload searches too", raw);
      await fails("uploadSearchImage of a 100 px image", mi.uploadSearchImage(await png(100, 0x10), { fileName: "tiny.png" }), { name: "ApiError", code: "UPLOAD_FAILED", apiCode: "RESOLUTION_NOT_SUPPORT" });
      await fails("uploadSearchImage of bytes that are no image", mi.uploadSearchImage(new TextEncoder().encode("not an image at all"), { fileName: "x.png" }), { name: "ValidationError", attempts: 0 });
    };

    const results = await Promise.allSettled([byKeyword(), andWait(), failing(), byImage()]);
    for (const [i, r] of results.entries()) if (r.status === "rejected") check(false, `search flow ${i + 1} ran to its end`, describe(r.reason));

    await fails("getAssetSearchResult of an unknown searchId", mi.getAssetSearchResult({ ...W, searchId: "NoSuchSearch00000000" }), { name: "ApiError", code: "NOT_FOUND", status: 404 });
    await fails("searchAssets with both textQuery and imageQuery", mi.searchAssets({ ...W, query: { textQuery: "a", imageQuery: "b" } }), { name: "ValidationError", attempts: 0 });
  });

  // -------------------------------------------------------------------------------------- persons
  await section("persons", async () => {
    const indexPersons = (ctx.index?.persons ?? []).map((p) => p.personId);
    const listed = await mi.listPersons({ ...W, pageNum: 1 });
    check(listed.totalCount === indexPersons.length && listed.content.length === indexPersons.length
      && indexPersons.every((id) => listed.content.some((p) => p.personId === id && p.name === null)),
    `listPersons holds the ${indexPersons.length} anonymous persons the analysis found`, listed);
    const iterated = await collect(mi.persons({ ...W, pageSize: 2 }));
    check(iterated.map((p) => p.personId).join() === listed.content.map((p) => p.personId).join(), "persons() yields the same persons across pages", iterated.map((p) => p.personId));

    const face = await png(256, 0x30);
    const thumbnailKey = await mi.uploadPersonThumbnail(W, face, { fileName: "face.png" });
    check(typeof thumbnailKey === "string" && thumbnailKey.startsWith(`${workspaceName}/`) && thumbnailKey.endsWith("/face.png"), "uploadPersonThumbnail resolves the thumbnail key", thumbnailKey);
    const person = await mi.createPerson({ ...W, name: "Edge Anchor", description: "created in workerd", thumbnails: [{ thumbnailKey, isPrimaryThumbnail: true }] });
    const personId = person.personId;
    check(Number.isInteger(personId) && person.id === personId && person.name === "Edge Anchor" && person.description === "created in workerd"
      && person.thumbnails?.length === 1 && person.thumbnails[0].isPrimaryThumbnail === true, "createPerson registers a named person with its thumbnail", person);
    const P = { ...W, personId };
    await fails("createPerson without a thumbnail", mi.createPerson({ ...W, name: "Nobody", thumbnails: [] }), { name: "ValidationError", field: /thumbnails/, attempts: 0 });
    await fails("createPerson with a taken name", mi.createPerson({ ...W, name: "Edge Anchor", thumbnails: [{ thumbnailKey, isPrimaryThumbnail: true }] }), { name: "ApiError", code: "CONFLICT", status: 409 });

    const read = await mi.getPerson(P);
    const firstThumbnailId = read.thumbnails?.[0]?.id;
    check(read.personId === personId && read.name === "Edge Anchor" && typeof read.thumbnails?.[0]?.url === "string" && Number.isInteger(firstThumbnailId), "getPerson reads it back with its thumbnail", read);
    const updated = await mi.updatePerson({ ...P, description: "updated in workerd" });
    check(updated.personId === personId && updated.description === "updated in workerd" && updated.name === "Edge Anchor", "updatePerson changes the description", updated);

    // Tags.
    const tag = await mi.createPersonTag({ ...W, name: "anchor" });
    check(Number.isInteger(tag.id) && tag.name === "anchor" && typeof tag.createdTime === "string", "createPersonTag resolves the tag", tag);
    const spareTag = await mi.createPersonTag({ ...W, name: "spare-tag" });
    await fails("createPersonTag with a taken name", mi.createPersonTag({ ...W, name: "anchor" }), { name: "ApiError", code: "CONFLICT", status: 409 });
    const tags = await mi.listPersonTags({ ...W, pageNum: 1, pageSize: 10 });
    check(tags.totalCount === 2 && tags.content.map((t) => t.id).join() === [tag.id, spareTag.id].join(), "listPersonTags lists both tags", tags);
    const filtered = await mi.listPersonTags({ ...W, name: "anch" });
    check(filtered.content.length === 1 && filtered.content[0].id === tag.id, "listPersonTags filters by name", filtered);
    const allTags = await collect(mi.personTags({ ...W, pageSize: 1 }));
    check(allTags.map((t) => t.name).join() === "anchor,spare-tag", "personTags() yields every tag across pages", allTags);

    const added = await mi.addPersonTags({ ...P, tagIds: [tag.id, spareTag.id] });
    check(added.personId === personId && added.tagList?.map((t) => t.id).sort().join() === [tag.id, spareTag.id].sort().join(), "addPersonTags resolves the person's tags", added);
    const byTag = await mi.searchPersons({ ...W, tagIds: [tag.id] });
    check(byTag.totalCount === 1 && byTag.content[0].personId === personId, "searchPersons by tag finds the person", byTag);
    const named = await mi.searchPersons({ ...W, pageNum: 1, pageSize: 50, nameType: "NAMED", sortColumn: "NAME", sortType: "ASC" });
    check(named.totalCount === 1 && named.content[0].name === "Edge Anchor", "searchPersons NAMED finds only the named person", named);
    const anonymous = await mi.searchPersons({ ...W, nameType: "ANONYMOUS", sortColumn: "PERSON_ID", sortType: "ASC", pageSize: 50 });
    check(anonymous.totalCount === indexPersons.length && anonymous.content.every((p) => p.name === null), "searchPersons ANONYMOUS finds the analysis's persons", anonymous);
    const listedByTag = await mi.listPersons({ ...W, tagIdList: [tag.id] });
    check(listedByTag.content.length === 1 && listedByTag.content[0].personId === personId, "listPersons filters by tagIdList", listedByTag);
    await fails("searchPersons with pageSize 51", mi.searchPersons({ ...W, pageSize: 51 }), { name: "ValidationError", field: "pageSize", attempts: 0 });
    await fails("deletePersonTag of a tag in use", mi.deletePersonTag({ ...W, tagId: tag.id }), { name: "ApiError", code: "CONFLICT", status: 409 });
    const removedTags = await mi.removePersonTags({ ...P, tagIds: [spareTag.id] });
    check(removedTags.tagList?.length === 1 && removedTags.tagList[0].id === tag.id, "removePersonTags resolves the remaining tags", removedTags);
    await mi.deletePersonTag({ ...W, tagId: spareTag.id });
    const afterDelete = await mi.listPersonTags(W);
    check(afterDelete.totalCount === 1 && afterDelete.content[0].id === tag.id, "deletePersonTag removes an unused tag", afterDelete);
    await fails("deletePersonTag of an unknown tag", mi.deletePersonTag({ ...W, tagId: spareTag.id }), { name: "ApiError", code: "NOT_FOUND", status: 404 });

    // Thumbnails: the raw upload operations, then add / remove.
    const issued = await mi.createPersonThumbnailUploadUrl({ ...W, thumbnailFileName: "face2.png" });
    check(typeof issued.thumbnailKey === "string" && issued.thumbnailKey.endsWith("/face2.png") && /^http:\/\//.test(issued.url) && issued.expirationSeconds === 900,
      "createPersonThumbnailUploadUrl resolves a key, a presigned URL and its lifetime", issued);
    const put = await fetch(issued.url, { method: "PUT", headers: { "content-type": "image/png" }, body: await png(256, 0xb0) });
    await put.arrayBuffer();
    check(put.status === 200, "the PUT of the thumbnail is taken", `HTTP ${put.status}`);
    const completed = await mi.completePersonThumbnailUpload({ ...W, thumbnailKey: issued.thumbnailKey });
    check(completed.uploadStatus === "COMPLETED" && completed.uploadMessage === undefined, "completePersonThumbnailUpload: COMPLETED", completed);
    const tinyKey = await rejection(mi.uploadPersonThumbnail(W, await png(224, 0x20), { fileName: "tiny.png" }));
    check(tinyKey instanceof Error && tinyKey.name === "ApiError" && tinyKey.code === "UPLOAD_FAILED" && tinyKey.apiCode === "RESOLUTION_NOT_SUPPORT",
      "uploadPersonThumbnail of a 224 px face -> ApiError UPLOAD_FAILED (RESOLUTION_NOT_SUPPORT)", describe(tinyKey));

    const withTwo = await mi.addPersonThumbnails({ ...P, thumbnails: [{ thumbnailKey: issued.thumbnailKey, isPrimaryThumbnail: false }] });
    const secondThumbnailId = withTwo.thumbnailList?.find((t) => t.id !== firstThumbnailId)?.id;
    check(withTwo.personId === personId && withTwo.thumbnailList?.length === 2 && Number.isInteger(secondThumbnailId)
      && withTwo.thumbnailList.find((t) => t.id === firstThumbnailId)?.isPrimaryThumbnail === true, "addPersonThumbnails resolves both thumbnails", withTwo);
    const primary = await mi.updatePerson({ ...P, primaryThumbnailId: secondThumbnailId });
    check(primary.thumbnails?.find((t) => t.isPrimaryThumbnail)?.id === secondThumbnailId, "updatePerson makes the second thumbnail primary", primary);
    const removed = await mi.removePersonThumbnails({ ...P, thumbnailIds: [firstThumbnailId] });
    check(removed.thumbnailList?.length === 1 && removed.thumbnailList[0].id === secondThumbnailId && removed.thumbnailList[0].isPrimaryThumbnail === true,
      "removePersonThumbnails resolves the remaining thumbnail", removed);
    await fails("removePersonThumbnails of every thumbnail", mi.removePersonThumbnails({ ...P, thumbnailIds: [secondThumbnailId] }), { name: "ApiError", code: "CONFLICT", status: 409 });

    // Faces: the same bytes uploaded again find the person at 100.
    const again = await mi.uploadPersonThumbnail(W, await png(256, 0xb0), { fileName: "again.png" });
    const recommended = await mi.recommendPersonsByThumbnail({ ...W, thumbnailKey: again, personCount: 3, scoreThreshold: 80 });
    check(recommended?.similarPersons?.[0]?.personId === personId && recommended.similarPersons[0].score === 100 && recommended.similarPersons.length <= 3,
      "recommendPersonsByThumbnail finds the person first, at 100", recommended);
    const similar = await mi.listSimilarPersons({ ...P, personCount: 10, scoreThreshold: 80 });
    check(similar.personId === personId && Array.isArray(similar.similarPersons) && similar.similarPersons.every((s, i, a) => s.personId !== personId && s.score >= 80 && (i === 0 || a[i - 1].score >= s.score)),
      "listSimilarPersons resolves other persons at 80 or more, best first", similar);
    await fails("listSimilarPersons with scoreThreshold 79", mi.listSimilarPersons({ ...P, scoreThreshold: 79 }), { name: "ValidationError", field: "scoreThreshold", attempts: 0 });

    // Merge an anonymous person of the index into the named one.
    const source = indexPersons[0];
    const merged = await mi.mergePersons({ ...P, personIds: [source] });
    check(merged.personId === personId && merged.transferredAssetCount === 1 && merged.transferredThumbnailCount === 0 && typeof merged.mergedTime === "string",
      "mergePersons merges an anonymous person of the index", merged);
    await fails("getPerson of the merged person", mi.getPerson({ ...W, personId: source }), { name: "ApiError", code: "NOT_FOUND", status: 404 });
    await fails("mergePersons of a person merged before", mi.mergePersons({ ...P, personIds: [source] }), { name: "ApiError", code: "CONFLICT", status: 409 });
    const index = await mi.getIndex(ctx.video);
    check(index.persons.some((p) => p.personId === personId && p.name === "Edge Anchor") && !index.persons.some((p) => p.personId === source),
      "the index now names the person it was merged into", index.persons);

    const gone = await mi.deletePerson(P);
    check(gone.personId === personId && gone.name === "Edge Anchor", "deletePerson resolves the person as it was", gone);
    await fails("getPerson after deletePerson", mi.getPerson(P), { name: "ApiError", code: "NOT_FOUND", status: 404 });
    await mi.deletePersonTag({ ...W, tagId: tag.id });
    check((await mi.listPersonTags(W)).totalCount === 0, "deletePersonTag removes the last tag once its person is gone");
  });

  // --------------------------------------------------------------------------------- delete index
  await section("delete index", async () => {
    const A = ctx.video;
    const removed = await mi.deleteIndex(A);
    check(removed?.assetId === A.assetId, "deleteIndex resolves the API's result", removed);
    const [index, summary] = await Promise.all([mi.getIndexStatus(A), mi.getSceneSummaryStatus(A)]);
    check(index.status === "BEFORE_ANALYZE" && summary.status === "BEFORE_SUMMARIZE", "after deleteIndex the statuses are back to BEFORE_*", { index, summary });
    await fails("getIndex after deleteIndex", mi.getIndex(A), { name: "ApiError", code: "CONFLICT", status: 409 });
    await fails("deleteIndex with no index", mi.deleteIndex(A), { name: "ApiError", code: "NOT_FOUND", status: 404 });
  });
}
