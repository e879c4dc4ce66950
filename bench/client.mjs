// Section 4, per-call client cost: CPU time (process.cpuUsage, user + system, this process only) per
// getWorkspace / createWorkspace of our client vs bench/hand-client.mjs against bench/server.mjs, which
// runs in a child process so its CPU is not counted. Calls run one at a time; clients alternate round by
// round. Also both clients over a stub `fetch` answering a canned Response in-process (no socket): calls
// per second of the whole client path (the per-client keyed signer, headers, decode, result object).
import { spawn } from "node:child_process";
import { deepStrictEqual } from "node:assert";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { HandClient } from "./hand-client.mjs";
import { ACCESS_KEY, BENCH, QUICK, ROOT, SECRET_KEY, median, opsPerSecAsync, report } from "./lib.mjs";
import { MediaIntelligence } from "../pkg/index.js";

const server = spawn(process.execPath, [join(BENCH, "server.mjs")], { stdio: ["pipe", "pipe", "inherit"] });
const [line] = await once(createInterface({ input: server.stdout }), "line");
const endpoint = line.replace(/^listening /, "");

const keys = { accessKey: ACCESS_KEY, secretKey: SECRET_KEY };
const clients = {
  ours: new MediaIntelligence({ ...keys, endpoint }),
  hand: new HandClient({ ...keys, endpoint }),
};
const ops = {
  get: (c, i) => c.getWorkspace(`bench-workspace-${i % 64}`),
  create: (c, i) => c.createWorkspace({ workspaceName: `bench-workspace-${i % 64}`, bucketName: "bench-bucket" }),
};
for (const op of Object.values(ops)) deepStrictEqual(await op(clients.ours, 1), await op(clients.hand, 1));

const calls = QUICK ? 300 : 2_000;
const rounds = QUICK ? 3 : 7;
const cpu = { ours: { get: [], create: [] }, hand: { get: [], create: [] } };
for (const [opName, op] of Object.entries(ops)) {
  for (const client of Object.values(clients)) for (let i = 0; i < 500; i++) await op(client, i); // warm-up
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
const fixture = (name) => readFileSync(join(ROOT, "tests", "fixtures", name), "utf8");
const bodies = { GET: fixture("get-workspace.ok.json"), POST: fixture("create-workspace.ok.json") };
const stubFetch = async (_url, init) => new Response(bodies[init.method], { status: 200 });
const stub = {
  ours: new MediaIntelligence({ ...keys, endpoint: "http://stub.invalid", fetch: stubFetch }),
  hand: new HandClient({ ...keys, endpoint: "http://stub.invalid", fetch: stubFetch }),
};
deepStrictEqual(await ops.get(stub.ours, 1), await ops.get(stub.hand, 1));
const stubRate = { ours: [], hand: [] };
for (let r = 0; r < rounds; r++) {
  for (const [name, client] of Object.entries(stub)) stubRate[name].push(await opsPerSecAsync((i) => ops.get(client, i), calls * 2, 1));
}

const m = (xs) => median(xs);
// Ratios: the median of per-round ratios (each round ran both clients back to back).
const paired = (a, b) => median(a.map((x, r) => x / b[r]));
// The spread of those per-round ratios: how far one round can land from the median on this machine.
const spread = (a, b) => a.map((x, r) => x / b[r]).sort((x, y) => x - y);
const getSpread = spread(cpu.ours.get, cpu.hand.get);
const createSpread = spread(cpu.ours.create, cpu.hand.create);
report({
  per_call_cpu_us_ours_get: m(cpu.ours.get),
  per_call_cpu_us_hand_get: m(cpu.hand.get),
  per_call_cpu_ratio_get: paired(cpu.ours.get, cpu.hand.get),
  per_call_cpu_us_ours_create: m(cpu.ours.create),
  per_call_cpu_us_hand_create: m(cpu.hand.create),
  per_call_cpu_ratio_create: paired(cpu.ours.create, cpu.hand.create),
  per_call_cpu_ratio_get_min: getSpread[0],
  per_call_cpu_ratio_get_max: getSpread.at(-1),
  per_call_cpu_ratio_create_min: createSpread[0],
  per_call_cpu_ratio_create_max: createSpread.at(-1),
  stub_fetch_get_us_ours: 1e6 / m(stubRate.ours),
  stub_fetch_get_us_hand: 1e6 / m(stubRate.hand),
  stub_fetch_get_ratio: paired(stubRate.hand, stubRate.ours),
});
