// Scope resolution (Lua 5.1 §2.6 "Visibility Rules").
//
// Walks a parsed chunk once and records, in side tables keyed by AST node (the tree is never
// mutated): which local variable every Identifier denotes (or that it is a global), whether a
// reference crosses a function boundary (an upvalue), which locals are captured by closures
// and which are assigned after their declaration (so the lowering can emit `const`).
//
// It also picks the JS name of every local. Lua names stay as they are unless that would
// collide with a JS reserved word, a runtime import, or a same-named Lua local that is still
// visible (shadowing): then the name gets a `$N` suffix with a chunk-wide counter, so no JS
// binding made for a Lua local ever shadows another one (`local x = 1; local x = x + 1` →
// `x`, `x$1`). Lua identifiers cannot contain `$`, so `$` names never clash with Lua names.

import type {
  Block,
  Chunk,
  Expression,
  FunctionExpression,
  Identifier,
  Statement,
  TableField,
} from "@lunette/frontend";

/** A Lua local variable (including parameters, `self`, and for-loop control variables). */
export interface LocalVariable {
  /** The name as written in Lua. */
  name: string;
  /** The JS binding name (readable, unique among visible bindings). */
  jsName: string;
  /** The function (or chunk) whose activation record holds the variable. */
  owner: FunctionExpression | Chunk;
  /** Referenced from a nested function (an upvalue there). */
  captured: boolean;
  /** Assigned somewhere after its declaration (so it cannot be a JS `const`). */
  reassigned: boolean;
  /** The control variable of a numeric for: a number unless reassigned. */
  forIndex: boolean;
}

/** What an Identifier expression refers to. */
export type Resolution =
  | { kind: "global" }
  | { kind: "local"; variable: LocalVariable }
  | { kind: "upvalue"; variable: LocalVariable };

export interface FunctionFacts {
  /** The JS name of the function expression (also its self-binding, used for `.env`). */
  jsName: string;
  /**
   * A vararg function's implicit local `arg` (5.1's LUA_COMPAT_VARARG, lparser.c parlist): a
   * table of the extra arguments with field `n` when the body never uses `...`, else nil.
   */
  arg?: LocalVariable;
  /** The function's own body (not nested functions) uses `...`. */
  usesVarargs: boolean;
  /** The implicit `arg` is referenced somewhere (else it need not be built). */
  argReferenced: boolean;
}

export interface ScopeInfo {
  /** Every Identifier used as an expression or assignment target. */
  references: Map<Identifier, Resolution>;
  /** Every Identifier that declares a local (local statements, params, for variables). */
  declarations: Map<Identifier, LocalVariable>;
  /** The implicit `self` of `function a:m()` is params[0] there, so it is covered above. */
  functions: Map<FunctionExpression | Chunk, FunctionFacts>;
}

/** Words a Lua name may be but a JS binding may not, or that generated code relies on. */
const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends " +
    "false finally for function if implements import in instanceof interface let new null " +
    "package private protected public return static super switch this throw true try typeof " +
    "var void while with yield await arguments eval undefined NaN Infinity Math Object Array " +
    "globalThis load env main " +
    // runtime names imported by generated code (runtime/src/index.ts)
    "R S MAX_DEPTH results ret0 ret1 retN LuaTable LuaUserdata registerSites index setIndex " +
    "call add sub mul div mod pow unm concat lessThan lessEqual equals length forNumber " +
    "tableSet stackOverflow LuaError"
  ).split(" "),
);

/** A chunk-wide generator of `name$N` identifiers. */
export class NameGenerator {
  private counter = 0;
  fresh(base: string): string {
    this.counter += 1;
    return `${base}$${this.counter}`;
  }
}

interface Scope {
  parent: Scope | undefined;
  variables: Map<string, LocalVariable>;
  owner: FunctionExpression | Chunk;
}

