// The `lunette` standalone interpreter: lua.c (Lua 5.1.5) behaviour on Node. Runs `-e`/`-l`
// actions in order, then the script (or stdin) with `arg` and `...` set, reports uncaught
// errors as `lunette: msg` plus a traceback on stderr, and returns the exit status.

import { readFileSync } from "node:fs";
import * as runtime from "@lunette/runtime";
import { createNodeHost, fileError } from "@lunette/runtime/node";
import { installDumper, isBinaryChunk, loadVmChunk } from "@lunette/vm";
import { parseArguments, usageText } from "./args.js";
import { hasBudget, parseInterpreterFlags } from "./budget-flags.js";
import { loadLuaChunk, skipShebangLine } from "./load-chunk.js";
import { runRepl } from "./repl.js";

const PROGRAM = "lunette";
const VERSION = "Lua 5.1.5  Copyright (C) 1994-2012 Lua.org, PUC-Rio";

type LuaValue = runtime.LuaValue;

export interface Session {
  globals: runtime.LuaTable;
  host: runtime.Host;
  /** How source text becomes a function: compiled to JS, or (`--vm`) run on the bytecode VM. */
  loader: runtime.ChunkLoader;
  /** `lunette: ` before error messages; empty in interactive mode (lua.c's dotty clears progname). */
  messagePrefix: string;
  /** The debug library's own traceback (lua.c's handler calls whatever debug.traceback is). */
  traceback?: LuaValue;
}

/** Binary chunks (`\27Lua`) always run on the VM; source text goes to `sourceLoader`. */
function chunkLoader(sourceLoader: runtime.ChunkLoader): runtime.ChunkLoader {
  return (chunk, chunkName, env) =>
    isBinaryChunk(chunk) ? loadVmChunk(chunk, chunkName, env) : sourceLoader(chunk, chunkName, env);
}

/** `budgets`: compile with fuel checks and memory charges; `sandbox`: the sandbox profile. */
export function createSession(vm = false, budgets = false, sandbox = false): Session {
  const host = createNodeHost();
  const compiled: runtime.ChunkLoader = budgets
    ? (source, chunkName, env) => loadLuaChunk(source, chunkName, env, { budgets: true })
    : loadLuaChunk;
  const loader = chunkLoader(vm ? loadVmChunk : compiled);
  runtime.setChunkLoader(loader);
  installDumper();
  const globals = runtime.createGlobals(host);
  // The sandbox removes `debug`; its errors keep Lunette's traceback (lua.c would print none).
  const debug = globals.get("debug");
  const traceback =
    sandbox || !(debug instanceof runtime.LuaTable) ? undefined : debug.get("traceback");
  if (sandbox) runtime.applySandboxProfile(globals);
  return { globals, host, loader, messagePrefix: `${PROGRAM}: `, traceback };
}

/**
 * Runs the interpreter for `argv` (without node and the script path); returns the status.
 * A leading `--vm` (not a lua.c option) runs everything on the bytecode VM.
 */
export function runInterpreter(commandLine: string[], stdinIsTTY: boolean): number {
  const flags = parseInterpreterFlags(commandLine);
  const argv = flags.rest;
  const invocation = parseArguments(argv);
  const session = createSession(flags.vm, hasBudget(flags), flags.sandbox);
  const { host } = session;
  if (flags.error !== undefined) {
    host.stderr(`${PROGRAM}: ${flags.error}\n`);
    return 1;
  }
  // The budgets hold for the whole run (lua.c's actions, the script, the REPL).
  if (hasBudget(flags)) runtime.enterBudget(runtime.createBudget(flags));
  if (invocation.usageError) {
    host.stderr(usageText(PROGRAM));
    return 1;
  }
  if (invocation.version) host.stderr(`${VERSION}\n`);
  if (invocation.scriptIndex >= 0) setArgTable(session, argv, invocation.scriptIndex);

  for (const action of invocation.actions) {
    const ok =
      action.kind === "execute"
        ? runChunk(session, () => loadSource(session, action.code, "=(command line)"), [])
        : runChunk(session, () => requireFunction(session), [action.module]);
    if (!ok) return 1;
  }

  if (invocation.scriptIndex >= 0) {
    const script = argv[invocation.scriptIndex];
    const scriptArgs = argv.slice(invocation.scriptIndex + 1);
    if (
      !runChunk(session, () => loadFile(session, script === "-" ? undefined : script), scriptArgs)
    )
      return 1;
  } else if (invocation.actions.length === 0 && !invocation.version) {
    if (stdinIsTTY) {
      host.stderr(`${VERSION}\n`);
      runRepl(session, (load, args) => runChunk(session, load, args));
    } else if (!runChunk(session, () => loadFile(session, undefined), [])) {
      return 1;
    }
  }
  if (invocation.interactive)
    runRepl(session, (load, args) => runChunk(session, load, args), !stdinIsTTY);
  return 0;
}

