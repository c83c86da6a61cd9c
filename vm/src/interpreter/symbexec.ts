// Static facts about 5.1 bytecode, from ldebug.c: the code checker that lundump runs on every
// loaded function (luaG_checkcode, via symbexec), and the names of values in registers for
// error messages (getobjname: `local 'x'`, `global 'f'`, `field 'y'`, `upvalue 'u'`,
// `method 'm'`). Both walk the code the way symbexec does, so names match lua5.1's exactly.

import {
  BITRK,
  getA,
  getB,
  getBx,
  getC,
  getOp,
  getSBx,
  OpCode,
  type Proto,
  VARARG_HASARG,
  VARARG_ISVARARG,
  VARARG_NEEDSARG,
} from "../proto.js";

/** Operand modes of lopcodes.h (OpArgN unused, U used, R register, K register or constant). */
const N = 0;
const U = 1;
const R = 2;
const K = 3;
/** Instruction formats. */
const ABC = 0;
const ABX = 1;
const ASBX = 2;

/** luaP_opmodes of 5.1.5: [test mode, sets A, B mode, C mode, format] per opcode. */
const MODES: [number, number, number, number, number][] = [
  [0, 1, R, N, ABC], // MOVE
  [0, 1, K, N, ABX], // LOADK
  [0, 1, U, U, ABC], // LOADBOOL
  [0, 1, R, N, ABC], // LOADNIL
  [0, 1, U, N, ABC], // GETUPVAL
  [0, 1, K, N, ABX], // GETGLOBAL
  [0, 1, R, K, ABC], // GETTABLE
  [0, 0, K, N, ABX], // SETGLOBAL
  [0, 0, U, N, ABC], // SETUPVAL
  [0, 0, K, K, ABC], // SETTABLE
  [0, 1, U, U, ABC], // NEWTABLE
  [0, 1, R, K, ABC], // SELF
  [0, 1, K, K, ABC], // ADD
  [0, 1, K, K, ABC], // SUB
  [0, 1, K, K, ABC], // MUL
  [0, 1, K, K, ABC], // DIV
  [0, 1, K, K, ABC], // MOD
  [0, 1, K, K, ABC], // POW
  [0, 1, R, N, ABC], // UNM
  [0, 1, R, N, ABC], // NOT
  [0, 1, R, N, ABC], // LEN
  [0, 1, R, R, ABC], // CONCAT
  [0, 0, R, N, ASBX], // JMP
  [1, 0, K, K, ABC], // EQ
  [1, 0, K, K, ABC], // LT
  [1, 0, K, K, ABC], // LE
  [1, 1, R, U, ABC], // TEST
  [1, 1, R, U, ABC], // TESTSET
  [0, 1, U, U, ABC], // CALL
  [0, 1, U, U, ABC], // TAILCALL
  [0, 0, U, N, ABC], // RETURN
  [0, 1, R, N, ASBX], // FORLOOP
  [0, 1, R, N, ASBX], // FORPREP
  [1, 0, N, U, ABC], // TFORLOOP
  [0, 0, U, U, ABC], // SETLIST
  [0, 0, N, N, ABC], // CLOSE
  [0, 1, U, N, ABX], // CLOSURE
  [0, 1, U, N, ABC], // VARARG
];

/** MAXSTACK of 5.1 (llimits.h). */
const MAX_STACK = 250;
/** "No register": symbexec only checks the code. */
const NO_REG = MAX_STACK;

/** precheck: the header facts every function must satisfy. */
function precheck(p: Proto): boolean {
  const n = p.code.length;
  return (
    p.maxstacksize <= MAX_STACK &&
    p.numparams + (p.is_vararg & VARARG_HASARG) <= p.maxstacksize &&
    (!(p.is_vararg & VARARG_NEEDSARG) || (p.is_vararg & VARARG_HASARG) !== 0) &&
    p.upvalues.length <= p.nups &&
    (p.lineinfo.length === n || p.lineinfo.length === 0) &&
    n > 0 &&
    getOp(p.code[n - 1]) === OpCode.RETURN
  );
}

function checkArgMode(p: Proto, r: number, mode: number): boolean {
  if (mode === N) return r === 0;
  if (mode === R) return r < p.maxstacksize;
  if (mode === K) return r & BITRK ? (r & ~BITRK) < p.constants.length : r < p.maxstacksize;
  return true;
}

/** checkopenop: an instruction after an open call or vararg must take its values from top. */
function checkOpenOp(p: Proto, pc: number): boolean {
  const i = p.code[pc + 1];
  switch (getOp(i)) {
    case OpCode.CALL:
    case OpCode.TAILCALL:
    case OpCode.RETURN:
    case OpCode.SETLIST:
      return getB(i) === 0;
    default:
      return false;
  }
}

/**
 * symbexec: runs the code up to `lastpc`, checking it, and returns the index of the last
 * instruction that changed register `reg` (the final RETURN when none did); -1 when the code
 * is invalid.
 */
