// LuaTable: the Lua 5.1 table (manual §2.2, §2.5.5), shaped for V8 (docs/architecture.md).
//
//   hash  string keys in a fast-mode object (see StringSlots); `undefined` means absent
//   arr   keys 1..arr.length at arr[k - 1]; never ends with undefined, so `#t` is arr.length
//   map   every other key (non-sequence numbers, booleans, tables, functions, userdata)
//   mt    the metatable
//
// Invariants: `arr` has no trailing undefined; `map` never holds the key arr.length + 1 (it
// migrates into `arr` when `arr` grows), so arr.length is always a border. Generated code reads
// `t.hash.x` and `t.arr[k - 1]` inline and writes `t.hash.x = v` only into a live slot or a fresh
// table, so new string keys always arrive through `set` (which keeps the `next` order fresh).

import { LuaError } from "./errors.js";
import { chargeMemory } from "./sandbox/budget.js";
import type { LuaValue } from "./value.js";

/** Bytes charged to the memory budget for a new hash or map entry. */
const SLOT_BYTES = 16;

/**
 * Host limits. V8 aborts the whole process (a fatal error, not an exception) when an array
 * would grow past about 2^27 elements, and a Map refuses a 2^24th entry with a RangeError. A
 * table reaching these sizes gets lua5.1's answer to an allocation it cannot make, the Lua
 * error `not enough memory` (which pcall catches), instead.
 */
export const MAX_ARRAY_PART = 2 ** 26;
const MAX_MAP_ENTRIES = 2 ** 24 - 1;

function tableTooBig(): never {
  throw new LuaError("not enough memory");
}

/** A string-keyed slot object. Indexing it with any string yields a value or undefined. */
export type StringSlots = Record<string, LuaValue>;

/**
 * Objects made by a constructor whose prototype has a null prototype stay in V8's fast mode
 * (unlike `Object.create(null)`), and have no inherited names (`__proto__`, `constructor`) that
 * could collide with Lua keys.
 */
const StringSlots = function StringSlots(this: StringSlots) {} as unknown as new () => StringSlots;
StringSlots.prototype = Object.create(null);

/**
 * The `hash` of every table that has never held a string key: shared and frozen (a stray write
 * would throw). Reads of it yield undefined like any absent key; `set` gives the table its own
 * slot object before the first string key. Array-only tables thus allocate no slot object.
 */
const NO_STRING_KEYS: StringSlots = Object.freeze(new StringSlots());

/** V8 keeps an object fast up to 128 properties added by definition (Map::TooManyFastProperties). */
const FAST_KEYS_MAX = 120;

/** hash[key] = value as a property definition, which never turns `hash` into a dictionary. */
function defineSlot(hash: StringSlots, key: string, value: LuaValue): void {
  Object.defineProperty(hash, key, { value, writable: true, enumerable: true, configurable: true });
}

/** Hash compaction is considered after this many new string keys (then after each doubling). */
const COMPACT_MIN = 16;

/**
 * Drops `arr`'s trailing nils, so that arr.length is a border (with pop: assigning `length` is
 * a call into V8's runtime).
 */
function trimTrailingNils(arr: LuaValue[]): void {
  while (arr.length > 0 && arr[arr.length - 1] === undefined) arr.pop();
}

export class LuaTable {
  hash: StringSlots;
  arr: LuaValue[];
  map: Map<LuaValue, LuaValue> | undefined = undefined;
  mt: LuaTable | undefined = undefined;

  /** `next`'s state, made by the first traversal and dropped when a new key is added. */
  private traversal: Traversal | undefined = undefined;
  /** New string keys that `set` may still add before the next compaction check. */
  private keysBeforeCompaction = COMPACT_MIN;
  /**
   * How many more new string keys keepHashFast's table defines as properties (so that `hash`
   * stays in V8's fast mode); -1 for tables it was never applied to.
   */
  private fastKeysLeft = -1;

  /**
   * Takes ownership of `arr` (positional values of a constructor) and trims trailing nils.
   * `withStringKeys` gives the table its own slot object at once, for constructors that store
   * named fields straight into `hash` (`{x = 1}` compiles to `t.hash.x = 1`).
   */
  constructor(arr?: LuaValue[], withStringKeys = false) {
    this.hash = withStringKeys ? new StringSlots() : NO_STRING_KEYS;
    if (arr === undefined) {
      this.arr = [];
    } else {
      trimTrailingNils(arr);
      this.arr = arr;
    }
  }

  /** Raw get (lua_rawget). */
  get(key: LuaValue): LuaValue {
    if (typeof key === "string") return this.hash[key];
    if (typeof key === "number") {
      const arr = this.arr;
      if (key >= 1 && key <= arr.length && (key | 0) === key) return arr[key - 1];
    }
    const map = this.map;
    return map === undefined ? undefined : map.get(key);
  }

  /** Raw get of a string key. */
  getStr(key: string): LuaValue {
    return this.hash[key];
  }

  /** Raw get of a number key. */
  getInt(key: number): LuaValue {
    const arr = this.arr;
    if (key >= 1 && key <= arr.length && (key | 0) === key) return arr[key - 1];
    const map = this.map;
    return map === undefined ? undefined : map.get(key);
  }

