// Statements and blocks, as lparser.c compiles them (chunk, block, statement and the *stat
// functions). Line numbers follow the tokens lparser.c has consumed when it emits: the
// keyword or separator before an instruction is located through `ctx.tokens`.

import type {
  AssignmentStatement,
  Block,
  Expression,
  FunctionStatement,
  GenericForStatement,
  IfStatement,
  NumericForStatement,
  Statement,
} from "@lunette/frontend";
import { OpCode } from "../proto.js";
import {
  checkStack,
  codeABC,
  codeABx,
  codeAsBx,
  codeNil,
  codeReturn,
  concat,
  expToAnyRegister,
  expToNextRegister,
  fixLine,
  goIfTrue,
  indexed,
  jump,
  label,
  numberConstant,
  patchList,
  patchToHere,
  reserveRegisters,
  setC,
  setMultipleReturns,
  setOneReturn,
  setOp,
  setReturns,
  storeVar,
  stringConstant,
} from "./code.js";
import {
  activateLocals,
  after,
  expression,
  expressionList,
  functionBody,
  lastToken,
  newLocal,
  removeLocals,
  singleVariable,
} from "./expressions.js";
import {
  type BlockScope,
  type CompileContext,
  type ExpDesc,
  ExpKind,
  type FunctionState,
  hasMultipleResults,
  LUA_MULTRET,
  NO_JUMP,
  newExp,
} from "./function-state.js";

/** lparser.c's chunk: statements, with the free registers reset after each one. */
export function statementList(ctx: CompileContext, statements: Statement[]): void {
  for (const s of statements) {
    statement(ctx, s);
    ctx.fs.freeRegister = ctx.fs.activeCount;
  }
}

function enterBlock(fs: FunctionState, isBreakable: boolean): BlockScope {
  const block: BlockScope = {
    previous: fs.block,
    breakList: NO_JUMP,
    activeCount: fs.activeCount,
    hasUpvalue: false,
    isBreakable,
  };
  fs.block = block;
  return block;
}

/** lparser.c's leaveblock: locals die, captured ones are closed, `break`s land here. */
function leaveBlock(fs: FunctionState): void {
  const block = fs.block!;
  fs.block = block.previous;
  removeLocals(fs, block.activeCount);
  if (block.hasUpvalue) codeABC(fs, OpCode.CLOSE, block.activeCount, 0, 0);
  fs.freeRegister = fs.activeCount;
  patchToHere(fs, block.breakList);
}

/** lparser.c's block: a scope ending just before token `terminator`. */
function block(ctx: CompileContext, body: Block, terminator: number): void {
  enterBlock(ctx.fs, false);
  statementList(ctx, body.body);
  after(ctx, terminator - 1);
  leaveBlock(ctx.fs);
}

/** lparser.c's adjust_assign: `nvars` values from `nexps` expressions ending with `e`. */
function adjustAssign(fs: FunctionState, nvars: number, nexps: number, e: ExpDesc): void {
  let extra = nvars - nexps;
  if (hasMultipleResults(e.k)) {
    extra++;
    if (extra < 0) extra = 0;
    setReturns(fs, e, extra);
    if (extra > 1) reserveRegisters(fs, extra - 1);
  } else {
    if (e.k !== ExpKind.VOID) expToNextRegister(fs, e);
    if (extra > 0) {
      const reg = fs.freeRegister;
      reserveRegisters(fs, extra);
      codeNil(fs, reg, extra);
    }
  }
}

/** lparser.c's cond: the jumps taken when the condition is false. */
function condition(ctx: CompileContext, node: Expression): number {
  const v = newExp(ExpKind.VOID);
  expression(ctx, node, v);
  if (v.k === ExpKind.NIL) v.k = ExpKind.FALSE;
  goIfTrue(ctx.fs, v);
  return v.f;
}

