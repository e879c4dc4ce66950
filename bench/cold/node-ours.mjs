// Cold start of this package: import pkg/index.js (reads and instantiates the wasm) and sign one request.
// Prints ms since process start when the headers are ready.
import { signRequest } from "../../pkg/index.js";

const headers = signRequest({ method: "GET", uri: "/api/v1/workspaces/w", accessKey: "ak", secretKey: "sk" });
if (headers["x-ncp-apigw-signature-v2"].length !== 44) throw new Error("bad signature");
process.stdout.write(String(performance.now()));
