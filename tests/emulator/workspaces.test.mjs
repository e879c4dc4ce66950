// Tests of the emulator's workspace list and delete (operations #1 and #4): `node --test tests/emulator/`.
// A real server process, raw HTTP, the test's own signer (testkit.mjs / spawn.mjs).

import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";

import { startEmulator, stopAll } from "./spawn.mjs";
import { AK, KST_TIME, admin, assertGatewayError, assertServiceError, call, ok, until } from "./testkit.mjs";

after(stopAll);

const OTHER = { accessKey: "other", secretKey: "other-secret" };
const create = (s, workspaceName, bucketName, opts = {}) =>
  call(s, "POST", "/api/v1/workspaces", { ...opts, body: bucketName === undefined ? { workspaceName } : { workspaceName, bucketName } });
const list = (s, query, opts) => call(s, "GET", `/api/v1/workspaces${query}`, opts);
const remove = (s, name, opts) => call(s, "DELETE", `/api/v1/workspaces/${name}`, opts);

describe("workspace list and delete", () => {
  let s;
  before(async () => {
    s = await startEmulator({ MI_EMULATOR_KEYS: `${OTHER.accessKey}:${OTHER.secretKey}`, MI_EMULATOR_TICK_MS: "10", MI_EMULATOR_QUOTA: "6" });
  });
  beforeEach(async () => {
    assert.equal((await admin(s, "POST", "/__emulator/reset")).status, 204);
  });

  test("an empty account lists an empty page with the documented fields", async () => {
    assert.deepEqual(ok(await list(s, "?pageNum=1")), { totalCount: 0, totalPage: 0, pageNo: 1, pageSize: 1000, content: [] });
  });

  test("pages in creation order, echo pageNo/pageSize, items with the documented fields; bucketName only when linked", async () => {
    for (const [name, bucket] of [["ws-c", "bkt-c"], ["ws-a", undefined], ["ws-e", "bkt-e"], ["ws-b", null], ["ws-d", "bkt-d"]]) {
      ok(await create(s, name, bucket));
    }
    ok(await create(s, "not-mine", undefined, OTHER));
    const first = ok(await list(s, "?pageNum=1&pageSize=2"));
    assert.deepEqual({ ...first, content: first.content.map((w) => w.workspaceName) },
      { totalCount: 5, totalPage: 3, pageNo: 1, pageSize: 2, content: ["ws-c", "ws-a"] });
    const [c, a] = first.content;
    assert.deepEqual(Object.keys(c), ["workspaceName", "workspaceUrl", "bucketName", "createdUserName", "createdTime", "updatedUserName", "updatedTime"]);
    assert.deepEqual(Object.keys(a), ["workspaceName", "workspaceUrl", "createdUserName", "createdTime", "updatedUserName", "updatedTime"]);
    assert.equal(c.workspaceUrl, "https://mi.ncloud.com/workspaces/ws-c");
    assert.equal(c.bucketName, "bkt-c");
    assert.equal(c.createdUserName, AK);
    assert.match(c.createdTime, KST_TIME);
    assert.equal(c.updatedTime, c.createdTime);
    const details = ok(await call(s, "GET", "/api/v1/workspaces/ws-c"));
    const { monthlyAnalysisCount, ...sameAsDetails } = details;
    assert.deepEqual(c, sameAsDetails, "a list item is the details without monthlyAnalysisCount");
    assert.deepEqual(ok(await list(s, "?pageNum=2&pageSize=2")).content.map((w) => w.workspaceName), ["ws-e", "ws-b"]);
    const last = ok(await list(s, "?pageNum=3&pageSize=2"));
    assert.deepEqual(last.content.map((w) => w.workspaceName), ["ws-d"]);
    assert.deepEqual(ok(await list(s, "?pageNum=4&pageSize=2")), { totalCount: 5, totalPage: 3, pageNo: 4, pageSize: 2, content: [] });
    assert.equal(ok(await list(s, "?pageSize=1000&pageNum=1")).content.length, 5, "pageSize 1000 and any order");
    assert.deepEqual(ok(await list(s, "?pageNum=1", OTHER)).content.map((w) => w.workspaceName), ["not-mine"], "per account");
  });

  test("paging rules -> 400 code 400", async () => {
    const cases = [
      ["", "pageNum is required"],
      ["?pageSize=10", "pageNum is required"],
      ["?pageNum=", "pageNum is required"],
      ["?pageNum=0", "pageNum must be an integer >= 1"],
      ["?pageNum=-1", "pageNum must be an integer >= 1"],
      ["?pageNum=1.5", "pageNum must be an integer >= 1"],
      ["?pageNum=abc", "pageNum must be an integer >= 1"],
      ["?pageNum=1&pageSize=0", "pageSize must be an integer from 1 to 1000"],
      ["?pageNum=1&pageSize=1001", "pageSize must be an integer from 1 to 1000"],
      ["?pageNum=1&pageSize=x", "pageSize must be an integer from 1 to 1000"],
    ];
    for (const [query, message] of cases) assertServiceError(await list(s, query), 400, "400", message);
  });

  test("the query string is signed: a signature over the bare path is refused", async () => {
    const res = await list(s, "?pageNum=1&pageSize=5", { signedUri: "/api/v1/workspaces" });
    assertGatewayError(res, 401, "200", "Invalid signature");
    assertGatewayError(await list(s, "?pageNum=1", { secretKey: "nope" }), 401, "200", "Invalid signature");
  });

  test("delete answers {workspaceName}, then the workspace is gone, frees its quota and its name", async () => {
    for (let i = 1; i <= 6; i++) ok(await create(s, `quota-${i}`));
    assertServiceError(await create(s, "quota-7"), 400, "410", "Workspace limit reached (6)");
    const res = await remove(s, "quota-3");
    assert.deepEqual(res.json, { code: "0", message: "success", result: { workspaceName: "quota-3" } });
    assertServiceError(await call(s, "GET", "/api/v1/workspaces/quota-3"), 404, "404", "Workspace 'quota-3' not found");
    assertServiceError(await remove(s, "quota-3"), 404, "404", "Workspace 'quota-3' not found");
    assert.deepEqual(ok(await list(s, "?pageNum=1")).content.map((w) => w.workspaceName),
      ["quota-1", "quota-2", "quota-4", "quota-5", "quota-6"]);
    ok(await create(s, "quota-3", "again"));
    assertServiceError(await create(s, "quota-7"), 400, "410", "Workspace limit reached (6)");
    assert.equal(ok(await call(s, "GET", "/api/v1/workspaces/quota-3")).bucketName, "again", "a fresh workspace");
    assert.equal(ok(await call(s, "GET", "/api/v1/workspaces/quota-3/projects")).projects.length, 1, "only a new base project");
  });

  test("delete: name rules -> 400, other account's workspace -> 404, signature checked", async () => {
    ok(await create(s, "theirs", undefined, OTHER));
    assertServiceError(await remove(s, "theirs"), 404, "404", "Workspace 'theirs' not found");
    assertServiceError(await remove(s, "UPPER"), 400, "400", "workspaceName must be 3 to 63 characters of a-z, 0-9 and -");
    assertServiceError(await remove(s, "abc%zz"), 400, "400", "workspaceName in the path is not valid percent-encoding");
    assertGatewayError(await remove(s, "theirs", { ...OTHER, secretKey: "wrong" }), 401, "200", "Invalid signature");
    ok(await remove(s, "theirs", OTHER));
  });

  test("delete -> 409 while an analysis runs in the workspace, allowed once it is over", async () => {
    ok(await create(s, "busy-ws"));
    const [base] = ok(await call(s, "GET", "/api/v1/workspaces/busy-ws/projects")).projects;
    const assets = `/api/v1/workspaces/busy-ws/projects/${base.projectId}/assets`;
    const { assetId } = ok(await call(s, "POST", `${assets}/import/object-storage`, { body: { key: "trailer.mov", bucketName: "mi-demo" } }));
    await until(() => call(s, "GET", `${assets}/${assetId}/import-status`), (r) => r.json.result.uploadStatus === "COMPLETED");
    await admin(s, "POST", "/__emulator/tick", { tickMs: 5000 });
    ok(await call(s, "POST", `${assets}/${assetId}/index`, { body: {} }));
    assertServiceError(await remove(s, "busy-ws"), 409, "409", `Workspace 'busy-ws' cannot be deleted: an analysis is in progress (asset ${assetId})`);
    ok(await call(s, "POST", `${assets}/${assetId}/index/cancel`));
    ok(await remove(s, "busy-ws"));
  });
});
