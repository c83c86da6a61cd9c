// Loading Lua source on Node: compile it to the "function" format and instantiate it with the
// runtime module. This is the chunk loader behind loadstring/loadfile/dofile until the bytecode
// VM lands; it is Node-only (it uses `new Function`).

import * as runtime from "@lunette/runtime";
import { type BudgetOptions, compileFunctionBody } from "../index.js";

type LuaFunction = runtime.LuaFunction;

/** Compiles `source` (a byte string) and returns its main function with environment `env`. */
export function loadLuaChunk(
  source: string,
  chunkName: string,
  env: runtime.LuaTable,
  budgets: BudgetOptions = {},
): LuaFunction {
  const code = compileFunctionBody(source, chunkName, budgets);
  const makeLoader = new Function("$rt", code) as (
    rt: typeof runtime,
  ) => (env: runtime.LuaTable) => LuaFunction;
  return makeLoader(runtime)(env);
}

/**
 * luaL_loadfile skips a first line that starts with `#` (a Unix `#!` line), keeping its
 * newline so that line numbers stay right.
 */
export function skipShebangLine(source: string): string {
  if (source.charCodeAt(0) !== 35 /* # */) return source;
  const newline = source.indexOf("\n");
  return newline < 0 ? "" : source.slice(newline);
}
