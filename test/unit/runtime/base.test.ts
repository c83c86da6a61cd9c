// The base library called the way compiled code calls it: S.site holds the call site (whose
// description names the callee), frames are pushed like compiled prologues do. Expected
// values and messages were printed by lua5.1 for the equivalent Lua code.

import { beforeEach, describe, expect, it } from "vitest";
import { LuaError } from "../../../runtime/src/errors.js";
import { createGlobals } from "../../../runtime/src/globals.js";
import { createBufferHost } from "../../../runtime/src/host.js";
import { setChunkLoader } from "../../../runtime/src/load.js";
import { registerSites } from "../../../runtime/src/sites.js";
import { R, results, ret1, S } from "../../../runtime/src/state.js";
import { LuaTable } from "../../../runtime/src/table.js";
import type { LuaFunction, LuaValue } from "../../../runtime/src/value.js";

const host = createBufferHost();
const G = createGlobals(host);

function lib(name: string): LuaFunction {
  return G.get(name) as LuaFunction;
}

/** Site ids of calls at `t.lua:<line>` naming the callee with `description`. */
const sites = new Map<string, number>();
function site(line: number, description?: string): number {
  const key = `${line}:${description}`;
  let id = sites.get(key);
  if (id === undefined) {
    id = registerSites("t.lua", [[line, description]]);
    sites.set(key, id);
  }
  return id;
}

/** Calls library function `name` from Lua code at `t.lua:line` (a call `name(...)`). */
function callAt(line: number, name: string, ...args: LuaValue[]): LuaValue[] {
  S.site = site(line, `global '${name}'`);
  return results(lib(name)(...args));
}

/** A stand-in for a compiled function: pushes a frame as compiled prologues do. */
function luaFunction(body: (...args: LuaValue[]) => LuaValue): LuaFunction {
  const self = (...args: LuaValue[]): LuaValue => {
    const d = ++S.depth;
    S.callSites[d] = S.site;
    const v = body(...args);
    S.depth = d - 1;
    return v;
  };
  return self;
}

function thrown(f: () => unknown): LuaValue {
  try {
    f();
  } catch (e) {
    if (e instanceof LuaError) return e.value;
    throw e;
  }
  throw new Error("no error");
}

beforeEach(() => {
  host.out = "";
  S.depth = 0;
  S.site = 0;
});

describe("print and tostring", () => {
  it("prints values separated by tabs with %.14g numbers", () => {
    callAt(1, "print", 1, "a", undefined, true, 1 / 3, -0);
    expect(host.out).toBe("1\ta\tnil\ttrue\t0.33333333333333\t-0\n");
  });

  it("uses __tostring, and print refuses non-string results", () => {
    const t = new LuaTable();
    t.mt = new LuaTable();
    t.mt.set("__tostring", () => ret1("TS"));
    expect(callAt(1, "tostring", t)).toEqual(["TS"]);
    callAt(1, "print", t);
    expect(host.out).toBe("TS\n");
    t.mt.set("__tostring", () => ret1(new LuaTable()));
    expect(thrown(() => callAt(1, "print", t))).toBe(
      "t.lua:1: 'tostring' must return a string to 'print'",
    );
  });

  it("formats tables with a stable address", () => {
    const t = new LuaTable();
    const [a] = callAt(1, "tostring", t);
    expect(a).toMatch(/^table: 0x[0-9a-f]+$/);
    expect(callAt(1, "tostring", t)).toEqual([a]);
  });
});

