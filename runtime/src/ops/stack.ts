// `stack overflow` (luaD_growCI): raised by a function prologue when S.depth passes
// MAX_DEPTH. The new frame never started, so it is popped first: the error belongs to the
// caller, positioned at the call being made (S.site), as in lua5.1.

import { runtimeError } from "../errors.js";
import { S } from "../state.js";

export function stackOverflow(): never {
  S.depth--;
  runtimeError("stack overflow", S.site);
}