/** Resolve every name in `chunk` (see the file header). */
export function resolveScopes(chunk: Chunk, names: NameGenerator): ScopeInfo {
  const info: ScopeInfo = {
    references: new Map(),
    declarations: new Map(),
    functions: new Map(),
  };
  let scope: Scope = { parent: undefined, variables: new Map(), owner: chunk };
  info.functions.set(chunk, {
    jsName: names.fresh("main"),
    usesVarargs: false,
    argReferenced: false,
  });

  const isVisible = (name: string): boolean => {
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      if (s.variables.has(name)) return true;
    }
    return false;
  };

  const declare = (id: Identifier): void => {
    const visible = isVisible(id.name) || RESERVED.has(id.name);
    const variable: LocalVariable = {
      name: id.name,
      jsName: visible ? names.fresh(id.name) : id.name,
      owner: scope.owner,
      captured: false,
      reassigned: false,
      forIndex: false,
    };
    scope.variables.set(id.name, variable);
    info.declarations.set(id, variable);
  };

  const reference = (id: Identifier, assigning: boolean): void => {
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      const variable = s.variables.get(id.name);
      if (variable) {
        if (id.name === "arg" && variable.owner.type === "Function") {
          const facts = info.functions.get(variable.owner)!;
          if (facts.arg === variable) facts.argReferenced = true;
        }
        const upvalue = variable.owner !== scope.owner;
        if (upvalue) variable.captured = true;
        if (assigning) variable.reassigned = true;
        info.references.set(id, { kind: upvalue ? "upvalue" : "local", variable });
        return;
      }
    }
    info.references.set(id, { kind: "global" });
  };

  const enter = (owner: FunctionExpression | Chunk = scope.owner): void => {
    scope = { parent: scope, variables: new Map(), owner };
  };
  const leave = (): void => {
    scope = scope.parent!;
  };

  const visitFunction = (func: FunctionExpression): void => {
    const base = (func.name ?? "anonymous").replace(/^.*[.:]/, "");
    const facts: FunctionFacts = {
      jsName: names.fresh(base),
      usesVarargs: false,
      argReferenced: false,
    };
    info.functions.set(func, facts);
    enter(func);
    for (const param of func.params) declare(param);
    if (func.isVararg) {
      const arg: Identifier = { type: "Identifier", loc: func.loc, name: "arg" };
      declare(arg);
      facts.arg = info.declarations.get(arg)!;
    }
    visitStatements(func.body);
    leave();
  };

  const visitExpression = (e: Expression): void => {
    switch (e.type) {
      case "Identifier":
        reference(e, false);
        return;
      case "Vararg":
        info.functions.get(scope.owner)!.usesVarargs = true;
        return;
      case "Index":
        visitExpression(e.object);
        visitExpression(e.key);
        return;
      case "Call":
        visitExpression(e.callee);
        e.args.forEach(visitExpression);
        return;
      case "MethodCall":
        visitExpression(e.object);
        e.args.forEach(visitExpression);
        return;
      case "Binary":
        visitExpression(e.left);
        visitExpression(e.right);
        return;
      case "Unary":
        visitExpression(e.argument);
        return;
      case "Paren":
        visitExpression(e.expression);
        return;
      case "Table":
        e.fields.forEach(visitField);
        return;
      case "Function":
        visitFunction(e);
        return;
      default:
        return;
    }
  };

  const visitField = (field: TableField): void => {
    if (field.type === "KeyedField") visitExpression(field.key);
    visitExpression(field.value);
  };

  const visitTarget = (target: Identifier | Expression): void => {
    if (target.type === "Identifier") reference(target, true);
    else visitExpression(target);
  };

  /** A block's statements in the current scope (callers open the scope). */
  const visitStatements = (block: Block): void => {
    for (const statement of block.body) visitStatement(statement);
  };

  const visitBlock = (block: Block): void => {
    enter();
    visitStatements(block);
    leave();
  };

  const visitStatement = (s: Statement): void => {
    switch (s.type) {
      case "Local":
        // Values are evaluated before the new names come into scope (§2.4.7).
        s.values.forEach(visitExpression);
        s.names.forEach(declare);
        return;
      case "LocalFunction":
        // `local function f` declares f first, so the body sees it (§2.5.9).
        declare(s.name);
        visitFunction(s.func);
        return;
      case "FunctionStatement":
        visitTarget(s.target);
        visitFunction(s.func);
        return;
      case "Assignment":
        s.targets.forEach(visitTarget);
        s.values.forEach(visitExpression);
        return;
      case "CallStatement":
        visitExpression(s.call);
        return;
      case "Do":
        visitBlock(s.body);
        return;
      case "While":
        visitExpression(s.condition);
        visitBlock(s.body);
        return;
      case "Repeat":
        // The condition sees the body's locals (§2.4.4).
        enter();
        visitStatements(s.body);
        visitExpression(s.condition);
        leave();
        return;
      case "If":
        for (const clause of s.clauses) {
          visitExpression(clause.condition);
          visitBlock(clause.body);
        }
        if (s.orelse) visitBlock(s.orelse);
        return;
      case "NumericFor":
        visitExpression(s.start);
        visitExpression(s.limit);
        if (s.step) visitExpression(s.step);
        enter();
        declare(s.variable);
        info.declarations.get(s.variable)!.forIndex = true;
        visitStatements(s.body);
        leave();
        return;
      case "GenericFor":
        s.iterators.forEach(visitExpression);
        enter();
        s.variables.forEach(declare);
        visitStatements(s.body);
        leave();
        return;
      case "Return":
        s.values.forEach(visitExpression);
        return;
      case "Break":
        return;
    }
  };

  visitStatements(chunk.body);
  return info;
}
