// Functions (Lua 5.1 §2.5.9): each Lua function becomes a named JS function expression whose
// name is its self binding. Creating a closure copies the creator's environment (§2.9:
// "functions inherit the environment of the function that created them"). The prologue pushes
// a frame (depth and call site) and every exit pops it and sets R.

import type { Chunk, FunctionExpression, ReturnStatement } from "@lunette/frontend";
import { MAX_DEPTH } from "@lunette/runtime";
import type { FunctionFacts } from "../analysis/scope.js";
import type { ES } from "./builders.js";
import { lowerCall, lowerMethodCall } from "./calls.js";
import { DEPTH, FunctionState, type LowerContext, VARARGS } from "./context.js";
import { isLiteral, isOwnLocal, lowerExpression, lowerExpressionList } from "./expressions.js";
import { chargeClosure, fuelCheck } from "./fuel.js";
import { lowerBlock } from "./statements.js";

/**
 * A function expression in value context: `($t = function f$N(...) {...}, $t.env = self.env,
 * $t)`, plus `$t.co = function* f$N$co(...) {...}` when the function may yield (its resumable
 * form, docs/architecture.md "Coroutines and tail calls").
 */
export function lowerFunction(ctx: LowerContext, func: FunctionExpression): ES.Expression {
  const b = ctx.b;
  const forms = functionForms(ctx, func);
  const mark = ctx.fn.mark();
  const t = ctx.temp();
  ctx.fn.release(mark);
  const { direct, resumable } = forms;
  return ctx.at(func.loc, () =>
    b.sequence([
      b.assign(b.id(t), chargeClosure(ctx, direct)),
      b.assign(b.member(b.id(t), "env"), ctx.env()),
      ...(resumable ? [b.assign(b.member(b.id(t), "co"), resumable)] : []),
      ...upvalueAccess(ctx, func, b.id(t)),
      ctx.recordClosure(ctx.definitionSites.get(func)!, b.id(t)),
      b.id(t),
    ]),
  );
}

/**
 * In chunks that inspect upvalues (analysis/upvalues.ts): `$t.uvNames = ["x", ...]` and the
 * accessor `$t.uv = function (i, set, v) { switch (i) { case 1: if (set) x = v; return x; ... } }`
 * that debug.getupvalue/setupvalue use (runtime/src/lib/debug.ts).
 */
export function upvalueAccess(
  ctx: LowerContext,
  func: FunctionExpression,
  closure: ES.Identifier,
): ES.Expression[] {
  const list = ctx.upvalues?.get(func);
  if (list === undefined || list.length === 0) return [];
  const b = ctx.b;
  const cases = list.map((variable, k) => ({
    type: "SwitchCase" as const,
    test: b.num(k + 1),
    consequent: [
      b.ifStatement(
        b.id("uv$set"),
        b.expressionStatement(b.assign(b.id(variable.jsName), b.id("uv$v"))),
      ),
      b.returnStatement(b.id(variable.jsName)),
    ],
  }));
  const accessor = b.functionExpression(
    "uv",
    [b.id("uv$i"), b.id("uv$set"), b.id("uv$v")],
    [{ type: "SwitchStatement", discriminant: b.id("uv$i"), cases } as ES.Statement],
  );
  return [
    b.assign(b.member(closure, "uvNames"), b.array(list.map((v) => b.str(v.name)))),
    b.assign(b.member(closure, "uv"), accessor),
  ];
}

/**
 * The direct form of `func` and, when it may yield, its resumable form. Both forms of the
 * enclosing function create this closure: it is lowered once.
 */
export function functionForms(
  ctx: LowerContext,
  func: FunctionExpression,
): { direct: ES.FunctionExpression; resumable: ES.FunctionExpression | undefined } {
  let forms = ctx.lowered.get(func);
  if (forms === undefined) {
    const direct = lowerFunctionBody(ctx, func);
    const resumable = ctx.mayYield.has(func) ? lowerFunctionBody(ctx, func, true) : undefined;
    forms = { direct, resumable };
    ctx.lowered.set(func, forms);
  }
  return forms;
}

/**
 * The JS function for a Lua function or the main chunk; with `resumable`, its resumable form: a
 * generator called as a method of the direct function (`f.co(...)`), so `this` is the
 * function's self binding.
 */
export function lowerFunctionBody(
  ctx: LowerContext,
  node: FunctionExpression | Chunk,
  resumable = false,
): ES.FunctionExpression {
  const b = ctx.b;
  const facts = ctx.scope.functions.get(node)!;
  const isVararg = node.type === "Chunk" ? true : node.isVararg;
  const saved = ctx.fn;
  const definitionSite = resumable
    ? ctx.definitionSites.get(node)!
    : ctx.defineFunction(node, node.type === "Chunk" ? 0 : node.loc.line);
  ctx.fn = new FunctionState(node, facts.jsName, isVararg, definitionSite);
  ctx.fn.resumable = resumable;
  try {
    const body = lowerBlock(ctx, node.body);
    const params: ES.Pattern[] =
      node.type === "Chunk"
        ? []
        : node.params.map((p) => b.id(ctx.scope.declarations.get(p)!.jsName));
    if (isVararg) params.push(b.rest(VARARGS));
    return ctx.at(node.loc, () => {
      const prologue: ES.Statement[] = [];
      if (resumable) prologue.push(b.declare("const", [[facts.jsName, b.id("this")]]));
      const mark = ctx.fn.mark();
      const arg = facts.arg && facts.argReferenced ? implicitArg(ctx, facts) : [];
      ctx.fn.release(mark);
      const temps = ctx.fn.tempNames();
      if (temps.length)
        prologue.push(
          b.declare(
            "let",
            temps.map((t) => [t, undefined]),
          ),
        );
      prologue.push(...framePrologue(ctx), ...fuelCheck(ctx));
      prologue.push(...arg);
      const last = node.body.body[node.body.body.length - 1];
      const epilogue: ES.Statement[] = [];
      if (last?.type !== "Return") {
        const end = node.type === "Chunk" ? node.loc : { line: node.endLine, column: 0 };
        ctx.at(end, () => epilogue.push(...returnNothing(ctx)));
      }
      const statements = [...prologue, ...body, ...epilogue];
      return resumable
        ? b.generatorExpression(`${facts.jsName}$co`, params, statements)
        : b.functionExpression(facts.jsName, params, statements);
    });
  } finally {
    ctx.fn = saved;
  }
}

