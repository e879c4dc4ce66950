// Runs examples/node-demo.mjs (the README's Node quick start) against the emulator and checks what it
// printed, so the documented example cannot rot:  node tests/demo.test.mjs EMULATOR_URL
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const endpoint = process.argv[2];
const demo = fileURLToPath(new URL("../examples/node-demo.mjs", import.meta.url));
const name = `demo-test-${Date.now().toString(36)}`;
let passed = 0, failed = 0;
const check = (ok, what) => { ok ? passed++ : failed++; console.log(`${ok ? "ok" : "not ok"} - ${what}`); };
let out = "";
try {
  out = execFileSync("node", [demo, name], {
    encoding: "utf8",
    env: { ...process.env, MI_ENDPOINT: endpoint, MI_ACCESS_KEY: "test-access-key", MI_SECRET_KEY: "test-secret-key" },
  });
} catch (e) {
  console.log(e.stdout, e.stderr);
}
check(out.includes(`createWorkspace -> {\n  workspaceName: '${name}'`), "the demo creates the workspace");
check(/getWorkspace +-> \{[^}]*monthlyAnalysisCount: 0/s.test(out), "the demo reads it back with a numeric count");
check(/typed error +-> ValidationError INVALID_INPUT \(field workspaceName\)/.test(out), "the demo shows the typed error");
console.log(`demo: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
