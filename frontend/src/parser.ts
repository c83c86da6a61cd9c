// The Lua 5.1 parser: recursive descent over the whole 5.1 grammar (manual §8), building the
// AST of ast.ts. It follows PUC-Rio's lparser.c closely enough to reject exactly the programs
// lua5.1 rejects, with the same message at the same line:
//
// - errors name the token lua5.1 would be looking at (`near '...'`) and the scanner's line;
// - `chunk has too many syntax levels`: lua5.1 counts nested blocks and expressions in its C
//   call counter (LUAI_MAXCCALLS = 200), which also keeps our recursion far from JS limits;
// - the limits lparser.c checks while resolving names: 200 active locals per function
//   (LUAI_MAXVARS), 60 upvalues (LUAI_MAXUPVALUES), and the number of assignment targets;
// - `function or expression too complex`: lua5.1's register limit (MAXSTACK = 250), tracked
//   here with a model of the registers lcode.c would use for lists of values (call arguments,
//   return values, table items, locals). Temporaries inside expressions are only partly
//   modelled, so an expression with many nested temporaries may pass where lua5.1 fails.
//
// The parser keeps the current token in the lexer's fields (a pull lexer) and never backtracks.

import type {
  BinaryOperator,
  Block,
  Chunk,
  Expression,
  FunctionExpression,
  Identifier,
  IndexExpression,
  Loc,
  Statement,
  TableField,
  UnaryOperator,
} from "./ast.js";
import { chunkId, MAXSRC } from "./chunkid.js";
import { Lexer } from "./lexer.js";
import {
  BINARY_LEFT,
  BINARY_OPERATOR,
  BINARY_RIGHT,
  TK_AND,
  TK_BREAK,
  TK_CONCAT,
  TK_DO,
  TK_DOTS,
  TK_ELSE,
  TK_ELSEIF,
  TK_END,
  TK_EOS,
  TK_FALSE,
  TK_FOR,
  TK_FUNCTION,
  TK_IF,
  TK_IN,
  TK_LOCAL,
  TK_NAME,
  TK_NIL,
  TK_NOT,
  TK_NUMBER,
  TK_OR,
  TK_REPEAT,
  TK_RETURN,
  TK_STRING,
  TK_THEN,
  TK_TRUE,
  TK_UNTIL,
  TK_WHILE,
  tokenToString,
  UNARY_PRIORITY,
} from "./tokens.js";

export interface ParseOptions {
  /**
   * Skip a first line that starts with `#` (luaL_loadfile does this for files and stdin so
   * `#!` scripts run; loadstring does not). Default: true when the chunk name starts with
   * `@` or is `=stdin`.
   */
  skipFirstLine?: boolean;
  /**
   * lua5.1's C call depth (`nCcalls`) when parsing starts; it counts against the 200 syntax
   * levels. 1 for a script run by the lua5.1 program (the default), 2 for `loadstring`
   * called from a main chunk, one more for each enclosing pcall or C call.
   */
  callDepth?: number;
}

/** Parses Lua 5.1 source (a byte string) into a Chunk; throws LuaSyntaxError. */
export function parse(source: string, chunkName: string, options: ParseOptions = {}): Chunk {
  const skip = options.skipFirstLine ?? (chunkName.startsWith("@") || chunkName === "=stdin");
  let start = 0;
  let firstLine = 1;
  if (skip && source.charCodeAt(0) === 35) {
    // luaL_loadfile skips up to the first `\n` and keeps that newline, so lines still count
    // (with no newline at all, it reads one anyway).
    const newline = source.indexOf("\n");
    start = newline < 0 ? source.length : newline;
    if (newline < 0) firstLine = 2;
  }
  return new Parser(source, chunkName, start, firstLine, options.callDepth ?? 1).parseChunk();
}

// ---- Limits of PUC-Rio Lua 5.1 (luaconf.h, llimits.h, lopcodes.h) ------------------------
const LUAI_MAXCCALLS = 200;
const LUAI_MAXVARS = 200;
const LUAI_MAXUPVALUES = 60;
const MAXSTACK = 250;
const MAXARG_BX = (1 << 18) - 1;
/** lopcodes.h's LFIELDS_PER_FLUSH: list items a constructor stores at once. */
const LFIELDS_PER_FLUSH = 50;

