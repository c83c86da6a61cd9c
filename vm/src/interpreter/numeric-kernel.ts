// Runs a loop or a function of numbers only (numeric-loops.ts) over unboxed numbers: its
// registers are copied into a Float64Array, it runs there with the interpreter's own rules for
// each instruction (the same luai_num* operations, the same fuel charges at backward jumps),
// and the registers a loop wrote are copied back when it leaves. Nothing in it can call out,
// raise an error or suspend, so no one can see the registers in between.
//
// A register the loop writes may hold a non-number when it starts (a temporary, a local of
// the body from an earlier run): the kernel never reads it before writing it (that is how
// `inputs` was computed), but it must not write a value back if the loop left before writing
// it. Such registers start as a signaling NaN with a payload of our own, which no arithmetic
// produces (x86 and V8 return quiet NaNs) and no LOADK loads (loops loading a NaN constant are
// left to the interpreter); one still holding it when the loop leaves keeps its old value.

import { F as FUEL, fuelOut, type LuaValue, luaMod, luaPow, MAX_DEPTH, R } from "@lunette/runtime";
import { SBX_BIAS } from "./frame.js";
import type { NumericLoop } from "./numeric-loops.js";

const F = FUEL;

/** The "not written" mark: a signaling NaN (quiet bit clear), high and low words. */
const UNSET_HIGH = 0x7ff4_1e7e;
const UNSET_LOW = 0x4c55_4e45;

/** Loops expected to run fewer times than this stay in the interpreter (copying costs). */
export const MIN_TRIPS = 8;

/**
 * Runs `loop` from `start` (where it is entered, right after the FORPREP or the backward JMP,
 * with `entry`; any instruction of it after a refill of fuel, without). Returns the pc the
 * interpreter goes on from: `start` itself when a register the loop reads does not hold a
 * number (the interpreter runs the loop instead), where the loop left, or ~pc (negative) when
 * the fuel ran out at a backward jump to pc, after the jump (enterNumericLoop refills it).
 */
function runNumericLoop(
  loop: NumericLoop,
  regs: LuaValue[],
  start: number,
  entry: boolean,
): number {
  if (start < loop.lo || start > loop.hi) return start;
  // From its entry only the registers read before being written must be numbers; from
  // elsewhere, all that are read. A NaN is left out too (see above: the mark is one).
  const check = entry ? loop.inputs : loop.reads;
  for (let j = 0; j < check.length; j++) {
    const v = regs[check[j]];
    if (typeof v !== "number" || Number.isNaN(v)) return start;
  }
  const f = loop.f;
  const words = loop.words;
  const touched = loop.touched;
  for (let j = 0; j < touched.length; j++) {
    const r = touched[j];
    const v = regs[r];
    if (typeof v === "number") f[r] = v;
    else {
      words[2 * r] = UNSET_LOW;
      words[2 * r + 1] = UNSET_HIGH;
    }
  }
  const to = run(loop.code, f, start - loop.lo, loop.lo);
  const outputs = loop.outputs;
  for (let j = 0; j < outputs.length; j++) {
    const r = outputs[j];
    if (words[2 * r + 1] !== UNSET_HIGH || words[2 * r] !== UNSET_LOW) regs[r] = f[r];
  }
  return to;
}

/**
 * Runs `loop` from `pc` as runNumericLoop does, refilling fuel (fuelOut) when it runs out at a
 * backward jump, as the interpreter's own backward jumps do. Returns the pc the interpreter
 * goes on from, or ~pc when a task's slice ended at a backward jump to pc (fuelOut returned
 * true): the resumable form suspends there, then calls again from pc without `entry`; the
 * others, which cannot suspend, call again at once.
 */
export function enterNumericLoop(
  loop: NumericLoop,
  regs: LuaValue[],
  pc: number,
  entry: boolean,
): number {
  let to = runNumericLoop(loop, regs, pc, entry);
  while (to < 0) {
    if (fuelOut()) return to;
    to = runNumericLoop(loop, regs, ~to, false);
  }
  return to;
}

/** What callNumericLeaf returns when the call is left to the interpreter. */
export const NOT_RUN: unique symbol = Symbol("not run");

/**
 * A call of numeric function `leaf` (numeric-loops.ts numericLeaf) from a frame at `depth`
 * with arguments regs[first..first+n-1], run without a frame: its results as a function
 * returns them, or NOT_RUN when a parameter it reads is not a number, or when the call would
 * overflow the stack or need fuel (the interpreter's call then raises or refills, as always).
 * Otherwise it charges the unit of fuel every function entry does.
 */
export function callNumericLeaf(
  leaf: NumericLoop,
  regs: LuaValue[],
  first: number,
  n: number,
  depth: number,
): LuaValue | typeof NOT_RUN {
  if (depth >= MAX_DEPTH || F.fuel <= 0 || !numericArguments(leaf, regs, first, n)) return NOT_RUN;
  F.fuel--;
  return runNumericLeaf(leaf);
}

/**
 * Whether a call with arguments regs[first..first+n-1] can run numeric function `leaf`: every
 * parameter it reads is a number. Copies them in.
 */
