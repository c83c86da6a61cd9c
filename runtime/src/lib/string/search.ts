// string.find, string.match, string.gmatch and string.gsub (manual §5.4; lstrlib.c
// str_find_aux, gmatch, str_gsub), on top of the matcher in pattern.ts.

import { cSite } from "../../levels.js";
import { numberToString } from "../../number.js";
import { index } from "../../ops/index.js";
import { chargeMemory, chargeString } from "../../sandbox/budget.js";
import { R, ret1, retN, S } from "../../state.js";
import { LuaTable } from "../../table.js";
import { type } from "../../tostring.js";
import type { LuaFunction, LuaValue } from "../../value.js";
import { argError, checkInt, checkInteger, checkString, luaError } from "../args.js";
import {
  acquireMatchState,
  getCapture,
  getCaptures,
  hasSpecials,
  MatchState,
  releaseMatchState,
} from "./pattern.js";

/** luaL_optinteger: nil or absent → the default. */
function optInteger(v: LuaValue, n: number, fname: string, def: number): number {
  return v === undefined ? def : checkInteger(v, n, fname);
}

/** lstrlib.c posrelat: a negative position counts from the end; the result is >= 0. */
export function relativePosition(pos: number, len: number): number {
  if (pos < 0) pos += len + 1;
  return Math.max(pos, 0);
}

/** lstrlib.c str_find_aux: string.find (`find` set) and string.match. */
function findAux(
  find: boolean,
  fname: string,
  s: LuaValue,
  p: LuaValue,
  initArg: LuaValue,
  plain: LuaValue,
  argc: number,
): LuaValue {
  const src = checkString(s, 1, fname, argc);
  const pat = checkString(p, 2, fname, argc);
  let init = relativePosition(optInteger(initArg, 3, fname, 1), src.length) - 1;
  if (init < 0) init = 0;
  else if (init > src.length) init = src.length;
  if (find && ((plain !== undefined && plain !== false) || !hasSpecials(pat))) {
    // A plain search; like lmemfind, the pattern's bytes after a "\0" take part here.
    const at = src.indexOf(pat, init);
    if (at < 0) return ret1(undefined);
    R.n = 2;
    R.v = [at + 1, at + pat.length];
    return at + 1;
  }
  const ms = acquireMatchState(src, pat);
  const anchor = pat.charCodeAt(0) === 94; // '^'
  const p0 = anchor ? 1 : 0;
  const first = ms.program(p0).first;
  const length = src.length;
  let s1 = init;
  let result: LuaValue;
  do {
    // No match can start on a byte outside the first item's class.
    if (first !== undefined && s1 < length && first[src.charCodeAt(s1)] === 0) {
      s1++;
      continue;
    }
    const e = ms.run(s1, p0);
    if (e !== -1) {
      if (find) {
        const values: LuaValue[] = [s1 + 1, e];
        for (let i = 0; i < ms.level; i++) values.push(getCapture(ms, i, -1, -1));
        result = retN(values);
      } else {
        result = retN(getCaptures(ms, s1, e, true));
      }
      releaseMatchState(ms);
      return result;
    }
    s1++;
  } while (s1 <= src.length && !anchor);
  releaseMatchState(ms);
  return ret1(undefined);
}

export function find(s: LuaValue, p: LuaValue, init: LuaValue, plain: LuaValue): LuaValue {
  // biome-ignore lint/complexity/noArguments: the argument count tells a missing argument from nil
  return findAux(true, "find", s, p, init, plain, arguments.length);
}

export function match(s: LuaValue, p: LuaValue, init: LuaValue): LuaValue {
  // biome-ignore lint/complexity/noArguments: the argument count tells a missing argument from nil
  return findAux(false, "match", s, p, init, undefined, arguments.length);
}

/**
 * lstrlib.c gmatch / gmatch_aux: an iterator over successive matches. In Lua 5.1 a leading
 * '^' is not an anchor here; it matches a literal '^'.
 */
export function gmatch(s: LuaValue, p: LuaValue): LuaValue {
  // biome-ignore lint/complexity/noArguments: the argument count tells a missing argument from nil
  const argc = arguments.length;
  const src = checkString(s, 1, "gmatch", argc);
  const pat = checkString(p, 2, "gmatch", argc);
  const ms = new MatchState(src, pat);
  let position = 0;
  const first = ms.program(0).first;
  const length = src.length;
  const iterator = (): LuaValue => {
    for (let start = position; start <= length; start++) {
      if (first !== undefined && start < length && first[src.charCodeAt(start)] === 0) continue;
      const e = ms.run(start, 0);
      if (e !== -1) {
        // An empty match advances one byte so the iteration cannot stall.
        position = e === start ? e + 1 : e;
        return retN(getCaptures(ms, start, e, true));
      }
    }
    position = src.length + 1;
    return retN([]);
  };
  return ret1(iterator);
}

