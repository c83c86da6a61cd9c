// Which loops can run unboxed (numeric-kernel.ts runs them).
//
// A float kept in the interpreter's generic register array is a heap number: every store of
// one allocates, and a store into a long-lived array also goes through V8's write barrier.
// A loop whose body only moves numbers between registers (MOVE, LOADK of a number,
// arithmetic, comparisons, jumps, nested numeric `for`s) computes numbers only, whatever its
// iteration count: none of those instructions can call a metamethod, raise an error or see a
// non-number once every register it reads held a number when the loop began. Such a loop
// runs over a Float64Array copy of its registers and writes them back when it leaves.
//
// This file finds those loops when a function is prepared (sites.ts prepare): for each
// FORPREP, whether every instruction of its loop is of that kind, which registers the loop
// writes, and which it may read before writing them (a forward "definitely assigned" analysis
// from the FORLOOP, where the loop starts). Only those must hold numbers when the loop is
// entered; the others (temporaries, locals of the body) are written first on every path.
// A `while` loop is found the same way from its backward JMP (lcode.c puts the condition at
// the top): its instructions from the jump's target to the jump, entered at the target.
//
// The same holds for a whole function of that kind without loops, ending in RETURN of one
// value or none (`local function entry(i, j) local ij = i + j return 1 / (ij + 1) end`): a
// call to it with numbers for the parameters it reads runs the kernel without a frame
// (execute.ts CALL).

import { OpCode, type Proto } from "../proto.js";
import { SBX_BIAS } from "./frame.js";

/** A loop or a function of numbers only, that the kernel can run (numeric-kernel.ts). */
export interface NumericLoop {
  /**
   * The instructions lo..hi (standard Lua 5.1 opcodes), each constant operand renumbered to
   * where the constant sits in `f`; the kernel counts pcs from lo.
   */
  code: Int32Array;
  /**
   * The loop's first instruction and its last (a for loop's body and FORLOOP; a while loop's
   * condition and backward JMP); for a function, its first and last.
   */
  lo: number;
  hi: number;
  /**
   * Registers the loop may read before writing them, when entered (at a for loop's FORLOOP,
   * a while loop's first instruction); for a function, the parameters it reads first.
   */
  inputs: Int32Array;
  /** Every register some instruction of the loop reads. */
  reads: Int32Array;
  /** Every register some instruction of the loop writes. */
  outputs: Int32Array;
  /** Every register in `reads` or `outputs`: the ones copied in. */
  touched: Int32Array;
  /**
   * The kernel's register file: the frame's registers, then the constants the loop reads (an
   * RK operand of `code` is its own index here). One per loop is enough: the kernel calls
   * nothing, so it never runs twice at once.
   */
  f: Float64Array;
  /** The same memory as 32-bit words, for the "not written" mark (numeric-kernel.ts). */
  words: Uint32Array;
}

/**
 * Longer loops and functions are left to the interpreter: the analysis below costs time and
 * memory in proportion to length times frame size, and is paid when a chunk is loaded.
 */
const MAX_REGION = 1000;

/** The constant-or-register operand base of an RK field (lopcodes.h BITRK). */
const BITRK = 0x100;

/** What one instruction reads and writes, and where it goes next (within the loop or not). */
interface Step {
  reads: number[];
  writes: number[];
  /** Successors, each with the registers written on that edge. */
  next: { pc: number; writes: number[] }[];
}

/**
 * The effects of the instruction at `pc`, or undefined when the kernel cannot run it (any
 * other opcode, a constant that is not a number, a register outside the frame).
 */
