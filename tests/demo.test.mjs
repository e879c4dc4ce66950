// Runs examples/node-demo.mjs (the README's main command, `bash scripts/demo.sh`) against the emulator and
// checks what it printed, so the documented demo cannot rot:  node tests/demo.test.mjs EMULATOR_URL
// The figures the demo prints are checked against the emulator's own answers, read here with raw HTTP
// signed by tests/emulator/spawn.mjs's node:crypto signer (not the library): the index and the scene
// summary are read while the demo holds (MI_DEMO_HOLD=1) right after it printed them, so its cleanup cannot
// get there first. The cleanup is checked in the emulator's request log and its workspace list.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { sign } from "./emulator/spawn.mjs";

const endpoint = process.argv[2];
if (!endpoint) {
  console.error("usage: node tests/demo.test.mjs EMULATOR_URL");
  process.exit(2);
}
const demo = fileURLToPath(new URL("../examples/node-demo.mjs", import.meta.url));
const name = `demo-test-${Date.now().toString(36)}`;
const AK = "test-access-key", SK = "test-secret-key";
let passed = 0, failed = 0;
const check = (ok, what, detail) => {
  ok ? passed++ : failed++;
  console.log(`${ok ? "ok" : "not ok"} - ${what}${ok || detail === undefined ? "" : `\n    ${String(detail).replaceAll("\n", "\n    ")}`}`);
};

