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

test("locals of sibling cases become one variable each, declared before the loop", () => {
  const out = hoistDispatchLocals(
    loop(`case 0: { const x = 1; let y: number; y = x; yield y; continue; }
      case 1: { const x = 2; for (let j = 0; j < x; j++) yield j; continue; }`),
    "run",
  );
  expect(out).toContain("let i: any, j: any, x: any, y: any;");
  expect(out).toContain("i = code[pc++];");
  expect(out).toContain("x = 1;");
  expect(out).toContain("for (j = 0; j < x; j++)");
  expect(out).not.toMatch(/\b(const|let) (x|y|j)\b(?!: any)/);
  // what it produces runs as the original did
  const js = out.replace(/: (any|number\[\]|number)/g, "");
  const run = new Function(`${js}; return run;`)() as (code: number[]) => Generator<number>;
  const gen = run([1, 0]);
  expect([gen.next().value, gen.next().value, gen.next().value]).toEqual([0, 1, 1]);
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
  expect(out).toMatch(/let i: any, x: any;\s*dispatch: for/);
  const js = out.replace(/: (any|number\[\]|number)/g, "");
  const run = new Function(`${js}; return run;`)() as (code: number[]) => Generator<number>;
  expect(run([0]).next().value).toBe(1);
});
