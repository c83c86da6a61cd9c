// debug.getupvalue/setupvalue on compiled closures (ldblib.c auxupvalue, lapi.c aux_upvalue).
// A compiled closure keeps its upvalues in JS closure variables; only closures of chunks whose
// source mentions getupvalue or setupvalue carry an accessor for them (`f.uv(i, set, v)`) and
// their names in lua5.1's order (`f.uvNames`; compiler/src/analysis/upvalues.ts). Other
// compiled closures have none, like a C function.

import type { LuaValue } from "../value.js";

type Inspectable = { uv?: (i: number, set: boolean, v?: LuaValue) => LuaValue; uvNames?: string[] };

/** Upvalue `n` (1-based) of a compiled closure: [name, value], or undefined. */
export function compiledUpvalue(fn: LuaValue, n: number): [string, LuaValue] | undefined {
  const f = fn as Inspectable;
  const name = f.uvNames?.[n - 1];
  if (name === undefined || n < 1) return undefined;
  return [name, f.uv!(n, false)];
}

/** Sets upvalue `n` of a compiled closure; its name, or undefined. */
export function setCompiledUpvalue(fn: LuaValue, n: number, value: LuaValue): string | undefined {
  const f = fn as Inspectable;
  const name = f.uvNames?.[n - 1];
  if (name === undefined || n < 1) return undefined;
  f.uv!(n, true, value);
  return name;
}