/** A raw signed API call; resolves { status, json }. */
async function api(method, path) {
  const timestamp = String(Date.now());
  const res = await fetch(endpoint + path, {
    method,
    headers: {
      "x-ncp-apigw-timestamp": timestamp,
      "x-ncp-iam-access-key": AK,
      "x-ncp-apigw-signature-v2": sign(method, path, timestamp, AK, SK),
    },
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
}
const admin = async (path) => (await fetch(endpoint + path)).json();

// Independent of the demo's code: the time covered by a list of {startMs, endMs}, overlaps once.
function covered(appearances) {
  const spans = appearances.map((a) => [a.startMs, a.endMs]).sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const [s, e] of spans) {
    const last = merged.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged.reduce((t, [s, e]) => t + (e - s), 0);
}
/** "1:23.4" -> 83400 */
const ms = (text) => {
  const [, m, s] = /^(\d+):(\d\d(?:\.\d)?)$/.exec(text) ?? [];
  return m === undefined ? NaN : Math.round((Number(m) * 60 + Number(s)) * 1000);
};
const near = (a, b) => Math.abs(a - b) <= 50; // the demo prints tenths of a second

// Polls at half the emulator's step, as demo.sh does, so the run stays short.
const { tickMs } = await admin("/__emulator/tick");
const child = spawn(process.execPath, [demo, name], {
  env: {
    ...process.env, MI_ENDPOINT: endpoint, MI_ACCESS_KEY: AK, MI_SECRET_KEY: SK,
    MI_DEMO_POLL_MS: String(Math.max(1, Math.floor(tickMs / 2))), MI_DEMO_HOLD: "1",
  },
  stdio: ["pipe", "pipe", "pipe"],
});
const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
let out = "", err = "", pending = "";
let projectId, assetId, rawIndex, rawSummary;
const reads = [];
/** The demo holds (MI_DEMO_HOLD=1) after printing the index and the scene summary: `read` runs, then
 *  a line on its stdin lets it go on, so what it printed is compared with the API's state then. */
const paused = (read) => {
  reads.push(read().catch((e) => { console.log(`# raw read failed: ${e.stack}`); }).finally(() => child.stdin.write("\n")));
};
child.stdout.setEncoding("utf8");
child.stdout.on("data", (chunk) => {
  out += chunk;
  pending += chunk;
  let nl;
  while ((nl = pending.indexOf("\n")) >= 0) {
    const line = pending.slice(0, nl);
    pending = pending.slice(nl + 1);
    projectId ??= /^createProject +-> project (\d+)/.exec(line)?.[1];
    assetId ??= /^importAsset +-> asset (\d+)/.exec(line)?.[1];
    const base = `/api/v1/workspaces/${name}/projects/${projectId}/assets/${assetId}`;
    if (/^top keywords, by time on screen:/.test(line)) paused(async () => { rawIndex = await api("GET", `${base}/index`); });
    if (/^getSceneSummary +-> /.test(line)) paused(async () => { rawSummary = await api("GET", `${base}/scene-summary`); });
    if (/^== 7\. cleanup/.test(line)) child.stdin.end(); // no more holds
  }
});
child.stderr.on("data", (d) => { err += d; });
const code = await new Promise((resolve) => child.on("close", resolve));
clearTimeout(timer);
await Promise.all(reads);
const lines = out.split("\n");

check(code === 0, "the demo exits 0", `exit ${code}\n${out}\n${err}`);
const steps = ["1. workspace", "2. project", "3. import mi-demo/trailer.mov", "4. analysis", "5. the index", "6. scene summary", "7. cleanup"];
const missing = steps.filter((s) => !lines.some((l) => l.startsWith(`== ${s}`)));
check(!missing.length, "the demo prints each step", `missing: ${missing.join(", ")}`);

// 1. The workspace part, as before.
check(out.includes(`createWorkspace -> {\n  workspaceName: '${name}'`), "the demo creates the workspace");
check(/getWorkspace +-> \{[^}]*monthlyAnalysisCount: 0/s.test(out), "the demo reads it back with a numeric count");
check(/typed error +-> ValidationError INVALID_INPUT \(field workspaceName\)/.test(out), "the demo shows the typed error");

// 2-3. Project and import.
check(projectId && new RegExp(`^listProjects +-> \\d+ "base" \\(base\\), ${projectId} "trailers"$`, "m").test(out),
  "the demo creates a project and lists it beside the base project", out);
check(assetId && /^import +-> COMPLETED$/m.test(out) && /^getAsset +-> trailer\.mov VIDEO 1920x1080, 2:30\.0, mov$/m.test(out),
  "the demo imports trailer.mov and waits for the import", out);

// 4 and 6. The progress bars: plain ASCII, one line per change (stdout is a pipe here), never going back,
// ending at 100% and the completed state.
function bar(label, completed) {
  const rows = lines.filter((l) => l.startsWith(label)).map((l) => /^\S+(?: \S+)? +\[([#-]{30})\] +(\d+)% (\S+)$/.exec(l));
  const percents = rows.map((r) => (r ? Number(r[2]) : NaN));
  const ok = rows.length >= 2 && rows.every(Boolean)
    && rows.every((r) => r[1].indexOf("-") === -1 ? r[2] === "100" : r[1].indexOf("-") === Math.round(Number(r[2]) * 0.3))
    && percents.every((p, i) => i === 0 || p >= percents[i - 1])
    && percents.at(-1) === 100 && rows.at(-1)[3] === completed
    && new Set(rows.map((r) => r[0])).size === rows.length;
  check(ok, `the ${label} progress bar moves up to 100% ${completed} (${rows.length} lines)`, lines.filter((l) => l.startsWith(label)).join("\n"));
}
bar("analysis", "ANALYZE_COMPLETED");
bar("scene summary", "SUMMARIZE_COMPLETED");

// 5. The index summary against the index as the emulator sends it.
const index = rawIndex?.status === 200 ? rawIndex.json.result : undefined;
check(index?.scenes?.length > 0, "the index was read raw while the demo was paused after printing it", JSON.stringify(rawIndex)?.slice(0, 300));
if (index) {
  const shots = index.scenes.reduce((n, s) => n + s.shots.length, 0);
  const expected = `getIndex        -> asset ${assetId}: ${index.scenes.length} scenes, ${shots} shots, ${index.persons.length} persons, ` +
    `${index.keywords.length} keywords, ${index.scripts.length} script lines, ${index.captions.length} captions`;
  check(lines.includes(expected), `the counts agree with the index (${index.scenes.length} scenes, ${shots} shots, ${index.persons.length} persons)`,
    `expected: ${expected}\n${lines.find((l) => l.startsWith("getIndex")) ?? "(no getIndex line)"}`);

  const at = lines.indexOf("persons, by time on screen:");
  const printed = lines.slice(at + 1).map((l) => /^  #(\d+) (.+?) {2,}(\d+:\d\d\.\d) +(\d+)% +(\d+) appearances?$/.exec(l));
  const persons = printed.slice(0, printed.findIndex((p) => !p)).map(([, id, who, time, share, n]) => ({ id: Number(id), who, time: ms(time), share: Number(share), n: Number(n) }));
  const want = index.persons.map((p) => ({ id: p.personId, who: p.name ?? "(anonymous)", time: covered(p.appearances), n: p.appearances.length }))
    .sort((a, b) => b.time - a.time || a.id - b.id);
  const personsOk = at >= 0 && persons.length === want.length && want.every((w, i) => persons[i].id === w.id && persons[i].who === w.who
    && near(persons[i].time, w.time) && Math.abs(persons[i].share - (100 * w.time) / index.durationMs) <= 0.5 + 1e-9 && persons[i].n === w.n);
  check(personsOk, `the persons and their time on screen agree with the index (${want.length} persons)`,
    `expected ${JSON.stringify(want)}\nprinted ${JSON.stringify(persons)}`);

  const kat = lines.indexOf("top keywords, by time on screen:");
  const kprinted = lines.slice(kat + 1, kat + 6).map((l) => /^  (.+?) {2,}(\d+:\d\d\.\d) +(\d+) appearances?$/.exec(l))
    .filter(Boolean).map(([, keyword, time, n]) => ({ keyword: keyword.trimEnd(), time: ms(time), n: Number(n) }));
  const kwant = index.keywords.map((k) => ({ keyword: k.keyword, time: covered(k.appearances), n: k.appearances.length }))
    .sort((a, b) => b.time - a.time || (a.keyword < b.keyword ? -1 : a.keyword > b.keyword ? 1 : 0)).slice(0, 5);
  const keywordsOk = kat >= 0 && kprinted.length === kwant.length
    && kwant.every((w, i) => kprinted[i].keyword === w.keyword && near(kprinted[i].time, w.time) && kprinted[i].n === w.n);
  check(keywordsOk, `the top keywords agree with the index (${kwant.map((k) => k.keyword).join(", ")})`,
    `expected ${JSON.stringify(kwant)}\nprinted ${JSON.stringify(kprinted)}`);
}

// 6. The scene summary against the emulator's.
const summary = rawSummary?.status === 200 ? rawSummary.json.result : undefined;
check(summary?.scenes?.length > 0, "the scene summary was read raw while the demo was paused after printing it", JSON.stringify(rawSummary)?.slice(0, 300));
if (summary) {
  const first = summary.scenes.slice(0, 3);
  const fmt = (t) => { const d = Math.round(t / 100); return `${Math.floor(d / 600)}:${String(Math.floor((d % 600) / 10)).padStart(2, "0")}.${d % 10}`; };
  const sceneLines = first.map((s) => `  scene ${s.sceneNo}  ${fmt(s.startMs)}-${fmt(s.endMs)}  ${s.summary}`);
  check(summary.locale === "en" && lines.includes(`getSceneSummary -> ${summary.summary}`) && sceneLines.every((l) => lines.includes(l)),
    `the demo prints the scene summary in English and its first ${first.length} scenes`, sceneLines.join("\n"));
  check(index && summary.scenes.length === index.scenes.length && summary.scenes[0].endMs === index.scenes[0].endMs,
    "the scene summary covers the scenes of the index");
}

// 7. Cleanup: the three deletions succeeded, in order, and nothing of the demo is left.
const log = (await admin("/__emulator/requests")).filter((r) => r.url.startsWith(`/api/v1/workspaces/${name}`) || (r.method === "POST" && r.url === "/api/v1/workspaces"));
const del = (url) => log.findIndex((r) => r.method === "DELETE" && r.url === url && r.status === 200);
const ws = `/api/v1/workspaces/${name}`;
const order = [del(`${ws}/projects/${projectId}/assets/${assetId}`), del(`${ws}/projects/${projectId}`), del(ws)];
check(order.every((i) => i >= 0) && order[0] < order[1] && order[1] < order[2],
  "the demo deletes the asset, then the project, then the workspace", log.filter((r) => r.method === "DELETE").map((r) => `${r.method} ${r.url} ${r.status}`).join("\n"));
const ours = log.filter((r) => r.url.startsWith(ws));
check(ours.length > 10 && ours.every((r) => r.status === 200), `every request of the demo succeeded (${ours.length} requests)`,
  ours.filter((r) => r.status !== 200).map((r) => `${r.method} ${r.url} ${r.status}`).join("\n"));
const left = (await admin("/__emulator/workspaces")).some((w) => w.workspaceName === name);
const gone = await api("GET", ws);
check(!left && gone.status === 404, "the workspace is gone afterwards", JSON.stringify(gone));
check(/^deleteWorkspace -> \{ workspaceName: '[^']+' \}$/m.test(out) && !err.includes("cleanup"), "the demo prints its cleanup and needed no emergency cleanup", err);

console.log(`demo: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
