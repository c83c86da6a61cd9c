// Expressions: the dispatch over Lua expression kinds, values in single-value context,
// multi-value expansion (Lua 5.1 §2.5: a call or `...` that ends a list yields all its values),
// and helpers that make an operand safe to read several times.

import type { Expression, MultiValueExpression } from "@lunette/frontend";
import type { ES } from "./builders.js";
import { lowerCall, lowerMethodCall } from "./calls.js";
import { type LowerContext, VARARGS } from "./context.js";
import { lowerFunction } from "./functions.js";
import { lowerBinary, lowerUnary } from "./operators.js";
import { lowerIndex, lowerTable } from "./tables.js";

/** Lower `e` in single-value context (a call or `...` is truncated to its first value). */
export function lowerExpression(ctx: LowerContext, e: Expression): ES.Expression {
  return ctx.at(e.loc, () => lowerExpressionHere(ctx, e));
}

function lowerExpressionHere(ctx: LowerContext, e: Expression): ES.Expression {
  const b = ctx.b;
  switch (e.type) {
    case "Nil":
      return b.undef();
    case "True":
      return b.bool(true);
    case "False":
      return b.bool(false);
    case "Number":
      return ctx.constant(e.value);
    case "String":
      return b.str(e.value);
    case "Vararg":
      return b.computed(b.id(VARARGS), b.num(0));
    case "Function":
      return lowerFunction(ctx, e);
    case "Identifier":
      return lowerIdentifier(ctx, e);
    case "Index":
      return lowerIndex(ctx, e);
    case "Call":
      return lowerCall(ctx, e);
    case "MethodCall":
      return lowerMethodCall(ctx, e);
    case "Binary":
      return lowerBinary(ctx, e);
    case "Unary":
      return lowerUnary(ctx, e);
    case "Paren":
      return lowerExpression(ctx, e.expression);
    case "Table":
      return lowerTable(ctx, e);
  }
}

/** A local or upvalue is its JS binding; a global reads `self.env` (§2.9) with the fast path. */
function lowerIdentifier(
  ctx: LowerContext,
  e: Extract<Expression, { type: "Identifier" }>,
): ES.Expression {
  const resolution = ctx.resolve(e);
  if (resolution.kind !== "global") return ctx.b.id(resolution.variable.jsName);
  return lowerGlobalRead(ctx, e.name);
}

/** `(v = self.env.hash.x) !== undefined ? v : index(self.env, "x", site)`. */
export function lowerGlobalRead(ctx: LowerContext, name: string): ES.Expression {
  const b = ctx.b;
  const v = ctx.temp();
  ctx.fn.release(ctx.fn.mark() - 1);
  return b.conditional(
    b.binary("!==", b.assign(b.id(v), b.property(b.member(ctx.env(), "hash"), name)), b.undef()),
    b.id(v),
    ctx.rtCall("index", [ctx.env(), b.str(name), ctx.site()]),
  );
}

export function isMultiValue(e: Expression): e is MultiValueExpression {
  return e.type === "Call" || e.type === "MethodCall" || e.type === "Vararg";
}

/** All values of a multi-value expression, as a JS array expression (to spread). */
export function lowerMultiple(ctx: LowerContext, e: MultiValueExpression): ES.Expression {
  if (e.type === "Vararg") return ctx.at(e.loc, () => ctx.b.id(VARARGS));
  const call = lowerExpression(ctx, e);
  return ctx.at(e.loc, () => ctx.rtCall("results", [call]));
}

/**
 * An expression list as JS call arguments / array elements: every expression gives one
 * value, except a final call or `...`, which is spread (§2.5).
 */
export function lowerExpressionList(
  ctx: LowerContext,
  list: Expression[],
): (ES.Expression | ES.SpreadElement)[] {
  return list.map((e, i) =>
    i === list.length - 1 && isMultiValue(e)
      ? ctx.at(e.loc, () => ctx.b.spread(lowerMultiple(ctx, e)))
      : lowerExpression(ctx, e),
  );
}

