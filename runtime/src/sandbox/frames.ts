// The frame state (S, runtime/src/state.ts) saved when a host enters Lua under a budget and put
// back when a BudgetError comes out: the error unwinds every Lua frame and library function
// without their own restores (pcall's, resume's) running to completion.

import { S } from "../state.js";

type FrameState = typeof S;

/** A shallow copy of S (its numbers, and the call-site array it points to). */
export function saveFrameState(): FrameState {
  return { ...S };
}

export function restoreFrameState(saved: FrameState): void {
  Object.assign(S, saved);
}
