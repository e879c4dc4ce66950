// Section 5, memory (run with --expose-gc): the wasm linear memory (`memory.buffer.byteLength`, from the
// exports `initSync` returns) and the process heap after `global.gc()`, each phase measured after its
// warm-up and again after its calls. Growth after warm-up would mean a leak. Every call goes to a stub
// `fetch` answering canned bodies in-process (bench/routes.mjs: the emulator's answers).
//   1. N calls each of signRequest and of getWorkspace / createWorkspace (N = 100,000; 10,000 --quick).
//   2. issue 15: 100,000 calls (10,000 --quick) mixing every kind of operation, in a cycle of ten: four
//      getIndexStatus polls, three getAsset, one createProject, one listAssets page (100 items), one
//      deleteAsset; every 1,000th call is a getIndex of the 2-hour index (470 KB) instead.
//   3. issue 15: one waitForIndex polling 10,000 times (1,000 --quick): the stub answers ANALYZING until
//      the last poll, then ANALYZE_COMPLETED; intervalMs 1 and maxIntervalMs 1 (the waiter's minimum).
//      Also measured inside that one wait, from the stub: after a tenth of the polls and at the last.
import { setTimeout as sleep } from "node:timers/promises";
import { ACCESS_KEY, QUICK, REQUESTS, SECRET_KEY, report } from "./lib.mjs";
import { routes, stubFetch } from "./routes.mjs";
import { MediaIntelligence, initSync, signRequest } from "../pkg/index.js";

if (typeof global.gc !== "function") throw new Error("run with node --expose-gc");
const wasm = initSync(); // already loaded by pkg/index.js: returns its exports
const calls = QUICK ? 10_000 : 100_000;
const mixedCalls = QUICK ? 10_000 : 100_000;
const polls = QUICK ? 1_000 : 10_000;
const keys = { accessKey: ACCESS_KEY, secretKey: SECRET_KEY, endpoint: "http://stub.invalid" };

// Several collections with event-loop turns between them, so FinalizationRegistry callbacks (the glue
// frees wasm-side objects through them) and expired timers run before the heap is read.
async function snapshot() {
  for (let i = 0; i < 5; i++) {
    global.gc();
    await sleep(20);
  }
  const { heapUsed, rss } = process.memoryUsage();
  return { wasm: wasm.memory.buffer.byteLength, heapUsed, rss };
}

// 1. sign, get, create.
const get = '{"code":"0","message":"success","result":{"workspaceName":"bench-workspace","monthlyAnalysisCount":1}}';
const create = '{"code":"0","message":"success","result":{"workspaceName":"bench-workspace"}}';
const simpleFetch = async (_url, init) => new Response(init.method === "GET" ? get : create);
const mi = new MediaIntelligence({ ...keys, fetch: simpleFetch });

async function work(n) {
  for (let i = 0; i < n; i++) {
    const r = REQUESTS[i % REQUESTS.length];
    signRequest({ method: r.method, uri: r.uri, accessKey: ACCESS_KEY, secretKey: SECRET_KEY, timestamp: r.timestamp });
    await mi.getWorkspace(`bench-workspace-${i % 64}`);
    await mi.createWorkspace({ workspaceName: `bench-workspace-${i % 64}` });
  }
}

const start = await snapshot();
await work(Math.max(1_000, calls / 10)); // warm-up
const before = await snapshot();
await work(calls);
const after = await snapshot();

// 2. Every kind of operation, mixed.
const table = await routes();
const mixed = new MediaIntelligence({ ...keys, fetch: stubFetch(table) });
const asset = (i) => ({ workspaceName: `bench-workspace-${i % 64}`, projectId: 1000 + (i % 7), assetId: 2000 + (i % 97) });
const CYCLE = [
  (i) => mixed.getIndexStatus(asset(i)),
  (i) => mixed.getAsset(asset(i)),
  (i) => mixed.getIndexStatus(asset(i)),
  (i) => mixed.getAsset(asset(i)),
  (i) => mixed.createProject({ workspaceName: `bench-workspace-${i % 64}`, name: `project-${i % 101}` }),
  (i) => mixed.getIndexStatus(asset(i)),
  (i) => mixed.getAsset(asset(i)),
  (i) => mixed.listAssets({ workspaceName: `bench-workspace-${i % 64}`, projectId: 1000 + (i % 7), pageNum: 1 + (i % 3), pageSize: 100 }),
  (i) => mixed.deleteAsset(asset(i)),
  (i) => mixed.getIndexStatus(asset(i)),
];
const kinds = {};
async function mix(n) {
  for (let i = 0; i < n; i++) {
    const r = i % 1000 === 999 ? await mixed.getIndex(asset(i)) : await CYCLE[i % CYCLE.length](i);
    // Each answer as expected: a status, an asset, a project, a page of 100, no result, an index.
    const kind = r === undefined ? "delete" : r.durationMs ? "index" : r.content ? "list" : r.status ? "status" : r.fileName ? "asset" : r.name ? "project" : "?";
    if (kind === "?" || (kind === "list" && r.content.length !== 100)) throw new Error(`unexpected result of call ${i}`);
    kinds[kind] = (kinds[kind] ?? 0) + 1;
  }
}
await mix(Math.max(1_000, mixedCalls / 10)); // warm-up
for (const k of Object.keys(kinds)) kinds[k] = 0;
const mixedBefore = await snapshot();
await mix(mixedCalls);
const mixedAfter = await snapshot();

