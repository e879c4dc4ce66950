// Tests of the emulator's person DB (people.mjs: operations #29 to #48) and the person-thumbnail uploads:
// `node --test tests/emulator/`. A real server process, raw HTTP, the test's own signer (testkit.mjs /
// spawn.mjs); uploads go to the presigned URL with no NCP header at all.

import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";

import { sampleImage } from "./search.mjs";
import { startEmulator, stopAll } from "./spawn.mjs";
import { AK, KST_TIME, admin, assertServiceError, call, ok, request, until } from "./testkit.mjs";

after(stopAll);

const OTHER = { accessKey: "other", secretKey: "other-secret" };
const WS = "people-ws";
const W = `/api/v1/workspaces/${WS}`;
const MiB = 1024 * 1024;

/** PUTs raw bytes to a presigned URL of emulator `s` (no signature, no NCP header). */
function put(s, url, body, headers = {}) {
  const u = new URL(url);
  assert.equal(Number(u.port), s.port, "the presigned URL points at the emulator");
  return request(s, { method: "PUT", path: u.pathname + u.search, headers, body });
}

const issue = (s, thumbnailFileName, opts = {}) =>
  call(s, "POST", `${opts.w ?? W}/person-thumbnail/uploads/presigned-url`, { ...opts, body: { thumbnailFileName } });
const complete = (s, thumbnailKey, opts = {}) =>
  call(s, "POST", `${opts.w ?? W}/person-thumbnail/uploads/complete`, { ...opts, body: { thumbnailKey } });

/** Issues, uploads and completes a thumbnail; returns its key. `bytes` default: a 300x300 PNG. */
async function thumbnail(s, bytes = sampleImage("png", 300, 300), name = "face.png") {
  const issued = ok(await issue(s, name));
  assert.equal((await put(s, issued.url, bytes, { "content-type": "image/png" })).status, 200);
  assert.deepEqual(ok(await complete(s, issued.thumbnailKey)), { uploadStatus: "COMPLETED" });
  return issued.thumbnailKey;
}

/** A distinct face: a PNG whose size (and so bytes and face) depends on `n`. */
const face = (n) => sampleImage("png", 300 + n, 300);

/** A signed DELETE with a JSON body (node:http frames a DELETE body only with an explicit Content-Length). */
const del = (s, path, body) => {
  const text = JSON.stringify(body);
  return call(s, "DELETE", path, { body: text, headers: { "content-length": String(Buffer.byteLength(text)) } });
};

const createPerson = (s, body, opts = {}) => call(s, "POST", `${W}/persons`, { ...opts, body });
const person = async (s, name, key, extra = {}) =>
  ok(await createPerson(s, { name, thumbnails: [{ thumbnailKey: key ?? (await thumbnail(s)), isPrimaryThumbnail: true }], ...extra }));
const getPerson = (s, id) => call(s, "GET", `${W}/persons/${id}`);
const createTag = (s, name) => call(s, "POST", `${W}/person-tags`, { body: { name } });

async function analyse(s, key) {
  const projects = ok(await call(s, "GET", `${W}/projects`)).projects;
  const pid = projects[0].projectId;
  const asset = ok(await call(s, "POST", `${W}/projects/${pid}/assets/import/object-storage`, { body: { bucketName: "mi-demo", key } }));
  const A = `${W}/projects/${pid}/assets/${asset.assetId}`;
  await until(() => call(s, "GET", `${A}/import-status`), (r) => r.json?.result?.uploadStatus === "COMPLETED");
  ok(await call(s, "POST", `${A}/index`, { body: {} }));
  await until(() => call(s, "GET", `${A}/index/status`), (r) => r.json?.result?.status === "ANALYZE_COMPLETED");
  return { pid, assetId: asset.assetId, A, index: ok(await call(s, "GET", `${A}/index`)) };
}

