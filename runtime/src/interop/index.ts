// The embedding API (README "JS interop"): Lua states, value conversion, errors, and the
// registry of modules bundled by @lunette/rollup-plugin.

export {
  ByReference,
  byReference,
  invoke,
  MultipleResults,
  multiple,
  tableOf,
  tableProxy,
  toJS,
  toLuaValue,
  toPlain,
} from "./convert.js";
export { LuaScriptError } from "./errors.js";
export { configureDefaultState, getDefaultState, requireLuaModule } from "./modules.js";
export { registerLuaModule } from "./registry.js";
export { type ChunkLoad, type LibraryName, LuaState, type LuaStateOptions } from "./state.js";
export { decodeUtf8, encodeUtf8 } from "./strings.js";
