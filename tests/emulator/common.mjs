// Shared pieces of the API emulator's modules: answers (Reply and the envelopes), the emulator clock, KST
// times, JSON bodies, path ids and paging. The route-table interface that uses them is documented in the
// header comment of server.mjs.

/** What to answer: an HTTP status and a JSON body (null for 204). */
export class Reply {
  constructor(status, body) {
    this.status = status;
    this.body = body;
  }
}

/** Gateway envelope {"error":{"errorCode","message","details"}}. */
export const gatewayError = (status, errorCode, message, details) =>
  new Reply(status, { error: { errorCode, message, details } });
/** Service failure {"code","message"}. */
export const serviceError = (status, code, message) => new Reply(status, { code, message });
/** Service success {"code":"0","message":"success","result":...}; with no argument there is no result key. */
export const success = (result) =>
  new Reply(200, result === undefined ? { code: "0", message: "success" } : { code: "0", message: "success", result });
export const authFailed = (details) => gatewayError(401, "200", "Authentication Failed", details);
/** 400 code "400": the workspace routes' (and the admin routes') bad request. */
export const badRequest = (message) => serviceError(400, "400", message);
/** 400 code "10001" Invalid Request (documented in maiu-overview): the media routes' bad parameter. */
export const invalidRequest = (message) => serviceError(400, "10001", message);
/** 404 code "404". */
export const notFound = (message) => serviceError(404, "404", message);
/** 409 code "409" (the API documents the 409 statuses, not their codes: GUESS). */
export const conflict = (message) => serviceError(409, "409", message);

export const KST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** The emulator clock: ms since the epoch, skewed by the offset set with POST /__emulator/clock. */
export const nowMs = (state) => Date.now() + state.clockOffsetMs;

/** ISO 8601 local date-time in KST (UTC+9), no zone, no millis, of `ms`: 2026-03-18T10:30:00. */
export const kstOf = (ms) => new Date(ms + KST_OFFSET_MS).toISOString().slice(0, 19);

/** KST now on the emulator clock. */
export const kstNow = (state) => kstOf(nowMs(state));

/**
 * Parses a JSON request body. Returns {value} or {error: Reply}. The Content-Type must be application/json
 * (parameters such as charset allowed) and the value a JSON object. `optional`: an empty body (any
 * Content-Type) is {}. `invalid` builds the 400 (default invalidRequest, code "10001").
 */
export function parseJsonBody(req, body, { optional = false, invalid = invalidRequest } = {}) {
  if (optional && body.length === 0) return { value: {} };
  const type = String(req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json") return { error: invalid("Content-Type must be application/json") };
  let value;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
  } catch {
    return { error: invalid("Request body must be valid JSON") };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return { error: invalid("Request body must be a JSON object") };
  }
  return { value };
}

/** A positive integer id from path or query text ("12", not "012", "1.0" or "-1"), or null. */
export function parseId(text) {
  if (typeof text !== "string" || !/^[1-9][0-9]{0,15}$/.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * pageNum / pageSize from a query: pageNum required, an integer >= 1; pageSize optional, an integer
 * 1..maxSize, default defaultSize. Returns {pageNum, pageSize} or {error: Reply} (built by `invalid`).
 */
export function parsePaging(query, { maxSize = 1000, defaultSize = 1000, invalid = invalidRequest } = {}) {
  const num = query.get("pageNum");
  if (num === null || num === "") return { error: invalid("pageNum is required") };
  if (!/^[0-9]{1,9}$/.test(num) || Number(num) < 1) return { error: invalid("pageNum must be an integer >= 1") };
  const size = query.get("pageSize");
  let pageSize = defaultSize;
  if (size !== null && size !== "") {
    if (!/^[0-9]{1,9}$/.test(size) || Number(size) < 1 || Number(size) > maxSize) {
      return { error: invalid(`pageSize must be an integer from 1 to ${maxSize}`) };
    }
    pageSize = Number(size);
  }
  return { pageNum: Number(num), pageSize };
}

/** One page of `items`: {totalCount, totalPage, pageNo, pageSize, content}; a page past the end is empty. */
export function page(items, pageNum, pageSize) {
  return {
    totalCount: items.length,
    totalPage: Math.ceil(items.length / pageSize),
    pageNo: pageNum,
    pageSize,
    content: items.slice((pageNum - 1) * pageSize, pageNum * pageSize),
  };
}
