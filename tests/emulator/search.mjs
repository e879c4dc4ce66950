// Asset search and the presigned uploads (operations #25 to #28 of mi-api.md, and the upload machinery that
// #47/#48 in people.mjs share). The route-table interface is documented in server.mjs; facts in
// ../shared/mi-api.md sections 2.6 and 3.5. Shapes the documentation does not show are marked GUESS.
//
// Errors (service envelope {code, message}): 400 "10001" for a broken input rule (the message names the
// field and the rule), 404 "404" for an unknown search id. Optional fields may be null (= absent); unknown
// fields are ignored (forward compatible).
//
// ---------------------------------------------------------------------------------------------- uploads
// A presigned upload is issued by #27 (search image, account level) or #47 (person thumbnail, workspace
// level, people.mjs), then the client PUTs the raw bytes to the URL, then confirms with #28 / #48.
//
//   POST /api/v1/query-assets/uploads/presigned-url   body {assetType: "IMAGE", assetFileName}
//        -> {assetFileKey, presignedUploadUrl, expirationSeconds}
//        assetType required, only "IMAGE". assetFileName required: 1 to 255 characters, no / \ or control
//        character, ending in .jpg .jpeg .png .webp or .heic (any case) (GUESS: the docs list the formats,
//        not this check). assetFileKey is "query-assets/<10 random>/<assetFileName>" (GUESS: "object path").
//   POST /api/v1/query-assets/uploads/complete        body {assetKey} (a non-empty string)
//        -> {assetKey, uploadStatus: COMPLETED | FAILED, uploadMessage?}
//        The check is made again on every call (the key need not be completed once only):
//          never uploaded (or unknown, or another account's key)  FAILED  FILE_NOT_EXIST
//          more than 5 MiB (5,242,880 bytes)                      FAILED  OVER_SIZE_LIMIT
//          not jpg / png / webp / heic by its magic bytes         FAILED  FORMAT_NOT_SUPPORT (GUESS: the
//                                                                         docs list no message for it)
//          width or height under 224 px, or no size readable      FAILED  RESOLUTION_NOT_SUPPORT
//          otherwise                                              COMPLETED, no uploadMessage
//        For a HEIC image the answered assetKey is the key with its extension replaced by .jpg (the docs:
//        "the key of the converted JPG"); that key, and only that one, is then usable as imageQuery.
//        A key is usable as imageQuery once a complete call answered COMPLETED for it; it does not expire.
//
// The presigned URL: http://HOST/__emulator/uploads?token=<32 hex>, HOST the request's Host header (the
// emulator as the client reached it), or MI_EMULATOR_UPLOAD_BASE (e.g. http://127.0.0.1:9000) when set.
// It lives under /__emulator/ because that is where the router lets a module answer without the NCP
// signature; it is NOT an admin route for tests to call, it stands for Object Storage.
//   PUT /__emulator/uploads?token=T   the raw bytes, any Content-Type (or none), no NCP header:
//        200 {"etag":"\"<md5 hex>\"","size":N} (GUESS: Object Storage answers 200 with an ETag header and
//            an empty body; the router only sends JSON)
//        400 {"code":"InvalidRequest"}   the request carries x-ncp-iam-access-key, x-ncp-apigw-signature-v2,
//            x-ncp-apigw-timestamp or Authorization: a presigned URL carries its own authority, and a
//            client that sends its keys here leaks them to storage (an emulator strictness, not the real
//            service's)
//        403 {"code":"AccessDenied"}     unknown token, URL expired (issued + expirationSeconds on the
//            emulator clock, see POST /__emulator/clock), or URL already used (single use: a PUT that was
//            read to its end uses it; a refused or aborted PUT does not)
//        409 {"code":"OperationAborted"} another PUT to the same URL is still sending its body
//        The body has no size limit here (over 5 MiB is counted, not kept, and fails at complete).
//   Every answer carries the CORS headers with Access-Control-Allow-Origin = the request's Origin or *, so a
//   page on another origin can upload and read the answer. The OPTIONS preflight is answered by server.mjs
//   for any path; a browser's PUT needs PUT in its Access-Control-Allow-Methods (search.test.mjs checks it,
//   marked todo while server.mjs does not list PUT).
//
// Control (admin, no authentication):
//   GET  /__emulator/uploads            200 [{kind, key, fileName, workspaceName, accessKey, issuedTime,
//                                       expiresTime, status: ISSUED|UPLOADING|UPLOADED, size, format, width,
//                                       height, putHeaders}] every issued upload, oldest first (putHeaders:
//                                       the lower-case headers of the PUT that uploaded it, for tests that
//                                       check what a client sent to storage)
//   POST /__emulator/uploads/settings   body {expirationSeconds?, thumbnailKeyTtlSeconds?} (integers >= 1)
//                                       -> 200 the settings; they apply to URLs issued / keys used from now
//   GET  /__emulator/uploads/settings   200 {expirationSeconds, thumbnailKeyTtlSeconds}
// Environment (read at start and on /__emulator/reset, which also forgets every upload):
//   MI_EMULATOR_UPLOAD_EXPIRY_S   presigned URL lifetime in seconds (default 900, the documented value)
//   MI_EMULATOR_UPLOAD_BASE       base of the presigned URLs instead of http://<Host header>
//
// ---------------------------------------------------------------------------------------- asset search
//   POST /api/v1/workspaces/{ws}/assets/search   -> {searchId} (GUESS: the response was not seen)
//        body {query, queryOption?, filter?}:
//          query            required object
//          query.textQuery  string, not blank, without ; | or `       exactly one of textQuery and imageQuery
//          query.imageQuery string: a key answered COMPLETED by #28 for this account
//          query.personQuery {must?, any?, not?}  arrays of positive integer person ids
//          query.dialogQuery {must?, any?, not?}  arrays of non-blank strings without ; | or `
//          queryOption.confidenceLevel  LOW | MEDIUM (default) | HIGH (third-party field)
//          filter.projectIds, filter.assetIds  arrays of positive integers; filter.assetTypes  array of
//          IMAGE | VIDEO; filter.indexModifiedFrom / indexModifiedTo  ISO 8601 date-times (third-party)
//        searchId: 20 random letters and digits. The search is RUNNING for 3 ticks (MI_EMULATOR_TICK_MS,
//        state.tickMs) on the emulator clock, then COMPLETED, or FAILED when textQuery is exactly
//        "__fail__" (the emulator's way to make a search fail). Its results are computed when it starts,
//        over analysedAssets(ws) (media.mjs: the assets with a completed index).
//   GET  /api/v1/workspaces/{ws}/assets/search/{searchId}?pageNum=1..&pageSize=1..100
//        pageNum optional, default 1; pageSize optional, default 50.
//        RUNNING / FAILED -> {searchId, status}
//        COMPLETED -> {searchId, status, totalCount, totalPage, pageNo, pageSize, results: [item]}
//        item (GUESS, the list field was cut off in the docs):
//          {assetId, projectId, assetName, assetType: VIDEO|IMAGE, score, scenes: [{sceneNo, startMs, endMs,
//           score}]}; image assets have no scenes (scenes: []).
//        404 "404" for a search id this workspace never issued.
// Matching (all deterministic):
//   scene text     its keywords, and the text of the script lines that overlap it in time
//   textQuery      split on white space, lower-cased; a term matches a scene when it is a substring of one
//                  of the scene's keywords or script lines; scene score = 100 x matched terms / terms.
//                  An image asset is one "scene" made of the index's keywords.
//   imageQuery     scene score = a hash of (the image's bytes, assetId, sceneNo) modulo 101
//   confidenceLevel  a scene must score at least LOW 40, MEDIUM 60, HIGH 80
//   personQuery    on the scene's personIds (a merged person's id counts as the person it was merged
//                  into): must = all of them, any = at least one, not = none; an image asset has no persons
//   dialogQuery    on the script lines overlapping the scene (case-insensitive substring): must = every
//                  string in some line, any = at least one, not = none; an image asset has no dialog
//   an asset is a result when one of its scenes passes every condition; its score is its best scene's;
//   results are sorted by score (highest first), then by index creation (oldest first), then asset id.
//
// Exports for people.mjs and for tests: sampleImage(format, width, height, {size, variant}) (a PNG, JPEG,
// WebP or HEIC whose header says that size, padded to `size` bytes: fixtures for upload tests in any
// layer), sniffImage(bytes), and the upload helpers issueUpload / completeUpload / usableUpload.

