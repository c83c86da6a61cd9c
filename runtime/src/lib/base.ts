// The base library (lbaselib.c, manual §5.1). Every function follows the calling convention:
// results through ret0/ret1/retN.

import { LuaError } from "../errors.js";
import type { Host } from "../host.js";
import { cSite, functionAtLevel } from "../levels.js";
import { loadChunk } from "../load.js";
import { getMetatable } from "../metatable.js";
import { stringToNumber } from "../number.js";
import { toNumber } from "../ops/arith.js";
import { callValue } from "../ops/call.js";
import { protectedFailure, xpcallFailure } from "../ops/handler.js";
import { index } from "../ops/index.js";
import { cStackOverflow } from "../ops/stack.js";
import { chunkId } from "../sites.js";
import { MAX_C_CALLS, R, ret0, ret1, retN, S } from "../state.js";
import { InvalidNextKey, LuaTable } from "../table.js";
import { tostring as luaToString, rawToString, type } from "../tostring.js";
import { type LuaFunction, LuaUserdata, type LuaValue } from "../value.js";
import {
  argError,
  checkAny,
  checkInt,
  checkOption,
  checkString,
  checkTable,
  luaError,
  optInt,
  optString,
  typeArgError,
  where,
} from "./args.js";
import { fullCollection, noteFinalizable, noteMetatable } from "./gc.js";
import { type HostStream, type IoHost, ioFailure } from "./io.js";

/** State shared by the base functions of one global environment. */
export interface BaseContext {
  /** The thread's global table (getfenv(0)); setfenv(0, t) replaces it. */
  globals: LuaTable;
  host: Host;
}

/** A compiled Lua function carries its environment (docs/architecture.md, "Environments"). */
type WithEnv = LuaFunction & { env?: LuaTable };

/** All results of a call as an array (reads R right after the call). */
function allResults(first: LuaValue): LuaValue[] {
  const n = R.n;
  return n === 1 ? [first] : n === 0 ? [] : R.v;
}

/** Results `head, ...rest` without building an intermediate array for the common cases. */
function prepend(head: LuaValue, first: LuaValue): LuaValue {
  const n = R.n;
  if (n === 0) return ret1(head);
  if (n === 1) return retN([head, first]);
  const all = R.v;
  const out = new Array<LuaValue>(n + 1);
  out[0] = head;
  for (let i = 0; i < n; i++) out[i + 1] = all[i];
  return retN(out);
}

/** Each global environment's base context, by its original global table. */
const contexts = new WeakMap<LuaTable, BaseContext>();

/**
 * The thread's global table (LUA_GLOBALSINDEX: what setfenv(0, t) set) of the environment
 * whose original table is `globals`. Hosts read globals through it as lua.c does.
 */
export function threadGlobals(globals: LuaTable): LuaTable {
  return contexts.get(globals)?.globals ?? globals;
}

