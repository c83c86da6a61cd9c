// The resumable form of the interpreter (vm/src/interpreter/execute-resumable.ts) is derived
// from execute.ts by a few textual rules: its calls delegate with `yield*` to callees that have
// a resumable form. This test keeps the two in sync (UPDATE_RESUMABLE=1 rewrites the derived
// part; run biome on it afterwards), and checks that VM code yields across VM and library
// frames like lua5.1.

import { readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { hasLua, hasLuac, luac, runLua, runVm, writeProgram } from "./interp-helpers.js";

const dir = resolve(dirname(fileURLToPath(import.meta.url)), "../../../vm/src/interpreter");
const MARKER = "// ---- derived from execute.ts below this line ----\n";

/** Textual rules: [from, to, how many times `from` occurs (1 unless given)]. */
const RULES: [string, string, number?][] = [
  [
    "/** luaV_execute: runs closure `cl` on `args` (which become its registers). */\nfunction execute(closure: VmFunction, args: LuaValue[]): LuaValue {",
    "/** luaV_execute in resumable form: runs closure `cl` on `args` inside a coroutine. */\nexport function* executeResumable(\n  closure: VmFunction,\n  args: LuaValue[],\n): Generator<LuaValue[], LuaValue, LuaValue[]> {",
  ],
  ["first = execute(callee, args);", "first = yield* executeResumable(callee, args);"],
  // A callee without a resumable form is called directly (no generator), and
  // coroutine.yield becomes a plain `yield` (as compiled code does, call-shapes.ts).
  [
    "} else first = invoke(fn, regs, a + 1, n, site);",
    '} else\nfirst =\ntypeof fn === "function" && (fn as MaybeResumable).co === undefined\n? invoke(fn, regs, a + 1, n, site)\n: (fn as MaybeResumable).co === yieldResumable\n? yieldResult(yield yieldValues(regs, a + 1, n))\n: yield* invokeResumable(fn, regs, a + 1, n, site);',
  ],
  ["return fn(...callArgs);", "return yield* invokeResumable(fn, callArgs, 0, n, site);"],
  [
    "const first = invoke(fn, regs, a + 1, n, site);",
    "const first = yield* invokeResumable(fn, regs, a + 1, n, site);",
  ],
  [
    "? fn(regs[a + 1], regs[a + 2])",
    "? (fn as MaybeResumable).co === undefined\n? fn(regs[a + 1], regs[a + 2])\n: yield* invokeResumable(fn, regs, a + 1, 2, 0)",
  ],
  // A task's slice ends here: suspend (runtime/src/sandbox/task.ts).
  [
    "if (--F.fuel < 0) fuelOut();",
    "if (--F.fuel < 0 && fuelOut()) yield SLICE_OVER as LuaValue[];",
  ],
  // The same at the backward jumps, which charge a loop body's fuel.
  [
    "if ((F.fuel += sbx) < 0) fuelOut();",
    "if ((F.fuel += sbx) < 0 && fuelOut()) yield SLICE_OVER as LuaValue[];",
    2,
  ],
  [
    "if (sbx < 0 && (F.fuel += sbx) < 0) fuelOut();",
    "if (sbx < 0 && (F.fuel += sbx) < 0 && fuelOut()) yield SLICE_OVER as LuaValue[];",
    11,
  ],
];

function derive(): string {
  const source = readFileSync(resolve(dir, "execute.ts"), "utf8");
  let body = source.slice(source.indexOf("/** luaV_execute:"));
  for (const [from, to, times = 1] of RULES) {
    expect(body.split(from).length - 1, `rule applies ${times} time(s): ${from}`).toBe(times);
    body = body.split(from).join(to);
  }
  return body;
}

/** Compares modulo formatting (whitespace, trailing commas). */
const squash = (s: string) => s.replace(/\s+/g, "").replace(/,([)\]}])/g, "$1");

test("execute-resumable.ts is derived from execute.ts", () => {
  const path = resolve(dir, "execute-resumable.ts");
  const current = readFileSync(path, "utf8");
  const at = current.indexOf(MARKER);
  expect(at).toBeGreaterThan(0);
  const derived = derive();
  if (process.env.UPDATE_RESUMABLE) {
    writeFileSync(path, current.slice(0, at + MARKER.length) + derived);
    return;
  }
  expect(squash(current.slice(at + MARKER.length))).toBe(squash(derived));
});

const PROGRAMS: Record<string, string> = {
  generator: `local function gen(n)
  return coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end return "end" end)
end
local g = gen(3)
print(g(), g(), g(), g())
print(pcall(g))`,
  nested: `local co = coroutine.create(function(a, b)
  local function inner(x) local y = coroutine.yield(x + 1) return y * 2 end
  local r = inner(a)
  local s, t = coroutine.yield(r, b)
  return s + t
end)
print(coroutine.resume(co, 1, 2))
print(coroutine.resume(co, 10))
print(coroutine.resume(co, 3, 4))
print(coroutine.resume(co))
print(coroutine.status(co))`,
  iterator: `local function range(n)
  return coroutine.wrap(function() for i = 1, n do coroutine.yield(i, i * i) end end)
end
for i, sq in range(4) do io.write(i, ":", sq, " ") end print()
local co = coroutine.create(function() error("oops") end)
print(coroutine.resume(co))
local co2 = coroutine.create(function() local t = setmetatable({}, {__index = function() return coroutine.yield(1) end}) return t.x end)
print(coroutine.resume(co2))
local function tail(n) if n == 0 then return coroutine.yield("bottom") end return tail(n - 1) end
local co3 = coroutine.wrap(function() return tail(1000) end)
print(co3())
print(co3("back"))`,
};

describe.skipIf(!hasLua || !hasLuac)("coroutines yield across VM frames like lua5.1", () => {
  for (const [name, source] of Object.entries(PROGRAMS)) {
    test(name, () => {
      const path = writeProgram(source, `${name}.lua`);
      expect(runVm(luac(path), `@${name}.lua`)).toEqual(runLua(path));
    });
  }
});
