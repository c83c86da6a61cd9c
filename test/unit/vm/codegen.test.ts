// The bytecode compiler against luac5.1: listings (`luac -l -l`) and binary chunks (`luac -s`
// and unstripped) must be identical, and chunks written by Lunette must run in lua5.1 with the
// same output as the source. The corpus comparisons run lua5.1/luac5.1 live and are skipped
// when they are not installed; the cases in codegen-cases/ also have committed listings
// (`*.list`, written by `luac5.1 -l -l -p`) so they are checked everywhere.

import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { type FunctionExpression, parse } from "@lunette/frontend";
import { afterAll, describe, expect, it } from "vitest";
import { compileChunk, compileToProto } from "../../../vm/src/codegen/index.js";
import { dumpProto } from "../../../vm/src/dump.js";
import { listProto } from "../../../vm/src/listing.js";

const ROOT = join(import.meta.dirname, "../../..");
const CASES = join(import.meta.dirname, "codegen-cases");

const available = (command: string): boolean =>
  spawnSync(command, ["-v"], { stdio: "ignore" }).status === 0;
const HAVE_LUAC = available("luac5.1");
const HAVE_LUA = available("lua5.1");

/** Addresses (`%p`) differ from run to run. */
const normalize = (listing: string): string => listing.replace(/0x[0-9a-f]+/g, "ADDR");

function luaFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...luaFiles(path));
    else if (name.endsWith(".lua")) out.push(path);
  }
  return out;
}

/** Paths relative to the repository root, as luac5.1 is run from there (they name the chunk). */
const rel = (path: string): string => relative(ROOT, path);

const compileFile = (path: string) => compileToProto(readFileSync(path, "latin1"), `@${rel(path)}`);

