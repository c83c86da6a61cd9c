// The lowering context: the one object that owns all mutable state while a chunk is lowered
// to ESTree (TypeScriptToLua's TransformationContext): the node builder and its current Lua
// position, the scope facts, the site table, the runtime names used, and per-function state
// (temporaries, the function's self name for `.env` and frames).

import type { Chunk, FunctionExpression, Identifier, Loc } from "@lunette/frontend";
import type { LocalVariable, NameGenerator, Resolution, ScopeInfo } from "../analysis/scope.js";
import { Builder, type ES } from "./builders.js";

/** One entry of the chunk's site table: `[line, operand a name, operand b name]`. */
export type Site = [line: number, a?: string, b?: string];

/** Names of JS bindings that generated code declares in every Lua function. */
export const DEPTH = "d$";
export const VARARGS = "va$";
export const SITE_BASE = "$b";

/** State of the Lua function being lowered. */
export class FunctionState {
  /** Lowering the resumable form (a generator; see call-shapes.ts). */
  resumable = false;
  /** Temporaries are a stack: `$1`, `$2`, ...; `depth` is the number in use. */
  private depth = 0;
  /** The highest temporary ever used (all are declared once at the top of the function). */
  maxTemps = 0;

  constructor(
    readonly node: FunctionExpression | Chunk,
    /** The JS name of the function expression: its self binding (for `.env`, frames). */
    readonly selfName: string,
    readonly isVararg: boolean,
    /** Chunk-relative index of the function's definition site (its line is `linedefined`). */
    readonly definitionSite: number,
  ) {}

  /**
   * The first zero constant of this function: 5.1 keeps numeric constants in one table per
   * function where 0 and -0 are the same key (lcode.c addk), so later zeros get its sign.
   */
  zeroConstant: number | undefined = undefined;

  acquire(): string {
    this.depth += 1;
    if (this.depth > this.maxTemps) this.maxTemps = this.depth;
    return `$${this.depth}`;
  }

  /** The current temporary depth; pass it to `release` to free everything acquired since. */
  mark(): number {
    return this.depth;
  }

  release(mark: number): void {
    this.depth = mark;
  }

  tempNames(): string[] {
    return Array.from({ length: this.maxTemps }, (_, i) => `$${i + 1}`);
  }
}

/** Runtime slow paths that may call a metamethod (ops/*.ts). */
const METAMETHOD_SLOW_PATHS = new Set([
  "index",
  "setIndex",
  "add",
  "sub",
  "mul",
  "div",
  "mod",
  "pow",
  "unm",
  "concat",
  "lessThan",
  "lessEqual",
  "equals",
  "length",
]);

export class LowerContext {
  readonly b = new Builder();
  readonly sites: Site[] = [];
  /** For each site, the chunk-relative index of its function's definition site. */
  readonly siteFunctions: number[] = [];
  /** The definition site of every lowered function. */
  readonly definitionSites = new Map<FunctionExpression | Chunk, number>();
  readonly usedRuntime = new Set<string>();
  fn!: FunctionState;
  /** Emit fuel checks and memory charges (lower/fuel.ts); set from the compile options. */
  budgets = false;
  /**
   * Each function's upvalues in lua5.1's order, when closures get upvalue accessors for
   * debug.getupvalue/setupvalue (analysis/upvalues.ts); undefined otherwise.
   */
  upvalues: Map<FunctionExpression, LocalVariable[]> | undefined;
  /** Lowered nested functions (both forms), shared by the two forms of their parent. */
  readonly lowered = new Map<
    FunctionExpression,
    { direct: ES.FunctionExpression; resumable: ES.FunctionExpression | undefined }
  >();

  constructor(
    readonly scope: ScopeInfo,
    readonly names: NameGenerator,
    readonly chunkName: string,
    /** Functions that need a resumable form (analysis/may-yield.ts). */
    readonly mayYield: Set<FunctionExpression | Chunk> = new Set(),
  ) {}

  /** Run `lower` with the builder positioned at `loc`, restoring the position afterwards. */
  at<T>(loc: Loc, lower: () => T): T {
    const saved = this.b.at;
    this.b.at = loc;
    try {
      return lower();
    } finally {
      this.b.at = saved;
    }
  }

