// Reading binary chunks: malformed or truncated input gives lua5.1's errors, never a crash or a
// hang (every prefix of a real chunk is tried).

import * as runtime from "@lunette/runtime";
import { describe, expect, test } from "vitest";
import { undump } from "../../../vm/src/undump.js";
import { hasLuac, luac, writeProgram } from "./interp-helpers.js";

function undumpError(bytes: string, name: string): unknown {
  try {
    undump(bytes, name);
    return undefined;
  } catch (e) {
    return e instanceof runtime.LuaError ? e.value : e;
  }
}

describe("undump errors", () => {
  test("bad header and empty input, named like lua5.1", () => {
    expect(undumpError("\x1bLuaR\0\x01\x04\x08\x04\x08\0", "@t5.luac")).toBe(
      "t5.luac: bad header in precompiled chunk",
    );
    expect(undumpError("\x1bLuaQ", "@t4.luac")).toBe(
      "t4.luac: unexpected end in precompiled chunk",
    );
    expect(undumpError("\x1bLua", "\x1bLua")).toBe(
      "binary string: unexpected end in precompiled chunk",
    );
  });

  test.skipIf(!hasLuac)("every truncation of a chunk is `unexpected end`", () => {
    const path = writeProgram(
      "local t = {1, 'two', 3.5, true}\nlocal function f(a, ...) return a, ... end\nprint(f(t))",
    );
    for (const strip of [false, true]) {
      const chunk = luac(path, strip);
      expect(undumpError(chunk, "=x")).toBeUndefined();
      for (let n = 0; n < chunk.length; n++) {
        const error = undumpError(chunk.slice(0, n), "=x");
        expect(error).toMatch(/^x: (unexpected end|bad header) in precompiled chunk$/);
      }
    }
  });

  test.skipIf(!hasLuac)("huge counts and corrupted code are rejected", () => {
    const chunk = luac(writeProgram("return 1"), true);
    // The instruction count of the main function sits after the header and its fixed fields.
    const at = 12 + 8 + 4 + 4 + 4;
    const huge = `${chunk.slice(0, at)}\xff\xff\xff\x7f${chunk.slice(at + 4)}`;
    expect(undumpError(huge, "=x")).toBe("x: unexpected end in precompiled chunk");
    // Replace the final RETURN with a JMP out of range: the code checker refuses it.
    const codeStart = at + 4;
    const bad = `${chunk.slice(0, codeStart + 4)}\x16\0\0\0${chunk.slice(codeStart + 8)}`;
    expect(undumpError(bad, "=x")).toBe("x: bad code in precompiled chunk");
  });
});
