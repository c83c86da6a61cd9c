// Named-field access for the interpreter's GETFIELD, SETFIELD and SELF_K (specialise.ts).
//
// A table's string keys live in a plain JS object (runtime table.ts `hash`), read with the key
// in a variable: `hash[key]`. One such read in the interpreter sees every key of every
// program, so V8's inline cache for it goes megamorphic and each access becomes a call into
// V8's generic keyed-load stub (a third of nbody's time on the VM). Compiled code has no such
// cost: it writes `t.hash.x`, one inline cache per source site.
//
// Here each distinct field name gets its own copy of the read (a "slot"): the copies are
// textually distinct property accesses, so each has its own inline cache, which sees one key
// (and the few hidden classes of the tables read with it) and stays monomorphic: V8 then
// compiles it to a hidden-class check and a load at a fixed offset. Keys are given slots in
// the order programs first use them; once the slots are taken, later keys share slot 0 (the
// generic access, as before). Slots are assigned when a function is prepared (sites.ts), so
// the interpreter reads a slot number per instruction and never hashes a key.

import type { LuaTable, LuaValue } from "@lunette/runtime";

/** How many slots, slot 0 (shared by keys that found no slot of their own) included. */
export const FIELD_SLOTS = 32;

const slotOfKey = new Map<string, number>();

/** The slot of field name `key`: its own while slots last, else the shared slot 0. */
export function fieldSlot(key: string): number {
  let slot = slotOfKey.get(key);
  if (slot === undefined) {
    slot = slotOfKey.size + 1 < FIELD_SLOTS ? slotOfKey.size + 1 : 0;
    if (slot !== 0) slotOfKey.set(key, slot);
  }
  return slot;
}

type Slots = Record<string, unknown>;

/** hash[key], read through slot `slot`'s own inline cache. */
export function getField(hash: Slots, key: string, slot: number): unknown {
  // biome-ignore format: one access per line, each its own inline cache
  switch (slot) {
    case 1: return hash[key];
    case 2: return hash[key];
    case 3: return hash[key];
    case 4: return hash[key];
    case 5: return hash[key];
    case 6: return hash[key];
    case 7: return hash[key];
    case 8: return hash[key];
    case 9: return hash[key];
    case 10: return hash[key];
    case 11: return hash[key];
    case 12: return hash[key];
    case 13: return hash[key];
    case 14: return hash[key];
    case 15: return hash[key];
    case 16: return hash[key];
    case 17: return hash[key];
    case 18: return hash[key];
    case 19: return hash[key];
    case 20: return hash[key];
    case 21: return hash[key];
    case 22: return hash[key];
    case 23: return hash[key];
    case 24: return hash[key];
    case 25: return hash[key];
    case 26: return hash[key];
    case 27: return hash[key];
    case 28: return hash[key];
    case 29: return hash[key];
    case 30: return hash[key];
    case 31: return hash[key];
    default: return hash[key];
  }
}

/**
 * hash[key] = value when the key is live (its value not undefined), through slot `slot`'s own
 * inline caches; false when it is not (the caller then adds the key, table.ts `set`, or runs
 * __newindex).
 */
export function setLiveField(hash: Slots, key: string, value: unknown, slot: number): boolean {
  // biome-ignore format: one access per line, each its own inline cache
  switch (slot) {
    case 1: if (hash[key] === undefined) return false; hash[key] = value; return true;
    case 2: if (hash[key] === undefined) return false; hash[key] = value; return true;
    case 3: if (hash[key] === undefined) return false; hash[key] = value; return true;
    case 4: if (hash[key] === undefined) return false; hash[key] = value; return true;
    case 5: if (hash[key] === undefined) return false; hash[key] = value; return true;
    case 6: if (hash[key] === undefined) return false; hash[key] = value; return true;
    case 7: if (hash[key] === undefined) return false; hash[key] = value; return true;
    case 8: if (hash[key] === undefined) return false; hash[key] = value; return true;
    case 9: if (hash[key] === undefined) return false; hash[key] = value; return true;
    case 10: if (hash[key] === undefined) return false; hash[key] = value; return true;
    case 11: if (hash[key] === undefined) return false; hash[key] = value; return true;
    case 12: if (hash[key] === undefined) return false; hash[key] = value; return true;
    case 13: if (hash[key] === undefined) return false; hash[key] = value; return true;
    case 14: if (hash[key] === undefined) return false; hash[key] = value; return true;
    case 15: if (hash[key] === undefined) return false; hash[key] = value; return true;
    case 16: if (hash[key] === undefined) return false; hash[key] = value; return true;
    case 17: if (hash[key] === undefined) return false; hash[key] = value; return true;
    case 18: if (hash[key] === undefined) return false; hash[key] = value; return true;
    case 19: if (hash[key] === undefined) return false; hash[key] = value; return true;
    case 20: if (hash[key] === undefined) return false; hash[key] = value; return true;
    case 21: if (hash[key] === undefined) return false; hash[key] = value; return true;
    case 22: if (hash[key] === undefined) return false; hash[key] = value; return true;
    case 23: if (hash[key] === undefined) return false; hash[key] = value; return true;
    case 24: if (hash[key] === undefined) return false; hash[key] = value; return true;
    case 25: if (hash[key] === undefined) return false; hash[key] = value; return true;
    case 26: if (hash[key] === undefined) return false; hash[key] = value; return true;
    case 27: if (hash[key] === undefined) return false; hash[key] = value; return true;
    case 28: if (hash[key] === undefined) return false; hash[key] = value; return true;
    case 29: if (hash[key] === undefined) return false; hash[key] = value; return true;
    case 30: if (hash[key] === undefined) return false; hash[key] = value; return true;
    case 31: if (hash[key] === undefined) return false; hash[key] = value; return true;
    default: if (hash[key] === undefined) return false; hash[key] = value; return true;
  }
}

