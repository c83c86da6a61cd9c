// The table library (manual §5.5; ltablib.c). Element access is raw (lua_rawgeti /
// lua_rawseti), lengths are the raw border (`#` without metamethods, luaL_getn), and the
// default sort order is `<` with metamethods (lua_lessthan).

import { cSite } from "../levels.js";
import { numberToString } from "../number.js";
import { call } from "../ops/call.js";
import { lessThan } from "../ops/compare.js";
import { chargeString } from "../sandbox/budget.js";
import { ret0, ret1, S } from "../state.js";
import { LuaTable } from "../table.js";
import { type } from "../tostring.js";
import type { LuaValue } from "../value.js";
import { argError, checkInt, checkString, checkTable, luaError } from "./args.js";

/** luaL_checktype(L, n, LUA_TFUNCTION). */
function checkFunction(v: LuaValue, n: number, fname: string, argc: number): void {
  if (typeof v !== "function") {
    argError(
      n,
      fname,
      `function expected, got ${v === undefined && argc < n ? "no value" : type(v)}`,
    );
  }
}

/** luaL_optint: nil or absent → the default. */
function optInt(v: LuaValue, n: number, fname: string, def: number): number {
  return v === undefined ? def : checkInt(v, n, fname);
}

/** Call a Lua function from library code and keep only its first result. */
function callback(f: LuaValue, a: LuaValue, b: LuaValue): LuaValue {
  return typeof f === "function" ? f(a, b) : call(f, 0, a, b);
}

/** ltablib.c tinsert: table.insert(t, [pos,] v). */
function insert(...args: LuaValue[]): LuaValue {
  const t = checkTable(args[0], 1, "insert", args.length);
  let e = t.length() + 1; // the first empty slot
  let pos: number;
  if (args.length === 2) {
    pos = e;
  } else if (args.length === 3) {
    pos = checkInt(args[1], 2, "insert");
    if (pos > e) e = pos; // grow the array
    for (let i = e; i > pos; i--) t.set(i, t.get(i - 1));
  } else {
    return luaError("wrong number of arguments to 'insert'", 1);
  }
  t.set(pos, args[args.length - 1]);
  return ret0();
}

/** ltablib.c tremove: table.remove(t [, pos]); nothing when pos is outside 1..#t. */
function remove(table: LuaValue, position: LuaValue): LuaValue {
  // biome-ignore lint/complexity/noArguments: the argument count tells a missing argument from nil
  const argc = arguments.length;
  const t = checkTable(table, 1, "remove", argc);
  const e = t.length();
  let pos = optInt(position, 2, "remove", e);
  if (!(pos >= 1 && pos <= e)) return ret0();
  const removed = t.get(pos);
  for (; pos < e; pos++) t.set(pos, t.get(pos + 1));
  t.set(e, undefined);
  return ret1(removed);
}

/** ltablib.c tconcat. Debian's lua5.1 words the bad-element error as below. */
function concat(table: LuaValue, separator: LuaValue, first: LuaValue, last: LuaValue): LuaValue {
  // biome-ignore lint/complexity/noArguments: the argument count tells a missing argument from nil
  const argc = arguments.length;
  const sep = separator === undefined ? "" : checkString(separator, 2, "concat", argc);
  const t = checkTable(table, 1, "concat", argc);
  let i = optInt(first, 3, "concat", 1);
  const j = last === undefined ? t.length() : checkInt(last, 4, "concat");
  const parts: string[] = [];
  let size = 0;
  for (; i <= j; i++) {
    const v = t.get(i);
    let part: string;
    if (typeof v === "string") part = v;
    else if (typeof v === "number") part = numberToString(v);
    else luaError(`invalid value (${type(v)}) at index ${i} in table for 'concat'`, 1);
    parts.push(part);
    size += part.length + sep.length;
  }
  chargeString(size); // the memory budget, before the join (sandbox/budget.ts)
  return ret1(parts.join(sep));
}

/** ltablib.c maxn: the largest positive numeric key (0 if none). */
function maxn(table: LuaValue): LuaValue {
  // biome-ignore lint/complexity/noArguments: the argument count tells a missing argument from nil
  const argc = arguments.length;
  const t = checkTable(table, 1, "maxn", argc);
  let max = t.length();
  if (t.map !== undefined) {
    for (const k of t.map.keys()) {
      if (typeof k === "number" && k > max && t.map.get(k) !== undefined) max = k;
    }
  }
  return ret1(max);
}

function getn(table: LuaValue): LuaValue {
  // biome-ignore lint/complexity/noArguments: the argument count tells a missing argument from nil
  const argc = arguments.length;
  return ret1(checkTable(table, 1, "getn", argc).length());
}

function setn(table: LuaValue): LuaValue {
  // biome-ignore lint/complexity/noArguments: the argument count tells a missing argument from nil
  const argc = arguments.length;
  checkTable(table, 1, "setn", argc);
  return luaError("'setn' is obsolete", 1);
}

/** ltablib.c foreachi: f(i, t[i]) for i = 1..#t; stops at the first non-nil result. */
function foreachi(table: LuaValue, f: LuaValue): LuaValue {
  // biome-ignore lint/complexity/noArguments: the argument count tells a missing argument from nil
  const argc = arguments.length;
  const t = checkTable(table, 1, "foreachi", argc);
  checkFunction(f, 2, "foreachi", argc);
  const n = t.length();
  const cs = cSite(S.site);
  for (let i = 1; i <= n; i++) {
    S.site = cs;
    const r = callback(f, i, t.get(i));
    if (r !== undefined) return ret1(r);
  }
  return ret0();
}

