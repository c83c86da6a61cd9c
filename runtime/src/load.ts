// Turning Lua source into a function at run time (loadstring, load, loadfile, dofile). The
// compiler registers the loader (Node: compile and instantiate); the bytecode VM replaces it
// later. Chunk names follow Lua's convention: `@file`, `=name`, or the source itself.

import { LuaError } from "./errors.js";
import type { LuaTable } from "./table.js";
import type { LuaFunction, LuaValue } from "./value.js";

/** Compiles `source` (bytes) into its main function with environment `env`; throws on syntax errors. */
export type ChunkLoader = (source: string, chunkName: string, env: LuaTable) => LuaFunction;

let chunkLoader: ChunkLoader | undefined;

export function setChunkLoader(loader: ChunkLoader | undefined): void {
  chunkLoader = loader;
}

/** The loaded function, or the error message (lua_load's status and message). */
export function loadChunk(
  source: string,
  chunkName: string,
  env: LuaTable,
): { fn: LuaFunction } | { error: LuaValue } {
  if (chunkLoader === undefined) return { error: "no chunk loader registered (loadstring)" };
  try {
    return { fn: chunkLoader(source, chunkName, env) };
  } catch (e) {
    if (e instanceof LuaError) return { error: e.value };
    if (e instanceof Error) return { error: e.message };
    return { error: String(e) };
  }
}
