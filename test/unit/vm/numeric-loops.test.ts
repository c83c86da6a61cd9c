// Which numeric for loops and which functions the VM runs over unboxed numbers
// (vm/src/interpreter/numeric-loops.ts), and which registers it checks, copies and writes back.
// What they compute is checked by the corpus (test/lua/control/numeric_for_numbers_only.lua,
// test/lua/functions/numeric_functions.lua, run on lua5.1 and the VM); these tests pin down
// that the kernel is used where it can be and nowhere else.

import { describe, expect, it } from "vitest";
import { compileToProto } from "../../../vm/src/codegen/index.js";
import {
  markLoopJumps,
  type NumericLoop,
  numericLeaf,
  numericLoops,
} from "../../../vm/src/interpreter/numeric-loops.js";
import { OpCode, type Proto } from "../../../vm/src/proto.js";

/** The numeric loops of the first nested function of `source`, outermost first. */
function loopsOf(source: string): NumericLoop[] {
  const proto: Proto = compileToProto(source, "=loops").protos[0];
  const code = Int32Array.from(proto.code);
  const found = numericLoops(proto, code, Math.max(proto.maxstacksize, proto.numparams));
  return found.filter((l): l is NumericLoop => l !== undefined).sort((a, b) => a.lo - b.lo);
}

/** The register of local `name` (the first with that name) in the first nested function. */
function registerOf(source: string, name: string): number {
  const proto: Proto = compileToProto(source, "=loops").protos[0];
  const live = proto.locvars.filter((v) => v.name === name)[0];
  // Locals take registers in declaration order among those alive at their start.
  return proto.locvars
    .filter((v) => v.startpc <= live.startpc && v.endpc > live.startpc)
    .indexOf(live);
}

describe("numeric loops", () => {
  const benchmark = `local function f(n)
    local isum, fsum, x = 0, 0.0, 0.0
    for i = 1, n do
      isum = (isum + i * 3) % 65521
      x = x + 0.25
      if x > 100 then x = x - 100 end
      fsum = fsum + x / (i % 7 + 1)
    end
    return isum, fsum, x
  end`;

  it("takes a loop of arithmetic, comparisons and jumps", () => {
    const [loop] = loopsOf(benchmark);
    expect(loop).toBeDefined();
    expect(loop.code[loop.hi - loop.lo] & 0x3f).toBe(OpCode.FORLOOP);
    expect(loop.code.length).toBe(loop.hi - loop.lo + 1);
  });

  it("checks the locals read before written and the loop's control registers, not temporaries", () => {
    const [loop] = loopsOf(benchmark);
    const [isum, fsum, x] = ["isum", "fsum", "x"].map((n) => registerOf(benchmark, n));
    const base = registerOf(benchmark, "(for index)");
    expect([...loop.inputs]).toEqual([isum, fsum, x, base, base + 1, base + 2]);
    // The temporaries above the loop variable are written (and copied back) but never checked.
    const temporary = base + 4;
    expect(loop.outputs).toContain(temporary);
    expect(loop.inputs).not.toContain(temporary);
    expect(loop.touched).toContain(temporary);
  });

  it("does not check a local the loop only writes, nor one written before every read", () => {
    const source = `local function f(s)
      local kept, t = "text", nil
      for i = 1, 10 do
        if i > 100 then kept = i end
        t = i * 2
        t = t + 1
      end
      return kept, t
    end`;
    const [loop] = loopsOf(source);
    const kept = registerOf(source, "kept");
    const t = registerOf(source, "t");
    expect([...loop.outputs]).toEqual(expect.arrayContaining([kept, t]));
    expect(loop.inputs).not.toContain(kept);
    expect(loop.inputs).not.toContain(t);
    expect(loop.reads).toContain(t);
  });

  it("checks a local written on one path only before it is read", () => {
    const source = `local function f(u)
      for i = 1, 10 do
        if i > 5 then u = i end
        u = u + 1
      end
      return u
    end`;
    const [loop] = loopsOf(source);
    expect(loop.inputs).toContain(registerOf(source, "u"));
  });

  it("takes nested loops and while loops, each on its own too", () => {
    const loops = loopsOf(`local function f()
      local t = 0
      for i = 1, 10 do
        for j = 1, i do t = t + j end
        while t > 100 do t = t - 7 end
        repeat t = t + 1 until t % 3 == 0
      end
      return t
    end`);
    // the outer for, the inner for and the while (entered at its backward JMP); the repeat's
    // backward jump is its condition's, which the interpreter takes in the comparison
    const last = (l: NumericLoop) => l.code[l.code.length - 1] & 0x3f;
    expect(loops.map(last)).toEqual([OpCode.FORLOOP, OpCode.FORLOOP, OpCode.JMP]);
    expect(loops[1].hi).toBeLessThan(loops[0].hi);
    expect(loops[2].hi).toBeLessThan(loops[0].hi);
  });

  it("marks the backward JMP of a numeric while loop, and no other JMP", () => {
    const source = `local function f(t)
      local n = 0
      while n < 100 do n = n + 1 end
      while n > 0 do n = n - #t end
      if n > 5 then n = 5 end
      return n
    end`;
    const proto: Proto = compileToProto(source, "=loops").protos[0];
    const code = Int32Array.from(proto.code);
    const loops = numericLoops(proto, code, proto.maxstacksize);
    const marked = markLoopJumps(code.slice(), loops);
    const jumps = Array.from(marked).filter((i) => (i & 0x3f) === OpCode.JMP);
    // the first while's backward JMP only (the second reads #t; the others jump forward)
    expect(jumps.map((i) => (i >>> 6) & 0xff)).toEqual(jumps.map((_, j) => (j === 1 ? 1 : 0)));
    expect(jumps.length).toBeGreaterThan(3);
  });

  it("leaves loops with calls, tables, strings, booleans, closures or upvalues alone", () => {
    const bodies = [
      "t = t + math.sqrt(i)", // GETGLOBAL, CALL
      "t = t + g[i]", // GETTABLE
      "t = t .. i", // CONCAT
      't = t + "1"', // a string constant
      "t = not t", // NOT
      "t = t + #g", // LEN
      "local h = function() return i end", // CLOSURE
      "t = t + up", // GETUPVAL
      "t = i == 1", // a comparison's boolean result (LOADBOOL)
      "local z", // LOADNIL
    ];
    for (const body of bodies) {
      const source = `local up = 1 local function f(g) local t = 0 for i = 1, 10 do ${body} end return t end`;
      expect(loopsOf(source), body).toEqual([]);
    }
  });

  it("keeps the constants a loop reads after its registers, renumbered in its code", () => {
    const source =
      "local function f() local t = 0 for i = 1, 10 do t = t * 2.5 + 7 end return t end";
    const proto: Proto = compileToProto(source, "=loops").protos[0];
    const [loop] = loopsOf(source);
    expect(Array.from(loop.f.subarray(proto.maxstacksize))).toEqual([2.5, 7]);
    // MUL t t K(2.5): its C operand is now where 2.5 sits in f
    const mul = Array.from(loop.code).find((i) => (i & 0x3f) === OpCode.MUL) as number;
    expect(loop.f[(mul >>> 14) & 0x1ff]).toBe(2.5);
  });
});

