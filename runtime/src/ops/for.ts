// Numeric `for` operands (OP_FORPREP, manual §2.4.5): numbers, or strings that convert.

import { runtimeError } from "../errors.js";
import { stringToNumber } from "../number.js";
import type { LuaValue } from "../value.js";

const MESSAGES = {
  initial: "'for' initial value must be a number",
  limit: "'for' limit must be a number",
  step: "'for' step must be a number",
};

export function forNumber(v: LuaValue, role: "initial" | "limit" | "step", site: number): number {
  if (typeof v === "number") return v;
  if (typeof v === "string") {
    const n = stringToNumber(v);
    if (n !== undefined) return n;
  }
  runtimeError(MESSAGES[role], site);
}
