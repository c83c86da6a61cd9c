// Error positions for VM code. Every instruction gets a runtime site (runtime/src/sites.ts):
// its line from `lineinfo` and the lua5.1 names of its operands from the bytecode (ldebug.c's
// getobjname, see symbexec.ts), so the hot loop only reads `sites[pc]` and the runtime's slow
// paths word their errors as lua5.1 does.

import {
  chunkId,
  type LuaValue,
  registerLazySites,
  registerSites,
  type SiteEntry,
} from "@lunette/runtime";
import { BITRK, getA, getB, getC, getOp, OpCode, type Proto } from "../proto.js";
import { fusePairs } from "./fuse.js";
import { markLoopJumps, type NumericLoop, numericLeaf, numericLoops } from "./numeric-loops.js";
import { fieldSlots, specialise } from "./specialise.js";
import { registerName } from "./symbexec.js";

/** A Proto ready to run: its instructions, constants and lazily registered sites. */
export interface PreparedProto {
  proto: Proto;
  /** The function's instructions, as in the Proto. */
  code: Int32Array;
  /**
   * The instructions the plain and resumable interpreters run: internal opcodes 38 and up
   * (specialise.ts), fused arithmetic pairs (fuse.ts), JMPs that enter a numeric loop marked
   * (numeric-loops.ts markLoopJumps).
   */
  ops: Int32Array;
  /** The same without fused pairs, for the hooked interpreter. */
  plainOps: Int32Array;
  /**
   * The loops the plain and resumable interpreters run unboxed (numeric-loops.ts), by the pc
   * of their FORLOOP or of their backward JMP.
   */
  numericLoops: readonly (NumericLoop | undefined)[];
  /** The function itself when the kernel can run it whole (numeric-loops.ts numericLeaf). */
  numericLeaf: NumericLoop | undefined;
  /** The field slot of each named-field access in `ops` (field-slots.ts). */
  fieldSlots: Uint8Array;
  constants: (undefined | boolean | number | string)[];
  protos: PreparedProto[];
  /** The function's definition site (0 until registerProto runs). */
  definition: number;
  /** Site id per instruction (valid once registered). */
  sites: Int32Array;
  /** Extra sites for concatenation steps, keyed by pc * 256 + left register. */
  concatSites: Map<number, number> | undefined;
  /** Register array size of an activation (maxstacksize, at least numparams). */
  frameSize: number;
  /** frameSize nils, a packed array that each activation copies (frame.ts calleeRegisters). */
  blank: LuaValue[];
  numparams: number;
  /** Whether the function is vararg (its arguments are kept as given). */
  vararg: boolean;
  /** luaO_chunkid of the function's source. */
  chunkName: string;
}

/** A packed (never holey) array of n nils: V8 keeps reads of packed arrays cheapest. */
function nils(n: number): LuaValue[] {
  const out: LuaValue[] = [];
  for (let j = 0; j < n; j++) out.push(undefined);
  return out;
}

export function prepare(proto: Proto): PreparedProto {
  const plainOps = specialise(proto.code, proto.constants);
  const code = Int32Array.from(proto.code);
  const frameSize = Math.max(proto.maxstacksize, proto.numparams);
  const loops = numericLoops(proto, code, frameSize);
  return {
    proto,
    code,
    ops: markLoopJumps(fusePairs(plainOps, proto), loops),
    plainOps,
    numericLoops: loops,
    numericLeaf: numericLeaf(proto, code, frameSize),
    fieldSlots: fieldSlots(plainOps, proto.constants),
    constants: proto.constants.slice(),
    protos: proto.protos.map(prepare),
    sites: new Int32Array(proto.code.length),
    concatSites: undefined,
    definition: 0,
    frameSize,
    blank: nils(frameSize),
    numparams: proto.numparams,
    vararg: proto.is_vararg !== 0,
    chunkName: chunkId(proto.source ?? "=?"),
  };
}

