// Lua values in JS (docs/architecture.md, "Value representation").

import type { LuaTable } from "./table.js";

/** A Lua function: compiled closures and library functions share this calling convention. */
export type LuaFunction = (...args: any[]) => LuaValue;

export type LuaValue =
  | undefined
  | boolean
  | number
  | string
  | LuaTable
  | LuaFunction
  | LuaUserdata
  | LuaThread;

/** Full userdata (newproxy, io files): an identity with an optional metatable and env. */
export class LuaUserdata {
  mt: LuaTable | undefined = undefined;
  constructor(public data: unknown = undefined) {}
}

/** A coroutine (implemented in the coroutine issue). */
export class LuaThread {
  mt: undefined = undefined;
}