describe("tonumber, select, unpack", () => {
  it("converts like lua5.1", () => {
    // lua5.1: tonumber('10', 16), tonumber(10, 16), tonumber('  11  ', 2), tonumber('0x1f', 16),
    // tonumber('', 16), tonumber('z', 36), tonumber(' -ff ', 16), tonumber('12a')
    expect(callAt(1, "tonumber", "10", 16)).toEqual([16]);
    expect(callAt(1, "tonumber", 10, 16)).toEqual([16]);
    expect(callAt(1, "tonumber", "  11  ", 2)).toEqual([3]);
    expect(callAt(1, "tonumber", "0x1f", 16)).toEqual([31]);
    expect(callAt(1, "tonumber", "", 16)).toEqual([undefined]);
    expect(callAt(1, "tonumber", "z", 36)).toEqual([35]);
    expect(callAt(1, "tonumber", " -ff ", 16)).toEqual([18446744073709552000 - 255]);
    expect(callAt(1, "tonumber", "12a")).toEqual([undefined]);
    expect(thrown(() => callAt(3, "tonumber", "1", 99))).toBe(
      "t.lua:3: bad argument #2 to 'tonumber' (base out of range)",
    );
    expect(thrown(() => callAt(3, "tonumber"))).toBe(
      "t.lua:3: bad argument #1 to 'tonumber' (value expected)",
    );
  });

  it("selects with negative indices and counts with '#'", () => {
    expect(callAt(1, "select", "#", 1, 2, 3)).toEqual([3]);
    expect(callAt(1, "select", -1, 1, 2, 3)).toEqual([3]);
    expect(callAt(1, "select", 2, 1, 2, 3)).toEqual([2, 3]);
    expect(thrown(() => callAt(1, "select", -5, 1))).toBe(
      "t.lua:1: bad argument #1 to 'select' (index out of range)",
    );
  });

  it("unpacks ranges", () => {
    const t = new LuaTable([1, 2, 3]);
    expect(callAt(1, "unpack", t)).toEqual([1, 2, 3]);
    expect(callAt(1, "unpack", t, 2)).toEqual([2, 3]);
    expect(callAt(1, "unpack", t, 2, 5)).toEqual([2, 3, undefined, undefined]);
    expect(thrown(() => callAt(1, "unpack", new LuaTable(), 1, 8000))).toBe(
      "t.lua:1: too many results to unpack",
    );
  });
});

describe("argument errors name the callee as lua5.1 does", () => {
  it("uses the call site's name, '?' from library code, and adjusts methods", () => {
    S.site = site(13, "local 'r'");
    expect(thrown(() => lib("setmetatable")(1))).toBe(
      "t.lua:13: bad argument #1 to 'r' (table expected, got number)",
    );
    expect(callAt(2, "pcall", lib("setmetatable"), 1)).toEqual([
      false,
      "bad argument #1 to '?' (table expected, got number)",
    ]);
    S.site = site(14, "method 'unpack'");
    expect(thrown(() => lib("unpack")(new LuaTable(), "x"))).toBe(
      "t.lua:14: bad argument #1 to 'unpack' (number expected, got string)",
    );
  });
});

describe("metatables", () => {
  it("protects metatables with __metatable", () => {
    const mt = new LuaTable();
    mt.set("__metatable", "no");
    const [t] = callAt(1, "setmetatable", new LuaTable(), mt);
    expect(callAt(1, "getmetatable", t)).toEqual(["no"]);
    expect(thrown(() => callAt(2, "setmetatable", t, new LuaTable()))).toBe(
      "t.lua:2: cannot change a protected metatable",
    );
    expect(thrown(() => callAt(2, "setmetatable", new LuaTable(), 1))).toBe(
      "t.lua:2: bad argument #2 to 'setmetatable' (nil or table expected)",
    );
  });

  it("gives strings the string library as __index", () => {
    const [mt] = callAt(1, "getmetatable", "x");
    expect((mt as LuaTable).get("__index")).toBe(G.get("string"));
  });
});

