// The public API of the compiler: Lua 5.1 source in, JavaScript and a source map out.
//
// Pipeline (docs/architecture.md):
//   @lunette/frontend    source bytes -> AST (syntax errors raise LuaSyntaxError)
//   analysis/scope.ts    locals, upvalues, globals, JS names (side tables)
//   lower/*.ts           AST -> ESTree, one file per construct family
//   emit/print.ts        ESTree -> JS text + source map (astring + source-map)

import { parse } from "@lunette/frontend";
import type { SourceMapJSON } from "./emit/print.js";
import { print, printCode } from "./emit/print.js";
import { lowerChunk, type ModuleFormat } from "./lower/chunk.js";
import type { BudgetOptions } from "./lower/fuel.js";

export type { SourceMapJSON } from "./emit/print.js";
export type { ModuleFormat } from "./lower/chunk.js";
export type { BudgetOptions } from "./lower/fuel.js";

export interface CompileOptions extends BudgetOptions {
  /** Lua's raw chunk name: `@file.lua`, `=(command line)`, or the source for loadstring. */
  chunkName: string;
  /** "esm" (default): an ES module importing @lunette/runtime; "function": a script body for
   * `new Function("$rt", code)` that returns the `load(env)` function. */
  format?: ModuleFormat;
  /** The name of the Lua file in the source map (`sources[0]`). */
  sourceFile?: string;
}

export interface CompileResult {
  code: string;
  map: SourceMapJSON;
}

/** Compile Lua 5.1 source (a byte string: one char per byte) to JavaScript. */
export function compile(source: string, options: CompileOptions): CompileResult {
  const chunk = parse(source, options.chunkName);
  const { program } = lowerChunk(
    chunk,
    options.format ?? "esm",
    { chunkName: options.chunkName, source },
    options,
  );
  const sourceFile = options.sourceFile ?? defaultSourceFile(options.chunkName);
  return print(program, sourceFile, source);
}

/**
 * Compile Lua source to the "function" format without a source map: the fast path used to run
 * Lua on Node (the CLI, loadstring before the VM is installed).
 */
export function compileFunctionBody(
  source: string,
  chunkName: string,
  budgets: BudgetOptions = {},
): string {
  return printCode(
    lowerChunk(parse(source, chunkName), "function", { chunkName, source }, budgets).program,
  );
}

function defaultSourceFile(chunkName: string): string {
  if (chunkName.startsWith("@") || chunkName.startsWith("=")) return chunkName.slice(1);
  return "chunk.lua";
}
