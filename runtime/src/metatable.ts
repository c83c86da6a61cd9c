// Metatables (manual §2.8): tables and full userdata carry their own; every other type shares
// one per type (strings get theirs from the string library; debug.setmetatable sets the rest).

import { LuaTable } from "./table.js";
import { LuaThread, LuaUserdata, type LuaValue } from "./value.js";

/** The per-type metatables of values that have no metatable field of their own. */
export const typeMetatables: {
  string: LuaTable | undefined;
  number: LuaTable | undefined;
  boolean: LuaTable | undefined;
  nil: LuaTable | undefined;
  function: LuaTable | undefined;
  thread: LuaTable | undefined;
} = {
  string: undefined,
  number: undefined,
  boolean: undefined,
  nil: undefined,
  function: undefined,
  thread: undefined,
};

export type TypeMetatables = typeof typeMetatables;

/**
 * Several Lua states share one JS realm, but in Lua each state has its own type metatables
 * (lua_State's global_State: a state's `string` table is what its strings index). A state makes
 * its own current while its code runs: `enterTypeMetatables` installs them and returns the
 * previous ones; `leaveTypeMetatables` keeps what the code changed (debug.setmetatable) in
 * `own` and puts the previous ones back.
 */
export function enterTypeMetatables(own: TypeMetatables): TypeMetatables {
  const previous = { ...typeMetatables };
  Object.assign(typeMetatables, own);
  return previous;
}

export function leaveTypeMetatables(own: TypeMetatables, previous: TypeMetatables): void {
  Object.assign(own, typeMetatables);
  Object.assign(typeMetatables, previous);
}

/** Sets the metatable shared by all strings (lua_setmetatable on a string, lstrlib's createmetatable). */
export function setStringMetatable(mt: LuaTable | undefined): void {
  typeMetatables.string = mt;
}

/** The metatable of any value (lua_getmetatable), ignoring `__metatable`. */
export function getMetatable(v: LuaValue): LuaTable | undefined {
  if (v instanceof LuaTable || v instanceof LuaUserdata) return v.mt;
  switch (typeof v) {
    case "string":
      return typeMetatables.string;
    case "number":
      return typeMetatables.number;
    case "boolean":
      return typeMetatables.boolean;
    case "undefined":
      return typeMetatables.nil;
    case "function":
      return typeMetatables.function;
  }
  return v instanceof LuaThread ? typeMetatables.thread : undefined;
}

/** The metamethod `event` (e.g. "__index") of `v`, or undefined (luaT_gettmbyobj). */
export function metamethod(v: LuaValue, event: string): LuaValue {
  const mt = getMetatable(v);
  return mt === undefined ? undefined : mt.hash[event];
}
