// Child of kinds.mjs (kind 6): replaces globalThis.AbortController / AbortSignal with jsdom-style fakes
// (EventTarget-based classes that are not the runtime's own) BEFORE loading the package, then runs the
// client against the parent's server and prints one JSON line per check: {"what","ok","detail"}.
// Runs under Node, Deno and Bun:
//   node|deno run -A|bun tests/faults/kinds-globals.mjs PKG_DIR SERVER_URL [strict]
// "strict" gives the client a fetch that refuses a signal that is not the runtime's own AbortSignal, as
// Deno's and Bun's fetch do (Node's fetch only duck-types it).
const [pkgDir, server, mode] = (globalThis.Deno ? Deno.args : process.argv.slice(2));
const RealAbortSignal = globalThis.AbortSignal;
const realFetch = globalThis.fetch;

class FakeAbortSignal extends EventTarget {
  constructor() {
    super();
    this.aborted = false;
    this.reason = undefined;
    this.onabort = null;
  }
  throwIfAborted() {
    if (this.aborted) throw this.reason;
  }
  static abort(reason) {
    const c = new FakeAbortController();
    c.abort(reason);
    return c.signal;
  }
  static timeout(ms) {
    const c = new FakeAbortController();
    setTimeout(() => c.abort(new Error("signal timed out")), ms);
    return c.signal;
  }
  static any(signals) {
    const c = new FakeAbortController();
    for (const s of signals) s.addEventListener("abort", () => c.abort(s.reason), { once: true });
    return c.signal;
  }
}
class FakeAbortController {
  constructor() {
    this.signal = new FakeAbortSignal();
  }
  abort(reason = new Error("This operation was aborted")) {
    if (this.signal.aborted) return;
    this.signal.aborted = true;
    this.signal.reason = reason;
    const event = new Event("abort");
    this.signal.onabort?.(event);
    this.signal.dispatchEvent(event);
  }
}
globalThis.AbortController = FakeAbortController;
globalThis.AbortSignal = FakeAbortSignal;

const out = (what, ok, detail = "") => console.log(JSON.stringify({ what, ok: !!ok, detail: String(detail) }));
const describe = (e) => (e ? `${e.name} ${e.code} attempts=${e.attempts}: ${e.message}` : "resolved");

let mod;
try {
  const href = new URL(`file://${pkgDir.replace(/\/?$/, "/")}index.js`).href;
  mod = await import(href);
} catch (e) {
  out("the package loads", false, e?.stack ?? e);
  throw e;
}
const strictFetch = (url, init) => {
  if (init?.signal != null && !(init.signal instanceof RealAbortSignal)) {
    return Promise.reject(new TypeError("Failed to construct 'Request': member signal is not of type AbortSignal."));
  }
  return realFetch(url, init);
};
const keys = { accessKey: "test-access-key", secretKey: "test-secret-key" };
const mi = new mod.MediaIntelligence({
  ...keys, endpoint: server, retries: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 },
  ...(mode === "strict" ? { fetch: strictFetch } : {}),
});
const attempt = async (p) => { try { return { value: await p }; } catch (error) { return { error }; } };

let r = await attempt(mi.getWorkspace("fake-globals"));
out("getWorkspace resolves", r.value?.workspaceName === "fake-globals", describe(r.error));
r = await attempt(mi.createWorkspace({ workspaceName: "fake-globals-new" }));
out("createWorkspace resolves", r.value?.workspaceName === "fake-globals-new", describe(r.error));

let started = Date.now();
r = await attempt(mi.getWorkspace("hang-timeout", { timeoutMs: 300, retries: { maxAttempts: 1 } }));
let elapsed = Date.now() - started;
out("a per-call timeoutMs 300 still times out (TimeoutError after ~300 ms)", r.error?.name === "TimeoutError" && r.error.code === "TIMEOUT" && elapsed >= 250 && elapsed < 3000, `${describe(r.error)} after ${elapsed} ms`);

const controller = new AbortController(); // the fake one
const reason = new Error("caller gave up");
setTimeout(() => controller.abort(reason), 200);
started = Date.now();
r = await attempt(mi.getWorkspace("hang-abort", { signal: controller.signal }));
elapsed = Date.now() - started;
out("the caller's (replaced) AbortController aborts the call: AbortError with its reason", r.error?.name === "AbortError" && r.error.code === "ABORTED" && r.error.reason === reason && elapsed < 3000, `${describe(r.error)} after ${elapsed} ms`);

r = await attempt(mi.getWorkspace("fake-globals", { signal: AbortSignal.abort(reason) }));
out("an already-aborted (replaced) signal rejects at once with AbortError", r.error?.name === "AbortError" && r.error.code === "ABORTED", describe(r.error));

r = await attempt(mi.getWorkspace("fake-globals", { signal: new AbortController().signal }));
out("a call with a (replaced) signal that never fires resolves", r.value?.workspaceName === "fake-globals", describe(r.error));
out("done", true);
// The hanging requests keep sockets open: leave now.
if (globalThis.Deno) Deno.exit(0);
else process.exit(0);
