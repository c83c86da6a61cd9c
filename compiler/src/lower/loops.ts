// Loops (Lua 5.1 §2.4.4, §2.4.5). Lua locals declared in a loop body are JS `let`/`const`
// inside the JS loop body, so each iteration gets fresh bindings (closures capture them).

import type {
  Expression,
  GenericForStatement,
  NumericForStatement,
  RepeatStatement,
  WhileStatement,
} from "@lunette/frontend";
import { evaluateList } from "./assignments.js";
import type { ES } from "./builders.js";
import { callShape } from "./call-shapes.js";
import type { LowerContext } from "./context.js";
import { lowerExpression as lowerExpressionFor } from "./expressions.js";
import { fuelCheck } from "./fuel.js";
import { lowerCondition } from "./operators.js";
import { lowerBlock } from "./statements.js";

export function lowerWhile(ctx: LowerContext, s: WhileStatement): ES.Statement[] {
  const test = lowerCondition(ctx, s.condition);
  const body = lowerBlock(ctx, s.body);
  return ctx.at(s.loc, () => [
    ctx.b.whileStatement(test, ctx.b.block([...fuelCheck(ctx), ...body])),
  ]);
}

/** `repeat body until cond`: the condition is inside the body's scope (§2.4.4). */
export function lowerRepeat(ctx: LowerContext, s: RepeatStatement): ES.Statement[] {
  const b = ctx.b;
  const body = lowerBlock(ctx, s.body);
  const test = lowerCondition(ctx, s.condition);
  return ctx.at(s.loc, () => [
    b.forStatement(
      null,
      null,
      null,
      b.block([...fuelCheck(ctx), ...body, b.ifStatement(test, b.breakStatement())]),
    ),
  ]);
}

function integerLiteral(e: Expression | undefined): number | undefined {
  if (!e) return 1;
  if (e.type === "Number" && Number.isInteger(e.value) && Math.abs(e.value) < 2 ** 53)
    return e.value;
  if (e.type === "Unary" && e.operator === "-") {
    const v = integerLiteral(e.argument);
    return v === undefined ? undefined : -v;
  }
  return undefined;
}

/**
 * Numeric for (lvm.c OP_FORPREP/OP_FORLOOP): start, limit and step are evaluated once, then
 * checked in that order (`'for' initial value must be a number`); the index starts at
 * start - step and each iteration adds step and tests `step > 0 ? idx <= limit : limit <= idx`.
 * With integer literal start and step that is exactly a plain JS counting loop.
 */
