// Converting values between JS and Lua (the embedding API's rules, README "JS interop").
//
// Lua → JS (`toJS`):
//   nil → undefined; boolean and number → themselves; string → text (UTF-8 decoded, strings.ts);
//   table → a Proxy that reads like an object (one proxy per table, tableProxy below);
//   function → a JS function (one per Lua function) that converts its arguments with `toLua`
//     and returns the first result converted with `toJS`;
//   userdata wrapping a JS object → that object; other userdata and threads → themselves.
// JS → Lua (`toLua`):
//   undefined and null → nil; boolean, number → themselves; bigint → number; string → UTF-8;
//   a table proxy → its table; a wrapper of a Lua function → that function;
//   another JS function → a Lua function (arguments converted with `toJS`, `this` undefined;
//     its result is one Lua value, or several when it returns `multiple(...)`);
//   arrays and plain objects → new tables, copied deeply (arrays from index 1);
//   any other object (class instances, DOM nodes, Maps, or `byReference(obj)`) → a userdata
//     that stands for the object: `u.x` reads and `u.x = v` writes the JS property
//     (objects read from it stay by reference), `u:m(a)` calls `obj.m(a)` with `this = obj`,
//     `#u` is `obj.length`.
// Identity is kept both ways: the same table always gives the same proxy and the proxy gives
// back the table; the same holds for functions and by-reference objects.

import { callValue } from "../ops/call.js";
import { index, setIndex } from "../ops/index.js";
import { R, results, ret1, retN, S } from "../state.js";
import { LuaTable } from "../table.js";
import { type LuaFunction, LuaThread, LuaUserdata, type LuaValue } from "../value.js";
import { jsErrorFromLua, luaErrorFromJS } from "./errors.js";
import { decodeUtf8, encodeUtf8 } from "./strings.js";

// ---- calling across the boundary -------------------------------------------------------

/**
 * Runs Lua code for the host in the state a value came from (its type metatables and
 * budgets): LuaState's guard. Function wrappers and table proxies keep the owner that was
 * current when they were made, so a Lua function a sandboxed state hands out runs under
 * that state's budget however the host calls it.
 */
export type Owner = <T>(body: () => T) => T;
let currentOwner: Owner | undefined;

/** Runs `body` with `owner` as the state values converted to JS belong to. */
export function withOwner<T>(owner: Owner, body: () => T): T {
  const previous = currentOwner;
  currentOwner = owner;
  try {
    return body();
  } finally {
    currentOwner = previous;
  }
}

/** Runs `body` in `owner`'s guard, unless that state's guard is already the one running. */
function under<T>(owner: Owner | undefined, body: () => T): T {
  return owner === undefined || owner === currentOwner ? body() : owner(body);
}

/**
 * Calls a Lua value from JS with Lua arguments and returns all its results. A Lua error is
 * thrown as a JS exception (errors.ts) after the frame state is restored, as lua_pcall does.
 */
export function callLua(f: LuaValue, args: LuaValue[]): LuaValue[] {
  const depth = S.depth;
  const site = S.site;
  try {
    S.site = 0; // called from outside Lua: no call position (as from a C function)
    const first = callValue(f, ...args);
    return R.n === 1 ? [first] : results(first).slice();
  } catch (e) {
    S.depth = depth;
    throw jsErrorFromLua(e, toJS, decodeUtf8);
  } finally {
    S.site = site;
  }
}

/** Runs a runtime operation (index, setIndex...) from JS, with the same error handling. */
function guarded<T>(operation: () => T): T {
  const depth = S.depth;
  const site = S.site;
  try {
    S.site = 0;
    return operation();
  } catch (e) {
    S.depth = depth;
    throw jsErrorFromLua(e, toJS, decodeUtf8);
  } finally {
    S.site = site;
  }
}

/** Several results for a JS function called from Lua: `return multiple(a, b)`. */
export class MultipleResults {
  constructor(readonly values: unknown[]) {}
}

export function multiple(...values: unknown[]): MultipleResults {
  return new MultipleResults(values);
}

/** Marks an object to be handed to Lua by reference (a userdata), even an array or plain object. */
export class ByReference {
  constructor(readonly object: object) {}
}

export function byReference(object: object): ByReference {
  return new ByReference(object);
}

// ---- Lua → JS ----------------------------------------------------------------------------