/** lua.c's getargs: script args at 1..n, the script at 0, interpreter and options below. */
function setArgTable(session: Session, argv: string[], scriptIndex: number): void {
  const arg = new runtime.LuaTable();
  arg.set(-(scriptIndex + 1), PROGRAM);
  for (let i = 0; i < argv.length; i++) arg.set(i - scriptIndex, argv[i]);
  session.globals.set("arg", arg);
}

/** A load step either yields a function or fails with an error message (a syntax error). */
type LoadResult = { fn: runtime.LuaFunction } | { error: LuaValue };

function loadSource(session: Session, source: string, chunkName: string): LoadResult {
  try {
    return { fn: session.loader(source, chunkName, session.globals) };
  } catch (e) {
    return { error: errorValue(e) };
  }
}

function loadFile(session: Session, path: string | undefined): LoadResult {
  let source: string;
  try {
    source = readFileSync(path ?? 0, "latin1");
  } catch (e) {
    return { error: fileError(path ?? "<stdin>", e) };
  }
  return loadSource(session, skipShebangLine(source), path === undefined ? "=stdin" : `@${path}`);
}

function requireFunction(session: Session): LoadResult {
  const require = session.globals.get("require");
  if (typeof require !== "function") return { error: "attempt to call a nil value" };
  return { fn: require as runtime.LuaFunction };
}

/**
 * Loads and calls a chunk; reports a failure like lua.c's `report` (a nil error object
 * prints nothing, a non-string one prints `(error object is not a string)`).
 */
export function runChunk(session: Session, load: () => LoadResult, args: string[]): boolean {
  const loaded = load();
  if ("error" in loaded) {
    report(session, loaded.error, undefined);
    return false;
  }
  // The frame state as lua.c's docall leaves it after an error (the REPL goes on with it):
  // depth, position and C-call count. Tail calls keep no state outside the frames.
  const { depth, site, cCalls } = runtime.S;
  try {
    runtime.S.site = 0; // called by the host, as lua.c's docall: no Lua call site, no name
    loaded.fn(...args);
    return true;
  } catch (e) {
    runtime.S.depth = depth;
    runtime.S.site = site;
    runtime.S.cCalls = cCalls;
    report(session, errorValue(e), e instanceof runtime.LuaError ? e.traceback : undefined);
    return false;
  }
}

function errorValue(e: unknown): LuaValue {
  if (e instanceof runtime.LuaError) return e.value;
  if (e instanceof RangeError) return "stack overflow";
  if (e instanceof Error) return e.message;
  return String(e);
}

function report(session: Session, value: LuaValue, traceback: string | undefined): void {
  if (value === undefined) return;
  // lua.c's traceback handler leaves non-string error objects alone (no traceback).
  if (typeof value !== "string" && typeof value !== "number") {
    session.host.stderr(`${session.messagePrefix}(error object is not a string)\n`);
    return;
  }
  const message = runtime.tostring(value) as string;
  if (traceback !== undefined) {
    const handled = tracebackHandler(session, message);
    if (handled !== undefined) {
      session.host.stderr(`${session.messagePrefix}${handled}\n`);
      return;
    }
  }
  session.host.stderr(`${session.messagePrefix}${message}\n${traceback ? `${traceback}\n` : ""}`);
}

/**
 * lua.c's `traceback` message handler reads `debug.traceback` from the thread's globals when
 * the error happens: with no `debug` table or no function there (a script that set
 * `debug = nil`), the message stands alone; a replaced function's result is the message.
 * Returns the text to print, or undefined for the library's own traceback (the caller's).
 * Here the handler runs after the error unwound the stack, so a replacement sees the main
 * chunk's level, not the failing function's.
 */
function tracebackHandler(session: Session, message: string): string | undefined {
  if (session.traceback === undefined) return undefined;
  try {
    const globals = runtime.threadGlobals(session.globals);
    const debug = runtime.index(globals, "debug", 0);
    if (!(debug instanceof runtime.LuaTable)) return message;
    const handler = runtime.index(debug, "traceback", 0);
    if (typeof handler !== "function") return message;
    if (handler === session.traceback) return undefined;
    const result = runtime.callValue(handler, message, 2);
    return typeof result === "string" || typeof result === "number"
      ? (runtime.tostring(result) as string)
      : "(error object is not a string)";
  } catch {
    return "error in error handling"; // lua_pcall's LUA_ERRERR
  }
}
