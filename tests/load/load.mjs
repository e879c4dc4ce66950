// Load and memory: 1,000 concurrent calls from one client against the emulator all succeed, and
// 100,000 sequential calls (through a canned-answer fetch, so only the library is measured) leave the
// wasm linear memory and the JS heap flat after warm-up. Prints the figures and `N passed, N failed`.
//   node --expose-gc tests/load/load.mjs [--calls 100000]
import { MediaIntelligence, initSync } from "../../pkg/index.js";
import { KEYS, startEmulator, tally } from "../faults/harness.mjs";

const argCalls = process.argv.indexOf("--calls");
const CALLS = argCalls > 0 ? Number(process.argv[argCalls + 1]) : 100_000;
const WARMUP = Math.min(10_000, CALLS / 10);
const t = tally("load");
if (typeof globalThis.gc !== "function") {
  console.log("run with node --expose-gc");
  process.exit(2);
}

// 1. 1,000 concurrent calls from one client against the emulator: 10 creates and 990 reads of 10
// workspaces made beforehand (the account's quota is raised to 20 for this).
const emulator = await startEmulator({ MI_EMULATOR_QUOTA: "20" });
const mi = new MediaIntelligence({ ...KEYS, endpoint: emulator.url, timeoutMs: 20_000 });
const stamp = Date.now().toString(36);
const existing = Array.from({ length: 10 }, (_, i) => `load-old-${i}-${stamp}`);
for (const name of existing) await mi.createWorkspace({ workspaceName: name });
const started = performance.now();
const calls = Array.from({ length: 1000 }, (_, i) =>
  i < 10 ? mi.createWorkspace({ workspaceName: `load-new-${i}-${stamp}` }) : mi.getWorkspace(existing[i % 10]));
const results = await Promise.allSettled(calls);
const failures = results.filter((r) => r.status === "rejected");
const seconds = (performance.now() - started) / 1000;
t.check(failures.length === 0, `1000 concurrent calls from one client succeed (${seconds.toFixed(2)} s)`, String(failures[0]?.reason));
emulator.stop();

// 2. Sequential calls through a canned-answer fetch: memory must not grow after warm-up.
const body = JSON.stringify({ code: "0", message: "success", result: { workspaceName: "steady", monthlyAnalysisCount: 1 } });
const canned = async () => new Response(body, { status: 200 });
const local = new MediaIntelligence({ ...KEYS, endpoint: "http://127.0.0.1:9", fetch: canned, logger: () => {} });
const { memory } = initSync();
const measure = () => {
  globalThis.gc();
  return { wasm: memory.buffer.byteLength, heap: process.memoryUsage().heapUsed };
};
const run = async (n) => {
  for (let i = 0; i < n; i++) {
    if (i % 2) await local.getWorkspace("steady");
    else await local.createWorkspace({ workspaceName: "steady" });
  }
};
await run(WARMUP);
const before = measure();
const loopStart = performance.now();
await run(CALLS);
const perCallUs = ((performance.now() - loopStart) * 1000) / CALLS;
const after = measure();
const mb = (b) => (b / 1048576).toFixed(2);
console.log(`after ${WARMUP} warm-up calls: wasm ${mb(before.wasm)} MiB, heap ${mb(before.heap)} MiB`);
console.log(`after ${CALLS} more calls:   wasm ${mb(after.wasm)} MiB, heap ${mb(after.heap)} MiB (${perCallUs.toFixed(1)} us per call)`);
t.check(after.wasm === before.wasm, `wasm linear memory flat over ${CALLS} calls (${before.wasm} -> ${after.wasm} bytes)`);
const growth = after.heap - before.heap;
t.check(growth < 2 * 1048576, `JS heap flat over ${CALLS} calls (growth ${(growth / 1024).toFixed(0)} KiB, limit 2048 KiB)`);
t.finish();