const work = mkdtempSync(join(tmpdir(), "lunette-codegen-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** What luac5.1 writes for `file` (undefined when it rejects the file). */
function luacChunk(path: string, strip: boolean): string | undefined {
  const out = join(work, "ref.luac");
  const args = strip ? ["-s", "-o", out, rel(path)] : ["-o", out, rel(path)];
  const result = spawnSync("luac5.1", args, { cwd: ROOT });
  return result.status === 0 ? readFileSync(out, "latin1") : undefined;
}

describe("codegen cases (committed luac5.1 listings)", () => {
  for (const path of luaFiles(CASES)) {
    it(rel(path), () => {
      const expected = readFileSync(path.replace(/\.lua$/, ".list"), "latin1");
      expect(normalize(listProto(compileFile(path), true))).toBe(normalize(expected));
    });
  }
});

describe.skipIf(!HAVE_LUAC)("byte-identical to luac5.1 on the corpus and the cases", () => {
  const files = [...luaFiles(join(ROOT, "test/lua")), ...luaFiles(CASES)];
  it("listings, stripped and unstripped chunks", () => {
    const mismatches: string[] = [];
    let compared = 0;
    for (const path of files) {
      const stripped = luacChunk(path, true);
      if (stripped === undefined) continue; // a syntax-error test
      compared++;
      const proto = compileFile(path);
      if (dumpProto(proto, true) !== stripped) mismatches.push(`${rel(path)}: luac -s`);
      if (dumpProto(proto, false) !== luacChunk(path, false)) mismatches.push(`${rel(path)}: luac`);
      const listing = execFileSync("luac5.1", ["-l", "-l", "-p", rel(path)], { cwd: ROOT });
      if (normalize(listProto(proto, true)) !== normalize(listing.toString("latin1"))) {
        mismatches.push(`${rel(path)}: luac -l -l`);
      }
    }
    expect(compared).toBeGreaterThan(300);
    expect(mismatches).toEqual([]);
  });

  it("a constructor of more than 25550 items (SETLIST with its count in an extra word)", () => {
    const path = join(work, "big.lua");
    const items = Array.from({ length: 25_700 }, (_, i) => i % 10).join(",");
    writeFileSync(path, `local t = { ${items} }\nprint(#t, t[25700])\n`);
    const proto = compileToProto(readFileSync(path, "latin1"), `@${rel(path)}`);
    expect(dumpProto(proto, false)).toBe(luacChunk(path, false));
    expect(listProto(proto, false)).toContain("SETLIST  \t0 50 0\t; 514\n");
  });
});

describe.skipIf(!HAVE_LUA)("chunks written by Lunette run in lua5.1", () => {
  const run = (file: string) => {
    const r = spawnSync("lua5.1", [file], { cwd: ROOT, input: "", timeout: 20_000 });
    return {
      status: r.status,
      stdout: normalize(r.stdout.toString("latin1")),
      stderr: normalize(r.stderr.toString("latin1")),
    };
  };
  const files = luaFiles(CASES).concat(
    luaFiles(join(ROOT, "test/lua")).filter((_, i) => i % 4 === 0),
  );
  for (const strip of [false, true]) {
    // stripped chunks report errors at `?:-1:`, so only the cases (which print no error
    // positions) are compared stripped
    const inputs = strip ? luaFiles(CASES) : files;
    it(strip ? "stripped" : "with debug information", () => {
      const differences: string[] = [];
      for (const path of inputs) {
        let proto: ReturnType<typeof compileFile>;
        try {
          proto = compileFile(path);
        } catch {
          continue; // a syntax-error test
        }
        const chunk = join(work, "mine.luac");
        writeFileSync(chunk, Buffer.from(dumpProto(proto, strip), "latin1"));
        const mine = run(rel(chunk));
        const expected = run(rel(path));
        if (strip) {
          mine.stderr = expected.stderr = "";
        }
        if (JSON.stringify(mine) !== JSON.stringify(expected)) differences.push(rel(path));
      }
      expect(differences).toEqual([]);
    });
  }
});

describe("dump layout", () => {
  it("writes the 5.1 header and a stripped empty chunk", () => {
    const chunk = dumpProto(compileToProto("", "=empty"), true);
    const bytes = [...chunk].map((c) => c.charCodeAt(0));
    // \27Lua, 0x51, format 0, little endian, int 4, size_t 8, Instruction 4, number 8, not integral
    expect(bytes.slice(0, 12)).toEqual([27, 76, 117, 97, 0x51, 0, 1, 4, 8, 4, 8, 0]);
    // source (size_t 0), linedefined, lastlinedefined, nups, params, vararg 2, stack 2
    expect(bytes.slice(12, 32)).toEqual([
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2,
    ]);
    // one instruction: RETURN 0 1
    expect(bytes.slice(32, 40)).toEqual([1, 0, 0, 0, 0x1e, 0, 0x80, 0]);
  });

  it("names a loadstring chunk (string) in listings", () => {
    const listing = listProto(compileToProto("return 1", "return 1"), false);
    expect(listing).toMatch(
      /^\nmain <\(string\):0,0> \(3 instructions, 12 bytes at 0x[0-9a-f]+\)\n/,
    );
  });
});

describe("functions by location (for string.dump of compiled functions)", () => {
  const source =
    "local up = 1\nlocal function f(x) return x + up end\n" +
    "local g = function(...) return f, ... end\nio.write(string.dump(f), '|', string.dump(g))\n";
  const chunkName = "@dumped.lua";
  const body = parse(source, chunkName).body.body;
  const f = (body[1] as { func: FunctionExpression }).func;
  const g = (body[2] as { values: FunctionExpression[] }).values[0]!;

  it("finds each function's Proto", () => {
    const compiled = compileChunk(source, chunkName);
    expect(compiled.functionAt(f.loc)).toBe(compiled.main.protos[0]);
    expect(compiled.functionAt(g.loc)).toBe(compiled.main.protos[1]);
    expect(compiled.functionAt({ line: 99, column: 0 })).toBeUndefined();
  });

  it.skipIf(!HAVE_LUA)("dumps them as lua5.1's string.dump does", () => {
    const path = join(work, "dumped.lua");
    writeFileSync(path, source);
    const out = spawnSync("lua5.1", ["dumped.lua"], { cwd: work }).stdout.toString("latin1");
    const compiled = compileChunk(source, chunkName);
    const mine = [f, g].map((node) => dumpProto(compiled.functionAt(node.loc)!, false));
    expect(mine.join("|")).toBe(out);
  });
});
