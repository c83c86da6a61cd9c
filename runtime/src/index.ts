// @lunette/runtime: the flat set of named exports that compiled code and hosts use.
// Generated modules import only what they use (docs/architecture.md).
//
// Contract with the compiler (compiler/src/lower):
//   registers      R, S, MAX_DEPTH, results, ret0, ret1, retN          (state.ts)
//   values         LuaTable, LuaUserdata                                (table.ts, value.ts)
//   sites          registerSites(chunkName, sites) -> base id           (sites.ts)
//   slow paths     index(o, k, site), setIndex(o, k, v, site), call(f, site, ...args),
//                  add/sub/mul/div/mod/pow(a, b, site), unm(a, site), concat(a, b, site),
//                  lessThan(a, b, site), lessEqual(a, b, site), equals(a, b), length(v, site),
//                  forNumber(v, role, site), tableSet(t, k, v), stackOverflow()   (ops/*.ts)
//   errors         LuaError                                             (errors.ts)
//   host side      createGlobals(host), setChunkLoader(loader)          (globals.ts, load.ts)

export * from "./state.js";
export * from "./value.js";
