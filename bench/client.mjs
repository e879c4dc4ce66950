// Section 4, per-call client cost: CPU time (process.cpuUsage, user + system, this process only) per call
// of our client vs bench/hand-client.mjs against bench/server.mjs, which runs in a child process so its
// CPU is not counted. The calls: getWorkspace and createWorkspace (the first two rows), and issue 15's
// four kinds: getAsset (a GET with path parameters), createProject (a POST with a body), listAssets (one
// page of 100 assets, 46 KB) and getIndexStatus (one poll of a waiter), their answers captured from the
// emulator (bench/capture.mjs). Calls run one at a time; clients alternate round by round, and a ratio is
// the median of the per-round ratios. Also both clients over a stub `fetch` answering a canned Response
// in-process (no socket): the time per call of the whole client path (the per-client keyed signer,
// headers, decode, result object).
import { spawn } from "node:child_process";
import { deepStrictEqual } from "node:assert";
import { once } from "node:events";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { HandClient } from "./hand-client.mjs";
import { ACCESS_KEY, BENCH, QUICK, SECRET_KEY, median, opsPerSecAsync, report } from "./lib.mjs";
import { routes, stubFetch } from "./routes.mjs";
import { MediaIntelligence } from "../pkg/index.js";

const table = await routes(); // captures the emulator's answers first if needed (the server reads the cache)
const server = spawn(process.execPath, [join(BENCH, "server.mjs")], { stdio: ["pipe", "pipe", "inherit"] });
const [line] = await once(createInterface({ input: server.stdout }), "line");
const endpoint = line.replace(/^listening /, "");

const keys = { accessKey: ACCESS_KEY, secretKey: SECRET_KEY };
const clients = {
  ours: new MediaIntelligence({ ...keys, endpoint }),
  hand: new HandClient({ ...keys, endpoint }),
};
const ws = (i) => `bench-workspace-${i % 64}`;
const asset = (i) => ({ workspaceName: ws(i), projectId: 1000 + (i % 7), assetId: 2000 + (i % 64) });
// [key of the results, call, calls per round (full run)]
const OPS = {
  get: [(c, i) => c.getWorkspace(ws(i)), 2_000],
  create: [(c, i) => c.createWorkspace({ workspaceName: ws(i), bucketName: "bench-bucket" }), 2_000],
  get_asset: [(c, i) => c.getAsset(asset(i)), 2_000],
  create_project: [(c, i) => c.createProject({ workspaceName: ws(i), name: `bench-project-${i % 64}` }), 2_000],
  list_assets: [(c, i) => c.listAssets({ workspaceName: ws(i), projectId: 1000 + (i % 7), pageNum: 1, pageSize: 100 }), 500],
  index_status: [(c, i) => c.getIndexStatus(asset(i)), 2_000],
};
for (const [name, [op]] of Object.entries(OPS)) deepStrictEqual(await op(clients.ours, 1), await op(clients.hand, 1), `${name}: both clients resolve the same result`);
const listed = await OPS.list_assets[0](clients.ours, 1);
if (listed.content.length !== 100) throw new Error(`listAssets page has ${listed.content.length} items, not 100`);

const rounds = QUICK ? 3 : 7;
const callsOf = (n) => (QUICK ? Math.max(100, Math.round(n / 7)) : n);
const cpu = { ours: {}, hand: {} };
for (const [opName, [op, n]] of Object.entries(OPS)) {
  const calls = callsOf(n);
  for (const client of Object.values(clients)) for (let i = 0; i < Math.min(500, n); i++) await op(client, i); // warm-up
  for (const name of Object.keys(clients)) cpu[name][opName] = [];
  for (let r = 0; r < rounds; r++) {
    for (const [name, client] of Object.entries(clients)) {
      const before = process.cpuUsage();
      for (let i = 0; i < calls; i++) await op(client, i);
      const used = process.cpuUsage(before);
      cpu[name][opName].push((used.user + used.system) / calls);
    }
  }
}
server.stdin.end();

// The same clients over a stub fetch: no socket, so the client's own work dominates.
const fetch = stubFetch(table);
const stub = {
  ours: new MediaIntelligence({ ...keys, endpoint: "http://stub.invalid", fetch }),
  hand: new HandClient({ ...keys, endpoint: "http://stub.invalid", fetch }),
};
const stubRate = {};
for (const [opName, [op, n]] of Object.entries(OPS)) {
  if (opName === "create") continue; // not measured over the stub (as before)
  deepStrictEqual(await op(stub.ours, 1), await op(stub.hand, 1));
  stubRate[opName] = { ours: [], hand: [] };
  for (let r = 0; r < rounds; r++) {
    for (const [name, client] of Object.entries(stub)) stubRate[opName][name].push(await opsPerSecAsync((i) => op(client, i), callsOf(n) * 2, 1));
  }
}

const m = (xs) => median(xs);
// Ratios: the median of per-round ratios (each round ran both clients back to back).
const paired = (a, b) => median(a.map((x, r) => x / b[r]));
// The spread of those per-round ratios: how far one round can land from the median on this machine.
const spread = (a, b) => a.map((x, r) => x / b[r]).sort((x, y) => x - y);
const out = {};
for (const opName of Object.keys(OPS)) {
  const [ours, hand] = [cpu.ours[opName], cpu.hand[opName]];
  const s = spread(ours, hand);
  Object.assign(out, {
    [`per_call_cpu_us_ours_${opName}`]: m(ours),
    [`per_call_cpu_us_hand_${opName}`]: m(hand),
    [`per_call_cpu_ratio_${opName}`]: paired(ours, hand),
    [`per_call_cpu_ratio_${opName}_min`]: s[0],
    [`per_call_cpu_ratio_${opName}_max`]: s.at(-1),
  });
}
for (const [opName, rate] of Object.entries(stubRate)) {
  Object.assign(out, {
    [`stub_fetch_${opName}_us_ours`]: 1e6 / m(rate.ours),
    [`stub_fetch_${opName}_us_hand`]: 1e6 / m(rate.hand),
    [`stub_fetch_${opName}_ratio`]: paired(rate.hand, rate.ours),
  });
}
out.per_call_list_assets_page_items_count = listed.content.length;
report(out);