function stepAt(
  proto: Proto,
  code: Int32Array,
  pc: number,
  frameSize: number,
  leaf: boolean,
): Step | undefined {
  const i = code[pc];
  const op = i & 0x3f;
  const a = (i >>> 6) & 0xff;
  const b = i >>> 23;
  const c = (i >>> 14) & 0x1ff;
  const sbx = (i >>> 14) - SBX_BIAS;
  const reg = (r: number) => r < frameSize;
  const numberK = (index: number) => typeof proto.constants[index] === "number";
  // An RK operand: a register of the frame or a number constant.
  const rk = (x: number) => (x & BITRK ? numberK(x & 0xff) : reg(x));
  const rkReads = (...xs: number[]) => xs.filter((x) => (x & BITRK) === 0);
  const plain = (reads: number[]): Step => ({
    reads,
    writes: [a],
    next: [{ pc: pc + 1, writes: [a] }],
  });
  switch (op) {
    case OpCode.MOVE:
      return reg(a) && reg(b) ? plain([b]) : undefined;
    case OpCode.LOADK: {
      // A NaN constant is left to the interpreter: the kernel's "not written" mark is a NaN.
      const v = proto.constants[i >>> 14];
      return reg(a) && typeof v === "number" && !Number.isNaN(v) ? plain([]) : undefined;
    }
    case OpCode.ADD:
    case OpCode.SUB:
    case OpCode.MUL:
    case OpCode.DIV:
    case OpCode.MOD:
    case OpCode.POW:
      return reg(a) && rk(b) && rk(c) ? plain(rkReads(b, c)) : undefined;
    case OpCode.UNM:
      return reg(a) && reg(b) ? plain([b]) : undefined;
    case OpCode.JMP:
      // A function runs without fuel checks: forward jumps only.
      if (leaf && sbx < 0) return undefined;
      return { reads: [], writes: [], next: [{ pc: pc + 1 + sbx, writes: [] }] };
    case OpCode.EQ:
    case OpCode.LT:
    case OpCode.LE: {
      // The comparison and the JMP after it run as one (lvm.c: dojump on the next instruction).
      const jump = code[pc + 1];
      if (!rk(b) || !rk(c) || jump === undefined || (jump & 0x3f) !== OpCode.JMP) return undefined;
      const target = pc + 2 + ((jump >>> 14) - SBX_BIAS);
      if (leaf && target < pc + 2) return undefined;
      return {
        reads: rkReads(b, c),
        writes: [],
        next: [
          { pc: pc + 2, writes: [] },
          { pc: target, writes: [] },
        ],
      };
    }
    case OpCode.RETURN:
      // return R(A) or nothing (a function only)
      if (!leaf || b < 1 || b > 2 || !reg(a)) return undefined;
      return { reads: b === 2 ? [a] : [], writes: [], next: [] };
    case OpCode.FORLOOP:
      if (leaf || !reg(a + 3)) return undefined;
      return {
        reads: [a, a + 1, a + 2],
        writes: [a, a + 3],
        next: [
          { pc: pc + 1 + sbx, writes: [a, a + 3] },
          { pc: pc + 1, writes: [] },
        ],
      };
    case OpCode.FORPREP:
      if (leaf || !reg(a + 3)) return undefined;
      return { reads: [a, a + 1, a + 2], writes: [a], next: [{ pc: pc + 1 + sbx, writes: [a] }] };
    default:
      return undefined;
  }
}

/** The loop whose FORPREP is at `prep`, or undefined when the kernel cannot run it. */
function loopAt(
  proto: Proto,
  code: Int32Array,
  prep: number,
  frameSize: number,
): NumericLoop | undefined {
  const hi = prep + 1 + ((code[prep] >>> 14) - SBX_BIAS);
  const forloop = code[hi];
  if (hi <= prep || forloop === undefined || (forloop & 0x3f) !== OpCode.FORLOOP) return undefined;
  const lo = hi + 1 + ((forloop >>> 14) - SBX_BIAS);
  if (lo !== prep + 1 || ((forloop >>> 6) & 0xff) !== ((code[prep] >>> 6) & 0xff)) return undefined;
  return regionOf(proto, code, lo, hi, hi, frameSize, false);
}

