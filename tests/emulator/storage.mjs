// Object Storage as the emulator sees it: buckets and their objects (set by MI_EMULATOR_BUCKETS, the
// startServer option `buckets`, or POST /__emulator/buckets), and what an import of one object ends in.
// The JSON format and the default set are documented in the header comment of server.mjs.

import { Reply, badRequest } from "./common.mjs";

const HOUR = 3600 * 1000;

/** The buckets when MI_EMULATOR_BUCKETS is unset. */
export const DEFAULT_BUCKETS = Object.freeze({
  "mi-demo": {
    "sample-video.mp4": { durationMs: 2 * HOUR, resolution: "1280x720", size: 1_610_612_736 },
    "trailer.mov": { durationMs: 150_000, resolution: "1920x1080", size: 88_473_600 },
    "clips/interview.webm": { durationMs: 600_000, resolution: "854x480", size: 52_428_800 },
    "photo.jpg": { resolution: "1080x720", size: 2_457_600 },
    "broken.mp4": { invalid: "unsupported resolution (240p; 360p to 1080p are supported)" },
    "fail-analysis.mp4": { durationMs: 60_000, resolution: "1280x720", size: 9_437_184, failAnalysis: "Media parsing failed" },
    "fail-summary.mp4": { durationMs: 90_000, resolution: "1280x720", size: 14_155_776, failSummary: "Scene summarization failed" },
  },
});

export const VIDEO_FORMATS = ["mp4", "mkv", "mov", "webm"];
export const IMAGE_FORMATS = ["jpg", "png", "heic"];

const STRING_FIELDS = ["resolution", "invalid", "failImport", "failAnalysis", "failSummary"];
const INTEGER_FIELDS = ["durationMs", "size"];
const FIELDS = [...INTEGER_FIELDS, ...STRING_FIELDS];

/**
 * Validates the buckets JSON {bucket: {key: entry}}. Returns {buckets: Map bucket -> Map key -> entry}
 * or {error}. With `merge`, a null bucket or a null entry is kept as null (meaning: delete it).
 */
export function parseBuckets(value, { merge = false } = {}) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return { error: "buckets must be a JSON object {bucket: {key: entry}}" };
  }
  const buckets = new Map();
  for (const [bucket, objects] of Object.entries(value)) {
    if (bucket === "") return { error: "a bucket name must not be empty" };
    if (objects === null && merge) {
      buckets.set(bucket, null);
      continue;
    }
    if (objects === null || typeof objects !== "object" || Array.isArray(objects)) {
      return { error: `bucket ${JSON.stringify(bucket)} must be an object {key: entry}` };
    }
    const keys = new Map();
    for (const [key, entry] of Object.entries(objects)) {
      const at = `${bucket}/${key}`;
      if (key === "") return { error: `an object key in bucket ${JSON.stringify(bucket)} is empty` };
      if (entry === null && merge) {
        keys.set(key, null);
        continue;
      }
      if (entry === null || typeof entry !== "object" || Array.isArray(entry)) return { error: `${at} must be an object` };
      const unknown = Object.keys(entry).find((f) => !FIELDS.includes(f));
      if (unknown !== undefined) return { error: `${at}: unknown field ${unknown}; fields are ${FIELDS.join(", ")}` };
      for (const f of INTEGER_FIELDS) {
        if (entry[f] !== undefined && !(Number.isSafeInteger(entry[f]) && entry[f] >= 0)) {
          return { error: `${at}: ${f} must be an integer >= 0` };
        }
      }
      for (const f of STRING_FIELDS) {
        if (entry[f] !== undefined && (typeof entry[f] !== "string" || entry[f] === "")) {
          return { error: `${at}: ${f} must be a non-empty string` };
        }
      }
      if (entry.resolution !== undefined && !/^[1-9][0-9]{0,4}x[1-9][0-9]{0,4}$/.test(entry.resolution)) {
        return { error: `${at}: resolution must look like 1280x720` };
      }
      keys.set(key, { ...entry });
    }
    buckets.set(bucket, keys);
  }
  return { buckets };
}