/** What lparser.c knows of each function being parsed (its FuncState), for limits. */
interface FunctionState {
  parent: FunctionState | undefined;
  /** Names of the active locals, in register order (lparser.c's actvar). */
  actives: string[];
  /** Upvalues, keyed by the enclosing function's variable: its register, or -1 - upvalue index. */
  upvalues: number[];
  /** Innermost enclosing block. */
  block: BlockState | undefined;
  isVararg: boolean;
  /** lua5.1's linedefined: 0 for the main function. */
  lineDefined: number;
  /** First free register (lcode.c's freereg), as modelled here. */
  freeRegister: number;
}

/** lparser.c's BlockCnt: a scope, and whether `break` may leave it. */
interface BlockState {
  previous: BlockState | undefined;
  isLoop: boolean;
  /** Number of active locals when the block was entered. */
  activeCount: number;
}

const VAR_GLOBAL = 0;
const VAR_LOCAL = 1;
const VAR_UPVALUE = 2;

function isMultiValue(e: Expression): boolean {
  return e.type === "Call" || e.type === "MethodCall" || e.type === "Vararg";
}

/** lparser.c's block_follow: tokens that end a block. */
function blockFollow(token: number): boolean {
  return (
    token === TK_ELSE ||
    token === TK_ELSEIF ||
    token === TK_END ||
    token === TK_UNTIL ||
    token === TK_EOS
  );
}

class Parser {
  /** The lexer; its fields hold the current token. */
  private readonly lx: Lexer;
  /** The raw chunk name, for Chunk.chunkName. */
  private readonly rawChunkName: string;
  /** lua5.1's nCcalls: nesting of blocks and expressions, limited to LUAI_MAXCCALLS. */
  private level: number;
  /** The function being parsed. */
  private fs: FunctionState;
  /** Set by singleVar: the kind (VAR_*) of the name resolved last. */
  private lastVarKind = VAR_GLOBAL;
  /** Set by resolve: the register of a local, or the index of an upvalue, found last. */
  private resolvedIndex = 0;
  /** Set by expressionList: the free register before its last expression. */
  private lastExpressionBase = 0;

  constructor(
    source: string,
    chunkName: string,
    start: number,
    firstLine: number,
    callDepth: number,
  ) {
    this.lx = new Lexer(source, chunkId(chunkName, MAXSRC), start);
    this.lx.line = firstLine;
    this.rawChunkName = chunkName;
    this.level = callDepth;
    this.fs = this.openFunction(0, true);
  }

  parseChunk(): Chunk {
    const lx = this.lx;
    lx.next();
    const loc = this.loc();
    const body = this.statementList();
    if (lx.token !== TK_EOS) this.errorExpected(TK_EOS);
    return {
      type: "Chunk",
      loc,
      body: { type: "Block", loc, body },
      chunkName: chunkId(this.rawChunkName),
      endLine: lx.line,
    };
  }

  // ---- Token helpers (lparser.c) ------------------------------------------------------

  private loc(): Loc {
    return { line: this.lx.tokenLine, column: this.lx.tokenColumn };
  }

  /** luaX_syntaxerror: an error near the current token. */
  private syntaxError(message: string): never {
    // A NUL byte is token 0, which luaX_lexerror takes for "no token": no `near` part.
    return this.lx.error(message, this.lx.token === 0 ? undefined : this.lx.tokenText());
  }

  private errorExpected(token: number): never {
    return this.syntaxError(`'${tokenToString(token)}' expected`);
  }

  /** lparser.c's errorlimit: reported without a `near` part. */
  private errorLimit(fs: FunctionState, limit: number, what: string): never {
    const where = fs.lineDefined === 0 ? "main function" : `function at line ${fs.lineDefined}`;
    return this.lx.error(`${where} has more than ${limit} ${what}`);
  }

  private testNext(token: number): boolean {
    if (this.lx.token !== token) return false;
    this.lx.next();
    return true;
  }

  private check(token: number): void {
    if (this.lx.token !== token) this.errorExpected(token);
  }

