// The state of one function being compiled (lparser.h's FuncState and expdesc): the Proto under
// construction, registers, active locals, scopes, upvalues and the pending-jump list. The code
// generator (code.ts) and the AST walkers (expressions.ts, statements.ts) share it.

import type { Loc } from "@lunette/frontend";
import type { Constant, Proto } from "../proto.js";
import type { TokenPositions } from "./tokens.js";

/** lparser.h's expkind: where the value of an expression being compiled currently is. */
export enum ExpKind {
  /** No value (empty expression list). */
  VOID,
  NIL,
  TRUE,
  FALSE,
  /** Constant `info` of the constant table. */
  K,
  /** Number constant `nval`, not yet in the constant table. */
  KNUM,
  /** Local variable in register `info`. */
  LOCAL,
  /** Upvalue number `info`. */
  UPVAL,
  /** Global whose name is constant `info`. */
  GLOBAL,
  /** Table in register `info`, key RK operand `aux`. */
  INDEXED,
  /** A comparison: `info` is the pc of its jump. */
  JMP,
  /** Instruction `info` can put its result in any register (its A is still free). */
  RELOCABLE,
  /** Value is in register `info`. */
  NONRELOC,
  /** Open call at instruction `info`. */
  CALL,
  /** Open `...` at instruction `info`. */
  VARARG,
}

export const NO_JUMP = -1;
/** A TESTSET target register that means "no register": turn it into TEST. */
export const NO_REG = 255;
export const LUA_MULTRET = -1;

export interface ExpDesc {
  k: ExpKind;
  info: number;
  aux: number;
  nval: number;
  /** Patch list of "exit when true". */
  t: number;
  /** Patch list of "exit when false". */
  f: number;
}

export const newExp = (k: ExpKind, info = 0): ExpDesc => ({
  k,
  info,
  aux: 0,
  nval: 0,
  t: NO_JUMP,
  f: NO_JUMP,
});

export const hasMultipleResults = (k: ExpKind): boolean =>
  k === ExpKind.CALL || k === ExpKind.VARARG;

/** lparser.c's BlockCnt. */
export interface BlockScope {
  previous: BlockScope | undefined;
  /** Jumps out of the loop (`break`s). */
  breakList: number;
  /** Active locals outside the block. */
  activeCount: number;
  /** Some local of the block is an upvalue of an inner function (needs OP_CLOSE). */
  hasUpvalue: boolean;
  isBreakable: boolean;
}

/** The compiler's view of the lexer (lparser.c's LexState, minus the tokens). */
export interface CompileContext {
  tokens: TokenPositions;
  /** `ls->lastline`: the line stamped on the next instruction. */
  lastLine: number;
  /** Index of the last consumed token (the current one is the next). */
  lastToken: number;
  /** Proto of each function compiled, by its FunctionExpression's location (locationKey). */
  functions: Map<number, Proto>;
  /** luaX_syntaxerror: `chunk:line: message near 'token'` at the current token. */
  error(message: string): never;
  /** Current function. */
  fs: FunctionState;
  /** Chunk name stored in every Proto (`@file.lua`, `=stdin`, the string itself...). */
  source: string;
}

export const locationKey = (loc: Loc): number => loc.line * 2 ** 26 + loc.column;

/** What the code generator needs of the compile context. */
export type LineSource = Pick<CompileContext, "lastLine" | "error">;

export class FunctionState {
  readonly proto: Proto;
  readonly parent: FunctionState | undefined;
  /** Nearest enclosing scope. */
  block: BlockScope | undefined = undefined;
  /** First free register. */
  freeRegister = 0;
  /** Number of active locals; their locvars indexes are in `activeLocals`. */
  activeCount = 0;
  readonly activeLocals: number[] = [];
  /** pc of the last jump target (lcode.c's lasttarget), for LOADNIL merging. */
  lastTarget = -1;
  /** Jumps pending to the next instruction (lcode.c's jpc). */
  pendingJumps = NO_JUMP;
  /** How each upvalue is reached from the enclosing function (kind LOCAL or UPVAL, index). */
  readonly upvalueKinds: { k: ExpKind; info: number }[] = [];
  /** Constant-table lookups (lcode.c's fs->h): strings, numbers, booleans; nil separately. */
  private readonly stringConstants = new Map<string, number>();
  private readonly numberConstants = new Map<number, number>();
  private readonly otherConstants = new Map<Constant, number>();

  /** Where instructions take their line from (`ls->lastline`). */
  readonly ls: LineSource;

  constructor(parent: FunctionState | undefined, ls: LineSource, source: string) {
    this.parent = parent;
    this.ls = ls;
    // lparser.c's open_func: registers 0 and 1 are always valid (maxstacksize 2)
    this.proto = {
      source,
      linedefined: 0,
      lastlinedefined: 0,
      nups: 0,
      numparams: 0,
      is_vararg: 0,
      maxstacksize: 2,
      code: [],
      constants: [],
      protos: [],
      lineinfo: [],
      locvars: [],
      upvalues: [],
    };
  }

  get pc(): number {
    return this.proto.code.length;
  }

  /** lcode.c's addk: the index of constant `v`, adding it when new. 0 and -0 share a slot. */
  constant(v: Constant): number {
    const table =
      typeof v === "string"
        ? this.stringConstants
        : typeof v === "number"
          ? this.numberConstants
          : this.otherConstants;
    const known = (table as Map<Constant, number>).get(v);
    if (known !== undefined) return known;
    const index = this.proto.constants.length;
    this.proto.constants.push(v);
    (table as Map<Constant, number>).set(v, index);
    return index;
  }

  /** lparser.c's getlocvar: debug info of the `n`-th active local. */
  local(n: number) {
    return this.proto.locvars[this.activeLocals[n]!]!;
  }
}
