// Parser shapes. Operator results were printed by lua5.1 5.1.5 for the same expressions:
//   lua5.1 -e 'print(-2^2, 2^3^2, ...)'
// and are checked here with a tiny evaluator over the AST, so precedence and associativity are
// tested against the oracle rather than against a drawing of the tree.

import { describe, expect, it } from "vitest";
import type { Chunk, Expression, Statement } from "../../../frontend/src/ast.js";
import { parse } from "../../../frontend/src/parser.js";

type Value = number | string | boolean | undefined;

function evaluate(e: Expression): Value {
  switch (e.type) {
    case "Number":
      return e.value;
    case "String":
      return e.value;
    case "Nil":
      return undefined;
    case "True":
      return true;
    case "False":
      return false;
    case "Paren":
      return evaluate(e.expression);
    case "Unary": {
      const v = evaluate(e.argument);
      return e.operator === "not" ? v === undefined || v === false : -(v as number);
    }
    case "Binary": {
      const l = evaluate(e.left);
      if (e.operator === "and") return l === undefined || l === false ? l : evaluate(e.right);
      if (e.operator === "or") return l === undefined || l === false ? evaluate(e.right) : l;
      const r = evaluate(e.right);
      const a = l as number;
      const b = r as number;
      switch (e.operator) {
        case "+":
          return a + b;
        case "-":
          return a - b;
        case "*":
          return a * b;
        case "/":
          return a / b;
        case "%":
          return a - Math.floor(a / b) * b;
        case "^":
          return a ** b;
        case "..":
          return String(l) + String(r);
        case "==":
          return l === r;
        case "~=":
          return l !== r;
        case "<":
          return a < b;
        case "<=":
          return a <= b;
        case ">":
          return a > b;
        case ">=":
          return a >= b;
      }
    }
  }
  throw new Error(`cannot evaluate ${e.type}`);
}

function chunk(source: string): Chunk {
  return parse(source, "@test.lua");
}

function statements(source: string): Statement[] {
  return chunk(source).body.body;
}

function expression(source: string): Expression {
  const s = statements(`return ${source}`)[0]!;
  if (s.type !== "Return") throw new Error("not a return");
  return s.values[0]!;
}

describe("expressions", () => {
  it.each([
    ["-2^2", -4],
    ["2^3^2", 512],
    ["1+2*3-4/2", 5],
    ["2^-2", 0.25],
    ["-2^-2", -0.25],
    ["not nil == false", false],
    ["1 .. 2 .. 3", "123"],
    ["7 % 3 * 2", 2],
    ["2 * 3 % 4", 2],
    ["1 < 2 == true", true],
    ["nil or false and 1", false],
    ["1 or 2 and nil", 1],
    ["-3 % 5", 2],
    ["- - 2", 2],
    ["2 ^ - - 2", 4],
    ["1 + -2 ^ 2 * 3", -11],
    ['"a" .. 1 + 2 .. "b"', "a3b"],
    ["5 - 3 - 1", 1],
    ["2 ^ 2 ^ 0.5", 2.665144142690225],
  ])("%s evaluates as in lua5.1", (source, expected) => {
    const value = evaluate(expression(source));
    if (typeof expected === "number") expect(value).toBeCloseTo(expected, 12);
    else expect(value).toBe(expected);
  });

  it("keeps parentheses and builds the documented nodes", () => {
    const e = expression("(f(...)), a.b, a[1], a:m(1, 2), f'x', f{1}");
    expect(e).toMatchObject({ type: "Paren", expression: { type: "Call" } });
    const values = (statements("return (f()), a.b, a[1], a:m(1, 2), f'x', f{1}")[0] as any).values;
    expect(values.map((v: Expression) => v.type)).toEqual([
      "Paren",
      "Index",
      "Index",
      "MethodCall",
      "Call",
      "Call",
    ]);
    expect(values[1]).toMatchObject({ dotted: true, key: { type: "String", value: "b" } });
    expect(values[2]).toMatchObject({ dotted: false, key: { type: "Number", value: 1 } });
    expect(values[3]).toMatchObject({ method: "m", object: { type: "Identifier", name: "a" } });
    expect(values[4].args).toMatchObject([{ type: "String", value: "x" }]);
    expect(values[5].args).toMatchObject([{ type: "Table" }]);
  });

  it("reads table constructors", () => {
    const e = expression("{1, x = 2, [3] = 4; f()}");
    expect(e).toMatchObject({
      type: "Table",
      fields: [
        { type: "PositionalField", value: { value: 1 } },
        { type: "NamedField", name: "x" },
        { type: "KeyedField", key: { value: 3 } },
        { type: "PositionalField", value: { type: "Call" } },
      ],
    });
  });
});

