// workerd cold start: the package loaded as a Worker loads it (pkg/workerd.js), one request signed.
import { signRequest } from "./pkg/workerd.js";

export default {
  async test() {
    const headers = signRequest({ method: "GET", uri: "/api/v1/workspaces/w", accessKey: "ak", secretKey: "sk" });
    if (headers["x-ncp-apigw-signature-v2"].length !== 44) throw new Error("bad signature");
  },
};
