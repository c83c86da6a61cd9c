// Which instructions the VM fuses (vm/src/interpreter/fuse.ts): an arithmetic result kept in
// a temporary for the next instruction is fused with it, along whole chains; results that land
// in locals, stripped functions and instructions that are not arithmetic are left alone.
// What fused code computes is checked by the corpus (test/lua/operators/arith_chains*.lua,
// run in both modes); these tests pin down that fusion happens where it pays.

import { describe, expect, it } from "vitest";
import { compileToProto } from "../../../vm/src/codegen/index.js";
import { FUSED, fusePairs } from "../../../vm/src/interpreter/fuse.js";
import { specialise } from "../../../vm/src/interpreter/specialise.js";
import type { Proto } from "../../../vm/src/proto.js";

/** The first nested function of `source`, with each instruction marked fused or not. */
function fusedMarks(source: string, strip = false): boolean[] {
  const proto: Proto = compileToProto(source, "=fuse").protos[0];
  if (strip) {
    proto.lineinfo = [];
    proto.locvars = [];
  }
  const ops = fusePairs(specialise(proto.code, proto.constants), proto);
  return Array.from(ops, (i) => (i & 0x3f) >= FUSED);
}

describe("fused chains", () => {
  it("fuses every link of a chain of temporaries", () => {
    // ADD ij i j (a local: stored); ADD_RK T ij 1; MUL T ij T; DIV_RK T T 2; ADD T T i;
    // ADD_RK T T 1; DIV T 1.0 T (the end of the chain); RETURN; RETURN
    const marks = fusedMarks(
      "local function entry(i, j) local ij = i + j return 1.0 / (ij * (ij + 1) / 2 + i + 1) end",
    );
    expect(marks).toEqual([false, true, true, true, true, true, false, false, false]);
  });

  it("does not fuse a result stored in a local", () => {
    const marks = fusedMarks("local function f(a, b) local p = a * b local q = p + 1 return q end");
    expect(marks.some((m) => m)).toBe(false);
  });

  it("fuses a product feeding a sum, and stops at a non-arithmetic reader", () => {
    // MUL T a b; ADD r x T (fused pair); then GETTABLE T t k; MUL r T c (a table read: not fused)
    const marks = fusedMarks(
      "local function f(x, a, b, t, c) local r = x + a * b local s = t[1] * c return r, s end",
    );
    expect(marks.filter((m) => m).length).toBe(1);
  });

  it("leaves a stripped function unfused (no locals to tell temporaries from)", () => {
    const marks = fusedMarks("local function f(a, b, c) return a * b / c + 1 end", true);
    expect(marks.some((m) => m)).toBe(false);
  });
});
