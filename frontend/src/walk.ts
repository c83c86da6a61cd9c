// Generic descent over the AST: `forEachChild` calls `visit` on every direct child node, in
// source order. Passes that care about a few node kinds handle those and let this walk the rest.

import type { Node } from "./ast.js";

export function forEachChild(node: Node, visit: (child: Node) => void): void {
  switch (node.type) {
    case "Chunk":
    case "Do":
    case "Function":
      if (node.type === "Function") node.params.forEach(visit);
      visit(node.body);
      return;
    case "Block":
      node.body.forEach(visit);
      return;
    case "Index":
      visit(node.object);
      visit(node.key);
      return;
    case "Call":
      visit(node.callee);
      node.args.forEach(visit);
      return;
    case "MethodCall":
      visit(node.object);
      node.args.forEach(visit);
      return;
    case "Binary":
      visit(node.left);
      visit(node.right);
      return;
    case "Unary":
      visit(node.argument);
      return;
    case "Paren":
      visit(node.expression);
      return;
    case "Table":
      node.fields.forEach(visit);
      return;
    case "KeyedField":
      visit(node.key);
      visit(node.value);
      return;
    case "PositionalField":
    case "NamedField":
      visit(node.value);
      return;
    case "Local":
      node.names.forEach(visit);
      node.values.forEach(visit);
      return;
    case "LocalFunction":
      visit(node.name);
      visit(node.func);
      return;
    case "FunctionStatement":
      visit(node.target);
      visit(node.func);
      return;
    case "Assignment":
      node.targets.forEach(visit);
      node.values.forEach(visit);
      return;
    case "CallStatement":
      visit(node.call);
      return;
    case "While":
      visit(node.condition);
      visit(node.body);
      return;
    case "Repeat":
      visit(node.body);
      visit(node.condition);
      return;
    case "If":
      for (const clause of node.clauses) {
        visit(clause.condition);
        visit(clause.body);
      }
      if (node.orelse) visit(node.orelse);
      return;
    case "NumericFor":
      visit(node.variable);
      visit(node.start);
      visit(node.limit);
      if (node.step) visit(node.step);
      visit(node.body);
      return;
    case "GenericFor":
      node.variables.forEach(visit);
      node.iterators.forEach(visit);
      visit(node.body);
      return;
    case "Return":
      node.values.forEach(visit);
      return;
    default:
      // Leaves: literals, names, `...`, `break`.
      return;
  }
}
