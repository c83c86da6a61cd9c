#!/usr/bin/env node
// Expected files for test/lua-beyond51/ (see its README): the output of LuaJIT, which allows
// the beyond-5.1 yields, written as `<name>.luajit.expected.json`.
import { spawnSync } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const dir = join(root, "test", "lua-beyond51");

export function listBeyondPrograms() {
  const out = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".lua")) out.push(relative(root, full).split("\\").join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

export function beyondExpectedPath(program) {
  return join(root, program.replace(/\.lua$/, ".luajit.expected.json"));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const program of listBeyondPrograms()) {
    const r = spawnSync("luajit", [program], { cwd: root, input: "", encoding: "latin1" });
    if (r.error) throw r.error;
    const stderr = r.stderr.replace(/^luajit: /gm, "lua: ");
    const record = { stdout: r.stdout, stderr, status: r.status };
    writeFileSync(beyondExpectedPath(program), `${JSON.stringify(record, null, 2)}\n`);
    console.log(`wrote ${relative(root, beyondExpectedPath(program))}`);
  }
}
