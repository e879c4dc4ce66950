// A module Worker that loads the built package the way a Worker does (pkg/workerd.js imports the .wasm
// as a compiled module and calls initSync) and drives it against the emulator. workerd runs `test()`.
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
  },
};
