// Lua modules bundled as ES modules (by @lunette/rollup-plugin). Each compiled .lua module
// registers its chunk under its module name when it is evaluated; every LuaState's `require`
// finds registered modules through package.preload (loadlib.c's loader_preload looks the name
// up with a metamethod-aware read, so a metatable on preload serves them without listing them).
// Modules not registered fall through to the other loaders (files, the VM), unchanged.

import { ret1 } from "../state.js";
import { LuaTable } from "../table.js";
import type { LuaValue } from "../value.js";
import type { ChunkLoad } from "./state.js";
import { encodeUtf8 } from "./strings.js";

const bundled = new Map<string, ChunkLoad>();

/** Registers the compiled chunk of module `name` (text, e.g. "world.entities"). */
export function registerLuaModule(name: string, load: ChunkLoad): void {
  bundled.set(encodeUtf8(name), load);
}

/** Makes `package.preload` of a state answer for every bundled module. */
export function installBundledModules(pkg: LuaTable, globals: LuaTable): void {
  const preload = pkg.get("preload");
  if (!(preload instanceof LuaTable) || preload.mt !== undefined) return;
  const mt = new LuaTable();
  mt.set("__index", (_preload: LuaValue, name: LuaValue) => {
    const load = typeof name === "string" ? bundled.get(name) : undefined;
    // The loader is the chunk's main function in this state (require calls it with the name).
    return ret1(load === undefined ? undefined : load(globals));
  });
  preload.mt = mt;
}
