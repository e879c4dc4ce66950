// Helpers of the packed-package test (tests/package/run.mjs): packing pkg/, fresh projects that install
// the tarball, child processes, the emulator, free ports, and the checks every runtime's result must pass.
import { execFileSync, spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const bin = (name) => join(root, "node_modules", ".bin", name);
export const keys = { NCP_ACCESS_KEY: "test-access-key", NCP_SECRET_KEY: "test-secret-key" };

const children = new Set();
process.on("exit", () => { for (const child of children) child.kill(); });

/** `npm pack` of pkg/ into a new temporary folder; returns { dir, tarball }. */
export function pack() {
  const dir = mkdtempSync(join(tmpdir(), "mi-package-"));
  const out = execFileSync("npm", ["pack", "--json", "--pack-destination", dir], {
    cwd: join(root, "pkg"), encoding: "utf8", stdio: ["ignore", "pipe", "ignore"],
  });
  const [{ filename, files }] = JSON.parse(out);
  return { dir, tarball: join(dir, filename), files: files.map((f) => f.path) };
}

/** A fresh project in DIR/NAME: the files of tests/package/apps/APP, a package.json, the tarball installed. */
export function project(dir, name, app, tarball, type = "module") {
  const where = join(dir, name);
  mkdirSync(where, { recursive: true });
  cpSync(join(root, "tests", "package", "apps", app), where, { recursive: true });
  writeFileSync(join(where, "package.json"), JSON.stringify({ name: `mi-${name}`, private: true, type }, null, 2));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", tarball], {
    cwd: where, stdio: ["ignore", "ignore", "pipe"],
  });
  return where;
}

/** Runs a command to its end; resolves { code, stdout, stderr }. Never throws. */
export function run(command, args, { cwd, env = {}, timeoutMs = 120_000 } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    children.add(child);
    let stdout = "", stderr = "";
    child.stdout.on("data", (d) => { stdout += d; });
    child.stderr.on("data", (d) => { stderr += d; });
    const timer = setTimeout(() => { stderr += `\n(killed after ${timeoutMs} ms)`; child.kill("SIGKILL"); }, timeoutMs);
    child.on("error", (e) => { stderr += String(e); });
    child.on("close", (code) => { clearTimeout(timer); children.delete(child); resolve({ code, stdout, stderr }); });
  });
}

/** Starts a long-running process; returns it with `.output()` (what it printed so far). Killed on exit. */
export function start(command, args, { cwd, env = {} } = {}) {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  children.add(child);
  let output = "";
  child.stdout.on("data", (d) => { output += d; });
  child.stderr.on("data", (d) => { output += d; });
  child.output = () => output;
  child.stop = () => { children.delete(child); child.kill(); };
  return child;
}

export { startEmulator } from "../emulator/spawn.mjs";

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Waits until `fetch(url)` gets any answer (the process must stay alive meanwhile). */
export async function waitForHttp(url, child, timeoutMs = 20_000) {
  for (const until = Date.now() + timeoutMs; Date.now() < until;) {
    if (child.exitCode !== null) throw new Error(`exited early: ${child.output()}`);
    try { await fetch(url); return; } catch { await sleep(100); }
  }
  throw new Error(`${url} did not answer: ${child.output()}`);
}

/** The last line of OUTPUT that parses as JSON, or an error naming what was printed. */
export function lastJson({ code, stdout, stderr }) {
  const line = stdout.trim().split("\n").reverse().find((l) => l.startsWith("{"));
  if (code !== 0 || !line) throw new Error(`exit ${code}: ${(stderr || stdout).trim().slice(-800)}`);
  return JSON.parse(line);
}

/** Checks a runtime's create + get + typed errors result (the shape every apps/ program prints). */
export function checkScenario(result, workspaceName, entrySuffix) {
  const { entry, created, details, errors } = result;
  const fail = (what) => { throw new Error(`${what}: ${JSON.stringify(result)}`); };
  if (entrySuffix && !String(entry).endsWith(entrySuffix)) fail(`loaded ${entry}, expected …${entrySuffix}`);
  if (created?.workspaceName !== workspaceName || typeof created.createdTime !== "string") fail("createWorkspace");
  if (details?.bucketName !== "my-bucket" || details.monthlyAnalysisCount !== 0) fail("getWorkspace");
  const [invalid, conflict] = errors ?? [];
  if (invalid?.name !== "ValidationError" || invalid.code !== "INVALID_INPUT" || invalid.field !== "workspaceName" || !invalid.isError) {
    fail("the bad name is not a ValidationError");
  }
  if (conflict?.name !== "ApiError" || conflict.code !== "CONFLICT" || conflict.status !== 409 || !conflict.isError) {
    fail("the taken name is not an ApiError CONFLICT 409");
  }
  return "create, get, ValidationError, ApiError CONFLICT";
}

/** Checks the project part of apps/node's result: a project created beside the base project, then listed. */
export function checkProjects(result) {
  const { project, projects, totalCount } = result;
  const fail = (what) => { throw new Error(`${what}: ${JSON.stringify({ project, projects, totalCount })}`); };
  if (!Number.isInteger(project?.projectId) || project.name !== "trailers" || project.isBaseProject !== false) fail("createProject");
  if (!Array.isArray(projects) || projects.length !== 2 || totalCount !== 2) fail("listProjects: expected the base project and the new one");
  const [base, listed] = projects;
  if (base.isBaseProject !== true || !Number.isInteger(base.projectId)) fail("listProjects: the base project comes first");
  if (listed.projectId !== project.projectId || listed.name !== "trailers" || listed.createdTime !== project.createdTime) fail("listProjects: the new project");
  return "createProject, listProjects";
}

export const uniqueName = (tag) => `pkg-${tag}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
export const listFiles = (dir) => readdirSync(dir, { recursive: true }).map(String);