  private checkNext(token: number): void {
    if (this.lx.token !== token) this.errorExpected(token);
    this.lx.next();
  }

  /** lparser.c's check_match: names the opening token when it is on another line. */
  private checkMatch(what: number, who: number, where: number): void {
    if (this.lx.token === what) {
      this.lx.next();
      return;
    }
    if (where === this.lx.line) this.errorExpected(what);
    this.syntaxError(
      `'${tokenToString(what)}' expected (to close '${tokenToString(who)}' at line ${where})`,
    );
  }

  private checkName(): string {
    this.check(TK_NAME);
    const name = this.lx.value;
    this.lx.next();
    return name;
  }

  private identifier(): Identifier {
    const loc = this.loc();
    return { type: "Identifier", loc, name: this.checkName() };
  }

  /** lparser.c's enterlevel. */
  private enterLevel(): void {
    if (++this.level > LUAI_MAXCCALLS) this.lx.error("chunk has too many syntax levels");
  }

  // ---- Scopes and registers (a model of lparser.c / lcode.c bookkeeping) ---------------

  private openFunction(lineDefined: number, isVararg: boolean): FunctionState {
    return {
      parent: this.fs as FunctionState | undefined,
      actives: [],
      upvalues: [],
      block: undefined,
      isVararg,
      lineDefined,
      freeRegister: 0,
    };
  }

  /** lparser.c's new_localvar limit check, for the `n`-th of the locals being declared. */
  private checkLocalLimit(n: number): void {
    const fs = this.fs;
    if (fs.actives.length + n + 1 > LUAI_MAXVARS)
      this.errorLimit(fs, LUAI_MAXVARS, "local variables");
  }

  /** Declares and activates locals at once (their registers are already reserved). */
  private activate(names: string[]): void {
    const actives = this.fs.actives;
    for (const name of names) actives.push(name);
  }

  /** lcode.c's luaK_reserveregs with luaK_checkstack. */
  private reserve(n: number): void {
    const fs = this.fs;
    if (fs.freeRegister + n >= MAXSTACK) this.syntaxError("function or expression too complex");
    fs.freeRegister += n;
  }

  /** luaK_exp2nextreg for an expression evaluated from register `base` upwards. */
  private toNextRegister(base: number): void {
    this.fs.freeRegister = base;
    this.reserve(1);
  }

  private enterBlock(isLoop: boolean): void {
    const fs = this.fs;
    fs.block = { previous: fs.block, isLoop, activeCount: fs.actives.length };
  }

  private leaveBlock(): void {
    const fs = this.fs;
    const block = fs.block!;
    fs.block = block.previous;
    fs.actives.length = block.activeCount;
    fs.freeRegister = block.activeCount;
  }

  /** lparser.c's singlevar/singlevaraux: resolves a name, counting upvalues against the limit. */
  private singleVar(name: string): void {
    this.lastVarKind = this.resolve(this.fs, name);
  }

  private resolve(fs: FunctionState | undefined, name: string): number {
    if (fs === undefined) return VAR_GLOBAL;
    const actives = fs.actives;
    for (let i = actives.length - 1; i >= 0; i--) {
      if (actives[i] === name) {
        this.resolvedIndex = i;
        return VAR_LOCAL;
      }
    }
    const outer = this.resolve(fs.parent, name);
    if (outer === VAR_GLOBAL) return VAR_GLOBAL;
    const key = outer === VAR_LOCAL ? this.resolvedIndex : -1 - this.resolvedIndex;
    let index = fs.upvalues.indexOf(key);
    if (index < 0) {
      if (fs.upvalues.length + 1 > LUAI_MAXUPVALUES) {
        this.errorLimit(fs, LUAI_MAXUPVALUES, "upvalues");
      }
      index = fs.upvalues.push(key) - 1;
    }
    this.resolvedIndex = index;
    return VAR_UPVALUE;
  }

  // ---- Blocks and statements ----------------------------------------------------------

