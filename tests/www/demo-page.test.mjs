// Clicks through the demo page (www/), a small console over the keyless signing proxy, in headless Chromium
// as a person would, against the emulator (its state machines stepping every 20 ms; the page polls every
// 10 ms through its ?pollMs= option):
//   workspaces   the list, create (shown, listed, selected), read back, a bad name (ValidationError, no
//                request), a taken name (ApiError CONFLICT 409)
//   projects     the base project listed, a bad name refused in the page, create (listed, selected)
//   assets       a bad key refused in the page, an import of a missing object (ApiError IMPORT_FAILED,
//                FILE_NOT_EXIST on its row), the import of mi-demo/trailer.mov (listed with its metadata)
//   analysis     the progress bar, watched by a MutationObserver, climbs from 0 through intermediate values
//                to 100% and the completed state; a failing analysis shows ApiError ANALYSIS_FAILED
//   timeline     the SVG has one scene rect per scene, one shot rect per shot and one track per person with
//                one rect per appearance, all against the index read here with raw signed requests (the
//                emulator's own signer, not the package); a screenshot of it is decoded (tests/www/png.mjs)
//                and its pixels hold the scene, shot and every person colour; hovering, clicking and the
//                arrow keys pick the scene whose persons and keywords are listed
//   robustness   an index without persons and shots (answers rewritten in the browser) still draws its
//                scenes with keywords found from the index's keyword appearances; an index with no
//                time-coded member says so; after a reload the analysed asset's timeline is drawn again
//                without a new analysis
//   keys         neither the page source nor any of its traffic holds the secret key; no request from the
//                page carries an NCP header; the proxy refuses callers without the session cookie (403) and
//                operations the page does not use (404), which never reach the emulator
// Starts its own emulator and www/server.mjs. Screenshots go to tests/out/ (git-ignored).
//   node tests/www/demo-page.test.mjs          prints `demo-page: N passed, N failed`
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { launchChromium } from "../chromium.mjs";
import { sign } from "../emulator/spawn.mjs";
import { root, sleep, start, startEmulator } from "../package/lib.mjs";
import { decodePng, inkStats } from "./png.mjs";

const ACCESS = "test-access-key", SECRET = "test-secret-key";
const TICK_MS = 20, POLL_MS = 10;
const out = join(root, "tests", "out");
mkdirSync(out, { recursive: true });
let passed = 0, failed = 0;
const check = (ok, what) => { ok ? passed++ : failed++; console.log(`${ok ? "ok" : "not ok"} - ${what}`); };
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

const emulator = await startEmulator({ MI_EMULATOR_TICK_MS: String(TICK_MS) });
const server = start("node", [join(root, "www", "server.mjs"), "--port", "0"], {
  env: { MI_ENDPOINT: emulator.url, MI_ACCESS_KEY: ACCESS, MI_SECRET_KEY: SECRET },
});

/** A raw signed call to the emulator (its own node:crypto signer); resolves { status, json }. */
async function api(method, path) {
  const timestamp = String(Date.now());
  const res = await fetch(emulator.url + path, {
    method,
    headers: { "x-ncp-apigw-timestamp": timestamp, "x-ncp-iam-access-key": ACCESS, "x-ncp-apigw-signature-v2": sign(method, path, timestamp, ACCESS, SECRET) },
  });
  return { status: res.status, json: await res.json().catch(() => null) };
}
const emulatorLog = async () => (await fetch(`${emulator.url}/__emulator/requests`)).json();

