// Syntax errors: every message here was printed by lua5.1 (PUC-Rio Lua 5.1.5) for the same
// source, loaded with `loadstring(source, "@e.lua")` (so no `#` first-line skipping, and the C
// call depth of a loadstring called from a main chunk). When lua5.1 is on PATH, the last test
// asks it again, so this table cannot drift from the oracle.

import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { LuaSyntaxError } from "../../../frontend/src/errors.js";
import { parse } from "../../../frontend/src/parser.js";

/** [source, lua5.1's message, or null when lua5.1 accepts the source]. */
const CASES: [string, string | null][] = [
  ["x = = 1", "e.lua:1: unexpected symbol near '='"],
  ["for i = 1 do end", "e.lua:1: ',' expected near 'do'"],
  ['x = "abc\n', "e.lua:1: unfinished string near '\"abc'"],
  ["function f()\n\n", "e.lua:3: 'end' expected (to close 'function' at line 1) near '<eof>'"],
  ["local f = print\n(f)(1)", "e.lua:2: ambiguous syntax (function call x new statement) near '('"],
  ["break", "e.lua:1: no loop to break near '<eof>'"],
  ["if x then break end", "e.lua:1: no loop to break near 'end'"],
  ["x = 1 = 2", "e.lua:1: unexpected symbol near '='"],
  ["f() = 1", "e.lua:1: unexpected symbol near '='"],
  ["a.b:c = 1", "e.lua:1: function arguments expected near '='"],
  ["local function a.b() end", "e.lua:1: '(' expected near '.'"],
  ["return 1 x = 2", "e.lua:1: '<eof>' expected near 'x'"],
  ["function f() return 1 x = 2 end", "e.lua:1: 'end' expected near 'x'"],
  [
    "function f()\n return 1\n x = 2 end",
    "e.lua:3: 'end' expected (to close 'function' at line 1) near 'x'",
  ],
  ["x =", "e.lua:1: unexpected symbol near '<eof>'"],
  ["x = {\n1,\n2\n", "e.lua:4: '}' expected (to close '{' at line 1) near '<eof>'"],
  ["if x then\nelse\n", "e.lua:3: 'end' expected (to close 'if' at line 1) near '<eof>'"],
  ["while x do\n", "e.lua:2: 'end' expected (to close 'while' at line 1) near '<eof>'"],
  ["repeat\n x = 1\n", "e.lua:3: 'until' expected (to close 'repeat' at line 1) near '<eof>'"],
  ["for i = 1, 2 do\nx()", "e.lua:2: 'end' expected (to close 'for' at line 1) near '<eof>'"],
  ["x = (1\n+2", "e.lua:2: ')' expected (to close '(' at line 1) near '<eof>'"],
  ["x = (1 + 2", "e.lua:1: ')' expected near '<eof>'"],
  ["f(1,\n2", "e.lua:2: ')' expected (to close '(' at line 1) near '<eof>'"],
  ["if x y", "e.lua:1: 'then' expected near 'y'"],
  ["local 1 = 2", "e.lua:1: '<name>' expected near '1'"],
  ["function 1() end", "e.lua:1: '<name>' expected near '1'"],
  ["x = ...", null],
  ["function f() return ... end", "e.lua:1: cannot use '...' outside a vararg function near '...'"],
  ["function f(...) return ... end", null],
  ["x.y = = 1", "e.lua:1: unexpected symbol near '='"],
  ["x = 1 end", "e.lua:1: '<eof>' expected near 'end'"],
  ["x = a[1", "e.lua:1: ']' expected near '<eof>'"],
  ["local t = {[1] 2}", "e.lua:1: '=' expected near '2'"],
  ["x = 1 + ", "e.lua:1: unexpected symbol near '<eof>'"],
  ['x = "abc\\q"', null],
  ["x = ~ 1", "e.lua:1: unexpected symbol near '~'"],
  ["goto x", "e.lua:1: '=' expected near 'x'"],
  ["x = a.1", "e.lua:1: unexpected symbol near '.1'"],
  ["a:b.c()", "e.lua:1: function arguments expected near '.'"],
  ["::x::", "e.lua:1: unexpected symbol near ':'"],
  ["x = 3x", "e.lua:1: malformed number near '3x'"],
  ["x = 3..4", "e.lua:1: malformed number near '3..4'"],
  ["x = 0x", "e.lua:1: malformed number near '0x'"],
  ["x = 0x1p", "e.lua:1: malformed number near '0x1p'"],
  ["x = 0xA_", "e.lua:1: malformed number near '0xA_'"],
  ['x = "ab\\300"', "e.lua:1: escape sequence too large near '\"ab'"],
  ['"a\\0b" = 1', "e.lua:1: unexpected symbol near '\"a'"],
  ["x = [[a [[ b]]", "e.lua:1: nesting of [[...]] is deprecated near '['"],
  ["--[[a [[ b]]\nx = = 1", "e.lua:1: nesting of [[...]] is deprecated near '['"],
  ["x = [=[a [=[ b]=] = 1", "e.lua:1: unexpected symbol near '='"],
  ["x = [==x", "e.lua:1: invalid long string delimiter near '[=='"],
  ["(a) = 1", "e.lua:1: syntax error near '='"],
  ["a, f() = 1", "e.lua:1: syntax error near '='"],
  ["function f(a, 1) end", "e.lua:1: <name> or '...' expected near '1'"],
  ["for i do end", "e.lua:1: '=' or 'in' expected near 'do'"],
  ['x = "a":upper()', "e.lua:1: unexpected symbol near ':'"],
  ["break x = 1", "e.lua:1: no loop to break near 'x'"],
  ["x = {a b}", "e.lua:1: '}' expected near 'b'"],
  ["#!/bin/x\nx = = 1", "e.lua:1: unexpected symbol near '#'"],
  ["# hi\nx = = 1", "e.lua:1: unexpected symbol near '#'"],
  ["x = [[abc\n\n", "e.lua:3: unfinished long string near '<eof>'"],
  ['x = "abc\\\n', "e.lua:2: unfinished string near '<eof>'"],
  ['x = "abc', "e.lua:1: unfinished string near '<eof>'"],
  ["--[==[ abc\n", "e.lua:2: unfinished long comment near '<eof>'"],
  ["x = @", "e.lua:1: unexpected symbol near '@'"],
  ["x = \u0001", "e.lua:1: unexpected symbol near 'char(1)'"],
  ["x = \u00c0", "e.lua:1: unexpected symbol near '\u00c0'"],
  ["x = [[\nab]] = 1", "e.lua:2: unexpected symbol near '='"],
  ["x = 'a\\\r\nb' = 1", "e.lua:2: unexpected symbol near '='"],
  ["x = [[\r\n\r\nab\n\r\r\n]] = 2", "e.lua:5: unexpected symbol near '='"],
  ["a = 1\r\n\r\nb = = 2", "e.lua:3: unexpected symbol near '='"],
  ["a = 1\n\rb = = 2", "e.lua:2: unexpected symbol near '='"],
  ["a = 1\r\rb = = 2", "e.lua:3: unexpected symbol near '='"],
  ["x = - - - 1 ^ 2 ^ 3 .. 4 .. 5 == 6 and 7 or 8", null],
  ["local a <const> = 1", "e.lua:1: unexpected symbol near '<'"],
  ["x = #", "e.lua:1: unexpected symbol near '<eof>'"],
  ["x = function() end end", "e.lua:1: '<eof>' expected near 'end'"],
  ["x = f{1,2;3,}", null],
  ["x = {,}", "e.lua:1: unexpected symbol near ','"],
  ["x = {;}", "e.lua:1: unexpected symbol near ';'"],
  ["x = {1,,2}", "e.lua:1: unexpected symbol near ','"],
  ["x = {[1]=2,[3]=4;}", null],
  ["x = {f = 1, g}", null],
  ['t:m"s" t:m{} t:m()', null],
  ["t:m", "e.lua:1: function arguments expected near '<eof>'"],
  ["t.x", "e.lua:1: '=' expected near '<eof>'"],
  ["t[1]", "e.lua:1: '=' expected near '<eof>'"],
  ["x = not", "e.lua:1: unexpected symbol near '<eof>'"],
  ["do local x end x = = 1", "e.lua:1: unexpected symbol near '='"],
  ["while true do break break end", "e.lua:1: 'end' expected near 'break'"],
  ["repeat local x until x == = 1", "e.lua:1: unexpected symbol near '='"],
  ["for a, b, c in pairs(t) do end", null],
  ["for a, b, in pairs(t) do end", "e.lua:1: '<name>' expected near 'in'"],
  ["for a.b = 1, 2 do end", "e.lua:1: '=' or 'in' expected near '.'"],
  ["for 1 = 1, 2 do end", "e.lua:1: '<name>' expected near '1'"],
  ["local function f(a, b, ...) return arg end", null],
  ["function f(..., a) end", "e.lua:1: ')' expected near ','"],
  ["function f(a,) end", "e.lua:1: <name> or '...' expected near ')'"],
  ["function f(", "e.lua:1: <name> or '...' expected near '<eof>'"],
  ["function f", "e.lua:1: '(' expected near '<eof>'"],
  ["function", "e.lua:1: '<name>' expected near '<eof>'"],
  ["function a.b.c:d() end", null],
  ["function a:b.c() end", "e.lua:1: '(' expected near '.'"],
  ["function a.b:c:d() end", "e.lua:1: '(' expected near ':'"],
  ["local", "e.lua:1: '<name>' expected near '<eof>'"],
  ["local x, = 1", "e.lua:1: '<name>' expected near '='"],
  ["return return", "e.lua:1: unexpected symbol near 'return'"],
  ["return;", null],
  ["return 1;", null],
  ["return 1; x = 1", "e.lua:1: '<eof>' expected near 'x'"],
  ["if x then elseif y then else end", null],
  ["if x then else elseif", "e.lua:1: 'end' expected near 'elseif'"],
  ["elseif", "e.lua:1: '<eof>' expected near 'elseif'"],
  ["x = 1;;", "e.lua:1: unexpected symbol near ';'"],
  [";", "e.lua:1: unexpected symbol near ';'"],
  ["x = a..b..c", null],
  ["x = 1 .. 2", null],
  ["x = 1..2", "e.lua:1: malformed number near '1..2'"],
  ["f(...)", null],
  ["x = {...}", null],
  ["function f() x = {...} end", "e.lua:1: cannot use '...' outside a vararg function near '...'"],
  ["x = 'abc", "e.lua:1: unfinished string near '<eof>'"],
  ['x = "\\', "e.lua:1: unfinished string near '<eof>'"],
  ['x = "\\"', "e.lua:1: unfinished string near '<eof>'"],
  ['x = "\\99\\999"', "e.lua:1: escape sequence too large near '\"c'"],
  ['x = "\\256"', "e.lua:1: escape sequence too large near '\"'"],
  ['x = "\\2555" x = = 1', "e.lua:1: unexpected symbol near '='"],
  ["x = '\\a\\b\\f\\n\\r\\t\\v\\\\\\\"\\'' = 1", "e.lua:1: unexpected symbol near '='"],
  ["x = [=[\n]] ]=] = 1", "e.lua:2: unexpected symbol near '='"],
  ["x = [==[ ]=] ]==]", null],
  ["--[==[ ]=] ]==] x = = 1", "e.lua:1: unexpected symbol near '='"],
  ["-- [[ \nx = = 1", "e.lua:2: unexpected symbol near '='"],
  ["--[[\n\n]] x = = 1", "e.lua:3: unexpected symbol near '='"],
  ["x = 0x10 + 1e5 + 1e+5 + 1E-5 + .5 + 5. + 0xfF + 1.5e3", null],
  ["x = 1e", "e.lua:1: malformed number near '1e'"],
  ["x = 1e+", "e.lua:1: malformed number near '1e+'"],
  ["x = .e1", "e.lua:1: unexpected symbol near '.'"],
  ["x = ..1", "e.lua:1: unexpected symbol near '..'"],
  ["x = 1.5.5", "e.lua:1: malformed number near '1.5.5'"],
  ["x = 08", null],
  ["x = 0.x", "e.lua:1: malformed number near '0.x'"],
  ["f\n{1}", null],
  ["f\n'x'", null],
  ["a = f\n(g)", "e.lua:2: ambiguous syntax (function call x new statement) near '('"],
  ["a = b\n[1] = 2", "e.lua:2: unexpected symbol near '='"],
  ["x = (f)\n(1)", "e.lua:2: ambiguous syntax (function call x new statement) near '('"],
  ["x = f()\n()", "e.lua:2: ambiguous syntax (function call x new statement) near '('"],
  ["local a = {} a.b.c.d = 1 a[1][2] = 3 a:b():c() a.b:c 'x'", null],
  ["x = y == z ~= w <= v >= u < t > s", null],
  ["if (x) = 1 then end", "e.lua:1: 'then' expected near '='"],
  ["f().x = 1", null],
  ["f():m().y = 2", null],
  ["(f)() (g)()", null],
  ["(f)()\n(g)()", "e.lua:2: ambiguous syntax (function call x new statement) near '('"],
  ["x = function(self) end", null],
  ["local function f(self, ...) end", null],
  ["x.y.z, a[b] = 1, 2, 3", null],
  ["a, b = ", "e.lua:1: unexpected symbol near '<eof>'"],
  ["a, b", "e.lua:1: '=' expected near '<eof>'"],
  ["a b", "e.lua:1: '=' expected near 'b'"],
  ["a.b", "e.lua:1: '=' expected near '<eof>'"],
  ["a", "e.lua:1: '=' expected near '<eof>'"],
  ["1", "e.lua:1: unexpected symbol near '1'"],
  ["'x'", "e.lua:1: unexpected symbol near ''x''"],
  ["nil = 1", "e.lua:1: unexpected symbol near 'nil'"],
  ["x, nil = 1", "e.lua:1: unexpected symbol near 'nil'"],
  ["true", "e.lua:1: unexpected symbol near 'true'"],
  ["...", "e.lua:1: unexpected symbol near '...'"],
  ["{}", "e.lua:1: unexpected symbol near '{'"],
  ["f{} {}", null],
  ["f'' ''", null],
  ["x = y z = w", null],
  ["and", "e.lua:1: unexpected symbol near 'and'"],
  ["x = 1 and", "e.lua:1: unexpected symbol near '<eof>'"],
  ["x = and 1", "e.lua:1: unexpected symbol near 'and'"],
  // A NUL byte is token 0, which lua5.1 reports without a `near` part.
  ["x = \u0000 1", "e.lua:1: unexpected symbol"],
  ["local a,\u0000 b = 1", "e.lua:1: '<name>' expected"],
  ["print\u0000(1)", "e.lua:1: '=' expected"],
];

