// Instruction emission, registers, jump lists and expression discharge: lcode.c of Lua 5.1.5,
// function by function, so that register allocation and instruction choice are exactly
// luac5.1's. Each function names the lcode.c function it implements.

import { luaMod, luaPow } from "@lunette/runtime";
import {
  BITRK,
  FIELDS_PER_FLUSH,
  getA,
  getB,
  getC,
  getOp,
  getSBx,
  MAXARG_SBX,
  makeABC,
  makeABx,
  OpCode,
} from "../proto.js";
import {
  type ExpDesc,
  ExpKind,
  type FunctionState,
  LUA_MULTRET,
  NO_JUMP,
  NO_REG,
} from "./function-state.js";

const MAXSTACK = 250;
const MAXINDEXRK = BITRK - 1;
const MAXARG_C = 511;

const isConstantOperand = (x: number): boolean => (x & BITRK) !== 0;
const hasJumps = (e: ExpDesc): boolean => e.t !== e.f;
/** lcode.c's isnumeral: a number constant with no pending jumps. */
export const isNumeral = (e: ExpDesc): boolean =>
  e.k === ExpKind.KNUM && e.t === NO_JUMP && e.f === NO_JUMP;

// ---- Instructions ----------------------------------------------------------------------

/** luaK_code: appends an instruction stamped with the last consumed token's line. */
export function code(fs: FunctionState, instruction: number): number {
  dischargePendingJumps(fs);
  fs.proto.code.push(instruction >>> 0);
  fs.proto.lineinfo.push(fs.ls.lastLine);
  return fs.proto.code.length - 1;
}

export const codeABC = (fs: FunctionState, op: OpCode, a: number, b: number, c: number): number =>
  code(fs, makeABC(op, a, b, c));

export const codeABx = (fs: FunctionState, op: OpCode, a: number, bx: number): number =>
  code(fs, makeABx(op, a, bx));

export const codeAsBx = (fs: FunctionState, op: OpCode, a: number, sbx: number): number =>
  code(fs, makeABx(op, a, sbx + MAXARG_SBX));

/** luaK_fixline: restamps the last instruction. */
export function fixLine(fs: FunctionState, line: number): void {
  fs.proto.lineinfo[fs.pc - 1] = line;
}

const setField = (i: number, pos: number, size: number, v: number): number =>
  ((i & ~(((1 << size) - 1) << pos)) | (v << pos)) >>> 0;

export function setA(fs: FunctionState, pc: number, v: number): void {
  fs.proto.code[pc] = setField(fs.proto.code[pc]!, 6, 8, v);
}
export function setB(fs: FunctionState, pc: number, v: number): void {
  fs.proto.code[pc] = setField(fs.proto.code[pc]!, 23, 9, v);
}
export function setC(fs: FunctionState, pc: number, v: number): void {
  fs.proto.code[pc] = setField(fs.proto.code[pc]!, 14, 9, v);
}
function setSBx(fs: FunctionState, pc: number, v: number): void {
  const i = fs.proto.code[pc]!;
  fs.proto.code[pc] = ((i & 0x3fff) | ((v + MAXARG_SBX) << 14)) >>> 0;
}
export function setOp(fs: FunctionState, pc: number, op: OpCode): void {
  fs.proto.code[pc] = ((fs.proto.code[pc]! & ~0x3f) | op) >>> 0;
}

/** luaK_nil: loads nil into `n` registers, merging with a LOADNIL just before when possible. */
export function codeNil(fs: FunctionState, from: number, n: number): void {
  if (fs.pc > fs.lastTarget) {
    // no jumps to the current position
    if (fs.pc === 0) {
      if (from >= fs.activeCount) return; // fresh registers of a new function are nil
    } else {
      const pc = fs.pc - 1;
      const previous = fs.proto.code[pc]!;
      if (getOp(previous) === OpCode.LOADNIL) {
        const pfrom = getA(previous);
        const pto = getB(previous);
        if (pfrom <= from && from <= pto + 1) {
          if (from + n - 1 > pto) setB(fs, pc, from + n - 1);
          return;
        }
      }
    }
  }
  codeABC(fs, OpCode.LOADNIL, from, from + n - 1, 0);
}

