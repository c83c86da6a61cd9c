// string.dump (lstrlib.c str_dump, lua_dump) for every Lua function: a VM closure dumps its
// own Proto; a compiled function is recompiled from its chunk's source (kept by the runtime,
// runtime/src/dump.ts) to the Proto luac5.1 builds for it. Library functions have no bytecode
// (lua_dump fails: `unable to dump given function`). Dumps are not stripped, as in lua5.1.

import {
  type CompiledFunctionSource,
  compiledFunctionSource,
  type LuaFunction,
  setFunctionDumper,
} from "@lunette/runtime";
import { type CompiledChunk, compileChunk } from "./codegen/index.js";
import { dumpProto } from "./dump.js";
import type { HookedFunction } from "./interpreter/debug-frame.js";
import type { VmFunction } from "./interpreter/frame.js";
import type { Proto } from "./proto.js";

/** Recompiled chunks, by source then chunk name (a chunk is compiled once however often dumped). */
const recompiled = new Map<string, Map<string, CompiledChunk>>();

function compiledProto(origin: CompiledFunctionSource): Proto | undefined {
  let byName = recompiled.get(origin.source);
  if (byName === undefined) recompiled.set(origin.source, (byName = new Map()));
  let chunk = byName.get(origin.chunkName);
  if (chunk === undefined) {
    chunk = compileChunk(origin.source, origin.chunkName);
    byName.set(origin.chunkName, chunk);
  }
  return origin.loc === undefined ? chunk.main : chunk.functionAt(origin.loc);
}

/** The Lua 5.1 binary chunk of a Lua function, or undefined for a library function. */
export function dumpLuaFunction(f: LuaFunction): string | undefined {
  const vm = (f as Partial<VmFunction>).proto ?? (f as Partial<HookedFunction>).hooked;
  if (vm !== undefined) return dumpProto(vm.proto, false);
  const origin = compiledFunctionSource(f);
  const proto = origin === undefined ? undefined : compiledProto(origin);
  return proto === undefined ? undefined : dumpProto(proto, false);
}

/** Makes string.dump produce bytecode (installVm does this too). */
export function installDumper(): void {
  setFunctionDumper(dumpLuaFunction);
}
