// Running an xpcall error handler (ldo.c luaD_throw → the errfunc in luaG_errormsg): it runs
// before the stack unwinds, on top of the failing frames, so `debug.traceback` sees them.
// After a `stack overflow` lua5.1 still has room for the handler (luaD_growCI grants extra
// CallInfos while handling the error); here the handler then runs HANDLER_ROOM levels lower,
// the call sites of the frames it overwrites saved and put back afterwards.

import { errorValueOf } from "../errors.js";
import { TAIL_CALLERS } from "../levels.js";
import { BudgetError } from "../sandbox/budget-error.js";
import { MAX_DEPTH, R, S } from "../state.js";
import type { LuaValue } from "../value.js";
import { callValue } from "./call.js";

const HANDLER_ROOM = 250;

/**
 * The error whose handler is running, and the depth the handler runs at: a `debug.traceback`
 * called by the handler itself lists the failing frames from the error (with `[C]: in function
 * 'error'` and xpcall's C level, as lua5.1 does).
 */
export const handling: { error: unknown; handlerDepth: number } = {
  error: undefined,
  handlerDepth: -1,
};

/**
 * The failure path of a protected call without a handler (pcall, both forms; load's reader,
 * which lua_load runs protected): restores the frame state the call was made with and returns
 * the error value (a budget error still ends the script: errorValueOf rethrows it).
 */
export function protectedFailure(
  e: unknown,
  depth: number,
  site: number,
  cCalls: number,
): LuaValue {
  S.depth = depth;
  S.site = site;
  S.cCalls = cCalls;
  return errorValueOf(e);
}

/**
 * xpcall's failure path (direct and resumable forms alike): runs the handler on the caught
 * error `e` before the frames unwind, turns an error inside the handler into lua5.1's
 * `error in error handling` (a budget error still ends the script), then restores the frame
 * state xpcall was called with. Returns the handler's first result (R holds the rest).
 */
export function xpcallFailure(
  handler: LuaValue,
  e: unknown,
  depth: number,
  site: number,
  cCalls: number,
): LuaValue {
  let result: LuaValue;
  try {
    result = callErrorHandler(handler, errorValueOf(e), e);
    R.n = 1; // luaD_throw calls the handler for exactly one result (nil if it returns none)
  } catch (inner) {
    if (inner instanceof BudgetError) throw inner; // budgets end the script (sandbox/budget.ts)
    result = "error in error handling";
    R.n = 1;
  }
  S.depth = depth;
  S.site = site;
  S.cCalls = cCalls;
  return result;
}

/** Calls `handler(value)` as xpcall's message handler; errors propagate to the caller. */
export function callErrorHandler(handler: LuaValue, value: LuaValue, error: unknown): LuaValue {
  S.site = 0;
  const depth = S.depth;
  const saved = { ...handling };
  handling.error = error;
  handling.handlerDepth = depth;
  try {
    return callHandlerWithRoom(handler, value);
  } finally {
    Object.assign(handling, saved);
  }
}

function callHandlerWithRoom(handler: LuaValue, value: LuaValue): LuaValue {
  const depth = S.depth;
  if (depth < MAX_DEPTH - HANDLER_ROOM) return callValue(handler, value);
  const low = depth - HANDLER_ROOM;
  const sites = S.callSites.slice(low + 1, depth + 2);
  const callers = S.callSites.slice(TAIL_CALLERS + low + 1, TAIL_CALLERS + depth + 2);
  S.depth = low;
  try {
    return callValue(handler, value);
  } finally {
    S.callSites.set(sites, low + 1);
    S.callSites.set(callers, TAIL_CALLERS + low + 1);
    S.depth = depth;
  }
}
