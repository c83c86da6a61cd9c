// @lunette/runtime: the flat set of named exports that compiled code and hosts use.
// Generated modules import only what they use (docs/architecture.md).
//
// Contract with the compiler (compiler/src/lower):
//   registers      R, S, MAX_DEPTH, results, ret0, ret1, retN          (state.ts)
//   values         LuaTable, LuaUserdata                                (table.ts, value.ts)
//   sites          registerSites(chunkName, sites, siteFunctions) -> base, lastClosures (sites.ts)
//   slow paths     index(o, k, site), setIndex(o, k, v, site), call(f, site, ...args),
//                  add/sub/mul/div/mod/pow(a, b, site), unm(a, site), concat(a, b, site),
//                  lessThan(a, b, site), lessEqual(a, b, site), equals(a, b), length(v, site),
//                  forNumber(v, role, site), tableSet(t, k, v), stackOverflow()   (ops/*.ts)
//   errors         LuaError                                             (errors.ts)
//   host side      createGlobals(host), setChunkLoader(loader)          (globals.ts, load.ts)
//   embedding      LuaState, toJS, toLuaValue, registerLuaModule, ...   (interop/)

export { metaResumable } from "./coroutine/meta-resumable.js";
export {
  resumeThread,
  runningThread,
  yieldAcrossBoundary,
  yieldResult,
  yieldResumable,
} from "./coroutine/thread.js";
export {
  type CompiledFunctionSource,
  compiledFunctionSource,
  dumpFunction,
  type FunctionDumper,
  setFunctionDumper,
} from "./dump.js";
export { errorValueOf, LuaError, runtimeError, toLuaError } from "./errors.js";
export { createGlobals, installLibrary } from "./globals.js";
export { createBufferHost, type Host } from "./host.js";
export * from "./interop/index.js";
export { TAIL_CALLERS, TAIL_SITE } from "./levels.js";
export {
  argError,
  checkAny,
  checkInteger,
  checkNumber,
  checkString,
  checkTable,
  luaError,
  optInteger,
  optNumber,
  optString,
  where,
} from "./lib/args.js";
export { threadGlobals } from "./lib/base.js";
export { callResumable } from "./lib/coroutine.js";
export { closeState, fullCollection, noteFinalizable, noteMetatable } from "./lib/gc.js";
export * from "./lib/hooks.js";
export { type ChunkLoader, loadChunk, setChunkLoader } from "./load.js";
export { getMetatable, metamethod, setStringMetatable, typeMetatables } from "./metatable.js";
export { numberToString, stringToNumber } from "./number.js";
export { add, div, luaMod, luaPow, mod, mul, pow, sub, toNumber, unm } from "./ops/arith.js";
export { call, callValue } from "./ops/call.js";
export { equals, lessEqual, lessThan } from "./ops/compare.js";
export { concat } from "./ops/concat.js";
export { forNumber } from "./ops/for.js";
export { index, setIndex, tableSet } from "./ops/index.js";
export { length } from "./ops/length.js";
export { stackOverflow } from "./ops/stack.js";
export {
  type ResumableBody,
  TAIL_CALL,
  tailCallMeta,
  tailCallMetaResumable,
  tailLoop,
  tailLoopResumable,
  tailRequest,
} from "./ops/tail.js";
export * from "./sandbox/index.js";
export {
  chunkId,
  functionAtDepth,
  lastClosures,
  lineDefinedOf,
  registerLazySites,
  registerSites,
  type SiteEntry,
  type SiteNames,
  siteFunctionOf,
  siteLineOf,
  sitePosition,
  sitePrefix,
} from "./sites.js";
export * from "./state.js";
export { LuaTable, MAX_ARRAY_PART } from "./table.js";
export { addressOf, rawToString, tostring, type } from "./tostring.js";
export * from "./value.js";