  /** lparser.c's chunk: statements until a block end; `return`/`break` must come last. */
  private statementList(): Statement[] {
    const lx = this.lx;
    const fs = this.fs;
    this.enterLevel();
    const body: Statement[] = [];
    let isLast = false;
    while (!isLast && !blockFollow(lx.token)) {
      isLast = lx.token === TK_RETURN || lx.token === TK_BREAK;
      body.push(this.statement());
      this.testNext(59); // `;`
      fs.freeRegister = fs.actives.length;
    }
    this.level--;
    return body;
  }

  /** lparser.c's block: a statement list in its own scope. */
  private block(): Block {
    const loc = this.loc();
    this.enterBlock(false);
    const body = this.statementList();
    this.leaveBlock();
    return { type: "Block", loc, body };
  }

  private statement(): Statement {
    const lx = this.lx;
    const token = lx.token;
    if (token === TK_NAME || token === 40) return this.expressionStatement();
    const line = lx.line;
    const loc = this.loc();
    switch (token) {
      case TK_IF:
        return this.ifStatement(loc, line);
      case TK_WHILE: {
        lx.next();
        const condition = this.expression();
        this.enterBlock(true);
        this.checkNext(TK_DO);
        const body = this.block();
        this.checkMatch(TK_END, TK_WHILE, line);
        this.leaveBlock();
        return { type: "While", loc, condition, body };
      }
      case TK_DO: {
        lx.next();
        const body = this.block();
        this.checkMatch(TK_END, TK_DO, line);
        return { type: "Do", loc, body };
      }
      case TK_FOR:
        return this.forStatement(loc, line);
      case TK_REPEAT: {
        // The condition sees the body's locals (§2.4.4): two blocks, as in repeatstat.
        this.enterBlock(true);
        this.enterBlock(false);
        lx.next();
        const bodyLoc = this.loc();
        const statements = this.statementList();
        this.checkMatch(TK_UNTIL, TK_REPEAT, line);
        const condition = this.expression();
        this.leaveBlock();
        this.leaveBlock();
        return {
          type: "Repeat",
          loc,
          body: { type: "Block", loc: bodyLoc, body: statements },
          condition,
        };
      }
      case TK_FUNCTION:
        return this.functionStatement(loc, line);
      case TK_LOCAL:
        lx.next();
        if (this.testNext(TK_FUNCTION)) return this.localFunction(loc);
        return this.localStatement(loc);
      case TK_RETURN:
        return this.returnStatement(loc);
      case TK_BREAK: {
        lx.next();
        let block = this.fs.block;
        while (block !== undefined && !block.isLoop) block = block.previous;
        if (block === undefined) this.syntaxError("no loop to break");
        return { type: "Break", loc };
      }
      default:
        return this.expressionStatement();
    }
  }

  private ifStatement(loc: Loc, line: number): Statement {
    const lx = this.lx;
    const clauses: { loc: Loc; condition: Expression; body: Block }[] = [];
    // test_then_block for `if` and each `elseif`
    do {
      const clauseLoc = this.loc();
      lx.next();
      const condition = this.expression();
      this.checkNext(TK_THEN);
      clauses.push({ loc: clauseLoc, condition, body: this.block() });
    } while (lx.token === TK_ELSEIF);
    let orelse: Block | undefined;
    if (lx.token === TK_ELSE) {
      lx.next();
      orelse = this.block();
    }
    this.checkMatch(TK_END, TK_IF, line);
    return orelse === undefined
      ? { type: "If", loc, clauses }
      : { type: "If", loc, clauses, orelse };
  }