import { createHash, randomBytes } from "node:crypto";
import { deflateSync } from "node:zlib";

import { Reply, invalidRequest, kstOf, notFound, nowMs, success } from "./common.mjs";
import { analysedAssets } from "./media.mjs";

export const UPLOAD_SIZE_LIMIT = 5 * 1024 * 1024;
const DEFAULT_EXPIRY_S = 900;
const DEFAULT_THUMBNAIL_KEY_TTL_S = 24 * 3600;
const SEARCH_TICKS = 3;
const FORBIDDEN = /[;|`]/;
const FORBIDDEN_TEXT = "without ; | or `";

/** What each kind of upload accepts. */
export const UPLOAD_KINDS = {
  search: { formats: ["jpg", "png", "webp", "heic"], minPx: 224 },
  thumbnail: { formats: ["jpg", "png", "webp"], minPx: 256 },
};

// ------------------------------------------------------------------------------------- module state

function envSeconds(name, fallback) {
  const text = process.env[name];
  if (text === undefined || text === "") return fallback;
  if (!/^[0-9]{1,9}$/.test(text) || Number(text) < 1) {
    process.stderr.write(`search.mjs: ${name} must be a positive integer; using ${fallback}\n`);
    return fallback;
  }
  return Number(text);
}

export function reset(state) {
  state.uploads = {
    byToken: new Map(), // token -> upload record
    byKey: new Map(), // key (and a HEIC upload's converted .jpg key) -> upload record
    settings: {
      expirationSeconds: envSeconds("MI_EMULATOR_UPLOAD_EXPIRY_S", DEFAULT_EXPIRY_S),
      thumbnailKeyTtlSeconds: DEFAULT_THUMBNAIL_KEY_TTL_S,
    },
    base: process.env.MI_EMULATOR_UPLOAD_BASE || null,
  };
}

// ----------------------------------------------------------------------------------------- validation

/** `value` with null meaning absent. */
const given = (value) => value !== undefined && value !== null;

/** A positive safe integer. */
export const isId = (value) => Number.isSafeInteger(value) && value >= 1;

/** Length in characters (code points), as the docs count. */
export const chars = (text) => [...text].length;

/** null, or the message when `list` (already known to be given) is not an array of positive integer ids. */
export function checkIdList(name, list, { min = 0, max = Infinity } = {}) {
  if (!Array.isArray(list) || !list.every(isId)) return `${name} must be an array of positive integers`;
  if (list.length < min || list.length > max) {
    return max === Infinity ? `${name} must have at least ${min} item(s)` : `${name} must have ${min} to ${max} items`;
  }
  return null;
}

/** null, or the message when `value` is not a string of min..max characters (not blank when min >= 1). */
export function checkText(name, value, min, max, { noForbidden = false } = {}) {
  if (typeof value !== "string") return `${name} must be a string`;
  const n = chars(value);
  if (n < min || n > max || (min >= 1 && value.trim() === "")) {
    return `${name} must be ${min} to ${max} characters${min >= 1 ? ", not blank" : ""}`;
  }
  if (noForbidden && FORBIDDEN.test(value)) return `${name} must be ${FORBIDDEN_TEXT}`;
  return null;
}

/** A fresh random string of `n` letters and digits. */
export function randomText(n) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  let out = "";
  for (const byte of randomBytes(n)) out += alphabet[byte % alphabet.length];
  return out;
}

