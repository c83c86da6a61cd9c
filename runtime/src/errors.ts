// Lua errors as JS exceptions. A LuaError carries the Lua error value (any Lua value; runtime
// errors are strings already prefixed with `chunk:line: `) and the frames of the Lua stack at
// throw time, from which `traceback` renders lua5.1's `stack traceback:` (db_errorfb).

import { siteCalleeName, sitePosition, sitePrefix } from "./sites.js";
import { S } from "./state.js";
import type { LuaValue } from "./value.js";

/** db_errorfb prints the first levels, `...`, then the last ones of a deep stack. */
const FIRST_LEVELS = 10;
const LAST_LEVELS = 11;

export class LuaError extends Error {
  /** The Lua error value (what pcall returns). */
  value: LuaValue;
  /** Name of the library function that raised the error (`[C]: in function 'error'`). */
  private raisedBy: string | undefined;
  /** Innermost first: [current site, site that called this frame] for each captured level. */
  private frames: number[];
  /** Number of Lua frames at throw time (levels beyond the captured ones are elided). */
  private depth: number;

  constructor(value: LuaValue, site: number = S.site, raisedBy?: string) {
    super(typeof value === "string" ? value : "(error object is not a string)");
    this.name = "LuaError";
    this.value = value;
    this.raisedBy = raisedBy;
    this.frames = captureFrames(site);
    this.depth = S.depth;
  }

  /** The Lua traceback at throw time: `stack traceback:` and one line per level. */
  get traceback(): string {
    const lines: string[] = [];
    if (this.raisedBy !== undefined) lines.push(`[C]: in function '${this.raisedBy}'`);
    const frames = this.frames;
    for (let i = 0; i < frames.length; i += 3) {
      const [site, callerSite, depth] = [frames[i], frames[i + 1], frames[i + 2]];
      if (depth < 1) continue;
      const where = sitePosition(site) || "?:";
      const callee = siteCalleeName(callerSite);
      const what =
        callee !== undefined
          ? `in function '${callee.name}'`
          : depth === 1
            ? "in main chunk"
            : "in function <?>";
      lines.push(`${where} ${what}`);
      if (i + 3 < frames.length && frames[i + 5] < depth - 1) lines.push("...");
    }
    lines.push("[C]: ?");
    return `stack traceback:\n\t${lines.join("\n\t")}`;
  }

  /** How many Lua frames were active when the error was thrown. */
  get frameCount(): number {
    return this.depth;
  }
}

/**
 * Records [site, callerSite, depth] per Lua frame, innermost first: the frame at depth d is at
 * `site` (the error site for the innermost, then S.callSites[d + 1]) and was called from
 * S.callSites[d]. Only the levels a traceback prints are kept.
 */
function captureFrames(site: number): number[] {
  const top = S.depth;
  const frames: number[] = [];
  const callSites = S.callSites;
  for (let d = top; d >= 1; d--) {
    if (top - d === FIRST_LEVELS && d > LAST_LEVELS) d = LAST_LEVELS;
    frames.push(d === top ? site : callSites[d + 1], callSites[d], d);
  }
  return frames;
}

/** Throws a runtime error positioned at `site` (luaG_runerror). */
export function runtimeError(message: string, site: number): never {
  throw new LuaError(sitePrefix(site) + message, site);
}

/** The Lua error value of any caught JS exception (pcall and hosts use this). */
export function errorValueOf(e: unknown): LuaValue {
  if (e instanceof LuaError) return e.value;
  if (e instanceof RangeError) return `${sitePrefix(S.site)}stack overflow`;
  if (e instanceof Error) return `${sitePrefix(S.site)}${e.message}`;
  return String(e);
}

/** Converts any caught JS exception into a LuaError (a JS TypeError never reaches Lua). */
export function toLuaError(e: unknown): LuaError {
  if (e instanceof LuaError) return e;
  return new LuaError(errorValueOf(e));
}