  private forStatement(loc: Loc, line: number): Statement {
    const lx = this.lx;
    const fs = this.fs;
    this.enterBlock(true);
    lx.next();
    const variable = this.identifier();
    let statement: Statement;
    const base = fs.freeRegister;
    if (lx.token === 61) {
      // fornum: three hidden control locals, then the variable
      for (let n = 0; n < 4; n++) this.checkLocalLimit(n);
      lx.next();
      const start = this.expression();
      this.toNextRegister(base);
      this.checkNext(44); // `,`
      const limit = this.expression();
      this.toNextRegister(base + 1);
      let step: Expression | undefined;
      if (this.testNext(44)) {
        step = this.expression();
        this.toNextRegister(base + 2);
      } else {
        this.reserve(1);
      }
      const body = this.forBody(["(for index)", "(for limit)", "(for step)"], [variable.name]);
      statement =
        step === undefined
          ? { type: "NumericFor", loc, variable, start, limit, body }
          : { type: "NumericFor", loc, variable, start, limit, step, body };
    } else if (lx.token === 44 || lx.token === TK_IN) {
      // forlist: three hidden control locals, then the variables
      const variables = [variable];
      for (let n = 0; n < 4; n++) this.checkLocalLimit(n);
      while (this.testNext(44)) {
        variables.push(this.identifier());
        this.checkLocalLimit(variables.length + 2);
      }
      this.checkNext(TK_IN);
      const iterators = this.expressionList();
      this.adjustAssign(3, iterators);
      if (fs.freeRegister + 3 >= MAXSTACK) this.syntaxError("function or expression too complex");
      const names = variables.map((v) => v.name);
      const body = this.forBody(["(for generator)", "(for state)", "(for control)"], names);
      statement = { type: "GenericFor", loc, variables, iterators, body };
    } else {
      return this.syntaxError("'=' or 'in' expected");
    }
    this.checkMatch(TK_END, TK_FOR, line);
    this.leaveBlock();
    return statement;
  }

  /** lparser.c's forbody: the control locals, then `do` and the body in its own scope. */
  private forBody(control: string[], names: string[]): Block {
    this.activate(control);
    this.checkNext(TK_DO);
    this.enterBlock(false);
    this.activate(names);
    this.reserve(names.length);
    const body = this.block();
    this.leaveBlock();
    return body;
  }

  private functionStatement(loc: Loc, line: number): Statement {
    const lx = this.lx;
    lx.next();
    // funcname: NAME {`.` NAME} [`:` NAME]
    let target: Identifier | IndexExpression = this.identifier();
    this.singleVar(target.name);
    let name = target.name;
    let isMethod = false;
    while (lx.token === 46 || lx.token === 58) {
      isMethod = lx.token === 58;
      const keyLoc = this.loc();
      lx.next();
      const key = this.checkName();
      name += (isMethod ? ":" : ".") + key;
      target = {
        type: "Index",
        loc: target.loc,
        object: target,
        key: { type: "String", loc: keyLoc, value: key },
        dotted: true,
      };
      if (isMethod) break;
    }
    const func = this.body(loc, line, isMethod, name);
    return { type: "FunctionStatement", loc, target, func };
  }

  private localFunction(loc: Loc): Statement {
    const name = this.identifier();
    this.checkLocalLimit(0);
    this.reserve(1);
    this.activate([name.name]);
    const func = this.body(loc, this.lx.line, false, name.name);
    return { type: "LocalFunction", loc, name, func };
  }

  private localStatement(loc: Loc): Statement {
    const names: Identifier[] = [];
    do {
      names.push(this.identifier());
      this.checkLocalLimit(names.length - 1);
    } while (this.testNext(44));
    let values: Expression[] = [];
    if (this.testNext(61)) values = this.expressionList();
    this.adjustAssign(names.length, values);
    this.activate(names.map((n) => n.name));
    return { type: "Local", loc, names, values };
  }

  /** lparser.c's adjust_assign: registers for `count` values from an expression list. */
  private adjustAssign(count: number, values: Expression[]): void {
    const fs = this.fs;
    const last = values[values.length - 1];
    if (last === undefined) {
      this.reserve(count);
      return;
    }
    const extra = count - values.length;
    if (isMultiValue(last)) {
      fs.freeRegister = this.lastExpressionBase;
      this.reserve(extra > 0 ? extra + 1 : 1);
    } else {
      this.toNextRegister(this.lastExpressionBase);
      if (extra > 0) this.reserve(extra);
    }
  }

  private returnStatement(loc: Loc): Statement {
    const lx = this.lx;
    lx.next();
    let values: Expression[] = [];
    if (!blockFollow(lx.token) && lx.token !== 59) {
      values = this.expressionList();
      const last = values[values.length - 1]!;
      if (last.type === "Vararg" || (values.length > 1 && !isMultiValue(last))) {
        this.toNextRegister(this.lastExpressionBase);
      }
    }
    return { type: "Return", loc, values };
  }

