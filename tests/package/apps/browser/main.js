// Browser quick start (README "Vite / webpack"). tests/package/run.mjs builds it from the packed tarball
// with `vite build` and with webpack, and opens each build in headless Chromium. The page holds no
// secret: it talks to a same-origin signing proxy (/mi, createProxyHandler) that signs on the server.
import { MediaIntelligence, isMediaIntelligenceError } from "ncloud-media-intelligence";

const mi = new MediaIntelligence({ proxyUrl: new URL("/mi", location.href).href });

async function run(workspaceName) {
  const created = await mi.createWorkspace({ workspaceName, bucketName: "my-bucket" });
  const details = await mi.getWorkspace(workspaceName);
  const errors = [];
  for (const attempt of [() => mi.getWorkspace("Not A Valid Name"), () => mi.createWorkspace({ workspaceName })]) {
    try {
      await attempt();
    } catch (e) {
      if (!isMediaIntelligenceError(e)) throw e;
      errors.push({ name: e.name, code: e.code, field: e.field, status: e.status, isError: e instanceof Error });
    }
  }
  return { entry: "browser", created, details, errors };
}

const out = document.getElementById("result");
run(new URLSearchParams(location.search).get("workspace") ?? "browser-demo").then(
  (result) => { out.textContent = JSON.stringify(result); out.dataset.state = "done"; },
  (e) => { out.textContent = `${e.name}: ${e.message}`; out.dataset.state = "failed"; },
);