export function createBaseLibrary(ctx: BaseContext): Record<string, LuaFunction> {
  const { host } = ctx;
  contexts.set(ctx.globals, ctx);
  const originalGlobals = ctx.globals;

  function print(...args: LuaValue[]): LuaValue {
    // lua_getglobal(L, "tostring"): the thread's global table (setfenv(0, t) replaces it),
    // read with its __index
    const globals = ctx.globals;
    const site = S.site;
    let tostringFn = globals.hash.tostring;
    if (tostringFn === undefined && globals.mt !== undefined) {
      S.site = cSite(site);
      tostringFn = index(globals, "tostring", S.site);
    }
    let line = "";
    for (let i = 0; i < args.length; i++) {
      const v = args[i];
      let s: LuaValue;
      if (tostringFn === tostring) {
        // print calls tostring, which may call __tostring: two C levels below it (lbaselib.c).
        if (typeof v !== "string" && typeof v !== "number") S.site = cSite(cSite(site));
        s = luaToString(v);
      } else {
        S.site = cSite(site);
        s = callValue(tostringFn, v);
      }
      if (typeof s === "number") s = luaToString(s);
      if (typeof s !== "string") {
        S.site = site;
        luaError("'tostring' must return a string to 'print'", 1, "print");
      }
      // lua5.1 writes each value with fputs, which stops at a NUL byte.
      const nul = s.indexOf("\0");
      if (nul >= 0) s = s.slice(0, nul);
      line += i === 0 ? s : `\t${s}`;
    }
    host.stdout(`${line}\n`);
    return ret0();
  }

  function type_(...args: LuaValue[]): LuaValue {
    checkAny(args.length, 1, "type");
    return ret1(type(args[0]));
  }

  function tostring(...args: LuaValue[]): LuaValue {
    checkAny(args.length, 1, "tostring");
    const v = args[0];
    // luaL_callmeta: a __tostring handler is called by this C function.
    if (typeof v !== "string" && typeof v !== "number") S.site = cSite(S.site);
    return ret1(luaToString(v));
  }

  function tonumber(...args: LuaValue[]): LuaValue {
    const [v, baseArg] = args;
    const base = optInt(baseArg, 2, "tonumber", 10);
    if (base === 10) {
      checkAny(args.length, 1, "tonumber");
      if (typeof v === "number") return ret1(v);
      if (typeof v === "string") return ret1(stringToNumber(v));
      return ret1(undefined);
    }
    const s = checkString(v, 1, "tonumber", args.length);
    if (base < 2 || base > 36) argError(2, "tonumber", "base out of range");
    return ret1(parseUnsigned(s, base));
  }

  // ipairsaux: luaL_checktype(1, table), i = luaL_checkint(2) + 1, t[i] raw. A loop's own
  // calls (a table and a small integer) skip the checks.
  function ipairsStep(t: LuaValue, i: LuaValue): LuaValue {
    let k: number;
    if (t instanceof LuaTable && typeof i === "number" && (i | 0) === i) k = i + 1;
    else {
      // biome-ignore lint/complexity/noArguments: the argument count, only on this slow path
      const argc = arguments.length;
      checkTable(t, 1, "ipairs", argc);
      k = (checkInt(i, 2, "ipairs", argc) + 1) | 0;
    }
    const v = (t as LuaTable).getInt(k);
    if (v === undefined) return ret0();
    R.n = 2;
    R.v = [k, v];
    return k;
  }

  function ipairs(...args: LuaValue[]): LuaValue {
    const t = checkTable(args[0], 1, "ipairs", args.length);
    return retN([ipairsStep, t, 0]);
  }

  const nextEntry: LuaValue[] = [undefined, undefined];

  function next(...args: LuaValue[]): LuaValue {
    const t = checkTable(args[0], 1, "next", args.length);
    let found: boolean;
    try {
      found = t.nextEntry(args[1], nextEntry);
    } catch (e) {
      if (e instanceof InvalidNextKey) luaError("invalid key to 'next'", 0, "next");
      throw e;
    }
    if (!found) return ret1(undefined);
    return retN([nextEntry[0], nextEntry[1]]);
  }

  /** luaB_pairs returns its own copy of `next` (an upvalue), not the global one. */
  const pairsNext = (...args: LuaValue[]): LuaValue => next(...args);

  function pairs(...args: LuaValue[]): LuaValue {
    const t = checkTable(args[0], 1, "pairs", args.length);
    return retN([pairsNext, t, undefined]);
  }

  function select(...args: LuaValue[]): LuaValue {
    const n = args[0];
    const count = args.length - 1;
    if (typeof n === "string" && n.charCodeAt(0) === 35 /* # */) return ret1(count);
    let i = checkInt(n, 1, "select", args.length);
    if (i < 0) i = count + 1 + i;
    else if (i > count) i = count + 1;
    if (i < 1) argError(1, "select", "index out of range");
    return retN(args.slice(i));
  }

  function rawget(...args: LuaValue[]): LuaValue {
    const t = checkTable(args[0], 1, "rawget", args.length);
    checkAny(args.length, 2, "rawget");
    return ret1(t.get(args[1]));
  }

  function rawset(...args: LuaValue[]): LuaValue {
    const t = checkTable(args[0], 1, "rawset", args.length);
    checkAny(args.length, 2, "rawset");
    checkAny(args.length, 3, "rawset");
    const k = args[1];
    if (k === undefined || (typeof k === "number" && Number.isNaN(k))) {
      // luaH_set's error is raised inside rawset itself: no position (a C frame is running).
      throw new LuaError(k === undefined ? "table index is nil" : "table index is NaN");
    }
    t.set(k, args[2]);
    return ret1(t);
  }

  function rawequal(...args: LuaValue[]): LuaValue {
    checkAny(args.length, 1, "rawequal");
    checkAny(args.length, 2, "rawequal");
    return ret1(args[0] === args[1]);
  }

  function setmetatable(...args: LuaValue[]): LuaValue {
    const [t, mt] = args;
    const table = checkTable(t, 1, "setmetatable", args.length);
    // luaL_argcheck on lua_type(L, 2): an absent second argument is not nil.
    if ((mt !== undefined || args.length < 2) && !(mt instanceof LuaTable))
      argError(2, "setmetatable", "nil or table expected");
    if (table.mt !== undefined && table.mt.hash.__metatable !== undefined)
      luaError("cannot change a protected metatable", 1, "setmetatable");
    table.mt = mt;
    if (mt !== undefined) {
      noteMetatable(table, mt);
      // A table others inherit from (a class): its fields are read by every method call.
      const inherited = mt.hash.__index;
      if (inherited instanceof LuaTable) inherited.keepHashFast();
    }
    return ret1(table);
  }

  function getmetatable(...args: LuaValue[]): LuaValue {
    checkAny(args.length, 1, "getmetatable");
    const mt = getMetatable(args[0]);
    if (mt === undefined) return ret1(undefined);
    const protectedValue = mt.hash.__metatable;
    return ret1(protectedValue !== undefined ? protectedValue : mt);
  }

  function assert(...args: LuaValue[]): LuaValue {
    checkAny(args.length, 1, "assert");
    const v = args[0];
    if (v !== undefined && v !== false) return retN(args);
    const message = optString(args[1], 2, "assert", "assertion failed!");
    luaError(message, 1, "assert");
  }

  function error(message?: LuaValue, levelArg?: LuaValue): never {
    const level = optInt(levelArg, 2, "error", 1);
    // lua_isstring: numbers get a position too (and become strings).
    if (level > 0 && (typeof message === "string" || typeof message === "number"))
      message = where(level) + luaToString(message);
    throw new LuaError(message, S.site, "error");
  }

  function pcall(...args: LuaValue[]): LuaValue {
    checkAny(args.length, 1, "pcall");
    const depth = S.depth;
    const site = S.site;
    const cCalls = S.cCalls;
    try {
      S.site = cSite(site); // pcall is a stack level between f and its caller
      if (++S.cCalls >= MAX_C_CALLS) cStackOverflow();
      const f = args[0];
      const first =
        args.length === 1
          ? callValue(f)
          : args.length === 2
            ? callValue(f, args[1])
            : callValue(f, ...args.slice(1));
      S.cCalls = cCalls;
      return prepend(true, first);
    } catch (e) {
      return retN([false, protectedFailure(e, depth, site, cCalls)]);
    }
  }

  function xpcall(...args: LuaValue[]): LuaValue {
    checkAny(args.length, 2, "xpcall");
    const [f, handler] = args;
    const depth = S.depth;
    const site = S.site;
    const cCalls = S.cCalls;
    try {
      S.site = cSite(site);
      if (++S.cCalls >= MAX_C_CALLS) cStackOverflow();
      const first = callValue(f);
      S.cCalls = cCalls;
      return prepend(true, first);
    } catch (e) {
      // The handler runs before the stack is reset, so it still sees the failing frames.
      return prepend(false, xpcallFailure(handler, e, depth, site, cCalls));
    }
  }

  function unpack(...args: LuaValue[]): LuaValue {
    const t = checkTable(args[0], 1, "unpack", args.length);
    const i = optInt(args[1], 2, "unpack", 1);
    const j = args[2] === undefined ? t.arr.length : checkInt(args[2], 3, "unpack");
    if (i > j) return ret0();
    const n = j - i + 1;
    // lua_checkstack refuses more than LUAI_MAXCSTACK (8000) values.
    if (n >= 8000) luaError("too many results to unpack", 1, "unpack");
    if (i === 1 && j === t.arr.length) return retN(t.arr.slice());
    const out = new Array<LuaValue>(n);
    for (let k = 0; k < n; k++) out[k] = t.getInt(i + k);
    return retN(out);
  }

  /**
   * getfenv/setfenv's first argument (lbaselib.c getfunc): a function, or a level (1 = the
   * caller). A level whose function is unknown is a library (C) function's: undefined; level
   * 0, as in lua5.1, is getfenv's or setfenv's own (lua_getstack(L, 0) is the running C
   * function), whatever number was cut to it (luaL_checkint: 2^32, 1e308, 0.5).
   */
  function functionAt(
    v: LuaValue,
    fname: string,
    argc: number,
    optional: boolean,
  ): LuaFunction | undefined {
    if (typeof v === "function") return v;
    // getfenv's level is optional (luaL_optint, default 1), setfenv's is not (luaL_checkint)
    const level = v === undefined && optional ? 1 : checkInt(v, 1, fname, argc);
    if (level < 0) argError(1, fname, "level must be non-negative");
    if (level === 0) return undefined;
    const f = functionAtLevel(level);
    if (f === null) argError(1, fname, "invalid level");
    if (f === "tail") luaError(`no function environment for tail call at level ${level}`, 1, fname);
    return typeof f === "function" ? (f as LuaFunction) : undefined;
  }

  function getfenv(...args: LuaValue[]): LuaValue {
    const f = functionAt(args[0], "getfenv", args.length, true);
    // A C function (no `env`: setfenv refuses it) gets the thread's globals (luaB_getfenv).
    if (f === undefined || !("env" in f)) return ret1(ctx.globals);
    return ret1((f as WithEnv).env ?? originalGlobals);
  }

  function setfenv(...args: LuaValue[]): LuaValue {
    const table = checkTable(args[1], 2, "setfenv", args.length);
    // luaB_setfenv: a first argument equal to 0 changes the thread's globals.
    if (toNumber(args[0]) === 0) {
      ctx.globals = table;
      return ret0();
    }
    const f = functionAt(args[0], "setfenv", args.length, false);
    if (f === undefined || !("env" in f))
      luaError("'setfenv' cannot change environment of given object", 1, "setfenv");
    (f as WithEnv).env = table;
    return ret1(f);
  }

  function loadResult(result: { fn: LuaFunction } | { error: LuaValue }): LuaValue {
    return "fn" in result ? ret1(result.fn) : retN([undefined, result.error]);
  }

  function loadstring(...args: LuaValue[]): LuaValue {
    const source = checkString(args[0], 1, "loadstring", args.length);
    const name = optString(args[1], 2, "loadstring", source);
    return loadResult(loadChunk(source, name, ctx.globals));
  }

  function load(...args: LuaValue[]): LuaValue {
    const reader = args[0];
    // luaB_load reads the chunk name before it checks the reader.
    const name = optString(args[1], 2, "load", "=(load)");
    if (typeof reader !== "function") typeArgError(reader, 1, "load", "function", args.length);
    let source = "";
    const site = S.site;
    const depth = S.depth;
    const cCalls = S.cCalls;
    for (;;) {
      S.site = cSite(site);
      let piece: LuaValue;
      try {
        piece = reader();
      } catch (e) {
        // lua_load runs the reader protected: its error is load's nil, message. (lua5.1 also
        // passes the message through the current message handler, lua.c's traceback at the top
        // level; docs/stdlib.md.)
        return retN([undefined, protectedFailure(e, depth, site, cCalls)]);
      }
      if (piece === undefined || piece === "") break;
      if (typeof piece !== "string")
        return retN([undefined, `${where(1)}reader function must return a string`]);
      source += piece;
    }
    return loadResult(loadChunk(source, name, ctx.globals));
  }

  /** The bytes of a file (or stdin) through the host's file hooks (IoHost in lib/io.ts). */
  function readSource(name: string | undefined): { source: string } | { error: string } {
    const files = (host as Host & IoHost).files;
    let stream: HostStream | undefined;
    try {
      stream = name === undefined ? files?.stdin : files?.open(name, "r");
    } catch (e) {
      return { error: `cannot open ${name}: ${ioFailure(e).message}` };
    }
    if (stream === undefined) {
      return { error: `cannot open ${name ?? "<stdin>"}: No such file or directory` };
    }
    let source = "";
    try {
      for (;;) {
        const chunk = stream.read(65536);
        if (chunk === "") break;
        source += chunk;
      }
    } catch (e) {
      return { error: `cannot read ${name ?? "<stdin>"}: ${ioFailure(e).message}` };
    } finally {
      if (name !== undefined) stream.close?.();
    }
    return { source };
  }

  function loadFileAt(name: string | undefined): { fn: LuaFunction } | { error: LuaValue } {
    const read = readSource(name);
    if ("error" in read) return read;
    let source = read.source;
    // luaL_loadfile skips a first line starting with '#', keeping its newline.
    if (source.charCodeAt(0) === 35) {
      const newline = source.indexOf("\n");
      source = newline < 0 ? "" : source.slice(newline);
    }
    return loadChunk(source, name === undefined ? "=stdin" : `@${name}`, ctx.globals);
  }

  function loadfile(...args: LuaValue[]): LuaValue {
    const name = args[0] === undefined ? undefined : checkString(args[0], 1, "loadfile");
    return loadResult(loadFileAt(name));
  }

  function dofile(...args: LuaValue[]): LuaValue {
    const name = args[0] === undefined ? undefined : checkString(args[0], 1, "dofile");
    const loaded = loadFileAt(name);
    if ("error" in loaded) throw new LuaError(loaded.error, S.site, "dofile");
    S.site = cSite(S.site);
    const first = loaded.fn();
    return retN(allResults(first));
  }

  // lua_gc's options, in lbaselib.c's order. The pause and step multiplier are kept for the
  // answers only: the JS collector has no such knobs.
  const GC_OPTIONS = ["stop", "restart", "collect", "count", "step", "setpause", "setstepmul"];
  let gcPause = 200;
  let gcStepMul = 200;
  /** Basic "step 0" calls since the last cycle: every STEPS_PER_CYCLE-th one completes one. */
  let smallSteps = 0;
  const STEPS_PER_CYCLE = 8;

  function memoryKB(): number {
    return host.memoryKB?.() ?? 24;
  }

  function collectgarbage(...args: LuaValue[]): LuaValue {
    const option = checkOption(args[0], 1, "collectgarbage", GC_OPTIONS, "collect");
    const arg = optInt(args[1], 2, "collectgarbage", 0);
    switch (option) {
      case "count":
        return ret1(memoryKB());
      case "step": {
        // LUA_GCSTEP returns true when the step finished a cycle: a size of n KB steps until
        // n KB were "allocated", which ends a cycle on any heap a script can observe; size 0 is
        // one basic step, of which a small heap needs a few per cycle.
        if (arg <= 0 && ++smallSteps < STEPS_PER_CYCLE) return ret1(false);
        smallSteps = 0;
        fullCollection(host);
        return ret1(true);
      }
      case "setpause": {
        const previous = gcPause;
        gcPause = arg;
        return ret1(previous);
      }
      case "setstepmul": {
        const previous = gcStepMul;
        gcStepMul = arg;
        return ret1(previous);
      }
      case "collect":
        smallSteps = 0;
        fullCollection(host);
        return ret1(0);
      default: // "stop", "restart": the JS collector cannot be stopped
        return ret1(0);
    }
  }

  function gcinfo(): LuaValue {
    return ret1(Math.floor(memoryKB()));
  }

  /** Metatables made by newproxy(true): newproxy(p) accepts only proxies that have one. */
  const proxyMetatables = new WeakSet<LuaTable>();

  // newproxy (lbaselib.c luaB_newproxy): a userdata with no metatable, a new one, or the
  // metatable of another proxy. Those with a metatable are finalized by its `__gc` (gc.ts).
  function newproxy(...args: LuaValue[]): LuaValue {
    const arg = args[0];
    const proxy = new LuaUserdata();
    if (arg === undefined || arg === false) return ret1(proxy);
    let mt: LuaTable | undefined;
    if (arg === true) {
      mt = new LuaTable();
      proxyMetatables.add(mt);
    } else {
      mt = getMetatable(arg);
      if (!(arg instanceof LuaUserdata) || mt === undefined || !proxyMetatables.has(mt))
        argError(1, "newproxy", "boolean or proxy expected");
    }
    proxy.mt = mt;
    noteFinalizable(proxy, mt);
    return ret1(proxy);
  }

  return {
    assert,
    collectgarbage,
    dofile,
    error,
    gcinfo,
    getfenv,
    getmetatable,
    ipairs,
    load,
    loadfile,
    loadstring,
    newproxy,
    next,
    pairs,
    pcall,
    print,
    rawequal,
    rawget,
    rawset,
    select,
    setfenv,
    setmetatable,
    tonumber,
    tostring,
    type: type_,
    unpack,
    xpcall,
  };
}

/**
 * tonumber with a base (strtoul): optional whitespace and sign, digits of the base (and `0x`
 * for base 16), trailing whitespace; negative values wrap modulo 2^64, overflow saturates.
 */
function parseUnsigned(s: string, base: number): number | undefined {
  const m = /^[ \t\n\v\f\r]*([+-]?)([0-9a-zA-Z]*)[ \t\n\v\f\r]*$/.exec(s);
  if (m === null) return undefined;
  let digits = m[2];
  if (base === 16 && /^0[xX][0-9a-fA-F]/.test(digits)) digits = digits.slice(2);
  if (digits === "") return undefined;
  const TWO64 = 2 ** 64;
  let value = 0;
  for (const c of digits) {
    const d = Number.parseInt(c, 36);
    if (d >= base) return undefined;
    value = value * base + d;
  }
  if (value >= TWO64) return TWO64 - 1;
  if (m[1] === "-" && value !== 0) value = TWO64 - value;
  return value;
}

/** Same as rawToString, for hosts that print Lua values without metamethods. */
/** Display name of a chunk name (luaO_chunkid), re-exported for hosts. */
export { chunkId, rawToString };