export function codeReturn(fs: FunctionState, first: number, count: number): void {
  codeABC(fs, OpCode.RETURN, first, count + 1, 0);
}

/** luaK_setlist: stores `toStore` list items (LUA_MULTRET: up to the top) from base+1. */
export function codeSetList(fs: FunctionState, base: number, items: number, toStore: number) {
  const c = Math.floor((items - 1) / FIELDS_PER_FLUSH) + 1;
  const b = toStore === LUA_MULTRET ? 0 : toStore;
  if (c <= MAXARG_C) {
    codeABC(fs, OpCode.SETLIST, base, b, c);
  } else {
    codeABC(fs, OpCode.SETLIST, base, b, 0);
    code(fs, c);
  }
  fs.freeRegister = base + 1;
}

// ---- Jumps (lists threaded through the sBx fields, NO_JUMP-terminated) -----------------

/** luaK_jump: a JMP that also takes over the jumps pending to here. */
export function jump(fs: FunctionState): number {
  const pending = fs.pendingJumps;
  fs.pendingJumps = NO_JUMP;
  const j = { list: codeAsBx(fs, OpCode.JMP, 0, NO_JUMP) };
  concat(fs, j, "list", pending);
  return j.list;
}

function conditionalJump(fs: FunctionState, op: OpCode, a: number, b: number, c: number) {
  codeABC(fs, op, a, b, c);
  return jump(fs);
}

function fixJump(fs: FunctionState, pc: number, dest: number): void {
  const offset = dest - (pc + 1);
  if (Math.abs(offset) > MAXARG_SBX) fs.ls.error("control structure too long");
  setSBx(fs, pc, offset);
}

/** luaK_getlabel: the current pc, marked as a jump target. */
export function label(fs: FunctionState): number {
  fs.lastTarget = fs.pc;
  return fs.pc;
}

function nextJump(fs: FunctionState, pc: number): number {
  const offset = getSBx(fs.proto.code[pc]!);
  return offset === NO_JUMP ? NO_JUMP : pc + 1 + offset;
}

/** getjumpcontrol: the test instruction before a conditional jump, or the jump itself. */
function jumpControl(fs: FunctionState, pc: number): number {
  if (pc >= 1 && isTest(getOp(fs.proto.code[pc - 1]!))) return pc - 1;
  return pc;
}

/** lopcodes.c's testTMode: instructions followed by a jump they may skip. */
const isTest = (op: OpCode): boolean =>
  op === OpCode.EQ ||
  op === OpCode.LT ||
  op === OpCode.LE ||
  op === OpCode.TEST ||
  op === OpCode.TESTSET ||
  op === OpCode.TFORLOOP;

/** need_value: whether some jump of the list does not produce its value (is not a TESTSET). */
function needValue(fs: FunctionState, list: number): boolean {
  for (; list !== NO_JUMP; list = nextJump(fs, list)) {
    if (getOp(fs.proto.code[jumpControl(fs, list)]!) !== OpCode.TESTSET) return true;
  }
  return false;
}

/** patchtestreg: aims a TESTSET at `reg`, or turns it into TEST when no value is needed. */
function patchTestRegister(fs: FunctionState, node: number, reg: number): boolean {
  const pc = jumpControl(fs, node);
  const i = fs.proto.code[pc]!;
  if (getOp(i) !== OpCode.TESTSET) return false;
  if (reg !== NO_REG && reg !== getB(i)) setA(fs, pc, reg);
  else fs.proto.code[pc] = makeABC(OpCode.TEST, getB(i), 0, getC(i));
  return true;
}

function removeValues(fs: FunctionState, list: number): void {
  for (; list !== NO_JUMP; list = nextJump(fs, list)) patchTestRegister(fs, list, NO_REG);
}

