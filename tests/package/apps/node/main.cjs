// CommonJS quick start (README "Node"). tests/package/run.mjs runs it with Node from the packed tarball:
//   NCP_ACCESS_KEY=... NCP_SECRET_KEY=... [NCP_ENDPOINT=...] node main.cjs WORKSPACE
const { MediaIntelligence, isMediaIntelligenceError } = require("ncloud-media-intelligence");

async function main(workspaceName) {
  const mi = new MediaIntelligence({
    accessKey: process.env.NCP_ACCESS_KEY,
    secretKey: process.env.NCP_SECRET_KEY,
    endpoint: process.env.NCP_ENDPOINT,
  });
  const created = await mi.createWorkspace({ workspaceName, bucketName: "my-bucket" });
  const details = await mi.getWorkspace(workspaceName);
  const project = await mi.createProject({ workspaceName, name: "trailers" });
  const { projects, totalCount } = await mi.listProjects({ workspaceName });
  const errors = [];
  for (const attempt of [() => mi.getWorkspace("Not A Valid Name"), () => mi.createWorkspace({ workspaceName })]) {
    try {
      await attempt();
    } catch (e) {
      if (!isMediaIntelligenceError(e)) throw e;
      errors.push({ name: e.name, code: e.code, field: e.field, status: e.status, isError: e instanceof Error });
    }
  }
  return { entry: require.resolve("ncloud-media-intelligence"), created, details, project, projects, totalCount, errors };
}

main(process.argv[2]).then((result) => console.log(JSON.stringify(result)));
