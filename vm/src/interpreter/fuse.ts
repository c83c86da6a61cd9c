// Fused arithmetic pairs: `x + a * b` compiles (lcode.c) to an arithmetic instruction that
// leaves a*b in a temporary register T and a second one that reads T:
//
//   MUL  T a b
//   ADD  r x T
//
// (the first: ADD, SUB, MUL, DIV or MOD with B a register; the second: ADD, SUB, MUL, DIV
// with any operands, or MOD by a positive integer constant, specialise.ts MOD_RK)
// Run one by one, the product is boxed (a float stored in the generic register array is a
// heap number) and the second instruction is dispatched on its own. When T is a temporary
// (no active local lives there, so nothing but the second instruction reads it), the first
// instruction gets a fused opcode instead: its case keeps the result in a JS local and runs
// the second instruction at once (execute.ts, after the switch), skipping its dispatch and
// the store to T. The second instruction stays in the stream unchanged: a jump to it, or a
// fused pair whose second operand is not a number (a metamethod, an error), runs it alone
// after storing T, so errors, metamethods and line numbers are exactly those of the pair
// run one by one.
//
// Chains: the second instruction of a pair may itself be the first of the next pair (`a * b
// / c + d` is MUL T; DIV T; ADD r), so that the whole expression runs in one dispatch with its
// intermediate results in a JS local (unboxed: spectral_norm's `1.0 / (ij * (ij + 1) / 2 + i
// + 1)` is one dispatch instead of three).
//
// Only the plain and resumable interpreters run fused code. The hooked form, where a count
// or line hook or debug.getlocal could observe T between the two, runs `plainOps`.

import { OpCode, type Proto } from "../proto.js";
import { Op, takesDataWord } from "./specialise.js";

/** The first fused opcode: FUSED + (op - Op.ADD_RK) for ADD_RK..DIV_RR (MOD_RK included). */
export const FUSED = 55;

/**
 * The operation of an instruction that can be the second of a pair, by (internal) opcode:
 * 0 ADD, 1 SUB, 2 MUL, 3 DIV, 4 MOD by a constant; -1 for the others.
 */
export const SECOND_OP = new Int8Array(64).fill(-1);
for (let o = 0; o < 4; o++) {
  SECOND_OP[OpCode.ADD + o] = o; // with a constant B (the only generic ones left, specialise.ts)
  SECOND_OP[Op.ADD_RK + o] = o;
  SECOND_OP[Op.ADD_RR + o] = o;
}
SECOND_OP[Op.MOD_RK] = 4;
// A second instruction that is itself the first of the next pair (a chain).
for (let o = 0; o <= Op.DIV_RR - Op.ADD_RK; o++) SECOND_OP[FUSED + o] = SECOND_OP[Op.ADD_RK + o];

/** Whether internal opcode `op` is ADD, SUB, MUL or DIV with B a register (specialise.ts). */
function isArith(op: number): boolean {
  return (op >= Op.ADD_RK && op <= Op.DIV_RK) || (op >= Op.ADD_RR && op <= Op.DIV_RR);
}

/** How many locals are active at `pc` (their registers are 0..n-1, lparser.c). */
function activeLocals(proto: Proto, pc: number): number {
  let n = 0;
  for (const v of proto.locvars) if (v.startpc <= pc && pc < v.endpc) n++;
  return n;
}

/**
 * `ops` (specialised) with each fusable pair's first instruction given its fused opcode.
 * Temporaries are known from the function's local variable info, so a stripped function
 * (luac -s: no line info, no locvars) is left unfused.
 */
export function fusePairs(ops: Int32Array, proto: Proto): Int32Array {
  const out = ops.slice();
  if (proto.lineinfo.length === 0) return out;
  for (let pc = 0; pc + 1 < out.length; pc++) {
    const first = out[pc];
    const op1 = first & 0x3f;
    if (takesDataWord(first)) {
      pc++;
      continue;
    }
    if (!isArith(op1) && op1 !== Op.MOD_RK) continue;
    const second = out[pc + 1];
    const op2 = second & 0x3f;
    if (SECOND_OP[op2] < 0) continue;
    const t = (first >>> 6) & 0xff;
    const b2 = second >>> 23;
    const c2 = (second >>> 14) & 0x1ff;
    const cIsRegister = (c2 & 0x100) === 0;
    // T read exactly once by the second instruction, as B or as a register C.
    const tAtB = b2 === t && !(cIsRegister && c2 === t);
    const tAtC = cIsRegister && c2 === t && b2 !== t;
    if (!tAtB && !tAtC) continue;
    if (t < activeLocals(proto, pc + 1)) continue;
    out[pc] = (first & ~0x3f) | (FUSED + op1 - Op.ADD_RK);
    // The second instruction may be the first of the next pair: the chain goes on.
  }
  return out;
}