  /** A reference to a runtime export (recorded so only used names are imported). */
  rt(name: string): ES.Identifier {
    this.usedRuntime.add(name);
    return this.b.id(name);
  }

  /**
   * Call a runtime export. In the resumable form an operator's slow path goes through
   * `yield* metaResumable(op, ...)`, so a metamethod written in Lua may yield
   * (runtime/src/coroutine/meta-resumable.ts).
   */
  rtCall(name: string, args: (ES.Expression | ES.SpreadElement)[]): ES.Expression {
    if (this.fn?.resumable && METAMETHOD_SLOW_PATHS.has(name))
      return this.b.yieldDelegate(this.b.call(this.rt("metaResumable"), [this.rt(name), ...args]));
    return this.b.call(this.rt(name), args);
  }

  /** Register a site at the current line; returns the expression `$b + k`. */
  site(a?: string, b?: string): ES.Expression {
    const entry: Site = [this.b.at.line];
    if (a !== undefined || b !== undefined) entry.push(a ?? "");
    if (b !== undefined) entry.push(b);
    this.sites.push(entry);
    this.siteFunctions.push(this.fn.definitionSite);
    const k = this.sites.length - 1;
    return k === 0 ? this.b.id(SITE_BASE) : this.b.binary("+", this.b.id(SITE_BASE), this.b.num(k));
  }

  /**
   * Registers the definition site of a function (line = lua5.1's linedefined, 0 for the main
   * chunk). The runtime finds a frame's function, its linedefined and its last created closure
   * through the function of the frame's current site (runtime/src/sites.ts).
   */
  defineFunction(node: FunctionExpression | Chunk, line: number): number {
    // A function lowered twice (direct and resumable forms) keeps one definition site.
    const existing = this.definitionSites.get(node);
    if (existing !== undefined) return existing;
    const k = this.sites.length;
    this.sites.push([line]);
    this.siteFunctions.push(k);
    this.definitionSites.set(node, k);
    return k;
  }

  /**
   * `lastClosures[closure.def = $b + k] = closure`: records the closure of the function defined
   * at site k, and gives the closure its definition site (string.dump, runtime/src/dump.ts).
   */
  recordClosure(definitionSite: number, closure: ES.Expression): ES.Expression {
    const b = this.b;
    const site =
      definitionSite === 0
        ? b.id(SITE_BASE)
        : b.binary("+", b.id(SITE_BASE), b.num(definitionSite));
    return b.assign(
      b.computed(this.rt("lastClosures"), b.assign(b.member(closure, "def"), site)),
      closure,
    );
  }

  /** `S.site = <site>` (before every call, so errors and tracebacks know the line). */
  setSite(site: ES.Expression): ES.Expression {
    return this.b.assign(this.b.member(this.rt("S"), "site"), site);
  }

  resolve(id: Identifier): Resolution {
    const resolution = this.scope.references.get(id);
    if (!resolution) throw new Error(`unresolved identifier ${id.name}`);
    return resolution;
  }

  /** `self.env`: the environment of the running function (read at each access, §2.9). */
  env(): ES.Expression {
    return this.b.member(this.b.id(this.fn.selfName), "env");
  }

  /** A numeric constant as lua5.1's constant table holds it (see FunctionState.zeroConstant). */
  constant(value: number): ES.Expression {
    if (value === 0) {
      if (this.fn.zeroConstant === undefined) this.fn.zeroConstant = value;
      value = this.fn.zeroConstant;
    }
    return this.b.num(value);
  }

  /** A fresh temporary (see FunctionState). */
  temp(): string {
    return this.fn.acquire();
  }
}

/** lua5.1's name of an expression used as an operand, for error messages (ldebug.c getobjname). */
export function describe(ctx: LowerContext, e: import("@lunette/frontend").Expression): string {
  // Parentheses change no register: getobjname still finds the local, upvalue, global or field.
  while (e.type === "Paren") e = e.expression;
  if (e.type === "Identifier") {
    const resolution = ctx.resolve(e);
    return `${resolution.kind} '${e.name}'`;
  }
  // ldebug.c getobjname: any OP_GETTABLE result is a field, named when the key is a string
  // constant (kname), else '?'.
  if (e.type === "Index") return `field '${e.key.type === "String" ? e.key.value : "?"}'`;
  return "";
}