/** `key in hash`, through slot `slot`'s own inline cache. */
function hasField(hash: Slots, key: string, slot: number): boolean {
  // biome-ignore format: one access per line, each its own inline cache
  switch (slot) {
    case 1: return key in hash;
    case 2: return key in hash;
    case 3: return key in hash;
    case 4: return key in hash;
    case 5: return key in hash;
    case 6: return key in hash;
    case 7: return key in hash;
    case 8: return key in hash;
    case 9: return key in hash;
    case 10: return key in hash;
    case 11: return key in hash;
    case 12: return key in hash;
    case 13: return key in hash;
    case 14: return key in hash;
    case 15: return key in hash;
    case 16: return key in hash;
    case 17: return key in hash;
    case 18: return key in hash;
    case 19: return key in hash;
    case 20: return key in hash;
    case 21: return key in hash;
    case 22: return key in hash;
    case 23: return key in hash;
    case 24: return key in hash;
    case 25: return key in hash;
    case 26: return key in hash;
    case 27: return key in hash;
    case 28: return key in hash;
    case 29: return key in hash;
    case 30: return key in hash;
    case 31: return key in hash;
    default: return key in hash;
  }
}

/** hash[key] = value, through slot `slot`'s own inline cache (adding the key if new). */
function storeField(hash: Slots, key: string, value: unknown, slot: number): void {
  // biome-ignore format: one access per line, each its own inline cache
  switch (slot) {
    case 1: hash[key] = value; return;
    case 2: hash[key] = value; return;
    case 3: hash[key] = value; return;
    case 4: hash[key] = value; return;
    case 5: hash[key] = value; return;
    case 6: hash[key] = value; return;
    case 7: hash[key] = value; return;
    case 8: hash[key] = value; return;
    case 9: hash[key] = value; return;
    case 10: hash[key] = value; return;
    case 11: hash[key] = value; return;
    case 12: hash[key] = value; return;
    case 13: hash[key] = value; return;
    case 14: hash[key] = value; return;
    case 15: hash[key] = value; return;
    case 16: hash[key] = value; return;
    case 17: hash[key] = value; return;
    case 18: hash[key] = value; return;
    case 19: hash[key] = value; return;
    case 20: hash[key] = value; return;
    case 21: hash[key] = value; return;
    case 22: hash[key] = value; return;
    case 23: hash[key] = value; return;
    case 24: hash[key] = value; return;
    case 25: hash[key] = value; return;
    case 26: hash[key] = value; return;
    case 27: hash[key] = value; return;
    case 28: hash[key] = value; return;
    case 29: hash[key] = value; return;
    case 30: hash[key] = value; return;
    case 31: hash[key] = value; return;
    default: hash[key] = value; return;
  }
}

/**
 * Raw set of string key `key` whose value in `t` is nil (table.ts `set`, for a key that
 * setLiveField did not find live), through slot `slot`: a table constructor's named fields,
 * `obj.field = v` on a fresh object.
 */
export function setNewField(t: LuaTable, key: string, value: LuaValue, slot: number): void {
  if (value === undefined) return; // an absent key stays absent; a dead one stays nil
  if (!hasField(t.hash, key, slot)) t.addStringKey(key);
  storeField(t.hash, key, value, slot);
}