  /** lparser.c's exprstat and assignment: a call, or `targets = values`. */
  private expressionStatement(): Statement {
    const first = this.primaryExpression();
    const loc = first.loc; // the statement starts where its first expression does
    if (first.type === "Call" || first.type === "MethodCall") {
      return { type: "CallStatement", loc, call: first };
    }
    const targets: (Identifier | IndexExpression)[] = [];
    let target: Expression = first;
    for (;;) {
      if (target.type !== "Identifier" && target.type !== "Index") {
        return this.syntaxError("syntax error");
      }
      targets.push(target);
      if (!this.testNext(44)) break;
      target = this.primaryExpression();
      const limit = LUAI_MAXCCALLS - this.level;
      if (targets.length > limit) this.errorLimit(this.fs, limit, "variables in assignment");
    }
    this.checkNext(61);
    const values = this.expressionList();
    if (values.length !== targets.length) {
      this.adjustAssign(targets.length, values);
      // only an assignment drops the extra values' registers (lparser.c's assignment)
      if (values.length > targets.length) this.fs.freeRegister -= values.length - targets.length;
    }
    // luaK_storevar runs once the values are read: the stores take the line of their last token.
    return { type: "Assignment", loc, targets, values, storeLine: this.lx.lastLine };
  }

  // ---- Functions -----------------------------------------------------------------------

  /**
   * lparser.c's body: `(params) block end`. `loc` is where the function's construct starts,
   * `line` is lua5.1's linedefined (used in limit messages and `to close` hints).
   */
  private body(loc: Loc, line: number, isMethod: boolean, name?: string): FunctionExpression {
    const lx = this.lx;
    const outer = this.fs;
    const fs = this.openFunction(line, false);
    this.fs = fs;
    this.checkNext(40); // `(`
    const params: Identifier[] = [];
    if (isMethod) {
      params.push({ type: "Identifier", loc, name: "self" });
      fs.actives.push("self");
    }
    const names: string[] = [];
    if (lx.token !== 41) {
      do {
        if (lx.token === TK_NAME) {
          const param = this.identifier();
          this.checkLocalLimit(names.length);
          params.push(param);
          names.push(param.name);
        } else if (lx.token === TK_DOTS) {
          lx.next();
          // LUA_COMPAT_VARARG: a vararg function has a hidden local `arg`
          this.checkLocalLimit(names.length);
          names.push("arg");
          fs.isVararg = true;
        } else {
          this.syntaxError("<name> or '...' expected");
        }
      } while (!fs.isVararg && this.testNext(44));
    }
    this.activate(names);
    fs.freeRegister = fs.actives.length;
    if (fs.freeRegister >= MAXSTACK) this.syntaxError("function or expression too complex");
    this.checkNext(41); // `)`
    const bodyLoc = this.loc();
    const statements = this.statementList();
    const endLine = lx.line;
    this.checkMatch(TK_END, TK_FUNCTION, line);
    this.fs = outer;
    const func: FunctionExpression = {
      type: "Function",
      loc,
      params,
      isVararg: fs.isVararg,
      body: { type: "Block", loc: bodyLoc, body: statements },
      endLine,
      isMethod,
    };
    if (name !== undefined) func.name = name;
    return func;
  }

  // ---- Expressions ---------------------------------------------------------------------

  /** lparser.c's explist1; leaves the last expression's base in lastExpressionBase. */
  private expressionList(): Expression[] {
    const list: Expression[] = [];
    for (;;) {
      const base = this.fs.freeRegister;
      list.push(this.expression());
      if (!this.testNext(44)) {
        this.lastExpressionBase = base;
        return list;
      }
      this.toNextRegister(base);
    }
  }

  private expression(): Expression {
    return this.subexpression(0);
  }

