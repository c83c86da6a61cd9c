#!/usr/bin/env node
// Golden files for the differential corpus (test/lua/**/*.lua).
//
// Each program is run by the oracle, PUC-Rio `lua5.1`, from the repository root with its path
// given relative (`lua5.1 test/lua/x/y.lua`), so messages read `test/lua/x/y.lua:3: ...`, with
// an empty stdin. Beside it we write `<name>.expected.json`:
//   { "stdout": ..., "stderr": ..., "status": N }
// Output is read byte-exact as latin1 (one JS char per byte). In stderr, the interpreter's own
// prefix `lua5.1: ` at the start of a line becomes the neutral `lua: ` (lunette prints
// `lunette: ` there; test/differential.test.ts maps both to `lua: `).
//
// Usage:  npm run golden                      regenerate every golden file
//         npm run golden -- test/lua/string   only programs under these paths
//         npm run golden -- --check           write nothing; report goldens that differ
//                                             (also runs each program twice to catch
//                                             nondeterminism)
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const corpus = join(root, "test", "lua");
const oracle = process.env.LUA51 ?? "lua5.1";

/** Every `*.lua` under `dir`, as repository-relative paths with `/`, sorted. */
export function listPrograms(dir = corpus) {
  const out = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".lua")) out.push(relative(root, full).split(sep).join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

/** Replace the standalone interpreter's name at the start of stderr lines by `lua: `. */
export function neutralStderr(text, interpreter = "lua5.1") {
  const escaped = interpreter.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return text.replace(new RegExp(`^${escaped}: `, "gm"), "lua: ");
}

/** Run one program with the oracle; returns the golden record. */
export function runOracle(program) {
  const r = spawnSync(oracle, [program], {
    cwd: root,
    input: "",
    encoding: "latin1",
    timeout: 20_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw new Error(`cannot run ${oracle} on ${program}: ${r.error.message}`);
  if (r.status === null) throw new Error(`${oracle} ${program}: killed by ${r.signal}`);
  return { stdout: r.stdout, stderr: neutralStderr(r.stderr), status: r.status };
}

export function goldenPath(program) {
  return join(root, program.replace(/\.lua$/, ".expected.json"));
}

function serialize(record) {
  return `${JSON.stringify(record, null, 2)}\n`;
}

function main(argv) {
  const check = argv.includes("--check");
  const filters = argv.filter((a) => a !== "--check").map((a) => a.replace(/\/+$/, ""));
  const all = listPrograms();
  const programs = filters.length
    ? all.filter((p) => filters.some((f) => p === f || p.startsWith(`${f}/`)))
    : all;
  let written = 0;
  let differing = 0;
  for (const program of programs) {
    const text = serialize(runOracle(program));
    const target = goldenPath(program);
    const old = existsSync(target) ? readFileSync(target, "utf8") : undefined;
    if (check) {
      const again = serialize(runOracle(program));
      if (again !== text) {
        console.log(`NONDETERMINISTIC ${program}`);
        differing++;
      } else if (old !== text) {
        console.log(`DIFFERS ${program}`);
        differing++;
      }
      continue;
    }
    // JSON text is written as UTF-8; JSON.parse gives back the latin1 byte string.
    writeFileSync(target, text, "utf8");
    written++;
  }
  // Goldens whose program is gone.
  if (!filters.length) {
    const wanted = new Set(all.map(goldenPath));
    const walk = (d) => {
      for (const entry of readdirSync(d, { withFileTypes: true })) {
        const full = join(d, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith(".expected.json") && !wanted.has(full)) {
          if (check) {
            console.log(`STALE ${relative(root, full)}`);
            differing++;
          } else {
            unlinkSync(full);
            console.log(`removed stale ${relative(root, full)}`);
          }
        }
      }
    };
    walk(corpus);
  }
  if (check) {
    console.log(`${programs.length} programs checked, ${differing} differ`);
    process.exitCode = differing ? 1 : 0;
  } else {
    console.log(`${written} golden files written`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2));
}
