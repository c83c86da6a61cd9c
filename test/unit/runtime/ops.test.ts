// Operator slow paths: coercions, metamethod dispatch and lua5.1's error messages (each
// expected message was printed by lua5.1 for the equivalent Lua code, with the chunk name
// and line replaced by this test's site).

import { describe, expect, it } from "vitest";
import { LuaError } from "../../../runtime/src/errors.js";
import { add, concat, div, mod, pow, sub, unm } from "../../../runtime/src/index.js";
import { call } from "../../../runtime/src/ops/call.js";
import { equals, lessEqual, lessThan } from "../../../runtime/src/ops/compare.js";
import { forNumber } from "../../../runtime/src/ops/for.js";
import { index, setIndex, tableSet } from "../../../runtime/src/ops/index.js";
import { length } from "../../../runtime/src/ops/length.js";
import { registerSites } from "../../../runtime/src/sites.js";
import { ret1 } from "../../../runtime/src/state.js";
import { LuaTable } from "../../../runtime/src/table.js";
import type { LuaValue } from "../../../runtime/src/value.js";

const base = registerSites("t.lua", [
  [1, "local 't'"],
  [2, "global 'x'"],
  [3, "field 'b'"],
  [4],
  [5, "local 's'", undefined],
  [6, "global 'undefinedfn'"],
  [7, "method 'bad'"],
]);
const [LOCAL_T, GLOBAL_X, FIELD_B, UNNAMED, LOCAL_S, GLOBAL_FN, METHOD] = [0, 1, 2, 3, 4, 5, 6].map(
  (i) => base + i,
);

function message(f: () => unknown): LuaValue {
  try {
    f();
  } catch (e) {
    if (e instanceof LuaError) return e.value;
    throw e;
  }
  throw new Error("no error");
}

function table(fields: Record<string, LuaValue>, mt?: LuaTable): LuaTable {
  const t = new LuaTable();
  for (const k of Object.keys(fields)) t.set(k, fields[k]);
  t.mt = mt;
  return t;
}

describe("arithmetic", () => {
  it("coerces numeric strings (decimal, hex, whitespace)", () => {
    expect(add(" 0x10 ", 0, UNNAMED)).toBe(16);
    expect(add("1e2", 0, UNNAMED)).toBe(100);
    expect(sub("10", "4", UNNAMED)).toBe(6);
    expect(unm("2", UNNAMED)).toBe(-2);
  });

  it("computes % and ^ like lua5.1", () => {
    // lua5.1: print(10 % 3, -10 % 3, 10 % -3, 5.5 % 2, 2^0.5, 1^(0/0), (-1)^(1/0))
    expect([mod(10, 3, 0), mod(-10, 3, 0), mod(10, -3, 0), mod(5.5, 2, 0)]).toEqual([
      1, 2, -2, 1.5,
    ]);
    expect(pow(1, Number.NaN, 0)).toBe(1);
    expect(pow(-1, Number.POSITIVE_INFINITY, 0)).toBe(1);
    expect(mod(1, 0, 0)).toBeNaN();
    expect(div(1, 0, 0)).toBe(Number.POSITIVE_INFINITY);
  });

  it("names the operand in arithmetic errors", () => {
    expect(message(() => add(1, undefined, UNNAMED))).toBe(
      "t.lua:4: attempt to perform arithmetic on a nil value",
    );
    expect(message(() => add("a", 1, LOCAL_S))).toBe(
      "t.lua:5: attempt to perform arithmetic on local 's' (a string value)",
    );
  });

  it("dispatches __add from the left operand, then the right, and __unm with the operand twice", () => {
    const seen: LuaValue[][] = [];
    const mt = table({
      __add: (a: LuaValue, b: LuaValue) => {
        seen.push([a, b]);
        return ret1("sum");
      },
      __unm: (a: LuaValue, b: LuaValue) => ret1(a === b ? "same" : "different"),
    });
    const t = table({}, mt);
    expect(add(t, 1, 0)).toBe("sum");
    expect(add(1, t, 0)).toBe("sum");
    expect(seen).toEqual([
      [t, 1],
      [1, t],
    ]);
    expect(unm(t, 0)).toBe("same");
  });
});

describe("concat", () => {
  it("formats numbers with %.14g", () => {
    expect(concat(1, 2, 0)).toBe("12");
    expect(concat(1.5, "", 0)).toBe("1.5");
    expect(concat(1e15, "", 0)).toBe("1e+15");
  });

  it("reports the non-string operand", () => {
    expect(message(() => concat(new LuaTable(), "x", UNNAMED))).toBe(
      "t.lua:4: attempt to concatenate a table value",
    );
  });
});