export function lowerNumericFor(ctx: LowerContext, s: NumericForStatement): ES.Statement[] {
  const b = ctx.b;
  const variable = ctx.scope.declarations.get(s.variable)!;
  const mark = ctx.fn.mark();
  const setup: ES.Expression[] = [];
  const parts: [ES.Expression, string][] = [];
  const roles = ["initial", "limit", "step"] as const;
  const values = [s.start, s.limit, s.step];
  const literals = values.map((v) => (v && v.type === "Number" ? v.value : integerLiteral(v)));
  const reads = values.map((v, i): ES.Expression => {
    const literal = literals[i];
    if (literal !== undefined) return b.num(literal);
    const t = ctx.temp();
    setup.push(
      b.assign(
        b.id(t),
        ctx.at(v!.loc, () => lowerExpressionFor(ctx, v!)),
      ),
    );
    parts.push([b.id(t), roles[i]!]);
    return b.id(t);
  });
  const checks = ctx.at(s.loc, () =>
    parts.map(([t, role]) =>
      b.assign(
        t as ES.Identifier,
        b.conditional(
          b.typeIs(t, "number"),
          t,
          ctx.rtCall("forNumber", [t, b.str(role), ctx.site()]),
        ),
      ),
    ),
  );
  const [start, limit, step] = reads as [ES.Expression, ES.Expression, ES.Expression];
  const startInt = integerLiteral(s.start);
  const stepValue = literals[2];
  const counter = variable.reassigned ? ctx.names.fresh(variable.name) : variable.jsName;
  const body = lowerBlock(ctx, s.body);
  ctx.fn.release(mark);
  return ctx.at(s.loc, () => {
    const out: ES.Statement[] = [...setup, ...checks].map((e) => b.expressionStatement(e));
    const inner = variable.reassigned
      ? [b.declare("let", [[variable.jsName, b.id(counter)]]), ...fuelCheck(ctx), ...body]
      : [...fuelCheck(ctx), ...body];
    const i = () => b.id(counter);
    let loop: ES.Statement;
    const compare = (index: ES.Expression, positive: boolean) =>
      positive ? b.binary("<=", index, limit) : b.binary("<=", limit, index);
    if (startInt !== undefined && stepValue !== undefined && Number.isInteger(stepValue)) {
      loop = b.forStatement(
        b.declare("let", [[counter, start]]),
        compare(i(), stepValue > 0),
        b.assign(i(), step, "+="),
        b.block(inner),
      );
    } else {
      const advance = b.assign(i(), step, "+=");
      const test =
        stepValue !== undefined
          ? compare(advance, stepValue > 0)
          : b.sequence([
              advance,
              b.conditional(b.binary(">", step, b.num(0)), compare(i(), true), compare(i(), false)),
            ]);
      loop = b.forStatement(
        b.declare("let", [[counter, b.binary("-", start, step)]]),
        test,
        null,
        b.block(inner),
      );
    }
    out.push(loop);
    return [b.block(out)];
  });
}

/**
 * Generic for (§2.4.5): `f, s, c` are the explist adjusted to 3; each iteration calls
 * `f(s, c)`, binds the results to the variables, and stops when the first is nil.
 */
export function lowerGenericFor(ctx: LowerContext, s: GenericForStatement): ES.Statement[] {
  const b = ctx.b;
  const mark = ctx.fn.mark();
  const setup: ES.Expression[] = [];
  const [f, state, control] = evaluateList(ctx, s.iterators, 3, setup, false).map((read) =>
    read.type === "Identifier" ? read : holdIn(ctx, read, setup),
  ) as [ES.Identifier, ES.Identifier, ES.Identifier];
  const variables = s.variables.map((v) => ctx.scope.declarations.get(v)!);
  const body = lowerBlock(ctx, s.body);
  ctx.fn.release(mark);
  return ctx.at(s.loc, () => {
    const site = ctx.site();
    const args = [state, control];
    const call = b.sequence([ctx.setSite(site), callShape(ctx, f, args, site)]);
    const first = variables[0]!;
    const declarations: ES.Statement[] = variables.map((v, k) => {
      const init =
        k === 0
          ? call
          : b.conditional(
              b.binary(">", b.member(ctx.rt("R"), "n"), b.num(k)),
              b.computed(b.member(ctx.rt("R"), "v"), b.num(k)),
              b.undef(),
            );
      return b.declare(v.reassigned ? "let" : "const", [[v.jsName, init]]);
    });
    const loopBody = [
      ...fuelCheck(ctx),
      ...declarations,
      b.ifStatement(b.binary("===", b.id(first.jsName), b.undef()), b.breakStatement()),
      b.expressionStatement(b.assign(control, b.id(first.jsName))),
      ...body,
    ];
    return [
      b.block([
        ...setup.map((e) => b.expressionStatement(e)),
        b.forStatement(null, null, null, b.block(loopBody)),
      ]),
    ];
  });
}

/** Copy a non-identifier read (a literal, `va$[k]`) into a temporary. */
function holdIn(ctx: LowerContext, read: ES.Expression, setup: ES.Expression[]): ES.Identifier {
  const t = ctx.temp();
  setup.push(ctx.b.assign(ctx.b.id(t), read));
  return ctx.b.id(t);
}
