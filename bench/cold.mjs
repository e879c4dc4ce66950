// Section 2, cold start, each sample a fresh process, variants interleaved so noise hits them alike:
//   Node:    ms from process start (performance.now(), whose origin is process start) until the first
//            signed headers exist, for bench/cold/node-{baseline,ours,crypto}.mjs; also the wall time of
//            the whole `node script` run. "added" = median over samples of (variant - baseline) taken
//            back to back in the same sample, which follows load drift better than a difference of medians.
//            Also, without Node's start-up (whose swing of several ms swamps the difference above): ms
//            from a script's first line to the first signed headers through a synchronous require, ours
//            (pkg/index.cjs: the same read, compile and initSync as the ESM entry) and node:crypto
//            (node-require-{ours,crypto}.cjs), each in a fresh process.
//   wasm:    compile and initSync times of the .wasm alone, in fresh processes (node-instantiate.mjs).
//   workerd: wall time of `workerd test` on a config with one Worker (baseline empty Worker, ours
//            importing pkg/workerd.js and signing, WebCrypto signing, and with the nodejs_compat flag an
//            empty Worker and node:crypto createHmac signing); workerd has no process-start clock.
//   Ratios (issue 15: import to the first signed request, ours vs node:crypto + one HMAC, target 1.5x):
//            in Node, the median of per-sample ratios of "require -> first signed headers" (both in fresh
//            processes, Node's start-up left out) and of "process start -> first signed headers"; the
//            ratio of the medians of "added over baseline"; in workerd, the ratio of the medians of
//            "added over an empty Worker" (node:crypto's over an empty Worker with nodejs_compat), and
//            the median of per-sample ratios of the whole `workerd test` run.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BENCH, GLUE_FILES, PKG, QUICK, ROOT, median, report } from "./lib.mjs";

const samples = QUICK ? 8 : 20;
const workerdSamples = QUICK ? 5 : 25;

function run(cmd, args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: "utf8" });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed:\n${r.stdout}${r.stderr}`);
  return { wallMs, stdout: r.stdout };
}

// Node.
const nodeVariants = ["baseline", "ours", "crypto"];
const node = Object.fromEntries(nodeVariants.map((v) => [v, { ready: [], wall: [] }]));
const imported = { ours: [], crypto: [] };
const compile = [];
const instantiate = [];
run(process.execPath, [join(BENCH, "cold", "node-ours.mjs")]); // file cache warm-up
for (let i = 0; i < samples; i++) {
  for (const v of nodeVariants) {
    const { wallMs, stdout } = run(process.execPath, [join(BENCH, "cold", `node-${v}.mjs`)]);
    node[v].ready.push(Number(stdout));
    node[v].wall.push(wallMs);
  }
  for (const v of Object.keys(imported)) imported[v].push(Number(run(process.execPath, [join(BENCH, "cold", `node-require-${v}.cjs`)]).stdout));
  const [c, inst] = run(process.execPath, [join(BENCH, "cold", "node-instantiate.mjs")]).stdout.split(" ").map(Number);
  compile.push(c);
  instantiate.push(inst);
}

// workerd: one directory per variant with its own config.
const out = join(ROOT, "bench", "out", "workerd");
rmSync(out, { recursive: true, force: true });
const workerdVariants = ["baseline", "ours", "webcrypto", "baseline-compat", "node-crypto"];
const COMPAT = new Set(["baseline-compat", "node-crypto"]);
for (const v of workerdVariants) {
  const dir = join(out, v);
  mkdirSync(join(dir, "pkg"), { recursive: true });
  copyFileSync(join(BENCH, "cold", `worker-${v === "baseline-compat" ? "baseline" : v}.mjs`), join(dir, "worker.mjs"));
  const modules = ['(name = "worker.mjs", esModule = embed "worker.mjs")'];
  if (v === "ours") {
    for (const f of ["workerd.js", ...GLUE_FILES, "ncloud_media_intelligence_bg.wasm"]) copyFileSync(join(PKG, f), join(dir, "pkg", f));
    modules.push('(name = "pkg/workerd.js", esModule = embed "pkg/workerd.js")');
    for (const f of GLUE_FILES) modules.push(`(name = "pkg/${f}", esModule = embed "pkg/${f}")`);
    modules.push('(name = "pkg/ncloud_media_intelligence_bg.wasm", wasm = embed "pkg/ncloud_media_intelligence_bg.wasm")');
  }
  writeFileSync(join(dir, "config.capnp"), `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (services = [(name = "main", worker = .mainWorker)]);
