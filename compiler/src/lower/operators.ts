// Operators (Lua 5.1 §2.5.1-§2.5.6): inline number/string fast paths behind typeof guards,
// runtime slow paths with a site id (metamethods, coercions, errors), and conditions.
//
// Operand order: both operands are evaluated (left first) before the operation, as 5.1 does;
// an operand that is not a literal or a local of the current function goes through a
// temporary so it is evaluated once. Locals are read in place, at operation time, which is
// also when lua5.1 reads their registers (`x + f()` sees an `x` assigned inside f).

import type { BinaryExpression, Expression, UnaryExpression } from "@lunette/frontend";
import type { ES } from "./builders.js";
import { describe, type LowerContext } from "./context.js";
import {
  alwaysNumber,
  canReadInPlace,
  isLiteral,
  isLocalName,
  lastLine,
  lowerExpression,
  stable,
} from "./expressions.js";

const ARITHMETIC: Record<string, string> = {
  "+": "add",
  "-": "sub",
  "*": "mul",
  "/": "div",
  "%": "mod",
  "^": "pow",
};

export function lowerBinary(ctx: LowerContext, e: BinaryExpression): ES.Expression {
  const op = e.operator;
  if (op === "and" || op === "or") return lowerLogical(ctx, e);
  if (op in ARITHMETIC) return lowerArithmetic(ctx, e);
  if (op === "..") return lowerConcat(ctx, e);
  if (op === "==" || op === "~=") return lowerEquality(ctx, e);
  return lowerComparison(ctx, e);
}

/** Evaluate both operands once, in order; `build` makes the operation from stable reads. */
function withOperands(
  ctx: LowerContext,
  e: BinaryExpression,
  build: (l: ES.Expression, r: ES.Expression) => ES.Expression,
  copiesLeft = false,
): ES.Expression {
  const setup: ES.Expression[] = [];
  const mark = ctx.fn.mark();
  // OP_CONCAT needs its operands in consecutive registers, so 5.1 copies a local left operand
  // before evaluating the right one (`x .. f()` does not see f assigning x).
  const leftInPlace = copiesLeft
    ? isLiteral(e.left) || (isLocalName(ctx, e.left) && isRepeatable(ctx, e.right))
    : canReadInPlace(ctx, e.left, e.right);
  const l = stable(ctx, e.left, setup, leftInPlace);
  const r = stable(ctx, e.right, setup, canReadInPlace(ctx, e.right, e.left));
  const result = ctx.at({ line: lastLine(e), column: e.loc.column }, () => build(l, r));
  ctx.fn.release(mark);
  return ctx.at(e.loc, () => ctx.b.sequence([...setup, result]));
}

function numberLiteral(e: Expression): number | undefined {
  if (e.type === "Number") return e.value;
  if (e.type === "Paren") return numberLiteral(e.expression);
  if (e.type === "Unary" && e.operator === "-") {
    const v = numberLiteral(e.argument);
    return v === undefined ? undefined : -v;
  }
  return undefined;
}

/** `luai_num*` of luaconf.h: the operations on two numbers. */
function arithmetic(op: string, a: number, b: number): number {
  switch (op) {
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*":
      return a * b;
    case "/":
      return a / b;
    case "%":
      return a - Math.floor(a / b) * b;
    default:
      return a ** b;
  }
}

/** `typeof x === "number"` for each operand that is not a number literal. */
function numberGuard(ctx: LowerContext, operands: [Expression, ES.Expression][]): ES.Expression {
  const b = ctx.b;
  const seen = new Set<string>();
  const checks = operands
    .filter(([lua, js]) => {
      if (alwaysNumber(ctx, lua)) return false;
      if (js.type !== "Identifier") return true;
      if (seen.has(js.name)) return false; // `x * x` checks x once
      seen.add(js.name);
      return true;
    })
    .map(([, js]) => b.typeIs(js, "number"));
  if (checks.length === 0) return b.bool(true);
  return checks.reduce((all, check) => b.logical("&&", all, check));
}

