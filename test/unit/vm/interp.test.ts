// The VM interpreter runs chunks written by luac5.1 with the same output and error messages as
// lua5.1 (names of variables from the bytecode, lines from lineinfo).

import { describe, expect, test } from "vitest";
import { hasLua, hasLuac, luac, runLua, runVm, writeProgram } from "./interp-helpers.js";

const PROGRAMS: Record<string, string> = {
  arithmetic: `local a, b = 7, 2
print(a + b, a - b, a * b, a / b, a % b, a ^ b, -a, 7 % -2, -7 % 2, 5.5 % 2)
print("10" + 1, "0x10" * 2, 1 / 0, -1 / 0, 2 ^ 0.5)
print(1 < 2, 2 <= 2, "a" < "b", "b" >= "a", 1 == 1.0, "1" == 1, nil == false)`,
  strings: `local s = "abc" .. 1 .. 2.5 .. "x"
print(s, #s, ("x"):rep(3), s:upper())
local t = {}
for i = 1, 5 do t[#t + 1] = i .. "" end
print(table.concat(t, ","))`,
  tables: `local t = {1, 2, 3, x = 1, ["y z"] = 2, [10] = 3}
print(#t, t.x, t["y z"], t[10], t[4])
t[4] = 4; t.x = nil
print(#t, t.x)
local n = 0 for k, v in pairs(t) do n = n + 1 end print(n)
for i, v in ipairs(t) do io.write(i, "=", v, " ") end print()
local big = {} for i = 1, 120 do big[i] = i end print(#big, big[120])
local function many() return 1, 2, 3 end
local m = {many(), many()} print(#m)
local m2 = {many(), (many())} print(#m2)`,
  closures: `local function counter()
  local n = 0
  return function() n = n + 1 return n end, function() return n end
end
local inc, get = counter()
inc() inc()
print(get())
local fs = {}
for i = 1, 3 do fs[i] = function() return i end end
print(fs[1](), fs[2](), fs[3]())
local x = 1
local function f() x = x + 1 return x end
print(f(), f(), x)
local a = {}
local i = 1
while i <= 3 do local j = i a[i] = function() return j end i = i + 1 end
print(a[1](), a[2](), a[3]())`,
  varargs: `local function f(...) return select("#", ...), ... end
print(f())
print(f(1, nil, 3))
local function g(a, ...) local t = {...} return a, #t end
print(g(1, 2, 3))
local function h(...) return ... end
print(h(1, 2), h(3, 4))
print((h(5, 6)))
local function old(...) return arg.n, arg[1] end
print(old(9, 8))`,
  calls: `local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
print(fib(20))
local function loop(n) if n == 0 then return "done" end return loop(n - 1) end
print(loop(100000))
print(select(2, "a", "b", "c"))
print(pcall(error, "x"))
print(select("#", pcall(error, {})))
print(string.format("%5.2f|%d|%s", 3.14159, 42, "hi"))
local t = setmetatable({}, {__call = function(self, a) return a * 2 end})
print(t(21))`,
  metatables: `local V = {}
V.__index = V
V.__add = function(a, b) return setmetatable({x = a.x + b.x}, V) end
V.__eq = function(a, b) return a.x == b.x end
V.__lt = function(a, b) return a.x < b.x end
V.__le = function(a, b) return a.x <= b.x end
V.__concat = function(a, b) return "V" end
V.__len = function() return 99 end
V.__unm = function(a) return setmetatable({x = -a.x}, V) end
function V.new(x) return setmetatable({x = x}, V) end
function V:get() return self.x end
local a, b = V.new(1), V.new(2)
print((a + b):get(), a == b, a < b, a <= b, a .. "s", "s" .. a, (-a).x)
local proxy = setmetatable({}, {__index = function(t, k) return k .. "!" end, __newindex = function(t, k, v) rawset(t, k, v * 2) end})
print(proxy.foo) proxy.y = 5 print(proxy.y)`,
  loops: `local s = 0
for i = 10, 1, -2 do s = s + i end print(s)
for i = 1, 0 do print("never") end
for i = 1.5, 3 do io.write(i, " ") end print()
local n = 0 repeat n = n + 1 until n >= 5 print(n)
while true do n = n + 1 if n > 8 then break end end print(n)
for k, v in next, {10, 20} do io.write(k, ":", v, " ") end print()`,
  globals: `x = 5
function g() return x end
print(g())
setfenv(g, {x = 7})
print(g(), getfenv(1) == _G)
local env = setmetatable({}, {__index = _G})
local f = loadstring and function() return 1 end
print(type(f))`,
};

const ERRORS: Record<string, string> = {
  indexLocal: "local t\nprint(t.x)",
  indexGlobal: "print(y.z)",
  indexField: "local t = {}\nt.a.b = 1",
  indexUpvalue: "local u\nlocal function f() return u.x end\nf()",
  callGlobal: "undefinedfn()",
  callMethod: "local t = {}\nt:nomethod()",
  callField: "local t = {}\nt.f()",
  arithField: "local t = {}\nlocal x = t.x + 1",
  arithConst: "local x = 1 + {}",
  arithLocal: "local s = 'a'\nlocal x = s * 2",
  concatLocal: "local t = {}\nlocal a = t .. 'x' .. 'y'",
  concatMiddle: "local t = {}\nlocal a = 'a' .. t .. 'y'",
  compare: "local a = 1 < 'x'",
  compareTables: "local a = {} < {}",
  len: "local n = nil\nprint(#n)",
  forInit: "for i = 'a', 2 do end",
  forLimit: "for i = 1, {} do end",
  forStep: "for i = 1, 2, nil do end",
  tforCall: "for k in nil do end",
  nilIndex: "local t = {}\nt[nil] = 1",
  nanIndex: "local t = {}\nt[0/0] = 1",
  errorLevel: "local function f() error('boom', 2) end\nf()",
  badArg: "local s = string.rep\ns()",
  badSelf: "local s = 'x'\ns:rep({})",
  errorTable: "error({})",
  stackOverflow: "local function f() return 1 + f() end\nf()",
};

describe.skipIf(!hasLua || !hasLuac)("VM runs luac5.1 chunks like lua5.1", () => {
  for (const [name, source] of Object.entries({ ...PROGRAMS, ...ERRORS })) {
    test(name, () => {
      const path = writeProgram(source, `${name}.lua`);
      const expected = runLua(path);
      const got = runVm(luac(path), `@${name}.lua`);
      expect(got).toEqual(expected);
    });
  }
  test("stripped chunks have no names of locals or lines", () => {
    const path = writeProgram("local t\nprint(t.x)", "stripped.lua");
    const got = runVm(luac(path, true), "@stripped.luac");
    expect(got.error).toBe("?:0: attempt to index a nil value");
  });
});
