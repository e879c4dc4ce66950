// Workspaces (operations #1 to #4 of mi-api.md): list, create, get, delete. Their errors use code "400"
// for a bad request (the emulator's convention since the first version), "409" and "410" as documented in
// server.mjs. The workspace record made here is the one every module shares (see server.mjs).

import { badRequest, conflict, kstNow, page, parseJsonBody, parsePaging, serviceError, success } from "./common.mjs";
import { initWorkspace, workspaceBusy } from "./media.mjs";

export const NAME_RULE = /^[a-z0-9-]{3,63}$/;
export const NAME_RULE_TEXT = "workspaceName must be 3 to 63 characters of a-z, 0-9 and -";

/** null when `name` is a valid workspace name, else the message. */
export function checkWorkspaceName(name) {
  if (name === undefined || name === null) return "workspaceName is required";
  if (typeof name !== "string") return "workspaceName must be a string";
  return NAME_RULE.test(name) ? null : NAME_RULE_TEXT;
}

const workspaceUrl = (ws) => `https://mi.ncloud.com/workspaces/${ws.workspaceName}`;

function create({ state, req, body, account }) {
  const input = parseJsonBody(req, body, { invalid: badRequest });
  if (input.error) return input.error;
  const value = input.value;
  const nameError = checkWorkspaceName(value.workspaceName);
  if (nameError) return badRequest(nameError);
  const bucket = value.bucketName ?? null;
  if (bucket !== null && (typeof bucket !== "string" || bucket === "")) {
    return badRequest("bucketName must be a non-empty string when present");
  }
  const accessKey = req.headers["x-ncp-iam-access-key"];
  const name = value.workspaceName;
  if (account.has(name)) return serviceError(409, "409", `Workspace '${name}' already exists`);
  if (account.size >= state.quota) return serviceError(400, "410", `Workspace limit reached (${state.quota})`);
  const now = kstNow(state);
  const ws = {
    workspaceName: name,
    bucketName: bucket,
    createdUserName: accessKey,
    createdTime: now,
    updatedUserName: accessKey,
    updatedTime: now,
    accessKey,
    monthlyAnalysisCount: 0,
    projects: new Map(), // projectId -> project record (media.mjs)
    persons: new Map(), // personId -> person record (people.mjs; analyses add anonymous persons)
    personTags: new Map(), // tagId -> tag record (people.mjs)
    faces: new Map(), // face key of the generated cast -> personId (media.mjs)
  };
  initWorkspace(state, ws);
  account.set(name, ws);
  return success({
    workspaceName: ws.workspaceName,
    createdUserName: ws.createdUserName,
    createdTime: ws.createdTime,
    updatedUserName: ws.updatedUserName,
    updatedTime: ws.updatedTime,
  });
}

function get({ ws }) {
  return success({
    workspaceName: ws.workspaceName,
    workspaceUrl: workspaceUrl(ws),
    bucketName: ws.bucketName,
    monthlyAnalysisCount: ws.monthlyAnalysisCount,
    createdUserName: ws.createdUserName,
    createdTime: ws.createdTime,
    updatedUserName: ws.updatedUserName,
    updatedTime: ws.updatedTime,
  });
}

function list({ query, account }) {
  const paging = parsePaging(query, { invalid: badRequest });
  if (paging.error) return paging.error;
  const items = [...account.values()].map((ws) => {
    const item = { workspaceName: ws.workspaceName, workspaceUrl: workspaceUrl(ws) };
    if (ws.bucketName !== null) item.bucketName = ws.bucketName;
    return {
      ...item,
      createdUserName: ws.createdUserName,
      createdTime: ws.createdTime,
      updatedUserName: ws.updatedUserName,
      updatedTime: ws.updatedTime,
    };
  });
  return success(page(items, paging.pageNum, paging.pageSize));
}

function remove({ state, ws, account }) {
  const busy = workspaceBusy(state, ws);
  if (busy) return conflict(`Workspace '${ws.workspaceName}' cannot be deleted: ${busy}`);
  account.delete(ws.workspaceName);
  return success({ workspaceName: ws.workspaceName });
}

const WS = "^/api/v1/workspaces/(?<ws>[^/]+)";

export const routes = [
  { method: "GET", pattern: /^\/api\/v1\/workspaces$/, key: "GET /api/v1/workspaces", handler: list },
  { method: "POST", pattern: /^\/api\/v1\/workspaces$/, key: "POST /api/v1/workspaces", handler: create },
  { method: "GET", pattern: new RegExp(`${WS}$`), key: "GET /api/v1/workspaces/*", handler: get },
  { method: "DELETE", pattern: new RegExp(`${WS}$`), key: "DELETE /api/v1/workspaces/*", handler: remove },
];
