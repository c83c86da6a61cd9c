// Inspectable VM frames and the hook events of the hooked interpreter (execute-hooked.ts).
//
// A hooked activation records itself in its thread's frame list (runtime lib/hooks.ts
// ThreadDebug.frames, indexed by frame depth): its closure, its register array and its pc, which
// it updates before every instruction. debug.getlocal/setlocal/getinfo read that record. An
// error may leave a record behind; a record counts only while the frame at its depth is really
// at one of its function's sites (`liveFrame`).
//
// Events follow ldo.c/lvm.c: "call" when a function starts (luaD_precall), "return" when it
// returns plus one "tail return" per tail call that entered it (callrethooks), "line" when an
// instruction starts a new line, jumps back or is the function's first (traceexec), "count"
// every `count` instructions.

import {
  callHook,
  type Hook,
  type LuaTable,
  type LuaValue,
  S,
  siteFunctionOf,
  TAIL_CALLERS,
  TAIL_SITE,
  type ThreadDebug,
} from "@lunette/runtime";
import type { Upvalue, VmFunction } from "./frame.js";
import type { PreparedProto } from "./sites.js";

/**
 * A VM closure that runs in the hooked form. It has no `proto` property: the ordinary
 * interpreter calls anything with a `proto` directly (execute.ts CALL), so a hooked closure
 * must look like any other Lua function to it and be entered through its JS wrapper.
 */
export interface HookedFunction {
  (...args: LuaValue[]): LuaValue;
  env: LuaTable;
  hooked: PreparedProto;
  upvalues: Upvalue[];
  co: (...args: LuaValue[]) => Generator<LuaValue[], LuaValue, LuaValue[]>;
}

export type AnyVmFunction = VmFunction | HookedFunction;

/** The prototype of a VM closure in either form, or undefined for any other value. */
export function protoOf(f: LuaValue): PreparedProto | undefined {
  if (typeof f !== "function") return undefined;
  const vm = f as Partial<VmFunction> & Partial<HookedFunction>;
  return vm.proto ?? vm.hooked;
}

/** One activation in the hooked form, or the level of a library function being hooked. */
export interface DebugFrame {
  /** The running closure; undefined for a library function's level (`fn`). */
  cl: AnyVmFunction | undefined;
  fn: LuaValue;
  regs: LuaValue[];
  /** 1 + the index of the current instruction (0 before the first one starts). */
  pc: number;
  /** Tail calls that entered this activation (CallInfo.tailcalls). */
  tailcalls: number;
  /** While a hook runs for this frame: its stack top then (L->top - base), else -1. */
  hookTop: number;
  /** S.callSites[depth] when the activation began or was entered by a tail call (liveFrame). */
  entry: number;
}

/** The registers of a VM callee in either form (frame.ts calleeRegisters for both). */
export function calleeRegistersOf(
  callee: AnyVmFunction,
  regs: LuaValue[],
  first: number,
  n: number,
): LuaValue[] {
  const pp = protoOf(callee)!;
  if (pp.vararg) return regs.slice(first, first + n);
  const out = pp.blank.slice();
  const m = Math.min(n, pp.numparams);
  for (let j = 0; j < m; j++) out[j] = regs[first + j];
  return out;
}

/** Records the activation starting at depth `d`. */
export function enterFrame(td: ThreadDebug, d: number, cl: AnyVmFunction, regs: LuaValue[]) {
  const fr: DebugFrame = {
    cl,
    fn: cl,
    regs,
    pc: 0,
    tailcalls: 0,
    hookTop: -1,
    entry: S.callSites[d]!,
  };
  td.frames[d] = fr;
  return fr;
}

/** The current line of a frame (0 when the chunk has no line information). */
export function frameLine(fr: DebugFrame): number {
  const pp = protoOf(fr.cl)!;
  return pp.proto.lineinfo[fr.pc > 0 ? fr.pc - 1 : 0] ?? 0;
}

/** The site of the frame's current instruction (its first before it starts). */
function frameSite(fr: DebugFrame): number {
  const pp = protoOf(fr.cl)!;
  return pp.sites[fr.pc > 0 ? fr.pc - 1 : 0]!;
}

