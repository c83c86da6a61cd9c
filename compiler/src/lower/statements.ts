// Statements (Lua 5.1 §2.4): the dispatch over statement kinds. Blocks map to JS blocks, so
// Lua's block scoping of locals is JS's.

import type { Block, IfStatement, Statement } from "@lunette/frontend";
import {
  lowerAssignment,
  lowerFunctionStatement,
  lowerLocal,
  lowerLocalFunction,
} from "./assignments.js";
import type { ES } from "./builders.js";
import { lowerCall, lowerMethodCall } from "./calls.js";
import type { LowerContext } from "./context.js";
import { lowerReturn } from "./functions.js";
import { lowerGenericFor, lowerNumericFor, lowerRepeat, lowerWhile } from "./loops.js";
import { lowerCondition } from "./operators.js";

/** The statements of a block (the caller wraps them in a JS block when needed). */
export function lowerBlock(ctx: LowerContext, block: Block): ES.Statement[] {
  const out: ES.Statement[] = [];
  for (const statement of block.body) out.push(...lowerStatement(ctx, statement));
  return out;
}

export function lowerStatement(ctx: LowerContext, s: Statement): ES.Statement[] {
  return ctx.at(s.loc, () => lowerStatementHere(ctx, s));
}

function lowerStatementHere(ctx: LowerContext, s: Statement): ES.Statement[] {
  const b = ctx.b;
  switch (s.type) {
    case "Local":
      return lowerLocal(ctx, s);
    case "LocalFunction":
      return lowerLocalFunction(ctx, s);
    case "FunctionStatement":
      return lowerFunctionStatement(ctx, s);
    case "Assignment":
      return lowerAssignment(ctx, s);
    case "CallStatement": {
      const call = s.call.type === "Call" ? lowerCall(ctx, s.call) : lowerMethodCall(ctx, s.call);
      return [b.expressionStatement(call)];
    }
    case "Do":
      return [b.block(lowerBlock(ctx, s.body))];
    case "While":
      return lowerWhile(ctx, s);
    case "Repeat":
      return lowerRepeat(ctx, s);
    case "If":
      return [lowerIf(ctx, s)];
    case "NumericFor":
      return lowerNumericFor(ctx, s);
    case "GenericFor":
      return lowerGenericFor(ctx, s);
    case "Return":
      return lowerReturn(ctx, s);
    case "Break":
      return [b.breakStatement()];
  }
}

function lowerIf(ctx: LowerContext, s: IfStatement): ES.Statement {
  const b = ctx.b;
  const clauses = s.clauses.map((clause) =>
    ctx.at(clause.loc, () => ({
      loc: clause.loc,
      test: lowerCondition(ctx, clause.condition),
      body: b.block(lowerBlock(ctx, clause.body)),
    })),
  );
  let alternate: ES.Statement | undefined = s.orelse
    ? b.block(lowerBlock(ctx, s.orelse))
    : undefined;
  for (let i = clauses.length - 1; i >= 0; i--) {
    const clause = clauses[i]!;
    alternate = ctx.at(clause.loc, () => b.ifStatement(clause.test, clause.body, alternate));
  }
  return alternate!;
}
