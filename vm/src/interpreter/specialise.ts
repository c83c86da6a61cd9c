// The interpreter's own instruction stream: lvm.c decodes each RK operand (register or
// constant) at run time; here an instruction whose operand kinds are known at load time gets
// an internal opcode (38 and up, which Lua 5.1 leaves free in its 6-bit field) with the same
// A, B and C fields, so the interpreter's case for it has no kind test. Only
// PreparedProto.code is rewritten: the Proto (string.dump, listings, error names, the debug
// library) keeps the original instructions.

import { OpCode } from "../proto.js";
import { fieldSlot } from "./field-slots.js";

/** Internal opcodes. `K` marks a constant operand, `R` a register. */
export const Op = {
  /** R(A) := R(B) op K(C) */
  ADD_RK: 38,
  SUB_RK: 39,
  MUL_RK: 40,
  DIV_RK: 41,
  /** R(A) := R(B) % K(C), K(C) a positive int32 */
  MOD_RK: 42,
  /** R(A) := R(B) op R(C) */
  ADD_RR: 43,
  SUB_RR: 44,
  MUL_RR: 45,
  DIV_RR: 46,
  /** R(A) := R(B)[K(C)], K(C) a string */
  GETFIELD: 47,
  /** R(A)[K(B)] := RK(C), K(B) a string */
  SETFIELD: 48,
  /** SELF with K(C) a string */
  SELF_K: 49,
  /** EQ / LT / LE with R(B) and K(C) */
  EQ_RK: 50,
  LT_RK: 51,
  LE_RK: 52,
  /** LT / LE with K(B) and R(C) */
  LT_KR: 53,
  LE_KR: 54,
} as const;

const BITRK = 0x100;

/** The internal opcode of instruction `i`, or its own. */
function internalOp(i: number, constants: readonly unknown[]): number {
  const op = i & 0x3f;
  const b = i >>> 23;
  const c = (i >>> 14) & 0x1ff;
  const bk = (b & BITRK) !== 0;
  const ck = (c & BITRK) !== 0;
  const stringK = (rk: number) => typeof constants[rk & 0xff] === "string";
  switch (op) {
    case OpCode.ADD:
    case OpCode.SUB:
    case OpCode.MUL:
    case OpCode.DIV: {
      if (bk) return op;
      const base = ck ? Op.ADD_RK : Op.ADD_RR;
      return base + (op - OpCode.ADD);
    }
    case OpCode.MOD: {
      // Only a positive int32 divisor: the interpreter then takes integer dividends' remainder
      // with JS `%` (luai_nummod's floor(a/b) is exact for them).
      const y = constants[c & 0xff];
      const intK = typeof y === "number" && (y | 0) === y && y > 0;
      return !bk && ck && intK ? Op.MOD_RK : op;
    }
    case OpCode.GETTABLE:
      return ck && stringK(c) ? Op.GETFIELD : op;
    case OpCode.SETTABLE:
      return bk && stringK(b) ? Op.SETFIELD : op;
    case OpCode.SELF:
      return ck && stringK(c) ? Op.SELF_K : op;
    case OpCode.EQ:
      return !bk && ck ? Op.EQ_RK : op;
    case OpCode.LT:
      return !bk && ck ? Op.LT_RK : bk && !ck ? Op.LT_KR : op;
    case OpCode.LE:
      return !bk && ck ? Op.LE_RK : bk && !ck ? Op.LE_KR : op;
    default:
      return op;
  }
}

/** Whether instruction `i` takes the next word as data: SETLIST with C = 0 (lvm.c OP_SETLIST). */
export function takesDataWord(i: number): boolean {
  return (i & 0x3f) === OpCode.SETLIST && ((i >>> 14) & 0x1ff) === 0;
}

/** The code the interpreter runs for a function with instructions `code`. */
export function specialise(code: readonly number[], constants: readonly unknown[]): Int32Array {
  const out = Int32Array.from(code);
  for (let pc = 0; pc < out.length; pc++) {
    const i = out[pc];
    out[pc] = (i & ~0x3f) | internalOp(i, constants);
    if (takesDataWord(i)) pc++;
  }
  return out;
}

/**
 * The field slot (field-slots.ts) of the constant key of each GETFIELD, SETFIELD, SELF_K,
 * GETGLOBAL and SETGLOBAL of `ops`, 0 elsewhere.
 */
export function fieldSlots(ops: Int32Array, constants: readonly unknown[]): Uint8Array {
  const out = new Uint8Array(ops.length);
  for (let pc = 0; pc < ops.length; pc++) {
    const i = ops[pc];
    const op = i & 0x3f;
    if (takesDataWord(i)) pc++;
    else if (op === Op.GETFIELD || op === Op.SELF_K)
      out[pc] = fieldSlot(constants[(i >>> 14) & 0xff] as string);
    else if (op === Op.SETFIELD) out[pc] = fieldSlot(constants[(i >>> 23) & 0xff] as string);
    else if (op === OpCode.GETGLOBAL || op === OpCode.SETGLOBAL)
      out[pc] = fieldSlot(constants[i >>> 14] as string);
  }
  return out;
}