  /**
   * Raw set (lua_rawset) without the nil/NaN key checks (callers raise `table index is nil`
   * and `table index is NaN` themselves, with a position).
   */
  set(key: LuaValue, value: LuaValue): void {
    if (typeof key === "string") {
      let hash = this.hash;
      if (hash[key] === undefined && !(key in hash)) {
        if (value === undefined) return; // an absent key stays absent
        this.addStringKey(key); // may compact: re-read the slot object
        hash = this.hash;
      }
      hash[key] = value;
      return;
    }
    if (typeof key === "number") {
      this.setNumber(key, value);
      return;
    }
    this.setInMap(key, value);
  }

  /** Raw set of a number key; keeps the array-part invariants. */
  setNumber(key: number, value: LuaValue): void {
    const arr = this.arr;
    const n = arr.length;
    if (key >= 1 && key <= n + 1 && (key | 0) === key) {
      if (key <= n) {
        if (value === undefined && key === n) {
          arr.pop();
          trimTrailingNils(arr); // arr.length stays a border
          return;
        }
        arr[key - 1] = value;
        return;
      }
      if (value === undefined) {
        this.map?.delete(key);
        return;
      }
      // The memory budget (sandbox/budget.ts), charged when V8 would grow the backing store.
      if ((key & (key - 1)) === 0 && key >= 8) {
        chargeMemory(key * 8);
        if (key >= MAX_ARRAY_PART) tableTooBig();
      }
      arr.push(value);
      const map = this.map;
      if (map !== undefined && map.size > 0) {
        map.delete(key);
        this.migrateFromMap(map);
      }
      return;
    }
    // -0 is the key 0 (a float key with an integer value is the integer: §2.2).
    this.setInMap(key === 0 ? 0 : key, value);
  }

  /**
   * OP_SETLIST: `values[first..first+count)` at keys base+1, base+2, ... A constructor's array
   * part is presized in lua5.1 and SETLIST stores into it nils included, so `#{1, nil, 3}` is 3
   * also when keyed fields came first (`{[10] = 1, 1, nil, 3}`): when the keys continue the
   * array part (no gap after it), the values go there, holes as undefined.
   */
  setList(base: number, values: LuaValue[], first = 0, count = values.length - first): void {
    const arr = this.arr;
    if (arr.length > base) {
      for (let j = 0; j < count; j++) this.setNumber(base + 1 + j, values[first + j]);
      return;
    }
    chargeMemory(8 * count); // the memory budget (sandbox/budget.ts)
    // (only a corrupted chunk's SETLIST can name a base this far past the array part)
    if (base + count >= MAX_ARRAY_PART) tableTooBig();
    const map = this.map;
    // Keys between the array part and base (set by keyed fields) join it, then the values.
    while (arr.length < base) {
      const key = arr.length + 1;
      arr.push(map?.get(key));
      map?.delete(key);
    }
    for (let j = 0; j < count; j++) {
      arr.push(values[first + j]);
      map?.delete(base + 1 + j);
    }
    if (map !== undefined && map.size > 0) this.migrateFromMap(map);
    trimTrailingNils(arr);
  }

  /** Moves keys arr.length + 1, + 2, ... from the map into the array part. */
  private migrateFromMap(map: Map<LuaValue, LuaValue>): void {
    const arr = this.arr;
    for (;;) {
      const next = arr.length + 1;
      const v = map.get(next);
      if (v === undefined) return;
      map.delete(next);
      arr.push(v);
    }
  }

  private setInMap(key: LuaValue, value: LuaValue): void {
    let map = this.map;
    if (value === undefined) {
      // Deleting keeps a churning set small; `order` (if built) still lists the key, so a
      // traversal that clears fields continues normally.
      map?.delete(key);
      return;
    }
    if (map === undefined) {
      map = new Map();
      this.map = map;
    }
    if (!map.has(key)) {
      this.traversal = undefined;
      chargeMemory(SLOT_BYTES);
      if (map.size >= MAX_MAP_ENTRIES) tableTooBig();
    }
    map.set(key, value);
  }

  /**
   * String key `key`, never in `hash`, is about to be added (a non-nil value): `hash` may be
   * replaced (a fresh slot object, or a compacted one), so read it again afterwards.
   */
  addStringKey(key: string): void {
    if (this.hash === NO_STRING_KEYS) this.hash = new StringSlots();
    this.traversal = undefined;
    chargeMemory(SLOT_BYTES);
    if (--this.keysBeforeCompaction <= 0) this.compactHash();
    if (this.fastKeysLeft > 0) {
      // The caller's store then finds the property in place (keepHashFast).
      this.fastKeysLeft--;
      defineSlot(this.hash, key, undefined);
    }
  }

