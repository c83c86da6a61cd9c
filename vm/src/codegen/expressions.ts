// Expressions, in lparser.c's order of work (expr/subexpr, simpleexp, primaryexp, funcargs,
// constructor, body): walking the AST in source order reproduces the calls lparser.c makes
// into lcode.c while it reads the same tokens. Invariant: after `expression(ctx, node, v)`,
// `ctx.lastLine` is the line of the node's last token, as `ls->lastline` would be.

import type { Expression, FunctionExpression, TableConstructor } from "@lunette/frontend";
import { OpCode, VARARG_HASARG, VARARG_ISVARARG, VARARG_NEEDSARG } from "../proto.js";
import {
  codeABC,
  codeABx,
  codeReturn,
  codeSelf,
  codeSetList,
  dischargeVars,
  expToAnyRegister,
  expToNextRegister,
  expToRK,
  expToValue,
  fixLine,
  indexed,
  infix,
  postfix,
  prefix,
  reserveRegisters,
  setB,
  setC,
  setMultipleReturns,
  stringConstant,
} from "./code.js";
import {
  type CompileContext,
  type ExpDesc,
  ExpKind,
  FunctionState,
  hasMultipleResults,
  LUA_MULTRET,
  locationKey,
  NO_REG,
  newExp,
} from "./function-state.js";
import { statementList } from "./statements.js";

const FIELDS_PER_FLUSH = 50;

/** Sets `ls->lastline` as if token `index` was the last one consumed. */
export function after(ctx: CompileContext, index: number): void {
  const tokens = ctx.tokens;
  ctx.lastLine = tokens.endLine(tokens.peeked.has(index) ? index + 1 : index);
  ctx.lastToken = index;
}

const lastTokens = new WeakMap<Expression, number>();

/** Index of the last token of an expression. */
export function lastToken(ctx: CompileContext, e: Expression): number {
  const known = lastTokens.get(e);
  if (known !== undefined) return known;
  const tokens = ctx.tokens;
  let last: number;
  switch (e.type) {
    case "Function":
    case "Paren":
    case "Table":
      last = tokens.closers[tokens.at(e.loc)]!;
      break;
    case "Index":
      last = e.dotted ? tokens.at(e.key.loc) : tokens.closers[lastToken(ctx, e.object) + 1]!;
      break;
    case "Call":
      last = argumentsEnd(ctx, lastToken(ctx, e.callee) + 1);
      break;
    case "MethodCall":
      last = argumentsEnd(ctx, lastToken(ctx, e.object) + 3);
      break;
    case "Binary":
      last = lastToken(ctx, e.right);
      break;
    case "Unary":
      last = lastToken(ctx, e.argument);
      break;
    default:
      last = tokens.at(e.loc);
  }
  lastTokens.set(e, last);
  return last;
}

function argumentsEnd(ctx: CompileContext, open: number): number {
  const kind = ctx.tokens.kinds[open];
  return kind === "(" || kind === "{" ? ctx.tokens.closers[open]! : open;
}

