// A module Worker that loads the built package the way a Worker does (pkg/workerd.js imports the .wasm
// as a compiled module and calls initSync) and drives it against the emulator: workspaces, typed errors,
// and the media pipeline (import -> analysis -> index) with the waiters. workerd runs `test()`.
import { MediaIntelligence, signRequest } from "./pkg/workerd.js";

const keys = { accessKey: "test-access-key", secretKey: "test-secret-key" };

function check(condition, what) {
  if (!condition) throw new Error(`check failed: ${what}`);
  console.log(`ok - ${what}`);
}

async function rejection(promise) {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error("expected a rejection");
}

export default {
  async test(_controller, env) {
    const mi = new MediaIntelligence({ ...keys, endpoint: env.EMULATOR_URL });
    const name = `workerd-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

    const created = await mi.createWorkspace({ workspaceName: name, bucketName: "edge-bucket" });
    check(created.workspaceName === name && typeof created.createdTime === "string", "createWorkspace resolves the created workspace");

    const details = await mi.getWorkspace(name);
    check(details.bucketName === "edge-bucket" && details.monthlyAnalysisCount === 0, "getWorkspace reads it back with typed fields");

    const wrong = new MediaIntelligence({ ...keys, secretKey: "wrong-secret", endpoint: env.EMULATOR_URL });
    const auth = await rejection(wrong.getWorkspace(name));
    check(auth instanceof Error && auth.name === "ApiError" && auth.code === "AUTHENTICATION_FAILED" && auth.status === 401, "a wrong secret is an ApiError 401");
    check(!auth.message.includes("wrong-secret"), "the secret is not in the message");

    const invalid = await rejection(mi.getWorkspace("Bad Name"));
    check(invalid.name === "ValidationError" && invalid.field === "workspaceName", "a bad name is a ValidationError naming the field");

    const dead = new MediaIntelligence({ ...keys, endpoint: env.DEAD_URL });
    const network = await rejection(dead.getWorkspace(name));
    check(network.name === "NetworkError" && network.code === "NETWORK_ERROR", "a dead port is a NetworkError");

    const headers = signRequest({ method: "GET", uri: "/api/v1/workspaces", ...keys, timestamp: 1 });
    check(headers["x-ncp-apigw-signature-v2"].length === 44, "signRequest works in the Worker");

    let failure;
    await pipeline(mi, name).catch((e) => { failure = e; });
    const deleted = await mi.deleteWorkspace(name).catch((e) => e); // the cleanup, after a failure too
    if (failure) throw failure;
    check(deleted.workspaceName === name, "deleteWorkspace removes the workspace with its project and asset");
  },
};

// The media pipeline in the Worker: a project, trailer.mov imported from the emulator's bucket mi-demo,
// the analysis waited for with the waiters' timers and fetches inside workerd, and the index read back.
async function pipeline(mi, workspaceName) {
  const { projectId } = await mi.createProject({ workspaceName, name: "edge" });
  check(Number.isInteger(projectId) && projectId > 0, "createProject resolves the new project's id");
  const { projects } = await mi.listProjects({ workspaceName });
  check(projects.some((p) => p.projectId === projectId && p.name === "edge") && projects.some((p) => p.isBaseProject), "listProjects shows it beside the base project");

  const imported = await mi.importAsset({ workspaceName, projectId, bucketName: "mi-demo", key: "trailer.mov" });
  const asset = { workspaceName, projectId, assetId: imported.assetId };
  check(Number.isInteger(asset.assetId), "importAsset resolves the asset id");
  const wait = { intervalMs: 20, maxIntervalMs: 100, timeoutMs: 60000 };
  const imports = [];
  const done = await mi.waitForAssetImport(asset, { ...wait, onProgress: (s) => imports.push(s.uploadStatus) });
  check(done.uploadStatus === "COMPLETED" && imports.at(-1) === "COMPLETED", `waitForAssetImport resolves COMPLETED (seen ${imports.join(" > ")})`);

  await mi.requestIndex({ ...asset, sceneRange: "SHORT" });
  const seen = [];
  const final = await mi.waitForIndex(asset, { ...wait, onProgress: (s) => seen.push(`${s.status}${typeof s.progress === "number" ? ` ${s.progress}%` : ""}`) });
  check(final.status === "ANALYZE_COMPLETED", "waitForIndex resolves ANALYZE_COMPLETED");
  check(seen.length >= 2 && seen.at(-1).startsWith("ANALYZE_COMPLETED") && new Set(seen).size === seen.length,
    `onProgress saw each change once (${seen.join(" > ")})`);

  const index = await mi.getIndex({ ...asset, confidenceLevel: "LOW" });
  const scenes = Array.isArray(index.scenes) ? index.scenes : [];
  check(index.type === "VIDEO" && scenes.length > 0, `getIndex resolves the index with scenes (${scenes.length})`);
  const tiled = scenes.every((s, i) => s.sceneNo === i + 1 && s.startMs === (i ? scenes[i - 1].endMs : 0) && s.shots.length > 0)
    && scenes.at(-1)?.endMs === index.durationMs && index.durationMs === 150000;
  check(tiled, "its scenes cover the 150 s video in order, each with shots");
  check(Array.isArray(index.persons) && Array.isArray(index.keywords) && index.keywords.length > 0, "it carries persons and keywords");

  const wrong = await rejection(mi.getIndex({ ...asset, confidenceLevel: "SOME" }));
  check(wrong.name === "ValidationError" && wrong.field === "confidenceLevel", "a bad confidenceLevel is a ValidationError naming the field");
}