  /**
   * lparser.c's subexpr: operators whose left priority is above `limit` are taken here;
   * the right operand is read with the operator's right priority (lower for `..` and `^`,
   * which makes them right associative).
   */
  private subexpression(limit: number): Expression {
    const lx = this.lx;
    const fs = this.fs;
    this.enterLevel();
    const base = fs.freeRegister;
    let left: Expression;
    const token = lx.token;
    if (token === TK_NOT || token === 45 || token === 35) {
      const loc = this.loc();
      lx.next();
      const argument = this.subexpression(UNARY_PRIORITY);
      const operator: UnaryOperator = token === TK_NOT ? "not" : token === 45 ? "-" : "#";
      this.operandRegister(argument, base); // luaK_prefix
      fs.freeRegister = base;
      left = { type: "Unary", loc, operator, argument };
    } else {
      left = this.simpleExpression();
    }
    let priority = BINARY_LEFT[lx.token]!;
    while (priority > limit) {
      const operatorToken = lx.token;
      lx.next();
      // luaK_infix: the left operand goes to a register unless it is a constant or local
      if (operatorToken === TK_CONCAT) this.toNextRegister(base);
      else if (operatorToken !== TK_AND && operatorToken !== TK_OR)
        this.operandRegister(left, base);
      const right = this.subexpression(BINARY_RIGHT[operatorToken]!);
      fs.freeRegister = base;
      left = {
        type: "Binary",
        loc: left.loc,
        operator: BINARY_OPERATOR[operatorToken] as BinaryOperator,
        left,
        right,
      };
      priority = BINARY_LEFT[lx.token]!;
    }
    this.level--;
    return left;
  }

  /** Models luaK_exp2RK for a binary operand evaluated from register `base`. */
  private operandRegister(e: Expression, base: number): void {
    switch (e.type) {
      case "Nil":
      case "True":
      case "False":
      case "Number":
      case "String":
        return;
      case "Identifier":
        if (this.lastVarKind === VAR_LOCAL) return;
        break;
      case "Call":
      case "MethodCall":
      case "Paren":
      case "Table":
        return; // already in a register
    }
    this.toNextRegister(base);
  }

  /** lparser.c's simpleexp: literals, `...`, constructors, functions, or a primaryexp. */
  private simpleExpression(): Expression {
    const lx = this.lx;
    const loc = this.loc();
    switch (lx.token) {
      case TK_NUMBER: {
        const value = lx.numberValue;
        lx.next();
        return { type: "Number", loc, value };
      }
      case TK_STRING: {
        const value = lx.value;
        lx.next();
        return { type: "String", loc, value };
      }
      case TK_NIL:
        lx.next();
        return { type: "Nil", loc };
      case TK_TRUE:
        lx.next();
        return { type: "True", loc };
      case TK_FALSE:
        lx.next();
        return { type: "False", loc };
      case TK_DOTS:
        if (!this.fs.isVararg) this.syntaxError("cannot use '...' outside a vararg function");
        lx.next();
        return { type: "Vararg", loc };
      case 123: // `{`
        return this.constructor_();
      case TK_FUNCTION:
        lx.next();
        return this.body(loc, lx.line, false);
      default:
        return this.primaryExpression();
    }
  }

  /** lparser.c's prefixexp: a name or a parenthesized expression. */
  private prefixExpression(): Expression {
    const lx = this.lx;
    const loc = this.loc();
    if (lx.token === TK_NAME) {
      const name = lx.value;
      lx.next();
      this.singleVar(name);
      return { type: "Identifier", loc, name };
    }
    if (lx.token === 40) {
      const line = lx.line;
      lx.next();
      const expression = this.expression();
      this.checkMatch(41, 40, line);
      return { type: "Paren", loc, expression };
    }
    return this.syntaxError("unexpected symbol");
  }

  /** lparser.c's primaryexp: a prefixexp followed by fields, indexing and calls. */
  private primaryExpression(): Expression {
    const lx = this.lx;
    const fs = this.fs;
    const base = fs.freeRegister;
    let e = this.prefixExpression();
    for (;;) {
      switch (lx.token) {
        case 46: {
          // `.` NAME (lparser.c's field: the object goes to a register first)
          this.operandRegister(e, base);
          lx.next();
          const key: Expression = { type: "String", loc: this.loc(), value: this.checkName() };
          e = { type: "Index", loc: e.loc, object: e, key, dotted: true };
          break;
        }
        case 91: {
          // `[` exp `]`
          this.operandRegister(e, base);
          lx.next();
          const key = this.expression();
          this.checkNext(93);
          e = { type: "Index", loc: e.loc, object: e, key, dotted: false };
          break;
        }
        case 58: {
          // `:` NAME funcargs
          lx.next();
          const methodLoc = this.loc();
          const method = this.checkName();
          fs.freeRegister = base;
          this.reserve(2); // luaK_self: function and self
          const argsLoc = this.loc();
          const args = this.callArguments(base);
          e = { type: "MethodCall", loc: e.loc, object: e, method, methodLoc, args, argsLoc };
          break;
        }
        case 40:
        case TK_STRING:
        case 123: {
          this.toNextRegister(base);
          const argsLoc = this.loc();
          e = { type: "Call", loc: e.loc, callee: e, args: this.callArguments(base), argsLoc };
          break;
        }
        default:
          return e;
      }
    }
  }

