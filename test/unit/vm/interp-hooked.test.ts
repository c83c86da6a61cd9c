// The hooked form of the interpreter (vm/src/interpreter/execute-hooked.ts) is derived from
// execute.ts by the textual rules below: it is a generator (so it also runs inside coroutines,
// like execute-resumable.ts), records its frame for debug.getlocal/setlocal/getinfo, and calls
// the call, return, line and count hooks. It is generated at build time
// (vm/scripts/derive-interpreters.mjs); this test checks that the rules still fit execute.ts
// and the generated file is current, and runs small programs through the hooked form against
// lua5.1.

import * as runtime from "@lunette/runtime";
import { describe, expect, test } from "vitest";
import { deriveBody, FORMS, isCurrent } from "../../../vm/scripts/derive-interpreters.mjs";
import { loadVmChunk } from "../../../vm/src/load.js";
import { hasLua, runLua, writeProgram } from "./interp-helpers.js";

/** Runs Lua source on the VM (as loadstring would) with a buffer host. */
function runVmSource(
  source: string,
  chunkName: string,
): { out: string; error: string | undefined } {
  const host = runtime.createBufferHost();
  const globals = runtime.createGlobals(host);
  const depth = runtime.S.depth;
  let error: string | undefined;
  try {
    loadVmChunk(source, chunkName, globals)();
  } catch (e) {
    runtime.S.depth = depth;
    const value = runtime.errorValueOf(e);
    error = typeof value === "string" ? value : "(error object is not a string)";
  }
  return { out: host.out, error };
}

test("execute-hooked.ts is what vm/scripts/derive-interpreters.mjs derives from execute.ts", () => {
  const form = FORMS.find((f) => f.name === "hooked")!;
  expect(() => deriveBody(form)).not.toThrow(); // every rule still fits execute.ts
  expect(isCurrent(form), "stale: run npm run build").toBe(true);
});

const PROGRAMS: Record<string, string> = {
  events: `local function f(a, b)
  local c = a + b
  return c
end
local function hook(ev, line)
  local info = debug.getinfo(2, "nSl")
  io.write(ev, " ", tostring(line), " ", info.what, " ", tostring(info.name), " ", info.currentline, "\\n")
end
debug.sethook(hook, "crl")
local x = f(1, 2)
io.write(x, "\\n")
debug.sethook()
print(debug.gethook())`,
  locals: `local function f(a, b, ...)
  local c = a + b
  for i = 1, 2 do
    for j = 1, 12 do
      local n, v = debug.getlocal(1, j)
      if not n then break end
      io.write(j, "=", tostring(n), ":", type(v) == "table" and "table" or tostring(v), " ")
    end
    print()
  end
  print(debug.setlocal(1, 1, 100), a)
  print(debug.setlocal(1, 40, 100))
  print((debug.getlocal(2, 1)))
  return c
end
local up1, up2 = 5, 6
local function u() return up1 + up2 end
print(debug.getupvalue(u, 1), debug.getupvalue(u, 2), debug.getupvalue(u, 3))
print(debug.setupvalue(u, 2, 60), up2, u())
print(f(1, 2, 3, 4))`,
  count: `local n = 0
debug.sethook(function(ev) n = n + 1 end, "", 10)
local s = 0
for i = 1, 100 do s = s + i end
debug.sethook()
print(s, n)`,
  coroutine: `local co = coroutine.create(function(a)
  local x = a * 2
  local y = coroutine.yield(x)
  print(debug.getlocal(1, 1), debug.getlocal(1, 2), debug.getlocal(1, 3))
  return x + y
end)
print(coroutine.resume(co, 5))
print(coroutine.resume(co, 1))
debug.sethook(function(ev, l) io.write(ev, " ", tostring(l), "\\n") end, "l")
local t = {}
debug.sethook()`,
};

describe.skipIf(!hasLua)("hooked VM code agrees with lua5.1", () => {
  for (const [name, source] of Object.entries(PROGRAMS)) {
    test(name, () => {
      const path = writeProgram(source, `${name}.lua`);
      expect(runVmSource(source, `@${name}.lua`)).toEqual(runLua(path));
    });
  }
});
