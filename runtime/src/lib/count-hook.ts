// debug.sethook's count hook for compiled code (ldo.c luaD_callhook with LUA_HOOKCOUNT). The VM
// counts instructions (vm/src/interpreter/execute-hooked.ts); compiled code has no instructions
// to count, so it counts *fuel*: one unit per loop back-edge and per function entry, the checks
// that budget-compiled code makes (compiler/src/lower/fuel.ts). A chunk whose source mentions
// `sethook` is compiled with them (compiler/src/lower/chunk.ts), so the common uses work: a
// count hook that raises an error to stop a runaway loop, or one that counts work. Code compiled
// without fuel checks (chunks that never mention sethook) is not interrupted.
//
// Bytecode-VM code charges fuel the same way; a VM frame running hooked counts instructions
// itself, so no fuel-driven event fires while one is innermost. While a count hook is set, the budget hands out fuel `count` units at a time
// (sandbox/budget.ts setCountHook); each refill calls the running thread's hook with "count".

import { setCountHook } from "../sandbox/budget.js";
import { S } from "../state.js";
import { callHook, type ThreadDebug, threadDebug, vm } from "./hooks.js";

/** Calls the running thread's count hook, if it has one (hooks are per thread, as in 5.1). */
function fireCountHook(): void {
  const hook = threadDebug().hook;
  if (hook === undefined || hook.count <= 0) return;
  // A hooked VM frame counts its own instructions (vm/src/interpreter/debug-frame.ts).
  if (vm.debug?.frameAt(S.depth) !== undefined) return;
  callHook(hook, "count", undefined, 0);
}

/** After debug.sethook changed `td`'s hook: fuel-driven count events follow its count. */
export function syncCountHook(td: ThreadDebug): void {
  const count = td.hook?.count ?? 0;
  setCountHook(count, count > 0 ? fireCountHook : undefined);
}
