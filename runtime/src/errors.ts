// Lua errors as JS exceptions. A LuaError carries the Lua error value (any Lua value; runtime
// errors are strings already prefixed with `chunk:line: `) and the frames of the Lua stack at
// throw time, from which `traceback` renders lua5.1's `stack traceback:` (db_errorfb).

import { callerSiteOf, tailCallsOf } from "./levels.js";
import { BudgetError } from "./sandbox/budget-error.js";
import { lineDefinedOf, siteCalleeName, siteChunkOf, sitePosition, sitePrefix } from "./sites.js";
import { S } from "./state.js";
import type { LuaValue } from "./value.js";

/** db_errorfb (ldblib.c): levels below LEVELS1 (12) are printed first ... */
const FIRST_PART_END = 12;
/** ... then, when level LEVELS1 + LEVELS2 + 1 exists, `...` and the last LEVELS2 (10) levels. */
const LAST_LEVEL_CUT = 24;
const LAST_LEVELS = 10;
/** Levels captured from the top: enough for any first part and the decision to cut. */
const CAPTURED_LEVELS = 24;

/** One level of a captured traceback; `tail` levels are lua5.1's `(tail call): ?`. */
interface Level {
  depth: number;
  tail: boolean;
  site: number;
  callerSite: number;
  lineDefined: number | undefined;
}

export class LuaError extends Error {
  /** The Lua error value (what pcall returns). */
  value: LuaValue;
  /** Name of the library function that raised the error (`[C]: in function 'error'`). */
  private raisedBy: string | undefined;
  /** The innermost levels, innermost first (all of them when `bottom` is undefined). */
  private top: Level[];
  /** The outermost levels, innermost first, when there were too many to keep all. */
  private bottom: Level[] | undefined;
  /** Number of Lua frames at throw time. */
  private depth: number;

  constructor(value: LuaValue, site: number = S.site, raisedBy?: string) {
    super(typeof value === "string" ? value : "(error object is not a string)");
    this.name = "LuaError";
    this.value = value;
    this.raisedBy = raisedBy;
    this.depth = S.depth;
    const keep = CAPTURED_LEVELS;
    this.top = captureTop(site, keep);
    this.bottom = this.top.length >= keep ? captureBottom(site, LAST_LEVELS) : undefined;
  }

  /** The Lua traceback at throw time, as lua.c prints it (db_errorfb from level 2). */
  get traceback(): string {
    return this.tracebackFrom(2, 0);
  }

  /**
   * db_errorfb's `stack traceback:` when its first level is `level` and the first `skip` of the
   * captured levels are not shown: levels up to 11 are printed, then `...` and the last 10
   * levels when level 23 exists (the host's `[C]: ?` is the last level).
   */
  tracebackFrom(level: number, skip: number): string {
    const entries: string[] = [];
    if (this.raisedBy !== undefined) entries.push(`[C]: in function '${this.raisedBy}'`);
    for (const captured of this.top) entries.push(levelLine(captured));
    const shown = entries.slice(skip);
    const firstPart = FIRST_PART_END - level;
    let lines = shown;
    if (this.bottom === undefined && shown.length + 1 < LAST_LEVEL_CUT - level) {
      shown.push("[C]: ?");
    } else {
      const last = (this.bottom ?? this.top).map(levelLine);
      last.push("[C]: ?");
      lines = [...shown.slice(0, firstPart), "...", ...last.slice(-LAST_LEVELS)];
    }
    return `stack traceback:\n\t${lines.join("\n\t")}`;
  }

  /** How many Lua frames were active when the error was thrown. */
  get frameCount(): number {
    return this.depth;
  }

  /** How many traceback levels belong to the frames at depth 1..d (undefined: not kept). */
  levelsUpTo(d: number): number | undefined {
    if (this.bottom !== undefined) return undefined;
    return this.top.filter((level) => level.depth <= d).length;
  }
}

/** db_errorfb's line for one level. */
function levelLine(level: Level): string {
  if (level.tail) return "(tail call): ?";
  const { depth, site, callerSite, lineDefined } = level;
  const callee = siteCalleeName(callerSite);
  const what =
    callee !== undefined
      ? `in function '${callee.name}'`
      : lineDefined === 0 || (depth === 1 && callerSite === 0)
        ? "in main chunk"
        : lineDefined !== undefined
          ? `in function <${siteChunkOf(site)}:${lineDefined}>`
          : "in function <?>";
  return `${sitePosition(site) || "?:"} ${what}`;
}

/** The level of frame `d`: the site it is at (`site` for the innermost) and how it was called. */
function frameLevel(d: number, site: number): Level {
  const at = d === S.depth ? site : callerSiteOf(d + 1);
  const called = S.callSites[d]!;
  return { depth: d, tail: false, site: at, callerSite: called, lineDefined: lineDefinedOf(at) };
}

function tailLevel(d: number): Level {
  return { depth: d, tail: true, site: 0, callerSite: 0, lineDefined: undefined };
}

/** Up to `max` levels from the innermost frame outwards (lua_getstack's order). */
function captureTop(site: number, max: number): Level[] {
  const levels: Level[] = [];
  for (let d = S.depth; d >= 1 && levels.length < max; d--) {
    levels.push(frameLevel(d, site));
    const tails = tailCallsOf(S.callSites[d]!);
    for (let k = 0; k < tails && levels.length < max; k++) levels.push(tailLevel(d));
  }
  return levels;
}

/** The `count` outermost levels, innermost first. */
function captureBottom(site: number, count: number): Level[] {
  const levels: Level[] = [];
  for (let d = 1; d <= S.depth && levels.length < count; d++) {
    const tails = tailCallsOf(S.callSites[d]!);
    for (let k = 0; k < tails && levels.length < count; k++) levels.push(tailLevel(d));
    if (levels.length < count) levels.push(frameLevel(d, site));
  }
  return levels.reverse();
}

/** Throws a runtime error positioned at `site` (luaG_runerror). */
export function runtimeError(message: string, site: number): never {
  throw new LuaError(sitePrefix(site) + message, site);
}

/** The Lua error value of any caught JS exception (pcall and hosts use this). */
export function errorValueOf(e: unknown): LuaValue {
  if (e instanceof LuaError) return e.value;
  // A budget that ran out ends the script: no pcall, xpcall or resume may catch it.
  if (e instanceof BudgetError) throw e;
  if (e instanceof RangeError) return `${sitePrefix(S.site)}stack overflow`;
  if (e instanceof Error) return `${sitePrefix(S.site)}${e.message}`;
  return String(e);
}

/** Converts any caught JS exception into a LuaError (a JS TypeError never reaches Lua). */
export function toLuaError(e: unknown): LuaError {
  if (e instanceof LuaError) return e;
  return new LuaError(errorValueOf(e));
}
