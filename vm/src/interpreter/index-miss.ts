// The VM's inline continuation of a table read that found nothing (lvm.c luaV_gettable): the
// class pattern `setmetatable(obj, {__index = Class})` follows chains of __index *tables*
// without leaving the interpreter's fast path. Anything else (an __index function, a
// non-table handler, a chain longer than MAXTAGLOOP) goes to the runtime's `index` from the
// start: raw reads have no side effects, so redoing them changes nothing.

import { index, LuaTable, type LuaValue } from "@lunette/runtime";
import { getField } from "./field-slots.js";

/** lvm.c MAXTAGLOOP. */
const MAX_TAG_LOOP = 100;

/**
 * `o[key]` for a table `o` whose raw `key` slot is nil; `slot` is the key's field slot
 * (field-slots.ts), 0 when the key is not a constant of the instruction.
 */
export function indexMiss(o: LuaTable, key: string, site: number, slot: number): LuaValue {
  let t = o;
  for (let loop = 0; loop < MAX_TAG_LOOP; loop++) {
    const mt = t.mt;
    if (mt === undefined) return undefined;
    const handler = mt.hash.__index;
    if (handler === undefined) return undefined;
    if (!(handler instanceof LuaTable)) break;
    const v = getField(handler.hash, key, slot) as LuaValue;
    if (v !== undefined) return v;
    t = handler;
  }
  return index(o, key, site);
}
