// Lua stack levels (ldebug.c lua_getstack) over the frame stack of compiled code, with the
// levels that tail calls lost and the library (C) functions between Lua frames. Level 1 is the
// innermost function (the caller of the library function asking); each frame at depth d is one
// level, followed by one `(tail call)` level for each tail call that entered it (lua5.1's
// CallInfo.tailcalls), then the C functions that called it, then the frame at depth d - 1.
//
// A frame entered by k tail calls has the *tail site* TAIL_SITE - (k - 1) as its call site
// (S.callSites[d]); the owner of the chain kept its own call site at TAIL_CALLERS + d, so the
// frame below it still knows where it is.
//
// A library function that calls Lua code (pcall, xpcall, table.sort, gsub, tostring, require
// ...) is a stack level in lua5.1, as every C function is. It passes the *C site* `cSite(s)`
// (s: the site it was called from, S.site on entry) to the Lua functions it calls: C_SITE * k + s
// says "k C functions between this frame and the Lua code at s", and the one nearest that code is
// named from s as lua5.1's getfuncname does (`[C]: in function 'pcall'`); a C function called by
// another is `[C]: ?`. Library functions that call no Lua code never touch S.site, so they cost
// nothing. While a library function is running, S.site may be a C site too (pcall calling
// `error` directly): the top levels are then C levels. On the main thread the host (lua.c's
// pmain) is one more C level below frame 1: the `[C]: ?` that ends lua5.1's tracebacks.

import { C_SITE, closureOfSite, siteCalleeName } from "./sites.js";

export { C_SITE };

import { MAX_DEPTH, S } from "./state.js";

/** The call site of a frame entered by one tail call; k tail calls: TAIL_SITE - (k - 1). */
export const TAIL_SITE = -(2 ** 30);

/** Offset in S.callSites of the call site a tail-call chain's owner was called from. */
export const TAIL_CALLERS = MAX_DEPTH + 64;

/** Most C levels one C site counts (15 * 2^27 stays an int32 in S.callSites). */
const MAX_C_LEVELS = 15;

/** The main thread's frame stack (coroutines swap in their own, coroutine/thread.ts). */
const MAIN_CALL_SITES = S.callSites;

/**
 * The site a library function entered from `site` (its S.site on entry) gives the Lua functions
 * it calls: one more C level. A negative site (the library function is a metamethod) keeps its
 * position; a tail site (`return pcall(f)`, whose frame is gone) keeps none.
 */
export function cSite(site: number): number {
  if (site >= C_SITE) return site < MAX_C_LEVELS * C_SITE ? site + C_SITE : site;
  if (site > 0) return C_SITE + site;
  return site < 0 && site > TAIL_SITE ? C_SITE - site : C_SITE;
}

/** How many C levels a site stands for (0 for an ordinary site). */
export function cLevelsOf(site: number): number {
  return site >= C_SITE ? Math.floor(site / C_SITE) : 0;
}

/** The Lua position of a site: a C site's s, any other site itself. */
export function luaSiteOf(site: number): number {
  return site >= C_SITE ? site % C_SITE : site;
}

/** How many tail calls entered a frame whose call site is `callSite` (0: none). */
export function tailCallsOf(callSite: number): number {
  return callSite <= TAIL_SITE ? TAIL_SITE - callSite + 1 : 0;
}

/** The site frame `d` was called from, looking through its tail calls (0: from the host). */
export function callerSiteOf(d: number): number {
  const site = S.callSites[d]!;
  return site <= TAIL_SITE ? S.callSites[TAIL_CALLERS + d]! : site;
}

/** The Lua site the frame at depth `d` is at now (the innermost one: S.site). */
export function siteOfFrame(d: number): number {
  return luaSiteOf(d === S.depth ? S.site : callerSiteOf(d + 1));
}