function patchListAux(
  fs: FunctionState,
  list: number,
  vtarget: number,
  reg: number,
  dtarget: number,
) {
  while (list !== NO_JUMP) {
    const next = nextJump(fs, list);
    if (patchTestRegister(fs, list, reg)) fixJump(fs, list, vtarget);
    else fixJump(fs, list, dtarget);
    list = next;
  }
}

function dischargePendingJumps(fs: FunctionState): void {
  patchListAux(fs, fs.pendingJumps, fs.pc, NO_REG, fs.pc);
  fs.pendingJumps = NO_JUMP;
}

/** luaK_patchlist */
export function patchList(fs: FunctionState, list: number, target: number): void {
  if (target === fs.pc) patchToHere(fs, list);
  else patchListAux(fs, list, target, NO_REG, target);
}

/** luaK_patchtohere */
export function patchToHere(fs: FunctionState, list: number): void {
  label(fs);
  concat(fs, fs, "pendingJumps", list);
}

/** luaK_concat: appends list `l2` to the list held in `holder[field]`. */
export function concat<F extends string>(
  fs: FunctionState,
  holder: Record<F, number>,
  field: F,
  l2: number,
): void {
  if (l2 === NO_JUMP) return;
  if (holder[field] === NO_JUMP) {
    holder[field] = l2;
    return;
  }
  let list = holder[field];
  let next: number;
  while ((next = nextJump(fs, list)) !== NO_JUMP) list = next;
  fixJump(fs, list, l2);
}

// ---- Registers -------------------------------------------------------------------------

/** luaK_checkstack */
export function checkStack(fs: FunctionState, n: number): void {
  const size = fs.freeRegister + n;
  if (size > fs.proto.maxstacksize) {
    if (size >= MAXSTACK) fs.ls.error("function or expression too complex");
    fs.proto.maxstacksize = size;
  }
}

/** luaK_reserveregs */
export function reserveRegisters(fs: FunctionState, n: number): void {
  checkStack(fs, n);
  fs.freeRegister += n;
}

function freeRegister(fs: FunctionState, reg: number): void {
  if (!isConstantOperand(reg) && reg >= fs.activeCount) fs.freeRegister--;
}

export function freeExp(fs: FunctionState, e: ExpDesc): void {
  if (e.k === ExpKind.NONRELOC) freeRegister(fs, e.info);
}

// ---- Constants -------------------------------------------------------------------------

export const stringConstant = (fs: FunctionState, s: string): number => fs.constant(s);
export const numberConstant = (fs: FunctionState, n: number): number => fs.constant(n);

// ---- Discharging expressions -----------------------------------------------------------

/** luaK_setreturns: how many results an open call or `...` produces. */
export function setReturns(fs: FunctionState, e: ExpDesc, results: number): void {
  if (e.k === ExpKind.CALL) {
    setC(fs, e.info, results + 1);
  } else if (e.k === ExpKind.VARARG) {
    setB(fs, e.info, results + 1);
    setA(fs, e.info, fs.freeRegister);
    reserveRegisters(fs, 1);
  }
}

export const setMultipleReturns = (fs: FunctionState, e: ExpDesc): void =>
  setReturns(fs, e, LUA_MULTRET);

/** luaK_setoneret */
export function setOneReturn(fs: FunctionState, e: ExpDesc): void {
  if (e.k === ExpKind.CALL) {
    e.k = ExpKind.NONRELOC;
    e.info = getA(fs.proto.code[e.info]!);
  } else if (e.k === ExpKind.VARARG) {
    setB(fs, e.info, 2);
    e.k = ExpKind.RELOCABLE;
  }
}

