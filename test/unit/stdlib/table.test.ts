// table library; expected values printed by lua5.1.

import { describe, expect, test } from "vitest";
import { createTable } from "../../../runtime/src/lib/table.js";
import { LuaTable } from "../../../runtime/src/table.js";
import type { LuaValue } from "../../../runtime/src/value.js";
import { call, errorOf } from "./helpers.js";

const T = createTable();
const list = (...values: LuaValue[]) => new LuaTable(values);
const contents = (t: LuaTable) => Array.from({ length: t.length() }, (_, i) => t.get(i + 1));

describe("insert and remove", () => {
  test("positions", () => {
    const t = list(1, 2, 3);
    call(T, "insert", t, 2, "x");
    expect(contents(t)).toEqual([1, "x", 2, 3]);
    const u = list(1, 2, 3);
    call(T, "insert", u, 5, "x");
    expect([u.get(4), u.get(5)]).toEqual([undefined, "x"]);
    expect(call(T, "remove", list())).toEqual([]);
    expect(call(T, "remove", list(1, 2, 3))).toEqual([3]);
    expect(call(T, "remove", list(1, 2, 3), 1)).toEqual([1]);
    expect(call(T, "remove", list(1, 2, 3), 5)).toEqual([]);
  });
  test("errors", () => {
    expect(errorOf(T, "insert", list(), 1, 2, 3)).toBe("wrong number of arguments to 'insert'");
    expect(errorOf(T, "insert", list())).toBe("wrong number of arguments to 'insert'");
    expect(errorOf(T, "insert", 5, 1)).toBe("bad argument #1 to '?' (table expected, got number)");
    expect(errorOf(T, "insert", list(), "a", 1)).toBe(
      "bad argument #2 to '?' (number expected, got string)",
    );
    expect(errorOf(T, "setn", list(), 1)).toBe("'setn' is obsolete");
  });
});

describe("concat, maxn, getn, foreach", () => {
  test("concat", () => {
    expect(call(T, "concat", list(1, 2.5, "x"), ", ")).toEqual(["1, 2.5, x"]);
    expect(call(T, "concat", list(), "x")).toEqual([""]);
    expect(call(T, "concat", list(1, 2, 3), "-", 2)).toEqual(["2-3"]);
    expect(call(T, "concat", list(1, 2, 3), "-", 3, 2)).toEqual([""]);
    expect(errorOf(T, "concat", list(1, list(), 3))).toBe(
      "invalid value (table) at index 2 in table for 'concat'",
    );
    expect(errorOf(T, "concat", list(1, 2), "-", 1, 3)).toBe(
      "invalid value (nil) at index 3 in table for 'concat'",
    );
    expect(errorOf(T, "concat", list(1), list())).toBe(
      "bad argument #2 to '?' (string expected, got table)",
    );
  });
  test("maxn, getn, foreachi", () => {
    const t = list(1, 2);
    t.set(10, 3);
    t.set(2.5, 1);
    t.set("x", 5);
    t.set(-3, 1);
    expect(call(T, "maxn", t)).toEqual([10]);
    expect(call(T, "maxn", list())).toEqual([0]);
    expect(call(T, "getn", list(1, 2, 3))).toEqual([3]);
    const found = (i: LuaValue, v: LuaValue) => (v === 20 ? i : undefined);
    expect(call(T, "foreachi", list(10, 20, 30), found)).toEqual([2]);
    expect(errorOf(T, "foreach", list(1), 5)).toBe(
      "bad argument #2 to '?' (function expected, got number)",
    );
  });
});

describe("sort", () => {
  test("default order and comparator", () => {
    const t = list(5, 2, 8, 1, 9, 3);
    call(T, "sort", t);
    expect(contents(t)).toEqual([1, 2, 3, 5, 8, 9]);
    const s = list("b", "a", "c");
    call(T, "sort", s, (a: LuaValue, b: LuaValue) => (a as string) > (b as string));
    expect(contents(s)).toEqual(["c", "b", "a"]);
  });
  test("inconsistent comparators behave as 5.1's quicksort", () => {
    const t = list(5, 3, 1, 4, 2);
    expect(errorOf(T, "sort", t, () => true)).toBe("invalid order function for sorting");
    expect(contents(t)).toEqual([1, 3, 4, 2, 5]);
    const u = list(5, 3, 1, 4, 2, 8, 7, 6, 9, 10, 11, 12);
    expect(
      call(T, "sort", u, (a: LuaValue, b: LuaValue) => (a as number) <= (b as number)),
    ).toEqual([]);
    expect(contents(u)).toEqual([1, 2, 4, 3, 5, 6, 7, 8, 9, 10, 11, 12]);
  });
  test("errors", () => {
    expect(errorOf(T, "sort", list(3, 1, "x"))).toBe("attempt to compare string with number");
    expect(errorOf(T, "sort", list(list(), list()))).toBe("attempt to compare two table values");
    expect(errorOf(T, "sort", list(1, 2, 3), 1)).toBe(
      "bad argument #2 to '?' (function expected, got number)",
    );
  });
});
