// Compile small Lua programs, run them on the runtime, and compare what they print with what
// lua5.1 prints for the same program (run live; skipped when lua5.1 is not installed).

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
  appends: `
    local t = {}
    for i = 1, 5 do t[i] = i * 10 end
    t[#t + 1] = "six"
    local k = "1"
    t[k] = "string key"
    t[7.5] = "float"
    t[8] = "gap"
    t[7] = "fills"
    print(#t, t[1], t[6], t["1"], t[7.5], t[7], t[8])
    local m = setmetatable({}, {__newindex = function(tt, key, v) rawset(tt, key, v * 2) end})
    for i = 1, 3 do m[i] = i end
    print(#m, m[1], m[2], m[3])`,
  arithmetic: `
    local a, b = 7, 2
    print(a + b, a - b, a * b, a / b, a % b, a ^ b, -a, 2^0.5)
    print(-7 % 3, 7 % -3, -7.5 % 2, 5 % 0 ~= 5 % 0, 1/0, -1/0)
    print("10" + 1, "0x10" * 2, 10 .. 20, 1.5 .. "")
    local x = 3; print(x * x - x / 2)`,
  comparison: `
    local a, b = 1, 2
    print(a < b, a <= b, a > b, a >= b, a == b, a ~= b)
    print("a" < "b", "abc" < "abd", "Z" < "a", "" < "a")
    local t = {}; print(t == t, t == {}, nil == false, 0 == -0)
    local n = 0/0; print(n == n, n ~= n)
    if not (a > b) then print("not") end
    while a < 5 do a = a + 1 end print(a)`,
  logic: `
    print(nil and 1, false or "x", 1 and 2, nil or false, false and nil)
    local x = nil; local y = x or 5; print(y)
    print(1 < 2 and "yes" or "no", not nil, not 0)
    local t = {}; print((t and 1) == 1)`,
  locals: `
    local x = 1; local x = x + 1; print(x)
    do local x = 10; print(x) end print(x)
    local a, b, c = 1, 2; print(a, b, c)
    local d, e = 1, 2, print("extra"); print(d, e)
    local function f() return 1, 2, 3 end
    local p, q, r, s = f(); print(p, q, r, s)
    local u, v = f(), 10; print(u, v)
    local var, let, class, typeof = 1, 2, 3, 4; print(var + let + class + typeof)`,
  assignment: `
    local a, b = 1, 2; a, b = b, a; print(a, b)
    local t = {}; t.x, t.y = 1, 2; print(t.x, t.y)
    local i = 1; i, t[i] = i + 1, 20; print(i, t[1], t[2])
    local function f() return 7, 8, 9 end
    local x, y, z = 0, 0, 0; x, y, z = f(); print(x, y, z)
    x, y, z = 1, f(); print(x, y, z)
    x, y = f(), 5; print(x, y)
    g1, g2 = 3, 4; print(g1, g2)`,
  closures: `
    local function counter() local n = 0; return function() n = n + 1; return n end end
    local c1, c2 = counter(), counter(); print(c1(), c1(), c2())
    local fs = {}
    for i = 1, 3 do fs[i] = function() return i end end
    print(fs[1](), fs[2](), fs[3]())
    local gs = {}
    local j = 0
    while j < 3 do j = j + 1; local k = j; gs[j] = function() return k end end
    print(gs[1](), gs[2](), gs[3]())
    local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
    print(fib(20))`,
  varargs: `
    local function f(...) return select('#', ...), ... end
    print(f()); print(f(1, nil, 3)); print((f(1, 2)))
    local function g(...) local a, b = ...; return a, b end
    print(g(5)); print(g(5, 6, 7))
    local function h(...) return {...} end
    print(#h(1, 2, 3))
    local function k(a, ...) print(a, ...) end
    k(1, 2, 3); k()
    print(select(2, "a", "b", "c"))
    local function compat(...) return arg.n, arg[1], arg[3] end
    print(compat(10, nil, 30))
    local function modern(...) local x = ... return arg end
    print(modern(1))`,
  tables: `
    local t = {1, 2, 3, x = "a", ["y z"] = "b", [10] = 10}
    print(#t, t[1], t[3], t.x, t["y z"], t[10], t[4])
    t[4] = 4; t.x = nil; print(#t, t.x)
    local function three() return 1, 2, 3 end
    print(#{three()}, #{three(), three()}, #{(three())})
    local n = {n = select('#', 1, 2), 1, 2}; print(n.n, n[1], n[2])
    local u = {[1] = "a", "b"}; print(u[1])
    local m = {}; m[1.0] = "one"; print(m[1])
    local s = 0; for i, v in ipairs({5, 6, 7}) do s = s + i * v end print(s)
    local nested = {a = {b = {c = 42}}}; print(nested.a.b.c)`,
  metatables: `
    local V = {}
    V.__index = V
    V.__add = function(a, b) return setmetatable({x = a.x + b.x}, V) end
    V.__eq = function(a, b) return a.x == b.x end
    V.__lt = function(a, b) return a.x < b.x end
    V.__le = function(a, b) return a.x <= b.x end
    V.__concat = function(a, b) return "cat" end
    V.__unm = function(a) return setmetatable({x = -a.x}, V) end
    V.__call = function(self, y) return self.x + y end
    function V.new(x) return setmetatable({x = x}, V) end
    function V:get() return self.x end
    local a, b = V.new(1), V.new(2)
    print((a + b):get(), a == b, a == V.new(1), a < b, a <= b, a > b, a >= b)
    print(a .. b, a .. "s", (-a).x, a(10))
    local d = setmetatable({}, {__index = function(t, k) return k .. "!" end})
    print(d.foo, d[1])
    local log = {}
    local w = setmetatable({}, {__newindex = function(t, k, v) log[#log + 1] = k end})
    w.a, w.b = 1, 2; print(log[1], log[2])`,
  loops: `
    for i = 1, 3 do print(i) end
    for i = 3, 1, -1 do print(i) end
    for i = 1, 2, 0.5 do print(i) end
    for i = 0.1, 0.35, 0.1 do print(i) end
    local n = 3; for i = n, 1, -1 do print("d", i) end
    for i = 1, 0 do print("never") end
    for i = 1, 3 do local j = i; i = i * 10; print(i, j) end
    local s = 0; for i = 1, 100 do if i > 10 then break end s = s + i end print(s)
    local k = 0; repeat local z = k; k = k + 1 until z >= 3; print(k)
    local step = "2"; for i = "1", 5, step do print("s", i) end`,
  methods: `
    local obj = {n = 0}
    function obj:inc(by) self.n = self.n + (by or 1); return self end
    obj:inc():inc(5); print(obj.n)
    local a = {b = {c = {}}}
    function a.b.c.f(x) return x * 2 end
    function a.b.c:g(x) return self == a.b.c, x end
    print(a.b.c.f(4), a.b.c:g(9))
    local s = "hello"
    print(#s)`,
  errors: `
    print(pcall(function() local t = nil; return t.x end))
    print(pcall(function() return undefinedglobal.x end))
    print(pcall(function() local t = {}; return t.a.b end))
    print(pcall(function() local x; x() end))
    print(pcall(function() nofunc() end))
    print(pcall(function() local t = {} t:nomethod() end))
    print(pcall(function() return 1 + {} end))
    print(pcall(function() local s = "x"; return s + 1 end))
    print(pcall(function() return {} .. "x" end))
    print(pcall(function() return 1 < "2" end))
    print(pcall(function() return {} < {} end))
    print(pcall(function() return #nil end))
    print(pcall(function() return -{} end))
    print(pcall(function() for i = "x", 2 do end end))
    print(pcall(function() for i = 1, nil do end end))
    print(pcall(function() local t = {[nil] = 1} end))
    print(pcall(function() local up = nil; return (function() return up.x end)() end))
    print(pcall(error, "msg"))
    print(pcall(function() local n = 5; n.x = 1 end))
    print(pcall(function() return nil .. "x" end))
    print(pcall(function() (nil)() end))
    print(pcall(function() gnil.b.c = 1 end))
    print(pcall(function() local t = {}; t[nil] = 1 end))
    print(pcall(function() local t = {}; t[0/0] = 1 end))
    print(pcall(function() return #5 end))
    print(pcall(function() local t = {}; t.x.y.z = 1 end))
    print(pcall(function() local f = 1; f.m(1) end))
    print(pcall(function() local s = {}; s:m() end))
    print(pcall(function() return ({}) < 1 end))
    print(pcall(function() return 2 ^ {} end))
    print(pcall(function() return true .. 1 end))
    print(pcall(function() for i = 1, 2, {} do end end))`,
  globals: `
    x = 10; print(x); x = nil; print(x)
    function gf(a) return a + 1 end print(gf(1))
    local env = _G; print(env.x, env.gf(2))`,
};

describe.skipIf(!hasLua)("compiled programs print what lua5.1 prints", () => {
  for (const [name, source] of Object.entries(programs)) {
    test(name, () => {
      expect(runLua(source, "=stdin")).toBe(lua51(source));
    });
  }
});
