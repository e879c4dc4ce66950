// The demo page: a small console over the site's signing proxy (www/server.mjs mounts createProxyHandler at
// /mi). The package itself runs here as a keyless client: workspaces (list, create, read back), the
// projects of the selected workspace (list, create), the assets of the selected project (list, import from
// Object Storage), the analysis of the selected asset with a progress bar (requestIndex, then waitForIndex
// with onProgress), and its index drawn as an SVG timeline: one track of scenes, one of shots, one per
// person, and the persons and keywords of the selected or hovered scene. Typed errors are shown as such.
// No key is ever in this page: the proxy checks the session cookie, then signs on the server.
//   ?pollMs=N   the first wait between status polls (default 1000 ms; the emulator can run in milliseconds)
import { MediaIntelligence, isMediaIntelligenceError } from "/pkg/browser.js";

const $ = (id) => document.getElementById(id);
const SVG_NS = "http://www.w3.org/2000/svg";
const POLL_MS = Math.min(60_000, Math.max(10, Number(new URLSearchParams(location.search).get("pollMs")) || 1000));
const LABELS = {
  workspaceName: "Name", workspaceUrl: "URL", bucketName: "Bucket", monthlyAnalysisCount: "Analyses this month",
  name: "Name", projectId: "Project id", isBaseProject: "Base project",
  createdUserName: "Created by", createdTime: "Created", updatedUserName: "Updated by", updatedTime: "Updated",
};

function element(tag, { dataset = {}, ...attributes } = {}, ...children) {
  const node = Object.assign(document.createElement(tag), attributes);
  Object.assign(node.dataset, dataset);
  node.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined && value !== null) node.setAttribute(name, String(value));
  node.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

/** 83456 -> "1:23.5"; with hours "1:02:03.4". */
function clock(ms) {
  const tenths = Math.round(ms / 100);
  const h = Math.floor(tenths / 36_000), m = Math.floor((tenths % 36_000) / 600), s = Math.floor((tenths % 600) / 10);
  return `${h ? `${h}:${String(m).padStart(2, "0")}` : m}:${String(s).padStart(2, "0")}.${tenths % 10}`;
}
/** 90000 -> "1:30" (axis labels). */
function clockShort(ms) {
  const total = Math.round(ms / 1000), h = Math.floor(total / 3600), m = Math.floor((total % 3600) / 60), s = total % 60;
  return `${h ? `${h}:${String(m).padStart(2, "0")}` : m}:${String(s).padStart(2, "0")}`;
}
const plural = (n, what) => `${n} ${what}${n === 1 ? "" : "s"}`;

// ---- the request log (every attempt the client makes, through its `logger` option) ----

const MAX_LOG = 300;
function log(method, path, status) {
  const list = $("log");
  list.querySelector(".empty")?.remove();
  const ok = status >= 200 && status < 300;
  list.prepend(element("li", { dataset: { method, path, status: String(status) } },
    element("code", {}, `${method} ${path}`), element("span", { className: `status ${ok ? "ok" : "bad"}` }, String(status))));
  while (list.children.length > MAX_LOG) list.lastElementChild.remove();
}

const mi = new MediaIntelligence({
  proxyUrl: new URL("/mi", location.href).href,
  timeoutMs: 10_000,
  logger: (r) => log(r.method, r.path, r.status ?? 0),
});

// ---- the result box: a typed result, or a typed error ----

function showResult(title, data) {
  const rows = Object.entries(LABELS).filter(([key]) => key in data).map(([key, label]) =>
    element("div", { className: "row" }, element("dt", {}, label), element("dd", { dataset: { field: key } }, data[key] === null ? "—" : String(data[key]))));
  const box = $("result");
  box.className = "card result success";
  box.replaceChildren(element("h2", {}, title), element("dl", {}, ...rows));
  box.dataset.kind = "success";
  delete box.dataset.errorName;
  box.hidden = false;
}

// What each kind of typed error means, in a sentence (see the README's "Errors").
const MEANING = {
  ValidationError: "Checked by the package in this page, before any request left it.",
  ApiError: "The Media Intelligence API answered with an error.",
  NetworkError: "No answer: the API could not be reached.",
  TimeoutError: "No answer within the time limit.",
  AbortError: "The request was cancelled.",
  DecodeError: "The API answered something that is not the documented shape.",
};

function showError(error) {
  const job = error && typeof error.jobStatus === "object" && error.jobStatus !== null ? error.jobStatus : null;
  const jobState = job && (job.uploadStatus ?? job.status);
  const jobReason = job && (job.uploadResult ?? job.analyzeStatusMessage ?? job.summarizeStatusMessage);
  const badges = [error.code, error.field && `field: ${error.field}`, error.status && `HTTP ${error.status}`, typeof jobState === "string" && jobState]
    .filter(Boolean).map((text) => element("span", { className: "badge" }, text));
  const box = $("result");
  box.className = "card result failure";
  box.replaceChildren(element("h2", {}, error.name ?? "Error"), element("p", { className: "meaning" }, MEANING[error.name] ?? ""),
    element("p", { className: "badges" }, ...badges), element("p", { className: "message" }, error.message ?? String(error)),
    typeof jobReason === "string" && element("p", { className: "job-reason" }, `Job status: ${jobReason}`));
  box.dataset.kind = "error";
  box.dataset.errorName = error.name ?? "";
  box.hidden = false;
}

