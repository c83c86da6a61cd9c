// Garbage collection in Lua 5.1's terms (manual §2.10, lgc.c) on top of the JS collector:
// weak tables (§2.10.2, `__mode` "k", "v", "kv") and userdata finalizers (§2.10.1, `__gc`).
//
// JS gives no way to look an object up weakly *and* see it vanish during one synchronous run:
// a WeakRef keeps its target alive until the current job ends (ECMAScript's KeepDuringJob),
// and WeakMaps cannot be enumerated. So weak tables are ordinary tables between collections
// (every inline fast path of compiled code and of the VM stays valid, `#` and `next` too), and
// a full collection does what lgc.c's atomic phase does to them:
//
//   1. every entry whose weak part (key for "k", value for "v") is collectable is taken out of
//      its table and held through WeakRefs (lgc.c's traversetable skips weak parts);
//   2. the host runs the JS collector after ending the WeakRefs' job (Host.collectGarbage);
//   3. entries whose weak parts survived go back into their tables (cleartable removes the
//      others); userdata with a `__gc` metamethod that did not survive are finalized, in
//      reverse order of creation (luaC_callGCTM over the udata list).
//
// Strings, numbers and booleans are never removed from weak tables (lgc.c's iscleared).

import type { Host } from "../host.js";
import { S } from "../state.js";
import { LuaTable } from "../table.js";
import { LuaThread, LuaUserdata, type LuaValue } from "../value.js";

/** Tables given a metatable with `__mode` (held weakly: a weak table may itself be garbage). */
let weakTables: WeakRef<LuaTable>[] = [];
const registeredWeak = new WeakSet<LuaTable>();

/** A userdata whose metatable may hold `__gc`, and its creation order. */
interface Finalizable {
  ref: WeakRef<LuaUserdata>;
  mt: LuaTable;
}

/** Userdata that may need finalizing, by creation number (newproxy order). */
const finalizable = new Map<number, Finalizable>();
let created = 0;
/** newproxy looks for dead userdata to finalize when `finalizable` grows past this. */
let sweepAt = 256;

/** `setmetatable(t, mt)`: remembers `t` when `mt` makes it weak (see the header). */
export function noteMetatable(t: LuaTable, mt: LuaTable | undefined): void {
  if (mt === undefined || typeof mt.hash.__mode !== "string" || registeredWeak.has(t)) return;
  registeredWeak.add(t);
  weakTables.push(new WeakRef(t));
}

/** A userdata made by newproxy(true) or newproxy(proxy): finalized by its metatable's `__gc`. */
export function noteFinalizable(u: LuaUserdata, mt: LuaTable): void {
  finalizable.set(++created, { ref: new WeakRef(u), mt });
  if (finalizable.size >= sweepAt) {
    // lua_newuserdata may run a GC step, and with it finalizers (luaC_checkGC).
    runFinalizers(false);
    sweepAt = Math.max(256, finalizable.size * 2);
  }
}

/** lgc.c's iscleared: values a weak table can lose. */
function collectable(v: LuaValue): boolean {
  return (
    v instanceof LuaTable ||
    typeof v === "function" ||
    v instanceof LuaUserdata ||
    v instanceof LuaThread
  );
}

/** One entry taken out of a weak table during a collection. */
interface Stashed {
  table: LuaTable;
  key: LuaValue | WeakRef<object>;
  value: LuaValue | WeakRef<object>;
  weakKey: boolean;
  weakValue: boolean;
}

/** Step 1: takes every weak entry out of the weak tables that are still alive. */
function stashWeakEntries(): Stashed[] {
  const stash: Stashed[] = [];
  const alive: WeakRef<LuaTable>[] = [];
  const pair: LuaValue[] = [undefined, undefined];
  for (const ref of weakTables) {
    const t = ref.deref();
    if (t === undefined) continue;
    alive.push(ref);
    const mode = t.mt?.hash.__mode;
    if (typeof mode !== "string") continue;
    const keysWeak = mode.includes("k");
    const valuesWeak = mode.includes("v");
    if (!keysWeak && !valuesWeak) continue;
    const taken: Stashed[] = [];
    const keys: LuaValue[] = [];
    let key: LuaValue;
    while (t.nextEntry(key, pair)) {
      key = pair[0];
      const value = pair[1];
      const weakKey = keysWeak && collectable(key);
      const weakValue = valuesWeak && collectable(value);
      if (!weakKey && !weakValue) continue;
      keys.push(key);
      taken.push({
        table: t,
        key: weakKey ? new WeakRef(key as object) : key,
        value: weakValue ? new WeakRef(value as object) : value,
        weakKey,
        weakValue,
      });
    }
    // Removed after the traversal (setting fields to nil is what `next` allows anyway).
    for (const k of keys) t.set(k, undefined);
    t.forgetTraversal();
    pair[0] = pair[1] = undefined;
    for (const entry of taken) stash.push(entry);
  }
  weakTables = alive;
  return stash;
}

/** Step 3: puts back the entries whose weak parts are still alive. */
function restoreWeakEntries(stash: Stashed[]): void {
  for (const entry of stash) {
    const key = entry.weakKey ? (entry.key as WeakRef<object>).deref() : entry.key;
    const value = entry.weakValue ? (entry.value as WeakRef<object>).deref() : entry.value;
    if (key === undefined || value === undefined) continue;
    entry.table.set(key as LuaValue, value as LuaValue);
  }
}

/**
 * Calls `__gc` of the userdata that are gone (all of them when `all`, as lua_close does), newest
 * first. The userdata itself cannot be resurrected in JS, so the finalizer receives a stand-in:
 * a fresh userdata with the same metatable.
 */
function runFinalizers(all: boolean): void {
  const due: number[] = [];
  for (const [id, f] of finalizable) if (all || f.ref.deref() === undefined) due.push(id);
  for (let i = due.length - 1; i >= 0; i--) {
    const f = finalizable.get(due[i])!;
    finalizable.delete(due[i]);
    const gc = f.mt.hash.__gc;
    if (typeof gc !== "function") continue;
    const self = f.ref.deref() ?? standIn(f.mt);
    if (all) {
      try {
        S.site = 0;
        gc(self);
      } catch {
        // lua_close runs the remaining finalizers even when one fails (callallgctm).
      }
    } else {
      S.site = 0;
      gc(self);
    }
  }
}

function standIn(mt: LuaTable): LuaUserdata {
  const u = new LuaUserdata();
  u.mt = mt;
  return u;
}

/**
 * A full collection (lua_gc LUA_GCCOLLECT). Returns false when the host cannot run the JS
 * collector: then nothing is cleared and no finalizer runs (as if the object were still used).
 */
export function fullCollection(host: Host): boolean {
  if (host.collectGarbage === undefined) return false;
  // Nothing a script can see would change (a V8 full collection costs milliseconds).
  if (weakTables.length === 0 && finalizable.size === 0) return true;
  const stash = stashWeakEntries();
  let ran: boolean;
  try {
    ran = host.collectGarbage();
  } finally {
    restoreWeakEntries(stash);
  }
  if (ran) runFinalizers(false);
  return ran;
}

/** lua_close: finalizes every userdata left (the CLI calls it when the script ends). */
export function closeState(): void {
  runFinalizers(true);
}
