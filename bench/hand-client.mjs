// A hand-written minimal client, what a user would write instead of this package: `fetch` +
// node:crypto, the same headers, the same checks (name rule, status and envelope code) and the same
// result objects (the envelope's `result` as the API sent it). The yardstick of per-call cost. (It does
// not type-check the documented fields, which ours does.)
import { createHmac } from "node:crypto";

const NAME = /^[a-z0-9-]{3,63}$/;

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
}
