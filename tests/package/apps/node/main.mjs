// Node / Deno / Bun quick start (README "Node", "Deno", "Bun"). tests/package/run.mjs installs the packed
// tarball into a fresh project and runs this very file in Node, Deno and Bun against the emulator (a
// workspace created and read back, a project created and listed, two typed errors):
//   NCP_ACCESS_KEY=... NCP_SECRET_KEY=... [NCP_ENDPOINT=http://127.0.0.1:PORT] node main.mjs WORKSPACE
import { MediaIntelligence, isMediaIntelligenceError } from "ncloud-media-intelligence";

const mi = new MediaIntelligence({
  accessKey: process.env.NCP_ACCESS_KEY,
  secretKey: process.env.NCP_SECRET_KEY,
  endpoint: process.env.NCP_ENDPOINT, // undefined: https://mi.apigw.ntruss.com
});

const workspaceName = process.argv[2];
const created = await mi.createWorkspace({ workspaceName, bucketName: "my-bucket" });
const details = await mi.getWorkspace(workspaceName);
const project = await mi.createProject({ workspaceName, name: "trailers" }); // beside the base project
const { projects, totalCount } = await mi.listProjects({ workspaceName });

const errors = [];
for (const attempt of [
  () => mi.getWorkspace("Not A Valid Name"), // ValidationError, before any request
  () => mi.createWorkspace({ workspaceName }), // ApiError CONFLICT: the name is taken
]) {
  try {
    await attempt();
  } catch (e) {
    if (!isMediaIntelligenceError(e)) throw e;
    errors.push({ name: e.name, code: e.code, field: e.field, status: e.status, isError: e instanceof Error });
  }
}

const entry = import.meta.resolve("ncloud-media-intelligence");
console.log(JSON.stringify({ entry, created, details, project, projects, totalCount, errors }));
