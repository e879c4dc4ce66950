// The JS half of the transport (src/fetch.rs): one `fetch` with its time limit and the caller's abort
// signals, read to the end, and the waits between attempts. scripts/build.sh inlines it into the glue. It
// does one crossing per attempt instead of one per header, option and getter; it holds no retry or API
// logic, never logs, and never reads or formats a header beyond `date` and `retry-after`.

// What an attempt came to, as the array `send` resolves with (it never rejects):
//   [OK, status, body, date, retryAfter] | [TIMEOUT] | [ABORTED, reason] | [NETWORK, detail, error]
const OK = 0, TIMEOUT = 1, ABORTED = 2, NETWORK = 3;
// The abort reason of our own timer, so `fetch` implementations see a reason that names the cause.
const TIMED_OUT = new Error("request timed out");

/** Sends one request through `fetchFn` (or the global `fetch`, looked up now) and reads its body. */
export function send(fetchFn, url, method, headers, body, credentials, timeoutMs, signals) {
  return new Promise((resolve) => {
    const f = fetchFn ?? globalThis.fetch;
    if (typeof f !== "function") return resolve([NETWORK, "this runtime has no global fetch", undefined]);
    const fired = signals.find((s) => s.aborted);
    if (fired) return resolve([ABORTED, fired.reason]);
    const controller = new AbortController();
    let done = false;
    const finish = (outcome) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      for (const s of signals) s.removeEventListener("abort", onAbort);
      resolve(outcome);
    };
    // A caller's abort, or our timer, ends the attempt at once; the aborted fetch settles unobserved.
    function onAbort() {
      controller.abort(this.reason);
      finish([ABORTED, this.reason]);
    }
    const timer = setTimeout(() => {
      controller.abort(TIMED_OUT);
      finish([TIMEOUT]);
    }, timeoutMs);
    for (const s of signals) s.addEventListener("abort", onAbort);
    const init = { method, headers: JSON.parse(headers), body, signal: controller.signal };
    // workerd rejects the `credentials` field, so it is only sent when the caller chose a mode.
    if (credentials !== undefined) init.credentials = credentials;
    (async () => {
      const response = await f(url, init);
      if (response === null || typeof response !== "object" || typeof response.text !== "function") {
        throw new TypeError("fetch resolved to something other than a Response");
      }
      const text = await response.text();
      // `Date` (clock skew) and `Retry-After` only matter on a failure: no lookups on a success.
      const status = response.status;
      const header = (name) => (status >= 300 ? response.headers.get(name) ?? undefined : undefined);
      finish([OK, status, text, header("date"), header("retry-after")]);
    })().catch((error) => finish([NETWORK, describe(error), error]));
  });
}

/** Waits `ms` milliseconds; resolves `undefined`, or `[reason]` as soon as one of `signals` aborts. */
export function sleep(ms, signals) {
  return new Promise((resolve) => {
    const fired = signals.find((s) => s.aborted);
    if (fired) return resolve([fired.reason]);
    const finish = (outcome) => {
      clearTimeout(timer);
      for (const s of signals) s.removeEventListener("abort", onAbort);
      resolve(outcome);
    };
    function onAbort() {
      finish([this.reason]);
    }
    const timer = setTimeout(finish, ms);
    for (const s of signals) s.addEventListener("abort", onAbort);
  });
}

/** What `fetch` threw, in words: its message, and its `cause`'s (Node puts ECONNREFUSED and the like there). */
function describe(error) {
  try {
    const message = (value) => (value !== null && typeof value === "object" && typeof value.message === "string" ? value.message : undefined);
    const detail = message(error) ?? (typeof error === "string" ? error : "fetch failed");
    const inner = error !== null && typeof error === "object" ? message(error.cause) : undefined;
    return inner === undefined ? detail : `${detail} (${inner})`;
  } catch {
    // A thrown value whose getters throw in turn.
    return "fetch failed";
  }
}