/** luaK_dischargevars: turns a variable into a value (an instruction or a register). */
export function dischargeVars(fs: FunctionState, e: ExpDesc): void {
  switch (e.k) {
    case ExpKind.LOCAL:
      e.k = ExpKind.NONRELOC;
      break;
    case ExpKind.UPVAL:
      e.info = codeABC(fs, OpCode.GETUPVAL, 0, e.info, 0);
      e.k = ExpKind.RELOCABLE;
      break;
    case ExpKind.GLOBAL:
      e.info = codeABx(fs, OpCode.GETGLOBAL, 0, e.info);
      e.k = ExpKind.RELOCABLE;
      break;
    case ExpKind.INDEXED:
      freeRegister(fs, e.aux);
      freeRegister(fs, e.info);
      e.info = codeABC(fs, OpCode.GETTABLE, 0, e.info, e.aux);
      e.k = ExpKind.RELOCABLE;
      break;
    case ExpKind.VARARG:
    case ExpKind.CALL:
      setOneReturn(fs, e);
      break;
    default:
      break;
  }
}

function codeLabel(fs: FunctionState, a: number, b: number, jumpOver: number): number {
  label(fs);
  return codeABC(fs, OpCode.LOADBOOL, a, b, jumpOver);
}

function dischargeToRegister(fs: FunctionState, e: ExpDesc, reg: number): void {
  dischargeVars(fs, e);
  switch (e.k) {
    case ExpKind.NIL:
      codeNil(fs, reg, 1);
      break;
    case ExpKind.FALSE:
    case ExpKind.TRUE:
      codeABC(fs, OpCode.LOADBOOL, reg, e.k === ExpKind.TRUE ? 1 : 0, 0);
      break;
    case ExpKind.K:
      codeABx(fs, OpCode.LOADK, reg, e.info);
      break;
    case ExpKind.KNUM:
      codeABx(fs, OpCode.LOADK, reg, numberConstant(fs, e.nval));
      break;
    case ExpKind.RELOCABLE:
      setA(fs, e.info, reg);
      break;
    case ExpKind.NONRELOC:
      if (reg !== e.info) codeABC(fs, OpCode.MOVE, reg, e.info, 0);
      break;
    default:
      return; // VVOID or VJMP: nothing to do
  }
  e.info = reg;
  e.k = ExpKind.NONRELOC;
}

function dischargeToAnyRegister(fs: FunctionState, e: ExpDesc): void {
  if (e.k !== ExpKind.NONRELOC) {
    reserveRegisters(fs, 1);
    dischargeToRegister(fs, e, fs.freeRegister - 1);
  }
}

/** exp2reg: the value, and the values of its pending jumps, into register `reg`. */
function expToRegister(fs: FunctionState, e: ExpDesc, reg: number): void {
  dischargeToRegister(fs, e, reg);
  if (e.k === ExpKind.JMP) concat(fs, e, "t", e.info);
  if (hasJumps(e)) {
    let loadFalse = NO_JUMP;
    let loadTrue = NO_JUMP;
    if (needValue(fs, e.t) || needValue(fs, e.f)) {
      const skip = e.k === ExpKind.JMP ? NO_JUMP : jump(fs);
      loadFalse = codeLabel(fs, reg, 0, 1);
      loadTrue = codeLabel(fs, reg, 1, 0);
      patchToHere(fs, skip);
    }
    const end = label(fs);
    patchListAux(fs, e.f, end, reg, loadFalse);
    patchListAux(fs, e.t, end, reg, loadTrue);
  }
  e.f = e.t = NO_JUMP;
  e.info = reg;
  e.k = ExpKind.NONRELOC;
}

/** luaK_exp2nextreg */
export function expToNextRegister(fs: FunctionState, e: ExpDesc): void {
  dischargeVars(fs, e);
  freeExp(fs, e);
  reserveRegisters(fs, 1);
  expToRegister(fs, e, fs.freeRegister - 1);
}

