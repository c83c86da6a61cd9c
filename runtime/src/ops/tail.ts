// Proper tail calls (Lua 5.1 §2.5.8: `return f(args)` reuses the caller's stack level) in
// constant JS stack, with a depth-counted trampoline (docs/architecture.md, "Coroutines and
// tail calls").
//
// The frame at Lua depth d that makes a tail call when no trampoline runs at d becomes the
// *owner*: `tailLeave(tailEnter(d), f(args))` calls f directly and loops while f asks for
// more. A tail call made at depth d while the owner runs (S.tailDepth === d) is a *member*: it
// calls directly while S.tailCount < TAIL_LIMIT (the common, cheap case), and past that returns
// the TAIL_CALL marker after storing the callee and arguments (`tailRequest`), which unwinds
// the members' JS frames back to the owner's loop. Only frames at depth d lie between owner
// and member on the JS stack (a non-tail call always goes one level deeper), so the marker
// never reaches code that does not expect it.

import { S } from "../state.js";
import type { LuaFunction, LuaValue } from "../value.js";

/** Tail calls made directly (growing the JS stack) before unwinding to the owner. */
export const TAIL_LIMIT = 100;

/** Returned by a member past TAIL_LIMIT: "call pendingFn(...pendingArgs) for me". */
export const TAIL_CALL = { tailCall: true } as unknown as LuaValue;

let pendingFn: LuaFunction = () => undefined;
let pendingArgs: LuaValue[] = [];

/** A member past the limit: hand the call to the owner's loop. */
export function tailRequest(f: LuaFunction, args: LuaValue[]): LuaValue {
  pendingFn = f;
  pendingArgs = args;
  return TAIL_CALL;
}

/** The trampoline state, to restore with tailRestore (pcall does after an error). */
export function tailState(): number {
  return (S.tailDepth << 8) | S.tailCount;
}

/** The owner starts a trampoline at depth `d`; returns the previous trampoline state. */
export function tailEnter(d: number): number {
  const saved = (S.tailDepth << 8) | S.tailCount;
  S.tailDepth = d;
  S.tailCount = 0;
  return saved;
}

/** Restores the trampoline state saved by tailEnter (also used after errors by pcall). */
export function tailRestore(saved: number): void {
  S.tailDepth = saved >> 8;
  S.tailCount = saved & 255;
}

/** The owner's call returned `first`: run the pending calls, then restore the outer state. */
export function tailLeave(saved: number, first: LuaValue): LuaValue {
  if (first === TAIL_CALL) first = tailLoop();
  tailRestore(saved);
  return first;
}

function tailLoop(): LuaValue {
  const d = S.tailDepth;
  let result: LuaValue;
  do {
    const f = pendingFn;
    const args = pendingArgs;
    S.depth = d - 1;
    S.site = 0;
    S.tailCount = 0;
    result = f(...args);
  } while (result === TAIL_CALL);
  return result;
}

/** The owner's loop in the resumable form: pending callees may be generators (`.co`). */
export function* tailLeaveResumable(
  saved: number,
  first: LuaValue,
): Generator<LuaValue[], LuaValue, LuaValue[]> {
  const d = S.tailDepth;
  while (first === TAIL_CALL) {
    const f = pendingFn as LuaFunction & { co?: ResumableBody };
    const args = pendingArgs;
    S.depth = d - 1;
    S.site = 0;
    S.tailCount = 0;
    first = f.co !== undefined ? yield* f.co(...args) : f(...args);
  }
  tailRestore(saved);
  return first;
}

/** The resumable form of a Lua function (a generator method: `this` is the function). */
export type ResumableBody = (...args: LuaValue[]) => Generator<LuaValue[], LuaValue, LuaValue[]>;
