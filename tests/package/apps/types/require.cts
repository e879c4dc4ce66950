// The CommonJS side: `require` resolves to index.cjs and its types to index.d.cts (NodeNext).
import mi = require("ncloud-media-intelligence");

export const client: mi.MediaIntelligence = new mi.MediaIntelligence({ accessKey: "ak", secretKey: "sk" });
export const ready: Promise<void> = mi.init();
// @ts-expect-error a wrong field is an error here too
client.createWorkspace({ workspaceName: "my-workspace", bucket: "my-bucket" });