const isAbort = (e) => isMediaIntelligenceError(e) && e.name === "AbortError";

/** Runs `operation` with `buttons` disabled; resolves { data } or { error } (a typed error, shown). */
async function run(buttons, operation, { quietAbort = true } = {}) {
  const list = [buttons].flat().filter(Boolean);
  list.forEach((b) => { b.disabled = true; b.setAttribute("aria-busy", "true"); });
  try {
    return { data: await operation() };
  } catch (error) {
    if (!(quietAbort && isAbort(error))) {
      if (!isMediaIntelligenceError(error)) console.error(error);
      showError(error);
    }
    return { error };
  } finally {
    list.forEach((b) => { b.disabled = false; b.removeAttribute("aria-busy"); });
    refreshControls();
  }
}

// ---- state ----

const state = {
  workspaces: [], workspace: null,
  projects: [], project: null, projectScope: new AbortController(),
  assets: [], asset: null, assetScope: new AbortController(),
  analysing: false, index: null, scene: null, hover: null,
};
const imports = new Map(); // assetId -> the import being followed

function refreshControls() {
  const busy = (id) => $(id).getAttribute("aria-busy") === "true";
  $("projectName").disabled = !state.workspace;
  $("createProject").disabled = !state.workspace || busy("createProject");
  for (const id of ["importBucket", "importKey"]) $(id).disabled = !state.project;
  $("importAsset").disabled = !state.project || busy("importAsset");
  const asset = state.asset;
  const imported = asset?.uploadStatus === "COMPLETED";
  const running = state.analysing || ["WAIT_ANALYZE", "ANALYZING"].includes(asset?.indexStatus);
  $("analyze").disabled = !imported || running;
  $("analyze").textContent = asset?.indexStatus === "ANALYZE_COMPLETED" ? "Analyze again" : "Analyze";
  $("sceneRange").disabled = !imported || running || asset?.type === "IMAGE";
}

function picker(list, items, emptyText, render) {
  const ul = $(list);
  if (!items.length) return ul.replaceChildren(element("li", { className: "empty" }, emptyText));
  ul.replaceChildren(...items.map((item) => element("li", {}, render(item))));
}

function markSelected(list, attribute, value) {
  for (const button of $(list).querySelectorAll(`button[data-${attribute}]`)) {
    const on = button.dataset[attribute.replace(/-(\w)/g, (_, c) => c.toUpperCase())] === String(value);
    button.setAttribute("aria-pressed", String(on));
  }
}

// ---- workspaces ----

async function loadWorkspaces() {
  const { data, error } = await run($("refreshWorkspaces"), async () => {
    const all = [];
    for await (const ws of mi.workspaces({ pageSize: 100 })) {
      all.push(ws);
      if (all.length >= 1000) break;
    }
    return all;
  });
  if (error) return picker("workspaceList", [], "Could not list the workspaces.");
  state.workspaces = data;
  renderWorkspaces();
}

function renderWorkspaces() {
  picker("workspaceList", state.workspaces, "No workspaces yet: create one below.", (ws) =>
    element("button", { type: "button", className: "item", dataset: { workspace: ws.workspaceName }, onclick: () => selectWorkspace(ws.workspaceName) },
      element("span", { className: "item-name" }, ws.workspaceName),
      element("span", { className: "item-meta" }, ws.bucketName ? `bucket ${ws.bucketName}` : "no bucket")));
  markSelected("workspaceList", "workspace", state.workspace);
}

async function selectWorkspace(workspaceName) {
  state.workspace = workspaceName;
  markSelected("workspaceList", "workspace", workspaceName);
  $("projectsOf").textContent = workspaceName;
  selectProject(null);
  state.projects = [];
  picker("projectList", [], "Loading…");
  refreshControls();
  const { data, error } = await run([], () => mi.listProjects({ workspaceName }));
  if (state.workspace !== workspaceName) return;
  if (error) return picker("projectList", [], "Could not list the projects.");
  state.projects = data.projects ?? [];
  renderProjects();
}

$("form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const workspaceName = $("workspaceName").value.trim();
  const bucketName = $("bucketName").value.trim();
  const { data, error } = await run([$("create"), $("get")], () => mi.createWorkspace({ workspaceName, bucketName: bucketName || undefined }));
  if (error) return;
  showResult("Workspace created", data);
  await loadWorkspaces();
  selectWorkspace(data.workspaceName);
});

