// The lexer: tokens, numerals, string escapes and long brackets. Every expected value was
// printed by lua5.1 5.1.5 for the same source (byte lists via string.byte, numbers via
// string.format("%.17g")).

import { describe, expect, it } from "vitest";
import type { Expression } from "../../../frontend/src/ast.js";
import { Lexer, numeralValue } from "../../../frontend/src/lexer.js";
import { parse } from "../../../frontend/src/parser.js";
import { TK_EOS, tokenToString } from "../../../frontend/src/tokens.js";

function tokens(source: string): string[] {
  const lexer = new Lexer(source, "test");
  const out: string[] = [];
  for (lexer.next(); lexer.token !== TK_EOS; lexer.next()) out.push(lexer.tokenText());
  return out;
}

/** The value of the expression in `return <expr>`. */
function returned(source: string): Expression {
  const statement = parse(`return ${source}`, "=test").body.body[0]!;
  if (statement.type !== "Return") throw new Error("not a return");
  return statement.values[0]!;
}

function stringBytes(source: string): number[] {
  const e = returned(source);
  if (e.type !== "String") throw new Error(`not a string: ${e.type}`);
  return Array.from(e.value, (c) => c.charCodeAt(0));
}

function numberValue(source: string): number {
  const e = returned(source);
  if (e.type !== "Number") throw new Error(`not a number: ${e.type}`);
  return e.value;
}

describe("tokens", () => {
  it("splits operators and keywords as llex.c does", () => {
    expect(tokens("a.b:c(...)..d==e~=f<=g>=h<i>j=k")).toEqual(
      "a . b : c ( ... ) .. d == e ~= f <= g >= h < i > j = k".split(" "),
    );
    expect(tokens("local function x() end -- comment\nreturn not #t ^ -1 % 2")).toEqual(
      "local function x ( ) end return not # t ^ - 1 % 2".split(" "),
    );
    expect(tokens("--[==[ long\ncomment ]==] x --[ short\ny")).toEqual(["x", "y"]);
    expect(tokens("a[ [[s]] ]")).toEqual(["a", "[", "[[s]]", "]"]);
  });

  it("names tokens in messages like luaX_token2str", () => {
    expect(tokenToString(1)).toBe("char(1)");
    expect(tokenToString(127)).toBe("char(127)");
    expect(tokenToString(0xc0)).toBe("\xc0");
    expect(tokenToString(61)).toBe("=");
  });

  it("tracks lines across \\n, \\r, \\r\\n and \\n\\r", () => {
    const lexer = new Lexer("a\r\nb\n\rc\r\rd\n\ne", "test");
    const lines: number[] = [];
    for (lexer.next(); lexer.token !== TK_EOS; lexer.next()) lines.push(lexer.tokenLine);
    expect(lines).toEqual([1, 2, 3, 5, 7]);
  });

  it("records token columns", () => {
    const lexer = new Lexer("x = 1\n  foo", "test");
    const columns: number[] = [];
    for (lexer.next(); lexer.token !== TK_EOS; lexer.next()) columns.push(lexer.tokenColumn);
    expect(columns).toEqual([0, 2, 4, 2]);
  });
});

describe("numerals", () => {
  it("converts decimal and hexadecimal numerals", () => {
    expect(numberValue("0x10")).toBe(16);
    expect(numberValue("0xfF")).toBe(255);
    expect(numberValue("1e5")).toBe(100000);
    expect(numberValue("1E-5")).toBe(1.0000000000000001e-5);
    expect(numberValue(".5")).toBe(0.5);
    expect(numberValue("5.")).toBe(5);
    expect(numberValue("3.25e+2")).toBe(325);
    // glibc's strtod, which lua5.1 uses, reads hex with a binary exponent too
    expect(numberValue("0x1p4")).toBe(16);
    expect(numberValue("0xffffffffffffffffff")).toBe(4.7223664828696452e21);
    expect(numberValue("1e400")).toBe(Number.POSITIVE_INFINITY);
  });

  it("rejects what luaO_str2d rejects", () => {
    for (const text of ["3x", "3..4", "0x", "0x1p", "0xA_", "1e", "1_000", "00x10", "0.x"]) {
      expect(numeralValue(text)).toBeUndefined();
    }
  });
});

describe("strings", () => {
  it("decodes every escape", () => {
    expect(stringBytes(`"\\a\\b\\f\\n\\r\\t\\v\\\\\\"\\'"`)).toEqual([
      7, 8, 12, 10, 13, 9, 11, 92, 34, 39,
    ]);
    expect(stringBytes(`"\\65\\066\\0677\\0\\1234"`)).toEqual([65, 66, 67, 55, 0, 123, 52]);
    expect(stringBytes(`"a\\\nb"`)).toEqual([97, 10, 98]);
    expect(stringBytes(`"\\q\\?"`)).toEqual([113, 63]);
    expect(stringBytes(`"a\\\r\nb"`)).toEqual([97, 10, 98]);
  });

  it("keeps bytes above 127 as they are", () => {
    expect(stringBytes('"\xe9\xff"')).toEqual([0xe9, 0xff]);
  });

  it("reads long strings: first newline dropped, newline sequences become \\n", () => {
    expect(stringBytes("[[\nx]]")).toEqual([120]);
    expect(stringBytes("[==[\n]]]=]]==]")).toEqual([93, 93, 93, 61, 93]);
    const e = returned("[[x\r\ny\n\rz\r\rw]]");
    expect(e.type === "String" && e.value).toBe("x\ny\nz\n\nw");
  });
});
