// Section 7, boundary crossings per call: how many times each kind of call crosses between JS and wasm
// (wasm calling an import of the glue, JS calling an export of the wasm), over a stub `fetch`. Counts,
// not times: the same on every machine and every run, so a lever that removes crossings shows its
// effect here exactly, where the timed sections move by more than it between runs.
// The instrument: a copy of pkg/'s generated ES glue in bench/out/crossings/ (pkg/ itself untouched)
// whose import object and export object are wrapped with counters before instantiation. Prints, per
// kind of call, imports / exports per call (the mean of 100 calls, after 20 warm-up calls).
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ACCESS_KEY, BENCH, PKG, REQUESTS, SECRET_KEY, report } from "./lib.mjs";
import { routes, stubFetch } from "./routes.mjs";

const GLUE = "ncloud_media_intelligence.js";
const out = join(BENCH, "out", "crossings");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

/** `text` with every `anchor` (the sync and async init each have one) replaced by `replacement`;
 * throws when the generated glue changed shape. */
function patch(text, anchor, replacement) {
  if (!text.includes(anchor)) throw new Error(`crossings: the glue no longer has \`${anchor.trim()}\``);
  return text.replaceAll(anchor, replacement);
}
let glue = readFileSync(join(PKG, GLUE), "utf8");
glue = patch(glue, "    const imports = __wbg_get_imports();\n", `    const imports = __wbg_get_imports();
    for (const ns of Object.values(imports)) for (const [k, f] of Object.entries(ns)) {
        if (typeof f === "function") ns[k] = function (...a) { globalThis.__crossings.imports++; return f.apply(this, a); };
    }
`);
glue = patch(glue, "    wasm = instance.exports;\n", `    wasm = {};
    for (const [k, v] of Object.entries(instance.exports)) {
        wasm[k] = typeof v === "function" ? function (...a) { globalThis.__crossings.exports++; return v.apply(this, a); } : v;
    }
`);
writeFileSync(join(out, GLUE), glue);
copyFileSync(join(PKG, "ncloud_media_intelligence_bg.wasm"), join(out, "ncloud_media_intelligence_bg.wasm"));

globalThis.__crossings = { imports: 0, exports: 0 };
const { initSync, MediaIntelligence, NcpSigner, signRequest } = await import(pathToFileURL(join(out, GLUE)).href);
initSync({ module: readFileSync(join(out, "ncloud_media_intelligence_bg.wasm")) });

const fetch = stubFetch(await routes());
const client = new MediaIntelligence({ accessKey: ACCESS_KEY, secretKey: SECRET_KEY, endpoint: "http://stub.invalid", fetch });
const signer = new NcpSigner({ accessKey: ACCESS_KEY, secretKey: SECRET_KEY });
const ws = (i) => `bench-workspace-${i % 64}`;
const asset = (i) => ({ workspaceName: ws(i), projectId: 1000 + (i % 7), assetId: 2000 + (i % 64) });
const request = (i) => REQUESTS[i % REQUESTS.length];
// The kinds of call of bench/client.mjs, and the two signers of bench/sign.mjs.
const CALLS = {
  get: (i) => client.getWorkspace(ws(i)),
  create: (i) => client.createWorkspace({ workspaceName: ws(i), bucketName: "bench-bucket" }),
  get_asset: (i) => client.getAsset(asset(i)),
  create_project: (i) => client.createProject({ workspaceName: ws(i), name: `bench-project-${i % 64}` }),
  list_assets: (i) => client.listAssets({ workspaceName: ws(i), projectId: 1000 + (i % 7), pageNum: 1, pageSize: 100 }),
  index_status: (i) => client.getIndexStatus(asset(i)),
  sign_request: (i) => signRequest({ ...request(i), accessKey: ACCESS_KEY, secretKey: SECRET_KEY }),
  sign_keyed: (i) => signer.sign(request(i).method, request(i).uri, request(i).timestamp),
};

const results = {};
for (const [name, call] of Object.entries(CALLS)) {
  for (let i = 0; i < 20; i++) await call(i);
  const counts = { imports: [], exports: [] };
  for (let i = 0; i < 100; i++) {
    const before = { ...globalThis.__crossings };
    await call(i);
    for (const side of ["imports", "exports"]) counts[side].push(globalThis.__crossings[side] - before[side]);
  }
  if (counts.imports.every((n) => n === 0)) throw new Error(`crossings: ${name} crossed nothing (the counters are not wired)`);
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  results[`crossings_per_call_${name}_imports`] = mean(counts.imports);
  results[`crossings_per_call_${name}_exports`] = mean(counts.exports);
}
report(results);
