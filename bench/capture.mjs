// The canned answers of the benchmark, taken once from the local emulator (tests/emulator/) so their
// shapes and sizes are the API's as the emulator reads it: a created project, an asset's details (the
// 2-hour mi-demo/sample-video.mp4), its index status while analysing and once complete, its index (a
// 2-hour video: thousands of shots, persons, keywords, script lines and captions) and an asset delete.
// One page of `listAssets` (100 items) is that asset's list answer with its `content` grown to 100
// distinct assets. Each body is the raw text the emulator sent (the API's envelope), untouched.
//
// Cached in bench/out/capture.json, keyed by a hash of the emulator's sources and this file: a changed
// emulator is captured again. `node bench/capture.mjs` captures (or reuses) and prints a summary.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { BENCH, ROOT } from "./lib.mjs";

const OUT = join(BENCH, "out");
const FILE = join(OUT, "capture.json");
const EMULATOR = join(ROOT, "tests", "emulator");
const KEYS = { accessKey: "test-access-key", secretKey: "test-secret-key" };
/** The page size of the listAssets page the bench serves. */
export const LIST_PAGE_SIZE = 100;

function sourceHash() {
  const h = createHash("sha256");
  for (const f of readdirSync(EMULATOR).filter((f) => f.endsWith(".mjs") && !f.endsWith(".test.mjs")).sort()) h.update(f).update(readFileSync(join(EMULATOR, f)));
  h.update(readFileSync(new URL(import.meta.url)));
  return h.digest("hex").slice(0, 16);
}

/** The canned bodies (text), captured now or read from the cache. */
export async function canned() {
  const hash = sourceHash();
  if (existsSync(FILE)) {
    const cached = JSON.parse(readFileSync(FILE, "utf8"));
    if (cached.hash === hash) return cached.bodies;
  }
  const bodies = await capture();
  mkdirSync(OUT, { recursive: true });
  writeFileSync(FILE, JSON.stringify({ hash, date: new Date().toISOString(), bodies }));
  return bodies;
}

async function capture() {
  const { startEmulator, sign } = await import(pathToFileURL(join(EMULATOR, "spawn.mjs")).href);
  const emulator = await startEmulator({ MI_EMULATOR_TICK_MS: "5" });
  const raw = async (method, uri, body) => {
    const timestamp = String(Date.now());
    const res = await fetch(emulator.url + uri, {
      method,
      headers: {
        "x-ncp-apigw-timestamp": timestamp,
        "x-ncp-iam-access-key": KEYS.accessKey,
        "x-ncp-apigw-signature-v2": sign(method, uri, timestamp, KEYS.accessKey, KEYS.secretKey),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`capture: ${method} ${uri} -> ${res.status} ${text}`);
    return text;
  };
  const result = (text) => JSON.parse(text).result;
  const poll = async (uri, field, until) => {
    const seen = {};
    for (let i = 0; i < 2000; i++) {
      const text = await raw("GET", uri);
      const state = result(text)[field];
      seen[state] ??= text;
      if (state === until) return seen;
      await new Promise((r) => setTimeout(r, 2));
    }
    throw new Error(`capture: ${uri} never reached ${until}`);
  };
  try {
    const ws = "/api/v1/workspaces/bench-workspace";
    await raw("POST", "/api/v1/workspaces", { workspaceName: "bench-workspace", bucketName: "mi-demo" });
    const createProject = await raw("POST", `${ws}/projects`, { name: "bench-project" });
    const { projectId } = result(createProject);
    const project = `${ws}/projects/${projectId}`;
    const { assetId } = result(await raw("POST", `${project}/assets/import/object-storage`, { bucketName: "mi-demo", key: "sample-video.mp4" }));
    const asset = `${project}/assets/${assetId}`;
    await poll(`${asset}/import-status`, "uploadStatus", "COMPLETED");
    const getAsset = await raw("GET", asset);
    await raw("POST", `${asset}/index`, {});
    const statuses = await poll(`${asset}/index/status`, "status", "ANALYZE_COMPLETED");
    if (!statuses.ANALYZING) throw new Error("capture: no ANALYZING status seen");
    const getIndex = await raw("GET", `${asset}/index`);
    const listOne = await raw("GET", `${project}/assets?pageNum=1&pageSize=${LIST_PAGE_SIZE}`);
    const deleteAsset = await raw("DELETE", asset);

    // One full page: the list answer with 100 distinct assets in place of the one (a longer list).
    const list = JSON.parse(listOne);
    const [item] = list.result.content;
    list.result.content = Array.from({ length: LIST_PAGE_SIZE }, (_, i) => ({
      ...item,
      assetId: item.assetId + i,
      fileName: i ? `clip-${String(i).padStart(3, "0")}.mp4` : item.fileName,
      key: i ? `videos/clip-${String(i).padStart(3, "0")}.mp4` : item.key,
    }));
    Object.assign(list.result, { totalCount: 250, totalPage: 3, pageNo: 1, pageSize: LIST_PAGE_SIZE });

    return {
      createProject,
      getAsset,
      listAssets: JSON.stringify(list),
      indexStatusRunning: statuses.ANALYZING,
      indexStatusCompleted: statuses.ANALYZE_COMPLETED,
      getIndex,
      deleteAsset,
    };
  } finally {
    emulator.stop();
  }
}

/** Counts of the index document, for the report. */
export function indexFigures(text) {
  const index = JSON.parse(text).result;
  const shots = (index.scenes ?? []).reduce((n, s) => n + (s.shots?.length ?? 0), 0);
  return {
    index_body_bytes: Buffer.byteLength(text),
    index_duration_ms: index.durationMs,
    index_scenes_count: index.scenes?.length ?? 0,
    index_shots_count: shots,
    index_persons_count: index.persons?.length ?? 0,
    index_keywords_count: index.keywords?.length ?? 0,
    index_scripts_count: index.scripts?.length ?? 0,
    index_captions_count: index.captions?.length ?? 0,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const bodies = await canned();
  for (const [name, text] of Object.entries(bodies)) console.log(`${name}: ${Buffer.byteLength(text)} B`);
  console.log(indexFigures(bodies.getIndex));
}
