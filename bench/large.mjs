// Section 6, a large result (run with --expose-gc): `getIndex` of a 2-hour video's index (the emulator's
// index of mi-demo/sample-video.mp4, captured by bench/capture.mjs: 86 scenes, 2,211 shots, 1,190
// script lines and captions, 470 KB of JSON), ours vs `JSON.parse` of the same body.
//   time     over a stub `fetch` answering a fresh Response of the body (no socket), wall time per call:
//            ours (`mi.getIndex`) vs the same Response read by `res.text()` and `JSON.parse` (the target
//            row), and vs `JSON.parse` of the body string alone (no Response at all). Rounds alternate; a
//            ratio is the median of per-round ratios. Also the CPU per call against bench/server.mjs (in
//            its own process), ours vs bench/hand-client.mjs (fetch + text + JSON.parse + status, code).
//   memory   wasm linear memory before and after the timed calls (it never shrinks, so "after" is also
//            its peak); the JS heap after gc() before and after them; the heap a held result takes (10
//            held at once, / 10; ours vs Response + JSON.parse vs JSON.parse: the same objects
//            expected); the peak RSS each way of reading adds, each in a fresh process (`--peak ours|
//            response|parse`: process.resourceUsage().maxRSS after 5 calls minus before them).
import { spawn, spawnSync } from "node:child_process";
import { deepStrictEqual } from "node:assert";
import { once } from "node:events";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { indexFigures } from "./capture.mjs";
import { HandClient } from "./hand-client.mjs";
import { ACCESS_KEY, BENCH, QUICK, SECRET_KEY, median, report } from "./lib.mjs";
import { routes, stubFetch } from "./routes.mjs";
import { MediaIntelligence, initSync } from "../pkg/index.js";

if (typeof global.gc !== "function") throw new Error("run with node --expose-gc");
const wasm = initSync(); // already loaded by pkg/index.js: returns its exports
const table = await routes();
const body = table.find((r) => r.name === "getIndex").body;
const keys = { accessKey: ACCESS_KEY, secretKey: SECRET_KEY };
const params = { workspaceName: "bench-workspace", projectId: 1002, assetId: 1003 };
const fetch = stubFetch(table);
const mi = new MediaIntelligence({ ...keys, endpoint: "http://stub.invalid", fetch });
const url = "http://stub.invalid/api/v1/workspaces/bench-workspace/projects/1002/assets/1003/index";
const variants = {
  ours: () => mi.getIndex(params),
  response: async () => JSON.parse(await (await fetch(url, { method: "GET" })).text()).result,
  parse: async () => JSON.parse(body).result,
};

async function settle() {
  for (let i = 0; i < 3; i++) {
    global.gc();
    await sleep(10);
  }
}

// --peak VARIANT: a fresh process's peak RSS growth over 5 calls of one variant (printed as JSON).
const peakAt = process.argv.indexOf("--peak");
if (peakAt > 0) {
  const fn = variants[process.argv[peakAt + 1]];
  await settle();
  const before = process.resourceUsage().maxRSS * 1024;
  const wasmBefore = wasm.memory.buffer.byteLength;
  for (let i = 0; i < 5; i++) await fn();
  console.log(JSON.stringify({ rss: process.resourceUsage().maxRSS * 1024 - before, wasm: wasm.memory.buffer.byteLength - wasmBefore }));
  process.exit(0);
}

deepStrictEqual(await variants.ours(), await variants.parse(), "getIndex resolves the index as JSON.parse reads it");
const calls = QUICK ? 10 : 30;
const rounds = QUICK ? 3 : 7;

// Time over the stub fetch.
for (const fn of Object.values(variants)) for (let i = 0; i < calls; i++) await fn(); // warm-up
await settle();
const wasmBefore = wasm.memory.buffer.byteLength;
const heapBefore = process.memoryUsage().heapUsed;
const ms = Object.fromEntries(Object.keys(variants).map((v) => [v, []]));
for (let r = 0; r < rounds; r++) {
  for (const [name, fn] of Object.entries(variants)) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < calls; i++) await fn();
    ms[name].push(Number(process.hrtime.bigint() - t0) / 1e6 / calls);
  }
}
await settle();
const wasmAfter = wasm.memory.buffer.byteLength;
const heapAfter = process.memoryUsage().heapUsed;