describe("person DB", () => {
  let s;
  before(async () => {
    s = await startEmulator({ MI_EMULATOR_KEYS: `${OTHER.accessKey}:${OTHER.secretKey}`, MI_EMULATOR_TICK_MS: "10" });
  });
  beforeEach(async () => {
    assert.equal((await admin(s, "POST", "/__emulator/reset")).status, 204);
    ok(await call(s, "POST", "/api/v1/workspaces", { body: { workspaceName: WS } }));
  });

  // ------------------------------------------------------------------------------------- uploads

  describe("thumbnail uploads (#47, #48)", () => {
    test("presigned URL: documented fields, a key in the workspace, a URL on the emulator, 900 s", async () => {
      const r = ok(await issue(s, "test_profile.jpg"));
      assert.deepEqual(Object.keys(r), ["thumbnailKey", "url", "expirationSeconds"]);
      assert.match(r.thumbnailKey, /^people-ws\/[A-Za-z0-9]{10}\/test_profile\.jpg$/);
      assert.match(r.url, new RegExp(`^http://127\\.0\\.0\\.1:${s.port}/__emulator/uploads\\?token=[0-9a-f]{32}$`));
      assert.equal(r.expirationSeconds, 900);
      assert.notEqual(ok(await issue(s, "test_profile.jpg")).thumbnailKey, r.thumbnailKey, "a fresh key each time");
    });

    test("thumbnailFileName rules -> 400 10001", async () => {
      assertServiceError(await call(s, "POST", `${W}/person-thumbnail/uploads/presigned-url`, { body: {} }), 400, "10001", "thumbnailFileName is required");
      for (const [name, message] of [
        ["", /1 to 255 characters/],
        ["x".repeat(252) + ".png", /1 to 255 characters/],
        ["a/b.png", /must not contain/],
        ["face.heic", /\.jpg \.png \.webp/],
        ["face.gif", /\.jpg \.png \.webp/],
        ["face", /\.jpg \.png \.webp/],
        [12, /must be a string/],
      ]) {
        assertServiceError(await issue(s, name), 400, "10001", message);
      }
      ok(await issue(s, "FACE.JPEG"));
      ok(await issue(s, "face.webp"));
    });

    test("complete before the upload: FILE_NOT_EXIST; unknown key too; after the PUT: COMPLETED (no key echo)", async () => {
      const r = ok(await issue(s, "a.png"));
      assert.deepEqual(ok(await complete(s, r.thumbnailKey)), { uploadStatus: "FAILED", uploadMessage: "FILE_NOT_EXIST" });
      assert.deepEqual(ok(await complete(s, "people-ws/nothing/here.png")), { uploadStatus: "FAILED", uploadMessage: "FILE_NOT_EXIST" });
      const res = await put(s, r.url, sampleImage("png", 256, 256));
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(ok(await complete(s, r.thumbnailKey)), { uploadStatus: "COMPLETED" });
      assert.deepEqual(ok(await complete(s, r.thumbnailKey)), { uploadStatus: "COMPLETED" }, "asking again");
      assertServiceError(await call(s, "POST", `${W}/person-thumbnail/uploads/complete`, { body: {} }), 400, "10001", "thumbnailKey is required");
    });

    test("formats jpg / png / webp pass; heic, gif and text fail FORMAT_NOT_SUPPORT", async () => {
      const cases = [
        [sampleImage("jpg", 400, 300), "COMPLETED"],
        [sampleImage("png", 256, 1000), "COMPLETED"],
        [sampleImage("webp", 300, 300), "COMPLETED"],
        [sampleImage("webp", 300, 300, { variant: "VP8" }), "COMPLETED"],
        [sampleImage("webp", 300, 300, { variant: "VP8L" }), "COMPLETED"],
        [sampleImage("heic", 300, 300), "FORMAT_NOT_SUPPORT"],
        [Buffer.from("GIF89a" + "\0".repeat(100)), "FORMAT_NOT_SUPPORT"],
        [Buffer.from("just some text, not an image"), "FORMAT_NOT_SUPPORT"],
        [Buffer.alloc(0), "FORMAT_NOT_SUPPORT"],
      ];
      for (const [bytes, expected] of cases) {
        const r = ok(await issue(s, "x.jpg"));
        assert.equal((await put(s, r.url, bytes)).status, 200);
        const done = ok(await complete(s, r.thumbnailKey));
        if (expected === "COMPLETED") assert.deepEqual(done, { uploadStatus: "COMPLETED" }, bytes.subarray(0, 16).toString("hex"));
        else assert.deepEqual(done, { uploadStatus: "FAILED", uploadMessage: expected }, bytes.subarray(0, 16).toString("hex"));
      }
    });

    test("at least 256 px on both sides (RESOLUTION_NOT_SUPPORT), at most 5 MiB (OVER_SIZE_LIMIT)", async () => {
      const cases = [
        [sampleImage("png", 255, 300), "RESOLUTION_NOT_SUPPORT"],
        [sampleImage("jpg", 300, 255), "RESOLUTION_NOT_SUPPORT"],
        [sampleImage("webp", 256, 256), "COMPLETED"],
        [Buffer.from([0xff, 0xd8, 0xff, 0xd9]), "RESOLUTION_NOT_SUPPORT"], // a JPEG with no frame header
        [sampleImage("png", 300, 300, { size: 5 * MiB }), "COMPLETED"],
        [sampleImage("png", 300, 300, { size: 5 * MiB + 1 }), "OVER_SIZE_LIMIT"],
        [sampleImage("png", 100, 100, { size: 6 * MiB }), "OVER_SIZE_LIMIT"],
      ];
      for (const [bytes, expected] of cases) {
        const r = ok(await issue(s, "x.png"));
        assert.equal((await put(s, r.url, bytes)).status, 200);
        const done = ok(await complete(s, r.thumbnailKey));
        assert.equal(done.uploadStatus, expected === "COMPLETED" ? "COMPLETED" : "FAILED");
        assert.equal(done.uploadMessage, expected === "COMPLETED" ? undefined : expected);
      }
    });

    test("the PUT needs no NCP header and refuses one; single use; unknown token; the upload log", async () => {
      const r = ok(await issue(s, "a.png"));
      const bytes = sampleImage("png", 300, 300);
      const signed = await put(s, r.url, bytes, { "x-ncp-iam-access-key": AK, "x-ncp-apigw-signature-v2": "abc", "x-ncp-apigw-timestamp": "1" });
      assert.equal(signed.status, 400);
      assert.equal(signed.json.code, "InvalidRequest");
      assert.match(signed.json.message, /x-ncp-iam-access-key, x-ncp-apigw-signature-v2, x-ncp-apigw-timestamp/);
      assert.equal((await put(s, r.url, bytes, { authorization: "Bearer x" })).status, 400);
      const first = await put(s, r.url, bytes); // no header at all, not even Content-Type
      assert.equal(first.status, 200, first.text);
      assert.match(first.json.etag, /^"[0-9a-f]{32}"$/);
      assert.equal(first.json.size, bytes.length);
      const again = await put(s, r.url, bytes);
      assert.equal(again.status, 403);
      assert.deepEqual(again.json, { code: "AccessDenied", message: "The presigned URL was already used" });
      const unknown = await request(s, { method: "PUT", path: "/__emulator/uploads?token=nope", body: bytes });
      assert.equal(unknown.status, 403);
      const log = (await admin(s, "GET", "/__emulator/uploads")).json;
      assert.equal(log.length, 1);
      assert.equal(log[0].kind, "thumbnail");
      assert.equal(log[0].key, r.thumbnailKey);
      assert.equal(log[0].workspaceName, WS);
      assert.equal(log[0].status, "UPLOADED");
      assert.deepEqual([log[0].format, log[0].width, log[0].height, log[0].size], ["png", 300, 300, bytes.length]);
      assert.equal(Object.keys(log[0].putHeaders).some((h) => h.startsWith("x-ncp-")), false);
    });

    test("the URL expires after expirationSeconds on the emulator clock; the setting shortens it", async () => {
      const r = ok(await issue(s, "a.png"));
      assert.equal((await admin(s, "POST", "/__emulator/clock", { offsetMs: 901_000 })).status, 200);
      const late = await put(s, r.url, sampleImage("png", 300, 300));
      assert.equal(late.status, 403);
      assert.deepEqual(late.json, { code: "AccessDenied", message: "Request has expired" });
      await admin(s, "POST", "/__emulator/clock", { offsetMs: 0 });
      const settings = await admin(s, "POST", "/__emulator/uploads/settings", { expirationSeconds: 1 });
      assert.deepEqual(settings.json, { expirationSeconds: 1, thumbnailKeyTtlSeconds: 86400 });
      const short = ok(await issue(s, "b.png"));
      assert.equal(short.expirationSeconds, 1);
      await admin(s, "POST", "/__emulator/clock", { offsetMs: 1500 });
      assert.equal((await put(s, short.url, sampleImage("png", 300, 300))).status, 403);
      assert.equal((await admin(s, "POST", "/__emulator/uploads/settings", { expirationSeconds: 0 })).status, 400);
      assert.equal((await admin(s, "POST", "/__emulator/uploads/settings", { nope: 1 })).status, 400);
      assert.equal((await admin(s, "POST", "/__emulator/reset")).status, 204);
      assert.deepEqual((await admin(s, "GET", "/__emulator/uploads/settings")).json, { expirationSeconds: 900, thumbnailKeyTtlSeconds: 86400 }, "reset restores");
    });

    test("a key is the workspace's and the account's: elsewhere it does not exist", async () => {
      ok(await call(s, "POST", "/api/v1/workspaces", { body: { workspaceName: "second-ws" } }));
      const r = ok(await issue(s, "a.png"));
      assert.equal((await put(s, r.url, sampleImage("png", 300, 300))).status, 200);
      assert.deepEqual(ok(await complete(s, r.thumbnailKey, { w: "/api/v1/workspaces/second-ws" })), { uploadStatus: "FAILED", uploadMessage: "FILE_NOT_EXIST" });
      ok(await call(s, "POST", "/api/v1/workspaces", { ...OTHER, body: { workspaceName: WS } }));
      assert.deepEqual(ok(await complete(s, r.thumbnailKey, OTHER)), { uploadStatus: "FAILED", uploadMessage: "FILE_NOT_EXIST" });
      assert.deepEqual(ok(await complete(s, r.thumbnailKey)), { uploadStatus: "COMPLETED" });
    });

    test("the thumbnail url of a person answers what was uploaded", async () => {
      const p = await person(s, "Hong", await thumbnail(s, sampleImage("jpg", 640, 480), "hong.jpg"));
      const url = new URL(p.thumbnails[0].url);
      const info = await request(s, { path: url.pathname + url.search });
      assert.equal(info.status, 200);
      assert.deepEqual(info.json, { thumbnailKey: url.searchParams.get("key"), format: "jpg", width: 640, height: 480, size: sampleImage("jpg", 640, 480).length });
      assert.equal((await request(s, { path: "/__emulator/thumbnails?key=nope" })).status, 404);
    });
  });

  // ------------------------------------------------------------------------------------- persons

  describe("persons (#29 to #33)", () => {
    test("create answers the person: id and personId, name, description, tags, thumbnails, counts", async () => {
      const key = await thumbnail(s);
      const p = ok(await createPerson(s, { name: "홍길동", description: "앵커", thumbnails: [{ thumbnailKey: key, isPrimaryThumbnail: true }] }));
      assert.deepEqual(Object.keys(p), ["id", "personId", "name", "description", "tags", "thumbnails", "assetCount", "sceneCount", "createdTime"]);
      assert.equal(p.id, p.personId);
      assert.ok(p.personId > 1000);
      assert.deepEqual([p.name, p.description, p.tags, p.assetCount, p.sceneCount], ["홍길동", "앵커", [], 0, 0]);
      assert.equal(p.thumbnails.length, 1);
      assert.deepEqual(Object.keys(p.thumbnails[0]), ["id", "url", "isPrimaryThumbnail"]);
      assert.equal(p.thumbnails[0].isPrimaryThumbnail, true);
      assert.match(p.createdTime, KST_TIME);
      assert.deepEqual(ok(await getPerson(s, p.personId)), p);
    });

    test("an anonymous person: name omitted or null", async () => {
      const a = ok(await createPerson(s, { thumbnails: [{ thumbnailKey: await thumbnail(s), isPrimaryThumbnail: true }] }));
      const b = ok(await createPerson(s, { name: null, description: null, thumbnails: [{ thumbnailKey: await thumbnail(s), isPrimaryThumbnail: true }] }));
      assert.equal(a.name, null);
      assert.equal(b.name, null);
      assert.equal(b.description, null);
    });

    test("create rules -> 400 10001, a taken name -> 409", async () => {
      const key = await thumbnail(s);
      const key2 = await thumbnail(s);
      const one = [{ thumbnailKey: key, isPrimaryThumbnail: true }];
      const cases = [
        [{ thumbnails: one, name: "" }, /name must be 1 to 50 characters, not blank/],
        [{ thumbnails: one, name: "   " }, /not blank/],
        [{ thumbnails: one, name: "가".repeat(51) }, /name must be 1 to 50/],
        [{ thumbnails: one, name: 5 }, /name must be a string/],
        [{ thumbnails: one, description: "" }, /description must be 1 to 700/],
        [{ thumbnails: one, description: "d".repeat(701) }, /description must be 1 to 700/],
        [{}, /thumbnails is required/],
        [{ thumbnails: [] }, /thumbnails must be an array of 1 to 100/],
        [{ thumbnails: Array.from({ length: 101 }, () => one[0]) }, /1 to 100/],
        [{ thumbnails: [{ thumbnailKey: key, isPrimaryThumbnail: false }] }, /exactly one/],
        [{ thumbnails: [{ thumbnailKey: key, isPrimaryThumbnail: true }, { thumbnailKey: key2, isPrimaryThumbnail: true }] }, /exactly one/],
        [{ thumbnails: [{ thumbnailKey: key, isPrimaryThumbnail: true }, { thumbnailKey: key, isPrimaryThumbnail: false }] }, /repeats/],
        [{ thumbnails: [{ thumbnailKey: key }] }, /isPrimaryThumbnail is required, a boolean/],
        [{ thumbnails: [{ isPrimaryThumbnail: true }] }, /thumbnailKey is required/],
        [{ thumbnails: ["k"] }, /must be an object/],
        [{ thumbnails: [{ thumbnailKey: "people-ws/x/none.png", isPrimaryThumbnail: true }] }, /is not a completed upload/],
      ];
      for (const [body, message] of cases) assertServiceError(await createPerson(s, body), 400, "10001", message);
      assertServiceError(await call(s, "POST", `${W}/persons`, { body: "{", contentType: "application/json" }), 400, "10001", "Request body must be valid JSON");
      ok(await createPerson(s, { name: "가".repeat(50), thumbnails: one }));
      ok(await createPerson(s, { name: "Hong", thumbnails: one }));
      assertServiceError(await createPerson(s, { name: "Hong", thumbnails: one }), 409, "409", "Person 'Hong' already exists");
      ok(await createPerson(s, { name: "hong", thumbnails: one }), "names are case-sensitive");
    });

    test("a key must be completed, and is usable 24 h after its upload only", async () => {
      const issued = ok(await issue(s, "a.png"));
      const body = { thumbnails: [{ thumbnailKey: issued.thumbnailKey, isPrimaryThumbnail: true }] };
      assertServiceError(await createPerson(s, body), 400, "10001", /is not a completed upload/);
      await put(s, issued.url, sampleImage("png", 300, 300));
      assertServiceError(await createPerson(s, body), 400, "10001", /is not a completed upload/, "uploaded, not yet completed");
      ok(await complete(s, issued.thumbnailKey));
      ok(await createPerson(s, body));
      const offsetMs = 24 * 3600 * 1000 + 1000;
      await admin(s, "POST", "/__emulator/clock", { offsetMs });
      const res = await createPerson(s, body, { timestamp: String(Date.now() + offsetMs) });
      assertServiceError(res, 400, "10001", /has expired \(24 h after its upload\)/);
    });

    test("a failed upload's key is refused", async () => {
      const issued = ok(await issue(s, "a.png"));
      await put(s, issued.url, sampleImage("png", 100, 100));
      assert.equal(ok(await complete(s, issued.thumbnailKey)).uploadStatus, "FAILED");
      assertServiceError(await createPerson(s, { thumbnails: [{ thumbnailKey: issued.thumbnailKey, isPrimaryThumbnail: true }] }), 400, "10001", /not a completed upload/);
    });

    test("get / update / delete: 404 for unknown ids, 400 for ids that are not positive integers", async () => {
      for (const [method, suffix] of [["GET", ""], ["PATCH", ""], ["DELETE", ""], ["POST", "/merge"], ["GET", "/similar"], ["POST", "/person-tags"], ["POST", "/person-thumbnail"]]) {
        const body = method === "GET" || method === "DELETE" ? undefined : { personIds: [1], tagIds: [1], thumbnails: [] };
        assertServiceError(await call(s, method, `${W}/persons/999999${suffix}`, { body }), 404, "404", "Person 999999 not found");
        assertServiceError(await call(s, method, `${W}/persons/abc${suffix}`, { body }), 400, "10001", "person_id must be a positive integer");
      }
      assertServiceError(await call(s, "GET", `/api/v1/workspaces/no-such-ws/persons/1`), 404, "404", "Workspace 'no-such-ws' not found");
    });

    test("update: name (also to an anonymous person), description, primary thumbnail; rules", async () => {
      const k1 = await thumbnail(s, face(1));
      const k2 = await thumbnail(s, face(2));
      const p = ok(await createPerson(s, { thumbnails: [{ thumbnailKey: k1, isPrimaryThumbnail: true }, { thumbnailKey: k2, isPrimaryThumbnail: false }] }));
      const other = await person(s, "Taken");
      const patch = (body) => call(s, "PATCH", `${W}/persons/${p.personId}`, { body });
      const second = p.thumbnails[1].id;
      const u = ok(await patch({ name: "유재석", description: "MC", primaryThumbnailId: second }));
      assert.deepEqual([u.name, u.description], ["유재석", "MC"]);
      assert.deepEqual(u.thumbnails.map((t) => t.isPrimaryThumbnail), [false, true]);
      assert.deepEqual(ok(await patch({})), u, "nothing to change");
      assert.deepEqual(ok(await patch({ name: null, description: null })), u, "null is absent");
      assertServiceError(await patch({ name: " " }), 400, "10001", /not blank/);
      assertServiceError(await patch({ description: "x".repeat(701) }), 400, "10001", /700/);
      assertServiceError(await patch({ primaryThumbnailId: "3" }), 400, "10001", "primaryThumbnailId must be a positive integer");
      assertServiceError(await patch({ primaryThumbnailId: other.thumbnails[0].id }), 404, "404", /Thumbnail \d+ of person \d+ not found/);
      assertServiceError(await patch({ name: "Taken" }), 409, "409", "Person 'Taken' already exists");
      ok(await patch({ name: "유재석" }), "its own name again");
      assert.deepEqual(ok(await getPerson(s, p.personId)), u);
    });

    test("delete answers the person as it was; then it is gone", async () => {
      const tag = ok(await createTag(s, "anchor"));
      const p = await person(s, "Gone");
      ok(await call(s, "POST", `${W}/persons/${p.personId}/person-tags`, { body: { tagIds: [tag.id] } }));
      const before = ok(await getPerson(s, p.personId));
      assert.deepEqual(ok(await call(s, "DELETE", `${W}/persons/${p.personId}`)), before);
      assertServiceError(await getPerson(s, p.personId), 404, "404");
      assertServiceError(await call(s, "DELETE", `${W}/persons/${p.personId}`), 404, "404");
      ok(await call(s, "DELETE", `${W}/person-tags/${tag.id}`), "its tag is unused now");
      await person(s, "Gone"); // its name is free
    });

    test("list: paging (pageNum required, pageSize 1..1000, default 1000), filters name and tagIdList", async () => {
      const list = (q) => call(s, "GET", `${W}/persons${q}`);
      const t1 = ok(await createTag(s, "t1"));
      const t2 = ok(await createTag(s, "t2"));
      const ids = [];
      for (const name of ["Kim Minji", "Lee Minho", "Park", null]) ids.push((await person(s, name)).personId);
      ok(await call(s, "POST", `${W}/persons/${ids[0]}/person-tags`, { body: { tagIds: [t1.id] } }));
      ok(await call(s, "POST", `${W}/persons/${ids[2]}/person-tags`, { body: { tagIds: [t2.id] } }));
      const all = ok(await list("?pageNum=1"));
      assert.deepEqual({ ...all, content: all.content.map((p) => p.personId) }, { totalCount: 4, totalPage: 1, pageNo: 1, pageSize: 1000, content: ids });
      const p2 = ok(await list("?pageNum=2&pageSize=3"));
      assert.deepEqual({ ...p2, content: p2.content.map((p) => p.personId) }, { totalCount: 4, totalPage: 2, pageNo: 2, pageSize: 3, content: [ids[3]] });
      assert.deepEqual(ok(await list("?pageNum=1&name=min")).content.map((p) => p.name), ["Kim Minji", "Lee Minho"]);
      assert.deepEqual(ok(await list(`?pageNum=1&name=${encodeURIComponent("Park")}`)).content.map((p) => p.personId), [ids[2]]);
      assert.deepEqual(ok(await list(`?pageNum=1&tagIdList=${t1.id},${t2.id}`)).content.map((p) => p.personId), [ids[0], ids[2]]);
      assert.deepEqual(ok(await list(`?pageNum=1&tagIdList=${t2.id}`)).content.map((p) => p.personId), [ids[2]]);
      assert.deepEqual(ok(await list(`?pageNum=1&tagIdList=${t2.id}&name=Kim`)).content, []);
      assert.deepEqual(ok(await list("?pageNum=1&pageSize=1000")).pageSize, 1000);
      for (const [q, message] of [
        ["", "pageNum is required"],
        ["?pageNum=0", "pageNum must be an integer >= 1"],
        ["?pageNum=1&pageSize=0", "pageSize must be an integer from 1 to 1000"],
        ["?pageNum=1&pageSize=1001", "pageSize must be an integer from 1 to 1000"],
        ["?pageNum=1&name=K", /name must be 2 to 50/],
        [`?pageNum=1&name=${"k".repeat(51)}`, /name must be 2 to 50/],
        [`?pageNum=1&name=${encodeURIComponent("a;b")}`, "name must be without ; | or `"],
        [`?pageNum=1&name=${encodeURIComponent("a|b")}`, "name must be without ; | or `"],
        [`?pageNum=1&name=${encodeURIComponent("a`b")}`, "name must be without ; | or `"],
        ["?pageNum=1&tagIdList=1,x", "tagIdList must be comma-separated positive integers"],
        [`?pageNum=1&tagIdList=${Array.from({ length: 31 }, (_, i) => i + 1).join(",")}`, "tagIdList must have at most 30 ids"],
      ]) {
        assertServiceError(await list(q), 400, "10001", message);
      }
      ok(await list(`?pageNum=1&tagIdList=${Array.from({ length: 30 }, (_, i) => i + 1).join(",")}`));
    });

    test("search (#34): body paging, filters, nameType, every sort column and direction", async () => {
      const search = (body) => call(s, "POST", `${W}/persons/search`, { body });
      const tag = ok(await createTag(s, "t"));
      const a = await person(s, "Bravo");
      const b = await person(s, "alpha");
      const c = await person(s, null);
      const d = await person(s, "Charlie");
      ok(await call(s, "POST", `${W}/persons/${d.personId}/person-tags`, { body: { tagIds: [tag.id] } }));
      const idsOf = (r) => r.content.map((p) => p.personId);
      const first = ok(await search({ pageNum: 1 }));
      assert.deepEqual([first.totalCount, first.totalPage, first.pageNo, first.pageSize], [4, 1, 1, 10]);
      assert.deepEqual(idsOf(first), [a, b, c, d].map((p) => p.personId), "ASSET_COUNT DESC, all 0: by personId");
      assert.deepEqual(idsOf(ok(await search({ pageNum: 1, sortColumn: "PERSON_ID" }))), [d, c, b, a].map((p) => p.personId));
      assert.deepEqual(idsOf(ok(await search({ pageNum: 1, sortColumn: "PERSON_ID", sortType: "ASC" }))), [a, b, c, d].map((p) => p.personId));
      assert.deepEqual(idsOf(ok(await search({ pageNum: 1, sortColumn: "NAME", sortType: "ASC" }))), [a, d, b, c].map((p) => p.personId), "code-point order, anonymous last");
      assert.deepEqual(idsOf(ok(await search({ pageNum: 1, sortColumn: "NAME" }))), [b, d, a, c].map((p) => p.personId));
      assert.deepEqual(idsOf(ok(await search({ pageNum: 1, sortColumn: "CREATED_AT", sortType: "ASC" }))).length, 4);
      assert.deepEqual(idsOf(ok(await search({ pageNum: 1, nameType: "ANONYMOUS" }))), [c.personId]);
      assert.deepEqual(idsOf(ok(await search({ pageNum: 1, nameType: "NAMED", sortColumn: "PERSON_ID", sortType: "ASC" }))), [a, b, d].map((p) => p.personId));
      assert.deepEqual(idsOf(ok(await search({ pageNum: 1, name: "ALPHA" }))), [b.personId]);
      assert.deepEqual(idsOf(ok(await search({ pageNum: 1, personIds: [a.personId, c.personId, 1] }))), [a.personId, c.personId]);
      assert.deepEqual(idsOf(ok(await search({ pageNum: 1, tagIds: [tag.id] }))), [d.personId]);
      const paged = ok(await search({ pageNum: 2, pageSize: 3, sortColumn: "PERSON_ID", sortType: "ASC" }));
      assert.deepEqual([paged.totalCount, paged.totalPage, paged.pageNo, paged.pageSize, idsOf(paged)], [4, 2, 2, 3, [d.personId]]);
      for (const [body, message] of [
        [{}, "pageNum is required"],
        [{ pageNum: 0 }, "pageNum must be an integer >= 1"],
        [{ pageNum: "1" }, "pageNum must be an integer >= 1"],
        [{ pageNum: 1, pageSize: 51 }, "pageSize must be an integer from 1 to 50"],
        [{ pageNum: 1, pageSize: 0 }, "pageSize must be an integer from 1 to 50"],
        [{ pageNum: 1, name: "x" }, /name must be 2 to 50/],
        [{ pageNum: 1, name: "a;b" }, "name must be without ; | or `"],
        [{ pageNum: 1, personIds: ["1"] }, "personIds must be an array of positive integers"],
        [{ pageNum: 1, tagIds: 3 }, "tagIds must be an array of positive integers"],
        [{ pageNum: 1, nameType: "named" }, "nameType must be NAMED or ANONYMOUS"],
        [{ pageNum: 1, sortColumn: "AGE" }, "sortColumn must be one of ASSET_COUNT, CREATED_AT, PERSON_ID, NAME"],
        [{ pageNum: 1, sortType: "UP" }, "sortType must be ASC or DESC"],
      ]) {
        assertServiceError(await search(body), 400, "10001", message);
      }
      assertServiceError(await call(s, "POST", `${W}/persons/search`), 400, "10001", "Content-Type must be application/json");
    });
  });

  // ------------------------------------------------------------------------------------- tags

  describe("person tags (#38 to #40, #44 to #46)", () => {
    test("create, list (paging, id, name), delete an unused tag; the rules", async () => {
      const t = ok(await createTag(s, "아나운서"));
      assert.deepEqual(Object.keys(t), ["id", "name", "createdTime", "createdUserName"]);
      assert.equal(t.name, "아나운서");
      assert.equal(t.createdUserName, AK);
      assert.match(t.createdTime, KST_TIME);
      const more = [];
      for (let i = 0; i < 11; i++) more.push(ok(await createTag(s, `tag-${i}`)));
      const list = (q) => call(s, "GET", `${W}/person-tags${q}`);
      const first = ok(await list("?pageNum=1"));
      assert.deepEqual([first.totalCount, first.totalPage, first.pageNo, first.pageSize, first.content.length], [12, 2, 1, 10, 10]);
      assert.deepEqual(first.content[0], t);
      assert.deepEqual(ok(await list("?pageNum=2")).content.map((x) => x.name), ["tag-9", "tag-10"]);
      assert.equal(ok(await list("?pageNum=1&pageSize=50")).content.length, 12);
      assert.deepEqual(ok(await list(`?pageNum=1&id=${more[3].id}`)).content, [more[3]]);
      assert.deepEqual(ok(await list("?pageNum=1&name=TAG-1")).content.map((x) => x.name), ["tag-1", "tag-10"]);
      assert.deepEqual(ok(await list(`?pageNum=1&name=${encodeURIComponent("아나")}`)).content, [t]);
      for (const [q, message] of [
        ["", "pageNum is required"],
        ["?pageNum=1&pageSize=51", "pageSize must be an integer from 1 to 50"],
        ["?pageNum=1&id=x", "id must be a positive integer"],
        [`?pageNum=1&name=${"n".repeat(31)}`, /name must be 1 to 30/],
      ]) {
        assertServiceError(await list(q), 400, "10001", message);
      }
      for (const [body, message] of [
        [{}, "name is required"],
        [{ name: "" }, /name must be 1 to 30 characters, not blank/],
        [{ name: "  " }, /not blank/],
        [{ name: "n".repeat(31) }, /name must be 1 to 30/],
        [{ name: 7 }, "name must be a string"],
      ]) {
        assertServiceError(await call(s, "POST", `${W}/person-tags`, { body }), 400, "10001", message);
      }
      ok(await createTag(s, "n".repeat(30)));
      assertServiceError(await createTag(s, "아나운서"), 409, "409", "Person tag '아나운서' already exists");
      assert.deepEqual(ok(await call(s, "DELETE", `${W}/person-tags/${t.id}`)), undefined);
      const deleted = await call(s, "DELETE", `${W}/person-tags/${t.id}`);
      assertServiceError(deleted, 404, "404", `Person tag ${t.id} not found`);
      assertServiceError(await call(s, "DELETE", `${W}/person-tags/x`), 400, "10001", "tag_id must be a positive integer");
      assert.deepEqual(ok(await list(`?pageNum=1&id=${t.id}`)).content, []);
    });

    test("a tag in use cannot be deleted (409) until no person has it", async () => {
      const t = ok(await createTag(s, "used"));
      const p = await person(s, "P");
      ok(await call(s, "POST", `${W}/persons/${p.personId}/person-tags`, { body: { tagIds: [t.id] } }));
      assertServiceError(await call(s, "DELETE", `${W}/person-tags/${t.id}`), 409, "409", `Person tag ${t.id} is used by person ${p.personId}`);
      ok(await call(s, "POST", `${W}/persons/${p.personId}/person-tags/remove`, { body: { tagIds: [t.id] } }));
      ok(await call(s, "DELETE", `${W}/person-tags/${t.id}`));
    });

    test("add tags; remove with DELETE + body and with POST .../remove: {personId, tagList}", async () => {
      const [a, b, c] = [ok(await createTag(s, "a")), ok(await createTag(s, "b")), ok(await createTag(s, "c"))];
      const p = await person(s, "P");
      const T = `${W}/persons/${p.personId}/person-tags`;
      const added = ok(await call(s, "POST", T, { body: { tagIds: [b.id, a.id, b.id] } }));
      assert.deepEqual(added, { personId: p.personId, tagList: [{ id: b.id, name: "b" }, { id: a.id, name: "a" }] }, "duplicates ignored");
      assert.deepEqual(ok(await call(s, "POST", T, { body: { tagIds: [a.id, c.id] } })).tagList.map((t) => t.name), ["b", "a", "c"]);
      assertServiceError(await call(s, "POST", T, { body: { tagIds: [c.id, 999999] } }), 404, "404", "Person tag 999999 not found");
      assert.deepEqual(ok(await getPerson(s, p.personId)).tags, [{ id: b.id, name: "b" }, { id: a.id, name: "a" }, { id: c.id, name: "c" }]);
      const removed = ok(await del(s, T, { tagIds: [a.id, 999999] }));
      assert.deepEqual(removed, { personId: p.personId, tagList: [{ id: b.id, name: "b" }, { id: c.id, name: "c" }] }, "unknown ids ignored");
      assert.deepEqual(ok(await call(s, "POST", `${T}/remove`, { body: { tagIds: [b.id, c.id] } })), { personId: p.personId, tagList: [] });
      assert.deepEqual(ok(await call(s, "POST", `${T}/remove`, { body: { tagIds: [b.id] } })), { personId: p.personId, tagList: [] });
      const send = (method, path, body) => (method === "DELETE" ? del(s, path, body) : call(s, method, path, { body }));
      for (const [method, path] of [["POST", T], ["DELETE", T], ["POST", `${T}/remove`]]) {
        assertServiceError(await send(method, path, {}), 400, "10001", "tagIds is required");
        assertServiceError(await send(method, path, { tagIds: [] }), 400, "10001", "tagIds must have at least 1 item(s)");
        assertServiceError(await send(method, path, { tagIds: ["1"] }), 400, "10001", "tagIds must be an array of positive integers");
      }
    });
  });

  // ------------------------------------------------------------------------------------- thumbnails

  describe("person thumbnails (#41 to #43)", () => {
    test("add: {personId, thumbnailList}; a new primary replaces the old one; rules", async () => {
      const p = await person(s, "P", await thumbnail(s, face(1)));
      const T = `${W}/persons/${p.personId}/person-thumbnail`;
      const k2 = await thumbnail(s, face(2));
      const k3 = await thumbnail(s, face(3));
      const r = ok(await call(s, "POST", T, { body: { thumbnails: [{ thumbnailKey: k2, isPrimaryThumbnail: false }] } }));
      assert.deepEqual(Object.keys(r), ["personId", "thumbnailList"]);
      assert.equal(r.personId, p.personId);
      assert.deepEqual(r.thumbnailList.map((t) => t.isPrimaryThumbnail), [true, false]);
      const r2 = ok(await call(s, "POST", T, { body: { thumbnails: [{ thumbnailKey: k3, isPrimaryThumbnail: true }] } }));
      assert.deepEqual(r2.thumbnailList.map((t) => t.isPrimaryThumbnail), [false, false, true]);
      assert.deepEqual(ok(await getPerson(s, p.personId)).thumbnails, r2.thumbnailList);
      assertServiceError(await call(s, "POST", T, { body: {} }), 400, "10001", "thumbnails is required");
      assertServiceError(await call(s, "POST", T, { body: { thumbnails: [{ thumbnailKey: k2, isPrimaryThumbnail: true }, { thumbnailKey: k3, isPrimaryThumbnail: true }] } }), 400, "10001", /at most one/);
      assertServiceError(await call(s, "POST", T, { body: { thumbnails: [{ thumbnailKey: "nope", isPrimaryThumbnail: false }] } }), 400, "10001", /not a completed upload/);
      const many = Array.from({ length: 98 }, () => ({ thumbnailKey: k2, isPrimaryThumbnail: false }));
      assertServiceError(await call(s, "POST", T, { body: { thumbnails: many } }), 400, "10001", /repeats/);
    });

    test("remove with DELETE + body and with POST .../remove; unknown ids ignored; never all of them", async () => {
      const keys = [await thumbnail(s, face(1)), await thumbnail(s, face(2)), await thumbnail(s, face(3))];
      const p = ok(await createPerson(s, { name: "P", thumbnails: keys.map((k, i) => ({ thumbnailKey: k, isPrimaryThumbnail: i === 0 })) }));
      const [t1, t2, t3] = p.thumbnails.map((t) => t.id);
      const T = `${W}/persons/${p.personId}/person-thumbnail`;
      const r = ok(await del(s, T, { thumbnailIds: [t1, 424242] }));
      assert.deepEqual(r.personId, p.personId);
      assert.deepEqual(r.thumbnailList.map((t) => [t.id, t.isPrimaryThumbnail]), [[t2, true], [t3, false]], "the oldest left becomes primary");
      assertServiceError(await call(s, "POST", `${T}/remove`, { body: { thumbnailIds: [t2, t3] } }), 409, "409", `Removing every thumbnail of person ${p.personId} is not allowed`);
      const r2 = ok(await call(s, "POST", `${T}/remove`, { body: { thumbnailIds: [t3] } }));
      assert.deepEqual(r2.thumbnailList.map((t) => t.id), [t2]);
      const send = (method, path, body) => (method === "DELETE" ? del(s, path, body) : call(s, method, path, { body }));
      for (const [method, path] of [["DELETE", T], ["POST", `${T}/remove`]]) {
        assertServiceError(await send(method, path, {}), 400, "10001", "thumbnailIds is required");
        assertServiceError(await send(method, path, { thumbnailIds: [0] }), 400, "10001", "thumbnailIds must be an array of positive integers");
      }
    });
  });

  // ------------------------------------------------------------------------------- analyses, merge

  describe("persons found by analyses, merge (#35)", () => {
    test("an analysis registers anonymous persons with their asset and scene counts", async () => {
      const { index, assetId } = await analyse(s, "trailer.mov");
      const found = ok(await call(s, "POST", `${W}/persons/search`, { body: { pageNum: 1, nameType: "ANONYMOUS", sortColumn: "PERSON_ID", sortType: "ASC" } }));
      const expected = index.persons.map((p) => p.personId).sort((a, b) => a - b);
      assert.deepEqual(found.content.map((p) => p.personId), expected);
      for (const p of found.content) {
        assert.equal(p.assetCount, 1);
        assert.equal(p.sceneCount, index.scenes.filter((sc) => sc.personIds.includes(p.personId)).length);
      }
      assert.ok(assetId);
    });

    test("a merge really merges: assets, scenes, thumbnails and the index move; merged ids disappear", async () => {
      const first = await analyse(s, "trailer.mov");
      const second = await analyse(s, "clips/interview.webm");
      const named = await person(s, "Host", await thumbnail(s, face(1)));
      const only = (a, b) => a.index.persons.find((p) => !b.index.persons.some((q) => q.personId === p.personId)).personId;
      const [x, y] = [only(first, second), only(second, first)];
      const sx = ok(await getPerson(s, x));
      const sy = ok(await getPerson(s, y));
      const M = `${W}/persons/${named.personId}/merge`;
      const merged = ok(await call(s, "POST", M, { body: { personIds: [x, y, x] } }));
      assert.deepEqual(Object.keys(merged), ["personId", "transferredAssetCount", "transferredThumbnailCount", "mergedTime"]);
      assert.equal(merged.personId, named.personId);
      assert.equal(merged.transferredAssetCount, 2);
      assert.equal(merged.transferredThumbnailCount, 0);
      assert.match(merged.mergedTime, KST_TIME);
      assertServiceError(await getPerson(s, x), 404, "404");
      assertServiceError(await getPerson(s, y), 404, "404");
      const after = ok(await getPerson(s, named.personId));
      assert.equal(after.name, "Host");
      assert.equal(after.assetCount, 2);
      assert.equal(after.sceneCount, sx.sceneCount + sy.sceneCount, "x and y never share a scene: different videos");
      const index1 = ok(await call(s, "GET", `${first.A}/index`));
      assert.ok(index1.persons.some((p) => p.personId === named.personId && p.name === "Host"), "the index names the target");
      assert.ok(!index1.persons.some((p) => p.personId === x));
      const scenesWith = first.index.scenes.filter((sc) => sc.personIds.includes(x)).map((sc) => sc.sceneNo);
      assert.deepEqual(index1.scenes.filter((sc) => sc.personIds.includes(named.personId)).map((sc) => sc.sceneNo), scenesWith);
      assertServiceError(await call(s, "POST", M, { body: { personIds: [x] } }), 409, "409", `Person ${x} was already merged`);
      assertServiceError(await call(s, "POST", `${W}/persons/${x}/merge`, { body: { personIds: [named.personId] } }), 404, "404", `Person ${x} not found`);
      const listed = ok(await call(s, "GET", `${W}/persons?pageNum=1`)).content.map((p) => p.personId);
      assert.ok(!listed.includes(x) && !listed.includes(y) && listed.includes(named.personId));
    });

    test("merging two persons of the same scenes counts each scene once; thumbnails move without primary", async () => {
      const { index } = await analyse(s, "trailer.mov");
      const [a, b] = index.scenes[0].personIds;
      const both = index.scenes.filter((sc) => sc.personIds.includes(a) || sc.personIds.includes(b)).length;
      const t = await person(s, "T", await thumbnail(s, face(1)));
      const u = await person(s, "U", await thumbnail(s, face(2)));
      ok(await call(s, "POST", `${W}/persons/${a}/merge`, { body: { personIds: [b, t.personId, u.personId] } }));
      const p = ok(await getPerson(s, a));
      assert.equal(p.sceneCount, both);
      assert.deepEqual(p.thumbnails.map((th) => th.isPrimaryThumbnail), [true, false], "the first moved one becomes primary when the target had none");
    });

    test("merge rules: personIds 1..10 integers, not itself (400), unknown (404)", async () => {
      const p = await person(s, "P");
      const M = `${W}/persons/${p.personId}/merge`;
      for (const [body, message] of [
        [{}, "personIds is required"],
        [{ personIds: [] }, "personIds must have 1 to 10 items"],
        [{ personIds: Array.from({ length: 11 }, (_, i) => 5000 + i) }, "personIds must have 1 to 10 items"],
        [{ personIds: ["1"] }, "personIds must be an array of positive integers"],
        [{ personIds: [p.personId] }, "personIds must not contain the person merged into (person_id)"],
      ]) {
        assertServiceError(await call(s, "POST", M, { body }), 400, "10001", message);
      }
      assertServiceError(await call(s, "POST", M, { body: { personIds: [999999] } }), 404, "404", "Person 999999 not found");
    });
  });

  // ------------------------------------------------------------------------------- similar faces

  describe("similar faces (#36, #37)", () => {
    test("the same face scores 100; scores sorted, over the threshold, at most personCount, deterministic", async () => {
      const base = await person(s, "Base", await thumbnail(s, face(0)));
      const twin = await person(s, "Twin", await thumbnail(s, face(0)));
      for (let i = 1; i <= 12; i++) await person(s, `P${i}`, await thumbnail(s, face(i)));
      const similar = (q = "") => call(s, "GET", `${W}/persons/${base.personId}/similar${q}`);
      const r = ok(await similar("?personCount=10&scoreThreshold=80"));
      assert.equal(r.personId, base.personId);
      assert.deepEqual(r.similarPersons[0], { personId: twin.personId, name: "Twin", score: 100 });
      for (const item of r.similarPersons) {
        assert.deepEqual(Object.keys(item), ["personId", "name", "score"]);
        assert.ok(item.score >= 80 && item.score <= 100);
        assert.notEqual(item.personId, base.personId);
      }
      const scores = r.similarPersons.map((x) => x.score);
      assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
      assert.deepEqual(ok(await similar("?personCount=10&scoreThreshold=80")), r, "deterministic");
      assert.ok(ok(await similar()).similarPersons.length <= 3, "default personCount 3");
      assert.deepEqual(ok(await similar("?scoreThreshold=100")).similarPersons, [{ personId: twin.personId, name: "Twin", score: 100 }]);
      assert.equal(ok(await similar("?personCount=1")).similarPersons.length, 1);
      for (const [q, message] of [
        ["?personCount=0", "personCount must be an integer from 1 to 10"],
        ["?personCount=11", "personCount must be an integer from 1 to 10"],
        ["?personCount=x", "personCount must be an integer"],
        ["?scoreThreshold=79", "scoreThreshold must be an integer from 80 to 100"],
        ["?scoreThreshold=101", "scoreThreshold must be an integer from 80 to 100"],
        ["?scoreThreshold=85.5", "scoreThreshold must be an integer"],
      ]) {
        assertServiceError(await similar(q), 400, "10001", message);
      }
      ok(await call(s, "DELETE", `${W}/persons/${twin.personId}`));
      assert.ok(!ok(await similar("?personCount=10")).similarPersons.some((x) => x.personId === twin.personId), "a deleted person drops out");
    });

    test("persons found by analyses take part by their detected faces", async () => {
      const { index } = await analyse(s, "clips/interview.webm");
      const id = index.persons[0].personId;
      const r = ok(await call(s, "GET", `${W}/persons/${id}/similar?personCount=10&scoreThreshold=80`));
      assert.equal(r.personId, id);
      assert.ok(Array.isArray(r.similarPersons));
      for (const item of r.similarPersons) assert.ok(item.score >= 80 && item.score < 100 && item.personId !== id);
    });

    test("recommend-by-thumbnail finds the person with the same face; rules", async () => {
      const hong = await person(s, "Hong", await thumbnail(s, face(7)));
      for (let i = 1; i <= 5; i++) await person(s, `P${i}`, await thumbnail(s, face(i)));
      const probe = await thumbnail(s, face(7));
      const R = `${W}/persons/recommend-by-thumbnail`;
      const r = ok(await call(s, "POST", R, { body: { thumbnailKey: probe, personCount: 3, scoreThreshold: 80 } }));
      assert.equal(r.thumbnailKey, probe);
      assert.deepEqual(r.similarPersons[0], { personId: hong.personId, name: "Hong", score: 100 });
      assert.ok(r.similarPersons.length <= 3);
      assert.deepEqual(ok(await call(s, "POST", R, { body: { thumbnailKey: await thumbnail(s, face(99)), scoreThreshold: 100 } })).similarPersons, [], "no match: register the person");
      for (const [body, message] of [
        [{}, "thumbnailKey is required"],
        [{ thumbnailKey: 5 }, "thumbnailKey must be a non-empty string"],
        [{ thumbnailKey: probe, personCount: 11 }, "personCount must be an integer from 1 to 10"],
        [{ thumbnailKey: probe, scoreThreshold: 79 }, "scoreThreshold must be an integer from 80 to 100"],
        [{ thumbnailKey: "people-ws/x/y.png" }, /not a completed upload/],
      ]) {
        assertServiceError(await call(s, "POST", R, { body }), 400, "10001", message);
      }
      const offsetMs = 24 * 3600 * 1000 + 1000;
      await admin(s, "POST", "/__emulator/clock", { offsetMs });
      assertServiceError(await call(s, "POST", R, { body: { thumbnailKey: probe }, timestamp: String(Date.now() + offsetMs) }), 400, "10001", /has expired/);
    });
  });

  test("every person route is a fault route key", async () => {
    const keys = (await admin(s, "GET", "/__emulator/routes")).json.map((r) => r.key);
    for (const key of [
      "GET /api/v1/workspaces/*/persons", "POST /api/v1/workspaces/*/persons", "GET /api/v1/workspaces/*/persons/*",
      "PATCH /api/v1/workspaces/*/persons/*", "DELETE /api/v1/workspaces/*/persons/*", "POST /api/v1/workspaces/*/persons/search",
      "POST /api/v1/workspaces/*/persons/*/merge", "GET /api/v1/workspaces/*/persons/*/similar",
      "POST /api/v1/workspaces/*/persons/recommend-by-thumbnail", "POST /api/v1/workspaces/*/persons/*/person-tags",
      "DELETE /api/v1/workspaces/*/persons/*/person-tags", "POST /api/v1/workspaces/*/persons/*/person-tags/remove",
      "POST /api/v1/workspaces/*/persons/*/person-thumbnail", "DELETE /api/v1/workspaces/*/persons/*/person-thumbnail",
      "POST /api/v1/workspaces/*/persons/*/person-thumbnail/remove", "GET /api/v1/workspaces/*/person-tags",
      "POST /api/v1/workspaces/*/person-tags", "DELETE /api/v1/workspaces/*/person-tags/*",
      "POST /api/v1/workspaces/*/person-thumbnail/uploads/presigned-url", "POST /api/v1/workspaces/*/person-thumbnail/uploads/complete",
    ]) {
      assert.ok(keys.includes(key), key);
    }
    const queued = await admin(s, "POST", "/__emulator/faults", { faults: [{ route: "POST /api/v1/workspaces/*/persons/*/merge", fault: "503" }] });
    assert.equal(queued.status, 200, queued.text);
    const p = await person(s, "P");
    assert.equal((await call(s, "POST", `${W}/persons/${p.personId}/merge`, { body: { personIds: [1] } })).status, 503);
  });
});