$("get").addEventListener("click", async () => {
  const name = $("workspaceName").value.trim() || state.workspace || "";
  const { data, error } = await run([$("create"), $("get")], () => mi.getWorkspace(name));
  if (!error) showResult("Workspace details", data);
});

$("refreshWorkspaces").addEventListener("click", loadWorkspaces);

// ---- projects ----

function renderProjects() {
  picker("projectList", state.projects, "No projects.", (p) =>
    element("button", { type: "button", className: "item", dataset: { projectId: p.projectId }, onclick: () => selectProject(p.projectId) },
      element("span", { className: "item-name" }, p.name ?? `project ${p.projectId}`, p.isBaseProject ? element("span", { className: "tag" }, "base") : null),
      element("span", { className: "item-meta" }, `#${p.projectId}`)));
  markSelected("projectList", "project-id", state.project?.projectId);
}

async function selectProject(projectId) {
  state.projectScope.abort();
  state.projectScope = new AbortController();
  const project = projectId === null ? null : state.projects.find((p) => p.projectId === projectId) ?? null;
  state.project = project;
  markSelected("projectList", "project-id", project?.projectId);
  $("assetsOf").textContent = project ? `${state.workspace} / ${project.name}` : "";
  selectAsset(null);
  state.assets = [];
  imports.clear();
  refreshControls();
  if (!project) return picker("assetList", [], state.workspace ? "Select a project." : "Select a workspace first.");
  await loadAssets();
}

$("projectForm").addEventListener("submit", async (event) => {
  event.preventDefault();
  const workspaceName = state.workspace;
  const name = $("projectName").value;
  const { data, error } = await run($("createProject"), () => mi.createProject({ workspaceName, name }));
  if (error || state.workspace !== workspaceName) return;
  showResult("Project created", data);
  $("projectName").value = "";
  const listed = await run([], () => mi.listProjects({ workspaceName }));
  if (state.workspace !== workspaceName) return;
  state.projects = listed.data?.projects ?? [...state.projects, data];
  renderProjects();
  selectProject(data.projectId);
});

// ---- assets ----

const params = (asset) => ({ workspaceName: state.workspace, projectId: state.project.projectId, assetId: asset.assetId });

async function loadAssets() {
  const project = state.project, signal = state.projectScope.signal;
  picker("assetList", [], "Loading…");
  const { data, error } = await run([], async () => {
    const all = [];
    for await (const asset of mi.assets({ workspaceName: state.workspace, projectId: project.projectId, pageSize: 100 }, { signal })) {
      all.push(asset);
      if (all.length >= 1000) break;
    }
    return all;
  });
  if (state.project !== project) return;
  if (error) return picker("assetList", [], "Could not list the assets.");
  state.assets = data;
  renderAssets();
  // Follow imports still running (e.g. started before a reload).
  for (const asset of data) if (asset.uploadStatus === "IN_PROGRESS") followImport(asset);
}

/** What an asset row says about it: its import while that runs or failed, then its analysis. */
function assetState(asset) {
  if (asset.uploadStatus && asset.uploadStatus !== "COMPLETED") return { text: asset.uploadStatus === "IN_PROGRESS" ? "importing…" : asset.uploadStatus, status: asset.uploadStatus };
  const s = asset.indexStatus;
  const text = { BEFORE_ANALYZE: "not analysed", WAIT_ANALYZE: "waiting", ANALYZING: "analysing…", ANALYZE_COMPLETED: "analysed", ANALYZE_FAIL: "analysis failed", ANALYZE_CANCEL: "analysis cancelled" }[s];
  return { text: text ?? (s || "imported"), status: s ?? "COMPLETED" };
}

function assetMeta(asset) {
  const m = asset.metaData && typeof asset.metaData === "object" ? asset.metaData : {};
  return [asset.type, typeof m.durationMs === "number" && clock(m.durationMs), m.resolution].filter(Boolean).join(" · ");
}

function renderAssets() {
  picker("assetList", state.assets, "No assets: import one below.", (a) => {
    const { text, status } = assetState(a);
    return element("button", { type: "button", className: "item", dataset: { assetId: a.assetId }, onclick: () => selectAsset(a.assetId) },
      element("span", { className: "item-name" }, a.fileName ?? a.key ?? `asset ${a.assetId}`),
      element("span", { className: "item-meta" }, assetMeta(a) || `#${a.assetId}`),
      element("span", { className: `state ${/FAIL|NOT_EXIST|INVALID|CANCEL/.test(status) ? "bad" : /COMPLETED$/.test(status) ? "good" : "busy"}`, dataset: { status } }, text));
  });
  markSelected("assetList", "asset-id", state.asset?.assetId);
}

function updateAsset(assetId, fields) {
  const asset = state.assets.find((a) => a.assetId === assetId);
  if (!asset) return;
  Object.assign(asset, fields);
  renderAssets();
  if (state.asset?.assetId === assetId) { renderAnalysisHead(); refreshControls(); }
}