describe("statements", () => {
  it("names function statements and adds self to methods", () => {
    const [s] = statements("function a.b.c:m(x, ...)\nend");
    expect(s).toMatchObject({
      type: "FunctionStatement",
      target: { type: "Index", key: { value: "m" }, object: { type: "Index" } },
      func: { name: "a.b.c:m", isMethod: true, isVararg: true, endLine: 2 },
    });
    const func = (s as any).func;
    expect(func.params.map((p: any) => p.name)).toEqual(["self", "x"]);
  });

  it("reads local function, local, assignment and call statements", () => {
    const body = statements("local function f() end local a, b = 1 x, y.z = 1, 2, 3 f() o:m()");
    expect(body.map((s) => s.type)).toEqual([
      "LocalFunction",
      "Local",
      "Assignment",
      "CallStatement",
      "CallStatement",
    ]);
    expect(body[0]).toMatchObject({ name: { name: "f" }, func: { name: "f", isMethod: false } });
    expect((body[2] as any).targets.map((t: any) => t.type)).toEqual(["Identifier", "Index"]);
  });

  it("reads control structures", () => {
    const body = statements(
      "if a then elseif b then else end while c do break end repeat local x until x " +
        "for i = 1, 2, 3 do end for i = 1, 2 do end for k, v in pairs(t) do end do end return",
    );
    expect(body.map((s) => s.type)).toEqual([
      "If",
      "While",
      "Repeat",
      "NumericFor",
      "NumericFor",
      "GenericFor",
      "Do",
      "Return",
    ]);
    expect((body[0] as any).clauses).toHaveLength(2);
    expect((body[0] as any).orelse).toBeDefined();
    expect((body[3] as any).step).toMatchObject({ value: 3 });
    expect((body[4] as any).step).toBeUndefined();
    expect((body[5] as any).variables.map((v: any) => v.name)).toEqual(["k", "v"]);
  });

  it("records the line and column of each construct's first token", () => {
    const c = chunk("local x = 1\n  if x then\n    y = function()\n    end\n  end\n\n");
    const [local, ifStatement] = c.body.body;
    expect(local!.loc).toEqual({ line: 1, column: 0 });
    expect(ifStatement!.loc).toEqual({ line: 2, column: 2 });
    const assignment = (ifStatement as any).clauses[0].body.body[0];
    expect(assignment.loc).toEqual({ line: 3, column: 4 });
    expect(assignment.values[0].loc).toEqual({ line: 3, column: 8 });
    expect(assignment.values[0].endLine).toBe(4);
    expect(c.endLine).toBe(7);
  });

  it("skips a first line starting with # in files only", () => {
    expect(statements("#!/usr/bin/lua\nreturn 1")).toHaveLength(1);
    const source = "#!/usr/bin/lua\nreturn 1";
    expect(() => parse(source, source)).toThrow(
      `[string "#!/usr/bin/lua..."]:1: unexpected symbol near '#'`,
    );
  });

  it("parses a large input without recursion trouble", () => {
    const source = "local t = {}\n".concat("t[#t + 1] = {x = 1, y = 'a' .. 2}\n".repeat(5000));
    expect(chunk(source).body.body).toHaveLength(5001);
  });
});