// 3. One waiter polling `polls` times.
const tableFetch = stubFetch(table);
const bodies = Object.fromEntries(table.map((r) => [r.name, r.body]));
const completed = bodies.getIndexStatus.replace('"status":"ANALYZING"', '"status":"ANALYZE_COMPLETED"');
if (completed === bodies.getIndexStatus) throw new Error("the captured index status is not ANALYZING");
let served = 0;
let target = 0;
let early = null;
let last = null;
const waitFetch = async (url, init) => {
  if (!String(url).endsWith("/index/status")) return tableFetch(url, init);
  served++;
  if (served === Math.round(target / 10)) early = await snapshot();
  if (served === target) {
    last = await snapshot();
    return new Response(completed, { status: 200 });
  }
  return new Response(bodies.getIndexStatus, { status: 200 });
};
const waiting = new MediaIntelligence({ ...keys, fetch: waitFetch });
async function wait(n) {
  served = 0;
  target = n;
  const t0 = performance.now();
  const status = await waiting.waitForIndex(asset(1), { intervalMs: 1, maxIntervalMs: 1 });
  if (status.status !== "ANALYZE_COMPLETED" || served !== n) throw new Error(`waiter ended after ${served} polls with ${status.status}`);
  return performance.now() - t0;
}
await wait(Math.max(100, polls / 10)); // warm-up
const waiterBefore = await snapshot();
const waitMs = await wait(polls);
const waiterAfter = await snapshot();

report({
  memory_calls_each: calls,
  wasm_memory_bytes_at_start: start.wasm,
  wasm_memory_bytes_before: before.wasm,
  wasm_memory_bytes_after: after.wasm,
  wasm_memory_growth_bytes: after.wasm - before.wasm,
  heap_used_bytes_before: before.heapUsed,
  heap_used_bytes_after: after.heapUsed,
  heap_used_growth_bytes: after.heapUsed - before.heapUsed,
  rss_bytes_before: before.rss,
  rss_bytes_after: after.rss,
  memory_mixed_calls_count: mixedCalls,
  memory_mixed_kinds_count: kinds,
  memory_mixed_wasm_bytes_before: mixedBefore.wasm,
  memory_mixed_wasm_bytes_after: mixedAfter.wasm,
  memory_mixed_wasm_growth_bytes: mixedAfter.wasm - mixedBefore.wasm,
  memory_mixed_heap_used_bytes_before: mixedBefore.heapUsed,
  memory_mixed_heap_used_bytes_after: mixedAfter.heapUsed,
  memory_mixed_heap_used_growth_bytes: mixedAfter.heapUsed - mixedBefore.heapUsed,
  memory_mixed_rss_bytes_before: mixedBefore.rss,
  memory_mixed_rss_bytes_after: mixedAfter.rss,
  memory_waiter_polls_count: polls,
  memory_waiter_interval_ms: 1,
  memory_waiter_wait_ms: waitMs,
  memory_waiter_wasm_bytes_before: waiterBefore.wasm,
  memory_waiter_wasm_bytes_at_tenth: early.wasm,
  memory_waiter_wasm_bytes_at_last_poll: last.wasm,
  memory_waiter_wasm_bytes_after: waiterAfter.wasm,
  memory_waiter_wasm_growth_bytes: waiterAfter.wasm - waiterBefore.wasm,
  memory_waiter_heap_used_bytes_before: waiterBefore.heapUsed,
  memory_waiter_heap_used_bytes_at_tenth: early.heapUsed,
  memory_waiter_heap_used_bytes_at_last_poll: last.heapUsed,
  memory_waiter_heap_used_bytes_after: waiterAfter.heapUsed,
  memory_waiter_heap_used_growth_bytes: waiterAfter.heapUsed - waiterBefore.heapUsed,
  memory_waiter_heap_used_growth_in_wait_bytes: last.heapUsed - early.heapUsed,
});
