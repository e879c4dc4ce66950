// Runs tests/workerd/worker.mjs (the client: workspaces and every operation of issues 12 and 13) and
// tests/workerd/proxy-test.mjs (driving examples/worker-proxy/worker.js as its own Worker) in workerd
// against the emulator:
//   node tests/workerd/run.mjs EMULATOR_URL DEAD_URL
// Lays the worker and the built pkg/ files into tests/out/workerd with a generated config (bindings
// carry the URLs), then `workerd test`. Exits with workerd's status; prints `N passed, N failed`.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { glueFiles } from "../../scripts/glue-files.mjs";

const [emulatorUrl, deadUrl] = process.argv.slice(2);
if (!emulatorUrl || !deadUrl) {
  console.error("usage: node tests/workerd/run.mjs EMULATOR_URL DEAD_URL");
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const out = join(root, "tests", "out", "workerd");
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "pkg"), { recursive: true });
copyFileSync(join(here, "worker.mjs"), join(out, "worker.mjs"));
copyFileSync(join(here, "proxy-test.mjs"), join(out, "proxy-test.mjs"));
copyFileSync(join(root, "examples", "worker-proxy", "worker.js"), join(out, "proxy-worker.js"));
// The glue (its JS halves inlined), as pkg/package.json lists it.
const glue = glueFiles(join(root, "pkg"));
const pkgFiles = ["workerd.js", ...glue, "ncloud_media_intelligence_bg.wasm"];
const glueModules = (prefix) => glue.map((f) => `(name = "${prefix}${f}", esModule = embed "pkg/${f}"),`).join("\n    ");
for (const file of pkgFiles) copyFileSync(join(root, "pkg", file), join(out, "pkg", file));

writeFileSync(join(out, "config.capnp"), `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .mainWorker),
    (name = "proxytest", worker = .proxyTestWorker),
    (name = "proxy", worker = .proxyWorker),
    (name = "loopback", network = (allow = ["local"])),
  ],
);
# The proxy Worker imports the package by name, as it would after npm install.
const proxyWorker :Workerd.Worker = (
  modules = [
    (name = "proxy-worker.js", esModule = embed "proxy-worker.js"),
    (name = "ncloud-media-intelligence", esModule = embed "pkg/workerd.js"),
    ${glueModules("")}
    (name = "ncloud_media_intelligence_bg.wasm", wasm = embed "pkg/ncloud_media_intelligence_bg.wasm"),
  ],
  compatibilityDate = "2025-09-01",
  bindings = [
    (name = "NCP_ACCESS_KEY", text = "test-access-key"),
    (name = "NCP_SECRET_KEY", text = "test-secret-key"),
    (name = "NCP_ENDPOINT", text = ${JSON.stringify(emulatorUrl)}),
    (name = "PROXY_TOKEN", text = "worker-token"),
    (name = "APP_ORIGIN", text = "https://app.example"),
  ],
  globalOutbound = "loopback",
);
const proxyTestWorker :Workerd.Worker = (
  modules = [
    (name = "proxy-test.mjs", esModule = embed "proxy-test.mjs"),
    (name = "pkg/workerd.js", esModule = embed "pkg/workerd.js"),
    ${glueModules("pkg/")}
    (name = "pkg/ncloud_media_intelligence_bg.wasm", wasm = embed "pkg/ncloud_media_intelligence_bg.wasm"),
  ],
  compatibilityDate = "2025-09-01",
  bindings = [
    (name = "EMULATOR_URL", text = ${JSON.stringify(emulatorUrl)}),
    (name = "PROXY", service = "proxy"),
  ],
  globalOutbound = "loopback",
);
const mainWorker :Workerd.Worker = (
  modules = [
    (name = "worker.mjs", esModule = embed "worker.mjs"),
    (name = "pkg/workerd.js", esModule = embed "pkg/workerd.js"),
    ${glueModules("pkg/")}
    (name = "pkg/ncloud_media_intelligence_bg.wasm", wasm = embed "pkg/ncloud_media_intelligence_bg.wasm"),
  ],
  compatibilityDate = "2025-09-01",
  compatibilityFlags = ["nodejs_compat"],
  bindings = [
    (name = "EMULATOR_URL", text = ${JSON.stringify(emulatorUrl)}),
    (name = "DEAD_URL", text = ${JSON.stringify(deadUrl)}),
  ],
  globalOutbound = "loopback",
);
`);

const workerd = join(root, "node_modules", ".bin", "workerd");
const run = spawnSync(workerd, ["test", "--verbose", join(out, "config.capnp")], { encoding: "utf8" });
const output = `${run.stdout}${run.stderr}`;
process.stdout.write(output);
// Each check prints `ok - WHAT` or `not ok - WHAT: DETAIL`; a failed test without a `not ok` line (it
// threw before or outside its checks) counts as one failure.
const passed = (output.match(/^ok - /gm) ?? []).length;
const notOk = (output.match(/^not ok - /gm) ?? []).length;
const failed = run.status === 0 ? notOk : Math.max(notOk, 1);
console.log(`workerd: ${passed} passed, ${failed} failed`);
process.exit(run.status === 0 && failed === 0 && passed > 0 ? 0 : 1);
