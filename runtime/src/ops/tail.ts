// Proper tail calls (Lua 5.1 §2.5.8: `return f(args)` reuses the caller's stack level) in
// constant JS stack, with a trampoline that keeps its state in the frame stack itself
// (docs/architecture.md, "Coroutines and tail calls").
//
// A tail call to a Lua function pops the caller's frame and calls the callee from a *tail
// site* (levels.ts): the callee's `S.callSites[d]` then says "entered by k tail calls", which
// is lua5.1's CallInfo.tailcalls (tracebacks print k `(tail call): ?` levels).
//
// The frame at depth d whose own call site is an ordinary one (entered by a non-tail call) is
// the *owner* of the tail calls made at d: it saves its call site in the second half of
// S.callSites (TAIL_CALLERS, so levels above stay positioned), calls the callee directly, and
// runs `tailLoop` if the result is the TAIL_CALL marker. A frame entered by a tail call is a
// *member*: it calls directly, except every 128th tail call of the chain, which stores the
// callee and arguments (`tailRequest`) and returns TAIL_CALL: that unwinds the members' JS
// frames (all at depth d, as a non-tail call always goes one level deeper) back to the owner's
// loop. The state is per frame and rewritten by every prologue, so nothing needs restoring
// after an error, a yield or a coroutine switch.

import { TAIL_CALLERS, TAIL_SITE } from "../levels.js";
import { metamethod } from "../metatable.js";
import { siteOperandA } from "../sites.js";
import { S } from "../state.js";
import type { LuaFunction, LuaValue } from "../value.js";
import { typeError } from "./describe.js";

/** Returned by a member at a chain's 128th call: "call pendingFn(...pendingArgs) for me". */
export const TAIL_CALL = { tailCall: true } as unknown as LuaValue;

/** Below this a chain's tail site is moved back up (after ~2^30 tail calls in one frame). */
const TAIL_FLOOR = -(2 ** 31) + 1024;

let pendingFn: LuaFunction = () => undefined;
let pendingArgs: LuaValue[] = [];
let pendingSite = TAIL_SITE;

/** A member at the limit: hand the call (its tail site is in S.site) to the owner's loop. */
export function tailRequest(f: LuaFunction, args: LuaValue[]): LuaValue {
  pendingFn = f;
  pendingArgs = args;
  pendingSite = S.site;
  return TAIL_CALL;
}

/** The owner at depth `d` received TAIL_CALL: make the pending calls until one returns. */
export function tailLoop(d: number): LuaValue {
  let result: LuaValue;
  do {
    const f = pendingFn;
    const args = pendingArgs;
    S.depth = d - 1;
    S.site = pendingSite < TAIL_FLOOR ? pendingSite + 2 ** 24 : pendingSite;
    result = f(...args);
  } while (result === TAIL_CALL);
  return result;
}

/** The owner's loop in the resumable form: pending callees may be generators (`.co`). */
export function* tailLoopResumable(d: number): Generator<LuaValue[], LuaValue, LuaValue[]> {
  let result: LuaValue;
  do {
    const f = pendingFn as LuaFunction & { co?: ResumableBody };
    const args = pendingArgs;
    S.depth = d - 1;
    S.site = pendingSite < TAIL_FLOOR ? pendingSite + 2 ** 24 : pendingSite;
    result = f.co !== undefined ? yield* f.co(...args) : f(...args);
  } while (result === TAIL_CALL);
  return result;
}

/** The resumable form of a Lua function (a generator method: `this` is the function). */
export type ResumableBody = (...args: LuaValue[]) => Generator<LuaValue[], LuaValue, LuaValue[]>;

type MaybeResumable = LuaFunction & { env?: unknown; co?: ResumableBody };

/**
 * The `__call` handler of a value called at `site` (luaD_precall's tryfuncTM), or lua5.1's
 * `attempt to call` error naming the callee.
 */
function callHandler(f: LuaValue, site: number): MaybeResumable {
  S.site = site;
  const handler = metamethod(f, "__call");
  if (typeof handler !== "function") typeError(f, "call", siteOperandA(site), site);
  return handler as MaybeResumable;
}

/**
 * `return f(args)` where f is not a function, from the frame at depth `d` (the slow path of the
 * tail-call shape, compiler/src/lower/call-shapes.ts). In lua5.1 OP_TAILCALL resolves `__call`
 * first and then tail-calls the handler like any Lua function (the frame is reused, one more
 * `(tail call)` level), so a chain of `return self(n - 1)` through `__call` runs in constant
 * stack. This is the shape's trampoline written out: owner or member of the chain at d.
 */
export function tailCallMeta(f: LuaValue, site: number, d: number, ...args: LuaValue[]): LuaValue {
  const handler = callHandler(f, site);
  if (handler.env === undefined) {
    // A library handler runs with the frame still there (a C function under OP_TAILCALL).
    const result = handler(f, ...args);
    S.depth = d - 1;
    return result;
  }
  const role = tailRole(d);
  if (role === REQUEST) return tailRequest(handler, [f, ...args]);
  const result = handler(f, ...args);
  return role === OWNER && result === TAIL_CALL ? tailLoop(d) : result;
}

const OWNER = 0;
const MEMBER = 1;
const REQUEST = 2;

/**
 * The tail-call shape's bookkeeping for the frame at depth d, which is leaving: OWNER when it
 * was entered by an ordinary call (it starts a chain and runs the chain's trampoline), MEMBER
 * when entered by a tail call (it calls directly), REQUEST for every 128th member call, which
 * hands the callee to the owner instead.
 */
function tailRole(d: number): number {
  S.depth = d - 1;
  if ((S.site = S.callSites[d]!) > TAIL_SITE) {
    S.callSites[TAIL_CALLERS + d] = S.site;
    S.site = TAIL_SITE;
    return OWNER;
  }
  return (--S.site & 127) !== 0 ? MEMBER : REQUEST;
}

/** tailCallMeta in the resumable form: a handler with a resumable form is called by `yield*`. */
export function* tailCallMetaResumable(
  f: LuaValue,
  site: number,
  d: number,
  ...args: LuaValue[]
): Generator<LuaValue[], LuaValue, LuaValue[]> {
  const handler = callHandler(f, site);
  if (handler.env === undefined) {
    const result = handler.co !== undefined ? yield* handler.co(f, ...args) : handler(f, ...args);
    S.depth = d - 1;
    return result;
  }
  const role = tailRole(d);
  if (role === REQUEST) return tailRequest(handler, [f, ...args]);
  const result = handler.co !== undefined ? yield* handler.co(f, ...args) : handler(f, ...args);
  return role === OWNER && result === TAIL_CALL ? yield* tailLoopResumable(d) : result;
}
