// Search and people through the signing proxy (examples/node-proxy.mjs: createProxyHandler behind
// node:http) against the emulator: a proxy that allows every operation name carries a keyless client
// through both uploads (the bytes go from the client straight to the presigned URL: the proxy never sees
// them), a person's whole life (create, tags, thumbnails, merge, similar faces, delete), searches and their
// waiter and iterators; an operation the proxy does not list is refused with 404 and never reaches the
// emulator.
//   node tests/people/people-proxy.mjs      (needs pkg/ built)
import { readFileSync } from "node:fs";
import { MediaIntelligence } from "../../pkg/index.js";
import { startProxyServer } from "../../examples/node-proxy.mjs";
import { KEYS, admin, startEmulator, tally } from "../faults/harness.mjs";
import { sampleImage } from "../emulator/search.mjs";

const t = tally("people-proxy");
const emulator = await startEmulator({ MI_EMULATOR_TICK_MS: "20" });
const base = emulator.url;
const requests = () => admin(base, "GET", "requests");
const uploads = () => admin(base, "GET", "uploads");
const show = (v) => JSON.stringify(v)?.slice(0, 400);
const describe = (e) => (e instanceof Error ? `${e.name} ${e.code} status=${e.status} apiCode=${e.apiCode}: ${e.message}` : `resolved ${show(e)}`);
async function outcome(call) {
  try {
    return { value: await call() };
  } catch (error) {
    return { error };
  }
}

// Every operation name, read from the typings' OperationName union.
const dts = readFileSync(new URL("../../pkg/ncloud_media_intelligence.d.ts", import.meta.url), "utf8");
const ALL = [.../export type OperationName =([^;]+);/.exec(dts)[1].matchAll(/"(\w+)"/g)].map((m) => m[1]);
const PEOPLE_OPERATIONS = [
  "searchAssets", "getAssetSearchResult", "createSearchImageUploadUrl", "completeSearchImageUpload", "listPersons", "createPerson",
  "getPerson", "updatePerson", "deletePerson", "searchPersons", "mergePersons", "listSimilarPersons", "recommendPersonsByThumbnail",
  "addPersonTags", "removePersonTags", "addPersonThumbnails", "removePersonThumbnails", "listPersonTags", "createPersonTag",
  "deletePersonTag", "createPersonThumbnailUploadUrl", "completePersonThumbnailUpload",
];
t.check(ALL.length === 46 && PEOPLE_OPERATIONS.every((op) => ALL.includes(op)), `OperationName lists ${ALL.length} operations, the ${PEOPLE_OPERATIONS.length} of search and people among them`, show(ALL));

// What the proxy received (its authorize hook runs first on every request) and what it sent upstream.
const received = [];
const upstream = [];
const byteLength = (body) => (body == null ? 0 : typeof body === "string" ? Buffer.byteLength(body) : body.byteLength ?? body.size ?? -1);
const proxyOptions = {
  ...KEYS,
  endpoint: base,
  authorize: async (request) => {
    const body = request.body ? new Uint8Array(await request.clone().arrayBuffer()) : new Uint8Array(0);
    received.push({ method: request.method, path: new URL(request.url).pathname, bytes: body.byteLength, body });
    return true;
  },
  fetch: (input, init) => {
    upstream.push({ method: init?.method ?? "GET", url: String(input), bytes: byteLength(init?.body) });
    return fetch(input, init);
  },
};
const proxy = await startProxyServer({ ...proxyOptions, allow: ALL });
const REFUSED = ["createSearchImageUploadUrl", "mergePersons", "deletePerson"];
const limited = await startProxyServer({ ...proxyOptions, allow: ALL.filter((op) => !REFUSED.includes(op)) });

