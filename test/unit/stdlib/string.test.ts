// string library: patterns (find, match, gmatch, gsub) and the simple functions. Every expected
// value was printed by lua5.1.

import { describe, expect, test } from "vitest";
import { createString } from "../../../runtime/src/lib/string/index.js";
import { results } from "../../../runtime/src/state.js";
import { LuaTable } from "../../../runtime/src/table.js";
import type { LuaValue } from "../../../runtime/src/value.js";
import { call, errorOf } from "./helpers.js";

const S = createString();
const find = (...a: LuaValue[]) => call(S, "find", ...a);
const match = (...a: LuaValue[]) => call(S, "match", ...a);
const gsub = (...a: LuaValue[]) => call(S, "gsub", ...a);

/** Every iteration of string.gmatch(s, p), each as its list of captures. */
function gmatchAll(s: string, p: string): LuaValue[][] {
  const [iterator] = call(S, "gmatch", s, p) as [() => LuaValue];
  const out: LuaValue[][] = [];
  for (;;) {
    const r = [...results(iterator())];
    if (r.length === 0 || r[0] === undefined) return out;
    out.push(r);
  }
}

describe("find and match", () => {
  test("plain and pattern searches", () => {
    expect(find("a\0b", "\0b")).toEqual([2, 3]);
    expect(match("a\0b", "\0b")).toEqual([""]); // the pattern ends at its "\0"
    expect(find("abc", "", 10)).toEqual([4, 3]);
    expect(find("abc", "c", -1)).toEqual([3, 3]);
    expect(find("abc", "b", -10)).toEqual([2, 2]);
    expect(find("a.b", ".", 1, true)).toEqual([2, 2]);
    expect(find("abc", "a)")).toEqual([undefined]); // no specials: a plain search
    expect(find("THE (quick) fox", "%((%a+)%)")).toEqual([5, 11, "quick"]);
    expect(match("key = value", "(%w+)%s*=%s*(%w+)")).toEqual(["key", "value"]);
    expect(match("  x", "^%s*()")).toEqual([3]);
    expect(match("abc", "()b()")).toEqual([2, 3]);
  });
  test("classes, sets, quantifiers, %b, %f, back references", () => {
    expect(match("f(a(b)c)d", "%b()")).toEqual(["(a(b)c)"]);
    expect(match("THE quick", "%f[%a]%a+", 4)).toEqual(["quick"]);
    expect(match("aaab", "(a-)b")).toEqual(["aaa"]);
    expect(match("xyzzy", "(z+)(y)")).toEqual(["zz", "y"]);
    expect(match("abab", "(ab)%1")).toEqual(["ab"]);
    expect(match("[]]x", "[]]+")).toEqual(["]]"]);
    expect(match("a-b", "[%-]")).toEqual(["-"]);
    expect(match("\0x", "%z")).toEqual(["\0"]);
    expect(match("hello 123", "%d+$")).toEqual(["123"]);
    expect(match("x", "[^%a]")).toEqual([undefined]);
  });
  test("long subjects do not recurse per character", () => {
    expect(match("x".repeat(100000), ".-$")).toEqual(["x".repeat(100000)]);
    expect(match(`${"x".repeat(100000)}y`, "x*y")).toEqual([`${"x".repeat(100000)}y`]);
    expect(match("a".repeat(500), "a?".repeat(500))).toEqual(["a".repeat(500)]);
    // lua5.1 crashes on the C stack here; we raise a catchable Lua error instead.
    expect(errorOf(S, "match", "a".repeat(300000), "a?".repeat(300000))).toBe(
      "pattern too complex",
    );
  });
  test("pattern errors", () => {
    expect(errorOf(S, "find", "abc", "%")).toBe("malformed pattern (ends with '%')");
    expect(errorOf(S, "find", "abc", "[a")).toBe("malformed pattern (missing ']')");
    expect(errorOf(S, "find", "abc", "[a%")).toBe("malformed pattern (missing ']')");
    expect(errorOf(S, "find", "abc", "(()")).toBe("unfinished capture");
    expect(errorOf(S, "find", "abc", "%1")).toBe("invalid capture index");
    expect(errorOf(S, "find", "abc", "(a%1)")).toBe("invalid capture index");
    expect(errorOf(S, "match", "abc", "a)")).toBe("invalid pattern capture");
    expect(errorOf(S, "find", "abc", "%f")).toBe("missing '[' after '%f' in pattern");
    expect(errorOf(S, "find", "abc", "%ba")).toBe("unbalanced pattern");
    expect(errorOf(S, "match", "a".repeat(40), "(a)".repeat(33))).toBe("too many captures");
  });
});

