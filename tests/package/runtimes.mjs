// Checks of the packed package in server runtimes (Node ESM, Node require, Deno, Bun) and in a strict
// TypeScript project. Each check gets { dir, tarball, emulator } and throws on failure, or returns a summary.
import { bin, checkProjects, checkScenario, keys, lastJson, project, run, uniqueName } from "./lib.mjs";

// apps/node/main.mjs, unchanged, in each of Node, Deno and Bun: the workspace scenario and the projects.
async function esm(ctx, runtime, command, args) {
  const cwd = project(ctx.dir, runtime, "node", ctx.tarball);
  const name = uniqueName(runtime);
  const env = { ...keys, NCP_ENDPOINT: ctx.emulator };
  const result = lastJson(await run(command, [...args, "main.mjs", name], { cwd, env }));
  return `${checkScenario(result, name, "/node_modules/ncloud-media-intelligence/index.js")}, ${checkProjects(result)}`;
}

export async function nodeEsm(ctx) {
  return `${await esm(ctx, "node-esm", "node", [])} (import -> index.js)`;
}

export async function nodeRequire(ctx) {
  const cwd = project(ctx.dir, "node-cjs", "node", ctx.tarball, "commonjs");
  const name = uniqueName("node-cjs");
  // Without require(esm), as in Node 20 before 20.19: the CommonJS entry must not need it.
  const result = lastJson(await run("node", ["--no-experimental-require-module", "main.cjs", name], { cwd, env: { ...keys, NCP_ENDPOINT: ctx.emulator } }));
  return `${checkScenario(result, name, "/node_modules/ncloud-media-intelligence/index.cjs")}, ${checkProjects(result)} (require -> index.cjs, without require(esm))`;
}

export async function deno(ctx) {
  const version = (await run(bin("deno"), ["--version"])).stdout.split("\n")[0];
  if (!/^deno 2\./.test(version)) throw new Error(`expected Deno 2, got ${version}`);
  const summary = await esm(ctx, "deno", bin("deno"), ["run", "--allow-net", "--allow-env", "--allow-read"]);
  return `${summary} (${version})`;
}

export async function bun(ctx) {
  const version = (await run(bin("bun"), ["--version"])).stdout.trim();
  if (!version) throw new Error("bun does not run");
  return `${await esm(ctx, "bun", bin("bun"), ["run"])} (bun ${version})`;
}

// apps/types: tsc --strict under NodeNext (import and require) and Bundler resolution. --traceResolution
// shows how TypeScript found the declarations, so the check knows they came through the exports map.
export async function typescript(ctx) {
  const cwd = project(ctx.dir, "types", "types", ctx.tarball);
  const declarations = { "tsconfig.json": "index.d.cts index.d.ts", "tsconfig.bundler.json": "index.d.ts" };
  for (const [config, expected] of Object.entries(declarations)) {
    const { code, stdout, stderr } = await run(bin("tsc"), ["-p", config, "--traceResolution"], { cwd });
    const errors = stdout.split("\n").filter((l) => /error TS/.test(l));
    if (code !== 0 || errors.length) throw new Error(`${config}: ${errors.join("\n") || stderr || `exit ${code}`}`);
    const resolved = new Set();
    for (const block of stdout.split("======== Resolving module 'ncloud-media-intelligence'").slice(1)) {
      const file = /successfully resolved to '[^']*\/node_modules\/ncloud-media-intelligence\/([^']+)'/.exec(block)?.[1];
      if (!file) throw new Error(`${config}: the package did not resolve`);
      if (!block.includes("Entering conditional exports") && !block.includes("found in cache")) {
        throw new Error(`${config}: ${file} was not resolved through "exports"`);
      }
      resolved.add(file);
    }
    if ([...resolved].sort().join(" ") !== expected) throw new Error(`${config}: resolved ${[...resolved]}, expected ${expected}`);
  }
  return "tsc --strict: NodeNext import (index.d.ts) + require (index.d.cts), Bundler; misuse rejected";
}