async function followImport(asset) {
  if (imports.has(asset.assetId)) return imports.get(asset.assetId);
  const project = state.project, signal = state.projectScope.signal;
  const p = params(asset);
  const job = (async () => {
    const { error } = await run([], () => mi.waitForAssetImport(p, {
      intervalMs: POLL_MS, maxIntervalMs: POLL_MS * 2, signal,
      onProgress: (s) => state.project === project && updateAsset(asset.assetId, { uploadStatus: s.uploadStatus }),
    }));
    if (state.project !== project) return false;
    if (error) {
      const job = error.jobStatus && typeof error.jobStatus === "object" ? error.jobStatus : {};
      if (job.uploadStatus) updateAsset(asset.assetId, { uploadStatus: job.uploadStatus });
      return false;
    }
    // The asset again, now with its metadata (length, resolution).
    const { data } = await run([], () => mi.getAsset(p, { signal }));
    if (state.project !== project) return false;
    updateAsset(asset.assetId, data ?? { uploadStatus: "COMPLETED" });
    return true;
  })();
  imports.set(asset.assetId, job);
  job.finally(() => imports.get(asset.assetId) === job && imports.delete(asset.assetId));
  return job;
}

$("importForm").addEventListener("submit", async (event) => {
  event.preventDefault();
  const project = state.project;
  const bucketName = $("importBucket").value.trim(), key = $("importKey").value.trim();
  const { data, error } = await run($("importAsset"), () => mi.importAsset({ workspaceName: state.workspace, projectId: project.projectId, bucketName, key }));
  if (error || state.project !== project) return;
  const assetId = data.assetId;
  if (typeof assetId !== "number") return loadAssets();
  const asset = { fileName: key.split("/").pop(), key, bucketName, uploadStatus: "IN_PROGRESS", ...data, assetId };
  if (!state.assets.some((a) => a.assetId === assetId)) state.assets.push(asset);
  renderAssets();
  if (await followImport(asset)) selectAsset(assetId);
});

// ---- the analysis of the selected asset, with its progress bar ----

function renderAnalysisHead() {
  const a = state.asset;
  $("analysisOf").textContent = a ? `${a.fileName ?? a.key ?? "asset"} · asset ${a.assetId}${assetMeta(a) ? ` · ${assetMeta(a)}` : ""}` : "Select an asset.";
}

const PERCENT_OF_STATE = { BEFORE_ANALYZE: 0, WAIT_ANALYZE: 0, ANALYZING: 50, ANALYZE_COMPLETED: 100 };
let shownPercent = 0;

/** Draws the bar from a status: its `progress` (0..100, an emulator extra) when present, else the state's share. */
function setProgress(status, { reset = false } = {}) {
  const bar = $("progress"), state_ = status?.status ?? "";
  const exact = typeof status?.progress === "number" && Number.isFinite(status.progress);
  let percent = exact ? Math.round(Math.max(0, Math.min(100, status.progress))) : PERCENT_OF_STATE[state_];
  if (state_ === "ANALYZE_COMPLETED") percent = 100;
  if (!status) percent = 0;
  if (percent === undefined) percent = reset ? 0 : shownPercent; // a failure or an unknown state keeps the bar where it was
  if (!reset) percent = Math.max(percent, shownPercent); // within one wait the bar never goes back
  shownPercent = percent;
  bar.setAttribute("aria-valuenow", String(percent));
  bar.dataset.state = state_;
  bar.classList.toggle("indeterminate", !exact && state_ === "ANALYZING");
  bar.classList.toggle("failed", /FAIL|CANCEL/.test(state_));
  bar.classList.toggle("done", state_ === "ANALYZE_COMPLETED");
  bar.querySelector(".progress-fill").style.width = `${percent}%`;
  const words = { BEFORE_ANALYZE: "not analysed", WAIT_ANALYZE: "waiting", ANALYZING: "analysing", ANALYZE_COMPLETED: "completed", ANALYZE_FAIL: "failed", ANALYZE_CANCEL: "cancelled" };
  $("progressText").textContent = status ? `${percent}% · ${words[state_] ?? state_}` : "—";
}

