// Concatenation (luaV_concat, manual §2.5.4): strings and numbers (formatted with %.14g) join;
// otherwise `__concat` of the left operand, else the right; otherwise luaG_concaterror.

import { metamethod } from "../metatable.js";
import { numberToString } from "../number.js";
import { chargeString } from "../sandbox/budget.js";
import { siteOperandA, siteOperandB } from "../sites.js";
import { S } from "../state.js";
import type { LuaValue } from "../value.js";
import { callMeta2 } from "./call.js";
import { typeError } from "./describe.js";

export function concat(a: LuaValue, b: LuaValue, site: number): LuaValue {
  const ta = typeof a;
  const tb = typeof b;
  if ((ta === "string" || ta === "number") && (tb === "string" || tb === "number")) {
    const left = ta === "number" ? numberToString(a as number) : (a as string);
    const right = tb === "number" ? numberToString(b as number) : (b as string);
    chargeString(left.length + right.length); // the memory budget (sandbox/budget.ts)
    return left + right;
  }
  let handler = metamethod(a, "__concat");
  if (handler === undefined) handler = metamethod(b, "__concat");
  if (handler === undefined) {
    // luaG_concaterror blames the left operand unless it is a string or number.
    if (ta === "string" || ta === "number") typeError(b, "concatenate", siteOperandB(site), site);
    typeError(a, "concatenate", siteOperandA(site), site);
  }
  S.site = -site; // a metamethod call: positioned at the site, but unnamed
  return callMeta2(handler, a, b);
}