/** lparser.c's expr, for any expression node. */
export function expression(ctx: CompileContext, node: Expression, v: ExpDesc): void {
  const fs = ctx.fs;
  switch (node.type) {
    case "Nil":
      reset(v, ExpKind.NIL);
      break;
    case "True":
      reset(v, ExpKind.TRUE);
      break;
    case "False":
      reset(v, ExpKind.FALSE);
      break;
    case "Number":
      reset(v, ExpKind.KNUM);
      v.nval = node.value;
      break;
    case "String":
      reset(v, ExpKind.K, stringConstant(fs, node.value));
      break;
    case "Vararg":
      // emitted before `...` is consumed
      after(ctx, ctx.tokens.at(node.loc) - 1);
      fs.proto.is_vararg &= ~VARARG_NEEDSARG;
      reset(v, ExpKind.VARARG, codeABC(fs, OpCode.VARARG, 0, 1, 0));
      break;
    case "Table":
      tableConstructor(ctx, node, v);
      break;
    case "Function": {
      const keyword = ctx.tokens.at(node.loc);
      functionBody(ctx, node, v, ctx.tokens.endLine(keyword + 1), keyword);
      break;
    }
    case "Identifier":
      singleVariable(ctx, node.name, v);
      break;
    case "Index": {
      expression(ctx, node.object, v);
      expToAnyRegister(fs, v);
      const key = newExp(ExpKind.VOID);
      if (node.dotted) {
        // lparser.c's field
        reset(key, ExpKind.K, stringConstant(fs, (node.key as { value: string }).value));
        after(ctx, ctx.tokens.at(node.key.loc));
      } else {
        // yindex
        expression(ctx, node.key, key);
        expToValue(fs, key);
        after(ctx, lastToken(ctx, node.key) + 1);
      }
      indexed(fs, v, key);
      break;
    }
    case "Call": {
      expression(ctx, node.callee, v);
      expToNextRegister(fs, v);
      callArguments(ctx, node.args, lastToken(ctx, node.callee) + 1, v);
      break;
    }
    case "MethodCall": {
      expression(ctx, node.object, v);
      const name = lastToken(ctx, node.object) + 2;
      const key = newExp(ExpKind.K, stringConstant(fs, node.method));
      after(ctx, name);
      codeSelf(fs, v, key);
      callArguments(ctx, node.args, name + 1, v);
      break;
    }
    case "Paren":
      expression(ctx, node.expression, v);
      after(ctx, ctx.tokens.closers[ctx.tokens.at(node.loc)]!);
      dischargeVars(fs, v);
      break;
    case "Binary": {
      expression(ctx, node.left, v);
      after(ctx, lastToken(ctx, node.left) + 1);
      infix(fs, node.operator, v);
      const v2 = newExp(ExpKind.VOID);
      expression(ctx, node.right, v2);
      postfix(fs, node.operator, v, v2);
      break;
    }
    case "Unary":
      expression(ctx, node.argument, v);
      prefix(fs, node.operator, v);
      break;
  }
  after(ctx, lastToken(ctx, node));
}

function reset(v: ExpDesc, k: ExpKind, info = 0): void {
  v.k = k;
  v.info = info;
  v.t = v.f = -1;
}

/** lparser.c's explist1: all but the last value go to consecutive registers. */
export function expressionList(ctx: CompileContext, list: Expression[], v: ExpDesc): number {
  expression(ctx, list[0]!, v);
  for (let i = 1; i < list.length; i++) {
    after(ctx, lastToken(ctx, list[i - 1]!) + 1); // the `,`
    expToNextRegister(ctx.fs, v);
    expression(ctx, list[i]!, v);
  }
  return list.length;
}

/** lparser.c's funcargs: `open` is the index of the `(`, `{` or string token. */
function callArguments(ctx: CompileContext, args: Expression[], open: number, f: ExpDesc): void {
  const fs = ctx.fs;
  const tokens = ctx.tokens;
  const line = tokens.endLine(open); // ls->linenumber when funcargs starts
  const a = newExp(ExpKind.VOID);
  const kind = tokens.kinds[open];
  if (kind === "(") {
    if (args.length > 0) {
      expressionList(ctx, args, a);
      setMultipleReturns(fs, a);
    }
    after(ctx, tokens.closers[open]!);
  } else {
    expression(ctx, args[0]!, a);
  }
  const base = f.info;
  let count: number;
  if (hasMultipleResults(a.k)) {
    count = LUA_MULTRET;
  } else {
    if (a.k !== ExpKind.VOID) expToNextRegister(fs, a);
    count = fs.freeRegister - (base + 1);
  }
  reset(f, ExpKind.CALL, codeABC(fs, OpCode.CALL, base, count + 1, 2));
  fixLine(fs, line);
  fs.freeRegister = base + 1;
}

/** luaO_int2fb: a table size hint as a "floating point byte" (eeeeexxx). */
function int2fb(x: number): number {
  let e = 0;
  while (x >= 16) {
    x = (x + 1) >> 1;
    e++;
  }
  return x < 8 ? x : ((e + 1) << 3) | (x - 8);
}

