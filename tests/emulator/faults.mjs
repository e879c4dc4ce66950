// Scripted faults of the API emulator: the queue entries, their validation and the faulted answers.
// The admin API and the exact semantics are documented in the header comment of server.mjs.

/** Routes an entry can name by default; "*" is any known API route. server.mjs passes the keys of its
 * route tables instead (every `key` of every module's `routes`). */
export const FAULT_ROUTES = ["*", "POST /api/v1/workspaces", "GET /api/v1/workspaces/*"];

/** Every fault name, in the order they are documented. */
export const FAULT_NAMES = [
  "429", "429-quota", "500", "502-html", "503", "504", "reset", "hang",
  "truncated", "invalid-json", "empty", "wrong-content-type", "lost",
];

/** Faults that answer instead of authenticating and processing the request (it has no effect). */
const BEFORE = new Set(["429", "429-quota", "500", "502-html", "503", "504", "reset", "hang"]);

/** Gateway envelopes of the before-faults that answer in JSON: [HTTP status, errorCode, message]. */
const ENVELOPES = {
  "429": [429, "410", "Throttle Limited"],
  "429-quota": [429, "400", "Quota Exceeded"],
  "500": [500, "900", "Unexpected Error"],
  "503": [503, "500", "Endpoint Error"],
  "504": [504, "510", "Endpoint Timeout"],
};

const JSON_TYPE = "application/json; charset=utf-8";

const NGINX_502 = [
  "<html>",
  "<head><title>502 Bad Gateway</title></head>",
  "<body>",
  "<center><h1>502 Bad Gateway</h1></center>",
  "<hr><center>nginx</center>",
  "</body>",
  "</html>",
  "",
].join("\r\n");

const FIELDS = ["route", "fault", "times", "retryAfter"];

export const isBeforeFault = (name) => BEFORE.has(name);

/**
 * Validates a `POST /__emulator/faults` body against the known route keys `routes` ("*" first). Returns
 * {faults: [normalised entries]} or {error: message}; nothing is queued unless every entry is valid.
 * null counts as absent for the optional fields.
 */
export function parseFaults(value, routes = FAULT_ROUTES) {
  if (value === null || typeof value !== "object" || Array.isArray(value) || !Array.isArray(value.faults)) {
    return { error: 'Request body must be {"faults":[...]}' };
  }
  const names = FAULT_NAMES.join(", ");
  const faults = [];
  for (const [i, entry] of value.faults.entries()) {
    const at = `faults[${i}]`;
    if (entry === null || typeof entry !== "object" || Array.isArray(entry)) return { error: `${at} must be an object` };
    const unknown = Object.keys(entry).find((key) => !FIELDS.includes(key));
    if (unknown !== undefined) return { error: `${at}: unknown field ${unknown}; fields are ${FIELDS.join(", ")}` };
    if (entry.fault === undefined || entry.fault === null) return { error: `${at}: fault is required; one of ${names}` };
    if (!FAULT_NAMES.includes(entry.fault)) {
      return { error: `${at}: unknown fault ${JSON.stringify(entry.fault)}; one of ${names}` };
    }
    const route = entry.route ?? "*";
    if (!routes.includes(route)) {
      return { error: `${at}: route must be one of ${routes.map((r) => JSON.stringify(r)).join(", ")}` };
    }
    const times = entry.times ?? 1;
    if (!Number.isSafeInteger(times) || times < 1) return { error: `${at}: times must be an integer >= 1` };
    const normalised = { route, fault: entry.fault, times };
    const retryAfter = entry.retryAfter ?? undefined;
    if (retryAfter !== undefined) {
      if (typeof retryAfter !== "string" || !/^[\x20-\x7e]+$/.test(retryAfter)) {
        return { error: `${at}: retryAfter must be a non-empty string of printable ASCII` };
      }
      normalised.retryAfter = retryAfter;
    }
    faults.push(normalised);
  }
  return { faults };
}

/**
 * Consumes one count of the first entry of `queue` whose route matches `routeKey` (the request's known
 * route, e.g. "GET /api/v1/workspaces/*"); an entry with nothing left is removed. Returns a copy of the
 * entry, or null when none matches.
 */
export function takeFault(queue, routeKey) {
  const i = queue.findIndex((entry) => entry.route === "*" || entry.route === routeKey);
  if (i < 0) return null;
  const entry = queue[i];
  entry.times -= 1;
  if (entry.times === 0) queue.splice(i, 1);
  return { ...entry };
}

function write(res, status, headers, type, body) {
  res.writeHead(status, { ...headers, "Content-Type": type, "Content-Length": Buffer.byteLength(body) });
  res.end(body);
}

/**
 * Answers a request with the fault `entry`. `headers` are the CORS and Date headers every answer carries;
 * `real` is the answer the request would have had ({status, text}), null for before-faults. Returns what
 * the request log records as its status: the HTTP status sent, or "reset" / "hang" / "lost" / "truncated".
 * A "hang" answer is left open: the caller keeps track of the socket.
 */
export function answerWithFault(req, res, entry, headers, real) {
  const name = entry.fault;
  headers = { ...headers };
  if (entry.retryAfter !== undefined) headers["Retry-After"] = entry.retryAfter;
  if (name in ENVELOPES) {
    const [status, errorCode, message] = ENVELOPES[name];
    const details = `Emulated fault ${name}`;
    write(res, status, headers, JSON_TYPE, JSON.stringify({ error: { errorCode, message, details } }));
    return status;
  }
  if (name === "502-html") {
    write(res, 502, headers, "text/html", NGINX_502);
    return 502;
  }
  if (name === "reset" || name === "lost") {
    req.socket.destroy();
    return name;
  }
  if (name === "hang") return "hang";
  const body = Buffer.from(real.text ?? "", "utf8");
  const half = body.subarray(0, Math.floor(body.length / 2));
  if (name === "truncated") {
    res.writeHead(real.status, { ...headers, "Content-Type": JSON_TYPE, "Content-Length": body.length });
    res.write(half, () => req.socket.destroy()); // once the half is handed to the kernel
    return "truncated";
  }
  if (name === "invalid-json") {
    write(res, real.status, headers, JSON_TYPE, half);
    return real.status;
  }
  if (name === "empty") {
    write(res, 200, headers, "application/json", "");
    return 200;
  }
  // wrong-content-type
  write(res, real.status, headers, "text/plain; charset=utf-8", body);
  return real.status;
}
