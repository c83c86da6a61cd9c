// May-yield analysis (docs/architecture.md, "Coroutines and tail calls").
//
// A function needs a resumable form (a generator, `f.co`) only if running it can reach
// `coroutine.yield` through calls that resumable code can suspend. Operators never can (their
// metamethods run in direct form, where a yield is lua5.1's "attempt to yield across
// metamethod/C-call boundary"), so only calls matter: a call may yield unless its callee is a
// local function that is never reassigned and itself cannot yield. `for ... in` calls its
// iterator, an unknown function. The result is the least fixpoint over the known-callee graph,
// so directly or mutually recursive leaf functions (fib) stay direct-only.

import type {
  Block,
  Chunk,
  Expression,
  FunctionExpression,
  Statement,
  TableField,
} from "@lunette/frontend";
import type { LocalVariable, ScopeInfo } from "./scope.js";

type LuaFunctionNode = FunctionExpression | Chunk;

/** The functions (and possibly the chunk) that need a resumable form. */
export function analyseMayYield(chunk: Chunk, scope: ScopeInfo): Set<LuaFunctionNode> {
  /** Local variables bound once to a function expression. */
  const boundTo = new Map<LocalVariable, FunctionExpression>();
  /** Per function: known callees, and whether some call has an unknown callee. */
  const callees = new Map<LuaFunctionNode, Set<FunctionExpression>>();
  const unknown = new Set<LuaFunctionNode>();
  /** Calls to locals, resolved after the walk (a local may be bound after the call site). */
  const localCalls: [LuaFunctionNode, LocalVariable][] = [];

  let current: LuaFunctionNode = chunk;

  const visitFunction = (f: FunctionExpression): void => {
    const saved = current;
    current = f;
    callees.set(f, new Set());
    visitBlock(f.body);
    current = saved;
  };

  const visitCallee = (callee: Expression): void => {
    if (callee.type === "Identifier") {
      const resolution = scope.references.get(callee);
      if (resolution && resolution.kind !== "global" && !resolution.variable.reassigned) {
        localCalls.push([current, resolution.variable]);
        return;
      }
    }
    unknown.add(current);
    visitExpression(callee);
  };

  const visitExpression = (e: Expression | undefined): void => {
    if (!e) return;
    switch (e.type) {
      case "Function":
        visitFunction(e);
        return;
      case "Call":
        visitCallee(e.callee);
        e.args.forEach(visitExpression);
        return;
      case "MethodCall":
        unknown.add(current);
        visitExpression(e.object);
        e.args.forEach(visitExpression);
        return;
      case "Index":
        visitExpression(e.object);
        visitExpression(e.key);
        return;
      case "Binary":
        visitExpression(e.left);
        visitExpression(e.right);
        return;
      case "Unary":
        visitExpression(e.argument);
        return;
      case "Paren":
        visitExpression(e.expression);
        return;
      case "Table":
        e.fields.forEach(visitField);
        return;
      default:
        return;
    }
  };

  const visitField = (field: TableField): void => {
    if (field.type === "KeyedField") visitExpression(field.key);
    visitExpression(field.value);
  };

  const visitBlock = (block: Block): void => {
    for (const s of block.body) visitStatement(s);
  };

  const visitStatement = (s: Statement): void => {
    switch (s.type) {
      case "Local":
        s.values.forEach(visitExpression);
        s.names.forEach((name, i) => {
          const value = s.values[i];
          const variable = scope.declarations.get(name);
          if (value?.type === "Function" && variable && !variable.reassigned)
            boundTo.set(variable, value);
        });
        return;
      case "LocalFunction": {
        const variable = scope.declarations.get(s.name);
        if (variable && !variable.reassigned) boundTo.set(variable, s.func);
        visitFunction(s.func);
        return;
      }
      case "FunctionStatement":
        if (s.target.type !== "Identifier") visitExpression(s.target);
        visitFunction(s.func);
        return;
      case "Assignment":
        s.targets.forEach((t) => {
          if (t.type !== "Identifier") visitExpression(t);
        });
        s.values.forEach(visitExpression);
        return;
      case "CallStatement":
        visitExpression(s.call);
        return;
      case "Do":
        visitBlock(s.body);
        return;
      case "While":
        visitExpression(s.condition);
        visitBlock(s.body);
        return;
      case "Repeat":
        visitBlock(s.body);
        visitExpression(s.condition);
        return;
      case "If":
        for (const clause of s.clauses) {
          visitExpression(clause.condition);
          visitBlock(clause.body);
        }
        if (s.orelse) visitBlock(s.orelse);
        return;
      case "NumericFor":
        visitExpression(s.start);
        visitExpression(s.limit);
        visitExpression(s.step);
        visitBlock(s.body);
        return;
      case "GenericFor":
        unknown.add(current); // each iteration calls the iterator function
        s.iterators.forEach(visitExpression);
        visitBlock(s.body);
        return;
      case "Return":
        s.values.forEach(visitExpression);
        return;
      case "Break":
        return;
    }
  };

  callees.set(chunk, new Set());
  visitBlock(chunk.body);

  for (const [caller, variable] of localCalls) {
    const target = boundTo.get(variable);
    if (target === undefined) unknown.add(caller);
    else callees.get(caller)!.add(target);
  }

  // Least fixpoint: a function may yield if it calls an unknown function or one that may yield.
  const mayYield = new Set(unknown);
  let changed = true;
  while (changed) {
    changed = false;
    for (const [caller, targets] of callees) {
      if (mayYield.has(caller)) continue;
      for (const target of targets) {
        if (mayYield.has(target)) {
          mayYield.add(caller);
          changed = true;
          break;
        }
      }
    }
  }
  return mayYield;
}
