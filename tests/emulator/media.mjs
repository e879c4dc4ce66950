// The media pipeline (operations #5 to #24 of mi-api.md): projects, media assets, the index and scene
// summaries. (Work in progress: projects first.)

import { Reply, conflict, invalidRequest, kstNow, notFound, parseId, serviceError, success } from "./common.mjs";

export const DEFAULT_TICK_MS = 250;
export const DEFAULT_PROJECT_LIMIT = 1000;

export function reset(state) {
  state.tickMs = state.options.tickMs;
  state.projectLimit = state.options.projectLimit;
}

/** Adds the media parts of a new workspace record: its base project. */
export function initWorkspace(state, ws) {
  const now = kstNow(state);
  const id = state.nextId();
  ws.projects.set(id, {
    projectId: id,
    name: "base",
    isBaseProject: true,
    createdUserName: ws.accessKey,
    createdTime: now,
    updatedUserName: ws.accessKey,
    updatedTime: now,
    assets: new Map(),
  });
}

/** Why `ws` cannot be deleted now (an analysis or summary runs in it), or null. */
export function workspaceBusy(state, ws) {
  return null;
}

/** [{project, asset, index}] of every asset of `ws` with a completed index. */
export function analysedAssets(ws) {
  return [];
}

const projectJson = (p) => ({
  projectId: p.projectId,
  name: p.name,
  isBaseProject: p.isBaseProject,
  createdUserName: p.createdUserName,
  createdTime: p.createdTime,
  updatedUserName: p.updatedUserName,
  updatedTime: p.updatedTime,
});

function checkProjectName(name) {
  if (name === undefined || name === null) return "name is required";
  if (typeof name !== "string") return "name must be a string";
  const length = [...name].length;
  if (length < 1 || length > 100 || /[;|`]/.test(name) || name.trim() === "") {
    return "name must be 1 to 100 characters, not blank, without ; | or `";
  }
  return null;
}

function projectOf(ctx) {
  const id = parseId(ctx.params.projectId);
  if (id === null) return { error: invalidRequest("project_id must be a positive integer") };
  const project = ctx.ws.projects.get(id);
  if (!project) return { error: notFound(`Project ${ctx.params.projectId} not found`) };
  return { project };
}

function listProjects({ ws }) {
  const projects = [...ws.projects.values()].map(projectJson);
  return new Reply(200, { code: "0", message: "success", result: { projects }, totalCount: projects.length });
}

function createProject(ctx) {
  const { state, ws, req } = ctx;
  const input = ctx.json();
  if (input.error) return input.error;
  const name = input.value.name;
  const nameError = checkProjectName(name);
  if (nameError) return invalidRequest(nameError);
  if ([...ws.projects.values()].some((p) => p.name === name)) return conflict(`Project '${name}' already exists`);
  if (ws.projects.size >= state.projectLimit) return serviceError(400, "410", `Project limit reached (${state.projectLimit})`);
  const now = kstNow(state);
  const user = req.headers["x-ncp-iam-access-key"];
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

const P = "^/api/v1/workspaces/(?<ws>[^/]+)/projects";
const PID = `${P}/(?<projectId>[^/]+)`;
const re = (source) => new RegExp(`${source}$`);

export const routes = [
  { method: "GET", pattern: re(P), key: "GET /api/v1/workspaces/*/projects", handler: listProjects },
  { method: "POST", pattern: re(P), key: "POST /api/v1/workspaces/*/projects", handler: createProject },
  { method: "GET", pattern: re(PID), key: "GET /api/v1/workspaces/*/projects/*", handler: getProject },
];