function statement(ctx: CompileContext, node: Statement): void {
  const fs = ctx.fs;
  const tokens = ctx.tokens;
  switch (node.type) {
    case "Local": {
      node.names.forEach((name, n) => {
        newLocal(fs, name.name, n);
      });
      const e = newExp(ExpKind.VOID);
      let count = 0;
      if (node.values.length > 0) count = expressionList(ctx, node.values, e);
      else after(ctx, tokens.at(node.names[node.names.length - 1]!.loc));
      adjustAssign(fs, node.names.length, count, e);
      activateLocals(fs, node.names.length);
      return;
    }
    case "LocalFunction": {
      newLocal(fs, node.name.name, 0);
      const v = newExp(ExpKind.LOCAL, fs.freeRegister);
      reserveRegisters(fs, 1);
      activateLocals(fs, 1);
      const keyword = tokens.at(node.loc) + 1;
      const b = newExp(ExpKind.VOID);
      functionBody(ctx, node.func, b, tokens.endLine(keyword + 2), keyword);
      storeVar(fs, v, b);
      // debug information only sees the variable after this point
      fs.local(fs.activeCount - 1).startpc = fs.pc;
      return;
    }
    case "FunctionStatement":
      functionStatement(ctx, node);
      return;
    case "Assignment":
      assignment(ctx, node);
      return;
    case "CallStatement": {
      const v = newExp(ExpKind.VOID);
      expression(ctx, node.call, v);
      setC(fs, v.info, 1); // a call statement keeps no results
      return;
    }
    case "Do": {
      const open = tokens.at(node.loc);
      block(ctx, node.body, tokens.closers[open]!);
      return;
    }
    case "While": {
      const start = label(fs);
      const exit = condition(ctx, node.condition);
      enterBlock(fs, true);
      const end = tokens.closers[lastToken(ctx, node.condition) + 1]!;
      block(ctx, node.body, end);
      patchList(fs, jump(fs), start);
      after(ctx, end);
      leaveBlock(fs);
      patchToHere(fs, exit);
      return;
    }
    case "Repeat": {
      const until = tokens.closers[tokens.at(node.loc)]!;
      const start = label(fs);
      enterBlock(fs, true);
      const scope = enterBlock(fs, false);
      statementList(ctx, node.body.body);
      after(ctx, until);
      const exit = condition(ctx, node.condition);
      if (!scope.hasUpvalue) {
        leaveBlock(fs);
        patchList(fs, exit, start);
      } else {
        // captured locals must be closed on every iteration: break out, else close and loop
        breakStatement(fs);
        patchToHere(fs, exit);
        leaveBlock(fs);
        patchList(fs, jump(fs), start);
      }
      leaveBlock(fs);
      return;
    }
    case "If":
      ifStatement(ctx, node);
      return;
    case "NumericFor":
      numericFor(ctx, node);
      return;
    case "GenericFor":
      genericFor(ctx, node);
      return;
    case "Return": {
      let first = 0;
      let count = 0;
      if (node.values.length === 0) {
        after(ctx, tokens.at(node.loc));
      } else {
        const e = newExp(ExpKind.VOID);
        count = expressionList(ctx, node.values, e);
        if (hasMultipleResults(e.k)) {
          setMultipleReturns(fs, e);
          if (e.k === ExpKind.CALL && count === 1) setOp(fs, e.info, OpCode.TAILCALL);
          first = fs.activeCount;
          count = LUA_MULTRET;
        } else if (count === 1) {
          first = expToAnyRegister(fs, e);
        } else {
          expToNextRegister(fs, e);
          first = fs.activeCount;
        }
      }
      codeReturn(fs, first, count);
      return;
    }
    case "Break":
      after(ctx, tokens.at(node.loc));
      breakStatement(fs);
      return;
  }
}

/** lparser.c's breakstat: close captured locals of the blocks left, jump to the loop end. */
function breakStatement(fs: FunctionState): void {
  let block = fs.block;
  let upvalue = false;
  while (block !== undefined && !block.isBreakable) {
    upvalue ||= block.hasUpvalue;
    block = block.previous;
  }
  if (block === undefined) throw new Error("no loop to break");
  if (upvalue) codeABC(fs, OpCode.CLOSE, block.activeCount, 0, 0);
  concat(fs, block, "breakList", jump(fs));
}

