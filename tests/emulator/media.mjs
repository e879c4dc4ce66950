// The media pipeline (operations #5 to #24 of mi-api.md): projects, media assets imported from the
// emulator's Object Storage, the analysis that builds an asset's index, and scene summaries. States move
// with time (ticks of state.tickMs) and are computed lazily from timestamps on read: settle() runs before
// every handler of a workspace route, so no timer keeps the process alive. Rules, codes and the response
// shapes chosen where the docs show none (GUESS) are documented in the header comment of server.mjs.

import {
  Reply, conflict, invalidRequest, kstOf, notFound, nowMs, page, parseId, parsePaging, serviceError, success,
} from "./common.mjs";
import { LOCALES, generateIndex, sceneSummaryText, wholeSummaryText } from "./indexgen.mjs";
import { formatOf, importOutcome } from "./storage.mjs";

export const DEFAULT_TICK_MS = 250;
export const DEFAULT_PROJECT_LIMIT = 1000;

/** Ticks each state lasts. */
export const TICKS = { IN_PROGRESS: 2, WAIT_ANALYZE: 2, ANALYZING: 8, ANALYZE_FAIL_AFTER: 2, WAIT_SUMMARIZE: 1, SUMMARIZING: 4 };
const ANALYSIS_TICKS = TICKS.WAIT_ANALYZE + TICKS.ANALYZING;
const SUMMARY_TICKS = TICKS.WAIT_SUMMARIZE + TICKS.SUMMARIZING;
const STAGES = ["import", "analysis", "summary"];
const LEVELS = { LOW: 0.3, MEDIUM: 0.5, HIGH: 0.75 };
const MAX_IMPORTS_IN_PROGRESS = 10;

/** The emulator state of each workspace record, for analysedAssets(ws), which gets no state. */
const stateOf = new WeakMap();

export function reset(state) {
  state.tickMs = state.options.tickMs;
  state.projectLimit = state.options.projectLimit;
  state.failures = []; // [{stage, reason, times}] from POST /__emulator/failures
}

// ------------------------------------------------------------------------------------------- records

/** Adds the media parts of a new workspace record: its base project. */
export function initWorkspace(state, ws) {
  stateOf.set(ws, state);
  const id = state.nextId();
  ws.projects.set(id, {
    projectId: id,
    name: "base",
    isBaseProject: true,
    createdUserName: ws.accessKey,
    createdTime: ws.createdTime,
    updatedUserName: ws.accessKey,
    updatedTime: ws.createdTime,
    assets: new Map(),
  });
}

const callerOf = (req) => req.headers["x-ncp-iam-access-key"];

function* assetsOf(ws) {
  for (const project of ws.projects.values()) for (const asset of project.assets.values()) yield [project, asset];
}

/** Takes one count of the first queued failure of `stage`; returns its reason or null. */
function takeFailure(state, stage) {
  const i = state.failures.findIndex((f) => f.stage === stage);
  if (i < 0) return null;
  const entry = state.failures[i];
  entry.times -= 1;
  if (entry.times === 0) state.failures.splice(i, 1);
  return entry.reason;
}

// ------------------------------------------------------------------------------------- state machines

const ticksSince = (state, job) => Math.floor((nowMs(state) - job.startedMs) / job.tickMs);
const runningAnalysis = (asset) => asset.analysis !== null && asset.analysis.status === null;
const runningSummary = (asset) => asset.summaryJob !== null && asset.summaryJob.status === null;

function importStatus(state, asset) {
  const job = asset.import;
  if (!job.done && ticksSince(state, job) < TICKS.IN_PROGRESS) return "IN_PROGRESS";
  job.done = true;
  return job.outcome.uploadStatus;
}

const imported = (state, asset) => importStatus(state, asset) === "COMPLETED";

function analysisStatus(state, asset) {
  const job = asset.analysis;
  if (job === null) return "BEFORE_ANALYZE";
  if (job.status !== null) return job.status;
  return ticksSince(state, job) < TICKS.WAIT_ANALYZE ? "WAIT_ANALYZE" : "ANALYZING";
}

function summaryStatus(state, asset) {
  const job = asset.summaryJob;
  if (job === null) return "BEFORE_SUMMARIZE";
  if (job.status !== null) return job.status;
  return ticksSince(state, job) < TICKS.WAIT_SUMMARIZE ? "WAIT_SUMMARIZE" : "SUMMARIZING";
}

/** Removes what an asset's index added to the person records of the workspace. */
function unregisterPersons(ws, asset) {
  const index = asset.index;
  if (!index) return;
  for (const [personId, scenes] of index.personScenes) {
    const person = ws.persons.get(personId);
    if (!person) continue;
    person.sceneCount = Math.max(0, (person.sceneCount ?? 0) - scenes);
    person.assetIds?.delete(asset.assetId);
  }
}

