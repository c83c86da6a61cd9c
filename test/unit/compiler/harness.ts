// Test helper: compile Lua with format "function", run it on the runtime sources, and capture
// what `print` writes. Until the runtime's createGlobals exists, a minimal environment with
// print/tostring/type/pairs/ipairs/select is built here from the runtime's own pieces.

import { compile } from "../../../compiler/src/index.js";
import * as errors from "../../../runtime/src/errors.js";
import * as runtimeIndex from "../../../runtime/src/index.js";
import * as state from "../../../runtime/src/state.js";
import { LuaTable } from "../../../runtime/src/table.js";
import { tostring, type } from "../../../runtime/src/tostring.js";

// Every runtime export that generated code may import (the package's own index).
export const runtime: Record<string, unknown> = { ...runtimeIndex };

type Fn = (...args: unknown[]) => unknown;

function minimalGlobals(out: string[]): LuaTable {
  const G = new LuaTable();
  const { ret0, ret1, retN } = state;
  const def = (name: string, f: Fn) => G.set(name, f as never);
  def("print", (...args) => {
    out.push(args.map((a) => tostring(a as never) as string).join("\t"));
    return ret0();
  });
  def("tostring", (v) => ret1(tostring(v as never)));
  def("type", (v) => ret1(type(v as never)));
  def("select", (n, ...args) =>
    n === "#" ? ret1(args.length) : retN(args.slice((n as number) - 1)),
  );
  def("next", (t, k) => {
    const r = (t as LuaTable).next(k as never) as unknown;
    return Array.isArray(r) ? retN(r) : r === undefined ? ret1(undefined) : retN(r as never);
  });
  def("pairs", (t) => retN([G.get("next"), t as never, undefined]));
  const ipairsIter = (t: LuaTable, i: number) => {
    const v = t.get(i + 1);
    return v === undefined ? ret1(undefined) : retN([i + 1, v]);
  };
  def("ipairs", (t) => retN([ipairsIter as never, t as never, 0]));
  def("setmetatable", (t, mt) => {
    (t as LuaTable).mt = mt as LuaTable;
    return ret1(t as never);
  });
  def("pcall", (f, ...args) => {
    const depth = state.S.depth;
    try {
      const first = (f as Fn)(...args);
      return retN([true, ...state.results(first as never)]);
    } catch (e) {
      state.S.depth = depth;
      return retN([false, errors.errorValueOf(e)]);
    }
  });
  def("error", (m) => {
    throw new errors.LuaError(m as never);
  });
  def("rawset", (t, k, v) => {
    (t as LuaTable).set(k as never, v as never);
    return ret1(t as never);
  });
  def("rawget", (t, k) => ret1((t as LuaTable).get(k as never)));
  G.set("_G", G);
  return G;
}

/** Compile and run `source`; returns the printed lines joined with newlines. */
export function runLua(source: string, chunkName = "=test"): string {
  const out: string[] = [];
  const { code } = compile(source, { chunkName, format: "function" });
  const load = new Function("$rt", code)(runtime) as (env: LuaTable) => Fn;
  const main = load(minimalGlobals(out));
  const depth = state.S.depth;
  main();
  // Every compiled function pops its frame on every exit.
  if (state.S.depth !== depth)
    throw new Error(`frame depth ${state.S.depth} after run, was ${depth}`);
  return out.join("\n");
}
