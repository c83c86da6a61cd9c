// The debug library (ldblib.c, manual §5.9) as far as compiled code allows. Compiled functions
// keep no locals or upvalues in inspectable slots, so getlocal/setlocal/getupvalue/setupvalue
// find none (they return nil, as for a C function), and hooks are recorded but never called
// (line and count hooks need the bytecode VM). Levels, positions and tracebacks come from the
// frame stack (S.callSites) and the site table, like error positions.

import { LuaError } from "../errors.js";
import { frameAtLevel, siteOfFrame } from "../levels.js";
import { getMetatable, typeMetatables } from "../metatable.js";
import { handling } from "../ops/handler.js";
import {
  closureOfSite,
  lineDefinedOf,
  siteCalleeName,
  siteChunkOf,
  siteLineOf,
  sitePosition,
} from "../sites.js";
import { ret0, ret1, retN, S } from "../state.js";
import { LuaTable } from "../table.js";
import { type LuaFunction, LuaThread, LuaUserdata, type LuaValue } from "../value.js";
import {
  argError,
  checkInteger,
  checkTable,
  luaError,
  optInteger,
  optString,
  typeArgError,
} from "./args.js";
import { noteMetatable } from "./gc.js";

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

export function openDebug(registry: LuaTable): Record<string, LuaFunction> {
  let hook: LuaValue[] = [];

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
      // Called as xpcall's handler: the failing frames, and xpcall between them and its caller.
      const lines = error.traceback.split("\n\t");
      const above = error.frameCount - handling.xpcallDepth;
      const at = lines.length - 1 - (error.levelsUpTo(handling.xpcallDepth) ?? 0);
      if (above >= 0 && at > 0 && lines.length < 22) {
        lines.splice(at, 0, "[C]: in function 'xpcall'");
        const where = sitePosition(handling.xpcallSite);
        if (where !== "") lines[at + 1] = lines[at + 1]!.replace(/^\?:/, where);
      }
      return ret1(prefix + lines.join("\n\t"));
    }
    // Level 1 (the default) is the caller; level 0 is traceback itself, a C function.
    const level = optInteger(args[i + 1], i + 2, "traceback", 1);
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
    if (typeof target === "function") {
      fn = target;
    } else {
      if (typeof target !== "number")
        typeArgError(target, start + 1, "getinfo", "function or level");
      const level = checkInteger(target, start + 1, "getinfo");
      if (level === 0) {
        fn = getinfo;
      } else {
        const depth = frameAtLevel(level);
        if (depth === 0) return ret1(undefined);
        if (depth < 0) {
          for (const option of what)
            if (!"SlnufL>".includes(option)) argError(start + 2, "getinfo", "invalid option");
          return ret1(tailInfo(what));
        }
        site = siteOfFrame(depth);
        callerSite = S.callSites[depth]!;
        fn = closureOfSite(site) as LuaValue;
      }
    }
    const isLua = typeof fn === "function" && (fn as WithEnv).env !== undefined;
    for (const option of what) {
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

  function sethook(...args: LuaValue[]): LuaValue {
    const start = args[0] instanceof LuaThread ? 1 : 0;
    hook = typeof args[start] === "function" ? args.slice(start, start + 3) : [];
    return ret0();
  }

  function gethook(): LuaValue {
    if (hook.length === 0) return ret1(undefined);
    return retN([hook[0], hook[1] ?? "", hook[2] ?? 0]);
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

  /** Compiled functions expose no upvalue or local slots (see the file header). */
  function none(): LuaValue {
    return ret0();
  }

  function debugPrompt(): LuaValue {
    return ret0();
  }

  return {
    debug: debugPrompt,
    getfenv,
    gethook,
    getinfo,
    getlocal: none,
    getmetatable,
    getregistry,
    getupvalue: none,
    setfenv,
    sethook,
    setlocal: none,
    setmetatable,
    setupvalue: none,
    traceback,
  };
}