async function selectAsset(assetId) {
  state.assetScope.abort();
  state.assetScope = new AbortController();
  state.analysing = false;
  state.asset = assetId === null ? null : state.assets.find((a) => a.assetId === assetId) ?? null;
  markSelected("assetList", "asset-id", state.asset?.assetId);
  renderAnalysisHead();
  clearIndex();
  const asset = state.asset;
  setProgress(asset?.uploadStatus === "COMPLETED" ? { status: asset.indexStatus ?? "BEFORE_ANALYZE" } : null, { reset: true });
  refreshControls();
  if (!asset || asset.uploadStatus !== "COMPLETED") return;
  if (asset.indexStatus === "ANALYZE_COMPLETED") return loadIndex(asset);
  // An analysis already running (started elsewhere or before a reload): follow it.
  if (asset.indexStatus === "WAIT_ANALYZE" || asset.indexStatus === "ANALYZING") return followAnalysis(asset);
  // Not in the list's row: ask (an old row, or an API that lists assets without their analysis state).
  if (asset.indexStatus === undefined) {
    const { data } = await run([], () => mi.getIndexStatus(params(asset), { signal: state.assetScope.signal }));
    if (state.asset !== asset || !data) return;
    updateAsset(asset.assetId, { indexStatus: data.status });
    setProgress(data, { reset: true });
    if (data.status === "ANALYZE_COMPLETED") return loadIndex(asset);
    if (data.status === "WAIT_ANALYZE" || data.status === "ANALYZING") return followAnalysis(asset);
  }
}

async function followAnalysis(asset) {
  const signal = state.assetScope.signal;
  state.analysing = true;
  refreshControls();
  const { data, error } = await run([], () => mi.waitForIndex(params(asset), {
    intervalMs: POLL_MS, maxIntervalMs: POLL_MS * 2, signal,
    onProgress: (s) => { if (state.asset === asset) { setProgress(s); updateAsset(asset.assetId, { indexStatus: s.status }); } },
  }));
  if (state.asset !== asset) return;
  state.analysing = false;
  if (error) {
    const job = error.jobStatus && typeof error.jobStatus === "object" ? error.jobStatus : null;
    if (job?.status) { setProgress(job); updateAsset(asset.assetId, { indexStatus: job.status }); }
    return refreshControls();
  }
  setProgress(data); // the final status, in case its change was not reported
  updateAsset(asset.assetId, { indexStatus: data.status });
  await loadIndex(asset);
}

$("analyze").addEventListener("click", async () => {
  const asset = state.asset;
  if (!asset) return;
  const options = { ...params(asset) };
  if (asset.type !== "IMAGE") options.sceneRange = $("sceneRange").value;
  clearIndex();
  state.analysing = true;
  setProgress({ status: "WAIT_ANALYZE", progress: 0 }, { reset: true });
  const { error } = await run($("analyze"), () => mi.requestIndex(options, { signal: state.assetScope.signal }));
  if (state.asset !== asset) return;
  if (error) {
    state.analysing = false;
    setProgress({ status: asset.indexStatus ?? "BEFORE_ANALYZE" }, { reset: true });
    return refreshControls();
  }
  updateAsset(asset.assetId, { indexStatus: "WAIT_ANALYZE" });
  await followAnalysis(asset);
});

// ---- the index, drawn as a timeline ----

async function loadIndex(asset) {
  $("timeline").replaceChildren(element("p", { className: "empty" }, "Loading the index…"));
  const { data, error } = await run([], () => mi.getIndex(params(asset), { signal: state.assetScope.signal }));
  if (state.asset !== asset) return;
  if (error) return $("timeline").replaceChildren(element("p", { className: "empty" }, "The index could not be read."));
  state.index = model(data, asset);
  state.scene = state.index.scenes[0] ?? null;
  state.hover = null;
  drawIndex();
}

function clearIndex() {
  state.index = null; state.scene = null; state.hover = null;
  const box = $("timeline");
  box.dataset.drawn = "false";
  for (const key of ["scenes", "shots", "personTracks"]) delete box.dataset[key];
  box.replaceChildren(element("p", { className: "empty" }, "The index of an analysed asset is drawn here."));
  $("sceneDetails").hidden = true;
  $("indexFigures").textContent = "";
}

const list = (value) => (Array.isArray(value) ? value : []);
const isSpan = (x) => x && typeof x === "object" && Number.isFinite(x.startMs) && Number.isFinite(x.endMs) && x.endMs > x.startMs;
const overlaps = (a, b) => a.startMs < b.endMs && b.startMs < a.endMs;
const keywordText = (k) => (typeof k === "string" ? k : k && typeof k === "object" && typeof k.keyword === "string" ? k.keyword : null);

/** Total length of spans, overlaps counted once. */
function onScreenMs(spans) {
  let total = 0, end = -Infinity;
  for (const { startMs, endMs } of [...spans].sort((a, b) => a.startMs - b.startMs)) {
    if (endMs <= end) continue;
    total += endMs - Math.max(startMs, end);
    end = endMs;
  }
  return total;
}

/**
 * What the timeline draws, from the index as the API sent it. The real API's index shape is not documented:
 * every member may be missing or of another shape, and is then left out (shots may also come as a top-level
 * `shots` list; a scene without `personIds` or `keywords` gets those whose appearances overlap it).
 */