/** ltablib.c foreach: f(k, v) for every pair (raw next); stops at the first non-nil result. */
function foreach(table: LuaValue, f: LuaValue): LuaValue {
  // biome-ignore lint/complexity/noArguments: the argument count tells a missing argument from nil
  const argc = arguments.length;
  const t = checkTable(table, 1, "foreach", argc);
  checkFunction(f, 2, "foreach", argc);
  const pair: LuaValue[] = [undefined, undefined];
  let key: LuaValue;
  const cs = cSite(S.site);
  while (t.nextEntry(key, pair)) {
    key = pair[0];
    S.site = cs;
    const r = callback(f, key, pair[1]);
    if (r !== undefined) return ret1(r);
  }
  return ret0();
}

/**
 * Sorting n numbers (no NaN, no -0) or n strings with the default order: any correct sort
 * gives lua5.1's result, because equal elements are indistinguishable, so use the engine's.
 */
function sortPlain(arr: LuaValue[], n: number): boolean {
  if (arr.length !== n || n < 2) return false;
  const kind = typeof arr[0];
  if (kind !== "number" && kind !== "string") return false;
  for (let i = 0; i < n; i++) {
    const v = arr[i];
    if (typeof v !== kind || (kind === "number" && (Number.isNaN(v) || Object.is(v, -0))))
      return false;
  }
  (arr as (number | string)[]).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return true;
}

/**
 * ltablib.c sort/auxsort: Lua 5.1's quicksort (median of three, pivot parked at u-1, the
 * smaller half by recursion), step for step, so that inconsistent comparators give lua5.1's
 * results and errors. As in C, an inconsistent comparator can read past the ends (getting nil)
 * before "invalid order function for sorting" is raised.
 */
function sort(table: LuaValue, comparator: LuaValue): LuaValue {
  // biome-ignore lint/complexity/noArguments: the argument count tells a missing argument from nil
  const argc = arguments.length;
  const t = checkTable(table, 1, "sort", argc);
  const n = t.length();
  if (comparator !== undefined) checkFunction(comparator, 2, "sort", argc);
  if (comparator === undefined && sortPlain(t.arr, n)) return ret0();
  const site = S.site;
  // The comparator and __lt run with sort as a C level below them (levels.ts cSite); lessThan
  // takes a metamethod position as a negative site.
  const cs = cSite(site);
  const lt =
    comparator === undefined
      ? (a: LuaValue, b: LuaValue): boolean =>
          typeof a === "number" && typeof b === "number" ? a < b : lessThan(a, b, -cs)
      : (a: LuaValue, b: LuaValue): boolean => {
          S.site = cs;
          const r = callback(comparator, a, b);
          return r !== undefined && r !== false;
        };
  const invalidOrder = (): never => {
    S.site = site;
    return luaError("invalid order function for sorting", 1);
  };
  // Raw element access with the array part read directly (re-read each time, in case the
  // comparator changes the table).
  const get = (i: number): LuaValue => {
    const arr = t.arr;
    return i >= 1 && i <= arr.length ? arr[i - 1] : t.get(i);
  };
  const set = (i: number, v: LuaValue): void => {
    const arr = t.arr;
    if (v !== undefined && i >= 1 && i <= arr.length) arr[i - 1] = v;
    else t.set(i, v);
  };
  const auxsort = (l: number, u: number): void => {
    while (l < u) {
      // Order a[l], a[(l+u)/2], a[u].
      let al = get(l);
      let au = get(u);
      if (lt(au, al)) {
        set(l, au);
        set(u, al);
      }
      if (u - l === 1) break;
      let i = Math.floor((l + u) / 2);
      const ai = get(i);
      al = get(l);
      if (lt(ai, al)) {
        set(i, al);
        set(l, ai);
      } else {
        au = get(u);
        if (lt(au, ai)) {
          set(i, au);
          set(u, ai);
        }
      }
      if (u - l === 2) break;
      // The pivot P = a[i] is parked at u-1; a[l] <= P <= a[u].
      const pivot = get(i);
      set(i, get(u - 1));
      set(u - 1, pivot);
      i = l;
      let j = u - 1;
      for (;;) {
        let a: LuaValue;
        let b: LuaValue;
        while (lt((a = get(++i)), pivot)) {
          if (i > u) invalidOrder();
        }
        while (lt(pivot, (b = get(--j)))) {
          if (j < l) invalidOrder();
        }
        if (j < i) break;
        set(i, b);
        set(j, a);
      }
      const parked = get(u - 1);
      set(u - 1, get(i));
      set(i, parked);
      // Recurse into the smaller half, loop on the larger one.
      let from: number;
      if (i - l < u - i) {
        from = l;
        i = i - 1;
        l = i + 2;
      } else {
        from = i + 1;
        i = u;
        u = from - 2;
      }
      auxsort(from, i);
    }
  };
  auxsort(1, n);
  return ret0();
}

/** Build the `table` table (ltablib.c luaopen_table). */
export function createTable(): LuaTable {
  const T = new LuaTable();
  T.set("concat", concat);
  T.set("foreach", foreach);
  T.set("foreachi", foreachi);
  T.set("getn", getn);
  T.set("insert", insert);
  T.set("maxn", maxn);
  T.set("remove", remove);
  T.set("setn", setn);
  T.set("sort", sort);
  return T;
}

/** Install `table` into the globals. */
export function openTable(G: LuaTable): void {
  G.set("table", createTable());
}
