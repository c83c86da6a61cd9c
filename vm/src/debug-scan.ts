// Which VM chunks run in the hooked form of the interpreter (interpreter/execute-hooked.ts):
// those whose constants, in any nested function, name a debug function that needs frames or
// hooks. A chunk that calls debug.sethook, getlocal or setlocal has those names as string
// constants (GETTABLE/GETGLOBAL keys), so ordinary chunks pay nothing.

import type { Proto } from "./proto.js";

const NEEDS_FRAMES = new Set(["sethook", "getlocal", "setlocal"]);

/** Whether `proto` or a function nested in it mentions sethook, getlocal or setlocal. */
export function mentionsDebugFrames(proto: Proto): boolean {
  for (const k of proto.constants) if (typeof k === "string" && NEEDS_FRAMES.has(k)) return true;
  return proto.protos.some(mentionsDebugFrames);
}
