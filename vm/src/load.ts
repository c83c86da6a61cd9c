// The VM's chunk loader (lua_load): source text is compiled to a Proto by the bytecode
// compiler, a binary chunk (first byte `\27`) is read by the undumper; either way the result
// is a VM closure of the main function with the given environment. `installVm` makes it the
// runtime's loader, so loadstring, load, loadfile, dofile and require of files run on the VM:
// no eval or new Function anywhere on this path.

import { hookCount, type LuaTable, setChunkLoader, setVmDebug, vm } from "@lunette/runtime";
import { compileToProto } from "./codegen/index.js";
import { vmDebug } from "./debug-handler.js";
import { mentionsDebugFrames } from "./debug-scan.js";
import type { HookedFunction } from "./interpreter/debug-frame.js";
import { makeClosure, type Upvalue, type VmFunction } from "./interpreter/execute.js";
import { makeHookedClosure } from "./interpreter/execute-hooked.js";
import { prepare } from "./interpreter/sites.js";
import type { Proto } from "./proto.js";
import { installDumper } from "./string-dump.js";
import { isBinaryChunk, undump } from "./undump.js";

/** lua_load: the Proto of a chunk given as source text or as a binary chunk. */
export function loadProto(chunk: string, chunkName: string): Proto {
  return isBinaryChunk(chunk) ? undump(chunk, chunkName) : compileToProto(chunk, chunkName);
}

/**
 * A VM closure of a main function. Its upvalues (a dumped function may have some) start as
 * fresh nil upvalues, as in f_parser. A chunk that mentions sethook/getlocal/setlocal, or one
 * loaded while a hook is set, runs in the hooked form (debug-scan.ts, execute-hooked.ts).
 */
export function closureOf(proto: Proto, env: LuaTable): VmFunction | HookedFunction {
  const upvalues: Upvalue[] = [];
  for (let j = 0; j < proto.nups; j++) upvalues.push({ v: [undefined], i: 0 });
  if (vm.debug === undefined) setVmDebug(vmDebug);
  if (hookCount.threads > 0 || mentionsDebugFrames(proto))
    return makeHookedClosure(prepare(proto), upvalues, env);
  return makeClosure(prepare(proto), upvalues, env);
}

/** The runtime's ChunkLoader on the VM: throws a LuaError on syntax or chunk errors. */
export function loadVmChunk(
  chunk: string,
  chunkName: string,
  env: LuaTable,
): VmFunction | HookedFunction {
  return closureOf(loadProto(chunk, chunkName), env);
}

/**
 * Makes the VM the runtime's chunk loader (loadstring, load, loadfile, dofile, require) and
 * string.dump's dumper.
 */
export function installVm(): void {
  setChunkLoader(loadVmChunk);
  installDumper();
}