function symbexec(p: Proto, lastpc: number, reg: number): number {
  const code = p.code;
  const size = code.length;
  let last = size - 1;
  if (!precheck(p)) return -1;
  const checkReg = (r: number) => r < p.maxstacksize;
  for (let pc = 0; pc < lastpc; pc++) {
    const i = code[pc];
    const op = getOp(i);
    const a = getA(i);
    let b = 0;
    let c = 0;
    if (op >= MODES.length || !checkReg(a)) return -1;
    const [testMode, setsA, bMode, cMode, format] = MODES[op];
    if (format === ABC) {
      b = getB(i);
      c = getC(i);
      if (!checkArgMode(p, b, bMode) || !checkArgMode(p, c, cMode)) return -1;
    } else if (format === ABX) {
      b = getBx(i);
      if (bMode === K && b >= p.constants.length) return -1;
    } else {
      b = getSBx(i);
      if (bMode === R) {
        const dest = pc + 1 + b;
        if (dest < 0 || dest >= size) return -1;
        if (dest > 0) {
          // Do not jump into the extra word of a SETLIST (counting back over a run of them).
          let j = 0;
          for (; j < dest; j++) {
            const d = code[dest - 1 - j];
            if (!(getOp(d) === OpCode.SETLIST && getC(d) === 0)) break;
          }
          if ((j & 1) !== 0) return -1;
        }
      }
    }
    if (setsA && a === reg) last = pc;
    if (testMode) {
      if (pc + 2 >= size || getOp(code[pc + 1]) !== OpCode.JMP) return -1;
    }
    switch (op) {
      case OpCode.LOADBOOL:
        if (c === 1) {
          if (pc + 2 >= size) return -1;
          const next = code[pc + 1];
          if (getOp(next) === OpCode.SETLIST && getC(next) === 0) return -1;
        }
        break;
      case OpCode.LOADNIL:
        if (a <= reg && reg <= b) last = pc;
        break;
      case OpCode.GETUPVAL:
      case OpCode.SETUPVAL:
        if (b >= p.nups) return -1;
        break;
      case OpCode.GETGLOBAL:
      case OpCode.SETGLOBAL:
        if (typeof p.constants[b] !== "string") return -1;
        break;
      case OpCode.SELF:
        if (!checkReg(a + 1)) return -1;
        if (reg === a + 1) last = pc;
        break;
      case OpCode.CONCAT:
        if (b >= c) return -1;
        break;
      case OpCode.TFORLOOP:
        if (c < 1 || !checkReg(a + 2 + c)) return -1;
        if (reg >= a + 2) last = pc;
        break;
      case OpCode.FORLOOP:
      case OpCode.FORPREP:
      case OpCode.JMP: {
        if (op !== OpCode.JMP && !checkReg(a + 3)) return -1;
        const dest = pc + 1 + b;
        // Follow forward jumps that do not skip lastpc (only when tracing a register).
        if (reg !== NO_REG && pc < dest && dest <= lastpc) pc += b;
        break;
      }
      case OpCode.CALL:
      case OpCode.TAILCALL: {
        if (b !== 0 && !checkReg(a + b - 1)) return -1;
        const results = c - 1;
        if (results === -1) {
          if (!checkOpenOp(p, pc)) return -1;
        } else if (results !== 0 && !checkReg(a + results - 1)) return -1;
        if (reg >= a) last = pc;
        break;
      }
      case OpCode.RETURN:
        if (b - 1 > 0 && !checkReg(a + b - 2)) return -1;
        break;
      case OpCode.SETLIST:
        if (b > 0 && !checkReg(a + b)) return -1;
        if (c === 0) {
          pc++;
          if (pc >= size - 1) return -1;
        }
        break;
      case OpCode.CLOSURE: {
        if (b >= p.protos.length) return -1;
        const nup = p.protos[b].nups;
        if (pc + nup >= size) return -1;
        for (let j = 1; j <= nup; j++) {
          const op1 = getOp(code[pc + j]);
          if (op1 !== OpCode.GETUPVAL && op1 !== OpCode.MOVE) return -1;
        }
        if (reg !== NO_REG) pc += nup;
        break;
      }
      case OpCode.VARARG: {
        if (!(p.is_vararg & VARARG_ISVARARG) || p.is_vararg & VARARG_NEEDSARG) return -1;
        const wanted = b - 1;
        if (wanted === -1) {
          if (!checkOpenOp(p, pc)) return -1;
        }
        if (!checkReg(a + wanted - 1)) return -1;
        break;
      }
      default:
        break;
    }
  }
  return last;
}

/** luaG_checkcode: whether a loaded function's code is safe to run. */
export function checkCode(p: Proto): boolean {
  return symbexec(p, p.code.length, NO_REG) >= 0;
}

/** luaF_getlocalname: the name of the n-th (1-based) active local at `pc`. */
export function localName(p: Proto, n: number, pc: number): string | undefined {
  const locvars = p.locvars;
  for (let i = 0; i < locvars.length && locvars[i].startpc <= pc; i++) {
    if (pc < locvars[i].endpc) {
      n--;
      if (n === 0) return locvars[i].name;
    }
  }
  return undefined;
}

/** kname: a constant string key's text, else "?". */
function keyName(p: Proto, c: number): string {
  if (c & BITRK) {
    const k = p.constants[c & ~BITRK];
    if (typeof k === "string") return k;
  }
  return "?";
}

/**
 * getobjname: how lua5.1 names the value in register `reg` while executing instruction `pc`
 * (`local 'x'`, `global 'f'`, `field 'k'`, `upvalue 'u'`, `method 'm'`), or undefined.
 */
export function registerName(p: Proto, pc: number, reg: number): string | undefined {
  const local = localName(p, reg + 1, pc);
  if (local !== undefined) return `local '${local}'`;
  const last = symbexec(p, pc, reg);
  if (last < 0) return undefined;
  const i = p.code[last];
  switch (getOp(i)) {
    case OpCode.GETGLOBAL:
      return `global '${p.constants[getBx(i)] as string}'`;
    case OpCode.MOVE: {
      const a = getA(i);
      const b = getB(i);
      return b < a ? registerName(p, pc, b) : undefined;
    }
    case OpCode.GETTABLE:
      return `field '${keyName(p, getC(i))}'`;
    case OpCode.GETUPVAL: {
      const u = getB(i);
      return `upvalue '${p.upvalues[u] ?? "?"}'`;
    }
    case OpCode.SELF:
      return `method '${keyName(p, getC(i))}'`;
    default:
      return undefined;
  }
}