/** A 32-bit unsigned hash of its arguments' text (SHA-256), deterministic across runs. */
export function hash32(...parts) {
  return createHash("sha256").update(parts.join("\u0000")).digest().readUInt32BE(0);
}

// ---------------------------------------------------------------------------------------- image sniff

const HEIF_BRANDS = new Set(["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"]);

/**
 * The format of an image from its magic bytes, and its size when the header says it:
 * {format: "jpg"|"png"|"webp"|"heic", width, height} (width/height null when unreadable), or null.
 * PNG: IHDR. JPEG: the first SOFn marker before the scan. WebP: VP8 / VP8L / VP8X. HEIC: ftyp brand, and the
 * largest ispe box in the first MiB.
 */
export function sniffImage(buf) {
  const at = (i, n) => (buf.length >= i + n ? buf : null);
  if (at(0, 8) && buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    if (at(12, 12) && buf.toString("latin1", 12, 16) === "IHDR") {
      return { format: "png", width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
    }
    return { format: "png", width: null, height: null };
  }
  if (at(0, 3) && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return { format: "jpg", ...jpegSize(buf) };
  if (at(0, 12) && buf.toString("latin1", 0, 4) === "RIFF" && buf.toString("latin1", 8, 12) === "WEBP") {
    return { format: "webp", ...webpSize(buf) };
  }
  if (at(0, 12) && buf.toString("latin1", 4, 8) === "ftyp") {
    const boxSize = Math.min(buf.readUInt32BE(0), buf.length);
    const brands = [buf.toString("latin1", 8, 12)];
    for (let i = 16; i + 4 <= boxSize; i += 4) brands.push(buf.toString("latin1", i, i + 4));
    if (brands.some((b) => HEIF_BRANDS.has(b))) return { format: "heic", ...heifSize(buf) };
  }
  return null;
}

function jpegSize(buf) {
  let i = 2;
  while (i + 4 <= buf.length) {
    if (buf[i] !== 0xff) break;
    const marker = buf[i + 1];
    if (marker === 0xff) {
      i += 1;
      continue;
    }
    if ((marker >= 0xd0 && marker <= 0xd9) || marker === 0x01) {
      i += 2;
      continue;
    }
    const length = buf.readUInt16BE(i + 2);
    const sof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (sof && i + 9 <= buf.length) return { width: buf.readUInt16BE(i + 7), height: buf.readUInt16BE(i + 5) };
    if (marker === 0xda || length < 2) break;
    i += 2 + length;
  }
  return { width: null, height: null };
}

function webpSize(buf) {
  const chunk = buf.length >= 16 ? buf.toString("latin1", 12, 16) : "";
  if (chunk === "VP8 " && buf.length >= 30 && buf[23] === 0x9d && buf[24] === 0x01 && buf[25] === 0x2a) {
    return { width: buf.readUInt16LE(26) & 0x3fff, height: buf.readUInt16LE(28) & 0x3fff };
  }
  if (chunk === "VP8L" && buf.length >= 25 && buf[20] === 0x2f) {
    const bits = buf.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === "VP8X" && buf.length >= 30) return { width: buf.readUIntLE(24, 3) + 1, height: buf.readUIntLE(27, 3) + 1 };
  return { width: null, height: null };
}

function heifSize(buf) {
  const head = buf.subarray(0, 1024 * 1024);
  let best = { width: null, height: null };
  for (let i = head.indexOf("ispe", 0, "latin1"); i >= 0; i = head.indexOf("ispe", i + 4, "latin1")) {
    if (i + 16 > head.length) break;
    const width = head.readUInt32BE(i + 8);
    const height = head.readUInt32BE(i + 12);
    if (best.width === null || width * height > best.width * best.height) best = { width, height };
  }
  return best;
}

/**
 * A small image of `format` ("png" | "jpg" | "webp" | "heic") whose header says `width` x `height`, for tests
 * of the uploads (here and in the client's layers). PNG is a complete, decodable grey image; the others are
 * headers only (what sniffImage reads). `size`: zero bytes appended up to that many bytes in all; `webp`
 * takes `variant` "VP8" | "VP8L" | "VP8X" (default VP8X).
 */
export function sampleImage(format, width, height, { size, variant = "VP8X" } = {}) {
  let out;
  if (format === "png") {
    const chunk = (type, data) => {
      const head = Buffer.alloc(8);
      head.writeUInt32BE(data.length, 0);
      head.write(type, 4, "latin1");
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
      return Buffer.concat([head, data, crc]);
    };
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(width, 0);
    ihdr.writeUInt32BE(height, 4);
    ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
    const raw = Buffer.alloc(height * (width + 1), 0x80);
    for (let y = 0; y < height; y++) raw[y * (width + 1)] = 0; // filter byte
    out = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk("IHDR", ihdr),
      chunk("IDAT", deflateSync(raw)),
      chunk("IEND", Buffer.alloc(0)),
    ]);
  } else if (format === "jpg") {
    const sof = Buffer.from([0xff, 0xc0, 0, 11, 8, 0, 0, 0, 0, 1, 1, 0x11, 0]);
    sof.writeUInt16BE(height, 5);
    sof.writeUInt16BE(width, 7);
    const app0 = Buffer.from([0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
    out = Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, Buffer.from([0xff, 0xd9])]);
  } else if (format === "webp") {
    let body;
    if (variant === "VP8") {
      body = Buffer.alloc(18);
      body.write("VP8 ", 0, "latin1");
      body.writeUInt32LE(10, 4);
      body.set([0, 0, 0, 0x9d, 0x01, 0x2a], 8);
      body.writeUInt16LE(width & 0x3fff, 14);
      body.writeUInt16LE(height & 0x3fff, 16);
    } else if (variant === "VP8L") {
      body = Buffer.alloc(13);
      body.write("VP8L", 0, "latin1");
      body.writeUInt32LE(5, 4);
      body[8] = 0x2f;
      body.writeUInt32LE(((width - 1) & 0x3fff) | (((height - 1) & 0x3fff) << 14), 9);
    } else {
      body = Buffer.alloc(18);
      body.write("VP8X", 0, "latin1");
      body.writeUInt32LE(10, 4);
      body.writeUIntLE(width - 1, 12, 3);
      body.writeUIntLE(height - 1, 15, 3);
    }
    const head = Buffer.alloc(12);
    head.write("RIFF", 0, "latin1");
    head.writeUInt32LE(4 + body.length, 4);
    head.write("WEBP", 8, "latin1");
    out = Buffer.concat([head, body]);
  } else if (format === "heic") {
    const ftyp = Buffer.alloc(24);
    ftyp.writeUInt32BE(24, 0);
    ftyp.write("ftypheic", 4, "latin1");
    ftyp.write("mif1heic", 16, "latin1");
    const ispe = Buffer.alloc(20);
    ispe.writeUInt32BE(20, 0);
    ispe.write("ispe", 4, "latin1");
    ispe.writeUInt32BE(width, 12);
    ispe.writeUInt32BE(height, 16);
    out = Buffer.concat([ftyp, ispe]);
  } else {
    throw new Error(`sampleImage: unknown format ${format}`);
  }
  if (size !== undefined && size > out.length) out = Buffer.concat([out, Buffer.alloc(size - out.length)]);
  return out;
}

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

