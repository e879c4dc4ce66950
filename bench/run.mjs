// The benchmark: size, cold start, signing throughput, per-call client cost, a large result and memory,
// measured in one run on this machine. Writes bench/results.json and prints a table of medians and
// ratios (issue 15's targets in the labels).
//   node bench/run.mjs [--quick] [--only size,cold,sign,client,large,memory,crossings] [--out FILE]
// Needs a built pkg/ (bash scripts/build.sh) and npm's workerd (scripts/setup.sh installs both).
// Each section runs in a fresh Node process (bench/<section>.mjs, last stdout line `BENCH {json}`).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { BENCH, QUICK, ROOT, round } from "./lib.mjs";

const arg = (name) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const SECTIONS = ["size", "cold", "sign", "client", "large", "memory", "crossings"];
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

// pkg/ is rebuilt by others on this machine: wait until it is whole and untouched for 10 s before each
// section, and say so when the build changed during the run (sections then measured different builds).
function pkgState() {
  const pkg = join(ROOT, "pkg");
  for (let waited = 0; waited < 600; waited += 2) {
    try {
      const files = ["package.json", ...JSON.parse(readFileSync(join(pkg, "package.json"), "utf8")).files];
      const newest = Math.max(...files.map((f) => statSync(join(pkg, f)).mtimeMs));
      if (files.every((f) => existsSync(join(pkg, f))) && Date.now() - newest > 10_000) {
        return createHash("sha256").update(readFileSync(join(pkg, "ncloud_media_intelligence_bg.wasm"))).digest("hex").slice(0, 12);
      }
    } catch {
      // mid-build: a file is missing
    }
    spawnSync("sleep", ["2"]);
  }
  throw new Error("pkg/ is missing or changing for 10 minutes: build it first (bash scripts/build.sh)");
}
const builds = new Set();

const unknown = only.filter((s) => !SECTIONS.includes(s));
if (unknown.length) throw new Error(`unknown section ${unknown.join(", ")} (sections: ${SECTIONS.join(", ")})`);
for (const section of SECTIONS.filter((s) => only.includes(s))) {
  builds.add(pkgState());
  process.stderr.write(`[bench] ${section}...\n`);
  const flags = section === "memory" || section === "large" ? ["--expose-gc"] : [];
  const args = [...flags, join(BENCH, `${section}.mjs`), ...(QUICK ? ["--quick"] : [])];
  const r = spawnSync(process.execPath, args, { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 24 });
  const line = r.stdout.split("\n").reverse().find((l) => l.startsWith("BENCH "));
  if (r.status !== 0 || !line) {
    process.stderr.write(r.stdout);
    throw new Error(`bench section ${section} failed (exit ${r.status})`);
  }
  for (const [k, v] of Object.entries(JSON.parse(line.slice(6)))) results[k] = typeof v === "number" ? round(v) : v;
}
builds.add(pkgState());
results.pkg_wasm_sha256_prefix = [...builds].join(" ");
if (builds.size > 1) process.stderr.write(`[bench] WARNING: pkg/ was rebuilt during the run (wasm ${[...builds].join(", ")}): sections measured different builds\n`);
writeFileSync(outFile, JSON.stringify(results, null, 2) + "\n");

