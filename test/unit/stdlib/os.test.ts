// os library; expected values printed by lua5.1 with TZ=UTC.

import { describe, expect, test } from "vitest";
import { createNodeHost } from "../../../runtime/src/host-node.js";
import { createOs } from "../../../runtime/src/lib/os.js";
import { LuaTable } from "../../../runtime/src/table.js";
import { call, errorOf } from "./helpers.js";

process.env.TZ = "UTC";
const O = createOs(createNodeHost());

function dateTable(fields: Record<string, number | boolean>): LuaTable {
  const t = new LuaTable();
  for (const [k, v] of Object.entries(fields)) t.set(k, v);
  return t;
}

describe("os.date", () => {
  test("every strftime conversion (C locale, UTC)", () => {
    expect(call(O, "date", "!%Y-%m-%d %H:%M:%S", 1700000000)).toEqual(["2023-11-14 22:13:20"]);
    expect(
      call(
        O,
        "date",
        "!%a %A %b %B %c %d %D %e %F %g %G %h %H %I %j %k %l %m %M %n %p %P %r %R %s %S %t %T %u %U %V %w %W %x %X %y %Y %z %Z %%",
        1700000000,
      ),
    ).toEqual([
      "Tue Tuesday Nov November Tue Nov 14 22:13:20 2023 14 11/14/23 14 2023-11-14 23 2023 Nov 22 10 318 22 10 11 13 \n PM pm 10:13:20 PM 22:13 1700000000 20 \t 22:13:20 2 46 46 2 46 11/14/23 22:13:20 23 2023 +0000 GMT %",
    ]);
    expect(call(O, "date", "!%C %E %O %+ %q", 1700000000)).toEqual(["20 %E %O %+ %q"]);
    expect(call(O, "date", "!%c|%x|%X|%r", 0)).toEqual([
      "Thu Jan  1 00:00:00 1970|01/01/70|00:00:00|12:00:00 AM",
    ]);
    expect(call(O, "date", "!%H", 2 ** 31)).toEqual(["03"]);
    expect(call(O, "date", "!%Y", -1)).toEqual(["1969"]);
    expect(call(O, "date", "%Ez", 0)).toEqual(["%Ez"]);
  });
  test("*t", () => {
    const [t] = call(O, "date", "!*t", 1700000000) as [LuaTable];
    const fields = ["year", "month", "day", "hour", "min", "sec", "wday", "yday", "isdst"].map(
      (k) => t.get(k),
    );
    expect(fields).toEqual([2023, 11, 14, 22, 13, 20, 3, 318, false]);
  });
});

describe("os.time", () => {
  test("normalisation and defaults", () => {
    expect(
      call(O, "time", dateTable({ year: 2023, month: 11, day: 14, hour: 22, min: 13, sec: 20 })),
    ).toEqual([1700000000]);
    expect(
      call(O, "time", dateTable({ year: 2023, month: 14, day: 35, hour: -5, min: 70, sec: -10 })),
    ).toEqual([1709669390]);
    expect(call(O, "time", dateTable({ year: 2023, month: 1, day: 1 }))).toEqual([1672574400]);
    expect(call(O, "time", dateTable({ year: 2023, month: 1.5, day: 1 }))).toEqual([1672574400]);
    expect(call(O, "time", dateTable({ year: 2023, month: 6, day: 1, isdst: true }))).toEqual([
      1685617200,
    ]);
    expect(call(O, "time", dateTable({ year: 2023, month: 6, day: 1, isdst: false }))).toEqual([
      1685620800,
    ]);
  });
  test("errors", () => {
    expect(errorOf(O, "time", dateTable({ year: 2023 }))).toBe("field 'day' missing in date table");
    expect(errorOf(O, "difftime")).toBe("bad argument #1 to '?' (number expected, got no value)");
    expect(errorOf(O, "setlocale", undefined, "bad")).toBe(
      "bad argument #2 to '?' (invalid option 'bad')",
    );
  });
});

describe("os system calls", () => {
  test("difftime, getenv, execute, remove, setlocale", () => {
    expect(call(O, "difftime", 10, 5)).toEqual([5]);
    expect(call(O, "difftime", 10)).toEqual([10]);
    expect(call(O, "getenv", "NOPE_XYZ_UNSET")).toEqual([undefined]);
    expect(call(O, "execute", "exit 3")).toEqual([768]);
    expect(call(O, "execute", "true")).toEqual([0]);
    expect(call(O, "remove", "/nonexistent")).toEqual([
      undefined,
      "/nonexistent: No such file or directory",
      2,
    ]);
    expect(call(O, "rename", "/nonexistent", "/tmp/y")).toEqual([
      undefined,
      "/nonexistent: No such file or directory",
      2,
    ]);
    expect(call(O, "setlocale")).toEqual(["C"]);
    expect(call(O, "setlocale", "xx")).toEqual([undefined]);
    expect(typeof (call(O, "clock") as number[])[0]).toBe("number");
    const [name] = call(O, "tmpname") as [string];
    expect(name).toMatch(/^\/tmp\/lua_/);
    expect(call(O, "remove", name)).toEqual([true]);
  });
});
