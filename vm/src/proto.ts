// A Lua 5.1 function prototype, as in lobject.h's Proto: the unit that the bytecode compiler
// produces, `string.dump` writes, the undumper reads and the interpreter runs. Field names
// follow the binary chunk layout (lundump.c / ldump.c of 5.1.5).

/** The 38 opcodes of Lua 5.1 (lopcodes.h), in their numeric order. */
export enum OpCode {
  MOVE = 0,
  LOADK,
  LOADBOOL,
  LOADNIL,
  GETUPVAL,
  GETGLOBAL,
  GETTABLE,
  SETGLOBAL,
  SETUPVAL,
  SETTABLE,
  NEWTABLE,
  SELF,
  ADD,
  SUB,
  MUL,
  DIV,
  MOD,
  POW,
  UNM,
  NOT,
  LEN,
  CONCAT,
  JMP,
  EQ,
  LT,
  LE,
  TEST,
  TESTSET,
  CALL,
  TAILCALL,
  RETURN,
  FORLOOP,
  FORPREP,
  TFORLOOP,
  SETLIST,
  CLOSE,
  CLOSURE,
  VARARG,
}

/** Instruction fields (lopcodes.h): op 6 bits, A 8, C 9, B 9; Bx 18; sBx = Bx - 131071. */
export const SIZE_OP = 6;
export const SIZE_A = 8;
export const SIZE_B = 9;
export const SIZE_C = 9;
export const POS_A = 6;
export const POS_C = 14;
export const POS_B = 23;
export const MAXARG_BX = (1 << 18) - 1;
export const MAXARG_SBX = MAXARG_BX >> 1;
/** RK operands: a B/C value with this bit set is constant index (value - BITRK). */
export const BITRK = 1 << 8;
/** Number of list items to accumulate before a SETLIST instruction (LFIELDS_PER_FLUSH). */
export const FIELDS_PER_FLUSH = 50;

export const getOp = (i: number): OpCode => i & 0x3f;
export const getA = (i: number): number => (i >>> POS_A) & 0xff;
export const getB = (i: number): number => (i >>> POS_B) & 0x1ff;
export const getC = (i: number): number => (i >>> POS_C) & 0x1ff;
export const getBx = (i: number): number => i >>> POS_C;
export const getSBx = (i: number): number => (i >>> POS_C) - MAXARG_SBX;
export const makeABC = (op: OpCode, a: number, b: number, c: number): number =>
  (op | (a << POS_A) | (c << POS_C) | (b << POS_B)) >>> 0;
export const makeABx = (op: OpCode, a: number, bx: number): number =>
  (op | (a << POS_A) | (bx << POS_C)) >>> 0;

/** A constant of the constant table: nil, boolean, number or (byte) string. */
export type Constant = undefined | boolean | number | string;

export interface LocalVariableInfo {
  name: string;
  /** First instruction (0-based pc) where the variable is active. */
  startpc: number;
  /** First instruction where it is dead. */
  endpc: number;
}

/** lua_Proto. `is_vararg` uses the 5.1 bit flags VARARG_HASARG 1, ISVARARG 2, NEEDSARG 4. */
export interface Proto {
  /** Chunk name as stored in the chunk (e.g. "@e.lua", "=stdin"); undefined when stripped. */
  source: string | undefined;
  linedefined: number;
  lastlinedefined: number;
  /** Number of upvalues (nups). */
  nups: number;
  numparams: number;
  is_vararg: number;
  maxstacksize: number;
  /** Instructions as unsigned 32-bit numbers. */
  code: number[];
  constants: Constant[];
  protos: Proto[];
  /** Source line of each instruction (empty when stripped). */
  lineinfo: number[];
  locvars: LocalVariableInfo[];
  /** Upvalue names (empty when stripped). */
  upvalues: string[];
}

export const VARARG_HASARG = 1;
export const VARARG_ISVARARG = 2;
export const VARARG_NEEDSARG = 4;
