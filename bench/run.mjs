// The benchmark: size, cold start, signing throughput, per-call client cost and memory, measured in one
// run on this machine. Writes bench/results.json and prints a table of medians and ratios.
//   node bench/run.mjs [--quick] [--only size,cold,sign,client,memory] [--out FILE]
// Needs a built pkg/ (bash scripts/build.sh) and npm's workerd (scripts/setup.sh installs both).
// Each section runs in a fresh Node process (bench/<section>.mjs, last stdout line `BENCH {json}`).
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { BENCH, QUICK, ROOT, round } from "./lib.mjs";

const arg = (name) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const SECTIONS = ["size", "cold", "sign", "client", "memory"];
const only = arg("--only")?.split(",") ?? SECTIONS;
const outFile = arg("--out") ?? join(BENCH, "results.json");

const cpuModel = /model name\s*:\s*(.*)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? cpus()[0]?.model;
const git = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).stdout.trim();
const results = {
  date: new Date().toISOString(),
  quick: QUICK,
  machine: { nproc: cpus().length, cpu_model: cpuModel, node_version: process.version, platform: `${process.platform}-${process.arch}` },
  git_commit: git || null,
};

for (const section of SECTIONS.filter((s) => only.includes(s))) {
  process.stderr.write(`[bench] ${section}...\n`);
  const flags = section === "memory" ? ["--expose-gc"] : [];
  const args = [...flags, join(BENCH, `${section}.mjs`), ...(QUICK ? ["--quick"] : [])];
  const r = spawnSync(process.execPath, args, { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 24 });
  const line = r.stdout.split("\n").reverse().find((l) => l.startsWith("BENCH "));
  if (r.status !== 0 || !line) {
    process.stderr.write(r.stdout);
    throw new Error(`bench section ${section} failed (exit ${r.status})`);
  }
  for (const [k, v] of Object.entries(JSON.parse(line.slice(6)))) results[k] = typeof v === "number" ? round(v) : v;
}
writeFileSync(outFile, JSON.stringify(results, null, 2) + "\n");