// The keyless client, wrapped so the suite can tell which methods resolved.
const used = new Set();
const plain = new MediaIntelligence({ proxyUrl: proxy.url });
const mi = new Proxy(plain, {
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

/** True when `needle` occurs in `hay` (both byte arrays). */
function contains(hay, needle) {
  const first = needle[0];
  outer: for (let i = hay.indexOf(first); i >= 0 && i + needle.length <= hay.length; i = hay.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

// ------------------------------------------------------------------------------ an analysed video

const workspaceName = `pproxy-${Date.now().toString(36)}`;
await mi.createWorkspace({ workspaceName });
const projectId = (await mi.listProjects({ workspaceName })).projects[0].projectId;
const { assetId } = await mi.importAsset({ workspaceName, projectId, bucketName: "mi-demo", key: "trailer.mov" });
await mi.waitForAssetImport({ workspaceName, projectId, assetId }, { intervalMs: 10 });
await mi.requestIndex({ workspaceName, projectId, assetId });
await mi.waitForIndex({ workspaceName, projectId, assetId }, { intervalMs: 10 });
const index = await mi.getIndex({ workspaceName, projectId, assetId });
t.check(index.scenes?.length > 0 && index.persons?.length >= 2, "the keyless client imports and analyses a video through the proxy", `scenes ${index.scenes?.length}, persons ${index.persons?.length}`);

// ------------------------------------------------------------------------------------------ uploads

/** Uploads through the keyless client and checks that the bytes went straight to the presigned URL. */
async function straightUpload(what, upload, bytes) {
  const [receivedBefore, upstreamBefore] = [received.length, upstream.length];
  const { value: key, error } = await outcome(upload);
  if (!t.check(typeof key === "string", `${what} through the proxy resolves a key`, error ? describe(error) : show(key))) return null;
  const record = (await uploads()).find((u) => u.key === key);
  t.check(record?.status === "UPLOADED" && record.size === bytes.length, `${what}: the emulator's presigned URL received all ${bytes.length} bytes`, show(record && { ...record, putHeaders: undefined }));
  const toProxy = received.slice(receivedBefore);
  const fromProxy = upstream.slice(upstreamBefore);
  t.check(toProxy.every((r) => r.method === "POST" && r.bytes < 2048 && !contains(r.body, bytes.subarray(0, 64))) && !toProxy.some((r) => r.method === "PUT"),
    `${what}: the proxy received only the two small JSON calls, never the bytes (${toProxy.map((r) => `${r.method} ${r.path} ${r.bytes} B`).join("; ")})`, show(toProxy.map((r) => ({ ...r, body: undefined }))));
  t.check(fromProxy.length === 2 && fromProxy.every((r) => r.url.startsWith(`${base}/api/v1/`) && r.bytes < 2048), `${what}: the proxy sent upstream only the two API calls`, show(fromProxy));
  const leaked = Object.keys(record?.putHeaders ?? { missing: 1 }).filter((h) => h.startsWith("x-ncp") || h === "authorization" || h === "cookie");
  t.check(leaked.length === 0, `${what}: the PUT carried no x-ncp-* header, no authorization, no cookie`, leaked.join(", "));
  t.check(record?.putHeaders?.host === new URL(base).host, `${what}: the PUT went to the emulator itself, not to the proxy`, `host ${record?.putHeaders?.host}`);
  return key;
}

// A 300 KiB PNG: far over the proxy's 16 KiB body limit, so it could not have gone through it.
const searchBytes = new Uint8Array(sampleImage("png", 400, 400, { size: 300 * 1024 }));
const imageQuery = await straightUpload("uploadSearchImage", () => mi.uploadSearchImage(new Blob([searchBytes]), { fileName: "query.png" }), searchBytes);
const faceBytes = new Uint8Array(sampleImage("png", 512, 512, { size: 200 * 1024 }));
const thumbnailKey = await straightUpload("uploadPersonThumbnail", () => mi.uploadPersonThumbnail({ workspaceName }, faceBytes, { fileName: "face.png" }), faceBytes);
const face2 = new Uint8Array(sampleImage("png", 520, 520));
const thumbnailKey2 = await straightUpload("uploadPersonThumbnail of a ReadableStream", () => mi.uploadPersonThumbnail({ workspaceName }, new Blob([face2]).stream(), { fileName: "face2.png" }), face2);
{
  const small = await outcome(() => mi.uploadSearchImage(new Uint8Array(sampleImage("png", 100, 100)), { fileName: "small.png" }));
  t.check(small.error?.name === "ApiError" && small.error.code === "UPLOAD_FAILED" && small.error.apiCode === "RESOLUTION_NOT_SUPPORT", "a too-small search image through the proxy: UPLOAD_FAILED, RESOLUTION_NOT_SUPPORT", small.error ? describe(small.error) : "resolved");
  // The raw operations.
  const issued = await mi.createSearchImageUploadUrl({ assetFileName: "raw.jpg" });
  await fetch(issued.presignedUploadUrl, { method: "PUT", body: sampleImage("jpg", 300, 300) });
  const done = await mi.completeSearchImageUpload({ assetKey: issued.assetFileKey });
  t.check(done.uploadStatus === "COMPLETED" && done.assetKey === issued.assetFileKey, "createSearchImageUploadUrl and completeSearchImageUpload through the proxy", show(done));
  const thumb = await mi.createPersonThumbnailUploadUrl({ workspaceName, thumbnailFileName: "raw.webp" });
  await fetch(thumb.url, { method: "PUT", body: sampleImage("webp", 300, 300) });
  const thumbDone = await mi.completePersonThumbnailUpload({ workspaceName, thumbnailKey: thumb.thumbnailKey });
  t.check(thumbDone.uploadStatus === "COMPLETED", "createPersonThumbnailUploadUrl and completePersonThumbnailUpload through the proxy", show(thumbDone));
  const stolen = await fetch(`${proxy.url}/__emulator/uploads?token=${new URL(issued.presignedUploadUrl).searchParams.get("token")}`, { method: "PUT", body: "x" });
  t.check(stolen.status === 404 && !upstream.some((r) => r.url.includes("/__emulator/")), "the proxy refuses a PUT to the upload path (404) and never forwards anything to storage", `HTTP ${stolen.status}`);
}

// ------------------------------------------------------------------------------------------- persons

const before = (await requests()).length;
const kim = await mi.createPerson({ workspaceName, name: "Kim", thumbnails: [{ thumbnailKey, isPrimaryThumbnail: true }] });
const signed = (await requests()).slice(before);
t.check(Number.isInteger(kim.personId) && kim.name === "Kim" && kim.thumbnails?.length === 1, "createPerson through the proxy", show(kim));
t.check(signed.length === 1 && signed[0].method === "POST" && signed[0].headers["x-ncp-iam-access-key"] === KEYS.accessKey && signed[0].status === 200, "the emulator saw one createPerson, signed by the proxy", show(signed));
{
  const twinKey = await mi.uploadPersonThumbnail({ workspaceName }, faceBytes.slice(), { fileName: "twin.png" });
  const lee = await mi.createPerson({ workspaceName, name: "Lee", thumbnails: [{ thumbnailKey: twinKey, isPrimaryThumbnail: true }] });
  const got = await mi.getPerson({ workspaceName, personId: kim.personId });
  t.check(got.personId === kim.personId, "getPerson through the proxy", show(got));
  const updated = await mi.updatePerson({ workspaceName, personId: kim.personId, description: "anchor" });
  t.check(updated.description === "anchor", "updatePerson through the proxy", show(updated));
  const list = await mi.listPersons({ workspaceName, name: "Ki" });
  t.check(list.totalCount === 1 && list.content[0].personId === kim.personId, "listPersons through the proxy", show(list));
  const all = [];
  for await (const p of mi.persons({ workspaceName, pageSize: 2 })) all.push(p.personId);
  t.check(all.includes(kim.personId) && all.includes(lee.personId) && all.length === index.persons.length + 2, "persons() through the proxy", show(all));
  const searched = await mi.searchPersons({ workspaceName, nameType: "NAMED", sortColumn: "NAME", sortType: "ASC" });
  t.check(searched.content.map((p) => p.name).join(",") === "Kim,Lee", "searchPersons through the proxy", show(searched.content.map((p) => p.name)));
  const similar = await mi.listSimilarPersons({ workspaceName, personId: kim.personId, scoreThreshold: 100 });
  t.check(similar.similarPersons?.[0]?.personId === lee.personId && similar.similarPersons[0].score === 100, "listSimilarPersons through the proxy", show(similar));
  const rec = await mi.recommendPersonsByThumbnail({ workspaceName, thumbnailKey: twinKey, personCount: 2, scoreThreshold: 100 });
  t.check(rec?.similarPersons?.map((p) => p.personId).sort().join(",") === [kim.personId, lee.personId].sort().join(","), "recommendPersonsByThumbnail through the proxy", show(rec));
  const tag = await mi.createPersonTag({ workspaceName, name: "anchor" });
  const tags = await mi.listPersonTags({ workspaceName });
  const names = [];
  for await (const x of mi.personTags({ workspaceName })) names.push(x.name);
  t.check(tags.totalCount === 1 && names.join(",") === "anchor", "createPersonTag, listPersonTags and personTags() through the proxy", show(tags));
  const added = await mi.addPersonTags({ workspaceName, personId: kim.personId, tagIds: [tag.id] });
  const removed = await mi.removePersonTags({ workspaceName, personId: kim.personId, tagIds: [String(tag.id)] });
  t.check(added.tagList?.length === 1 && removed.tagList?.length === 0, "addPersonTags and removePersonTags (the POST variant) through the proxy", show([added, removed]));
  await mi.deletePersonTag({ workspaceName, tagId: tag.id });
  t.check((await mi.listPersonTags({ workspaceName })).totalCount === 0, "deletePersonTag through the proxy", "");
  const withTwo = await mi.addPersonThumbnails({ workspaceName, personId: kim.personId, thumbnails: [{ thumbnailKey: thumbnailKey2, isPrimaryThumbnail: false }] });
  t.check(withTwo.thumbnailList?.length === 2, "addPersonThumbnails through the proxy", show(withTwo));
  const firstId = withTwo.thumbnailList[0].id;
  const withOne = await mi.removePersonThumbnails({ workspaceName, personId: kim.personId, thumbnailIds: [firstId] });
  t.check(withOne.thumbnailList?.length === 1, "removePersonThumbnails (the POST variant) through the proxy", show(withOne));
  const last = await outcome(() => mi.removePersonThumbnails({ workspaceName, personId: kim.personId, thumbnailIds: [withOne.thumbnailList[0].id] }));
  t.check(last.error?.name === "ApiError" && last.error.code === "CONFLICT" && last.error.status === 409, "removing every thumbnail through the proxy: CONFLICT 409", last.error ? describe(last.error) : "resolved");
  const merged = await mi.mergePersons({ workspaceName, personId: kim.personId, personIds: [lee.personId] });
  t.check(merged.personId === kim.personId && merged.transferredThumbnailCount === 1, "mergePersons through the proxy", show(merged));
  const gone = await outcome(() => mi.getPerson({ workspaceName, personId: lee.personId }));
  t.check(gone.error?.name === "ApiError" && gone.error.code === "NOT_FOUND" && gone.error.status === 404, "a merged-away person through the proxy: NOT_FOUND 404", gone.error ? describe(gone.error) : "resolved");
}

// -------------------------------------------------------------------------------------------- search

{
  const keyword = index.keywords[0].keyword;
  const seen = [];
  const page = await mi.searchAssetsAndWait({ workspaceName, query: { textQuery: keyword } }, { intervalMs: 10, onProgress: (s) => seen.push(s.status) });
  t.check(page.status === "COMPLETED" && page.results?.some((r) => r.assetId === assetId) && seen.at(-1) === "COMPLETED", `searchAssetsAndWait by a keyword ("${keyword}") through the proxy finds the video`, show(page));
  const person = index.scenes.find((s) => s.personIds.length > 0 && s.keywords.length > 0);
  const byPerson = await mi.searchAssetsAndWait({ workspaceName, query: { textQuery: person.keywords[0], personQuery: { must: [person.personIds[0]] } } }, { intervalMs: 10 });
  t.check(byPerson.results?.some((r) => r.assetId === assetId && r.scenes.some((s) => s.sceneNo === person.sceneNo)), "searchAssetsAndWait by a person through the proxy", show(byPerson));
  const { searchId } = await mi.searchAssets({ workspaceName, query: { imageQuery }, queryOption: { confidenceLevel: "LOW" } });
  const waited = await mi.waitForAssetSearch({ workspaceName, searchId }, { intervalMs: 10 });
  const got = await mi.getAssetSearchResult({ workspaceName, searchId, pageSize: 1 });
  const hits = [];
  for await (const hit of mi.assetSearchResults({ workspaceName, searchId, pageSize: 1 })) hits.push(hit.assetId);
  t.check(waited.status === "COMPLETED" && got.status === "COMPLETED" && hits.length === waited.totalCount, "searchAssets by the uploaded image, waitForAssetSearch, getAssetSearchResult and assetSearchResults() through the proxy", show({ waited, hits }));
  const failed = await outcome(() => mi.searchAssetsAndWait({ workspaceName, query: { textQuery: "__fail__" } }, { intervalMs: 10 }));
  t.check(failed.error?.name === "ApiError" && failed.error.code === "SEARCH_FAILED" && failed.error.jobStatus?.status === "FAILED", "a failing search through the proxy: SEARCH_FAILED with jobStatus", failed.error ? describe(failed.error) : "resolved");
}

{
  const anonymous = index.persons[0].personId;
  const gone = await mi.deletePerson({ workspaceName, personId: anonymous });
  t.check(gone.personId === anonymous, "deletePerson through the proxy", show(gone));
}

// ------------------------------------------------------------------------------ an unlisted operation

{
  const limitedClient = new MediaIntelligence({ proxyUrl: limited.url });
  const allowed = await outcome(() => limitedClient.getPerson({ workspaceName, personId: kim.personId }));
  t.check(allowed.value?.personId === kim.personId, "the limited proxy carries a listed operation (getPerson)", allowed.error ? describe(allowed.error) : "");
  const refusals = [
    ["uploadSearchImage (createSearchImageUploadUrl is not listed)", () => limitedClient.uploadSearchImage(searchBytes, { fileName: "q.png" })],
    ["createSearchImageUploadUrl", () => limitedClient.createSearchImageUploadUrl({ assetFileName: "q.png" })],
    ["mergePersons", () => limitedClient.mergePersons({ workspaceName, personId: kim.personId, personIds: [index.persons[1].personId] })],
    ["deletePerson", () => limitedClient.deletePerson({ workspaceName, personId: kim.personId })],
  ];
  for (const [what, call] of refusals) {
    const [logBefore, upBefore, upstreamBefore] = [(await requests()).length, (await uploads()).length, upstream.length];
    const { error } = await outcome(call);
    const [logAfter, upAfter] = [(await requests()).length, (await uploads()).length];
    t.check(error?.name === "ApiError" && error.code === "NOT_FOUND" && error.status === 404 && logAfter === logBefore && upAfter === upBefore && upstream.length === upstreamBefore,
      `an unlisted operation, ${what}: refused 404 by the proxy, nothing reached the emulator`, `${error ? describe(error) : "resolved"}; emulator requests ${logAfter - logBefore}, uploads ${upAfter - upBefore}, upstream ${upstream.length - upstreamBefore}`);
  }
  t.check((await mi.getPerson({ workspaceName, personId: kim.personId })).personId === kim.personId, "the refused merge and delete left the person", "");
}

const missing = [...PEOPLE_OPERATIONS, "waitForAssetSearch", "searchAssetsAndWait", "assetSearchResults", "persons", "personTags", "uploadSearchImage", "uploadPersonThumbnail"].filter((m) => !used.has(m));
t.check(missing.length === 0, "each search and people method and helper resolved through the proxy", `never resolved: ${missing.join(", ")}`);

await mi.deleteWorkspace({ workspaceName }).catch(() => {});
await proxy.close();
await limited.close();
emulator.stop();
t.finish();
