// Clicks through the demo page (www/) in headless Chromium as a person would: create a workspace, read it
// back, then a bad name; checks what the page shows, and that neither the page source nor any of its
// network traffic (requests with their headers and bodies, responses) holds the secret key: the page is a
// keyless client of the signing proxy in www/server.mjs. Starts its own emulator and www/server.mjs.
// Screenshots go to tests/out/ (git-ignored).
//   node tests/www/demo-page.test.mjs          prints `demo-page: N passed, N failed`
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { launchChromium } from "../chromium.mjs";
import { root, sleep, start, startEmulator } from "../package/lib.mjs";

const SECRET = "test-secret-key";
const out = join(root, "tests", "out");
mkdirSync(out, { recursive: true });
let passed = 0, failed = 0;
const check = (ok, what) => { ok ? passed++ : failed++; console.log(`${ok ? "ok" : "not ok"} - ${what}`); };

const emulator = await startEmulator();
const server = start("node", [join(root, "www", "server.mjs"), "--port", "0"], {
  env: { MI_ENDPOINT: emulator.url, MI_ACCESS_KEY: "test-access-key", MI_SECRET_KEY: SECRET },
});
let url;
for (let i = 0; i < 100 && !url; i++) { url = /^listening (\S+)/m.exec(server.output())?.[1]; if (!url) await sleep(100); }
const browser = url && await launchChromium({ viewport: { width: 900, height: 900 }, deviceScaleFactor: 1 });
try {
  if (!url) throw new Error(`www/server.mjs did not start: ${server.output()}`);
  const page = await browser.newPage();
  const traffic = [];
  page.on("request", (r) => traffic.push(`${r.method()} ${r.url()}\n${JSON.stringify(r.headers())}\n${r.postData() ?? ""}`));
  page.on("response", async (r) => { traffic.push(`${JSON.stringify(await r.allHeaders())}\n${await r.text().catch(() => "")}`); });
  await page.goto(url);
  check(await page.locator("h1").textContent() === "Media Intelligence workspaces", "the page loads");

  const result = page.locator("#result");
  const field = (name) => result.locator(`dd[data-field="${name}"]`).textContent();
  const name = `demo-page-${Date.now().toString(36)}`;
  await page.fill("#workspaceName", name);
  await page.fill("#bucketName", "demo-bucket");
  await page.click("#create");
  await result.locator("h2", { hasText: "Workspace created" }).waitFor({ timeout: 10_000 });
  check(await field("workspaceName") === name && /^\d{4}-\d\d-\d\dT/.test(await field("createdTime")), "create shows the new workspace");
  await page.screenshot({ path: join(out, "demo-page-created.png"), fullPage: true });

  await page.click("#get");
  await result.locator("h2", { hasText: "Workspace details" }).waitFor({ timeout: 10_000 });
  check(await field("bucketName") === "demo-bucket" && await field("monthlyAnalysisCount") === "0", "read back shows bucket and count");
  await page.screenshot({ path: join(out, "demo-page-details.png"), fullPage: true });

  await page.fill("#workspaceName", "Bad Name");
  await page.click("#create");
  await page.locator('#result[data-kind="error"]').waitFor({ timeout: 10_000 });
  const badges = await result.locator(".badge").allTextContents();
  const message = await result.locator(".message").textContent();
  check(await result.locator("h2").textContent() === "ValidationError" && badges.includes("INVALID_INPUT") && badges.includes("field: workspaceName"),
    `a bad name shows the typed error (${badges.join(", ")})`);
  check(message.includes("workspaceName"), `the error message names the field: ${message}`);

  await page.fill("#workspaceName", name);
  await page.click("#create");
  await result.locator(".badge", { hasText: "CONFLICT" }).waitFor({ timeout: 10_000 });
  check((await result.locator(".badge").allTextContents()).includes("HTTP 409"), "a taken name shows ApiError CONFLICT 409");

  const log = await page.locator("#log li").allTextContents();
  check(log.length === 3 && /^POST \/mi\/api\/v1\/workspaces200$/.test(log[2]) && /^GET \/mi\/api\/v1\/workspaces\/demo-page-.*200$/.test(log[1]) && /409$/.test(log[0]),
    `the client's logger lists 3 requests; the bad name never left the page (${log.join(" | ")})`);
  await page.fill("#workspaceName", "Bad Name");
  await page.click("#create");
  await result.locator("h2", { hasText: "ValidationError" }).waitFor({ timeout: 10_000 });
  await page.screenshot({ path: join(out, "demo-page.png"), fullPage: true });
  check(traffic.length > 6 && !traffic.some((t) => t.includes(SECRET)) && !(await page.content()).includes(SECRET),
    `neither the page source nor its ${traffic.length} requests and responses contain the secret key`);
  check(!traffic.some((t) => /x-ncp-apigw-signature/i.test(t.split("\n")[1] ?? "")), "no request from the page carries an NCP signature header");
  const outsider = await fetch(`${url}/mi/api/v1/workspaces/${name}`);
  check(outsider.status === 403, "the proxy refuses a caller without the page's session cookie (403)");
} catch (e) {
  check(false, String(e?.stack ?? e).split("\n").slice(0, 6).join("\n    "));
} finally {
  await browser?.close();
  server.stop();
  emulator.stop();
}
console.log(`demo-page: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
