// Cold start inside a fresh process, without Node's own start-up: ms from this script's first line to
// the first signed headers, through a synchronous require of the package (reads, compiles and
// instantiates the wasm) and one signRequest. Prints the ms.
const t0 = performance.now();
const { signRequest } = require("../../pkg/index.cjs");
const headers = signRequest({ method: "GET", uri: "/api/v1/workspaces/w", accessKey: "ak", secretKey: "sk" });
if (headers["x-ncp-apigw-signature-v2"].length !== 44) throw new Error("bad signature");
process.stdout.write(String(performance.now() - t0));
