// ESTree factories. Every node gets `loc` from the Lua node being lowered (the builder's
// `at` position, set by the lowering context), so astring can map each emitted token back to
// a Lua line and column (source maps: line 1-based, column 0-based, as in the Lua AST).

import type { Loc } from "@lunette/frontend";
import type * as ES from "estree";

export type { ES };

/** Builds ESTree nodes located at the Lua position `at`. */
export class Builder {
  at: Loc = { line: 1, column: 0 };

  private locAt: Loc | undefined;
  private locCache: ES.SourceLocation | undefined;

  /** The location of `at`, shared by every node made at that position (astring reads only). */
  private loc(): ES.SourceLocation {
    if (this.locAt !== this.at || !this.locCache) {
      const position = { line: this.at.line, column: this.at.column };
      this.locAt = this.at;
      this.locCache = { start: position, end: position };
    }
    return this.locCache;
  }

  id(name: string): ES.Identifier {
    return { type: "Identifier", name, loc: this.loc() };
  }

  /** A number literal; negative zero, negatives, infinities and NaN print as expressions. */
  num(value: number): ES.Expression {
    if (Number.isNaN(value)) return this.binary("/", this.num(0), this.num(0));
    if (value < 0 || Object.is(value, -0)) return this.unary("-", this.num(-value));
    if (value === Number.POSITIVE_INFINITY) return this.binary("/", this.num(1), this.num(0));
    return { type: "Literal", value, raw: numberSource(value), loc: this.loc() };
  }

  /** A string literal holding a byte string; escapes keep the printed JS ASCII-only. */
  str(value: string): ES.Literal {
    return { type: "Literal", value, raw: stringSource(value), loc: this.loc() };
  }

  bool(value: boolean): ES.Literal {
    return { type: "Literal", value, raw: String(value), loc: this.loc() };
  }

  undef(): ES.Expression {
    return this.unary("void", this.num(0));
  }

  member(object: ES.Expression, property: string): ES.MemberExpression {
    return {
      type: "MemberExpression",
      object,
      property: this.id(property),
      computed: false,
      optional: false,
      loc: this.loc(),
    };
  }

  computed(object: ES.Expression, property: ES.Expression): ES.MemberExpression {
    return {
      type: "MemberExpression",
      object,
      property,
      computed: true,
      optional: false,
      loc: this.loc(),
    };
  }

  /** `object.name` when name is a JS identifier, else `object["name"]`. */
  property(object: ES.Expression, name: string): ES.MemberExpression {
    return /^[A-Za-z_$][\w$]*$/.test(name)
      ? this.member(object, name)
      : this.computed(object, this.str(name));
  }

  call(callee: ES.Expression, args: (ES.Expression | ES.SpreadElement)[]): ES.CallExpression {
    return { type: "CallExpression", callee, arguments: args, optional: false, loc: this.loc() };
  }

  newExpression(callee: ES.Expression, args: (ES.Expression | ES.SpreadElement)[]) {
    return { type: "NewExpression", callee, arguments: args, loc: this.loc() } as ES.NewExpression;
  }

  spread(argument: ES.Expression): ES.SpreadElement {
    return { type: "SpreadElement", argument, loc: this.loc() };
  }

  array(elements: (ES.Expression | ES.SpreadElement)[]): ES.ArrayExpression {
    return { type: "ArrayExpression", elements, loc: this.loc() };
  }

  binary(operator: ES.BinaryOperator, left: ES.Expression, right: ES.Expression) {
    return { type: "BinaryExpression", operator, left, right, loc: this.loc() } as ES.Expression;
  }

  logical(operator: ES.LogicalOperator, left: ES.Expression, right: ES.Expression) {
    return { type: "LogicalExpression", operator, left, right, loc: this.loc() } as ES.Expression;
  }

  unary(operator: ES.UnaryOperator, argument: ES.Expression): ES.Expression {
    return { type: "UnaryExpression", operator, prefix: true, argument, loc: this.loc() };
  }

  /** `++target` */
  increment(argument: ES.Expression): ES.Expression {
    return { type: "UpdateExpression", operator: "++", prefix: true, argument, loc: this.loc() };
  }

