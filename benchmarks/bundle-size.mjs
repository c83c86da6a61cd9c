// Measures what Lunette adds to a browser bundle and rewrites the "## Bundle size" section of
// benchmarks/RESULTS.md: esbuild (a dependency of Vite) bundles and minifies each entry for the
// browser, zlib gzips it at level 9. Run after `npm run build`: `node benchmarks/bundle-size.mjs`.
// It fails when the runtime (core + stdlib) reaches 40 KB gzip or contains any VM code.

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const resultsFile = path.join(root, "benchmarks", "RESULTS.md");
const runtime = path.join(root, "runtime", "dist", "index.js");
const vm = path.join(root, "vm", "dist", "index.js");

// What a compiled module and a host page use: the globals and the operator slow paths.
const coreNames = [
  "createGlobals",
  "createBufferHost",
  "LuaTable",
  "R",
  "S",
  "MAX_DEPTH",
  "results",
  "expandLast",
  "registerSites",
  "lastClosures",
  "index",
  "setIndex",
  "tableSet",
  "call",
  "add",
  "sub",
  "mul",
  "div",
  "mod",
  "pow",
  "unm",
  "concat",
  "lessThan",
  "lessEqual",
  "equals",
  "length",
  "forNumber",
  "stackOverflow",
];

const entries = [
  [
    "runtime: core + stdlib (`createGlobals` and the operator slow paths)",
    `export { ${coreNames.join(", ")} } from ${JSON.stringify(runtime)};`,
    true,
  ],
  [
    "runtime: every export (adds the embedding API)",
    `export * from ${JSON.stringify(runtime)};`,
    true,
  ],
  [
    "bytecode VM with the frontend and the runtime parts it uses (only for code loaded at run time)",
    `export * from ${JSON.stringify(vm)};`,
    false,
  ],
];

if (!existsSync(runtime) || !existsSync(vm)) throw new Error("run `npm run build` first");
const dir = mkdtempSync(path.join(os.tmpdir(), "lunette-size-"));
const rows = [];
let failed = false;
try {
  for (const [label, source, runtimeOnly] of entries) {
    const entry = path.join(dir, "entry.js");
    writeFileSync(entry, source);
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    const code = result.outputFiles[0].contents;
    const gzip = gzipSync(code, { level: 9 }).length;
    rows.push([label, kb(code.length), kb(gzip)]);
    if (runtimeOnly) {
      const vmInputs = Object.keys(result.metafile.inputs).filter((f) => f.includes("vm/dist"));
      if (vmInputs.length) {
        console.error(`${label} contains VM code: ${vmInputs.join(", ")}`);
        failed = true;
      }
      if (label.startsWith("runtime: core") && gzip >= 40 * 1024) {
        console.error(`${label} is ${kb(gzip)} gzip: over the 40 KB budget`);
        failed = true;
      }
    }
  }
  // The browser example as its rollup build bundles it (runtime + interop + the compiled Lua
  // modules), then minified like the entries above.
  const { buildWithRollup } = await import(
    path.join(root, "examples", "browser-game", "build.mjs")
  );
  const exampleDir = await buildWithRollup(path.join(dir, "example"));
  const example = await build({
    entryPoints: [path.join(exampleDir, "main.js")],
    bundle: false,
    minify: true,
    format: "esm",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  const exampleCode = example.outputFiles[0].contents;
  const exampleMap = JSON.parse(readFileSync(path.join(exampleDir, "main.js.map"), "utf8"));
  if (exampleMap.sources.some((source) => source.includes("vm/"))) {
    console.error("the example bundle contains VM code");
    failed = true;
  }
  rows.push([
    "examples/browser-game, rollup build (runtime + interop + 4 Lua modules)",
    kb(exampleCode.length),
    kb(gzipSync(exampleCode, { level: 9 }).length),
  ]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const table = [
  "| bundle | minified | gzip |",
  "| --- | ---: | ---: |",
  ...rows.map(([label, min, gz]) => `| ${label} | ${min} | ${gz} |`),
].join("\n");
const section = [
  "## Bundle size",
  "",
  `Measured ${new Date().toISOString().slice(0, 10)} by \`node benchmarks/bundle-size.mjs\` (esbuild, minified,`,
  "browser, ES2022; `gzip -9`), from the packages' `dist` after `npm run build`. The runtime",
  "bundles and the example contain no VM code: the runtime never imports `@lunette/vm`.",
  "",
  table,
  "",
  "For scale: fengari is 69 KB gzip, wasmoon 130 KB.",
  "",
].join("\n");
console.log(section);
const old = existsSync(resultsFile) ? readFileSync(resultsFile, "utf8") : "";
const at = old.indexOf("## Bundle size");
writeFileSync(resultsFile, `${at < 0 ? `${old.trimEnd()}\n\n` : old.slice(0, at)}${section}`);
if (failed) process.exitCode = 1;

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