/** lparser.c's constructor, with recfield, listfield, closelistfield and lastlistfield. */
function tableConstructor(ctx: CompileContext, node: TableConstructor, t: ExpDesc): void {
  const fs = ctx.fs;
  const tokens = ctx.tokens;
  const open = tokens.at(node.loc);
  after(ctx, open - 1);
  const pc = codeABC(fs, OpCode.NEWTABLE, 0, 0, 0);
  let arrayCount = 0;
  let hashCount = 0;
  let toStore = 0;
  reset(t, ExpKind.RELOCABLE, pc);
  const pending = newExp(ExpKind.VOID);
  expToNextRegister(fs, t);
  const closeListField = (): void => {
    if (pending.k === ExpKind.VOID) return;
    expToNextRegister(fs, pending);
    pending.k = ExpKind.VOID;
    if (toStore === FIELDS_PER_FLUSH) {
      codeSetList(fs, t.info, arrayCount, toStore);
      toStore = 0;
    }
  };
  node.fields.forEach((field, i) => {
    if (i > 0) {
      after(ctx, lastToken(ctx, node.fields[i - 1]!.value) + 1); // the separator
      closeListField();
    }
    if (field.type === "PositionalField") {
      const first = tokens.at(field.loc);
      if (tokens.kinds[first] === "<name>") tokens.peeked.add(first); // luaX_lookahead
      expression(ctx, field.value, pending);
      arrayCount++;
      toStore++;
      return;
    }
    // recfield
    const reg = fs.freeRegister;
    const key = newExp(ExpKind.VOID);
    let equals: number;
    if (field.type === "NamedField") {
      reset(key, ExpKind.K, stringConstant(fs, field.name));
      equals = tokens.at(field.loc) + 1;
    } else {
      expression(ctx, field.key, key);
      expToValue(fs, key);
      equals = lastToken(ctx, field.key) + 2;
    }
    hashCount++;
    after(ctx, equals);
    const rkKey = expToRK(fs, key);
    const value = newExp(ExpKind.VOID);
    expression(ctx, field.value, value);
    codeABC(fs, OpCode.SETTABLE, t.info, rkKey, expToRK(fs, value));
    fs.freeRegister = reg;
  });
  after(ctx, tokens.closers[open]!);
  // lastlistfield
  if (toStore !== 0) {
    if (hasMultipleResults(pending.k)) {
      setMultipleReturns(fs, pending);
      codeSetList(fs, t.info, arrayCount, LUA_MULTRET);
      arrayCount--;
    } else {
      if (pending.k !== ExpKind.VOID) expToNextRegister(fs, pending);
      codeSetList(fs, t.info, arrayCount, toStore);
    }
  }
  setB(fs, pc, int2fb(arrayCount));
  setC(fs, pc, int2fb(hashCount));
}

// ---- Variables ---------------------------------------------------------------------------

/** lparser.c's registerlocalvar + new_localvar: declares the `n`-th new local (not active). */
export function newLocal(fs: FunctionState, name: string, n: number): void {
  fs.proto.locvars.push({ name, startpc: 0, endpc: 0 });
  fs.activeLocals[fs.activeCount + n] = fs.proto.locvars.length - 1;
}

/** lparser.c's adjustlocalvars: the last `count` declared locals become active. */
export function activateLocals(fs: FunctionState, count: number): void {
  fs.activeCount += count;
  for (let n = count; n > 0; n--) fs.local(fs.activeCount - n).startpc = fs.pc;
}

/** lparser.c's removevars */
export function removeLocals(fs: FunctionState, toLevel: number): void {
  while (fs.activeCount > toLevel) fs.local(--fs.activeCount).endpc = fs.pc;
}

function searchVariable(fs: FunctionState, name: string): number {
  for (let i = fs.activeCount - 1; i >= 0; i--) if (fs.local(i).name === name) return i;
  return -1;
}