const mainWorker :Workerd.Worker = (
  modules = [${modules.join(", ")}],
  compatibilityDate = "2025-09-01",${COMPAT.has(v) ? '\n  compatibilityFlags = ["nodejs_compat"],' : ""}
);
`);
}
const workerd = join(ROOT, "node_modules", ".bin", "workerd");
const edge = Object.fromEntries(workerdVariants.map((v) => [v, []]));
run(workerd, ["test", join(out, "ours", "config.capnp")]);
for (let i = 0; i < workerdSamples; i++) {
  for (const v of workerdVariants) edge[v].push(run(workerd, ["test", join(out, v, "config.capnp")]).wallMs);
}

const m = (xs) => median(xs);
const added = (xs, base) => median(xs.map((x, i) => x - base[i]));
const paired = (xs, base) => median(xs.map((x, i) => x / base[i]));
// A ratio of two added times; null when the alternative's own added time is under 1 ms, which these
// wall-time differences cannot resolve (the ratio would be noise, even negative).
const ratioOfAdded = (ours, alt) => (alt >= 1 ? ours / alt : null);
report({
  cold_start_samples: samples,
  cold_start_node_ms_median: m(node.ours.ready),
  cold_start_node_baseline_ms_median: m(node.baseline.ready),
  cold_start_node_added_ms_median: added(node.ours.ready, node.baseline.ready),
  cold_start_node_crypto_ms_median: m(node.crypto.ready),
  cold_start_node_crypto_added_ms_median: added(node.crypto.ready, node.baseline.ready),
  cold_start_node_require_to_signed_ms_median: m(imported.ours),
  cold_start_node_require_to_signed_crypto_ms_median: m(imported.crypto),
  cold_start_node_wall_ms_median: m(node.ours.wall),
  cold_start_node_baseline_wall_ms_median: m(node.baseline.wall),
  cold_start_node_wall_added_ms_median: added(node.ours.wall, node.baseline.wall),
  wasm_compile_ms_median: m(compile),
  wasm_instantiate_ms_median: m(instantiate),
  cold_start_workerd_samples: workerdSamples,
  cold_start_workerd_ms_median: m(edge.ours),
  cold_start_workerd_baseline_ms_median: m(edge.baseline),
  cold_start_workerd_added_ms_median: added(edge.ours, edge.baseline),
  cold_start_workerd_webcrypto_ms_median: m(edge.webcrypto),
  cold_start_workerd_webcrypto_added_ms_median: added(edge.webcrypto, edge.baseline),
  cold_start_workerd_compat_baseline_ms_median: m(edge["baseline-compat"]),
  cold_start_workerd_node_crypto_ms_median: m(edge["node-crypto"]),
  cold_start_workerd_node_crypto_added_ms_median: added(edge["node-crypto"], edge["baseline-compat"]),
  // Ratios, ours / node:crypto (issue 15's measure) and ours / WebCrypto.
  cold_start_node_require_to_signed_ratio: paired(imported.ours, imported.crypto),
  cold_start_node_ratio: paired(node.ours.ready, node.crypto.ready),
  cold_start_node_added_ratio: ratioOfAdded(added(node.ours.ready, node.baseline.ready), added(node.crypto.ready, node.baseline.ready)),
  cold_start_workerd_added_ratio_vs_node_crypto: ratioOfAdded(added(edge.ours, edge.baseline), added(edge["node-crypto"], edge["baseline-compat"])),
  cold_start_workerd_ratio_vs_node_crypto: paired(edge.ours, edge["node-crypto"]),
  cold_start_workerd_added_ratio_vs_webcrypto: ratioOfAdded(added(edge.ours, edge.baseline), added(edge.webcrypto, edge.baseline)),
});
