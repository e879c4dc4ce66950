// Starting the emulator as a child process, and signing requests for it, for every Node-side test:
// the emulator's own tests, the fault matrix, the load and proxy tests, the package and demo-page tests.
// The signer here is written from the API facts with node:crypto, independent of the Rust signer.
import { spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import { fileURLToPath } from "node:url";

const SERVER = fileURLToPath(new URL("./server.mjs", import.meta.url));
const live = new Set();
const CLEARED = {
  MI_EMULATOR_KEYS: "", MI_EMULATOR_QUOTA: "", MI_EMULATOR_TICK_MS: "", MI_EMULATOR_BUCKETS: "", MI_EMULATOR_PROJECT_LIMIT: "",
};
process.on("exit", () => stopAll());

/**
 * Spawns `server.mjs --port 0 --quiet` (with every MI_EMULATOR_* variable cleared, then `env`)
 * and resolves once its first stdout line is exactly `listening http://127.0.0.1:PORT`, to
 * `{ child, line, url, base, port, stop, stderr }` (`url` and `base` are the same; `stderr()` is what it
 * printed there so far). Rejects on any other first line, an early exit, or no line within 10 s.
 */
export function startEmulator(env = {}) {
  const child = spawn(process.execPath, [SERVER, "--port", "0", "--quiet"], {
    env: { ...process.env, ...CLEARED, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  live.add(child);
  child.once("exit", () => live.delete(child));
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`emulator did not start: ${stderr}`)), 10000);
    child.once("exit", (code) => reject(new Error(`emulator exited ${code}: ${stderr}`)));
    child.stdout.on("data", (d) => {
      out += d;
      const nl = out.indexOf("\n");
      if (nl < 0) return;
      clearTimeout(timer);
      const line = out.slice(0, nl);
      const m = /^listening (http:\/\/127\.0\.0\.1:(\d+))$/.exec(line);
      if (!m) return reject(new Error(`unexpected first line ${JSON.stringify(line)}`));
      const stop = () => child.exitCode === null && child.kill("SIGTERM");
      resolve({ child, line, url: m[1], base: m[1], port: Number(m[2]), stop, stderr: () => stderr });
    });
  });
}

/** Stops every emulator this process started that is still running. */
export function stopAll() {
  for (const child of live) if (child.exitCode === null) child.kill("SIGTERM");
}

/** NCP signature v2 of `METHOD uri` at `timestamp`, base64 HMAC-SHA256 over UTF-8. */
export function sign(method, uri, timestamp, accessKey, secretKey) {
  const message = method + " " + uri + "\n" + timestamp + "\n" + accessKey;
  return createHmac("sha256", Buffer.from(secretKey, "utf8")).update(Buffer.from(message, "utf8")).digest("base64");
}
