#!/usr/bin/env node
// Differential fuzzing of Lua sources: corpus programs with one small random edit (a line
// deleted, duplicated or swapped with the next, a name replaced by another name of the same
// file, an operator or a number changed), run on lua5.1 and on lunette (compiled, or the VM
// with --vm). Most edits make syntax or runtime errors, so this compares error messages and
// exit statuses far from the paths the corpus was written for; any JS error text (TypeError,
// "Cannot read properties", "is not a function", a V8 abort) is a finding on its own.
//
//   node test/scripts/source-fuzz.mjs [--vm] [--count N] [--seed S]
//
// Programs whose output depends on time, addresses, memory or files are skipped. Needs lua5.1
// on PATH and a built CLI. Not part of `npm test` (two processes per mutant).

import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { comparable as norm } from "./compare.mjs";
import { listPrograms } from "./golden.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const cli = join(root, "compiler/dist/cli/main.js");
const argv = process.argv.slice(2);
const flag = (name, fallback) => {
  const at = argv.indexOf(name);
  return at >= 0 ? Number(argv[at + 1]) : fallback;
};
const mode = argv.includes("--vm") ? ["--vm"] : [];
const count = flag("--count", 300);
let seed = flag("--seed", 1) | 0 || 1;

/** xorshift32: the same seed gives the same mutants. */
function random() {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 2 ** 32;
}
const pick = (list) => list[Math.floor(random() * list.length)];

const SKIP =
  /os\.time|os\.clock|os\.date|os\.getenv|os\.tmpname|os\.remove|collectgarbage|io\.|%p|require|dofile|loadfile|stdin|math\.random|string\.dump|gcinfo|newproxy/;

const OPERATORS = [
  "+",
  "-",
  "*",
  "/",
  "%",
  "^",
  "..",
  "==",
  "~=",
  "<",
  "<=",
  ">",
  ">=",
  "and",
  "or",
];
const NUMBERS = ["0", "1", "-1", "0.5", "1e308", "2^53", "(0/0)", "(-0)", "255", "''", "nil", "{}"];

/** One random edit of `source`, or undefined when the chosen edit does not apply. */
function mutate(source) {
  const lines = source.split("\n");
  const at = Math.floor(random() * lines.length);
  switch (Math.floor(random() * 6)) {
    case 0:
      lines.splice(at, 1, "");
      return lines.join("\n"); // keep line numbers
    case 1:
      lines.splice(at, 0, lines[at]);
      return lines.join("\n");
    case 2:
      if (at + 1 >= lines.length) return undefined;
      [lines[at], lines[at + 1]] = [lines[at + 1], lines[at]];
      return lines.join("\n");
    case 3: {
      const names = [...new Set(source.match(/\b[A-Za-z_]\w*\b/g) ?? [])];
      const line = lines[at];
      const here = [...line.matchAll(/\b[A-Za-z_]\w*\b/g)];
      if (here.length === 0 || names.length === 0) return undefined;
      const m = pick(here);
      lines[at] = line.slice(0, m.index) + pick(names) + line.slice(m.index + m[0].length);
      return lines.join("\n");
    }
    case 4: {
      const line = lines[at];
      const here = [...line.matchAll(/\.\.|==|~=|<=|>=|[-+*/%^<>]|\band\b|\bor\b/g)];
      if (here.length === 0 || line.trimStart().startsWith("--")) return undefined;
      const m = pick(here);
      lines[at] = line.slice(0, m.index) + pick(OPERATORS) + line.slice(m.index + m[0].length);
      return lines.join("\n");
    }
    default: {
      const line = lines[at];
      const here = [...line.matchAll(/\b\d+(\.\d+)?\b/g)];
      if (here.length === 0) return undefined;
      const m = pick(here);
      lines[at] = line.slice(0, m.index) + pick(NUMBERS) + line.slice(m.index + m[0].length);
      return lines.join("\n");
    }
  }
}

const JS_ERROR =
  /TypeError|ReferenceError|RangeError|SyntaxError: |Cannot read propert|is not a function|is not defined|Maximum call stack|Fatal|invalid size|undefined \(reading/;

// (vm-debug/ programs use the debug library as only the VM supports it: --vm only)
const programs = listPrograms().filter(
  (p) =>
    !SKIP.test(readFileSync(join(root, p), "latin1")) &&
    (mode.length > 0 || !p.includes("/vm-debug/")),
);
const findings = [];
let ran = 0;
while (ran < count) {
  const program = pick(programs);
  const source = readFileSync(join(root, program), "latin1");
  const mutant = mutate(source);
  if (mutant === undefined || mutant === source) continue;
  ran++;
  const dir = dirname(join(root, program));
  const name = `__fuzz_${process.pid}.lua`;
  writeFileSync(join(dir, name), mutant, "latin1");
  try {
    const options = { cwd: dir, encoding: "latin1", timeout: 20_000 };
    const expected = spawnSync("lua5.1", [name], { ...options, timeout: 10_000 });
    if (expected.error || expected.signal) continue; // lua5.1 itself loops or crashes
    const got = spawnSync(process.execPath, [cli, ...mode, name], options);
    const leak = JS_ERROR.test(got.stderr ?? "") && !JS_ERROR.test(expected.stderr ?? "");
    const same =
      got.status === expected.status &&
      norm(got.stdout) === norm(expected.stdout) &&
      norm(got.stderr) === norm(expected.stderr);
    if (leak || !same) {
      const file = join(root, `.tmp/fuzz-${process.pid}-${findings.length}.lua`);
      writeFileSync(file, mutant, "latin1");
      findings.push({
        program,
        file,
        leak,
        expected: `${expected.status} ${norm(expected.stderr).slice(0, 160)}`,
        got: `${got.status ?? got.signal} ${norm(got.stderr).slice(0, 160)}`,
      });
    }
  } finally {
    rmSync(join(dir, name), { force: true });
  }
}

for (const f of findings) {
  console.log(`${f.leak ? "JS ERROR " : ""}${f.program} (${f.file})`);
  console.log(`  lua5.1:  ${f.expected.replace(/\n/g, "\\n")}`);
  console.log(`  lunette: ${f.got.replace(/\n/g, "\\n")}`);
}
console.log(`${ran} mutants, ${findings.length} differences (${mode.join(" ") || "compiled"})`);
process.exitCode = findings.length > 0 ? 1 : 0;