export function toJS(v: LuaValue): unknown {
  switch (typeof v) {
    case "string":
      return decodeUtf8(v);
    case "function":
      return jsFunctionOf(v);
    case "object":
      if (v instanceof LuaTable) return tableProxy(v);
      if (v instanceof LuaUserdata && v.mt === jsObjectMetatable) return v.data;
      return v;
    default:
      return v;
  }
}

const jsFunctions = new WeakMap<LuaFunction, (...args: unknown[]) => unknown>();
const luaFunctionsOfWrappers = new WeakMap<object, LuaFunction>();

/** The JS function standing for a Lua function (calls it; returns the first result). */
function jsFunctionOf(f: LuaFunction): (...args: unknown[]) => unknown {
  // A Lua function made from a JS function goes back as that JS function.
  const wrapper = jsFunctionsOfLua.get(f) ?? jsFunctions.get(f);
  if (wrapper !== undefined) return wrapper;
  const owner = currentOwner;
  const made = (...args: unknown[]) =>
    under(owner, () => toJS(callLua(f, args.map(toLuaValue))[0]));
  jsFunctions.set(f, made);
  luaFunctionsOfWrappers.set(made, f);
  return made;
}

// Tables as proxies. The proxy's target is an empty object mapped to the table, so one shared
// handler serves every proxy. Property names that spell a finite number (String(Number(p)) ===
// p) are number keys, so `proxy[1]` is `t[1]`; other names are string keys. Reads and writes
// honour metamethods (__index, __newindex); listing keys (Object.keys, for...in) is a raw
// traversal that shows string and number keys only.

const proxies = new WeakMap<LuaTable, object>();
const tablesOfTargets = new WeakMap<object, LuaTable>();
const tablesOfProxies = new WeakMap<object, LuaTable>();
/** The owner of each proxy, by its target and by the proxy itself. */
const ownersOfTargets = new WeakMap<object, Owner>();
const ownersOfProxies = new WeakMap<object, Owner>();

/** The table behind a proxy made by `toJS`, or undefined. */
export function tableOf(value: unknown): LuaTable | undefined {
  return typeof value === "object" && value !== null ? tablesOfProxies.get(value) : undefined;
}

function propertyKey(p: string): string | number {
  const n = Number(p);
  return p !== "" && Number.isFinite(n) && String(n) === p ? n : encodeUtf8(p);
}

const tableHandler: ProxyHandler<object> = {
  get(target, p) {
    if (typeof p === "symbol") return p === Symbol.toStringTag ? "LuaTable" : undefined;
    const t = tablesOfTargets.get(target) as LuaTable;
    return under(ownersOfTargets.get(target), () =>
      toJS(guarded(() => index(t, propertyKey(p), 0))),
    );
  },
  set(target, p, value) {
    if (typeof p === "symbol") return false;
    const t = tablesOfTargets.get(target) as LuaTable;
    const v = toLuaValue(value);
    under(ownersOfTargets.get(target), () => guarded(() => setIndex(t, propertyKey(p), v, 0)));
    return true;
  },
  has(target, p) {
    if (typeof p === "symbol") return false;
    const t = tablesOfTargets.get(target) as LuaTable;
    return (
      under(ownersOfTargets.get(target), () => guarded(() => index(t, propertyKey(p), 0))) !==
      undefined
    );
  },
  deleteProperty(target, p) {
    if (typeof p === "symbol") return false;
    const t = tablesOfTargets.get(target) as LuaTable;
    under(ownersOfTargets.get(target), () =>
      guarded(() => setIndex(t, propertyKey(p), undefined, 0)),
    );
    return true;
  },
  ownKeys(target) {
    const t = tablesOfTargets.get(target) as LuaTable;
    const keys: string[] = [];
    const entry: LuaValue[] = [undefined, undefined];
    while (t.nextEntry(entry[0], entry)) {
      const k = entry[0];
      if (typeof k === "string") keys.push(decodeUtf8(k));
      else if (typeof k === "number") keys.push(String(k));
    }
    return keys;
  },
  getOwnPropertyDescriptor(target, p) {
    if (typeof p === "symbol") return undefined;
    const t = tablesOfTargets.get(target) as LuaTable;
    const v = t.get(propertyKey(p));
    if (v === undefined) return undefined;
    const value = under(ownersOfTargets.get(target), () => toJS(v));
    return { value, writable: true, enumerable: true, configurable: true };
  },
  defineProperty(target, p, descriptor) {
    if (typeof p === "symbol" || !("value" in descriptor)) return false;
    const t = tablesOfTargets.get(target) as LuaTable;
    const v = toLuaValue(descriptor.value);
    under(ownersOfTargets.get(target), () => guarded(() => setIndex(t, propertyKey(p), v, 0)));
    return true;
  },
};