/** luaK_exp2anyreg */
export function expToAnyRegister(fs: FunctionState, e: ExpDesc): number {
  dischargeVars(fs, e);
  if (e.k === ExpKind.NONRELOC) {
    if (!hasJumps(e)) return e.info;
    if (e.info >= fs.activeCount) {
      expToRegister(fs, e, e.info);
      return e.info;
    }
  }
  expToNextRegister(fs, e);
  return e.info;
}

/** luaK_exp2val */
export function expToValue(fs: FunctionState, e: ExpDesc): void {
  if (hasJumps(e)) expToAnyRegister(fs, e);
  else dischargeVars(fs, e);
}

/** luaK_exp2RK: a constant operand (index | BITRK) when it fits, else a register. */
export function expToRK(fs: FunctionState, e: ExpDesc): number {
  expToValue(fs, e);
  switch (e.k) {
    case ExpKind.KNUM:
    case ExpKind.TRUE:
    case ExpKind.FALSE:
    case ExpKind.NIL:
      if (fs.proto.constants.length <= MAXINDEXRK) {
        e.info =
          e.k === ExpKind.NIL
            ? fs.constant(undefined)
            : e.k === ExpKind.KNUM
              ? numberConstant(fs, e.nval)
              : fs.constant(e.k === ExpKind.TRUE);
        e.k = ExpKind.K;
        return e.info | BITRK;
      }
      break;
    case ExpKind.K:
      if (e.info <= MAXINDEXRK) return e.info | BITRK;
      break;
    default:
      break;
  }
  return expToAnyRegister(fs, e);
}

/** luaK_storevar: assigns `ex` to the variable `v`. */
export function storeVar(fs: FunctionState, v: ExpDesc, ex: ExpDesc): void {
  switch (v.k) {
    case ExpKind.LOCAL:
      freeExp(fs, ex);
      expToRegister(fs, ex, v.info);
      return;
    case ExpKind.UPVAL: {
      const e = expToAnyRegister(fs, ex);
      codeABC(fs, OpCode.SETUPVAL, e, v.info, 0);
      break;
    }
    case ExpKind.GLOBAL: {
      const e = expToAnyRegister(fs, ex);
      codeABx(fs, OpCode.SETGLOBAL, e, v.info);
      break;
    }
    case ExpKind.INDEXED: {
      const e = expToRK(fs, ex);
      codeABC(fs, OpCode.SETTABLE, v.info, v.aux, e);
      break;
    }
    default:
      throw new Error("invalid variable kind to store");
  }
  freeExp(fs, ex);
}

/** luaK_self: `e:key` puts the method and `e` in two fresh registers. */
export function codeSelf(fs: FunctionState, e: ExpDesc, key: ExpDesc): void {
  expToAnyRegister(fs, e);
  freeExp(fs, e);
  const func = fs.freeRegister;
  reserveRegisters(fs, 2);
  codeABC(fs, OpCode.SELF, func, e.info, expToRK(fs, key));
  freeExp(fs, key);
  e.info = func;
  e.k = ExpKind.NONRELOC;
}

function invertJump(fs: FunctionState, e: ExpDesc): void {
  const pc = jumpControl(fs, e.info);
  setA(fs, pc, getA(fs.proto.code[pc]!) ? 0 : 1);
}

function jumpOnCondition(fs: FunctionState, e: ExpDesc, cond: number): number {
  if (e.k === ExpKind.RELOCABLE) {
    const ie = fs.proto.code[e.info]!;
    if (getOp(ie) === OpCode.NOT) {
      // remove the NOT and test its operand with the opposite condition
      fs.proto.code.pop();
      fs.proto.lineinfo.pop();
      return conditionalJump(fs, OpCode.TEST, getB(ie), 0, cond ? 0 : 1);
    }
  }
  dischargeToAnyRegister(fs, e);
  freeExp(fs, e);
  return conditionalJump(fs, OpCode.TESTSET, NO_REG, e.info, cond);
}