  conditional(test: ES.Expression, consequent: ES.Expression, alternate: ES.Expression) {
    return {
      type: "ConditionalExpression",
      test,
      consequent,
      alternate,
      loc: this.loc(),
    } as ES.Expression;
  }

  assign(left: ES.Pattern, right: ES.Expression, operator: ES.AssignmentOperator = "=") {
    return {
      type: "AssignmentExpression",
      operator,
      left,
      right,
      loc: this.loc(),
    } as ES.Expression;
  }

  /** `(a, b, c)`; a single expression is returned as is. */
  sequence(expressions: ES.Expression[]): ES.Expression {
    if (expressions.length === 1) return expressions[0]!;
    return { type: "SequenceExpression", expressions, loc: this.loc() };
  }

  typeIs(argument: ES.Expression, type: string): ES.Expression {
    return this.binary("===", this.unary("typeof", argument), this.str(type));
  }

  functionExpression(
    name: string,
    params: ES.Pattern[],
    body: ES.Statement[],
  ): ES.FunctionExpression {
    return {
      type: "FunctionExpression",
      id: this.id(name),
      params,
      body: this.block(body),
      generator: false,
      async: false,
      loc: this.loc(),
    };
  }

  /** A generator function (the resumable form of a Lua function). */
  generatorExpression(
    name: string,
    params: ES.Pattern[],
    body: ES.Statement[],
  ): ES.FunctionExpression {
    return { ...this.functionExpression(name, params, body), generator: true };
  }

  /** `yield* argument` */
  yieldDelegate(argument: ES.Expression): ES.Expression {
    return { type: "YieldExpression", argument, delegate: true, loc: this.loc() };
  }

  rest(name: string): ES.RestElement {
    return { type: "RestElement", argument: this.id(name), loc: this.loc() };
  }

  // ---- statements ----------------------------------------------------------------------

  block(body: ES.Statement[]): ES.BlockStatement {
    return { type: "BlockStatement", body, loc: this.loc() };
  }

  expressionStatement(expression: ES.Expression): ES.ExpressionStatement {
    return { type: "ExpressionStatement", expression, loc: this.loc() };
  }

  declare(
    kind: "let" | "const",
    declarations: [name: string, init: ES.Expression | undefined][],
  ): ES.VariableDeclaration {
    return {
      type: "VariableDeclaration",
      kind,
      declarations: declarations.map(([name, init]) => ({
        type: "VariableDeclarator",
        id: this.id(name),
        init: init ?? null,
        loc: this.loc(),
      })),
      loc: this.loc(),
    };
  }

  returnStatement(argument?: ES.Expression): ES.ReturnStatement {
    return { type: "ReturnStatement", argument: argument ?? null, loc: this.loc() };
  }

  ifStatement(test: ES.Expression, consequent: ES.Statement, alternate?: ES.Statement) {
    return {
      type: "IfStatement",
      test,
      consequent,
      alternate: alternate ?? null,
      loc: this.loc(),
    } as ES.IfStatement;
  }

  whileStatement(test: ES.Expression, body: ES.Statement): ES.WhileStatement {
    return { type: "WhileStatement", test, body, loc: this.loc() };
  }

  forStatement(
    init: ES.VariableDeclaration | null,
    test: ES.Expression | null,
    update: ES.Expression | null,
    body: ES.Statement,
  ): ES.ForStatement {
    return { type: "ForStatement", init, test, update, body, loc: this.loc() };
  }

  breakStatement(): ES.BreakStatement {
    return { type: "BreakStatement", label: null, loc: this.loc() };
  }
}

/** JS source of a finite non-negative number that round-trips exactly. */
function numberSource(value: number): string {
  return String(value);
}

/** A double-quoted JS string literal; bytes outside printable ASCII become escapes. */
export function stringSource(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 0x22) out += '\\"';
    else if (code === 0x5c) out += "\\\\";
    else if (code >= 0x20 && code < 0x7f) out += value[i];
    else if (code === 0x0a) out += "\\n";
    else if (code < 0x100) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else out += `\\u${code.toString(16).padStart(4, "0")}`;
  }
  return `${out}"`;
}