/** The proxy of a table (always the same one for the same table). */
export function tableProxy(t: LuaTable): Record<string, any> {
  let proxy = proxies.get(t);
  if (proxy === undefined) {
    const target = Object.create(null) as object;
    tablesOfTargets.set(target, t);
    proxy = new Proxy(target, tableHandler);
    proxies.set(t, proxy);
    tablesOfProxies.set(proxy, t);
    if (currentOwner !== undefined) {
      ownersOfTargets.set(target, currentOwner);
      ownersOfProxies.set(proxy, currentOwner);
    }
  }
  return proxy as Record<string, any>;
}

// ---- JS → Lua ----------------------------------------------------------------------------

/** Converts a JS value to a Lua value (the rules at the top of this file). */
export function toLuaValue(v: unknown): LuaValue {
  return toLuaWith(v, undefined);
}

function toLuaWith(v: unknown, copies: Map<object, LuaTable> | undefined): LuaValue {
  switch (typeof v) {
    case "undefined":
    case "boolean":
    case "number":
      return v as LuaValue;
    case "string":
      return encodeUtf8(v);
    case "bigint":
      return Number(v);
    case "function":
      return luaFunctionOf(v as (...args: unknown[]) => unknown);
    case "symbol":
      throw new TypeError("a symbol cannot be converted to a Lua value");
  }
  if (v === null) return undefined;
  const object = v as object;
  const table = tablesOfProxies.get(object);
  if (table !== undefined) return table;
  if (object instanceof LuaTable || object instanceof LuaUserdata || object instanceof LuaThread)
    return object;
  if (object instanceof ByReference) return userdataOf(object.object);
  if (Array.isArray(object) || isPlainObject(object)) return copyToTable(object, copies);
  return userdataOf(object);
}

function isPlainObject(o: object): boolean {
  const proto = Object.getPrototypeOf(o);
  return proto === Object.prototype || proto === null;
}

/** A deep copy of an array (from index 1) or a plain object's own enumerable properties. */
function copyToTable(object: object, copies: Map<object, LuaTable> | undefined): LuaTable {
  const seen = copies ?? new Map<object, LuaTable>();
  const existing = seen.get(object);
  if (existing !== undefined) return existing;
  const t = new LuaTable();
  seen.set(object, t);
  if (Array.isArray(object)) {
    for (let i = 0; i < object.length; i++) t.set(i + 1, toLuaWith(object[i], seen));
  } else {
    for (const [key, value] of Object.entries(object))
      t.set(propertyKey(key), toLuaWith(value, seen));
  }
  return t;
}

const luaFunctions = new WeakMap<object, LuaFunction>();
const jsFunctionsOfLua = new WeakMap<LuaFunction, (...args: unknown[]) => unknown>();

/** The Lua function standing for a JS function (one per function). */
function luaFunctionOf(fn: (...args: unknown[]) => unknown): LuaFunction {
  const original = luaFunctionsOfWrappers.get(fn);
  if (original !== undefined) return original;
  let f = luaFunctions.get(fn);
  if (f === undefined) {
    f = (...args: LuaValue[]) => returnToLua(invokeJS(fn, undefined, args.map(toJS)));
    luaFunctions.set(fn, f);
    jsFunctionsOfLua.set(f, fn);
  }
  return f;
}

/** Calls JS code from Lua: a JS exception becomes a Lua error (errors.ts). */
function invokeJS(fn: (...args: unknown[]) => unknown, self: unknown, args: unknown[]): unknown {
  try {
    return fn.apply(self, args);
  } catch (e) {
    throw luaErrorFromJS(e);
  }
}

/** The result of a JS function as Lua results (calling convention: R). */
function returnToLua(result: unknown): LuaValue {
  if (result instanceof MultipleResults) return retN(result.values.map(toLuaValue));
  return ret1(toLuaValue(result));
}

// By-reference objects: a userdata per object with one shared metatable.

const userdatas = new WeakMap<object, LuaUserdata>();
const methods = new WeakMap<object, Map<unknown, LuaFunction>>();

function userdataOf(object: object): LuaUserdata {
  let u = userdatas.get(object);
  if (u === undefined) {
    u = new LuaUserdata(object);
    u.mt = jsObjectMetatable;
    userdatas.set(object, u);
  }
  return u;
}

