// A hand-written minimal client, what a user would write instead of this package: `fetch` +
// node:crypto, the same headers, the same checks (name rule, status and envelope code) and the same
// result objects (the envelope's `result` as the API sent it). The yardstick of per-call cost. (It does
// not type-check the documented fields, which ours does.)
import { createHmac } from "node:crypto";

const NAME = /^[a-z0-9-]{3,63}$/;
const ID = /^[1-9][0-9]{0,15}$/;
const LEVELS = ["LOW", "MEDIUM", "HIGH"];

function workspace(name) {
  if (typeof name !== "string" || !NAME.test(name)) throw new Error("workspaceName must be 3 to 63 characters of a-z, 0-9 and -");
  return name;
}

/** A positive integer id or its decimal text, as the path segment. */
function id(field, value) {
  const text = typeof value === "number" ? String(value) : value;
  if (typeof text !== "string" || !ID.test(text) || !Number.isSafeInteger(Number(text))) throw new Error(`${field} must be a positive integer`);
  return text;
}

function whole(field, value, min, max) {
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${field} must be an integer from ${min} to ${max}`);
  return value;
}

/** `/api/v1/workspaces/{ws}/projects/{pid}/assets/{aid}` of the options. */
function assetPath({ workspaceName, projectId, assetId }) {
  return `/api/v1/workspaces/${workspace(workspaceName)}/projects/${id("projectId", projectId)}/assets/${id("assetId", assetId)}`;
}

export class HandClient {
  constructor({ accessKey, secretKey, endpoint, fetch: f = globalThis.fetch }) {
    Object.assign(this, { accessKey, secretKey, endpoint, fetch: f });
  }

  async call(method, uri, body) {
    const timestamp = String(Date.now());
    const signature = createHmac("sha256", this.secretKey)
      .update(`${method} ${uri}\n${timestamp}\n${this.accessKey}`)
      .digest("base64");
    const res = await this.fetch(this.endpoint + uri, {
      method,
      headers: {
        "x-ncp-apigw-timestamp": timestamp,
        "x-ncp-iam-access-key": this.accessKey,
        "x-ncp-apigw-signature-v2": signature,
        "content-type": "application/json",
      },
      body,
      signal: AbortSignal.timeout(30_000),
    });
    const json = JSON.parse(await res.text());
    if (!res.ok || json.code !== "0") throw new Error(`${method} ${uri}: HTTP ${res.status}`);
    return json.result;
  }

  getWorkspace(name) {
    if (!NAME.test(name)) throw new Error("workspaceName must be 3 to 63 characters of a-z, 0-9 and -");
    return this.call("GET", `/api/v1/workspaces/${name}`);
  }

  createWorkspace({ workspaceName, bucketName }) {
    if (!NAME.test(workspaceName)) throw new Error("workspaceName must be 3 to 63 characters of a-z, 0-9 and -");
    return this.call("POST", "/api/v1/workspaces", JSON.stringify({ workspaceName, bucketName }));
  }

  // The media calls of issue 15's benchmark, written the same way: check the input, build the path,
  // sign, send, check status and envelope code, resolve the envelope's `result`.
  createProject({ workspaceName, name }) {
    if (typeof name !== "string" || name.length < 1 || name.length > 100 || !name.trim()) throw new Error("name must be 1 to 100 characters");
    return this.call("POST", `/api/v1/workspaces/${workspace(workspaceName)}/projects`, JSON.stringify({ name }));
  }

  getAsset(options) {
    return this.call("GET", assetPath(options));
  }

  listAssets({ workspaceName, projectId, pageNum = 1, pageSize }) {
    let uri = `/api/v1/workspaces/${workspace(workspaceName)}/projects/${id("projectId", projectId)}/assets?pageNum=${whole("pageNum", pageNum, 1, 2 ** 31 - 1)}`;
    if (pageSize !== undefined) uri += `&pageSize=${whole("pageSize", pageSize, 1, 1000)}`;
    return this.call("GET", uri);
  }

  getIndexStatus(options) {
    return this.call("GET", `${assetPath(options)}/index/status`);
  }

  getIndex({ confidenceLevel, ...options }) {
    if (confidenceLevel !== undefined && !LEVELS.includes(confidenceLevel)) throw new Error("confidenceLevel must be LOW, MEDIUM or HIGH");
    return this.call("GET", `${assetPath(options)}/index${confidenceLevel ? `?confidence_level=${confidenceLevel}` : ""}`);
  }
}
