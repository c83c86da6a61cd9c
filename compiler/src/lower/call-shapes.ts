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
// runtime/src/ops/tail.ts: a *member* of a running trampoline calls directly up to TAIL_LIMIT
// times, then asks the owner to make the call; otherwise this site becomes the owner. A library
// callee runs with the frame still there, as a C function under OP_TAILCALL does.

import type { ES } from "./builders.js";
import { DEPTH, type LowerContext } from "./context.js";

type Arguments = (ES.Expression | ES.SpreadElement)[];

/** The call of a known JS function `callee`: `yield*` its resumable form when resumable. */
function functionCall(ctx: LowerContext, callee: ES.Expression, all: Arguments): ES.Expression {
  const b = ctx.b;
  const direct = b.call(callee, all);
  if (!ctx.fn.resumable) return direct;
  // coroutine.yield itself (its `co` is yieldResumable) is a plain `yield` of its arguments,
  // after the `true` that resume returns first (runtime/src/coroutine/thread.ts).
  const yieldHere = ctx.rtCall("yieldResult", [
    {
      type: "YieldExpression",
      argument: b.array([b.bool(true), ...all]),
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
 * `return f(all)`. `pop` pops this frame; `replace` pops it and hands its call site to the
 * callee; `result` is a temporary for calls that run with the frame still there.
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
  const member = b.conditional(
    b.binary("<=", b.increment(b.member(S(), "tailCount")), b.num(100)),
    call,
    ctx.rtCall("tailRequest", [callee, b.array(all)]),
  );
  const enter = ctx.rtCall("tailEnter", [b.id(DEPTH)]);
  const owner = ctx.fn.resumable
    ? b.yieldDelegate(ctx.rtCall("tailLeaveResumable", [enter, call]))
    : ctx.rtCall("tailLeave", [enter, call]);
  const trampoline = b.sequence([
    replace,
    b.conditional(b.binary("===", b.member(S(), "tailDepth"), b.id(DEPTH)), member, owner),
  ]);
  return b.conditional(
    b.typeIs(callee, "function"),
    b.conditional(b.binary("!==", b.member(callee, "env"), b.undef()), trampoline, thenPop(call)),
    thenPop(slowCall(ctx, callee, all, site)),
  );
}