/** Maps the index's cast to persons of the workspace (creating anonymous ones) and counts their scenes. */
function registerPersons(state, ws, asset, raw, createdTime) {
  const personMap = raw.cast.map((face) => {
    let id = ws.faces.get(face);
    if (id === undefined || !ws.persons.has(id)) {
      id = state.nextId();
      ws.persons.set(id, {
        personId: id, name: null, description: null, tagIds: [], thumbnails: [], createdTime,
        assetIds: new Set(), sceneCount: 0,
      });
      ws.faces.set(face, id);
    }
    return id;
  });
  const personScenes = countScenes(raw, personMap);
  for (const [personId, scenes] of personScenes) {
    const person = ws.persons.get(personId);
    person.assetIds.add(asset.assetId);
    person.sceneCount = (person.sceneCount ?? 0) + scenes;
  }
  return { personMap, personScenes };
}

function countScenes(raw, personMap) {
  const counts = new Map();
  for (const scene of raw.scenes ?? []) {
    for (const id of new Set(scene.persons.map((local) => personMap[local]))) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/** Finishes an analysis whose time is up: the new index replaces the old one (and its scene summary). */
function settleAnalysis(state, ws, asset) {
  const job = asset.analysis;
  if (job === null || job.status !== null) return;
  const ticks = ticksSince(state, job);
  if (job.failReason !== null && ticks >= TICKS.WAIT_ANALYZE + TICKS.ANALYZE_FAIL_AFTER) {
    job.status = "ANALYZE_FAIL";
    job.message = job.failReason;
    return;
  }
  if (ticks < ANALYSIS_TICKS) return;
  const finishedMs = job.startedMs + ANALYSIS_TICKS * job.tickMs;
  const createdTime = kstOf(finishedMs);
  const raw = generateIndex({ key: asset.key, type: asset.type, ...asset.import.outcome.metaData }, job.options);
  unregisterPersons(ws, asset);
  asset.index = { raw, createdTime, createdUserName: job.user, options: job.options, ...registerPersons(state, ws, asset, raw, createdTime) };
  asset.summaryJob = null;
  asset.summary = null;
  asset.updatedTime = createdTime;
  job.status = "ANALYZE_COMPLETED";
}

function settleSummary(state, ws, asset) {
  const job = asset.summaryJob;
  if (job === null || job.status !== null) return;
  const ticks = ticksSince(state, job);
  if (ticks < SUMMARY_TICKS) return;
  if (job.failReason !== null) {
    job.status = "SUMMARIZE_FAIL";
    job.message = job.failReason;
    return;
  }
  const time = kstOf(job.startedMs + SUMMARY_TICKS * job.tickMs);
  if (job.sceneNumbers === null || asset.summary === null) {
    asset.summary = { locale: job.locale, createdTime: time, updatedTime: time, revision: 0, scenes: new Map() };
  }
  const summary = asset.summary;
  summary.revision += 1;
  summary.updatedTime = time;
  const view = indexView(ws, asset, "MEDIUM");
  const numbers = job.sceneNumbers ?? view.scenes.map((s) => s.sceneNo);
  for (const n of numbers) {
    const scene = view.scenes[n - 1];
    summary.scenes.set(n, { text: sceneSummaryText(view, scene, summary.locale, summary.revision), updatedTime: time });
  }
  summary.whole = wholeSummaryText(view, summary.locale);
  job.status = "SUMMARIZE_COMPLETED";
}

/** Brings every asset of `ws` up to date (called by the router before each handler of a {ws} route). */
export function settle(state, ws) {
  for (const [, asset] of assetsOf(ws)) {
    importStatus(state, asset);
    settleAnalysis(state, ws, asset);
    settleSummary(state, ws, asset);
  }
}

/** Why `ws` cannot be deleted now (an analysis or summary runs in it), or null. */
export function workspaceBusy(state, ws) {
  settle(state, ws);
  for (const [, asset] of assetsOf(ws)) {
    if (runningAnalysis(asset)) return `an analysis is in progress (asset ${asset.assetId})`;
    if (runningSummary(asset)) return `a scene summary is in progress (asset ${asset.assetId})`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------- views

const projectJson = (p) => ({
  projectId: p.projectId,
  name: p.name,
  isBaseProject: p.isBaseProject,
  createdUserName: p.createdUserName,
  createdTime: p.createdTime,
  updatedUserName: p.updatedUserName,
  updatedTime: p.updatedTime,
});

function assetJson(state, asset) {
  const uploadStatus = importStatus(state, asset);
  const metaData = uploadStatus === "COMPLETED" ? { ...asset.import.outcome.metaData } : asset.format ? { format: asset.format } : {};
  return {
    assetId: asset.assetId,
    fileName: asset.fileName,
    projectId: asset.projectId,
    type: asset.type,
    metaData,
    key: asset.key,
    bucketName: asset.bucketName,
    uploadStatus,
    indexStatus: analysisStatus(state, asset),
    sceneSummaryStatus: summaryStatus(state, asset),
    createUserName: asset.createUserName,
    createdTime: asset.createdTime,
    updatedUserName: asset.updatedUserName,
    updatedTime: asset.updatedTime,
  };
}

/** The index as GET .../index answers it at `level` (LOW | MEDIUM | HIGH). */
export function indexView(ws, asset, level) {
  const { raw, personMap } = asset.index;
  const threshold = LEVELS[level];
  const head = { assetId: asset.assetId, type: raw.type, createdTime: asset.index.createdTime, createdUserName: asset.index.createdUserName };
  if (raw.type === "IMAGE") {
    return { ...head, keywords: raw.keywords.filter((k) => k.confidence >= threshold).map((k) => ({ ...k, appearances: [] })) };
  }
  const personOf = (local) => personMap[local];
  const persons = new Map();
  for (const p of raw.persons) {
    const personId = personOf(p.local);
    if (!persons.has(personId)) persons.set(personId, []);
    persons.get(personId).push(...p.appearances);
  }
  const keywords = [];
  for (const k of raw.keywords) {
    const apps = k.appearances.filter((a) => a.confidence >= threshold);
    if (apps.length === 0) continue;
    keywords.push({
      keyword: k.keyword,
      confidence: Math.max(...apps.map((a) => a.confidence)),
      appearances: apps.map((a) => ({ startMs: a.startMs, endMs: a.endMs })),
    });
  }
  const view = {
    ...head,
    durationMs: raw.durationMs,
    scenes: raw.scenes.map((s) => ({
      sceneNo: s.sceneNo,
      startMs: s.startMs,
      endMs: s.endMs,
      shots: s.shots,
      personIds: [...new Set(s.persons.map(personOf))],
      keywords: s.keywords.filter((k) => k.confidence >= threshold).map((k) => k.keyword),
    })),
    persons: [...persons].map(([personId, appearances]) => ({
      personId,
      name: ws.persons.get(personId)?.name ?? null,
      appearances: appearances.sort((a, b) => a.startMs - b.startMs),
    })),
    keywords,
    objects: raw.objects,
    actions: raw.actions,
    scripts: raw.scripts.map(({ local, ...line }) => ({
      speaker: local < 0 ? "SPEAKER_00" : `SPEAKER_${String(local + 1).padStart(2, "0")}`,
      ...(local < 0 ? {} : { personId: personOf(local) }),
      ...line,
    })),
    captions: raw.captions,
  };
  if (raw.audioEffects) view.audioEffects = raw.audioEffects;
  return view;
}

/**
 * [{project, asset, index}] for every asset of `ws` with a completed index, in project then asset order:
 * project as GET .../projects/{id} answers it, asset as GET .../assets/{id}, index as GET .../index at MEDIUM.
 */
export function analysedAssets(ws) {
  const state = stateOf.get(ws);
  if (state) settle(state, ws);
  const out = [];
  for (const [project, asset] of assetsOf(ws)) {
    if (asset.index === null) continue;
    out.push({ project: projectJson(project), asset: assetJson(state, asset), index: indexView(ws, asset, "MEDIUM") });
  }
  return out;
}

/**
 * Replaces person `fromId` by `toId` in every index of `ws` and in its face table (for a merge in
 * people.mjs). The person records themselves (assetIds, sceneCount) are the caller's business.
 */
export function remapPerson(ws, fromId, toId) {
  for (const [face, id] of ws.faces) if (id === fromId) ws.faces.set(face, toId);
  for (const [, asset] of assetsOf(ws)) {
    if (!asset.index) continue;
    const index = asset.index;
    if (!index.personMap.includes(fromId)) continue;
    index.personMap = index.personMap.map((id) => (id === fromId ? toId : id));
    index.personScenes = countScenes(index.raw, index.personMap);
  }
}

// ---------------------------------------------------------------------------------------- projects

function checkProjectName(name) {
  if (name === undefined || name === null) return "name is required";
  if (typeof name !== "string") return "name must be a string";
  const length = [...name].length;
  if (length < 1 || length > 100 || /[;|`]/.test(name) || name.trim() === "") {
    return "name must be 1 to 100 characters, not blank, without ; | or `";
  }
  return null;
}

/** The project of the path: {project} or {error: Reply}. */
function projectOf(ctx) {
  const id = parseId(ctx.params.projectId);
  if (id === null) return { error: invalidRequest("project_id must be a positive integer") };
  const project = ctx.ws.projects.get(id);
  if (!project) return { error: notFound(`Project ${id} not found`) };
  return { project };
}

/** The project and asset of the path: {project, asset} or {error: Reply}. */
function assetOf(ctx) {
  const found = projectOf(ctx);
  if (found.error) return found;
  const id = parseId(ctx.params.assetId);
  if (id === null) return { error: invalidRequest("asset_id must be a positive integer") };
  const asset = found.project.assets.get(id);
  if (!asset) return { error: notFound(`Asset ${id} not found in project ${found.project.projectId}`) };
  return { project: found.project, asset };
}

function listProjects({ ws }) {
  const projects = [...ws.projects.values()].map(projectJson);
  return new Reply(200, { code: "0", message: "success", result: { projects }, totalCount: projects.length });
}

function createProject(ctx) {
  const { state, ws } = ctx;
  const input = ctx.json();
  if (input.error) return input.error;
  const name = input.value.name;
  const nameError = checkProjectName(name);
  if (nameError) return invalidRequest(nameError);
  if ([...ws.projects.values()].some((p) => p.name === name)) return conflict(`Project '${name}' already exists`);
  if (ws.projects.size >= state.projectLimit) return serviceError(400, "410", `Project limit reached (${state.projectLimit})`);
  const now = kstOf(nowMs(state));
  const user = callerOf(ctx.req);
  const id = state.nextId();
  const project = {
    projectId: id, name, isBaseProject: false, createdUserName: user, createdTime: now, updatedUserName: user, updatedTime: now,
    assets: new Map(),
  };
  ws.projects.set(id, project);
  return success(projectJson(project));
}

function getProject(ctx) {
  const found = projectOf(ctx);
  return found.error ?? success(projectJson(found.project));
}

const baseProjectError = (what) => serviceError(400, "10027", `The base project cannot be ${what}.`);

function updateProject(ctx) {
  const found = projectOf(ctx);
  if (found.error) return found.error;
  const project = found.project;
  if (project.isBaseProject) return baseProjectError("renamed");
  const input = ctx.json();
  if (input.error) return input.error;
  const name = input.value.name;
  const nameError = checkProjectName(name);
  if (nameError) return invalidRequest(nameError);
  if ([...ctx.ws.projects.values()].some((p) => p.name === name && p !== project)) {
    return conflict(`Project '${name}' already exists`);
  }
  project.name = name;
  project.updatedUserName = callerOf(ctx.req);
  project.updatedTime = kstOf(nowMs(ctx.state));
  return success(projectJson(project));
}

function deleteProject(ctx) {
  const found = projectOf(ctx);
  if (found.error) return found.error;
  const project = found.project;
  if (project.isBaseProject) return baseProjectError("deleted");
  for (const asset of project.assets.values()) {
    if (runningAnalysis(asset) || runningSummary(asset)) {
      return conflict(`Project ${project.projectId} cannot be deleted: an analysis or scene summary is in progress (asset ${asset.assetId})`);
    }
  }
  for (const asset of project.assets.values()) unregisterPersons(ctx.ws, asset);
  ctx.ws.projects.delete(project.projectId);
  return success();
}

// ------------------------------------------------------------------------------------------- assets

function importAsset(ctx) {
  const { state, ws } = ctx;
  const found = projectOf(ctx);
  if (found.error) return found.error;
  const input = ctx.json();
  if (input.error) return input.error;
  const { key, bucketName } = input.value;
  if (key === undefined || key === null) return invalidRequest("key is required");
  if (typeof key !== "string" || key === "") return invalidRequest("key must be a non-empty string");
  if (key.endsWith("/")) return serviceError(400, "10016", "Select the bucket to integrate (folder selection not available).");
  if (bucketName === undefined || bucketName === null) return invalidRequest("bucketName is required");
  if (typeof bucketName !== "string" || bucketName === "") return invalidRequest("bucketName must be a non-empty string");
  let inProgress = 0;
  for (const [, asset] of assetsOf(ws)) if (importStatus(state, asset) === "IN_PROGRESS") inProgress += 1;
  if (inProgress >= MAX_IMPORTS_IN_PROGRESS) return serviceError(400, "10023", "You can request up to 10 assets at a time.");
  let outcome = importOutcome(state, bucketName, key);
  const failure = outcome.uploadStatus === "COMPLETED" ? takeFailure(state, "import") : null;
  if (failure !== null) outcome = { uploadStatus: "FAILED", uploadResult: failure, type: outcome.type };
  const now = nowMs(state);
  const user = callerOf(ctx.req);
  const asset = {
    assetId: state.nextId(),
    projectId: found.project.projectId,
    key,
    bucketName,
    fileName: key.slice(key.lastIndexOf("/") + 1),
    type: outcome.type,
    format: formatOf(key),
    createUserName: user,
    createdTime: kstOf(now),
    updatedUserName: user,
    updatedTime: kstOf(now),
    import: { startedMs: now, tickMs: state.tickMs, outcome, done: false },
    analysis: null,
    index: null,
    summaryJob: null,
    summary: null,
  };
  found.project.assets.set(asset.assetId, asset);
  return success(assetJson(state, asset));
}

function listAssets(ctx) {
  const found = projectOf(ctx);
  if (found.error) return found.error;
  const paging = parsePaging(ctx.query);
  if (paging.error) return paging.error;
  const items = [...found.project.assets.values()].map((a) => assetJson(ctx.state, a));
  return success(page(items, paging.pageNum, paging.pageSize));
}

function getAsset(ctx) {
  const found = assetOf(ctx);
  return found.error ?? success(assetJson(ctx.state, found.asset));
}

function moveAsset(ctx) {
  const found = assetOf(ctx);
  if (found.error) return found.error;
  const text = ctx.query.get("new_project_id");
  if (text === null || text === "") return invalidRequest("new_project_id is required");
  const id = parseId(text);
  if (id === null) return invalidRequest("new_project_id must be a positive integer");
  const target = ctx.ws.projects.get(id);
  if (!target) return notFound(`Project ${id} not found`);
  const { project, asset } = found;
  if (target !== project) {
    project.assets.delete(asset.assetId);
    target.assets.set(asset.assetId, asset);
    asset.projectId = target.projectId;
  }
  asset.updatedUserName = callerOf(ctx.req);
  asset.updatedTime = kstOf(nowMs(ctx.state));
  return success(assetJson(ctx.state, asset));
}

function deleteAsset(ctx) {
  const found = assetOf(ctx);
  if (found.error) return found.error;
  const { project, asset } = found;
  if (runningAnalysis(asset)) return conflict(`Asset ${asset.assetId} cannot be deleted: an analysis is in progress`);
  if (runningSummary(asset)) return conflict(`Asset ${asset.assetId} cannot be deleted: a scene summary is in progress`);
  unregisterPersons(ctx.ws, asset);
  project.assets.delete(asset.assetId);
  return success();
}

function getImportStatus(ctx) {
  const found = assetOf(ctx);
  if (found.error) return found.error;
  const { asset } = found;
  const uploadStatus = importStatus(ctx.state, asset);
  const result = { assetId: asset.assetId, uploadStatus };
  if (uploadStatus !== "IN_PROGRESS" && uploadStatus !== "COMPLETED") result.uploadResult = asset.import.outcome.uploadResult;
  return success(result);
}

// -------------------------------------------------------------------------------------------- index

const SCENE_RANGE_NAMES = ["EXTRA_SHORT", "SHORT", "MEDIUM", "LONG"];
const SOURCE_LANGUAGES = ["ENKO", "EN", "KO", "JA", "ZH-CN", "ZH-TW"];

/** Checks an analysis request body: {options} (null fields dropped) or {error} (a message). */
function checkIndexRequest(value, type) {
  const v = Object.fromEntries(Object.entries(value).filter(([, x]) => x !== null));
  const options = {};
  if (v.sceneRange !== undefined) {
    if (!SCENE_RANGE_NAMES.includes(v.sceneRange)) return { error: `sceneRange must be one of ${SCENE_RANGE_NAMES.join(", ")}` };
    options.sceneRange = v.sceneRange;
  }
  const min = v.minSceneDurationSec;
  const max = v.maxSceneDurationSec;
  if (min !== undefined || max !== undefined) {
    if (options.sceneRange !== undefined) return { error: "sceneRange and minSceneDurationSec/maxSceneDurationSec are mutually exclusive" };
    if (min === undefined || max === undefined) return { error: "minSceneDurationSec and maxSceneDurationSec must be given together" };
    for (const [name, n] of [["minSceneDurationSec", min], ["maxSceneDurationSec", max]]) {
      if (!Number.isSafeInteger(n) || n < 1 || n > 3600) return { error: `${name} must be an integer from 1 to 3600` };
    }
    if (min > max) return { error: "minSceneDurationSec must not be greater than maxSceneDurationSec" };
    options.minSceneDurationSec = min;
    options.maxSceneDurationSec = max;
  }
  if (v.analysisPersonCount !== undefined) {
    const n = v.analysisPersonCount;
    if (!Number.isSafeInteger(n) || n < 0 || n > 10) return { error: "analysisPersonCount must be an integer from 0 to 10" };
    options.analysisPersonCount = n;
  }
  if (v.tagIdList !== undefined) {
    const list = v.tagIdList;
    const idLike = (x) => (Number.isSafeInteger(x) && x > 0) || (typeof x === "string" && parseId(x) !== null);
    if (!Array.isArray(list) || list.length < 1 || list.length > 30 || !list.every(idLike)) {
      return { error: "tagIdList must be an array of 1 to 30 tag ids (positive integers or their decimal text)" };
    }
    options.tagIdList = list.map(Number);
  }
  if (v.sourceLanguage !== undefined) {
    if (!SOURCE_LANGUAGES.includes(v.sourceLanguage)) return { error: `sourceLanguage must be one of ${SOURCE_LANGUAGES.join(", ")}` };
    options.sourceLanguage = v.sourceLanguage;
  }
  if (v.detectAudioEffects !== undefined) {
    if (typeof v.detectAudioEffects !== "boolean") return { error: "detectAudioEffects must be a boolean" };
    options.detectAudioEffects = v.detectAudioEffects;
  }
  if (type === "IMAGE") {
    const videoOnly = ["sceneRange", "minSceneDurationSec", "detectAudioEffects"].find((f) => options[f] !== undefined);
    if (videoOnly) return { error: `${videoOnly} applies to video assets only` };
  }
  return { options };
}

function requestIndex(ctx) {
  const { state, ws } = ctx;
  const found = assetOf(ctx);
  if (found.error) return found.error;
  const { asset } = found;
  const input = ctx.json({ optional: true });
  if (input.error) return input.error;
  const checked = checkIndexRequest(input.value, asset.type);
  if (checked.error) return invalidRequest(checked.error);
  if (!imported(state, asset)) return serviceError(400, "10014", "Select the asset you want to analyze.");
  if (runningAnalysis(asset)) return conflict(`An analysis of asset ${asset.assetId} is already in progress`);
  if (runningSummary(asset)) return conflict(`A scene summary of asset ${asset.assetId} is in progress`);
  const failReason = asset.import.outcome.entry?.failAnalysis ?? takeFailure(state, "analysis");
  asset.analysis = {
    status: null, startedMs: nowMs(state), tickMs: state.tickMs, options: checked.options, failReason: failReason ?? null,
    user: callerOf(ctx.req), message: null,
  };
  ws.monthlyAnalysisCount += 1;
  return success({ assetId: asset.assetId, status: analysisStatus(state, asset) });
}

function cancelIndex(ctx) {
  const found = assetOf(ctx);
  if (found.error) return found.error;
  const { asset } = found;
  const status = analysisStatus(ctx.state, asset);
  if (!runningAnalysis(asset)) return conflict(`The analysis of asset ${asset.assetId} cannot be canceled in state ${status}`);
  asset.analysis.status = "ANALYZE_CANCEL";
  asset.analysis.message = "Canceled by request";
  return success({ assetId: asset.assetId, status: "ANALYZE_CANCEL" });
}

function getIndexStatus(ctx) {
  const found = assetOf(ctx);
  if (found.error) return found.error;
  const { asset } = found;
  const status = analysisStatus(ctx.state, asset);
  const result = { assetId: asset.assetId, status };
  if (status === "ANALYZE_FAIL" || status === "ANALYZE_CANCEL") result.analyzeStatusMessage = asset.analysis.message;
  result.progress = progressOf(ctx.state, asset.analysis, status, TICKS.WAIT_ANALYZE, ANALYSIS_TICKS, "ANALYZE_COMPLETED");
  return success(result);
}

/** 0..100 through the running stage; 100 once completed; 0 before or after a failure. */
function progressOf(state, job, status, waitTicks, totalTicks, completed) {
  if (status === completed) return 100;
  if (job === null || job.status !== null) return 0;
  const ticks = ticksSince(state, job);
  return Math.max(0, Math.min(99, Math.floor((100 * (ticks - waitTicks)) / (totalTicks - waitTicks))));
}

function getIndex(ctx) {
  const found = assetOf(ctx);
  if (found.error) return found.error;
  const { asset } = found;
  const level = ctx.query.get("confidence_level") ?? "MEDIUM";
  if (!(level in LEVELS)) return invalidRequest("confidence_level must be one of LOW, MEDIUM, HIGH");
  if (asset.index === null) {
    return conflict(`The index of asset ${asset.assetId} is not ready (analysis status ${analysisStatus(ctx.state, asset)})`);
  }
  return success(indexView(ctx.ws, asset, level));
}

function deleteIndex(ctx) {
  const found = assetOf(ctx);
  if (found.error) return found.error;
  const { asset } = found;
  if (runningAnalysis(asset)) return conflict(`The index of asset ${asset.assetId} cannot be deleted: an analysis is in progress`);
  if (runningSummary(asset)) return conflict(`The index of asset ${asset.assetId} cannot be deleted: a scene summary is in progress`);
  if (asset.index === null) return notFound(`Asset ${asset.assetId} has no index`);
  unregisterPersons(ctx.ws, asset);
  asset.index = null;
  asset.analysis = null;
  asset.summaryJob = null;
  asset.summary = null;
  return success({ assetId: asset.assetId });
}

// ------------------------------------------------------------------------------------ scene summary

function requestSummary(ctx) {
  const { state } = ctx;
  const found = assetOf(ctx);
  if (found.error) return found.error;
  const { asset } = found;
  const input = ctx.json({ optional: true });
  if (input.error) return input.error;
  const locale = input.value.locale ?? undefined;
  const sceneNumbers = input.value.sceneNumbers ?? undefined;
  if (locale !== undefined && !LOCALES.includes(locale)) return invalidRequest(`locale must be one of ${LOCALES.join(", ")}`);
  if (sceneNumbers !== undefined) {
    const ok = Array.isArray(sceneNumbers) && sceneNumbers.length > 0 && sceneNumbers.every((n) => Number.isSafeInteger(n) && n >= 1)
      && new Set(sceneNumbers).size === sceneNumbers.length;
    if (!ok) return invalidRequest("sceneNumbers must be a non-empty array of distinct scene numbers (integers >= 1)");
  }
  if (asset.type === "IMAGE") return invalidRequest("Scene summaries are for video assets only");
  if (runningAnalysis(asset)) return conflict(`An analysis of asset ${asset.assetId} is in progress`);
  if (asset.index === null) return conflict(`The index of asset ${asset.assetId} is not complete`);
  if (runningSummary(asset)) return conflict(`A scene summary of asset ${asset.assetId} is already in progress`);
  let numbers = null;
  let effectiveLocale = locale ?? "ko";
  if (sceneNumbers !== undefined) {
    const count = asset.index.raw.scenes.length;
    const outside = sceneNumbers.find((n) => n > count);
    if (outside !== undefined) return invalidRequest(`sceneNumbers: scene ${outside} does not exist (the index has ${count} scenes)`);
    if (asset.summary === null) return invalidRequest("The first scene summary must cover all scenes (no sceneNumbers)");
    if (locale !== undefined && locale !== asset.summary.locale) {
      return invalidRequest(`locale can be set on a full run only; this summary is in ${asset.summary.locale}`);
    }
    effectiveLocale = asset.summary.locale;
    numbers = [...sceneNumbers].sort((a, b) => a - b);
  }
  const failReason = asset.import.outcome.entry?.failSummary ?? takeFailure(state, "summary");
  asset.summaryJob = {
    status: null, startedMs: nowMs(state), tickMs: state.tickMs, locale: effectiveLocale, sceneNumbers: numbers,
    failReason: failReason ?? null, message: null,
  };
  return success({
    assetId: asset.assetId,
    status: summaryStatus(state, asset),
    locale: effectiveLocale,
    sceneNumbers: numbers ?? asset.index.raw.scenes.map((s) => s.sceneNo),
  });
}

function getSummaryStatus(ctx) {
  const found = assetOf(ctx);
  if (found.error) return found.error;
  const { asset } = found;
  const status = summaryStatus(ctx.state, asset);
  const result = { assetId: asset.assetId, status };
  const job = asset.summaryJob;
  if (job) {
    result.locale = job.locale;
    if (job.message) result.summarizeStatusMessage = job.message;
  }
  result.progress = progressOf(ctx.state, job, status, TICKS.WAIT_SUMMARIZE, SUMMARY_TICKS, "SUMMARIZE_COMPLETED");
  return success(result);
}

function getSummary(ctx) {
  const found = assetOf(ctx);
  if (found.error) return found.error;
  const { asset } = found;
  const status = summaryStatus(ctx.state, asset);
  if (status === "BEFORE_SUMMARIZE") return notFound(`Asset ${asset.assetId} has no scene summary`);
  if (status !== "SUMMARIZE_COMPLETED") return conflict(`The scene summary of asset ${asset.assetId} is not ready (status ${status})`);
  const summary = asset.summary;
  const scenes = asset.index.raw.scenes;
  return success({
    assetId: asset.assetId,
    locale: summary.locale,
    summary: summary.whole,
    createdTime: summary.createdTime,
    updatedTime: summary.updatedTime,
    scenes: [...summary.scenes].sort(([a], [b]) => a - b).map(([n, s]) => ({
      sceneNo: n,
      startMs: scenes[n - 1].startMs,
      endMs: scenes[n - 1].endMs,
      summary: s.text,
      updatedTime: s.updatedTime,
    })),
  });
}

function cancelSummary(ctx) {
  const found = assetOf(ctx);
  if (found.error) return found.error;
  const { asset } = found;
  const status = summaryStatus(ctx.state, asset);
  if (!runningSummary(asset)) return conflict(`The scene summary of asset ${asset.assetId} cannot be canceled in state ${status}`);
  asset.summaryJob.status = "SUMMARIZE_CANCELED";
  asset.summaryJob.message = "Canceled by request";
  return success();
}

// ------------------------------------------------------------------------------------------- admin

function tickReply(state) {
  return new Reply(200, { tickMs: state.tickMs, ticks: TICKS });
}

async function postTick({ state, json }) {
  const input = await json();
  if (input.error) return input.error;
  const n = input.value?.tickMs;
  if (!Number.isSafeInteger(n) || n < 1) {
    return serviceError(400, "400", 'Request body must be {"tickMs":N} with N an integer >= 1');
  }
  state.tickMs = n;
  return tickReply(state);
}

async function postFailures({ state, json }) {
  const input = await json();
  if (input.error) return input.error;
  const value = input.value;
  const bad = (message) => serviceError(400, "400", message);
  if (value === null || typeof value !== "object" || !Array.isArray(value.failures)) {
    return bad('Request body must be {"failures":[{stage, reason?, times?}, ...]}');
  }
  const entries = [];
  for (const [i, f] of value.failures.entries()) {
    const at = `failures[${i}]`;
    if (f === null || typeof f !== "object" || Array.isArray(f)) return bad(`${at} must be an object`);
    const unknown = Object.keys(f).find((k) => !["stage", "reason", "times"].includes(k));
    if (unknown !== undefined) return bad(`${at}: unknown field ${unknown}; fields are stage, reason, times`);
    if (!STAGES.includes(f.stage)) return bad(`${at}: stage must be one of ${STAGES.join(", ")}`);
    const reason = f.reason ?? `Emulated ${f.stage} failure`;
    if (typeof reason !== "string" || reason === "") return bad(`${at}: reason must be a non-empty string`);
    const times = f.times ?? 1;
    if (!Number.isSafeInteger(times) || times < 1) return bad(`${at}: times must be an integer >= 1`);
    entries.push({ stage: f.stage, reason, times });
  }
  state.failures.push(...entries);
  return new Reply(200, { failures: state.failures });
}

export const adminRoutes = [
  { method: "GET", path: "/__emulator/tick", handler: ({ state }) => tickReply(state) },
  { method: "POST", path: "/__emulator/tick", handler: postTick },
  { method: "GET", path: "/__emulator/failures", handler: ({ state }) => new Reply(200, { failures: state.failures }) },
  { method: "POST", path: "/__emulator/failures", handler: postFailures },
  {
    method: "DELETE",
    path: "/__emulator/failures",
    handler: ({ state }) => {
      state.failures.length = 0;
      return new Reply(204, null);
    },
  },
];

// ------------------------------------------------------------------------------------------ routes

const W = "/api/v1/workspaces/*";
const P = "^/api/v1/workspaces/(?<ws>[^/]+)/projects";
const PID = `${P}/(?<projectId>[^/]+)`;
const A = `${PID}/assets`;
const AID = `${A}/(?<assetId>[^/]+)`;
const re = (source) => new RegExp(`${source}$`);

export const routes = [
  { method: "GET", pattern: re(P), key: `GET ${W}/projects`, handler: listProjects },
  { method: "POST", pattern: re(P), key: `POST ${W}/projects`, handler: createProject },
  { method: "GET", pattern: re(PID), key: `GET ${W}/projects/*`, handler: getProject },
  { method: "PATCH", pattern: re(PID), key: `PATCH ${W}/projects/*`, handler: updateProject },
  { method: "DELETE", pattern: re(PID), key: `DELETE ${W}/projects/*`, handler: deleteProject },
  { method: "POST", pattern: re(`${A}/import/object-storage`), key: `POST ${W}/projects/*/assets/import/object-storage`, handler: importAsset },
  { method: "GET", pattern: re(A), key: `GET ${W}/projects/*/assets`, handler: listAssets },
  { method: "GET", pattern: re(AID), key: `GET ${W}/projects/*/assets/*`, handler: getAsset },
  { method: "PATCH", pattern: re(AID), key: `PATCH ${W}/projects/*/assets/*`, handler: moveAsset },
  { method: "DELETE", pattern: re(AID), key: `DELETE ${W}/projects/*/assets/*`, handler: deleteAsset },
  { method: "GET", pattern: re(`${AID}/import-status`), key: `GET ${W}/projects/*/assets/*/import-status`, handler: getImportStatus },
  { method: "POST", pattern: re(`${AID}/index`), key: `POST ${W}/projects/*/assets/*/index`, handler: requestIndex },
  { method: "POST", pattern: re(`${AID}/index/cancel`), key: `POST ${W}/projects/*/assets/*/index/cancel`, handler: cancelIndex },
  { method: "GET", pattern: re(`${AID}/index/status`), key: `GET ${W}/projects/*/assets/*/index/status`, handler: getIndexStatus },
  { method: "GET", pattern: re(`${AID}/index`), key: `GET ${W}/projects/*/assets/*/index`, handler: getIndex },
  { method: "DELETE", pattern: re(`${AID}/index`), key: `DELETE ${W}/projects/*/assets/*/index`, handler: deleteIndex },
  { method: "POST", pattern: re(`${AID}/scene-summary`), key: `POST ${W}/projects/*/assets/*/scene-summary`, handler: requestSummary },
  { method: "GET", pattern: re(`${AID}/scene-summary/status`), key: `GET ${W}/projects/*/assets/*/scene-summary/status`, handler: getSummaryStatus },
  { method: "GET", pattern: re(`${AID}/scene-summary`), key: `GET ${W}/projects/*/assets/*/scene-summary`, handler: getSummary },
  { method: "POST", pattern: re(`${AID}/scene-summary/cancel`), key: `POST ${W}/projects/*/assets/*/scene-summary/cancel`, handler: cancelSummary },
];