// -------------------------------------------------------------------------------------------- uploads

const FILE_NAME_FORMATS = /\.(jpe?g|png|webp|heic)$/i;

/** null, or the message when `name` is not a file name this kind of upload takes. */
export function checkFileName(field, name, kind) {
  const error = checkText(field, name, 1, 255);
  if (error) return error;
  if (/[/\\\u0000-\u001f\u007f]/.test(name)) return `${field} must not contain / \\ or control characters`;
  const formats = UPLOAD_KINDS[kind].formats;
  const m = FILE_NAME_FORMATS.exec(name);
  const format = m && (m[1].toLowerCase() === "jpeg" ? "jpg" : m[1].toLowerCase());
  if (!format || !formats.includes(format)) return `${field} must end in one of ${formats.map((f) => `.${f}`).join(" ")}${formats.includes("jpg") ? " (or .jpeg)" : ""}`;
  return null;
}

/** Base of the presigned URLs: MI_EMULATOR_UPLOAD_BASE, else the emulator as the request reached it. */
export function uploadBase(state, req) {
  if (state.uploads.base) return state.uploads.base.replace(/\/+$/, "");
  const host = req.headers.host || `${req.socket.localAddress}:${req.socket.localPort}`;
  return `http://${host}`;
}

/**
 * Issues a presigned upload of `kind` ("search" | "thumbnail") for the caller: {record, url}. `key` is the
 * object key chosen by the caller module.
 */
export function issueUpload(ctx, kind, key, fileName) {
  const { state, req } = ctx;
  const now = nowMs(state);
  const token = randomBytes(16).toString("hex");
  const record = {
    kind,
    key,
    fileName,
    token,
    accessKey: req.headers["x-ncp-iam-access-key"],
    workspaceName: ctx.ws ? ctx.ws.workspaceName : null,
    issuedMs: now,
    expiresMs: now + state.uploads.settings.expirationSeconds * 1000,
    status: "ISSUED",
    bytes: null,
    size: null,
    sha256: null,
    uploadedMs: null,
    putHeaders: null,
    completedKey: null, // the key answered by a COMPLETED complete call
  };
  state.uploads.byToken.set(token, record);
  state.uploads.byKey.set(key, record);
  const url = `${uploadBase(state, req)}/__emulator/uploads?token=${token}`;
  return { record, url, expirationSeconds: state.uploads.settings.expirationSeconds };
}

