// Drives examples/worker-proxy/worker.js, running as its own Worker, through a service binding: allowed
// calls succeed from a keyless client, refused ones never reach the emulator (its request log says so).
// The proxy does not forward deleteWorkspace, so the workspace is deleted with a signing client.
import { MediaIntelligence } from "./pkg/workerd.js";

function check(condition, what) {
  if (!condition) throw new Error(`check failed: ${what}`);
  console.log(`ok - ${what}`);
}

export default {
  async test(_controller, env) {
    const logged = async () => (await (await fetch(`${env.EMULATOR_URL}/__emulator/requests`)).json()).length;
    const viaProxy = (url, init) => env.PROXY.fetch(new Request(url, init));
    const auth = { authorization: "Bearer worker-token" };
    const mi = new MediaIntelligence({ proxyUrl: "https://proxy.internal", headers: auth, fetch: viaProxy });
    const name = `wproxy-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
    const created = await mi.createWorkspace({ workspaceName: name });
    let failure;
    await checks(env, mi, name, created, logged, auth).catch((e) => { failure = e; });
    const signing = new MediaIntelligence({ accessKey: "test-access-key", secretKey: "test-secret-key", endpoint: env.EMULATOR_URL });
    const deleted = await signing.deleteWorkspace(name).catch((e) => e); // the cleanup, after a failure too
    if (failure) throw failure;
    check(deleted?.workspaceName === name, "proxy worker: the workspace is deleted afterwards (directly: the proxy refuses deleteWorkspace)");
  },
};

async function checks(env, mi, name, created, logged, auth) {
  const details = await mi.getWorkspace(name);
  check(created.workspaceName === name && details.workspaceName === name, "proxy worker: create and get succeed from a keyless client");

  const refusals = [
    ["unlisted method", new Request(`https://proxy.internal/api/v1/workspaces/${name}`, { method: "DELETE", headers: auth }), 404],
    ["extra segment", new Request(`https://proxy.internal/api/v1/workspaces/${name}/x`, { headers: auth }), 404],
    ["encoded slash", new Request("https://proxy.internal/api/v1/workspaces/a%2Fb", { headers: auth }), 400],
    ["no authorization", new Request(`https://proxy.internal/api/v1/workspaces/${name}`), 403],
    ["forged x-ncp header", new Request(`https://proxy.internal/api/v1/workspaces/${name}`, { headers: { ...auth, "x-ncp-iam-access-key": "x" } }), 400],
    ["oversized body", new Request("https://proxy.internal/api/v1/workspaces", { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ workspaceName: "big-one", bucketName: "x".repeat(20000) }) }), 413],
  ];
  for (const [what, request, status] of refusals) {
    const before = await logged();
    const response = await env.PROXY.fetch(request);
    await response.text();
    check(response.status === status && (await logged()) === before, `proxy worker: ${what} -> ${status}, nothing forwarded`);
  }
}
