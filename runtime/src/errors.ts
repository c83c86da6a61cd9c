// Lua errors as JS exceptions. A LuaError carries the Lua error value (any Lua value; runtime
// errors are strings already prefixed with `chunk:line: `) and the frames of the Lua stack at
// throw time, from which `traceback` renders lua5.1's `stack traceback:` (db_errorfb).

import { bottomLevels, type Level, topLevels } from "./levels.js";
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

export class LuaError extends Error {
  /** The Lua error value (what pcall returns). */
  value: LuaValue;
  /**
   * Name of the library function that raised the error (`[C]: in function 'error'`), "" when
   * its call gives it no name (`[C]: ?`), undefined when Lua code raised it.
   */
  private raisedBy: string | undefined;
  /** The innermost levels, innermost first (all of them when `bottom` is undefined). */
  private top: Level[];
  /** The outermost levels, innermost first, when there were too many to keep all. */
  private bottom: Level[] | undefined;

  constructor(value: LuaValue, site: number = S.site, raisedBy?: string) {
    super(typeof value === "string" ? value : "(error object is not a string)");
    this.name = "LuaError";
    this.value = value;
    this.raisedBy = raisedBy;
    const keep = CAPTURED_LEVELS;
    const top = S.site;
    S.site = site;
    this.top = topLevels(keep);
    this.bottom = this.top.length >= keep ? bottomLevels(LAST_LEVELS) : undefined;
    S.site = top;
  }

  /** The Lua traceback at throw time, as lua.c prints it (db_errorfb from level 2). */
  get traceback(): string {
    return this.tracebackFrom(2, 0);
  }

  /**
   * db_errorfb's `stack traceback:` when its first level is `level` and the first `skip` of the
   * captured levels are not shown: levels up to 11 are printed, then `...` and the last 10
   * levels when level 23 exists (on the main thread the host's `[C]: ?` is the last level).
   */
  tracebackFrom(level: number, skip: number): string {
    const entries: string[] = [];
    // The library function that raised it: named from its call, `[C]: ?` when unnamed ("?").
    const raiser = this.raisedBy;
    if (raiser !== undefined)
      entries.push(raiser === "" ? "[C]: ?" : `[C]: in function '${raiser}'`);
    for (const captured of this.top) entries.push(levelLine(captured));
    const shown = entries.slice(skip);
    const firstPart = FIRST_PART_END - level;
    let lines = shown;
    if (this.bottom !== undefined || shown.length >= LAST_LEVEL_CUT - level) {
      const last = (this.bottom ?? this.top).map(levelLine);
      lines = [...shown.slice(0, firstPart), "...", ...last.slice(-LAST_LEVELS)];
    }
    return `stack traceback:\n\t${lines.join("\n\t")}`;
  }
}

/** db_errorfb's line for one level. */
function levelLine(level: Level): string {
  if (level.kind === "tail") return "(tail call): ?";
  if (level.kind === "c") {
    const callee = siteCalleeName(level.nameSite);
    return callee !== undefined ? `[C]: in function '${callee.name}'` : "[C]: ?";
  }
  const { depth, site, callerSite } = level;
  const lineDefined = lineDefinedOf(site);
  const callee = siteCalleeName(callerSite);
  const what =
    callee !== undefined
      ? `in function '${callee.name}'`
      : lineDefined === 0 || (lineDefined === undefined && depth === 1 && callerSite === 0)
        ? "in main chunk"
        : lineDefined !== undefined
          ? `in function <${siteChunkOf(site)}:${lineDefined}>`
          : "in function <?>";
  return `${sitePosition(site) || "?:"} ${what}`;
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
