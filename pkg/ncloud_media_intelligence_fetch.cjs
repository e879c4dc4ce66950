"use strict";

const OK = 0, TIMEOUT = 1, ABORTED = 2, NETWORK = 3;
const TIMED_OUT = new Error("request timed out");

function send(fetchFn, url, method, headers, body, credentials, timeoutMs, signals) {
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
    if (credentials !== undefined) init.credentials = credentials;
    (async () => {
      const response = await f(url, init);
      if (response === null || typeof response !== "object" || typeof response.text !== "function") {
        throw new TypeError("fetch resolved to something other than a Response");
      }
      const text = await response.text();
      const status = response.status;
      const header = (name) => (status >= 300 ? response.headers.get(name) ?? undefined : undefined);
      finish([OK, status, text, header("date"), header("retry-after")]);
    })().catch((error) => finish([NETWORK, describe(error), error]));
  });
}

function sleep(ms, signals) {
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

function describe(error) {
  try {
    const message = (value) => (value !== null && typeof value === "object" && typeof value.message === "string" ? value.message : undefined);
    const detail = message(error) ?? (typeof error === "string" ? error : "fetch failed");
    const inner = error !== null && typeof error === "object" ? message(error.cause) : undefined;
    return inner === undefined ? detail : `${detail} (${inner})`;
  } catch {
    return "fetch failed";
  }
}
module.exports = { send,sleep };
