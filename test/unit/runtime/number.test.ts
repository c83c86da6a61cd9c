// numberToString is C's %.14g with glibc spellings; stringToNumber is luaO_str2d. Every
// expected value below was printed by lua5.1 (string.format("%.17g", x) and tostring(x)).

import { describe, expect, it } from "vitest";
import { numberToString, stringToNumber } from "../../../runtime/src/number.js";

const CASES: [string, string][] = [
  ["0", "0"],
  ["1", "1"],
  ["-1", "-1"],
  ["0.10000000000000001", "0.1"],
  ["0.5", "0.5"],
  ["0.33333333333333331", "0.33333333333333"],
  ["-0.33333333333333331", "-0.33333333333333"],
  ["0.66666666666666663", "0.66666666666667"],
  ["100000000000000", "1e+14"],
  ["99999999999999", "99999999999999"],
  ["1000000000000000", "1e+15"],
  ["123456789012345", "1.2345678901234e+14"],
  ["0.0001", "0.0001"],
  ["1.0000000000000001e-05", "1e-05"],
  ["0.00012344999999999999", "0.00012345"],
  ["1.4999999999999999e-07", "1.5e-07"],
  ["1e+100", "1e+100"],
  ["-1e-100", "-1e-100"],
  ["9007199254740992", "9.007199254741e+15"],
  ["9.2233720368547758e+18", "9.2233720368548e+18"],
  ["-9.2233720368547758e+18", "-9.2233720368548e+18"],
  ["1234567890122.5", "1234567890122.5"],
  ["1234567890123.5", "1234567890123.5"],
  ["100000000000005", "1e+14"],
  ["3.14159265358979", "3.1415926535898"],
  ["0.30000000000000004", "0.3"],
  ["1e+21", "1e+21"],
  ["1e+22", "1e+22"],
  ["12345678901234", "12345678901234"],
  ["1.25", "1.25"],
  ["99999999999999.5", "1e+14"],
  ["4.9406564584124654e-324", "4.9406564584125e-324"],
  ["1.7976931348623157e+308", "1.7976931348623e+308"],
  ["0.99609375", "0.99609375"],
  ["1.0000000000000001e+301", "1e+301"],
  ["100", "100"],
  ["0.30000000000000004", "0.3"],
  ["123.456", "123.456"],
  ["-9.9999999999999995e-07", "-1e-06"],
  ["7", "7"],
  ["65536.125", "65536.125"],
  ["4503599627370495.5", "4.5035996273705e+15"],
  ["99999999999999.984", "1e+14"],
  ["9.9999999999999694e-311", "1e-310"],
];

describe("numberToString", () => {
  it("matches lua5.1's tostring", () => {
    for (const [exact, printed] of CASES) expect(numberToString(Number(exact))).toBe(printed);
  });

  it("spells infinities, NaNs and negative zero like lua5.1", () => {
    const zero = Number("0");
    expect(numberToString(1 / zero)).toBe("inf");
    expect(numberToString(-1 / zero)).toBe("-inf");
    // x86 produces a NaN with the sign bit set for 0/0 (lua5.1 prints -nan); negating it clears it.
    const nan = zero / zero;
    expect(numberToString(nan)).toBe("-nan");
    expect(numberToString(-nan)).toBe("nan");
    expect(numberToString(-zero)).toBe("-0");
  });
});

describe("stringToNumber", () => {
  it("reads what lua5.1's tonumber reads", () => {
    // lua5.1: tonumber of each string below
    const cases: [string, number | undefined][] = [
      ["  12  ", 12],
      ["12a", undefined],
      ["0x1F", 31],
      ["1e", undefined],
      ["", undefined],
      ["inf", Number.POSITIVE_INFINITY],
      ["-inf", Number.NEGATIVE_INFINITY],
      ["0x", undefined],
      ["-0x10", -16],
      ["1e500", Number.POSITIVE_INFINITY],
      [" 1. ", 1],
      [".5", 0.5],
      [".", undefined],
      ["5e", undefined],
      ["0x1p4", 16],
      ["1e+", undefined],
      ["infinity", Number.POSITIVE_INFINITY],
      ["0x10.0", 16],
      ["1 2", undefined],
      ["\t5\n", 5],
    ];
    for (const [s, n] of cases) expect(stringToNumber(s)).toBe(n);
    expect(stringToNumber("nan")).toBeNaN();
  });
});