function lowerArithmetic(ctx: LowerContext, e: BinaryExpression): ES.Expression {
  const b = ctx.b;
  const op = e.operator;
  const lv = numberLiteral(e.left);
  const rv = numberLiteral(e.right);
  // Constant folding as lcode.c constfolding: not for division or modulo by zero, nor when
  // the result is NaN. (`^` is left to run time: Math.pow may differ from C pow in the last bit.)
  if (
    lv !== undefined &&
    rv !== undefined &&
    op !== "^" &&
    !((op === "/" || op === "%") && rv === 0)
  ) {
    const folded = arithmetic(op, lv, rv);
    if (!Number.isNaN(folded)) return ctx.at(e.loc, () => ctx.constant(folded));
  }
  return withOperands(ctx, e, (l, r) => {
    const slow = ctx.rtCall(ARITHMETIC[op]!, [
      l,
      r,
      ctx.site(describe(ctx, e.left), describe(ctx, e.right)),
    ]);
    let fast: ES.Expression;
    if (op === "%") {
      fast = b.binary(
        "-",
        l,
        b.binary("*", b.call(b.member(b.id("Math"), "floor"), [b.binary("/", l, r)]), r),
      );
      // A positive integer literal divisor (`i % 7`): for an int32 dividend, JS's truncating
      // `%` adjusted to the divisor's sign equals 5.1's a - floor(a/b)*b exactly (a/b cannot
      // round across an integer when |a| < 2^31 and b <= 2^21), and avoids the float division.
      // `+ 0` turns JS's -0 remainder into lua5.1's 0.
      if (rv !== undefined && Number.isInteger(rv) && rv > 0 && rv <= 2 ** 21) {
        const t = ctx.temp();
        fast = b.conditional(
          b.binary("===", b.binary("|", l, b.num(0)), l),
          b.conditional(
            b.binary("<", b.assign(b.id(t), b.binary("%", l, r)), b.num(0)),
            b.binary("+", b.id(t), r),
            b.binary("+", b.id(t), b.num(0)),
          ),
          fast,
        );
      }
    } else if (op === "^") {
      // A literal exponent only: x^2 is x*x exactly; otherwise C pow (luaPow), which differs
      // from Math.pow where the result is NaN (pow(1, NaN), pow(-1, ±inf), NaN signs).
      if (rv === undefined || !Number.isFinite(rv)) return slow;
      fast = rv === 2 ? b.binary("*", l, l) : ctx.rtCall("luaPow", [l, r]);
    } else {
      fast = b.binary(op as ES.BinaryOperator, l, r);
    }
    if (e.left.type === "String" || e.right.type === "String") return slow;
    // Two literals left unfolded (division by zero, a NaN result) run through the slow path:
    // V8 would fold `0 / 0` to its canonical NaN, while lua5.1 prints the NaN that x86
    // division makes at run time (`-nan`, sign bit set).
    if (lv !== undefined && rv !== undefined) return slow;
    const guard = numberGuard(ctx, [
      [e.left, l],
      [e.right, r],
    ]);
    return guard.type === "Literal" ? fast : b.conditional(guard, fast, slow);
  });
}

function lowerConcat(ctx: LowerContext, e: BinaryExpression): ES.Expression {
  const b = ctx.b;
  return withOperands(
    ctx,
    e,
    (l, r) => {
      const slow = ctx.rtCall("concat", [
        l,
        r,
        ctx.site(describe(ctx, e.left), describe(ctx, e.right)),
      ]);
      // With budgets, every concatenation goes through `concat`, which charges the result.
      if (ctx.budgets) return slow;
      const checks: ES.Expression[] = [];
      if (e.left.type !== "String") checks.push(b.typeIs(l, "string"));
      if (e.right.type !== "String") checks.push(b.typeIs(r, "string"));
      const fast = b.binary("+", l, r);
      if (checks.length === 0) return fast;
      return b.conditional(
        checks.reduce((all, c) => b.logical("&&", all, c)),
        fast,
        slow,
      );
    },
    true,
  );
}

/** `a == b` (§2.5.2): identity, then `equals` (which tries __eq) only for two objects. */
function lowerEquality(ctx: LowerContext, e: BinaryExpression): ES.Expression {
  const b = ctx.b;
  const negate = e.operator === "~=";
  return withOperands(ctx, e, (l, r) => {
    if (isLiteral(e.left) || isLiteral(e.right)) return b.binary(negate ? "!==" : "===", l, r);
    const equal = b.logical(
      "||",
      b.binary("===", l, r),
      b.logical("&&", b.typeIs(l, "object"), ctx.rtCall("equals", [l, r])),
    );
    return negate ? b.unary("!", equal) : equal;
  });
}

/**
 * `<`, `<=`, `>`, `>=` (§2.5.2). 5.1's code generator turns `a > b` into `b < a` and
 * `a >= b` into `b <= a`, so the slow paths get swapped operands as in its error messages.
 */
function lowerComparison(ctx: LowerContext, e: BinaryExpression): ES.Expression {
  const b = ctx.b;
  const op = e.operator;
  return withOperands(ctx, e, (l, r) => {
    const swapped = op === ">" || op === ">=";
    const helper = op === "<" || op === ">" ? "lessThan" : "lessEqual";
    const slow = ctx.rtCall(helper, swapped ? [r, l, ctx.site()] : [l, r, ctx.site()]);
    const fast = b.binary(op as ES.BinaryOperator, l, r);
    const guard = numberGuard(ctx, [
      [e.left, l],
      [e.right, r],
    ]);
    return guard.type === "Literal" ? fast : b.conditional(guard, fast, slow);
  });
}

/** True when `e` always yields a boolean (comparisons and `not`). */
export function isBooleanValued(e: Expression): boolean {
  if (e.type === "Paren") return isBooleanValued(e.expression);
  if (e.type === "True" || e.type === "False") return true;
  if (e.type === "Unary") return e.operator === "not";
  if (e.type !== "Binary") return false;
  if (e.operator === "and" || e.operator === "or")
    return isBooleanValued(e.left) && isBooleanValued(e.right);
  return ["==", "~=", "<", "<=", ">", ">="].includes(e.operator);
}

