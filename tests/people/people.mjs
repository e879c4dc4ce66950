// Search and people (operations #25 to #48 and their helpers) through the built package against the
// emulator in Node: every operation with its results and typed errors (404 / 409 / 400), merges that
// really merge, similar persons with scores, tags and thumbnails; each validation rule refused before any
// request (the emulator's request and upload logs prove nothing was sent); both upload helpers with each
// data type, oversize and wrong-format input, a too-small image, and what the PUT to the presigned URL
// carried; the search waiter (progress, FAILED, time-out, abort) and searchAssetsAndWait by keyword and by
// person; the iterators' laziness.
//   node tests/people/people.mjs      (needs pkg/ built)
import { MediaIntelligence } from "../../pkg/index.js";
import { KEYS, admin, startEmulator, tally } from "../faults/harness.mjs";
import { sampleImage } from "../emulator/search.mjs";

const t = tally("people");
const TICK_MS = 20;
const emulator = await startEmulator({ MI_EMULATOR_TICK_MS: String(TICK_MS) });
const base = emulator.url;
const MB5 = 5 * 1024 * 1024;

// The client, wrapped so the suite can tell at the end which methods resolved at least once.
const used = new Set();
const client = new MediaIntelligence({ ...KEYS, endpoint: base, retries: { maxAttempts: 2, baseDelayMs: 10 } });
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

// ------------------------------------------------------------------------------------------ helpers

const requests = () => admin(base, "GET", "requests");
const uploads = () => admin(base, "GET", "uploads");
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const show = (v) => {
  try {
    return JSON.stringify(v, (k, x) => (typeof x === "bigint" ? String(x) : x))?.slice(0, 400);
  } catch {
    return String(v);
  }
};
const describe = (e) => (e instanceof Error ? `${e.name} ${e.code} field=${e.field} status=${e.status} apiCode=${e.apiCode}: ${e.message}` : `resolved ${show(e)}`);

/** Resolves to what the call resolved, or to the error it threw or rejected with (a sync throw too). */
async function outcome(call) {
  try {
    return { value: await call() };
  } catch (error) {
    return { error };
  }
}

/** The number of logged API requests whose path starts with `prefix` (all when omitted). */
async function countRequests(prefix = "", method) {
  const log = await requests();
  return log.filter((r) => r.url.startsWith(prefix) && (!method || r.method === method)).length;
}

/**
 * Checks that `call` is refused with a ValidationError (code INVALID_INPUT, attempts 0) whose `field`
 * passes `field` (a string: equal, or a RegExp), and that neither the request log nor the upload log grew.
 */
async function refused(what, call, field) {
  const [logBefore, upBefore] = [(await requests()).length, (await uploads()).length];
  const { value, error } = await outcome(call);
  const [logAfter, upAfter] = [(await requests()).length, (await uploads()).length];
  const fieldOk = error && (field instanceof RegExp ? field.test(String(error.field)) : error.field === field);
  const ok = !!error && error.name === "ValidationError" && error.code === "INVALID_INPUT" && error.attempts === 0 && fieldOk && logAfter === logBefore && upAfter === upBefore;
  return t.check(ok, `refused before any request: ${what} (field ${field})`,
    `${error ? describe(error) : `resolved ${show(value)}`}; requests sent ${logAfter - logBefore}, uploads issued ${upAfter - upBefore}`);
}

/** Checks that `call` was NOT refused by the client's validation (it reached the emulator). */
async function accepted(what, call) {
  const before = (await requests()).length;
  const { error } = await outcome(call);
  const sent = (await requests()).length - before;
  return t.check(!(error && error.name === "ValidationError") && sent >= 1, `accepted and sent: ${what}`, `${error ? describe(error) : "resolved"}; requests sent ${sent}`);
}

/** Checks that `call` rejects with an ApiError of `code`, HTTP `status` and API code `apiCode`. */
async function apiError(what, call, { code, status, apiCode }) {
  const { value, error } = await outcome(call);
  const ok = !!error && error.name === "ApiError" && error.code === code && (status === undefined || error.status === status) && (apiCode === undefined || error.apiCode === apiCode);
  t.check(ok, `${what} -> ApiError ${code}${status ? ` ${status}` : ""}${apiCode ? ` (apiCode ${apiCode})` : ""}`, error ? describe(error) : `resolved ${show(value)}`);
  return error;
}

/** A PNG of `width` x `height` (distinct bytes per size: distinct faces for the emulator). */
const png = (width, height = width, size) => new Uint8Array(sampleImage("png", width, height, size ? { size } : {}));
const bytesOf = (format, w, h = w, opts) => new Uint8Array(sampleImage(format, w, h, opts));

/** A ReadableStream of `bytes` in chunks of `chunk` bytes. */
function streamOf(bytes, chunk = 64 * 1024) {
  let at = 0;
  return new ReadableStream({
    pull(c) {
      if (at >= bytes.length) return c.close();
      c.enqueue(bytes.slice(at, at + chunk));
      at += chunk;
    },
  });
}

/** An endless stream: an image header, then 1 MiB zero chunks forever; records what was pulled. */
function endlessStream(head) {
  const probe = { pulled: 0, cancelled: false, reason: undefined };
  probe.stream = new ReadableStream({
    pull(c) {
      const chunk = probe.pulled === 0 ? head : new Uint8Array(1024 * 1024);
      probe.pulled += chunk.length;
      c.enqueue(chunk);
    },
    cancel(reason) {
      probe.cancelled = true;
      probe.reason = reason;
    },
  });
  return probe;
}

/** The four data types of an upload, each holding `bytes`. */
const DATA_TYPES = {
  Uint8Array: (bytes) => new Uint8Array(bytes),
  ArrayBuffer: (bytes) => new Uint8Array(bytes).buffer,
  Blob: (bytes) => new Blob([bytes], { type: "application/octet-stream" }),
  ReadableStream: (bytes) => streamOf(new Uint8Array(bytes)),
};

/** What a PUT to a presigned URL must not carry. */
function leakedHeaders(putHeaders) {
  if (!putHeaders) return ["(no PUT recorded)"];
  return Object.keys(putHeaders).filter((h) => h.startsWith("x-ncp") || h === "authorization" || h === "cookie");
}

/** The upload record of `key` (the issued key, or the converted key of a HEIC). */
async function uploadOf(key) {
  const all = await uploads();
  return all.find((u) => u.key === key || u.key.replace(/\.[^./]*$/, ".jpg") === key);
}