const cloneBuckets = (buckets) => new Map([...buckets].map(([b, keys]) => [b, new Map([...keys].map(([k, e]) => [k, { ...e }]))]));

const bucketsJson = (buckets) =>
  Object.fromEntries([...buckets].map(([b, keys]) => [b, Object.fromEntries([...keys].map(([k, e]) => [k, e]))]));

export function reset(state) {
  state.buckets = cloneBuckets(state.options.buckets);
}

/** The format of a key from its extension ("jpeg" is "jpg"), lower-case, or null when it has none. */
export function formatOf(key) {
  const m = /\.([A-Za-z0-9]+)$/.exec(key);
  if (!m) return null;
  const ext = m[1].toLowerCase();
  return ext === "jpeg" ? "jpg" : ext;
}

/**
 * What importing `bucket`/`key` ends in, decided when the import is requested:
 * {uploadStatus: "COMPLETED", type, metaData, entry} or {uploadStatus: FAILED|FILE_NOT_EXIST|INVALID_METADATA,
 * uploadResult, type}. `type` is VIDEO or IMAGE from the extension (VIDEO when unknown).
 */
export function importOutcome(state, bucket, key) {
  const format = formatOf(key);
  const type = IMAGE_FORMATS.includes(format) ? "IMAGE" : "VIDEO";
  const objects = state.buckets.get(bucket);
  if (!objects) return { uploadStatus: "FILE_NOT_EXIST", uploadResult: `Bucket '${bucket}' does not exist`, type };
  const entry = objects.get(key);
  if (!entry) return { uploadStatus: "FILE_NOT_EXIST", uploadResult: `Object '${key}' does not exist in bucket '${bucket}'`, type };
  if (entry.failImport) return { uploadStatus: "FAILED", uploadResult: entry.failImport, type };
  const invalid = (reason) => ({ uploadStatus: "INVALID_METADATA", uploadResult: reason, type });
  if (entry.invalid) return invalid(entry.invalid);
  if (!VIDEO_FORMATS.includes(format) && !IMAGE_FORMATS.includes(format)) {
    return invalid(`unsupported format (${format ?? "no extension"}); video: mp4, mkv, mov, webm; image: jpg, png, heic`);
  }
  const resolution = entry.resolution ?? "1280x720";
  const [w, h] = resolution.split("x").map(Number);
  const shortSide = Math.min(w, h);
  if (shortSide < 360 || shortSide > 1080) return invalid(`unsupported resolution (${resolution}; 360p to 1080p are supported)`);
  if (type === "VIDEO") {
    const durationMs = entry.durationMs ?? 60_000;
    if (durationMs > 6 * HOUR) return invalid("video longer than 6 hours");
    if (durationMs === 0) return invalid("video has no duration");
    const size = entry.size ?? Math.round(durationMs * 150); // about 1.2 Mbit/s
    if (size > 10 * 1024 ** 3) return invalid("file larger than 10 GB");
    return { uploadStatus: "COMPLETED", type, entry, metaData: { resolution, durationMs, size, format } };
  }
  const size = entry.size ?? 524_288;
  if (size > 10 * 1024 ** 2) return invalid("file larger than 10 MB");
  return { uploadStatus: "COMPLETED", type, entry, metaData: { resolution, size, format } };
}

async function postBuckets({ state, json }) {
  const input = await json();
  if (input.error) return input.error;
  const parsed = parseBuckets(input.value, { merge: true });
  if (parsed.error) return badRequest(parsed.error);
  for (const [bucket, keys] of parsed.buckets) {
    if (keys === null) {
      state.buckets.delete(bucket);
      continue;
    }
    if (!state.buckets.has(bucket)) state.buckets.set(bucket, new Map());
    const stored = state.buckets.get(bucket);
    for (const [key, entry] of keys) {
      if (entry === null) stored.delete(key);
      else stored.set(key, entry);
    }
  }
  return new Reply(200, bucketsJson(state.buckets));
}

export const routes = [];

export const adminRoutes = [
  { method: "GET", path: "/__emulator/buckets", handler: ({ state }) => new Reply(200, bucketsJson(state.buckets)) },
  { method: "POST", path: "/__emulator/buckets", handler: postBuckets },
];
