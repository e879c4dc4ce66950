// The packed package in a browser app: apps/browser is built with `vite build` and with webpack, each
// build is served on 127.0.0.1 with a same-origin signing proxy (/mi -> the emulator, the package's
// createProxyHandler signing on the server), and headless Chromium opens the page. Proves the bundler emits the
// .wasm as an asset, the page loads it, and create + get + typed errors work with no secret in the page.
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";
import { pathToFileURL } from "node:url";
import { launchChromium } from "../chromium.mjs";
import { bin, checkScenario, keys, listFiles, project, run, uniqueName } from "./lib.mjs";

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm" };

// Serves DIST and the package's own signing proxy (createProxyHandler) under /mi, which signs with the
// keys on the server and forwards to the emulator.
function serve(dist, emulator, createProxyHandler) {
  const proxy = createProxyHandler({
    accessKey: keys.NCP_ACCESS_KEY,
    secretKey: keys.NCP_SECRET_KEY,
    endpoint: emulator,
    allow: ["createWorkspace", "getWorkspace"],
    basePath: "/mi",
  });
  const server = createServer(async (req, res) => {
    try {
      if (req.url.startsWith("/mi/")) {
        const chunks = [];
        for await (const chunk of req) chunks.push(chunk);
        const headers = new Headers();
        for (const [name, value] of Object.entries(req.headers)) headers.set(name, String(value));
        const body = chunks.length ? Buffer.concat(chunks) : undefined;
        const response = await proxy(new Request(`http://${req.headers.host}${req.url}`, { method: req.method, headers, body }));
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
        return;
      }
      if (req.url === "/favicon.ico") return res.writeHead(204).end();
      const path = normalize(new URL(req.url, "http://x").pathname).replace(/^\/+/, "") || "index.html";
      const body = readFileSync(join(dist, path));
      res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

// Opens DIST (a build of apps/browser) in Chromium behind the signing proxy; checks the page's result.
async function inChromium(ctx, cwd, dist) {
  const assets = listFiles(dist).filter((f) => f.endsWith(".wasm"));
  if (assets.length !== 1) throw new Error(`the build emitted ${assets.length} .wasm assets`);
  const pkgEntry = join(cwd, "node_modules", "ncloud-media-intelligence", "index.js");
  const { createProxyHandler } = await import(pathToFileURL(pkgEntry).href);
  const server = await serve(dist, ctx.emulator, createProxyHandler);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const loaded = [], problems = [];
    page.on("response", (r) => { if (r.url().endsWith(".wasm")) loaded.push(`${r.status()} ${new URL(r.url()).pathname}`); });
    page.on("console", (m) => {
      // Chromium logs every non-2xx answer; the 409 of the duplicate create is expected.
      if (/^Failed to load resource: .* 409 /.test(m.text())) return;
      if (m.type() === "error" || m.type() === "warning") problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(String(e)));
    const name = uniqueName("browser");
    await page.goto(`http://127.0.0.1:${server.address().port}/?workspace=${name}`);
    const result = page.locator("#result");
    await result.and(page.locator("[data-state]")).waitFor({ timeout: 20_000 });
    const text = await result.textContent();
    if ((await result.getAttribute("data-state")) !== "done") throw new Error(`the page failed: ${text}`);
    if (loaded.length !== 1 || loaded[0] !== `200 /${assets[0]}`) throw new Error(`wasm requests: ${loaded.join(", ")}`);
    if (problems.length) throw new Error(`console: ${problems.join(" | ")}`);
    return `${checkScenario(JSON.parse(text), name, "browser")} (${assets[0]} in Chromium)`;
  } finally {
    await browser.close();
    server.close();
  }
}

export async function vite(ctx) {
  const cwd = project(ctx.dir, "vite", "browser", ctx.tarball);
  const build = await run(bin("vite"), ["build", "--logLevel", "warn"], { cwd });
  if (build.code !== 0) throw new Error(`vite build: ${build.stdout}${build.stderr}`);
  return `vite build: ${await inChromium(ctx, cwd, join(cwd, "dist"))}`;
}

// Builds with webpack's Node API and apps/browser/webpack.config.js, as `webpack` (the CLI) would.
export async function webpack(ctx) {
  const cwd = project(ctx.dir, "webpack", "browser", ctx.tarball);
  const { default: config } = await import(pathToFileURL(join(cwd, "webpack.config.js")).href);
  const { default: compile } = await import("webpack");
  const stats = await new Promise((resolve, reject) => {
    compile({ context: cwd, ...config }, (e, result) => (e ? reject(e) : resolve(result)));
  });
  // Any error or warning fails, except webpack's performance hints (an asset over its default 244 KiB): the
  // wasm's size has its own budget (bench/size-budget.json, the size-budget suite) and a hint is no fault.
  const hints = new Set(["AssetsOverSizeLimitWarning", "EntrypointsOverSizeLimitWarning", "NoAsyncChunksWarning"]);
  const warnings = stats.compilation.getWarnings().filter((w) => !hints.has(w.name));
  if (stats.hasErrors() || warnings.length) throw new Error(`webpack: ${stats.toString("errors-warnings")}`);
  const dist = config.output.path;
  const html = readFileSync(join(cwd, "index.html"), "utf8").replace('type="module" src="./main.js"', 'src="main.js"');
  writeFileSync(join(dist, "index.html"), html);
  return `webpack ${stats.compilation.compiler.webpack.version}: ${await inChromium(ctx, cwd, dist)}`;
}
