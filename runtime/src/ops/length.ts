// The length operator (luaV_objlen, manual §2.5.5): strings have their byte length, tables a
// border (5.1 has no `__len` for tables); other values need a `__len` metamethod.

import { metamethod } from "../metatable.js";
import { siteOperandA } from "../sites.js";
import { S } from "../state.js";
import { LuaTable } from "../table.js";
import type { LuaValue } from "../value.js";
import { callMeta2 } from "./call.js";
import { typeError } from "./describe.js";

export function length(v: LuaValue, site: number): LuaValue {
  if (typeof v === "string") return v.length;
  if (v instanceof LuaTable) return v.arr.length;
  const handler = metamethod(v, "__len");
  if (handler === undefined) typeError(v, "get length of", siteOperandA(site), site);
  S.site = -site; // a metamethod call: positioned at the site, but unnamed
  return callMeta2(handler, v, undefined);
}
