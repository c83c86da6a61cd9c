// Calls (Lua 5.1 §2.5.8): `f(args)` and `o:m(args)` in direct style.
//
// The callee and the arguments are evaluated in order; then `S.site` is set (errors and
// tracebacks know the line) and the call goes straight to a JS function, or through `call`
// (the __call metamethod, or `attempt to call ...`). The JS return value is the first result
// and R holds the count (docs/architecture.md, "Calling convention"). Arguments that can run
// code are evaluated into temporaries first so both branches can repeat them cheaply.

import type { CallExpression, Expression, MethodCallExpression } from "@lunette/frontend";
import type { ES } from "./builders.js";
import { callShape, tailCallShape } from "./call-shapes.js";
import { describe, type LowerContext, VARARGS } from "./context.js";
import { isLiteral, isLocalName, isMultiValue, lowerExpression, stable } from "./expressions.js";
import { methodRead } from "./tables.js";

/** Options for a call in `return f(x)` position. */
export interface CallOptions {
  /**
   * `return f(args)`: the expression popping the caller's frame. A compiled Lua callee (it has
   * `env`) replaces the frame, as 5.1's OP_TAILCALL does, so levels and tracebacks skip it, and
   * goes through the tail-call trampoline (call-shapes.ts); a library function runs with the
   * frame still there, as a C function under OP_TAILCALL does (`return error(msg, 2)` and
   * `return getfenv(2)` count the returning function).
   */
  tailPop?: ES.Expression;
  /** For a Lua callee: pop the frame and give the callee this frame's call site. */
  tailReplace?: ES.Expression;
}

/** An argument that may be written twice (in both branches of the callee check). */
function isRepeatable(ctx: LowerContext, e: Expression): boolean {
  return isLiteral(e) || isLocalName(ctx, e) || e.type === "Vararg";
}

/**
 * Evaluated arguments: repeatable JS arguments, plus (when the last argument is a call) the
 * temporary holding that call's first value, whose other values are still in R.
 */
interface Arguments {
  args: (ES.Expression | ES.SpreadElement)[];
  lastCall?: string;
}

/** Evaluate the arguments (in order) into repeatable JS arguments. */
function lowerArguments(ctx: LowerContext, args: Expression[], setup: ES.Expression[]): Arguments {
  const b = ctx.b;
  const allRepeatable = args.every((a) => isRepeatable(ctx, a));
  let lastCall: string | undefined;
  const lowered = args.map((arg, i) => {
    if (i === args.length - 1 && isMultiValue(arg)) {
      if (arg.type === "Vararg") return ctx.at(arg.loc, () => b.spread(b.id(VARARGS)));
      const value = lowerExpression(ctx, arg);
      lastCall = ctx.temp();
      setup.push(b.assign(b.id(lastCall), value));
      return b.id(lastCall);
    }
    // Own locals read in place see assignments made by later arguments; 5.1 copies each
    // argument into its register in order, so in-place reads need every argument repeatable.
    return stable(ctx, arg, setup, allRepeatable);
  });
  return lastCall === undefined ? { args: lowered } : { args: lowered, lastCall };
}

function finishCall(
  ctx: LowerContext,
  callee: ES.Expression,
  self: ES.Expression | undefined,
  { args, lastCall }: Arguments,
  calleeName: string,
  setup: ES.Expression[],
  options: CallOptions | undefined,
): ES.Expression {
  const b = ctx.b;
  const site = ctx.site(calleeName);
  const pop = options?.tailPop;
  const result = pop && b.id(ctx.temp());
  if (pop) ctx.fn.release(ctx.fn.mark() - 1);
  const invoke = (list: (ES.Expression | ES.SpreadElement)[]) => {
    const all = self ? [self, ...list] : list;
    return pop && result
      ? tailCallShape(ctx, callee, all, site, pop, options.tailReplace ?? pop, result)
      : callShape(ctx, callee, all, site);
  };
  let call = invoke(args);
  if (lastCall !== undefined) {
    // A final call argument passes all its values (§2.5); when it returned exactly one (the
    // common case) the call is made without building an array.
    const spread = [...args.slice(0, -1), b.spread(ctx.rtCall("results", [b.id(lastCall)]))];
    call = b.conditional(
      b.binary("===", b.member(ctx.rt("R"), "n"), b.num(1)),
      call,
      invoke(spread),
    );
  }
  return b.sequence([...setup, ctx.setSite(site), call]);
}

/** `f(args)`: the JS value is the first result. */
export function lowerCall(
  ctx: LowerContext,
  e: CallExpression,
  options?: CallOptions,
): ES.Expression {
  const setup: ES.Expression[] = [];
  const mark = ctx.fn.mark();
  const direct = isLocalName(ctx, e.callee) && e.args.every((a) => isRepeatable(ctx, a));
  const callee = stable(ctx, e.callee, setup, direct);
  const args = lowerArguments(ctx, e.args, setup);
  ctx.fn.release(mark);
  return ctx.at(e.argsLoc, () =>
    finishCall(ctx, callee, undefined, args, describe(ctx, e.callee), setup, options),
  );
}

/** `o:m(args)`: o is evaluated once, `m` looked up with the index fast path (OP_SELF). */
export function lowerMethodCall(
  ctx: LowerContext,
  e: MethodCallExpression,
  options?: CallOptions,
): ES.Expression {
  const b = ctx.b;
  const setup: ES.Expression[] = [];
  const mark = ctx.fn.mark();
  const direct = isLocalName(ctx, e.object) && e.args.every((a) => isRepeatable(ctx, a));
  const object = stable(ctx, e.object, setup, direct);
  const method = ctx.temp();
  ctx.at(e.methodLoc, () =>
    setup.push(b.assign(b.id(method), methodRead(ctx, object, e.method, describe(ctx, e.object)))),
  );
  const args = lowerArguments(ctx, e.args, setup);
  ctx.fn.release(mark);
  return ctx.at(e.argsLoc, () =>
    finishCall(ctx, b.id(method), object, args, `method '${e.method}'`, setup, options),
  );
}
