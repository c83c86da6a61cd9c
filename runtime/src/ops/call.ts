// Calling a value that may not be a function (luaD_precall's tryfuncTM): a `__call`
// metamethod receives the object as its first argument; anything else is an error.

import { deferCall, deferral } from "../coroutine/meta-resumable.js";
import { metamethod } from "../metatable.js";
import { siteOperandA } from "../sites.js";
import { MAX_C_CALLS, S } from "../state.js";
import type { LuaFunction, LuaValue } from "../value.js";

type Resumable = LuaFunction & { co?: unknown };

import { typeError } from "./describe.js";
import { cStackOverflow } from "./stack.js";

/**
 * The slow path of a call site: `f(...args)` when the callee is not a JS function. Sets R like
 * any call (the callee does).
 */
export function call(f: LuaValue, site: number, ...args: LuaValue[]): LuaValue {
  S.site = site;
  if (typeof f === "function") return f(...args);
  const handler = metamethod(f, "__call");
  if (typeof handler !== "function") typeError(f, "call", siteOperandA(site), site);
  return handler(f, ...args);
}

/**
 * Calls any value from runtime or library code (metamethods, callbacks) at the current
 * position, without naming it in errors (the callee is not in a named slot).
 */
export function callValue(f: LuaValue, ...args: LuaValue[]): LuaValue {
  if (typeof f === "function") return f(...args);
  const handler = metamethod(f, "__call");
  if (typeof handler !== "function") typeError(f, "call", undefined, S.site);
  return handler(f, ...args);
}

/**
 * Calls a metamethod with two operands as luaD_call does: one more nested C call (S.cCalls),
 * `C stack overflow` past LUAI_MAXCCALLS. On an error the count is restored by the catcher.
 */
export function callMeta2(f: LuaValue, a: LuaValue, b: LuaValue): LuaValue {
  if (++S.cCalls >= MAX_C_CALLS) cStackOverflow();
  if (deferral.on) {
    // Called from metaResumable: a handler that may yield is called by it, resumably.
    deferral.on = false;
    if (typeof f === "function" && (f as Resumable).co !== undefined) return deferCall(f, [a, b]);
  }
  const r = typeof f === "function" ? f(a, b) : callValue(f, a, b);
  S.cCalls--;
  return r;
}

/** callMeta2 for `__newindex` (three arguments). */
export function callMeta3(f: LuaValue, a: LuaValue, b: LuaValue, c: LuaValue): LuaValue {
  if (++S.cCalls >= MAX_C_CALLS) cStackOverflow();
  if (deferral.on) {
    deferral.on = false;
    if (typeof f === "function" && (f as Resumable).co !== undefined) {
      return deferCall(f, [a, b, c]);
    }
  }
  const r = typeof f === "function" ? f(a, b, c) : callValue(f, a, b, c);
  S.cCalls--;
  return r;
}

/** The function to call for `f`, resolving `__call` (for hot loops such as table.sort). */
export function callable(f: LuaValue, site: number): LuaFunction {
  if (typeof f === "function") return f;
  const handler = metamethod(f, "__call");
  if (typeof handler !== "function") typeError(f, "call", undefined, site);
  return (...args: LuaValue[]) => handler(f, ...args);
}