/** Whether the first nested function of `source` runs whole in the kernel. */
function isLeaf(source: string): boolean {
  const proto: Proto = compileToProto(source, "=leaf").protos[0];
  const size = Math.max(proto.maxstacksize, proto.numparams);
  return numericLeaf(proto, Int32Array.from(proto.code), size) !== undefined;
}

describe("numeric functions", () => {
  it("takes arithmetic on parameters returning one value or none, with branches", () => {
    expect(
      isLeaf("local function f(i, j) local ij = i + j return 1 / (ij * (ij + 1) / 2 + i + 1) end"),
    ).toBe(true);
    expect(
      isLeaf(
        "local function f(x, lo, hi) if x < lo then return lo end if x > hi then return hi end return x end",
      ),
    ).toBe(true);
    expect(isLeaf("local function f(x) local y = x * 2 end")).toBe(true);
    expect(isLeaf("local function f() return 42 end")).toBe(true);
  });

  it("checks only the parameters it reads before writing them", () => {
    const proto: Proto = compileToProto("local function f(a, b, c) b = 2 return b * c end", "=leaf")
      .protos[0];
    const leaf = numericLeaf(proto, Int32Array.from(proto.code), proto.maxstacksize);
    expect([...(leaf?.inputs ?? [])]).toEqual([2]);
  });

  it("leaves functions with loops, calls, several results, varargs, upvalues or non-numbers alone", () => {
    const sources = [
      "local function f(n) local s = 0 for i = 1, n do s = s + i end return s end",
      "local function f(n) while n > 1 do n = n / 2 end return n end",
      "local function f(x) return math.floor(x) end",
      "local function f(x, y) return x + y, x - y end",
      "local function f(...) local x = ... return x + 1 end",
      "local k = 2 local function f(x) return x * k end",
      'local function f(x) return x .. "" end',
      "local function f(x) return x == 1 end",
      "local function f(t) return t[1] + 1 end",
      "local function f(x) return g(x) end",
    ];
    for (const source of sources) expect(isLeaf(source), source).toBe(false);
  });
});
