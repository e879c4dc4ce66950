// A hand-written minimal client, what a user would write instead of this package: `fetch` +
// node:crypto, the same headers, the same checks (name rule, status and envelope code) and the same
// result objects (exactly the documented fields, null when absent). The yardstick of per-call cost.
import { createHmac } from "node:crypto";

const NAME = /^[a-z0-9-]{3,63}$/;
const WORKSPACE = ["workspaceName", "createdUserName", "createdTime", "updatedUserName", "updatedTime"];
const DETAILS = ["workspaceName", "workspaceUrl", "bucketName", "monthlyAnalysisCount", ...WORKSPACE.slice(1)];

export class HandClient {
  constructor({ accessKey, secretKey, endpoint, fetch: f = globalThis.fetch }) {
    Object.assign(this, { accessKey, secretKey, endpoint, fetch: f });
  }

  async call(method, uri, body, fields) {
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
    const out = {};
    for (const f of fields) out[f] = json.result[f] ?? null;
    return out;
  }

  getWorkspace(name) {
    if (!NAME.test(name)) throw new Error("workspaceName must be 3 to 63 characters of a-z, 0-9 and -");
    return this.call("GET", `/api/v1/workspaces/${name}`, undefined, DETAILS);
  }

  createWorkspace({ workspaceName, bucketName }) {
    if (!NAME.test(workspaceName)) throw new Error("workspaceName must be 3 to 63 characters of a-z, 0-9 and -");
    return this.call("POST", "/api/v1/workspaces", JSON.stringify({ workspaceName, bucketName }), WORKSPACE);
  }
}