/** luaK_goiftrue: falls through when `e` is true, jumps (list e.f) when false. */
export function goIfTrue(fs: FunctionState, e: ExpDesc): void {
  let pc: number;
  dischargeVars(fs, e);
  switch (e.k) {
    case ExpKind.K:
    case ExpKind.KNUM:
    case ExpKind.TRUE:
      pc = NO_JUMP; // always true: fall through (5.1.5 tests a constant false at run time)
      break;
    case ExpKind.JMP:
      invertJump(fs, e);
      pc = e.info;
      break;
    default:
      pc = jumpOnCondition(fs, e, 0);
      break;
  }
  concat(fs, e, "f", pc);
  patchToHere(fs, e.t);
  e.t = NO_JUMP;
}

/** luaK_goiffalse */
function goIfFalse(fs: FunctionState, e: ExpDesc): void {
  let pc: number;
  dischargeVars(fs, e);
  switch (e.k) {
    case ExpKind.NIL:
    case ExpKind.FALSE:
      pc = NO_JUMP; // always false
      break;
    case ExpKind.JMP:
      pc = e.info;
      break;
    default:
      pc = jumpOnCondition(fs, e, 1);
      break;
  }
  concat(fs, e, "t", pc);
  patchToHere(fs, e.f);
  e.f = NO_JUMP;
}

function codeNot(fs: FunctionState, e: ExpDesc): void {
  dischargeVars(fs, e);
  switch (e.k) {
    case ExpKind.NIL:
    case ExpKind.FALSE:
      e.k = ExpKind.TRUE;
      break;
    case ExpKind.K:
    case ExpKind.KNUM:
    case ExpKind.TRUE:
      e.k = ExpKind.FALSE;
      break;
    case ExpKind.JMP:
      invertJump(fs, e);
      break;
    case ExpKind.RELOCABLE:
    case ExpKind.NONRELOC:
      dischargeToAnyRegister(fs, e);
      freeExp(fs, e);
      e.info = codeABC(fs, OpCode.NOT, 0, e.info, 0);
      e.k = ExpKind.RELOCABLE;
      break;
    default:
      throw new Error("cannot happen");
  }
  const t = e.f;
  e.f = e.t;
  e.t = t;
  removeValues(fs, e.f);
  removeValues(fs, e.t);
}

/** luaK_indexed */
export function indexed(fs: FunctionState, t: ExpDesc, key: ExpDesc): void {
  t.aux = expToRK(fs, key);
  t.k = ExpKind.INDEXED;
}

// ---- Operators -------------------------------------------------------------------------

/** constfolding: folds numeric constants, but never a division by zero or a NaN result. */
function constantFolding(op: OpCode, e1: ExpDesc, e2: ExpDesc): boolean {
  if (!isNumeral(e1) || !isNumeral(e2)) return false;
  const v1 = e1.nval;
  const v2 = e2.nval;
  let r: number;
  switch (op) {
    case OpCode.ADD:
      r = v1 + v2;
      break;
    case OpCode.SUB:
      r = v1 - v2;
      break;
    case OpCode.MUL:
      r = v1 * v2;
      break;
    case OpCode.DIV:
      if (v2 === 0) return false;
      r = v1 / v2;
      break;
    case OpCode.MOD:
      if (v2 === 0) return false;
      r = luaMod(v1, v2);
      break;
    case OpCode.POW:
      r = luaPow(v1, v2); // C pow, as luac folds it (runtime/src/number.ts cPow)
      break;
    case OpCode.UNM:
      r = -v1;
      break;
    default:
      return false; // OP_LEN is never folded
  }
  if (Number.isNaN(r)) return false;
  e1.nval = r;
  return true;
}

function codeArith(fs: FunctionState, op: OpCode, e1: ExpDesc, e2: ExpDesc): void {
  if (constantFolding(op, e1, e2)) return;
  const o2 = op !== OpCode.UNM && op !== OpCode.LEN ? expToRK(fs, e2) : 0;
  const o1 = expToRK(fs, e1);
  if (o1 > o2) {
    freeExp(fs, e1);
    freeExp(fs, e2);
  } else {
    freeExp(fs, e2);
    freeExp(fs, e1);
  }
  e1.info = codeABC(fs, op, 0, o1, o2);
  e1.k = ExpKind.RELOCABLE;
}

