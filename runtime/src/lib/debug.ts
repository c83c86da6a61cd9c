// The debug library (ldblib.c, manual §5.9). Levels, positions and tracebacks come from the
// frame stack (S.callSites) and the site table, like error positions. Hooks are per thread
// (hooks.ts). Locals and upvalues live only in the bytecode VM: it registers a handler
// (hooks.ts `vm.debug`) that answers getlocal/setlocal for its hooked frames,
// getupvalue/setupvalue for its closures and getinfo's S/l/u/L for its functions; compiled
// functions show no locals or upvalues (nil, as for a C function) and call no hooks.

import { runningThread } from "../coroutine/thread.js";
import { LuaError } from "../errors.js";
import { levelAt } from "../levels.js";
import { getMetatable, typeMetatables } from "../metatable.js";
import { handling } from "../ops/handler.js";
import { closureOfSite, lineDefinedOf, siteCalleeName, siteChunkOf, siteLineOf } from "../sites.js";
import { ret0, ret1, retN, S } from "../state.js";
import { LuaTable } from "../table.js";
import { type LuaFunction, LuaThread, LuaUserdata, type LuaValue } from "../value.js";
import {
  argError,
  checkAny,
  checkInt,
  checkString,
  checkTable,
  luaError,
  optInt,
  optString,
  typeArgError,
} from "./args.js";
import { syncCountHook } from "./count-hook.js";
import { noteMetatable } from "./gc.js";
import { setHook, threadDebug, type VmFunctionFacts, vm } from "./hooks.js";
import { compiledUpvalue, setCompiledUpvalue } from "./upvalues.js";

type WithEnv = LuaFunction & { env?: LuaTable };

/** A tail-call level's fields (ldebug.c funcinfo/info_tailcall). */
function tailInfo(what: string): LuaTable {
  const info = new LuaTable();
  for (const option of what) {
    if (option === "S") {
      info.set("source", "=(tail call)");
      info.set("short_src", "(tail call)");
      info.set("what", "tail");
      info.set("linedefined", -1);
      info.set("lastlinedefined", -1);
    } else if (option === "l") info.set("currentline", -1);
    else if (option === "u") info.set("nups", 0);
    else if (option === "n") {
      info.set("name", "");
      info.set("namewhat", "");
    }
  }
  return info;
}

/** A library function's level (ldebug.c funcinfo for a C function; named as getfuncname). */
function cLevelInfo(what: string, nameSite: number): LuaTable {
  const info = new LuaTable();
  const callee = siteCalleeName(nameSite);
  for (const option of what) {
    if (option === "S") {
      info.set("source", "=[C]");
      info.set("short_src", "[C]");
      info.set("what", "C");
      info.set("linedefined", -1);
      info.set("lastlinedefined", -1);
    } else if (option === "l") info.set("currentline", -1);
    else if (option === "u") info.set("nups", 0);
    else if (option === "n") {
      if (callee !== undefined) info.set("name", callee.name);
      info.set("namewhat", callee === undefined ? "" : callee.method ? "method" : "global");
    }
  }
  return info;
}

/**
 * getinfo's fields for a VM function from its Proto (ldebug.c funcinfo, 'l', 'u', 'L'); false
 * for the options it leaves to the general code.
 */
function vmInfo(
  info: LuaTable,
  option: string,
  facts: VmFunctionFacts,
  site: number,
  frameLine: number | undefined,
): boolean {
  switch (option) {
    case "S":
      info.set("source", facts.source);
      info.set("short_src", facts.shortSrc);
      info.set("what", facts.what);
      info.set("linedefined", facts.lineDefined);
      info.set("lastlinedefined", facts.lastLineDefined);
      return true;
    case "l":
      info.set("currentline", frameLine ?? (site !== 0 ? siteLineOf(site) : -1));
      return true;
    case "u":
      info.set("nups", facts.nups);
      return true;
    case "L": {
      const lines = new LuaTable();
      for (const line of facts.activeLines) lines.set(line, true);
      info.set("activelines", lines);
      return true;
    }
    default:
      return false;
  }
}

