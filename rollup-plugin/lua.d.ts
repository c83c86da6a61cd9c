// Types for `.lua` imports compiled by @lunette/rollup-plugin. Add to a TypeScript project with
// `/// <reference types="@lunette/rollup-plugin/lua" />` or `"types": ["@lunette/rollup-plugin/lua"]`.

declare module "*.lua" {
  /** What the chunk returns, run once in the default Lua state (as `require` would), as JS:
   * tables are proxies, functions take and return JS values (see the runtime's interop). */
  const value: any;
  export default value;
  /** The Lua module name of the file (what `require` calls it). */
  export const moduleName: string;
}

declare module "*.lua?lua-chunk" {
  /** The compiled chunk: `load(env)` returns its main function with environment `env`. */
  export default function load(env: unknown): (...args: unknown[]) => unknown;
}
