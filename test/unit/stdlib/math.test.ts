// math library; expected values printed by lua5.1 (random sequences differ by design).

import { describe, expect, test } from "vitest";
import { createMath, frexp, ldexp } from "../../../runtime/src/lib/math.js";
import { call, errorOf } from "./helpers.js";

const M = createMath();

describe("math", () => {
  test("functions", () => {
    expect(call(M, "floor", -3.5)).toEqual([-4]);
    expect(call(M, "ceil", -3.5)).toEqual([-3]);
    expect(call(M, "floor", "3.7")).toEqual([3]);
    expect(call(M, "fmod", 7, -3)).toEqual([1]);
    expect(call(M, "fmod", -7, 3)).toEqual([-1]);
    expect(call(M, "fmod", 5.5, 2)).toEqual([1.5]);
    expect(call(M, "modf", 3.5)).toEqual([3, 0.5]);
    expect(call(M, "modf", 1 / 0)).toEqual([Infinity, 0]);
    expect(call(M, "max", 1, "5", 3)).toEqual([5]);
    expect(call(M, "min", 3, 2, "1")).toEqual([1]);
    expect(call(M, "max", 1, Number.NaN)).toEqual([1]);
    expect(call(M, "pow", 2, 0.5)).toEqual([Math.SQRT2]);
    expect(call(M, "pow", 1, Number.NaN)).toEqual([1]);
    expect(call(M, "deg", Math.PI)).toEqual([180]);
    expect(M.get("huge")).toBe(Infinity);
  });
  test("frexp and ldexp as C", () => {
    expect(frexp(8)).toEqual([0.5, 4]);
    expect(frexp(-0.3)).toEqual([-0.6, -1]);
    expect(frexp(2 ** -1074)).toEqual([0.5, -1073]);
    expect(frexp(0)).toEqual([0, 0]);
    expect(ldexp(1, 1024)).toBe(Infinity);
    expect(ldexp(0.5, 3)).toBe(4);
    expect(ldexp(1, -1075)).toBe(0);
    expect(ldexp(3, -1074)).toBe(3 * 2 ** -1074);
    expect(call(M, "ldexp", 3, 2.9)).toEqual([12]);
  });
  test("random ranges", () => {
    for (let i = 0; i < 100; i++) {
      const [r] = call(M, "random") as number[];
      expect(r >= 0 && r < 1).toBe(true);
      const [k] = call(M, "random", 3, 5) as number[];
      expect([3, 4, 5]).toContain(k);
    }
    expect(call(M, "random", 5, 5)).toEqual([5]);
    expect(call(M, "random", 1.5)).toEqual([1]);
    expect(call(M, "random", -(2 ** 31), 2 ** 31)).toEqual([-2147483648]);
  });
  test("errors", () => {
    expect(errorOf(M, "max")).toBe("bad argument #1 to '?' (number expected, got no value)");
    expect(errorOf(M, "max", 1, "x")).toBe("bad argument #2 to '?' (number expected, got string)");
    expect(errorOf(M, "random", 0)).toBe("bad argument #1 to '?' (interval is empty)");
    expect(errorOf(M, "random", 3, 1)).toBe("bad argument #2 to '?' (interval is empty)");
    expect(errorOf(M, "random", 2 ** 31)).toBe("bad argument #1 to '?' (interval is empty)");
    expect(errorOf(M, "random", 1, 2, 3)).toBe("wrong number of arguments");
  });
});
