// string.format against outputs recorded from lua5.1 (fixtures/format.txt, made by
// fixtures/format.lua) plus hand-checked edge cases (each observed with lua5.1).

import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { createString } from "../../../runtime/src/lib/string/index.js";
import { LuaTable } from "../../../runtime/src/table.js";
import { call, errorOf } from "./helpers.js";

const S = createString();
const format = (...args: (string | number | LuaTable | undefined)[]) => call(S, "format", ...args);

describe("string.format matches lua5.1 on the recorded table", () => {
  const text = readFileSync(new URL("./fixtures/format.txt", import.meta.url), "latin1");
  const rows = text.split("\n").filter((line) => line !== "");
  test(`${rows.length} recorded cases`, () => {
    const failures: string[] = [];
    for (const row of rows) {
      const [spec, value, expected] = row.split("\t");
      const got = format(spec, Number(value));
      const actual = Array.isArray(got)
        ? String(got[0]).replace(/\n/g, "\\n")
        : `error ${got.error}`;
      if (actual !== expected) failures.push(`${spec} ${value}: got ${actual}, want ${expected}`);
    }
    expect(failures).toEqual([]);
  });
});

describe("string.format edge cases", () => {
  test("flags, width, precision", () => {
    expect(
      format("[%5.2s][%-10d][%+.3e][%#x][%g][%g]", "abc", 42, 12345.678, 255, 1e20, 0.1),
    ).toEqual(["[   ab][42        ][+1.235e+04][0xff][1e+20][0.1]"]);
    expect(format("%.0f %.0f %.0f %.1f %.2f", 0.5, 1.5, 2.5, 0.25, 1.005)).toEqual([
      "0 2 2 0.2 1.00",
    ]);
    expect(format("%-#10.3x|%+05d|% 05.1f", 255, 3, 2.25)).toEqual(["0x0ff     |+0003| 02.2"]);
    expect(format("%5c|%-5c|", 65, 66)).toEqual(["    A|B    |"]);
    expect(format("%o %X %u %i", 8, 255, -1, 3.9)).toEqual(["10 FF 18446744073709551615 3"]);
  });
  test("inf and nan spellings, integer conversions out of range", () => {
    expect(format("%f %f", 1 / 0, -1 / 0)).toEqual(["inf -inf"]);
    expect(format("%d %x", 1 / 0, -1)).toEqual(["-9223372036854775808 ffffffffffffffff"]);
    expect(format("%x %x %x", 2 ** 64, 1 / 0, -1 / 0)).toEqual(["0 0 8000000000000000"]);
  });
  test("%q and %s", () => {
    expect(format("%q", 'a\nb\r\0c"\\\x01\xff')).toEqual(['"a\\\nb\\r\\000c\\"\\\\\x01\xff"']);
    expect(format("%q", 1)).toEqual(['"1"']);
    expect(format("%10q", "a")).toEqual(['"a"']);
    expect(format("%s|%s", "a\0b", 12)).toEqual(["a|12"]);
    expect((format("%s", "a\0".repeat(60)) as string[])[0]).toHaveLength(120);
    expect(format("%5.1s|", "a".repeat(120))).toEqual(["    a|"]);
    expect(format("%.3s|%.0s|", "abcdef", "abc")).toEqual(["abc||"]);
    expect(format("%s %s", 1.5, 10)).toEqual(["1.5 10"]);
  });
  test("errors", () => {
    expect(errorOf(S, "format", "%y", 1)).toBe("invalid option '%y' to 'format'");
    expect(errorOf(S, "format", "%", 1)).toBe("invalid option '%' to 'format'");
    expect(errorOf(S, "format", "%d", "x")).toBe(
      "bad argument #2 to '?' (number expected, got string)",
    );
    expect(errorOf(S, "format", "%d")).toBe("bad argument #2 to '?' (no value)");
    expect(errorOf(S, "format", "%------d", 1)).toBe("invalid format (repeated flags)");
    expect(format("%-----d", 1)).toEqual(["1"]);
    expect(errorOf(S, "format", "%100d", 1)).toBe("invalid format (width or precision too long)");
    expect(errorOf(S, "format", "%.100d", 1)).toBe("invalid format (width or precision too long)");
    expect(errorOf(S, "format", "%s", new LuaTable())).toBe(
      "bad argument #2 to '?' (string expected, got table)",
    );
  });
});