// The table: [label, key, unit] rows; a row whose key is missing (section skipped) is left out.
const ROWS = [
  ["Size", [
    ["wasm raw / gzip / brotli", ["wasm_raw_bytes", "wasm_gzip_bytes", "wasm_brotli_bytes"], "B"],
    ["JS glue raw / gzip / brotli", ["glue_raw_bytes", "glue_gzip_bytes", "glue_brotli_bytes"], "B"],
    ["wasm + glue gzip (target <= 75 KB) / brotli", ["wasm_plus_glue_gzip_bytes", "wasm_plus_glue_brotli_bytes"], "B"],
    ["whole entry gzip: node / browser / workerd", ["entry_node_gzip_bytes", "entry_browser_gzip_bytes", "entry_workerd_gzip_bytes"], "B"],
    ["operations (the README's list from api::OPERATIONS)", ["size_operations_count"], ""],
    ["per operation, average: wasm gzip / wasm + glue gzip, divided by the operations (upper bound)", ["size_wasm_gzip_per_operation_bytes", "size_wasm_plus_glue_gzip_per_operation_bytes"], "B"],
    ["per operation, cut (wasm-metadce on the shipped wasm; table data not attributed): wasm + glue gzip (target <= 250) / wasm gzip / glue gzip", ["size_cut_wasm_plus_glue_gzip_per_operation_bytes", "size_cut_wasm_gzip_per_operation_bytes", "size_cut_glue_gzip_per_operation_bytes"], "B"],
    ["cut: shipped wasm gzip with all operations' exports / none (binaryen round trip)", ["size_cut_wasm_gzip_bytes_all_ops", "size_cut_wasm_gzip_bytes_no_ops"], "B"],
    ["cut: shipped wasm gzip by operations kept (operations: bytes)", ["size_cut_wasm_gzip_bytes_by_ops_kept"], "B"],
    ["per operation, twiggy (raw, release wasm before wasm-bindgen/wasm-opt): export retains alone, median / min / max", ["size_twiggy_op_retained_bytes_median", "size_twiggy_op_retained_bytes_min", "size_twiggy_op_retained_bytes_max"], "B"],
    ["twiggy: all operations' exports / the shim alone (median) / waiters and iterators' exports", ["size_twiggy_op_retained_bytes_sum", "size_twiggy_op_shim_shallow_bytes_median", "size_twiggy_helpers_retained_bytes_sum"], "B"],
    ["twiggy", ["size_twiggy_note"], ""],
    ["cut", ["size_cut_note"], ""],
  ]],
  ["Cold start (fresh processes, medians)", [
    ["Node: process start -> first signed headers, ours", ["cold_start_node_ms_median"], "ms"],
    ["Node: empty module baseline / node:crypto signer", ["cold_start_node_baseline_ms_median", "cold_start_node_crypto_ms_median"], "ms"],
    ["Node: added over baseline, ours / node:crypto", ["cold_start_node_added_ms_median", "cold_start_node_crypto_added_ms_median"], "ms"],
    ["Node: added wall time of `node script`, ours", ["cold_start_node_wall_added_ms_median"], "ms"],
    ["Node: require -> first signed headers in a fresh process, ours / node:crypto", ["cold_start_node_require_to_signed_ms_median", "cold_start_node_require_to_signed_crypto_ms_median"], "ms"],
    ["Node: ratio ours / node:crypto, require -> first signed headers (target <= 1.5)", ["cold_start_node_require_to_signed_ratio"], "x"],
    ["Node: ratio ours / node:crypto, process start -> signed / added over baseline", ["cold_start_node_ratio", "cold_start_node_added_ratio"], "x"],
    ["wasm compile / instantiate (fresh process)", ["wasm_compile_ms_median", "wasm_instantiate_ms_median"], "ms"],
    ["workerd test: ours / empty Worker / WebCrypto", ["cold_start_workerd_ms_median", "cold_start_workerd_baseline_ms_median", "cold_start_workerd_webcrypto_ms_median"], "ms"],
    ["workerd test, nodejs_compat: empty Worker / node:crypto", ["cold_start_workerd_compat_baseline_ms_median", "cold_start_workerd_node_crypto_ms_median"], "ms"],
    ["workerd: added over empty Worker, ours / WebCrypto / node:crypto", ["cold_start_workerd_added_ms_median", "cold_start_workerd_webcrypto_added_ms_median", "cold_start_workerd_node_crypto_added_ms_median"], "ms"],
    ["workerd: ratio ours / node:crypto, added over empty Worker (target <= 1.5) / whole run", ["cold_start_workerd_added_ratio_vs_node_crypto", "cold_start_workerd_ratio_vs_node_crypto"], "x"],
    ["workerd: ratio ours / WebCrypto, added over empty Worker (n/a when WebCrypto's is under 1 ms: noise)", ["cold_start_workerd_added_ratio_vs_webcrypto"], "x"],
  ]],
  ["Signing (same 64 messages, ops/s, medians of rounds)", [
    ["ours: signRequest (keys per call) / NcpSigner (keyed once)", ["sign_ops_per_sec_ours", "sign_ops_per_sec_ours_keyed"], "ops/s"],
    ["node:crypto createHmac / WebCrypto awaited / WebCrypto 64 in flight / pure JS", ["sign_ops_per_sec_node_crypto", "sign_ops_per_sec_webcrypto", "sign_ops_per_sec_webcrypto_batch64", "sign_ops_per_sec_purejs"], "ops/s"],
    ["ratio signRequest / node:crypto", ["sign_ratio_vs_node_crypto"], "x"],
    ["ratio signRequest / WebCrypto awaited (target >= 10) / 64 in flight", ["sign_ratio_vs_webcrypto", "sign_ratio_vs_webcrypto_batch64"], "x"],
    ["ratio signRequest / pure JS", ["sign_ratio_vs_purejs"], "x"],
    ["ratio NcpSigner / node:crypto (target >= 1) / WebCrypto awaited (target >= 10)", ["sign_ratio_keyed_vs_node_crypto", "sign_ratio_keyed_vs_webcrypto"], "x"],
  ]],
  ["Per-call client cost (local server in another process; CPU per call, medians of rounds)", [
    ["getWorkspace CPU per call: ours / hand-written", ["per_call_cpu_us_ours_get", "per_call_cpu_us_hand_get"], "us"],
    ["createWorkspace CPU per call: ours / hand-written", ["per_call_cpu_us_ours_create", "per_call_cpu_us_hand_create"], "us"],
    ["CPU ratio ours / hand-written: getWorkspace / createWorkspace (target <= 1.15)", ["per_call_cpu_ratio_get", "per_call_cpu_ratio_create"], "x"],
    ["the same, lowest / highest round: get / create", ["per_call_cpu_ratio_get_min", "per_call_cpu_ratio_get_max", "per_call_cpu_ratio_create_min", "per_call_cpu_ratio_create_max"], "x"],
    ["getAsset (GET, path parameters) CPU per call: ours / hand-written", ["per_call_cpu_us_ours_get_asset", "per_call_cpu_us_hand_get_asset"], "us"],
    ["createProject (POST, body) CPU per call: ours / hand-written", ["per_call_cpu_us_ours_create_project", "per_call_cpu_us_hand_create_project"], "us"],
    ["listAssets (one page of 100) CPU per call: ours / hand-written", ["per_call_cpu_us_ours_list_assets", "per_call_cpu_us_hand_list_assets"], "us"],
    ["getIndexStatus (one poll) CPU per call: ours / hand-written", ["per_call_cpu_us_ours_index_status", "per_call_cpu_us_hand_index_status"], "us"],
    ["CPU ratio ours / hand-written (target <= 1.15): getAsset / createProject / listAssets / getIndexStatus", ["per_call_cpu_ratio_get_asset", "per_call_cpu_ratio_create_project", "per_call_cpu_ratio_list_assets", "per_call_cpu_ratio_index_status"], "x"],
    ["the same, lowest / highest round: getAsset", ["per_call_cpu_ratio_get_asset_min", "per_call_cpu_ratio_get_asset_max"], "x"],
    ["the same, lowest / highest round: createProject", ["per_call_cpu_ratio_create_project_min", "per_call_cpu_ratio_create_project_max"], "x"],
    ["the same, lowest / highest round: listAssets", ["per_call_cpu_ratio_list_assets_min", "per_call_cpu_ratio_list_assets_max"], "x"],
    ["the same, lowest / highest round: getIndexStatus", ["per_call_cpu_ratio_index_status_min", "per_call_cpu_ratio_index_status_max"], "x"],
    ["stub fetch getWorkspace time per call: ours / hand-written", ["stub_fetch_get_us_ours", "stub_fetch_get_us_hand"], "us"],
    ["stub fetch time ratio ours / hand-written", ["stub_fetch_get_ratio"], "x"],
    ["stub fetch time per call, ours: getAsset / createProject / listAssets / getIndexStatus", ["stub_fetch_get_asset_us_ours", "stub_fetch_create_project_us_ours", "stub_fetch_list_assets_us_ours", "stub_fetch_index_status_us_ours"], "us"],
    ["stub fetch time per call, hand-written: the same", ["stub_fetch_get_asset_us_hand", "stub_fetch_create_project_us_hand", "stub_fetch_list_assets_us_hand", "stub_fetch_index_status_us_hand"], "us"],
    ["stub fetch time ratio ours / hand-written: the same", ["stub_fetch_get_asset_ratio", "stub_fetch_create_project_ratio", "stub_fetch_list_assets_ratio", "stub_fetch_index_status_ratio"], "x"],
  ]],
  ["A large result: getIndex of a 2-hour video's index (the emulator's)", [
    ["body / scenes / shots / script lines / captions / keywords / persons", ["index_body_bytes", "index_scenes_count", "index_shots_count", "index_scripts_count", "index_captions_count", "index_keywords_count", "index_persons_count"], "B / count"],
    ["stub fetch, time per call: ours / Response.text() + JSON.parse / JSON.parse of the string", ["index_stub_ms_ours", "index_stub_ms_response_json_parse", "index_stub_ms_json_parse"], "ms"],
    ["ratio ours / Response.text() + JSON.parse (target <= 1.5) / JSON.parse of the string alone", ["index_stub_ratio_vs_response_json_parse", "index_stub_ratio_vs_json_parse"], "x"],
    ["local server, CPU per call: ours / hand-written (fetch + JSON.parse)", ["index_server_cpu_ms_ours", "index_server_cpu_ms_hand"], "ms"],
    ["local server, CPU ratio ours / hand-written", ["index_server_cpu_ratio"], "x"],
    ["wasm linear memory before / after the timed calls (target: no growth)", ["index_wasm_memory_bytes_before", "index_wasm_memory_bytes_after"], "B"],
    ["JS heap used (after gc) before / after the timed calls", ["index_heap_used_bytes_before", "index_heap_used_bytes_after"], "B"],
    ["JS heap of one held result: ours / Response + JSON.parse / JSON.parse", ["index_heap_held_result_bytes_ours", "index_heap_held_result_bytes_response_json_parse", "index_heap_held_result_bytes_json_parse"], "B"],
    ["peak RSS added by 5 calls (fresh process): ours / Response + JSON.parse / JSON.parse", ["index_peak_rss_added_bytes_ours", "index_peak_rss_added_bytes_response_json_parse", "index_peak_rss_added_bytes_json_parse"], "B"],
  ]],
  ["Memory (after warm-up, then N calls each of sign, get, create)", [
    ["calls each", ["memory_calls_each"], ""],
    ["wasm linear memory before / after", ["wasm_memory_bytes_before", "wasm_memory_bytes_after"], "B"],
    ["JS heap used (after gc) before / after", ["heap_used_bytes_before", "heap_used_bytes_after"], "B"],
  ]],
  ["Memory, every kind of operation mixed (status polls, getAsset, createProject, listAssets pages, deleteAsset, getIndex)", [
    ["calls", ["memory_mixed_calls_count"], ""],
    ["wasm linear memory before / after (target: flat)", ["memory_mixed_wasm_bytes_before", "memory_mixed_wasm_bytes_after"], "B"],
    ["JS heap used (after gc) before / after (target: flat)", ["memory_mixed_heap_used_bytes_before", "memory_mixed_heap_used_bytes_after"], "B"],
  ]],
  ["Memory, one waitForIndex polling N times (intervalMs 1, maxIntervalMs 1)", [
    ["polls / wait", ["memory_waiter_polls_count", "memory_waiter_wait_ms"], " / ms"],
    ["wasm linear memory before / at a tenth of the polls / at the last poll / after (target: flat)", ["memory_waiter_wasm_bytes_before", "memory_waiter_wasm_bytes_at_tenth", "memory_waiter_wasm_bytes_at_last_poll", "memory_waiter_wasm_bytes_after"], "B"],
    ["JS heap used (after gc) before / at a tenth / at the last poll / after (target: flat)", ["memory_waiter_heap_used_bytes_before", "memory_waiter_heap_used_bytes_at_tenth", "memory_waiter_heap_used_bytes_at_last_poll", "memory_waiter_heap_used_bytes_after"], "B"],
  ]],
  ["Boundary crossings per call (counts, the same every run; stub fetch): wasm -> JS imports / JS -> wasm exports", [
    ["getWorkspace", ["crossings_per_call_get_imports", "crossings_per_call_get_exports"], ""],
    ["createWorkspace", ["crossings_per_call_create_imports", "crossings_per_call_create_exports"], ""],
    ["getAsset", ["crossings_per_call_get_asset_imports", "crossings_per_call_get_asset_exports"], ""],
    ["createProject", ["crossings_per_call_create_project_imports", "crossings_per_call_create_project_exports"], ""],
    ["listAssets (100 items)", ["crossings_per_call_list_assets_imports", "crossings_per_call_list_assets_exports"], ""],
    ["getIndexStatus", ["crossings_per_call_index_status_imports", "crossings_per_call_index_status_exports"], ""],
    ["signRequest / NcpSigner#sign (imports)", ["crossings_per_call_sign_request_imports", "crossings_per_call_sign_keyed_imports"], ""],
  ]],
];

const fmt = (v) =>
  v === null ? "n/a" : Array.isArray(v) ? v.map(fmt).join(" / ") : typeof v !== "number" ? String(v) : Number.isInteger(v) || v >= 100 ? Math.round(v).toLocaleString("en-US") : v.toFixed(2);
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
if (results.size_per_operation_method) console.log(`\nBytes per operation, how: ${results.size_per_operation_method}`);
console.log(`\nwrote ${outFile}`);