/** lparser.c's funcstat and funcname: `function a.b.c:m() ... end`. */
function functionStatement(ctx: CompileContext, node: FunctionStatement): void {
  const fs = ctx.fs;
  const tokens = ctx.tokens;
  const keyword = tokens.at(node.loc);
  const line = tokens.lines[keyword]!;
  // the target chain, outermost name first (keys are located at their `.` or `:`)
  const keys: string[] = [];
  let target = node.target;
  while (target.type === "Index") {
    keys.unshift((target.key as { value: string }).value);
    target = target.object as typeof target;
  }
  const v = newExp(ExpKind.VOID);
  singleVariable(ctx, (target as { name: string }).name, v);
  let nameToken = keyword + 1;
  for (const key of keys) {
    after(ctx, nameToken);
    expToAnyRegister(fs, v);
    nameToken += 2;
    const k = newExp(ExpKind.K, stringConstant(fs, key));
    after(ctx, nameToken);
    indexed(fs, v, k);
  }
  const b = newExp(ExpKind.VOID);
  functionBody(ctx, node.func, b, line, keyword);
  storeVar(fs, v, b);
  fixLine(fs, line); // the definition "happens" on the first line
}

/** lparser.c's exprstat/assignment/check_conflict for `targets = values`. */
function assignment(ctx: CompileContext, node: AssignmentStatement): void {
  const fs = ctx.fs;
  const targets: ExpDesc[] = [];
  for (const target of node.targets) {
    const v = newExp(ExpKind.VOID);
    expression(ctx, target, v);
    if (targets.length > 0 && v.k === ExpKind.LOCAL) {
      // a table or key register of an earlier target is this local: use a copy of it
      const extra = fs.freeRegister;
      let conflict = false;
      for (const previous of targets) {
        if (previous.k !== ExpKind.INDEXED) continue;
        if (previous.info === v.info) {
          conflict = true;
          previous.info = extra;
        }
        if (previous.aux === v.info) {
          conflict = true;
          previous.aux = extra;
        }
      }
      if (conflict) {
        codeABC(fs, OpCode.MOVE, fs.freeRegister, v.info, 0);
        reserveRegisters(fs, 1);
      }
    }
    targets.push(v);
  }
  const e = newExp(ExpKind.VOID);
  const nexps = expressionList(ctx, node.values, e);
  const nvars = targets.length;
  let last = nvars - 1;
  if (nexps !== nvars) {
    adjustAssign(fs, nvars, nexps, e);
    if (nexps > nvars) fs.freeRegister -= nexps - nvars;
  } else {
    setOneReturn(fs, e);
    storeVar(fs, targets[last]!, e);
    last--;
  }
  for (let i = last; i >= 0; i--) {
    storeVar(fs, targets[i]!, newExp(ExpKind.NONRELOC, fs.freeRegister - 1));
  }
}

/** lparser.c's ifstat and test_then_block. */
function ifStatement(ctx: CompileContext, node: IfStatement): void {
  const fs = ctx.fs;
  const tokens = ctx.tokens;
  const end = tokens.closers[tokens.at(node.loc)]!;
  const elseToken = node.orelse === undefined ? -1 : tokens.at(node.orelse.loc) - 1;
  const escapes = { list: NO_JUMP };
  let falseList = NO_JUMP;
  node.clauses.forEach((clause, i) => {
    if (i > 0) {
      after(ctx, tokens.at(clause.loc) - 1);
      concat(fs, escapes, "list", jump(fs));
      patchToHere(fs, falseList);
    }
    falseList = condition(ctx, clause.condition);
    const next = node.clauses[i + 1];
    const terminator = next !== undefined ? tokens.at(next.loc) : elseToken >= 0 ? elseToken : end;
    block(ctx, clause.body, terminator);
  });
  if (node.orelse !== undefined) {
    after(ctx, elseToken - 1);
    concat(fs, escapes, "list", jump(fs));
    patchToHere(fs, falseList);
    after(ctx, elseToken); // skip `else` after the patch, for the line info
    block(ctx, node.orelse, end);
  } else {
    concat(fs, escapes, "list", falseList);
  }
  patchToHere(fs, escapes.list);
  after(ctx, end);
}