// The table: [label, key, unit] rows; a row whose key is missing (section skipped) is left out.
const ROWS = [
  ["Size", [
    ["wasm raw / gzip / brotli", ["wasm_raw_bytes", "wasm_gzip_bytes", "wasm_brotli_bytes"], "B"],
    ["JS glue raw / gzip / brotli", ["glue_raw_bytes", "glue_gzip_bytes", "glue_brotli_bytes"], "B"],
    ["wasm + glue gzip (target <= 30 KB)", ["wasm_plus_glue_gzip_bytes"], "B"],
    ["whole entry gzip: node / browser / workerd", ["entry_node_gzip_bytes", "entry_browser_gzip_bytes", "entry_workerd_gzip_bytes"], "B"],
  ]],
  ["Cold start (fresh processes, medians)", [
    ["Node: process start -> first signed headers, ours", ["cold_start_node_ms_median"], "ms"],
    ["Node: empty module baseline / node:crypto signer", ["cold_start_node_baseline_ms_median", "cold_start_node_crypto_ms_median"], "ms"],
    ["Node: added over baseline, ours / node:crypto (target < 5)", ["cold_start_node_added_ms_median", "cold_start_node_crypto_added_ms_median"], "ms"],
    ["Node: added wall time of `node script`, ours", ["cold_start_node_wall_added_ms_median"], "ms"],
    ["Node: require -> first signed headers in a fresh process, ours / node:crypto (target < 5)", ["cold_start_node_require_to_signed_ms_median", "cold_start_node_require_to_signed_crypto_ms_median"], "ms"],
    ["wasm compile / instantiate (fresh process)", ["wasm_compile_ms_median", "wasm_instantiate_ms_median"], "ms"],
    ["workerd test: ours / empty Worker / WebCrypto", ["cold_start_workerd_ms_median", "cold_start_workerd_baseline_ms_median", "cold_start_workerd_webcrypto_ms_median"], "ms"],
    ["workerd: added over empty Worker, ours / WebCrypto", ["cold_start_workerd_added_ms_median", "cold_start_workerd_webcrypto_added_ms_median"], "ms"],
  ]],
  ["Signing (same 64 messages, ops/s, medians of rounds)", [
    ["ours: signRequest (keys per call) / NcpSigner (keyed once)", ["sign_ops_per_sec_ours", "sign_ops_per_sec_ours_keyed"], "ops/s"],
    ["node:crypto createHmac / WebCrypto awaited / WebCrypto 64 in flight / pure JS", ["sign_ops_per_sec_node_crypto", "sign_ops_per_sec_webcrypto", "sign_ops_per_sec_webcrypto_batch64", "sign_ops_per_sec_purejs"], "ops/s"],
    ["ratio ours / node:crypto (target >= 1)", ["sign_ratio_vs_node_crypto"], "x"],
    ["ratio ours / WebCrypto awaited (target >= 10) / 64 in flight", ["sign_ratio_vs_webcrypto", "sign_ratio_vs_webcrypto_batch64"], "x"],
    ["ratio ours / pure JS", ["sign_ratio_vs_purejs"], "x"],
    ["ratio NcpSigner / node:crypto (target >= 1) / WebCrypto awaited (target >= 10)", ["sign_ratio_keyed_vs_node_crypto", "sign_ratio_keyed_vs_webcrypto"], "x"],
  ]],
  ["Per-call client cost (local server in another process)", [
    ["getWorkspace CPU per call: ours / hand-written", ["per_call_cpu_us_ours_get", "per_call_cpu_us_hand_get"], "us"],
    ["createWorkspace CPU per call: ours / hand-written", ["per_call_cpu_us_ours_create", "per_call_cpu_us_hand_create"], "us"],
    ["CPU ratio ours / hand-written: get / create (target <= 1.15)", ["per_call_cpu_ratio_get", "per_call_cpu_ratio_create"], "x"],
    ["the same, lowest / highest round: get / create", ["per_call_cpu_ratio_get_min", "per_call_cpu_ratio_get_max", "per_call_cpu_ratio_create_min", "per_call_cpu_ratio_create_max"], "x"],
    ["stub fetch getWorkspace time per call: ours / hand-written", ["stub_fetch_get_us_ours", "stub_fetch_get_us_hand"], "us"],
    ["stub fetch time ratio ours / hand-written", ["stub_fetch_get_ratio"], "x"],
  ]],
  ["Memory (after warm-up, then N calls each of sign, get, create)", [
    ["calls each", ["memory_calls_each"], ""],
    ["wasm linear memory before / after", ["wasm_memory_bytes_before", "wasm_memory_bytes_after"], "B"],
    ["JS heap used (after gc) before / after", ["heap_used_bytes_before", "heap_used_bytes_after"], "B"],
  ]],
];

const fmt = (v) => (typeof v !== "number" ? String(v) : Number.isInteger(v) ? v.toLocaleString("en-US") : v >= 100 ? v.toFixed(0) : v.toFixed(2));
const lines = [`| metric | value | unit |`, `|---|---|---|`];
for (const [group, rows] of ROWS) {
  const present = rows.filter(([, keys]) => keys.every((k) => k in results));
  if (!present.length) continue;
  lines.push(`| **${group}** | | |`);
  for (const [label, keys, unit] of present) lines.push(`| ${label} | ${keys.map((k) => fmt(results[k])).join(" / ")} | ${unit} |`);
}
const m = results.machine;
console.log(`Machine: ${m.nproc} cores, ${m.cpu_model}, Node ${m.node_version}, ${results.date.slice(0, 10)}${QUICK ? " (--quick)" : ""}, commit ${results.git_commit}`);
console.log(lines.join("\n"));
console.log(`\nwrote ${outFile}`);
