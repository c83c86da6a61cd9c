// Lua stack levels (ldebug.c lua_getstack) over the frame stack of compiled code, with the
// levels that tail calls lost. Level 1 is the innermost Lua frame (the caller of the library
// function asking); each frame at depth d is one level, followed by one `(tail call)` level for
// each tail call that entered it (lua5.1's CallInfo.tailcalls), then the frame at depth d - 1.
//
// A frame entered by k tail calls has the *tail site* TAIL_SITE - (k - 1) as its call site
// (S.callSites[d]); the owner of the chain kept its own call site at TAIL_CALLERS + d, so the
// frame below it still knows where it is. Frames called from library code (site 0) are not
// levels of their own here: the C function between them is not on the frame stack.

import { closureOfSite } from "./sites.js";
import { MAX_DEPTH, S } from "./state.js";

/** The call site of a frame entered by one tail call; k tail calls: TAIL_SITE - (k - 1). */
export const TAIL_SITE = -(2 ** 30);

/** Offset in S.callSites of the call site a tail-call chain's owner was called from. */
export const TAIL_CALLERS = MAX_DEPTH + 64;

/** How many tail calls entered a frame whose call site is `callSite` (0: none). */
export function tailCallsOf(callSite: number): number {
  return callSite <= TAIL_SITE ? TAIL_SITE - callSite + 1 : 0;
}

/** The site frame `d` was called from, looking through its tail calls (0: from library code). */
export function callerSiteOf(d: number): number {
  const site = S.callSites[d]!;
  return site <= TAIL_SITE ? S.callSites[TAIL_CALLERS + d]! : site;
}

/** The site the frame at depth `d` is at now (the innermost one: S.site). */
export function siteOfFrame(d: number): number {
  return d === S.depth ? S.site : callerSiteOf(d + 1);
}

/** A level's frame depth `d`, or `-d` for a tail-call level below frame d, or 0 past the end. */
export function frameAtLevel(level: number): number {
  if (level < 1) return 0;
  let remaining = level - 1;
  for (let d = S.depth; d >= 1; d--) {
    if (remaining === 0) return d;
    const tails = tailCallsOf(S.callSites[d]!);
    if (remaining <= tails) return -d;
    remaining -= tails + 1;
  }
  return 0;
}

/** The site of the Lua code at `level` (0 for a tail-call level or past the end). */
export function siteAtLevel(level: number): number {
  const d = frameAtLevel(level);
  return d > 0 ? siteOfFrame(d) : 0;
}

/**
 * The function running at `level`: its closure, `"tail"` for a tail-call level, `undefined`
 * when unknown (a level past a library function) and `null` past the end of the stack.
 */
export function functionAtLevel(level: number): unknown {
  const d = frameAtLevel(level);
  if (d === 0) return null;
  if (d < 0) return "tail";
  return closureOfSite(siteOfFrame(d));
}
