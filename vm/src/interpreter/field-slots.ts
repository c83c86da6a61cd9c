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