/**
 * The kernel's view of instructions lo..hi entered at `entry` (with no register assigned
 * yet), or undefined when one of them is not for the kernel. A function (`leaf`) must also
 * stay inside, and read no register before writing it but its parameters.
 */
function regionOf(
  proto: Proto,
  code: Int32Array,
  lo: number,
  hi: number,
  entry: number,
  frameSize: number,
  leaf: boolean,
): NumericLoop | undefined {
  if (hi - lo >= MAX_REGION) return undefined;
  const steps: Step[] = [];
  for (let pc = lo; pc <= hi; pc++) {
    const step = stepAt(proto, code, pc, frameSize, leaf);
    if (step === undefined) return undefined;
    steps.push(step);
  }
  const inside = (pc: number) => pc >= lo && pc <= hi;
  // Exits go to an instruction of the function (a function's stay inside it).
  const valid = (pc: number) => (leaf ? inside(pc) : pc >= 0 && pc < code.length);
  if (steps.some((step) => step.next.some((edge) => !valid(edge.pc)))) return undefined;

  // Definitely assigned registers at each instruction's start, from the entry (with none):
  // the meet over predecessors is the intersection, so every other instruction starts from
  // "all" and only loses registers.
  const assigned = steps.map(() => new Uint8Array(frameSize).fill(1));
  assigned[entry - lo].fill(0);
  const work = steps.map((_, j) => lo + j);
  const queued = new Uint8Array(steps.length).fill(1);
  while (work.length > 0) {
    const pc = work.pop() as number;
    queued[pc - lo] = 0;
    const here = assigned[pc - lo];
    for (const edge of steps[pc - lo].next) {
      if (!inside(edge.pc)) continue;
      const there = assigned[edge.pc - lo];
      let changed = false;
      for (let r = 0; r < frameSize; r++) {
        if (there[r] === 1 && here[r] === 0 && !edge.writes.includes(r)) {
          there[r] = 0;
          changed = true;
        }
      }
      if (changed && queued[edge.pc - lo] === 0) {
        queued[edge.pc - lo] = 1;
        work.push(edge.pc);
      }
    }
  }
  // A register is unassigned only at instructions the entry reaches (the entry's is where
  // every loss starts), so the code that never runs adds no inputs.
  const inputs = new Set<number>();
  const reads = new Set<number>();
  const outputs = new Set<number>();
  for (let pc = lo; pc <= hi; pc++) {
    const step = steps[pc - lo];
    for (const r of step.reads) {
      reads.add(r);
      if (assigned[pc - lo][r] === 0) inputs.add(r);
    }
    for (const r of step.writes) outputs.add(r);
  }
  if (leaf && [...inputs].some((r) => r >= proto.numparams)) return undefined;
  const constants: number[] = [];
  const region = code.slice(lo, hi + 1);
  for (let j = 0; j < region.length; j++) {
    const renumbered = withConstantsAt(region[j], frameSize, proto, constants);
    if (renumbered === undefined) return undefined;
    region[j] = renumbered;
  }
  const f = new Float64Array(frameSize + constants.length);
  f.set(constants, frameSize);
  const sorted = (s: Set<number>) => Int32Array.from([...s].sort((x, y) => x - y));
  return {
    code: region,
    lo,
    hi,
    inputs: sorted(inputs),
    reads: sorted(reads),
    outputs: sorted(outputs),
    touched: sorted(new Set([...reads, ...outputs])),
    f,
    words: new Uint32Array(f.buffer),
  };
}

/**
 * Instruction `i` with each constant it reads (LOADK's Bx, an RK operand) renumbered to
 * frameSize + its place in `constants` (added there on first use); undefined when they do not
 * fit an RK field (more than 511 registers and constants).
 */
