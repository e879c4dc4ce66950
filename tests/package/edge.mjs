// The packed package in a Cloudflare Worker: apps/worker is bundled by `wrangler deploy --dry-run
// --outdir dist` (the very bundle `wrangler deploy` uploads), then dist/ is served by workerd with a
// generated config, and the test sends it HTTP requests: create, get, a bad name.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { bin, freePort, keys, listFiles, project, run, start, uniqueName, waitForHttp } from "./lib.mjs";

function config(dist, port, compatibilityDate, emulator) {
  const modules = listFiles(dist).filter((f) => /\.(js|wasm)$/.test(f)).sort((a, b) => (a === "worker.js" ? -1 : b === "worker.js" ? 1 : 0));
  const module = (f) => `(name = ${JSON.stringify(f)}, ${f.endsWith(".wasm") ? "wasm" : "esModule"} = embed ${JSON.stringify(f)})`;
  const text = (name, value) => `(name = ${JSON.stringify(name)}, text = ${JSON.stringify(value)})`;
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "loopback", network = (allow = ["local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [${modules.map(module).join(", ")}],
  compatibilityDate = ${JSON.stringify(compatibilityDate)},
  bindings = [${[text("NCP_ACCESS_KEY", keys.NCP_ACCESS_KEY), text("NCP_SECRET_KEY", keys.NCP_SECRET_KEY), text("NCP_ENDPOINT", emulator)].join(", ")}],
  globalOutbound = "loopback",
);
`;
}

export async function workerd(ctx) {
  const cwd = project(ctx.dir, "worker", "worker", ctx.tarball);
  const bundle = await run(bin("wrangler"), ["deploy", "--dry-run", "--outdir", "dist"], {
    cwd, env: { WRANGLER_SEND_METRICS: "false", CI: "true", NO_COLOR: "1" },
  });
  if (bundle.code !== 0) throw new Error(`wrangler: ${bundle.stdout}${bundle.stderr}`);
  const dist = join(cwd, "dist");
  const files = listFiles(dist);
  const wasm = files.filter((f) => f.endsWith(".wasm"));
  if (wasm.length !== 1 || !readFileSync(join(dist, "worker.js"), "utf8").includes(`from "./${wasm[0]}"`)) {
    throw new Error(`the bundle does not import the .wasm as a module: ${files.join(", ")}`);
  }

  const port = await freePort();
  const toml = readFileSync(join(cwd, "wrangler.toml"), "utf8");
  const date = /^compatibility_date = "([^"]+)"/m.exec(toml)[1];
  writeFileSync(join(dist, "config.capnp"), config(dist, port, date, ctx.emulator));
  const server = start(bin("workerd"), ["serve", join(dist, "config.capnp")], { cwd: dist });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitForHttp(`${base}/?workspace=Bad%20Name`, server);
    const name = uniqueName("workerd");
    const call = async (url, init) => {
      const res = await fetch(url, init);
      return { status: res.status, body: await res.json() };
    };
    const created = await call(base, { method: "POST", body: JSON.stringify({ workspaceName: name, bucketName: "my-bucket" }) });
    if (created.status !== 201 || created.body.workspaceName !== name) throw new Error(`create: ${JSON.stringify(created)}`);
    const got = await call(`${base}/?workspace=${name}`);
    if (got.status !== 200 || got.body.bucketName !== "my-bucket" || got.body.monthlyAnalysisCount !== 0) {
      throw new Error(`get: ${JSON.stringify(got)}`);
    }
    const bad = await call(`${base}/?workspace=Bad%20Name`);
    if (bad.status !== 400 || bad.body.name !== "ValidationError" || bad.body.field !== "workspaceName") {
      throw new Error(`bad name: ${JSON.stringify(bad)}`);
    }
    const missing = await call(`${base}/?workspace=${name}-missing`);
    if (missing.status !== 404 || missing.body.name !== "ApiError" || missing.body.code !== "NOT_FOUND") {
      throw new Error(`missing: ${JSON.stringify(missing)}`);
    }
    return `wrangler bundle (${wasm[0].replace(/^[0-9a-f]+-/, "<hash>-")}) in workerd: create, get, ValidationError, ApiError NOT_FOUND`;
  } finally {
    server.stop();
  }
}
