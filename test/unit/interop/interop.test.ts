// The embedding API (runtime/src/interop): states, conversions both ways, identity, errors
// crossing the boundary, output sinks and bundled modules. Lua error texts and outputs below
// were checked against lua5.1 running the same chunks (chunk name "@game.lua").

import { describe, expect, test } from "vitest";
import { compile } from "../../../compiler/src/index.js";
import * as runtime from "../../../runtime/src/index.js";
import {
  byReference,
  invoke,
  type LuaScriptError,
  LuaState,
  multiple,
  registerLuaModule,
  tableOf,
  toPlain,
} from "../../../runtime/src/interop/index.js";
import type { LuaTable } from "../../../runtime/src/table.js";
import type { LuaFunction } from "../../../runtime/src/value.js";

type ChunkLoad = (env: LuaTable) => LuaFunction;

/** Compiles Lua source to its `load(env)` function, on the runtime sources. */
function chunk(source: string, chunkName = "@game.lua"): ChunkLoad {
  const { code } = compile(source, { chunkName, format: "function" });
  return new Function("$rt", code)(runtime) as ChunkLoad;
}

/** A state whose output is collected in `lines`. */
function stateWithOutput(): { state: LuaState; lines: string[] } {
  const lines: string[] = [];
  const state = new LuaState({ stdout: (line) => lines.push(line) });
  return { state, lines };
}

function caught(f: () => unknown): LuaScriptError {
  try {
    f();
  } catch (e) {
    return e as LuaScriptError;
  }
  throw new Error("no error was thrown");
}

describe("LuaState", () => {
  test("globals and calls with JS values", () => {
    const { state, lines } = stateWithOutput();
    state.run(
      chunk(`
        function add(a, b) return a + b end
        function pair(x) return x, x * 2 end
        function greet(name) print("hello " .. name) return #name end
      `),
    );
    expect(state.call("add", 2, 3)).toBe(5);
    expect(state.callMultiple("pair", 4)).toEqual([4, 8]);
    // Strings are UTF-8 at the edge: "é" is two bytes in Lua.
    expect(state.call("greet", "héllo")).toBe(6);
    expect(lines).toEqual(["hello héllo"]);
    state.set("answer", 42);
    expect(state.get("answer")).toBe(42);
    expect(state.run(chunk("return answer + 1, type(nil), nil"))).toEqual([43, "nil", undefined]);
  });

  test("output without a final newline is flushed on demand", () => {
    const { state, lines } = stateWithOutput();
    state.run(chunk('io.write("a\\nb")'));
    expect(lines).toEqual(["a"]);
    state.flush();
    expect(lines).toEqual(["a", "b"]);
  });

  test("libraries can be left out (the base library stays)", () => {
    const state = new LuaState({ libraries: ["string"], stdout: () => {} });
    expect(
      state.run(chunk("return type(string), type(os), type(io), type(require), type(print)")),
    ).toEqual(["table", "nil", "nil", "nil", "function"]);
  });
});

describe("tables seen from JS", () => {
  const state = new LuaState({ stdout: () => {} });
  const [game] = state.run(
    chunk(`
      local M = {}
      function M.new_world(n)
        local w = { size = n, items = {} }
        for i = 1, n do w.items[i] = i * i end
        return w
      end
      function M.size(w) return w.size end
      function M.is_same(a, b) return rawequal(a, b) end
      M.Point = { __index = { len2 = function(p) return p.x * p.x + p.y * p.y end } }
      function M.point(x, y) return setmetatable({ x = x, y = y }, M.Point) end
      return M
    `),
  );

  test("a module table reads like an object and its functions take JS arguments", () => {
    const world = game.new_world(3);
    expect(world.size).toBe(3);
    expect(world.items[1]).toBe(1);
    expect(world.items[3]).toBe(9);
    expect(Object.keys(world.items)).toEqual(["1", "2", "3"]);
    expect(toPlain(world)).toEqual({ size: 3, items: [1, 4, 9] });
    expect(game.size(world)).toBe(3);
  });

  test("a table handed to JS and back into Lua is the same table", () => {
    const world = game.new_world(2);
    expect(game.is_same(world, world)).toBe(true);
    expect(game.new_world(2) === world).toBe(false);
    expect(tableOf(world)).toBeDefined();
    expect(game.new_world).toBe(game.new_world);
  });

  test("writes go to the table; metamethods apply; methods via invoke", () => {
    const p = game.point(3, 4);
    expect(invoke(p, "len2")).toBe(25);
    p.x = 1;
    expect(invoke(p, "len2")).toBe(17);
    expect(typeof p.len2).toBe("function"); // through __index
    delete p.y;
    expect(p.y).toBeUndefined();
  });

  test("arrays and plain objects are copied into new tables", () => {
    state.run(
      chunk("function describe(t) return #t.list .. ' ' .. t.name .. ' ' .. t.list[1] end"),
    );
    expect(state.call("describe", { name: "x", list: ["a", "b"] })).toBe("2 x a");
  });
});