/**
 * One stack level. `lua`: the frame at `depth`, at Lua site `site`, called from `callerSite`
 * (S.callSites[depth]). `tail`: a level lost to a tail call into frame `depth`. `c`: a library
 * function above frame `depth` (0: above the host), named from `nameSite` (0: unnamed).
 */
export type Level =
  | { kind: "lua"; depth: number; site: number; callerSite: number }
  | { kind: "tail"; depth: number }
  | { kind: "c"; depth: number; nameSite: number };

/** Whether the running code is the main thread's (not a coroutine's). */
function onMainThread(): boolean {
  return S.callSites === MAIN_CALL_SITES;
}

/** The C levels a position `p` stands for, above frame d, innermost first. */
function pushCLevels(levels: Level[], p: number, d: number, max: number): void {
  const k = cLevelsOf(p);
  const s = p % C_SITE;
  for (let i = k; i >= 1 && levels.length < max; i--) {
    const named = i === 1 && d >= 1 && siteCalleeName(s) !== undefined;
    levels.push({ kind: "c", depth: d, nameSite: named ? s : 0 });
  }
}

/** Up to `max` levels from the innermost outwards (lua_getstack's order). */
export function topLevels(max: number): Level[] {
  const levels: Level[] = [];
  let p = S.site;
  for (let d = S.depth; d >= 1; d--) {
    pushCLevels(levels, p, d, max);
    if (levels.length >= max) return levels;
    const called = S.callSites[d]!;
    levels.push({ kind: "lua", depth: d, site: luaSiteOf(p), callerSite: called });
    for (let k = tailCallsOf(called); k > 0 && levels.length < max; k--)
      levels.push({ kind: "tail", depth: d });
    p = callerSiteOf(d);
  }
  pushCLevels(levels, p, 0, max);
  if (levels.length < max && onMainThread()) levels.push({ kind: "c", depth: 0, nameSite: 0 });
  return levels;
}

/** The `count` outermost levels, innermost first. */
export function bottomLevels(count: number): Level[] {
  const reversed: Level[] = [];
  if (onMainThread()) reversed.push({ kind: "c", depth: 0, nameSite: 0 });
  const below: Level[] = [];
  pushCLevels(below, S.depth >= 1 ? callerSiteOf(1) : S.site, 0, count);
  for (let i = below.length - 1; i >= 0; i--) reversed.push(below[i]!);
  for (let d = 1; d <= S.depth && reversed.length < count; d++) {
    const called = S.callSites[d]!;
    for (let k = tailCallsOf(called); k > 0 && reversed.length < count; k--)
      reversed.push({ kind: "tail", depth: d });
    const p = d === S.depth ? S.site : callerSiteOf(d + 1);
    if (reversed.length < count)
      reversed.push({ kind: "lua", depth: d, site: luaSiteOf(p), callerSite: called });
    const group: Level[] = [];
    pushCLevels(group, p, d, count);
    for (let i = group.length - 1; i >= 0 && reversed.length < count; i--) reversed.push(group[i]!);
  }
  return reversed.slice(0, count).reverse();
}

/** The level `level` (1 = innermost), or undefined past the end of the stack. */
export function levelAt(level: number): Level | undefined {
  if (level < 1) return undefined;
  return topLevels(level)[level - 1];
}

/** The site of the Lua code at `level` (0 for a C or tail-call level or past the end). */
export function siteAtLevel(level: number): number {
  if (level === 1) {
    // The common case (luaL_where(L, 1) from a library function called by Lua code).
    const site = S.site;
    if (site < C_SITE) return site;
  }
  const at = levelAt(level);
  return at !== undefined && at.kind === "lua" ? at.site : 0;
}

/**
 * The function running at `level`: its closure, `"tail"` for a tail-call level, `undefined`
 * when unknown (a library function's level) and `null` past the end of the stack.
 */
export function functionAtLevel(level: number): unknown {
  const at = levelAt(level);
  if (at === undefined) return null;
  if (at.kind === "tail") return "tail";
  return at.kind === "lua" ? closureOfSite(at.site) : undefined;
}