// The heap one held result takes, each way: 10 results held at once (separate calls, separate objects),
// the growth divided by 10, median of 3 (one result alone is within the noise of a gc'd heap).
async function held(fn) {
  await settle();
  const h0 = process.memoryUsage().heapUsed;
  const kept = [];
  for (let i = 0; i < 10; i++) kept.push(await fn());
  await settle();
  const h1 = process.memoryUsage().heapUsed;
  if (kept.some((k) => !k)) throw new Error("no result");
  return (h1 - h0) / kept.length;
}
const heldOf = async (fn) => median([await held(fn), await held(fn), await held(fn)]);
const heldOurs = await heldOf(variants.ours);
const heldParse = await heldOf(variants.parse);
const heldResponse = await heldOf(variants.response);

// Peak RSS each way, in fresh processes.
const peak = (variant) => {
  const r = spawnSync(process.execPath, ["--expose-gc", fileURLToPath(import.meta.url), "--peak", variant], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`--peak ${variant} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").at(-1));
};
const peaks = { ours: [], response: [], parse: [] };
for (let i = 0; i < (QUICK ? 1 : 3); i++) for (const v of Object.keys(peaks)) peaks[v].push(peak(v));

// CPU per call against the local server, ours vs the hand-written client.
const server = spawn(process.execPath, [join(BENCH, "server.mjs")], { stdio: ["pipe", "pipe", "inherit"] });
const [line] = await once(createInterface({ input: server.stdout }), "line");
const endpoint = line.replace(/^listening /, "");
const clients = { ours: new MediaIntelligence({ ...keys, endpoint }), hand: new HandClient({ ...keys, endpoint }) };
deepStrictEqual(await clients.ours.getIndex(params), await clients.hand.getIndex(params));
const cpu = { ours: [], hand: [] };
for (const c of Object.values(clients)) for (let i = 0; i < calls; i++) await c.getIndex(params); // warm-up
for (let r = 0; r < rounds; r++) {
  for (const [name, c] of Object.entries(clients)) {
    const before = process.cpuUsage();
    for (let i = 0; i < calls; i++) await c.getIndex(params);
    const used = process.cpuUsage(before);
    cpu[name].push((used.user + used.system) / 1000 / calls);
  }
}
server.stdin.end();

const paired = (a, b) => median(a.map((x, r) => x / b[r]));
report({
  ...indexFigures(body),
  index_calls_per_round_count: calls,
  index_stub_ms_ours: median(ms.ours),
  index_stub_ms_response_json_parse: median(ms.response),
  index_stub_ms_json_parse: median(ms.parse),
  index_stub_ratio_vs_response_json_parse: paired(ms.ours, ms.response),
  index_stub_ratio_vs_json_parse: paired(ms.ours, ms.parse),
  index_server_cpu_ms_ours: median(cpu.ours),
  index_server_cpu_ms_hand: median(cpu.hand),
  index_server_cpu_ratio: paired(cpu.ours, cpu.hand),
  index_wasm_memory_bytes_before: wasmBefore,
  index_wasm_memory_bytes_after: wasmAfter,
  index_wasm_memory_growth_bytes: wasmAfter - wasmBefore,
  index_heap_used_bytes_before: heapBefore,
  index_heap_used_bytes_after: heapAfter,
  index_heap_used_growth_bytes: heapAfter - heapBefore,
  index_heap_held_result_bytes_ours: heldOurs,
  index_heap_held_result_bytes_response_json_parse: heldResponse,
  index_heap_held_result_bytes_json_parse: heldParse,
  index_peak_rss_added_bytes_ours: median(peaks.ours.map((p) => p.rss)),
  index_peak_rss_added_bytes_response_json_parse: median(peaks.response.map((p) => p.rss)),
  index_peak_rss_added_bytes_json_parse: median(peaks.parse.map((p) => p.rss)),
  index_peak_wasm_memory_growth_bytes_ours: Math.max(...peaks.ours.map((p) => p.wasm)),
});