  /**
   * Rebuilds `hash` without its dead (undefined) slots when they dominate, so a table used as
   * a churning set does not grow forever. Runs only when a new key is added (never during a
   * valid traversal, where adding keys is undefined behaviour per §5.1 `next`); amortised O(1).
   */
  private compactHash(): void {
    const hash = this.hash;
    const keys = Object.keys(hash);
    let live = 0;
    for (const k of keys) if (hash[k] !== undefined) live++;
    if (live * 2 < keys.length) {
      const fresh = new StringSlots();
      const define = this.fastKeysLeft > 0; // keepHashFast's table stays fast
      for (const k of keys) {
        const v = hash[k];
        if (v === undefined) continue;
        if (define) defineSlot(fresh, k, v);
        else fresh[k] = v;
      }
      this.hash = fresh;
    }
    this.keysBeforeCompaction = Math.max(COMPACT_MIN, live);
  }

  /**
   * Keeps `hash` in V8's fast mode from now on, for up to FAST_KEYS_MAX string keys in all.
   * String keys arrive by keyed stores (`hash[key] = v`), and V8 turns an object that gains
   * more than a dozen properties that way into a dictionary (so that objects used as
   * dictionaries do not each make a chain of hidden classes): each read of it is then a call
   * into a hash-lookup stub instead of a load at a fixed offset. Properties defined with
   * Object.defineProperty keep the object fast. Only for long-lived tables read in hot loops:
   * `_G` (39 names at startup) and the libraries (`math`: 31), see globals.ts, and tables that
   * others inherit from (a metatable's `__index`: a class's methods), see base.ts setmetatable.
   * Applied once per table (later calls return at once).
   */
  keepHashFast(): void {
    if (this.fastKeysLeft >= 0) return;
    const hash = this.hash;
    const keys = Object.keys(hash).filter((k) => hash[k] !== undefined);
    this.fastKeysLeft = Math.max(0, FAST_KEYS_MAX - keys.length);
    if (hash === NO_STRING_KEYS || keys.length > FAST_KEYS_MAX) return;
    const fresh = new StringSlots();
    for (const k of keys) defineSlot(fresh, k, hash[k]);
    this.hash = fresh;
  }

  /**
   * Forgets `next`'s cached key order, which holds every key strongly (weak tables drop it
   * before a collection: runtime/src/lib/gc.ts).
   */
  forgetTraversal(): void {
    this.traversal = undefined;
  }

  /** `#t` for tables (luaH_getn): the array part is always a border. */
  length(): number {
    return this.arr.length;
  }

  /**
   * lua_next: the entry after `key` (undefined = first), or undefined at the end. Writes the
   * next key into `out[0]` and its value into `out[1]`; returns false at the end. Throws
   * `InvalidNextKey` for a key that is not in the table.
   */
  nextEntry(key: LuaValue, out: LuaValue[]): boolean {
    const arr = this.arr;
    let i = 0; // first array index to look at
    let pos = 0; // first `order` position to look at (when past the array part)
    if (key === undefined) {
      i = 0;
    } else if (typeof key === "number" && key >= 1 && (key | 0) === key && key <= arr.length) {
      i = key;
    } else {
      pos = this.positionAfter(key);
      i = -1;
    }
    if (i >= 0) {
      for (; i < arr.length; i++) {
        const v = arr[i];
        if (v !== undefined) {
          out[0] = i + 1;
          out[1] = v;
          return true;
        }
      }
    }
    const traversal = this.traversal ?? this.startTraversal();
    const order = traversal.order;
    const hash = this.hash;
    const map = this.map;
    for (; pos < order.length; pos++) {
      const k = order[pos];
      const v = typeof k === "string" ? hash[k] : map?.get(k);
      if (v !== undefined) {
        traversal.hint = pos;
        out[0] = k;
        out[1] = v;
        return true;
      }
    }
    return false;
  }

  /** The `order` position after `key`; `key` is not an array-part index. */
  private positionAfter(key: LuaValue): number {
    const traversal = this.traversal ?? this.startTraversal();
    const order = traversal.order;
    const hint = traversal.hint;
    if (hint < order.length && order[hint] === key) return hint + 1;
    let index = traversal.index;
    if (index === undefined) {
      index = new Map();
      for (let p = 0; p < order.length; p++) index.set(order[p], p);
      traversal.index = index;
    }
    const p = index.get(key);
    if (p !== undefined) return p + 1;
    // An integer key just past the array part: the array shrank when its last fields were
    // set to nil during the traversal, which Lua allows; continue after the array part.
    if (typeof key === "number" && key >= 1 && (key | 0) === key) return 0;
    throw new InvalidNextKey();
  }

  private startTraversal(): Traversal {
    const order: LuaValue[] = Object.keys(this.hash);
    const map = this.map;
    if (map !== undefined) for (const k of map.keys()) order.push(k);
    this.traversal = { order, index: undefined, hint: 0 };
    return this.traversal;
  }
}

/** The order in which `next` visits the keys after the array part (string keys, then map keys). */
interface Traversal {
  order: LuaValue[];
  /** Position of each key in `order`, built only when the `hint` guess misses. */
  index: Map<LuaValue, number> | undefined;
  /** Position in `order` of the key `next` returned last (sequential traversal is O(1)). */
  hint: number;
}

/** Thrown by `LuaTable.nextEntry` for a key not in the table (`invalid key to 'next'`). */
export class InvalidNextKey {}