function model(index, asset) {
  const data = index && typeof index === "object" ? index : {};
  const scenes = list(data.scenes).filter(isSpan).map((s, i) => ({
    ...s, sceneNo: Number.isFinite(s.sceneNo) ? s.sceneNo : i + 1, shots: list(s.shots).filter(isSpan),
  }));
  let shots = scenes.flatMap((s) => s.shots);
  if (!shots.length) shots = list(data.shots).filter(isSpan);
  shots = shots.map((s, i) => ({ ...s, shotNo: Number.isFinite(s.shotNo) ? s.shotNo : i + 1 }));
  const persons = list(data.persons).filter((p) => p && typeof p === "object").map((p, i) => {
    const appearances = list(p.appearances).filter(isSpan);
    const id = p.personId ?? p.id ?? `#${i + 1}`;
    return { id, name: typeof p.name === "string" && p.name ? p.name : `Person ${id}`, appearances, onScreenMs: onScreenMs(appearances) };
  }).filter((p) => p.appearances.length).sort((a, b) => b.onScreenMs - a.onScreenMs);
  const keywords = list(data.keywords).map((k) => ({ keyword: keywordText(k), appearances: list(k?.appearances).filter(isSpan) })).filter((k) => k.keyword);
  const ends = [...scenes, ...shots, ...persons.flatMap((p) => p.appearances)].map((s) => s.endMs);
  const meta = asset?.metaData && typeof asset.metaData === "object" ? asset.metaData : {};
  const durationMs = [data.durationMs, meta.durationMs].find((d) => Number.isFinite(d) && d > 0) ?? (ends.length ? Math.max(...ends) : 0);
  for (const scene of scenes) {
    scene.personIds = Array.isArray(scene.personIds)
      ? scene.personIds : persons.filter((p) => p.appearances.some((a) => overlaps(a, scene))).map((p) => p.id);
    scene.keywords = Array.isArray(scene.keywords)
      ? scene.keywords.map(keywordText).filter(Boolean) : keywords.filter((k) => k.appearances.some((a) => overlaps(a, scene))).map((k) => k.keyword);
  }
  return {
    type: data.type, durationMs, scenes, shots, persons, keywords,
    scripts: list(data.scripts).length, captions: list(data.captions).length,
  };
}

const PERSON_COLORS = ["#e8590c", "#7048e8", "#1c7ed6", "#d6336c", "#0ca678", "#f08c00", "#ae3ec9", "#1098ad", "#5c940d", "#c92a2a", "#364fc7", "#a61e4d"];
const MAX_PERSON_TRACKS = 12;
const personColor = (id) => {
  const i = state.index?.persons.findIndex((p) => p.id === id) ?? -1;
  return i >= 0 && i < MAX_PERSON_TRACKS ? PERSON_COLORS[i % PERSON_COLORS.length] : "#adb5bd";
};