/** markupval: the block declaring local `level` must close it (OP_CLOSE) when it ends. */
function markUpvalue(fs: FunctionState, level: number): void {
  let block = fs.block;
  while (block !== undefined && block.activeCount > level) block = block.previous;
  if (block !== undefined) block.hasUpvalue = true;
}

function indexUpvalue(fs: FunctionState, name: string, v: ExpDesc): number {
  const kinds = fs.upvalueKinds;
  for (let i = 0; i < kinds.length; i++) {
    if (kinds[i]!.k === v.k && kinds[i]!.info === v.info) return i;
  }
  fs.proto.upvalues.push(name);
  kinds.push({ k: v.k, info: v.info });
  return fs.proto.nups++;
}

function singleVariableAux(
  fs: FunctionState | undefined,
  name: string,
  v: ExpDesc,
  base: boolean,
): ExpKind {
  if (fs === undefined) {
    reset(v, ExpKind.GLOBAL, NO_REG);
    return ExpKind.GLOBAL;
  }
  const local = searchVariable(fs, name);
  if (local >= 0) {
    reset(v, ExpKind.LOCAL, local);
    if (!base) markUpvalue(fs, local);
    return ExpKind.LOCAL;
  }
  if (singleVariableAux(fs.parent, name, v, false) === ExpKind.GLOBAL) return ExpKind.GLOBAL;
  v.info = indexUpvalue(fs, name, v);
  v.k = ExpKind.UPVAL;
  return ExpKind.UPVAL;
}

/** lparser.c's singlevar: a local, an upvalue, or a global named by a string constant. */
export function singleVariable(ctx: CompileContext, name: string, v: ExpDesc): void {
  if (singleVariableAux(ctx.fs, name, v, true) === ExpKind.GLOBAL) {
    v.info = stringConstant(ctx.fs, name);
  }
}

// ---- Functions ---------------------------------------------------------------------------

/**
 * lparser.c's body + close_func + pushclosure: compiles `node` as a new Proto and leaves the
 * CLOSURE instruction in `v`. `keyword` is the index of the `function` token (its closer is
 * the `end`), `line` lua5.1's linedefined.
 */
export function functionBody(
  ctx: CompileContext,
  node: FunctionExpression,
  v: ExpDesc,
  line: number,
  keyword: number,
): void {
  const parent = ctx.fs;
  const fs = new FunctionState(parent, ctx, ctx.source);
  ctx.fs = fs;
  const proto = fs.proto;
  proto.linedefined = line;
  node.params.forEach((param, n) => {
    newLocal(fs, param.name, n);
  });
  let count = node.params.length;
  if (node.isVararg) {
    // LUA_COMPAT_VARARG: the hidden local `arg`, dropped (NEEDSARG cleared) if `...` is used
    newLocal(fs, "arg", count++);
    proto.is_vararg = VARARG_HASARG | VARARG_NEEDSARG | VARARG_ISVARARG;
  }
  activateLocals(fs, count);
  proto.numparams = fs.activeCount - (proto.is_vararg & VARARG_HASARG);
  reserveRegisters(fs, fs.activeCount);
  statementList(ctx, node.body.body);
  proto.lastlinedefined = node.endLine;
  ctx.functions.set(locationKey(node.loc), proto);
  const end = ctx.tokens.closers[keyword]!;
  after(ctx, end);
  closeFunction(fs);
  ctx.fs = parent;
  parent.proto.protos.push(proto);
  reset(v, ExpKind.RELOCABLE, codeABx(parent, OpCode.CLOSURE, 0, parent.proto.protos.length - 1));
  for (const up of fs.upvalueKinds) {
    codeABC(parent, up.k === ExpKind.LOCAL ? OpCode.MOVE : OpCode.GETUPVAL, 0, up.info, 0);
  }
}

/** lparser.c's close_func: the final `return`, and the end of every local's life. */
export function closeFunction(fs: FunctionState): void {
  removeLocals(fs, 0);
  codeReturn(fs, 0, 0);
}