/** True for expressions whose evaluation cannot run Lua code or raise an error. */
export function isPure(e: Expression): boolean {
  switch (e.type) {
    case "Nil":
    case "True":
    case "False":
    case "Number":
    case "String":
    case "Vararg":
    case "Function":
      return true;
    case "Identifier":
      return true; // a global read may call __index; callers treat globals separately
    case "Paren":
      return isPure(e.expression);
    default:
      return false;
  }
}

/** A literal (its JS form can be repeated freely). */
export function isLiteral(e: Expression): boolean {
  return (
    e.type === "Nil" ||
    e.type === "True" ||
    e.type === "False" ||
    e.type === "Number" ||
    e.type === "String"
  );
}

/** An identifier naming a local of the function being lowered (a JS binding read in place). */
export function isOwnLocal(ctx: LowerContext, e: Expression): boolean {
  return e.type === "Identifier" && ctx.resolve(e).kind === "local";
}

/** A local or upvalue identifier. */
export function isLocalName(ctx: LowerContext, e: Expression): boolean {
  return e.type === "Identifier" && ctx.resolve(e).kind !== "global";
}

/**
 * Make `e` readable several times: literals and (when `direct`) local names are used in place;
 * anything else is evaluated once into a temporary, pushing `$t = <e>` onto `setup`.
 * The caller releases the temporaries when its expression is complete.
 */
export function stable(
  ctx: LowerContext,
  e: Expression,
  setup: ES.Expression[],
  direct: boolean,
): ES.Expression {
  if (e.type === "Paren") return stable(ctx, e.expression, setup, direct);
  if (isLiteral(e) || (direct && isLocalName(ctx, e))) return lowerExpression(ctx, e);
  const value = lowerExpression(ctx, e);
  const t = ctx.temp();
  setup.push(ctx.b.assign(ctx.b.id(t), value));
  return ctx.b.id(t);
}

/** Whether an operand may be read in place next to `other` (see operators.ts). */
export function canReadInPlace(ctx: LowerContext, e: Expression, other: Expression): boolean {
  if (e.type === "Paren") return canReadInPlace(ctx, e.expression, other);
  if (isLiteral(e) || isOwnLocal(ctx, e)) return true;
  // An upvalue is loaded into a register first in 5.1: in place only if nothing runs between.
  return isLocalName(ctx, e) && (isLiteral(other) || isLocalName(ctx, other));
}

/** True when `e` always evaluates to a number (literal, numeric-for index, arithmetic on them). */
export function alwaysNumber(ctx: LowerContext, e: Expression): boolean {
  switch (e.type) {
    case "Number":
      return true;
    case "Paren":
      return alwaysNumber(ctx, e.expression);
    case "Identifier": {
      const resolution = ctx.resolve(e);
      return (
        resolution.kind !== "global" &&
        resolution.variable.forIndex &&
        !resolution.variable.reassigned
      );
    }
    case "Unary":
      return e.operator === "-" && alwaysNumber(ctx, e.argument);
    case "Binary":
      return (
        ["+", "-", "*", "/", "%", "^"].includes(e.operator) &&
        alwaysNumber(ctx, e.left) &&
        alwaysNumber(ctx, e.right)
      );
    default:
      return false;
  }
}

/** The greatest line of any node in `e`: lua5.1 emits an operator's instruction after reading
 * its last operand, so runtime errors report that line (lcode.c luaK_code uses lastline). */
export function lastLine(e: Expression): number {
  let line = e.loc.line;
  const visit = (x: Expression | undefined): void => {
    if (!x) return;
    if (x.loc.line > line) line = x.loc.line;
    switch (x.type) {
      case "Index":
        visit(x.object);
        visit(x.key);
        return;
      case "Call":
        visit(x.callee);
        x.args.forEach(visit);
        return;
      case "MethodCall":
        visit(x.object);
        x.args.forEach(visit);
        return;
      case "Binary":
        visit(x.left);
        visit(x.right);
        return;
      case "Unary":
        visit(x.argument);
        return;
      case "Paren":
        visit(x.expression);
        return;
      case "Table":
        for (const f of x.fields) {
          if (f.type === "KeyedField") visit(f.key);
          visit(f.value);
        }
        return;
      case "Function":
        if (x.endLine > line) line = x.endLine;
        return;
      default:
        return;
    }
  };
  visit(e);
  return line;
}