/** lparser.c's forbody: control locals, the loop variables' scope, FORPREP/FORLOOP. */
function forBody(
  ctx: CompileContext,
  body: Block,
  base: number,
  line: number,
  nvars: number,
  isNumeric: boolean,
  doToken: number,
): void {
  const fs = ctx.fs;
  const end = ctx.tokens.closers[doToken]!;
  activateLocals(fs, 3);
  after(ctx, doToken);
  const prep = isNumeric ? codeAsBx(fs, OpCode.FORPREP, base, NO_JUMP) : jump(fs);
  enterBlock(fs, false);
  activateLocals(fs, nvars);
  reserveRegisters(fs, nvars);
  block(ctx, body, end);
  leaveBlock(fs);
  patchToHere(fs, prep);
  const endFor = isNumeric
    ? codeAsBx(fs, OpCode.FORLOOP, base, NO_JUMP)
    : codeABC(fs, OpCode.TFORLOOP, base, 0, nvars);
  fixLine(fs, line); // pretend that the loop instruction starts the loop
  patchList(fs, isNumeric ? endFor : jump(fs), prep + 1);
  after(ctx, end);
}

/** lparser.c's forstat + fornum. */
function numericFor(ctx: CompileContext, node: NumericForStatement): void {
  const fs = ctx.fs;
  const line = ctx.tokens.lines[ctx.tokens.at(node.loc)]!;
  enterBlock(fs, true);
  const base = fs.freeRegister;
  newLocal(fs, "(for index)", 0);
  newLocal(fs, "(for limit)", 1);
  newLocal(fs, "(for step)", 2);
  newLocal(fs, node.variable.name, 3);
  const startValue = newExp(ExpKind.VOID);
  expression(ctx, node.start, startValue);
  expToNextRegister(fs, startValue);
  const limit = newExp(ExpKind.VOID);
  expression(ctx, node.limit, limit);
  expToNextRegister(fs, limit);
  if (node.step !== undefined) {
    const step = newExp(ExpKind.VOID);
    expression(ctx, node.step, step);
    expToNextRegister(fs, step);
  } else {
    codeABx(fs, OpCode.LOADK, fs.freeRegister, numberConstant(fs, 1));
    reserveRegisters(fs, 1);
  }
  const doToken = lastToken(ctx, node.step ?? node.limit) + 1;
  forBody(ctx, node.body, base, line, 1, true, doToken);
  leaveBlock(fs);
}

/** lparser.c's forstat + forlist. */
function genericFor(ctx: CompileContext, node: GenericForStatement): void {
  const fs = ctx.fs;
  const tokens = ctx.tokens;
  enterBlock(fs, true);
  const base = fs.freeRegister;
  newLocal(fs, "(for generator)", 0);
  newLocal(fs, "(for state)", 1);
  newLocal(fs, "(for control)", 2);
  node.variables.forEach((variable, n) => {
    newLocal(fs, variable.name, n + 3);
  });
  // ls->linenumber after `in`: where the first iterator token ends
  const line = tokens.endLine(tokens.at(node.iterators[0]!.loc));
  const e = newExp(ExpKind.VOID);
  const count = expressionList(ctx, node.iterators, e);
  adjustAssign(fs, 3, count, e);
  checkStack(fs, 3);
  const doToken = lastToken(ctx, node.iterators[node.iterators.length - 1]!) + 1;
  forBody(ctx, node.body, base, line, node.variables.length, false, doToken);
  leaveBlock(fs);
}
