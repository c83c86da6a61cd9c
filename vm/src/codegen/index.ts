// The bytecode compiler: Lua 5.1 source → Proto, with luac5.1's exact instructions, registers,
// constants, line info, locals and upvalue names. Pipeline: parse (the shared frontend) →
// rescan token positions (for line info) → walk the AST in lparser.c's order (statements.ts,
// expressions.ts), emitting through the lcode.c port (code.ts).

import { type Loc, LuaSyntaxError, type ParseOptions, parse } from "@lunette/frontend";
import { type Proto, VARARG_ISVARARG } from "../proto.js";
import { after, closeFunction } from "./expressions.js";
import { type CompileContext, FunctionState, locationKey } from "./function-state.js";
import { statementList } from "./statements.js";
import { TokenPositions } from "./tokens.js";

/**
 * Compiles a chunk (a byte string) to its main function's Proto. `chunkName` is stored as
 * the source (`@file.lua`, `=stdin`, or the code itself for loadstring); syntax errors throw
 * the frontend's LuaSyntaxError.
 */
export function compileToProto(
  source: string,
  chunkName: string,
  options: ParseOptions = {},
): Proto {
  return compileChunk(source, chunkName, options).main;
}

/** A compiled chunk, with the Proto of each function found by its AST node's position. */
export interface CompiledChunk {
  main: Proto;
  /**
   * The Proto of the function whose FunctionExpression node has location `loc` (for
   * string.dump of a compiled function: the same Proto luac5.1 builds for it).
   */
  functionAt(loc: Loc): Proto | undefined;
}

/** compileToProto, keeping every nested function's Proto by location. */
export function compileChunk(
  source: string,
  chunkName: string,
  options: ParseOptions = {},
): CompiledChunk {
  const chunk = parse(source, chunkName, options);
  // the same first-line skip as parse (luaL_loadfile's `#` line keeps its newline)
  const skip = options.skipFirstLine ?? (chunkName.startsWith("@") || chunkName === "=stdin");
  let start = 0;
  let firstLine = 1;
  if (skip && source.charCodeAt(0) === 35) {
    const newline = source.indexOf("\n");
    start = newline < 0 ? source.length : newline;
    if (newline < 0) firstLine = 2;
  }
  const tokens = new TokenPositions(source, start, firstLine);
  const ctx = {
    tokens,
    lastLine: firstLine,
    lastToken: -1,
    source: chunkName,
    functions: new Map(),
    error(message: string): never {
      const current = ctx.lastToken + 1;
      const line = tokens.endLine(Math.min(current, tokens.count - 1));
      const near = tokens.text(source, current);
      throw new LuaSyntaxError(chunk.chunkName, line, `${message} near '${near}'`);
    },
  } as CompileContext;
  const fs = new FunctionState(undefined, ctx, chunkName);
  ctx.fs = fs;
  fs.proto.is_vararg = VARARG_ISVARARG;
  statementList(ctx, chunk.body.body);
  if (tokens.count > 0) after(ctx, tokens.count - 1);
  closeFunction(fs);
  return {
    main: fs.proto,
    functionAt: (loc) => ctx.functions.get(locationKey(loc)),
  };
}
