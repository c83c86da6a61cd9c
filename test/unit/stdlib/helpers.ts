// Shared helpers for the standard-library unit tests: call a library function the way compiled
// code does and collect every result (or the Lua error value).

import { LuaError } from "../../../runtime/src/errors.js";
import { results } from "../../../runtime/src/state.js";
import type { LuaTable } from "../../../runtime/src/table.js";
import type { LuaValue } from "../../../runtime/src/value.js";

/** All results of `lib[name](...args)`, or `{ error }` with the Lua error value. */
export function call(
  lib: LuaTable,
  name: string,
  ...args: LuaValue[]
): LuaValue[] | { error: LuaValue } {
  const f = lib.get(name) as (...a: LuaValue[]) => LuaValue;
  try {
    return [...results(f(...args))];
  } catch (e) {
    if (e instanceof LuaError) return { error: e.value };
    throw e;
  }
}

/** The error message of a call expected to fail. */
export function errorOf(lib: LuaTable, name: string, ...args: LuaValue[]): LuaValue {
  const r = call(lib, name, ...args);
  return Array.isArray(r) ? `no error: ${JSON.stringify(r)}` : r.error;
}