/** The upload record of `key` that belongs to the caller (and to ctx.ws for thumbnails), or null. */
function ownUpload(ctx, kind, key) {
  const record = ctx.state.uploads.byKey.get(key);
  if (!record || record.kind !== kind || record.accessKey !== ctx.req.headers["x-ncp-iam-access-key"]) return null;
  if (kind === "thumbnail" && record.workspaceName !== ctx.ws.workspaceName) return null;
  return record;
}

/** Checks the uploaded object of `key`: {uploadStatus, uploadMessage?, record}. */
export function completeUpload(ctx, kind, key) {
  const record = ownUpload(ctx, kind, key);
  if (!record || record.status !== "UPLOADED") {
    return { uploadStatus: "FAILED", uploadMessage: "FILE_NOT_EXIST", record: null };
  }
  const fail = (uploadMessage) => ({ uploadStatus: "FAILED", uploadMessage, record });
  if (record.size > UPLOAD_SIZE_LIMIT) return fail("OVER_SIZE_LIMIT");
  const image = sniffImage(record.bytes);
  if (!image || !UPLOAD_KINDS[kind].formats.includes(image.format)) return fail("FORMAT_NOT_SUPPORT");
  const minPx = UPLOAD_KINDS[kind].minPx;
  if (image.width === null || image.width < minPx || image.height < minPx) return fail("RESOLUTION_NOT_SUPPORT");
  let completedKey = record.key;
  if (image.format === "heic") completedKey = record.key.replace(/\.[^./]*$/, "") + ".jpg";
  record.completedKey = completedKey;
  record.image = image;
  ctx.state.uploads.byKey.set(completedKey, record);
  return { uploadStatus: "COMPLETED", record, completedKey };
}

/**
 * A completed upload usable now: {record} or {error: message}. Thumbnail keys expire
 * thumbnailKeyTtlSeconds (24 h) after their upload.
 */
export function usableUpload(ctx, kind, key, field) {
  const record = ownUpload(ctx, kind, key);
  if (!record || record.completedKey !== key) {
    return { error: `${field} ${JSON.stringify(key)} is not a completed upload (see the upload complete operation)` };
  }
  if (kind === "thumbnail") {
    const ttl = ctx.state.uploads.settings.thumbnailKeyTtlSeconds * 1000;
    if (nowMs(ctx.state) > record.uploadedMs + ttl) return { error: `${field} ${JSON.stringify(key)} has expired (24 h after its upload)` };
  }
  return { record };
}

/** Reads the body of a presigned PUT: keeps the first UPLOAD_SIZE_LIMIT + 1 bytes, counts them all. */
function readUpload(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let kept = 0;
    let size = 0;
    const hash = createHash("md5");
    const sha = createHash("sha256");
    req.on("data", (chunk) => {
      size += chunk.length;
      hash.update(chunk);
      sha.update(chunk);
      if (kept <= UPLOAD_SIZE_LIMIT) {
        chunks.push(chunk);
        kept += chunk.length;
      }
    });
    req.on("end", () => resolve({ bytes: Buffer.concat(chunks), size, md5: hash.digest("hex"), sha256: sha.digest("hex") }));
    req.on("error", reject);
    req.on("close", () => reject(new Error("upload closed before its end")));
  });
}

const storageError = (status, code, message) => new Reply(status, { code, message });
const NCP_HEADERS = ["x-ncp-iam-access-key", "x-ncp-apigw-signature-v2", "x-ncp-apigw-timestamp", "authorization"];

/** PUT /__emulator/uploads?token=T: the presigned URL (Object Storage's side). */
async function putUpload({ state, req, query }) {
  const record = state.uploads.byToken.get(query.get("token") ?? "");
  if (!record) return storageError(403, "AccessDenied", "Unknown presigned URL");
  const carried = NCP_HEADERS.filter((h) => req.headers[h] !== undefined);
  if (carried.length > 0) {
    return storageError(400, "InvalidRequest", `A presigned URL takes no NCP or Authorization header (got ${carried.join(", ")})`);
  }
  if (nowMs(state) > record.expiresMs) return storageError(403, "AccessDenied", "Request has expired");
  if (record.status === "UPLOADED") return storageError(403, "AccessDenied", "The presigned URL was already used");
  if (record.status === "UPLOADING") return storageError(409, "OperationAborted", "Another upload to this URL is in progress");
  record.status = "UPLOADING";
  let read;
  try {
    read = await readUpload(req);
  } catch (err) {
    record.status = "ISSUED";
    throw err;
  }
  Object.assign(record, { status: "UPLOADED", bytes: read.bytes, size: read.size, sha256: read.sha256, uploadedMs: nowMs(state) });
  record.putHeaders = { ...req.headers };
  return new Reply(200, { etag: `"${read.md5}"`, size: read.size });
}

function uploadsJson(state) {
  const out = [];
  for (const r of state.uploads.byToken.values()) {
    const image = r.bytes ? sniffImage(r.bytes) : null;
    out.push({
      kind: r.kind,
      key: r.key,
      fileName: r.fileName,
      workspaceName: r.workspaceName,
      accessKey: r.accessKey,
      issuedTime: kstOf(r.issuedMs),
      expiresTime: kstOf(r.expiresMs),
      status: r.status,
      size: r.size,
      format: image ? image.format : null,
      width: image ? image.width : null,
      height: image ? image.height : null,
      putHeaders: r.putHeaders,
    });
  }
  return out;
}

