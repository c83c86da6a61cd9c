// Errors crossing the JS/Lua boundary.
//
// Lua → JS: a Lua error that escapes to JS becomes a `LuaScriptError` (an `Error`): `message`
// is the Lua message (decoded text; lua.c's "(error object is not a string)" for other error
// values), `value` the error value converted to JS, `traceback` Lua's `stack traceback:` text,
// and `stack` the JS stack of the throw, which runs through the compiled chunks' frames (their
// source maps name the .lua files and lines). A JS error thrown by a JS function that Lua
// called comes out to JS as itself.
//
// JS → Lua: a JS exception thrown into Lua becomes a Lua error whose value is the exception's
// message (what `pcall` returns); a `LuaScriptError` going back into Lua is its original Lua
// error, so the error value keeps its identity.

import { LuaError, toLuaError } from "../errors.js";
import { numberToString } from "../number.js";
import { S } from "../state.js";
import type { LuaValue } from "../value.js";
import { encodeUtf8 } from "./strings.js";

export class LuaScriptError extends Error {
  /** The error value converted to JS (see convert.ts). */
  readonly value: unknown;
  /** The Lua error value as the runtime holds it (what pcall would return). */
  readonly luaValue: LuaValue;
  /** lua5.1's `stack traceback:` lines at the throw. */
  readonly traceback: string;

  constructor(cause: LuaError, message: string, value: unknown) {
    super(message, { cause });
    this.name = "LuaError";
    this.value = value;
    this.luaValue = cause.value;
    this.traceback = cause.traceback;
    // Keep the frames of the throw (through the Lua code), not those of this boundary.
    const stack = cause.stack ?? "";
    const firstFrame = stack.indexOf("\n    at ");
    if (firstFrame >= 0) this.stack = `LuaError: ${message}${stack.slice(firstFrame)}`;
  }
}

/** JS exceptions that crossed into Lua, by the Lua error that carries them. */
const originalErrors = new WeakMap<LuaError, unknown>();

/** The Lua error to throw into Lua for any exception caught at the JS edge. */
export function luaErrorFromJS(e: unknown): LuaError {
  if (e instanceof LuaScriptError) return e.cause as LuaError;
  if (e instanceof LuaError) return e;
  if (e instanceof RangeError) return toLuaError(e); // stack overflow, positioned by the runtime
  const message = e instanceof Error ? e.message : String(e);
  const error = new LuaError(encodeUtf8(message), S.site);
  originalErrors.set(error, e);
  return error;
}

/** The JS exception to throw out of Lua: the original JS error or a LuaScriptError. */
export function jsErrorFromLua(
  e: unknown,
  convert: (v: LuaValue) => unknown,
  decode: (s: string) => string,
): unknown {
  const error = toLuaError(e);
  if (originalErrors.has(error)) return originalErrors.get(error);
  const value = error.value;
  const message =
    typeof value === "string"
      ? decode(value)
      : typeof value === "number"
        ? numberToString(value)
        : value === undefined
          ? "nil"
          : "(error object is not a string)";
  return new LuaScriptError(error, message, convert(value));
}
