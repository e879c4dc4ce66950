// Shared by the Node-level resilience tests: starts a private emulator, builds clients on the built
// package, drives the emulator's admin API, and collects every error and log record so the secrets
// check can read them all.
export { startEmulator } from "../emulator/spawn.mjs";

export const SECRET = "test-secret-key";
export const KEYS = { accessKey: "test-access-key", secretKey: SECRET };

/** Calls an admin endpoint of the emulator and returns its JSON (or null for 204). */
export async function admin(base, method, path, body) {
  const res = await fetch(`${base}/__emulator/${path}`, {
    method,
    headers: body ? { "content-type": "application/json" } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`admin ${method} ${path}: HTTP ${res.status} ${await res.text()}`);
  return res.status === 204 ? null : res.json();
}

/** Everything the suite produced that a secret must never appear in. */
export const evidence = { errors: [], records: [], signatures: new Set() };

/** A fetch that records each signature it sends, so the secrets check can look for them. */
export function recordingFetch(input, init) {
  const signature = new Headers(init?.headers).get("x-ncp-apigw-signature-v2");
  if (signature) evidence.signatures.add(signature);
  return fetch(input, init);
}

/** Keeps an error's whole printable form (message, stack, own fields) for the secrets check. */
export function keep(error) {
  const fields = {};
  for (const key of Object.getOwnPropertyNames(error)) {
    if (key !== "cause" && key !== "reason") fields[key] = error[key];
  }
  evidence.errors.push(`${String(error)}\n${error?.stack ?? ""}\n${JSON.stringify(fields)}`);
  return error;
}

/** Resolves to `{ value }` or `{ error }` (kept as evidence). */
export async function settle(promise) {
  try {
    return { value: await promise };
  } catch (error) {
    return { error: keep(error) };
  }
}

/** Asserts the secret and every signature sent never show in an error or a log record. */
export function secretsNeverLeaked() {
  const haystacks = [...evidence.errors, ...evidence.records.map((r) => JSON.stringify(r))];
  const needles = [SECRET, ...evidence.signatures];
  const leaks = haystacks.filter((text) => needles.some((n) => text.includes(n)));
  return { checked: haystacks.length, signatures: evidence.signatures.size, leaks };
}

/** Collects `ok`/`not ok` lines and prints the closing `N passed, N failed` line. */
export function tally(label) {
  let passed = 0, failed = 0;
  return {
    check(ok, what, detail = "") {
      ok ? passed++ : failed++;
      console.log(`${ok ? "ok" : "not ok"} - ${what}${ok || !detail ? "" : `\n    ${detail}`}`);
      return ok;
    },
    finish() {
      console.log(`${label}: ${passed} passed, ${failed} failed`);
      process.exitCode = failed ? 1 : 0;
    },
  };
}
