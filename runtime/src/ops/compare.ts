// Comparison slow paths (luaV_lessthan, lessequal, luaV_equalval; manual §2.5.2, §2.8).
// Order: numbers numerically, strings by bytes, otherwise `__lt`/`__le` when both operands
// have the same metamethod (`__le` falls back to `not (b < a)` via `__lt`). Equality of
// different values holds only through a shared `__eq` of two tables or two userdata.

import { DEFERRED, deferral, Post } from "../coroutine/meta-resumable.js";
import { getMetatable, metamethod } from "../metatable.js";
import { S } from "../state.js";
import { LuaTable } from "../table.js";
import { type } from "../tostring.js";
import { LuaUserdata, type LuaValue } from "../value.js";
import { callMeta2 } from "./call.js";
import { orderError } from "./describe.js";

/** call_orderTM: undefined when the operands do not share the metamethod. */
function orderMeta(a: LuaValue, b: LuaValue, event: string, site: number): boolean | undefined {
  const h1 = metamethod(a, event);
  if (h1 === undefined) return undefined;
  const h2 = metamethod(b, event);
  if (h1 !== h2) return undefined;
  S.site = -site; // a metamethod call: positioned at the site, but unnamed
  const r = callMeta2(h1, a, b);
  if (r === DEFERRED) return deferTruth(Post.Truthy);
  return r !== undefined && r !== false;
}

/** A comparison whose metamethod call metaResumable makes: how to read its result. */
function deferTruth(post: Post): boolean {
  deferral.post = post;
  return DEFERRED as unknown as boolean;
}

export function lessThan(a: LuaValue, b: LuaValue, site: number): boolean {
  const ta = typeof a;
  if (ta === "number" && typeof b === "number") return (a as number) < b;
  if (ta === "string" && typeof b === "string") return (a as string) < b;
  if (type(a) !== type(b)) orderError(a, b, site);
  const r = orderMeta(a, b, "__lt", site);
  if (r === undefined) orderError(a, b, site);
  return r;
}

export function lessEqual(a: LuaValue, b: LuaValue, site: number): boolean {
  const ta = typeof a;
  if (ta === "number" && typeof b === "number") return (a as number) <= b;
  if (ta === "string" && typeof b === "string") return (a as string) <= b;
  if (type(a) !== type(b)) orderError(a, b, site);
  const le = orderMeta(a, b, "__le", site);
  if (le !== undefined) return le;
  const lt = orderMeta(b, a, "__lt", site);
  if ((lt as unknown) === DEFERRED) return deferTruth(Post.Falsy);
  if (lt !== undefined) return !lt;
  orderError(a, b, site);
}

/** `a == b` when `a !== b` (luaV_equalval with get_compTM). */
export function equals(a: LuaValue, b: LuaValue): boolean {
  if (a instanceof LuaTable) {
    if (!(b instanceof LuaTable)) return false;
  } else if (a instanceof LuaUserdata) {
    if (!(b instanceof LuaUserdata)) return false;
  } else {
    return false;
  }
  const mt1 = getMetatable(a);
  if (mt1 === undefined) return false;
  const h1 = mt1.hash.__eq;
  if (h1 === undefined) return false;
  const mt2 = getMetatable(b);
  if (mt1 !== mt2) {
    if (mt2 === undefined || mt2.hash.__eq !== h1) return false;
  }
  const r = callMeta2(h1, a, b);
  if (r === DEFERRED) return deferTruth(Post.Truthy);
  return r !== undefined && r !== false;
}
