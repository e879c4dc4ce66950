// Keeps the README's runtime examples honest: every code block whose first line is `// from FILE` (or
// `# from FILE`) must be a cut of FILE: each of its non-blank lines appears in FILE, in the same order.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "./lib.mjs";

export function readmeSnippets() {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const blocks = [...readme.matchAll(/```\w*\n(?:\/\/|#) from (\S+)\n([\s\S]*?)```/g)];
  if (blocks.length < 8) throw new Error(`expected at least 8 "from" snippets in README.md, found ${blocks.length}`);
  for (const [, file, body] of blocks) {
    if (!/^(tests|examples)\//.test(file) || !existsSync(join(root, file))) throw new Error(`README cites ${file}, not a file the tests run`);
    const source = readFileSync(join(root, file), "utf8").split("\n").map((l) => l.trimEnd());
    let at = 0;
    for (const line of body.split("\n").map((l) => l.trimEnd()).filter(Boolean)) {
      at = source.indexOf(line, at);
      if (at < 0) throw new Error(`README snippet from ${file}: "${line.trim()}" is not in the file (in this order)`);
      at++;
    }
  }
  return `${blocks.length} README snippets are cuts of the files the tests run`;
}