/** A JS property name for a Lua key, or undefined for keys JS objects cannot have. */
function jsKey(k: LuaValue): string | number | undefined {
  if (typeof k === "string") return decodeUtf8(k);
  if (typeof k === "number") return k;
  return undefined;
}

/** Values read from a by-reference object: like toLuaValue, but objects stay by reference. */
function fieldToLua(object: object, v: unknown): LuaValue {
  if (typeof v === "function") return methodOf(object, v as (...args: unknown[]) => unknown);
  if (typeof v === "object" && v !== null && (Array.isArray(v) || isPlainObject(v)))
    return userdataOf(v);
  return toLuaValue(v);
}

/**
 * A function property as a Lua function: `u:m(a)` (the object as first argument) calls
 * `obj.m(a)`, `u.m(a)` calls `obj.m(a)` too; `this` is the object either way.
 */
function methodOf(object: object, fn: (...args: unknown[]) => unknown): LuaFunction {
  let table = methods.get(object);
  if (table === undefined) {
    table = new Map();
    methods.set(object, table);
  }
  let f = table.get(fn);
  if (f === undefined) {
    const self = userdataOf(object);
    f = (...args: LuaValue[]) => {
      const rest = args[0] === self ? args.slice(1) : args;
      return returnToLua(invokeJS(fn, object, rest.map(toJS)));
    };
    table.set(fn, f);
  }
  return f;
}

function objectOf(u: LuaValue): object {
  return (u as LuaUserdata).data as object;
}

const jsObjectMetatable = new LuaTable();
jsObjectMetatable.set("__index", (u: LuaValue, k: LuaValue) => {
  const object = objectOf(u);
  const key = jsKey(k);
  if (key === undefined) return ret1(undefined);
  let v: unknown;
  try {
    v = (object as Record<string | number, unknown>)[key];
  } catch (e) {
    throw luaErrorFromJS(e);
  }
  return ret1(fieldToLua(object, v));
});
jsObjectMetatable.set("__newindex", (u: LuaValue, k: LuaValue, v: LuaValue) => {
  const object = objectOf(u) as Record<string | number, unknown>;
  const key = jsKey(k);
  if (key === undefined)
    throw luaErrorFromJS(new TypeError("JS objects have string and number keys only"));
  try {
    object[key] = toJS(v);
  } catch (e) {
    throw luaErrorFromJS(e);
  }
  return ret1(undefined);
});
jsObjectMetatable.set("__len", (u: LuaValue) => {
  const length = (objectOf(u) as { length?: unknown }).length;
  return ret1(typeof length === "number" ? length : 0);
});

// ---- plain copies ------------------------------------------------------------------------

/**
 * A deep copy of a Lua value as plain JS data: a table whose keys are exactly 1..n becomes an
 * array, any other table an object (string and number keys); other values convert with `toJS`.
 */
export function toPlain(value: unknown): unknown {
  const t = value instanceof LuaTable ? value : tableOf(value);
  return t === undefined ? value : plainCopy(t, new Map());
}

function plainCopy(t: LuaTable, seen: Map<LuaTable, unknown>): unknown {
  const done = seen.get(t);
  if (done !== undefined) return done;
  const entry: LuaValue[] = [undefined, undefined];
  const keys: LuaValue[] = [];
  while (t.nextEntry(entry[0], entry)) keys.push(entry[0]);
  const isArray = keys.length === t.arr.length;
  const out: Record<string, unknown> | unknown[] = isArray ? [] : {};
  seen.set(t, out);
  for (const k of keys) {
    const v = t.get(k);
    const converted = v instanceof LuaTable ? plainCopy(v, seen) : toJS(v);
    if (isArray) (out as unknown[])[(k as number) - 1] = converted;
    else if (typeof k === "string") (out as Record<string, unknown>)[decodeUtf8(k)] = converted;
    else if (typeof k === "number") (out as Record<string, unknown>)[String(k)] = converted;
  }
  return out;
}

/** Calls `obj:method(...args)` on a Lua value from JS; returns the first result. */
export function invoke(object: unknown, method: string, ...args: unknown[]): unknown {
  const self = toLuaValue(object);
  const owner =
    typeof object === "object" && object !== null ? ownersOfProxies.get(object) : undefined;
  return under(owner, () => {
    const f = guarded(() => index(self, encodeUtf8(method), 0));
    return toJS(callLua(f, [self, ...args.map(toLuaValue)])[0]);
  });
}
