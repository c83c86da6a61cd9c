// The sandbox profile (docs/architecture.md, "Sandboxing"): what an untrusted script can reach.
// Applied to a global table after the libraries are opened; the host adds what it wants after.
//
//   removed        io, debug, dofile, loadfile, package.loadlib, package.cpath
//   os             only time, clock and date
//   package        require finds package.preload (and modules bundled by the rollup plugin),
//                  never files: package.loaders keeps only the preload loader
//   load*          loadstring and load refuse binary chunks (bytecode is not checked enough
//                  to be safe: lua5.1's own manual says so), as Lua 5.2's mode "t" does
//   getfenv/setfenv  only on Lua functions the script created (not on library or host
//                  functions, not on what was in the environment when the profile was applied)
//                  and never level 0 (the thread's global environment, which the host owns)

import { luaError } from "../lib/args.js";
import { functionAtDepth } from "../sites.js";
import { retN, S } from "../state.js";
import { LuaTable } from "../table.js";
import type { LuaFunction, LuaValue } from "../value.js";

/** Lua 5.2's message for a binary chunk given to a text-only load. */
const BINARY_REFUSED = "attempt to load a binary chunk (mode is 't')";

const OS_KEPT = ["time", "clock", "date"];

export function applySandboxProfile(globals: LuaTable): void {
  for (const name of ["io", "debug", "dofile", "loadfile"]) globals.set(name, undefined);

  const os = globals.get("os");
  if (os instanceof LuaTable) {
    const kept = new LuaTable(undefined, true);
    for (const name of OS_KEPT) kept.set(name, os.get(name));
    globals.set("os", kept);
  }

  const pkg = globals.get("package");
  if (pkg instanceof LuaTable) {
    pkg.set("loadlib", undefined);
    pkg.set("cpath", "");
    pkg.set("path", "");
    const loaders = pkg.get("loaders");
    if (loaders instanceof LuaTable) pkg.set("loaders", new LuaTable([loaders.get(1)]));
  }

  const loadstring = globals.get("loadstring");
  if (typeof loadstring === "function") {
    globals.set("loadstring", (...args: LuaValue[]): LuaValue => {
      if (isBinary(args[0])) return retN([undefined, BINARY_REFUSED]);
      return loadstring(...args);
    });
  }
  const load = globals.get("load");
  if (typeof load === "function") {
    globals.set("load", (...args: LuaValue[]): LuaValue => {
      const reader = args[0];
      if (typeof reader !== "function") return load(...args);
      // The first piece tells a binary chunk (its first byte is ESC); the rest is not read.
      let binary = false;
      let first = true;
      const checked = (): LuaValue => {
        if (binary) return undefined;
        const piece = reader();
        if (first && typeof piece === "string" && piece !== "") {
          first = false;
          if (isBinary(piece)) {
            binary = true;
            return undefined;
          }
        }
        return piece;
      };
      const result = load(checked, ...args.slice(1));
      return binary ? retN([undefined, BINARY_REFUSED]) : result;
    });
  }

  const hostFunctions = reachableFunctions(globals);
  const owned = (f: LuaValue): boolean =>
    typeof f === "function" && "env" in f && !hostFunctions.has(f as LuaFunction);
  guardEnvironment(globals, "getfenv", owned);
  guardEnvironment(globals, "setfenv", owned);
}

function isBinary(chunk: LuaValue): boolean {
  return typeof chunk === "string" && chunk.charCodeAt(0) === 27;
}

/** Functions in the globals and in the library tables one level down. */
function reachableFunctions(globals: LuaTable): Set<LuaFunction> {
  const found = new Set<LuaFunction>();
  const visit = (t: LuaTable, deeper: boolean) => {
    const entry: LuaValue[] = [undefined, undefined];
    let key: LuaValue;
    while (t.nextEntry(key, entry)) {
      key = entry[0];
      const v = entry[1];
      if (typeof v === "function") found.add(v as LuaFunction);
      else if (deeper && v instanceof LuaTable && v !== globals) visit(v, false);
    }
  };
  visit(globals, true);
  return found;
}

/** Wraps getfenv/setfenv so that their first argument must be owned by the script. */
function guardEnvironment(
  globals: LuaTable,
  name: "getfenv" | "setfenv",
  owned: (f: LuaValue) => boolean,
): void {
  const original = globals.get(name);
  if (typeof original !== "function") return;
  globals.set(name, (...args: LuaValue[]): LuaValue => {
    const target = args[0];
    // getfenv() is getfenv(1) (luaB_getfenv's default level).
    const level = target === undefined && name === "getfenv" ? 1 : target;
    let f: LuaValue = level;
    if (typeof level === "number") {
      if (level === 0) luaError(`'${name}' cannot reach the global environment`, 1, name);
      const depth = S.depth - level + 1;
      f = depth >= 1 ? (functionAtDepth(depth) as LuaValue) : undefined;
      // Levels past the stack are left to the original, which raises `invalid level`.
      if (f === undefined) return original(...args);
    }
    if (typeof f === "function" && !owned(f))
      luaError(
        `'${name}' cannot reach the environment of a function the script does not own`,
        1,
        name,
      );
    return original(...args);
  });
}
