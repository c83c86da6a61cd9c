// LuaTable: raw get/set, the array-part invariants (arr.length is a border), key
// normalisation, `next` stability during traversal, compaction of churning string keys.

import { describe, expect, it } from "vitest";
import { InvalidNextKey, LuaTable } from "../../../runtime/src/table.js";
import type { LuaValue } from "../../../runtime/src/value.js";

/** All entries in `next` order. */
function entries(t: LuaTable): [LuaValue, LuaValue][] {
  const out: [LuaValue, LuaValue][] = [];
  const pair: LuaValue[] = [undefined, undefined];
  let k: LuaValue;
  while (t.nextEntry(k, pair)) {
    k = pair[0];
    out.push([k, pair[1]]);
  }
  return out;
}

/** Lua 5.1 §2.5.5: t[n] ~= nil and t[n+1] == nil (or n == 0 and t[1] == nil). */
function isBorder(t: LuaTable): boolean {
  const n = t.length();
  return (n === 0 || t.get(n) !== undefined) && t.get(n + 1) === undefined;
}

describe("LuaTable", () => {
  it("trims trailing nils of a constructor's positional values", () => {
    expect(new LuaTable([1, undefined]).length()).toBe(1);
    expect(new LuaTable([undefined, undefined, 3]).length()).toBe(3);
    expect(new LuaTable([1, 2, undefined, 4]).length()).toBe(4);
    expect(new LuaTable([undefined]).length()).toBe(0);
  });

  it("keeps the array length a border through sets and clears", () => {
    const t = new LuaTable();
    for (let i = 1; i <= 10; i++) t.set(i, i);
    expect(t.length()).toBe(10);
    t.set(10, undefined);
    expect(t.length()).toBe(9);
    t.set(5, undefined);
    expect(isBorder(t)).toBe(true);
    for (let i = 9; i >= 6; i--) t.set(i, undefined);
    expect(t.length()).toBe(4);
    expect(isBorder(t)).toBe(true);
  });

  it("migrates keys from the map into the array part when it grows", () => {
    const t = new LuaTable();
    t.set(3, "c");
    t.set(2, "b");
    expect(t.length()).toBe(0);
    expect(t.map?.has(3)).toBe(true);
    t.set(1, "a");
    expect(t.arr).toEqual(["a", "b", "c"]);
    expect(t.map?.size).toBe(0);
    expect(isBorder(t)).toBe(true);
  });

  it("treats float keys with integer values as integers, and -0 as 0", () => {
    const t = new LuaTable();
    t.set(1.0, "one");
    expect(t.get(1)).toBe("one");
    t.set(-0, "zero");
    expect(t.get(0)).toBe("zero");
    t.set(1.5, "x");
    expect(t.get(1.5)).toBe("x");
    expect(t.length()).toBe(1);
  });

  it("keeps string, number, boolean and table keys apart", () => {
    const t = new LuaTable();
    const k = new LuaTable();
    t.set("1", "s");
    t.set(1, "n");
    t.set(true, "b");
    t.set(k, "t");
    t.set("__proto__", "p");
    t.set("constructor", "c");
    expect([t.get("1"), t.get(1), t.get(true), t.get(k)]).toEqual(["s", "n", "b", "t"]);
    expect([t.get("__proto__"), t.get("constructor"), t.get("toString")]).toEqual([
      "p",
      "c",
      undefined,
    ]);
  });

  it("traverses every entry once: array part, then the rest", () => {
    const t = new LuaTable([10, 20]);
    t.set("x", 1);
    t.set(5, 50);
    t.set(false, 0);
    expect(entries(t)).toEqual([
      [1, 10],
      [2, 20],
      ["x", 1],
      [5, 50],
      [false, 0],
    ]);
  });

  it("keeps next stable while existing fields are assigned, including nil", () => {
    const t = new LuaTable([1, 2, 3]);
    for (const s of ["a", "b", "c", "d"]) t.set(s, s);
    t.set(10, 10);
    t.set(true, true);
    const seen: LuaValue[] = [];
    const pair: LuaValue[] = [undefined, undefined];
    let k: LuaValue;
    while (t.nextEntry(k, pair)) {
      k = pair[0];
      seen.push(k);
      t.set(k, undefined); // clearing the current field is allowed (§5.1 next)
    }
    expect(seen).toEqual([1, 2, 3, "a", "b", "c", "d", 10, true]);
    expect(entries(t)).toEqual([]);
  });

  it("raises InvalidNextKey for keys that are not in the table", () => {
    const t = new LuaTable();
    t.set("a", 1);
    const pair: LuaValue[] = [undefined, undefined];
    expect(() => t.nextEntry("b", pair)).toThrow(InvalidNextKey);
    expect(() => t.nextEntry(new LuaTable(), pair)).toThrow(InvalidNextKey);
  });

  it("does not grow forever when used as a churning set of string keys", () => {
    const t = new LuaTable();
    for (let i = 0; i < 10000; i++) {
      t.set(`k${i}`, true);
      t.set(`k${i}`, undefined);
    }
    expect(Object.keys(t.hash).length).toBeLessThan(100);
    expect(entries(t)).toEqual([]);
  });

  it("finds keys by position even when traversals interleave", () => {
    const t = new LuaTable();
    for (let i = 0; i < 50; i++) t.set(`s${i}`, i);
    const pair: LuaValue[] = [undefined, undefined];
    t.nextEntry(undefined, pair);
    const first = pair[0];
    t.nextEntry("s30", pair);
    expect(pair[0]).toBe("s31");
    t.nextEntry(first, pair);
    expect(pair[0]).toBe("s1");
  });

  it("behaves the same with its hash kept in V8's fast mode (keepHashFast)", () => {
    // The same operations on a plain table and on one whose keys are defined as properties.
    const plain = new LuaTable();
    const fast = new LuaTable();
    for (const t of [plain, fast]) {
      for (let i = 0; i < 40; i++) t.set(`g${i}`, i);
    }
    fast.keepHashFast();
    for (const t of [plain, fast]) {
      t.set("g3", undefined); // a dead key
      t.set("g3", "back");
      for (let i = 0; i < 300; i++) t.set(`n${i}`, i % 2 === 0 ? i : undefined); // past the limit
      for (let i = 0; i < 2000; i++) {
        t.set(`c${i}`, true); // churn: compaction while keys are still defined
        t.set(`c${i}`, undefined);
      }
      t.set("g0", false);
    }
    expect(entries(fast)).toEqual(entries(plain));
    expect(fast.get("g3")).toBe("back");
    expect(fast.get("n1")).toBe(undefined);
    expect(fast.get("n298")).toBe(298);
    expect(Object.keys(fast.hash).length).toBe(Object.keys(plain.hash).length); // compacted alike
  });
});

describe("LuaTable size limits (table.ts MAX_ARRAY_PART)", () => {
  it("a SETLIST base far past the array part is `not enough memory`, not a V8 abort", () => {
    // Only a corrupted chunk names such a base (test/unit/vm/chunk-fuzz.test.ts found it):
    // filling the gap used to grow a JS array until V8 killed the process.
    const t = new LuaTable();
    expect(() => t.setList(107_000_000_000, [1, 2])).toThrow("not enough memory");
    expect(t.arr.length).toBe(0);
    t.setList(0, [1, 2]);
    expect(t.arr).toEqual([1, 2]);
  });
});