describe("comparison", () => {
  it("orders strings by bytes and refuses mixed types", () => {
    expect(lessThan("a", "b", 0)).toBe(true);
    expect(lessThan("\xff", "a", 0)).toBe(false);
    expect(lessEqual("a", "a", 0)).toBe(true);
    expect(message(() => lessThan(1, "x", UNNAMED))).toBe(
      "t.lua:4: attempt to compare number with string",
    );
    expect(message(() => lessThan(new LuaTable(), new LuaTable(), UNNAMED))).toBe(
      "t.lua:4: attempt to compare two table values",
    );
  });

  it("uses __lt only when both operands share it, and __le falls back to not __lt(b, a)", () => {
    const lt = (a: LuaValue, b: LuaValue) =>
      ret1(((a as LuaTable).get("v") as number) < ((b as LuaTable).get("v") as number));
    const mt = table({ __lt: lt });
    const a = table({ v: 1 }, mt);
    const b = table({ v: 2 }, mt);
    expect(lessThan(a, b, 0)).toBe(true);
    expect(lessEqual(b, a, 0)).toBe(false);
    expect(lessEqual(a, b, 0)).toBe(true);
    const other = table({ v: 3 }, table({ __lt: (_a: LuaValue, _b: LuaValue) => ret1(true) }));
    expect(message(() => lessThan(a, other, UNNAMED))).toBe(
      "t.lua:4: attempt to compare two table values",
    );
  });

  it("calls __eq only for two tables with the same __eq", () => {
    const eq = () => ret1(true);
    const mt = table({ __eq: eq });
    const a = table({}, mt);
    const b = table({}, mt);
    const c = table({}, table({ __eq: eq }));
    expect(equals(a, b)).toBe(true);
    expect(equals(a, c)).toBe(true);
    expect(equals(a, table({}))).toBe(false);
    expect(equals(a, 1)).toBe(false);
    expect(equals(Number.NaN, Number.NaN)).toBe(false);
  });
});

describe("index and setIndex", () => {
  it("reports indexing nil with the operand's name", () => {
    expect(message(() => index(undefined, "x", LOCAL_T))).toBe(
      "t.lua:1: attempt to index local 't' (a nil value)",
    );
    expect(message(() => index(undefined, "y", GLOBAL_X))).toBe(
      "t.lua:2: attempt to index global 'x' (a nil value)",
    );
    expect(message(() => setIndex(undefined, "y", 1, FIELD_B))).toBe(
      "t.lua:3: attempt to index field 'b' (a nil value)",
    );
  });

  it("follows __index tables and functions", () => {
    const proto = table({ a: 1 });
    const t = table({}, table({ __index: proto }));
    expect(index(t, "a", 0)).toBe(1);
    const f = table({}, table({ __index: (_t: LuaValue, k: LuaValue) => ret1(`${k}!`) }));
    expect(index(f, "a", 0)).toBe("a!");
  });

  it("follows __newindex only for absent keys", () => {
    const store = new LuaTable();
    const t = table({ here: 1 }, table({ __newindex: store }));
    setIndex(t, "here", 2, 0);
    setIndex(t, "away", 3, 0);
    expect([t.get("here"), t.get("away"), store.get("away")]).toEqual([2, undefined, 3]);
  });

  it("rejects nil and NaN keys", () => {
    expect(message(() => setIndex(new LuaTable(), undefined, 1, UNNAMED))).toBe(
      "t.lua:4: table index is nil",
    );
    expect(message(() => tableSet(new LuaTable(), Number.NaN, 1, UNNAMED))).toBe(
      "t.lua:4: table index is NaN",
    );
  });
});

describe("call, length and for", () => {
  it("calls __call with the object first, and names uncallable values", () => {
    const t = table({}, table({ __call: (self: LuaValue, x: LuaValue) => ret1([self, x]) }));
    expect(call(t, 0, 5)).toEqual([t, 5]);
    expect(message(() => call(undefined, GLOBAL_FN))).toBe(
      "t.lua:6: attempt to call global 'undefinedfn' (a nil value)",
    );
    expect(message(() => call(undefined, METHOD))).toBe(
      "t.lua:7: attempt to call method 'bad' (a nil value)",
    );
  });

  it("measures strings and tables, and names the rest", () => {
    expect(length("abc", 0)).toBe(3);
    expect(length(new LuaTable([1, 2]), 0)).toBe(2);
    expect(message(() => length(undefined, UNNAMED))).toBe(
      "t.lua:4: attempt to get length of a nil value",
    );
  });

  it("coerces numeric for operands or reports which one is wrong", () => {
    expect(forNumber("10", "limit", 0)).toBe(10);
    expect(message(() => forNumber("a", "initial", UNNAMED))).toBe(
      "t.lua:4: 'for' initial value must be a number",
    );
    expect(message(() => forNumber(new LuaTable(), "limit", UNNAMED))).toBe(
      "t.lua:4: 'for' limit must be a number",
    );
    expect(message(() => forNumber(undefined, "step", UNNAMED))).toBe(
      "t.lua:4: 'for' step must be a number",
    );
  });
});
