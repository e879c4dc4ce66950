// Shared helpers of the benchmark: paths, statistics, the message set every signer signs, and the
// one-JSON-line protocol between bench/run.mjs and its section scripts (each section runs in its own
// process and prints `BENCH {json}` as its last line).
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { glueFiles } from "../scripts/glue-files.mjs";

export const BENCH = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(BENCH, "..");
export const PKG = join(ROOT, "pkg");
/** The ES-module glue (the JS halves inlined), as the built pkg/package.json lists it; null while pkg/
 * is missing (run.mjs waits for a whole pkg/ before starting a section, which reads it again). */
export const GLUE_FILES = (() => {
  try {
    return glueFiles(PKG);
  } catch {
    return null;
  }
})();
export const QUICK = process.argv.includes("--quick");

export const ACCESS_KEY = "bench-access-key";
export const SECRET_KEY = "bench-secret-key-0123456789abcdef";

/** 64 distinct requests (method, uri, timestamp): every signer signs exactly these, round robin. */
export const REQUESTS = Array.from({ length: 64 }, (_, i) => ({
  method: i % 2 ? "POST" : "GET",
  uri: i % 2 ? "/api/v1/workspaces" : `/api/v1/workspaces/bench-workspace-${i}`,
  timestamp: String(1_760_000_000_000 + i * 1_001),
}));

/** NCP signature v2 message: `METHOD URI\nTIMESTAMP\nACCESS_KEY`. */
export function stringToSign(method, uri, timestamp, accessKey) {
  return `${method} ${uri}\n${timestamp}\n${accessKey}`;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Rounds to `digits` significant-ish decimals for the JSON file (keeps integers as they are). */
export function round(value, digits = 3) {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Ops per second of `fn` (sync), over `rounds` timed rounds of `iterations` calls; median of rounds. */
export function opsPerSec(fn, iterations, rounds) {
  for (let i = 0; i < Math.min(iterations, 2000); i++) fn(i); // warm-up: tier up before timing
  const rates = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) fn(i);
    const ns = Number(process.hrtime.bigint() - t0);
    rates.push(iterations / (ns / 1e9));
  }
  return median(rates);
}

/** Same as opsPerSec for an async `fn`, each call awaited before the next. */
export async function opsPerSecAsync(fn, iterations, rounds) {
  for (let i = 0; i < Math.min(iterations, 2000); i++) await fn(i);
  const rates = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) await fn(i);
    const ns = Number(process.hrtime.bigint() - t0);
    rates.push(iterations / (ns / 1e9));
  }
  return median(rates);
}

/** Prints a section's results for run.mjs (the last stdout line). */
export function report(results) {
  console.log(`BENCH ${JSON.stringify(results)}`);
}
