// Argument checks and errors for library functions, mirroring lauxlib (luaL_argerror,
// luaL_checknumber, luaL_error, ...). Messages name the function the way lua5.1 does: from the
// call site's description of the callee (`local r = string.rep; r()` says 'r'), `?` when it was
// called from library code (site 0, or a C site: levels.ts), else the library's own name.
//
// `argc` parameters (the number of arguments actually passed) distinguish "no value" from nil;
// callers that do not know it may omit it (nil is then reported as "got nil").

import { LuaError } from "../errors.js";
import { C_SITE, siteAtLevel } from "../levels.js";
import { numberToString, stringToNumber } from "../number.js";
import { siteCalleeName, sitePrefix } from "../sites.js";
import { S } from "../state.js";
import { LuaTable } from "../table.js";
import { type } from "../tostring.js";
import type { LuaValue } from "../value.js";

/**
 * The site of the Lua code `level` levels up: 1 = the caller of the library function; a level
 * lost to a tail call or a library (C) function's level has no position (levels.ts).
 */
export function levelSite(level: number): number {
  return level <= 0 ? 0 : siteAtLevel(level);
}

/** luaL_where: `chunk:line: ` of the Lua code at `level`, or "". */
export function where(level: number): string {
  return sitePrefix(levelSite(level));
}

/**
 * luaL_error: raises `message` prefixed with the position of the calling Lua code. The
 * library function raising it is a `[C]` level of the traceback, named (like lua5.1's
 * getfuncname) from the call that reached it when `raisedBy` is not given.
 */
export function luaError(message: string, level = 1, raisedBy?: string): never {
  const site = S.site;
  const name = raisedBy ?? (libraryCallee(site)?.name || "");
  throw new LuaError(where(level) + message, site, name);
}

/**
 * getfuncname for a library function: how the Lua call at `site` names its callee; undefined
 * when library code or a metamethod call made the call, or the call expression has no name.
 */
export function libraryCallee(site: number): { name: string; method: boolean } | undefined {
  return site > 0 && site < C_SITE ? siteCalleeName(site) : undefined;
}

/** luaL_argerror: `bad argument #n to 'fname' (msg)`. */
export function argError(n: number, _fname: string, msg: string): never {
  // luaL_argerror names the function from its call; without a name, '?' in the message and
  // `[C]: ?` in the traceback.
  const callee = libraryCallee(S.site);
  if (callee === undefined) luaError(`bad argument #${n} to '?' (${msg})`, 1, "");
  const name = callee.name;
  if (callee.method) {
    n--;
    if (n === 0) luaError(`calling '${name}' on bad self (${msg})`, 1, name);
  }
  luaError(`bad argument #${n} to '${name}' (${msg})`, 1, name);
}

/** luaL_typerror: `bad argument #n to 'f' (table expected, got nil)`. */
export function typeArgError(
  v: LuaValue,
  n: number,
  fname: string,
  expected: string,
  argc?: number,
): never {
  const got = v === undefined && argc !== undefined && argc < n ? "no value" : type(v);
  argError(n, fname, `${expected} expected, got ${got}`);
}

export function checkTable(v: LuaValue, n: number, fname: string, argc?: number): LuaTable {
  if (v instanceof LuaTable) return v;
  typeArgError(v, n, fname, "table", argc);
}

/** luaL_checknumber: numbers and numeric strings. */
export function checkNumber(v: LuaValue, n: number, fname: string, argc?: number): number {
  if (typeof v === "number") return v;
  if (typeof v === "string") {
    const x = stringToNumber(v);
    if (x !== undefined) return x;
  }
  typeArgError(v, n, fname, "number", argc);
}

/**
 * lua_tointeger's conversion, a C cast to the 64-bit lua_Integer (cvttsd2si on x86-64):
 * truncation toward zero; NaN and values outside the 64-bit range give its minimum, -2^63.
 */
export function toInteger(x: number): number {
  return x >= -(2 ** 63) && x < 2 ** 63 ? Math.trunc(x) : -(2 ** 63);
}

/** luaL_checkinteger: a 64-bit lua_Integer (string positions, byte and find indexes). */
export function checkInteger(v: LuaValue, n: number, fname: string, argc?: number): number {
  if (typeof v === "number") return toInteger(v);
  return toInteger(checkNumber(v, n, fname, argc));
}

/** luaL_checkint: (int)(lua_Integer)x on x86-64, i.e. the low 32 bits of the 64-bit value. */
export function checkInt(v: LuaValue, n: number, fname: string, argc?: number): number {
  return checkInteger(v, n, fname, argc) | 0;
}

/** luaL_optint. */
export function optInt(v: LuaValue, n: number, fname: string, def: number): number {
  return v === undefined ? def : checkInt(v, n, fname);
}

/** luaL_checkstring: strings, and numbers converted with %.14g. */
export function checkString(v: LuaValue, n: number, fname: string, argc?: number): string {
  if (typeof v === "string") return v;
  if (typeof v === "number") return numberToString(v);
  typeArgError(v, n, fname, "string", argc);
}

export function optNumber(v: LuaValue, n: number, fname: string, def: number): number {
  return v === undefined ? def : checkNumber(v, n, fname);
}

export function optInteger(v: LuaValue, n: number, fname: string, def: number): number {
  return v === undefined ? def : checkInteger(v, n, fname);
}

export function optString(v: LuaValue, n: number, fname: string, def: string): string {
  return v === undefined ? def : checkString(v, n, fname);
}

/** luaL_checkany: argument n must be present (nil counts). */
export function checkAny(argc: number, n: number, fname: string): void {
  if (argc < n) argError(n, fname, "value expected");
}

/** luaL_checkoption: `bad argument #n to 'f' (invalid option 'x')`. */
export function checkOption(
  v: LuaValue,
  n: number,
  fname: string,
  options: readonly string[],
  def?: string,
): string {
  const name = v === undefined && def !== undefined ? def : checkString(v, n, fname);
  if (options.includes(name)) return name;
  argError(n, fname, `invalid option '${name}'`);
}
