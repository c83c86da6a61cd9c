// The VM's answers to the debug library (runtime/src/lib/hooks.ts VmDebug): facts about VM
// functions from their Proto (ldebug.c funcinfo, 'u', 'L'), upvalues by the Proto's upvalue
// names (ldblib.c auxupvalue, lapi.c aux_upvalue), and locals of hooked frames
// (ldebug.c findlocal over the frame records of interpreter/debug-frame.ts).

import { chunkId, LuaTable, type LuaValue, threadDebug, type VmDebug } from "@lunette/runtime";
import { type DebugFrame, frameLine, liveFrame, protoOf } from "./interpreter/debug-frame.js";
import type { Upvalue } from "./interpreter/frame.js";
import { OpCode, type Proto } from "./proto.js";

/**
 * What lua5.1 finds in the stack slot just above a hooked frame's top: ldblib's hookf pushes
 * the registry's hook table there before calling the hook.
 */
const HOOK_TABLE = new LuaTable();

/** luaF_getlocalname: the n-th local variable active at instruction `pc`. */
function localName(p: Proto, n: number, pc: number): string | undefined {
  for (const v of p.locvars) {
    if (v.startpc > pc) break;
    if (pc < v.endpc && --n === 0) return v.name;
  }
  return undefined;
}

/**
 * ldebug.c findlocal: a local's name (or "(*temporary)" for a live slot below the frame's top)
 * and its register index, for the frame record `fr`.
 */
function findLocal(fr: DebugFrame, n: number): [string, number] | undefined {
  const pp = protoOf(fr.cl);
  if (pp === undefined) return undefined;
  const pc = fr.pc > 0 ? fr.pc - 1 : 0;
  const name = localName(pp.proto, n, pc);
  if (name !== undefined) return [name, n - 1];
  // The slot limit: the called function's register for a call in progress, else the top.
  let limit: number;
  if (fr.hookTop >= 0) limit = fr.hookTop + 1;
  else {
    const i = pp.code[pc]!;
    const op = i & 0x3f;
    const a = (i >>> 6) & 0xff;
    limit =
      op === OpCode.CALL || op === OpCode.TAILCALL
        ? a
        : op === OpCode.TFORLOOP
          ? a + 3
          : pp.frameSize;
  }
  return n > 0 && n <= limit ? ["(*temporary)", n - 1] : undefined;
}

function upvalueOf(fn: LuaValue, n: number): [string, Upvalue] | undefined {
  const pp = protoOf(fn);
  if (pp === undefined) return undefined;
  // lapi.c aux_upvalue counts the names: a stripped function shows no upvalues.
  const upvalues = (fn as unknown as { upvalues: Upvalue[] }).upvalues;
  if (n < 1 || n > pp.proto.upvalues.length || n > upvalues.length) return undefined;
  return [pp.proto.upvalues[n - 1]!, upvalues[n - 1]!];
}

export const vmDebug: VmDebug = {
  functionFacts(fn) {
    const pp = protoOf(fn);
    if (pp === undefined) return undefined;
    const p = pp.proto;
    const source = p.source ?? "=?";
    return {
      source,
      shortSrc: chunkId(source),
      what: p.linedefined === 0 ? "main" : "Lua",
      lineDefined: p.linedefined,
      lastLineDefined: p.lastlinedefined,
      nups: p.nups,
      activeLines: p.lineinfo,
    };
  },

  frameAt(depth) {
    const fr = liveFrame(threadDebug(), depth);
    if (fr === undefined) return undefined;
    return { fn: fr.fn, line: fr.cl === undefined ? -1 : frameLine(fr) };
  },

  getLocal(depth, n) {
    const fr = liveFrame(threadDebug(), depth);
    const found = fr === undefined ? undefined : findLocal(fr, n);
    if (found === undefined) return undefined;
    const [name, r] = found;
    return [name, fr!.hookTop === r ? HOOK_TABLE : fr!.regs[r]];
  },

  setLocal(depth, n, value) {
    const fr = liveFrame(threadDebug(), depth);
    const found = fr === undefined ? undefined : findLocal(fr, n);
    if (found === undefined) return undefined;
    const [name, r] = found;
    if (r < fr!.regs.length) fr!.regs[r] = value;
    return name;
  },

  getUpvalue(fn, n) {
    const found = upvalueOf(fn, n);
    if (found === undefined) return undefined;
    const [name, u] = found;
    return [name, u.v[u.i]];
  },

  setUpvalue(fn, n, value) {
    const found = upvalueOf(fn, n);
    if (found === undefined) return undefined;
    const [name, u] = found;
    u.v[u.i] = value;
    return name;
  },
};