let url;
for (let i = 0; i < 100 && !url; i++) { url = /^listening (\S+)/m.exec(server.output())?.[1]; if (!url) await sleep(100); }
const browser = url && await launchChromium({ viewport: { width: 1280, height: 1000 }, deviceScaleFactor: 1 });
try {
  if (!url) throw new Error(`www/server.mjs did not start: ${server.output()}`);
  const page = await browser.newPage();
  const traffic = [], pageErrors = [];
  page.on("request", (r) => traffic.push(`${r.method()} ${r.url()}\n${JSON.stringify(r.headers())}\n${r.postData() ?? ""}`));
  page.on("response", async (r) => { traffic.push(`${JSON.stringify(await r.allHeaders())}\n${await r.text().catch(() => "")}`); });
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  const pageUrl = `${url}/?pollMs=${POLL_MS}`;

  // The request log: the client's logger adds one <li> per attempt, newest first.
  const logEntries = async () => (await page.locator("#log li[data-method]").evaluateAll((lis) =>
    lis.map((li) => `${li.dataset.method} ${li.dataset.path} ${li.dataset.status}`))).reverse();
  const logSince = async (n) => (await logEntries()).slice(n);
  const logLength = async () => (await logEntries()).length;

  await page.goto(pageUrl);
  check(await page.locator("h1").textContent() === "Media Intelligence console", "the page loads");
  await page.locator("#workspaceList li.empty", { hasText: "No workspaces yet" }).waitFor({ timeout: 10_000 });
  check(same(await logEntries(), ["GET /mi/api/v1/workspaces?pageNum=1&pageSize=100 200"]),
    `the workspaces are listed on load, through the proxy (${(await logEntries()).join(" | ")})`);

  // ---- workspaces ----
  const result = page.locator("#result");
  const field = (name) => result.locator(`dd[data-field="${name}"]`).textContent();
  const name = `demo-page-${Date.now().toString(36)}`;
  await page.fill("#workspaceName", name);
  await page.fill("#bucketName", "mi-demo");
  await page.click("#create");
  await result.locator("h2", { hasText: "Workspace created" }).waitFor({ timeout: 10_000 });
  check(await field("workspaceName") === name && /^\d{4}-\d\d-\d\dT/.test(await field("createdTime")), "create shows the new workspace");
  await page.locator(`#workspaceList button[data-workspace="${name}"][aria-pressed="true"]`).waitFor({ timeout: 10_000 });
  await page.locator("#projectList button[data-project-id]").first().waitFor({ timeout: 10_000 });
  const baseProjects = await page.locator("#projectList button[data-project-id]").allTextContents();
  check(baseProjects.length === 1 && /^basebase#\d+$/.test(baseProjects[0]), `the new workspace is listed and selected, its base project listed (${baseProjects})`);
  await page.screenshot({ path: join(out, "demo-page-created.png"), fullPage: true });

  await page.click("#get");
  await result.locator("h2", { hasText: "Workspace details" }).waitFor({ timeout: 10_000 });
  check(await field("bucketName") === "mi-demo" && await field("monthlyAnalysisCount") === "0", "read back shows bucket and count");

  let before = await logLength();
  await page.fill("#workspaceName", "Bad Name");
  await page.click("#create");
  await page.locator('#result[data-kind="error"]').waitFor({ timeout: 10_000 });
  const badges = await result.locator(".badge").allTextContents();
  const message = await result.locator(".message").textContent();
  check(await result.locator("h2").textContent() === "ValidationError" && badges.includes("INVALID_INPUT") && badges.includes("field: workspaceName"),
    `a bad name shows the typed error (${badges.join(", ")})`);
  check(message.includes("workspaceName"), `the error message names the field: ${message}`);
  check(await logLength() === before, "the bad name never left the page (no request logged)");

  before = await logLength();
  await page.fill("#workspaceName", name);
  await page.click("#create");
  await result.locator(".badge", { hasText: "CONFLICT" }).waitFor({ timeout: 10_000 });
  check((await result.locator(".badge").allTextContents()).includes("HTTP 409"), "a taken name shows ApiError CONFLICT 409");
  // One attempt, answered: createWorkspace reads a workspace back only when a retry meets "already exists"
  // after an attempt that may have reached the server (README), so nothing follows the 409.
  const conflictLog = await logSince(before);
  check(same(conflictLog, ["POST /mi/api/v1/workspaces 409"]), `the taken name: one POST, its 409, nothing else (${conflictLog.join(" | ")})`);

  // ---- projects ----
  before = await logLength();
  await page.fill("#projectName", "bad;name");
  await page.click("#createProject");
  await result.locator("h2", { hasText: "ValidationError" }).waitFor({ timeout: 10_000 });
  check((await result.locator(".badge").allTextContents()).includes("field: name") && await logLength() === before,
    "a bad project name shows a ValidationError for field name, and no request left the page");
  await page.fill("#projectName", "trailers");
  await page.click("#createProject");
  await result.locator("h2", { hasText: "Project created" }).waitFor({ timeout: 10_000 });
  await page.locator('#projectList button[aria-pressed="true"]', { hasText: "trailers" }).waitFor({ timeout: 10_000 });
  const projectId = Number(await page.locator('#projectList button[aria-pressed="true"]').getAttribute("data-project-id"));
  const projectNames = await page.locator("#projectList .item-name").allTextContents();
  check(Number.isInteger(projectId) && same(projectNames, ["basebase", "trailers"]) && await field("name") === "trailers",
    `the new project is listed after the base project and selected (${projectNames.join(", ")}; id ${projectId})`);
  await page.locator("#assetList li.empty", { hasText: "No assets" }).waitFor({ timeout: 10_000 });
  check(true, "the new project has no assets");

  // ---- assets ----
  before = await logLength();
  await page.fill("#importKey", "clip.avi");
  await page.click("#importAsset");
  await result.locator("h2", { hasText: "ValidationError" }).waitFor({ timeout: 10_000 });
  check((await result.locator(".badge").allTextContents()).includes("field: key") && await logLength() === before,
    "a key with an unsupported extension is refused in the page (field key), no request");

  await page.fill("#importKey", "missing.mp4");
  await page.click("#importAsset");
  await result.locator(".badge", { hasText: "IMPORT_FAILED" }).waitFor({ timeout: 10_000 });
  const missingRow = page.locator("#assetList button[data-asset-id]", { hasText: "missing.mp4" });
  await missingRow.locator('.state[data-status="FILE_NOT_EXIST"]').waitFor({ timeout: 10_000 });
  check(await result.locator("h2").textContent() === "ApiError" && (await result.locator(".badge").allTextContents()).includes("FILE_NOT_EXIST")
    && /does not exist/.test(await result.locator(".job-reason").textContent()),
    `a missing object: ApiError IMPORT_FAILED with the job's FILE_NOT_EXIST and reason (${await result.locator(".job-reason").textContent()})`);

  await page.fill("#importKey", "trailer.mov");
  await page.click("#importAsset");
  const selectedAsset = page.locator('#assetList button[aria-pressed="true"]');
  await selectedAsset.waitFor({ timeout: 10_000 });
  const assetId = Number(await selectedAsset.getAttribute("data-asset-id"));
  const assetText = await selectedAsset.textContent();
  check(/^trailer\.movVIDEO · 2:30\.0 · 1920x1080not analysed$/.test(assetText) && !(await page.locator("#analyze").isDisabled()),
    `the imported trailer.mov is listed with its metadata and selected, ready to analyse (${assetText})`);

  // ---- the analysis and its progress bar ----
  await page.evaluate(() => {
    const bar = document.getElementById("progress");
    window.progressSeen = [];
    new MutationObserver(() => window.progressSeen.push([Number(bar.getAttribute("aria-valuenow")), bar.dataset.state]))
      .observe(bar, { attributes: true, attributeFilter: ["aria-valuenow", "data-state"] });
  });
  await page.selectOption("#sceneRange", "EXTRA_SHORT");
  before = await logLength();
  await page.click("#analyze");
  await page.locator('#progress[aria-valuenow="100"][data-state="ANALYZE_COMPLETED"]').waitFor({ timeout: 15_000 });
  await page.locator('#timeline[data-drawn="true"]').waitFor({ timeout: 10_000 });
  const seen = await page.evaluate(() => window.progressSeen);
  const values = seen.map(([v]) => v);
  check(values[0] === 0 && values.at(-1) === 100 && values.every((v, i) => i === 0 || v >= values[i - 1]) && values.some((v) => v > 0 && v < 100),
    `the progress bar climbs from 0 through intermediate values to 100 (${[...new Set(values)].join(" → ")})`);
  // The fill eases to its width (a 0.2 s transition): measure once it has settled.
  const fillShare = () => page.locator("#progress .progress-fill").evaluate((el) => el.getBoundingClientRect().width / el.parentElement.getBoundingClientRect().width);
  let fillWidth = await fillShare();
  for (let i = 0; i < 40 && fillWidth < 0.999; i++) { await sleep(50); fillWidth = await fillShare(); }
  check(Math.abs(fillWidth - 1) < 0.01 && await page.locator("#progressText").textContent() === "100% · completed",
    `the bar is drawn full and says so (${(fillWidth * 100).toFixed(1)}%, "${await page.locator("#progressText").textContent()}")`);
  const analysisLog = await logSince(before);
  const base = `/mi/api/v1/workspaces/${name}/projects/${projectId}/assets/${assetId}`;
  check(analysisLog[0] === `POST ${base}/index 200` && analysisLog.filter((l) => l === `GET ${base}/index/status 200`).length >= 3
    && analysisLog.at(-1) === `GET ${base}/index 200` && analysisLog.length === analysisLog.filter((l) => l.startsWith(`POST ${base}/index `) || l.startsWith(`GET ${base}/index`)).length,
    `requestIndex, then waitForIndex's polls, then getIndex (${analysisLog.length} requests)`);
  check(/analysed$/.test(await selectedAsset.textContent()), "the asset's row says it is analysed");

  // ---- the timeline against the index itself (a raw signed read, not the package) ----
  const raw = await api("GET", `/api/v1/workspaces/${name}/projects/${projectId}/assets/${assetId}/index`);
  const index = raw.json?.result ?? {};
  const scenes = index.scenes ?? [], persons = index.persons ?? [];
  const shots = scenes.flatMap((s) => s.shots ?? []);
  const timeline = page.locator("#timeline");
  const svgEl = timeline.locator("svg");
  const count = (selector) => svgEl.locator(selector).count();
  check(raw.status === 200 && scenes.length >= 6 && shots.length > scenes.length && persons.length >= 2, `the raw index: ${scenes.length} scenes, ${shots.length} shots, ${persons.length} persons`);
  check(await count("rect.scene") === scenes.length && same(await svgEl.locator("rect.scene").evaluateAll((r) => r.map((e) => Number(e.dataset.sceneNo))), scenes.map((s) => s.sceneNo)),
    `one scene rect per scene, in order (${await count("rect.scene")})`);
  check(await count("rect.shot") === shots.length, `one shot rect per shot (${await count("rect.shot")})`);
  const tracks = await svgEl.locator("g.track.person").evaluateAll((gs) => gs.map((g) => ({ id: Number(g.dataset.personId), rects: g.querySelectorAll("rect.appearance").length })));
  check(tracks.length === Math.min(12, persons.length) && tracks.every((t) => t.rects === persons.find((p) => p.personId === t.id)?.appearances.length),
    `one track per person with one rect per appearance (${tracks.map((t) => `${t.id}:${t.rects}`).join(" ")})`);
  // Scene rects tile the plot: the first starts where the last one's predecessor ends, widths follow the times.
  const geometry = await svgEl.locator("rect.scene").evaluateAll((r) => r.map((e) => [Number(e.getAttribute("x")), Number(e.getAttribute("width"))]));
  const plotStart = geometry[0][0], plotWidth = geometry.at(-1)[0] + geometry.at(-1)[1] + 1 - plotStart;
  const durationMs = index.durationMs;
  check(durationMs === 150_000 && geometry.every(([x0, w], i) => Math.abs(x0 - (plotStart + (scenes[i].startMs / durationMs) * plotWidth)) < 0.6
    && Math.abs(w + 1 - ((scenes[i].endMs - scenes[i].startMs) / durationMs) * plotWidth) < 0.6),
    `each scene rect is placed and sized by its times over the ${durationMs} ms (plot ${plotWidth.toFixed(0)} px)`);
  const figures = await page.locator("#indexFigures").textContent();
  check(figures.startsWith(`${scenes.length} scenes · ${shots.length} shots · ${persons.length} persons · ${(index.keywords ?? []).length} keywords`) && figures.endsWith("2:30.0"),
    `the index figures: ${figures}`);

  // ---- the screenshot: the timeline is drawn ----
  const box = await svgEl.boundingBox();
  const shot = await svgEl.screenshot({ path: join(out, "demo-page-timeline-svg.png") });
  const png = decodePng(shot);
  const colors = await svgEl.evaluate((el) => {
    const fill = (selector) => getComputedStyle(el.querySelector(selector)).fill;
    const hex = (rgb) => `#${rgb.match(/\d+/g).slice(0, 3).map((n) => Number(n).toString(16).padStart(2, "0")).join("")}`;
    return {
      scenes: [hex(fill("rect.scene.even")), hex(fill("rect.scene.odd"))],
      shots: [hex(fill("rect.shot.even")), hex(fill("rect.shot.odd"))],
      persons: [...el.querySelectorAll("g.track.person")].map((g) => hex(getComputedStyle(g.querySelector("rect.appearance")).fill)),
    };
  });
  const stats = inkStats(png, { colors: [...colors.scenes, ...colors.shots, ...colors.persons] });
  const [sceneEven, sceneOdd, shotEven, shotOdd, ...personPixels] = stats.near;
  writeFileSync(join(out, "demo-page-timeline-stats.json"), JSON.stringify({ box, width: png.width, height: png.height, colors, stats }, null, 2));
  check(box && Math.abs(png.width - box.width) <= 1 && Math.abs(png.height - box.height) <= 1 && box.width > 800 && box.height > 150,
    `the timeline screenshot is the SVG's box (${png.width}x${png.height})`);
  check(stats.share > 0.25 && stats.distinct > 30, `the timeline is not blank: ${(stats.share * 100).toFixed(1)}% of its pixels are not the background ${stats.background}, ${stats.distinct} colours`);
  check(sceneEven + sceneOdd > 2000 && shotEven + shotOdd > 1000, `the screenshot shows the scene track (${sceneEven + sceneOdd} px) and the shot track (${shotEven + shotOdd} px)`);
  check(personPixels.length === tracks.length && personPixels.every((n) => n > 30), `every person's colour is on it (${personPixels.join(", ")} px)`);

  // ---- the scene's persons and keywords: selected, hovered, clicked, arrow keys ----
  const details = page.locator("#sceneDetails");
  const shown = async () => ({
    no: Number(await details.getAttribute("data-scene-no")), mode: await details.getAttribute("data-mode"),
    keywords: await details.locator(".keywords .chip").allTextContents(),
    persons: (await details.locator(".persons .chip").evaluateAll((cs) => cs.map((c) => Number(c.dataset.personId)))),
  });
  const expect = (s) => ({ keywords: s.keywords, persons: s.personIds });
  let now = await shown();
  check(now.no === 1 && now.mode === "selected" && same({ keywords: now.keywords, persons: now.persons }, expect(scenes[0])),
    `the first scene is selected: its keywords ${now.keywords.join(", ")}; persons ${now.persons.join(", ")}`);
  await svgEl.locator('rect.scene[data-scene-no="3"]').hover();
  await page.locator('#sceneDetails[data-scene-no="3"]').waitFor({ timeout: 5_000 });
  now = await shown();
  check(now.mode === "hovered" && same({ keywords: now.keywords, persons: now.persons }, expect(scenes[2])) && await count("rect.scene.hovered") === 1,
    `hovering scene 3 lists its keywords (${now.keywords.join(", ")}) and persons (${now.persons.join(", ")})`);
  await page.screenshot({ path: join(out, "demo-page-timeline.png"), fullPage: true });
  await page.mouse.move(5, 5);
  await page.locator('#sceneDetails[data-scene-no="1"][data-mode="selected"]').waitFor({ timeout: 5_000 });
  check(true, "leaving the timeline shows the selected scene again");
  await svgEl.locator('rect.scene[data-scene-no="2"]').click();
  await page.mouse.move(5, 5);
  await page.locator('#sceneDetails[data-scene-no="2"][data-mode="selected"]').waitFor({ timeout: 5_000 });
  await svgEl.press("ArrowRight");
  await page.locator('#sceneDetails[data-scene-no="3"][data-mode="selected"]').waitFor({ timeout: 5_000 });
  const band = await svgEl.locator("rect.scene-band").evaluate((r) => [Number(r.getAttribute("x")), Number(r.getAttribute("width"))]);
  check(await count("rect.scene.selected") === 1 && await svgEl.locator('rect.scene.selected[data-scene-no="3"]').count() === 1
    && Math.abs(band[0] + 1 - geometry[2][0]) < 0.6, "a click selects scene 2, ArrowRight scene 3; its band spans the tracks");

  // ---- a failing analysis ----
  await page.fill("#importKey", "fail-analysis.mp4");
  await page.click("#importAsset");
  await page.locator('#assetList button[aria-pressed="true"]', { hasText: "fail-analysis.mp4" }).waitFor({ timeout: 10_000 });
  await page.click("#analyze");
  await result.locator(".badge", { hasText: "ANALYSIS_FAILED" }).waitFor({ timeout: 15_000 });
  check((await result.locator(".badge").allTextContents()).includes("ANALYZE_FAIL") && /Media parsing failed/.test(await result.locator(".job-reason").textContent())
    && await page.locator("#progress").getAttribute("data-state") === "ANALYZE_FAIL" && await page.locator("#progress.failed").count() === 1
    && await timeline.getAttribute("data-drawn") === "false",
    "a failing analysis: ApiError ANALYSIS_FAILED with the reason, the bar marked failed, no timeline");

  // ---- answers of another shape: members missing ----
  const indexRoute = /\/mi\/api\/v1\/workspaces\/[^/]+\/projects\/\d+\/assets\/\d+\/index$/;
  let rewrite = null;
  await page.route(indexRoute, async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    if (body.result) body.result = rewrite(body.result);
    await route.fulfill({ response, json: body });
  });
  const trailerRow = page.locator(`#assetList button[data-asset-id="${assetId}"]`);
  const reselect = async () => {
    await page.locator("#assetList button[data-asset-id]", { hasText: "missing.mp4" }).click();
    await trailerRow.click();
  };
  rewrite = (r) => ({ ...r, persons: undefined, scenes: r.scenes.map(({ shots: _s, keywords: _k, personIds: _p, ...scene }) => scene) });
  await reselect();
  await page.locator('#timeline[data-drawn="true"]').waitFor({ timeout: 10_000 });
  const fromAppearances = (s) => (index.keywords ?? []).filter((k) => (k.appearances ?? []).some((a) => a.startMs < s.endMs && s.startMs < a.endMs)).map((k) => k.keyword);
  now = await shown();
  check(await count("rect.scene") === scenes.length && await count("rect.shot") === 0 && await count("g.track.person") === 0
    && same(now.keywords, fromAppearances(scenes[0])) && now.persons.length === 0 && pageErrors.length === 0,
    `an index without persons, shots and scene keywords: ${await count("rect.scene")} scenes drawn, no shot or person track, the keywords found from the appearances (${now.keywords.join(", ")})`);
  rewrite = (r) => ({ type: r.type, createdTime: r.createdTime, scenes: "not a list", persons: [{ personId: 1 }] });
  await reselect();
  await page.locator('#timeline [data-reason="no-timeline"]').waitFor({ timeout: 10_000 });
  check(await timeline.getAttribute("data-drawn") === "false" && pageErrors.length === 0, "an index with no time-coded member says so, without a script error");
  await page.unroute(indexRoute);

  // ---- after a reload: the analysed asset's index is drawn again, no new analysis ----
  await page.goto(pageUrl);
  await page.locator(`#workspaceList button[data-workspace="${name}"]`).click();
  await page.locator(`#projectList button[data-project-id="${projectId}"]`).click();
  await page.locator(`#assetList button[data-asset-id="${assetId}"]`).click();
  await page.locator('#timeline[data-drawn="true"]').waitFor({ timeout: 10_000 });
  const reloadLog = await logEntries();
  check(await count("rect.scene") === scenes.length && await page.locator("#progress").getAttribute("aria-valuenow") === "100"
    && !reloadLog.some((l) => l.startsWith("POST")) && reloadLog.at(-1) === `GET ${base}/index 200`,
    `after a reload the index is read and drawn again with the bar at 100%, without a new analysis (${reloadLog.length} requests)`);

  // ---- keys and the proxy's refusals ----
  check(traffic.length > 40 && !traffic.some((t) => t.includes(SECRET)) && !(await page.content()).includes(SECRET),
    `neither the page source nor its ${traffic.length} requests and responses contain the secret key`);
  check(!traffic.some((t) => /x-ncp-/i.test(t.split("\n")[1] ?? "")), "no request from the page carries an NCP header");
  const outsiderRequests = [
    ["GET", `/mi/api/v1/workspaces/${name}`], ["GET", "/mi/api/v1/workspaces?pageNum=1&pageSize=100"],
    ["GET", `/mi/api/v1/workspaces/${name}/projects/${projectId}/assets/${assetId}/index`],
  ];
  const outsider = await Promise.all(outsiderRequests.map(async ([method, path]) => (await fetch(url + path, { method })).status));
  check(outsider.every((s) => s === 403), `the proxy refuses callers without the page's session cookie (${outsider.join(", ")})`);
  const cookie = (await browser.cookies(url)).map((c) => `${c.name}=${c.value}`).join("; ");
  const loggedBefore = (await emulatorLog()).length;
  const notUsed = [
    ["DELETE", `/mi/api/v1/workspaces/${name}`], ["DELETE", `/mi/api/v1/workspaces/${name}/projects/${projectId}/assets/${assetId}`],
    ["POST", `/mi/api/v1/workspaces/${name}/projects/${projectId}/assets/${assetId}/index/cancel`],
  ];
  const refused = await Promise.all(notUsed.map(async ([method, path]) => (await fetch(url + path, { method, headers: { cookie } })).status));
  const allowedWithCookie = (await fetch(`${url}/mi/api/v1/workspaces/${name}`, { headers: { cookie } })).status;
  const reached = (await emulatorLog()).slice(loggedBefore).map((r) => `${r.method} ${r.url}`);
  check(refused.every((s) => s === 404) && allowedWithCookie === 200 && same(reached, [`GET /api/v1/workspaces/${name}`]),
    `with the cookie, operations the page does not use are refused (${refused.join(", ")}) and never reach the API; an allowed one passes (${reached.join(", ")})`);
  check(pageErrors.length === 0, `no script error in the page${pageErrors.length ? `: ${pageErrors.join("; ")}` : ""}`);
} catch (e) {
  check(false, String(e?.stack ?? e).split("\n").slice(0, 6).join("\n    "));
} finally {
  await browser?.close();
  server.stop();
  emulator.stop();
}
console.log(`demo-page: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
