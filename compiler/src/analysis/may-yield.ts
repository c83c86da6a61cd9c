// May-yield analysis (docs/architecture.md, "Coroutines and tail calls").
//
// A function needs a resumable form (a generator, `f.co`) only if running it can reach
// `coroutine.yield` through calls that resumable code can suspend. Operators never can (their
// metamethods run in direct form, where a yield is lua5.1's "attempt to yield across
// metamethod/C-call boundary"), so only calls matter: a call may yield unless its callee is a
// local function that is never reassigned and itself cannot yield. `for ... in` calls its
// iterator, an unknown function. The result is the least fixpoint over the known-callee graph,
// so directly or mutually recursive leaf functions (fib) stay direct-only.

import {
  type Chunk,
  type Expression,
  type FunctionExpression,
  forEachChild,
  type Node,
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
    visit(f.body);
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
    visit(callee);
  };

  // Only functions, calls and local bindings of functions matter; the rest is plain descent.
  const visit = (node: Node): void => {
    switch (node.type) {
      case "Function":
        visitFunction(node);
        return;
      case "Call":
        visitCallee(node.callee);
        node.args.forEach(visit);
        return;
      case "MethodCall":
        unknown.add(current);
        break;
      case "GenericFor":
        unknown.add(current); // each iteration calls the iterator function
        break;
      case "Local":
        node.names.forEach((name, i) => {
          const value = node.values[i];
          const variable = scope.declarations.get(name);
          if (value?.type === "Function" && variable && !variable.reassigned)
            boundTo.set(variable, value);
        });
        break;
      case "LocalFunction": {
        const variable = scope.declarations.get(node.name);
        if (variable && !variable.reassigned) boundTo.set(variable, node.func);
        break;
      }
    }
    forEachChild(node, visit);
  };

  callees.set(chunk, new Set());
  visit(chunk.body);

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
