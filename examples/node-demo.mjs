// The service's whole flow through the library: a workspace (read back, then a typed error), a project, a
// video registered from Object Storage, the analysis with a progress bar, a short summary of the index,
// the scene summary, and the cleanup. Run by `bash scripts/demo.sh` (against the local emulator), or by
// hand against any endpoint:
//   MI_ENDPOINT=http://127.0.0.1:PORT MI_ACCESS_KEY=... MI_SECRET_KEY=... node examples/node-demo.mjs [WORKSPACE]
// MI_DEMO_BUCKET / MI_DEMO_KEY name the video (default mi-demo / trailer.mov, which the emulator has);
// MI_DEMO_POLL_MS is the first wait between status polls (default 2000). Ctrl-C stops the waits and
// still cleans up. When stdout is not a terminal the progress bar prints one line per change.
import { MediaIntelligence, isMediaIntelligenceError } from "../pkg/index.js";

const mi = new MediaIntelligence({
  accessKey: process.env.MI_ACCESS_KEY,
  secretKey: process.env.MI_SECRET_KEY,
  endpoint: process.env.MI_ENDPOINT, // omit for https://mi.apigw.ntruss.com
});

const workspaceName = process.argv[2] ?? `demo-${Date.now().toString(36)}`;
const bucketName = process.env.MI_DEMO_BUCKET || "mi-demo";
const key = process.env.MI_DEMO_KEY || "trailer.mov";
const pollMs = Number(process.env.MI_DEMO_POLL_MS) || 2000;
// MI_DEMO_HOLD=1 (the demo's test): after printing the index and the scene summary, wait for a line on
// stdin before going on, so the test reads the API's own copy before the cleanup deletes it.
const hold = process.env.MI_DEMO_HOLD === "1"
  ? () => new Promise((resolve) => process.stdin.once("data", () => { process.stdin.pause(); resolve(); }).resume())
  : async () => {};
const interrupt = new AbortController();
process.once("SIGINT", () => interrupt.abort(new Error("interrupted (Ctrl-C)")));
const waitOptions = (onProgress) => ({ intervalMs: pollMs, maxIntervalMs: pollMs * 2, signal: interrupt.signal, onProgress });

const step = (title) => console.log(`\n== ${title}`);
const times = (n, what) => `${n} ${what}${n === 1 ? "" : "s"}`;
/** 83456 -> "1:23.5" (minutes, seconds and tenths). */
const clock = (ms) => {
  const tenths = Math.round(ms / 100);
  return `${Math.floor(tenths / 600)}:${String(Math.floor((tenths % 600) / 10)).padStart(2, "0")}.${tenths % 10}`;
};
/** Total length of a list of {startMs, endMs}, overlaps counted once. */
const onScreenMs = (appearances = []) => {
  let total = 0, end = -Infinity;
  for (const { startMs, endMs } of [...appearances].sort((a, b) => a.startMs - b.startMs)) {
    if (endMs <= end) continue;
    total += endMs - Math.max(startMs, end);
    end = endMs;
  }
  return total;
};

// A plain ASCII progress bar driven by a waiter's onProgress. On a terminal it redraws one line; otherwise
// (a pipe, a file, CI) it prints one line per change. `progress` (0..100) is the emulator's extra field;
// without it the bar shows where the state is (waiting 0%, running 50%, done 100%).
function progressBar(label) {
  const tty = Boolean(process.stdout.isTTY);
  let last = "";
  return {
    update(status) {
      const state = status.status ?? status.uploadStatus ?? "?";
      const percent = typeof status.progress === "number"
        ? Math.max(0, Math.min(100, Math.round(status.progress)))
        : /COMPLETED$/.test(state) ? 100 : /ING$/.test(state) ? 50 : 0;
      const filled = Math.round(percent * 0.3);
      const line = `${label.padEnd(15)} [${"#".repeat(filled)}${"-".repeat(30 - filled)}] ${String(percent).padStart(3)}% ${state}`;
      if (line === last) return;
      last = line;
      if (tty) process.stdout.write(`\r${line}\x1b[K`);
      else console.log(line);
    },
    done() {
      if (tty && last) process.stdout.write("\n");
    },
  };
}

async function waitWithBar(label, wait, params) {
  const bar = progressBar(label);
  try {
    const final = await wait.call(mi, params, waitOptions((s) => bar.update(s)));
    bar.update(final); // the final status, in case its change was not reported
    return final;
  } finally {
    bar.done();
  }
}

