// The JS shape of one call once callee and arguments are evaluated, in both forms
// (docs/architecture.md, "Coroutines and tail calls"):
//
//   direct      typeof f === "function" ? f(a) : call(f, site, a)
//   resumable   typeof f === "function" ? (f.co !== undefined ? yield* f.co(a) : f(a))
//                                       : yield* callResumable(f, site, a)
//
// A function with a resumable form (`f.co`, a generator method) may yield; calling it with
// `yield*` lets a yield inside it suspend this frame too. Functions without one (library
// functions, Lua functions that cannot yield) are called directly.
//
// `return f(a)` (a proper tail call, §2.5.8) to a Lua function (it has `env`) pops this frame,
// gives the callee this frame's call site, and goes through the trampoline of
// runtime/src/ops/tail.ts: a frame entered by a tail call (a *member* of a chain) calls directly
// except every 128th call, which it hands to the chain's owner; a frame entered by an ordinary
// call is the owner. A callee that is not a function goes to the runtime (`tailCallMeta`), which
// tail-calls its `__call` handler the same way. A library callee runs with the frame still there, as a C function under
// OP_TAILCALL does.

import { MAX_DEPTH } from "@lunette/runtime";
import type { ES } from "./builders.js";
import { DEPTH, type LowerContext } from "./context.js";

type Arguments = (ES.Expression | ES.SpreadElement)[];

/** The call of a known JS function `callee`: `yield*` its resumable form when resumable. */
function functionCall(ctx: LowerContext, callee: ES.Expression, all: Arguments): ES.Expression {
  const b = ctx.b;
  const direct = b.call(callee, all);
  if (!ctx.fn.resumable) return direct;
  // coroutine.yield itself (its `co` is yieldResumable) is a plain `yield` of its arguments,
  // after the `true` that resume returns first; exactly one value is yielded alone
  // (runtime/src/coroutine/thread.ts resumeStep).
  const single = all.length === 1 && all[0]!.type !== "SpreadElement";
  const yieldHere = ctx.rtCall("yieldResult", [
    {
      type: "YieldExpression",
      argument: single ? all[0] : b.array([b.bool(true), ...all]),
      delegate: false,
    } as ES.Expression,
  ]);
  return b.conditional(
    b.binary("!==", b.member(callee, "co"), b.undef()),
    b.conditional(
      b.binary("===", b.member(callee, "co"), ctx.rt("yieldResumable")),
      yieldHere,
      b.yieldDelegate(b.call(b.member(callee, "co"), all)),
    ),
    direct,
  );
}

/** The slow path for a callee that is not a JS function (`__call`, or the error). */
function slowCall(
  ctx: LowerContext,
  callee: ES.Expression,
  all: Arguments,
  site: ES.Expression,
): ES.Expression {
  if (!ctx.fn.resumable) return ctx.rtCall("call", [callee, site, ...all]);
  return ctx.b.yieldDelegate(ctx.rtCall("callResumable", [callee, site, ...all]));
}

/**
 * `return f(all)` when f is not a function: the runtime resolves `__call` and tail-calls the
 * handler through the same trampoline (runtime/src/ops/tail.ts tailCallMeta), popping the frame.
 */
function tailSlowCall(
  ctx: LowerContext,
  callee: ES.Expression,
  all: Arguments,
  site: ES.Expression,
): ES.Expression {
  const args = [callee, site, ctx.b.id(DEPTH), ...all];
  if (!ctx.fn.resumable) return ctx.rtCall("tailCallMeta", args);
  return ctx.b.yieldDelegate(ctx.rtCall("tailCallMetaResumable", args));
}

/** `f(all)` in the current form; the value is the first result, R holds the count. */
export function callShape(
  ctx: LowerContext,
  callee: ES.Expression,
  all: Arguments,
  site: ES.Expression,
): ES.Expression {
  const b = ctx.b;
  return b.conditional(
    b.typeIs(callee, "function"),
    functionCall(ctx, callee, all),
    slowCall(ctx, callee, all, site),
  );
}

/**
 * `return f(all)`. `pop` pops this frame; `replace` pops it before a Lua callee takes over its
 * depth; `result` is a temporary for the callee's first result.
 *
 *   S.site = S.callSites[d$]) > TAIL_SITE            this frame was not entered by a tail call:
 *     ? (S.callSites[TAIL_CALLERS + d$] = S.site,     owner: keep its call site for levels,
 *        S.site = TAIL_SITE,                          the callee is entered by one tail call,
 *        (r = f(a)) === TAIL_CALL ? tailLoop(d$) : r) and loops while members ask for calls
 *     : (--S.site & 127) !== 0 ? f(a)                 member: one more tail call, directly,
 *     : tailRequest(f, [a])                           or every 128th handed to the owner
 */
export function tailCallShape(
  ctx: LowerContext,
  callee: ES.Expression,
  all: Arguments,
  site: ES.Expression,
  pop: ES.Expression,
  replace: ES.Expression,
  result: ES.Identifier,
): ES.Expression {
  const b = ctx.b;
  const S = () => ctx.rt("S");
  const call = functionCall(ctx, callee, all);
  const thenPop = (e: ES.Expression) => b.sequence([b.assign(result, e), pop, result]);
  const callerSlot = () =>
    b.computed(b.member(S(), "callSites"), b.binary("+", ctx.rt("TAIL_CALLERS"), b.id(DEPTH)));
  const loop = ctx.fn.resumable
    ? b.yieldDelegate(ctx.rtCall("tailLoopResumable", [b.id(DEPTH)]))
    : ctx.rtCall("tailLoop", [b.id(DEPTH)]);
  const owner = b.sequence([
    b.assign(callerSlot(), b.member(S(), "site")),
    b.assign(b.member(S(), "site"), ctx.rt("TAIL_SITE")),
    b.conditional(b.binary("===", b.assign(result, call), ctx.rt("TAIL_CALL")), loop, result),
  ]);
  const member = b.conditional(
    b.binary(
      "!==",
      b.binary(
        "&",
        b.assign(b.member(S(), "site"), b.binary("-", b.member(S(), "site"), b.num(1))),
        b.num(127),
      ),
      b.num(0),
    ),
    call,
    ctx.rtCall("tailRequest", [callee, b.array(all)]),
  );
  const ownSite = b.assign(
    b.member(S(), "site"),
    b.computed(b.member(S(), "callSites"), b.id(DEPTH)),
  );
  // lua5.1 enters the callee before it drops the caller (luaD_precall, then OP_TAILCALL moves
  // the frame down), so a tail call at the depth limit overflows, at the tail call's line.
  const depthCheck = b.logical(
    "&&",
    b.binary(">=", b.id(DEPTH), b.num(MAX_DEPTH)),
    ctx.rtCall("stackOverflow", []),
  );
  const trampoline = b.sequence([
    depthCheck,
    replace,
    b.conditional(b.binary(">", ownSite, ctx.rt("TAIL_SITE")), owner, member),
  ]);
  return b.conditional(
    b.typeIs(callee, "function"),
    b.conditional(b.binary("!==", b.member(callee, "env"), b.undef()), trampoline, thenPop(call)),
    tailSlowCall(ctx, callee, all, site),
  );
}
