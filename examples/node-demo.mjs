// Creates a workspace and reads it back, then shows a typed error. Run by `bash scripts/demo.sh`, or by
// hand against any endpoint:
//   MI_ENDPOINT=http://127.0.0.1:PORT MI_ACCESS_KEY=... MI_SECRET_KEY=... node examples/node-demo.mjs
import { MediaIntelligence, isMediaIntelligenceError } from "../pkg/index.js";

const mi = new MediaIntelligence({
  accessKey: process.env.MI_ACCESS_KEY,
  secretKey: process.env.MI_SECRET_KEY,
  endpoint: process.env.MI_ENDPOINT, // omit for https://mi.apigw.ntruss.com
});

const workspaceName = process.argv[2] ?? `demo-${Date.now().toString(36)}`;
const created = await mi.createWorkspace({ workspaceName, bucketName: "demo-bucket" });
console.log("createWorkspace ->", created);

const details = await mi.getWorkspace(workspaceName);
console.log("getWorkspace    ->", details);

try {
  await mi.getWorkspace("Not A Valid Name");
} catch (e) {
  if (!isMediaIntelligenceError(e)) throw e;
  console.log(`typed error     -> ${e.name} ${e.code} (field ${e.field}): ${e.message}`);
}