/** Waits on `promise` at most `ms`, then resolves `fallback`. */
function within(promise, ms, fallback) {
  let timer;
  const late = new Promise((resolve) => (timer = setTimeout(() => resolve(fallback), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

// ------------------------------------------------------------------------- a workspace with analyses

const workspaceName = `people-${Date.now().toString(36)}`;
await mi.createWorkspace({ workspaceName });
const { projects } = await mi.listProjects({ workspaceName });
const baseProjectId = projects[0].projectId;
const second = await mi.createProject({ workspaceName, name: "second" });
const imports = [
  { projectId: baseProjectId, key: "trailer.mov" },
  { projectId: second.projectId, key: "trailer.mov" },
  { projectId: baseProjectId, key: "photo.jpg" },
];
for (const item of imports) {
  const { assetId } = await mi.importAsset({ workspaceName, projectId: item.projectId, bucketName: "mi-demo", key: item.key });
  item.assetId = assetId;
}
for (const item of imports) {
  await mi.waitForAssetImport({ workspaceName, projectId: item.projectId, assetId: item.assetId }, { intervalMs: 10 });
  await mi.requestIndex({ workspaceName, projectId: item.projectId, assetId: item.assetId });
}
for (const item of imports) await mi.waitForIndex({ workspaceName, projectId: item.projectId, assetId: item.assetId }, { intervalMs: 10 });
const [video, videoCopy, photo] = imports;
const index = await mi.getIndex({ workspaceName, projectId: video.projectId, assetId: video.assetId });
const indexPersonIds = index.persons.map((p) => p.personId);
t.check(index.scenes.length >= 2 && indexPersonIds.length >= 3, "setup: two analysed copies of trailer.mov and a photo; the index has scenes and persons",
  `scenes ${index.scenes?.length}, persons ${indexPersonIds.length}`);

// ========================================================================= search images: raw operations

{
  const issued = await mi.createSearchImageUploadUrl({ assetFileName: "raw.png" });
  t.check(typeof issued.assetFileKey === "string" && issued.assetFileKey.endsWith("/raw.png") && /^http:\/\//.test(issued.presignedUploadUrl) && issued.expirationSeconds === 900,
    "createSearchImageUploadUrl resolves a key, a presigned URL and its 900 s lifetime", show(issued));
  const early = await mi.completeSearchImageUpload({ assetKey: issued.assetFileKey });
  t.check(early.uploadStatus === "FAILED" && early.uploadMessage === "FILE_NOT_EXIST", "completeSearchImageUpload before the PUT: FAILED, FILE_NOT_EXIST", show(early));
  const put = await fetch(issued.presignedUploadUrl, { method: "PUT", headers: { "content-type": "image/png" }, body: png(400) });
  t.check(put.status === 200, "a plain PUT to the presigned URL is taken", `HTTP ${put.status}`);
  const done = await mi.completeSearchImageUpload({ assetKey: issued.assetFileKey });
  t.check(done.uploadStatus === "COMPLETED" && done.assetKey === issued.assetFileKey && done.uploadMessage === undefined,
    "completeSearchImageUpload after the PUT: COMPLETED with the key to search with", show(done));
  const explicit = await mi.createSearchImageUploadUrl({ assetFileName: "RAW.JPEG", assetType: "IMAGE" });
  t.check(typeof explicit.assetFileKey === "string" && explicit.assetFileKey.endsWith("/RAW.JPEG"), "createSearchImageUploadUrl takes assetType IMAGE and an upper-case .JPEG", show(explicit));
  const never = await mi.completeSearchImageUpload({ assetKey: "query-assets/none/none.png" });
  t.check(never.uploadStatus === "FAILED" && never.uploadMessage === "FILE_NOT_EXIST", "completeSearchImageUpload of a key never issued: FAILED, FILE_NOT_EXIST", show(never));
}

// ====================================================================== person thumbnails: raw operations

{
  const issued = await mi.createPersonThumbnailUploadUrl({ workspaceName, thumbnailFileName: "raw-face.webp" });
  t.check(typeof issued.thumbnailKey === "string" && issued.thumbnailKey.startsWith(`${workspaceName}/`) && /^http:\/\//.test(issued.url) && issued.expirationSeconds === 900,
    "createPersonThumbnailUploadUrl resolves a workspace key, a presigned URL and its lifetime", show(issued));
  const early = await mi.completePersonThumbnailUpload({ workspaceName, thumbnailKey: issued.thumbnailKey });
  t.check(early.uploadStatus === "FAILED" && early.uploadMessage === "FILE_NOT_EXIST", "completePersonThumbnailUpload before the PUT: FAILED, FILE_NOT_EXIST", show(early));
  await fetch(issued.url, { method: "PUT", body: bytesOf("webp", 300, 320) });
  const done = await mi.completePersonThumbnailUpload({ workspaceName, thumbnailKey: issued.thumbnailKey });
  t.check(done.uploadStatus === "COMPLETED", "completePersonThumbnailUpload after the PUT: COMPLETED", show(done));
  const small = await mi.createPersonThumbnailUploadUrl({ workspaceName, thumbnailFileName: "small.png" });
  await fetch(small.url, { method: "PUT", body: png(200) });
  const tooSmall = await mi.completePersonThumbnailUpload({ workspaceName, thumbnailKey: small.thumbnailKey });
  t.check(tooSmall.uploadStatus === "FAILED" && tooSmall.uploadMessage === "RESOLUTION_NOT_SUPPORT", "completePersonThumbnailUpload of a 200 px face: FAILED, RESOLUTION_NOT_SUPPORT", show(tooSmall));
}

// ============================================================================ upload helpers: data types

/** Uploads with `helper` and checks the upload log: size, format, content type and the PUT's headers. */
async function uploadAndInspect(what, upload, bytes, { format = "png", contentType = `image/${format === "jpg" ? "jpeg" : format}` } = {}) {
  const before = (await uploads()).length;
  const { value: key, error } = await outcome(upload);
  if (!t.check(typeof key === "string" && key.length > 0, `${what}: resolves a key`, error ? describe(error) : show(key))) return null;
  const all = await uploads();
  const record = await uploadOf(key);
  t.check(all.length === before + 1 && record?.status === "UPLOADED" && record.size === bytes.length && record.format === format,
    `${what}: one upload issued, its PUT carried exactly the ${bytes.length} bytes (${format})`,
    `uploads issued ${all.length - before}; record ${show(record && { ...record, putHeaders: undefined })}`);
  const leaked = leakedHeaders(record?.putHeaders);
  t.check(leaked.length === 0, `${what}: the PUT carried no x-ncp-* header, no authorization, no cookie`, `carried ${leaked.join(", ")}`);
  t.check(record?.putHeaders?.["content-type"] === contentType, `${what}: the PUT's content-type is ${contentType}`, `got ${record?.putHeaders?.["content-type"]}`);
  return key;
}

const searchKeys = {};
let width = 300;
for (const [type, make] of Object.entries(DATA_TYPES)) {
  const bytes = png(width++);
  searchKeys[type] = await uploadAndInspect(`uploadSearchImage with a ${type}`, () => mi.uploadSearchImage(make(bytes), { fileName: `query-${type}.png` }), bytes);
}
for (const [type, key] of Object.entries(searchKeys)) {
  if (!key) continue;
  const { value, error } = await outcome(() => mi.searchAssets({ workspaceName, query: { imageQuery: key } }));
  t.check(typeof value?.searchId === "string", `the key from the ${type} upload is usable as imageQuery`, error ? describe(error) : show(value));
}
{
  // A view into a larger buffer: only the view's bytes go up.
  const bytes = png(333);
  const backing = new Uint8Array(bytes.length + 200).fill(0xee);
  backing.set(bytes, 100);
  const view = backing.subarray(100, 100 + bytes.length);
  await uploadAndInspect("uploadSearchImage with a Uint8Array view at an offset of a larger buffer", () => mi.uploadSearchImage(view, { fileName: "view.png" }), bytes);
  const heic = bytesOf("heic", 640, 480);
  const heicKey = await uploadAndInspect("uploadSearchImage with a HEIC", () => mi.uploadSearchImage(new Blob([heic]), { fileName: "photo.heic" }), heic, { format: "heic" });
  t.check(typeof heicKey === "string" && heicKey.endsWith("/photo.jpg"), "a HEIC search image resolves the converted JPG's key", String(heicKey));
  const webp = bytesOf("webp", 400, 300);
  await uploadAndInspect("uploadSearchImage with a webp (default content type)", () => mi.uploadSearchImage(webp.buffer, { fileName: "q.webp" }), webp, { format: "webp" });
  const jpg = bytesOf("jpg", 500, 400);
  await uploadAndInspect("uploadSearchImage with contentType given", () => mi.uploadSearchImage(jpg, { fileName: "q.jpeg", contentType: "image/x-custom" }), jpg, { format: "jpg", contentType: "image/x-custom" });
  const limit = png(300, 300, MB5);
  await uploadAndInspect("uploadSearchImage of exactly 5 MB (5242880 bytes)", () => mi.uploadSearchImage(limit, { fileName: "limit.png" }), limit);
}

const thumbKeys = {};
const thumbBytes = {};
width = 400;
for (const [type, make] of Object.entries(DATA_TYPES)) {
  const bytes = png(width++);
  thumbBytes[type] = bytes;
  thumbKeys[type] = await uploadAndInspect(`uploadPersonThumbnail with a ${type}`, () => mi.uploadPersonThumbnail({ workspaceName }, make(bytes), { fileName: `face-${type}.png` }), bytes);
}
{
  const jpg = bytesOf("jpg", 512, 512);
  thumbKeys.jpg = await uploadAndInspect("uploadPersonThumbnail with a jpg", () => mi.uploadPersonThumbnail({ workspaceName }, jpg, { fileName: "face.jpg" }), jpg, { format: "jpg" });
  const limit = png(600, 600, MB5);
  thumbKeys.limit = await uploadAndInspect("uploadPersonThumbnail of exactly 5 MB", () => mi.uploadPersonThumbnail({ workspaceName }, new Blob([limit]), { fileName: "limit.png" }), limit);
}

// ===================================================================== upload helpers: refused input

const notAnImage = new TextEncoder().encode("this is a text file, not an image at all; it is long enough to be sniffed\n".repeat(20));
const oversize = png(300, 300, MB5 + 1);
const helpers = {
  uploadSearchImage: (data, fileName = "q.png") => mi.uploadSearchImage(data, { fileName }),
  uploadPersonThumbnail: (data, fileName = "f.png") => mi.uploadPersonThumbnail({ workspaceName }, data, { fileName }),
};
for (const [name, upload] of Object.entries(helpers)) {
  for (const [type, make] of Object.entries(DATA_TYPES)) {
    await refused(`${name} of ${MB5 + 1} bytes as a ${type}`, () => upload(make(oversize)), "data");
    await refused(`${name} of bytes that are not an image, as a ${type}`, () => upload(make(notAnImage)), "data");
  }
  await refused(`${name} of no bytes`, () => upload(new Uint8Array(0)), "data");
  await refused(`${name} of a string`, () => upload("not bytes"), "data");
  {
    const probe = endlessStream(png(300));
    const result = await within(outcome(() => upload(probe.stream)), 20000, { error: new Error("still reading after 20 s") });
    const ok = result.error?.name === "ValidationError" && result.error.field === "data";
    t.check(ok && probe.pulled <= MB5 + 2 * 1024 * 1024, `${name} of an endless ReadableStream is refused while reading (read ${probe.pulled} bytes)`, result.error ? describe(result.error) : "resolved");
    t.check(probe.cancelled, `${name}: the refused stream is cancelled`, `cancelled ${probe.cancelled}`);
  }
}
for (const [type, make] of Object.entries(DATA_TYPES)) {
  await refused(`uploadPersonThumbnail of a HEIC (named .png) as a ${type}`, () => helpers.uploadPersonThumbnail(make(bytesOf("heic", 800, 600))), "data");
}
await refused("uploadPersonThumbnail of a HEIC named .heic", () => helpers.uploadPersonThumbnail(bytesOf("heic", 800, 600), "face.heic"), /^(fileName|data)$/);
await refused("uploadSearchImage with fileName .gif", () => helpers.uploadSearchImage(png(300), "q.gif"), "fileName");
await refused("uploadSearchImage with a fileName without extension", () => helpers.uploadSearchImage(png(300), "query"), "fileName");
await refused("uploadSearchImage without options.fileName", () => mi.uploadSearchImage(png(300), {}), "fileName");
await refused("uploadPersonThumbnail with fileName .bmp", () => helpers.uploadPersonThumbnail(png(300), "f.bmp"), "fileName");
await refused("uploadPersonThumbnail with a bad workspaceName", () => mi.uploadPersonThumbnail({ workspaceName: "Bad Name" }, png(300), { fileName: "f.png" }), "workspaceName");

// Too small for the service: the upload happens, the completion says why.
{
  const small = await apiError("uploadSearchImage of a 100 px image", () => helpers.uploadSearchImage(png(100)), { code: "UPLOAD_FAILED", apiCode: "RESOLUTION_NOT_SUPPORT" });
  t.check(small?.jobStatus?.uploadStatus === "FAILED" && small.jobStatus.uploadMessage === "RESOLUTION_NOT_SUPPORT" && /RESOLUTION_NOT_SUPPORT/.test(small.message),
    "UPLOAD_FAILED carries the completion as jobStatus and says why in its message", small ? `${small.message} jobStatus ${show(small.jobStatus)}` : "");
  await apiError("uploadPersonThumbnail of a 240 px face (fine for search, under 256 px)", () => helpers.uploadPersonThumbnail(png(240)), { code: "UPLOAD_FAILED", apiCode: "RESOLUTION_NOT_SUPPORT" });
  await apiError("uploadPersonThumbnail of a 300 x 100 ReadableStream", () => helpers.uploadPersonThumbnail(streamOf(png(300, 100))), { code: "UPLOAD_FAILED", apiCode: "RESOLUTION_NOT_SUPPORT" });
  const ok224 = await outcome(() => helpers.uploadSearchImage(png(224)));
  t.check(typeof ok224.value === "string", "uploadSearchImage of a 224 px image (the minimum) resolves", ok224.error ? describe(ok224.error) : "");
}

// Cancellation and time limits of the upload helpers.
{
  const before = (await requests()).length;
  const aborted = AbortSignal.abort(new Error("user left"));
  const r = await outcome(() => mi.uploadSearchImage(png(300), { fileName: "q.png", signal: aborted }));
  t.check(r.error?.name === "AbortError" && r.error.code === "ABORTED" && (await requests()).length === before, "uploadSearchImage with an aborted signal: AbortError, nothing sent", r.error ? describe(r.error) : "resolved");
  const r2 = await outcome(() => mi.uploadPersonThumbnail({ workspaceName }, png(300), { fileName: "f.png", signal: aborted }));
  t.check(r2.error?.name === "AbortError" && (await requests()).length === before, "uploadPersonThumbnail with an aborted signal: AbortError, nothing sent", r2.error ? describe(r2.error) : "resolved");

  await admin(base, "POST", "faults", { faults: [{ route: "POST /api/v1/query-assets/uploads/complete", fault: "hang", times: 10 }] });
  const controller = new AbortController();
  setTimeout(() => controller.abort(new Error("stop")), 300);
  const r3 = await within(outcome(() => mi.uploadSearchImage(png(301), { fileName: "q.png", signal: controller.signal })), 10000, { error: new Error("not aborted after 10 s") });
  t.check(r3.error?.name === "AbortError", "uploadSearchImage aborted while the completion hangs: AbortError", r3.error ? describe(r3.error) : "resolved");
  const r4 = await within(outcome(() => mi.uploadSearchImage(png(302), { fileName: "q.png", timeoutMs: 200 })), 10000, { error: new Error("no time-out after 10 s") });
  t.check(r4.error?.name === "TimeoutError" && r4.error.code === "TIMEOUT", "uploadSearchImage with timeoutMs while the completion hangs: TimeoutError", r4.error ? describe(r4.error) : "resolved");
  await admin(base, "DELETE", "faults");
}

// ============================================================================================ persons

const listed = await mi.listPersons({ workspaceName });
t.check(listed.totalCount === indexPersonIds.length && indexPersonIds.every((id) => listed.content.some((p) => p.personId === id && p.name === null)),
  "listPersons: the analyses registered the index's persons as anonymous persons", `${show(listed.content.map((p) => [p.personId, p.name]))} vs ${show(indexPersonIds)}`);

const kim = await mi.createPerson({
  workspaceName,
  name: "Kim Minji",
  description: "news anchor",
  thumbnails: ["Uint8Array", "ArrayBuffer", "Blob", "ReadableStream"].map((type, i) => ({ thumbnailKey: thumbKeys[type], isPrimaryThumbnail: i === 0 })),
});
const kimId = kim.personId;
t.check(Number.isInteger(kimId) && kim.name === "Kim Minji" && kim.description === "news anchor" && kim.thumbnails?.length === 4 && kim.thumbnails.filter((x) => x.isPrimaryThumbnail).length === 1,
  "createPerson with the thumbnails of the four data types: named, described, four thumbnails, one primary", show(kim));
// A second upload of the bytes of one of Kim's thumbnails: the same face.
const twinKey = await mi.uploadPersonThumbnail({ workspaceName }, thumbBytes.Blob, { fileName: "twin.png" });
const lee = await mi.createPerson({ workspaceName, name: "Lee", thumbnails: [{ thumbnailKey: twinKey, isPrimaryThumbnail: true }] });
const anonymous = await mi.createPerson({ workspaceName, thumbnails: [{ thumbnailKey: thumbKeys.jpg, isPrimaryThumbnail: true }] });
t.check(anonymous.name === null || anonymous.name === undefined, "createPerson without a name: an anonymous person", show(anonymous));
await apiError("createPerson with a taken name", () => mi.createPerson({ workspaceName, name: "Kim Minji", thumbnails: [{ thumbnailKey: thumbKeys.limit, isPrimaryThumbnail: true }] }), { code: "CONFLICT", status: 409, apiCode: "409" });
await apiError("createPerson with a thumbnail key never uploaded", () => mi.createPerson({ workspaceName, name: "Nobody", thumbnails: [{ thumbnailKey: `${workspaceName}/none/none.png`, isPrimaryThumbnail: true }] }), { code: "BAD_REQUEST", status: 400, apiCode: "10001" });

const got = await mi.getPerson({ workspaceName, personId: kimId });
t.check(got.personId === kimId && got.name === "Kim Minji" && got.thumbnails.length === 4, "getPerson resolves the person", show(got));
const gotText = await mi.getPerson({ workspaceName, personId: String(kimId) });
t.check(gotText.personId === kimId, "getPerson takes the id as decimal text", show(gotText));
await apiError("getPerson of an unknown id", () => mi.getPerson({ workspaceName, personId: 999999 }), { code: "NOT_FOUND", status: 404, apiCode: "404" });

{
  const second = kim.thumbnails.find((x) => !x.isPrimaryThumbnail);
  const updated = await mi.updatePerson({ workspaceName, personId: kimId, name: "Kim Min-ji", description: "evening news", primaryThumbnailId: second.id });
  t.check(updated.name === "Kim Min-ji" && updated.description === "evening news" && updated.thumbnails.find((x) => x.isPrimaryThumbnail)?.id === second.id && updated.thumbnails.filter((x) => x.isPrimaryThumbnail).length === 1,
    "updatePerson renames, describes and moves the primary thumbnail", show(updated));
  const named = await mi.updatePerson({ workspaceName, personId: indexPersonIds[0], name: "Park" });
  t.check(named.name === "Park", "updatePerson names an anonymous person of the index", show(named));
  await apiError("updatePerson to a taken name", () => mi.updatePerson({ workspaceName, personId: lee.personId, name: "Park" }), { code: "CONFLICT", status: 409, apiCode: "409" });
  await apiError("updatePerson with a thumbnail of another person as primary", () => mi.updatePerson({ workspaceName, personId: lee.personId, primaryThumbnailId: second.id }), { code: "NOT_FOUND", status: 404 });
  await apiError("updatePerson of an unknown person", () => mi.updatePerson({ workspaceName, personId: 999999, name: "X" }), { code: "NOT_FOUND", status: 404 });
}

{
  const byName = await mi.listPersons({ workspaceName, name: "kim" });
  t.check(byName.totalCount === 1 && byName.content[0].personId === kimId, "listPersons filters by name (case-insensitive)", show(byName));
  const paged = await mi.listPersons({ workspaceName, pageNum: 2, pageSize: 2 });
  t.check(paged.pageNo === 2 && paged.pageSize === 2 && paged.content.length === 2 && paged.totalPage === Math.ceil(paged.totalCount / 2), "listPersons pages (pageNum 2, pageSize 2)", show(paged));
  const named = await mi.searchPersons({ workspaceName, nameType: "NAMED", sortColumn: "NAME", sortType: "ASC" });
  const names = named.content.map((p) => p.name);
  t.check(names.join(",") === ["Kim Min-ji", "Lee", "Park"].join(","), "searchPersons NAMED sorted by NAME ascending", show(names));
  const anon = await mi.searchPersons({ workspaceName, nameType: "ANONYMOUS", sortColumn: "PERSON_ID", sortType: "DESC", pageSize: 50 });
  const ids = anon.content.map((p) => p.personId);
  t.check(anon.content.every((p) => p.name == null) && ids.every((id, i) => i === 0 || ids[i - 1] > id) && ids.includes(anonymous.personId),
    "searchPersons ANONYMOUS sorted by PERSON_ID descending", show(ids));
  const chosen = await mi.searchPersons({ workspaceName, personIds: [kimId, String(lee.personId)], sortColumn: "PERSON_ID", sortType: "ASC" });
  t.check(chosen.content.map((p) => p.personId).join(",") === [kimId, lee.personId].join(","), "searchPersons by personIds (a number and a decimal text)", show(chosen.content.map((p) => p.personId)));
  const page2 = await mi.searchPersons({ workspaceName, pageNum: 2, pageSize: 1, sortColumn: "PERSON_ID", sortType: "ASC" });
  t.check(page2.pageNo === 2 && page2.pageSize === 1 && page2.content.length === 1 && page2.content[0].personId === listed.content[1].personId,
    "searchPersons pages in the body (pageNum 2, pageSize 1)", show(page2));
}

// Similar faces.
{
  const similar = await mi.listSimilarPersons({ workspaceName, personId: kimId, personCount: 10 });
  const scores = similar.similarPersons.map((p) => p.score);
  t.check(similar.personId === kimId && similar.similarPersons[0]?.personId === lee.personId && scores[0] === 100,
    "listSimilarPersons finds the person with the same face first, at score 100", show(similar));
  t.check(scores.every((s, i) => s >= 80 && s <= 100 && (i === 0 || scores[i - 1] >= s)) && !similar.similarPersons.some((p) => p.personId === kimId),
    "listSimilarPersons: scores 80..100, best first, not the person itself", show(scores));
  const strict = await mi.listSimilarPersons({ workspaceName, personId: kimId, scoreThreshold: 100 });
  t.check(strict.similarPersons.length === 1 && strict.similarPersons[0].personId === lee.personId, "listSimilarPersons with scoreThreshold 100: only the same face", show(strict));
  const one = await mi.listSimilarPersons({ workspaceName, personId: String(indexPersonIds[1]), personCount: 1 });
  t.check(one.similarPersons.length <= 1, "listSimilarPersons with personCount 1 (a person of the index, id as text)", show(one));
  await apiError("listSimilarPersons of an unknown person", () => mi.listSimilarPersons({ workspaceName, personId: 999999 }), { code: "NOT_FOUND", status: 404 });
  const probeKey = await mi.uploadPersonThumbnail({ workspaceName }, new Uint8Array(thumbBytes.Uint8Array), { fileName: "probe.png" });
  const rec = await mi.recommendPersonsByThumbnail({ workspaceName, thumbnailKey: probeKey, personCount: 5, scoreThreshold: 100 });
  t.check(rec?.similarPersons?.length === 1 && rec.similarPersons[0].personId === kimId && rec.similarPersons[0].score === 100,
    "recommendPersonsByThumbnail finds the person whose thumbnail has the same face", show(rec));
  const none = await mi.recommendPersonsByThumbnail({ workspaceName, thumbnailKey: probeKey.replace(/probe/, "nothing") }).catch((e) => e);
  t.check(none?.name === "ApiError" && none.code === "BAD_REQUEST", "recommendPersonsByThumbnail with a key never uploaded: BAD_REQUEST", describe(none));
}

// Tags.
const anchor = await mi.createPersonTag({ workspaceName, name: "anchor" });
const guest = await mi.createPersonTag({ workspaceName, name: "guest" });
const korean = await mi.createPersonTag({ workspaceName, name: "가".repeat(30) });
t.check(Number.isInteger(anchor.id) && anchor.name === "anchor" && korean.name === "가".repeat(30), "createPersonTag (30 Hangul characters count as 30)", show([anchor, korean]));
await apiError("createPersonTag with a taken name", () => mi.createPersonTag({ workspaceName, name: "anchor" }), { code: "CONFLICT", status: 409, apiCode: "409" });
{
  const tags = await mi.listPersonTags({ workspaceName });
  t.check(tags.totalCount === 3 && tags.content.map((x) => x.name).join(",") === `anchor,guest,${"가".repeat(30)}`, "listPersonTags lists them in id order", show(tags));
  const byName = await mi.listPersonTags({ workspaceName, name: "GUE" });
  t.check(byName.totalCount === 1 && byName.content[0].id === guest.id, "listPersonTags filters by name", show(byName));
  const byId = await mi.listPersonTags({ workspaceName, id: String(anchor.id) });
  t.check(byId.totalCount === 1 && byId.content[0].id === anchor.id, "listPersonTags filters by id (decimal text)", show(byId));
  const added = await mi.addPersonTags({ workspaceName, personId: kimId, tagIds: [anchor.id, String(guest.id), anchor.id] });
  t.check(added.personId === kimId && added.tagList?.map((x) => x.id).sort().join(",") === [anchor.id, guest.id].sort().join(","), "addPersonTags adds tags (ids as numbers or text, repeats once)", show(added));
  await mi.addPersonTags({ workspaceName, personId: lee.personId, tagIds: [guest.id] });
  const withTag = await mi.listPersons({ workspaceName, tagIdList: [anchor.id] });
  t.check(withTag.totalCount === 1 && withTag.content[0].personId === kimId, "listPersons filters by tagIdList", show(withTag.content.map((p) => p.personId)));
  const search = await mi.searchPersons({ workspaceName, tagIds: [String(guest.id)], sortColumn: "PERSON_ID", sortType: "ASC" });
  t.check(search.content.map((p) => p.personId).join(",") === [kimId, lee.personId].join(","), "searchPersons filters by tagIds", show(search.content.map((p) => p.personId)));
  t.check((await mi.getPerson({ workspaceName, personId: kimId })).tags.length === 2, "getPerson shows the tags", "");
  await apiError("addPersonTags with an unknown tag", () => mi.addPersonTags({ workspaceName, personId: kimId, tagIds: [999999] }), { code: "NOT_FOUND", status: 404 });
  await apiError("deletePersonTag of a tag a person has", () => mi.deletePersonTag({ workspaceName, tagId: anchor.id }), { code: "CONFLICT", status: 409, apiCode: "409" });
  const logBefore = (await requests()).length;
  const removed = await mi.removePersonTags({ workspaceName, personId: kimId, tagIds: [anchor.id, 999999] });
  const sent = (await requests()).slice(logBefore);
  t.check(removed.tagList?.map((x) => x.id).join(",") === String(guest.id), "removePersonTags removes (unknown ids ignored)", show(removed));
  t.check(sent.length === 1 && sent[0].method === "POST" && sent[0].url.endsWith(`/persons/${kimId}/person-tags/remove`), "removePersonTags uses the POST .../person-tags/remove variant", show(sent.map((r) => `${r.method} ${r.url}`)));
  const deleted = await mi.deletePersonTag({ workspaceName, tagId: String(anchor.id) });
  t.check(deleted === undefined || deleted === null || typeof deleted === "object", "deletePersonTag of a tag no person has", show(deleted));
  const after = await mi.listPersonTags({ workspaceName, pageSize: 50 });
  t.check(!after.content.some((x) => x.id === anchor.id) && after.totalCount === 2, "the deleted tag is gone from listPersonTags", show(after.content.map((x) => x.id)));
  await apiError("deletePersonTag again", () => mi.deletePersonTag({ workspaceName, tagId: anchor.id }), { code: "NOT_FOUND", status: 404, apiCode: "404" });
}

// Thumbnails.
{
  const extraKey = await mi.uploadPersonThumbnail({ workspaceName }, png(700), { fileName: "extra.png" });
  const before = await mi.getPerson({ workspaceName, personId: lee.personId });
  const oldId = before.thumbnails[0].id;
  const added = await mi.addPersonThumbnails({ workspaceName, personId: lee.personId, thumbnails: [{ thumbnailKey: extraKey, isPrimaryThumbnail: true }] });
  const list = added.thumbnailList ?? [];
  const fresh = list.find((x) => x.id !== oldId);
  t.check(added.personId === lee.personId && list.length === 2 && fresh?.isPrimaryThumbnail === true && list.filter((x) => x.isPrimaryThumbnail).length === 1,
    "addPersonThumbnails adds a thumbnail that becomes the primary", show(added));
  const logBefore = (await requests()).length;
  const removed = await mi.removePersonThumbnails({ workspaceName, personId: lee.personId, thumbnailIds: [String(oldId)] });
  const sent = (await requests()).slice(logBefore);
  t.check(removed.thumbnailList?.length === 1 && removed.thumbnailList[0].id === fresh?.id, "removePersonThumbnails removes one (id as text)", show(removed));
  t.check(sent.length === 1 && sent[0].method === "POST" && sent[0].url.endsWith(`/persons/${lee.personId}/person-thumbnail/remove`), "removePersonThumbnails uses the POST .../person-thumbnail/remove variant", show(sent.map((r) => `${r.method} ${r.url}`)));
  await apiError("removePersonThumbnails of every thumbnail is refused", () => mi.removePersonThumbnails({ workspaceName, personId: lee.personId, thumbnailIds: [fresh?.id ?? 1] }), { code: "CONFLICT", status: 409, apiCode: "409" });
  t.check((await mi.getPerson({ workspaceName, personId: lee.personId })).thumbnails.length === 1, "the refused removal left the thumbnail", "");
  await apiError("addPersonThumbnails with a key never uploaded", () => mi.addPersonThumbnails({ workspaceName, personId: lee.personId, thumbnails: [{ thumbnailKey: "nope.png", isPrimaryThumbnail: false }] }), { code: "BAD_REQUEST", status: 400, apiCode: "10001" });
  await apiError("addPersonThumbnails to an unknown person", () => mi.addPersonThumbnails({ workspaceName, personId: 999999, thumbnails: [{ thumbnailKey: extraKey, isPrimaryThumbnail: false }] }), { code: "NOT_FOUND", status: 404 });
}

// ============================================================================================== search

const keyword = index.keywords[0].keyword;
const sceneWithPersons = index.scenes.find((s) => s.personIds.length > 0 && s.keywords.length > 0);
const byKeyword = await mi.searchAssetsAndWait({ workspaceName, query: { textQuery: keyword } }, { intervalMs: 10 });
const hitIds = (page) => (page.results ?? []).map((r) => r.assetId);
t.check(byKeyword.status === "COMPLETED" && hitIds(byKeyword).includes(video.assetId) && hitIds(byKeyword).includes(videoCopy.assetId) && byKeyword.totalCount === byKeyword.results.length,
  `searchAssetsAndWait by a keyword of the index ("${keyword}") finds both analysed videos`, show(byKeyword));
t.check(byKeyword.results.every((r) => typeof r.score === "number" && Array.isArray(r.scenes)), "search results carry scores and scenes", show(byKeyword.results[0]));
{
  // By a person: a keyword of a scene where the person appears, and the person in personQuery.
  const person = sceneWithPersons.personIds[0];
  const scenesOf = (id) => new Set(index.scenes.filter((s) => s.personIds.includes(id)).map((s) => s.sceneNo));
  const text = sceneWithPersons.keywords[0];
  const must = await mi.searchAssetsAndWait({ workspaceName, query: { textQuery: text, personQuery: { must: [person] } }, filter: { assetIds: [video.assetId] } }, { intervalMs: 10 });
  const hit = must.results?.find((r) => r.assetId === video.assetId);
  t.check(!!hit && hit.scenes.length > 0 && hit.scenes.every((s) => scenesOf(person).has(s.sceneNo)) && hit.scenes.some((s) => s.sceneNo === sceneWithPersons.sceneNo),
    `searchAssetsAndWait by a person (${person}, with "${text}"): only scenes the person appears in`, show(must));
  const not = await mi.searchAssetsAndWait({ workspaceName, query: { textQuery: text, personQuery: { not: [String(person)] } } }, { intervalMs: 10 });
  t.check((not.results ?? []).every((r) => r.assetType !== "VIDEO" || r.scenes.every((s) => !scenesOf(person).has(s.sceneNo))), "personQuery.not (id as text) excludes the person's scenes", show(not));
  const stranger = await mi.searchAssetsAndWait({ workspaceName, query: { textQuery: text, personQuery: { must: [kimId] } } }, { intervalMs: 10 });
  t.check(stranger.status === "COMPLETED" && stranger.totalCount === 0, "a person in no video finds nothing", show(stranger));
  const filtered = await mi.searchAssetsAndWait({ workspaceName, query: { textQuery: keyword }, filter: { projectIds: [String(second.projectId)] }, pageSize: 5 }, { intervalMs: 10 });
  t.check(hitIds(filtered).join(",") === String(videoCopy.assetId) && filtered.pageSize === 5, "filter.projectIds (as text) limits the search; pageSize from params", show(filtered));
  // Dialogue: a word said during a scene, with one of that scene's keywords.
  const scene = index.scenes.find((sc) => sc.keywords.length > 0 && index.scripts.some((l) => l.startMs < sc.endMs && l.endMs > sc.startMs && /[A-Za-z]{4,}/.test(l.text)));
  const line = index.scripts.find((l) => l.startMs < scene.endMs && l.endMs > scene.startMs && /[A-Za-z]{4,}/.test(l.text));
  const word = line.text.match(/[A-Za-z]{4,}/)[0];
  const dialog = await mi.searchAssetsAndWait({ workspaceName, query: { textQuery: scene.keywords[0], dialogQuery: { any: [word] } }, filter: { assetIds: [String(video.assetId)] }, queryOption: { confidenceLevel: "LOW" } }, { intervalMs: 10 });
  t.check(dialog.status === "COMPLETED" && hitIds(dialog).join(",") === String(video.assetId) && dialog.results[0].scenes.some((x) => x.sceneNo === scene.sceneNo),
    `dialogQuery.any ("${word}", said in scene ${scene.sceneNo}) with confidenceLevel LOW and filter.assetIds`, show(dialog));
  const silent = await mi.searchAssetsAndWait({ workspaceName, query: { textQuery: scene.keywords[0], dialogQuery: { must: ["zzqx never said"] } } }, { intervalMs: 10 });
  t.check(silent.status === "COMPLETED" && silent.totalCount === 0, "dialogQuery.must of words never said finds nothing", show(silent));
  const image = await mi.searchAssetsAndWait({ workspaceName, query: { imageQuery: searchKeys.Blob }, queryOption: { confidenceLevel: "LOW" } }, { intervalMs: 10 });
  t.check(image.status === "COMPLETED" && Number.isInteger(image.totalCount), "searchAssetsAndWait with an uploaded image as imageQuery completes", show(image));
}

// waitForAssetSearch: progress, pages, failure.
{
  const { searchId } = await mi.searchAssets({ workspaceName, query: { textQuery: keyword } });
  const running = await mi.getAssetSearchResult({ workspaceName, searchId });
  t.check(running.searchId === searchId && running.status === "RUNNING" && running.results === undefined, "getAssetSearchResult of a fresh search: RUNNING, no results yet", show(running));
  const seen = [];
  const done = await mi.waitForAssetSearch({ workspaceName, searchId }, { intervalMs: 10, onProgress: (s) => seen.push(s.status) });
  t.check(done.status === "COMPLETED" && done.totalCount === byKeyword.totalCount && done.totalCount >= 2 && seen[0] === "RUNNING" && seen.at(-1) === "COMPLETED" && seen.every((s, i) => i === 0 || s !== seen[i - 1]),
    "waitForAssetSearch resolves the completed first page; onProgress saw RUNNING then COMPLETED once each", `${show(seen)} ${show(done)}`);
  const page2 = await mi.getAssetSearchResult({ workspaceName, searchId, pageNum: 2, pageSize: 1 });
  t.check(page2.pageNo === 2 && page2.pageSize === 1 && page2.results.length === 1 && page2.totalPage === done.totalCount && page2.results[0].assetId === done.results[1].assetId,
    "getAssetSearchResult pages (pageNum 2, pageSize 1)", show(page2));
  const page2Wait = await mi.waitForAssetSearch({ workspaceName, searchId, pageNum: 2, pageSize: 1 }, { intervalMs: 10 });
  t.check(page2Wait.pageNo === 2 && page2Wait.results?.[0]?.assetId === done.results[1].assetId, "waitForAssetSearch resolves the page pageNum names", show(page2Wait));
  await apiError("getAssetSearchResult of an unknown search", () => mi.getAssetSearchResult({ workspaceName, searchId: "NoSuchSearch00000000" }), { code: "NOT_FOUND", status: 404, apiCode: "404" });

  const failing = await mi.searchAssets({ workspaceName, query: { textQuery: "__fail__" } });
  const failed = await apiError("waitForAssetSearch of a search that fails (__fail__)", () => mi.waitForAssetSearch({ workspaceName, searchId: failing.searchId }, { intervalMs: 10 }), { code: "SEARCH_FAILED" });
  t.check(failed?.jobStatus?.status === "FAILED" && failed.jobStatus.searchId === failing.searchId, "SEARCH_FAILED carries the final status as jobStatus", show(failed?.jobStatus));
  const failed2 = await apiError("searchAssetsAndWait of a search that fails (__fail__)", () => mi.searchAssetsAndWait({ workspaceName, query: { textQuery: "__fail__" } }, { intervalMs: 10 }), { code: "SEARCH_FAILED" });
  t.check(failed2?.jobStatus?.status === "FAILED", "searchAssetsAndWait's SEARCH_FAILED carries jobStatus", show(failed2?.jobStatus));
}

// Time-out and abort: searches started under a one-minute tick stay RUNNING.
{
  await admin(base, "POST", "tick", { tickMs: 60000 });
  const { searchId } = await mi.searchAssets({ workspaceName, query: { textQuery: keyword } });
  const slow = await outcome(() => mi.waitForAssetSearch({ workspaceName, searchId }, { intervalMs: 20, timeoutMs: 250 }));
  t.check(slow.error?.name === "TimeoutError" && slow.error.code === "TIMEOUT" && slow.error.jobStatus?.status === "RUNNING", "waitForAssetSearch past timeoutMs: TimeoutError with the last status", slow.error ? `${describe(slow.error)} ${show(slow.error.jobStatus)}` : show(slow.value));
  const controller = new AbortController();
  const seen = [];
  const waiting = outcome(() => mi.waitForAssetSearch({ workspaceName, searchId }, { intervalMs: 20, signal: controller.signal, onProgress: (s) => seen.push(s.status) }));
  await sleep(150);
  const reason = new Error("user closed the search");
  controller.abort(reason);
  const stopped = await within(waiting, 2000, { error: new Error("did not stop within 2 s of the abort") });
  t.check(stopped.error?.name === "AbortError" && stopped.error.code === "ABORTED" && (stopped.error.reason === reason || stopped.error.cause === reason) && seen[0] === "RUNNING",
    "waitForAssetSearch aborted mid-wait: AbortError with the signal's reason", stopped.error ? describe(stopped.error) : show(stopped.value));
  const polls = await countRequests(`/api/v1/workspaces/${workspaceName}/assets/search/${searchId}`);
  await sleep(150);
  t.check((await countRequests(`/api/v1/workspaces/${workspaceName}/assets/search/${searchId}`)) === polls, "no poll after the abort", "");
  const before = (await requests()).length;
  const pre = await outcome(() => mi.searchAssetsAndWait({ workspaceName, query: { textQuery: keyword } }, { signal: AbortSignal.abort() }));
  t.check(pre.error?.name === "AbortError" && (await requests()).length === before, "searchAssetsAndWait with an aborted signal: AbortError, nothing sent", pre.error ? describe(pre.error) : "resolved");
  const slow2 = await outcome(() => mi.searchAssetsAndWait({ workspaceName, query: { textQuery: keyword } }, { intervalMs: 20, timeoutMs: 200 }));
  t.check(slow2.error?.name === "TimeoutError", "searchAssetsAndWait past timeoutMs: TimeoutError", slow2.error ? describe(slow2.error) : "resolved");
  await admin(base, "POST", "tick", { tickMs: TICK_MS });
}

// ============================================================================================ iterators

{
  const done = await mi.searchAssetsAndWait({ workspaceName, query: { textQuery: keyword } }, { intervalMs: 10 });
  const path = `/api/v1/workspaces/${workspaceName}/assets/search/${done.searchId}`;
  let before = await countRequests(path);
  const iterator = mi.assetSearchResults({ workspaceName, searchId: done.searchId, pageSize: 1 });
  t.check((await countRequests(path)) === before, "assetSearchResults() sends nothing before the first next()", "");
  const all = [];
  for await (const hit of iterator) all.push(hit.assetId);
  const full = (await countRequests(path)) - before;
  t.check(all.join(",") === hitIds(done).join(",") && full >= all.length && full <= all.length + 1, `assetSearchResults() yields every result, one page per request (${full} requests for ${all.length} results)`, show(all));
  before = await countRequests(path);
  for await (const hit of mi.assetSearchResults({ workspaceName, searchId: done.searchId, pageSize: 1 })) {
    void hit;
    break;
  }
  await sleep(50);
  t.check((await countRequests(path)) - before === 1, "assetSearchResults(): a break after the first result stops at one request", `${(await countRequests(path)) - before} requests`);

  const personsPath = `/api/v1/workspaces/${workspaceName}/persons?`;
  const total = (await mi.listPersons({ workspaceName })).totalCount;
  before = await countRequests(personsPath);
  const ids = [];
  for await (const p of mi.persons({ workspaceName, pageSize: 2 })) ids.push(p.personId);
  const sent = (await countRequests(personsPath)) - before;
  t.check(ids.length === total && new Set(ids).size === total && sent >= Math.ceil(total / 2) && sent <= Math.ceil(total / 2) + 1, `persons() yields all ${total} persons, pageSize 2 (${sent} requests)`, show(ids));
  before = await countRequests(personsPath);
  let n = 0;
  for await (const p of mi.persons({ workspaceName, pageSize: 1 })) {
    void p;
    if (++n === 2) break;
  }
  await sleep(50);
  t.check((await countRequests(personsPath)) - before === 2, "persons(): a break after two persons (pageSize 1) stops at two requests", `${(await countRequests(personsPath)) - before} requests`);
  const filtered = [];
  for await (const p of mi.persons({ workspaceName, name: "Min" })) filtered.push(p.personId);
  t.check(filtered.join(",") === String(kimId), "persons() passes its filters on", show(filtered));

  const tagsPath = `/api/v1/workspaces/${workspaceName}/person-tags?`;
  before = await countRequests(tagsPath);
  const tagIterator = mi.personTags({ workspaceName, pageSize: 1 });
  t.check((await countRequests(tagsPath)) === before, "personTags() sends nothing before the first next()", "");
  const tagNames = [];
  for await (const tag of tagIterator) tagNames.push(tag.name);
  const tagSent = (await countRequests(tagsPath)) - before;
  t.check(tagNames.join(",") === `guest,${"가".repeat(30)}` && tagSent >= 2 && tagSent <= 3, `personTags() yields every tag (${tagSent} requests for 2 tags of pageSize 1)`, show(tagNames));
  before = await countRequests(tagsPath);
  for await (const tag of mi.personTags({ workspaceName, pageSize: 1 })) {
    void tag;
    break;
  }
  await sleep(50);
  t.check((await countRequests(tagsPath)) - before === 1, "personTags(): a break after the first tag stops at one request", "");
}

// ============================================================================================== merges

{
  // Two persons of the index: the second's scenes move to the first.
  const [into, from] = [indexPersonIds[1], indexPersonIds[2]];
  const scenesBefore = (id) => index.scenes.filter((s) => s.personIds.includes(id)).map((s) => s.sceneNo);
  const union = new Set([...scenesBefore(into), ...scenesBefore(from)]);
  const fromThumbs = (await mi.getPerson({ workspaceName, personId: from })).thumbnails.length;
  const totalBefore = (await mi.listPersons({ workspaceName })).totalCount;
  const merged = await mi.mergePersons({ workspaceName, personId: into, personIds: [String(from)] });
  t.check(merged.personId === into && merged.transferredAssetCount === 2 && merged.transferredThumbnailCount === fromThumbs && typeof merged.mergedTime === "string",
    "mergePersons resolves the person merged into and what moved (ids as text)", show(merged));
  await apiError("getPerson of a merged-away person", () => mi.getPerson({ workspaceName, personId: from }), { code: "NOT_FOUND", status: 404, apiCode: "404" });
  const after = await mi.getIndex({ workspaceName, projectId: video.projectId, assetId: video.assetId });
  const scenesAfter = after.scenes.filter((s) => s.personIds.includes(into)).map((s) => s.sceneNo);
  t.check(!after.persons.some((p) => p.personId === from) && !after.scenes.some((s) => s.personIds.includes(from)) && scenesAfter.length === union.size && scenesAfter.every((n) => union.has(n)),
    "after the merge the index names the person merged into in every scene of both", `${show(scenesAfter)} vs ${show([...union])}`);
  const intoNow = await mi.getPerson({ workspaceName, personId: into });
  t.check(intoNow.sceneCount === 2 * union.size, "the merged person's sceneCount is recounted over both videos", `${intoNow.sceneCount} vs ${2 * union.size}`);
  const list = await mi.listPersons({ workspaceName });
  t.check(!list.content.some((p) => p.personId === from) && list.totalCount === totalBefore - 1, "the merged-away person is gone from listPersons", show(list.content.map((p) => p.personId)));
  const text = index.scenes.find((s) => s.personIds.includes(from) && s.keywords.length > 0)?.keywords[0] ?? keyword;
  const viaOld = await mi.searchAssetsAndWait({ workspaceName, query: { textQuery: text, personQuery: { must: [from] } }, filter: { assetIds: [video.assetId] } }, { intervalMs: 10 });
  const viaNew = await mi.searchAssetsAndWait({ workspaceName, query: { textQuery: text, personQuery: { must: [into] } }, filter: { assetIds: [video.assetId] } }, { intervalMs: 10 });
  t.check(viaOld.totalCount >= 1 && show(viaOld.results) === show(viaNew.results), "a person query with the merged-away id finds what the merged person's id finds", `${show(viaOld.results)} vs ${show(viaNew.results)}`);
  await apiError("mergePersons of an already merged person", () => mi.mergePersons({ workspaceName, personId: into, personIds: [from] }), { code: "CONFLICT", status: 409, apiCode: "409" });
  await apiError("mergePersons of an unknown person", () => mi.mergePersons({ workspaceName, personId: into, personIds: [999999] }), { code: "NOT_FOUND", status: 404 });
  const self = await outcome(() => mi.mergePersons({ workspaceName, personId: into, personIds: [into] }));
  t.check(self.error?.name === "ValidationError" || (self.error?.name === "ApiError" && self.error.code === "BAD_REQUEST"), "mergePersons of a person into itself is refused", self.error ? describe(self.error) : "resolved");

  // Lee (one thumbnail, Kim's face) into Kim: the thumbnail moves, not as primary.
  const kimBefore = await mi.getPerson({ workspaceName, personId: kimId });
  const m2 = await mi.mergePersons({ workspaceName, personId: kimId, personIds: [lee.personId] });
  const kimAfter = await mi.getPerson({ workspaceName, personId: kimId });
  t.check(m2.transferredThumbnailCount === 1 && kimAfter.thumbnails.length === kimBefore.thumbnails.length + 1 && kimAfter.thumbnails.filter((x) => x.isPrimaryThumbnail).length === 1 && kimAfter.thumbnails.find((x) => x.isPrimaryThumbnail).id === kimBefore.thumbnails.find((x) => x.isPrimaryThumbnail).id,
    "merging Lee into Kim moves Lee's thumbnail to Kim, Kim's primary stays", show(kimAfter.thumbnails));
  const similar = await mi.listSimilarPersons({ workspaceName, personId: kimId, scoreThreshold: 100 });
  t.check(similar.similarPersons.length === 0, "after the merge no other person has Kim's face", show(similar));
}

// ============================================================================================= deletes

{
  const gone = await mi.deletePerson({ workspaceName, personId: anonymous.personId });
  t.check(gone.personId === anonymous.personId, "deletePerson resolves the person as it was", show(gone));
  await apiError("getPerson of a deleted person", () => mi.getPerson({ workspaceName, personId: anonymous.personId }), { code: "NOT_FOUND", status: 404, apiCode: "404" });
  await apiError("deletePerson again", () => mi.deletePerson({ workspaceName, personId: anonymous.personId }), { code: "NOT_FOUND", status: 404, apiCode: "404" });
}

// ================================================================= validation: refused before any request

const pid = kimId;
const q = (query, extra = {}) => () => mi.searchAssets({ workspaceName, query, ...extra });
await refused("searchAssets with both textQuery and imageQuery", q({ textQuery: "a", imageQuery: searchKeys.Blob }), "query");
await refused("searchAssets with neither textQuery nor imageQuery", q({ personQuery: { must: [pid] } }), "query");
await refused("searchAssets without a query", () => mi.searchAssets({ workspaceName }), "query");
for (const ch of [";", "|", "`"]) {
  await refused(`searchAssets with ${ch} in textQuery`, q({ textQuery: `goal${ch}drop` }), "query.textQuery");
  for (const part of ["must", "any", "not"]) {
    await refused(`searchAssets with ${ch} in dialogQuery.${part}`, q({ textQuery: "goal", dialogQuery: { [part]: ["fine", `a${ch}b`] } }), /^query\.dialogQuery/);
  }
}
for (const [label, bad] of [["1.5", 1.5], ["\"abc\"", "abc"], ["0", 0], ["-3", -3], ["\"1e3\"", "1e3"], ["true", true]]) {
  await refused(`searchAssets with personQuery.must [${label}]`, q({ textQuery: "goal", personQuery: { must: [bad] } }), /^query\.personQuery/);
}
await refused("searchAssets with dialogQuery.any [5] (not text)", q({ textQuery: "goal", dialogQuery: { any: [5] } }), /^query\.dialogQuery/);
await refused("searchAssets with a blank textQuery", q({ textQuery: "   " }), "query.textQuery");
await refused("searchAssets with personQuery.must [5n] (a bigint)", q({ textQuery: "goal", personQuery: { must: [5n] } }), /^query\.personQuery/);
await refused("searchAssets with personQuery.any not an array", q({ textQuery: "goal", personQuery: { any: pid } }), /^query\.personQuery/);
await refused("searchAssets with filter.projectIds [\"x\"]", q({ textQuery: "goal" }, { filter: { projectIds: ["x"] } }), /^filter\.projectIds/);
await refused("searchAssets with filter.assetIds [2.5]", q({ textQuery: "goal" }, { filter: { assetIds: [2.5] } }), /^filter\.assetIds/);
await accepted("searchAssets with personQuery of decimal text ids", q({ textQuery: "goal", personQuery: { must: [String(pid)], any: [pid] } }));

const mergeIds = (n) => Array.from({ length: n }, (_, i) => 900000 + i);
await refused("mergePersons of 11 ids", () => mi.mergePersons({ workspaceName, personId: pid, personIds: mergeIds(11) }), "personIds");
await refused("mergePersons of no id", () => mi.mergePersons({ workspaceName, personId: pid, personIds: [] }), "personIds");
await refused("mergePersons with personIds [1.5]", () => mi.mergePersons({ workspaceName, personId: pid, personIds: [1.5] }), /^personIds/);
await refused("mergePersons with personIds [\"12a\"]", () => mi.mergePersons({ workspaceName, personId: pid, personIds: ["12a"] }), /^personIds/);
await refused("mergePersons with personIds [5n] (a bigint)", () => mi.mergePersons({ workspaceName, personId: pid, personIds: [5n] }), /^personIds/);
await refused("mergePersons with personIds not a list", () => mi.mergePersons({ workspaceName, personId: pid, personIds: 1003 }), /^personIds/);
await accepted("mergePersons of 10 ids (unknown: the API answers)", () => mi.mergePersons({ workspaceName, personId: pid, personIds: mergeIds(10) }));

for (const [op, call] of [
  ["listSimilarPersons", (o) => mi.listSimilarPersons({ workspaceName, personId: pid, ...o })],
  ["recommendPersonsByThumbnail", (o) => mi.recommendPersonsByThumbnail({ workspaceName, thumbnailKey: thumbKeys.jpg, ...o })],
]) {
  for (const bad of [0, 11, 2.5, -1]) await refused(`${op} with personCount ${show(bad)}`, () => call({ personCount: bad }), "personCount");
  for (const bad of [79, 101, 90.5, -1]) await refused(`${op} with scoreThreshold ${bad}`, () => call({ scoreThreshold: bad }), "scoreThreshold");
  await accepted(`${op} with personCount 10 and scoreThreshold 80`, () => call({ personCount: 10, scoreThreshold: 80 }));
  await accepted(`${op} with personCount 1 and scoreThreshold 100`, () => call({ personCount: 1, scoreThreshold: 100 }));
}
await refused("recommendPersonsByThumbnail without thumbnailKey", () => mi.recommendPersonsByThumbnail({ workspaceName }), "thumbnailKey");

await refused("createPersonTag with an empty name", () => mi.createPersonTag({ workspaceName, name: "" }), "name");
await refused("createPersonTag with a 31-character name", () => mi.createPersonTag({ workspaceName, name: "x".repeat(31) }), "name");
await refused("createPersonTag with 31 Hangul characters", () => mi.createPersonTag({ workspaceName, name: "가".repeat(31) }), "name");
await refused("createPersonTag without a name", () => mi.createPersonTag({ workspaceName }), "name");
await accepted("createPersonTag with a 1-character name", () => mi.createPersonTag({ workspaceName, name: "x" }));
await accepted("createPersonTag with a 30-character name", () => mi.createPersonTag({ workspaceName, name: "y".repeat(30) }));
await refused("listPersonTags with a 31-character name filter", () => mi.listPersonTags({ workspaceName, name: "x".repeat(31) }), "name");
await refused("listPersonTags with an id filter 1.5", () => mi.listPersonTags({ workspaceName, id: 1.5 }), "id");
await refused("deletePersonTag with tagId \"abc\"", () => mi.deletePersonTag({ workspaceName, tagId: "abc" }), "tagId");
await refused("addPersonTags with tagIds [1.5]", () => mi.addPersonTags({ workspaceName, personId: pid, tagIds: [1.5] }), /^tagIds/);
await refused("addPersonTags with no tagIds", () => mi.addPersonTags({ workspaceName, personId: pid, tagIds: [] }), /^tagIds/);
await refused("removePersonTags with tagIds [\"abc\"]", () => mi.removePersonTags({ workspaceName, personId: pid, tagIds: ["abc"] }), /^tagIds/);

const thumbs = (n, primaries) => Array.from({ length: n }, (_, i) => ({ thumbnailKey: `${workspaceName}/k${i}/f.png`, isPrimaryThumbnail: i < primaries }));
await refused("createPerson with no thumbnails", () => mi.createPerson({ workspaceName, name: "V1", thumbnails: [] }), "thumbnails");
await refused("createPerson without thumbnails", () => mi.createPerson({ workspaceName, name: "V1" }), "thumbnails");
await refused("createPerson with 101 thumbnails", () => mi.createPerson({ workspaceName, name: "V1", thumbnails: thumbs(101, 1) }), "thumbnails");
await refused("createPerson with no primary thumbnail", () => mi.createPerson({ workspaceName, name: "V1", thumbnails: thumbs(2, 0) }), "thumbnails");
await refused("createPerson with two primary thumbnails", () => mi.createPerson({ workspaceName, name: "V1", thumbnails: thumbs(2, 2) }), "thumbnails");
await refused("createPerson with a thumbnail without isPrimaryThumbnail", () => mi.createPerson({ workspaceName, name: "V1", thumbnails: [{ thumbnailKey: "k.png" }] }), /^thumbnails/);
await refused("createPerson with a blank name", () => mi.createPerson({ workspaceName, name: "   ", thumbnails: thumbs(1, 1) }), "name");
await refused("createPerson with a 51-character name", () => mi.createPerson({ workspaceName, name: "n".repeat(51), thumbnails: thumbs(1, 1) }), "name");
await refused("createPerson with a 701-character description", () => mi.createPerson({ workspaceName, description: "d".repeat(701), thumbnails: thumbs(1, 1) }), "description");
await accepted("createPerson with 100 thumbnails (unknown keys: the API answers)", () => mi.createPerson({ workspaceName, name: "V1", thumbnails: thumbs(100, 1) }));
await refused("addPersonThumbnails with no thumbnails", () => mi.addPersonThumbnails({ workspaceName, personId: pid, thumbnails: [] }), "thumbnails");
await refused("addPersonThumbnails with 101 thumbnails", () => mi.addPersonThumbnails({ workspaceName, personId: pid, thumbnails: thumbs(101, 0) }), "thumbnails");
await refused("removePersonThumbnails with thumbnailIds [1.5]", () => mi.removePersonThumbnails({ workspaceName, personId: pid, thumbnailIds: [1.5] }), /^thumbnailIds/);
await refused("removePersonThumbnails with no thumbnailIds", () => mi.removePersonThumbnails({ workspaceName, personId: pid, thumbnailIds: [] }), /^thumbnailIds/);
await refused("updatePerson with primaryThumbnailId \"x\"", () => mi.updatePerson({ workspaceName, personId: pid, primaryThumbnailId: "x" }), "primaryThumbnailId");
await refused("updatePerson with an empty name", () => mi.updatePerson({ workspaceName, personId: pid, name: "" }), "name");
for (const op of ["getPerson", "deletePerson", "updatePerson", "listSimilarPersons"]) {
  await refused(`${op} with personId 0`, () => mi[op]({ workspaceName, personId: 0 }), "personId");
  await refused(`${op} with personId "12x"`, () => mi[op]({ workspaceName, personId: "12x" }), "personId");
}

// Page sizes per operation.
const pageCases = [
  ["getAssetSearchResult", (o) => mi.getAssetSearchResult({ workspaceName, searchId: "NoSuchSearch00000000", ...o }), 100],
  ["assetSearchResults()", (o) => mi.assetSearchResults({ workspaceName, searchId: "NoSuchSearch00000000", ...o }).next(), 100],
  ["waitForAssetSearch", (o) => mi.waitForAssetSearch({ workspaceName, searchId: "NoSuchSearch00000000", ...o }, { intervalMs: 10 }), 100],
  ["listPersonTags", (o) => mi.listPersonTags({ workspaceName, ...o }), 50],
  ["personTags()", (o) => mi.personTags({ workspaceName, ...o }).next(), 50],
  ["listPersons", (o) => mi.listPersons({ workspaceName, ...o }), 1000],
  ["persons()", (o) => mi.persons({ workspaceName, ...o }).next(), 1000],
  ["searchPersons", (o) => mi.searchPersons({ workspaceName, ...o }), 50],
  ["searchAssetsAndWait", (o) => mi.searchAssetsAndWait({ workspaceName, query: { textQuery: "goal" }, ...o }, { intervalMs: 10 }), 100],
];
for (const [op, call, max] of pageCases) {
  await refused(`${op} with pageSize 0`, () => call({ pageSize: 0 }), "pageSize");
  await refused(`${op} with pageSize ${max + 1}`, () => call({ pageSize: max + 1 }), "pageSize");
  await refused(`${op} with pageSize 2.5`, () => call({ pageSize: 2.5 }), "pageSize");
  await refused(`${op} with pageSize -1`, () => call({ pageSize: -1 }), "pageSize");
  if (!op.startsWith("searchAssetsAndWait")) {
    await refused(`${op} with pageNum 0`, () => call({ pageNum: 0 }), "pageNum");
    await refused(`${op} with pageNum -1`, () => call({ pageNum: -1 }), "pageNum");
  }
  await accepted(`${op} with pageSize ${max}`, () => call({ pageSize: max }));
}
await refused("listPersons with a 1-character name filter", () => mi.listPersons({ workspaceName, name: "K" }), "name");
await refused("listPersons with a 51-character name filter", () => mi.listPersons({ workspaceName, name: "K".repeat(51) }), "name");
await refused("listPersons with ; in the name filter", () => mi.listPersons({ workspaceName, name: "Kim;x" }), "name");
await refused("listPersons with 31 tag ids", () => mi.listPersons({ workspaceName, tagIdList: Array.from({ length: 31 }, (_, i) => i + 1) }), /^tagIdList/);
await refused("listPersons with tagIdList [1.5]", () => mi.listPersons({ workspaceName, tagIdList: [1.5] }), /^tagIdList/);
await accepted("listPersons with tagIdList of decimal text", () => mi.listPersons({ workspaceName, tagIdList: ["7", 8] }));
await refused("persons() with a 1-character name filter", () => mi.persons({ workspaceName, name: "K" }).next(), "name");
await refused("searchPersons with a 1-character name", () => mi.searchPersons({ workspaceName, name: "K" }), "name");
await refused("searchPersons with | in the name", () => mi.searchPersons({ workspaceName, name: "Kim|x" }), "name");
await refused("searchPersons with personIds [1.5]", () => mi.searchPersons({ workspaceName, personIds: [1.5] }), /^personIds/);
await refused("searchPersons with tagIds [\"x\"]", () => mi.searchPersons({ workspaceName, tagIds: ["x"] }), /^tagIds/);
await refused("searchPersons with nameType OTHER", () => mi.searchPersons({ workspaceName, nameType: "OTHER" }), "nameType");
await refused("searchPersons with sortColumn AGE", () => mi.searchPersons({ workspaceName, sortColumn: "AGE" }), "sortColumn");

// File names of the upload URL operations.
for (const name of ["q.gif", "query", "q.png.txt", ""]) {
  await refused(`createSearchImageUploadUrl with assetFileName ${show(name)}`, () => mi.createSearchImageUploadUrl({ assetFileName: name }), "assetFileName");
}
await refused("createSearchImageUploadUrl with assetType VIDEO", () => mi.createSearchImageUploadUrl({ assetFileName: "q.png", assetType: "VIDEO" }), "assetType");
for (const name of ["f.heic", "f.gif", "face", ""]) {
  await refused(`createPersonThumbnailUploadUrl with thumbnailFileName ${show(name)}`, () => mi.createPersonThumbnailUploadUrl({ workspaceName, thumbnailFileName: name }), "thumbnailFileName");
}
await refused("completeSearchImageUpload without assetKey", () => mi.completeSearchImageUpload({}), "assetKey");
await refused("completePersonThumbnailUpload with an empty thumbnailKey", () => mi.completePersonThumbnailUpload({ workspaceName, thumbnailKey: "" }), "thumbnailKey");
for (const name of ["q.jpg", "q.JPEG", "q.png", "q.webp", "q.heic"]) {
  await accepted(`createSearchImageUploadUrl with assetFileName ${name}`, () => mi.createSearchImageUploadUrl({ assetFileName: name }));
}

// ======================================================================================= every method

const OPERATIONS = [
  "searchAssets", "getAssetSearchResult", "createSearchImageUploadUrl", "completeSearchImageUpload", "listPersons", "createPerson",
  "getPerson", "updatePerson", "deletePerson", "searchPersons", "mergePersons", "listSimilarPersons", "recommendPersonsByThumbnail",
  "addPersonTags", "removePersonTags", "addPersonThumbnails", "removePersonThumbnails", "listPersonTags", "createPersonTag",
  "deletePersonTag", "createPersonThumbnailUploadUrl", "completePersonThumbnailUpload",
];
const HELPERS = ["waitForAssetSearch", "searchAssetsAndWait", "assetSearchResults", "persons", "personTags", "uploadSearchImage", "uploadPersonThumbnail"];
const missing = [...OPERATIONS, ...HELPERS].filter((m) => !used.has(m));
t.check(missing.length === 0, `each of the ${OPERATIONS.length} methods of operations #25-#48 and the ${HELPERS.length} helpers resolved at least once`, `never resolved: ${missing.join(", ")}`);

await mi.deleteWorkspace({ workspaceName }).catch(() => {});
emulator.stop();
t.finish();
