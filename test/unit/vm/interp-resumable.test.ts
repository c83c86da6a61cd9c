// The resumable form of the interpreter (vm/src/interpreter/execute-resumable.ts) is generated
// from execute.ts at build time (vm/scripts/derive-interpreters.mjs): its calls delegate with
// `yield*` to callees that have a resumable form. This test checks that the rules still fit
// execute.ts and the generated file is current, and that VM code yields across VM and library
// frames like lua5.1.

import { describe, expect, test } from "vitest";
import { deriveBody, FORMS, isCurrent } from "../../../vm/scripts/derive-interpreters.mjs";
import { hasLua, hasLuac, luac, runLua, runVm, writeProgram } from "./interp-helpers.js";

test("execute-resumable.ts is what vm/scripts/derive-interpreters.mjs derives from execute.ts", () => {
  const form = FORMS.find((f) => f.name === "resumable")!;
  expect(() => deriveBody(form)).not.toThrow(); // every rule still fits execute.ts
  expect(isCurrent(form), "stale: run npm run build").toBe(true);
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
