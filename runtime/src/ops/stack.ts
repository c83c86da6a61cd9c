// `stack overflow` (luaD_growCI): raised by a function prologue when S.depth passes
// MAX_DEPTH, positioned at the call being made, like lua5.1's message.

import { runtimeError } from "../errors.js";
import { S } from "../state.js";

export function stackOverflow(): never {
  runtimeError("stack overflow", S.site);
}
