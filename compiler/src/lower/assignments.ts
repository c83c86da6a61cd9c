// Assignments and local declarations (Lua 5.1 §2.4.3, §2.4.7).
//
// 5.1 evaluates the table and key expressions of the targets, then every right-hand value
// (left to right, adjusting the list to the number of targets: a final call or `...` supplies
// the missing values), and then assigns from right to left (observable with __newindex).

import type {
  AssignmentStatement,
  Expression,
  FunctionStatement,
  Identifier,
  IndexExpression,
  LocalFunctionStatement,
  LocalStatement,
} from "@lunette/frontend";
import type { ES } from "./builders.js";
import { describe, type LowerContext, VARARGS } from "./context.js";
import {
  isLiteral,
  isLocalName,
  isMultiValue,
  isOwnLocal,
  isPure,
  lowerExpression,
  stable,
} from "./expressions.js";
import { chargeClosure } from "./fuel.js";
import { functionForms, upvalueAccess } from "./functions.js";
import { indexStore } from "./tables.js";

/** `R.n > k ? R.v[k] : undefined`: the (k+1)-th result of the call that just returned. */
function extraResult(ctx: LowerContext, k: number): ES.Expression {
  const b = ctx.b;
  return b.conditional(
    b.binary(">", b.member(ctx.rt("R"), "n"), b.num(k)),
    b.computed(b.member(ctx.rt("R"), "v"), b.num(k)),
    b.undef(),
  );
}

/**
 * Evaluate `values` in order, adjusted to `count` stable reads. Extra values are evaluated
 * for their effects only. With `direct`, local names are read in place.
 */
export function evaluateList(
  ctx: LowerContext,
  values: Expression[],
  count: number,
  setup: ES.Expression[],
  direct: boolean,
): ES.Expression[] {
  const b = ctx.b;
  const reads: ES.Expression[] = [];
  values.forEach((value, i) => {
    const last = i === values.length - 1;
    if (last && isMultiValue(value) && i < count) {
      if (value.type === "Vararg") {
        for (let k = 0; i + k < count; k++) reads.push(b.computed(b.id(VARARGS), b.num(k)));
        return;
      }
      const first = ctx.temp();
      setup.push(b.assign(b.id(first), lowerExpression(ctx, value)));
      reads.push(b.id(first));
      for (let k = 1; i + k < count; k++) {
        const t = ctx.temp();
        setup.push(ctx.at(value.loc, () => b.assign(b.id(t), extraResult(ctx, k))));
        reads.push(b.id(t));
      }
      return;
    }
    if (i < count) reads.push(stable(ctx, value, setup, direct));
    else if (!isPure(value) || value.type === "Identifier") setup.push(lowerExpression(ctx, value));
  });
  while (reads.length < count) reads.push(b.undef());
  return reads;
}

/** Whether a value is known to be nil (true), known non-nil (false), or unknown. */
function nilness(e: Expression | undefined): boolean | undefined {
  if (!e) return true;
  if (e.type === "Nil") return true;
  if (isLiteral(e) || e.type === "Function" || e.type === "Table") return false;
  return undefined;
}

/** Store a stable `value` into an identifier target. */
function storeName(
  ctx: LowerContext,
  target: Identifier,
  value: ES.Expression,
  lua: Expression | undefined,
  storeLine: number,
) {
  const b = ctx.b;
  const resolution = ctx.resolve(target);
  if (resolution.kind !== "global") return b.assign(b.id(resolution.variable.jsName), value);
  const key: Expression = { type: "String", loc: target.loc, value: target.name };
  return ctx.at({ line: storeLine, column: target.loc.column }, () =>
    indexStore(ctx, ctx.env(), key, b.str(target.name), value, nilness(lua), ""),
  );
}

/** A prepared target: its object/key reads are stable; `store` writes a stable value. */
type PreparedTarget = (value: ES.Expression, lua?: Expression) => ES.Expression;

function prepareTarget(
  ctx: LowerContext,
  target: Identifier | IndexExpression,
  setup: ES.Expression[],
  direct: (e: Expression) => boolean,
  storeLine: number,
): PreparedTarget {
  if (target.type === "Identifier")
    return (value, lua) => storeName(ctx, target, value, lua, storeLine);
  const object = stable(ctx, target.object, setup, direct(target.object));
  const constantString = target.key.type === "String";
  const key = constantString
    ? ctx.b.str((target.key as { value: string }).value)
    : stable(ctx, target.key, setup, direct(target.key));
  const name = describe(ctx, target.object);
  // The store is made once the values are read, at the statement's last line (luaK_storevar).
  const at = { line: storeLine, column: target.loc.column };
  return (value, lua) =>
    ctx.at(at, () => indexStore(ctx, object, target.key, key, value, nilness(lua), name));
}