/** `and`/`or` keep Lua values (§2.5.3): the right operand is evaluated only when needed. */
function lowerLogical(ctx: LowerContext, e: BinaryExpression): ES.Expression {
  const b = ctx.b;
  const isAnd = e.operator === "and";
  if (isBooleanValued(e)) return lowerCondition(ctx, e);
  if (isBooleanValued(e.left)) {
    const test = lowerCondition(ctx, e.left);
    const right = lowerExpression(ctx, e.right);
    return ctx.at(e.loc, () =>
      isAnd ? b.conditional(test, right, b.bool(false)) : b.conditional(test, b.bool(true), right),
    );
  }
  const setup: ES.Expression[] = [];
  const mark = ctx.fn.mark();
  const l = stable(ctx, e.left, setup, true);
  const right = lowerExpression(ctx, e.right);
  ctx.fn.release(mark);
  return ctx.at(e.loc, () => {
    const result = isAnd
      ? b.conditional(falsy(ctx, l), l, right)
      : b.conditional(truthy(ctx, l), l, right);
    return b.sequence([...setup, result]);
  });
}

/** `v !== undefined && v !== false` for a stable read `v`. */
export function truthy(ctx: LowerContext, v: ES.Expression): ES.Expression {
  const b = ctx.b;
  return b.logical("&&", b.binary("!==", v, b.undef()), b.binary("!==", v, b.bool(false)));
}

function falsy(ctx: LowerContext, v: ES.Expression): ES.Expression {
  const b = ctx.b;
  return b.logical("||", b.binary("===", v, b.undef()), b.binary("===", v, b.bool(false)));
}

/** Lower `e` as a JS boolean (for `if`, `while`, `until`, `not`). */
export function lowerCondition(ctx: LowerContext, e: Expression): ES.Expression {
  const b = ctx.b;
  switch (e.type) {
    case "Paren":
      return lowerCondition(ctx, e.expression);
    case "True":
    case "False":
    case "Nil":
      return ctx.at(e.loc, () => b.bool(e.type === "True"));
    case "Number":
    case "String":
    case "Function":
    case "Table":
      if (e.type === "Function" || e.type === "Table") {
        // Still evaluated (a table constructor may call functions), and always true.
        const value = lowerExpression(ctx, e);
        return ctx.at(e.loc, () => b.sequence([value, b.bool(true)]));
      }
      return ctx.at(e.loc, () => b.bool(true));
    case "Unary":
      if (e.operator === "not")
        return ctx.at(e.loc, () => b.unary("!", lowerCondition(ctx, e.argument)));
      break;
    case "Binary":
      if (e.operator === "and" || e.operator === "or") {
        const left = lowerCondition(ctx, e.left);
        const right = lowerCondition(ctx, e.right);
        return ctx.at(e.loc, () => b.logical(e.operator === "and" ? "&&" : "||", left, right));
      }
      if (isBooleanValued(e)) return lowerExpression(ctx, e);
      break;
    default:
      break;
  }
  const setup: ES.Expression[] = [];
  const mark = ctx.fn.mark();
  const v = stable(ctx, e, setup, true);
  ctx.fn.release(mark);
  return ctx.at(e.loc, () => b.sequence([...setup, truthy(ctx, v)]));
}

export function lowerUnary(ctx: LowerContext, e: UnaryExpression): ES.Expression {
  const b = ctx.b;
  if (e.operator === "not") return lowerCondition(ctx, e);
  if (e.operator === "-") {
    const v = numberLiteral(e.argument);
    if (v !== undefined) return ctx.at(e.loc, () => ctx.constant(-v));
  }
  const setup: ES.Expression[] = [];
  const mark = ctx.fn.mark();
  const a = stable(ctx, e.argument, setup, true);
  ctx.fn.release(mark);
  return ctx.at({ line: lastLine(e), column: e.loc.column }, () => {
    const site = ctx.site(describe(ctx, e.argument));
    const result =
      e.operator === "-"
        ? alwaysNumber(ctx, e.argument)
          ? b.unary("-", a)
          : b.conditional(b.typeIs(a, "number"), b.unary("-", a), ctx.rtCall("unm", [a, site]))
        : // `#t` is t.arr.length for every table (5.1 ignores __len on tables, §2.8).
          b.conditional(
            b.binary("instanceof", a, ctx.rt("LuaTable")),
            b.member(b.member(a, "arr"), "length"),
            ctx.rtCall("length", [a, site]),
          );
    return b.sequence([...setup, result]);
  });
}

/** Literals and local names: reading them has no effects and they cannot change meanwhile. */
function isRepeatable(ctx: LowerContext, e: Expression): boolean {
  if (e.type === "Paren") return isRepeatable(ctx, e.expression);
  return isLiteral(e) || isLocalName(ctx, e);
}
