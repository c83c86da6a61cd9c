// Budget checks (docs/architecture.md, "Sandboxing"), emitted only when the chunk is compiled
// with `budgets` (CompileOptions): code compiled without them pays nothing.
//
//   fuel at function entry and loop back-edges
//       direct      if (--F.fuel < 0) fuelOut();
//       resumable   if (--F.fuel < 0 && fuelOut()) yield SLICE_OVER;   (a task's slice ended)
//   memory, charged before Lua allocates
//       tables and closures    charged(new LuaTable(...), bytes)
//       concatenation          always the runtime's `concat`, which charges the result

import type { ES } from "./builders.js";
import type { LowerContext } from "./context.js";

/** Estimated bytes of a table and of a closure (runtime/src/sandbox/budget.ts SIZE). */
const TABLE_BYTES = 64;
const SLOT_BYTES = 16;
const CLOSURE_BYTES = 64;

/** Options of the lowering that concern budgets. */
export interface BudgetOptions {
  /** Emit fuel checks and memory charges. */
  budgets?: boolean;
  /**
   * Give every function a resumable form, so that a task (runtime/src/sandbox/task.ts) can
   * suspend anywhere when its slice ends. Implies `budgets`.
   */
  task?: boolean;
}

/** The fuel check at a function's entry or a loop's back-edge (none without budgets). */
export function fuelCheck(ctx: LowerContext): ES.Statement[] {
  if (!ctx.budgets) return [];
  const b = ctx.b;
  const decrement: ES.Expression = {
    type: "UpdateExpression",
    operator: "--",
    prefix: true,
    argument: b.member(ctx.rt("F"), "fuel"),
  };
  const out = b.binary("<", decrement, b.num(0));
  if (!ctx.fn.resumable)
    return [b.ifStatement(out, b.expressionStatement(ctx.rtCall("fuelOut", [])))];
  const suspend: ES.Expression = {
    type: "YieldExpression",
    argument: ctx.rt("SLICE_OVER"),
    delegate: false,
  };
  return [
    b.ifStatement(b.logical("&&", out, ctx.rtCall("fuelOut", [])), b.expressionStatement(suspend)),
  ];
}

/** `charged(value, bytes)` with budgets, else `value`. */
function charge(ctx: LowerContext, value: ES.Expression, bytes: number): ES.Expression {
  if (!ctx.budgets) return value;
  return ctx.rtCall("charged", [value, ctx.b.num(bytes)]);
}

/** A table constructor's result, charged for its header and `slots` initial entries. */
export function chargeTable(ctx: LowerContext, table: ES.Expression, slots = 0): ES.Expression {
  return charge(ctx, table, TABLE_BYTES + slots * SLOT_BYTES);
}

/** A new closure, charged. */
export function chargeClosure(ctx: LowerContext, closure: ES.Expression): ES.Expression {
  return charge(ctx, closure, CLOSURE_BYTES);
}
