// The global environment (lua.c's luaL_openlibs, manual §5): the base library in `_G`, then
// the string, table, math, os and io libraries.

import type { Host } from "./host.js";
import { createBaseLibrary } from "./lib/base.js";
import { openCoroutine } from "./lib/coroutine.js";
import { openDebug } from "./lib/debug.js";
import { openIo } from "./lib/io.js";
import { openMath } from "./lib/math.js";
import { openOs } from "./lib/os.js";
import { openPackage } from "./lib/package.js";
import { openString } from "./lib/string/index.js";
import { openTable } from "./lib/table.js";
import { LuaTable } from "./table.js";
import type { LuaFunction } from "./value.js";

/** Sets `name` in G to a table of functions (luaL_register); returns the table. */
export function installLibrary(
  G: LuaTable,
  name: string,
  fns: Record<string, LuaFunction>,
): LuaTable {
  let lib = G.get(name);
  if (!(lib instanceof LuaTable)) {
    lib = new LuaTable();
    G.set(name, lib);
  }
  for (const key of Object.keys(fns)) (lib as LuaTable).set(key, fns[key]);
  return lib as LuaTable;
}

/** Builds a fresh `_G` with the standard libraries, writing output through `host`. */
export function createGlobals(host: Host): LuaTable {
  const G = new LuaTable();
  const base = createBaseLibrary({ globals: G, host });
  for (const name of Object.keys(base)) G.set(name, base[name]);
  G.set("_G", G);
  G.set("_VERSION", "Lua 5.1");
  installLibrary(G, "coroutine", openCoroutine(G));
  installLibrary(G, "debug", openDebug(new LuaTable()));
  openString(G, host);
  openTable(G);
  openMath(G);
  openOs(G, host);
  openIo(G, host);
  // Last: package.loaded lists the libraries already in G (loadlib.c's luaopen_package runs
  // after the others in luaL_openlibs, where package comes first but loaded is shared).
  openPackage(G, host);
  // Read by name in hot loops (`math.sqrt`, `coroutine.yield`): kept in V8's fast mode.
  G.keepHashFast();
  for (const name of ["coroutine", "io", "math", "os", "string", "table"]) {
    (G.get(name) as LuaTable).keepHashFast();
  }
  return G;
}
