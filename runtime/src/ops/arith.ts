// Arithmetic slow paths (luaV_arith, manual §2.2.1 and §2.8): operands that are numbers or
// numeric strings (luaO_str2d) are computed; otherwise the `__add`-style metamethod of the
// left operand, else of the right one; otherwise `attempt to perform arithmetic on ...`.

import { metamethod } from "../metatable.js";
import { cPow, stringToNumber } from "../number.js";
import { siteOperandA, siteOperandB } from "../sites.js";
import { S } from "../state.js";
import type { LuaValue } from "../value.js";
import { callMeta2 } from "./call.js";
import { typeError } from "./describe.js";

/** luaV_tonumber: a number, or a string holding a numeral. */
export function toNumber(v: LuaValue): number | undefined {
  if (typeof v === "number") return v;
  if (typeof v === "string") return stringToNumber(v);
  return undefined;
}

/** luai_nummod: `a - floor(a/b)*b` (so the result takes the sign of b; x % 0 is nan). */
export function luaMod(a: number, b: number): number {
  return a - Math.floor(a / b) * b;
}

/** luai_numpow: C's pow (number.ts cPow). */
export const luaPow = cPow;

/** Tries the binary metamethod `event` (call_binTM); throws the arithmetic error if none. */
function arithMeta(a: LuaValue, b: LuaValue, event: string, site: number): LuaValue {
  let handler = metamethod(a, event);
  if (handler === undefined) handler = metamethod(b, event);
  if (handler === undefined) {
    // luaG_aritherror: blame the right operand unless the left is not convertible.
    if (toNumber(a) === undefined) typeError(a, "perform arithmetic on", siteOperandA(site), site);
    typeError(b, "perform arithmetic on", siteOperandB(site), site);
  }
  S.site = -site; // a metamethod call: positioned at the site, but unnamed
  if (typeof handler === "function") return callMeta2(handler, a, b);
  return callMetaValue(handler, a, b, site);
}

/** A metamethod that is not a function is called through its own `__call`, if any. */
function callMetaValue(handler: LuaValue, a: LuaValue, b: LuaValue, site: number): LuaValue {
  const call = metamethod(handler, "__call");
  if (typeof call !== "function") typeError(handler, "call", undefined, site);
  return call(handler, a, b);
}

export function add(a: LuaValue, b: LuaValue, site: number): LuaValue {
  const x = toNumber(a);
  const y = toNumber(b);
  if (x !== undefined && y !== undefined) return x + y;
  return arithMeta(a, b, "__add", site);
}

export function sub(a: LuaValue, b: LuaValue, site: number): LuaValue {
  const x = toNumber(a);
  const y = toNumber(b);
  if (x !== undefined && y !== undefined) return x - y;
  return arithMeta(a, b, "__sub", site);
}

export function mul(a: LuaValue, b: LuaValue, site: number): LuaValue {
  const x = toNumber(a);
  const y = toNumber(b);
  if (x !== undefined && y !== undefined) return x * y;
  return arithMeta(a, b, "__mul", site);
}

export function div(a: LuaValue, b: LuaValue, site: number): LuaValue {
  const x = toNumber(a);
  const y = toNumber(b);
  if (x !== undefined && y !== undefined) return x / y;
  return arithMeta(a, b, "__div", site);
}

export function mod(a: LuaValue, b: LuaValue, site: number): LuaValue {
  const x = toNumber(a);
  const y = toNumber(b);
  if (x !== undefined && y !== undefined) return luaMod(x, y);
  return arithMeta(a, b, "__mod", site);
}

export function pow(a: LuaValue, b: LuaValue, site: number): LuaValue {
  const x = toNumber(a);
  const y = toNumber(b);
  if (x !== undefined && y !== undefined) return luaPow(x, y);
  return arithMeta(a, b, "__pow", site);
}

/** Unary minus: 5.1 passes the operand twice to `__unm`. */
export function unm(a: LuaValue, site: number): LuaValue {
  const x = toNumber(a);
  if (x !== undefined) return -x;
  return arithMeta(a, a, "__unm", site);
}
