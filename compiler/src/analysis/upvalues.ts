// Upvalue lists for debug.getupvalue/setupvalue on compiled closures (manual §5.9).
//
// lua5.1 numbers a function's upvalues in the order the parser first meets them
// (lparser.c singlevaraux → indexupvalue): a reference inside a nested function also makes the
// variable an upvalue of every function between it and the variable's owner, at that point.
// Walking the chunk in source order with the stack of enclosing functions gives the same order.
//
// Only chunks whose source mentions getupvalue or setupvalue need the lists (the lowering then
// attaches an accessor to every closure, compiler/src/lower/functions.ts); for them every
// captured local is marked reassigned, so it is a JS `let` that setupvalue can assign.

import { type Chunk, type FunctionExpression, forEachChild, type Node } from "@lunette/frontend";
import type { LocalVariable, ScopeInfo } from "./scope.js";

/** Whether a chunk's source may inspect upvalues (so its closures get accessors). */
export function wantsUpvalueAccess(source: string): boolean {
  return source.includes("getupvalue") || source.includes("setupvalue");
}

/** Each function's upvalues in lua5.1's order (the main chunk has none). */
export function analyseUpvalues(
  chunk: Chunk,
  scope: ScopeInfo,
): Map<FunctionExpression, LocalVariable[]> {
  const lists = new Map<FunctionExpression, LocalVariable[]>();
  const stack: FunctionExpression[] = [];
  const visit = (node: Node): void => {
    if (node.type === "Function") {
      stack.push(node);
      lists.set(node, []);
      forEachChild(node, visit);
      stack.pop();
      return;
    }
    if (node.type === "Identifier") {
      const resolution = scope.references.get(node);
      if (resolution?.kind === "upvalue") {
        const variable = resolution.variable;
        for (let i = stack.length - 1; i >= 0 && stack[i] !== variable.owner; i--) {
          const list = lists.get(stack[i]!)!;
          if (!list.includes(variable)) list.push(variable);
        }
      }
      return;
    }
    forEachChild(node, visit);
  };
  forEachChild(chunk, visit);
  for (const list of lists.values()) for (const variable of list) variable.reassigned = true;
  return lists;
}
