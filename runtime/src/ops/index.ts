// Indexing with metamethods (luaV_gettable / luaV_settable, manual §2.8 "index" and
// "newindex"): follow `__index` / `__newindex` chains of tables, call functions, and give up
// after MAXTAGLOOP steps.

import { runtimeError } from "../errors.js";
import { getMetatable, metamethod } from "../metatable.js";
import { siteOperandA } from "../sites.js";
import { S } from "../state.js";
import { LuaTable } from "../table.js";
import type { LuaValue } from "../value.js";
import { callMeta2, callMeta3 } from "./call.js";
import { typeError } from "./describe.js";

/** lvm.c's MAXTAGLOOP: the longest `__index`/`__newindex` chain followed. */
const MAX_TAG_LOOP = 100;

/** `o[k]` for any `o` (the slow path of `t.x` and `t[k]`). */
export function index(o: LuaValue, k: LuaValue, site: number): LuaValue {
  for (let loop = 0; loop < MAX_TAG_LOOP; loop++) {
    let handler: LuaValue;
    if (o instanceof LuaTable) {
      const v = o.get(k);
      if (v !== undefined) return v;
      const mt = o.mt;
      if (mt === undefined) return undefined;
      handler = mt.hash.__index;
      if (handler === undefined) return undefined;
    } else {
      handler = metamethod(o, "__index");
      if (handler === undefined)
        typeError(o, "index", loop === 0 ? siteOperandA(site) : undefined, site);
    }
    if (typeof handler === "function") {
      S.site = -site; // a metamethod call: positioned at the site, but unnamed
      return callMeta2(handler, o, k);
    }
    o = handler;
  }
  runtimeError("loop in gettable", site);
}

/** `o[k] = v` for any `o` (the slow path of assignments to fields). */
export function setIndex(o: LuaValue, k: LuaValue, v: LuaValue, site: number): LuaValue {
  for (let loop = 0; loop < MAX_TAG_LOOP; loop++) {
    let handler: LuaValue;
    if (o instanceof LuaTable) {
      const mt = o.mt;
      if (
        mt === undefined ||
        (handler = mt.hash.__newindex) === undefined ||
        o.get(k) !== undefined
      ) {
        checkKey(k, site);
        o.set(k, v);
        return;
      }
    } else {
      handler = metamethod(o, "__newindex");
      if (handler === undefined)
        typeError(o, "index", loop === 0 ? siteOperandA(site) : undefined, site);
    }
    if (typeof handler === "function") {
      S.site = -site; // a metamethod call: positioned at the site, but unnamed
      // The handler's results are dropped; metaResumable may get DEFERRED here.
      return callMeta3(handler, o, k, v);
    }
    o = handler;
  }
  runtimeError("loop in settable", site);
}

/** Raw set with Lua's key checks, for table constructors `{[k] = v}` (and rawset). */
export function tableSet(t: LuaTable, k: LuaValue, v: LuaValue, site: number = S.site): void {
  checkKey(k, site);
  t.set(k, v);
}

/** luaH_set's key checks: `table index is nil`, `table index is NaN`. */
export function checkKey(k: LuaValue, site: number): void {
  if (k === undefined) runtimeError("table index is nil", site);
  if (typeof k === "number" && Number.isNaN(k)) runtimeError("table index is NaN", site);
}

/** Whether `v` has a metatable with the field `event` (for library fast paths). */
export function hasMetamethod(v: LuaValue, event: string): boolean {
  const mt = getMetatable(v);
  return mt !== undefined && mt.hash[event] !== undefined;
}
