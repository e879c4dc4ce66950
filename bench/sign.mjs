// Section 3, signing throughput: signatures per second over the same 64 requests (bench/lib.mjs), each
// signer producing the three NCP headers from (method, uri, timestamp, accessKey, secretKey):
//   ours       signRequest (wasm; keys the HMAC on every call, as its API takes the secret each time)
//   keyed      NcpSigner#sign (wasm; keyed once, as the client itself signs)
//   node       node:crypto createHmac (keyed on every call: the API has no reusable keyed state)
//   webcrypto  crypto.subtle.sign with the key imported once; each call awaited (a request's path), and
//              64 in flight at once (its best case)
//   purejs     bench/hmac-js.mjs (keyed on every call)
// Every signer is checked against node:crypto on all 64 requests before any timing.
import { createHmac } from "node:crypto";
import { hmacSha256Base64 } from "./hmac-js.mjs";
import { ACCESS_KEY, QUICK, REQUESTS, SECRET_KEY, median, opsPerSec, opsPerSecAsync, report, stringToSign } from "./lib.mjs";
import { NcpSigner, signRequest } from "../pkg/index.js";

const N = REQUESTS.length;
const headers = (r, signature) => ({
  "x-ncp-apigw-timestamp": r.timestamp,
  "x-ncp-iam-access-key": ACCESS_KEY,
  "x-ncp-apigw-signature-v2": signature,
});
const message = (r) => stringToSign(r.method, r.uri, r.timestamp, ACCESS_KEY);

const ours = (i) => {
  const r = REQUESTS[i % N];
  return signRequest({ method: r.method, uri: r.uri, accessKey: ACCESS_KEY, secretKey: SECRET_KEY, timestamp: r.timestamp });
};
const signer = new NcpSigner({ accessKey: ACCESS_KEY, secretKey: SECRET_KEY });
const keyed = (i) => {
  const r = REQUESTS[i % N];
  return signer.sign(r.method, r.uri, r.timestamp);
};
const node = (i) => {
  const r = REQUESTS[i % N];
  return headers(r, createHmac("sha256", SECRET_KEY).update(message(r)).digest("base64"));
};
const purejs = (i) => {
  const r = REQUESTS[i % N];
  return headers(r, hmacSha256Base64(SECRET_KEY, message(r)));
};
const utf8 = new TextEncoder();
const key = await crypto.subtle.importKey("raw", utf8.encode(SECRET_KEY), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
const webcrypto = async (i) => {
  const r = REQUESTS[i % N];
  const mac = await crypto.subtle.sign("HMAC", key, utf8.encode(message(r)));
  return headers(r, Buffer.from(mac).toString("base64"));
};

for (let i = 0; i < N; i++) {
  const want = JSON.stringify(node(i));
  for (const [name, got] of [["ours", ours(i)], ["keyed", keyed(i)], ["purejs", purejs(i)], ["webcrypto", await webcrypto(i)]]) {
    if (JSON.stringify(got) !== want) throw new Error(`${name} disagrees with node:crypto on request ${i}: ${JSON.stringify(got)}`);
  }
}

const iterations = QUICK ? 5_000 : 20_000;
const rounds = QUICK ? 5 : 9;
// Interleave the signers round by round so machine noise hits them alike.
const samples = { ours: [], keyed: [], node: [], purejs: [], webcrypto: [], webcrypto_batch64: [] };
for (let r = 0; r < rounds; r++) {
  samples.ours.push(opsPerSec(ours, iterations, 1));
  samples.keyed.push(opsPerSec(keyed, iterations, 1));
  samples.node.push(opsPerSec(node, iterations, 1));
  samples.purejs.push(opsPerSec(purejs, iterations / 5, 1));
  samples.webcrypto.push(await opsPerSecAsync(webcrypto, iterations / 5, 1));
  samples.webcrypto_batch64.push(await opsPerSecAsync(async (i) => { await Promise.all(Array.from({ length: 64 }, (_, j) => webcrypto(i * 64 + j))); }, iterations / 64 / 5, 1) * 64);
}
const rate = Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
// Ratios: the median of per-round ratios (each round's signers ran back to back).
const ratioOf = (mine, other) => median(samples[mine].map((value, r) => value / samples[other][r]));
const ratio = (other) => ratioOf("ours", other);

report({
  sign_ops_per_sec_ours: Math.round(rate.ours),
  sign_ops_per_sec_ours_keyed: Math.round(rate.keyed),
  sign_ratio_keyed_vs_node_crypto: ratioOf("keyed", "node"),
  sign_ratio_keyed_vs_webcrypto: ratioOf("keyed", "webcrypto"),
  sign_ops_per_sec_node_crypto: Math.round(rate.node),
  sign_ops_per_sec_webcrypto: Math.round(rate.webcrypto),
  sign_ops_per_sec_webcrypto_batch64: Math.round(rate.webcrypto_batch64),
  sign_ops_per_sec_purejs: Math.round(rate.purejs),
  sign_ratio_vs_node_crypto: ratio("node"),
  sign_ratio_vs_webcrypto: ratio("webcrypto"),
  sign_ratio_vs_webcrypto_batch64: ratio("webcrypto_batch64"),
  sign_ratio_vs_purejs: ratio("purejs"),
});
