// Differential fuzzing of the pattern matcher: random subjects and patterns through find,
// match, gsub and gmatch, compared with lua5.1 run live (skipped when lua5.1 is missing).

import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { createString } from "../../../runtime/src/lib/string/index.js";
import { results } from "../../../runtime/src/state.js";

function hasLua(): boolean {
  try {
    execFileSync("lua5.1", ["-e", ""]);
    return true;
  } catch {
    return false;
  }
}

const S = createString();
let seed = 12345;
const rnd = (n: number) => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
};
const atoms = [
  "a",
  "b",
  ".",
  "%a",
  "%d",
  "[ab]",
  "[^a]",
  "%s",
  "x",
  "[a-c]",
  "%w",
  "%p",
  "%%",
  "%.",
  "1",
  "%u",
  "[%d%s]",
];
const quants = ["", "", "", "*", "+", "-", "?"];
function genPattern(): string {
  let p = rnd(5) === 0 ? "^" : "";
  const n = 1 + rnd(4);
  let open = 0;
  for (let i = 0; i < n; i++) {
    const r = rnd(12);
    if (r === 0) {
      p += "(";
      open++;
    } else if (r === 1 && open > 0) {
      p += ")";
      open--;
    } else if (r === 2) p += "%b()";
    else if (r === 3) p += "%f[%w]";
    else if (r === 4) p += "()";
    else if (r === 5 && open === 0 && p.includes("(")) p += "%1";
    else p += atoms[rnd(atoms.length)] + quants[rnd(quants.length)];
  }
  while (open-- > 0) p += ")";
  if (rnd(6) === 0) p += "$";
  return p;
}
const chars = "ab1 x.(A)%c\t9";
function genSubject(): string {
  let s = "";
  const n = rnd(12);
  for (let i = 0; i < n; i++) s += chars[rnd(chars.length)];
  return s;
}
const q = (s: string) => `"${[...s].map((c) => `\\${c.charCodeAt(0)}`).join("")}"`;
test.skipIf(!hasLua())("3000 random patterns agree with lua5.1", () => {
  const cases: [string, string, string, number][] = [];
  for (let i = 0; i < 3000; i++)
    cases.push([
      ["find", "match", "gsub", "gmatch"][rnd(4)],
      genSubject(),
      genPattern(),
      1 + rnd(3) - (rnd(4) === 0 ? 5 : 0),
    ]);
  let lua = `local function ser(...) local t = {} for i = 1, select('#', ...) do local v = select(i, ...) t[i] = type(v) == "string" and ("s:" .. v) or tostring(v) end return table.concat(t, "|") end\n`;
  lua += `local function run(f, ...) local ok, a, b, c, d, e = pcall(f, ...) if not ok then return "E:" .. a end return ser(a, b, c, d, e) end\n`;
  lua += `local function gm(s, p) local out = {} local ok, err = pcall(function() for a, b in string.gmatch(s, p) do out[#out+1] = ser(a, b) end end) if not ok then return "E:" .. err end return table.concat(out, ";") end\n`;
  for (const [f, s, p, init] of cases) {
    if (f === "gsub") lua += `io.write(run(string.gsub, ${q(s)}, ${q(p)}, "<%0>"), "\\n")\n`;
    else if (f === "gmatch") lua += `io.write(gm(${q(s)}, ${q(p)}), "\\n")\n`;
    else lua += `io.write(run(string.${f}, ${q(s)}, ${q(p)}, ${init}), "\\n")\n`;
  }
  const file = join(mkdtempSync(join(tmpdir(), "lunette-fuzz-")), "fuzz.lua");
  writeFileSync(file, lua, "latin1");
  const expected = execFileSync("lua5.1", [file]).toString("latin1").split("\n");
  const bad: string[] = [];
  const pad5 = (r: any[]) => {
    const a = [...r];
    while (a.length < 5) a.push(undefined);
    return a.slice(0, 5);
  };
  const luaStr = (v: any) =>
    v === undefined ? "nil" : typeof v === "string" ? `s:${v}` : String(v);
  cases.forEach(([f, s, p, init], k) => {
    let got: string;
    try {
      if (f === "gsub")
        got = pad5(results((S.get("gsub") as any)(s, p, "<%0>")))
          .map(luaStr)
          .join("|");
      else if (f === "gmatch") {
        const it = results((S.get("gmatch") as any)(s, p))[0] as any;
        const out: string[] = [];
        for (;;) {
          const r = [...results(it())];
          if (r.length === 0 || r[0] === undefined) break;
          const a = [r[0], r[1]];
          out.push(a.map(luaStr).join("|"));
        }
        got = out.join(";");
      } else
        got = pad5(results((S.get(f) as any)(s, p, init)))
          .map(luaStr)
          .join("|");
    } catch (e: any) {
      got = `E:${e.value ?? e.message}`;
    }
    if (got !== expected[k])
      bad.push(
        `${f}(${JSON.stringify(s)}, ${JSON.stringify(p)}, ${init}): got ${got} want ${expected[k]}`,
      );
  });
  expect(bad.slice(0, 10)).toEqual([]);
});
