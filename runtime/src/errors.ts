// Lua errors as JS exceptions. A LuaError carries the Lua error value (any Lua value; runtime
// errors are strings already prefixed with `chunk:line: `) and the frames of the Lua stack at
// throw time, from which `traceback` renders lua5.1's `stack traceback:` (db_errorfb).

import { BudgetError } from "./sandbox/budget-error.js";
import { lineDefinedOf, siteCalleeName, siteChunkOf, sitePosition, sitePrefix } from "./sites.js";
import { S } from "./state.js";
import type { LuaValue } from "./value.js";

/** db_errorfb prints the first 10 levels, `...`, and the last 10 when there are 22 or more. */
const FIRST_LEVELS = 10;
const LAST_LEVELS = 10;

export class LuaError extends Error {
  /** The Lua error value (what pcall returns). */
  value: LuaValue;
  /** Name of the library function that raised the error (`[C]: in function 'error'`). */
  private raisedBy: string | undefined;
  /** For each captured Lua frame depth: [the site it is at, the site it was called from]. */
  private frames: Map<number, [number, number, number | undefined]>;
  /** Number of Lua frames at throw time. */
  private depth: number;

  constructor(value: LuaValue, site: number = S.site, raisedBy?: string) {
    super(typeof value === "string" ? value : "(error object is not a string)");
    this.name = "LuaError";
    this.value = value;
    this.raisedBy = raisedBy;
    this.depth = S.depth;
    this.frames = captureFrames(site);
  }

  /** The Lua traceback at throw time, in db_errorfb's format. */
  get traceback(): string {
    const offset = this.raisedBy === undefined ? 0 : 1;
    const total = offset + this.depth + 1; // + the host's `[C]: ?`
    const entry = (i: number): string => {
      if (i < offset) return `[C]: in function '${this.raisedBy}'`;
      if (i === total - 1) return "[C]: ?";
      const depth = this.depth - (i - offset);
      const [site, callerSite, lineDefined] = this.frames.get(depth) ?? [0, 0, undefined];
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
    };
    const lines: string[] = [];
    if (total < FIRST_LEVELS + LAST_LEVELS + 2) {
      for (let i = 0; i < total; i++) lines.push(entry(i));
    } else {
      for (let i = 0; i < FIRST_LEVELS; i++) lines.push(entry(i));
      lines.push("...");
      for (let i = total - LAST_LEVELS; i < total; i++) lines.push(entry(i));
    }
    return `stack traceback:\n\t${lines.join("\n\t")}`;
  }

  /** How many Lua frames were active when the error was thrown. */
  get frameCount(): number {
    return this.depth;
  }
}

/**
 * Records, for the Lua frames a traceback can print (the innermost and outermost levels), the
 * site each frame is at (the error site for the innermost, then S.callSites[d + 1]) and the site
 * it was called from (S.callSites[d]), and the linedefined of the function that site belongs to
 * (for `in function <chunk:line>`; 0 for a main chunk).
 */
function captureFrames(site: number): Map<number, [number, number, number | undefined]> {
  const top = S.depth;
  const callSites = S.callSites;
  const frames = new Map<number, [number, number, number | undefined]>();
  const record = (d: number) => {
    const at = d === top ? site : callSites[d + 1];
    frames.set(d, [at, callSites[d], lineDefinedOf(at)]);
  };
  for (let d = top; d >= 1 && d > top - FIRST_LEVELS; d--) record(d);
  for (let d = Math.min(LAST_LEVELS, top - FIRST_LEVELS); d >= 1; d--) record(d);
  return frames;
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