export function openDebug(registry: LuaTable): Record<string, LuaFunction> {
  /** debug.traceback([thread,] [message [, level]]) (db_errorfb). */
  function traceback(...args: LuaValue[]): LuaValue {
    let i = 0;
    let thread: LuaThread | undefined;
    if (args[0] instanceof LuaThread) {
      thread = args[0];
      i = 1;
    }
    const message = args[i];
    if (message !== undefined && typeof message !== "string" && typeof message !== "number")
      return ret1(message);
    const prefix = message === undefined ? "" : `${message}\n`;
    if (thread !== undefined) {
      // A dead coroutine keeps the frames of the error that killed it.
      const trace = thread.error instanceof LuaError ? thread.error.traceback : "stack traceback:";
      return ret1(prefix + trace.replace(/\n\t\[C\]: \?$/, ""));
    }
    const error = handling.error;
    if (error instanceof LuaError && S.depth === handling.handlerDepth) {
      // Called as xpcall's handler: the failing frames (xpcall's C level among them).
      return ret1(prefix + error.traceback);
    }
    // Level 1 (the default) is the caller; level 0 is traceback itself, a C function.
    const level = optInt(args[i + 1], i + 2, "traceback", 1);
    if (level <= 0) {
      const here = new LuaError(undefined, S.site, "traceback");
      return ret1(prefix + here.tracebackFrom(0, -level));
    }
    return ret1(prefix + new LuaError(undefined, S.site).tracebackFrom(level, level - 1));
  }

  /** debug.getinfo([thread,] f or level [, what]): fields S, l, n, u, f. */
  function getinfo(...args: LuaValue[]): LuaValue {
    const start = args[0] instanceof LuaThread ? 1 : 0;
    const target = args[start];
    const what = optString(args[start + 1], start + 2, "getinfo", "flnSu");
    const info = new LuaTable();
    let fn: LuaValue;
    let site = 0;
    let callerSite = 0;
    let frameLine: number | undefined;
    if (typeof target === "function") {
      fn = target;
    } else {
      if (typeof target !== "number")
        typeArgError(target, start + 1, "getinfo", "function or level");
      const level = checkInt(target, start + 1, "getinfo");
      if (level === 0) {
        fn = getinfo;
      } else {
        const at = levelAt(level);
        if (at === undefined) return ret1(undefined);
        if (at.kind !== "lua") {
          for (const option of what)
            if (!"SlnufL>".includes(option)) argError(start + 2, "getinfo", "invalid option");
          return ret1(at.kind === "tail" ? tailInfo(what) : cLevelInfo(what, at.nameSite));
        }
        site = at.site;
        callerSite = at.callerSite;
        // A hooked VM frame knows its function and line (hooks.ts); so does a library
        // function's level while its call or return is hooked (site 0: it is "C").
        const frame = vm.debug?.frameAt(at.depth);
        if (frame !== undefined) {
          fn = frame.fn;
          frameLine = frame.line;
          if (frameLine < 0) site = 0;
        } else fn = closureOfSite(site) as LuaValue;
      }
    }
    const isLua = typeof fn === "function" && (fn as WithEnv).env !== undefined;
    const facts = vm.debug?.functionFacts(fn);
    for (const option of what) {
      if (facts !== undefined && vmInfo(info, option, facts, site, frameLine)) continue;
      switch (option) {
        case "S": {
          const lineDefined = site !== 0 ? (lineDefinedOf(site) ?? 0) : isLua ? -1 : -1;
          const chunk = site !== 0 ? siteChunkOf(site) : isLua ? "?" : "[C]";
          const main = site !== 0 && lineDefined === 0;
          info.set("source", isLua || site !== 0 ? `@${chunk}` : "=[C]");
          info.set("short_src", chunk);
          info.set("what", site !== 0 ? (main ? "main" : "Lua") : isLua ? "Lua" : "C");
          info.set("linedefined", site !== 0 ? lineDefined : -1);
          info.set("lastlinedefined", -1);
          break;
        }
        case "l":
          info.set("currentline", site !== 0 ? siteLineOf(site) : -1);
          break;
        case "u":
          info.set("nups", 0);
          break;
        case "n": {
          const callee = siteCalleeName(callerSite);
          if (callee !== undefined) {
            info.set("name", callee.name);
            info.set("namewhat", callee.method ? "method" : "global");
          } else info.set("namewhat", "");
          break;
        }
        case "f":
          info.set("func", fn);
          break;
        case "L":
        case ">":
          break;
        default:
          argError(start + 2, "getinfo", "invalid option");
      }
    }
    return ret1(info);
  }

  /** debug.sethook([thread,] [f, mask [, count]]) (ldblib.c db_sethook, lua_sethook). */
  function sethook(...args: LuaValue[]): LuaValue {
    const thread = args[0] instanceof LuaThread ? args[0] : undefined;
    const start = thread === undefined ? 0 : 1;
    const td = threadDebug(thread);
    if (args[start] === undefined) {
      setHook(td, undefined, "", 0);
      syncCountHook(td);
      return ret0();
    }
    const mask = checkString(args[start + 1], start + 2, "sethook", args.length);
    if (typeof args[start] !== "function")
      typeArgError(args[start], start + 1, "sethook", "function", args.length);
    const count = optInt(args[start + 2], start + 3, "sethook", 0);
    setHook(td, args[start] as LuaFunction, mask, count);
    syncCountHook(td); // compiled code's count events (count-hook.ts)
    return ret0();
  }

  /** debug.gethook([thread]): the hook function, its mask and count (db_gethook). */
  function gethook(...args: LuaValue[]): LuaValue {
    const thread = args[0] instanceof LuaThread ? args[0] : undefined;
    const hook = threadDebug(thread).hook;
    if (hook === undefined) return retN([undefined, "", 0]);
    return retN([hook.fn, hook.mask, hook.count]);
  }

  /** The stack depth of a level for getlocal/setlocal, or an argument error (db_getlocal). */
  function localLevel(args: LuaValue[], name: string): [depth: number, start: number] {
    const start = args[0] instanceof LuaThread ? 1 : 0;
    const level = checkInt(args[start], start + 1, name, args.length);
    // Only the running thread's frames are inspectable (a suspended coroutine's are not kept).
    const other = start === 1 && args[0] !== runningThread();
    const at = other ? undefined : levelAt(level);
    if (at === undefined) argError(start + 1, name, "level out of range");
    return [at.kind === "lua" ? at.depth : 0, start];
  }

  /** debug.getlocal([thread,] level, n): a local's name and value (lua_getlocal). */
  function getlocal(...args: LuaValue[]): LuaValue {
    const [depth, start] = localLevel(args, "getlocal");
    const n = checkInt(args[start + 1], start + 2, "getlocal", args.length);
    const found = depth === 0 ? undefined : vm.debug?.getLocal(depth, n);
    return found === undefined ? ret1(undefined) : retN(found);
  }

  /** debug.setlocal([thread,] level, n, value): the local's name, or nil (lua_setlocal). */
  function setlocal(...args: LuaValue[]): LuaValue {
    const [depth, start] = localLevel(args, "setlocal");
    checkAny(args.length, start + 3, "setlocal");
    const n = checkInt(args[start + 1], start + 2, "setlocal", args.length);
    return ret1(depth === 0 ? undefined : vm.debug?.setLocal(depth, n, args[start + 2]));
  }

  /** debug.getupvalue(f, n) (db_getupvalue): VM functions only; compiled ones show none. */
  function getupvalue(...args: LuaValue[]): LuaValue {
    const n = checkInt(args[1], 2, "getupvalue", args.length);
    if (typeof args[0] !== "function")
      typeArgError(args[0], 1, "getupvalue", "function", args.length);
    const found = vm.debug?.getUpvalue(args[0], n) ?? compiledUpvalue(args[0], n);
    return found === undefined ? ret0() : retN(found);
  }

  /** debug.setupvalue(f, n, value) (db_setupvalue). */
  function setupvalue(...args: LuaValue[]): LuaValue {
    checkAny(args.length, 3, "setupvalue");
    const n = checkInt(args[1], 2, "setupvalue", args.length);
    if (typeof args[0] !== "function")
      typeArgError(args[0], 1, "setupvalue", "function", args.length);
    const name =
      vm.debug?.setUpvalue(args[0], n, args[2]) ?? setCompiledUpvalue(args[0], n, args[2]);
    return name === undefined ? ret0() : ret1(name);
  }

  function getmetatable(...args: LuaValue[]): LuaValue {
    return ret1(getMetatable(args[0]));
  }

  function setmetatable(...args: LuaValue[]): LuaValue {
    const [v, mt] = args;
    if (mt !== undefined && !(mt instanceof LuaTable))
      argError(2, "setmetatable", "nil or table expected");
    if (v instanceof LuaTable) {
      v.mt = mt;
      if (mt !== undefined) noteMetatable(v, mt); // weak modes (__mode), as base setmetatable
    } else if (v instanceof LuaUserdata) v.mt = mt;
    else if (typeof v === "string") typeMetatables.string = mt;
    else if (typeof v === "number") typeMetatables.number = mt;
    else if (typeof v === "boolean") typeMetatables.boolean = mt;
    else if (typeof v === "function") typeMetatables.function = mt;
    else if (v === undefined) typeMetatables.nil = mt;
    else if (v instanceof LuaThread) typeMetatables.thread = mt;
    return ret1(true);
  }

  function getfenv(...args: LuaValue[]): LuaValue {
    const v = args[0];
    if (typeof v === "function") return ret1((v as WithEnv).env);
    if (v instanceof LuaUserdata) return ret1(undefined);
    return ret1(undefined);
  }

  function setfenv(...args: LuaValue[]): LuaValue {
    const [v, env] = args;
    const table = checkTable(env, 2, "setfenv");
    if (typeof v === "function" && (v as WithEnv).env !== undefined) {
      (v as WithEnv).env = table;
      return ret1(v);
    }
    luaError("'setfenv' cannot change environment of given object", 1, "setfenv");
  }

  function getregistry(): LuaValue {
    return ret1(registry);
  }

  function debugPrompt(): LuaValue {
    return ret0();
  }

  return {
    debug: debugPrompt,
    getfenv,
    gethook,
    getinfo,
    getlocal,
    getmetatable,
    getregistry,
    getupvalue,
    setfenv,
    sethook,
    setlocal,
    setmetatable,
    setupvalue,
    traceback,
  };
}