describe("gmatch", () => {
  test("iterates matches; '^' is not an anchor", () => {
    expect(gmatchAll("^a^a", "^a")).toEqual([["^a"], ["^a"]]);
    expect(gmatchAll("k1=v1, k2=v2", "(%w+)=(%w+)")).toEqual([
      ["k1", "v1"],
      ["k2", "v2"],
    ]);
    expect(gmatchAll("abc", "")).toEqual([[""], [""], [""], [""]]);
  });
});

describe("gsub", () => {
  test("string replacements", () => {
    expect(gsub("hello world", "o", "0", 1)).toEqual(["hell0 world", 1]);
    expect(gsub("hello", "", "-")).toEqual(["-h-e-l-l-o-", 6]);
    expect(gsub("abc", "^", "-")).toEqual(["-abc", 1]);
    expect(gsub("abc", "$", "-")).toEqual(["abc-", 1]);
    expect(gsub("abc", "b*", "-")).toEqual(["-a--c-", 4]);
    expect(gsub("abc", "%w", "%%%0")).toEqual(["%a%b%c", 3]);
    expect(gsub("abc", "()b()", "%1%2")).toEqual(["a23c", 1]);
    expect(gsub("abc", "(", "x")).toEqual(["xaxbxcx", 4]);
    expect(gsub("a", "a", "%")).toEqual(["\0", 1]);
    expect(gsub("abc", "%w", "%1")).toEqual(["abc", 3]);
  });
  test("table and function replacements", () => {
    const t = new LuaTable();
    t.set("a", "A");
    t.set("b", false);
    expect(gsub("abc", "%w", t)).toEqual(["Abc", 3]);
    const upper = (s: LuaValue) =>
      typeof s === "string" && s !== "c" ? s.toUpperCase() : undefined;
    expect(gsub("abc", "%w", upper)).toEqual(["ABc", 3]);
    expect(gsub("hello world", "(o)", (o: LuaValue) => `[${String(o)}]`)).toEqual([
      "hell[o] w[o]rld",
      2,
    ]);
  });
  test("errors", () => {
    expect(errorOf(S, "gsub", "abc", "%w", "%2")).toBe("invalid capture index");
    const bad = new LuaTable();
    bad.set("a", new LuaTable());
    expect(errorOf(S, "gsub", "abc", "%w", bad)).toBe("invalid replacement value (a table)");
    expect(errorOf(S, "gsub", "abc", "%w", true)).toBe(
      "bad argument #3 to '?' (string/function/table expected)",
    );
    expect(errorOf(S, "gsub", "abc", "%w")).toBe(
      "bad argument #3 to '?' (string/function/table expected)",
    );
  });
});

describe("simple functions", () => {
  test("sub, byte, char, rep, reverse, case", () => {
    expect(call(S, "sub", "hello", 2)).toEqual(["ello"]);
    expect(call(S, "sub", "hello", -3, -2)).toEqual(["ll"]);
    expect(call(S, "sub", "hello", 0)).toEqual(["hello"]);
    expect(call(S, "sub", "hello", 10)).toEqual([""]);
    expect(call(S, "byte", "abc", 0, 10)).toEqual([97, 98, 99]);
    expect(call(S, "byte", "abc", -1)).toEqual([99]);
    expect(call(S, "byte", "")).toEqual([]);
    expect(call(S, "byte", "a", 2 ** 31)).toEqual([]);
    expect(call(S, "char", 72, 105)).toEqual(["Hi"]);
    expect(call(S, "rep", "ab", 3)).toEqual(["ababab"]);
    expect(call(S, "rep", "x", -1)).toEqual([""]);
    expect(call(S, "rep", "x", 2 ** 40)).toEqual([""]); // (int) of 2^40 is 0
    expect(call(S, "reverse", "abc")).toEqual(["cba"]);
    expect(call(S, "upper", "aBc\xe9")).toEqual(["ABC\xe9"]);
    expect(call(S, "lower", "AbC\xc9")).toEqual(["abc\xc9"]);
    expect(call(S, "len", "a\0b")).toEqual([3]);
  });
  test("argument errors", () => {
    expect(errorOf(S, "rep")).toBe("bad argument #1 to '?' (string expected, got no value)");
    expect(errorOf(S, "sub", "x")).toBe("bad argument #2 to '?' (number expected, got no value)");
    expect(errorOf(S, "char", 256)).toBe("bad argument #1 to '?' (invalid value)");
    expect(errorOf(S, "char", "a")).toBe("bad argument #1 to '?' (number expected, got string)");
    expect(errorOf(S, "dump", print)).toBe("unable to dump given function");
    expect(errorOf(S, "dump", 1)).toBe("bad argument #1 to '?' (function expected, got number)");
    expect(errorOf(S, "gmatch", 1)).toBe("bad argument #2 to '?' (string expected, got no value)");
  });
});

function print(): LuaValue {
  return undefined;
}