describe("JS functions and objects in Lua", () => {
  test("JS functions are called with Lua arguments converted; several results", () => {
    const state = new LuaState({ stdout: () => {} });
    const calls: unknown[] = [];
    state.set("log", (...args: unknown[]) => {
      calls.push(args);
    });
    state.set("divmod", (a: number, b: number) => multiple(Math.floor(a / b), a % b));
    const result = state.run(chunk('log("x", 1, true, nil, {1}) return divmod(17, 5)'));
    expect(result).toEqual([3, 2]);
    expect(calls[0]).toHaveLength(5);
    expect((calls[0] as unknown[]).slice(0, 4)).toEqual(["x", 1, true, undefined]);
  });

  test("objects by reference: fields, methods with obj:method(), length", () => {
    class Sprite {
      x = 1;
      pos = { x: 0, y: 0 };
      moveBy(dx: number) {
        this.x += dx;
        return this.x;
      }
    }
    const sprite = new Sprite();
    const state = new LuaState({ stdout: () => {} });
    state.set("sprite", sprite);
    state.set("list", byReference([10, 20, 30]));
    const result = state.run(
      chunk(`
        sprite.y = 5
        sprite.pos.x = 7
        local a = sprite:moveBy(2)
        local b = sprite.moveBy(10)
        return a, b, type(sprite), #list, list[0], sprite.missing
      `),
    );
    expect(result).toEqual([3, 13, "userdata", 3, 10, undefined]);
    expect(sprite).toMatchObject({ x: 13, y: 5, pos: { x: 7, y: 0 } });
    expect(state.get("sprite")).toBe(sprite);
  });

  test("a JS error thrown into Lua is a Lua error pcall can catch", () => {
    const state = new LuaState({ stdout: () => {} });
    state.set("fail", () => {
      throw new Error("js says no");
    });
    expect(state.run(chunk("return pcall(fail)"))).toEqual([false, "js says no"]);
    // Uncaught, it comes out to JS as the original exception.
    expect(() => state.run(chunk("fail()"))).toThrow("js says no");
  });
});

describe("Lua errors in JS", () => {
  test("an Error with the Lua message, value and traceback; the frame state is restored", () => {
    const state = new LuaState({ stdout: () => {} });
    state.run(
      chunk(`
        function explode(x)
          local t = nil
          return t.field
        end
        function throw_table() error({ code = 7 }) end
      `),
    );
    const depth = runtime.S.depth;
    const error = caught(() => state.call("explode", 1));
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("LuaError");
    // lua5.1: game.lua:4: attempt to index local 't' (a nil value)
    expect(error.message).toBe("game.lua:4: attempt to index local 't' (a nil value)");
    expect(error.traceback).toContain("stack traceback:");
    expect(error.traceback).toContain("game.lua:4:");
    expect(runtime.S.depth).toBe(depth);
    const tableError = caught(() => state.call("throw_table"));
    expect(tableError.message).toBe("(error object is not a string)");
    expect((tableError.value as { code: number }).code).toBe(7);
  });

  test("a Lua error that went through JS back into Lua keeps its value", () => {
    const state = new LuaState({ stdout: () => {} });
    state.run(chunk("function inner() error({ tag = 'mine' }) end"));
    state.set("viaJS", () => state.call("inner"));
    const [ok, err] = state.run(chunk("local ok, e = pcall(viaJS) return ok, e.tag"));
    expect([ok, err]).toEqual([false, "mine"]);
  });
});

describe("bundled modules", () => {
  test("require finds registered chunks in every state, after package.preload", () => {
    registerLuaModule(
      "util.math",
      chunk(
        "local name = ... return { name = name, twice = function(x) return 2 * x end }",
        "@util/math.lua",
      ),
    );
    const state = new LuaState({ stdout: () => {} });
    const util = state.require("util.math");
    expect(util.name).toBe("util.math");
    expect(util.twice(21)).toBe(42);
    expect(state.require("util.math")).toBe(util);
    const [same] = state.run(chunk('return require("util.math") == package.loaded["util.math"]'));
    expect(same).toBe(true);
    const other = new LuaState({ stdout: () => {} });
    expect(other.require("util.math")).not.toBe(util);
  });
});

describe("states are separate", () => {
  test("each state's strings index its own string table", () => {
    const a = new LuaState({ stdout: () => {} });
    const b = new LuaState({ stdout: () => {} });
    // A (say, an untrusted script) replaces a string function and the string metatable's
    // __index; B must not see either.
    a.run(
      chunk(`string.upper = function() return "hijacked" end
             getmetatable("").__index = { len = function() return -1 end }`),
    );
    expect(b.run(chunk(`return ("abc"):upper(), ("abc"):len()`))).toEqual(["ABC", 3]);
    expect(a.run(chunk(`return ("abc"):len()`))).toEqual([-1]);
  });
});
