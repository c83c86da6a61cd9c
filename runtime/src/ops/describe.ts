// Runtime type errors in lua5.1's words (luaG_typeerror, luaG_ordererror): the operand is named
// from its site description (`local 'x'`, `global 'f'`, ...) when the compiler knew it.

import { runtimeError } from "../errors.js";
import { type } from "../tostring.js";
import type { LuaValue } from "../value.js";

/** `attempt to <op> local 'x' (a nil value)`, or `attempt to <op> a nil value` when unnamed. */
export function typeError(
  v: LuaValue,
  operation: string,
  description: string | undefined,
  site: number,
): never {
  const t = type(v);
  const what = description ? `${description} (a ${t} value)` : `a ${t} value`;
  runtimeError(`attempt to ${operation} ${what}`, site);
}

/** luaG_ordererror: `attempt to compare two table values` / `attempt to compare number with nil`. */
export function orderError(a: LuaValue, b: LuaValue, site: number): never {
  const t1 = type(a);
  const t2 = type(b);
  runtimeError(
    t1 === t2 ? `attempt to compare two ${t1} values` : `attempt to compare ${t1} with ${t2}`,
    site,
  );
}
