// workerd cold start of the hand-written alternative with Node's API (compatibility flag nodejs_compat):
// node:crypto createHmac for the same request.
import { createHmac } from "node:crypto";

export default {
  async test() {
    const timestamp = String(Date.now());
    const signature = createHmac("sha256", "sk").update(`GET /api/v1/workspaces/w\n${timestamp}\nak`).digest("base64");
    const headers = { "x-ncp-apigw-timestamp": timestamp, "x-ncp-iam-access-key": "ak", "x-ncp-apigw-signature-v2": signature };
    if (headers["x-ncp-apigw-signature-v2"].length !== 44) throw new Error("bad signature");
  },
};