/** Calls the hook for an event of frame `fr`, whose stack top is `top` meanwhile. */
function hookFrame(
  hook: Hook,
  fr: DebugFrame,
  event: string,
  line: number | undefined,
  top: number,
) {
  fr.hookTop = top;
  try {
    callHook(hook, event, line, -frameSite(fr));
  } finally {
    fr.hookTop = -1;
  }
}

/** A Lua frame's stack top between instructions: ci->top, base + maxstacksize. */
function frameTop(fr: DebugFrame): number {
  return protoOf(fr.cl)!.frameSize;
}

/** luaD_precall's call hook, once the frame is set up (currentline: its first line). */
export function hookCall(td: ThreadDebug, fr: DebugFrame): void {
  const hook = td.hook;
  if (hook !== undefined && hook.call && !hook.running)
    hookFrame(hook, fr, "call", undefined, frameTop(fr));
}

/** luaD_poscall's callrethooks: "return", then one "tail return" per tail call. */
export function hookReturn(td: ThreadDebug, fr: DebugFrame): void {
  const hook = td.hook;
  if (hook === undefined || !hook.ret || hook.running) return;
  // OP_RETURN leaves the top after its results (B - 1 of them from A; B = 0: up to the top).
  const pp = protoOf(fr.cl)!;
  const i = pp.code[fr.pc - 1]!;
  const top =
    (i & 0x3f) === 30 && i >>> 23 !== 0 ? ((i >>> 6) & 0xff) + (i >>> 23) - 1 : frameTop(fr);
  hookFrame(hook, fr, "return", undefined, top);
  for (let k = 0; k < fr.tailcalls && td.hook?.ret; k++)
    hookFrame(td.hook, fr, "tail return", undefined, top);
}

/**
 * lvm.c traceexec, before the instruction at pc - 1 runs (`oldpc` is the frame's pc before):
 * a count event when the countdown ends, a line event for a new line, a backward jump or the
 * function's first instruction.
 */
export function traceExec(hook: Hook, fr: DebugFrame, oldpc: number): void {
  const pp = protoOf(fr.cl)!;
  const pc = fr.pc;
  // The hook's own instructions count too (lvm.c decrements hookcount whatever allowhook is).
  if (hook.count > 0 && --hook.countdown === 0) {
    hook.countdown = hook.count;
    if (!hook.running) hookFrame(hook, fr, "count", undefined, pp.frameSize);
  }
  if (hook.line && !hook.running) {
    const lines = pp.proto.lineinfo;
    const line = lines[pc - 1] ?? 0;
    if (pc === 1 || pc <= oldpc || line !== (lines[oldpc - 1] ?? 0))
      hookFrame(hook, fr, "line", line, pp.frameSize);
  }
}

/**
 * A library (or compiled) function's call or return event: while the hook runs, the function
 * is a level of its own (a frame at depth + 1 called from `site`), as a C function's CallInfo
 * is in lua5.1, so getinfo(2) inside the hook describes it.
 */
export function hookLibrary(td: ThreadDebug, fn: LuaValue, event: string, site: number): void {
  const hook = td.hook;
  if (hook === undefined || hook.running) return;
  const d = ++S.depth;
  S.callSites[d] = site;
  const saved = td.frames[d];
  td.frames[d] = {
    cl: undefined,
    fn,
    regs: [],
    pc: 0,
    tailcalls: 0,
    hookTop: -1,
    entry: site,
  } satisfies DebugFrame;
  try {
    callHook(hook, event, undefined, 0);
  } finally {
    td.frames[d] = saved;
    S.depth = d - 1;
  }
}

/**
 * The record of the frame at depth `d`, if it is a live hooked activation (an error can leave
 * a record behind): the innermost frame still has the call site it was entered with (S.site
 * is no help there: VM code sets it only at calls); an outer one made the call at depth d + 1
 * from one of its function's sites.
 */
export function liveFrame(td: ThreadDebug, d: number): DebugFrame | undefined {
  const fr = td.frames[d] as DebugFrame | undefined;
  if (fr === undefined || d > S.depth) return undefined;
  if (fr.cl === undefined) return fr;
  if (d === S.depth) return fr.entry === S.callSites[d] ? fr : undefined;
  let site = S.callSites[d + 1]!;
  if (site <= TAIL_SITE) site = S.callSites[TAIL_CALLERS + d + 1]!; // levels.ts callerSiteOf
  return siteFunctionOf(site) === protoOf(fr.cl)!.definition ? fr : undefined;
}