function codeCompare(fs: FunctionState, op: OpCode, cond: number, e1: ExpDesc, e2: ExpDesc) {
  let o1 = expToRK(fs, e1);
  let o2 = expToRK(fs, e2);
  freeExp(fs, e2);
  freeExp(fs, e1);
  if (cond === 0 && op !== OpCode.EQ) {
    // `a > b` is `b < a`, `a >= b` is `b <= a`
    const t = o1;
    o1 = o2;
    o2 = t;
    cond = 1;
  }
  e1.info = conditionalJump(fs, op, cond, o1, o2);
  e1.k = ExpKind.JMP;
}

export type UnaryOperator = "-" | "not" | "#";

/** luaK_prefix */
export function prefix(fs: FunctionState, op: UnaryOperator, e: ExpDesc): void {
  const e2: ExpDesc = { k: ExpKind.KNUM, info: 0, aux: 0, nval: 0, t: NO_JUMP, f: NO_JUMP };
  if (op === "-") {
    if (!isNumeral(e)) expToAnyRegister(fs, e);
    codeArith(fs, OpCode.UNM, e, e2);
  } else if (op === "not") {
    codeNot(fs, e);
  } else {
    expToAnyRegister(fs, e);
    codeArith(fs, OpCode.LEN, e, e2);
  }
}

const ARITH: Record<string, OpCode> = {
  "+": OpCode.ADD,
  "-": OpCode.SUB,
  "*": OpCode.MUL,
  "/": OpCode.DIV,
  "%": OpCode.MOD,
  "^": OpCode.POW,
};

/** luaK_infix: prepares the left operand before the right one is compiled. */
export function infix(fs: FunctionState, op: string, v: ExpDesc): void {
  if (op === "and") goIfTrue(fs, v);
  else if (op === "or") goIfFalse(fs, v);
  else if (op === "..") expToNextRegister(fs, v);
  else if (ARITH[op] !== undefined) {
    if (!isNumeral(v)) expToRK(fs, v);
  } else expToRK(fs, v);
}

/** luaK_posfix: combines both operands. */
export function postfix(fs: FunctionState, op: string, e1: ExpDesc, e2: ExpDesc): void {
  switch (op) {
    case "and":
      dischargeVars(fs, e2);
      concat(fs, e2, "f", e1.f);
      Object.assign(e1, e2);
      return;
    case "or":
      dischargeVars(fs, e2);
      concat(fs, e2, "t", e1.t);
      Object.assign(e1, e2);
      return;
    case "..":
      expToValue(fs, e2);
      if (e2.k === ExpKind.RELOCABLE && getOp(fs.proto.code[e2.info]!) === OpCode.CONCAT) {
        // extend the CONCAT of the right operand to start at the left one
        freeExp(fs, e1);
        setB(fs, e2.info, e1.info);
        e1.k = ExpKind.RELOCABLE;
        e1.info = e2.info;
      } else {
        expToNextRegister(fs, e2);
        codeArith(fs, OpCode.CONCAT, e1, e2);
      }
      return;
    case "==":
      codeCompare(fs, OpCode.EQ, 1, e1, e2);
      return;
    case "~=":
      codeCompare(fs, OpCode.EQ, 0, e1, e2);
      return;
    case "<":
      codeCompare(fs, OpCode.LT, 1, e1, e2);
      return;
    case "<=":
      codeCompare(fs, OpCode.LE, 1, e1, e2);
      return;
    case ">":
      codeCompare(fs, OpCode.LT, 0, e1, e2);
      return;
    case ">=":
      codeCompare(fs, OpCode.LE, 0, e1, e2);
      return;
    default:
      codeArith(fs, ARITH[op]!, e1, e2);
      return;
  }
}
