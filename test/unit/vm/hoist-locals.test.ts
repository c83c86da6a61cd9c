// vm/scripts/hoist-locals.mjs declares the dispatch loop's locals of the generator forms of
// the interpreter once (a generator keeps a slot per declared local). The rewrite must refuse
// code where sharing one variable per name could change what a name refers to.

import { expect, test } from "vitest";
import { hoistDispatchLocals } from "../../../vm/scripts/hoist-locals.mjs";

const loop = (cases: string, before = "") => `function* run(code: number[]) {
  let pc = 0;
  ${before}
  for (;;) {
    const i = code[pc++];
    switch (i) {
      ${cases}
    }
  }
}`;

test("locals of sibling blocks share variables, declared once before the loop", () => {
  const out = hoistDispatchLocals(
    loop(`case 0: { const x = 1; let y: number; y = x; yield y; continue; }
      case 1: { const x = 2; for (let j = 0; j < x; j++) yield j; continue; }`),
    "run",
  );
  // i (the whole loop body) gets its own; x of both cases one; y and j (never alive at once,
  // neither block enclosing the other) one more.
  expect(out).toContain("let local0: any, local1: any, local2: any;");
  expect(out).toContain("local0 = code[pc++];");
  expect(out).toContain("case 0: { local1 = 1;  local2 = local1;");
  expect(out).toContain("for (local2 = 0; local2 < local1; local2++)");
  expect(out).not.toMatch(/\b(const|let) (x|y|j|i)\b/);
  // what it produces runs as the original did
  const js = out.replace(/: (any|number\[\]|number)/g, "");
  const run = new Function(`${js}; return run;`)() as (code: number[]) => Generator<number>;
  const gen = run([1, 0]);
  expect([gen.next().value, gen.next().value, gen.next().value]).toEqual([0, 1, 1]);
});

test("a local of an enclosing block never shares with one of a block inside it", () => {
  const out = hoistDispatchLocals(
    loop("case 0: { const a = 1; { const b = a + 1; yield a + b; } continue; }"),
    "run",
  );
  expect(out).toContain("let local0: any, local1: any, local2: any;");
  const js = out.replace(/: (any|number\[\]|number)/g, "");
  const run = new Function(`${js}; return run;`)() as (code: number[]) => Generator<number>;
  expect(run([0]).next().value).toBe(3);
});

test("a shorthand property keeps its name when its local is renamed", () => {
  const out = hoistDispatchLocals(loop("case 0: { const a = 5; yield { a }; continue; }"), "run");
  expect(out).toContain("{ a: local1 }");
});

test("a name redeclared inside its own scope is refused", () => {
  expect(() =>
    hoistDispatchLocals(loop(`case 0: { const x = 1; { const x = 2; yield x; } yield x; }`), "run"),
  ).toThrow(/`x` is declared again/);
});

test("a hoisted name used outside the blocks declaring it is refused", () => {
  expect(() =>
    hoistDispatchLocals(
      loop(`case 0: { const x = 1; yield x; continue; } case 1: yield x;`, "const x = 5;"),
      "run",
    ),
  ).toThrow(/`x` is used outside/);
});

test("a function created inside the loop is refused (it could capture a local)", () => {
  expect(() => hoistDispatchLocals(loop(`case 0: { const x = 1; yield () => x; }`), "run")).toThrow(
    /function inside the dispatch loop/,
  );
});

test("a labeled dispatch loop gets its declarations before the label", () => {
  const source = loop("case 0: { const x = 1; yield x; continue dispatch; }").replace(
    "for (;;)",
    "dispatch: for (;;)",
  );
  const out = hoistDispatchLocals(source, "run");
  expect(out).toMatch(/let local0: any, local1: any;\s*dispatch: for/);
  const js = out.replace(/: (any|number\[\]|number)/g, "");
  const run = new Function(`${js}; return run;`)() as (code: number[]) => Generator<number>;
  expect(run([0]).next().value).toBe(1);
});
