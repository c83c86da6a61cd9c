// Debug hooks and inspectable frames (manual §5.9 debug.sethook/gethook/getlocal), as state
// shared by the debug library, the bytecode VM's hooked interpreter (vm/src/interpreter/
// execute-hooked.ts) and whatever else calls hooks. The runtime never imports the VM: the VM
// registers a `VmDebug` handler here (setVmDebug), which debug.ts consults for VM functions and
// VM frames.
//
// Hooks are per thread, as in lua5.1 (lua_State's hook, hookmask, basehookcount, hookcount):
// each coroutine has its own ThreadDebug, made on first use (a WeakMap, so threads pay nothing
// until the debug library touches them). Like a coroutine created by lua5.1's lua_newthread
// (which finds no hook function of its own in ldblib's hook table), a new thread has no hook.

import { runningThread } from "../coroutine/thread.js";
import { R, S } from "../state.js";
import type { LuaFunction, LuaThread, LuaValue } from "../value.js";

/** One thread's hook (lua_sethook's arguments, and the running countdown). */
export interface Hook {
  fn: LuaFunction;
  /** The mask as gethook reports it: "c", "r", "l" in that order (ldblib.c unmakemask). */
  mask: string;
  call: boolean;
  ret: boolean;
  line: boolean;
  /** basehookcount: a count event every `count` instructions (0: none). */
  count: number;
  /** hookcount: instructions left until the next count event. */
  countdown: number;
  /** !allowhook: true while the hook function runs, so it is not hooked itself (ldo.c). */
  running: boolean;
}

/** A thread's debug state: its hook and the VM frames it can inspect, by frame depth. */
export interface ThreadDebug {
  hook: Hook | undefined;
  /** The inspectable frame at each depth (execute-hooked.ts writes them; may be stale). */
  frames: unknown[];
}

const mainDebug: ThreadDebug = { hook: undefined, frames: [] };
const threadDebugs = new WeakMap<LuaThread, ThreadDebug>();

/** The debug state of `thread` (default: the running one). */
export function threadDebug(thread: LuaThread | undefined = runningThread()): ThreadDebug {
  if (thread === undefined) return mainDebug;
  let td = threadDebugs.get(thread);
  if (td === undefined) {
    td = { hook: undefined, frames: [] };
    threadDebugs.set(thread, td);
  }
  return td;
}

/** How many threads have a hook set: VM chunks loaded while it is non-zero run hooked. */
export const hookCount = { threads: 0 };

/** lua_sethook: a mask "" with count 0, or no function, removes the hook. */
export function setHook(td: ThreadDebug, fn: LuaFunction | undefined, mask: string, count: number) {
  const call = mask.includes("c");
  const ret = mask.includes("r");
  const line = mask.includes("l");
  const had = td.hook !== undefined;
  if (fn === undefined || (!call && !ret && !line && count <= 0)) td.hook = undefined;
  else {
    const shown = (call ? "c" : "") + (ret ? "r" : "") + (line ? "l" : "");
    const n = Math.max(count, 0);
    td.hook = { fn, mask: shown, call, ret, line, count: n, countdown: n, running: false };
  }
  hookCount.threads += (td.hook !== undefined ? 1 : 0) - (had ? 1 : 0);
}

/**
 * luaD_callhook: calls the hook with (event, line) unless a hook is already running. `site` is
 * where the hooked code is (a negative site: the hook function's caller is positioned there but
 * not named, as a hook is called from C). R and S.site are kept, so the hooked code goes on
 * as if nothing happened.
 */
export function callHook(hook: Hook, event: string, line: number | undefined, site: number) {
  if (hook.running) return;
  const n = R.n;
  const v = R.v;
  const saved = S.site;
  hook.running = true;
  S.site = site;
  try {
    hook.fn(event, line);
  } finally {
    hook.running = false;
    S.site = saved;
    R.n = n;
    R.v = v;
  }
}

/** What debug.getinfo reports about a VM function (ldebug.c funcinfo, 'u', 'L'). */
export interface VmFunctionFacts {
  source: string;
  shortSrc: string;
  what: "Lua" | "main";
  lineDefined: number;
  lastLineDefined: number;
  nups: number;
  activeLines: number[];
}

/** The VM's answers to the debug library (registered by vm/src/debug-handler.ts). */
export interface VmDebug {
  /** Facts about `fn` if it is a VM function. */
  functionFacts(fn: LuaValue): VmFunctionFacts | undefined;
  /**
   * The inspectable frame at `depth` whose current position is `site`: its function and current
   * line; `cFunction` for the level of a library function whose call or return is being hooked.
   */
  frameAt(depth: number): { fn: LuaValue; line: number } | undefined;
  /** luaF_getlocalname over the frame at `depth`: [name, value], or undefined. */
  getLocal(depth: number, n: number): [string, LuaValue] | undefined;
  /** Sets local `n` of the frame at `depth`; its name, or undefined. */
  setLocal(depth: number, n: number, value: LuaValue): string | undefined;
  /** Upvalue `n` of a VM function: [name, value], or undefined. */
  getUpvalue(fn: LuaValue, n: number): [string, LuaValue] | undefined;
  /** Sets upvalue `n` of a VM function; its name, or undefined. */
  setUpvalue(fn: LuaValue, n: number, value: LuaValue): string | undefined;
}

export const vm: { debug: VmDebug | undefined } = { debug: undefined };

/** The VM registers its debug handler (vm/src/load.ts installVm). */
export function setVmDebug(handler: VmDebug): void {
  vm.debug = handler;
}