async function postSettings({ state, json }) {
  const input = await json();
  if (input.error) return input.error;
  const value = input.value;
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return new Reply(400, { code: "400", message: "Request body must be a JSON object" });
  }
  for (const [field, v] of Object.entries(value)) {
    if (!["expirationSeconds", "thumbnailKeyTtlSeconds"].includes(field)) {
      return new Reply(400, { code: "400", message: `unknown field ${field}; fields are expirationSeconds, thumbnailKeyTtlSeconds` });
    }
    if (!isId(v)) return new Reply(400, { code: "400", message: `${field} must be an integer >= 1` });
  }
  Object.assign(state.uploads.settings, value);
  return new Reply(200, state.uploads.settings);
}

// ------------------------------------------------------------------------------- search-image uploads

function searchImageUrl(ctx) {
  const input = ctx.json();
  if (input.error) return input.error;
  const { assetType, assetFileName } = input.value;
  if (!given(assetType)) return invalidRequest("assetType is required; only IMAGE");
  if (assetType !== "IMAGE") return invalidRequest("assetType must be IMAGE");
  if (!given(assetFileName)) return invalidRequest("assetFileName is required");
  const nameError = checkFileName("assetFileName", assetFileName, "search");
  if (nameError) return invalidRequest(nameError);
  const key = `query-assets/${randomText(10)}/${assetFileName}`;
  const { url, expirationSeconds } = issueUpload(ctx, "search", key, assetFileName);
  return success({ assetFileKey: key, presignedUploadUrl: url, expirationSeconds });
}

function searchImageComplete(ctx) {
  const input = ctx.json();
  if (input.error) return input.error;
  const { assetKey } = input.value;
  if (!given(assetKey)) return invalidRequest("assetKey is required");
  const error = checkText("assetKey", assetKey, 1, 1024);
  if (error) return invalidRequest(error);
  const outcome = completeUpload(ctx, "search", assetKey);
  if (outcome.uploadStatus === "COMPLETED") return success({ assetKey: outcome.completedKey, uploadStatus: "COMPLETED" });
  return success({ assetKey, uploadStatus: "FAILED", uploadMessage: outcome.uploadMessage });
}

// --------------------------------------------------------------------------------------- asset search

const LEVELS = { LOW: 40, MEDIUM: 60, HIGH: 80 };
const ASSET_TYPES = ["IMAGE", "VIDEO"];

/** Text of a keyword or script entry, whatever shape media.mjs gives it. */
function textOf(entry) {
  if (typeof entry === "string") return entry;
  if (entry && typeof entry === "object") {
    for (const f of ["keyword", "name", "text", "label", "value"]) if (typeof entry[f] === "string") return entry[f];
  }
  return "";
}

function checkMustAnyNot(name, value, checkItem) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return `${name} must be an object {must?, any?, not?}`;
  for (const part of ["must", "any", "not"]) {
    const list = value[part];
    if (!given(list)) continue;
    if (!Array.isArray(list)) return `${name}.${part} must be an array`;
    for (const [i, item] of list.entries()) {
      const error = checkItem(`${name}.${part}[${i}]`, item);
      if (error) return error;
    }
  }
  return null;
}

const checkPersonItem = (name, item) => (isId(item) ? null : `${name} must be a positive integer person id`);
const checkDialogItem = (name, item) => checkText(name, item, 1, 1000, { noForbidden: true });

function parseIsoTime(name, value) {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) || Number.isNaN(Date.parse(value))) {
    return { error: `${name} must be an ISO 8601 date-time` };
  }
  // A time without zone is KST, like the API's own times.
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(value) ? value : value.length === 10 ? `${value}T00:00:00+09:00` : `${value}+09:00`;
  return { ms: Date.parse(zoned) };
}

