// `stack overflow` (luaD_growCI): raised by a function prologue when S.depth passes
// MAX_DEPTH. The new frame never started, so it is popped first: the error belongs to the
// caller, positioned at the call being made (S.site), as in lua5.1.

import { runtimeError } from "../errors.js";
import { S } from "../state.js";

export function stackOverflow(): never {
  S.depth--;
  runtimeError("stack overflow", S.site);
}

/**
 * `C stack overflow` (luaD_call past LUAI_MAXCCALLS): raised when a metamethod call, a pcall or
 * a resume would nest one C call too many. The count is left for whoever catches the error to
 * restore (as lua_pcall restores L->nCcalls); the message is positioned at S.site.
 */
export function cStackOverflow(): never {
  runtimeError("C stack overflow", S.site);
}
