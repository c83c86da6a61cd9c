// Evaluation and assignment order, observable through metamethods and side effects; expected
// output comes from lua5.1, run live (skipped when it is not installed).

import { execFileSync } from "node:child_process";
import { describe, expect, test } from "vitest";
import { runLua } from "./harness.js";

function lua51(source: string): string | undefined {
  try {
    return execFileSync("lua5.1", ["-"], { input: source, encoding: "latin1" }).replace(/\n$/, "");
  } catch {
    return undefined;
  }
}

const hasLua = lua51("print(1)") === "1";

const programs: Record<string, string> = {
  assignmentOrder: `
    local log = {}
    local function note(s) log[#log + 1] = s end
    local t = setmetatable({}, {__newindex = function(t, k, v) note("set " .. k .. "=" .. tostring(v)) end})
    local function v(x) note("eval " .. x) return x end
    t[v("a")], t[v("b")], t[v("c")] = v(1), v(2), v(3)
    for i = 1, #log do print(log[i]) end`,
  operandOrder: `
    local function f(x) print("f", x) return x end
    print(f(1) + f(2), f(3) .. f(4), f(5) < f(6), f(7) > f(8), f(9) == f(10))
    local x = 1
    local function bump() x = 10 return 1 end
    print(x + bump())
    local c = "a"
    local function change() c = "b" return "c" end
    print(c .. change(), c)
    local y = 1
    print((function() return y + (function() y = 5 return 1 end)() end)())`,
  callArgsOrder: `
    local function f(...) print(...) return ... end
    local t = {f(1, 2), f(3, 4)}
    print(#t, t[1], t[2], t[3])
    print(f(5), f(6, 7))
    local o = {}
    function o:m(...) return select('#', ...) end
    print(o:m(f(8, 9, 10)), o:m((f(11, 12))))`,
  indexMeta: `
    local base = {greet = function(self) return "hi " .. self.name end}
    local obj = setmetatable({name = "lua"}, {__index = base})
    print(obj:greet(), obj.missing)
    local count = 0
    local lazy = setmetatable({}, {__index = function(t, k) count = count + 1; rawset(t, k, k * 2); return k * 2 end})
    print(lazy[3], lazy[3], count)`,
  tableIndexing: `
    local t = {10, 20, 30}
    print(t[1], t[2.0], t["1"], t[0], t[-1], t[1.5])
    t["1"] = "s"; print(t[1], t["1"])
    t[1] = nil; print(#t == 3 or #t == 0, t[1])
    local k = 2; t[k] = nil; t[3] = nil; print(t[2], t[3])
    local s = {}; for i = 1, 5 do s[#s + 1] = i * i end; print(#s, s[5])`,
  closuresInLoops: `
    local fs = {}
    for i = 1, 3 do local j = i * 2; fs[#fs + 1] = function() j = j + 1; return i, j end end
    print(fs[1]()); print(fs[1]()); print(fs[3]())
    local gs = {}
    for k, v in ipairs({"a", "b"}) do gs[k] = function() return k .. v end end
    print(gs[1](), gs[2]())
    local r = {}
    local n = 0
    repeat n = n + 1; local m = n; r[n] = function() return m end until m >= 3
    print(r[1](), r[2](), r[3]())`,
};

describe.skipIf(!hasLua)("evaluation order matches lua5.1", () => {
  for (const [name, source] of Object.entries(programs)) {
    test(name, () => {
      expect(runLua(source, "=stdin")).toBe(lua51(source));
    });
  }
});