/** lstrlib.c add_s: expand `%0`..`%9` and `%x` (x not a digit: x itself) in a string repl. */
function expandReplacement(ms: MatchState, repl: string, s: number, e: number): string {
  let pct = repl.indexOf("%");
  if (pct < 0) return chargedPiece(repl);
  let out = "";
  let from = 0;
  while (pct >= 0) {
    out += repl.slice(from, pct);
    // A '%' ending the replacement reads C's terminating "\0".
    const c = pct + 1 < repl.length ? repl.charCodeAt(pct + 1) : 0;
    if (c < 48 || c > 57) out += String.fromCharCode(c);
    else if (c === 48) out += chargedPiece(ms.src.slice(s, e));
    else {
      const capture = getCapture(ms, c - 49, s, e);
      out += chargedPiece(typeof capture === "number" ? numberToString(capture) : capture);
    }
    from = pct + 2;
    pct = from < repl.length ? repl.indexOf("%", from) : -1;
  }
  chargeMemory(repl.length); // the replacement's own bytes (at most its length)
  return out + repl.slice(from);
}

/**
 * The memory budget (sandbox/budget.ts): gsub's result grows by each piece, charged as it is
 * added (luaL_addlstring), so a replacement that multiplies the string is refused before the
 * buffer outgrows the budget.
 */
function chargedPiece(piece: string): string {
  chargeMemory(piece.length);
  return piece;
}

/** lstrlib.c add_value: the replacement text for the match [s, e). */
function replacement(ms: MatchState, repl: LuaValue, s: number, e: number): string {
  let value: LuaValue;
  if (typeof repl === "string") return expandReplacement(ms, repl, s, e);
  if (typeof repl === "number") return expandReplacement(ms, numberToString(repl), s, e);
  if (typeof repl === "function") {
    const site = S.site;
    S.site = cSite(site); // gsub is a C level between the function and its caller
    value = (repl as LuaFunction)(...getCaptures(ms, s, e, true));
    S.site = site; // errors below are positioned at gsub's caller, not inside the callback
  } else {
    const key = getCapture(ms, 0, s, e);
    const t = repl as LuaTable;
    value = t.mt === undefined ? t.get(key) : index(t, key, S.site);
  }
  if (value === undefined || value === false) return chargedPiece(ms.src.slice(s, e)); // keep the original
  if (typeof value === "string") return chargedPiece(value);
  if (typeof value === "number") return chargedPiece(numberToString(value));
  return luaError(`invalid replacement value (a ${type(value)})`, 1);
}

/** lstrlib.c str_gsub: returns the new string and the number of substitutions. */
export function gsub(s: LuaValue, p: LuaValue, repl: LuaValue, maxN: LuaValue): LuaValue {
  // biome-ignore lint/complexity/noArguments: the argument count tells a missing argument from nil
  const argc = arguments.length;
  const src = checkString(s, 1, "gsub", argc);
  const pat = checkString(p, 2, "gsub", argc);
  const kind = typeof repl;
  if (
    kind !== "number" &&
    kind !== "string" &&
    kind !== "function" &&
    !(repl instanceof LuaTable)
  ) {
    argError(3, "gsub", "string/function/table expected");
  }
  const maxSubstitutions = maxN === undefined ? src.length + 1 : checkInt(maxN, 4, "gsub");
  const anchor = pat.charCodeAt(0) === 94; // '^'
  const p0 = anchor ? 1 : 0;
  const ms = acquireMatchState(src, pat);
  let out = "";
  let at = 0;
  let copiedTo = 0;
  let n = 0;
  const first = anchor ? undefined : ms.program(p0).first;
  const length = src.length;
  while (n < maxSubstitutions) {
    if (first !== undefined) {
      // Positions where no match can start are copied as they are.
      while (at < length && first[src.charCodeAt(at)] === 0) at++;
    }
    const e = ms.run(at, p0);
    if (e !== -1) {
      n++;
      chargeMemory(at - copiedTo); // the unmatched bytes copied before this match
      out += src.slice(copiedTo, at) + replacement(ms, repl, at, e);
      copiedTo = e;
    }
    if (e !== -1 && e > at) at = e;
    else if (at < src.length) at++;
    else break;
    if (anchor) break;
  }
  chargeString(length - copiedTo); // the tail and the result string's header
  out += src.slice(copiedTo);
  releaseMatchState(ms);
  R.n = 2;
  R.v = [out, n];
  return out;
}
