// The hooked form of the interpreter (vm/src/interpreter/execute-hooked.ts) is derived from
// execute.ts by the textual rules below: it is a generator (so it also runs inside coroutines,
// like execute-resumable.ts), records its frame for debug.getlocal/setlocal/getinfo, and calls
// the call, return, line and count hooks. This test keeps it in sync with execute.ts
// (UPDATE_HOOKED=1 rewrites the derived part; run biome on it afterwards), and runs small
// programs through the hooked form against lua5.1.

import { readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as runtime from "@lunette/runtime";
import { describe, expect, test } from "vitest";
import { loadVmChunk } from "../../../vm/src/load.js";
import { hasLua, runLua, writeProgram } from "./interp-helpers.js";

const dir = resolve(dirname(fileURLToPath(import.meta.url)), "../../../vm/src/interpreter");
const MARKER = "// ---- derived from execute.ts below this line ----\n";

/** [from, to, how many times `from` occurs in execute.ts (at least once when not given)]. */
const RULES: [string, string, number?][] = [
  [
    "/** luaV_execute: runs closure `cl` on `args` (which become its registers). */\nfunction execute(closure: VmFunction, args: LuaValue[]): LuaValue {",
    "/** luaV_execute in hooked form: runs `closure` on `args`, recording its frame, calling hooks. */\nexport function* executeHooked(\n  closure: AnyVmFunction,\n  args: LuaValue[],\n): Generator<LuaValue[], LuaValue, LuaValue[]> {",
    1,
  ],
  // The frame record (debug-frame.ts), per activation; a tail call updates it.
  [
    "S.callSites[d] = S.site;",
    "S.callSites[d] = S.site;\nconst td = threadDebug();\nconst fr = enterFrame(td, d, closure, args);",
    1,
  ],
  ["let cl = closure;", "let cl: AnyVmFunction = closure;", 1],
  ["const pp = cl.proto;", "const pp = protoOf(cl)!;", 1],
  // luaD_precall's call hook, after adjust_varargs.
  [
    "let open: Upvalue[] | undefined;",
    "fr.cl = cl;\nfr.fn = cl;\nfr.regs = regs;\nfr.pc = 0;\nif (td.hook !== undefined) hookCall(td, fr);\nlet open: Upvalue[] | undefined;",
    1,
  ],
  // traceexec, before every instruction.
  [
    "const i = code[pc++];",
    "const i = code[pc++];\nconst oldpc = fr.pc;\nfr.pc = pc;\nif (td.hook !== undefined) traceExec(td.hook, fr, oldpc);",
    1,
  ],
  // VM callees in either form (a hooked closure has no `proto`, debug-frame.ts).
  ["(fn as VmFunction).proto !== undefined", "protoOf(fn) !== undefined", 2],
  ["fn as VmFunction", "fn as AnyVmFunction"],
  ["callee.proto", "protoOf(callee)!", 1],
  ["const cp = cl.proto;", "const cp = protoOf(cl)!;", 1],
  ["(handler as VmFunction).proto !== undefined", "protoOf(handler) !== undefined", 1],
  ["first = execute(callee, args);", "first = yield* executeHooked(callee, args);", 1],
  // Other callees: a library function's level gets call and return events; yields go through.
  [
    "first = invoke(fn, regs, a + 1, n, site);",
    "first = yield* invokeHooked(td, fn, regs, a + 1, n, site);",
    2,
  ],
  ["S.callSites[d] = tailSite(d);", "S.callSites[d] = tailSite(d);\nfr.tailcalls++;", 1],
  // Every way out of the frame: the return hook, then the record goes.
  [
    "S.depth = d - 1;",
    "if (td.hook !== undefined) hookReturn(td, fr);\ntd.frames[d] = undefined;\nS.depth = d - 1;",
  ],
  ["return fn(...callArgs);", "return yield* invokeHooked(td, fn, callArgs, 0, n, site);", 1],
  [
    "? fn(regs[a + 1], regs[a + 2])",
    "? yield* invokeHooked(td, fn, regs, a + 1, 2, sites[pc - 1])",
    1,
  ],
  ["makeClosure(child, captured, cl.env)", "makeHookedClosure(child, captured, cl.env)", 1],
  // A task's slice ends at a fuel check: suspend (runtime/src/sandbox/task.ts).
  ["< 0) fuelOut();", "< 0 && fuelOut()) yield SLICE_OVER as LuaValue[];"],
];

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

function derive(): string {
  const source = readFileSync(resolve(dir, "execute.ts"), "utf8");
  let body = source.slice(source.indexOf("/** luaV_execute:"));
  for (const [from, to, times] of RULES) {
    const found = body.split(from).length - 1;
    if (times === undefined) expect(found, `rule applies: ${from}`).toBeGreaterThan(0);
    else expect(found, `rule applies ${times} times: ${from}`).toBe(times);
    body = body.split(from).join(to);
  }
  return body;
}

/** Compares modulo formatting (whitespace, trailing commas). */
const squash = (s: string) => s.replace(/\s+/g, "").replace(/,([)\]}])/g, "$1");

test("execute-hooked.ts is derived from execute.ts", () => {
  const path = resolve(dir, "execute-hooked.ts");
  const current = readFileSync(path, "utf8");
  const at = current.indexOf(MARKER);
  expect(at).toBeGreaterThan(0);
  const derived = derive();
  if (process.env.UPDATE_HOOKED) {
    writeFileSync(path, current.slice(0, at + MARKER.length) + derived);
    return;
  }
  expect(squash(current.slice(at + MARKER.length))).toBe(squash(derived));
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
