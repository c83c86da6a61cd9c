// The default state of bundled modules: `import game from "./game.lua"` runs the chunk once in
// this state, as `require("game")` would, and exports its result converted to JS.

import { LuaState, type LuaStateOptions } from "./state.js";

let defaultState: LuaState | undefined;
let defaultOptions: LuaStateOptions = {};

/**
 * Options for the default state; call it before the first .lua module is imported (from a JS
 * module imported earlier), since the state is made on first use.
 */
export function configureDefaultState(options: LuaStateOptions): void {
  if (defaultState !== undefined) throw new Error("the default Lua state already exists");
  defaultOptions = options;
}

/** The state that imported .lua modules run in (made on first use). */
export function getDefaultState(): LuaState {
  defaultState ??= new LuaState(defaultOptions);
  return defaultState;
}

/** What an imported .lua module exports: `require(name)` in the default state. */
export function requireLuaModule(name: string): any {
  return getDefaultState().require(name);
}