function drawIndex() {
  const index = state.index, box = $("timeline");
  if (!index) return;
  const figures = index.type === "IMAGE" ? [plural(index.keywords.length, "keyword")] : [
    plural(index.scenes.length, "scene"), plural(index.shots.length, "shot"), plural(index.persons.length, "person"),
    plural(index.keywords.length, "keyword"), plural(index.scripts, "script line"), plural(index.captions, "caption"),
    index.durationMs ? clock(index.durationMs) : null,
  ].filter(Boolean);
  $("indexFigures").textContent = figures.join(" · ");
  Object.assign($("indexFigures").dataset, { scenes: index.scenes.length, shots: index.shots.length, persons: index.persons.length });

  const drawnPersons = index.persons.slice(0, MAX_PERSON_TRACKS);
  if (index.type === "IMAGE" || !index.durationMs || (!index.scenes.length && !index.shots.length && !drawnPersons.length)) {
    box.dataset.drawn = "false";
    box.replaceChildren(element("p", { className: "empty", dataset: { reason: "no-timeline" } }, index.type === "IMAGE"
      ? "An image has no timeline." : "This index has no time-coded scenes, shots or persons to draw."));
    return renderSceneDetails();
  }

  const width = Math.max(480, Math.round(box.clientWidth || 860));
  const LABEL = 128, RIGHT = 14, AXIS = 26, SCENE_H = 34, SHOT_H = 22, PERSON_H = 18, GAP = 8;
  const plot = width - LABEL - RIGHT;
  const x = (ms) => LABEL + (Math.max(0, Math.min(index.durationMs, ms)) / index.durationMs) * plot;
  const rows = [];
  let y = AXIS;
  const row = (kind, label, height, extra = {}) => { const r = { kind, label, y, height, ...extra }; rows.push(r); y += height + GAP; return r; };
  if (index.scenes.length) row("scenes", "Scenes", SCENE_H);
  if (index.shots.length) row("shots", "Shots", SHOT_H);
  if (drawnPersons.length) y += 6;
  for (const p of drawnPersons) row("person", p.name, PERSON_H, { person: p });
  const height = y + (index.persons.length > MAX_PERSON_TRACKS ? 18 : 4);

  const root = svg("svg", { width, height, viewBox: `0 0 ${width} ${height}`, role: "img", tabindex: 0, class: "timeline-svg",
    "aria-label": `Timeline of ${clock(index.durationMs)}: ${figures.join(", ")}` });

  // The time axis.
  const steps = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200].map((s) => s * 1000);
  const step = steps.find((s) => index.durationMs / s <= plot / 72) ?? steps.at(-1);
  const axis = svg("g", { class: "axis" });
  for (let t = 0; t <= index.durationMs + 1; t += step) {
    axis.append(svg("line", { x1: x(t), x2: x(t), y1: AXIS - 6, y2: y - GAP, class: "grid" }),
      svg("text", { x: x(t), y: AXIS - 10, "text-anchor": t === 0 ? "start" : x(t) > LABEL + plot - 24 ? "end" : "middle" }, clockShort(t)));
  }
  root.append(axis);

  // The bands of the selected and the hovered scene, behind every track (the lanes are see-through).
  const band = svg("rect", { class: "scene-band", x: 0, y: AXIS - 4, width: 0, height: y - AXIS - GAP + 8, rx: 4 });
  const hoverBand = svg("rect", { class: "hover-band", x: 0, y: AXIS - 4, width: 0, height: y - AXIS - GAP + 8, rx: 4 });
  root.append(band, hoverBand);

  for (const r of rows) {
    const g = svg("g", { class: `track ${r.kind}`, ...(r.person ? { "data-person-id": r.person.id } : {}) });
    g.append(svg("rect", { class: "lane", x: LABEL, y: r.y, width: plot, height: r.height, rx: 3 }));
    const label = r.label.length > 17 ? `${r.label.slice(0, 16)}…` : r.label;
    g.append(svg("text", { class: "label", x: LABEL - 10, y: r.y + r.height / 2, "text-anchor": "end", "dominant-baseline": "central" },
      r.person ? svg("title", {}, `${r.person.name}: on screen ${clock(r.person.onScreenMs)}, ${plural(r.person.appearances.length, "appearance")}`) : null, label));
    if (r.kind === "scenes") {
      index.scenes.forEach((s, i) => {
        const x0 = x(s.startMs), w = Math.max(1, x(s.endMs) - x0 - 1);
        g.append(svg("rect", { class: `scene ${i % 2 ? "odd" : "even"}`, "data-scene-no": s.sceneNo, x: x0, y: r.y, width: w, height: r.height, rx: 3 },
          svg("title", {}, `Scene ${s.sceneNo}: ${clock(s.startMs)}–${clock(s.endMs)}`)));
        if (w >= 16) g.append(svg("text", { class: "scene-no", x: x0 + w / 2, y: r.y + r.height / 2, "text-anchor": "middle", "dominant-baseline": "central" }, String(s.sceneNo)));
      });
    } else if (r.kind === "shots") {
      index.shots.forEach((s, i) => {
        const x0 = x(s.startMs), w = Math.max(0.6, x(s.endMs) - x0 - (x(s.endMs) - x0 > 3 ? 1 : 0));
        g.append(svg("rect", { class: `shot ${i % 2 ? "odd" : "even"}`, "data-shot-no": s.shotNo, x: x0, y: r.y + 2, width: w, height: r.height - 4, rx: 2 },
          svg("title", {}, `Shot ${s.shotNo}: ${clock(s.startMs)}–${clock(s.endMs)}`)));
      });
    } else {
      const color = personColor(r.person.id);
      for (const a of r.person.appearances) {
        g.append(svg("rect", { class: "appearance", x: x(a.startMs), y: r.y + 2, width: Math.max(1, x(a.endMs) - x(a.startMs)), height: r.height - 4, rx: 3, fill: color },
          svg("title", {}, `${r.person.name}: ${clock(a.startMs)}–${clock(a.endMs)}`)));
      }
    }
    root.append(g);
  }
  if (index.persons.length > MAX_PERSON_TRACKS) {
    root.append(svg("text", { class: "more", x: LABEL, y: height - 6 }, `+ ${plural(index.persons.length - MAX_PERSON_TRACKS, "more person")} (the ${MAX_PERSON_TRACKS} longest on screen are drawn)`));
  }
  const cursor = svg("line", { class: "cursor", x1: 0, x2: 0, y1: AXIS - 4, y2: y - GAP + 4, visibility: "hidden" });
  root.append(cursor);

  const place = (rect, scene) => {
    if (!scene) return rect.setAttribute("width", "0");
    rect.setAttribute("x", String(x(scene.startMs) - 1));
    rect.setAttribute("width", String(Math.max(2, x(scene.endMs) - x(scene.startMs) + 1)));
  };
  const sceneAt = (ms) => index.scenes.find((s) => ms >= s.startMs && ms < s.endMs) ?? (ms >= index.durationMs ? index.scenes.at(-1) : null);
  const paint = () => {
    place(band, state.scene);
    place(hoverBand, state.hover && state.hover !== state.scene ? state.hover : null);
    for (const rect of root.querySelectorAll("rect.scene")) {
      rect.classList.toggle("selected", Number(rect.dataset.sceneNo) === state.scene?.sceneNo);
      rect.classList.toggle("hovered", Number(rect.dataset.sceneNo) === state.hover?.sceneNo);
    }
    renderSceneDetails();
  };
  const timeAt = (event) => {
    const bounds = root.getBoundingClientRect();
    const px = (event.clientX - bounds.left) * (width / bounds.width);
    return px < LABEL || px > LABEL + plot ? null : ((px - LABEL) / plot) * index.durationMs;
  };
  root.addEventListener("pointermove", (event) => {
    const t = timeAt(event);
    cursor.setAttribute("visibility", t === null ? "hidden" : "visible");
    if (t !== null) { cursor.setAttribute("x1", String(x(t))); cursor.setAttribute("x2", String(x(t))); }
    const scene = t === null ? null : sceneAt(t);
    if (scene !== state.hover) { state.hover = scene; paint(); }
  });
  root.addEventListener("pointerleave", () => { cursor.setAttribute("visibility", "hidden"); state.hover = null; paint(); });
  root.addEventListener("click", (event) => {
    const t = timeAt(event), scene = t === null ? null : sceneAt(t);
    if (scene) { state.scene = scene; paint(); }
  });
  root.addEventListener("keydown", (event) => {
    if (!index.scenes.length || !["ArrowLeft", "ArrowRight", "Home", "End"].includes(event.key)) return;
    event.preventDefault();
    const i = Math.max(0, index.scenes.indexOf(state.scene));
    const next = { ArrowLeft: i - 1, ArrowRight: i + 1, Home: 0, End: index.scenes.length - 1 }[event.key];
    state.scene = index.scenes[Math.max(0, Math.min(index.scenes.length - 1, next))];
    state.hover = null;
    paint();
  });

  box.replaceChildren(root);
  Object.assign(box.dataset, { drawn: "true", scenes: index.scenes.length, shots: index.shots.length, personTracks: drawnPersons.length, width });
  paint();
}