/** currentline: the instruction's line, 0 when the chunk was stripped of line info. */
function lineOf(proto: Proto, pc: number): number {
  return proto.lineinfo[pc] ?? 0;
}

/** The name of an RK operand: constants have none (luaG_typeerror names stack values only). */
function operandName(proto: Proto, pc: number, rk: number): string | undefined {
  return rk & BITRK ? undefined : registerName(proto, pc, rk);
}

/** The operand names of instruction `pc` that its errors may mention. */
function namesAt(proto: Proto, pc: number): [string | undefined, string | undefined] {
  const i = proto.code[pc];
  switch (getOp(i)) {
    case OpCode.GETTABLE:
    case OpCode.SELF:
    case OpCode.UNM:
    case OpCode.LEN:
      return [registerName(proto, pc, getB(i)), undefined];
    case OpCode.SETTABLE:
    case OpCode.CALL:
    case OpCode.TAILCALL:
    case OpCode.TFORLOOP:
      // For a TFORLOOP, getfuncname names the iterator `(for generator)` in argument errors.
      return [registerName(proto, pc, getA(i)), undefined];
    case OpCode.ADD:
    case OpCode.SUB:
    case OpCode.MUL:
    case OpCode.DIV:
    case OpCode.MOD:
    case OpCode.POW:
      return [operandName(proto, pc, getB(i)), operandName(proto, pc, getC(i))];
    default:
      return [undefined, undefined];
  }
}

/** Functions up to this long get their operand names when registered; longer ones lazily. */
const EAGER_NAMES = 256;

/**
 * Registers the sites of a function: its definition (line = linedefined, what tracebacks and
 * level-based getfenv/setfenv use through `lastClosures`), one site per instruction, and one
 * per step of each CONCAT (its operands are registers r and r + 1). Done once, when the first
 * closure of the function is made, so functions that never run cost nothing. Naming an
 * operand walks the code up to its instruction (symbexec.ts), so a long function's names are
 * computed only when an error needs them (a 10,000-line data file took 28 s to load); a short
 * one's at once, so that it keeps no reference to its Proto.
 */
export function registerProto(pp: PreparedProto): void {
  const proto = pp.proto;
  const code = proto.code;
  const lines: number[] = [proto.linedefined];
  for (let pc = 0; pc < code.length; pc++) lines.push(lineOf(proto, pc));
  // The extra sites of CONCAT steps: [pc, left register] of each, after the instructions'.
  const steps: [number, number][] = [];
  for (let pc = 0; pc < code.length; pc++) {
    const i = code[pc];
    if (getOp(i) !== OpCode.CONCAT) continue;
    for (let r = getB(i); r < getC(i); r++) {
      steps.push([pc, r]);
      lines.push(lineOf(proto, pc));
    }
  }
  const n = code.length;
  const names = (k: number): [string | undefined, string | undefined] => {
    if (k === 0) return [undefined, undefined];
    if (k <= n) return namesAt(proto, k - 1);
    const [pc, r] = steps[k - n - 1];
    return [registerName(proto, pc, r), registerName(proto, pc, r + 1)];
  };
  // Every site belongs to the function defined at entry 0.
  const functions = new Array<number>(lines.length).fill(0);
  const base =
    n > EAGER_NAMES
      ? registerLazySites(pp.chunkName, lines, functions, names)
      : registerSites(
          pp.chunkName,
          lines.map((line, k): SiteEntry => [line, ...names(k)]),
          functions,
        );
  pp.definition = base;
  for (let pc = 0; pc < n; pc++) pp.sites[pc] = base + 1 + pc;
  if (steps.length > 0)
    pp.concatSites = new Map(steps.map(([pc, r], j) => [pc * 256 + r, base + n + 1 + j]));
}

/** The site of one step of a CONCAT at `pc` whose left operand is register `left`. */
export function concatSite(pp: PreparedProto, pc: number, left: number): number {
  return pp.concatSites?.get(pc * 256 + left) ?? pp.sites[pc];
}