/** Validates the search body: {spec} or {error: message}. */
function parseSearch(ctx, value) {
  const { query, queryOption, filter } = value;
  if (!given(query)) return { error: "query is required" };
  if (typeof query !== "object" || Array.isArray(query)) return { error: "query must be an object" };
  const hasText = given(query.textQuery);
  const hasImage = given(query.imageQuery);
  if (hasText === hasImage) return { error: "query must have exactly one of textQuery and imageQuery" };
  const spec = { level: "MEDIUM", person: {}, dialog: {}, filter: {} };
  if (hasText) {
    const error = checkText("query.textQuery", query.textQuery, 1, 1000, { noForbidden: true });
    if (error) return { error };
    spec.text = query.textQuery;
  } else {
    if (typeof query.imageQuery !== "string" || query.imageQuery === "") return { error: "query.imageQuery must be a non-empty string" };
    const usable = usableUpload(ctx, "search", query.imageQuery, "query.imageQuery");
    if (usable.error) return { error: usable.error };
    spec.image = usable.record.sha256;
  }
  if (given(query.personQuery)) {
    const error = checkMustAnyNot("query.personQuery", query.personQuery, checkPersonItem);
    if (error) return { error };
    spec.person = query.personQuery;
  }
  if (given(query.dialogQuery)) {
    const error = checkMustAnyNot("query.dialogQuery", query.dialogQuery, checkDialogItem);
    if (error) return { error };
    spec.dialog = query.dialogQuery;
  }
  if (given(queryOption)) {
    if (typeof queryOption !== "object" || Array.isArray(queryOption)) return { error: "queryOption must be an object" };
    const level = queryOption.confidenceLevel;
    if (given(level)) {
      if (!(level in LEVELS)) return { error: "queryOption.confidenceLevel must be one of LOW, MEDIUM, HIGH" };
      spec.level = level;
    }
  }
  if (given(filter)) {
    if (typeof filter !== "object" || Array.isArray(filter)) return { error: "filter must be an object" };
    for (const field of ["projectIds", "assetIds"]) {
      if (!given(filter[field])) continue;
      const error = checkIdList(`filter.${field}`, filter[field]);
      if (error) return { error };
      spec.filter[field] = new Set(filter[field]);
    }
    if (given(filter.assetTypes)) {
      if (!Array.isArray(filter.assetTypes) || !filter.assetTypes.every((t) => ASSET_TYPES.includes(t))) {
        return { error: "filter.assetTypes must be an array of IMAGE, VIDEO" };
      }
      spec.filter.assetTypes = new Set(filter.assetTypes);
    }
    for (const field of ["indexModifiedFrom", "indexModifiedTo"]) {
      if (!given(filter[field])) continue;
      const parsed = parseIsoTime(`filter.${field}`, filter[field]);
      if (parsed.error) return { error: parsed.error };
      spec.filter[field] = parsed.ms;
    }
  }
  return { spec };
}

/** The person that `id` is now: merged persons count as the person they were merged into (people.mjs). */
function currentPerson(ws, id) {
  const seen = new Set();
  while (ws.mergedInto?.has(id) && !seen.has(id)) {
    seen.add(id);
    id = ws.mergedInto.get(id);
  }
  return id;
}

const lower = (s) => s.toLowerCase();

/** The index's scenes as [{sceneNo, startMs, endMs, personIds, texts, lines}], or one pseudo-scene for images. */
function scenesOf(ws, asset, index) {
  const scripts = (index.scripts ?? index.script ?? []).filter((l) => l && typeof l === "object");
  const linesIn = (start, end) =>
    scripts.filter((l) => (l.startMs ?? 0) < end && (l.endMs ?? 0) > start).map((l) => lower(textOf(l)));
  const isImage = assetTypeOf(asset, index) === "IMAGE";
  if (isImage || !Array.isArray(index.scenes) || index.scenes.length === 0) {
    const keywords = (index.keywords ?? []).map((k) => lower(textOf(k)));
    return [{ sceneNo: null, startMs: 0, endMs: 0, personIds: isImage ? new Set() : personIdsOf(ws, index.persons), texts: keywords, lines: isImage ? [] : scripts.map((l) => lower(textOf(l))) }];
  }
  return index.scenes.map((s) => {
    const lines = linesIn(s.startMs ?? 0, s.endMs ?? 0);
    return {
      sceneNo: s.sceneNo,
      startMs: s.startMs,
      endMs: s.endMs,
      personIds: personIdsOf(ws, s.personIds ?? s.persons),
      texts: [...(s.keywords ?? []).map((k) => lower(textOf(k))), ...lines],
      lines,
    };
  });
}

function personIdsOf(ws, list) {
  const ids = (list ?? []).map((p) => (typeof p === "number" ? p : p?.personId ?? p?.id)).filter(isId);
  return new Set(ids.map((id) => currentPerson(ws, id)));
}

function assetTypeOf(asset, index) {
  const t = asset.assetType ?? asset.type ?? index?.assetType;
  return t === "IMAGE" ? "IMAGE" : "VIDEO";
}

function passesMustAnyNot(spec, has) {
  if (spec.must?.length && !spec.must.every(has)) return false;
  if (spec.any?.length && !spec.any.some(has)) return false;
  if (spec.not?.length && spec.not.some(has)) return false;
  return true;
}

