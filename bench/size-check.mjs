// The size guard of the test suite: the built pkg/ must stay within bench/size-budget.json (gzip level 9
// via node:zlib: deterministic, no timing). Prints one line per budget and `size-budget: N passed, N failed`.
//   node bench/size-check.mjs [PKG_DIR]
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { BENCH } from "./lib.mjs";
import { measureSizes } from "./size.mjs";

const budget = JSON.parse(readFileSync(join(BENCH, "size-budget.json"), "utf8"));
const sizes = measureSizes(process.argv[2]);
let passed = 0;
let failed = 0;
for (const [key, limit] of Object.entries(budget)) {
  if (key.startsWith("_")) continue;
  const size = sizes[key];
  if (typeof size !== "number") throw new Error(`size-budget.json names an unknown size: ${key}`);
  const ok = size <= limit;
  ok ? passed++ : failed++;
  const slack = (((limit - size) / limit) * 100).toFixed(1);
  console.log(`${ok ? "ok" : "FAIL"} - ${key} ${size} <= ${limit} (${ok ? `${slack}% under` : `${size - limit} bytes over`})`);
}
if (failed) console.log("over budget: make it smaller, or raise bench/size-budget.json with a reason in the commit message");
console.log(`size-budget: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