function parseError(source: string): string | null {
  try {
    parse(source, "@e.lua", { skipFirstLine: false, callDepth: 2 });
    return null;
  } catch (e) {
    if (e instanceof LuaSyntaxError) return e.message;
    throw e;
  }
}

function hasLua51(): boolean {
  try {
    execFileSync("lua5.1", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

describe("syntax errors match lua5.1", () => {
  it.each(CASES)("%j", (source, expected) => {
    expect(parseError(source)).toBe(expected);
  });

  it("carries chunk name and line", () => {
    try {
      parse("x = 1\n\ny = = 2", "=(command line)");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(LuaSyntaxError);
      const error = e as LuaSyntaxError;
      expect(error.message).toBe("(command line):3: unexpected symbol near '='");
      expect(error.chunkName).toBe("(command line)");
      expect(error.line).toBe(3);
      expect(error.reason).toBe("unexpected symbol near '='");
    }
  });

  it.runIf(hasLua51())("the table above is still what lua5.1 says", () => {
    // Each source is sent as its length, a newline, then its bytes.
    const input = CASES.map(([source]) => `${source.length}\n${source}`).join("");
    const program = `
      while true do
        local length = io.read("*n")
        if not length then break end
        io.read(1)
        local source = length > 0 and io.read(length) or ""
        local f, e = loadstring(source, "@e.lua")
        io.write(f and "OK" or e, "\\0")
      end`;
    const output = execFileSync("lua5.1", ["-e", program], {
      input: Buffer.from(input, "latin1"),
      encoding: "latin1",
    });
    const messages = output.split("\0").slice(0, CASES.length);
    expect(messages).toEqual(CASES.map(([, message]) => message ?? "OK"));
  });
});