  /** lparser.c's funcargs; the called function sits in register `base`. */
  private callArguments(base: number): Expression[] {
    const lx = this.lx;
    const line = lx.line;
    let args: Expression[];
    switch (lx.token) {
      case 40: {
        if (line !== lx.lastLine) {
          this.syntaxError("ambiguous syntax (function call x new statement)");
        }
        lx.next();
        // (the switch narrowed lx.token; next() changed it)
        args = (lx.token as number) === 41 ? [] : this.expressionList();
        if (args[args.length - 1]?.type === "Vararg") this.toNextRegister(this.lastExpressionBase);
        this.checkMatch(41, 40, line);
        const last = args[args.length - 1];
        if (last !== undefined && !isMultiValue(last)) {
          this.toNextRegister(this.lastExpressionBase);
        }
        break;
      }
      case 123:
        args = [this.constructor_()];
        break;
      case TK_STRING: {
        args = [{ type: "String", loc: this.loc(), value: lx.value }];
        lx.next();
        this.reserve(1);
        break;
      }
      default:
        return this.syntaxError("function arguments expected");
    }
    this.fs.freeRegister = base + 1;
    return args;
  }

  /** lparser.c's constructor: `{ field {sep field} [sep] }`. */
  private constructor_(): Expression {
    const lx = this.lx;
    const fs = this.fs;
    const loc = this.loc();
    const line = lx.line;
    this.reserve(1);
    const tableRegister = fs.freeRegister - 1;
    this.checkNext(123);
    const fields: TableField[] = [];
    let listItems = 0;
    let pending: Expression | undefined; // the last list item, not yet in a register
    let pendingBase = 0;
    let toStore = 0;
    do {
      if (lx.token === 125) break;
      if (pending !== undefined) {
        // closelistfield
        this.toNextRegister(pendingBase);
        pending = undefined;
        if (toStore === LFIELDS_PER_FLUSH) {
          fs.freeRegister = tableRegister + 1;
          toStore = 0;
        }
      }
      const fieldLoc = this.loc();
      if (lx.token === 91 || (lx.token === TK_NAME && lx.lookahead() === 61)) {
        // recfield: `[exp] = exp` or `name = exp`
        const register = fs.freeRegister;
        let key: Expression | undefined;
        let name = "";
        if (lx.token === TK_NAME) {
          name = this.checkName();
        } else {
          lx.next();
          key = this.expression();
          this.checkNext(93);
        }
        this.checkNext(61);
        const value = this.expression();
        fs.freeRegister = register;
        fields.push(
          key === undefined
            ? { type: "NamedField", loc: fieldLoc, name, value }
            : { type: "KeyedField", loc: fieldLoc, key, value },
        );
      } else {
        // listfield
        pendingBase = fs.freeRegister;
        const value = this.expression();
        if (listItems > MAXARG_BX) this.errorLimit(fs, MAXARG_BX, "items in a constructor");
        listItems++;
        toStore++;
        pending = value;
        fields.push({ type: "PositionalField", loc: fieldLoc, value });
      }
    } while (this.testNext(44) || this.testNext(59));
    this.checkMatch(125, 123, line);
    // lastlistfield: the last item goes to a register unless it is a call
    if (pending !== undefined && pending.type !== "Call" && pending.type !== "MethodCall") {
      this.toNextRegister(pendingBase);
    }
    fs.freeRegister = tableRegister + 1;
    return { type: "Table", loc, fields };
  }
}
