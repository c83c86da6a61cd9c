// string.dump's way to Lua 5.1 bytecode (lstrlib.c str_dump → lua_dump). The runtime holds no
// bytecode of its own: the VM installs a dumper (`setFunctionDumper`, vm/src/load.ts), so a
// bundle that never dumps or loads code contains no bytecode compiler.
//
// What the dumper needs of a compiled function: its chunk's source and chunk name, and the
// position of its `function` expression, so that it can recompile the chunk to the Proto that
// luac5.1 would build. Compiled chunks pass them to registerSites; each compiled closure
// carries its definition site in `def` (docs/architecture.md, "The bytecode path").

import type { LuaFunction } from "./value.js";

/** The chunk a compiled function comes from, and where its `function` keyword stands. */
export interface CompiledFunctionSource {
  /** The chunk name as given to load (`@file.lua`, `=stdin`, or the source itself). */
  chunkName: string;
  /** The chunk's source text (a byte string). */
  source: string;
  /** The FunctionExpression's position; undefined for the chunk's main function. */
  loc: { line: number; column: number } | undefined;
}

/** The bytecode of a function (a byte string), or undefined when it cannot be dumped. */
export type FunctionDumper = (f: LuaFunction) => string | undefined;

let dumper: FunctionDumper | undefined;

/** Installs the dumper behind string.dump (the VM's; undefined removes it). */
export function setFunctionDumper(d: FunctionDumper | undefined): void {
  dumper = d;
}

/** lua_dump: the binary chunk of `f`, or undefined (a library function, or no dumper). */
export function dumpFunction(f: LuaFunction): string | undefined {
  return dumper === undefined ? undefined : dumper(f);
}

/** By global definition site id: the source of the compiled function defined there. */
const sourcesByDefinition: (CompiledFunctionSource | undefined)[] = [];

/**
 * Records where the functions of a compiled chunk come from. `definitions` holds triples
 * (site k, line, column) of each function's definition site, relative to `base`; a negative
 * column marks the main function.
 */
export function registerChunkSource(
  base: number,
  chunkName: string,
  source: string,
  definitions: number[],
): void {
  for (let j = 0; j + 2 < definitions.length; j += 3) {
    const column = definitions[j + 2]!;
    sourcesByDefinition[base + definitions[j]!] = {
      chunkName,
      source,
      loc: column < 0 ? undefined : { line: definitions[j + 1]!, column },
    };
  }
}

/** The source of a compiled Lua function (from its `def` site), or undefined. */
export function compiledFunctionSource(f: LuaFunction): CompiledFunctionSource | undefined {
  const def = (f as { def?: number }).def;
  return def === undefined ? undefined : sourcesByDefinition[def];
}