let projectId, assetId, workspaceMade = false;
try {
  step(`1. workspace ${workspaceName}`);
  const created = await mi.createWorkspace({ workspaceName, bucketName });
  workspaceMade = true;
  console.log("createWorkspace ->", created);

  const details = await mi.getWorkspace(workspaceName);
  console.log("getWorkspace    ->", details);

  try {
    await mi.getWorkspace("Not A Valid Name");
  } catch (e) {
    if (!isMediaIntelligenceError(e)) throw e;
    console.log(`typed error     -> ${e.name} ${e.code} (field ${e.field}): ${e.message}`);
  }

  step("2. project");
  ({ projectId } = await mi.createProject({ workspaceName, name: "trailers" }));
  const { projects } = await mi.listProjects({ workspaceName });
  console.log(`createProject   -> project ${projectId} "trailers"`);
  console.log(`listProjects    -> ${projects.map((p) => `${p.projectId} "${p.name}"${p.isBaseProject ? " (base)" : ""}`).join(", ")}`);

  step(`3. import ${bucketName}/${key}`);
  const imported = await mi.importAsset({ workspaceName, projectId, bucketName, key });
  assetId = imported.assetId;
  const asset = { workspaceName, projectId, assetId };
  console.log(`importAsset     -> asset ${assetId} (${imported.uploadStatus ?? "registered"})`);
  await mi.waitForAssetImport(asset, waitOptions((s) => console.log(`import          -> ${s.uploadStatus}`)));
  const { fileName, type, metaData = {} } = await mi.getAsset(asset);
  const length = metaData.durationMs === undefined ? "" : `, ${clock(metaData.durationMs)}`;
  console.log(`getAsset        -> ${fileName} ${type ?? ""} ${metaData.resolution ?? "?"}${length}, ${metaData.format ?? "?"}`);

  step("4. analysis");
  const requested = await mi.requestIndex({ ...asset, sceneRange: "SHORT", sourceLanguage: "EN" });
  console.log(`requestIndex    -> ${requested?.status ?? "requested"} (sceneRange SHORT, sourceLanguage EN)`);
  await waitWithBar("analysis", mi.waitForIndex, asset);

  step("5. the index");
  const index = await mi.getIndex(asset);
  const scenes = index.scenes ?? [], persons = index.persons ?? [], keywords = index.keywords ?? [];
  const shots = scenes.reduce((n, s) => n + (s.shots?.length ?? 0), 0);
  const durationMs = index.durationMs ?? metaData.durationMs ?? 0;
  console.log(`getIndex        -> asset ${assetId}: ${scenes.length} scenes, ${shots} shots, ${persons.length} persons, ` +
    `${keywords.length} keywords, ${index.scripts?.length ?? 0} script lines, ${index.captions?.length ?? 0} captions`);
  console.log("persons, by time on screen:");
  const byPerson = persons.map((p) => ({ p, ms: onScreenMs(p.appearances) })).sort((a, b) => b.ms - a.ms || a.p.personId - b.p.personId);
  for (const { p, ms } of byPerson) {
    const share = durationMs ? ` ${String(Math.round((100 * ms) / durationMs)).padStart(3)}%` : "";
    console.log(`  #${`${p.personId} ${p.name ?? "(anonymous)"}`.padEnd(24)}  ${clock(ms).padStart(7)}${share}  ${times(p.appearances?.length ?? 0, "appearance")}`);
  }
  console.log("top keywords, by time on screen:");
  const byKeyword = keywords.map((k) => ({ k, ms: onScreenMs(k.appearances) }))
    .sort((a, b) => b.ms - a.ms || (a.k.keyword < b.k.keyword ? -1 : a.k.keyword > b.k.keyword ? 1 : 0));
  for (const { k, ms } of byKeyword.slice(0, 5)) {
    console.log(`  ${k.keyword.padEnd(24)}  ${clock(ms).padStart(7)}  ${times(k.appearances?.length ?? 0, "appearance")}`);
  }

  await hold();

  step("6. scene summary");
  await mi.requestSceneSummary({ ...asset, locale: "en" });
  console.log("requestSceneSummary -> locale en");
  await waitWithBar("scene summary", mi.waitForSceneSummary, asset);
  const summary = await mi.getSceneSummary(asset);
  console.log(`getSceneSummary -> ${summary.summary ?? ""}`);
  const first = (summary.scenes ?? []).slice(0, 3);
  for (const s of first) console.log(`  scene ${s.sceneNo}  ${clock(s.startMs)}-${clock(s.endMs)}  ${s.summary}`);
  if ((summary.scenes?.length ?? 0) > first.length) console.log(`  ... ${times(summary.scenes.length - first.length, "more scene")}`);
  await hold();

  step("7. cleanup");
  await mi.deleteAsset(asset);
  console.log(`deleteAsset     -> asset ${assetId} deleted`);
  assetId = undefined;
  await mi.deleteProject({ workspaceName, projectId });
  console.log(`deleteProject   -> project ${projectId} deleted`);
  projectId = undefined;
  console.log("deleteWorkspace ->", await mi.deleteWorkspace(workspaceName));
  workspaceMade = false;
} catch (e) {
  process.exitCode = 1;
  const what = e.name === "AbortError" && interrupt.signal.aborted ? "the demo was interrupted" : "the demo failed";
  console.error(`\n${what}: ${e.name} ${e.code ?? ""}: ${e.message}`);
  if (e.jobStatus) console.error("last status:", e.jobStatus);
} finally {
  // After a failure or Ctrl-C: stop what runs, then delete the workspace (and everything in it).
  if (workspaceMade) {
    const asset = { workspaceName, projectId, assetId };
    if (assetId !== undefined) {
      await mi.cancelIndex(asset).catch(() => {});
      await mi.cancelSceneSummary(asset).catch(() => {});
    }
    await mi.deleteWorkspace(workspaceName).then(
      () => console.error(`cleanup         -> workspace ${workspaceName} deleted`),
      (e) => console.error(`cleanup         -> could not delete workspace ${workspaceName}: ${e.message}`),
    );
  }
}
