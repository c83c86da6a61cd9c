// The string library (manual §5.4; lstrlib.c). Strings are byte strings (one JS char per
// byte); case mapping is the C locale's (only a-z / A-Z change).

import { dumpFunction } from "../../dump.js";
import type { Host } from "../../host.js";
import { setStringMetatable } from "../../metatable.js";
import { chargeString } from "../../sandbox/budget.js";
import { ret0, ret1, retN } from "../../state.js";
import { LuaTable } from "../../table.js";
import { type } from "../../tostring.js";
import type { LuaFunction, LuaValue } from "../../value.js";
import { argError, checkInt, checkInteger, checkString, luaError } from "../args.js";
import { format } from "./format.js";
import { find, gmatch, gsub, match, relativePosition } from "./search.js";

/** luaL_optinteger: nil or absent → the default. */
function optInteger(v: LuaValue, n: number, fname: string, def: number): number {
  return v === undefined ? def : checkInteger(v, n, fname);
}

function len(s: LuaValue): LuaValue {
  // biome-ignore lint/complexity/noArguments: the argument count tells a missing argument from nil
  const argc = arguments.length;
  return ret1(checkString(s, 1, "len", argc).length);
}

/** str_sub: string.sub(s, i [, j]) with negative positions counted from the end. */
function sub(s: LuaValue, i: LuaValue, j: LuaValue): LuaValue {
  // biome-ignore lint/complexity/noArguments: the argument count tells a missing argument from nil
  const argc = arguments.length;
  const str = checkString(s, 1, "sub", argc);
  const l = str.length;
  let start = relativePosition(checkInteger(i, 2, "sub", argc), l);
  let end = relativePosition(optInteger(j, 3, "sub", -1), l);
  if (start < 1) start = 1;
  if (end > l) end = l;
  return ret1(start <= end ? str.slice(start - 1, end) : "");
}

function reverse(s: LuaValue): LuaValue {
  // biome-ignore lint/complexity/noArguments: the argument count tells a missing argument from nil
  const argc = arguments.length;
  const str = checkString(s, 1, "reverse", argc);
  chargeString(str.length); // the memory budget, before the copy is made (sandbox/budget.ts)
  let out = "";
  for (let i = str.length - 1; i >= 0; i--) out += str[i];
  return ret1(out);
}

/** C-locale tolower/toupper: only ASCII letters change. */
function mapCase(str: string, from: number, to: number, delta: number): string {
  let k = 0;
  while (k < str.length) {
    const c = str.charCodeAt(k);
    if (c >= from && c <= to) break;
    k++;
  }
  if (k === str.length) return str;
  let out = str.slice(0, k);
  for (; k < str.length; k++) {
    const c = str.charCodeAt(k);
    out += String.fromCharCode(c >= from && c <= to ? c + delta : c);
  }
  return out;
}

function lower(s: LuaValue): LuaValue {
  // biome-ignore lint/complexity/noArguments: the argument count tells a missing argument from nil
  const argc = arguments.length;
  const str = checkString(s, 1, "lower", argc);
  chargeString(str.length); // the memory budget: luaL_Buffer makes a new string (sandbox/budget.ts)
  return ret1(mapCase(str, 65, 90, 32));
}

function upper(s: LuaValue): LuaValue {
  // biome-ignore lint/complexity/noArguments: the argument count tells a missing argument from nil
  const argc = arguments.length;
  const str = checkString(s, 1, "upper", argc);
  chargeString(str.length); // the memory budget: luaL_Buffer makes a new string (sandbox/budget.ts)
  return ret1(mapCase(str, 97, 122, -32));
}

/** str_rep: n copies (none when n <= 0). */
function rep(s: LuaValue, n: LuaValue): LuaValue {
  // biome-ignore lint/complexity/noArguments: the argument count tells a missing argument from nil
  const argc = arguments.length;
  const str = checkString(s, 1, "rep", argc);
  const count = checkInt(n, 2, "rep", argc);
  if (count <= 0 || str.length === 0) return ret1("");
  chargeString(str.length * count); // refused before it is made (sandbox/budget.ts)
  if (str.length * count > 0x1fffffe8) luaError("not enough memory", 0);
  return ret1(str.repeat(count));
}

/** str_byte: the byte codes of s[i..j] (j defaults to i). */
function byte(s: LuaValue, i: LuaValue, j: LuaValue): LuaValue {
  // biome-ignore lint/complexity/noArguments: the argument count tells a missing argument from nil
  const argc = arguments.length;
  const str = checkString(s, 1, "byte", argc);
  const l = str.length;
  let first = relativePosition(optInteger(i, 2, "byte", 1), l);
  let last = relativePosition(optInteger(j, 3, "byte", first), l);
  if (first <= 0) first = 1;
  if (last > l) last = l;
  if (first > last) return ret0();
  if (first === last) return ret1(str.charCodeAt(first - 1));
  const codes = new Array<LuaValue>(last - first + 1);
  for (let k = first; k <= last; k++) codes[k - first] = str.charCodeAt(k - 1);
  return retN(codes);
}

/** str_char: each argument must be an integer 0..255. */
function char(...codes: LuaValue[]): LuaValue {
  chargeString(codes.length); // the memory budget (sandbox/budget.ts)
  let out = "";
  for (let k = 0; k < codes.length; k++) {
    const c = checkInt(codes[k], k + 1, "char");
    if (c < 0 || c > 255) argError(k + 1, "char", "invalid value");
    out += String.fromCharCode(c);
  }
  return ret1(out);
}

/** str_dump: a Lua function's 5.1 binary chunk, from the dumper the VM installs (dump.ts). */
function dump(f: LuaValue): LuaValue {
  // biome-ignore lint/complexity/noArguments: the argument count tells a missing argument from nil
  const argc = arguments.length;
  if (typeof f !== "function")
    argError(1, "dump", `function expected, got ${argc === 0 ? "no value" : type(f)}`);
  const chunk = dumpFunction(f as LuaFunction);
  if (chunk === undefined) return luaError("unable to dump given function", 1);
  return ret1(chunk);
}

/** Build the `string` table (lstrlib.c luaopen_string). */
export function createString(): LuaTable {
  const S = new LuaTable();
  S.set("byte", byte);
  S.set("char", char);
  S.set("dump", dump);
  S.set("find", find);
  S.set("format", format);
  S.set("gfind", gmatch); // LUA_COMPAT_GFIND
  S.set("gmatch", gmatch);
  S.set("gsub", gsub);
  S.set("len", len);
  S.set("lower", lower);
  S.set("match", match);
  S.set("rep", rep);
  S.set("reverse", reverse);
  S.set("sub", sub);
  S.set("upper", upper);
  return S;
}

/**
 * Install `string` into the globals and make it the `__index` of the metatable shared by all
 * strings, so that `("x"):upper()` works (lstrlib.c createmetatable).
 */
export function openString(G: LuaTable, _host?: Host): void {
  const lib = createString();
  G.set("string", lib);
  const meta = new LuaTable();
  meta.set("__index", lib);
  setStringMetatable(meta);
}