export function lowerAssignment(ctx: LowerContext, s: AssignmentStatement): ES.Statement[] {
  const b = ctx.b;
  const setup: ES.Expression[] = [];
  const mark = ctx.fn.mark();
  let stores: ES.Expression[];
  if (s.targets.length === 1 && s.values.length === 1) {
    const target = s.targets[0]!;
    const lua = s.values[0]!;
    if (target.type === "Identifier" && ctx.resolve(target).kind !== "global") {
      stores = [storeName(ctx, target, lowerExpression(ctx, lua), undefined, s.storeLine)];
    } else {
      // Locals are read in place at store time, as 5.1 reads registers at SETTABLE.
      const prepared = prepareTarget(ctx, target, setup, (e) => isOwnLocal(ctx, e), s.storeLine);
      const value = stable(ctx, lua, setup, isLocalName(ctx, lua));
      stores = [prepared(value, lua)];
    }
  } else {
    // Locals assigned by this statement are copied before any store (lparser.c check_conflict).
    const assigned = new Set(
      s.targets.filter((t) => t.type === "Identifier").map((t) => (t as Identifier).name),
    );
    const direct = (e: Expression) => isOwnLocal(ctx, e) && !assigned.has((e as Identifier).name);
    const prepared = s.targets.map((t) => prepareTarget(ctx, t, setup, direct, s.storeLine));
    const values = evaluateList(ctx, s.values, s.targets.length, setup, false);
    stores = [];
    for (let i = prepared.length - 1; i >= 0; i--) {
      stores.push(prepared[i]!(values[i]!, s.values[i]));
    }
  }
  ctx.fn.release(mark);
  return ctx.at(s.loc, () => [...setup, ...stores].map((e) => b.expressionStatement(e)));
}

/** `local a, b = ...` */
export function lowerLocal(ctx: LowerContext, s: LocalStatement): ES.Statement[] {
  const b = ctx.b;
  const out: ES.Statement[] = [];
  const mark = ctx.fn.mark();
  const values = s.values;
  const m = values.length;
  const lastValue = values[m - 1];
  const multi = lastValue !== undefined && isMultiValue(lastValue);
  ctx.at(s.loc, () => {
    s.names.forEach((id, i) => {
      const variable = ctx.scope.declarations.get(id)!;
      let init: ES.Expression | undefined;
      if (i < m - 1 || (i === m - 1 && !multi)) init = lowerExpression(ctx, values[i]!);
      else if (i === m - 1) init = lowerExpression(ctx, lastValue!);
      else if (multi && lastValue!.type === "Vararg")
        init = b.computed(b.id(VARARGS), b.num(i - (m - 1)));
      else if (multi) init = extraResult(ctx, i - (m - 1));
      const kind = variable.reassigned || !init ? "let" : "const";
      out.push(b.declare(kind, [[variable.jsName, init]]));
    });
    for (let i = s.names.length; i < m; i++) {
      const value = values[i]!;
      if (!isPure(value) || value.type === "Identifier")
        out.push(b.expressionStatement(lowerExpression(ctx, value)));
    }
  });
  ctx.fn.release(mark);
  return out;
}

/** `local function f`: f is bound before the body is created, so the body sees it. */
export function lowerLocalFunction(ctx: LowerContext, s: LocalFunctionStatement): ES.Statement[] {
  const b = ctx.b;
  const variable = ctx.scope.declarations.get(s.name)!;
  const { direct, resumable } = functionForms(ctx, s.func);
  return ctx.at(s.loc, () => [
    b.declare(variable.reassigned ? "let" : "const", [
      [variable.jsName, chargeClosure(ctx, direct)],
    ]),
    b.expressionStatement(b.assign(b.member(b.id(variable.jsName), "env"), ctx.env())),
    ...(resumable
      ? [b.expressionStatement(b.assign(b.member(b.id(variable.jsName), "co"), resumable))]
      : []),
    ...upvalueAccess(ctx, s.func, b.id(variable.jsName)).map((e) => b.expressionStatement(e)),
    b.expressionStatement(
      ctx.recordClosure(ctx.definitionSites.get(s.func)!, b.id(variable.jsName)),
    ),
  ]);
}

/** `function a.b:m() end` / `function f() end`: an assignment of a new closure. */
export function lowerFunctionStatement(ctx: LowerContext, s: FunctionStatement): ES.Statement[] {
  const b = ctx.b;
  const setup: ES.Expression[] = [];
  const mark = ctx.fn.mark();
  // funcstat's luaK_fixline: the store takes the line of `function`.
  const prepared = prepareTarget(ctx, s.target, setup, (e) => isOwnLocal(ctx, e), s.loc.line);
  const { direct, resumable } = functionForms(ctx, s.func);
  const t = ctx.temp();
  const out = ctx.at(s.loc, () => [
    ...setup.map((e) => b.expressionStatement(e)),
    b.expressionStatement(b.assign(b.id(t), chargeClosure(ctx, direct))),
    b.expressionStatement(b.assign(b.member(b.id(t), "env"), ctx.env())),
    ...(resumable ? [b.expressionStatement(b.assign(b.member(b.id(t), "co"), resumable))] : []),
    ...upvalueAccess(ctx, s.func, b.id(t)).map((e) => b.expressionStatement(e)),
    b.expressionStatement(ctx.recordClosure(ctx.definitionSites.get(s.func)!, b.id(t))),
    b.expressionStatement(prepared(b.id(t), s.func)),
  ]);
  ctx.fn.release(mark);
  return out;
}
