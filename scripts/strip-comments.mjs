// Drops whole-line comments from generated or shipped JS files in place: `// ...` lines and `/** ... */`
// doc blocks that start a line (their text is in the .d.ts, and in src/ for the JS halves). Anything
// else, a `/* @ts-self-types=... */` pragma included, stays. Checks each result still parses.
//   node scripts/strip-comments.mjs FILE...
import { readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";

for (const file of process.argv.slice(2)) {
  const kept = [];
  let inDoc = false;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const trimmed = line.trimStart();
    if (inDoc) {
      if (trimmed.includes("*/")) inDoc = false;
      continue;
    }
    if (trimmed.startsWith("/**")) {
      inDoc = !trimmed.includes("*/", 3);
      continue;
    }
    if (trimmed.startsWith("//")) continue;
    kept.push(line);
  }
  writeFileSync(file, kept.join("\n"));
  const check = spawnSync(process.execPath, ["--check", file], { encoding: "utf8" });
  if (check.status !== 0) {
    console.error(`strip-comments: ${file} no longer parses:\n${check.stderr}`);
    process.exit(1);
  }
}