function withConstantsAt(
  i: number,
  frameSize: number,
  proto: Proto,
  constants: number[],
): number | undefined {
  const op = i & 0x3f;
  const place = (k: number) => {
    const v = proto.constants[k] as number;
    let at = constants.indexOf(v);
    // Object.is: 0 and -0 are two constants (indexOf would take one for the other).
    if (at < 0 || !Object.is(constants[at], v)) {
      at = constants.length;
      constants.push(v);
    }
    return frameSize + at;
  };
  if (op === OpCode.LOADK) return (i & 0x3fff) | (place(i >>> 14) << 14);
  const arithmetic = op >= OpCode.ADD && op <= OpCode.POW;
  const comparison = op >= OpCode.EQ && op <= OpCode.LE;
  if (!arithmetic && !comparison) return i;
  let b = i >>> 23;
  let c = (i >>> 14) & 0x1ff;
  if (b & BITRK) b = place(b & 0xff);
  if (c & BITRK) c = place(c & 0xff);
  if (b > 0x1ff || c > 0x1ff) return undefined;
  return ((i & 0x3fff) | (c << 14) | (b << 23)) >>> 0;
}

/**
 * Whether instruction `i` runs the JMP after it itself (lvm.c: the comparisons, TEST, TESTSET
 * and TFORLOOP do `dojump` on the next instruction), so that JMP's own case never runs it.
 */
function takesJump(i: number | undefined): boolean {
  const op = i === undefined ? -1 : i & 0x3f;
  return (op >= OpCode.EQ && op <= OpCode.TESTSET) || op === OpCode.TFORLOOP;
}

/**
 * The numeric loops of a function, by the pc of their FORLOOP (where the interpreter's
 * FORPREP jumps to) or of their backward JMP, or NO_LOOPS when it has none.
 */
export function numericLoops(
  proto: Proto,
  code: Int32Array,
  frameSize: number,
): readonly (NumericLoop | undefined)[] {
  let loops: (NumericLoop | undefined)[] | undefined;
  for (let pc = 0; pc < code.length; pc++) {
    const op = code[pc] & 0x3f;
    const sbx = (code[pc] >>> 14) - SBX_BIAS;
    let loop: NumericLoop | undefined;
    if (op === OpCode.FORPREP) loop = loopAt(proto, code, pc, frameSize);
    else if (op === OpCode.JMP && sbx < 0 && pc + 1 + sbx >= 0 && !takesJump(code[pc - 1])) {
      // a while loop (or any backward jump the JMP case runs): from its target, entered there
      const top = pc + 1 + sbx;
      loop = regionOf(proto, code, top, pc, top, frameSize, false);
    }
    if (loop === undefined) continue;
    loops ??= Array.from({ length: code.length }, () => undefined);
    loops[loop.hi] = loop;
  }
  return loops ?? NO_LOOPS;
}

/**
 * `ops` with the backward JMPs that enter a numeric loop marked by A = 1 (lopcodes.h: JMP does
 * not use A, 0 in every chunk luac writes), so the interpreter's JMP case looks a loop up only
 * for those. Returns `ops`.
 */
export function markLoopJumps(
  ops: Int32Array,
  loops: readonly (NumericLoop | undefined)[],
): Int32Array {
  for (let pc = 0; pc < loops.length; pc++) {
    if (loops[pc] !== undefined && (ops[pc] & 0x3f) === OpCode.JMP) ops[pc] |= 1 << 6;
  }
  return ops;
}

/**
 * The function itself when the kernel can run it whole (no loops; numbers in, one number or
 * nothing out), else undefined. Vararg functions are left out (their frame is built apart).
 */
export function numericLeaf(
  proto: Proto,
  code: Int32Array,
  frameSize: number,
): NumericLoop | undefined {
  if (proto.is_vararg !== 0 || code.length === 0) return undefined;
  return regionOf(proto, code, 0, code.length - 1, 0, frameSize, true);
}

/** The loops of a function without any (reads past its end are undefined). */
export const NO_LOOPS: readonly (NumericLoop | undefined)[] = Object.freeze([]);
