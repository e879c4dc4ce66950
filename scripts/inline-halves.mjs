// Inlines the JS halves (src/fetch.js, src/js_proxy.js, src/js_sign.js, which wasm-bindgen ships as
// snippet files) into a generated glue, ES module or CommonJS, so a runtime loads one JS file instead of
// one per half more: each extra module costs Node about 0.3-0.5 ms of cold start and a browser one more
// request. Each half becomes a closure
// holding its functions; the glue's import or require lines of the snippet take them from that closure.
// The keys of the glue's imports object (the module names the .wasm imports) are left as they are.
//   node scripts/inline-halves.mjs PKG_DIR GLUE_FILE...    (the snippets are under PKG_DIR/snippets/)
import { readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";

const [pkgDir, ...glues] = process.argv.slice(2);
const fail = (message) => {
  console.error(`inline-halves: ${message}`);
  process.exit(1);
};

// The import forms wasm-bindgen writes for a snippet: [regex, (binding, closure) => replacement line].
const FORMS = [
  [/^import \{ ([\w, ]+) \} from '(\.\/snippets\/[^']+)';$/, (names, half) => `const { ${names} } = ${half};`],
  [/^import \* as (\w+) from "(\.\/snippets\/[^"]+)";?$/, (name, half) => `const ${name} = ${half};`],
  [/^const \{ ([\w, ]+) \} = require\(String\.raw`(\.\/snippets\/[^`]+)`\);$/, (names, half) => `const { ${names} } = ${half};`],
  [/^const (\w+) = require\("(\.\/snippets\/[^"]+)"\);$/, (name, half) => `const ${name} = ${half};`],
];

/** `const __half_fetch = (() => { ...the half, without `export`...; return { send, sleep }; })();` */
function closureOf(snippet, variable) {
  const source = readFileSync(join(pkgDir, snippet), "utf8");
  const names = [...source.matchAll(/^export (?:async )?function (\w+)/gm)].map((m) => m[1]);
  const body = source.replace(/^export ((?:async )?function )/gm, "$1");
  if (names.length === 0 || /^export /m.test(body)) fail(`${snippet} must export functions only (export function ...)`);
  return `const ${variable} = (() => {\n"use strict";\n${body.trimEnd()}\nreturn { ${names.join(", ")} };\n})();`;
}

for (const glue of glues) {
  const closures = new Map(); // snippet path -> variable
  let first = -1;
  const lines = readFileSync(glue, "utf8").split("\n").map((line, i) => {
    for (const [pattern, replace] of FORMS) {
      const m = pattern.exec(line);
      if (!m) continue;
      if (!closures.has(m[2])) closures.set(m[2], `__half_${basename(m[2], ".js").replace(/\W/g, "_")}`);
      if (first < 0) first = i;
      return replace(m[1], closures.get(m[2]));
    }
    return line;
  });
  if (closures.size === 0) fail(`${glue} imports no JS half (has wasm-bindgen changed its import lines?)`);
  const leftover = lines.find((line) => /^import |require\(/.test(line) && line.includes("snippets/"));
  if (leftover) fail(`${glue} still loads a snippet in a form this script does not know: ${leftover}`);
  lines.splice(first, 0, ...[...closures].map(([snippet, variable]) => closureOf(snippet, variable)));
  writeFileSync(glue, lines.join("\n"));
}