describe("error, pcall, xpcall", () => {
  it("positions string errors by level and passes other values through", () => {
    expect(callAt(1, "pcall", lib("error"), "x")).toEqual([false, "x"]);
    expect(callAt(1, "pcall", lib("error"))).toEqual([false, undefined]);
    const t = new LuaTable();
    expect(callAt(1, "pcall", lib("error"), t)).toEqual([false, t]);
    const fails = luaFunction(() => {
      S.site = site(8, "global 'error'");
      return lib("error")("deep", 2);
    });
    const caller = luaFunction(() => {
      S.site = site(9, "local 'f'");
      return fails();
    });
    expect(callAt(10, "pcall", caller)).toEqual([false, "t.lua:9: deep"]);
    const level1 = luaFunction(() => {
      S.site = site(11, "global 'error'");
      return lib("error")(12);
    });
    expect(callAt(12, "pcall", level1)).toEqual([false, "t.lua:11: 12"]);
  });

  it("restores the frame depth and returns all results on success", () => {
    const two = luaFunction(() => {
      R.n = 2;
      R.v = [1, 2];
      return 1;
    });
    expect(callAt(1, "pcall", two)).toEqual([true, 1, 2]);
    const deep = luaFunction(() => lib("error")("x"));
    callAt(1, "pcall", deep);
    expect(S.depth).toBe(0);
  });

  it("turns JS exceptions into Lua error values", () => {
    const typeError = () => {
      throw new TypeError("boom");
    };
    const [ok, message] = callAt(1, "pcall", typeError);
    expect(ok).toBe(false);
    expect(typeof message).toBe("string");
    const overflow = (): LuaValue => overflow();
    expect(callAt(1, "pcall", overflow)[1]).toMatch(/stack overflow$/);
  });

  it("calls the xpcall handler with the error value", () => {
    const handler = (m: LuaValue) => ret1(`h:${m}`);
    const fails = luaFunction(() => {
      S.site = site(38, "global 'error'");
      return lib("error")("e");
    });
    expect(callAt(1, "xpcall", fails, handler)).toEqual([false, "h:t.lua:38: e"]);
    const badHandler = () => lib("error")("b");
    expect(callAt(1, "xpcall", fails, badHandler)).toEqual([false, "error in error handling"]);
  });

  it("asserts with lua5.1's messages", () => {
    expect(callAt(1, "assert", 1, 2, 3)).toEqual([1, 2, 3]);
    expect(thrown(() => callAt(4, "assert", false))).toBe("t.lua:4: assertion failed!");
    expect(thrown(() => callAt(4, "assert", undefined, "msg"))).toBe("t.lua:4: msg");
  });
});

describe("next, pairs, ipairs, raw access", () => {
  it("iterates and rejects unknown keys", () => {
    const t = new LuaTable([5]);
    expect(callAt(1, "next", t)).toEqual([1, 5]);
    expect(callAt(1, "next", t, 1)).toEqual([undefined]);
    expect(thrown(() => callAt(1, "next", t, "nope"))).toBe("invalid key to 'next'");
    const [step, state, init] = callAt(1, "ipairs", t);
    expect(results((step as LuaFunction)(state, init))).toEqual([1, 5]);
    expect(results((step as LuaFunction)(state, 1))).toEqual([]);
  });

  it("rawset checks keys without a position", () => {
    expect(thrown(() => callAt(1, "rawset", new LuaTable(), undefined, 1))).toBe(
      "table index is nil",
    );
    expect(callAt(1, "rawequal", 1, 1.0)).toEqual([true]);
  });
});

describe("environments and loading", () => {
  it("gets and sets function environments", () => {
    const env = new LuaTable();
    const f = Object.assign(
      luaFunction(() => ret1(undefined)),
      { env: G },
    );
    expect(callAt(1, "getfenv", f)).toEqual([G]);
    expect(callAt(1, "setfenv", f, env)).toEqual([f]);
    expect(f.env).toBe(env);
    expect(callAt(1, "getfenv", 0)).toEqual([G]);
    expect(callAt(1, "getfenv", lib("print"))).toEqual([G]);
    expect(thrown(() => callAt(1, "setfenv", lib("print"), env))).toBe(
      "t.lua:1: 'setfenv' cannot change environment of given object",
    );
  });

  it("loadstring goes through the registered chunk loader", () => {
    setChunkLoader((source, chunkName) => {
      if (source === "bad") throw new Error(`${chunkName}:1: unexpected symbol near 'bad'`);
      return () => ret1(source);
    });
    const [fn] = callAt(1, "loadstring", "return 1");
    expect((fn as LuaFunction)()).toBe("return 1");
    expect(callAt(1, "loadstring", "bad", "=x")).toEqual([
      undefined,
      "=x:1: unexpected symbol near 'bad'",
    ]);
    setChunkLoader(undefined);
  });

  it("answers collectgarbage and _VERSION", () => {
    expect(G.get("_VERSION")).toBe("Lua 5.1");
    expect(callAt(1, "collectgarbage")).toEqual([0]);
    expect(callAt(1, "collectgarbage", "count")[0]).toBeGreaterThan(0);
    expect(thrown(() => callAt(1, "collectgarbage", "bogus"))).toBe(
      "t.lua:1: bad argument #1 to 'collectgarbage' (invalid option 'bogus')",
    );
  });
});