/**
 * `const d$ = ++S.depth; if (d$ > 19000) stackOverflow(); S.callSites[d$] = S.site;`
 * (the frame's function is found from its sites, so no function object is stored per call:
 * that store cost a fifth of a call's time).
 */
function framePrologue(ctx: LowerContext): ES.Statement[] {
  const b = ctx.b;
  const S = () => ctx.rt("S");
  return [
    b.declare("const", [[DEPTH, b.increment(b.member(S(), "depth"))]]),
    b.ifStatement(
      // The limit as a literal: V8 compares against an immediate instead of loading the
      // runtime's binding on every call (measured ~5% of a call-heavy benchmark).
      b.binary(">", b.id(DEPTH), b.num(MAX_DEPTH)),
      b.expressionStatement(ctx.rtCall("stackOverflow", [])),
    ),
    b.expressionStatement(
      b.assign(b.computed(b.member(S(), "callSites"), b.id(DEPTH)), b.member(S(), "site")),
    ),
  ];
}

/** 5.1's `arg` table (LUA_COMPAT_VARARG, ldo.c adjust_varargs): `{...}` plus `n`, or nil. */
function implicitArg(ctx: LowerContext, facts: FunctionFacts): ES.Statement[] {
  const b = ctx.b;
  const variable = facts.arg!;
  if (facts.usesVarargs) return [b.declare("let", [[variable.jsName, undefined]])];
  // va$ is not used otherwise, so the table may own it; n is taken before it is trimmed.
  const n = ctx.temp();
  return [
    b.expressionStatement(b.assign(b.id(n), b.member(b.id(VARARGS), "length"))),
    b.declare(variable.reassigned ? "let" : "const", [
      [variable.jsName, b.newExpression(ctx.rt("LuaTable"), [b.id(VARARGS), b.bool(true)])],
    ]),
    b.expressionStatement(
      b.assign(b.member(b.member(b.id(variable.jsName), "hash"), "n"), b.id(n)),
    ),
  ];
}

/** `S.depth = d$ - 1` */
function popFrame(ctx: LowerContext): ES.Expression {
  const b = ctx.b;
  return b.assign(b.member(ctx.rt("S"), "depth"), b.binary("-", b.id(DEPTH), b.num(1)));
}

function setCount(ctx: LowerContext, n: number): ES.Statement {
  const b = ctx.b;
  return b.expressionStatement(b.assign(b.member(ctx.rt("R"), "n"), b.num(n)));
}

function returnNothing(ctx: LowerContext): ES.Statement[] {
  const b = ctx.b;
  return [b.expressionStatement(popFrame(ctx)), setCount(ctx, 0), b.returnStatement()];
}

/** `return explist` (§2.4.4); `return f(x)` is a tail call: the callee sets R. */
export function lowerReturn(ctx: LowerContext, s: ReturnStatement): ES.Statement[] {
  const b = ctx.b;
  const values = s.values;
  if (values.length === 0) return returnNothing(ctx);
  if (values.length === 1) {
    const value = values[0]!;
    if (value.type === "Call" || value.type === "MethodCall") {
      // A Lua callee takes over this frame's depth (5.1 reuses the CallInfo), called from a tail
      // site (runtime/src/levels.ts): lua5.1's "(tail call)" level, no position, no name.
      const options = { tailPop: popFrame(ctx), tailReplace: popFrame(ctx) };
      const call =
        value.type === "Call"
          ? lowerCall(ctx, value, options)
          : lowerMethodCall(ctx, value, options);
      return [b.returnStatement(call)];
    }
    if (value.type === "Vararg") {
      return [
        b.expressionStatement(popFrame(ctx)),
        b.returnStatement(ctx.rtCall("retN", [b.id(VARARGS)])),
      ];
    }
    if (isLiteral(value) || isOwnLocal(ctx, value)) {
      const js = lowerExpression(ctx, value);
      return [b.expressionStatement(popFrame(ctx)), setCount(ctx, 1), b.returnStatement(js)];
    }
    const js = lowerExpression(ctx, value);
    const mark = ctx.fn.mark();
    const t = ctx.temp();
    ctx.fn.release(mark);
    return [
      b.expressionStatement(b.assign(b.id(t), js)),
      b.expressionStatement(popFrame(ctx)),
      setCount(ctx, 1),
      b.returnStatement(b.id(t)),
    ];
  }
  const list = b.array(lowerExpressionList(ctx, values));
  const mark = ctx.fn.mark();
  const t = ctx.temp();
  ctx.fn.release(mark);
  return [
    b.expressionStatement(b.assign(b.id(t), ctx.rtCall("retN", [list]))),
    b.expressionStatement(popFrame(ctx)),
    b.returnStatement(b.id(t)),
  ];
}
