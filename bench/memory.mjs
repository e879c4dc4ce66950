// Section 5, memory (run with --expose-gc): the wasm linear memory (`memory.buffer.byteLength`, from the
// exports `initSync` returns) and the process heap after `global.gc()`, measured after a warm-up and
// again after N calls each of signRequest and of getWorkspace / createWorkspace over a stub `fetch`
// (N = 100,000, 10,000 with --quick). Growth after warm-up would mean a leak.
import { setTimeout as sleep } from "node:timers/promises";
import { ACCESS_KEY, QUICK, REQUESTS, SECRET_KEY, report } from "./lib.mjs";
import { MediaIntelligence, initSync, signRequest } from "../pkg/index.js";

if (typeof global.gc !== "function") throw new Error("run with node --expose-gc");
const wasm = initSync(); // already loaded by pkg/index.js: returns its exports
const calls = QUICK ? 10_000 : 100_000;

const get = '{"code":"0","message":"success","result":{"workspaceName":"bench-workspace","monthlyAnalysisCount":1}}';
const create = '{"code":"0","message":"success","result":{"workspaceName":"bench-workspace"}}';
const stubFetch = async (_url, init) => new Response(init.method === "GET" ? get : create);
const mi = new MediaIntelligence({ accessKey: ACCESS_KEY, secretKey: SECRET_KEY, endpoint: "http://stub.invalid", fetch: stubFetch });

async function work(n) {
  for (let i = 0; i < n; i++) {
    const r = REQUESTS[i % REQUESTS.length];
    signRequest({ method: r.method, uri: r.uri, accessKey: ACCESS_KEY, secretKey: SECRET_KEY, timestamp: r.timestamp });
    await mi.getWorkspace(`bench-workspace-${i % 64}`);
    await mi.createWorkspace({ workspaceName: `bench-workspace-${i % 64}` });
  }
}

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

const start = await snapshot();
await work(Math.max(1_000, calls / 10)); // warm-up
const before = await snapshot();
await work(calls);
const after = await snapshot();

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
});