/** The persons and keywords of the hovered scene, else the selected one (or the image's keywords). */
function renderSceneDetails() {
  const index = state.index, panel = $("sceneDetails");
  if (!index) { panel.hidden = true; return; }
  const chips = (items, make) => (items.length ? items.map(make) : [element("span", { className: "none" }, "none")]);
  if (!index.scenes.length) {
    const words = index.keywords.map((k) => k.keyword);
    panel.replaceChildren(element("h3", {}, index.type === "IMAGE" ? "Keywords of the image" : "No scenes in this index"),
      element("div", { className: "chips keywords" }, ...chips(words, (w) => element("span", { className: "chip" }, w))));
    panel.dataset.sceneNo = "";
    panel.hidden = false;
    return;
  }
  const scene = state.hover ?? state.scene;
  if (!scene) { panel.hidden = true; return; }
  const mode = state.hover && state.hover !== state.scene ? "hovered" : "selected";
  const shots = index.shots.filter((s) => s.startMs >= scene.startMs && s.endMs <= scene.endMs);
  const shotRange = shots.length ? ` (${shots[0].shotNo}–${shots.at(-1).shotNo})` : "";
  const byId = new Map(index.persons.map((p) => [p.id, p]));
  panel.replaceChildren(
    element("h3", {}, `Scene ${scene.sceneNo}`, element("span", { className: "mode" }, mode)),
    element("p", { className: "span" }, `${clock(scene.startMs)} – ${clock(scene.endMs)} · ${((scene.endMs - scene.startMs) / 1000).toFixed(1)} s · ${plural(shots.length, "shot")}${shotRange}`),
    element("div", { className: "facet" }, element("span", { className: "facet-name" }, "Persons"),
      element("div", { className: "chips persons" }, ...chips(scene.personIds, (id) =>
        element("span", { className: "chip person", dataset: { personId: id } },
          element("span", { className: "dot", style: `background:${personColor(id)}` }), byId.get(id)?.name ?? `Person ${id}`)))),
    element("div", { className: "facet" }, element("span", { className: "facet-name" }, "Keywords"),
      element("div", { className: "chips keywords" }, ...chips(scene.keywords, (w) => element("span", { className: "chip" }, w)))));
  panel.dataset.sceneNo = String(scene.sceneNo);
  panel.dataset.mode = mode;
  panel.hidden = false;
}

// Redraw at the new width when the page is resized (the selection is kept).
new ResizeObserver(() => {
  const box = $("timeline");
  if (state.index && box.dataset.drawn === "true" && Math.round(box.clientWidth) !== Number(box.dataset.width)) drawIndex();
}).observe($("timeline"));

refreshControls();
loadWorkspaces();