function numericArguments(leaf: NumericLoop, regs: LuaValue[], first: number, n: number): boolean {
  const f = leaf.f;
  const inputs = leaf.inputs;
  for (let j = 0; j < inputs.length; j++) {
    const p = inputs[j];
    const v = p < n ? regs[first + p] : undefined;
    if (typeof v !== "number") return false;
    f[p] = v;
  }
  return true;
}

/**
 * Runs numeric function `leaf` on the arguments numericArguments copied in; returns its result
 * as a function returns it (the value, the count in R.n). It has no loops, so no fuel runs out
 * in it; nothing of its frame outlives it, so nothing is copied back.
 */
function runNumericLeaf(leaf: NumericLoop): LuaValue {
  const i = leaf.code[run(leaf.code, leaf.f, 0, 0)]; // its RETURN A B, B = 1 or 2
  if (i >>> 23 === 1) {
    R.n = 0;
    return undefined;
  }
  R.n = 1;
  return leaf.f[(i >>> 6) & 0xff];
}

/**
 * The loop itself: lvm.c's cases for the instructions numeric-loops.ts admits, on numbers
 * (the interpreter's number paths, execute.ts), with pcs counted from the loop's first
 * instruction, the function's pc `lo`. Returns the function's pcs as runNumericLoop does (an
 * exit may be before the loop: a nested loop's condition jumps to the enclosing loop's top),
 * and a RETURN's own pc (a function's). The cases are opcode literals, as in execute.ts, so
 * that V8 compiles the switch to a jump table.
 */
function run(code: Int32Array, f: Float64Array, start: number, lo: number): number {
  const last = code.length - 1;
  let pc = start;
  for (;;) {
    const i = code[pc++];
    switch (i & 0x3f) {
      case 0: // MOVE
        f[(i >>> 6) & 0xff] = f[i >>> 23];
        continue;
      case 1: // LOADK
        f[(i >>> 6) & 0xff] = f[i >>> 14];
        continue;
      case 12: // ADD
        f[(i >>> 6) & 0xff] = f[i >>> 23] + f[(i >>> 14) & 0x1ff];
        continue;
      case 13: // SUB
        f[(i >>> 6) & 0xff] = f[i >>> 23] - f[(i >>> 14) & 0x1ff];
        continue;
      case 14: // MUL
        f[(i >>> 6) & 0xff] = f[i >>> 23] * f[(i >>> 14) & 0x1ff];
        continue;
      case 15: // DIV
        f[(i >>> 6) & 0xff] = f[i >>> 23] / f[(i >>> 14) & 0x1ff];
        continue;
      case 16: // MOD
        f[(i >>> 6) & 0xff] = luaMod(f[i >>> 23], f[(i >>> 14) & 0x1ff]);
        continue;
      case 17: // POW
        f[(i >>> 6) & 0xff] = luaPow(f[i >>> 23], f[(i >>> 14) & 0x1ff]);
        continue;
      case 18: // UNM
        f[(i >>> 6) & 0xff] = -f[i >>> 23];
        continue;
      case 22: {
        // JMP
        const sbx = (i >>> 14) - SBX_BIAS;
        pc += sbx;
        if (sbx < 0 && (F.fuel += sbx) < 0) return ~(pc + lo);
        if (pc < 0 || pc > last) return pc + lo;
        continue;
      }
      case 23:
      case 24:
      case 25: {
        // EQ, LT, LE: if (RK(B) op RK(C)) ~= A then skip the JMP after it, else take it
        const x = f[i >>> 23];
        const y = f[(i >>> 14) & 0x1ff];
        const op = i & 0x3f;
        const holds = op === 24 ? x < y : op === 25 ? x <= y : x === y; // LT, LE, EQ
        if (holds === (((i >>> 6) & 0xff) !== 0)) {
          const sbx = (code[pc] >>> 14) - SBX_BIAS;
          pc += sbx + 1;
          if (sbx < 0 && (F.fuel += sbx) < 0) return ~(pc + lo);
          if (pc < 0 || pc > last) return pc + lo;
        } else pc++;
        continue;
      }
      case 30: // RETURN (a function's): where it is
        return pc - 1 + lo;
      case 31: {
        // FORLOOP
        const a = (i >>> 6) & 0xff;
        const step = f[a + 2];
        const idx = f[a] + step;
        if (step > 0 ? idx <= f[a + 1] : f[a + 1] <= idx) {
          const sbx = (i >>> 14) - SBX_BIAS;
          pc += sbx;
          f[a] = idx;
          f[a + 3] = idx;
          if ((F.fuel += sbx) < 0) return ~(pc + lo);
          if (pc < 0 || pc > last) return pc + lo;
        } else if (pc > last) return pc + lo;
        continue;
      }
      case 32: {
        // FORPREP
        const a = (i >>> 6) & 0xff;
        f[a] = f[a] - f[a + 2];
        pc += (i >>> 14) - SBX_BIAS;
        if (pc < 0 || pc > last) return pc + lo;
        continue;
      }
      default:
        throw new Error(`numeric loop: unexpected opcode ${i & 0x3f}`);
    }
  }
}