/** The results of a search, sorted: [{assetId, projectId, assetName, assetType, score, scenes}]. */
function runSearch(ws, spec) {
  const min = LEVELS[spec.level];
  const terms = spec.text ? [...new Set(spec.text.toLowerCase().split(/\s+/).filter((t) => t !== ""))] : [];
  const person = {
    must: spec.person.must?.map((id) => currentPerson(ws, id)),
    any: spec.person.any?.map((id) => currentPerson(ws, id)),
    not: spec.person.not?.map((id) => currentPerson(ws, id)),
  };
  const dialog = {
    must: spec.dialog.must?.map(lower),
    any: spec.dialog.any?.map(lower),
    not: spec.dialog.not?.map(lower),
  };
  const results = [];
  for (const { project, asset, index } of analysedAssets(ws)) {
    const assetId = asset.assetId ?? asset.id;
    const projectId = project.projectId ?? project.id;
    const assetType = assetTypeOf(asset, index);
    const f = spec.filter;
    if (f.projectIds && !f.projectIds.has(projectId)) continue;
    if (f.assetIds && !f.assetIds.has(assetId)) continue;
    if (f.assetTypes && !f.assetTypes.has(assetType)) continue;
    if (f.indexModifiedFrom !== undefined || f.indexModifiedTo !== undefined) {
      const time = index.updatedTime ?? index.createdTime ?? index.completedTime;
      const ms = time ? Date.parse(/(Z|[+-]\d{2}:?\d{2})$/.test(time) ? time : `${time}+09:00`) : NaN;
      if (Number.isNaN(ms)) continue;
      if (f.indexModifiedFrom !== undefined && ms < f.indexModifiedFrom) continue;
      if (f.indexModifiedTo !== undefined && ms > f.indexModifiedTo) continue;
    }
    const scenes = [];
    for (const scene of scenesOf(ws, asset, index)) {
      let score;
      if (spec.text) {
        const matched = terms.filter((t) => scene.texts.some((text) => text.includes(t))).length;
        score = Math.round((100 * matched) / terms.length);
        if (matched === 0) continue;
      } else {
        score = hash32(spec.image, assetId, scene.sceneNo ?? 0) % 101;
      }
      if (score < min) continue;
      if (!passesMustAnyNot(person, (id) => scene.personIds.has(id))) continue;
      if (!passesMustAnyNot(dialog, (s) => scene.lines.some((line) => line.includes(s)))) continue;
      scenes.push({ sceneNo: scene.sceneNo, startMs: scene.startMs, endMs: scene.endMs, score });
    }
    if (scenes.length === 0) continue;
    results.push({
      assetId,
      projectId,
      assetName: asset.assetName ?? asset.name ?? asset.fileName ?? asset.key ?? null,
      assetType,
      score: Math.max(...scenes.map((s) => s.score)),
      scenes: assetType === "IMAGE" || scenes[0].sceneNo === null ? [] : scenes,
      order: index.createdTime ?? index.completedTime ?? "",
    });
  }
  results.sort((a, b) => b.score - a.score || (a.order < b.order ? -1 : a.order > b.order ? 1 : 0) || a.assetId - b.assetId);
  return results.map(({ order, ...item }) => item);
}

function startSearch(ctx) {
  const { state, ws } = ctx;
  const input = ctx.json();
  if (input.error) return input.error;
  const parsed = parseSearch(ctx, input.value);
  if (parsed.error) return invalidRequest(parsed.error);
  ws.searches ??= new Map();
  let searchId;
  do searchId = randomText(20);
  while (ws.searches.has(searchId));
  const now = nowMs(state);
  const fails = parsed.spec.text !== undefined && parsed.spec.text.trim() === "__fail__";
  ws.searches.set(searchId, {
    searchId,
    doneMs: now + SEARCH_TICKS * state.tickMs,
    fails,
    results: fails ? [] : runSearch(ws, parsed.spec),
  });
  return success({ searchId });
}

function parseOptionalPaging(query) {
  const read = (name, fallback, max) => {
    const text = query.get(name);
    if (text === null || text === "") return { value: fallback };
    if (!/^[0-9]{1,9}$/.test(text) || Number(text) < 1 || Number(text) > max) {
      return { error: `${name} must be an integer from 1${max === Infinity ? " up" : ` to ${max}`}` };
    }
    return { value: Number(text) };
  };
  const num = read("pageNum", 1, Infinity);
  if (num.error) return num;
  const size = read("pageSize", 50, 100);
  if (size.error) return size;
  return { pageNum: num.value, pageSize: size.value };
}

function searchResult(ctx) {
  const { state, ws, params, query } = ctx;
  const paging = parseOptionalPaging(query);
  if (paging.error) return invalidRequest(paging.error);
  const search = ws.searches?.get(params.searchId);
  if (!search) return notFound(`Search '${params.searchId}' not found`);
  if (nowMs(state) < search.doneMs) return success({ searchId: search.searchId, status: "RUNNING" });
  if (search.fails) return success({ searchId: search.searchId, status: "FAILED" });
  const { pageNum, pageSize } = paging;
  const all = search.results;
  return success({
    searchId: search.searchId,
    status: "COMPLETED",
    totalCount: all.length,
    totalPage: Math.ceil(all.length / pageSize),
    pageNo: pageNum,
    pageSize,
    results: all.slice((pageNum - 1) * pageSize, pageNum * pageSize),
  });
}

// --------------------------------------------------------------------------------------------- tables

const WS = "^/api/v1/workspaces/(?<ws>[^/]+)";

export const routes = [
  { method: "POST", pattern: /^\/api\/v1\/query-assets\/uploads\/presigned-url$/, key: "POST /api/v1/query-assets/uploads/presigned-url", handler: searchImageUrl },
  { method: "POST", pattern: /^\/api\/v1\/query-assets\/uploads\/complete$/, key: "POST /api/v1/query-assets/uploads/complete", handler: searchImageComplete },
  { method: "POST", pattern: new RegExp(`${WS}/assets/search$`), key: "POST /api/v1/workspaces/*/assets/search", handler: startSearch },
  { method: "GET", pattern: new RegExp(`${WS}/assets/search/(?<searchId>[^/]+)$`), key: "GET /api/v1/workspaces/*/assets/search/*", handler: searchResult },
];

export const adminRoutes = [
  { method: "PUT", path: "/__emulator/uploads", handler: putUpload },
  { method: "GET", path: "/__emulator/uploads", handler: ({ state }) => new Reply(200, uploadsJson(state)) },
  { method: "GET", path: "/__emulator/uploads/settings", handler: ({ state }) => new Reply(200, state.uploads.settings) },
  { method: "POST", path: "/__emulator/uploads/settings", handler: postSettings },
];
