// type() and tostring() of any value (luaB_type, luaB_tostring / luaL_tolstring in 5.1).

import { metamethod } from "./metatable.js";
import { numberToString } from "./number.js";
import { callValue } from "./ops/call.js";
import { LuaTable } from "./table.js";
import { LuaThread, LuaUserdata, type LuaValue } from "./value.js";

/** lua_typename of a value. */
export function type(v: LuaValue): string {
  switch (typeof v) {
    case "undefined":
      return "nil";
    case "boolean":
      return "boolean";
    case "number":
      return "number";
    case "string":
      return "string";
    case "function":
      return "function";
  }
  if (v instanceof LuaTable) return "table";
  if (v instanceof LuaUserdata) return "userdata";
  if (v instanceof LuaThread) return "thread";
  return "userdata";
}

const addresses = new WeakMap<object, string>();
let nextAddress = 0x55a4c3b01000;

/** A stable per-object pseudo address, formatted like glibc's `%p` (`0x55a4c3b01020`). */
export function addressOf(v: object): string {
  let address = addresses.get(v);
  if (address === undefined) {
    nextAddress += 0x40;
    address = `0x${nextAddress.toString(16)}`;
    addresses.set(v, address);
  }
  return address;
}

/** tostring without metamethods: what luaB_tostring prints when there is no `__tostring`. */
export function rawToString(v: LuaValue): string {
  switch (typeof v) {
    case "string":
      return v;
    case "number":
      return numberToString(v);
    case "boolean":
      return v ? "true" : "false";
    case "undefined":
      return "nil";
  }
  return `${type(v)}: ${addressOf(v as object)}`;
}

/** luaB_tostring: `__tostring` if present (its result returned as is), else the raw form. */
export function tostring(v: LuaValue): LuaValue {
  if (typeof v === "string") return v;
  if (typeof v === "number") return numberToString(v);
  const handler = metamethod(v, "__tostring");
  if (handler !== undefined) return callValue(handler, v);
  return rawToString(v);
}
